# The same race, animated: each path and loss curve draws itself one optimization step at a time.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import animated_figure_html, ill_conditioned_quadratic, optimizer_race
from studynotes.plotting import INK, figure

NAMES = ["SGD", "SGD+Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam"]
TEXT = localized(
    {
        "ko": dict(
            x="x (완만한 방향)", y="y (가파른 방향)", step="스텝", loss="손실 f (로그 눈금)",
            alt="애니메이션: 여섯 기법의 경로와 손실 곡선이 스텝마다 함께 그려진다. SGD는 지그재그하며 느리게, 모멘텀은 y 방향으로 크게 넘어갔다가 "
            "빠르게 수렴하고, Adam은 원점을 지나쳤다가 돌아온다.",
            cap="위 경주를 스텝 단위로 다시 그린 것이다. 모든 선이 같은 시각에 같은 스텝에 있다. 동작 줄이기를 켠 브라우저에서는 완성된 그림만 보인다.",
        ),
        "en": dict(
            x="x (shallow direction)", y="y (steep direction)", step="step", loss="loss f (log scale)",
            alt="Animation: the six optimizers' paths and loss curves are drawn step by step together. SGD zig-zags slowly, momentum "
            "overshoots along y and then converges fast, Adam passes the origin and comes back.",
            cap="The race above replayed step by step; all lines are at the same step at the same moment. With reduced motion "
            "enabled, the browser shows the finished figure.",
        ),
    }
)

runs = [r for i, r in enumerate(optimizer_race(kappa=100.0, start=(-10.0, 1.0), num_steps=150)) if i != 1]
f = ill_conditioned_quadratic(100.0)
gx, gy = np.meshgrid(np.linspace(-11, 11, 201), np.linspace(-4, 4, 161))
fig, (ax, bx) = figure(1, 2, width=7.6, height=3.2, gridspec_kw={"width_ratios": [1.5, 1]})
ax.contour(gx, gy, f.value(np.stack([gx, gy], axis=-1)), levels=np.geomspace(0.5, 600, 12), colors=INK, alpha=0.25, linewidths=0.6)
lines = []
for i, (name, r) in enumerate(zip(NAMES, runs, strict=True)):
    color = f"C{i + 1 if i else 0}"  # same colors as the static figure
    lines += ax.plot(r.path[:, 0], r.path[:, 1], color=color, linewidth=1.2)
    lines += bx.semilogy(r.loss, color=color, linewidth=1.2, label=name)
ax.plot([-10, 0], [1, 0], "o", color=INK, markersize=4)
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(-11, 11), ylim=(-4, 4))
bx.set(xlabel=TEXT["step"], ylabel=TEXT["loss"])
fig.legend(*bx.get_legend_handles_labels(), loc="outside lower center", ncol=6, fontsize=8)
print(animated_figure_html(fig, lines, alt=TEXT["alt"], caption=TEXT["cap"], wrapper_id="cs231n-l7-race-anim", duration=10.0))
