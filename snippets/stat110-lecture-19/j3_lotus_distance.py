# 2-D LOTUS: the expected distance between two independent Unif(0, 1) points, by grid and by simulation.
from fractions import Fraction

import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import lotus_grid, mc_cell, mc_estimate

TEXT = localized(
    {
        "ko": dict(
            what="양", sim="시뮬레이션 ($10^6$쌍)", grid="격자 LOTUS ($1001^2$점)", exact="정확한 값",
            lvl="|x − y|", dens="밀도", hist="|U₁ − U₂| 히스토그램", curve="밀도 2(1 − t)", mean="평균 1/3",
            t1="g(x, y) = |x − y|의 등고선", t2="|U₁ − U₂|의 분포",
            alt="두 그림. 왼쪽: 단위 정사각형 위 |x − y|의 등고선으로, 대각선에서 0이고 두 모서리 (0, 1), (1, 0)으로 갈수록 커진다. 오른쪽: |U₁ − U₂|의 히스토그램이 0에서 2, 1에서 0인 직선 2(1 − t)와 겹친다.",
            cap="2차원 LOTUS는 왼쪽 곡면 |x − y|를 결합 밀도 1로 가중해 정사각형 위에서 적분한다. 오른쪽은 같은 값을 시뮬레이션으로 본 것이다.",
        ),
        "en": dict(
            what="quantity", sim="simulation ($10^6$ pairs)", grid="grid LOTUS ($1001^2$ points)", exact="exact",
            lvl="|x − y|", dens="density", hist="histogram of |U₁ − U₂|", curve="density 2(1 − t)", mean="mean 1/3",
            t1="contours of g(x, y) = |x − y|", t2="distribution of |U₁ − U₂|",
            alt="Two panels. Left: contours of |x − y| on the unit square, zero on the diagonal and growing towards the corners (0, 1) and (1, 0). Right: a histogram of |U₁ − U₂| lying on the line 2(1 − t), which falls from 2 at 0 to 0 at 1.",
            cap="2-D LOTUS integrates the surface |x − y| on the left against the joint density 1 over the square; the right panel sees the same quantity by simulation.",
        ),
    }
)

rng = np.random.default_rng(19)
u1, u2 = rng.random((2, 1_000_000))
rows = [
    ("$E\\lvert U_1-U_2\\rvert$", np.abs(u1 - u2), lambda x, y: np.abs(x - y), 1 / 3),
    ("$E\\max(U_1,U_2)$", np.maximum(u1, u2), np.maximum, 2 / 3),
    ("$E\\min(U_1,U_2)$", np.minimum(u1, u2), np.minimum, 1 / 3),
    ("$E(U_1-U_2)$", u1 - u2, lambda x, y: x - y, 0.0),
]
print(f"| {TEXT['what']} | {TEXT['sim']} | {TEXT['grid']} | {TEXT['exact']} |\n|---|---|---|---|")
for label, draws, g, exact in rows:
    print(f"| {label} | {mc_cell(mc_estimate(draws), exact)} | {lotus_grid(g, num=1001):.6f} | {Fraction(exact).limit_denominator(10)} |")
print()

fig, (ax1, ax2) = figure(1, 2, width=7.2, height=3.0)
fig.get_layout_engine().set(wspace=0.12)  # room between the colour bar and the second panel
grid = np.linspace(0, 1, 21)  # |x - y| is piecewise linear, so a coarse grid draws it exactly
gx, gy = np.meshgrid(grid, grid)
filled = ax1.contourf(gx, gy, np.abs(gx - gy), levels=10)
ax1.plot([0, 1], [0, 1], color=INK, linewidth=1, linestyle="--")
ax1.set(aspect="equal", xlabel="x", ylabel="y", title=TEXT["t1"])
ax1.grid(False)
fig.colorbar(filled, ax=ax1, label=TEXT["lvl"])
ax2.hist(np.abs(u1 - u2), bins=50, range=(0, 1), density=True, histtype="stepfilled", alpha=0.55, label=TEXT["hist"])
t = np.linspace(0, 1, 2)
ax2.plot(t, 2 * (1 - t), color=INK, label=TEXT["curve"])
ax2.vlines(1 / 3, 0, 2 * (1 - 1 / 3), color="C1", linestyle=":", linewidth=1.5, label=TEXT["mean"])
ax2.set(xlabel="t", ylabel=TEXT["dens"], title=TEXT["t2"], ylim=(0, 2.7))
ax2.legend(loc="upper right")
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
