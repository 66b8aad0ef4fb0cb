# Activation functions next to their derivatives: where the gradient survives and where it dies.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import elu, elu_grad, leaky_relu, leaky_relu_grad, relu, relu_grad, sigmoid, sigmoid_grad, tanh, tanh_grad
from studynotes.plotting import INK, figure, figure_html
from studynotes.tables import table

rows = [
    ("$\\sigma'(0)$", sigmoid_grad(0.0)),
    ("$\\sigma'(\\pm 10)$", sigmoid_grad(10.0)),
    ("$\\tanh'(0)$", tanh_grad(0.0)),
    ("$\\tanh'(\\pm 10)$", tanh_grad(10.0)),
    ("$\\text{ReLU}'(-1)$", relu_grad(-1.0)),
    ("$\\text{Leaky}'(-1)$, $\\alpha=0.01$", leaky_relu_grad(-1.0)),
    ("$\\text{ELU}'(-1)$, $\\alpha=1$", elu_grad(-1.0)),
]
TEXT = localized(
    {
        "ko": dict(
            q="값", f="함수 f(x)", df="도함수 f′(x)", x="입력 x"),
        "en": dict(
            q="value", f="function f(x)", df="derivative f′(x)", x="input x"),
    }
)

print(table(["", TEXT["q"]], [(name, f"{float(value):.3g}") for name, value in rows]))

x = np.linspace(-5, 5, 501)
curves = [
    ("sigmoid", sigmoid, sigmoid_grad),
    ("tanh", tanh, tanh_grad),
    ("ReLU", relu, relu_grad),
    ("Leaky ReLU", lambda v: leaky_relu(v, 0.1), lambda v: leaky_relu_grad(v, 0.1)),
    ("ELU", elu, elu_grad),
]
fig, (ax_f, ax_d) = figure(1, 2, width=7.2, height=3.2)
for (name, f, df), ls in zip(curves, ["-", "--", "-.", ":", (0, (6, 1.5, 1, 1.5, 1, 1.5))]):
    ax_f.plot(x, f(x), linestyle=ls, label=name)
    ax_d.plot(x, df(x), linestyle=ls, label=name)
for ax, ylabel in ((ax_f, TEXT["f"]), (ax_d, TEXT["df"])):
    ax.axhline(0, color=INK, linewidth=0.6)
    ax.set(xlabel=TEXT["x"], ylabel=ylabel)
ax_f.set_ylim(-1.5, 3)
ax_d.set_ylim(-0.1, 1.15)
ax_f.legend(fontsize=9)
print(figure_html(fig))
