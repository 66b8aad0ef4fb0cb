# Birthday problem by the chain rule: exact P(match) beside simulated groups.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import birthday_match_prob, mc_cell, mc_estimate, simulate_birthday
from studynotes.tables import table

rng = np.random.default_rng(365)
ks = np.arange(1, 81)
exact = np.array([birthday_match_prob(k) for k in ks])
ks_sim = np.array([10, 23, 40, 57])
est = [mc_estimate(simulate_birthday(k, 100_000, rng)) for k in ks_sim]

TEXT = localized(
    {
        "ko": dict(
            k="인원 k", exact="정확한 값", sim="시뮬레이션 (10만 그룹)",
            x="인원 k", y="생일이 겹칠 확률", curve="정확한 값 (연쇄 법칙)", dots="시뮬레이션 ± 2 SE"),
        "en": dict(
            k="people k", exact="exact", sim="simulation (100,000 groups)",
            x="number of people k", y="P(some shared birthday)", curve="exact (chain rule)", dots="simulation ± 2 SE"),
    }
)

rows = [(k, f"{birthday_match_prob(k):.5f}", mc_cell(e, birthday_match_prob(k))) for k, e in zip(ks_sim, est)]
print(table([TEXT["k"], TEXT["exact"], TEXT["sim"]], rows))

fig, ax = figure(width=4.8, height=3.0)
ax.plot(ks, exact, label=TEXT["curve"])
ax.errorbar(ks_sim, [e.value for e in est], yerr=[2 * e.se for e in est], fmt="o", color=INK, markersize=4, label=TEXT["dots"])
ax.axvline(23, color=INK, linewidth=0.8, linestyle=":")
ax.axhline(0.5, color=INK, linewidth=0.8, linestyle=":")
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(0, 1.02))
ax.legend(loc="lower right")
print(figure_html(fig))
