# Gradient checking: centered differences against the analytic gradient, in float64 and float32, and across a ReLU kink.
import numpy as np

from studynotes.i18n import localized
from studynotes.nn import numerical_gradient, rel_error, relu_backward, relu_forward
from studynotes.tables import table

rng = np.random.default_rng(7)
X, W, dout = rng.standard_normal((5, 4)), rng.standard_normal((4, 3)), rng.standard_normal((5, 3))


def loss(W, dtype):
    # a tanh layer with a fixed upstream gradient: L = sum(dout * tanh(X W)), evaluated in the given precision
    return float(np.sum(dout.astype(dtype) * np.tanh(X.astype(dtype) @ W.astype(dtype)), dtype=dtype))


analytic = X.T @ (dout * (1 - np.tanh(X @ W) ** 2))  # the backward pass, by the chain rule
steps = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-7, 1e-9]
errors = {d: [rel_error(analytic, numerical_gradient(lambda w: loss(w, d), W.astype(d).copy(), h)) for h in steps]
          for d in (np.float64, np.float32)}

x = np.array([-2e-6, 1e-6, 0.5])  # two inputs within h of ReLU's kink at 0, one far from it
_, cache = relu_forward(x)
relu_analytic = relu_backward(np.ones(3), cache)
TEXT = localized(
    {
        "ko": dict(head=["$h$", "상대 오차, float64", "상대 오차, float32"],
                   head2=["입력 $x$", "해석적 $\\partial L/\\partial x$", "수치 기울기, $h=10^{-5}$", "상대 오차", "수치 기울기, $h=10^{-8}$", "상대 오차"]),
        "en": dict(head=["$h$", "relative error, float64", "relative error, float32"],
                   head2=["input $x$", "analytic $\\partial L/\\partial x$", "numerical, $h=10^{-5}$", "relative error", "numerical, $h=10^{-8}$", "relative error"]),
    }
)
print(table(TEXT["head"], [(f"$10^{{{np.log10(h):.0f}}}$", f"{e64:.1e}", f"{e32:.1e}")
                           for h, e64, e32 in zip(steps, errors[np.float64], errors[np.float32])]))
rows = []
for i, xi in enumerate(x):
    cells = [f"{xi:g}", f"{relu_analytic[i]:g}"]
    for h in (1e-5, 1e-8):
        num = numerical_gradient(lambda z: float(np.sum(relu_forward(z)[0])), x.copy(), h)[i]
        cells += [f"{num:.3g}", f"{rel_error(relu_analytic[i:i + 1], [num]):.1e}"]
    rows.append(cells)
print(table(TEXT["head2"], rows))
