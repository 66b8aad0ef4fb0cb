"""The author's loop: under ``mkdocs serve --dirty`` (``make serve``), rebuild exactly the pages an edit touches.

MkDocs' dirty mode rebuilds a page only when its Markdown file is newer than its built HTML, so an
edit to an example in ``snippets/`` or to the package in ``src/`` would not show. This hook marks a
page as modified when a snippet it includes, or (for a page that executes code) any file of the
package, is newer than the page's built HTML. Full builds (``mkdocs build``, ``make build``, the
tests) never set ``dirty`` and are unaffected.

It also keeps dirty rebuilds from slowing down one after another: Material's search plugin carries
the previous index into the next dirty build, and mkdocs-static-i18n stacks every build's entries
and removes duplicates pairwise, so the entries (and a quadratic deduplication) grew with every
rebuild (3 s, 9 s, 39 s for three edits on this machine). Each dirty build starts from an empty
index instead: the preview's search then covers the pages rebuilt since the last full build.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

INCLUDE = re.compile(r'^\s*--8<--\s+"([^"]+)"', re.M)
EXECUTES = re.compile(r'^\s*```\w+[^\n]*\bexec="(?:1|true)"', re.M)

# MkDocs imports hook files afresh for every rebuild under `serve` but calls on_startup only once, so
# the mode is also read from the command line (as mkdocs-static-i18n does).
_dirty = "serve" in sys.argv[1:] and "--dirty" in sys.argv[1:]


def on_startup(command: str, dirty: bool) -> None:
    global _dirty
    _dirty = command == "serve" and dirty


def on_pre_build(config: MkDocsConfig) -> None:
    if not _dirty:
        return
    for plugin in config.plugins.values():
        if getattr(plugin, "building", False):
            return  # a language built inside the i18n plugin's own pass: keep what that pass stacks
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
    snippets, package = root / "snippets", root / "src"
    package_mtime = _newest(package.rglob("*.py")) if package.is_dir() else 0.0
    for file in files.documentation_pages():
        built = Path(file.abs_dest_path)
        if not built.is_file():
            continue  # never built: MkDocs builds it anyway
        source = Path(file.abs_src_path).read_text(encoding="utf-8")
        inputs = _newest(snippets / name for name in INCLUDE.findall(source))
        if EXECUTES.search(source):
            inputs = max(inputs, package_mtime)
        if inputs > built.stat().st_mtime:
            _mark_modified(file)
    return nav


def _mark_modified(file: File) -> None:
    file.is_modified = lambda: True  # type: ignore[method-assign]
