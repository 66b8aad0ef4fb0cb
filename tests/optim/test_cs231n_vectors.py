"""The public CS231n assignment test vectors for sgd_momentum, rmsprop and adam, at the notebook's tolerance."""

import json
from pathlib import Path

import numpy as np
import pytest

from studynotes.optim import adam, rmsprop, sgd_momentum

# A copy of the vectors (their sources are listed in the file's "_source"), so a clone tests on its own.
VECTORS = Path(__file__).resolve().parent / "data" / "cs231n-assignment-vectors.json"


@pytest.fixture(scope="module")
def vectors():
    if not VECTORS.is_file():
        pytest.fail(f"CS231n test vectors not found at {VECTORS}")
    return json.loads(VECTORS.read_text())


# The notebook asks for errors "around e-8" (momentum) and "around e-7 or less" (rmsprop, adam): the expected
# arrays are printed to 8 digits, so a correct update lands at about 1e-8 / 1e-7, not at machine precision.
# A classic bug (Adam using t before incrementing it) gives 1.5e-3.
TOL_MOMENTUM, TOL_ADAPTIVE = 2e-8, 2e-7


def rel_error(x, y):
    # The notebook's definition.
    return np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y)))


def inputs(vectors):
    n, d = vectors["inputs"]["N"], vectors["inputs"]["D"]
    w = np.linspace(-0.4, 0.6, num=n * d).reshape(n, d)
    dw = np.linspace(-0.6, 0.4, num=n * d).reshape(n, d)
    np.testing.assert_allclose(w, vectors["inputs"]["w_values"], rtol=0, atol=1e-15)
    np.testing.assert_allclose(dw, vectors["inputs"]["dw_values"], rtol=0, atol=1e-15)
    return n, d, w, dw


def test_sgd_momentum(vectors):
    n, d, w, dw = inputs(vectors)
    v = np.linspace(0.6, 0.9, num=n * d).reshape(n, d)
    next_w, config = sgd_momentum(w, dw, {"learning_rate": 1e-3, "velocity": v})
    case = vectors["sgd_momentum"]
    assert rel_error(next_w, np.array(case["expected_next_w"])) < TOL_MOMENTUM
    assert rel_error(config["velocity"], np.array(case["expected_velocity"])) < TOL_MOMENTUM


def test_rmsprop(vectors):
    n, d, w, dw = inputs(vectors)
    cache = np.linspace(0.6, 0.9, num=n * d).reshape(n, d)
    next_w, config = rmsprop(w, dw, {"learning_rate": 1e-2, "cache": cache})
    case = vectors["rmsprop"]
    assert rel_error(next_w, np.array(case["expected_next_w"])) < TOL_ADAPTIVE
    assert rel_error(config["cache"], np.array(case["expected_cache"])) < TOL_ADAPTIVE


def test_adam(vectors):
    n, d, w, dw = inputs(vectors)
    m = np.linspace(0.6, 0.9, num=n * d).reshape(n, d)
    v = np.linspace(0.7, 0.5, num=n * d).reshape(n, d)
    next_w, config = adam(w, dw, {"learning_rate": 1e-2, "m": m, "v": v, "t": 5})
    case = vectors["adam"]
    assert config["t"] == 6
    assert rel_error(next_w, np.array(case["expected_next_w"])) < TOL_ADAPTIVE
    assert rel_error(config["v"], np.array(case["expected_v"])) < TOL_ADAPTIVE
    assert rel_error(config["m"], np.array(case["expected_m"])) < TOL_ADAPTIVE
