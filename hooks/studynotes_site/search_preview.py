"""The search index under ``mkdocs serve --dirty``: written after each rebuild, in the background.

Each rebuild is a generation. Its update writes each language's shards and pages into a folder of its
own, ``search/preview-<generation>/`` (``en/search/...`` for English), which no served manifest names
yet, and then, under a short lock and only if no newer rebuild has started meanwhile, moves each
manifest (``search_index.json``, whose ``sn.path`` names that folder) over the served one with
`os.replace`. A reader thus loads either the previous manifest, whose folder stays until the
generation after, or the new one, whose files are all written: never half of one and half of the
other. A rebuild that starts supersedes the update in flight (`supersede`): it gives up at its next
step and removes its folder; the rebuild then writes its own update from every page's entries, which
it merges before the page is served, so the last edit's index is the one that stays.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from pathlib import Path

from .preview import merge_index
from .search import english_sitemap, kept, language_indexes
from .search_index import write_index

PREVIEW_FOLDER = "preview-"


def _write_text(path: Path, text: str) -> None:
    """``text`` into ``path`` at once: a reader finds the old file or the new one, whole."""
    temporary = path.with_name(f".{path.name}.{threading.get_ident()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def supersede() -> int:
    """A rebuild starts: the update in flight, if any, gives up before it replaces anything (it may still
    be computing: it stops at its next step). Returns the new generation."""
    state = kept()
    with state.setdefault("lock", threading.Lock()):
        state["generation"] = state.get("generation", 0) + 1
        return state["generation"]


def wait_for_update() -> None:
    """Wait for the update `update_in_background` is writing, if any (the server stops: the last one completes)."""
    update = kept().get("update")
    if update is not None and update.ident is not None:  # started
        update.join()


class Superseded(Exception):
    """A newer rebuild has started: this update is given up."""


def update_in_background(root: Path, docs_dir: Path, rebuilt: set[str], log: logging.Logger,
                         start: bool = True) -> threading.Thread | None:
    """Under ``mkdocs serve --dirty``, after a rebuild (the ``rebuilt`` pages: their addresses in the joint
    index it wrote): every page's search entries, with those of the rebuilt pages replaced, merged at
    once (the next rebuild merges into them), the served manifests put back over the joint index the
    rebuild wrote in their place, and each language's index written from the entries in a thread of
    its own, so the rebuilt page is served meanwhile (see above); the server's first build writes it at
    once and returns None. Returns the thread (not yet started when ``start`` is false: the caller
    starts it once it has finished its own work)."""
    path = root / "search" / "search_index.json"
    if not path.is_file():
        return None
    state = kept()
    lock = state.setdefault("lock", threading.Lock())
    generation = state.setdefault("generation", 0)
    index = json.loads(path.read_text(encoding="utf-8"))  # the pages this rebuild built, both languages
    entries = state.setdefault("entries", {})
    previous = entries.get(str(root))
    if previous is not None:
        index["docs"] = merge_index(previous, index["docs"], rebuilt)
    entries[str(root)] = index["docs"]
    sitemap = _read(root / "sitemap.xml")
    served: dict[str, str] = state.setdefault("served", {})  # manifest path -> the text it was given
    with lock:
        for manifest, text in served.items():
            if Path(manifest).parent.is_relative_to(root) and _read(Path(manifest)) != text:
                _write_text(Path(manifest), text)
    counted = state.setdefault("counted", {})

    def check() -> None:
        if state["generation"] != generation:
            raise Superseded

    def update() -> None:
        start = time.perf_counter()
        folder = f"{PREVIEW_FOLDER}{generation}"
        written: list[tuple[Path, Path]] = []  # (the generation's manifest, the served one it replaces)
        replaced: list[Path] = []
        try:
            for prefix, one in language_indexes(root, docs_dir, index):
                log.debug("preview: search index %s%s: entries in %.2f s", prefix, folder, time.perf_counter() - start)
                check()
                search = root / prefix / "search"
                write_index(search / folder, one, f"{prefix}search/{folder}/", counted, check)
                log.debug("preview: search index %s%s: written in %.2f s", prefix, folder, time.perf_counter() - start)
                counted.pop(("written", str(search / folder)), None)  # a folder is written once
                counted.pop(("page texts", str(search / folder)), None)
                written.append((search / folder / "search_index.json", search / "search_index.json"))
            check()
            english = english_sitemap(sitemap) if sitemap is not None else None
            with lock:
                check()
                for new, old in written:  # each manifest last, after every file it names
                    text = new.read_text(encoding="utf-8")
                    os.replace(new, old)
                    served[str(old)] = text
                    replaced.append(old)
                if english is not None and (root / "en").is_dir():
                    _write_text(root / "en" / "sitemap.xml", english)
                previous_folders = state.setdefault("folders", {}).get(str(root), [])
                state["folders"][str(root)] = [folder, *previous_folders[:1]]
        except Superseded:
            _remove(root, folder)
            log.info("preview: the search index of an earlier rebuild was given up for the next one")
            return
        except Exception:  # noqa: BLE001 - shown in the server's log; the next rebuild writes it again
            if not replaced:  # else a served manifest names the folder
                _remove(root, folder)
            log.exception("preview: the search index was not updated")
            return
        for old in previous_folders[1:]:  # a reader may still hold the previous manifest: keep its folder
            _remove(root, old)
        log.info("preview: search index updated in %.1f s", time.perf_counter() - start)

    if previous is None:
        # the server's first build: no index of this site is served yet (the joint index Material's plugin
        # wrote is in its place), so the pages wait for this one instead of offering a search that fails
        update()
        return None
    thread = threading.Thread(target=update, name=f"search index {generation}", daemon=True)
    state["update"] = thread
    if start:
        thread.start()
    return thread


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _remove(root: Path, folder: str) -> None:
    for prefix in ("", "en/"):
        shutil.rmtree(root / prefix / "search" / folder, ignore_errors=True)