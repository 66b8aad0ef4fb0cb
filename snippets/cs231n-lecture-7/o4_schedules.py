# Learning-rate decay: step, exponential and 1/t schedules in closed form, and what decay does to SGD on a noisy bowl.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import exponential_decay, inverse_time_decay, noisy_gradient, quadratic, run, sgd, step_decay
from studynotes.plotting import figure, figure_html
from studynotes.tables import table

lr0, k = 0.1, 0.1
# A noisy 100-dimensional bowl with curvatures from 0.5 to 1 stands in for a minibatch loss.
rng = np.random.default_rng(4)
f = quadratic(np.diag(np.linspace(0.5, 1.0, 100)))
T = 300
TEXT = localized(
    {
        "ko": dict(
            head=["$t$", "계단 (10스텝마다 절반)", "지수 $\\alpha_0 e^{-kt}$", "$1/t$ 감쇠 $\\alpha_0/(1+kt)$"],
            head2=["학습률", "마지막 50스텝의 평균 손실"],
            const="일정 (감쇠 없음)", step10="계단 감쇠 (10스텝마다 절반)", step="계단 감쇠 (100스텝마다 ×0.1)", exp="지수 감쇠", inv="1/t 감쇠",
            t="스텝 t", lr="학습률 (로그 눈금)", loss="손실 (로그 눈금)"),
        "en": dict(
            head=["$t$", "step (halve every 10)", "exponential $\\alpha_0 e^{-kt}$", "$1/t$ decay $\\alpha_0/(1+kt)$"],
            head2=["learning rate", "mean loss over the last 50 steps"],
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
ax.semilogy(ts, exponential_decay(lr0, ts, k=k), label=TEXT["exp"])
ax.semilogy(ts, inverse_time_decay(lr0, ts, k=k), label=TEXT["inv"])
ax.set(xlabel=TEXT["t"], ylabel=TEXT["lr"])
ax.legend(fontsize=9)
for i, (name, lrs) in enumerate(schedules.items()):
    path = run(sgd, noisy_gradient(f, 1.0, rng), np.full(100, 2.0), T, learning_rates=lrs)
    loss = f.value(path)
    rows.append((name, f"{loss[-50:].mean():.4f}"))
    bx.semilogy(loss, linewidth=1.0, color=f"C{(i + 3) % 4 if i else 3}", label=name)
bx.set(xlabel=TEXT["t"], ylabel=TEXT["loss"])
bx.legend(fontsize=9)
print(table(TEXT["head2"], rows))
print(figure_html(fig))
