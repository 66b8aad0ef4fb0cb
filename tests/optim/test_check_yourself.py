"""Lecture 7's folded check-yourself answers: every number they type equals an exact or independent computation."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from sitetools import LANGS, folded_answers
from studynotes.nn import dropout_backward, dropout_forward, numerical_gradient_array
from studynotes.optim import (
    constant_gradient_steps,
    heavy_ball_parameters,
    momentum_rate,
    momentum_stability_limit,
    sgd_noise_floor,
)

POST = "cs231n-lecture-7"


def answers(lang: str) -> list[str]:
    found = list(folded_answers(POST, lang).values())
    assert len(found) == 6, f"{POST}.{lang}: expected 6 questions, found {len(found)}"
    return found


def shows(answer: str, *pieces: str) -> None:
    for piece in pieces:
        assert piece in answer, f"the answer does not show {piece!r}:\n{answer}"


def stability_edge(rho: float, nesterov: bool) -> float:
    """The learning rate where the spectral radius crosses 1 on eigenvalues {1, 100}, by bisection."""
    lo, hi = 1e-4, 1.0
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if momentum_rate(mid, rho, [1.0, 100.0], nesterov=nesterov) < 1 else (lo, mid)
    return lo


@pytest.mark.parametrize("lang", LANGS)
def test_divergence_factor(lang):
    assert 1 - 0.03 * 100 == pytest.approx(-2)
    assert momentum_rate(0.03, 0.0, [1.0, 100.0]) == pytest.approx(2.0)
    shows(answers(lang)[0], "2/\\lambda_{\\max} = 0.02", "= -2")


@pytest.mark.parametrize("lang", LANGS)
def test_heavy_ball_for_kappa_100(lang):
    sqrt_rho = Fraction(10 - 1, 10 + 1)
    rho, lr = sqrt_rho**2, (1 - sqrt_rho) ** 2  # alpha * lambda_min = (1 - sqrt(rho))^2 with lambda_min = 1
    assert lr * 100 == (1 + sqrt_rho) ** 2  # the interval also ends at lambda_max
    assert (rho, lr) == (Fraction(81, 121), Fraction(4, 121))
    assert heavy_ball_parameters(1.0, 100.0) == pytest.approx((float(lr), float(rho), float(sqrt_rho)))
    assert momentum_rate(float(lr), float(rho), [1.0, 100.0]) == pytest.approx(9 / 11, rel=1e-6)
    hb_steps, gd_steps = math.log(1e6) / math.log(11 / 9), math.log(1e6) / math.log(101 / 99)
    shows(answers(lang)[1], "\\frac{81}{121} \\approx 0.669", "\\frac{4}{121} \\approx 0.0331", "\\frac{9}{11}", "\\frac{99}{101}",
          f"\\approx {round(hb_steps)}", f"\\approx {round(gd_steps)}")
    assert f"{81 / 121:.3f}" == "0.669" and f"{4 / 121:.4f}" == "0.0331"


@pytest.mark.parametrize("lang", LANGS)
def test_momentum_stability_limits(lang):
    hb, nag = momentum_stability_limit(0.9, 100.0), momentum_stability_limit(0.9, 100.0, nesterov=True)
    assert hb == pytest.approx(stability_edge(0.9, nesterov=False), rel=1e-9)
    assert nag == pytest.approx(stability_edge(0.9, nesterov=True), rel=1e-9)
    assert nag < 2 / 100 < hb
    shows(answers(lang)[2], f"\\alpha < {hb:.3f}", f"3.8/280 \\approx {nag:.4f}")


@pytest.mark.parametrize("lang", LANGS)
def test_adagrad_steps_vanish_adam_steps_do_not(lang):
    lr = 0.1
    ada = constant_gradient_steps("adagrad", 10_000, learning_rate=lr) / lr
    adam = constant_gradient_steps("adam", 10_000, learning_rate=lr) / lr
    assert ada == pytest.approx(1 / np.sqrt(np.arange(1, 10_001)), rel=1e-6)
    assert ada[-1] == pytest.approx(1 / 100, rel=1e-6)
    assert adam == pytest.approx(1.0, rel=1e-6)
    shows(answers(lang)[3], "\\alpha/\\sqrt t", "\\alpha/100")


@pytest.mark.parametrize("lang", LANGS)
def test_one_dimensional_noise_floor(lang):
    floors = {}
    for a in (Fraction(1, 10), Fraction(1, 100)):
        v = a / (2 - a)
        assert v == (1 - a) ** 2 * v + a**2  # the stationary equation
        floors[a] = v / 2
        assert sgd_noise_floor(float(a), [1.0], 1.0) == pytest.approx((float(v / 2), math.sqrt(v)))
    assert floors == {Fraction(1, 10): Fraction(1, 38), Fraction(1, 100): Fraction(1, 398)}
    # independent check: 20000 chains simulated to stationarity
    rng = np.random.default_rng(0)
    x = np.zeros(20_000)
    for _ in range(400):
        x = 0.9 * x - 0.1 * rng.standard_normal(x.size)
    est, se = np.mean(x**2 / 2), np.std(x**2 / 2) / np.sqrt(x.size)
    assert abs(est - 1 / 38) < 4 * se
    ratio = floors[Fraction(1, 10)] / floors[Fraction(1, 100)]
    rms = [math.sqrt(float(2 * f)) for f in floors.values()]
    shows(answers(lang)[4], "\\frac{1}{38} \\approx 0.0263", "\\frac{1}{398} \\approx 0.00251", f"{float(ratio):.1f}",
          f"${rms[0]:.3f}$", f"${rms[1]:.4f}$", f"{rms[0] / rms[1]:.2f}")


@pytest.mark.parametrize("lang", LANGS)
def test_dropout_backward(lang):
    answer = answers(lang)[5]
    code = "dx = dout * mask / p"
    shows(answer, f"`{code}`")
    rng = np.random.default_rng(1)
    x, dout, p = rng.standard_normal((6, 5)), rng.standard_normal((6, 5)), 0.7
    out, cache = dropout_forward(x, p, "train", rng)
    mask = (out != 0).astype(float)  # which units survived this draw
    scope = {"dout": dout, "mask": mask, "p": p}
    exec(code, {}, scope)  # the answer's own line
    frozen = lambda z: z * mask / p  # noqa: E731 - the forward pass with this mask fixed
    assert scope["dx"] == pytest.approx(dropout_backward(dout, cache))
    assert scope["dx"] == pytest.approx(numerical_gradient_array(frozen, x.copy(), dout), abs=1e-8)
    assert np.all(scope["dx"][mask == 0] == 0)
