# Dropout as an ensemble: exact mask averages, the size of the ensemble, and when weight scaling equals the average.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import all_masks, dropout_ensemble, log10_num_masks, mask_average
from studynotes.plotting import INK, figure, figure_html
from studynotes.prob import mc_estimate
from studynotes.tables import note, table

w, xy = np.array([0.8, -0.3]), np.array([1.5, 2.0])
outputs, average = mask_average(w, xy, p=0.5)
TEXT = localized(
    {
        "ko": dict(
            head1=["마스크 $(m_1, m_2)$", "출력 $w_1 m_1 x + w_2 m_2 y$"],
            avg="네 마스크의 평균", half="$\\tfrac12(w_1x + w_2y)$",
            masks="뉴런 4096개에 드롭아웃을 걸 때 마스크 수 $2^{4096}$의 $\\log_{10}$",
            head2=["신경망 (입력 100, 은닉 50, $p = 0.5$)", "마스크 2만 개의 평균 (± 표준오차)", "가중치 스케일링 $v^\\top\\phi(pWx)$"],
            linear="선형 (활성화 없음)", relu="ReLU 뒤",
            out="출력 y(m)", count="마스크 수", mc="마스크 평균", scaled="가중치 스케일링"),
        "en": dict(
            head1=["mask $(m_1, m_2)$", "output $w_1 m_1 x + w_2 m_2 y$"],
            avg="average over the four masks", half="$\\tfrac12(w_1x + w_2y)$",
            masks="$\\log_{10}$ of the number of masks $2^{4096}$ for dropout on 4096 units",
            head2=["network (100 inputs, 50 hidden, $p = 0.5$)", "average over 20k masks (± s.e.)", "weight scaling $v^\\top\\phi(pWx)$"],
            linear="linear (no activation)", relu="after ReLU",
            out="output y(m)", count="masks", mc="mask average", scaled="weight scaling"),
    }
)

rows = [(f"({m[0]:.0f}, {m[1]:.0f})", f"{out:.2f}") for m, out in zip(all_masks(2), outputs, strict=True)]
rows.append((f"**{TEXT['avg']}**", f"**{average:.3f}**"))
rows.append((TEXT["half"], f"{0.5 * w @ xy:.3f}"))
print(table(TEXT["head1"], rows))
print(note(f"{TEXT['masks']}: **{log10_num_masks(4096):.1f}**"))

rng = np.random.default_rng(6)
x = rng.standard_normal(100)
W = rng.standard_normal((50, 100)) / 10.0
v = rng.standard_normal(50)
rows = []
fig, axes = figure(1, 2, width=7.2, height=2.8)
for ax, relu, name in zip(axes, [False, True], [TEXT["linear"], TEXT["relu"]], strict=True):
    samples, scaled = dropout_ensemble(x, W, v, 0.5, 20_000, rng, relu=relu)
    est = mc_estimate(samples)
    rows.append((name, f"{est.value:.3f} ± {est.se:.3f}", f"{scaled:.3f}"))
    ax.hist(samples, bins=60, histtype="stepfilled", alpha=0.6)
    ax.axvline(est.value, color=INK, linewidth=1.2, label=TEXT["mc"])
    ax.axvline(scaled, color=INK, linestyle=":", linewidth=1.5, label=TEXT["scaled"])
    ax.set(title=name, xlabel=TEXT["out"], ylabel=TEXT["count"])
axes[0].legend(fontsize=9)
print(table(TEXT["head2"], rows))
print(figure_html(fig))
