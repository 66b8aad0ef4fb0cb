"""Hook: executed blocks. Installs `studynotes_site.shared_runs.SharedRuns` as markdown-exec's Python
formatter, tells it which page and language it is formatting, and fills the build report.

Each block runs once per build for every language and is cached in ``.cache/snippets``
(``STUDYNOTES_CACHE_DIR``; ``STUDYNOTES_CACHE=off`` turns the cache off, a cold build needs none).
A page containing ``<!-- build-report -->`` gets the table of every block's run time and output size.
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

import os
from pathlib import Path

from markdown_exec import formatters
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from studynotes_site.markup import attach_captions, page_language, page_name
from studynotes_site.posts import collect_posts
from studynotes_site.report import REPORT_MARKER, render_report
from studynotes_site.shared_runs import BlockCache, SharedRuns, source_digest

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = Path(os.environ.get("STUDYNOTES_CACHE_DIR", ROOT / ".cache" / "snippets"))
# This module's state: the formatter of the current language's build, and the outputs its blocks
# share with the other language's build (kept as long as this file is loaded: one `mkdocs build`, or
# one rebuild of `mkdocs serve`, which loads the hook files again).
_runs: SharedRuns | None = None
# under properdocs, mkdocs.plugins is properdocs.plugins: errors go where that builder counts them
LOG = get_plugin_logger("studynotes").logger
_outputs: dict[str, dict] = {}


def cache_enabled() -> bool:
    return os.environ.get("STUDYNOTES_CACHE", "on").lower() not in {"0", "off", "false", "no"}


def site_languages(config: MkDocsConfig) -> tuple[str, ...]:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("the i18n plugin is not configured")
    # every configured language, built or not: a page is the same in a one-language build
    return tuple(language.locale for language in plugin.config.languages)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _runs
    digest = source_digest(ROOT / "src" / "studynotes", Path(config.config_file_path))
    _runs = SharedRuns(site_languages(config), digest, BlockCache(CACHE_DIR if cache_enabled() else None), _outputs, LOG)
    formatters["python"] = _runs.format
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _runs.set_page(page_name(page.file.src_uri), page_language(page, config))
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output, missing = attach_captions(output)
    for ref in missing:
        LOG.error("%s: a figure refers to #%s, which the page does not hold (write its caption and text "
                  "alternative under the block: { #%s .sn-caption } / .sn-alt)", page.file.src_uri, ref, ref)
    if REPORT_MARKER in output:
        lang = page_language(page, config)
        titles = {f"posts/{p['slug']}": p["title"] for p in collect_posts(Path(config.docs_dir), lang)}
        root = f"{lang}/" if page.url.startswith(f"{lang}/") else ""  # the English pages' folder
        suffix = "/" if config.use_directory_urls else ".html"  # the offline copy's pages are files
        href = lambda name: get_relative_url(f"{root}{name}{suffix}", page.url)  # noqa: E731
        output = output.replace(REPORT_MARKER, render_report(_runs.runs, lang, titles, href), 1)
    return output
