# St. Petersburg: E(2^X) is infinite; with the payout capped at 2^m the game is worth m + 1.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import mc_cell, mc_estimate, running_mean, simulate_st_petersburg, st_petersburg_value
from studynotes.tables import table

uncapped = mc_estimate(simulate_st_petersburg(1_000_000, np.random.default_rng([1738, 0])))
TEXT = localized(
    {
        "ko": dict(
            cap_col="상한 c", exact="정확한 값 $E\\min(2^X, c)$", sim="시뮬레이션 (100만 게임)", none="없음",
            x="게임 수 (로그 눈금)", y="지금까지의 평균 상금", run="상한 없는 상금의 누적 평균 (시드 {s})",
            ref="log₂(게임 수) (비교용)"),
        "en": dict(
            cap_col="cap c", exact="exact $E\\min(2^X, c)$", sim="simulation (10⁶ games)", none="none",
            x="number of games (log scale)", y="average payout so far", run="running mean, uncapped (seed {s})",
            ref="log₂(number of games) (for contrast)"),
    }
)

rows = []
for m in (5, 10, 20, 40):
    # Each row has its own generator, so a row's games do not depend on which rows come before it.
    est = mc_estimate(simulate_st_petersburg(1_000_000, np.random.default_rng([1738, m]), cap=2.0**m))
    # P(X >= 20) = 2^-19: a million games see a payout of 2^20 or more about twice, so for caps from 2^20 on
    # the sample cannot see the tail that makes up most of the mean, and its SE is no guide.
    cell = mc_cell(est, st_petersburg_value(2.0**m), heavy_tail=m >= 20)
    rows.append((f"$2^{{{m}}}$", f"{st_petersburg_value(2.0**m):.0f}", cell))
rows.append((TEXT["none"], "$\\infty$", uncapped))
print(table([TEXT["cap_col"], TEXT["exact"], TEXT["sim"]], rows))

fig, ax = figure(width=4.4, height=3.6)
shown = np.unique(np.geomspace(1, 1_000_000, 600).astype(int))  # games at which the mean is drawn
for seed in (1, 2, 3):
    run = running_mean(simulate_st_petersburg(1_000_000, np.random.default_rng(seed)))
    ax.plot(shown, run[shown - 1], linewidth=1.2, label=TEXT["run"].format(s=seed))
ax.plot(shown, np.log2(shown), color=INK, linestyle="--", linewidth=1, label=TEXT["ref"])
ax.set(xscale="log", xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(0, 60))
fig.legend(loc="outside lower center", ncols=1, fontsize=9)
print(figure_html(fig))
