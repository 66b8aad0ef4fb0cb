# Dropout: inverted dropout keeps the mean activation, and training with it on spiral data with flipped labels.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import regularization_curves
from studynotes.nn import dropout_forward
from studynotes.plotting import figure, figure_html

TEXT = localized(
    {
        "ko": dict(
            mech="| 유지 확률 $p$ | 남은 유닛 비율 | 평균 활성값 비율 (dropout 후 / 전) |",
            head="| 모형 | 학습 손실 | 검증 손실 | 차이 (검증 − 학습) | 학습 정확도 | 검증 정확도 | 최고 검증 정확도 |",
            plain="dropout 없음", drop="dropout (p = 0.5)", it="갱신 횟수", acc="검증 정확도", loss="손실 (테스트 모드)",
            tr="학습", va="검증",
            alt="두 그래프. 왼쪽: 갱신 횟수에 따른 검증 정확도. dropout 없는 모형은 초반에 정점을 찍은 뒤 출렁이며 떨어지고, dropout 모형은 높은 값을 유지한다. "
            "오른쪽: 두 모형의 학습 손실(실선)과 검증 손실(점선). dropout 없는 모형의 학습 손실이 더 낮게 내려간다.",
            cap="학습 레이블의 20%를 뒤바꾼 spiral 데이터(클래스당 40점)에서 은닉 유닛이 200개인 2층 신경망을 학습했다. "
            "dropout이 없으면 틀린 레이블까지 외우려 해 검증 정확도가 떨어지고, dropout을 쓰면 검증 성능이 유지된다.",
        ),
        "en": dict(
            mech="| keep probability $p$ | fraction of units kept | mean activation ratio (after / before dropout) |",
            head="| model | train loss | validation loss | gap (validation − train) | train accuracy | validation accuracy | best validation accuracy |",
            plain="no dropout", drop="dropout (p = 0.5)", it="updates", acc="validation accuracy", loss="loss (test mode)",
            tr="train", va="validation",
            alt="Two plots. Left: validation accuracy against updates; the network without dropout peaks early, then swings and "
            "falls, while the one with dropout stays high. Right: training loss (solid) and validation loss (dashed) of both; "
            "the training loss of the network without dropout goes lower.",
            cap="A two-layer network with 200 hidden units trained on spiral data (40 points per class) with 20% of the training "
            "labels flipped. Without dropout it starts to memorize the wrong labels and its validation accuracy falls; with "
            "dropout the validation performance holds.",
        ),
    }
)

rng = np.random.default_rng(6)
h = np.maximum(rng.standard_normal((1000, 500)), 0.0)  # ReLU activations
print(TEXT["mech"] + "\n|---|---|---|")
for p in (0.8, 0.5, 0.2):
    out, (_, mask, _) = dropout_forward(h, p, "train", rng)
    print(f"| {p} | {np.mean(mask > 0):.3f} | {out.mean() / h.mean():.4f} |")
print()

settings = dict(flip=0.2, n_train=40, hidden_dim=200, lr=0.5, num_iters=2000, eval_every=50, seed=0)
runs = {TEXT["plain"]: regularization_curves(**settings), TEXT["drop"]: regularization_curves(dropout_keep=0.5, **settings)}
print(TEXT["head"] + "\n|---|---|---|---|---|---|---|")
for name, c in runs.items():
    print(f"| {name} | {c.train_loss[-1]:.3f} | {c.val_loss[-1]:.3f} | {c.gap[-1]:+.3f} | {c.train_acc[-1]:.3f} | "
          f"{c.val_acc[-1]:.3f} | {c.val_acc.max():.3f} |")
print()

fig, axes = figure(1, 2, width=8.5, height=3.3)
for k, (name, c) in enumerate(runs.items()):
    axes[0].plot(c.iters, c.val_acc, color=f"C{k}", label=name)
    axes[1].plot(c.iters, c.train_loss, color=f"C{k}", label=f"{name}, {TEXT['tr']}")
    axes[1].plot(c.iters, c.val_loss, color=f"C{k}", linestyle="--", label=f"{name}, {TEXT['va']}")
axes[0].set(xlabel=TEXT["it"], ylabel=TEXT["acc"], ylim=(0.6, 1.0))
axes[1].set(xlabel=TEXT["it"], ylabel=TEXT["loss"], ylim=(0.2, 0.9))
axes[0].legend(loc="lower right")
axes[1].legend(fontsize=7, loc="upper right")
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
