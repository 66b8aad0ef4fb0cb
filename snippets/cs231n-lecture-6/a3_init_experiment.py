# Ten tanh/ReLU layers of 500 units: how the weight scale decides whether activations survive.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import init_experiment
from studynotes.plotting import figure, figure_html

CONFIGS = [("small", "tanh"), ("large", "tanh"), ("xavier", "tanh"), ("xavier", "relu"), ("he", "relu")]
NAMES = {
    "small": "0.01·randn", "large": "1.0·randn", "xavier": "Xavier", "he": "He",
}
TEXT = localized(
    {
        "ko": dict(
            setup="설정", mean="10층 평균", std="10층 표준편차", sat="포화 비율 (tanh: $\\lvert h\\rvert>0.99$)",
            dead="죽은 유닛 비율 (ReLU: 모든 예제에서 0)", na="해당 없음",
            layer="층", std_ax="활성값 표준편차 (로그 축)", mean_ax="활성값 평균", count="비율", value="활성값 h",
            alt1="층별 활성값 표준편차(로그 축)와 평균. 0.01·randn+tanh는 층마다 약 {shrink:.1f}배씩 줄어 0으로 붕괴하고, 1.0·randn+tanh는 1 근처에 머물며, "
            "Xavier+tanh는 천천히 줄고, Xavier+ReLU는 층마다 약 √2배씩 줄며, He+ReLU는 거의 일정하다.",
            cap1="층별 활성값의 표준편차(왼쪽, 로그 축)와 평균(오른쪽). 설정마다 선 모양과 표식이 다르다.",
            alt2="다섯 설정(행)에서 1, 4, 7, 10층(열)의 활성값 히스토그램. 0.01·randn은 0에 몰리고, 1.0·randn은 ±1에 몰리며, "
            "Xavier+tanh는 고르게 퍼져 있고, Xavier+ReLU는 층이 깊어질수록 0 쪽으로 좁아지며, He+ReLU는 모양을 유지한다.",
            cap2="1, 4, 7, 10층 활성값의 히스토그램. 행마다 x축 범위가 다르다 (tanh는 [−1, 1], ReLU는 그 층의 최댓값까지).",
        ),
        "en": dict(
            setup="setup", mean="layer-10 mean", std="layer-10 std", sat="saturated fraction (tanh: $\\lvert h\\rvert>0.99$)",
            dead="dead units (ReLU: 0 on every example)", na="n/a",
            layer="layer", std_ax="std of activations (log scale)", mean_ax="mean of activations", count="fraction", value="activation h",
            alt1="Per-layer standard deviation (log scale) and mean of the activations. 0.01·randn with tanh shrinks by a factor of "
            "about {shrink:.1f} per layer towards 0; 1.0·randn with tanh stays near 1; Xavier with tanh shrinks slowly; Xavier with ReLU loses about a "
            "factor √2 per layer; He with ReLU stays roughly constant.",
            cap1="Standard deviation (left, log scale) and mean (right) of the activations, layer by layer. Each setup has its own line style and marker.",
            alt2="Histograms of the activations of layers 1, 4, 7 and 10 (columns) for the five setups (rows). 0.01·randn piles up at 0, "
            "1.0·randn at ±1, Xavier with tanh stays spread out, Xavier with ReLU narrows towards 0 with depth, He with ReLU keeps its shape.",
            cap2="Histograms of the activations in layers 1, 4, 7 and 10. The x range differs per row ([−1, 1] for tanh, up to the layer's maximum for ReLU).",
        ),
    }
)

runs = [init_experiment(init, act, seed=0) for init, act in CONFIGS]
labels = [f"{NAMES[r.init]} + {r.activation}" for r in runs]

print(f"| {TEXT['setup']} | {TEXT['mean']} | {TEXT['std']} | {TEXT['sat']} | {TEXT['dead']} |\n|---|---|---|---|---|")
for label, r in zip(labels, runs):
    sat = TEXT["na"] if r.activation == "relu" else f"{r.saturated[-1]:.2f}"
    dead = TEXT["na"] if r.activation == "tanh" else f"{r.dead[-1]:.3f}"
    print(f"| {label} | {r.means[-1]:.2g} | {r.stds[-1]:.2g} | {sat} | {dead} |")
print()

layers = np.arange(1, len(runs[0].stds) + 1)
fig, (ax_s, ax_m) = figure(1, 2, width=7.2, height=3.2)
STYLES = [("-", "o"), ("--", "s"), (":", "^"), ("-.", "D"), ((0, (5, 1, 1, 1)), "v")]
for (ls, mk), label, r in zip(STYLES, labels, runs):
    ax_s.semilogy(layers, r.stds, linestyle=ls, marker=mk, markersize=3.5, label=label)
    ax_m.plot(layers, r.means, linestyle=ls, marker=mk, markersize=3.5, label=label)
ax_s.set(xlabel=TEXT["layer"], ylabel=TEXT["std_ax"], xticks=layers)
ax_m.set(xlabel=TEXT["layer"], ylabel=TEXT["mean_ax"], xticks=layers)
ax_s.legend(fontsize=7)
shrink = float(np.exp(-np.mean(np.diff(np.log(runs[0].stds)))))  # 0.01·randn + tanh: mean factor per layer
print(figure_html(fig, alt=TEXT["alt1"].format(shrink=shrink), caption=TEXT["cap1"]))

shown = [0, 3, 6, 9]
fig, axes = figure(len(runs), len(shown), width=7.2, height=7.0, sharey="row")
for i, (label, r) in enumerate(zip(labels, runs)):
    color = f"C{i}"
    for j, layer in enumerate(shown):
        ax = axes[i, j]
        edges, counts = r.hist_edges[layer], r.hist_counts[layer]
        ax.stairs(counts / counts.sum(), edges, fill=True, color=color, alpha=0.8)
        ax.tick_params(labelsize=7)
        ax.locator_params(axis="x", nbins=3)
        ax.locator_params(axis="y", nbins=2)
        ax.grid(False)
        if i == 0:
            ax.set_title(f"{TEXT['layer']} {layer + 1}", fontsize=9)
        if j == 0:
            ax.set_ylabel(label, fontsize=8)
        if i == len(runs) - 1:
            ax.set_xlabel(TEXT["value"], fontsize=8)
print(figure_html(fig, alt=TEXT["alt2"], caption=TEXT["cap2"]))
