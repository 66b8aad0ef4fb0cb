# Transfer learning, run: pretrain on a big task, then learn a related task from few labels in three ways.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import TRANSFER_METHODS, transfer_experiment
from studynotes.prob import mc_estimate
from studynotes.tables import table

SEEDS = range(6)
SIZES = (20, 200)  # labeled examples of the target task
acc = {n: np.array([[transfer_experiment(n, s)[m] for m in TRANSFER_METHODS] for s in SEEDS]) for n in SIZES}
source = np.array([transfer_experiment(SIZES[0], s)["source"] for s in SEEDS])


def cell(values):
    est = mc_estimate(values)
    return f"{est.value:.3f} ± {est.se:.3f}"


TEXT = localized(
    {
        "ko": dict(
            head=["레이블 수", "처음부터", "고정 특성 + 선형", "미세 조정 (학습률 1/10)", "선형 − 처음부터", "미세 조정 − 선형"],
            foot="목표 과제의 테스트 정확도, 시드 6개의 평균 ± 표준오차 (차이는 같은 시드끼리 짝지어 계산). 원천 과제(10클래스)에서 사전 학습한 네트워크의 정확도"),
        "en": dict(
            head=["labels", "scratch", "frozen + linear", "fine-tune (lr/10)", "linear − scratch", "fine-tune − linear"],
            foot="Test accuracy on the target task, mean ± s.e. over 6 seeds (differences paired by seed). Accuracy of the pretrained network on the source task (10 classes)"),
    }
)
rows = []
for n in SIZES:
    a = acc[n]
    rows.append((n, *(cell(a[:, j]) for j in range(3)), cell(a[:, 1] - a[:, 0]), cell(a[:, 2] - a[:, 1])))
print(table(TEXT["head"], rows))
print(f"{TEXT['foot']}: {cell(source)}.")
