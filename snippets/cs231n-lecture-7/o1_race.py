# Six optimizers race on the ill-conditioned bowl f = (x^2 + 100 y^2)/2: paths, losses and contraction factors.
import math

import numpy as np

from studynotes.i18n import localized
from studynotes.optim import ill_conditioned_quadratic, optimizer_race
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import table

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
            x="x (완만한 방향)", y="y (가파른 방향)", step="스텝", loss="손실 f (로그 눈금)",
            
            rate="경사 하강법의 최적 학습률 2/(1+κ)에서 이론 수축 비율 (κ−1)/(κ+1)"),
        "en": dict(
            head=["optimizer", "hyperparameters", "loss after 150 steps", "measured contraction factor", "theory"],
            adaptive="(adaptive: no linear rate)",
            x="x (shallow direction)", y="y (steep direction)", step="step", loss="loss f (log scale)",
            
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
print(f"{TEXT['rate']}: **{(kappa - 1) / (kappa + 1):.4f}**\n")

f = ill_conditioned_quadratic(kappa)
gx, gy = np.meshgrid(np.linspace(-11, 2, 66), np.linspace(-2.5, 2.5, 51))
fig, (ax, bx) = figure(1, 2, width=6.4, height=3.4, gridspec_kw={"width_ratios": [1.3, 1]})
ax.contour(gx, gy, f.value(np.stack([gx, gy], axis=-1)), levels=np.geomspace(0.5, 600, 12), colors=INK, alpha=0.25, linewidths=0.6)
for i, (name, r) in enumerate(zip(NAMES, runs, strict=True)):
    style = "--" if i == 1 else "-"  # the step above 2/κ: its zig-zag grows until it leaves the picture
    ax.plot(r.path[:, 0], r.path[:, 1], color=f"C{i}", linewidth=1.2, linestyle=style)
    bx.semilogy(r.loss, color=f"C{i}", linewidth=1.2, linestyle=style, label=name)
ax.plot([-10, 0], [1, 0], "o", color=INK, markersize=4)
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(-11, 2), ylim=(-2.5, 2.5))
bx.set(xlabel=TEXT["step"], ylabel=TEXT["loss"])
fig.legend(*bx.get_legend_handles_labels(), loc="outside lower center", ncol=4)
print(figure_html(fig))
