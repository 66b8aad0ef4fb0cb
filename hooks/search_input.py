"""Hook: search input. Material's search plugin parses each page's HTML for the index; the figures'
SVG, which the index skips (``data-search-exclude``), and the highlighting spans of code blocks are
set aside while it does (`studynotes_site.search_input`: the index stays the same), and put back into
the rendered page before any other hook sees it.
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from studynotes_site.search_input import restore, stash

_stashed: dict[int, list[str]] = {}


@event_priority(10)  # before the search plugin (0) indexes the page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    page.content, _stashed[id(page)] = stash(page.content or "")
    return context


@event_priority(100)  # first thing once the theme has rendered the page: every other hook sees the figures
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    kept = _stashed.pop(id(page), [])
    page.content = restore(page.content, kept)  # as the page was, for anything that reads it later
    return restore(output, kept)
