# Random versus grid search with nine trials, and why learning rates are sampled in log space.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import log_uniform, search_layouts
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import mc_estimate

TEXT = localized(
    {
        "ko": dict(
            layout="배치", grid="격자 탐색", rand="무작위 탐색", distinct="중요한 변수의 서로 다른 값 수", best="찾은 최고 점수 (최댓값 1)", avg="무작위 탐색, 2000번 반복한 평균",
            decade="구간", logu="$10^{U(-6,-3)}$", unif="$U(10^{-6}, 10^{-3})$",
            imp="중요한 하이퍼파라미터", unimp="중요하지 않은 하이퍼파라미터", score="점수",
            alt="왼쪽은 9개의 점이 3×3 격자로 놓인 격자 탐색, 오른쪽은 9개의 점이 흩어진 무작위 탐색이다. 각 패널 위의 곡선은 중요한 변수에 따른 점수이고, "
            "격자는 그 곡선을 세 곳에서만 재지만 무작위 탐색은 아홉 곳에서 잰다.",
            cap="같은 9번의 시도. 위쪽 곡선은 중요한 변수에 따른 점수(오른쪽 변수는 점수에 영향이 없다)이고, 점선은 각 시도가 잰 위치다.",
        ),
        "en": dict(
            layout="layout", grid="grid search", rand="random search", distinct="distinct values of the important parameter",
            best="best score found (maximum 1)", avg="random search, mean over 2000 repetitions",
            decade="range", logu="$10^{U(-6,-3)}$", unif="$U(10^{-6}, 10^{-3})$",
            imp="important hyperparameter", unimp="unimportant hyperparameter", score="score",
            alt="Left: grid search with nine points on a 3 by 3 grid. Right: random search with nine scattered points. Above each panel, "
            "a curve shows the score as a function of the important parameter; the grid probes it at three places, random search at nine.",
            cap="The same nine trials. The curve on top is the score as a function of the important parameter (the other one has no effect); "
            "dotted lines mark where the trials probe it.",
        ),
    }
)


def score(important):
    # a toy response: only the first hyperparameter matters, with a narrow peak at 0.62
    return np.exp(-((important - 0.62) ** 2) / (2 * 0.06**2))


rng = np.random.default_rng(2012)
grid, rand = search_layouts(9, rng)

print(f"| {TEXT['layout']} | {TEXT['distinct']} | {TEXT['best']} |\n|---|---|---|")
for name, pts in ((TEXT["grid"], grid), (TEXT["rand"], rand)):
    print(f"| {name} | {len(np.unique(pts[:, 0]))} | {score(pts[:, 0]).max():.2f} |")
repeats = mc_estimate(score(rng.random((2000, 9))).max(axis=1))
print(f"| {TEXT['avg']} | 9 | {repeats.value:.2f} ± {repeats.se:.2f} |")
print()

lrs_log = log_uniform(1e-6, 1e-3, 10_000, rng)
lrs_lin = rng.uniform(1e-6, 1e-3, 10_000)
edges = [1e-6, 1e-5, 1e-4, 1e-3]
print(f"| {TEXT['decade']} | {TEXT['logu']} | {TEXT['unif']} |\n|---|---|---|")
for lo, hi in zip(edges[:-1], edges[1:]):
    share_log = np.mean((lrs_log >= lo) & (lrs_log < hi))
    share_lin = np.mean((lrs_lin >= lo) & (lrs_lin < hi))
    print(f"| $[10^{{{np.log10(lo):.0f}}}, 10^{{{np.log10(hi):.0f}}})$ | {share_log:.1%} | {share_lin:.1%} |")
print()

u = np.linspace(0, 1, 300)
fig, axes = figure(2, 2, width=7.0, height=4.2, height_ratios=[1, 2.4], sharex=True)
for col, (name, pts) in enumerate(((TEXT["grid"], grid), (TEXT["rand"], rand))):
    top, main = axes[0, col], axes[1, col]
    top.plot(u, score(u), color="C1")
    top.plot(pts[:, 0], score(pts[:, 0]), "o", color="C0", markersize=5)
    top.set(title=name, ylabel=TEXT["score"], ylim=(-0.05, 1.1))
    main.plot(pts[:, 0], pts[:, 1], "o", color="C0", markersize=7)
    for x in pts[:, 0]:
        main.axvline(x, color=INK, linestyle=":", linewidth=0.8)
    main.set(xlim=(0, 1), ylim=(0, 1), xlabel=TEXT["imp"], ylabel=TEXT["unimp"])
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
