"""Trajectories of the update rules agree with torch.optim to 1e-10 (float64), with the documented mapping.

PyTorch is an optional test dependency (the ``torch`` extra): without it these tests fail, they do not skip.
"""

import importlib

import numpy as np
import pytest

from studynotes.optim import adagrad, adam, nesterov_momentum, rmsprop, rosenbrock, run, sgd, sgd_momentum

F = rosenbrock()
X0 = np.array([-1.2, 1.0])
STEPS = 200


def torch_module():
    try:
        return importlib.import_module("torch")
    except ImportError:
        pytest.fail("PyTorch is needed for the torch.optim parity tests: pip install -e '.[torch]' (CPU build is enough)")


def torch_path(make_optimizer):
    torch = torch_module()
    p = torch.tensor(X0, dtype=torch.float64, requires_grad=True)
    opt = make_optimizer(torch.optim, [p])
    path = [p.detach().numpy().copy()]
    for _ in range(STEPS):
        opt.zero_grad()
        p.grad = torch.from_numpy(F.grad(p.detach().numpy()))
        opt.step()
        path.append(p.detach().numpy().copy())
    return np.array(path)


CASES = {
    "sgd": (sgd, {"learning_rate": 1e-3}, lambda o, ps: o.SGD(ps, lr=1e-3)),
    "momentum": (
        sgd_momentum,
        {"learning_rate": 5e-4, "momentum": 0.9},
        lambda o, ps: o.SGD(ps, lr=5e-4, momentum=0.9),
    ),
    "nesterov": (
        nesterov_momentum,
        {"learning_rate": 5e-4, "momentum": 0.9},
        lambda o, ps: o.SGD(ps, lr=5e-4, momentum=0.9, nesterov=True),
    ),
    "adagrad": (adagrad, {"learning_rate": 0.1, "epsilon": 1e-10}, lambda o, ps: o.Adagrad(ps, lr=0.1, eps=1e-10)),
    "rmsprop": (
        rmsprop,
        {"learning_rate": 1e-2, "decay_rate": 0.99, "epsilon": 1e-8},
        lambda o, ps: o.RMSprop(ps, lr=1e-2, alpha=0.99, eps=1e-8),
    ),
    "adam": (
        adam,
        {"learning_rate": 1e-2, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
        lambda o, ps: o.Adam(ps, lr=1e-2, betas=(0.9, 0.999), eps=1e-8),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_trajectory_matches_torch(name):
    rule, config, make = CASES[name]
    ours = run(rule, F.grad, X0, STEPS, config)
    theirs = torch_path(make)
    assert np.max(np.abs(ours - ours[0])) > 1e-2  # the runs actually move
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-10)


def test_momentum_state_mapping():
    # The assignment's velocity is -lr times PyTorch's momentum buffer.
    torch = torch_module()
    lr, rho = 5e-4, 0.9
    p = torch.tensor(X0, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr, momentum=rho)
    x, config = X0.copy(), {"learning_rate": lr, "momentum": rho}
    for _ in range(20):
        p.grad = torch.from_numpy(F.grad(p.detach().numpy()))
        opt.step()
        x, config = sgd_momentum(x, F.grad(x), config)
    np.testing.assert_allclose(config["velocity"], -lr * opt.state[p]["momentum_buffer"].numpy(), rtol=1e-10, atol=1e-14)
