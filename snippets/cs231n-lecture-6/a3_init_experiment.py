# Ten tanh/ReLU layers of 500 units: how the weight scale decides whether activations survive.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import init_experiment
from studynotes.plotting import figure, figure_html
from studynotes.tables import note, table

CONFIGS = [("small", "tanh"), ("large", "tanh"), ("xavier", "tanh"), ("xavier", "relu"), ("he", "relu")]
NAMES = {
    "small": "0.01·randn", "large": "1.0·randn", "xavier": "Xavier", "he": "He",
}
runs = [init_experiment(init, act, seed=0) for init, act in CONFIGS]
labels = [f"{NAMES[r.init]} + {r.activation}" for r in runs]

TEXT = localized(
    {
        "ko": dict(
            setup="설정", mean="10층 평균", std="10층 표준편차", sat="포화 비율 (tanh: $\\lvert h\\rvert>0.99$)",
            dead="죽은 유닛 비율 (ReLU: 모든 예제에서 0)", na="해당 없음",
            layer="층", std_ax="활성값 표준편차 (로그 눈금)", mean_ax="활성값 평균", count="비율", value="활성값 h",
            tie="같은 시드에서 He / Xavier (ReLU): 10층 표준편차의 비, $(\\sqrt2)^{10}$, 10개 층 모두에서 죽은 유닛 비율이 같은가", yes="예", no="아니요"),
        "en": dict(
            setup="setup", mean="layer-10 mean", std="layer-10 std", sat="saturated fraction (tanh: $\\lvert h\\rvert>0.99$)",
            dead="dead units (ReLU: 0 on every example)", na="n/a",
            layer="layer", std_ax="std of activations (log scale)", mean_ax="mean of activations", count="fraction", value="activation h",
            tie="He / Xavier with ReLU, same seed: ratio of layer-10 stds, $(\\sqrt2)^{10}$, same dead-unit fraction in all 10 layers", yes="yes", no="no"),
    }
)

rows = []
for label, r in zip(labels, runs):
    sat = TEXT["na"] if r.activation == "relu" else f"{r.saturated[-1]:.2f}"
    dead = TEXT["na"] if r.activation == "tanh" else f"{r.dead[-1]:.3f}"
    rows.append((label, f"{r.means[-1]:.2g}", f"{r.stds[-1]:.2g}", sat, dead))
print(table([TEXT["setup"], TEXT["mean"], TEXT["std"], TEXT["sat"], TEXT["dead"]], rows))
xr, hr = runs[3], runs[4]  # the same weights up to the factor sqrt(2), and ReLU(c z) = c ReLU(z) for c > 0
same = np.array_equal(hr.dead, xr.dead)
print(note(f"{TEXT['tie']}: {hr.stds[-1] / xr.stds[-1]:.4f}, {np.sqrt(2) ** 10:.4f}, {TEXT['yes'] if same else TEXT['no']}"))

layers = np.arange(1, len(runs[0].stds) + 1)
fig, (ax_s, ax_m) = figure(1, 2, width=7.2, height=3.2)
STYLES = [("-", "o"), ("--", "s"), (":", "^"), ("-.", "D"), ((0, (5, 1, 1, 1)), "v")]
for (ls, mk), label, r in zip(STYLES, labels, runs):
    ax_s.semilogy(layers, r.stds, linestyle=ls, marker=mk, markersize=3.5, label=label)
    ax_m.plot(layers, r.means, linestyle=ls, marker=mk, markersize=3.5, label=label)
ax_s.set(xlabel=TEXT["layer"], ylabel=TEXT["std_ax"], xticks=layers)
ax_m.set(xlabel=TEXT["layer"], ylabel=TEXT["mean_ax"], xticks=layers)
ax_s.legend(fontsize=9)
print(figure_html(fig))

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
        ax.set_title(f"{TEXT['layer']} {layer + 1}", fontsize=9)  # on every panel: a phone shows two a line
        if j == 0:
            ax.set_ylabel(label, fontsize=9)
        if i == len(runs) - 1:
            ax.set_xlabel(TEXT["value"], fontsize=9)
print(figure_html(fig))
