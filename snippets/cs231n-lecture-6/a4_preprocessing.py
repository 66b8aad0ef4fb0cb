# Preprocessing a correlated 2-D cloud: center, normalize, rotate onto the principal axes, whiten.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import normalize, pca_rotate, whiten, zero_center
from studynotes.plotting import INK, figure, figure_html

TEXT = localized(
    {
        "ko": dict(
            titles=["원본", "0 중심화", "정규화", "PCA 회전", "백색화"], step="단계", mean="평균", cov="공분산 행렬",
            alt="같은 점구름을 다섯 번 그렸다. 원본은 (3, 2) 근처에 비스듬히 놓인 타원이고, 0 중심화는 원점으로 옮기며, 정규화는 두 축의 폭을 맞추고, "
            "PCA 회전은 타원을 축에 나란히 돌리며, 백색화는 둥근 구름으로 만든다.",
            cap="상관된 2차원 가우시안 점구름의 전처리 단계. 점선 십자는 원점이다.",
        ),
        "en": dict(
            titles=["original", "zero-centered", "normalized", "PCA-rotated", "whitened"], step="step", mean="mean", cov="covariance matrix",
            alt="The same point cloud drawn five times: the original is a tilted ellipse around (3, 2); zero-centering moves it to the origin; "
            "normalizing equalizes the spread of both axes; PCA rotation aligns the ellipse with the axes; whitening makes it round.",
            cap="The preprocessing steps on a correlated 2-D Gaussian cloud. The dotted cross marks the origin.",
        ),
    }
)

rng = np.random.default_rng(4)
X = rng.multivariate_normal([3.0, 2.0], [[2.0, 1.2], [1.2, 1.0]], size=1000)
steps = [X, zero_center(X), normalize(X), pca_rotate(X), whiten(X)]


def matrix(a):
    return "$\\begin{bmatrix}" + "\\\\".join(" & ".join(f"{v:.3f}" for v in row) for row in a) + "\\end{bmatrix}$"


print(f"| {TEXT['step']} | {TEXT['mean']} | {TEXT['cov']} |\n|---|---|---|")
for title, Z in zip(TEXT["titles"], steps):
    mean = np.round(Z.mean(axis=0), 3) + 0.0  # + 0.0 turns -0.0 into 0.0
    cov = np.round(np.cov(Z, rowvar=False, bias=True), 3) + 0.0
    print(f"| {title} | ({mean[0]:.3f}, {mean[1]:.3f}) | {matrix(cov)} |")
print()

fig, axes = figure(1, 5, width=7.4, height=2.2, sharex=True, sharey=True)
for ax, title, Z in zip(axes, TEXT["titles"], steps):
    ax.plot(Z[:, 0], Z[:, 1], ".", markersize=2, color="C0", rasterized=True)  # 1000 dots as one image, not 1000 SVG nodes
    ax.axhline(0, color=INK, linewidth=0.6, linestyle=":")
    ax.axvline(0, color=INK, linewidth=0.6, linestyle=":")
    ax.set_title(title, fontsize=9)
    ax.set_aspect("equal")
    ax.tick_params(labelsize=7)
axes[0].set(xlim=(-5, 7), ylim=(-5, 7))
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
