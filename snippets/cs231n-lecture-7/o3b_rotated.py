# Per-coordinate step sizes fix conditioning only along the coordinate axes: the same bowl, turned by 45 degrees.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import rotated_quadratic_runs
from studynotes.plotting import figure, figure_html
from studynotes.tables import note, table

LRS = tuple(float(v) for v in np.geomspace(1e-3, 10.0, 17))
runs = rotated_quadratic_runs(lrs=LRS)
T = len(runs[0].loss_aligned) - 1
TEXT = localized(
    {
        "ko": dict(
            head=["방법", "축 정렬: 최적 학습률", "축 정렬: $f/f_0$", "45° 회전: 최적 학습률", "45° 회전: $f/f_0$"],
            names=["경사 하강법", "모멘텀 ($\\rho = 0.9$)", "AdaGrad", "RMSProp ($\\delta = 0.99$)", "Adam"],
            plain=["경사 하강법", "모멘텀", "AdaGrad", "RMSProp", "Adam"],
            note="({T}스텝 뒤, 마지막 10스텝의 중앙값. 학습률은 $10^{{-3}}$에서 10까지 로그 간격 {n}개 중 방법과 문제마다 가장 좋은 것)",
            aligned="축 정렬 (κ = 100)", rotated="45° 회전", step="스텝", loss="f(xₜ)/f(x₀) (로그 눈금)"),
        "en": dict(
            head=["method", "aligned: best learning rate", "aligned: $f/f_0$", "rotated 45°: best learning rate", "rotated 45°: $f/f_0$"],
            names=["gradient descent", "momentum ($\\rho = 0.9$)", "AdaGrad", "RMSProp ($\\delta = 0.99$)", "Adam"],
            plain=["gradient descent", "momentum", "AdaGrad", "RMSProp", "Adam"],
            note="(after {T} steps, median of the last 10; each method gets, on each problem, the best of {n} log-spaced learning rates from $10^{{-3}}$ to 10)",
            aligned="axis-aligned (κ = 100)", rotated="rotated 45°", step="step", loss="f(xₜ)/f(x₀) (log scale)"),
    }
)

print(note(TEXT["note"].format(T=T, n=len(LRS))))
print(table(TEXT["head"], [
    (name, f"{r.lr_aligned:.3g}", f"{r.final('aligned'):.1e}", f"{r.lr_rotated:.3g}", f"{r.final('rotated'):.1e}")
    for name, r in zip(TEXT["names"], runs)
]))

STYLES = [dict(linestyle="-"), dict(linestyle=":"), dict(linestyle="-."), dict(linestyle="--"), dict(linestyle=(0, (6, 1.5, 1, 1.5, 1, 1.5)))]
fig, axes = figure(1, 2, width=7.6, height=3.3, sharey=True)
steps = np.arange(T + 1)
floor = 1e-30  # exact zeros (AdaGrad lands on the minimum) drawn at the bottom of the axis
for ax, which, title in ((axes[0], "loss_aligned", TEXT["aligned"]), (axes[1], "loss_rotated", TEXT["rotated"])):
    for k, (name, r, style) in enumerate(zip(TEXT["plain"], runs, STYLES)):
        ax.semilogy(steps, np.maximum(getattr(r, which), floor), color=f"C{k}", label=name, **style)
    ax.set(title=title, xlabel=TEXT["step"], ylim=(floor, 10.0))
axes[0].set_ylabel(TEXT["loss"])
axes[1].legend(fontsize=9, loc="lower left")
print(figure_html(fig))
