# A discrete joint PMF table: marginals by summing, conditionals by dividing, and an independence check.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import figure, figure_html
from studynotes.prob import conditional_pmf, is_independent, joint_expectation, joint_marginals
from studynotes import tables

x_values, y_values = np.array([0, 1]), np.array([0, 1, 2])
table = np.array([[0.10, 0.20, 0.10],
                  [0.25, 0.15, 0.20]])
px, py = joint_marginals(table)
y_given_x = conditional_pmf(table, given="x")

y_heads = [f"$Y={y}$" for y in y_values]
rows = [[f"$X={x}$", *(f"{v:.2f}" for v in table[i]), f"{px[i]:.2f}"] for i, x in enumerate(x_values)]
rows.append(["$P(Y=y)$", *(f"{v:.2f}" for v in py), f"{table.sum():.2f}"])
print(tables.table(["", *y_heads, "$P(X=x)$"], rows))

TEXT = localized(
    {
        "ko": dict(
            sums="합", cond="조건부 PMF", total="전체 합", indep="독립인가?", yes="예", no="아니오",
            check="확인", value="값",
            px="P(X=x)", py="P(Y=y)", x="X의 값", y="Y의 값"),
        "en": dict(
            sums="sum", cond="conditional PMF", total="total", indep="independent?", yes="yes", no="no",
            check="check", value="value",
            px="P(X=x)", py="P(Y=y)", x="value of X", y="value of Y"),
    }
)

rows = [[f"$P(Y=y\\mid X={x})$", *(f"{v:.3f}" for v in y_given_x[i]), f"{y_given_x[i].sum():.3f}"] for i, x in enumerate(x_values)]
print(tables.table([TEXT["cond"], *y_heads, TEXT["sums"]], rows))

print(tables.table([TEXT["check"], TEXT["value"]], [
    ("$P(X=0,Y=0)$", f"{table[0, 0]:.3f}"),
    ("$P(X=0)\\,P(Y=0)$", f"{px[0] * py[0]:.3f}"),
    (TEXT["indep"], TEXT["yes"] if is_independent(table) else TEXT["no"]),
    ("$E(XY)$", f"{joint_expectation(table, lambda x, y: x * y, x_values, y_values):.3f}"),
    ("$E(X)\\,E(Y)$", f"{(px @ x_values) * (py @ y_values):.3f}"),
]))

fig, axes = figure(2, 2, width=4.8, height=3.4,
                   gridspec_kw=dict(width_ratios=[3, 1], height_ratios=[1, 2]))
top, corner, heat, side = axes[0, 0], axes[0, 1], axes[1, 0], axes[1, 1]
corner.axis("off")
heat.imshow(table, cmap="viridis", vmin=0, vmax=table.max(), aspect="auto")
for (i, j), v in np.ndenumerate(table):
    heat.text(j, i, f"{v:.2f}", ha="center", va="center", color="white" if v < 0.17 else "black")
heat.set(xticks=range(len(y_values)), xticklabels=y_values, yticks=range(len(x_values)),
         yticklabels=x_values, xlabel=TEXT["y"], ylabel=TEXT["x"])
heat.grid(False)
top.bar(y_values, py, width=0.6)
top.set(xlim=(-0.5, len(y_values) - 0.5), xticks=[], ylabel=TEXT["py"], ylim=(0, 0.5))
side.barh(x_values, px, height=0.5, color="C1")
side.set(ylim=(len(x_values) - 0.5, -0.5), yticks=[], xlabel=TEXT["px"], xlim=(0, 0.7))
print(figure_html(fig, reflow=False))  # the bars belong to the table's rows and columns
