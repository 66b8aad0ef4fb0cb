# Putnam problem: the expected number of local maxima of a random permutation of 1..n is (n+1)/3.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import expected_local_maxima, mc_cell, mc_estimate, simulate_local_maxima
from studynotes.tables import table

rng = np.random.default_rng(10)
est = mc_estimate(simulate_local_maxima(10, 200_000, rng))
TEXT = localized(
    {
        "ko": dict(
            n="n", exact="정확한 값 $(n+1)/3$", sim="시뮬레이션 (순열 20만 개)",
            x="순열의 길이 n", y="국소 최댓값 개수의 평균", line="(n+1)/3", dots="시뮬레이션 ± 2 SE"),
        "en": dict(
            n="n", exact="exact $(n+1)/3$", sim="simulation (200,000 permutations)",
            x="length of the permutation n", y="mean number of local maxima", line="(n+1)/3", dots="simulation ± 2 SE"),
    }
)

print(table([TEXT["n"], TEXT["exact"], TEXT["sim"]], [(10, f"{expected_local_maxima(10):.4f}", mc_cell(est, expected_local_maxima(10)))]))

ns = np.arange(2, 21)
dots = [mc_estimate(simulate_local_maxima(n, 20_000, rng)) for n in ns]
fig, ax = figure(width=4.8, height=3.0)
ax.plot(ns, [expected_local_maxima(n) for n in ns], label=TEXT["line"])
ax.errorbar(ns, [e.value for e in dots], yerr=[2 * e.se for e in dots], fmt="o", color=INK, markersize=3, label=TEXT["dots"])
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xticks=ns[::2])
ax.legend(loc="upper left")
print(figure_html(fig))
