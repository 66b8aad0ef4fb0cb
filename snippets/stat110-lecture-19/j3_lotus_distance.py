# 2-D LOTUS: the expected distance between two independent Unif(0, 1) points, by grid and by simulation.
from fractions import Fraction

import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import lotus_grid, mc_cell, mc_estimate
from studynotes.tables import table

rng = np.random.default_rng(19)
u1, u2 = rng.random((2, 1_000_000))
rows = [
    ("$E\\lvert U_1-U_2\\rvert$", np.abs(u1 - u2), lambda x, y: np.abs(x - y), 1 / 3),
    ("$E\\max(U_1,U_2)$", np.maximum(u1, u2), np.maximum, 2 / 3),
    ("$E\\min(U_1,U_2)$", np.minimum(u1, u2), np.minimum, 1 / 3),
    ("$E(U_1-U_2)$", u1 - u2, lambda x, y: x - y, 0.0),
]
TEXT = localized(
    {
        "ko": dict(
            what="양", sim="시뮬레이션 ($10^6$쌍)", grid="격자 LOTUS ($1001^2$점)", exact="정확한 값",
            lvl="|x − y|", dens="밀도", hist="|U₁ − U₂| 히스토그램", curve="밀도 2(1 − t)", mean="평균 1/3",
            t1="g(x, y) = |x − y|의 등고선", t2="|U₁ − U₂|의 분포"),
        "en": dict(
            what="quantity", sim="simulation ($10^6$ pairs)", grid="grid LOTUS ($1001^2$ points)", exact="exact",
            lvl="|x − y|", dens="density", hist="histogram of |U₁ − U₂|", curve="density 2(1 − t)", mean="mean 1/3",
            t1="contours of g(x, y) = |x − y|", t2="distribution of |U₁ − U₂|"),
    }
)

print(table([TEXT["what"], TEXT["sim"], TEXT["grid"], TEXT["exact"]], [
    (label, mc_cell(mc_estimate(draws), exact), f"{lotus_grid(g, num=1001):.6f}", Fraction(exact).limit_denominator(10))
    for label, draws, g, exact in rows
]))

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
print(figure_html(fig))
