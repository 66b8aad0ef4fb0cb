# Newton-Pepys: at least k sixes with 6k dice, exact binomial probabilities beside 200,000 simulated rolls each.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import mc_cell, mc_estimate, newton_pepys_prob, simulate_newton_pepys
from studynotes.tables import table

rng = np.random.default_rng(1693)
ks = np.arange(1, 7)
exact = np.array([newton_pepys_prob(k) for k in ks])
est = [mc_estimate(simulate_newton_pepys(k, 200_000, rng)) for k in ks]

TEXT = localized(
    {
        "ko": dict(
            bet="내기", exact="정확한 값", sim="시뮬레이션 (20만 번)", row="주사위 {d}개에서 6이 {k}개 이상",
            x="k (주사위 6k개를 던져 6이 k개 이상)", y="확률", bars="정확한 값", dots="시뮬레이션 ± 2 SE"),
        "en": dict(
            bet="bet", exact="exact", sim="simulation (200,000 rolls)", row="at least {k} of {d} dice show a six",
            x="k (at least k sixes with 6k dice)", y="probability", bars="exact", dots="simulation ± 2 SE"),
    }
)

rows = [(TEXT["row"].format(k=k, d=6 * k), f"{exact[k - 1]:.4f}", mc_cell(est[k - 1], exact[k - 1])) for k in (1, 2, 3)]
print(table([TEXT["bet"], TEXT["exact"], TEXT["sim"]], rows))

fig, ax = figure(width=4.8, height=3.0)
ax.bar(ks, exact, width=0.6, alpha=0.6, label=TEXT["bars"])
ax.errorbar(ks, [e.value for e in est], yerr=[2 * e.se for e in est], fmt="o", color=INK, markersize=4, label=TEXT["dots"])
ax.axhline(0.5, color=INK, linewidth=0.8, linestyle=":")
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(0, 0.75), xticks=ks)
ax.legend(loc="upper right")
print(figure_html(fig))
