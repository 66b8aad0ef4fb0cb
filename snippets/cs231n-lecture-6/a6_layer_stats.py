# Six ReLU layers on the spiral: how wide each layer's activations and weight gradients are, before and after training.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import layer_stats
from studynotes.plotting import figure, figure_html
from studynotes.prob import mc_estimate
from studynotes.tables import table

SEEDS, STEPS = range(5), 100
runs = {init: [layer_stats(init, width=50, steps=STEPS, seed=s) for s in SEEDS] for init in ("small", "he")}
NAMES = {"small": "0.01·randn", "he": "He"}


def cell(values, fmt=".1e"):
    est = mc_estimate(np.array(values))
    return f"{est.value:{fmt}} ± {est.se:.0e}" if fmt == ".1e" else f"{est.value:{fmt}} ± {est.se:{fmt}}"


TEXT = localized(
    {
        "ko": dict(
            rows=["손실, 처음", "손실, 100스텝 뒤", "활성값 표준편차, 1층", "활성값 표준편차, 6층", "∂L/∂W 표준편차, 1층",
                  "∂L/∂W 표준편차, 6층", "100스텝 뒤 ∂L/∂W 표준편차, 1층", "100스텝 뒤 ∂L/∂W 표준편차, 6층"],
            what="시드 5개의 평균 ± 표준오차", foot="균등한 예측의 손실 ln 3", layer="은닉층", act="활성값 표준편차 (로그 눈금)",
            grad="∂L/∂W 표준편차 (로그 눈금)", start="처음", after="100스텝 뒤"),
        "en": dict(
            rows=["loss, start", "loss, after 100 steps", "activation std, layer 1", "activation std, layer 6", "∂L/∂W std, layer 1",
                  "∂L/∂W std, layer 6", "∂L/∂W std after 100 steps, layer 1", "∂L/∂W std after 100 steps, layer 6"],
            what="mean ± s.e. over 5 seeds", foot="loss of uniform predictions, ln 3", layer="hidden layer", act="std of activations (log scale)",
            grad="std of ∂L/∂W (log scale)", start="start", after="after 100 steps"),
    }
)
cols = {init: [cell([r.loss[0] for r in rs], ".3f"), cell([r.loss[1] for r in rs], ".3f"),
               *(cell([getattr(r, key)[t, layer] for r in rs]) for key, t in (("act_std", 0), ("grad_std", 0), ("grad_std", 1))
                 for layer in (0, -1))] for init, rs in runs.items()}
print(table([TEXT["what"], *NAMES.values()], list(zip(TEXT["rows"], *cols.values()))))
print(f"{TEXT['foot']} = {np.log(3):.3f}")

fig, axes = figure(2, 1, width=5.0, height=6.0)
layers = np.arange(1, 7)
for init, marker in (("small", "o"), ("he", "s")):
    for t, ls in ((0, "-"), (1, "--")):
        label = f"{NAMES[init]}, {TEXT['start'] if t == 0 else TEXT['after']}"
        for ax, key in zip(axes, ("act_std", "grad_std")):
            values = np.exp(np.mean([np.log(getattr(r, key)[t]) for r in runs[init]], axis=0))  # geometric mean over seeds
            ax.plot(layers, values, linestyle=ls, marker=marker, fillstyle="full" if t == 0 else "none", label=label)
for ax, key in zip(axes, ("act", "grad")):
    ax.set(xlabel=TEXT["layer"], ylabel=TEXT[key], yscale="log", xticks=layers)
axes[0].legend()
print(figure_html(fig))
