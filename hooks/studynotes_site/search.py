"""Search per language: the joint index and sitemap split so each language searches only itself.

After every language is built, ``search/search_index.json`` holds both; English entries
(``en/...``) move to ``en/search/search_index.json`` with paths relative to ``en/``, and
``en/sitemap.xml`` lists the English address of every page (Material's instant navigation reads the
sitemap next to its ``base``; the theme override points English pages' ``base`` at ``en/``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

SITEMAP_URL = re.compile(r"<url>.*?</url>", re.S)


def split_index(index: dict) -> tuple[dict, dict] | None:
    """The Korean and the English index from a joint one (None when it holds no English entry)."""
    english = [d for d in index["docs"] if d["location"].startswith("en/")]
    if not english:
        return None  # already split, or an English-only intermediate index
    korean = [d for d in index["docs"] if not d["location"].startswith("en/")]
    en_index = {"config": {**index["config"], "lang": ["en"]}, "docs": [{**d, "location": d["location"][3:]} for d in english]}
    return {**index, "docs": korean}, en_index


def english_sitemap(sitemap: str) -> str:
    """The sitemap with each entry's address replaced by its English alternate (entries without one dropped)."""

    def english_entry(match: re.Match[str]) -> str:
        block = match.group(0)
        alternate = re.search(r'hreflang="en" href="([^"]+)"', block)
        return re.sub(r"<loc>[^<]*</loc>", f"<loc>{alternate.group(1)}</loc>", block) if alternate else ""

    return SITEMAP_URL.sub(english_entry, sitemap)


def split_search_index(site: Path) -> None:
    """Give each language its own search index (and English its own sitemap for instant navigation)."""
    path = site / "search" / "search_index.json"
    split = split_index(json.loads(path.read_text(encoding="utf-8")))
    if split is None:
        return
    ko_index, en_index = split
    (site / "en" / "search").mkdir(parents=True, exist_ok=True)
    for target, data in ((path, ko_index), (site / "en" / "search" / "search_index.json", en_index)):
        target.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    (site / "en" / "sitemap.xml").write_text(english_sitemap(sitemap), encoding="utf-8")
