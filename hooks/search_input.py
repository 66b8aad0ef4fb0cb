"""Hook: search input. Material's search plugin parses each page's HTML for the index; the figures'
SVG, which the index skips (``data-search-exclude``), and the highlighting spans of code blocks are
set aside while it does (`studynotes_site.search_input`: the index stays the same), and put back into
the rendered page before any other hook sees it. What the plugin's parser finds in a page is kept in
``.cache/snippets/search``, keyed by the page's content (`studynotes_site.search_input.section_cache`).
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

import os
from importlib.metadata import version
from pathlib import Path

import material.plugins.search.plugin as search_plugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from studynotes_site.search_input import restore, section_cache, stash

ROOT = Path(__file__).resolve().parent.parent

_stashed: dict[int, list[str]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # the plugin makes a `Parser` of its module for each page: ours reads an unchanged page's sections back
    original = getattr(search_plugin, "sn_original_parser", search_plugin.Parser)  # `mkdocs serve` comes again
    search_plugin.sn_original_parser = original
    enabled = os.environ.get("STUDYNOTES_CACHE", "on").lower() not in {"0", "off", "false", "no"}
    folder = Path(os.environ.get("STUDYNOTES_CACHE_DIR", ROOT / ".cache" / "snippets")) / "search"
    salt = f"{version('mkdocs-material')} {sys.version}"
    search_plugin.Parser = section_cache(original, folder if enabled else None, salt)
    return config


@event_priority(10)  # before the search plugin (0) indexes the page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    page.content, _stashed[id(page)] = stash(page.content or "")
    return context


@event_priority(100)  # first thing once the theme has rendered the page: every other hook sees the figures
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    kept = _stashed.pop(id(page), [])
    page.content = restore(page.content, kept)  # as the page was, for anything that reads it later
    return restore(output, kept)
