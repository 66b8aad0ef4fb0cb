# Lp norms of two vectors with the same L1 norm, matrix norms, and 2-D unit balls for several p.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import lp_norm, matrix_norm, unit_ball
from studynotes.plotting import INK, figure, figure_html

TEXT = localized(
    {
        "ko": dict(
            vec="벡터", count="0이 아닌 성분 수 (\"L0\")", mat="행렬 노름", val="값", numpy="`np.linalg.norm(A)` (ord 없이)",
            tri="$p = 1/2$에서 $x=(1,0)$, $y=(0,1)$", x="x₁", y="x₂",
            alt="원점을 중심으로 한 네 개의 닫힌 곡선. p = 0.5는 축 쪽으로 오목하게 파인 별 모양, p = 1은 꼭짓점이 축 위에 있는 마름모, "
            "p = 2는 원, p = ∞는 정사각형이다. p가 커질수록 바깥으로 부푼다.",
            cap="2차원 단위 공 ‖x‖ₚ = 1. p ≥ 1이면 볼록하고, p < 1이면 오목하게 파여 삼각 부등식이 깨진다.",
        ),
        "en": dict(
            vec="vector", count="non-zero entries (\"L0\")", mat="matrix norm", val="value", numpy="`np.linalg.norm(A)` (no ord)",
            tri="$p = 1/2$, $x=(1,0)$, $y=(0,1)$", x="x₁", y="x₂",
            alt="Four closed curves around the origin. p = 0.5 is a star pinched toward the axes, p = 1 a diamond with corners on the axes, "
            "p = 2 a circle and p = infinity a square; the curves bulge outward as p grows.",
            cap="2-D unit balls ‖x‖ₚ = 1. They are convex for p ≥ 1; for p < 1 they are pinched inward and the triangle inequality fails.",
        ),
    }
)

flat, spike = np.ones(5), np.array([5.0, 0, 0, 0, 0])
orders = [(0.5, "$p=1/2$"), (1, "$L_1$"), (2, "$L_2$"), (np.inf, "$L_\\infty$")]
print(f"| {TEXT['vec']} | {TEXT['count']} | " + " | ".join(name for _, name in orders) + " |")
print("|---|---|" + "---|" * len(orders))
for label, v in (("$(1,1,1,1,1)$", flat), ("$(5,0,0,0,0)$", spike)):
    print(f"| {label} | {np.count_nonzero(v)} | " + " | ".join(f"{lp_norm(v, p):.3f}" for p, _ in orders) + " |")

A = np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]])
print(f"\n| {TEXT['mat']}, $A = \\begin{{pmatrix}}1&2&3\\\\4&5&6\\\\7&8&9\\end{{pmatrix}}$ | {TEXT['val']} |\n|---|---|")
print(f"| $\\lVert A\\rVert_1$ | {matrix_norm(A, 1):.0f} |")
print(f"| $\\lVert A\\rVert_\\infty$ | {matrix_norm(A, np.inf):.0f} |")
print(f"| $\\lVert A\\rVert_2 = \\sigma_{{\\max}}$ | {matrix_norm(A, 2):.4f} |")
print(f"| $\\lVert A\\rVert_F$ | {matrix_norm(A, 'fro'):.4f} |")
print(f"| {TEXT['numpy']} | {np.linalg.norm(A):.4f} |")

x, y = np.array([1.0, 0.0]), np.array([0.0, 1.0])
half = 0.5
print(f"\n- {TEXT['tri']}: $\\lVert x+y\\rVert_p = {lp_norm(x + y, half):.0f}$, "
      f"$\\lVert x\\rVert_p + \\lVert y\\rVert_p = {lp_norm(x, half) + lp_norm(y, half):.0f}$\n")

fig, ax = figure(width=5.0, height=3.8)
for p, name in orders:
    pts = unit_ball(p, 721)
    ax.plot(pts[:, 0], pts[:, 1], label=name.replace("$p=1/2$", "$p=0.5$"))
ax.axhline(0, color=INK, linewidth=0.6)
ax.axvline(0, color=INK, linewidth=0.6)
ax.set_aspect("equal")
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(-1.3, 1.3), ylim=(-1.3, 1.3))
ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
