"""The glossary's entries: what ``docs/glossary/<slug>.yml`` may hold, the files merged into one entry
per term, and each term's row id.

An entry has ``ko`` and ``en`` (required), ``note_ko``/``note_en``, ``aliases_ko``/``aliases_en``
(other words a reader may search the term by, such as 베이즈 정리 for 베이즈 규칙: the search index
finds the term's row and its posts by them, the table does not show them) and ``teaches: true`` (when
several posts list a term, in the file of the one that teaches it: search ranks that post first for the
term). Any other key is refused: a YAML flow entry whose note has an unquoted comma makes one.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .posts import SAFE_LOADER, collect_posts


class GlossaryError(ValueError):
    """A glossary file has no post, an incomplete entry, or disagrees with another; the message names it."""


ENTRY_KEYS = {"ko", "en", "note_ko", "note_en", "aliases_ko", "aliases_en", "teaches"}


def check_entries(slug: str, entries: list) -> None:
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("ko") or not entry.get("en"):
            raise GlossaryError(f"glossary/{slug}.yml entry {i} needs both 'ko' and 'en'")
        if unknown := sorted(set(entry) - ENTRY_KEYS):
            raise GlossaryError(f"glossary/{slug}.yml entry {i} ({entry['ko']}): unknown key {', '.join(unknown)}")
        for key in ("aliases_ko", "aliases_en"):
            aliases = entry.get(key, [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                raise GlossaryError(f"glossary/{slug}.yml entry {i} ({entry['ko']}): {key} must be a list of words")
        if entry.get("teaches", True) is not True:
            raise GlossaryError(f"glossary/{slug}.yml entry {i} ({entry['ko']}): teaches is true or left out")


def row_id(english: str) -> str:
    """The id of a term's row: ``g-`` and the English term's letters and digits, joined by hyphens."""
    return "g-" + (re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-") or "term")


def merge_entries(files: list[tuple[str, list[dict]]]) -> list[dict]:
    """One entry per Korean term over ``files`` ((slug, entries), oldest post first), with ``posts``:
    the slugs that list it, in the order given. Notes come from the first file that has them."""
    merged: dict[str, dict] = {}
    for slug, entries in files:
        for entry in entries:
            row = merged.setdefault(entry["ko"], {"ko": entry["ko"], "en": entry["en"], "posts": [], "first": slug})
            if row["en"] != entry["en"]:
                raise GlossaryError(
                    f"glossary/{slug}.yml: '{entry['ko']}' is '{entry['en']}', glossary/{row['first']}.yml has '{row['en']}'"
                )
            for key in ("note_ko", "note_en"):
                if entry.get(key) and not row.get(key):
                    row[key] = entry[key]
            for key in ("aliases_ko", "aliases_en"):
                row[key] = list(dict.fromkeys(row.get(key, []) + entry.get(key, [])))
            row.setdefault("teaches", [])
            if entry.get("teaches") and slug not in row["teaches"]:
                row["teaches"].append(slug)
            if slug not in row["posts"]:
                row["posts"].append(slug)
    return [{k: v for k, v in row.items() if k != "first"} for row in merged.values()]


def row_ids(entries: list[dict]) -> dict[str, str]:
    """Each entry's row id (by its Korean term), `row_id` with ``-2``, ``-3`` for a repeated one, in the
    entries' order, so both languages give a row the same id."""
    ids: dict[str, str] = {}
    for entry in entries:
        base = candidate = row_id(entry["en"])
        n = 1
        while candidate in ids.values():
            n += 1
            candidate = f"{base}-{n}"
        ids[entry["ko"]] = candidate
    return ids


def glossary_entries(docs_dir: Path) -> list[dict]:
    """Every post's glossary entries merged (`merge_entries`, oldest post first), without links."""
    posts = collect_posts(docs_dir, "en")[::-1]
    files = {p.stem: p for p in (docs_dir / "glossary").glob("*.yml")}
    loaded = []
    for slug in [p["slug"] for p in posts if p["slug"] in files]:
        entries = yaml.load(files[slug].read_text(encoding="utf-8"), Loader=SAFE_LOADER) or []
        check_entries(slug, entries)
        loaded.append((slug, entries))
    return merge_entries(loaded)
