# Why zero-centered inputs matter: with all-positive inputs, every weight gradient has one sign.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import linear_sgd_path, same_sign_fraction
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import table

rng = np.random.default_rng(6)
n = 100_000
upstream = rng.standard_normal(n)  # dL/df differs from example to example
X_pos = rng.random((n, 2))
X_cen = rng.standard_normal((n, 2))

w_star = np.array([1.0, -1.0])
path_pos = linear_sgd_path(X_pos[:400], w_star, lr=0.5)
path_cen = linear_sgd_path(X_cen[:400], w_star, lr=0.2)


def steps_to_target(path):
    close = np.nonzero(np.linalg.norm(path - w_star, axis=1) < 0.05)[0]
    return int(close[0]) if close.size else None


TEXT = localized(
    {
        "ko": dict(
            inp="입력", frac="모든 성분의 부호가 같은 기울기의 비율", pos="양수만 ($x_i \\sim U(0, 1)$)", cen="0 중심 ($x_i \\sim N(0, 1)$)",
            steps="$w^\\star$까지 거리가 0.05 이하가 되는 데 걸린 걸음 수",
            w1="$w_1$", w2="$w_2$", start="시작점", target="목표 w*", l_pos="양수만 (xᵢ ~ U(0, 1))", l_cen="0 중심 (xᵢ ~ N(0, 1))"),
        "en": dict(
            inp="inputs", frac="fraction of gradients whose components share one sign", pos="all positive ($x_i \\sim U(0, 1)$)",
            cen="zero-centered ($x_i \\sim N(0, 1)$)", steps="steps until within 0.05 of $w^\\star$",
            w1="$w_1$", w2="$w_2$", start="start", target="target w*", l_pos="all positive (xᵢ ~ U(0, 1))", l_cen="zero-centered (xᵢ ~ N(0, 1))"),
    }
)

print(table([TEXT["inp"], TEXT["frac"], TEXT["steps"]], [
    (TEXT["pos"], f"{same_sign_fraction(X_pos, upstream):.3f}", steps_to_target(path_pos)),
    (TEXT["cen"], f"{same_sign_fraction(X_cen, upstream):.3f}", steps_to_target(path_cen)),
]))

fig, ax = figure(width=4.4, height=3.6)
ax.plot(*path_pos[:60].T, marker=".", markersize=4, linewidth=1.2, label=TEXT["l_pos"])
ax.plot(*path_cen[:60].T, marker=".", markersize=4, linewidth=1.2, label=TEXT["l_cen"])
ax.plot(0, 0, "o", color=INK, label=TEXT["start"])
ax.plot(*w_star, "*", color=INK, markersize=12, label=TEXT["target"])
ax.set(xlabel=TEXT["w1"], ylabel=TEXT["w2"], aspect="equal")
ax.legend(fontsize=9, loc="lower left")
print(figure_html(fig))
