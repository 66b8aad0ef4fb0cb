# Escaping the saddle x^2 - y^2: exact step count without noise, faster escape with gradient noise; minima are rare in high dimension.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import noisy_gradient, positive_definite_draws, run, saddle, saddle_escape_steps, saddle_escape_theory, sgd
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import mc_estimate
from studynotes.tables import table

lr, y0 = 0.01, 1e-6
rng = np.random.default_rng(7)
sigmas = [0.0, 1e-4, 1e-2, 1.0]
theory = saddle_escape_theory(lr, y0)
TEXT = localized(
    {
        "ko": dict(
            head=["기울기 잡음 σ", "탈출까지 스텝 (평균 ± 표준오차, 400회)", "이론 (잡음 없음)"],
            head2=["차원 n", "무작위 헤세 행렬이 양의 정부호일 확률 (± 표준오차, 10⁵개)", "부호가 동전 던지기라면 $2^{-n}$"],
            slice_x="안장점을 x축으로 자른 단면 x²", slice_y="안장점을 y축으로 자른 단면 −y²", local="지역 최솟값이 있는 1차원 함수",
            t="위치", f="함수값", step="스텝", ay="|y| (로그 눈금)", noise="σ", escape="탈출선 |y| = 1"),
        "en": dict(
            head=["gradient noise σ", "steps to escape (mean ± s.e., 400 runs)", "theory (no noise)"],
            head2=["dimension n", "probability that a random Hessian is positive definite (± s.e., 10⁵ draws)", "if signs were coin flips, $2^{-n}$"],
            slice_x="saddle sliced along x, x²", slice_y="saddle sliced along y, −y²", local="1-D function with a local minimum",
            t="position", f="value", step="step", ay="|y| (log scale)", noise="σ", escape="escape line |y| = 1"),
    }
)

rows = []
for sigma in sigmas:
    est = mc_estimate(saddle_escape_steps(lr, y0, sigma, 400, rng))
    rows.append((f"{sigma:g}", f"{est.value:.1f} ± {est.se:.1f}", theory if sigma == 0 else ""))
print(table(TEXT["head"], rows))

rows = []
for n in range(1, 6):
    est = mc_estimate(positive_definite_draws(n, 100_000, rng))
    rows.append((n, f"{est.value:.5f} ± {est.se:.5f}", f"{2.0**-n:.5f}"))
print(table(TEXT["head2"], rows))

fig, (ax, bx) = figure(1, 2, width=7.4, height=3.2)
s = np.linspace(-1.6, 1.6, 200)
ax.plot(s, s**2, label=TEXT["slice_x"])
ax.plot(s, -(s**2), linestyle="--", label=TEXT["slice_y"])
ax.plot(s, s**4 - s**2 + 0.3 * s, linestyle="-.", label=TEXT["local"])
ax.set(xlabel=TEXT["t"], ylabel=TEXT["f"], ylim=(-2.2, 4.4))
ax.legend(fontsize=9, loc="upper center")
for sigma, ls in zip(sigmas, ["-", "--", "-.", (0, (6, 1.5, 1, 1.5, 1, 1.5))]):
    path = run(sgd, noisy_gradient(saddle(), sigma, rng), [1.0, y0], 800, {"learning_rate": lr})
    bx.semilogy(np.abs(path[:, 1]), linewidth=1.2, linestyle=ls, label=f"{TEXT['noise']} = {sigma:g}")
bx.axhline(1.0, color=INK, linestyle=":", linewidth=1, label=TEXT["escape"])
bx.set(xlabel=TEXT["step"], ylabel=TEXT["ay"], ylim=(1e-8, 1e2))
bx.legend(fontsize=9, loc="lower right")
print(figure_html(fig))
