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


def mse(lams, x_eval, y_eval):
    pred = polynomial_ridge_predict(x, y, x_eval, degree=12, lams=lams)
    return np.mean((pred - y_eval) ** 2, axis=1)


TEXT = localized(
    {
        "ko": dict(
            head=["$\\lambda$", "학습 MSE", "검증 MSE"], best="격자에서 검증 MSE가 가장 작은 $\\lambda$",
            data="학습 데이터 (15점)", truth="sin(πx)", x="x", y="y", lam="λ (로그 눈금)", mse="평균제곱오차 (로그 눈금)",
            tr="학습", va="검증", title1="적합된 곡선", title2="λ에 따른 오차"),
        "en": dict(
            head=["$\\lambda$", "train MSE", "validation MSE"], best="grid $\\lambda$ with the smallest validation MSE",
            data="training data (15 points)", truth="sin(πx)", x="x", y="y", lam="λ (log scale)", mse="mean squared error (log scale)",
            tr="train", va="validation", title1="fitted curves", title2="error against λ"),
    }
)

print(table(TEXT["head"], [
    (f"{lam:g}", f"{tr:.4f}", f"{va:.4f}") for lam, tr, va in zip(shown, mse(shown, x, y), mse(shown, x_val, y_val))
]))
train_curve, val_curve = mse(grid, x, y), mse(grid, x_val, y_val)
print(note(f"- {TEXT['best']}: {grid[np.argmin(val_curve)]:.1e}"))

fig, axes = figure(1, 2, width=7.6, height=3.4)
xs = np.linspace(x.min(), x.max(), 400)
curves = polynomial_ridge_predict(x, y, xs, degree=12, lams=shown)
axes[0].plot(xs, np.sin(np.pi * xs), color=INK, linestyle="--", linewidth=1.2, label=TEXT["truth"])
for lam, curve in zip(shown, curves):
    axes[0].plot(xs, curve, linewidth=1.5, label=f"λ = {format_number(lam)}")
axes[0].scatter(x, y, s=22, color=INK, zorder=3, label=TEXT["data"])
axes[0].set(xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(-2.0, 2.0), title=TEXT["title1"])
axes[0].legend(fontsize=9, loc="upper left")
axes[1].loglog(grid, train_curve, label=TEXT["tr"])
axes[1].loglog(grid, val_curve, label=TEXT["va"])
axes[1].set(xlabel=TEXT["lam"], ylabel=TEXT["mse"], title=TEXT["title2"])
label_lines(axes[1], x=1e-6)
print(figure_html(fig))
