"""What Lecture 6 says about zero-centered inputs and the Xavier/He dead-unit tie, checked over the seeds it names."""

from __future__ import annotations

import numpy as np
import pytest

from studynotes.nn import init_experiment, linear_sgd_path, steps_to_target, zero_centered_steps


def test_zero_centered_steps_follow_linear_sgd_path_seed_by_seed():
    steps = zero_centered_steps(0.5, positive=True)
    for seed in (0, 6, 199):
        X = np.random.default_rng(seed).random((400, 2))
        assert steps[seed] == steps_to_target(linear_sgd_path(X, [1.0, -1.0], 0.5), [1.0, -1.0])


def test_positive_inputs_are_slower_in_every_one_of_200_seeds():
    pos_same, pos_drawn, cen = (zero_centered_steps(0.2, positive=True), zero_centered_steps(0.5, positive=True),
                                zero_centered_steps(0.2, positive=False))
    assert pos_same.size == 200 and not np.isnan(pos_same).any() and not np.isnan(cen).any()
    assert np.all(pos_same > cen)  # same learning rate: slower in every seed
    assert np.median(pos_drawn) > 3 * np.median(cen)  # the drawn rates: still several times more steps
    assert np.mean(pos_drawn > cen) > 0.99


def test_steps_to_target_validates():
    assert steps_to_target(np.array([[0.0, 0.0], [1.0, -1.0]]), [1.0, -1.0]) == 1
    assert steps_to_target(np.array([[0.0, 0.0]]), [1.0, -1.0]) is None
    with pytest.raises(ValueError, match="tol"):
        steps_to_target(np.zeros((2, 2)), [1.0, -1.0], tol=0.0)


@pytest.mark.parametrize("seed", [0, 1])
def test_he_is_xavier_times_sqrt2_so_relu_dead_units_tie(seed):
    xr, hr = init_experiment("xavier", "relu", seed=seed), init_experiment("he", "relu", seed=seed)
    assert np.array_equal(xr.dead, hr.dead)
    assert hr.stds / xr.stds == pytest.approx(np.sqrt(2) ** np.arange(1, 11), rel=1e-4)
