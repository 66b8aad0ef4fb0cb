# The same race, animated: each path and loss curve draws itself one optimization step at a time.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import animated_figure_html, ill_conditioned_quadratic, optimizer_race
from studynotes.plotting import INK, figure

NAMES = ["SGD", "SGD+Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam"]
runs = [r for i, r in enumerate(optimizer_race(kappa=100.0, start=(-10.0, 1.0), num_steps=150)) if i != 1]
f = ill_conditioned_quadratic(100.0)
gx, gy = np.meshgrid(np.linspace(-11, 11, 201), np.linspace(-4, 4, 161))
fig, (ax, bx) = figure(1, 2, width=7.6, height=3.2, gridspec_kw={"width_ratios": [1.5, 1]})
ax.contour(gx, gy, f.value(np.stack([gx, gy], axis=-1)), levels=np.geomspace(0.5, 600, 12), colors=INK, alpha=0.25, linewidths=0.6)
lines = []
for i, (name, r) in enumerate(zip(NAMES, runs, strict=True)):
    color = f"C{i + 1 if i else 0}"  # same colors as the static figure
    lines += ax.plot(r.path[:, 0], r.path[:, 1], color=color, linewidth=1.2)
    lines += bx.semilogy(r.loss, color=color, linewidth=1.2, label=name)
ax.plot([-10, 0], [1, 0], "o", color=INK, markersize=4)
TEXT = localized(
    {
        "ko": dict(
            x="x (완만한 방향)", y="y (가파른 방향)", step="스텝", loss="손실 f (로그 눈금)"),
        "en": dict(
            x="x (shallow direction)", y="y (steep direction)", step="step", loss="loss f (log scale)"),
    }
)

ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(-11, 11), ylim=(-4, 4))
bx.set(xlabel=TEXT["step"], ylabel=TEXT["loss"])
fig.legend(*bx.get_legend_handles_labels(), loc="outside lower center", ncol=6, fontsize=9)
print(animated_figure_html(fig, lines, wrapper_id="cs231n-l7-race-anim", duration=10.0))
