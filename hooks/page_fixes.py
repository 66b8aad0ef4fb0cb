"""Hook: page fixes that no theme extension point covers.

- Pygments' plain-token spans are removed from each finished page (`studynotes_site.markup`).
- Tab sets lose Material's `data-tabs` mark (the browser alone switches them), and the code of a closed tab
  is plain text until the tab is opened, its highlighting kept as runs in `data-sn-hl` (`studynotes_site.markup`).
- The sidebars lose the template's indentation between tags (`studynotes_site.markup.compact_sidebars`).
- Numbers and hyphenated words in table cells are kept whole across line breaks (`studynotes_site.cells`).
- On Korean pages a particle written against a closing bracket or other punctuation never starts a line
  (`studynotes_site.linebreaks`).
- mkdocs-static-i18n's notice about instant navigation is silenced (see below).
- These fixes are a pure function of the page and its language, so each page's result is kept in
  ``.cache/snippets/fixes`` (`studynotes_site.page_cache.PageCache`), found by a digest of the page.
- The 404 page (``overrides/404.html``, both languages on one page) is the Korean build's: mkdocs-static-i18n
  renders the site's static templates again in every language's build, into the same ``404.html``, and the
  last one would give the page English menus, search and ``<html lang>``.

The other page changes are theme overrides in ``overrides/`` (language menu, search dialog label,
``<head>`` alternates, the ``__config`` block's ``base`` for English).
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

import hashlib
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page
from studynotes_site.cells import keep_cell_words_whole
from studynotes_site.linebreaks import glue_particles
from studynotes_site.page_cache import PageCache, cache_folder, tree_digest
from studynotes_site.markup import (
    compact_sidebars,
    defer_hidden_highlighting,
    page_language,
    strip_plain_tokens,
    unmark_tab_sets,
)


def _not_instant_navigation_notice(record: logging.LogRecord) -> bool:
    # mkdocs-static-i18n warns that its per-page switcher links go stale under instant
    # navigation; docs/javascripts/language-switch.js rewrites them after every page change
    # (checked by the browser tests), so this one notice must not fail the strict build.
    return "not compatible with theme.features = navigation.instant" not in str(record.msg)


# the plugin's own logger, named after the builder running it (mkdocs or properdocs)
get_plugin_logger("mkdocs_static_i18n.reconfigure").logger.addFilter(_not_instant_navigation_notice)


_not_found: dict[str, str] = {}
ROOT = Path(__file__).resolve().parent.parent
_fixed: dict = {"cache": None}


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    language = config.theme["language"]
    if language == config.plugins["i18n"].default_language:
        _not_found["page"] = output
        return output
    return _not_found.get("page", output)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _fixed["cache"] = PageCache(cache_folder(ROOT, "fixes"), tree_digest(ROOT, ROOT / "hooks", suffixes=(".py",)))
    return config


def fix_page(output: str, lang: str) -> str:
    output = defer_hidden_highlighting(unmark_tab_sets(strip_plain_tokens(output)))
    output = compact_sidebars(keep_cell_words_whole(output))
    return glue_particles(output) if lang == "ko" else output


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang, cache = page_language(page, config), _fixed["cache"]
    # a pure function of the page and its language: kept per page, by a digest of what it was given
    slot = f"{page.file.src_uri}|{lang}|{config.use_directory_urls}"
    key = cache.key(lang, hashlib.sha256(output.encode()).hexdigest())
    entry = cache.get(slot, key)
    if entry is not None:
        return entry["html"]
    fixed = fix_page(output, lang)
    cache.put(slot, key, {"html": fixed})
    return fixed
