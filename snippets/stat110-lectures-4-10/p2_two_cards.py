# Two-card hands: "at least one ace" and "the ace of spades" are different conditions (1/33 vs 1/17).
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import conditional_estimate, mc_cell, mc_estimate, sample_two_card_hands, two_card_conditionals
from studynotes.tables import table

rng = np.random.default_rng(52)
hands = sample_two_card_hands(1_000_000, rng)
n_aces = (hands < 4).sum(axis=1)  # cards 0..3 are the aces, card 0 the ace of spades
both = n_aces == 2
conditions = [np.ones_like(both), n_aces >= 1, (hands == 0).any(axis=1)]
ans = two_card_conditionals()
exact = [ans.both_aces, ans.both_given_at_least_one_ace, ans.both_given_ace_of_spades]
est = [mc_estimate(both.astype(float))] + [conditional_estimate(both, c) for c in conditions[1:]]

TEXT = localized(
    {
        "ko": dict(
            q="확률", exact="정확한 값", sim="시뮬레이션 (100만 손패)", kept="조건을 만족한 손패 수",
            rows=["$P(\\text{둘 다 에이스})$", "$P(\\text{둘 다 에이스}\\mid\\text{에이스 1장 이상})$", "$P(\\text{둘 다 에이스}\\mid A\\spadesuit)$"],
            labels=["조건 없음", "에이스 1장 이상", "스페이드 에이스"], y="두 장 모두 에이스일 확률",
            bars="정확한 값", dots="시뮬레이션 ± 2 SE"),
        "en": dict(
            q="probability", exact="exact", sim="simulation (10⁶ hands)", kept="hands meeting the condition",
            rows=["$P(\\text{both aces})$", "$P(\\text{both aces}\\mid\\text{at least one ace})$", "$P(\\text{both aces}\\mid A\\spadesuit)$"],
            labels=["no condition", "at least one ace", "ace of spades"], y="P(both cards are aces)",
            bars="exact", dots="simulation ± 2 SE"),
    }
)

rows = [(row, f"$\\frac{{{fr.numerator}}}{{{fr.denominator}}}$ = {float(fr):.6f}", mc_cell(e, float(fr)), f"{e.n:,}")
        for row, fr, e in zip(TEXT["rows"], exact, est)]
print(table([TEXT["q"], TEXT["exact"], TEXT["sim"], TEXT["kept"]], rows))

fig, ax = figure(width=4.8, height=2.8)
x = np.arange(3)
ax.bar(x, [float(f) for f in exact], width=0.55, alpha=0.6, label=TEXT["bars"])
ax.errorbar(x, [e.value for e in est], yerr=[2 * e.se for e in est], fmt="o", color=INK, markersize=4, label=TEXT["dots"])
ax.set(xticks=x, xticklabels=TEXT["labels"], ylabel=TEXT["y"])
ax.legend(loc="upper left")
print(figure_html(fig))
