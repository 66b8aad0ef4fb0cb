# Drive the race: SGD, SGD+Momentum and Nesterov over a grid of learning rates and momenta on the same bowl.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import ill_conditioned_quadratic, momentum_stability_limit, race_figure_html, race_grid
from studynotes.plotting import INK, figure
from studynotes.tables import table

KAPPA = 100.0
LRS = [0.002, 0.005, 0.01, 0.015, 0.021, 0.03]  # gradient descent is stable below 2/κ = 0.02
RHOS = [0.0, 0.6, 0.8, 0.95]
paths = race_grid(LRS, RHOS, kappa=KAPPA, start=(-10.0, 1.0), num_steps=80)  # shape (3, 6, 4, 81, 2)
f = ill_conditioned_quadratic(KAPPA)
diverged = np.abs(paths[:, :, :, -1]).max(axis=-1) > 10  # ended farther out than it started

TEXT = localized({
    "ko": dict(names=["SGD", "SGD+Momentum", "Nesterov"], play="재생", pause="일시정지", step="스텝", lr="학습률",
               momentum="모멘텀", controls="최적화 경주 조절", x="x (완만한 방향)", y="y (가파른 방향)", loss="손실 f",
               row="발산하는 설정 (α, ρ 격자에서)", limit="안정 한계 α < 2(1+ρ)/λₘₐₓ (헤비 볼), 2(1+ρ)/((1+2ρ)λₘₐₓ) (Nesterov)로 예측한 수",
               rho="ρ", hb="헤비 볼이 안정한 최대 α", nag="Nesterov가 안정한 최대 α"),
    "en": dict(names=["SGD", "SGD+Momentum", "Nesterov"], play="Play", pause="Pause", step="step", lr="learning rate",
               momentum="momentum", controls="optimizer race controls", x="x (shallow direction)", y="y (steep direction)",
               loss="loss f", row="settings that diverge (on the α, ρ grid)",
               limit="predicted by the limits α < 2(1+ρ)/λₘₐₓ (heavy ball), 2(1+ρ)/((1+2ρ)λₘₐₓ) (Nesterov)",
               rho="ρ", hb="largest stable α, heavy ball", nag="largest stable α, Nesterov"),
})
cells = [f"{diverged[0, :, 0].sum()} / {len(LRS)}"] + [f"{diverged[k].sum()} / {diverged[k].size}" for k in (1, 2)]
limits = np.array([[momentum_stability_limit(rho, KAPPA, nesterov=nag) for rho in RHOS] for nag in (False, True)])
unstable = np.array(LRS)[None, :, None] >= limits[:, None, :]  # (heavy ball | Nesterov, lr, rho)
predicted = [f"{unstable[0, :, 0].sum()} / {len(LRS)}"] + [f"{unstable[k].sum()} / {unstable[k].size}" for k in (0, 1)]
print(table(["", *TEXT["names"]], [(TEXT["row"], *cells), (TEXT["limit"], *predicted)]))
print(table([TEXT["rho"], TEXT["hb"], TEXT["nag"]], [(f"{rho:g}", f"{hb:.4f}", f"{nag:.4f}") for rho, hb, nag in zip(RHOS, *limits)]))

fig, (ax, bx) = figure(1, 2, width=6.4, height=3.0, gridspec_kw={"width_ratios": [1.4, 1]})
gx, gy = np.meshgrid(np.linspace(-11, 2, 66), np.linspace(-3, 3, 61))
ax.contour(gx, gy, f.value(np.stack([gx, gy], axis=-1)), levels=np.geomspace(0.5, 600, 10), colors=INK, alpha=0.25, linewidths=0.6)
ax.plot([-10, 0], [1, 0], "o", color=INK, markersize=4)
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"], xlim=(-11, 2), ylim=(-3, 3))
bx.set(xlabel=TEXT["step"], ylabel=TEXT["loss"], xlim=(0, 80), ylim=(1e-8, 1e4))
print(race_figure_html(fig, ax, bx, paths, learning_rates=LRS, momenta=RHOS, kappa=KAPPA, labels=TEXT, selected=(2, 2),
                       wrapper_id="cs231n-l7-race"))
