# Simpson's paradox: Dr. Hibbert wins in each surgery type, Dr. Nick wins overall; simulated patients agree.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, PALETTE, figure, figure_html
from studynotes.prob import conditional_estimate, mc_cell, mc_estimate, simpson_rates, simulate_case_mix
from studynotes.tables import table

# Lecture numbers: (successes, operations) for heart surgery and band-aid removal.
records = {"Hibbert": ([70, 10], [90, 10]), "Nick": ([2, 81], [10, 90])}
rng = np.random.default_rng(110)
tables, sims = [], []
for successes, totals in records.values():
    t = simpson_rates(successes, totals)
    cat, ok = simulate_case_mix(t.weights, t.rates, 200_000, rng)
    tables.append(t)
    sims.append([conditional_estimate(ok, cat == j) for j in range(2)] + [mc_estimate(ok.astype(float))])

TEXT = localized(
    {
        "ko": dict(
            doc="의사", cats=["심장 수술", "반창고 제거", "전체"], docs=["히버트", "닉"],
            exact="정확한 값", sim="시뮬레이션 (환자 20만 명)", y="성공률", dots="시뮬레이션 ± 2 SE"),
        "en": dict(
            doc="doctor", cats=["heart surgery", "band-aid removal", "overall"], docs=["Hibbert", "Nick"],
            exact="exact", sim="simulation (200,000 patients)", y="success rate", dots="simulation ± 2 SE"),
    }
)

rows = []
for name, (successes, totals), t, s in zip(TEXT["docs"], records.values(), tables, sims):
    cells = [f"{a}/{b} = {r:.5g}" for a, b, r in zip(successes, totals, t.rates)]
    cells.append(f"{sum(successes)}/{sum(totals)} = {t.overall:.5g}")
    rows.append([f"{name}, {TEXT['exact']}", *cells])
    rows.append([f"{name}, {TEXT['sim']}", *(mc_cell(e, r) for e, r in zip(s, [*t.rates, t.overall]))])
print(table([TEXT["doc"], *TEXT["cats"]], rows))

fig, ax = figure(width=4.8, height=3.3)
x = np.arange(3)
for d, (name, t, s) in enumerate(zip(TEXT["docs"], tables, sims)):
    xs = x + (d - 0.5) * 0.36
    ax.bar(xs, list(t.rates) + [t.overall], width=0.34, color=PALETTE[d], alpha=0.75, hatch=("", "//")[d], label=name)
    ax.errorbar(xs, [e.value for e in s], yerr=[2 * e.se for e in s], fmt="o", color=INK, markersize=3,
                label=TEXT["dots"] if d == 1 else None)
ax.set(xticks=x, xticklabels=TEXT["cats"], ylabel=TEXT["y"], ylim=(0, 1.05))
fig.legend(loc="outside lower center", ncols=3)
print(figure_html(fig))
