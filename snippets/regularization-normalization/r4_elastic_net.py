# Twin features: the Lasso keeps one of them, the elastic net shares the weight; both checked by their KKT conditions.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import StandardScaler, elastic_net, elastic_net_kkt_violation, lasso, lasso_kkt_violation
from studynotes.tables import note, table

rng = np.random.default_rng(3)
x = rng.standard_normal(100)
X = np.column_stack([x, x + 0.1 * rng.standard_normal(100), rng.standard_normal(100)])  # twins and a noise feature
y = x + 0.5 * rng.standard_normal(100)  # only the shared signal matters
X = StandardScaler().fit(X).transform(X)
TEXT = localized(
    {
        "ko": dict(
            corr="두 쌍둥이 특성의 상관계수",
            head=["모델", "$\\beta_1$ (쌍둥이 1)", "$\\beta_2$ (쌍둥이 2)", "$\\beta_3$ (잡음 특성)", "KKT 조건의 최대 위반"],
            lasso="Lasso ($\\lambda = 0.1$)", enet="엘라스틱 넷 ($\\lambda = 0.1$, $a = 0.5$)",
            exact="똑같은 두 특성에서 엘라스틱 넷 계수의 차이 $\\lvert\\beta_1 - \\beta_2\\rvert$",
        ),
        "en": dict(
            corr="correlation between the two twin features",
            head=["model", "$\\beta_1$ (twin 1)", "$\\beta_2$ (twin 2)", "$\\beta_3$ (noise feature)", "largest KKT violation"],
            lasso="Lasso ($\\lambda = 0.1$)", enet="elastic net ($\\lambda = 0.1$, $a = 0.5$)",
            exact="elastic net on two identical features: $\\lvert\\beta_1 - \\beta_2\\rvert$",
        ),
    }
)

print(note(f"{TEXT['corr']}: {np.corrcoef(X[:, 0], X[:, 1])[0, 1]:.3f}"))

fit_l = lasso(X, y, 0.1)
fit_e = elastic_net(X, y, 0.1, 0.5)
rows = []
for name, fit, kkt in (
    (TEXT["lasso"], fit_l, lasso_kkt_violation(X, y, fit_l)),
    (TEXT["enet"], fit_e, elastic_net_kkt_violation(X, y, fit_e, 0.5)),
):
    b = fit.coef
    rows.append((name, f"{b[0]:.4f}", f"{b[1]:.4f}", f"{b[2]:.4f}", f"{kkt:.1e}"))
print(table(TEXT["head"], rows))
twins = np.column_stack([X[:, 0], X[:, 0], X[:, 2]])
same = elastic_net(twins, y, 0.1, 0.5).coef
print(note(f"{TEXT['exact']}: {abs(same[0] - same[1]):.1e}"))
