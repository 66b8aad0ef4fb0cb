# Batch normalization: train mode standardizes with batch statistics, test mode uses the running averages.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import batchnorm_backward, batchnorm_forward, numerical_gradient_array, rel_error
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import table

rng = np.random.default_rng(5)
mu, sigma = np.array([3.0, -2.0]), np.array([0.5, 1.0])
gamma, beta = np.ones(2), np.zeros(2)
bn_param = {"mode": "train", "momentum": 0.9}

trace_mean, trace_var = [], []
for _ in range(200):
    x = mu + sigma * rng.standard_normal((128, 2))
    out, _ = batchnorm_forward(x, gamma, beta, bn_param)
    trace_mean.append(bn_param["running_mean"])
    trace_var.append(bn_param["running_var"])
trace_mean, trace_var = np.array(trace_mean), np.array(trace_var)
outside = np.any(np.abs(trace_mean / mu - 1) >= 0.05, axis=1)
first = int(np.nonzero(outside)[0][-1]) + 2  # the batch after the last one outside the 5% band

x_test = mu + sigma * rng.standard_normal((1000, 2))
out_test, _ = batchnorm_forward(x_test, gamma, beta, dict(bn_param, mode="test"))
out_one, _ = batchnorm_forward(x_test[:1], gamma, np.array([0.5, -1.0]), {"mode": "train"})

xg = 5 * rng.standard_normal((4, 5)) + 12
gg, bg, dout = rng.standard_normal(5), rng.standard_normal(5), rng.standard_normal((4, 5))
_, cache = batchnorm_forward(xg, gg, bg, {"mode": "train"})
dx, dgamma, dbeta = batchnorm_backward(dout, cache)
errors = [
    rel_error(dx, numerical_gradient_array(lambda z: batchnorm_forward(z, gg, bg, {"mode": "train"})[0], xg, dout)),
    rel_error(dgamma, numerical_gradient_array(lambda z: batchnorm_forward(xg, z, bg, {"mode": "train"})[0], gg, dout)),
    rel_error(dbeta, numerical_gradient_array(lambda z: batchnorm_forward(xg, gg, z, {"mode": "train"})[0], bg, dout)),
]


def pair(v, fmt=".3f"):
    v = np.round(v, int(fmt[1])) + 0.0
    return f"({v[0]:{fmt}}, {v[1]:{fmt}})"


TEXT = localized(
    {
        "ko": dict(
            what="확인 항목", val="값",
            train_mean="학습 모드 출력의 특성별 평균 (최대 $\\lvert\\cdot\\rvert$)", train_var="학습 모드 출력의 특성별 분산",
            test_mean="테스트 모드 출력의 특성별 평균", test_var="테스트 모드 출력의 특성별 분산",
            run_mu="200배치 뒤 평균의 이동 평균 (참값 $\\mu=(3, -2)$)", run_var="200배치 뒤 분산의 이동 평균 (참값 $\\sigma^2=(0.25, 1)$)",
            first="평균의 이동 평균이 $\\mu$의 5% 안에 머물기 시작한 배치",
            one="학습 모드에서 배치 크기 1의 출력 ($\\beta=(0.5, -1)$)",
            grad="역전파 기울기 검사, 최대 상대 오차 ($dx$, $d\\gamma$, $d\\beta$)",
            batch="배치 번호 (로그 눈금)", ratio="이동 평균 / 참값", mean_l="평균의 이동 평균", var_l="분산의 이동 평균"),
        "en": dict(
            what="check", val="value",
            train_mean="train-mode output, per-feature mean (max $\\lvert\\cdot\\rvert$)", train_var="train-mode output, per-feature variance",
            test_mean="test-mode output, per-feature mean", test_var="test-mode output, per-feature variance",
            run_mu="running mean after 200 batches (true $\\mu=(3, -2)$)", run_var="running var after 200 batches (true $\\sigma^2=(0.25, 1)$)",
            first="batch from which the running mean stays within 5% of $\\mu$",
            one="train mode, batch of size 1: output ($\\beta=(0.5, -1)$)",
            grad="backward-pass gradient check, max relative error ($dx$, $d\\gamma$, $d\\beta$)",
            batch="batch (log scale)", ratio="running average / true value", mean_l="running mean", var_l="running var"),
    }
)

print(table([TEXT["what"], TEXT["val"]], [
    (TEXT["train_mean"], f"{np.abs(out.mean(axis=0)).max():.1e}"),
    (TEXT["train_var"], pair(out.var(axis=0), ".5f")),
    (TEXT["test_mean"], pair(out_test.mean(axis=0))),
    (TEXT["test_var"], pair(out_test.var(axis=0))),
    (TEXT["run_mu"], pair(bn_param["running_mean"])),
    (TEXT["run_var"], pair(bn_param["running_var"])),
    (TEXT["first"], first),
    (TEXT["one"], pair(out_one[0])),
    (TEXT["grad"], ", ".join(f"{e:.1e}" for e in errors)),
]))

batches = np.arange(1, 201)
fig, ax = figure(width=4.4, height=3.0)
for k in range(2):
    marks = dict(marker=("o", "^")[k], markersize=4, markevery=0.1)  # feature 0 circles, feature 1 triangles
    ax.plot(batches, trace_mean[:, k] / mu[k], color=f"C{k}", label=f"{TEXT['mean_l']} [{k}]", **marks)
    ax.plot(batches, trace_var[:, k] / sigma[k] ** 2, color=f"C{k}", linestyle="--", label=f"{TEXT['var_l']} [{k}]", **marks)
ax.plot(batches, 1 - 0.9**batches, color=INK, linestyle=":", linewidth=1.2, label="$1-0.9^t$")
ax.axhline(1.0, color=INK, linewidth=0.8)
ax.set(xlabel=TEXT["batch"], ylabel=TEXT["ratio"], xscale="log")
ax.legend(fontsize=9)
print(figure_html(fig))
