"""Search weights: how much each term of each document counts (BM25 over weighted fields), computed
when the site is built so that the search worker only adds up the weights of a query's terms.

A document is one of Material's search entries (a page's own entry or one of its sections) or a
glossary row; its kind weighs it: a post above a glossary row above another page above an API page,
the home, archive and category pages lowest (found by their titles only). A page's own entry stands
for the whole page: scored among the pages, with its sections' words at `SECTIONS_IN_PAGE` and `HEAD`
for each word of its title or keywords; a section is scored among the sections.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import repeat

import numpy as np

from .search_terms import WORD, joined, plain, stem, tails

INDEX_PAGE = re.compile(r"^(?:|archive/|category/[^/]+/)(?:#|$)")  # home, archive, categories: cards of posts
# field weights: the page's title and the glossary words of its post, a section's title, text
TITLE_PAGE, KEYWORDS, TITLE_SECTION, TEXT = 6.0, 3.0, 3.0, 1.0
TAIL = 0.5  # a compound's tail counts as half an occurrence
SECTIONS_IN_PAGE = 0.5  # a section's terms in its page's own entry
RELATED = 0.3  # the glossary terms a post uses without teaching them (`keywords`: those it teaches)
HEAD = 5.0  # a page's own entry: the weight of a term of its title or keywords, times its idf
KIND = {"post": 1.0, "glossary": 0.6, "page": 0.5, "api": 0.3, "index": 0.15}
K1, B = 1.2, 0.75


def kind(location: str) -> str:
    if location.startswith("posts/"):
        return "post"
    if location.startswith("glossary/#"):
        return "glossary"
    if location.startswith("api/"):
        return "api"
    if INDEX_PAGE.match(location):
        return "index"
    return "page"


def field_counts(doc: dict) -> tuple[Counter, int, dict[str, float]]:
    """A document's terms: their counts weighted by field (`TITLE_PAGE` or `TITLE_SECTION`, `KEYWORDS`,
    `RELATED`, `TEXT`; a compound's tails at `TAIL`), its length in terms, and its head: the terms of
    its title and keywords (1) and related words (`RELATED`), which a page's own entry scores apart."""
    counts: Counter = Counter()
    location = doc["location"]
    is_page = "#" not in location or location.startswith("glossary/#")
    title_weight = TITLE_PAGE if is_page else TITLE_SECTION
    fields = [(doc.get("title", ""), title_weight), (doc.get("keywords", ""), KEYWORDS), (doc.get("related", ""), RELATED)]
    if kind(location) != "index":
        fields.append((doc.get("text", ""), TEXT))
    length = 0
    for text, weight in fields:
        words = Counter(WORD.findall(plain(text).lower()))
        for word, n in words.items():
            term = stem(word)
            if not term:
                continue
            counts[term] += weight * n
            length += n
            for tail in tails(term):
                counts[tail] += weight * n * TAIL
    head: dict[str, float] = {}
    for text, weight in ((doc.get("related", ""), RELATED), (doc.get("title", ""), 1.0), (doc.get("keywords", ""), 1.0)):
        for term in joined(text):
            head[term] = weight
    for term in joined(doc.get("title", "")):
        counts[term] = max(counts[term], title_weight)  # a title's joined compounds count as title words
    return counts, length, head


def weigh(ordered: list[dict], keys: list, bodies: list, cache: dict) -> dict[str, list[int]]:
    """Each term's postings: its documents' weights (BM25 of the weighted counts in the document's
    population, pages or sections, plus `HEAD` for a page's head terms, times the document's kind),
    flattened as ``[doc-id gap, weight, ...]`` in document order. Vectorised: at 108 posts a language
    has about half a million (term, document) pairs."""
    vocabulary: dict[str, int] = cache.setdefault("vocabulary", {})
    parts: dict[str, list] = {"term": [], "tf": [], "head": [], "doc": [], "length": [], "page": [], "n": []}
    for doc_id, doc in enumerate(ordered):
        if bodies[doc_id] is None:
            continue
        counts, length, head = bodies[doc_id]
        page = "#" not in doc["location"]
        column_key = ("columns", page, keys[doc_id])
        if column_key not in cache:
            names = list(counts.keys() | head.keys()) if page else list(counts)
            cache[column_key] = (
                np.array([vocabulary.setdefault(t, len(vocabulary)) for t in names], dtype=np.int64),
                np.array([counts[t] for t in names], dtype=float),
                np.array([head.get(t, 0.0) for t in names] if page else np.zeros(len(names)), dtype=float),
            )
        term_ids, tfs, heads = cache[column_key]
        parts["term"].append(term_ids)
        parts["tf"].append(tfs)
        parts["head"].append(heads)
        parts["doc"].append(doc_id)
        parts["length"].append(float(length))
        parts["page"].append(page)
        parts["n"].append(len(term_ids))
    if not parts["term"]:
        return {}
    term, tf, head = (np.concatenate(parts[k]) for k in ("term", "tf", "head"))
    doc, length, page = (np.repeat(np.array(parts[k]), parts["n"]) for k in ("doc", "length", "page"))
    kinds = np.array([KIND[kind(d["location"])] for d in ordered])
    score = np.zeros(len(doc))
    for population in (True, False):
        rows = page == population
        members = np.unique(doc[rows])
        n = len(members)
        if not n:
            continue
        average = np.array([bodies[i][1] for i in members], dtype=float).mean() or 1.0
        df = np.bincount(term[rows], minlength=len(vocabulary))
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))[term[rows]]
        norm = K1 * (1 - B + B * length[rows] / average)
        score[rows] = idf * tf[rows] * (K1 + 1) / (tf[rows] + norm) + HEAD * idf * head[rows]
    weight = np.maximum(1, np.round(kinds[doc] * score * 100)).astype(np.int64)
    order = np.lexsort((doc, term))
    doc, term, weight = doc[order], term[order], weight[order]
    starts = np.flatnonzero(np.r_[True, term[1:] != term[:-1]])
    gap = doc - np.r_[0, doc[:-1]]
    gap[starts] = doc[starts]  # each term's first document counts from 0
    flat = np.empty(2 * len(doc), dtype=np.int64)
    flat[0::2], flat[1::2] = gap, weight
    values = flat.tolist()
    names = list(vocabulary)
    ends = [*starts[1:].tolist(), len(doc)]
    return {names[t]: values[2 * a:2 * b] for t, a, b in zip(term[starts].tolist(), starts.tolist(), ends)}
