# Constrained view of L1 and L2: residual contours meet the diamond at a corner, the disc at a generic point.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import min_on_ball, quadratic_loss, unit_ball
from studynotes.plotting import INK, figure, figure_html

TEXT = localized(
    {
        "ko": dict(
            head="| 제약 | 제약 속 최적점 $(\\beta_1, \\beta_2)$ | 그 점의 손실 |",
            l1="L1 마름모 $\\lvert\\beta_1\\rvert+\\lvert\\beta_2\\rvert\\le 1$", l2="L2 원 $\\beta_1^2+\\beta_2^2\\le 1$",
            t1="L1: 마름모", t2="L2: 원", ols="OLS 해", x="β₁", y="β₂",
            alt="두 그래프. 각각 (2, 0.6)을 중심으로 한 기울어진 타원 등고선이 있다. 왼쪽에서는 등고선이 마름모의 오른쪽 꼭짓점 (1, 0)에서 처음 닿는다. "
            "오른쪽에서는 원의 (0.91, 0.41) 근처에서 닿아 두 좌표가 모두 0이 아니다.",
            cap="잔차 제곱합의 등고선(타원)이 제약 영역에 처음 닿는 점이 정칙화된 해다. 마름모는 축 위에 꼭짓점이 있어 해가 꼭짓점에 걸리기 쉽고, 그러면 한 계수가 정확히 0이 된다.",
        ),
        "en": dict(
            head="| constraint | optimum inside it $(\\beta_1, \\beta_2)$ | loss there |",
            l1="L1 diamond $\\lvert\\beta_1\\rvert+\\lvert\\beta_2\\rvert\\le 1$", l2="L2 disc $\\beta_1^2+\\beta_2^2\\le 1$",
            t1="L1: diamond", t2="L2: disc", ols="OLS solution", x="β₁", y="β₂",
            alt="Two plots, each with tilted elliptical contours centered at (2, 0.6). On the left the contours first touch the diamond "
            "at its right corner (1, 0). On the right they touch the disc near (0.91, 0.41), where both coordinates are non-zero.",
            cap="The regularized solution is where the residual contours (ellipses) first touch the constraint region. The diamond has "
            "corners on the axes, so the touching point is often a corner, and there one coefficient is exactly zero.",
        ),
    }
)

center = np.array([2.0, 0.6])  # the unpenalized (OLS) estimate
Q = np.array([[1.0, 0.3], [0.3, 1.0]])  # X'X up to scale: tilts the ellipses
sols = {1: min_on_ball(center, Q, 1), 2: min_on_ball(center, Q, 2)}

print(TEXT["head"] + "\n|---|---|---|")
for p, name in ((1, TEXT["l1"]), (2, TEXT["l2"])):
    b = sols[p]
    print(f"| {name} | $({b[0]:.2f},\\ {b[1]:.2f})$ | {quadratic_loss(b, center, Q):.3f} |")
print()

g = np.linspace(-1.6, 3.0, 160)
B1, B2 = np.meshgrid(g, g)
loss = quadratic_loss(np.stack([B1, B2], axis=-1), center, Q)
fig, axes = figure(1, 2, width=8.0, height=3.8, sharey=True)
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
    ax.legend(loc="upper left", fontsize=8)
axes[0].set(ylabel=TEXT["y"])
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
