# Min-max scaling and standardization, fitted on the training split and applied to the validation split.
import numpy as np

from studynotes.i18n import localized
from studynotes.linear import MinMaxScaler, StandardScaler
from matplotlib.ticker import EngFormatter

from studynotes.plotting import figure, figure_html
from studynotes.tables import note, table

rng = np.random.default_rng(1)
n_train, n_val = 80, 20
income = 10 ** rng.uniform(4, 7, n_train + n_val)  # spans three orders of magnitude
hours = rng.uniform(0, 24, n_train + n_val)
X = np.column_stack([income, hours])
X_train, X_val = X[:n_train], X[n_train:]

TEXT = localized(
    {
        "ko": dict(
            head=["변환", "분할", "특성", "최솟값", "최댓값", "평균", "표준편차"],
            check_z="학습 세트 z-점수의 최대 |평균|, 최대 |표준편차 − 1|",
            check_m="학습 세트 최소-최대의 최대 |최솟값|, 최대 |최댓값 − 1|",
            logz="연 소득의 학습 세트 z-점수: 0보다 작은 비율, 최댓값", raw_income="원본", log_income="$\\log_{10}$ 변환 뒤",
            raw="원본", mm="최소-최대", z="z-점수", train="학습", val="검증", f1="연 소득", f2="하루 사용 시간",
            x1="연 소득 (원 단위)", y1="하루 사용 시간 (h)", x="특성 1 (변환 후)", y="특성 2 (변환 후)"),
        "en": dict(
            head=["transform", "split", "feature", "min", "max", "mean", "std"],
            check_z="train split, z-score: largest |mean|, largest |std − 1|",
            check_m="train split, min-max: largest |min|, largest |max − 1|",
            logz="z-scores of yearly income on the train split: share below 0, largest value", raw_income="raw", log_income="after $\\log_{10}$",
            raw="raw", mm="min-max", z="z-score", train="train", val="val", f1="yearly income", f2="daily hours",
            x1="yearly income (currency units)", y1="daily usage (h)", x="feature 1 (scaled)", y="feature 2 (scaled)"),
    }
)

scaled = {TEXT["mm"]: MinMaxScaler().fit(X_train), TEXT["z"]: StandardScaler().fit(X_train)}

rows = []
for name, scaler in scaled.items():
    for split, data in ((TEXT["train"], X_train), (TEXT["val"], X_val)):
        Z = scaler.transform(data)
        for j, feat in enumerate((TEXT["f1"], TEXT["f2"])):
            col = Z[:, j]
            rows.append((name, split, feat, f"{col.min():.3f}", f"{col.max():.3f}", f"{col.mean():.3f}", f"{col.std():.3f}"))
print(table(TEXT["head"], rows))
Z = scaled[TEXT["z"]].transform(X_train)
M = scaled[TEXT["mm"]].transform(X_train)
checks = [
    f"- {TEXT['check_z']}: {np.abs(Z.mean(axis=0)).max():.1e}, {np.abs(Z.std(axis=0) - 1).max():.1e}",
    f"- {TEXT['check_m']}: {np.abs(M.min(axis=0)).max():.1e}, {np.abs(M.max(axis=0) - 1).max():.1e}",
]
for name, feature in ((TEXT["raw_income"], X_train[:, 0]), (TEXT["log_income"], np.log10(X_train[:, 0]))):
    z_income = StandardScaler().fit(feature[:, None]).transform(feature[:, None])[:, 0]
    checks.append(f"- {TEXT['logz']} ({name}): {np.mean(z_income < 0):.2f}, {z_income.max():.2f}")
print(note("\n".join(checks)))

fig, axes = figure(1, 3, width=8.5, height=3.0)
panels = [(TEXT["raw"], X_train, X_val)] + [(name, s.transform(X_train), s.transform(X_val)) for name, s in scaled.items()]
for ax, (name, tr, va) in zip(axes, panels):
    ax.scatter(tr[:, 0], tr[:, 1], s=10, label=TEXT["train"])
    ax.scatter(va[:, 0], va[:, 1], s=14, marker="^", label=TEXT["val"])
    ax.set_title(name)
    ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"])
top = 1.05 * X.max()  # one scale for both raw axes: what a distance between rows "sees"
axes[0].set(xlabel=TEXT["x1"], ylabel=TEXT["y1"], xlim=(-0.02 * top, top), ylim=(-0.02 * top, top))
axes[0].xaxis.set_major_formatter(EngFormatter())
axes[0].yaxis.set_major_formatter(EngFormatter())
for ax in axes:
    ax.set_box_aspect(1)
axes[0].legend(loc="upper right")
print(figure_html(fig))
