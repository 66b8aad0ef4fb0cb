"""Reading the static search index (hooks/studynotes_site/search_index.py) as the search worker does:
its manifest, the pages' entries, and the documents a term's bucket lists."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from studynotes_site.search_terms import bucket  # noqa: E402


class StaticIndex:
    """One language's index, read through ``read(path relative to the site) -> text`` (a file or a URL)."""

    def __init__(self, read: Callable[[str], str], lang: str) -> None:
        self.read = read
        self.folder = "search/" if lang == "ko" else "en/search/"
        self.manifest = json.loads(read(self.folder + "search_index.json"))
        self.sn = self.manifest["config"]["sn"]
        self.data = self.sn["path"]  # where the shards and pages are, from the site's root (as the worker reads it)
        self._pages: list[list] | None = None

    @property
    def entries(self) -> list[dict]:
        """Every entry, in document order: ``{location, title, text}`` (text: the teaser)."""
        if self._pages is None:
            self._pages = [json.loads(self.read(f"{self.data}pages/{i}.json")) for i in range(len(self.sn["starts"]) - 1)]
        return [{"location": e[0], "title": e[1], "text": e[2]} for page in self._pages for e in page]

    def documents(self, term: str) -> list[str]:
        """The locations of the documents that hold ``term`` (as the worker finds them)."""
        shard = json.loads(self.read(f"{self.data}shards/{bucket(term, self.sn['buckets'])}.json"))
        values, doc, found = shard.get(term, []), 0, []
        for i in range(0, len(values), 2):
            doc += values[i]
            found.append(doc)
        entries = self.entries
        return [entries[d]["location"] for d in found]


def site_reader(site: Path) -> Callable[[str], str]:
    return lambda path: (site / path).read_text(encoding="utf-8")
