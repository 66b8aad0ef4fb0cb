# Monty Hall: staying wins 1/n, switching wins (n-1)/(n(n-1-m)) when Monty opens m goat doors.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import conditional_estimate, mc_cell, mc_estimate, monty_hall_win_prob, simulate_monty_hall
from studynotes.tables import table

rng = np.random.default_rng(3)
# The lecture's question is conditional: in the games where Monty opened door 2, how often does switching win?
car = rng.integers(1, 4, 200_000)  # the contestant picks door 1
monty = np.where(car == 1, rng.integers(2, 4, car.size), 5 - car)  # car behind 1: a random one of 2, 3; else the other goat
given_2 = conditional_estimate(car == 3, monty == 2)  # switching from 1 to 3 wins when the car is behind 3
TEXT = localized(
    {
        "ko": dict(
            s="전략", exact="정확한 값", sim="시뮬레이션 (20만 판)", stay="그대로 있기", switch="바꾸기",
            given="바꾸기, 몬티가 2번 문을 연 판만 ({n:,}판)",
            x="문의 수 n", y="차를 얻을 확률", all_="바꾸기: 몬티가 n−2개를 연다", one="바꾸기: 몬티가 1개만 연다",
            stay_curve="그대로 있기 (1/n)", dots="시뮬레이션 ± 2 SE"),
        "en": dict(
            s="strategy", exact="exact", sim="simulation (200,000 games)", stay="stay", switch="switch",
            given="switch, only games where Monty opened door 2 ({n:,} games)",
            x="number of doors n", y="P(win the car)", all_="switch: Monty opens n−2 doors", one="switch: Monty opens 1 door",
            stay_curve="stay (1/n)", dots="simulation ± 2 SE"),
    }
)

rows = []
for label, switch in ((TEXT["stay"], False), (TEXT["switch"], True)):
    est = mc_estimate(simulate_monty_hall(200_000, rng, switch=switch))
    rows.append((label, f"{monty_hall_win_prob(switch=switch):.4f}", mc_cell(est, monty_hall_win_prob(switch=switch))))
rows.append((TEXT["given"].format(n=given_2.n), f"{2 / 3:.4f}", mc_cell(given_2, 2 / 3)))
print(table([TEXT["s"], TEXT["exact"], TEXT["sim"]], rows))

ns = np.arange(3, 13)
fig, ax = figure(width=4.8, height=3.2)
for opened, label, mk in ((None, TEXT["all_"], "o"), (1, TEXT["one"], "s")):
    ax.plot(ns, [monty_hall_win_prob(n, opened) for n in ns], marker=mk, markersize=4, label=label)
ax.plot(ns, 1 / ns, marker="^", markersize=4, linestyle="--", label=TEXT["stay_curve"])
pts = [(n, o) for n in (3, 6, 10) for o in (None, 1)]
est = [mc_estimate(simulate_monty_hall(50_000, rng, n, o)) for n, o in pts]
ax.errorbar([n for n, _ in pts], [e.value for e in est], yerr=[2 * e.se for e in est], fmt="o",
            color=INK, markersize=4, fillstyle="none", label=TEXT["dots"])
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(0, 1), xticks=ns)
ax.legend(loc="center right")
print(figure_html(fig))
