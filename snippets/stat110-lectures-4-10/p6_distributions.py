# PMFs and CDFs of Bin(10, 0.3), HGeom(4, 48, 5) and Geom(0.3) (Stat 110 conventions) beside NumPy samples.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import (binomial_cdf, binomial_pmf, geometric_cdf, geometric_pmf, hypergeometric_cdf,
    hypergeometric_pmf, mc_cell, mc_estimate)
from studynotes.tables import table

rng = np.random.default_rng(8)
size = 100_000
dists = [
    (lambda k: binomial_pmf(k, 10, 0.3), lambda x: binomial_cdf(x, 10, 0.3), rng.binomial(10, 0.3, size),
     10 * 0.3, "rng.binomial(10, 0.3)", 10),
    (lambda k: hypergeometric_pmf(k, 4, 48, 5), lambda x: hypergeometric_cdf(x, 4, 48, 5), rng.hypergeometric(4, 48, 5, size),
     5 * 4 / 52, "rng.hypergeometric(4, 48, 5)", 4),
    (lambda k: geometric_pmf(k, 0.3), lambda x: geometric_cdf(x, 0.3), rng.geometric(0.3, size) - 1,  # NumPy counts trials
     0.7 / 0.3, "rng.geometric(0.3) - 1", 15),
]

TEXT = localized(
    {
        "ko": dict(
            dist="분포", exact="정확한 평균", sim="표본 평균 (10만 개)", numpy="NumPy 호출",
            names=["Bin(10, 0.3)", "HGeom(4, 48, 5): 5장 중 에이스", "Geom(0.3): 실패 횟수"],
            titles=["Bin(10, 0.3)", "HGeom(4, 48, 5)", "Geom(0.3)"],
            pmf="PMF", cdf="CDF", x="k", freq="표본 빈도"),
        "en": dict(
            dist="distribution", exact="exact mean", sim="sample mean (100,000 draws)", numpy="NumPy call",
            names=["Bin(10, 0.3)", "HGeom(4, 48, 5): aces in 5 cards", "Geom(0.3): failures"],
            titles=["Bin(10, 0.3)", "HGeom(4, 48, 5)", "Geom(0.3)"],
            pmf="PMF", cdf="CDF", x="k", freq="sample frequency"),
    }
)

rows = [(name, f"`{call}`", f"{mean:.4f}", mc_cell(mc_estimate(draws), mean))
        for name, (_, _, draws, mean, call, _) in zip(TEXT["names"], dists)]
print(table([TEXT["dist"], TEXT["numpy"], TEXT["exact"], TEXT["sim"]], rows))

fig, axes = figure(2, 3, width=7.2, height=4.2, sharex="col")
for j, (title, (pmf, cdf, draws, _, _, top)) in enumerate(zip(TEXT["titles"], dists)):
    k = np.arange(0, top + 1)
    freq = np.bincount(draws, minlength=top + 1)[: top + 1] / size
    axes[0, j].bar(k, pmf(k), width=0.7, alpha=0.6, color=f"C{j}")
    axes[0, j].plot(k, freq, "o", color=INK, markersize=3, label=TEXT["freq"])
    axes[0, j].set_title(title, fontsize=9)
    x = np.arange(-1, top + 2)
    axes[1, j].plot(x, cdf(x), color=f"C{j}", drawstyle="steps-post")
    axes[1, j].plot(k, cdf(k), "o", color=f"C{j}", markersize=3)
    axes[1, j].set(xlabel=TEXT["x"], ylim=(0, 1.05))
axes[0, 0].set_ylabel(TEXT["pmf"])
axes[1, 0].set_ylabel(TEXT["cdf"])
axes[0, 0].legend(loc="upper right", fontsize=9)
print(figure_html(fig))
