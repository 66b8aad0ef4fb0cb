# Gambler's ruin: P(A wins) from the difference equation beside simulated games; a small edge compounds with N.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import gamblers_ruin_experiment, gamblers_ruin_win_prob, mc_cell

TEXT = localized(
    {
        "ko": dict(
            N="전체 금액 N (시작 i = N/2)", exact="정확한 값", sim="시뮬레이션 (1만 게임)", fair="$p = 1/2$ 일 때 ($i/N$)",
            x="전체 금액 N (A는 N/2에서 시작)", y="A가 모두 딸 확률", unfair="p = 0.49", fair_curve="p = 0.5 (i/N = 1/2)",
            dots="시뮬레이션 ± 2 SE",
            alt="A가 전체 금액의 절반을 가지고 시작할 때 전체 금액 N에 따라 A가 이길 확률. 공정한 게임은 1/2에서 평평하고, p=0.49인 게임은 N이 커질수록 0으로 빠르게 떨어진다. 시뮬레이션 점이 곡선 위에 있다.",
            cap="한 판의 판돈은 1달러 그대로다. 전체 금액 N이 커지면 게임이 길어지고, 한 판에 1%p뿐인 불리함이 그만큼 여러 번 쌓여 A는 거의 확실히 파산한다. 점은 시뮬레이션이다.",
        ),
        "en": dict(
            N="total wealth N (start i = N/2)", exact="exact", sim="simulation (10,000 games)", fair="at $p = 1/2$ ($i/N$)",
            x="total wealth N (A starts with N/2)", y="P(A wins everything)", unfair="p = 0.49", fair_curve="p = 0.5 (i/N = 1/2)",
            dots="simulation ± 2 SE",
            alt="Probability that A wins, starting with half of the total wealth N, against N. The fair game stays flat at one half; the game with p = 0.49 drops quickly towards 0 as N grows. Simulated dots lie on the curve.",
            cap="The bet stays $1 a round. A larger total N makes the game longer, so a disadvantage of one percentage point per round acts over more rounds and ruin becomes almost certain. Dots are simulations.",
        ),
    }
)

p = 0.49
print(f"| {TEXT['N']} | {TEXT['exact']} | {TEXT['sim']} | {TEXT['fair']} |\n|---|---|---|---|")
for N in (20, 100, 200):
    exact = gamblers_ruin_win_prob(N // 2, N, p)
    sim = mc_cell(gamblers_ruin_experiment(N // 2, N, p, 10_000, seed=N), exact)
    print(f"| {N} | {exact:.4f} | {sim} | {gamblers_ruin_win_prob(N // 2, N, 0.5):.1f} |")
print()

Ns = np.arange(2, 202, 2)
fig, ax = figure(width=6.0, height=3.0)
ax.plot(Ns, [gamblers_ruin_win_prob(N // 2, N, p) for N in Ns], label=TEXT["unfair"])
ax.plot(Ns, [gamblers_ruin_win_prob(N // 2, N, 0.5) for N in Ns], label=TEXT["fair_curve"])
sim_N = [10, 20, 40, 100, 200]
est = [gamblers_ruin_experiment(N // 2, N, p, 10_000, seed=N) for N in sim_N]
ax.errorbar(sim_N, [e.value for e in est], yerr=[2 * e.se for e in est], fmt="o", color=INK, markersize=4, label=TEXT["dots"])
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(0, 0.6))
ax.legend(loc="lower left")
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
