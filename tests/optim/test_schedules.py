"""Learning-rate schedules against their closed forms."""

import math

import numpy as np
import pytest

from studynotes.optim import exponential_decay, inverse_time_decay, step_decay


def test_lecture_values():
    assert step_decay(0.1, 10, drop=0.5, every=10) == pytest.approx(0.05)
    assert step_decay(0.1, 50, drop=0.5, every=10) == pytest.approx(0.003125)
    assert exponential_decay(0.1, 10, k=0.1) == pytest.approx(0.1 / math.e)
    assert exponential_decay(0.1, 50, k=0.1) == pytest.approx(0.1 * math.exp(-5))
    assert inverse_time_decay(0.1, 10, k=0.1) == pytest.approx(0.05)
    assert inverse_time_decay(0.1, 50, k=0.1) == pytest.approx(0.1 / 6)


def test_vectorised_closed_forms():
    t = np.arange(0, 100)
    np.testing.assert_allclose(step_decay(0.3, t, drop=0.1, every=25), 0.3 * 0.1 ** (t // 25))
    np.testing.assert_allclose(exponential_decay(0.3, t, k=0.02), [0.3 * math.exp(-0.02 * s) for s in t])
    np.testing.assert_allclose(inverse_time_decay(0.3, t, k=0.5), [0.3 / (1 + 0.5 * s) for s in t])
    assert np.all(np.diff(step_decay(0.3, t)) <= 0)


@pytest.mark.parametrize("schedule", [step_decay, exponential_decay, inverse_time_decay])
def test_bad_arguments(schedule):
    with pytest.raises(ValueError, match="lr0"):
        schedule(0.0, 3)
    with pytest.raises(ValueError, match="t must"):
        schedule(0.1, -1)


def test_bad_decay_parameters():
    with pytest.raises(ValueError, match="drop"):
        step_decay(0.1, 3, drop=1.5)
    with pytest.raises(ValueError, match="every"):
        step_decay(0.1, 3, every=0)
    with pytest.raises(ValueError, match="k must"):
        exponential_decay(0.1, 3, k=-0.1)
