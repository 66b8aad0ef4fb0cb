"""Hook: every formula becomes MathML while the site is built; no page typesets TeX in the browser.

- on_post_page: each finished page's arithmatex formulas (prose, executed-block output, captions, tables,
  glossary, API reference) become Temml's MathML with the TeX as annotation, a formula and the particle after
  it kept on one line (`studynotes_site.formulas.render_page`). Bad TeX is an error naming the page and formula:
  the strict build fails; ``mkdocs serve`` shows the TeX in red.
- on_post_build: the formulas in the search index become MathML too (previews show them typeset); the math
  font is cut down to the characters the formulas use and written as ``assets/fonts/sn-math.woff2``.
- Temml's stylesheet and its small font are served by hooks/assets.py; docs/javascripts/reading.js copies
  a formula as its TeX (``data-tex``).

One ``node`` process renders for the whole build, started only for a formula that ``.cache/math`` does not
hold (next to the executed-block cache; ``STUDYNOTES_CACHE=off`` turns it off).
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

import json
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from studynotes_site.formulas import MathRenderer, render_page, render_search_text
from studynotes_site.markup import other_language_pass
from studynotes_site.mathfont import characters, subset_font

ROOT = Path(__file__).resolve().parent.parent
FONT_SOURCE = ROOT / "hooks" / "vendor" / "latinmodern-math.woff"
FONT_URI = "assets/fonts/sn-math.woff2"
TEMML_FONT_URI = "assets/fonts/Temml.woff2"  # served by hooks/assets.py
TEMML_FONT_USE = re.compile(r'<m[io]\b[^>]*\bclass="[^"]*\b(?:tml-prime|mathscr)\b')  # Temml's stylesheet draws these with it
LOG = get_plugin_logger("studynotes").logger

_renderer: MathRenderer | None = None
_used: dict[str, str] = {}  # every formula's MathML on the site (for the font's characters)
_errors = 0
# `mkdocs serve --dirty` renders only the edited pages again. MkDocs imports hook files afresh for every
# rebuild under `serve` but calls on_startup only once, so the mode is also read from the command line.
_dirty = "serve" in sys.argv[1:] and "--dirty" in sys.argv[1:]


def offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)


def cache_dir() -> Path | None:
    if os.environ.get("STUDYNOTES_CACHE", "on").lower() in {"0", "off", "false", "no"}:
        return None
    snippets = Path(os.environ.get("STUDYNOTES_CACHE_DIR", ROOT / ".cache" / "snippets"))
    return snippets.parent / "math"


def on_startup(command: str, dirty: bool) -> None:
    global _dirty
    _dirty = command == "serve" and dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _renderer, _errors
    if _renderer is not None and other_language_pass(config):
        return config  # one renderer and one list of formulas for both languages of a build
    if _renderer is not None:
        _renderer.close()  # a previous build's (kept formulas saved, its process ended)
    try:
        _renderer = MathRenderer(ROOT, cache_dir())
    except FileNotFoundError as error:
        raise PluginError(str(error)) from error
    _used.clear()
    _errors = 0
    return config


def _render(tex: str, display: bool) -> str:
    mathml = _renderer.render(tex, display)
    _used[mathml] = mathml
    return mathml


@event_priority(-50)  # after the other hooks have finished the page (captions, links)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    global _errors
    if 'class="arithmatex"' not in output:
        return output
    errors: list[tuple[str, str]] = []
    output = render_page(output, _render, errors)
    if not offline(config):
        # the math font is asked for with the page, not when the first formula is laid out (from file://,
        # the offline copy, a preload is refused: fonts there load from the stylesheet alone); Temml's font
        # too where a prime or a script letter uses it. A font first asked for by a layout waits for the
        # scripts that run before that layout: without the preload, Lighthouse's simulated FCP of
        # en/cs231n-lecture-6 was 0.3-2.1 s later in six runs paired with runs of the preloading build.
        fonts = [FONT_URI] + ([TEMML_FONT_URI] if TEMML_FONT_USE.search(output) else [])
        links = "".join(
            f'<link rel="preload" href="{get_relative_url(uri, page.url)}" as="font" type="font/woff2" crossorigin>\n'
            for uri in fonts
        )
        output = output.replace("</head>", f"{links}</head>", 1)
    for tex, message in errors:
        _errors += 1
        LOG.error("%s: bad TeX in the formula %r: %s", page.file.src_uri, tex, message)
    return output


@event_priority(-150)  # after mkdocs-static-i18n (-100) has built every language and written the joint index
def on_post_build(config: MkDocsConfig) -> None:
    if other_language_pass(config):
        return  # the outer build finishes both languages: the joint search index, the font, the cache
    site = Path(config.site_dir)
    try:
        index = site / "search" / "search_index.json"
        if index.is_file():
            data = json.loads(index.read_text(encoding="utf-8"))
            errors: list[tuple[str, str]] = []
            for doc in data.get("docs", []):
                if "\\(" in doc.get("text", "") or "\\[" in doc.get("text", ""):
                    doc["text"] = render_search_text(doc["text"], _render, errors)
                if "\\(" in doc.get("title", ""):
                    doc["title"] = render_search_text(doc["title"], _render, errors)
            for tex, message in errors:
                LOG.error("search index: bad TeX in the formula %r: %s", tex, message)
            index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        if _used:
            # a full build: the characters of this build's formulas; a dirty rebuild renders only the edited
            # pages, so the font keeps the characters of every formula the cache holds as well
            mathml = list(_used.values())
            if _dirty:
                mathml += [entry["html"] for entry in _renderer.cache.values() if entry["html"]]
            subset_font(FONT_SOURCE, characters(mathml), site / FONT_URI, cache_dir())
    finally:
        _renderer.close()
    LOG.info("math: %d formulas, %d of them rendered now (the rest from the cache)", len(_used), _renderer.rendered)


def on_shutdown() -> None:
    if _renderer is not None:
        _renderer.close()
