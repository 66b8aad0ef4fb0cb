# E|Z1 - Z2| for i.i.d. standard normals: simulation against the closed form 2/sqrt(pi).
import math
import os

import numpy as np

from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import (
    expected_abs_diff_iid_normals,
    expected_abs_normal,
    mc_estimate,
    normal_pdf,
    sample_abs_diff_iid_normals,
)

LANG = os.environ.get("STUDYNOTES_LANG", "en")  # set per page by the site build
TEXT = {
    "ko": dict(
        what="값", sim="시뮬레이션 (10⁶쌍)", exact="정확한 값 $2/\\sqrt{\\pi}$", ez="$E|Z|=\\sqrt{2/\\pi}$ (비교용)",
        x="$|Z_1 - Z_2|$", y="밀도", hist="시뮬레이션 히스토그램", curve="√2·|Z|의 밀도",
        alt="|Z1−Z2| 표본 10⁶개의 히스토그램이 √2·|Z|의 반정규 밀도 곡선과 겹치고, 평균 2/√π 위치에 세로선이 있다.",
        cap="|Z₁−Z₂|의 분포는 √2·|Z|의 분포와 같다. 세로선은 평균 2/√π ≈ 1.128이다.",
    ),
    "en": dict(
        what="value", sim="simulation (10⁶ pairs)", exact="exact $2/\\sqrt{\\pi}$", ez="$E|Z|=\\sqrt{2/\\pi}$ (for contrast)",
        x="$|Z_1 - Z_2|$", y="density", hist="simulated histogram", curve="density of $\\sqrt{2}\\,|Z|$",
        alt="Histogram of 10⁶ draws of |Z1−Z2| lying on the half-normal density of √2·|Z|, with a vertical line at the mean 2/√π.",
        cap="|Z₁−Z₂| has the same distribution as √2·|Z|; the vertical line marks the mean 2/√π ≈ 1.128.",
    ),
}[LANG]

rng = np.random.default_rng(20)
draws = sample_abs_diff_iid_normals(1_000_000, rng)
est = mc_estimate(draws)
exact = expected_abs_diff_iid_normals()

print(f"| | {TEXT['what']} |\n|---|---|")
print(f"| {TEXT['sim']} | {est.value:.4f} ± {est.se:.4f} |")
print(f"| {TEXT['exact']} | {exact:.4f} |")
print(f"| {TEXT['ez']} | {expected_abs_normal():.4f} |\n")

fig, ax = figure(width=6.0, height=3.2)
ax.hist(draws, bins=80, range=(0, 5), density=True, alpha=0.55, label=TEXT["hist"])
x = np.linspace(0, 5, 400)
ax.plot(x, 2 * normal_pdf(x, 0.0, 2.0), label=TEXT["curve"])  # |N(0, 2)| folds the density onto x >= 0
ax.axvline(exact, color=INK, linestyle="--", linewidth=1)
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"])
ax.legend()
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
