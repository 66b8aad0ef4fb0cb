# Six optimizers race on the ill-conditioned bowl f = (x^2 + 100 y^2)/2: losses and contraction factors.
import math

import numpy as np

from studynotes.i18n import localized
from studynotes.optim import contraction_factor, optimizer_race
from studynotes.tables import note, table

kappa = 100.0
runs = optimizer_race(kappa=kappa, start=(-10.0, 1.0), num_steps=150)
long = optimizer_race(kappa=kappa, start=(-10.0, 1.0), num_steps=2000)[4:]  # the adaptive rules, run longer
NAMES = localized(
    {
        "ko": ["SGD", "SGD (너무 큰 학습률)", "SGD+Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam"],
        "en": ["SGD", "SGD (step too large)", "SGD+Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam"],
    }
)
TEXT = localized(
    {
        "ko": dict(
            head=["최적화 기법", "하이퍼파라미터", "150스텝 뒤 손실", "측정한 수축 비율", "이론값"], adaptive="(닫힌 식 없음)",
            rate="경사 하강법의 최적 학습률 2/(1+κ)에서 이론 수축 비율 (κ−1)/(κ+1)",
            head2=["최솟값까지 거리", "t = 140", "t = 150", "t = 600", "t = 2000", "수축 비율 (스텝 1000–2000)"],
            cycle="RMSProp이 갇힌 2-주기 순환의 거리와 $\\alpha/\\sqrt2$"),
        "en": dict(
            head=["optimizer", "hyperparameters", "loss after 150 steps", "measured contraction factor", "theory"], adaptive="(no closed form)",
            rate="theoretical contraction of gradient descent with the best step 2/(1+κ), (κ−1)/(κ+1)",
            head2=["distance to the minimum", "t = 140", "t = 150", "t = 600", "t = 2000", "contraction factor (steps 1000–2000)"],
            cycle="distance of RMSProp's 2-cycle and $\\alpha/\\sqrt2$"),
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

rows = []
for name, r in zip(NAMES[4:], long, strict=True):
    dist = np.linalg.norm(r.path, axis=1)  # distance to the minimum (0, 0)
    rows.append((name, *(f"{dist[t]:.2g}" for t in (140, 150, 600, 2000)), f"{contraction_factor(r.path, [0.0, 0.0], window=1000):.4f}"))
print(table(TEXT["head2"], rows))
rms = dict(runs[5].config)["learning_rate"]
print(note(f"{TEXT['cycle']}: {np.linalg.norm(long[1].path[-1]):.4f}, {rms / math.sqrt(2):.4f}"))
