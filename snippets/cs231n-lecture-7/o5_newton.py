# Newton's method: one step solves a quadratic exactly; on Rosenbrock's valley it needs a handful of steps where gradient descent needs tens of thousands.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import newton_step, newton_vs_gd, quadratic, rosenbrock
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import table

rng = np.random.default_rng(5)
B = rng.standard_normal((5, 5))
bowl = quadratic(B @ B.T + 0.1 * np.eye(5))
x1 = newton_step(bowl, rng.normal(scale=10.0, size=5))
newton_path, gd_path, newton_steps, gd_steps = newton_vs_gd(start=(-1.2, 1.0), lr=1e-3, tol=1e-6)

TEXT = localized(
    {
        "ko": dict(
            head1=["문제", "결과"],
            quad="무작위 5차원 이차 함수, 한 번의 뉴턴 스텝 뒤 $\\lVert x_1 - x^\\star\\rVert$",
            newton="로젠브록, 뉴턴법이 $10^{-6}$ 이내에 드는 스텝 수", gd="로젠브록, 경사 하강법($\\alpha = 10^{-3}$)이 $10^{-6}$ 이내에 드는 스텝 수",
            head2=["파라미터 수 $N$", "헤세 행렬 원소 $N^2$", "float32로 저장할 때", "역행렬 연산량 $\\sim N^3$"],
            newton_l="뉴턴법", gd_l="경사 하강법", x="x", y="y"),
        "en": dict(
            head1=["problem", "result"],
            quad="random 5-dimensional quadratic, $\\lVert x_1 - x^\\star\\rVert$ after one Newton step",
            newton="Rosenbrock, steps for Newton to get within $10^{-6}$", gd="Rosenbrock, steps for gradient descent ($\\alpha = 10^{-3}$) to get within $10^{-6}$",
            head2=["parameters $N$", "Hessian entries $N^2$", "stored as float32", "inversion cost $\\sim N^3$"],
            newton_l="Newton", gd_l="gradient descent", x="x", y="y"),
    }
)

print(table(TEXT["head1"], [
    (TEXT["quad"], f"{np.linalg.norm(x1 - bowl.minimizer):.1e}"),
    (TEXT["newton"], newton_steps),
    (TEXT["gd"], gd_steps),
]))


def size(nbytes: float) -> str:
    unit = max(u for u in range(0, 16, 3) if nbytes >= 10**u)
    return f"{nbytes / 10**unit:g} {dict(enumerate(['B', 'kB', 'MB', 'GB', 'TB', 'PB']))[unit // 3]}"


print(table(TEXT["head2"], [
    (f"$10^{{{round(np.log10(n))}}}$", f"$10^{{{round(2 * np.log10(n))}}}$", size(4.0 * n**2), f"$10^{{{round(3 * np.log10(n))}}}$")
    for n in [10**3, 10**6, 10**7]
]))

f = rosenbrock()
gx, gy = np.meshgrid(np.linspace(-1.6, 1.6, 241), np.linspace(-3.5, 2.0, 221))
fig, ax = figure(width=4.4, height=3.6)
ax.contour(gx, gy, f.value(np.stack([gx, gy], axis=-1)), levels=np.geomspace(0.05, 3000, 16), colors=INK, alpha=0.25, linewidths=0.6)
ax.plot(gd_path[::50, 0], gd_path[::50, 1], label=f"{TEXT['gd_l']} ({gd_steps})")
ax.plot(newton_path[:, 0], newton_path[:, 1], "o-", markersize=4, label=f"{TEXT['newton_l']} ({newton_steps})")
ax.plot([1], [1], "*", color=INK, markersize=10)
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(-1.6, 1.6), ylim=(-3.5, 2.0))
ax.legend(fontsize=9, loc="lower left")
print(figure_html(fig))
