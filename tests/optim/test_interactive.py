"""The precomputed grid behind the interactive optimizer race, and how it is packed into the page (issue 14).

How numbers are packed (`studynotes.plotting.pack_int16`) is tested with the other driven figures, in tests/test_plotting.py."""

from __future__ import annotations

import base64
import re

import numpy as np
import pytest

from studynotes.optim import RACE_METHODS, race_figure_html, race_grid
from studynotes.i18n import collecting
from studynotes.optim.animate import MAX_RACE_UPDATES
from studynotes.plotting import FigureMarkup, switch_figure_html
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
    with collecting(("en",)):  # the site build: controls and the packed grid (elsewhere, a still frame)
        html = race_figure_html(fig, ax, bx, paths, learning_rates=LRS, momenta=RHOS, kappa=100.0, labels=labels, selected=(1, 1))
    packed = re.search(r'data-paths="([^"]+)"', html).group(1)
    limit = float(re.search(r'data-limit="([^"]+)"', html).group(1))
    numbers = np.frombuffer(base64.b64decode(packed), dtype="<i2") * limit / 32767
    # SGD once per learning rate, the two momentum methods for every cell, 21 points of (x, y) each
    assert numbers.size == (len(LRS) + 2 * len(LRS) * len(RHOS)) * 21 * 2
    np.testing.assert_allclose(numbers[:42].reshape(21, 2), np.clip(paths[0, 0, 0], -limit, limit), atol=limit / 32767)
    assert 'class="sn-race__lr" min="0" max="2" step="1" value="1"' in html
    # the readouts as built read as docs/javascripts/figures.js writes them, so nothing changes when it starts
    readouts = re.findall(r'<output class="sn-race__value">([^<]*)</output>', html)
    assert readouts == ["20 / 20", str(LRS[1]), str(RHOS[1])], readouts
    for gid in ("sn-race-axes", "sn-race-loss-axes", "sn-race-path-2", "sn-race-loss-0"):
        assert gid in html


@pytest.mark.parametrize(
    ("lrs", "rhos", "steps"),
    [
        (np.linspace(0.001, 0.02, 30), np.linspace(0.0, 0.99, 30), 100_000),  # hours of updates
        (np.linspace(0.001, 0.02, 3000), np.linspace(0.0, 0.99, 3000), 10**6),  # terabytes of paths
    ],
)
def test_a_grid_too_large_to_run_is_refused_naming_its_arguments(lrs, rhos, steps) -> None:
    with pytest.raises(ValueError, match=r"^learning_rates, momenta and num_steps ask for too many updates"):
        race_grid(lrs, rhos, num_steps=steps)
    # one learning rate and one momentum make three updates a step: the limit falls between two step counts
    with pytest.raises(ValueError, match="num_steps ask for too many updates"):
        race_grid([0.01], [0.5], num_steps=MAX_RACE_UPDATES // 3 + 1)
    assert race_grid([0.01], [0.5], num_steps=10).shape == (3, 1, 1, 11, 2)


def test_a_diverging_cell_ends_in_nan_instead_of_stopping_the_grid() -> None:
    # SGD with lr = 3 on kappa = 100 multiplies y by -299 a step: it overflows, the stable cell does not
    with np.errstate(over="ignore", invalid="ignore"):
        paths = race_grid([0.01, 3.0], [0.5], num_steps=300)
    assert np.all(np.isfinite(paths[:, 0]))
    diverged = paths[0, 1, 0]
    first_bad = int(np.argmax(~np.isfinite(diverged).all(axis=1)))
    assert 100 < first_bad < 300 and np.all(np.isnan(diverged[first_bad + 1 :]))
    np.testing.assert_allclose(diverged[1:first_bad, 1], [(-299.0) ** t for t in range(1, first_bad)], rtol=1e-9)


def test_outside_the_site_driven_figures_show_their_still_frame_without_controls() -> None:
    """In a notebook or a script no script moves a slider or a button: the figure comes as its still frame, the
    selected setting written out, and no control that would do nothing."""
    paths = race_grid(LRS, RHOS, num_steps=20)
    labels = dict(names=["a", "b", "c"], play="play", pause="pause", step="step", lr="lr", momentum="m", controls="c")
    made = {}
    for where in ("site", "elsewhere"):
        fig, (ax, bx) = figure(1, 2)
        ax.set(xlim=(-11, 2), ylim=(-3, 3))
        bx.set(xlim=(0, 20), ylim=(1e-8, 1e4))
        args = (fig, ax, bx, paths)
        kwargs = dict(learning_rates=LRS, momenta=RHOS, kappa=100.0, labels=labels, selected=(1, 1), wrapper_id="r")
        if where == "site":
            with collecting(("en",)):
                made[where] = race_figure_html(*args, **kwargs)
        else:
            made[where] = race_figure_html(*args, **kwargs)
    still = made["elsewhere"]
    assert isinstance(still, FigureMarkup)
    for control in ("<input", "<button", "data-paths", "sn-race__controls"):
        assert control in made["site"] and control not in still, control
    assert "lr α = 0.015, m ρ = 0.9" in still
    # the same drawing: the selected run, as the page shows it first (the site cuts it into one SVG per panel,
    # in the figure's own coordinates, so every text and every path is the same)
    marks = lambda markup: set(re.findall(r'<text\b[^>]*>[^<]*</text>|\bd="[^"]*"', re.sub(r' class="[^"]*"', "", markup)))  # noqa: E731
    assert marks(still) == marks(made["site"]) and len(marks(still)) > 20

    fig, ax = figure()
    (line,) = ax.plot([0, 1], [0, 1])
    switch = switch_figure_html(fig, [line], [[[(0, 0), (1, 1)]], [[(0, 1), (1, 0)]]], options=["seed 1", "seed 2"],
                                label="seed", selected=1, wrapper_id="s")
    assert "<input" not in switch and "data-frames" not in switch and "seed: seed 2" in switch and "<svg" in switch
