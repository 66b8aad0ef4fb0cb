# Six optimizers race on the ill-conditioned bowl f = (x^2 + 100 y^2)/2: losses and contraction factors.
import math

from studynotes.i18n import localized
from studynotes.optim import optimizer_race
from studynotes.tables import note, table

kappa = 100.0
runs = optimizer_race(kappa=kappa, start=(-10.0, 1.0), num_steps=150)
NAMES = localized(
    {
        "ko": ["SGD", "SGD (너무 큰 학습률)", "SGD+Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam"],
        "en": ["SGD", "SGD (step too large)", "SGD+Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam"],
    }
)
TEXT = localized(
    {
        "ko": dict(
            head=["최적화 기법", "하이퍼파라미터", "150스텝 뒤 손실", "측정한 수축 비율", "이론값"],
            adaptive="(적응적: 선형 비율 없음)",
            rate="경사 하강법의 최적 학습률 2/(1+κ)에서 이론 수축 비율 (κ−1)/(κ+1)"),
        "en": dict(
            head=["optimizer", "hyperparameters", "loss after 150 steps", "measured contraction factor", "theory"],
            adaptive="(adaptive: no linear rate)",
            rate="theoretical contraction of gradient descent with the best step 2/(1+κ), (κ−1)/(κ+1)"),
    }
)
SYMBOLS = {"learning_rate": "\\alpha", "momentum": "\\rho", "decay_rate": "\\delta"}


rows = []
for name, r in zip(NAMES, runs, strict=True):
    params = ", ".join(f"${SYMBOLS[k]}={v:.4g}$" for k, v in r.config)
    theory = TEXT["adaptive"] if math.isnan(r.theory) else f"{r.theory:.4f}"
    rows.append((name, params, f"{r.loss[-1]:.3g}", f"{r.rate:.4f}", theory))
print(table(TEXT["head"], rows))
print(note(f"{TEXT['rate']}: **{(kappa - 1) / (kappa + 1):.4f}**"))
