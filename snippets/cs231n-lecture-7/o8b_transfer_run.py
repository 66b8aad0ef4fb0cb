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
            labels="목표 과제의 레이블 {n}개", rows=["처음부터 학습", "고정한 특성 + 선형 분류기", "미세 조정 (학습률 1/10)",
                                             "차이: 선형 − 처음부터", "차이: 미세 조정 − 선형"],
            foot="목표 과제의 테스트 정확도, 시드 6개의 평균 ± 표준오차 (차이는 같은 시드끼리 짝지어 계산). 원천 과제(10클래스)에서 사전 학습한 네트워크의 정확도"),
        "en": dict(
            labels="{n} target labels", rows=["from scratch", "frozen features + linear", "fine-tune (1/10 learning rate)",
                                              "difference: linear − scratch", "difference: fine-tune − linear"],
            foot="Test accuracy on the target task, mean ± s.e. over 6 seeds (differences paired by seed). Accuracy of the pretrained network on the source task (10 classes)"),
    }
)
cols = [[*(cell(a[:, j]) for j in range(3)), cell(a[:, 1] - a[:, 0]), cell(a[:, 2] - a[:, 1])] for a in acc.values()]
print(table(["", *(TEXT["labels"].format(n=n) for n in SIZES)], list(zip(TEXT["rows"], *cols))))
print(f"{TEXT['foot']}: {cell(source)}.")
