"""studynotes: the small NumPy package behind the bilingual study-notes site.

Each topic is a subpackage; its public API is what its ``__init__`` exports.

- `studynotes.prob`: Stat 110 probability: closed forms, exact PMFs, joint distributions and simulations.
- `studynotes.nn`: CS231n lecture 6: activations, initializers, layers with backward passes, a small network.
- `studynotes.optim`: CS231n lecture 7: update rules, learning-rate schedules, Newton steps, test functions.
- `studynotes.linear`: regularization: scalers, Lasso and Ridge, regularization paths, Lp norms.
- `studynotes.plotting`: turns matplotlib figures into inline SVG for the site.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
