"""studynotes: the small NumPy package behind the bilingual study-notes site.

Each topic is a subpackage; its public API is what its ``__init__`` exports.

- `studynotes.prob`: Stat 110 probability: closed forms, exact PMFs, joint distributions and simulations.
- `studynotes.nn`: CS231n lecture 6: activations, initializers, layers with backward passes, a small network.
- `studynotes.optim`: CS231n lecture 7: update rules, learning-rate schedules, Newton steps, test functions.
- `studynotes.linear`: regularization: scalers, Lasso and Ridge, regularization paths, Lp norms.
- `studynotes.plotting`: turns matplotlib figures into inline SVG for the site.
- `studynotes.tables`: results tables, as Markdown on the site and aligned plain text in a terminal.

Each public function's docstring ends its summary with the post that introduced it, as a link to the
published notes (`SITE_URL`), so ``help()`` shows an address that works outside the site.
"""

__version__ = "0.1.0"

SITE_URL = "https://studynotes.github.io/studynotes/"
"""Where the notes are published. A docstring's "Introduced in" link is ``SITE_URL + "en/posts/<slug>/"``;
the site build maps it back to its own page (``hooks/studynotes_site/api_links.py``)."""

__all__ = ["SITE_URL", "__version__"]
