"""The build logic under hooks/ is imported as MkDocs imports it: with hooks/ on the path."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for path in (HERE.parents[1] / "hooks", HERE):  # the build logic, and hooktools
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
