# Independence gives E(XY) = E(X)E(Y); the converse fails: Z and Z^2 are uncorrelated but dependent.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import mc_cell, mc_estimate, mc_product, normal_cdf
from studynotes.tables import table

rng = np.random.default_rng(19)
n = 1_000_000
x, y = rng.exponential(1.0, n), rng.random(n)
z = rng.standard_normal(n)
tail = float(2 * normal_cdf(-1.0))  # P(|Z| > 1)

TEXT = localized(
    {
        "ko": dict(
            what="양", sim="시뮬레이션 ($10^6$개)", exact="이론값",
            exy="$X\\sim\\mathrm{Expo}(1)$, $Y\\sim\\mathrm{Unif}(0,1)$ 독립: $E(XY)$",
            cov="$\\mathrm{Cov}(Z, Z^2) = E(Z^3)$",
            joint="$P(\\lvert Z\\rvert>1,\\ Z^2>1)$", prod="$P(\\lvert Z\\rvert>1)\\,P(Z^2>1)$",
            pts="(Z, Z²) 표본 2000개", line="E(Z²) = 1 (최소제곱 직선, 기울기 0)"),
        "en": dict(
            what="quantity", sim="simulation ($10^6$ draws)", exact="theory",
            exy="$X\\sim\\mathrm{Expo}(1)$, $Y\\sim\\mathrm{Unif}(0,1)$ independent: $E(XY)$",
            cov="$\\mathrm{Cov}(Z, Z^2) = E(Z^3)$",
            joint="$P(\\lvert Z\\rvert>1,\\ Z^2>1)$", prod="$P(\\lvert Z\\rvert>1)\\,P(Z^2>1)$",
            pts="2000 draws of (Z, Z²)", line="E(Z²) = 1 (least-squares line, slope 0)"),
    }
)

print(table([TEXT["what"], TEXT["sim"], TEXT["exact"]], [
    (TEXT["exy"], mc_cell(mc_estimate(x * y), 0.5), "$E(X)E(Y) = 1\\cdot\\frac12$"),
    (TEXT["cov"], mc_cell(mc_estimate(z**3), 0.0), "0"),
    (TEXT["joint"], mc_cell(mc_estimate(np.abs(z) > 1), tail), f"{tail:.5f}"),
    (TEXT["prod"], mc_cell(mc_product(np.abs(z) > 1, z**2 > 1), tail**2), f"{tail**2:.5f}"),
]))

fig, ax = figure(width=4.8, height=3.0)
ax.scatter(z[:2000], z[:2000] ** 2, s=3, alpha=0.5, rasterized=True, label=TEXT["pts"])
ax.axhline(1.0, color=INK, linestyle="--", linewidth=1, label=TEXT["line"])
ax.set(xlabel="Z", ylabel="Z²", xlim=(-3.5, 3.5), ylim=(-0.3, 14))
ax.legend(loc="upper center")
print(figure_html(fig))
