# Learning-rate sweep on the spiral: too low, about right, too high, diverging.
import math

import numpy as np

from studynotes.i18n import localized
from studynotes.nn import lr_sweep
from studynotes.plotting import INK, figure, figure_html, format_number
from studynotes.tables import table

def log_spaced(n, k=250):
    # indices evenly spaced on the log-scaled x axis: enough points for the eye, a small SVG
    return np.unique(np.geomspace(1, n, k).astype(int)) - 1


TEXT = localized(
    {
        "ko": dict(
            lr="학습률", final="500회 뒤 손실", acc="학습 정확도", ratio="업데이트/가중치 비율 (중앙값)", verdict="판정",
            low="너무 낮음: 손실이 거의 그대로", good="적당함", high="너무 높음: 손실이 커짐", nan="발산: {n}회째에 손실이 inf/NaN",
            it="반복 횟수 (로그 눈금)", loss="손실 (로그 눈금)", r_ax="업데이트/가중치 비율 (로그 눈금)"),
        "en": dict(
            lr="learning rate", final="loss after 500 steps", acc="train accuracy", ratio="update/weight ratio (median)", verdict="verdict",
            low="too low: the loss barely moves", good="about right", high="too high: the loss goes up", nan="diverged: loss inf/NaN at step {n}",
            it="iteration (log scale)", loss="loss (log scale)", r_ax="update/weight ratio (log scale)"),
    }
)

LRS = (1e-6, 1.0, 1e2, 1e6)
runs = lr_sweep(LRS, num_iters=500)

rows = []
for lr, verdict in zip(LRS, ("low", "good", "high", "nan")):
    h = runs[lr]
    acc = f"{h.train_acc[-1]:.2f}" if h.train_acc and not h.diverged else "–"
    note = TEXT[verdict].format(n=len(h.loss)) if verdict == "nan" else TEXT[verdict]
    rows.append((f"$10^{{{math.log10(lr):.0f}}}$", f"{h.loss[-1]:.4g}", acc, f"{np.median(h.update_ratio):.1e}", note))
print(table([TEXT["lr"], TEXT["final"], TEXT["acc"], TEXT["ratio"], TEXT["verdict"]], rows))

fig, (ax_l, ax_r) = figure(1, 2, width=7.2, height=3.2)
for lr, ls in zip(LRS, ["-", "--", "-.", ":"]):
    h = runs[lr]
    label = f"lr = {format_number(lr)}"
    for ax, values in ((ax_l, np.array(h.loss)), (ax_r, np.array(h.update_ratio))):
        idx = log_spaced(len(values))
        idx = idx[np.isfinite(values[idx]) & (values[idx] < 1e8)]  # the diverging run leaves the plot
        ax.plot(idx + 1, values[idx], linestyle=ls, linewidth=1.6, label=label)
ax_l.axhline(math.log(3), color=INK, linestyle=":", linewidth=1)
ax_r.axhline(1e-3, color=INK, linestyle=":", linewidth=1)
ax_l.set(xlabel=TEXT["it"], ylabel=TEXT["loss"], xscale="log", yscale="log", ylim=(0.2, 1e3))
ax_r.set(xlabel=TEXT["it"], ylabel=TEXT["r_ax"], xscale="log", yscale="log", ylim=(1e-8, 1e6))
ax_l.legend(fontsize=9)
print(figure_html(fig))
