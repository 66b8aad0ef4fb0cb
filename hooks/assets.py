"""Hook: browser assets served from ``node_modules`` (``npm ci``, pinned by package-lock.json); nothing is
committed and nothing loads from a CDN. on_files adds them to the site as generated files:

- ``assets/stylesheets/math.css``: Temml's stylesheet for its MathML (hooks/formulas.py renders the formulas),
  its font rule pointed at the math font the build writes (``assets/fonts/sn-math.woff``, Latin Modern Math
  cut down to the characters the formulas use);
- ``assets/fonts/Temml.woff2``: Temml's small font for script capitals and primes.

A browser downloads a font only for a page that draws a character with it: pages without formulas fetch none.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

TEMML = Path(__file__).resolve().parent.parent / "node_modules" / "temml"
CSS_URI = "assets/stylesheets/math.css"


def stylesheet() -> str:
    """Temml's Latin Modern stylesheet, its fonts pointed at the ones this site serves."""
    css = (TEMML / "dist" / "Temml-Latin-Modern.css").read_text(encoding="utf-8")
    css, fonts = re.subn(
        r"@font-face \{\s*font-family: Latin Modern Math;\s*src: url\('./latinmodernmath.woff2'\);\s*\}",
        '@font-face {\n  font-family: "SN Math";\n  src: url("../fonts/sn-math.woff") format("woff");\n'
        "  font-display: swap;\n}",
        css,
    )
    # Hangul in \text{...} falls through to the page's own font
    css, families = re.subn(r'math \{\s*font-family: "Latin Modern Math", math;\s*\}',
                            'math {\n  font-family: "SN Math", var(--md-text-font-family, sans-serif), math;\n}', css)
    if fonts != 1 or families != 1:
        raise PluginError(f"{TEMML}/dist/Temml-Latin-Modern.css has changed: update stylesheet() in hooks/assets.py")
    return css.replace("url('Temml.woff2')", "url('../fonts/Temml.woff2')")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not (TEMML / "package.json").is_file():
        raise PluginError(f"Temml not found at {TEMML}: run `npm ci` (or `make install`) first.")
    # written to a file first: mkdocs-static-i18n handles generated files that have a source path only
    css = stylesheet()
    css_file = Path(tempfile.gettempdir()) / f"studynotes-math-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
    if not css_file.is_file():
        css_file.write_text(css, encoding="utf-8")
    generated = {
        CSS_URI: {"abs_src_path": str(css_file)},
        "assets/fonts/Temml.woff2": {"abs_src_path": str(TEMML / "dist" / "Temml.woff2")},
    }
    for uri, source in generated.items():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, **source))
    return files
