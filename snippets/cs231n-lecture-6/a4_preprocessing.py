# Preprocessing a correlated 2-D cloud: center, normalize, rotate onto the principal axes, whiten.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import normalize, pca_rotate, whiten, zero_center
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import table

rng = np.random.default_rng(4)
X = rng.multivariate_normal([3.0, 2.0], [[2.0, 1.2], [1.2, 1.0]], size=1000)
steps = [X, zero_center(X), normalize(X), pca_rotate(X), whiten(X)]


def matrix(a):
    return "$\\begin{bmatrix}" + "\\\\".join(" & ".join(f"{v:.3f}" for v in row) for row in a) + "\\end{bmatrix}$"


TEXT = localized(
    {
        "ko": dict(
            titles=["원본", "0 중심화", "정규화", "PCA 회전", "백색화"], step="단계", mean="평균", cov="공분산 행렬"),
        "en": dict(
            titles=["original", "zero-centered", "normalized", "PCA-rotated", "whitened"], step="step", mean="mean", cov="covariance matrix"),
    }
)

rows = []
for title, Z in zip(TEXT["titles"], steps):
    mean = np.round(Z.mean(axis=0), 3) + 0.0  # + 0.0 turns -0.0 into 0.0
    cov = np.round(np.cov(Z, rowvar=False, bias=True), 3) + 0.0
    rows.append((title, f"({mean[0]:.3f}, {mean[1]:.3f})", matrix(cov)))
print(table([TEXT["step"], TEXT["mean"], TEXT["cov"]], rows))

fig, axes = figure(1, 5, width=7.2, height=2.2, sharex=True, sharey=True)
for ax, title, Z in zip(axes, TEXT["titles"], steps):
    ax.plot(Z[:, 0], Z[:, 1], ".", markersize=2, color="C0", rasterized=True)  # 1000 dots as one image, not 1000 SVG nodes
    ax.axhline(0, color=INK, linewidth=0.6, linestyle=":")
    ax.axvline(0, color=INK, linewidth=0.6, linestyle=":")
    ax.set_title(title, fontsize=9)
    ax.set_aspect("equal")
    ax.tick_params(labelsize=7)
axes[0].set(xlim=(-5, 7), ylim=(-5, 7))
print(figure_html(fig))
