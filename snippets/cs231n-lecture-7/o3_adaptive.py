# Adaptive step sizes under a constant gradient: Adam's first step is lr*sign(g), AdaGrad decays like lr/sqrt(t), bias correction matters.
import numpy as np

from studynotes.i18n import localized
from studynotes.optim import adam, constant_gradient_steps
from studynotes.plotting import INK, figure, figure_html, label_lines
from studynotes.tables import note, table

lr = 0.1
T = 10_000
steps = {
    "AdaGrad": constant_gradient_steps("adagrad", T, learning_rate=lr),
    "RMSProp": constant_gradient_steps("rmsprop", T, learning_rate=lr, decay_rate=0.99),
    "Adam": constant_gradient_steps("adam", T, learning_rate=lr),
    "no_bc": constant_gradient_steps("adam", T, learning_rate=lr, bias_correction=False),
}
t = np.arange(1, T + 1)
TEXT = localized(
    {
        "ko": dict(
            head1=["기울기 $g$", "$\\operatorname{sign}(g)$", "Adam 첫 스텝 $-\\Delta w/\\alpha$", "편향 보정 없이 $-\\Delta w/\\alpha$", "$\\operatorname{sign}(g)\\cdot 0.1/\\sqrt{0.001}$"],
            head2=["스텝 $t$", "AdaGrad", "$1/\\sqrt t$", "RMSProp ($\\delta = 0.99$)", "Adam", "Adam (보정 없음)"],
            note="(표의 값은 모두 스텝 크기 / $\\alpha$)",
            no_bc="Adam (편향 보정 없음)", step="스텝 t (로그 눈금)", size="스텝 크기 / 학습률 (로그 눈금)"),
        "en": dict(
            head1=["gradient $g$", "$\\operatorname{sign}(g)$", "Adam's first step $-\\Delta w/\\alpha$", "without bias correction, $-\\Delta w/\\alpha$", "$\\operatorname{sign}(g)\\cdot 0.1/\\sqrt{0.001}$"],
            head2=["step $t$", "AdaGrad", "$1/\\sqrt t$", "RMSProp ($\\delta = 0.99$)", "Adam", "Adam (no correction)"],
            note="(all entries are step size / $\\alpha$)",
            no_bc="Adam (no bias correction)", step="step t (log scale)", size="step size / learning rate (log scale)"),
    }
)

rows = []
for g in [1e-3, -0.5, 20.0]:
    with_bc, _ = adam(np.zeros(1), np.array([g]), {"learning_rate": lr})
    without, _ = adam(np.zeros(1), np.array([g]), {"learning_rate": lr, "bias_correction": False})
    rows.append((f"{g:g}", f"{np.sign(g):+.0f}", f"{-with_bc[0] / lr:+.6f}", f"{-without[0] / lr:+.4f}",
                 f"{np.sign(g) * 0.1 / np.sqrt(0.001):+.4f}"))
print(table(TEXT["head1"], rows))

rows = []
for k in [1, 10, 100, 1000, 10_000]:
    s = [v[k - 1] / lr for v in steps.values()]
    rows.append((k, f"{s[0]:.4f}", f"{1 / np.sqrt(k):.4f}", f"{s[1]:.4f}", f"{s[2]:.4f}", f"{s[3]:.4f}"))
print(table(TEXT["head2"], rows))
print(note(TEXT['note']))

fig, ax = figure(width=4.8, height=3.4)
for name, v in steps.items():
    ax.loglog(t, v / lr, label=TEXT.get(name, name))
ax.loglog(t, 1 / np.sqrt(t), color=INK, linestyle=":", linewidth=1)
ax.set(xlabel=TEXT["step"], ylabel=TEXT["size"])
label_lines(ax, x=10)
print(figure_html(fig))
