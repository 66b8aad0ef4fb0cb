# E|Z1 - Z2| for i.i.d. standard normals: simulation against the closed form 2/sqrt(pi).
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import (expected_abs_diff_iid_normals, expected_abs_normal, mc_cell, mc_estimate, normal_pdf,
    sample_abs_diff_iid_normals)
from studynotes.tables import table

rng = np.random.default_rng(20)
draws = sample_abs_diff_iid_normals(1_000_000, rng)
est = mc_estimate(draws)
exact = expected_abs_diff_iid_normals()

TEXT = localized(
    {
        "ko": dict(
            head=["", "값"],
            sim="시뮬레이션, $10^6$쌍 (± 표준오차)",
            exact=r"정확한 값 $2/\sqrt{\pi}$",
            ez=r"비교: $E\lvert Z\rvert=\sqrt{2/\pi}$",
            x="|Z₁ − Z₂|", y="밀도", hist="시뮬레이션", curve="√2·|Z|의 밀도"),
        "en": dict(
            head=["", "value"],
            sim="simulation, $10^6$ pairs (± standard error)",
            exact=r"exact $2/\sqrt{\pi}$",
            ez=r"for contrast: $E\lvert Z\rvert=\sqrt{2/\pi}$",
            x="|Z₁ − Z₂|", y="density", hist="simulation", curve="density of √2·|Z|"),
    }
)

print(table(TEXT["head"], [
    (TEXT["sim"], mc_cell(est, exact)),
    (TEXT["exact"], f"{exact:.5f}"),
    (TEXT["ez"], f"{expected_abs_normal():.5f}"),
]))

fig, ax = figure(width=4.8, height=3.0)
ax.hist(draws, bins=60, range=(0, 5), density=True, histtype="stepfilled", alpha=0.5, label=TEXT["hist"])
x = np.linspace(0, 5, 300)
ax.plot(x, 2 * normal_pdf(x, 0.0, 2.0), label=TEXT["curve"])  # fold N(0, 2) onto x >= 0
ax.axvline(exact, color=INK, linestyle="--", linewidth=1)
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(0, 5))
ax.legend()
print(figure_html(fig))
