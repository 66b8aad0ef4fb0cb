"""Reference trajectories of torch.optim on Rosenbrock's valley, stored for the optimizer tests (``make oracles``).

The package's update rules are checked against PyTorch without making torch a test dependency:
this script runs each ``torch.optim`` optimizer from the same start for the same number of steps,
in float64, with the gradient computed by torch's autograd from the formula
``(a - x)^2 + b (y - x^2)^2`` (not by the package), and writes every iterate to
``tests/optim/data/torch-trajectories.json``. ``tests/optim/test_torch_parity.py`` compares the
package with that file always, and with a fresh run of this script whenever torch is importable.

Needs only NumPy and torch; the CPU build is enough (``make oracles`` installs it with pip).
``--check`` compares a fresh run with the stored file instead of writing it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "optim" / "data" / "torch-trajectories.json"

X0 = [-1.2, 1.0]
STEPS = 200
ROSENBROCK = {"a": 1.0, "b": 100.0}
MOMENTUM_STATE_STEPS = 20

# name -> (torch.optim class, keyword arguments). The package-side settings live in the test.
CASES: dict[str, tuple[str, dict]] = {
    "sgd": ("SGD", {"lr": 1e-3}),
    "momentum": ("SGD", {"lr": 5e-4, "momentum": 0.9}),
    "nesterov": ("SGD", {"lr": 5e-4, "momentum": 0.9, "nesterov": True}),
    "adagrad": ("Adagrad", {"lr": 0.1, "eps": 1e-10}),
    "rmsprop": ("RMSprop", {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8}),
    "adam": ("Adam", {"lr": 1e-2, "betas": [0.9, 0.999], "eps": 1e-8}),
}


def _rosenbrock_grad(torch, p):
    """Gradient of Rosenbrock's function at ``p`` by autograd (independent of the package's formula)."""
    q = p.detach().clone().requires_grad_(True)
    a, b = ROSENBROCK["a"], ROSENBROCK["b"]
    value = (a - q[0]) ** 2 + b * (q[1] - q[0] ** 2) ** 2
    (grad,) = torch.autograd.grad(value, q)
    return grad


def _kwargs(kwargs: dict) -> dict:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in kwargs.items()}


def trajectories() -> dict:
    """Run every case in torch and return the JSON-ready document (iterates as lists of floats)."""
    import torch

    torch.use_deterministic_algorithms(True)
    document: dict = {
        "generated_by": "scripts/oracles.py",
        "torch_version": torch.__version__.split("+")[0],
        "objective": {"name": "rosenbrock", **ROSENBROCK},
        "x0": X0,
        "steps": STEPS,
        "cases": {},
    }
    for name, (cls, kwargs) in CASES.items():
        p = torch.tensor(X0, dtype=torch.float64, requires_grad=True)
        opt = getattr(torch.optim, cls)([p], **_kwargs(kwargs))
        path = [p.detach().tolist()]
        for _ in range(STEPS):
            opt.zero_grad()
            p.grad = _rosenbrock_grad(torch, p)
            opt.step()
            path.append(p.detach().tolist())
        document["cases"][name] = {"optimizer": cls, "kwargs": kwargs, "path": path}

    # PyTorch's momentum buffer after a few steps (the package's velocity is -lr times it).
    cls, kwargs = CASES["momentum"]
    p = torch.tensor(X0, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, cls)([p], **_kwargs(kwargs))
    for _ in range(MOMENTUM_STATE_STEPS):
        p.grad = _rosenbrock_grad(torch, p)
        opt.step()
    document["momentum_buffer"] = {
        "case": "momentum",
        "steps": MOMENTUM_STATE_STEPS,
        "value": opt.state[p]["momentum_buffer"].tolist(),
    }
    return document


def dump(document: dict) -> str:
    # one iterate per line keeps diffs readable; floats are written with repr, which round-trips exactly
    text = json.dumps(document, indent=1)
    pair = re.compile(r"\[\s*([-+0-9.eE]+),\s*([-+0-9.eE]+)\s*\]")
    return pair.sub(r"[\1, \2]", text) + "\n"


def differences(stored: dict, fresh: dict, atol: float = 1e-12) -> list[str]:
    """What differs between two documents: settings exactly, iterates to ``atol`` (ulps may vary by CPU)."""
    import numpy as np

    found = []
    for key in ("objective", "x0", "steps"):
        if stored[key] != fresh[key]:
            found.append(f"{key}: {stored[key]!r} != {fresh[key]!r}")
    if set(stored["cases"]) != set(fresh["cases"]):
        found.append(f"cases: {sorted(stored['cases'])} != {sorted(fresh['cases'])}")
    for name in set(stored["cases"]) & set(fresh["cases"]):
        old, new = stored["cases"][name], fresh["cases"][name]
        if (old["optimizer"], old["kwargs"]) != (new["optimizer"], new["kwargs"]):
            found.append(f"{name}: settings differ")
        elif not np.allclose(old["path"], new["path"], rtol=0, atol=atol):
            gap = np.max(np.abs(np.subtract(old["path"], new["path"])))
            found.append(f"{name}: iterates differ by up to {gap:.3g}")
    old, new = stored["momentum_buffer"], fresh["momentum_buffer"]
    if old["steps"] != new["steps"] or not np.allclose(old["value"], new["value"], rtol=0, atol=atol):
        found.append("momentum_buffer differs")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare a fresh run with the stored file, write nothing")
    parser.add_argument("--output", type=Path, default=DATA, help=f"where to write (default {DATA.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    try:
        document = trajectories()
    except ImportError:
        sys.exit("torch is not installed: `make oracles` installs the CPU build, or pip install torch==2.13.0")
    if args.check:
        stored = json.loads(args.output.read_text(encoding="utf-8"))
        found = differences(stored, document)
        print(f"torch {document['torch_version']}: {'DIFFERS FROM' if found else 'matches'} {args.output}")
        for line in found:
            print("  " + line)
        return 1 if found else 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(dump(document), encoding="utf-8")
    print(f"wrote {args.output} (torch {document['torch_version']}, {len(CASES)} optimizers x {STEPS} steps)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
