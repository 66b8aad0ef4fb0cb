# T = X/Y for i.i.d. N(0, 1): the histogram follows 1/(pi(1 + t^2)), and P(T <= 1) = 3/4.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import figure, figure_html
from studynotes.prob import cauchy_cdf, cauchy_pdf, mc_cell, mc_estimate, sample_normal_ratio
from studynotes.tables import table

rng = np.random.default_rng(20220207)
t = sample_normal_ratio(400_000, rng)

TEXT = localized(
    {
        "ko": dict(
            head=["확률", "정확한 값", "시뮬레이션 (± 표준오차)"],
            le1="$P(T \\le 1)$", abs1="$P(\\lvert T\\rvert \\le 1)$", big="$P(\\lvert T\\rvert > 10)$ (그림 밖)",
            x="t = X / Y", y="밀도", hist="X/Y 표본 (전체 개수로 정규화)", curve="1/(π(1+t²))"),
        "en": dict(
            head=["probability", "exact", "simulation (± standard error)"],
            le1="$P(T \\le 1)$", abs1="$P(\\lvert T\\rvert \\le 1)$", big="$P(\\lvert T\\rvert > 10)$ (off the plot)",
            x="t = X / Y", y="density", hist="X/Y draws (normalized by all draws)", curve="1/(π(1+t²))"),
    }
)

rows = [
    (TEXT["le1"], cauchy_cdf(1.0), t <= 1),
    (TEXT["abs1"], cauchy_cdf(1.0) - cauchy_cdf(-1.0), np.abs(t) <= 1),
    (TEXT["big"], 2 * (1 - cauchy_cdf(10.0)), np.abs(t) > 10),
]
cells = []
for label, exact, hits in rows:
    est = mc_estimate(hits.astype(float))
    cells.append((label, f"{exact:.5f}", mc_cell(est, float(exact))))
print(table(TEXT["head"], cells))

width = 0.25
edges = np.arange(-10, 10 + width, width)
counts, _ = np.histogram(t, bins=edges)
fig, ax = figure(width=4.8, height=3.0)
ax.stairs(counts / (t.size * width), edges, fill=True, alpha=0.45, label=TEXT["hist"])
grid = np.linspace(-10, 10, 500)
ax.plot(grid, cauchy_pdf(grid), color="C1", label=TEXT["curve"])
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(-10, 10))
ax.legend()
print(figure_html(fig))
