# Constrained view of L1 and L2: residual contours meet the diamond at a corner, the disc at a generic point.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import min_on_ball, quadratic_loss, unit_ball
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import table

center = np.array([2.0, 0.6])  # the unpenalized (OLS) estimate
Q = np.array([[1.0, 0.3], [0.3, 1.0]])  # X'X up to scale: tilts the ellipses
sols = {1: min_on_ball(center, Q, 1), 2: min_on_ball(center, Q, 2)}

TEXT = localized(
    {
        "ko": dict(
            head=["제약", "제약 속 최적점 $(\\beta_1, \\beta_2)$", "그 점의 손실"],
            l1="L1 마름모 $\\lvert\\beta_1\\rvert+\\lvert\\beta_2\\rvert\\le 1$", l2="L2 원 $\\beta_1^2+\\beta_2^2\\le 1$",
            t1="L1: 마름모", t2="L2: 원", ols="OLS 해", x="β₁", y="β₂"),
        "en": dict(
            head=["constraint", "optimum inside it $(\\beta_1, \\beta_2)$", "loss there"],
            l1="L1 diamond $\\lvert\\beta_1\\rvert+\\lvert\\beta_2\\rvert\\le 1$", l2="L2 disc $\\beta_1^2+\\beta_2^2\\le 1$",
            t1="L1: diamond", t2="L2: disc", ols="OLS solution", x="β₁", y="β₂"),
    }
)

rows = []
for p, name in ((1, TEXT["l1"]), (2, TEXT["l2"])):
    b = sols[p]
    rows.append((name, f"$({b[0]:.2f},\\ {b[1]:.2f})$", f"{quadratic_loss(b, center, Q):.3f}"))
print(table(TEXT["head"], rows))

g = np.linspace(-1.6, 3.0, 160)
B1, B2 = np.meshgrid(g, g)
loss = quadratic_loss(np.stack([B1, B2], axis=-1), center, Q)
fig, axes = figure(1, 2, width=7.6, height=3.8, sharey=True)
for ax, p, title in ((axes[0], 1, TEXT["t1"]), (axes[1], 2, TEXT["t2"])):
    best = quadratic_loss(sols[p], center, Q)
    ax.contour(B1, B2, loss, levels=best * np.array([0.15, 0.4, 1.0, 1.8, 2.8]), colors="C4", linewidths=1)
    ball = unit_ball(p, 721)
    ax.fill(ball[:, 0], ball[:, 1], color="C0", alpha=0.25, linewidth=1.5, edgecolor="C0")
    ax.plot(*center, marker="x", color=INK, markersize=7, linestyle="none", label=TEXT["ols"])
    ax.plot(*sols[p], marker="o", color="C1", markersize=7, linestyle="none", label=f"({sols[p][0]:.2f}, {sols[p][1]:.2f})")
    ax.axhline(0, color=INK, linewidth=0.6)
    ax.axvline(0, color=INK, linewidth=0.6)
    ax.set_aspect("equal")
    ax.set_title(title)
    ax.set(xlabel=TEXT["x"], xlim=(-1.5, 3.0), ylim=(-1.5, 2.0))
    ax.legend(loc="upper left", fontsize=9)
axes[0].set(ylabel=TEXT["y"])
print(figure_html(fig))
