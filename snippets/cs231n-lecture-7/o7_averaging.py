# Ensembles and Polyak averaging on a noisy bowl: averaging weights cancels the noise that one SGD run ends with.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import ema, noisy_gradient, polyak_average, quadratic, run, sgd
from studynotes.tables import table

rng = np.random.default_rng(8)
f = quadratic(np.diag(np.linspace(0.5, 1.0, 100)))
grad = noisy_gradient(f, 1.0, rng)
paths = [run(sgd, grad, np.full(100, 2.0), 400, {"learning_rate": 0.3}) for _ in range(5)]

TEXT = localized(
    {
        "ko": dict(
            head=["최종 파라미터", "손실 $f$"],
            single="SGD 한 번의 마지막 반복값 (5회 평균)",
            ensemble="독립적으로 학습한 5개 모델의 평균 (앙상블)",
            polyak="폴랴크 평균: 스텝 100 이후 반복값의 평균",
            ema="지수 이동 평균 (β = 0.99)",
        ),
        "en": dict(
            head=["final parameters", "loss $f$"],
            single="last iterate of one SGD run (mean of 5 runs)",
            ensemble="average of 5 independently trained models (ensemble)",
            polyak="Polyak average: mean of the iterates after step 100",
            ema="exponential moving average (β = 0.99)",
        ),
    }
)

print(table(TEXT["head"], [
    (TEXT["single"], f"{np.mean([f.value(p[-1]) for p in paths]):.3f}"),
    (TEXT["ensemble"], f"{f.value(np.mean([p[-1] for p in paths], axis=0)):.3f}"),
    (TEXT["polyak"], f"{np.mean([f.value(polyak_average(p[100:])[-1]) for p in paths]):.3f}"),
    (TEXT["ema"], f"{np.mean([f.value(ema(p, 0.99)[-1]) for p in paths]):.3f}"),
]))
