# The law of large numbers needs a mean: running averages of Cauchy draws never settle.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import cauchy_cdf, mc_cell, mc_estimate, running_mean, sample_normal_ratio

TEXT = localized(
    {
        "ko": dict(
            head="| 확률 | 정확한 값 | 시뮬레이션 (± 표준오차) |",
            one="코시 1개: $P(\\lvert T\\rvert\\le 1)$", avg="코시 100개의 평균: $P(\\lvert \\bar T_{100}\\rvert\\le 1)$",
            x="표본 수 n", y="처음 n개의 평균", cauchy="코시 (X/Y)", normal="표준정규",
            alt="표본 수를 로그 축으로 10만까지 늘리며 그린 누적 평균 두 개. 정규분포의 평균은 0으로 모이지만 코시의 평균은 큰 값이 나올 때마다 튄다.",
            cap="정규 표본의 누적 평균은 0으로 수렴하지만, 코시 표본의 누적 평균은 가끔 나오는 아주 큰 값 때문에 계속 튄다.",
        ),
        "en": dict(
            head="| probability | exact | simulation (± standard error) |",
            one="one Cauchy: $P(\\lvert T\\rvert\\le 1)$", avg="mean of 100 Cauchys: $P(\\lvert \\bar T_{100}\\rvert\\le 1)$",
            x="number of draws n", y="mean of the first n draws", cauchy="Cauchy (X/Y)", normal="standard normal",
            alt="Two running means over up to 100,000 draws on a log axis: the normal one settles at 0, the Cauchy one jumps whenever a huge draw arrives.",
            cap="The running mean of normal draws converges to 0; the Cauchy one keeps jumping, pushed by rare enormous draws.",
        ),
    }
)

rng = np.random.default_rng(7)
cauchy = sample_normal_ratio(100_000, rng)
normal = rng.standard_normal(100_000)

means_of_100 = sample_normal_ratio(100 * 20_000, rng).reshape(20_000, 100).mean(axis=1)
print(TEXT["head"] + "\n|---|---|---|")
exact = cauchy_cdf(1.0) - cauchy_cdf(-1.0)
for label, sample in ((TEXT["one"], cauchy[:20_000]), (TEXT["avg"], means_of_100)):
    est = mc_estimate((np.abs(sample) <= 1).astype(float))
    print(f"| {label} | {exact:.4f} | {mc_cell(est, float(exact))} |")
print()

n = np.arange(1, cauchy.size + 1)
fig, ax = figure(width=6.0, height=3.0)
ax.plot(n, running_mean(cauchy), label=TEXT["cauchy"])
ax.plot(n, running_mean(normal), label=TEXT["normal"])
ax.axhline(0, color=INK, linewidth=0.8)
ax.set(xscale="log", xlabel=TEXT["x"], ylabel=TEXT["y"])
ax.legend()
print(figure_html(fig, alt=TEXT["alt"], caption=TEXT["cap"]))
