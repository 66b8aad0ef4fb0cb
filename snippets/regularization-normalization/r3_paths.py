# Regularization paths: every coefficient as a function of lambda, Lasso (warm-started) and Ridge.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import lambda_grid, lasso, lasso_lambda_max, lasso_path, make_sparse_regression, ridge_path
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import note, table

rng = np.random.default_rng(2)
X, y, beta = make_sparse_regression(200, 13, 5, rng, noise=1.0)
lam_max = lasso_lambda_max(X, y)
lams = lambda_grid(3 * lam_max, 140, 1e-3 / 3)  # decreasing, from 3 lambda_max down to 1e-3 lambda_max
path_l = lasso_path(X, y, lams)
path_r = ridge_path(X, y, lams)

TEXT = localized(
    {
        "ko": dict(
            lmax="$\\lambda_{\\max} = \\max_j \\lvert x_j^\\top (y-\\bar y)\\rvert / N$",
            zeros="$\\lambda \\ge \\lambda_{\\max}$에서 0이 아닌 Lasso 계수 수 ($\\lambda = 1, 2, 10 \\times \\lambda_{\\max}$)",
            head=["특성 $j$", "참 계수", "Lasso가 0이 아니게 되는 가장 큰 격자 $\\lambda$", "$\\lambda = \\lambda_{\\max}$에서 Ridge 계수"],
            never="끝까지 0", x="log₁₀ λ", y="계수 값", lasso="Lasso", ridge="Ridge", lm="$\\lambda_{\\max}$"),
        "en": dict(
            lmax="$\\lambda_{\\max} = \\max_j \\lvert x_j^\\top (y-\\bar y)\\rvert / N$",
            zeros="non-zero Lasso coefficients at $\\lambda \\ge \\lambda_{\\max}$ ($\\lambda = 1, 2, 10 \\times \\lambda_{\\max}$)",
            head=["feature $j$", "true coefficient", "largest grid $\\lambda$ where Lasso makes it non-zero", "Ridge coefficient at $\\lambda = \\lambda_{\\max}$"],
            never="stays 0", x="log₁₀ λ", y="coefficient value", lasso="Lasso", ridge="Ridge", lm="$\\lambda_{\\max}$"),
    }
)

counts = [np.count_nonzero(lasso(X, y, k * lam_max).coef) for k in (1, 2, 10)]
print(note(f"- {TEXT['lmax']}: {lam_max:.4f}\n- {TEXT['zeros']}: {', '.join(str(c) for c in counts)}"))
nonzero = path_l != 0
ridge_at_max = ridge_path(X, y, [lam_max])[0]
rows = []
for j in range(beta.size):
    first = f"{lams[np.argmax(nonzero[:, j])]:.4f}" if nonzero[:, j].any() else TEXT["never"]
    rows.append((j + 1, f"{beta[j]:.2f}", first, f"{ridge_at_max[j]:.3f}"))
print(table(TEXT["head"], rows))

fig, axes = figure(1, 2, width=7.6, height=3.3, sharey=True)
for ax, path, name in ((axes[0], path_l, TEXT["lasso"]), (axes[1], path_r, TEXT["ridge"])):
    ax.plot(np.log10(lams), path, linewidth=1.4)
    ax.axvline(np.log10(lam_max), color=INK, linestyle="--", linewidth=1)
    ax.text(np.log10(lam_max), 0.97, " " + TEXT["lm"], transform=ax.get_xaxis_transform(), va="top", fontsize=9)
    ax.set_title(name)
    ax.set(xlabel=TEXT["x"])
axes[0].set(ylabel=TEXT["y"])
print(figure_html(fig))
