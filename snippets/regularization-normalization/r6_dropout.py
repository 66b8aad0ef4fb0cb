# Dropout: inverted dropout keeps the mean activation; without it a network memorizes flipped labels, with it much less.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import memorization_runs
from studynotes.nn import dropout_forward
from studynotes.plotting import figure, figure_html

TEXT = localized(
    {
        "ko": dict(
            mech="| 유지 확률 $p$ | 남은 유닛 비율 | 평균 활성값 비율 (드롭아웃 후 / 전) |",
            head="| 모델 | 뒤바뀐 학습 레이블 정확도 | 학습 정확도 | 검증 정확도 | 차이 (학습 − 검증) |",
            note="시드 {n}개의 평균 ± 표준편차, {it}회 갱신 후.",
            plain="드롭아웃 없음", drop="드롭아웃 (p = 0.5)", it="갱신 횟수",
            flip="뒤바뀐 레이블 정확도", acc="검증 정확도",
            alt="두 그래프, 가로축은 갱신 횟수. 왼쪽: 뒤바뀐 학습 레이블을 맞힌 비율. 드롭아웃 없는 모델(실선)은 1 가까이 올라가고, "
            "드롭아웃 모델(점선)은 낮게 머문다. 오른쪽: 검증 정확도. 드롭아웃 없는 모델(실선)은 정점 뒤 내려가고, 드롭아웃 모델(점선)은 더 높게 유지된다. "
            "띠는 시드 사이의 최솟값과 최댓값이다.",
            cap="학습 레이블의 20%를 뒤바꾼 spiral 데이터(클래스당 30점)에서 은닉 유닛 100개인 2층 신경망을 Adam으로 학습했다 "
            "(선은 시드 {n}개의 평균, 띠는 최솟값–최댓값). 드롭아웃이 없으면(실선) 틀린 레이블을 거의 다 외우고 검증 정확도가 떨어진다. "
            "드롭아웃을 쓰면(점선) 틀린 레이블을 외우지 못하고 검증 정확도가 더 높다.",
        ),
        "en": dict(
            mech="| keep probability $p$ | fraction of units kept | mean activation ratio (after / before dropout) |",
            head="| model | accuracy on flipped training labels | train accuracy | validation accuracy | gap (train − validation) |",
            note="Mean ± standard deviation over {n} seeds, after {it} updates.",
            plain="no dropout", drop="dropout (p = 0.5)", it="updates",
            flip="accuracy on flipped labels", acc="validation accuracy",
            alt="Two plots against updates. Left: the fraction of flipped training labels the network reproduces; without dropout "
            "(solid line) it climbs close to 1, with dropout (dashed line) it stays low. Right: validation accuracy; without "
            "dropout (solid) it falls after an early peak, with dropout (dashed) it stays higher. Bands span the minimum to "
            "maximum over seeds.",
            cap="A two-layer network with 100 hidden units trained with Adam on spiral data (30 points per class) with 20% of the "
            "training labels flipped (lines: mean of {n} seeds; bands: minimum to maximum). Without dropout (solid) it memorizes "
            "nearly every wrong label and its validation accuracy falls; with dropout (dashed) it does not memorize them and "
            "validates higher.",
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

runs = {TEXT["plain"]: memorization_runs(), TEXT["drop"]: memorization_runs(dropout_keep=0.5)}
n, last = len(runs[TEXT["plain"]].seeds), int(runs[TEXT["plain"]].iters[-1])
print(TEXT["note"].format(n=n, it=last) + "\n")
print(TEXT["head"] + "\n|---|---|---|---|---|")
for name, r in runs.items():
    cells = [f"{a[:, -1].mean():.2f} ± {a[:, -1].std(ddof=1):.2f}" for a in (r.flipped_acc, r.train_acc, r.val_acc, r.gap)]
    print(f"| {name} | " + " | ".join(cells) + " |")
print()

fig, axes = figure(1, 2, width=8.5, height=3.3)
for k, (name, r) in enumerate(runs.items()):
    style = dict(color=f"C{k}", linestyle="-" if k == 0 else "--")
    for ax, a in zip(axes, (r.flipped_acc, r.val_acc)):
        ax.plot(r.iters, a.mean(axis=0), label=name, **style)
        ax.fill_between(r.iters, a.min(axis=0), a.max(axis=0), color=f"C{k}", alpha=0.2, linewidth=0)
axes[0].set(xlabel=TEXT["it"], ylabel=TEXT["flip"], ylim=(0.0, 1.02))
axes[1].set(xlabel=TEXT["it"], ylabel=TEXT["acc"], ylim=(0.4, 1.0))
axes[0].legend(loc="upper left")
axes[1].legend(loc="lower right")
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"].format(n=n)))
