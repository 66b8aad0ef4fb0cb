# Disease test: P(disease | positive) by Bayes' rule and its odds form, beside simulated populations.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, switch_figure_html
from studynotes.prob import conditional_estimate, mc_cell, disease_test_posterior, posterior_odds, simulate_disease_test
from studynotes.tables import table

prevalence, accuracy = 0.01, 0.95  # the lecture's numbers: P(T|D) = P(T^c|D^c) = 0.95
rng = np.random.default_rng(95)
diseased, positive = simulate_disease_test(prevalence, accuracy, accuracy, 2_000_000, rng)
odds = posterior_odds(prevalence, accuracy, 1 - accuracy)

TEXT = localized(
    {
        "ko": dict(
            q="값", v="결과",
            prior_odds="사전 오즈 $P(D)/P(D^c)$", lr="우도비 $P(T\\mid D)/P(T\\mid D^c)$",
            post_odds="사후 오즈", post="$P(D\\mid T)$ (정확한 값)", sim="$P(D\\mid T)$ (시뮬레이션, 200만 명)",
            x="유병률 P(D) (로그 눈금)", y="P(D | 양성)", acc="정확도 {a:.0%}", dots="시뮬레이션 ± 2 SE", slider="유병률"),
        "en": dict(
            q="quantity", v="value",
            prior_odds="prior odds $P(D)/P(D^c)$", lr="likelihood ratio $P(T\\mid D)/P(T\\mid D^c)$",
            post_odds="posterior odds", post="$P(D\\mid T)$ (exact)", sim="$P(D\\mid T)$ (simulation, 2·10⁶ people)",
            x="prevalence P(D) (log scale)", y="P(D | positive)", acc="accuracy {a:.0%}", dots="simulation ± 2 SE", slider="prevalence"),
    }
)

posterior = disease_test_posterior(prevalence, accuracy, accuracy)
print(table([TEXT["q"], TEXT["v"]], [
    (TEXT["prior_odds"], f"{prevalence / (1 - prevalence):.4f}"),
    (TEXT["lr"], f"{accuracy / (1 - accuracy):.1f}"),
    (TEXT["post_odds"], f"{odds:.4f}"),
    (TEXT["post"], f"{posterior:.4f}"),
    (TEXT["sim"], mc_cell(conditional_estimate(diseased, positive), posterior)),
]))

fig, ax = figure(width=4.8, height=3.2)
grid = np.logspace(-4, -0.3, 200)
sim_prev = np.array([0.001, 0.01, 0.1, 0.3])
for a, ls in zip((0.90, 0.95, 0.99), ("-", "--", "-.")):
    ax.plot(grid, [disease_test_posterior(g, a, a) for g in grid], linestyle=ls, label=TEXT["acc"].format(a=a))
    if a == accuracy:
        est = [conditional_estimate(*simulate_disease_test(g, a, a, 400_000, rng)) for g in sim_prev]
        ax.errorbar(sim_prev, [e.value for e in est], yerr=[2 * e.se for e in est], fmt="o",
                    color=INK, markersize=4, label=TEXT["dots"])
ax.set(xscale="log", xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(grid[0], grid[-1]), ylim=(0, 1))
ax.legend(loc="upper left")
# The slider: a prevalence, and where the 95% test's posterior stands at it (a crosshair of two lines).
prevalences = np.union1d(np.geomspace(1e-4, 0.5, 25), [prevalence])  # the lecture's 1% is one of the stops
posteriors = [disease_test_posterior(g, accuracy, accuracy) for g in prevalences]
frames = [[[(g, 0), (g, q)], [(grid[0], q), (g, q)]] for g, q in zip(prevalences, posteriors, strict=True)]
options = [f"P(D) = {g:.3g} → P(D | +) = {q:.3f}" for g, q in zip(prevalences, posteriors, strict=True)]
start = int(np.argmin(np.abs(prevalences - prevalence)))
cross = [ax.plot(*np.array(frames[start][i]).T, color=INK, linewidth=1.0, linestyle=":")[0] for i in (0, 1)]
print(switch_figure_html(fig, cross, frames, options=options, label=TEXT["slider"], selected=start,
                         wrapper_id="stat110-bayes-prevalence"))
