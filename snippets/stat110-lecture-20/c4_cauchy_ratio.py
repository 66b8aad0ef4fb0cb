# T = X/Y for i.i.d. N(0, 1): the histogram follows 1/(pi(1 + t^2)), and P(T <= 1) = 3/4.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import figure, figure_html
from studynotes.prob import cauchy_cdf, cauchy_pdf, mc_cell, mc_estimate, sample_normal_ratio

TEXT = localized(
    {
        "ko": dict(
            head="| 확률 | 정확한 값 | 시뮬레이션 (± 표준오차) |",
            le1="$P(T \\le 1)$", abs1="$P(\\lvert T\\rvert \\le 1)$", big="$P(\\lvert T\\rvert > 10)$ (그림 밖)",
            x="t = X / Y", y="밀도", hist="X/Y 표본 (전체 개수로 정규화)", curve="1/(π(1+t²))",
            alt="X/Y 표본 히스토그램을 −10부터 10까지 그렸다. 히스토그램이 코시 밀도 곡선 1/(π(1+t²))과 겹치며, 곡선은 가운데에서 ±10 쪽으로 천천히 낮아진다.",
            cap="[−10, 10] 밖의 표본도 분모에 넣고 정규화해야 곡선과 맞는다. 그 밖에 있는 표본의 비율이 위 표의 마지막 줄이다.",
        ),
        "en": dict(
            head="| probability | exact | simulation (± standard error) |",
            le1="$P(T \\le 1)$", abs1="$P(\\lvert T\\rvert \\le 1)$", big="$P(\\lvert T\\rvert > 10)$ (off the plot)",
            x="t = X / Y", y="density", hist="X/Y draws (normalized by all draws)", curve="1/(π(1+t²))",
            alt="Histogram of X/Y draws between −10 and 10 lying on the Cauchy density 1/(π(1+t²)), which falls off slowly from the center towards ±10.",
            cap="The histogram matches the curve only when it is normalized by every draw, including those beyond ±10 (last row of the table).",
        ),
    }
)

rng = np.random.default_rng(20220207)
t = sample_normal_ratio(400_000, rng)

print(TEXT["head"] + "\n|---|---|---|")
rows = [
    (TEXT["le1"], cauchy_cdf(1.0), t <= 1),
    (TEXT["abs1"], cauchy_cdf(1.0) - cauchy_cdf(-1.0), np.abs(t) <= 1),
    (TEXT["big"], 2 * (1 - cauchy_cdf(10.0)), np.abs(t) > 10),
]
for label, exact, hits in rows:
    est = mc_estimate(hits.astype(float))
    print(f"| {label} | {exact:.4f} | {mc_cell(est, float(exact))} |")
print()

width = 0.25
edges = np.arange(-10, 10 + width, width)
counts, _ = np.histogram(t, bins=edges)
fig, ax = figure(width=6.0, height=3.0)
ax.stairs(counts / (t.size * width), edges, fill=True, alpha=0.45, label=TEXT["hist"])
grid = np.linspace(-10, 10, 500)
ax.plot(grid, cauchy_pdf(grid), color="C1", label=TEXT["curve"])
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(-10, 10))
ax.legend()
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
