"""Write hooks/vendor/latinmodern-math.woff, the math font the site's formulas are drawn with.

Its source is Latin Modern Math (GUST e-foundry, GUST Font License), as Debian's ``fonts-lmodern`` installs it
(``apt-get install fonts-lmodern``). The committed file keeps the ranges formulas use (Latin, Greek, the
mathematical operators, arrows and delimiters, the mathematical alphabets) with every OpenType feature and the
MATH table; each build cuts it down again to the characters its formulas hold (hooks/formulas.py).

    .venv/bin/python scripts/math_font.py [path/to/latinmodern-math.otf]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf")
OUT = ROOT / "hooks" / "vendor" / "latinmodern-math.woff"
RANGES = [
    (0x20, 0x7E), (0xA0, 0xFF), (0x300, 0x36F), (0x370, 0x3FF), (0x2000, 0x206F), (0x2070, 0x209F),
    (0x20D0, 0x20FF), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2308, 0x230B), (0x239B, 0x23B3),
    (0x23DC, 0x23E1), (0x27E6, 0x27EF), (0x2980, 0x2990), (0x2A00, 0x2A0C), (0x2A7D, 0x2A7E), (0x2AAF, 0x2AB0),
    (0x1D400, 0x1D59F), (0x1D6A4, 0x1D7E1),
]


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    if not source.is_file():
        sys.exit(f"{source} not found: apt-get install fonts-lmodern, or give the path of latinmodern-math.otf")
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in RANGES for c in range(low, high + 1)])
    subsetter.subset(font)
    font.flavor = "woff"
    font.save(OUT)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
