# Overfitting and its cure: a degree-12 polynomial on 15 noisy points, fitted by Ridge with growing lambda.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import make_sine_data, polynomial_ridge_predict
from studynotes.plotting import INK, figure, figure_html, format_number, label_lines
from studynotes.tables import note, table

rng = np.random.default_rng(3)
x, y = make_sine_data(15, rng, noise=0.2)
x_val, y_val = make_sine_data(200, rng, noise=0.2, low=x.min(), high=x.max())  # no extrapolation
shown = np.array([0.0, 1e-6, 1e-3, 1e-1])
grid = np.geomspace(1e-8, 10.0, 61)


def mse(lams, x_eval, y_eval, x_fit=x, y_fit=y):
    pred = polynomial_ridge_predict(x_fit, y_fit, x_eval, degree=12, lams=lams)
    return np.mean((pred - y_eval) ** 2, axis=1)


TEXT = localized(
    {
        "ko": dict(
            head=["$\\lambda$", "학습 MSE", "검증 MSE"], best="격자에서 검증 MSE가 가장 작은 $\\lambda$",
            seeds="새로 뽑은 데이터 40개: 가장 좋은 $\\lambda$가 격자 안쪽인 수, 검증 MSE($\\lambda=0$) / 검증 MSE(최적)의 중앙값 (이 그림의 데이터: {mine:.1f})",
            data="학습 데이터 (15점)", truth="sin(πx)", x="x", y="y", lam="λ (로그 눈금)", mse="평균제곱오차 (로그 눈금)",
            tr="학습", va="검증", title1="적합된 곡선", title2="λ에 따른 오차"),
        "en": dict(
            head=["$\\lambda$", "train MSE", "validation MSE"], best="grid $\\lambda$ with the smallest validation MSE",
            seeds="40 fresh draws of the data: best $\\lambda$ inside the grid, median of validation MSE($\\lambda=0$) / validation MSE(best) (this figure's draw: {mine:.1f})",
            data="training data (15 points)", truth="sin(πx)", x="x", y="y", lam="λ (log scale)", mse="mean squared error (log scale)",
            tr="train", va="validation", title1="fitted curves", title2="error against λ"),
    }
)

print(table(TEXT["head"], [
    (f"{lam:g}", f"{tr:.4f}", f"{va:.4f}") for lam, tr, va in zip(shown, mse(shown, x, y), mse(shown, x_val, y_val))
]))
train_curve, val_curve = mse(grid, x, y), mse(grid, x_val, y_val)
interior, ratios = 0, []
for seed in range(40):  # the same experiment on fresh data: is the U shape typical?
    r = np.random.default_rng(1000 + seed)
    xs_, ys_ = make_sine_data(15, r, noise=0.2)
    xv_, yv_ = make_sine_data(200, r, noise=0.2, low=xs_.min(), high=xs_.max())
    curve = mse(np.concatenate([[0.0], grid]), xv_, yv_, xs_, ys_)
    interior += 0 < np.argmin(curve[1:]) < grid.size - 1
    ratios.append(curve[0] / curve[1:].min())
mine = mse(np.array([0.0]), x_val, y_val)[0] / val_curve.min()
print(note(f"- {TEXT['best']}: {grid[np.argmin(val_curve)]:.1e}\n- {TEXT['seeds'].format(mine=mine)}: {interior}/40, {np.median(ratios):.3g}"))

fig, axes = figure(1, 2, width=7.6, height=3.4)
xs = np.linspace(x.min(), x.max(), 400)
curves = polynomial_ridge_predict(x, y, xs, degree=12, lams=shown)
axes[0].plot(xs, np.sin(np.pi * xs), color=INK, linestyle="--", linewidth=1.2, label=TEXT["truth"])
for lam, curve, ls in zip(shown, curves, ["-", (0, (5, 1.5)), "-.", (0, (1.5, 1.5))]):
    axes[0].plot(xs, curve, linewidth=1.5, linestyle=ls, label=f"λ = {format_number(lam)}")
axes[0].scatter(x, y, s=22, color=INK, zorder=3, label=TEXT["data"])
axes[0].set(xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(-2.0, 2.0), title=TEXT["title1"])
axes[0].legend(fontsize=9, loc="upper left")
axes[1].loglog(grid, train_curve, label=TEXT["tr"])
axes[1].loglog(grid, val_curve, label=TEXT["va"])
axes[1].set(xlabel=TEXT["lam"], ylabel=TEXT["mse"], title=TEXT["title2"])
label_lines(axes[1], x=1e-6)
print(figure_html(fig))
