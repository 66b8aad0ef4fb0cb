# Newton-Pepys: at least k sixes with 6k dice, exact binomial probabilities beside 200,000 simulated rolls each.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import mc_cell, mc_estimate, newton_pepys_prob, simulate_newton_pepys

TEXT = localized(
    {
        "ko": dict(
            bet="내기", exact="정확한 값", sim="시뮬레이션 (20만 번)", row="주사위 {d}개에서 6이 {k}개 이상",
            x="k (주사위 6k개를 던져 6이 k개 이상)", y="확률", bars="정확한 값", dots="시뮬레이션 ± 2 SE",
            alt="k가 1부터 6까지 커질 때 주사위 6k개에서 6이 k개 이상 나올 확률을 막대로 그린 그림. 막대는 점점 낮아지고, 시뮬레이션 점이 막대 끝에 붙어 있다.",
            cap="6이 나올 기대 개수는 언제나 k이지만, 6이 k개 이상 나올 확률은 k가 커질수록 줄어든다. 점은 시뮬레이션, 가로선은 1/2이다.",
        ),
        "en": dict(
            bet="bet", exact="exact", sim="simulation (200,000 rolls)", row="at least {k} of {d} dice show a six",
            x="k (at least k sixes with 6k dice)", y="probability", bars="exact", dots="simulation ± 2 SE",
            alt="Bar chart of the probability of at least k sixes with 6k dice for k from 1 to 6; the bars shrink as k grows and the simulated dots sit on top of them.",
            cap="The expected number of sixes is always k, yet the chance of at least k sixes falls as k grows. Dots are simulations; the horizontal line is 1/2.",
        ),
    }
)

rng = np.random.default_rng(1693)
ks = np.arange(1, 7)
exact = np.array([newton_pepys_prob(k) for k in ks])
est = [mc_estimate(simulate_newton_pepys(k, 200_000, rng)) for k in ks]

print(f"| {TEXT['bet']} | {TEXT['exact']} | {TEXT['sim']} |\n|---|---|---|")
for k in (1, 2, 3):
    print(f"| {TEXT['row'].format(k=k, d=6 * k)} | {exact[k - 1]:.4f} | {mc_cell(est[k - 1], exact[k - 1])} |")
print()

fig, ax = figure(width=6.0, height=3.0)
ax.bar(ks, exact, width=0.6, alpha=0.6, label=TEXT["bars"])
ax.errorbar(ks, [e.value for e in est], yerr=[2 * e.se for e in est], fmt="o", color=INK, markersize=4, label=TEXT["dots"])
ax.axhline(0.5, color=INK, linewidth=0.8, linestyle=":")
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(0.4, 0.7), xticks=ks)
ax.legend(loc="upper right")
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
