# Chicken-egg: with a Poisson number of eggs the hatched and unhatched counts are independent; with a fixed number they are not.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import figure, figure_html
from studynotes.prob import (binomial_pmf, empirical_joint_pmf, mc_cell, mc_covariance, mc_estimate, mc_product,
    mc_variance, poisson_pmf, sample_chicken_egg, sample_hatching)
from studynotes.tables import table

lam, p, n_fixed, reps = 10.0, 0.3, 10, 1_000_000
q = 1 - p
rng = np.random.default_rng(110)
xp, yp = sample_chicken_egg(lam, p, reps, rng)
xf, yf = sample_hatching(np.full(reps, n_fixed), p, rng)
xs, ys = np.arange(0, 16), np.arange(0, 21)
joint_p = empirical_joint_pmf(xp, yp, xs, ys)
joint_f = empirical_joint_pmf(xf, yf, xs, ys)


TEXT = localized(
    {
        "ko": dict(
            what="양", sim="시뮬레이션", exact="이론값",
            pois="$N\\sim\\mathrm{Pois}(10)$", fixed="$N=10$ 고정", pois_t="N ~ Pois(10)", fixed_t="N = 10 고정",
            x="부화한 달걀 수 X", y="부화하지 않은 달걀 수 Y", freq="상대도수"),
        "en": dict(
            what="quantity", sim="simulation", exact="theory",
            pois="$N\\sim\\mathrm{Pois}(10)$", fixed="fixed $N=10$", pois_t="N ~ Pois(10)", fixed_t="fixed N = 10",
            x="hatched eggs X", y="unhatched eggs Y", freq="relative frequency"),
    }
)

rows = [
    ("$E(X)$", mc_cell(mc_estimate(xp), lam * p), f"$\\lambda p$ = {lam * p:g}", mc_cell(mc_estimate(xf), n_fixed * p), f"$np$ = {n_fixed * p:g}"),
    ("$\\mathrm{Var}(X)$", mc_cell(mc_variance(xp), lam * p), f"$\\lambda p$ = {lam * p:g}", mc_cell(mc_variance(xf), n_fixed * p * q), f"$npq$ = {n_fixed * p * q:g}"),
    ("$E(Y)$", mc_cell(mc_estimate(yp), lam * q), f"$\\lambda q$ = {lam * q:g}", mc_cell(mc_estimate(yf), n_fixed * q), f"$nq$ = {n_fixed * q:g}"),
    ("$\\mathrm{Var}(Y)$", mc_cell(mc_variance(yp), lam * q), f"$\\lambda q$ = {lam * q:g}", mc_cell(mc_variance(yf), n_fixed * p * q), f"$npq$ = {n_fixed * p * q:g}"),
    ("$\\mathrm{Cov}(X,Y)$", mc_cell(mc_covariance(xp, yp), 0.0), "0", mc_cell(mc_covariance(xf, yf), -n_fixed * p * q), f"$-npq$ = {-n_fixed * p * q:g}"),
]
pois_prod = float(poisson_pmf(3, lam * p) * poisson_pmf(7, lam * q))
b3 = float(binomial_pmf(3, n_fixed, p))  # fixed N: Y = 7 exactly when X = 3
rows.append(("$P(X=3,Y=7)$", mc_cell(mc_estimate((xp == 3) & (yp == 7)), pois_prod), f"{pois_prod:.5f}",
             mc_cell(mc_estimate((xf == 3) & (yf == 7)), b3), f"{b3:.5f}"))
rows.append(("$P(X=3)\\,P(Y=7)$", mc_cell(mc_product(xp == 3, yp == 7), pois_prod), f"{pois_prod:.5f}",
             mc_cell(mc_product(xf == 3, yf == 7), b3**2), f"{b3:.5f}² = {b3**2:.5f}"))
print(table([TEXT["what"], f"{TEXT['pois']}: {TEXT['sim']}", TEXT["exact"], f"{TEXT['fixed']}: {TEXT['sim']}", TEXT["exact"]], rows))

fig, axes = figure(1, 2, width=7.0, height=3.0, sharey=True)
for ax, table, title in zip(axes, (joint_p, joint_f), (TEXT["pois_t"], TEXT["fixed_t"])):
    image = ax.imshow(table.T, origin="lower", cmap="viridis", vmin=0, aspect="auto")
    ax.set(title=title, xlabel=TEXT["x"])
    ax.grid(False)
    fig.colorbar(image, ax=ax, label=TEXT["freq"])  # own scale: the fixed-N table is 8 times more concentrated
axes[0].set_ylabel(TEXT["y"])
print(figure_html(fig))
