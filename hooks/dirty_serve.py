"""The author's loop: under ``mkdocs serve --dirty`` (``make serve``), rebuild exactly the pages an edit touches.

MkDocs' dirty mode rebuilds a page only when its Markdown file is newer than its built HTML, so an
edit to an example in ``snippets/`` or to the package in ``src/`` would not show. This hook marks a
page as modified when a snippet it includes, or (for a page that executes code) any file of the
package, is newer than the page's built HTML. Full builds (``mkdocs build``, ``make build``, the
tests) never set ``dirty`` and are unaffected.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

INCLUDE = re.compile(r'^\s*--8<--\s+"([^"]+)"', re.M)
EXECUTES = re.compile(r'^\s*```\w+[^\n]*\bexec="(?:1|true)"', re.M)

_dirty = False


def on_startup(command: str, dirty: bool) -> None:
    global _dirty
    _dirty = command == "serve" and dirty


def _newest(paths) -> float:
    return max((p.stat().st_mtime for p in paths if p.is_file()), default=0.0)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not _dirty:
        return files
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
    return files


def _mark_modified(file: File) -> None:
    file.is_modified = lambda: True  # type: ignore[method-assign]
