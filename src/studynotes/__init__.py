"""studynotes: the small NumPy package behind the bilingual study-notes site.

Each topic is a subpackage; its public API is what its ``__init__`` exports.

- `studynotes.prob`: Stat 110 probability (closed forms and simulations).
- `studynotes.plotting`: turns matplotlib figures into inline SVG for the site.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
