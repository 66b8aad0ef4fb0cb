# Babysitting a two-layer network on the spiral: the initial loss, overfitting 20 points, then the real run.
import math

import numpy as np

from studynotes.i18n import localized
from studynotes.nn import overfit_small, spiral_run
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import table

def log_spaced(n, k=250):
    # indices evenly spaced on the log-scaled x axis: enough points for the eye, a small SVG
    return np.unique(np.geomspace(1, n, k).astype(int)) - 1


TEXT = localized(
    {
        "ko": dict(
            check="점검", val="값",
            init0="학습 전 손실, $\\lambda=0$ (가중치 0.01·randn)", init1="학습 전 손실, $\\lambda=10^{3}$ (같은 가중치)",
            ln3="$\\ln 3$",
            small="20개 점만, $\\lambda=0$, 2000회: 마지막 손실", small_acc="20개 점만: 학습 정확도",
            full="300개 점 전체, $\\lambda=10^{-3}$, 2000회: 마지막 손실", full_acc="300개 점 전체: 학습 정확도",
            it="반복 횟수 (로그 눈금)", loss="손실 (로그 눈금)", acc="학습 정확도",
            l_small="20개 점, λ = 0", l_full="300개 점, λ = 10⁻³"),
        "en": dict(
            check="check", val="value",
            init0="loss before training, $\\lambda=0$ (weights 0.01·randn)", init1="loss before training, $\\lambda=10^{3}$ (same weights)",
            ln3="$\\ln 3$",
            small="only 20 points, $\\lambda=0$, 2000 steps: final loss", small_acc="only 20 points: train accuracy",
            full="all 300 points, $\\lambda=10^{-3}$, 2000 steps: final loss", full_acc="all 300 points: train accuracy",
            it="iteration (log scale)", loss="loss (log scale)", acc="train accuracy",
            l_small="20 points, λ = 0", l_full="300 points, λ = 10⁻³"),
    }
)

full, initial = spiral_run(1.0, 2000)
_, initial_big_reg = spiral_run(1.0, 1, reg=1e3)
small = overfit_small(n_points=20, num_iters=2000, lr=1.0)

print(table([TEXT["check"], TEXT["val"]], [
    (TEXT["init0"], f"{spiral_run(1.0, 1, reg=0.0)[1]:.4f}"),
    (TEXT["ln3"], f"{math.log(3):.4f}"),
    (TEXT["init1"], f"{initial_big_reg:.4f}"),
    (TEXT["small"], f"{small.loss[-1]:.4f}"),
    (TEXT["small_acc"], f"{small.train_acc[-1]:.2f}"),
    (TEXT["full"], f"{full.loss[-1]:.4f}"),
    (TEXT["full_acc"], f"{full.train_acc[-1]:.2f}"),
]))

fig, (ax_l, ax_a) = figure(1, 2, width=7.2, height=3.0)
for hist, label, ls in ((small, TEXT["l_small"], "-"), (full, TEXT["l_full"], "--")):
    idx = log_spaced(len(hist.loss))
    ax_l.plot(idx + 1, np.array(hist.loss)[idx], linestyle=ls, label=label)
    ax_a.plot(np.array(hist.eval_iters) + 1, hist.train_acc, linestyle=ls, label=label)
ax_l.axhline(math.log(3), color=INK, linestyle=":", linewidth=1)
ax_a.axhline(1 / 3, color=INK, linestyle=":", linewidth=1)
ax_l.set(xlabel=TEXT["it"], ylabel=TEXT["loss"], xscale="log", yscale="log")
ax_a.set(xlabel=TEXT["it"], ylabel=TEXT["acc"], xscale="log", ylim=(0, 1.05))
ax_l.legend(fontsize=9)
print(figure_html(fig))
