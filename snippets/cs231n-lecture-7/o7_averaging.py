# Ensembles and Polyak averaging on a noisy bowl: averaging weights cancels the noise that one SGD run ends with.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import ema, noisy_gradient, polyak_average, quadratic, run, sgd
from studynotes.prob import mc_estimate
from studynotes.tables import table

rng = np.random.default_rng(8)
f = quadratic(np.diag(np.linspace(0.5, 1.0, 100)))
grad = noisy_gradient(f, 1.0, rng)
paths = [run(sgd, grad, np.full(100, 2.0), 400, {"learning_rate": 0.3}) for _ in range(25)]
groups = [paths[i : i + 5] for i in range(0, 25, 5)]  # five ensembles of five models

TEXT = localized(
    {
        "ko": dict(
            head=["최종 파라미터", "손실 $f$ (평균 ± 표준오차)"],
            single="SGD 한 번의 마지막 반복값 (25회)",
            ensemble="독립적으로 학습한 5개 모델의 평균 (앙상블 5개)",
            polyak="폴랴크 평균: 스텝 100 이후 반복값의 평균 (25회)",
            ema="지수 이동 평균, β = 0.99 (25회)",
        ),
        "en": dict(
            head=["final parameters", "loss $f$ (mean ± s.e.)"],
            single="last iterate of one SGD run (25 runs)",
            ensemble="average of 5 independently trained models (5 ensembles)",
            polyak="Polyak average: mean of the iterates after step 100 (25 runs)",
            ema="exponential moving average, β = 0.99 (25 runs)",
        ),
    }
)


def cell(values):
    est = mc_estimate(np.array(values))
    return f"{est.value:.3f} ± {est.se:.3f}"


print(table(TEXT["head"], [
    (TEXT["single"], cell([f.value(p[-1]) for p in paths])),
    (TEXT["ensemble"], cell([f.value(np.mean([p[-1] for p in g], axis=0)) for g in groups])),
    (TEXT["polyak"], cell([f.value(polyak_average(p[100:])[-1]) for p in paths])),
    (TEXT["ema"], cell([f.value(ema(p, 0.99)[-1]) for p in paths])),
]))
