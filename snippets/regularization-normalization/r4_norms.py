# Lp norms of two vectors with the same L1 norm, matrix norms, and 2-D unit balls for several p.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import lp_norm, matrix_norm, unit_ball
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import note, table

flat, spike = np.ones(5), np.array([5.0, 0, 0, 0, 0])
orders = [(0.5, "$p=1/2$"), (1, "$L_1$"), (2, "$L_2$"), (np.inf, "$L_\\infty$")]
TEXT = localized(
    {
        "ko": dict(
            vec="벡터", count="0이 아닌 성분 수 (\"L0\")", mat="행렬 노름", val="값", numpy="`np.linalg.norm(A)` (ord 없이)",
            tri="$p = 1/2$에서 $x=(1,0)$, $y=(0,1)$", x="x₁", y="x₂"),
        "en": dict(
            vec="vector", count="non-zero entries (\"L0\")", mat="matrix norm", val="value", numpy="`np.linalg.norm(A)` (no ord)",
            tri="$p = 1/2$, $x=(1,0)$, $y=(0,1)$", x="x₁", y="x₂"),
    }
)

print(table([TEXT["vec"], TEXT["count"], *(name for _, name in orders)], [
    (label, np.count_nonzero(v), *(f"{lp_norm(v, p):.3f}" for p, _ in orders))
    for label, v in (("$(1,1,1,1,1)$", flat), ("$(5,0,0,0,0)$", spike))
]))

A = np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]])
print(table([f"{TEXT['mat']}, $A = \\begin{{pmatrix}}1&2&3\\\\4&5&6\\\\7&8&9\\end{{pmatrix}}$", TEXT["val"]], [
    ("$\\lVert A\\rVert_1$", f"{matrix_norm(A, 1):.0f}"),
    ("$\\lVert A\\rVert_\\infty$", f"{matrix_norm(A, np.inf):.0f}"),
    ("$\\lVert A\\rVert_2 = \\sigma_{\\max}$", f"{matrix_norm(A, 2):.4f}"),
    ("$\\lVert A\\rVert_F$", f"{matrix_norm(A, 'fro'):.4f}"),
    (TEXT["numpy"], f"{np.linalg.norm(A):.4f}"),
]))

x, y = np.array([1.0, 0.0]), np.array([0.0, 1.0])
half = 0.5
print(note(f"- {TEXT['tri']}: $\\lVert x+y\\rVert_p = {lp_norm(x + y, half):.0f}$, "
           f"$\\lVert x\\rVert_p + \\lVert y\\rVert_p = {lp_norm(x, half) + lp_norm(y, half):.0f}$"))

fig, ax = figure(width=4.8, height=3.8)
for (p, name), ls in zip(orders, [":", "-", "--", "-."]):
    pts = unit_ball(p, 721)
    ax.plot(pts[:, 0], pts[:, 1], linestyle=ls, linewidth=1.6, label=name.replace("$p=1/2$", "$p=0.5$"))
ax.axhline(0, color=INK, linewidth=0.6)
ax.axvline(0, color=INK, linewidth=0.6)
ax.set_aspect("equal")
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(-1.3, 1.3), ylim=(-1.3, 1.3))
ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))
print(figure_html(fig))
