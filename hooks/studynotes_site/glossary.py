"""The glossary: one table of every term from ``docs/glossary/<slug>.yml``, one row per term.

Each file lists the terms of its post, as entries (`studynotes_site.glossary_entries`: ``ko``,
``en``, notes, search aliases); math in them is written ``$...$``. A term listed by several posts is one
row: the entries must agree on ``en``, the note is the oldest post's (the first that has one), and
the last column links every post that lists it, at the section of its first use in that post's
source (the nearest heading anchor above it). A page containing `GLOSSARY_MARKER` gets the table in
its language, sorted by the term in that language; each row's term carries an id, ``g-`` and the
English term's letters and digits (`row_id`), the same in both languages, so search can link the row.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import yaml

from .glossary_entries import GlossaryError, check_entries, glossary_entries, merge_entries, row_ids  # noqa: F401
from .posts import SAFE_LOADER, collect_posts

GLOSSARY_MARKER = "<!-- glossary -->"
GLOSSARY_HEADERS = {"ko": ("한국어", "English", "설명", "나오는 글"), "en": ("English", "한국어", "Note", "Used in")}
HEADING_ANCHOR = re.compile(r"^#{1,6}\s.*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def term_variants(term: str) -> list[str]:
    """The forms a post may write a term in: ``a / b`` gives both; ``Xavier (Glorot) init`` also gives
    ``Xavier init`` and ``Glorot``."""
    variants = []
    for part in (p.strip() for p in term.split(" / ")):
        bare = re.sub(r"\s+", " ", re.sub(r"\([^()]*\)", " ", part)).strip()
        variants += [part, bare, *(inner.strip() for inner in re.findall(r"\(([^()]*)\)", part))]
    return list(dict.fromkeys(v for v in variants if v))


def prose_lines(markdown: str):
    """(index, line) of the lines of ``markdown`` outside its front matter and fenced code."""
    lines = markdown.split("\n")
    start = 0
    if lines and lines[0] == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i] == "---"), 0)
    fence = None
    for i in range(start, len(lines)):
        opener = FENCE.match(lines[i])
        if fence is None and opener:
            fence = opener.group(1)
        elif fence is not None:
            if lines[i].strip().startswith(fence):
                fence = None
        else:
            yield i, lines[i]


def first_use(markdown: str, term: str) -> str | None:
    """The anchor of the heading at or above the first line (outside code) that uses ``term`` in one
    of its `term_variants` (case-insensitive); None when the post never writes it."""
    return Prose(markdown).first_use(term)


@lru_cache(maxsize=None)
def term_pattern(term: str) -> re.Pattern[str]:
    """One pattern for all of a term's `term_variants`, words apart by a space or hyphen on one line (not
    after a Latin letter: `find_term` checks that, since a pattern that opens with a look-behind is tried
    at every position of the text, several times slower)."""
    flexible = [r"(?:[^\S\n]|-)?".join(re.escape(w) for w in re.split(r"[\s-]+", v)) for v in term_variants(term)]
    return re.compile(rf"(?:{'|'.join(flexible)})", re.I)


def find_term(term: str, text: str) -> int | None:
    """Where ``text`` first writes ``term`` (`term_pattern`) not right after a Latin letter; None if nowhere."""
    pattern, start = term_pattern(term), 0
    while (match := pattern.search(text, start)) is not None:
        at = match.start()
        if at == 0 or not (text[at - 1].isascii() and text[at - 1].isalpha()):
            return at
        start = at + 1
    return None


class Prose:
    """A post's prose lines (`prose_lines`) as one text, with the heading anchor each line is under, so
    that every term is looked up with one search instead of a pass over the lines (the glossary looks
    up every term of every post)."""

    def __init__(self, markdown: str) -> None:
        lines, self.anchors, anchor = [], [], None
        for _, line in prose_lines(markdown):
            heading = HEADING_ANCHOR.match(line)
            if heading:
                anchor = heading.group(1)
            lines.append(line)
            self.anchors.append(anchor)
        self.text = "\n".join(lines)
        self.ends = list(accumulate(len(line) + 1 for line in lines))  # just past each line's newline

    def first_use(self, term: str) -> str | None:
        at = find_term(term, self.text)
        return None if at is None else self.anchors[bisect_right(self.ends, at)]


def short_title(title: str) -> str:
    """A post's title without a trailing parenthesis: "19. 결합 (Joint)" -> "19. 결합"."""
    return re.sub(r"\s*\([^()]*\)$", "", title.strip()) or title


def render_table(entries: list[dict], lang: str) -> str:
    """The entries as one Markdown table in ``lang``: term, translation, note and the posts using it
    (``uses``: (label, link) pairs), sorted by the term in ``lang`` (math markers ignored)."""
    head = GLOSSARY_HEADERS[lang]
    other = "en" if lang == "ko" else "ko"
    rows = [f"| {' | '.join(head)} |", "|---|---|---|---|"]
    ids = row_ids(entries)
    for entry in sorted(entries, key=lambda e: e[lang].replace("$", "").lower()):
        uses = "<br>".join(f"[{label}]({link})" for label, link in entry.get("uses", []))
        rows.append(f"| **{entry[lang]}**{{ #{ids[entry['ko']]} }} | {entry[other]} | {entry.get('note_' + lang, '')} | {uses} |")
    return "\n".join(rows)


def render_glossary(docs_dir: Path, lang: str) -> str:
    """The merged table of every post's terms, each linked to its first use in each post."""
    posts = collect_posts(docs_dir, lang)[::-1]  # oldest post first
    titles = {p["slug"]: p["title"] for p in posts}
    files = {p.stem: p for p in (docs_dir / "glossary").glob("*.yml")}
    unknown = sorted(set(files) - set(titles))
    if unknown:
        raise GlossaryError(f"glossary files without a post: {', '.join(unknown)}")
    loaded = []
    for slug in [p["slug"] for p in posts if p["slug"] in files]:
        entries = yaml.load(files[slug].read_text(encoding="utf-8"), Loader=SAFE_LOADER) or []
        check_entries(slug, entries)
        loaded.append((slug, entries))
    sources = {slug: Prose((docs_dir / "posts" / f"{slug}.{lang}.md").read_text(encoding="utf-8")) for slug, _ in loaded}
    entries = merge_entries(loaded)
    other = "en" if lang == "ko" else "ko"
    for entry in entries:
        entry["uses"] = []
        for slug in entry["posts"]:
            anchor = sources[slug].first_use(entry[lang]) or sources[slug].first_use(entry[other])
            link = f"posts/{slug}.md" + (f"#{anchor}" if anchor else "")
            entry["uses"].append((short_title(titles[slug]), link))
    # a class for the narrow-screen layout (docs/stylesheets/nav.css: one block per term on a phone)
    return f'<div class="sn-glossary" markdown>\n\n{render_table(entries, lang)}\n\n</div>'


def post_anchors(docs_dir: Path, slug: str, lang: str, source: str) -> list[str | None]:
    """What the glossary shows of one post besides its title: the anchor of the first use of each of the
    terms in its ``docs/glossary/<slug>.yml`` (the preview rebuilds the glossary only when they move)."""
    path = docs_dir / "glossary" / f"{slug}.yml"
    entries = (yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or []) if path.is_file() else []
    prose, other = Prose(source), "en" if lang == "ko" else "ko"
    return [prose.first_use(e.get(lang, "")) or prose.first_use(e.get(other, "")) for e in entries]


def expand_glossary(markdown: str, docs_dir: Path, lang: str) -> str:
    """``markdown`` with `GLOSSARY_MARKER` replaced by the glossary in ``lang`` (unchanged without it)."""
    if GLOSSARY_MARKER not in markdown:
        return markdown
    return markdown.replace(GLOSSARY_MARKER, render_glossary(docs_dir, lang))
