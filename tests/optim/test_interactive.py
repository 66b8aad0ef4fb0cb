"""The precomputed grid behind the interactive optimizer race, and how it is packed into the page (issue 14).

How numbers are packed (`studynotes.plotting.pack_int16`) is tested with the other driven figures, in tests/test_plotting.py."""

from __future__ import annotations

import base64
import re

import numpy as np
import pytest

from studynotes.optim import RACE_METHODS, race_figure_html, race_grid
from studynotes.plotting import figure

LRS = [0.005, 0.015, 0.021]
RHOS = [0.0, 0.9]


def test_plain_sgd_follows_the_closed_form_on_the_quadratic() -> None:
    paths = race_grid(LRS, RHOS, kappa=100.0, start=(-10.0, 1.0), num_steps=30)
    t = np.arange(31)
    for i, lr in enumerate(LRS):
        sgd = paths[RACE_METHODS.index("sgd"), i, 0]
        np.testing.assert_allclose(sgd[:, 0], -10.0 * (1 - lr) ** t, rtol=1e-12)
        np.testing.assert_allclose(sgd[:, 1], (1 - 100 * lr) ** t, rtol=1e-12, atol=1e-300)
    # above 2/kappa the steep coordinate grows: |1 - 100 * 0.021| = 1.1 > 1
    assert abs(paths[0, 2, 0, -1, 1]) > 1.1**29


def test_momentum_zero_is_sgd_and_heavy_ball_matches_its_recurrence() -> None:
    paths = race_grid(LRS, RHOS, num_steps=40)
    for m in (1, 2):  # momentum 0: both momentum methods are plain gradient descent
        np.testing.assert_allclose(paths[m, :, 0], paths[0, :, 0], rtol=1e-12, atol=1e-300)
    # heavy ball on y: y_{t+1} = y_t + rho (y_t - y_{t-1}) - lr kappa y_t, with y_1 = y_0 - lr kappa y_0
    lr, rho = LRS[1], RHOS[1]
    y = [1.0, 1.0 - lr * 100]
    for _ in range(39):
        y.append(y[-1] + rho * (y[-1] - y[-2]) - lr * 100 * y[-1])
    np.testing.assert_allclose(paths[1, 1, 1, :, 1], y, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize(
    "kwargs,match",
    [
        (dict(learning_rates=[0.1, 0.01], momenta=[0.0]), "learning_rates"),
        (dict(learning_rates=[0.01], momenta=[1.0]), "momenta"),
        (dict(learning_rates=[0.01], momenta=[0.0], kappa=1.0), "kappa"),
        (dict(learning_rates=[0.01], momenta=[0.0], start=(1.0, 2.0, 3.0)), "start"),
    ],
)
def test_bad_grids_are_refused(kwargs, match) -> None:
    with pytest.raises(ValueError, match=match):
        race_grid(**kwargs)


def test_the_race_figure_carries_the_whole_grid() -> None:
    paths = race_grid(LRS, RHOS, num_steps=20)
    fig, (ax, bx) = figure(1, 2)
    ax.set(xlim=(-11, 2), ylim=(-3, 3))
    bx.set(xlim=(0, 20), ylim=(1e-8, 1e4))
    labels = dict(names=["a", "b", "c"], play="play", pause="pause", step="step", lr="lr", momentum="m", controls="c")
    html = race_figure_html(fig, ax, bx, paths, learning_rates=LRS, momenta=RHOS, kappa=100.0, labels=labels, selected=(1, 1))
    packed = re.search(r'data-paths="([^"]+)"', html).group(1)
    limit = float(re.search(r'data-limit="([^"]+)"', html).group(1))
    numbers = np.frombuffer(base64.b64decode(packed), dtype="<i2") * limit / 32767
    # SGD once per learning rate, the two momentum methods for every cell, 21 points of (x, y) each
    assert numbers.size == (len(LRS) + 2 * len(LRS) * len(RHOS)) * 21 * 2
    np.testing.assert_allclose(numbers[:42].reshape(21, 2), np.clip(paths[0, 0, 0], -limit, limit), atol=limit / 32767)
    assert 'class="sn-race__lr" min="0" max="2" step="1" value="1"' in html
    for gid in ("sn-race-axes", "sn-race-loss-axes", "sn-race-path-2", "sn-race-loss-0"):
        assert gid in html
