"""The author's loop: under ``mkdocs serve --dirty`` (``make serve``), rebuild the pages an edit touches
and keep every other page right.

MkDocs' dirty mode rebuilds a page only when its Markdown file is newer than its built HTML. This hook:

- marks a page as modified when a snippet it includes, or (for a page that executes code) any file of
  the package, is newer than its HTML, and the glossary when a glossary file is or an edited post
  first uses one of its terms under another heading;
- gives every page it skips its title from the previous build (`studynotes_site.preview`), so the
  menu and the previous/next links of the rebuilt pages show titles, never "None";
- rebuilds every page when a page was added or removed or its front matter or title changed (the
  menu, the footers, the home page, the archive and the category pages show those), and when
  mkdocs.yml, a theme override or a hook changed;
- keeps the search index whole: the rebuilt pages' entries replace their previous ones among every
  page's entries (kept in memory while the server runs), and each language's static index is written
  from them (`studynotes_site.search.split_search_index`, which `hooks/search.py` runs in a full
  build) in a background thread, so the rebuilt page is served without waiting for it (at 108 posts
  the index takes seconds); the server's first build writes it before serving, as there is no
  earlier index to search meanwhile. A newer rebuild supersedes it: the update in flight gives up, and the
  newer rebuild writes its own from the entries, merged before its page is served; each update writes
  into folders of its own and then replaces the served manifests at once, so a reader never finds a
  half-written or mixed index. When the server stops, the last update completes. Each dirty build starts from an empty index
  (Material's search plugin and mkdocs-static-i18n would otherwise stack every build's entries, and
  deduplicate them quadratically: 3 s, 9 s, 39 s for three edits);
- logs which pages it rebuilt and how long the rebuild took, then when the search index is updated.

Full builds (``mkdocs build``, ``make build``, the tests) never set ``dirty`` and are unaffected.
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

import json
import re
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from studynotes_site.glossary import post_anchors
from studynotes_site.markup import other_language_pass, page_language
from studynotes_site.preview import STATE_FILE, PreviewState, signature
from studynotes_site.search_preview import supersede, update_in_background, wait_for_update

INCLUDE = re.compile(r'^\s*--8<--\s+"([^"]+)"', re.M)
EXECUTES = re.compile(r'^\s*```\w+[^\n]*\bexec="(?:1|true)"', re.M)
GLOSSARY = "<!-- glossary -->"
LOG = get_plugin_logger("studynotes").logger

# MkDocs imports hook files afresh for every rebuild under `serve` but calls on_startup only once, so
# the mode is also read from the command line (as mkdocs-static-i18n does).
_dirty = "serve" in sys.argv[1:] and "--dirty" in sys.argv[1:]
# this rebuild (both languages): its start, the site's root, the previous state and search entries,
# and the pages built
_build: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    global _dirty
    _dirty = command == "serve" and dirty


def on_pre_build(config: MkDocsConfig) -> None:
    if not _dirty or other_language_pass(config):
        return
    root = Path(config.site_dir)
    supersede()  # the previous rebuild's index, if still being written, is given up for this one's
    _build.update(start=time.perf_counter(), root=root, state=PreviewState(root / STATE_FILE),
                  built=[], present=set(), sources={})
    for plugin in config.plugins.values():
        if hasattr(plugin, "search_index_prev"):  # Material's search
            plugin.search_index_prev = None
        if isinstance(getattr(plugin, "search_entries", None), list):  # mkdocs-static-i18n
            plugin.search_entries = []


def _newest(paths) -> float:
    return max((p.stat().st_mtime for p in paths if p.is_file()), default=0.0)


@event_priority(-100)  # after mkdocs-static-i18n has given each page its language's address
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if not _dirty:
        return nav
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    snippets, package = root / "snippets", root / "src"
    package_mtime = _newest(package.rglob("*.py")) if package.is_dir() else 0.0
    state: PreviewState | None = _build.get("state")
    pages = list(files.documentation_pages())
    sources = {f.src_uri: Path(f.abs_src_path).read_text(encoding="utf-8") for f in pages}
    _build.setdefault("sources", {}).update(sources)
    _build.setdefault("present", set()).update(sources)
    lang = getattr(pages[0], "locale", None) or config.theme["language"] if pages else ""
    stale = state.stale({k: signature(v) for k, v in sources.items()}, lang) if state else list(sources)
    # the config, the theme overrides and the hooks shape every page
    shapes = [Path(config.config_file_path),
              *(p for d in ("overrides", "hooks") for p in (root / d).rglob("*") if "__pycache__" not in p.parts)]
    if not stale and state is not None and state.path.is_file() and _newest(shapes) > state.path.stat().st_mtime:
        stale = ["mkdocs.yml, overrides/ or hooks/"]
    if stale:
        if state and state.pages:
            LOG.info("preview: %s changed what other pages show: rebuilding every page", ", ".join(stale[:5]))
        for file in pages:
            _mark_modified(file)
        return nav
    # the glossary shows each post's title (a change rebuilds every page) and where it first uses its terms
    glossary_inputs = _newest(docs.glob("glossary/*.yml"))
    for file in pages:
        if file.src_uri.startswith("posts/") and file.is_modified():
            anchors = _anchors(docs, file.src_uri, lang, sources[file.src_uri])
            if state is None or state.pages.get(file.src_uri, {}).get("anchors") != anchors:
                glossary_inputs = float("inf")
    for file in pages:
        built = Path(file.abs_dest_path)
        if not built.is_file():
            continue  # never built: MkDocs builds it anyway
        source = sources[file.src_uri]
        inputs = _newest(snippets / name for name in INCLUDE.findall(source))
        if EXECUTES.search(source):
            inputs = max(inputs, package_mtime)
        if GLOSSARY in source:
            inputs = max(inputs, glossary_inputs)
        if inputs > built.stat().st_mtime:
            _mark_modified(file)
        elif not file.is_modified() and file.page is not None and state is not None:
            title = state.title(file.src_uri)
            if title is not None:
                file.page.title = title  # what the menu and the neighbours' footers show of a skipped page
    return nav


def _anchors(docs: Path, src_uri: str, lang: str, source: str) -> list:
    if src_uri not in _build.setdefault("anchors", {}):
        slug = src_uri.removeprefix("posts/").removesuffix(".md").removesuffix(f".{lang}")
        _build["anchors"][src_uri] = post_anchors(docs, slug, lang, source)
    return _build["anchors"][src_uri]


def _mark_modified(file: File) -> None:
    file.is_modified = lambda: True  # type: ignore[method-assign]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _dirty and "built" in _build:
        lang = page_language(page, config)
        _build["built"].append((page.file.src_uri, page.url, page.title, lang))
        if page.file.src_uri.startswith("posts/"):
            _anchors(Path(config.docs_dir), page.file.src_uri, lang, _build["sources"].get(page.file.src_uri, ""))
    return output


# after the joint search index is written (mkdocs-static-i18n, -100) and its formulas rendered
# (hooks/formulas.py, -150); before hooks/search.py (-200) writes each language's index from it
@event_priority(-180)
def on_post_build(config: MkDocsConfig) -> None:
    if not _dirty or other_language_pass(config) or "state" not in _build:
        return
    update = update_in_background(_build["root"], Path(config.docs_dir), {url for _, url, _, _ in _build["built"]}, LOG,
                                  start=False)
    try:
        state: PreviewState = _build["state"]
        for src_uri, _url, title, lang in _build["built"]:
            state.record(src_uri, title, signature(_build["sources"].get(src_uri, "")), lang,
                         anchors=_build.get("anchors", {}).get(src_uri))
        state.forget_missing(_build["present"])
        state.save()
        names = [f"{src}" for src, _, _, _ in _build["built"]]
        shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
        LOG.info("preview: rebuilt %d pages in %.1f s: %s", len(names), time.perf_counter() - _build["start"], shown)
    finally:
        if update is not None:
            update.start()  # last: the rest of this rebuild does not share the interpreter with it


def on_shutdown() -> None:
    wait_for_update()  # the server stops: the index being written is finished first
