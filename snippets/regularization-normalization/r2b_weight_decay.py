# L2 penalty versus decoupled weight decay: the same under SGD, different under Adam (AdamW).
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import weight_decay_runs
from studynotes.tables import note, table

runs = weight_decay_runs(scales=(1e-3, 1e-1, 1.0, 10.0), lr=1e-2, lam=0.1, num_steps=500)
n = len(runs["adamw"])
TEXT = localized(
    {
        "ko": dict(
            head=["기울기 잡음 크기 $s$", "SGD + L2", "AdamW", "Adam + L2"],
            theory="분리된 감쇠의 예측 $(1-\\alpha\\lambda)^T$",
            sgd="SGD에서 L2와 분리된 감쇠의 최대 차이",
            note="$T = 500$, $\\alpha = 0.01$, $\\lambda = 0.1$. 값은 $w_T$의 평균 ± 표준오차 ({n}회, $w_0 = 1$).",
        ),
        "en": dict(
            head=["gradient noise scale $s$", "SGD + L2", "AdamW", "Adam + L2"],
            theory="prediction for decoupled decay, $(1-\\alpha\\lambda)^T$",
            sgd="SGD: largest difference between L2 and decoupled decay",
            note="$T = 500$, $\\alpha = 0.01$, $\\lambda = 0.1$. Entries are the mean of $w_T$ ± standard error ({n} runs, $w_0 = 1$).",
        ),
    }
)

print(note(TEXT["note"].format(n=n)))
print(note(f"- {TEXT['theory']}: {float(runs['theory']):.4f}\n"
           f"- {TEXT['sgd']}: {np.abs(runs['sgd_l2'] - runs['sgd_decay']).max():.1e}"))
rows = []
for j, s in enumerate((1e-3, 1e-1, 1.0, 10.0)):
    cells = []
    for key in ("sgd_l2", "adamw", "adam_l2"):
        col = runs[key][:, j]
        cells.append(f"{col.mean():.3f} ± {col.std(ddof=1) / np.sqrt(n):.3f}")
    rows.append((f"{s:g}", *cells))
print(table(TEXT["head"], rows))
