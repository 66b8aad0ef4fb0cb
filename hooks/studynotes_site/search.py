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

Under ``mkdocs serve --dirty`` the indexes are written after each rebuild in the background
(`update_in_background`), from every page's entries kept in memory (`kept`), each rebuild's into
folders of its own that its manifests replace at once; a newer rebuild supersedes the update in flight.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import shutil
import sys
import threading
import time
import types
from pathlib import Path

from .glossary import GLOSSARY_HEADERS
from .glossary_entries import glossary_entries, row_ids
from .preview import merge_index
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


# -- under `mkdocs serve --dirty` ------------------------------------------------------------------
#
# Each rebuild is a generation. Its update writes each language's shards and pages into a folder of its
# own, ``search/preview-<generation>/`` (``en/search/...`` for English), which no served manifest names
# yet, and then, under a short lock and only if no newer rebuild has started meanwhile, moves each
# manifest (``search_index.json``, whose ``sn.path`` names that folder) over the served one with
# `os.replace`. A reader thus loads either the previous manifest, whose folder stays until the
# generation after, or the new one, whose files are all written: never half of one and half of the
# other. A rebuild that starts supersedes the update in flight (`supersede`): it gives up at its next
# step and removes its folder; the rebuild then writes its own update from every page's entries, which
# it merges before the page is served, so the last edit's index is the one that stays.

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
    its own, so the rebuilt page is served meanwhile (see above). Returns the thread (not yet started
    when ``start`` is false: the caller starts it once it has finished its own work)."""
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
