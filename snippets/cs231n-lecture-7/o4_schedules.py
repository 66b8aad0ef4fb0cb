# Learning-rate decay: step, exponential and 1/t schedules in closed form, and what decay does to SGD on a noisy bowl.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import exponential_decay, inverse_time_decay, noisy_gradient, quadratic, run, sgd, sgd_noise_floor, step_decay
from studynotes.plotting import figure, figure_html, label_lines
from studynotes.prob import mc_cell, mc_estimate
from studynotes.tables import table

lr0, k = 0.1, 0.1
# A noisy 100-dimensional bowl with curvatures from 0.5 to 1 stands in for a minibatch loss.
curvatures = np.linspace(0.5, 1.0, 100)
f = quadratic(np.diag(curvatures))
T, SEEDS = 300, range(5)
TEXT = localized(
    {
        "ko": dict(
            head=["$t$", "계단 (10스텝마다 절반)", "지수 $\\alpha_0 e^{-kt}$", "$1/t$ 감쇠 $\\alpha_0/(1+kt)$"],
            head2=["학습률", "마지막 50스텝의 평균 손실 (평균 ± 표준오차, 5회)"],
            head3=["일정한 $\\alpha$", "손실 바닥 (스텝 1000–3000, 5회)", "예측", "최솟값까지 rms 거리", "예측"],
            const="일정 (감쇠 없음)", step10="계단 감쇠 (10스텝마다 절반)", step="계단 감쇠 (100스텝마다 ×0.1)", exp="지수 감쇠", inv="1/t 감쇠",
            t="스텝 t", lr="학습률 (로그 눈금)", loss="손실 (로그 눈금)"),
        "en": dict(
            head=["$t$", "step (halve every 10)", "exponential $\\alpha_0 e^{-kt}$", "$1/t$ decay $\\alpha_0/(1+kt)$"],
            head2=["learning rate", "mean loss over the last 50 steps (mean ± s.e., 5 runs)"],
            head3=["constant $\\alpha$", "loss floor (steps 1000–3000, 5 runs)", "predicted", "rms distance to the minimum", "predicted"],
            const="constant (no decay)", step10="step decay (halve every 10)", step="step decay (×0.1 every 100 steps)", exp="exponential decay", inv="1/t decay",
            t="step t", lr="learning rate (log scale)", loss="loss (log scale)"),
    }
)

print(table(TEXT["head"], [
    (t, f"{step_decay(lr0, t, drop=0.5, every=10):.6g}", f"{exponential_decay(lr0, t, k=k):.4g}", f"{inverse_time_decay(lr0, t, k=k):.4g}")
    for t in [0, 10, 50]
]))

t = np.arange(T)
schedules = {
    TEXT["const"]: np.full(T, 0.3),
    TEXT["step"]: step_decay(0.3, t, drop=0.1, every=100),
    TEXT["exp"]: exponential_decay(0.3, t, k=0.01),
    TEXT["inv"]: inverse_time_decay(0.3, t, k=0.05),
}
rows = []
fig, (ax, bx) = figure(1, 2, width=7.4, height=3.2)
ts = np.arange(61)
ax.semilogy(ts, step_decay(lr0, ts, drop=0.5, every=10), drawstyle="steps-post", label=TEXT["step10"])
ax.semilogy(ts, exponential_decay(lr0, ts, k=k), linestyle="--", label=TEXT["exp"])
ax.semilogy(ts, inverse_time_decay(lr0, ts, k=k), linestyle=":", label=TEXT["inv"])
ax.set(xlabel=TEXT["t"], ylabel=TEXT["lr"])
ax.legend(fontsize=9)
for i, (name, lrs) in enumerate(schedules.items()):
    losses = [f.value(run(sgd, noisy_gradient(f, 1.0, np.random.default_rng(seed)), np.full(100, 2.0), T, learning_rates=lrs))
              for seed in SEEDS]
    est = mc_estimate(np.array([loss[-50:].mean() for loss in losses]))
    rows.append((name, f"{est.value:.3f} ± {est.se:.3f}"))
    bx.semilogy(losses[0], linewidth=1.0, color=f"C{(i + 3) % 4 if i else 3}", linestyle=("-", "--", "-.", ":")[i], label=name)
bx.set(xlabel=TEXT["t"], ylabel=TEXT["loss"])
bx.legend(fontsize=9)
print(table(TEXT["head2"], rows))

rows = []
for lr in (0.3, 0.03):
    tails = [run(sgd, noisy_gradient(f, 1.0, np.random.default_rng(seed)), np.full(100, 2.0), 3000, {"learning_rate": lr})[1000:]
             for seed in SEEDS]
    floor, rms = sgd_noise_floor(lr, curvatures, 1.0)
    loss = mc_estimate(np.array([f.value(p).mean() for p in tails]))
    dist = mc_estimate(np.array([np.sqrt(np.mean(np.sum(p**2, axis=1))) for p in tails]))
    rows.append((f"{lr:g}", mc_cell(loss, floor), f"{floor:.4f}", f"{dist.value:.3f} ± {dist.se:.3f}", f"{rms:.4f}"))
print(table(TEXT["head3"], rows))
print(figure_html(fig))
