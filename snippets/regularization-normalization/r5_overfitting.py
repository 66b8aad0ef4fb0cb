# Overfitting and its cure: a degree-12 polynomial on 15 noisy points, fitted by Ridge with growing lambda.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import make_sine_data, polynomial_ridge_predict
from studynotes.plotting import INK, figure, figure_html

TEXT = localized(
    {
        "ko": dict(
            head="| $\\lambda$ | 학습 MSE | 검증 MSE |", best="격자에서 검증 MSE가 가장 작은 $\\lambda$",
            data="학습 데이터 (15점)", truth="sin(πx)", x="x", y="y", lam="λ (로그 눈금)", mse="평균제곱오차 (로그 눈금)",
            tr="학습", va="검증", title1="적합된 곡선", title2="λ에 따른 오차",
            alt="두 그래프. 왼쪽: 15개의 점과 sin(πx), 그리고 네 λ에 대한 12차 다항식. λ = 0인 곡선은 점 사이에서 크게 출렁이고, "
            "가장 큰 λ의 곡선은 지나치게 평평하다. 오른쪽: λ가 커지면 학습 오차는 계속 커지고, 검증 오차는 처음에 줄다가 다시 커지는 U자 모양이다.",
            cap="12차 다항식의 Ridge 적합. λ = 0은 학습 점을 거의 지나가지만 점 사이에서 출렁여 과적합한다. "
            "λ를 키우면 학습 오차는 늘지만 검증 오차는 중간 λ에서 가장 작다. 검증 점은 학습 점의 범위 안에서 뽑았다.",
        ),
        "en": dict(
            head="| $\\lambda$ | train MSE | validation MSE |", best="grid $\\lambda$ with the smallest validation MSE",
            data="training data (15 points)", truth="sin(πx)", x="x", y="y", lam="λ (log scale)", mse="mean squared error (log scale)",
            tr="train", va="validation", title1="fitted curves", title2="error against λ",
            alt="Two plots. Left: 15 points, sin(pi x) and degree-12 polynomials for four lambdas; the lambda = 0 curve swings wildly "
            "between the points and the largest lambda gives a curve that is too flat. Right: as lambda grows the training error keeps "
            "rising while the validation error first falls and then rises, a U shape.",
            cap="Ridge fits of a degree-12 polynomial. λ = 0 nearly passes through the training points but swings between them: it "
            "overfits. Raising λ increases the training error, while the validation error is smallest at an intermediate λ. "
            "Validation points are drawn inside the range of the training points.",
        ),
    }
)

rng = np.random.default_rng(3)
x, y = make_sine_data(15, rng, noise=0.2)
x_val, y_val = make_sine_data(200, rng, noise=0.2, low=x.min(), high=x.max())  # no extrapolation
shown = np.array([0.0, 1e-6, 1e-3, 1e-1])
grid = np.geomspace(1e-8, 10.0, 61)


def mse(lams, x_eval, y_eval):
    pred = polynomial_ridge_predict(x, y, x_eval, degree=12, lams=lams)
    return np.mean((pred - y_eval) ** 2, axis=1)


print(TEXT["head"] + "\n|---|---|---|")
for lam, tr, va in zip(shown, mse(shown, x, y), mse(shown, x_val, y_val)):
    print(f"| {lam:g} | {tr:.4f} | {va:.4f} |")
train_curve, val_curve = mse(grid, x, y), mse(grid, x_val, y_val)
print(f"\n- {TEXT['best']}: {grid[np.argmin(val_curve)]:.1e}\n")

fig, axes = figure(1, 2, width=8.5, height=3.4)
xs = np.linspace(x.min(), x.max(), 400)
curves = polynomial_ridge_predict(x, y, xs, degree=12, lams=shown)
axes[0].plot(xs, np.sin(np.pi * xs), color=INK, linestyle="--", linewidth=1.2, label=TEXT["truth"])
for lam, curve in zip(shown, curves):
    axes[0].plot(xs, curve, linewidth=1.5, label=f"λ = {lam:g}")
axes[0].scatter(x, y, s=22, color=INK, zorder=3, label=TEXT["data"])
axes[0].set(xlabel=TEXT["x"], ylabel=TEXT["y"], ylim=(-2.0, 2.0), title=TEXT["title1"])
axes[0].legend(fontsize=7, loc="upper left")
axes[1].loglog(grid, train_curve, label=TEXT["tr"])
axes[1].loglog(grid, val_curve, label=TEXT["va"])
axes[1].set(xlabel=TEXT["lam"], ylabel=TEXT["mse"], title=TEXT["title2"])
axes[1].legend()
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
