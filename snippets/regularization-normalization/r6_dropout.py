# Dropout: inverted dropout keeps the mean activation; without it a network memorizes flipped labels, with it much less.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import memorization_runs
from studynotes.nn import dropout_forward
from studynotes.plotting import figure, figure_html, label_lines
from studynotes.tables import note, table

rng = np.random.default_rng(6)
h = np.maximum(rng.standard_normal((1000, 500)), 0.0)  # ReLU activations
TEXT = localized(
    {
        "ko": dict(
            mech=["유지 확률 $p$", "남은 유닛 비율", "평균 활성값 비율 (드롭아웃 후 / 전)"],
            head=["모델", "뒤바뀐 학습 레이블 정확도", "학습 정확도", "검증 정확도", "차이 (학습 − 검증)"],
            note="시드 {n}개의 평균 ± 표준편차, {it}회 갱신 후.",
            peak="평균 검증 곡선의 최댓값과 그 갱신 횟수 (드롭아웃 없음 / 드롭아웃), 드롭아웃 없는 시드별 최댓값의 범위",
            plain="드롭아웃 없음", drop="드롭아웃 (p = 0.5)", it="갱신 횟수",
            flip="뒤바뀐 레이블 정확도", acc="검증 정확도"),
        "en": dict(
            mech=["keep probability $p$", "fraction of units kept", "mean activation ratio (after / before dropout)"],
            head=["model", "accuracy on flipped training labels", "train accuracy", "validation accuracy", "gap (train − validation)"],
            note="Mean ± standard deviation over {n} seeds, after {it} updates.",
            peak="peak of the mean validation curve and its update (no dropout / dropout), range of the no-dropout per-seed peaks",
            plain="no dropout", drop="dropout (p = 0.5)", it="updates",
            flip="accuracy on flipped labels", acc="validation accuracy"),
    }
)

rows = []
for p in (0.8, 0.5, 0.2):
    out, (_, mask, _) = dropout_forward(h, p, "train", rng)
    rows.append((p, f"{np.mean(mask > 0):.3f}", f"{out.mean() / h.mean():.4f}"))
print(table(TEXT["mech"], rows))

runs = {TEXT["plain"]: memorization_runs(), TEXT["drop"]: memorization_runs(dropout_keep=0.5)}
n, last = len(runs[TEXT["plain"]].seeds), int(runs[TEXT["plain"]].iters[-1])
print(TEXT["note"].format(n=n, it=last) + "\n")
print(table(TEXT["head"], [
    (name, *(f"{a[:, -1].mean():.2f} ± {a[:, -1].std(ddof=1):.2f}" for a in (r.flipped_acc, r.train_acc, r.val_acc, r.gap)))
    for name, r in runs.items()
]))

plain, drop = runs[TEXT["plain"]], runs[TEXT["drop"]]
mean_p, mean_d = plain.val_acc.mean(axis=0), drop.val_acc.mean(axis=0)
per_seed = plain.val_acc.max(axis=1)
print(note(f"{TEXT['peak']}: {mean_p.max():.3f} ({plain.iters[np.argmax(mean_p)]}) / {mean_d.max():.3f} ({drop.iters[np.argmax(mean_d)]}); "
           f"{per_seed.min():.2f}–{per_seed.max():.2f}"))

fig, axes = figure(1, 2, width=8.5, height=3.3)
for k, (name, r) in enumerate(runs.items()):
    style = dict(color=f"C{k}", linestyle="-" if k == 0 else "--")
    for ax, a in zip(axes, (r.flipped_acc, r.val_acc)):
        ax.plot(r.iters, a.mean(axis=0), label=name, **style)
        ax.fill_between(r.iters, a.min(axis=0), a.max(axis=0), color=f"C{k}", alpha=0.2, linewidth=0)
axes[0].set(xlabel=TEXT["it"], ylabel=TEXT["flip"], ylim=(0.0, 1.02))
axes[1].set(xlabel=TEXT["it"], ylabel=TEXT["acc"], ylim=(0.4, 1.0))
label_lines(axes[0])
label_lines(axes[1])
print(figure_html(fig))
