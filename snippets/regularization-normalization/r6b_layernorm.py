# Layer normalization uses each example's own statistics, so a batch of one is fine (train-mode BN is not).
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import batchnorm_forward, layernorm_forward
from studynotes.tables import table

rng = np.random.default_rng(7)
X = rng.normal(3.0, 2.0, (64, 8))
gamma, beta = rng.uniform(0.5, 1.5, 8), rng.normal(0.0, 0.5, 8)
TEXT = localized(
    {
        "ko": dict(
            head=["정규화", "배치 크기가 1일 때 출력 − $\\beta$ (최대 절댓값)", "혼자일 때와 64개 배치 안에서의 출력 차이 (최대)"],
            bn="배치 정규화 (학습 모드)", ln="층 정규화",
        ),
        "en": dict(
            head=["normalization", "batch of one: output − $\\beta$ (largest magnitude)", "alone vs inside a batch of 64: output difference (largest)"],
            bn="batch normalization (train mode)", ln="layer normalization",
        ),
    }
)

rows = {
    TEXT["bn"]: lambda x: batchnorm_forward(x, gamma, beta, {"mode": "train"})[0],
    TEXT["ln"]: lambda x: layernorm_forward(x, gamma, beta)[0],
}
cells = []
for name, f in rows.items():
    alone = f(X[:1])[0]
    cells.append((name, f"{np.abs(alone - beta).max():.3g}", f"{np.abs(alone - f(X)[0]).max():.3g}"))
print(table(TEXT["head"], cells))
