"""Hook: MathJax, copied from ``node_modules/mathjax`` (``npm ci``, pinned by package-lock.json) into the site.

Nothing is committed and nothing loads from a CDN: on_files adds the combined ``tex-chtml.js`` and
the parts it loads on demand as generated files under ``assets/mathjax/``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

MATHJAX = Path(__file__).resolve().parent.parent / "node_modules" / "mathjax" / "es5"
# tex-chtml.js is the combined component; the rest is what it loads on demand.
MATHJAX_PARTS = ["tex-chtml.js", "input/tex/extensions", "output/chtml/fonts/woff-v2", "a11y", "ui"]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not (MATHJAX / "tex-chtml.js").is_file():
        raise PluginError(f"MathJax not found at {MATHJAX}: run `npm ci` (or `make install`) first.")
    for part in MATHJAX_PARTS:
        src = MATHJAX / part
        paths = [src] if src.is_file() else sorted(p for p in src.rglob("*") if p.is_file())
        for path in paths:
            uri = "assets/mathjax/" + path.relative_to(MATHJAX).as_posix()
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
