# Random versus grid search with nine trials (the best score over many draws of each), and log-space sampling.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import layout_best_scores, log_uniform, peak_score
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import mc_estimate
from studynotes.tables import table

N_DRAWS = 2000
rng = np.random.default_rng(2012)
grids, rands, grid_best, rand_best = layout_best_scores(9, N_DRAWS, rng)
wins = mc_estimate(rand_best > grid_best)

TEXT = localized(
    {
        "ko": dict(
            layout="탐색 방식", grid="격자 탐색", rand="무작위 탐색", distinct="중요한 변수의 서로 다른 값 수",
            med="최고 점수의 중앙값 (최댓값 1)", q="10% – 90% 분위", win="무작위 탐색이 더 높은 비율",
            decade="구간", logu="$10^{U(-6,-3)}$", unif="$U(10^{-6}, 10^{-3})$",
            imp="중요한 하이퍼파라미터", unimp="중요하지 않은 하이퍼파라미터", score="점수",
            best="찾은 최고 점수", share="비율", typical="전형적인 한 번", se="표준오차, {n}회"),
        "en": dict(
            layout="layout", grid="grid search", rand="random search", distinct="distinct values of the important parameter",
            med="median best score (maximum 1)", q="10th – 90th percentile", win="share of draws where random search scores higher",
            decade="range", logu="$10^{U(-6,-3)}$", unif="$U(10^{-6}, 10^{-3})$",
            imp="important hyperparameter", unimp="unimportant hyperparameter", score="score",
            best="best score found", share="share of draws", typical="a typical draw", se="s.e., {n} draws"),
    }
)

rows = []
typical = {}
for name, pts, best in ((TEXT["grid"], grids, grid_best), (TEXT["rand"], rands, rand_best)):
    med = np.median(best)
    typical[name] = pts[np.argmin(np.abs(best - med))]
    lo, hi = np.quantile(best, [0.1, 0.9])
    rows.append((name, len(np.unique(typical[name][:, 0])), f"{med:.2f}", f"{lo:.2f} – {hi:.2f}"))
print(table([TEXT["layout"], TEXT["distinct"], TEXT["med"], TEXT["q"]], rows))
print(f"{TEXT['win']}: {wins.value:.3f} ± {wins.se:.3f} ({TEXT['se'].format(n=N_DRAWS)})\n")

lrs_log = log_uniform(1e-6, 1e-3, 10_000, rng)
lrs_lin = rng.uniform(1e-6, 1e-3, 10_000)
edges = [1e-6, 1e-5, 1e-4, 1e-3]
rows = []
for lo, hi in zip(edges[:-1], edges[1:]):
    share_log = np.mean((lrs_log >= lo) & (lrs_log < hi))
    share_lin = np.mean((lrs_lin >= lo) & (lrs_lin < hi))
    rows.append((f"$[10^{{{np.log10(lo):.0f}}}, 10^{{{np.log10(hi):.0f}}})$", f"{share_log:.1%}", f"{share_lin:.1%}"))
print(table([TEXT["decade"], TEXT["logu"], TEXT["unif"]], rows))

u = np.linspace(0, 1, 300)
fig, placeholder = figure(width=8.5, height=3.6)
placeholder.remove()  # the panels below use a grid spec: two layouts with their score curves, and the distribution
gs = fig.add_gridspec(2, 3, height_ratios=[1, 2.4])
for col, name in enumerate((TEXT["grid"], TEXT["rand"])):
    pts = typical[name]
    top = fig.add_subplot(gs[0, col])
    main = fig.add_subplot(gs[1, col], sharex=top)
    top.plot(u, peak_score(u), color="C1")
    top.plot(pts[:, 0], peak_score(pts[:, 0]), "o", color="C0", markersize=5)
    top.set(title=f"{name}: {TEXT['typical']}", ylabel=TEXT["score"], ylim=(-0.05, 1.1))
    top.tick_params(labelbottom=False)
    main.plot(pts[:, 0], pts[:, 1], "o", color="C0", markersize=7)
    for x in pts[:, 0]:
        main.axvline(x, color=INK, linestyle=":", linewidth=0.8)
    main.set(xlim=(0, 1), ylim=(0, 1), xlabel=TEXT["imp"], ylabel=TEXT["unimp"])
hist = fig.add_subplot(gs[:, 2])
bins = np.linspace(0, 1, 21)
for k, (name, best) in enumerate(((TEXT["grid"], grid_best), (TEXT["rand"], rand_best))):
    hist.hist(best, bins=bins, weights=np.full(best.size, 1 / best.size), histtype="step", linewidth=1.6,
              color=f"C{k}", linestyle="-" if k == 0 else "--", label=name)
hist.set(xlabel=TEXT["best"], ylabel=TEXT["share"], xlim=(0, 1))
hist.legend(loc="upper center")
print(figure_html(fig))
