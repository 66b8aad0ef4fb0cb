# OLS, Lasso and Ridge on the same data with 5 true non-zero coefficients out of 13.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import lasso, lasso_kkt_violation, make_sparse_regression, ols, orthonormal_design, ridge, soft_threshold
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import note, table

rng = np.random.default_rng(2)
X, y, beta = make_sparse_regression(200, 13, 5, rng, noise=1.0)
lam = 0.1
TEXT = localized(
    {
        "ko": dict(
            head=["모델", "정확히 0인 계수", "참 계수와의 거리 $\\lVert\\hat\\beta-\\beta\\rVert_2$", "학습 MSE"],
            true="참 계수", ols="OLS", lasso="Lasso", ridge="Ridge",
            kkt="Lasso 해의 KKT 조건 위반(최댓값)", sweeps="좌표 하강법 반복(스윕) 수",
            split="참 계수와의 거리를 나누면: 참값이 0이 아닌 5개 / 0인 8개 (OLS, Lasso)",
            ortho_l="직교 설계에서 좌표 하강법 Lasso와 $S(b, \\lambda)$의 최대 차이",
            ortho_r="직교 설계에서 Ridge와 $b/(1+2\\lambda)$의 최대 차이",
            zero="Lasso의 정확한 0", zoom="참값이 0인 특성 (확대)", signal="참값이 0이 아닌 특성",
            x="계수 번호 j", y="계수 값 βⱼ"),
        "en": dict(
            head=["model", "exact zeros", "distance to the truth $\\lVert\\hat\\beta-\\beta\\rVert_2$", "train MSE"],
            true="true coefficient", ols="OLS", lasso="Lasso", ridge="Ridge",
            kkt="largest KKT violation of the Lasso solution", sweeps="coordinate-descent sweeps",
            split="distance to the truth split into the 5 true effects / the 8 true zeros (OLS, Lasso)",
            ortho_l="orthonormal design: largest gap between coordinate-descent Lasso and $S(b, \\lambda)$",
            ortho_r="orthonormal design: largest gap between Ridge and $b/(1+2\\lambda)$",
            zero="Lasso exact zero", zoom="features whose true value is 0 (zoomed)", signal="features with a true effect",
            x="coefficient index j", y="coefficient value βⱼ"),
    }
)

fits = {TEXT["ols"]: ols(X, y), TEXT["lasso"]: lasso(X, y, lam), TEXT["ridge"]: ridge(X, y, lam)}

rows = []
for name, fit in fits.items():
    mse = np.mean((y - fit.predict(X)) ** 2)
    dist = np.linalg.norm(fit.coef - beta)
    rows.append((name, np.count_nonzero(fit.coef == 0), f"{dist:.3f}", f"{mse:.3f}"))
print(table(TEXT["head"], rows))
real = beta != 0
parts = [np.linalg.norm(fits[k].coef[m] - beta[m]) for k in (TEXT["ols"], TEXT["lasso"]) for m in (real, ~real)]
checks = [
    f"- {TEXT['split']}: {parts[0]:.3f} / {parts[1]:.3f}, {parts[2]:.3f} / {parts[3]:.3f}",
    f"- {TEXT['kkt']}: {lasso_kkt_violation(X, y, fits[TEXT['lasso']]):.1e}",
    f"- {TEXT['sweeps']}: {fits[TEXT['lasso']].n_iter}",
]

# On an orthonormal design (X'X/N = I) both penalties have closed forms in terms of the OLS estimate b.
Xo = orthonormal_design(200, 13, rng)
yo = Xo @ beta + rng.standard_normal(200)
b = ols(Xo, yo).coef
gap_lasso = np.max(np.abs(lasso(Xo, yo, lam).coef - soft_threshold(b, lam)))
gap_ridge = np.max(np.abs(ridge(Xo, yo, lam).coef - b / (1 + 2 * lam)))
checks += [f"- {TEXT['ortho_l']}: {gap_lasso:.1e}", f"- {TEXT['ortho_r']}: {gap_ridge:.1e}"]
print(note("\n".join(checks)))

fig, axes = figure(1, 2, width=8.0, height=3.5, gridspec_kw=dict(width_ratios=[5, 8]))
j = np.arange(1, beta.size + 1)
width = 0.27
for ax, cols in zip(axes, (beta != 0, beta == 0)):  # true signal | pure noise features (zoomed)
    for k, (name, fit) in enumerate(fits.items()):
        ax.bar(j[cols] + (k - 1) * width, fit.coef[cols], width=width, label=name, hatch=("", "//", "..")[k], edgecolor=INK,
               linewidth=0.4)
    ax.scatter(j[cols], beta[cols], marker="_", s=200, color=INK, linewidths=2, label=TEXT["true"], zorder=3)
    ax.axhline(0, color=INK, linewidth=0.8)
    ax.set_xticks(j[cols])
    ax.set(xlabel=TEXT["x"])
zeros = j[(beta == 0) & (fits[TEXT["lasso"]].coef == 0)]
axes[1].scatter(zeros, np.zeros(zeros.size), marker="o", s=30, facecolors="none", edgecolors="C1", zorder=4,
                label=TEXT["zero"])
axes[0].set(ylabel=TEXT["y"])
axes[1].set_title(TEXT["zoom"])
axes[0].set_title(TEXT["signal"])
fig.legend(*axes[1].get_legend_handles_labels(), loc="outside lower center", ncols=3)
print(figure_html(fig))
