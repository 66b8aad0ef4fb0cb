"""Lecture 6's folded check-yourself answers: each typed result against an exact or independent computation."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import integrate

from sitetools import LANGS, folded_answers
from studynotes.nn import batchnorm_backward, batchnorm_forward, numerical_gradient, numerical_gradient_array, rel_error, relu_forward

POST = "cs231n-lecture-6"


def answers(lang: str) -> list[str]:
    found = list(folded_answers(POST, lang).values())
    assert len(found) == 5, f"{POST}.{lang}: expected 5 questions, found {len(found)}"
    return found


def shows(answer: str, *pieces: str) -> None:
    for piece in pieces:
        assert piece in answer, f"the answer does not show {piece!r}:\n{answer}"


@pytest.mark.parametrize("lang", LANGS)
def test_compact_batchnorm_backward(lang):
    code = "dx = gamma / (N * std) * (N * dout - dout.sum(0) - xhat * (dout * xhat).sum(0))"
    shows(answers(lang)[0], f"`{code}`")
    rng = np.random.default_rng(4)
    x, gamma, beta, dout = 3 + 2 * rng.standard_normal((6, 4)), rng.standard_normal(4), rng.standard_normal(4), rng.standard_normal((6, 4))
    eps = 1e-5
    std = np.sqrt(x.var(axis=0) + eps)
    scope = {"gamma": gamma, "N": x.shape[0], "std": std, "dout": dout, "xhat": (x - x.mean(axis=0)) / std}
    exec(code, {}, scope)  # the answer's own line
    _, cache = batchnorm_forward(x, gamma, beta, {"mode": "train", "eps": eps})
    dx_package, _, _ = batchnorm_backward(dout, cache)
    dx_numeric = numerical_gradient_array(lambda z: batchnorm_forward(z, gamma, beta, {"mode": "train", "eps": eps})[0], x.copy(), dout)
    assert rel_error(scope["dx"], dx_package) < 1e-12
    assert rel_error(scope["dx"], dx_numeric) < 1e-7
    assert scope["dx"].sum(axis=0) == pytest.approx(0, abs=1e-12)  # sums to zero ...
    no_eps = {**scope, "std": x.std(axis=0), "xhat": (x - x.mean(axis=0)) / x.std(axis=0)}
    exec(code, {}, no_eps)
    assert (no_eps["dx"] * no_eps["xhat"]).sum(axis=0) == pytest.approx(0, abs=1e-12)  # ... and, with eps = 0, is orthogonal to xhat


@pytest.mark.parametrize("lang", LANGS)
def test_relu_kink_check(lang):
    x = np.array([1e-6])
    numeric = numerical_gradient(lambda z: float(relu_forward(z)[0].sum()), x, 1e-5)[0]
    assert numeric == pytest.approx(0.55)
    err_sum, err_max = rel_error([1.0], [numeric]), abs(1 - numeric) / max(1.0, numeric)
    assert numerical_gradient(lambda z: float(relu_forward(z)[0].sum()), x, 1e-7)[0] == pytest.approx(1.0)
    shows(answers(lang)[1], f"= {numeric:.2f}$", f"\\approx {err_sum:.2f}$", f"${err_max:.2f}$")


def best_centered_error(dtype) -> tuple[float, float]:
    """Scan h on a fine log grid: the smallest error of the centered difference of exp at 0 in `dtype`, and its h."""
    hs = np.geomspace(1e-9, 1e-1, 801)
    x = dtype(0.0)
    errs = [abs(float((np.exp(x + dtype(h)) - np.exp(x - dtype(h))) / dtype(2 * h)) - 1.0) for h in hs]
    k = int(np.argmin(errs))
    return hs[k], errs[k]


@pytest.mark.parametrize("lang", LANGS)
def test_best_step_in_float64_and_float32(lang):
    typed = []
    for u, dtype in ((2.0**-53, np.float64), (2.0**-24, np.float32)):
        h_star = (3 * u) ** (1 / 3)
        err_star = u / h_star + h_star**2 / 6
        h_seen, err_seen = best_centered_error(dtype)
        assert h_star / 30 < h_seen < h_star * 30  # the balance point, within the scatter of rounding
        assert err_seen < 10 * err_star  # the model's error is what the arithmetic reaches (or better, by luck)
        typed += [h_star, err_star]
    # the answer rounds to one significant digit
    shows(answers(lang)[2], *(f"{float(f'{v:.0e}'.split('e')[0]):.0f}\\times10^{{{int(f'{v:.0e}'.split('e')[1])}}}" for v in typed))


@pytest.mark.parametrize("lang", LANGS)
def test_leaky_relu_he_variance(lang):
    a = 0.1
    second, _ = integrate.quad(lambda z: (z if z > 0 else a * z) ** 2 * math.exp(-z * z / 2) / math.sqrt(2 * math.pi), -40, 40, points=[0])
    assert second == pytest.approx((1 + a * a) / 2, rel=1e-10)
    rng = np.random.default_rng(0)
    n = 500
    h = rng.standard_normal((2000, n))
    w = rng.standard_normal((n, n)) * math.sqrt(2 / ((1 + a * a) * n))
    z = h @ w
    out = np.where(z > 0, z, a * z)
    assert np.mean(out**2) == pytest.approx(np.mean(h**2), rel=0.02)  # the second moment survives the layer
    shows(answers(lang)[3], "\\frac{2}{(1+a^2)\\,n}", f"\\approx {math.sqrt(2 / ((1 + a * a) * n)):.4f}$")


@pytest.mark.parametrize("lang", LANGS)
def test_condition_number_of_uncentered_inputs(lang):
    for d in (2, 5, 40):
        m = np.full((d, d), 0.25) + np.eye(d) / 12  # E[x x^T] for x ~ U(0,1)^d
        eig = np.linalg.eigvalsh(m)
        assert eig[-1] / eig[0] == pytest.approx(1 + 3 * d, rel=1e-10)
        assert (Fraction(1, 12) + Fraction(d, 4)) / Fraction(1, 12) == 1 + 3 * d
        x = np.random.default_rng(d).random((200_000, d))
        emp = np.linalg.eigvalsh(x.T @ x / len(x))
        assert emp[-1] / emp[0] == pytest.approx(1 + 3 * d, rel=0.05)
    shows(answers(lang)[4], "$1 + 3d$", f"{1 + 3 * 3072}")
