# Why zero-centered inputs matter: with all-positive inputs, every weight gradient has one sign.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import linear_sgd_path, same_sign_fraction, steps_to_target, zero_centered_steps
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import note, table

rng = np.random.default_rng(6)
n = 100_000
upstream = rng.standard_normal(n)  # dL/df differs from example to example
X_pos = rng.random((n, 2))
X_cen = rng.standard_normal((n, 2))

w_star = np.array([1.0, -1.0])
path_pos = linear_sgd_path(X_pos[:400], w_star, lr=0.5)
path_cen = linear_sgd_path(X_cen[:400], w_star, lr=0.2)
second_moment = np.array([[1 / 3, 1 / 4], [1 / 4, 1 / 3]])  # E[x x^T] for x ~ U(0, 1)^2

TEXT = localized(
    {
        "ko": dict(
            inp="입력", frac="모든 성분의 부호가 같은 기울기의 비율", pos="양수만 ($x_i \\sim U(0, 1)$)", cen="0 중심 ($x_i \\sim N(0, 1)$)",
            lr="학습률", steps="그림의 경로: $w^\\star$까지 0.05 이내에 드는 걸음 수", med="시드 200개: 걸음 수의 중앙값 (사분위 범위)",
            slower="같은 학습률 0.2에서 양수 입력이 더 느린 시드의 비율", eig="$E[xx^\\top]$의 고윳값 ($U(0,1)^2$: 정확한 값, 그림의 입력 400개), 조건수",
            w1="$w_1$", w2="$w_2$", start="시작점", target="목표 w*", l_pos="양수만 (xᵢ ~ U(0, 1))", l_cen="0 중심 (xᵢ ~ N(0, 1))"),
        "en": dict(
            inp="inputs", frac="fraction of gradients whose components share one sign", pos="all positive ($x_i \\sim U(0, 1)$)",
            cen="zero-centered ($x_i \\sim N(0, 1)$)", lr="learning rate", steps="drawn path: steps until within 0.05 of $w^\\star$",
            med="200 seeds: median steps (interquartile range)", slower="share of seeds where positive inputs are slower at the same rate 0.2",
            eig="eigenvalues of $E[xx^\\top]$ ($U(0,1)^2$: exact, and the drawn path's 400 inputs), condition number",
            w1="$w_1$", w2="$w_2$", start="start", target="target w*", l_pos="all positive (xᵢ ~ U(0, 1))", l_cen="zero-centered (xᵢ ~ N(0, 1))"),
    }
)


def spread(steps):
    lo, mid, hi = np.percentile(steps, [25, 50, 75])
    return f"{mid:.0f} ({lo:.0f}–{hi:.0f})"


runs = {(True, 0.5): zero_centered_steps(0.5, positive=True), (True, 0.2): zero_centered_steps(0.2, positive=True),
        (False, 0.2): zero_centered_steps(0.2, positive=False)}
drawn = {(True, 0.5): steps_to_target(path_pos, w_star), (False, 0.2): steps_to_target(path_cen, w_star)}
frac = {True: f"{same_sign_fraction(X_pos, upstream):.3f}", False: f"{same_sign_fraction(X_cen, upstream):.3f}"}
print(table([TEXT["inp"], TEXT["frac"], TEXT["lr"], TEXT["steps"], TEXT["med"]], [
    (TEXT["pos" if positive else "cen"], frac[positive], lr, drawn.get((positive, lr), "–"), spread(steps))
    for (positive, lr), steps in runs.items()
]))
exact = np.linalg.eigvalsh(second_moment)[::-1]
sample = np.linalg.eigvalsh(X_pos[:400].T @ X_pos[:400] / 400)[::-1]
print(note(f"- {TEXT['slower']}: {np.mean(runs[True, 0.2] > runs[False, 0.2]):.2f}\n"
           f"- {TEXT['eig']}: {exact[0]:.4f}, {exact[1]:.4f}; "
           f"{sample[0]:.4f}, {sample[1]:.4f}; {exact[0] / exact[1]:.2f}"))

fig, ax = figure(width=4.4, height=3.6)
ax.plot(*path_pos[:60].T, marker=".", markersize=4, linewidth=1.2, label=TEXT["l_pos"])
ax.plot(*path_cen[:60].T, marker="x", markersize=4, linewidth=1.2, linestyle="--", label=TEXT["l_cen"])
ax.plot(0, 0, "o", color=INK, label=TEXT["start"])
ax.plot(*w_star, "*", color=INK, markersize=12, label=TEXT["target"])
ax.set(xlabel=TEXT["w1"], ylabel=TEXT["w2"], aspect="equal")
ax.legend(fontsize=9, loc="lower left")
print(figure_html(fig))
