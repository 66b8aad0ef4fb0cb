# Batch normalization: what the train-mode forward pass does, and training with and without it.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import regularization_curves
from studynotes.nn import batchnorm_forward
from studynotes.plotting import figure, figure_html, label_lines
from studynotes.tables import table

rng = np.random.default_rng(7)
sigmas = np.array([3.0, 1.0, 0.01, 0.003])
x = 5.0 + sigmas * rng.standard_normal((256, sigmas.size))  # one column per feature, all with mean about 5
eps = 1e-5
out, _ = batchnorm_forward(x, np.ones(sigmas.size), np.zeros(sigmas.size), {"mode": "train", "eps": eps})
mu_b, var_b = x.mean(axis=0), x.var(axis=0)
restored, _ = batchnorm_forward(x, np.sqrt(var_b + eps), mu_b, {"mode": "train", "eps": eps})
TEXT = localized(
    {
        "ko": dict(
            mech=["특성의 $\\sigma$", "출력 평균", "출력 분산", "$\\sigma_B^2/(\\sigma_B^2+\\epsilon)$", "$\\gamma=\\sqrt{\\sigma_B^2+\\epsilon},\\ \\beta=\\mu_B$로 복원한 오차"],
            head=["모델", "100회 뒤 학습 손실", "최종 학습 손실", "최종 학습 정확도", "최종 검증 정확도", "차이 (학습 − 검증 정확도)"],
            seeds=["모델", "학습 손실이 처음 1.0 아래로 내려간 갱신 (시드 0–3)", "최종 검증 정확도 (시드 0–3)"],
            plain="BN 없음", bn="BN 있음", it="갱신 횟수", loss="학습 손실 (로그 눈금)", acc="검증 정확도"),
        "en": dict(
            mech=["feature $\\sigma$", "output mean", "output variance", "$\\sigma_B^2/(\\sigma_B^2+\\epsilon)$", "error after restoring with $\\gamma=\\sqrt{\\sigma_B^2+\\epsilon},\\ \\beta=\\mu_B$"],
            head=["model", "train loss after 100 updates", "final train loss", "final train accuracy", "final validation accuracy", "gap (train − validation accuracy)"],
            seeds=["model", "first update with training loss below 1.0 (seeds 0–3)", "final validation accuracy (seeds 0–3)"],
            plain="no BN", bn="with BN", it="updates", loss="training loss (log scale)", acc="validation accuracy"),
    }
)

print(table(TEXT["mech"], [
    (f"{s:g}", f"{out[:, j].mean():.1e}", f"{out[:, j].var():.4f}", f"{var_b[j] / (var_b[j] + eps):.4f}",
     f"{np.max(np.abs(restored[:, j] - x[:, j])):.1e}")
    for j, s in enumerate(sigmas)
]))

settings = dict(weight_scale=0.01, n_train=100, n_val=100, hidden_dim=100, reg=1e-3, lr=0.3, num_iters=600, eval_every=25)
runs = {TEXT["plain"]: regularization_curves(seed=0, **settings), TEXT["bn"]: regularization_curves(batchnorm=True, seed=0, **settings)}
print(table(TEXT["head"], [
    (name, f"{c.batch_loss[99]:.3f}", f"{c.train_loss[-1]:.3f}", f"{c.train_acc[-1]:.3f}", f"{c.val_acc[-1]:.3f}",
     f"{c.train_acc[-1] - c.val_acc[-1]:+.3f}")
    for name, c in runs.items()
]))
rows = []  # the same comparison on three more draws of data and weights
for name, bn in ((TEXT["plain"], False), (TEXT["bn"], True)):
    seeds = [regularization_curves(batchnorm=bn, seed=s, **settings) for s in range(4)]
    first = [int(np.argmax(c.batch_loss < 1.0)) + 1 for c in seeds]
    rows.append((name, f"{min(first)}" if min(first) == max(first) else f"{min(first)}–{max(first)}", f"{min(c.val_acc[-1] for c in seeds):.3f}–{max(c.val_acc[-1] for c in seeds):.3f}"))
print(table(TEXT["seeds"], rows))

fig, axes = figure(1, 2, width=8.5, height=3.3)
for name, c in runs.items():
    axes[0].semilogy(np.arange(1, c.batch_loss.size + 1), c.batch_loss, label=name)
    axes[1].plot(c.iters, c.val_acc, label=name)
axes[0].set(xlabel=TEXT["it"], ylabel=TEXT["loss"])
axes[1].set(xlabel=TEXT["it"], ylabel=TEXT["acc"], ylim=(0.3, 1.0))
label_lines(axes[0])
label_lines(axes[1])
print(figure_html(fig))
