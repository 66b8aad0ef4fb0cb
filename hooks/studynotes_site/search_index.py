"""The static search index: one language's search entries as small files a query fetches a few of.

Material's search plugin extracts every page's sections (``{location, title, text}``); Material's
own search would then download all of them, which grows with the blog (about 2.5 MB gzip at 108
posts). Instead, after the index is split per language (`studynotes_site.search`), each language's
folder gets:

- ``search_index.json``: what Material's page script loads and hands to the search worker: its
  ``config`` (with the separator its page highlighter uses) and, under ``config.sn``, how the rest is
  laid out: no documents;
- ``shards/<n>.json``: the term dictionary and postings, split into buckets by a hash of each term's
  key (its first Hangul syllable, or first two other characters), so that a word and every longer
  word it begins are in the same bucket: a query fetches only its words' buckets;
- ``pages/<n>.json``: the results' titles and teasers, one file per page, fetched only for the pages
  a query lists.

Terms come from `studynotes_site.search_terms`, their weights from `studynotes_site.search_weights`;
here the documents are grouped as Material lists results and written out.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from .search_terms import bucket, teaser
from .search_weights import SECTIONS_IN_PAGE, field_counts, kind, weigh

SHARD_BYTES = 24_000  # aim for buckets about this big (raw JSON)


def page_of(location: str) -> str:
    return location.split("#", 1)[0]


def cached_teaser(doc: dict, cache: dict) -> str:
    if kind(doc["location"]) == "index":
        return ""
    text = doc.get("text", "")
    if ("teaser", text) not in cache:
        cache["teaser", text] = teaser(text)
    return cache["teaser", text]


def groups(docs: list[dict]) -> list[list[dict]]:
    """The documents as the results Material lists: one group per page, the page's own entry first
    (an index page's sections, cards of posts, left out); a glossary row is a group of its own, headed by the glossary page's entry (as a header only: a
    document marked ``header``, which no term finds)."""
    by_page: dict[str, list[dict]] = {}
    for doc in docs:
        if kind(doc["location"]) == "index" and "#" in doc["location"]:
            continue  # a post's card on the home, archive or category page: the post is found itself
        by_page.setdefault(page_of(doc["location"]), []).append(doc)
    out = []
    for page, members in by_page.items():
        members = sorted(members, key=lambda d: "#" in d["location"])
        rows = [d for d in members if kind(d["location"]) == "glossary"]
        rest = [d for d in members if kind(d["location"]) != "glossary"]
        if rest:
            out.append(rest)
        head = rest[0] if rest and "#" not in rest[0]["location"] else {"location": page, "title": ""}
        out.extend([{"location": head["location"], "title": head["title"], "text": "", "header": True}, row] for row in rows)
    return out


def build(docs: list[dict], counted: dict | None = None, check: Callable[[], None] = lambda: None) -> dict:
    """The whole index of one language: ``{"pages": [[[location, title, teaser], ...], ...],
    "postings": {term: [doc-id gap, weight, ...]}}``, documents numbered group by group (`groups`).
    ``counted`` keeps, between builds (`mkdocs serve`), what each document's content gives: its
    terms, its page's, its teaser, and the terms' numbers (a vocabulary that only grows). ``check``
    is called now and then, and may raise to stop (`mkdocs serve`: a newer rebuild supersedes this one)."""
    cache: dict = {} if counted is None else counted
    grouped = groups(docs)
    ordered = [d for group in grouped for d in group]
    keys, stats = [], []
    for i, doc in enumerate(ordered):
        if i % 64 == 0:
            check()
        if doc.get("header"):
            keys.append(None)
            stats.append(None)
            continue
        key = ("doc", doc["location"], doc.get("title"), doc.get("text"), doc.get("keywords"), doc.get("related"))
        if key not in cache:
            cache[key] = field_counts(doc)
        keys.append(key)
        stats.append(cache[key])
    # A page's own entry stands for the whole page: its terms and every section's (at SECTIONS_IN_PAGE),
    # scored among the pages, plus HEAD for each term of its head (title, keywords); a section is scored
    # among the sections. A page then ranks by both: how much it is about the query, and its best section.
    start = 0
    for group in grouped:
        head = group[0]
        if not head.get("header") and "#" not in head["location"] and len(group) > 1:
            key = ("page", *keys[start:start + len(group)])
            if key not in cache:
                counts, length = Counter(stats[start][0]), stats[start][1]
                for section_counts, section_length, _ in stats[start + 1:start + len(group)]:
                    for term, tf in section_counts.items():
                        counts[term] += tf * SECTIONS_IN_PAGE
                    length += section_length
                cache[key] = (counts, length, stats[start][2])
            keys[start], stats[start] = key, cache[key]
        start += len(group)
    check()
    postings = weigh(ordered, keys, stats, cache)
    check()
    pages = [[[d["location"], d.get("title", ""), cached_teaser(d, cache)] for d in group] for group in grouped]
    return {"pages": pages, "postings": postings}


def shard(postings: dict[str, list[int]]) -> list[dict[str, list[int]]]:
    """The postings (flattened, as `weigh` gives them) in buckets (see `bucket`) of about `SHARD_BYTES`."""
    size = sum(len(t) + 4 + 4 * len(v) for t, v in postings.items())
    buckets = max(1, round(size / SHARD_BYTES))
    shards: list[dict[str, list[int]]] = [{} for _ in range(buckets)]
    for term in sorted(postings):
        shards[bucket(term, buckets)][term] = postings[term]
    return shards


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write_index(folder: Path, index: dict, path: str, counted: dict | None = None,
                check: Callable[[], None] = lambda: None) -> dict:
    """Write one language's static index into ``folder`` (its ``search/``), replacing what was there;
    ``index`` is Material's ``{config, docs}`` for this language and ``path`` the folder's address
    from the site's root. Returns the written manifest (``search_index.json``). ``check``: see `build`."""
    built = build(index["docs"], counted, check)
    check()
    shards = shard(built["postings"])
    texts = {f"shards/{i}.json": dumps(s) for i, s in enumerate(shards)}
    cache: dict = counted.setdefault(("page texts", str(folder)), {}) if counted is not None else {}
    for i, page in enumerate(built["pages"]):  # most pages are as they were: their text too
        content = tuple(tuple(entry) for entry in page)
        texts[f"pages/{i}.json"] = cache[content] if content in cache else cache.setdefault(content, dumps(page))
    version = hashlib.sha256("".join(f"{k}\0{v}\0" for k, v in sorted(texts.items())).encode()).hexdigest()[:12]
    starts = [0]
    for page in built["pages"]:
        starts.append(starts[-1] + len(page))
    manifest = {
        "config": {**index["config"], "sn": {"path": path, "version": version, "buckets": len(shards), "starts": starts,
                                             "kinds": "".join(kind(page[-1][0])[0] for page in built["pages"])}},
        "docs": [],
    }
    # the files of the previous build that are still right stay (`mkdocs serve`: an edit rewrites few)
    written = counted.setdefault(("written", str(folder)), {}) if counted is not None else {}
    for sub in ("shards", "pages"):
        if (folder / sub).is_dir():
            for path in (folder / sub).iterdir():
                name = f"{sub}/{path.name}"
                if texts.get(name) != written.get(name):
                    path.unlink()
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        if written.get(name) != text or not (folder / name).is_file():
            (folder / name).write_text(text, encoding="utf-8")
    written.clear()
    written.update(texts)
    (folder / "search_index.json").write_text(dumps(manifest), encoding="utf-8")
    return manifest


def inline_index(folder: Path) -> dict:
    """The manifest of ``folder`` with every shard and page inlined (``config.sn.inline``): the offline
    copy's ``search_index.js``, which a page opened from ``file://`` loads as a script (it cannot fetch)."""
    manifest = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    sn = manifest["config"]["sn"]
    sn["inline"] = {
        "shards": [json.loads((folder / "shards" / f"{i}.json").read_text(encoding="utf-8")) for i in range(sn["buckets"])],
        "pages": [json.loads((folder / "pages" / f"{i}.json").read_text(encoding="utf-8")) for i in range(len(sn["starts"]) - 1)],
    }
    return manifest
