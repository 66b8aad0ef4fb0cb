"""Trajectories of the update rules agree with torch.optim to 1e-10 (float64), with the documented mapping.

torch is not a test dependency. ``tests/optim/data/torch-trajectories.json`` holds torch.optim's iterates
on Rosenbrock's valley, written by ``scripts/oracles.py`` (``make oracles``) with the gradient taken by
torch's autograd. The package is compared with that file always; when torch is importable (CI installs
the CPU build for this), the file is also regenerated live and compared, so a stale or hand-edited file
cannot pass there.
"""

import importlib
import importlib.util
import json
import os

import numpy as np
import pytest

from sitetools import ROOT
from studynotes.optim import adagrad, adam, nesterov_momentum, rmsprop, rosenbrock, run, sgd, sgd_momentum

DATA = ROOT / "tests" / "optim" / "data" / "torch-trajectories.json"
STORED = json.loads(DATA.read_text(encoding="utf-8"))

# name -> (package rule, its config, the torch.optim class and keyword arguments it maps to)
CASES = {
    "sgd": (sgd, {"learning_rate": 1e-3}, "SGD", {"lr": 1e-3}),
    "momentum": (sgd_momentum, {"learning_rate": 5e-4, "momentum": 0.9}, "SGD", {"lr": 5e-4, "momentum": 0.9}),
    "nesterov": (
        nesterov_momentum,
        {"learning_rate": 5e-4, "momentum": 0.9},
        "SGD",
        {"lr": 5e-4, "momentum": 0.9, "nesterov": True},
    ),
    "adagrad": (adagrad, {"learning_rate": 0.1, "epsilon": 1e-10}, "Adagrad", {"lr": 0.1, "eps": 1e-10}),
    "rmsprop": (
        rmsprop,
        {"learning_rate": 1e-2, "decay_rate": 0.99, "epsilon": 1e-8},
        "RMSprop",
        {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8},
    ),
    "adam": (
        adam,
        {"learning_rate": 1e-2, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
        "Adam",
        {"lr": 1e-2, "betas": [0.9, 0.999], "eps": 1e-8},
    ),
}


def objective(document: dict):
    settings = document["objective"]
    assert settings["name"] == "rosenbrock"
    return rosenbrock(a=settings["a"], b=settings["b"])


def compare_with(document: dict, name: str) -> None:
    rule, config, optimizer, kwargs = CASES[name]
    case = document["cases"][name]
    assert (case["optimizer"], case["kwargs"]) == (optimizer, kwargs), f"{name}: the file was made with other settings"
    theirs = np.array(case["path"])
    assert theirs.shape == (document["steps"] + 1, 2)
    ours = run(rule, objective(document).grad, np.array(document["x0"]), document["steps"], config)
    assert np.max(np.abs(ours - ours[0])) > 1e-2  # the runs actually move
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-10)


def compare_momentum_state(document: dict) -> None:
    # The assignment's velocity is -lr times PyTorch's momentum buffer.
    rule, config, _, kwargs = CASES[document["momentum_buffer"]["case"]]
    grad, x = objective(document).grad, np.array(document["x0"])
    for _ in range(document["momentum_buffer"]["steps"]):
        x, config = rule(x, grad(x), config)
    np.testing.assert_allclose(
        config["velocity"], -kwargs["lr"] * np.array(document["momentum_buffer"]["value"]), rtol=1e-10, atol=1e-14
    )


def test_stored_file_covers_every_case() -> None:
    assert set(STORED["cases"]) == set(CASES)
    assert STORED["x0"] == [-1.2, 1.0] and STORED["steps"] >= 100


@pytest.mark.parametrize("name", list(CASES))
def test_trajectory_matches_stored_torch(name: str) -> None:
    compare_with(STORED, name)


def test_momentum_state_mapping_matches_stored_torch() -> None:
    compare_momentum_state(STORED)


def test_a_wrong_rule_is_caught_by_the_stored_file() -> None:
    # the comparison can fail: plain SGD does not follow torch's momentum path
    with pytest.raises(AssertionError):
        np.testing.assert_allclose(
            run(sgd, objective(STORED).grad, np.array(STORED["x0"]), STORED["steps"], {"learning_rate": 5e-4}),
            np.array(STORED["cases"]["momentum"]["path"]),
            rtol=0,
            atol=1e-10,
        )


@pytest.fixture(scope="module")
def live() -> dict:
    """A fresh run of scripts/oracles.py with the installed torch (skipped when torch is not installed)."""
    if os.environ.get("STUDYNOTES_REQUIRE_TORCH") == "1":  # set by .ci/run: there a missing torch is an error
        importlib.import_module("torch")
    else:
        pytest.importorskip("torch", reason="torch is not installed: CI (.ci/run) and `make oracles` install the CPU build")
    spec = importlib.util.spec_from_file_location("oracles", ROOT / "scripts" / "oracles.py")
    oracles = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(oracles)
    document = oracles.trajectories()
    document["differences_from_stored"] = oracles.differences(STORED, document)
    return document


@pytest.mark.parametrize("name", list(CASES))
def test_trajectory_matches_live_torch(live: dict, name: str) -> None:
    compare_with(live, name)


def test_momentum_state_mapping_matches_live_torch(live: dict) -> None:
    compare_momentum_state(live)


def test_stored_file_is_what_torch_computes_now(live: dict) -> None:
    assert not live["differences_from_stored"], f"run `make oracles`: {live['differences_from_stored']}"
