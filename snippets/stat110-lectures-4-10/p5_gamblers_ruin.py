# Gambler's ruin: P(A wins) from the difference equation beside simulated games; a small edge compounds with N.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import gamblers_ruin_experiment, gamblers_ruin_win_prob, mc_cell
from studynotes.tables import table

p = 0.49
rows = (20, 100, 200)
exact = {N: gamblers_ruin_win_prob(N // 2, N, p) for N in rows}
TEXT = localized(
    {
        "ko": dict(
            N="전체 금액 N (시작 i = N/2)", exact="정확한 값", sim="시뮬레이션 (1만 게임)", fair="$p = 1/2$ 일 때 ($i/N$)",
            x="전체 금액 N (A는 N/2에서 시작)", y="A가 모두 딸 확률", unfair="p = 0.49", fair_curve="p = 0.5 (i/N = 1/2)",
            dots="시뮬레이션 ± 2 SE"),
        "en": dict(
            N="total wealth N (start i = N/2)", exact="exact", sim="simulation (10,000 games)", fair="at $p = 1/2$ ($i/N$)",
            x="total wealth N (A starts with N/2)", y="P(A wins everything)", unfair="p = 0.49", fair_curve="p = 0.5 (i/N = 1/2)",
            dots="simulation ± 2 SE"),
    }
)

print(table([TEXT["N"], TEXT["exact"], TEXT["sim"], TEXT["fair"]], [
    (N, f"{exact[N]:.4f}", mc_cell(gamblers_ruin_experiment(N // 2, N, p, 10_000, seed=N), exact[N]),
     f"{gamblers_ruin_win_prob(N // 2, N, 0.5):.1f}")
    for N in rows
]))

Ns = np.arange(2, 202, 2)
fig, ax = figure(width=4.8, height=3.0)
ax.plot(Ns, [gamblers_ruin_win_prob(N // 2, N, p) for N in Ns], label=TEXT["unfair"])
ax.plot(Ns, [gamblers_ruin_win_prob(N // 2, N, 0.5) for N in Ns], linestyle="--", label=TEXT["fair_curve"])
sim_N = [10, 20, 40, 100, 200]
est = [gamblers_ruin_experiment(N // 2, N, p, 10_000, seed=N) for N in sim_N]
ax.errorbar(sim_N, [e.value for e in est], yerr=[2 * e.se for e in est], fmt="o", color=INK, markersize=4, label=TEXT["dots"])
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(0, 0.6))
ax.legend(loc="lower left")
print(figure_html(fig))
