"""Hook: executed blocks. Installs `studynotes_site.shared_runs.SharedRuns` as markdown-exec's Python
formatter, tells it which page and language it is formatting, and fills the build report.

Each block runs once per build for every language and is cached in ``.cache/snippets``
(``STUDYNOTES_CACHE_DIR``; ``STUDYNOTES_CACHE=off`` turns the cache off, a cold build needs none).
A page containing ``<!-- build-report -->`` gets the table of every block's run time and output size.
Under ``mkdocs serve`` a long build says how far it is every few seconds (pages written, blocks run
and taken from the cache), so the author's first build is not minutes of silence.
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

import os
import time
from pathlib import Path

from markdown_exec import formatters
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
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
# progress of the language being built, reported under `mkdocs serve` only (the build's log stays short)
PROGRESS_EVERY_S = 5.0
_serving = "serve" in sys.argv[1:]
_progress = {"pages": 0, "total": 0, "start": 0.0, "shown": 0.0}


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


@event_priority(-200)  # after mkdocs-static-i18n has kept the files of the language being built
def on_files(files: Files, config: MkDocsConfig) -> Files:
    now = time.perf_counter()
    _progress.update(pages=0, total=len(files.documentation_pages()), start=now, shown=now)
    return files


def _report_progress(lang: str, done: bool = False) -> None:
    now = time.perf_counter()
    if not _serving or (now - _progress["shown"] < PROGRESS_EVERY_S and not (done and now - _progress["start"] > PROGRESS_EVERY_S)):
        return
    _progress["shown"] = now
    origins = [run["origin"] for run in _runs.runs]
    LOG.info("studynotes: %s: %d of %d pages written in %.0f s; blocks: %d run, %d from the cache", lang,
             _progress["pages"], _progress["total"], now - _progress["start"],
             sum(o != "cache" for o in origins), origins.count("cache"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _runs.set_page(page_name(page.file.src_uri), page_language(page, config))
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _progress["pages"] += 1
    _report_progress(page_language(page, config), done=_progress["pages"] == _progress["total"])
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
