"""Hook: the site's stylesheet and the browser assets served from ``node_modules`` (``npm ci``, pinned by
package-lock.json); nothing is committed and nothing loads from a CDN. on_files adds them to the site as
generated files:

- ``assets/stylesheets/studynotes.css``: every stylesheet of the site in one file. on_config replaces the entries
  of ``extra_css`` that are the site's own (``assets/stylesheets/math.css``, Temml's stylesheet for its MathML,
  which hooks/formulas.py renders, and ``docs/stylesheets/*.css``, which stay separate files for the author) with
  this one file, and on_files writes it: the sources one after the other in the order ``extra_css`` lists them,
  so the rules cascade as before. Every stylesheet in ``<head>`` holds the first paint back until it has
  arrived, and on a phone's link each request costs a round trip or more: one file instead of four. The print
  rules come along (``print.css`` keeps them inside ``@media print``; about 1 KB gzip).
- in it, Temml's rules have their font pointed at the math font the build writes (``assets/fonts/sn-math.woff2``,
  Latin Modern Math cut down to the characters the formulas use);
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
JOINED_URI = "assets/stylesheets/studynotes.css"
# a url() in a joined source would be resolved from the joined file's folder, not its own
RELATIVE_URL = re.compile(r"""url\(\s*['"]?(?![a-z][a-z0-9+.-]*:|/|#)""", re.I)

_joined: list[str] = []  # the extra_css entries joined into JOINED_URI, in their order


def stylesheet() -> str:
    """Temml's Latin Modern stylesheet, its fonts pointed at the ones this site serves."""
    css = (TEMML / "dist" / "Temml-Latin-Modern.css").read_text(encoding="utf-8")
    css, fonts = re.subn(
        r"@font-face \{\s*font-family: Latin Modern Math;\s*src: url\('./latinmodernmath.woff2'\);\s*\}",
        '@font-face {\n  font-family: "SN Math";\n  src: url("../fonts/sn-math.woff2") format("woff2");\n'
        "  font-display: swap;\n}",
        css,
    )
    # Hangul in \text{...} falls through to the page's own font
    css, families = re.subn(r'math \{\s*font-family: "Latin Modern Math", math;\s*\}',
                            'math {\n  font-family: "SN Math", var(--md-text-font-family, sans-serif), math;\n}', css)
    # Temml's own font (primes, script capitals) is drawn in the fallback until it arrives, not left invisible
    css, temml = re.subn(r"(@font-face \{\s*font-family: 'Temml';\s*src: url\('Temml\.woff2'\) format\('woff2'\);)",
                         r"\1\n  font-display: swap;", css)
    if fonts != 1 or families != 1 or temml != 1:
        raise PluginError(f"{TEMML}/dist/Temml-Latin-Modern.css has changed: update stylesheet() in hooks/assets.py")
    return css.replace("url('Temml.woff2')", "url('../fonts/Temml.woff2')")


def own_stylesheet(uri: str) -> bool:
    return uri == CSS_URI or uri.startswith("stylesheets/")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # mkdocs-static-i18n runs on_config again for the other language, where mkdocstrings adds its stylesheet
    # a second time: each entry is kept once
    css = list(dict.fromkeys(str(uri) for uri in config.extra_css))
    own = [i for i, uri in enumerate(css) if own_stylesheet(uri)]
    if own:
        if own != list(range(own[0], own[-1] + 1)):
            raise PluginError("extra_css: list the site's stylesheets one after the other (hooks/assets.py joins them)")
        _joined[:] = css[own[0]:own[-1] + 1]
        css[own[0]:own[-1] + 1] = [JOINED_URI]
    config.extra_css = css
    return config


def joined_stylesheet(docs_dir: Path) -> str:
    """The site's stylesheets as one, in the order extra_css lists them."""
    parts = []
    for uri in _joined:
        if uri == CSS_URI:
            css = stylesheet()
        else:
            css = (docs_dir / uri).read_text(encoding="utf-8")
            if RELATIVE_URL.search(css) or "@import" in css:
                raise PluginError(f"docs/{uri}: a relative url() or an @import would break when joined into {JOINED_URI}")
        parts.append(f"/* {uri} */\n{css.strip()}\n")
    return "\n".join(parts)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not (TEMML / "package.json").is_file():
        raise PluginError(f"Temml not found at {TEMML}: run `npm ci` (or `make install`) first.")
    # written to a file first: mkdocs-static-i18n handles generated files that have a source path only
    css = joined_stylesheet(Path(config.docs_dir))
    css_file = Path(tempfile.gettempdir()) / f"studynotes-css-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
    if not css_file.is_file():
        css_file.write_text(css, encoding="utf-8")
    for uri in _joined:
        if (source := files.get_file_from_path(uri)) is not None:
            files.remove(source)  # served inside the joined file only
    generated = {
        JOINED_URI: {"abs_src_path": str(css_file)},
        "assets/fonts/Temml.woff2": {"abs_src_path": str(TEMML / "dist" / "Temml.woff2")},
    }
    for uri, source in generated.items():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, **source))
    return files
