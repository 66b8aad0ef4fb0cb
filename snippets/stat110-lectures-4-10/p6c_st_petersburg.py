# St. Petersburg: E(2^X) is infinite; with the payout capped at 2^m the game is worth m + 1.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html, format_number
from studynotes.prob import (mc_cell, mc_estimate, repeat_st_petersburg, running_mean, simulate_st_petersburg,
    st_petersburg_value, st_petersburg_variance)
from studynotes.tables import note, table

games = 1_000_000
uncapped = simulate_st_petersburg(games, np.random.default_rng([1738, 0]))
# Each row has its own generator, so a row's games do not depend on which rows come before it.
payouts = {m: simulate_st_petersburg(games, np.random.default_rng([1738, m]), cap=2.0**m) for m in (5, 10, 20, 40)}
TEXT = localized(
    {
        "ko": dict(
            cap="상한 c", exact="정확한 값 $E\\min(2^X, c)$", sim="시뮬레이션 (100만 게임)", none="없음",
            hits="상한에 닿은 게임 수", hits_exp="그 기댓값 $10^6\\cdot2^{1-m}$", no_se="분산이 무한대라 SE 없음",
            big="상한 $2^{{40}}$ 행에서 가장 큰 상금은 $X={k}$인 게임 하나의 $2^{{{k}}}$달러다. 평균 가운데 이 게임의 몫이 **{share:.1f}**이고, 이 게임을 빼면 평균은 **{rest:.1f}**이다.",
            rep="같은 실험 2만 번: 상한 c", med="평균의 중앙값", below="$P(\\text{평균} < m+1)$", med_se="표본 SE의 중앙값",
            true_se="실제 SE $\\sqrt{\\mathrm{Var}/10^6}$",
            x="게임 수 (로그 눈금)", y="지금까지의 평균 상금", run="상한 없는 상금의 누적 평균 (시드 {s})", ref="log₂(게임 수) (비교용)"),
        "en": dict(
            cap="cap c", exact="exact $E\\min(2^X, c)$", sim="simulation (10⁶ games)", none="none",
            hits="games that reached the cap", hits_exp="expected $10^6\\cdot2^{1-m}$", no_se="infinite variance: no SE",
            big="In the $2^{{40}}$ row the largest payout is one game with $X={k}$, paying $2^{{{k}}}$ dollars. That game adds **{share:.1f}** to the mean; without it the mean is **{rest:.1f}**.",
            rep="same experiment 20,000 times: cap c", med="median of the means", below="$P(\\text{mean} < m+1)$",
            med_se="median sample SE", true_se="true SE $\\sqrt{\\mathrm{Var}/10^6}$",
            x="number of games (log scale)", y="average payout so far", run="running mean, uncapped (seed {s})", ref="log₂(number of games) (for contrast)"),
    }
)


def count(x):
    return f"{x:,.0f}" if x >= 10 else format_number(x, ".2g")


rows = []
for m, pay in payouts.items():
    exact = st_petersburg_value(2.0**m)
    # For 2^40, the games a sample can hold miss the tail that makes up most of the mean (see the page): no SE is a guide.
    cell = mc_cell(mc_estimate(pay), exact, heavy_tail=m == 40)
    rows.append((f"$2^{{{m}}}$", f"{exact:.0f}", cell, count(int((pay == 2.0**m).sum())), count(games * 2.0 ** (1 - m))))
rows.append((TEXT["none"], "$\\infty$", f"{uncapped.mean():.1f} ({TEXT['no_se']})", "", ""))
print(table([TEXT["cap"], TEXT["exact"], TEXT["sim"], TEXT["hits"], TEXT["hits_exp"]], rows))

biggest = payouts[40].max()
rest = (payouts[40].sum() - biggest) / games
print(note(TEXT["big"].format(k=int(np.log2(biggest)), share=biggest / games, rest=rest)))

repeats = []
for m in (20, 40):
    means, ses = repeat_st_petersburg(games, 2.0**m, 20_000, np.random.default_rng([1738, m, 1]))
    below = mc_estimate(means < m + 1)  # no closed form: shown with its SE
    true_se = np.sqrt(st_petersburg_variance(2.0**m) / games)
    repeats.append((f"$2^{{{m}}}$", f"{np.median(means):.1f}", f"{below.value:.3f} ± {below.se:.3f}",
                    f"{np.median(ses):.2f}", f"{true_se:,.2f}"))
print(table([TEXT["rep"], TEXT["med"], TEXT["below"], TEXT["med_se"], TEXT["true_se"]], repeats))

fig, ax = figure(width=4.4, height=3.6)
shown = np.unique(np.geomspace(1, games, 600).astype(int))  # games at which the mean is drawn
top = 0.0
for seed in (1, 2, 3):
    run = running_mean(simulate_st_petersburg(games, np.random.default_rng(seed)))
    at = np.union1d(shown, np.argmax(run) + 1)  # keep each run's peak in the drawing
    ax.plot(at, run[at - 1], linewidth=1.2, linestyle={1: "-", 2: "-.", 3: ":"}[seed], label=TEXT["run"].format(s=seed))
    top = max(top, run.max())
ax.plot(shown, np.log2(shown), color=INK, linestyle="--", linewidth=1, label=TEXT["ref"])
ax.set(xscale="log", xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(0, 1.05 * top))
fig.legend(loc="outside lower center", ncols=1, fontsize=9)
print(figure_html(fig))
