# The law of large numbers needs a mean: running averages of Cauchy draws never settle.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, switch_figure_html
from studynotes.prob import cauchy_cdf, mc_cell, mc_estimate, running_mean, sample_normal_ratio
from studynotes.tables import table

rng = np.random.default_rng(7)
cauchy = sample_normal_ratio(100_000, rng)
normal = rng.standard_normal(100_000)

means_of_100 = sample_normal_ratio(100 * 20_000, rng).reshape(20_000, 100).mean(axis=1)
TEXT = localized(
    {
        "ko": dict(
            head=["확률", "정확한 값", "시뮬레이션 (± 표준오차)"],
            one="코시 1개: $P(\\lvert T\\rvert\\le 1)$", avg="코시 100개의 평균: $P(\\lvert \\bar T_{100}\\rvert\\le 1)$",
            x="표본 수 n", y="처음 n개의 평균", cauchy="코시 (X/Y)", normal="표준정규", seed="시드"),
        "en": dict(
            head=["probability", "exact", "simulation (± standard error)"],
            one="one Cauchy: $P(\\lvert T\\rvert\\le 1)$", avg="mean of 100 Cauchys: $P(\\lvert \\bar T_{100}\\rvert\\le 1)$",
            x="number of draws n", y="mean of the first n draws", cauchy="Cauchy (X/Y)", normal="standard normal", seed="seed"),
    }
)

exact = cauchy_cdf(1.0) - cauchy_cdf(-1.0)
rows = []
for label, sample in ((TEXT["one"], cauchy[:20_000]), (TEXT["avg"], means_of_100)):
    est = mc_estimate((np.abs(sample) <= 1).astype(float))
    rows.append((label, f"{exact:.4f}", mc_cell(est, float(exact))))
print(table(TEXT["head"], rows))

# The figure: the same two running means for eight seeds, which the reader switches between.
seeds = range(1, 9)
shown = np.unique(np.geomspace(1, 100_000, 400).astype(int))  # draw counts at which the means are drawn
frames = []
for seed in seeds:
    g = np.random.default_rng([7, seed])
    means = (running_mean(sample_normal_ratio(100_000, g)), running_mean(g.standard_normal(100_000)))
    frames.append([np.column_stack([shown, m[shown - 1]]) for m in means])
fig, ax = figure(width=4.8, height=3.0)
lines = [ax.plot(*frames[0][k].T, linestyle=("-", "--")[k], label=TEXT[name])[0] for k, name in enumerate(("cauchy", "normal"))]
ax.axhline(0, color=INK, linewidth=0.8)
ax.set(xscale="log", xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(1, 100_000), ylim=(-4, 4))
ax.legend(loc="upper right")
print(switch_figure_html(fig, lines, frames, options=[f"{TEXT['seed']} {s}" for s in seeds], label=TEXT["seed"],
                         wrapper_id="stat110-cauchy-seeds"))
