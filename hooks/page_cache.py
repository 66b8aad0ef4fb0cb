"""Hook: the page cache. After every other hook has had the page's Markdown, the page's conversion to HTML
is looked up in `studynotes_site.page_cache.PageCache` (``.cache/snippets/pages``; ``STUDYNOTES_CACHE=off``
turns it off with the other caches): a hit sets the page's HTML, table of contents, title, anchors and
anchor links as MkDocs' own conversion would, records its executed blocks for the build report and
registers its cross-reference anchors again; a miss converts the page as ever and keeps the result, unless
the conversion logged a warning. Pages that document the package (mkdocstrings' ``:::``) always convert.
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

import functools
import logging
from pathlib import Path

from markdown_exec import formatters
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from studynotes_site.markup import page_language
from studynotes_site.page_cache import AUTODOC, PageCache, cache_folder, converters_digest, files_digest, toc_data, toc_items, tree_digest
from studynotes_site.shared_runs import source_digest

ROOT = Path(__file__).resolve().parent.parent
_state: dict = {"cache": None, "files": None, "files_digest": ""}
LOG = get_plugin_logger("studynotes").logger


class _Warnings(logging.Handler):
    """Counts the warnings and errors logged while a page converts."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    base = source_digest(ROOT / "src" / "studynotes", Path(config.config_file_path))
    # the folders pymdownx.snippets includes from (the examples), wherever the config puts them
    project = Path(config.config_file_path).parent
    included = [Path(p) for p in config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])]
    code = tree_digest(ROOT, ROOT / "hooks", suffixes=(".py", ".mjs")) + tree_digest(project, *included)
    _state["cache"] = PageCache(cache_folder(ROOT, "pages"), converters_digest(base + code))
    _state["files"] = None
    return config


def _executed_runs() -> list | None:
    """The build report's records of executed blocks (hooks/executed_blocks.py's markdown-exec formatter)."""
    return getattr(getattr(formatters.get("python"), "__self__", None), "runs", None)


def _restore(page: Page, config: MkDocsConfig, files: Files, entry: dict) -> None:
    del page.render  # MkDocs' own method again; the entry is not kept alive by the page
    page.content = entry["html"]
    page.toc = TableOfContents(toc_items(entry["toc"], AnchorLink))
    if page.toc.items:
        page.toc.items[0].active = True  # as MkDocs' get_toc marks it
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    page.links_to_anchors = {files.get_file_from_path(src): links for src, links in entry["links"]}
    runs = _executed_runs()
    if runs is not None:
        runs.extend({**run, "origin": "cache"} for run in entry["runs"])
    autorefs = config.plugins.get("autorefs")
    for identifier, anchor, title, primary in entry["registered"]:
        autorefs.register_anchor(page, identifier, anchor, title=title, primary=primary)


def _convert(page: Page, config: MkDocsConfig, files: Files, slot: str, key: str, render) -> None:
    del page.render
    runs, autorefs = _executed_runs(), config.plugins.get("autorefs")
    first_run, registered, warnings = len(runs or []), [], _Warnings()
    if autorefs is not None:
        original = autorefs.register_anchor

        def register_anchor(at, identifier, anchor=None, *, title=None, primary=True):
            registered.append([identifier, anchor, title, primary])
            return original(at, identifier, anchor, title=title, primary=primary)

        autorefs.register_anchor = register_anchor
    logger = logging.getLogger("mkdocs")  # where the strict build counts warnings (plugins log under it)
    logger.addHandler(warnings)
    try:
        render(config, files)
    finally:
        logger.removeHandler(warnings)
        if autorefs is not None:
            del autorefs.register_anchor  # the class's method again
    if warnings.count:
        return
    _state["cache"].put(slot, key, {
        "html": page.content, "toc": toc_data(page.toc.items), "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": [[file.src_uri, links] for file, links in (page.links_to_anchors or {}).items()],
        "runs": (runs or [])[first_run:], "registered": registered,
    })


@event_priority(-1000)  # the page's final Markdown: after every hook and plugin has changed it
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    cache: PageCache = _state["cache"]
    if cache is None or AUTODOC.search(markdown):
        return markdown
    if _state["files"] is not files:  # once per language build
        _state["files"], _state["files_digest"] = files, files_digest((f.src_uri, f.url) for f in files)
    # a slot per page, language, URL style and set of files: an edit replaces the page's entry, while a
    # copy of the project with another post (the tests, the scale bench) keeps entries of its own
    slot = f"{page.file.src_uri}|{page_language(page, config)}|{config.use_directory_urls}|{_state['files_digest']}"
    key = cache.key(slot, page.url, config.theme["language"], markdown)
    entry = cache.get(slot, key)
    if entry is not None:
        page.render = lambda config, files: _restore(page, config, files, entry)
    else:
        render = functools.partial(Page.render, page)  # MkDocs' own conversion
        page.render = lambda config, files: _convert(page, config, files, slot, key, render)
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    cache: PageCache = _state["cache"]
    if cache is not None and cache.directory is not None:
        LOG.info("pages (%s): %d from the cache, %d converted (and those documenting the package)",
                 config.theme["language"], cache.hits, cache.misses)
