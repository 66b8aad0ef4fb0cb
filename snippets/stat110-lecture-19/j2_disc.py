# Uniform on the unit disc: rejection sampling, a marginal that is not uniform, a uniform conditional, dependence.
import math

import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import (disc_conditional_var, disc_marginal_pdf, disc_marginal_tail, mc_cell, mc_estimate,
    mc_product, sample_unit_disc)
from studynotes.tables import table

rng = np.random.default_rng(19)
sample = sample_unit_disc(500_000, rng)
x, y = sample.points.T
x0, half = 0.6, 0.01
band = np.abs(x - x0) < half

acc = sample.acceptance_estimate()
f0 = mc_estimate((np.abs(x) < half) / (2 * half))
var_y = mc_estimate(y[band] ** 2)  # E(Y | X = x) = 0 by symmetry, so Var = E(Y^2 | X = x)
corner = mc_estimate((np.abs(x) > 0.8) & (np.abs(y) > 0.8))
prod = mc_product(np.abs(x) > 0.8, np.abs(y) > 0.8)  # both means from the same points: delta-method SE
tail = disc_marginal_tail(0.8)  # P(|X| > 0.8) = P(|Y| > 0.8)
neg = mc_estimate((x <= 0) & (y <= 0))
neg_prod = mc_product(x <= 0, y <= 0)
u = rng.random((200_000, 2))
sq = mc_estimate((u[:, 0] <= 0.3) & (u[:, 1] <= 0.7))

TEXT = localized(
    {
        "ko": dict(
            what="양", sim="시뮬레이션", exact="이론값",
            acc="수락 비율 (원 넓이 / 정사각형 넓이)", f0="$f_X(0)$ (폭 0.02 구간으로 추정)",
            var="$\\mathrm{Var}(Y\\mid X\\approx 0.6)$", corner="$P(\\lvert X\\rvert>0.8,\\ \\lvert Y\\rvert>0.8)$",
            prod="$P(\\lvert X\\rvert>0.8)\\,P(\\lvert Y\\rvert>0.8)$", q="$P(X\\le0,\\ Y\\le0)$", qprod="$P(X\\le0)\\,P(Y\\le0)$",
            sq="정사각형: $F(0.3,\\,0.7)$ (경험적 결합 CDF)",
            t1="(X, Y) 표본 3000개", t2="X의 주변분포", t3="X ≈ 0.6일 때 Y",
            hist="히스토그램", curve="정확한 밀도", unif="Unif(−0.8, 0.8)의 밀도", dens="밀도"),
        "en": dict(
            what="quantity", sim="simulation", exact="theory",
            acc="acceptance rate (disc area / square area)", f0="$f_X(0)$ (estimated from a window of width 0.02)",
            var="$\\mathrm{Var}(Y\\mid X\\approx 0.6)$", corner="$P(\\lvert X\\rvert>0.8,\\ \\lvert Y\\rvert>0.8)$",
            prod="$P(\\lvert X\\rvert>0.8)\\,P(\\lvert Y\\rvert>0.8)$", q="$P(X\\le0,\\ Y\\le0)$", qprod="$P(X\\le0)\\,P(Y\\le0)$",
            sq="square: $F(0.3,\\,0.7)$ (empirical joint CDF)",
            t1="3000 draws of (X, Y)", t2="marginal of X", t3="Y given X ≈ 0.6",
            hist="histogram", curve="exact density", unif="Unif(−0.8, 0.8) density", dens="density"),
    }
)

print(table([TEXT["what"], TEXT["sim"], TEXT["exact"]], [
    (TEXT["acc"], mc_cell(acc, math.pi / 4), f"$\\pi/4$ = {math.pi / 4:.5f}"),
    (TEXT["f0"], mc_cell(f0, float(disc_marginal_pdf(0.0))), f"$2/\\pi$ = {disc_marginal_pdf(0.0):.4f}"),
    (TEXT["var"], mc_cell(var_y, disc_conditional_var(x0)), f"$(1-0.6^2)/3$ = {disc_conditional_var(x0):.4f}"),
    (TEXT["corner"], mc_cell(corner, 0.0), "0"),
    (TEXT["prod"], mc_cell(prod, tail**2), f"$P(\\lvert X\\rvert>0.8)^2$ = {tail**2:.6f}"),
    (TEXT["q"], mc_cell(neg, 0.25), "1/4"),
    (TEXT["qprod"], mc_cell(neg_prod, 0.25), "1/4"),
    (TEXT["sq"], mc_cell(sq, 0.3 * 0.7), f"$0.3\\cdot0.7$ = {0.3 * 0.7:.5f}"),
]))

fig, (ax1, ax2, ax3) = figure(1, 3, width=7.6, height=2.7)
shown = sample.points[:3000]
ax1.scatter(shown[:, 0], shown[:, 1], s=1.5, alpha=0.8, linewidths=0, rasterized=True)
ax1.axvspan(x0 - half, x0 + half, color="C1", alpha=0.6)
ax1.set(aspect="equal", xlim=(-1.05, 1.05), ylim=(-1.05, 1.05), xlabel="x", ylabel="y", title=TEXT["t1"])
ax2.hist(x, bins=50, range=(-1, 1), density=True, histtype="stepfilled", alpha=0.55, label=TEXT["hist"])
grid = np.linspace(-1, 1, 401)
ax2.plot(grid, disc_marginal_pdf(grid), color=INK, label=TEXT["curve"])
ax2.set(xlabel="x", ylabel=TEXT["dens"], title=TEXT["t2"], ylim=(0, 1.0))
ax2.legend(loc="upper center", fontsize=9)
chord = math.sqrt(1 - x0**2)
ax3.hist(y[band], bins=20, range=(-1, 1), density=True, histtype="stepfilled", alpha=0.55, color="C1", label=TEXT["hist"])
ax3.plot([-1, -chord, -chord, chord, chord, 1], [0, 0, 1 / (2 * chord), 1 / (2 * chord), 0, 0],
         color=INK, label=TEXT["unif"])
ax3.set(xlabel="y", ylabel=TEXT["dens"], title=TEXT["t3"], ylim=(0, 1.0))
ax3.legend(loc="upper center", fontsize=9)
print(figure_html(fig))
