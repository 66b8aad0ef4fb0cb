"""Search per language: the joint index and sitemap split so each language searches only itself.

After every language is built, ``search/search_index.json`` holds both; English entries
(``en/...``) go to English's ``en/search/`` with paths relative to ``en/``, and
``en/sitemap.xml`` lists the English address of every page (Material's instant navigation reads the
sitemap next to its ``base``; the theme override points English pages' ``base`` at ``en/``).

Each language's entries then get what the glossary knows (`search_documents`): the glossary page's
table becomes one entry per row (its term, translation, note and posts, at the row's id), and each
post's page entry gets the terms of its glossary file, in both languages, with their aliases: as
``keywords`` the terms it teaches (marked ``teaches: true`` where several posts list a term; a term
one post lists, or none marks, is taught by each), as ``related`` the others. `studynotes_site.search_index` writes them as the static, chunked index.

Under ``mkdocs serve --dirty`` the indexes are written after each rebuild in the background, from every
page's entries kept in memory (`kept`): `studynotes_site.search_preview`.
"""

from __future__ import annotations

import html
import json
import re
import sys
import types
from pathlib import Path

from .glossary import GLOSSARY_HEADERS
from .glossary_entries import glossary_entries, row_ids
from .search_index import write_index

SITEMAP_URL = re.compile(r"<url>.*?</url>", re.S)


def kept() -> dict:
    """What the search keeps while ``mkdocs serve`` runs (the entries' counts, every page's search entries,
    the background update): a module of its own, which survives the reloading of hooks and of this package."""
    name = "studynotes_search_state"
    return sys.modules.setdefault(name, types.ModuleType(name)).__dict__


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


ROW = re.compile(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", re.S)
ROW_ID = re.compile(r'^<strong id="([^"]+)">(.*)</strong>$', re.S)
LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S)
LEADING_PARAGRAPHS = re.compile(r"^(?:\s*<p>.*?</p>)*", re.S)


def glossary_rows(page_html: str, lang: str, aliases: dict[str, list[str]]) -> list[dict]:
    """One search entry per row of the glossary table in a built glossary page: the term as its title,
    its translation and note, and the posts that use it (their titles: the result itself is a link);
    ``aliases`` (by row id) become its ``keywords``."""
    used_in = GLOSSARY_HEADERS[lang][3]
    rows = []
    for term, other, note, uses in ROW.findall(page_html):
        named = ROW_ID.match(term.strip())
        if not named:
            continue
        row, title = named.groups()
        posts = ", ".join(p.strip() for p in LINK.findall(uses))
        text = f"<p>{other.strip()}{'. ' + note.strip() if note.strip() else ''}</p><p>{used_in}: {posts}</p>"
        rows.append({"location": f"glossary/#{row}", "title": title.strip(), "text": text,
                     "keywords": " ; ".join(aliases.get(row, []))})
    return rows


def search_documents(docs: list[dict], entries: list[dict], glossary_html: str | None, lang: str) -> list[dict]:
    """A language's search entries with the glossary's knowledge added (see the module's docstring)."""
    ids = row_ids(entries)
    aliases = {ids[e["ko"]]: [*e.get("aliases_ko", []), *e.get("aliases_en", []), e["ko"] if lang == "en" else e["en"]]
               for e in entries}
    keywords: dict[str, dict[str, list[str]]] = {}
    for entry in entries:
        words = [entry["ko"], entry["en"], *entry.get("aliases_ko", []), *entry.get("aliases_en", [])]
        teachers = entry.get("teaches") or entry["posts"]
        for slug in entry["posts"]:
            field = "keywords" if slug in teachers else "related"
            keywords.setdefault(f"posts/{slug}/", {}).setdefault(field, []).extend(words)
    out = []
    for doc in docs:
        location = doc["location"]
        if location == "glossary/" and glossary_html is not None:
            intro = LEADING_PARAGRAPHS.match(doc.get("text", "")).group(0).strip()
            out.append({**doc, "text": intro})
            out.extend(glossary_rows(glossary_html, lang, aliases))
            continue
        if location in keywords:
            doc = {**doc, **{field: html.escape(" ; ".join(words), quote=False) for field, words in keywords[location].items()}}
        out.append(doc)
    return out


def language_indexes(site: Path, docs_dir: Path | None, index: dict):
    """Each language's ``(prefix, {config, docs})`` from a joint index (none when it holds no English entry),
    with the glossary's rows and terms when ``docs_dir`` is given; a generator, so that a preview's
    update can stop between languages."""
    split = split_index(index)
    if split is None:
        return
    entries = glossary_entries(docs_dir) if docs_dir is not None and (docs_dir / "glossary").is_dir() else []
    for lang, one, prefix in (("ko", split[0], ""), ("en", split[1], "en/")):
        page = site / prefix / "glossary" / "index.html"
        glossary_html = page.read_text(encoding="utf-8") if entries and page.is_file() else None
        yield prefix, {"config": {**one["config"], "lang": [lang]}, "docs": search_documents(one["docs"], entries, glossary_html, lang)}


def split_search_index(site: Path, docs_dir: Path | None = None, counted: dict | None = None) -> None:
    """Give each language its own search index (and English its own sitemap for instant navigation):
    the static index of `studynotes_site.search_index`, with the glossary's rows and terms when
    ``docs_dir`` is given. ``counted`` is `search_index.build`'s cache, kept between rebuilds."""
    path = site / "search" / "search_index.json"
    for prefix, index in language_indexes(site, docs_dir, json.loads(path.read_text(encoding="utf-8"))):
        write_index(site / prefix / "search", index, f"{prefix}search/", counted)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    (site / "en" / "sitemap.xml").write_text(english_sitemap(sitemap), encoding="utf-8")
