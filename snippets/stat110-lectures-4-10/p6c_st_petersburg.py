# St. Petersburg: E(2^X) is infinite; with the payout capped at 2^m the game is worth m + 1.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import mc_cell, mc_estimate, running_mean, simulate_st_petersburg, st_petersburg_value

TEXT = localized(
    {
        "ko": dict(
            cap_col="상한 c", exact="정확한 값 $E\\min(2^X, c)$", sim="시뮬레이션 (100만 게임)", none="없음",
            x="게임 수 (로그 눈금)", y="지금까지의 평균 상금", run="상한 없는 상금의 누적 평균 (시드 {s})",
            ref="log₂(게임 수) (비교용)",
            alt="상한 없는 상트페테르부르크 게임 100만 판에 대한 누적 평균 상금 세 개를 로그 눈금 가로축에 그린 그림. 곡선들은 가끔 크게 뛰어오르며 계속 올라가고, 비교용 log₂ 직선과 비슷한 속도로 커진다.",
            cap="기댓값이 무한대라서 누적 평균은 한곳에 모이지 않고, 드물게 나오는 큰 상금 때문에 계단처럼 계속 뛰어오른다.",
        ),
        "en": dict(
            cap_col="cap c", exact="exact $E\\min(2^X, c)$", sim="simulation (10⁶ games)", none="none",
            x="number of games (log scale)", y="average payout so far", run="running mean, uncapped (seed {s})",
            ref="log₂(number of games) (for contrast)",
            alt="Three running means of uncapped St. Petersburg payouts over a million games, on a log horizontal axis; they keep climbing in sudden jumps, at about the pace of the log₂ reference line.",
            cap="With an infinite expectation the running mean never settles: rare huge payouts keep kicking it upwards.",
        ),
    }
)

print(f"| {TEXT['cap_col']} | {TEXT['exact']} | {TEXT['sim']} |\n|---|---|---|")
for m in (5, 10, 20, 40):
    # Each row has its own generator, so a row's games do not depend on which rows come before it.
    est = mc_estimate(simulate_st_petersburg(1_000_000, np.random.default_rng([1738, m]), cap=2.0**m))
    # P(X >= 20) = 2^-19: a million games see a payout of 2^20 or more about twice, so for caps from 2^20 on
    # the sample cannot see the tail that makes up most of the mean, and its SE is no guide.
    cell = mc_cell(est, st_petersburg_value(2.0**m), heavy_tail=m >= 20)
    print(f"| $2^{{{m}}}$ | {st_petersburg_value(2.0**m):.0f} | {cell} |")
uncapped = mc_estimate(simulate_st_petersburg(1_000_000, np.random.default_rng([1738, 0])))
print(f"| {TEXT['none']} | $\\infty$ | {uncapped} |\n")

fig, ax = figure(width=6.0, height=3.6)
shown = np.unique(np.geomspace(1, 1_000_000, 600).astype(int))  # games at which the mean is drawn
for seed in (1, 2, 3):
    run = running_mean(simulate_st_petersburg(1_000_000, np.random.default_rng(seed)))
    ax.plot(shown, run[shown - 1], linewidth=1.2, label=TEXT["run"].format(s=seed))
ax.plot(shown, np.log2(shown), color=INK, linestyle="--", linewidth=1, label=TEXT["ref"])
ax.set(xscale="log", xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(0, 60))
fig.legend(loc="outside lower center", ncols=2, fontsize=8)
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
