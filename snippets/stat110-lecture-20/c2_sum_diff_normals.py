# X ~ N(1, 4) and Y ~ N(-3, 2.25), independent: X + Y and X - Y are normal, and the variances add in both.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import figure, figure_html, format_number
from studynotes.prob import (mc_cell, mc_covariance, mc_estimate, mc_variance, normal_mgf, normal_pdf,
    sum_of_independent_normals)
from studynotes.tables import note, table

mu1, var1, mu2, var2 = 1.0, 4.0, -3.0, 2.25
rng = np.random.default_rng(2022)
x = rng.normal(mu1, np.sqrt(var1), 1_000_000)
y = rng.normal(mu2, np.sqrt(var2), 1_000_000)
# In any sample, s²(x + y) − s²(x − y) = 4 · (sample covariance of x and y): chance, not theory, separates them.
cov = mc_covariance(x, y)

TEXT = localized(
    {
        "ko": dict(
            head=["", "평균 (이론)", "분산 (이론)", "평균 (표본)", "분산 (표본)", "$M(0.3)$ (이론)", "$M(0.3)$ (표본)"],
            x="값", y="밀도", sim="표본", theory="이론 밀도",
            cov="X와 Y의 표본공분산: {c} (이론값 0). 두 표본분산의 차 {d} = 4 × 표본공분산"),
        "en": dict(
            head=["", "mean (theory)", "variance (theory)", "mean (sample)", "variance (sample)", "$M(0.3)$ (theory)", "$M(0.3)$ (sample)"],
            x="value", y="density", sim="sample", theory="theoretical density",
            cov="sample covariance of X and Y: {c} (theory 0). Gap between the two sample variances: {d} = 4 × sample covariance"),
    }
)

rows = []
for sign, name in zip((1, -1), ("X + Y", "X − Y")):
    mean, var = sum_of_independent_normals(mu1, var1, mu2, var2, sign=sign)
    s = x + sign * y
    mgf = normal_mgf(0.3, mean, var)
    sample_mgf = mc_estimate(np.exp(0.3 * s))  # the empirical MGF is a mean too, so it has an SE
    rows.append((f"${name.replace('−', '-')}$", f"{mean:g}", f"{var:g}", mc_cell(mc_estimate(s), mean),
                 mc_cell(mc_variance(s), var), f"{mgf:.5f}", mc_cell(sample_mgf, float(mgf))))
print(table(TEXT["head"], rows))
gap = mc_variance(x + y).value - mc_variance(x - y).value
print(note(TEXT["cov"].format(c=mc_cell(cov, 0.0), d=f"{gap:.4f}")))

fig, axes = figure(1, 2, width=7.0, height=2.8, sharey=True)
for ax, sign, name, color in zip(axes, (1, -1), ("X + Y", "X − Y"), ("C0", "C1")):
    mean, var = sum_of_independent_normals(mu1, var1, mu2, var2, sign=sign)
    s = x + sign * y
    grid = np.linspace(mean - 4.5 * np.sqrt(var), mean + 4.5 * np.sqrt(var), 300)
    ax.hist(s, bins=60, density=True, histtype="stepfilled", alpha=0.45, color=color, label=TEXT["sim"])
    ax.plot(grid, normal_pdf(grid, mean, var), color=color, label=TEXT["theory"])
    ax.set(title=f"{name} ~ N({format_number(mean)}, {format_number(var)})", xlabel=TEXT["x"])
axes[0].set_ylabel(TEXT["y"])
axes[0].legend(loc="upper left")
print()
print(figure_html(fig))
