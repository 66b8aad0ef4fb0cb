# Mult(10, (0.5, 0.3, 0.2)): marginals are binomial, lumping adds probabilities, conditioning renormalizes.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import figure, figure_html
from studynotes.prob import (binomial_pmf, multinomial_conditional, multinomial_cov, multinomial_lump, mc_cell,
    mc_covariance, mc_estimate, mc_variance, multinomial_pmf, sample_multinomial)
from studynotes.tables import table

n, p = 10, np.array([0.5, 0.3, 0.2])
rng = np.random.default_rng(110)
draws = sample_multinomial(n, p, 200_000, rng)

m_cond, p_cond = multinomial_conditional(n, p, j=0, n_j=4)
given = draws[draws[:, 0] == 4]
p_lumped = multinomial_lump(p, [[0], [1, 2]])[1]
cov = multinomial_cov(n, p)
lumped = float(binomial_pmf(5, n, p_lumped))


def fmt(values):
    return ", ".join(f"{v:g}" for v in values)


def cells(estimates, exact):
    return ", ".join(mc_cell(e, float(x)) for e, x in zip(estimates, exact))


TEXT = localized(
    {
        "ko": dict(
            head=["성질", "이론", "시뮬레이션 ($2\\times10^5$번)"],
            mean="평균 $E(X_1), E(X_2), E(X_3)$", var="분산 $\\mathrm{Var}(X_j)$", cond="$E(X_2 \\mid X_1=4)$",
            lump="$P(X_2+X_3=5)$ (Bin(10, 0.5))", cov="$\\mathrm{Cov}(X_1, X_2)$",
            x="X₁ (범주 1의 개수)", y="X₂ (범주 2의 개수)", bar="결합 PMF"),
        "en": dict(
            head=["property", "theory", "simulation ($2\\times10^5$ draws)"],
            mean="means $E(X_1), E(X_2), E(X_3)$", var="variances $\\mathrm{Var}(X_j)$", cond="$E(X_2 \\mid X_1=4)$",
            lump="$P(X_2+X_3=5)$ (Bin(10, 0.5))", cov="$\\mathrm{Cov}(X_1, X_2)$",
            x="X₁ (count in category 1)", y="X₂ (count in category 2)", bar="joint PMF"),
    }
)

print(table(TEXT["head"], [
    (TEXT["mean"], fmt(n * p), cells([mc_estimate(d) for d in draws.T], n * p)),
    (TEXT["var"], fmt(np.diag(cov)), cells([mc_variance(d) for d in draws.T], np.diag(cov))),
    (TEXT["cond"], f"{m_cond * p_cond[0]:g}", mc_cell(mc_estimate(given[:, 1]), m_cond * p_cond[0])),
    (TEXT["lump"], f"{lumped:.5f}", mc_cell(mc_estimate(draws[:, 1] + draws[:, 2] == 5), lumped)),
    (TEXT["cov"], f"{cov[0, 1]:g}", mc_cell(mc_covariance(draws[:, 0], draws[:, 1]), cov[0, 1])),
]))

joint = np.array([[multinomial_pmf((i, j, n - i - j), p) if i + j <= n else np.nan for i in range(n + 1)] for j in range(n + 1)])
fig, ax = figure(width=4.8, height=4.0)
image = ax.imshow(joint, origin="lower", cmap="viridis")
ax.grid(False)
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xticks=range(0, n + 1, 2), yticks=range(0, n + 1, 2))
fig.colorbar(image, ax=ax, label=TEXT["bar"], shrink=0.85)
print(figure_html(fig))
