"""The author's preview: what a dirty rebuild (``mkdocs serve --dirty``) must know of the pages it skips.

MkDocs' dirty mode reads and renders only the pages whose source is newer than their HTML; every
other page then has no title, so the menu and the previous/next links of each rebuilt page read
"None", and the search index holds only the rebuilt pages. `PreviewState` keeps, from one build to the
next, each page's title and a signature of what other pages show of it (its front matter and its
first heading: the menu, the footers, the home page, the archive and the category pages). A rebuild
gives the skipped pages their titles back; when a page was added or removed, or a signature changed,
every page is rebuilt instead. `merge_index` gives the search index of a dirty rebuild every page:
the rebuilt pages' entries and the previous entries of all the others.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

STATE_FILE = ".preview-state.json"


def signature(source: str) -> str:
    """A digest of what other pages show of a page: its front matter and its first ``# `` heading."""
    head = ""
    if source.startswith("---\n"):
        end = source.find("\n---", 3)
        head = source[: end + 4] if end >= 0 else source
    title = next((line for line in source.splitlines() if line.startswith("# ")), "")
    return hashlib.sha256((head + "\0" + title).encode()).hexdigest()


class PreviewState:
    """Each page's title and signature (by source path), kept in a JSON file beside the built site."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pages: dict[str, dict] = {}
        if path.is_file():
            try:
                self.pages = json.loads(path.read_text(encoding="utf-8"))["pages"]
            except (ValueError, KeyError):
                self.pages = {}  # a damaged file: the next rebuild is a whole one

    def stale(self, signatures: dict[str, str], lang: str) -> list[str]:
        """The pages of ``lang`` that make all its pages out of date: added, removed, or with a new signature
        (every page when nothing is known yet)."""
        known = {k: v["signature"] for k, v in self.pages.items() if v["lang"] == lang}
        changed = sorted(set(signatures) ^ set(known))
        return changed + sorted(k for k in set(signatures) & set(known) if known[k] != signatures[k])

    def title(self, src_uri: str) -> str | None:
        entry = self.pages.get(src_uri)
        return entry["title"] if entry else None

    def record(self, src_uri: str, title: str | None, signature: str, lang: str, anchors: list | None = None) -> None:
        self.pages[src_uri] = {"title": title, "signature": signature, "lang": lang, "anchors": anchors}

    def forget_missing(self, present: set[str]) -> None:
        self.pages = {k: v for k, v in self.pages.items() if k in present}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps({"pages": self.pages}, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def entry_page(location: str) -> str:
    """The page a search entry belongs to: ``posts/a/#x`` -> ``posts/a/``."""
    return location.split("#", 1)[0]


def merge_index(previous: list[dict], current: list[dict], rebuilt: set[str]) -> list[dict]:
    """The search entries after a dirty rebuild: each page's previous entries, replaced by the current
    ones for the ``rebuilt`` pages (page addresses as in the index), in the previous order; a page
    rebuilt for the first time goes at the end."""
    fresh: dict[str, list[dict]] = {}
    for entry in current:
        page = entry_page(entry["location"])
        if page in rebuilt:
            fresh.setdefault(page, []).append(entry)
    merged, placed = [], set()
    for entry in previous:
        page = entry_page(entry["location"])
        if page not in rebuilt:
            merged.append(entry)
        elif page not in placed:
            merged.extend(fresh.get(page, []))
            placed.add(page)
    for page, entries in fresh.items():
        if page not in placed:
            merged.extend(entries)
    return merged
