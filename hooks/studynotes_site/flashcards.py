"""Flashcards: a post's check-yourself questions as an Anki deck (``.apkg``), one per post and language.

A question is a ``??? question "..."`` block (pymdownx.details) at any depth: its title is the card's
front, its indented body the back. Both are rendered from the Markdown source with math left as TeX
between Anki's MathJax delimiters, ``\\(...\\)`` inline and ``\\[...\\]`` displayed, so Anki typesets it.
Whatever questions a post has, in whatever order, become its cards.

Ids are stable: the deck's and the note type's from the post's slug and language, each note's guid from
the slug, the language and the question's position in the post (not from its text), so importing the
deck again after a question was reworded updates that card instead of adding a new one. The bytes are
the same for the same sources: notes are dated from ``SOURCE_DATE_EPOCH`` and the zip's entries carry a
fixed date. So a deck is a pure function of its inputs, and `cached_deck_bytes` keeps it on disk, keyed by
them, this code and the libraries' versions (writing a deck's database is most of a cached build's time for
a post).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .posts import PostError, body

QUESTION = re.compile(r'^(?P<indent>[ \t]*)\?\?\?\+?[ \t]+question(?:[ \t]+"(?P<title>(?:[^"\\]|\\.)*)")?[ \t]*$')
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# Markdown's own extensions and pymdownx's, without markdown-exec: an answer's text, tables and math
EXTENSIONS = ["tables", "attr_list", "md_in_html", "def_list", "pymdownx.arithmatex", "pymdownx.superfences"]
EXTENSION_CONFIGS = {"pymdownx.arithmatex": {"generic": True}}

DECK_NAME = {"ko": "studynotes::{title}", "en": "studynotes::{title}"}
CSS = """\
.card { font-family: system-ui, "Noto Sans KR", sans-serif; font-size: 20px; line-height: 1.5; text-align: left;
        color: #1f2328; background: #fff; max-width: 40em; margin: 0 auto; }
.nightMode.card { color: #e6edf3; background: #1e1e1e; }
.sn-front { font-weight: 600; }
.sn-source { font-size: 14px; opacity: .7; margin-top: 1.5em; }
table { border-collapse: collapse; } td, th { border: 1px solid #8888; padding: .2em .5em; }
"""


@dataclass
class Question:
    """One check-yourself question of a post: its position (1, 2, ...), title and answer, as Markdown."""

    index: int
    title: str
    answer: str


def questions(markdown: str) -> list[Question]:
    """Every ``??? question`` block of a page, in order (blocks inside code fences are not questions)."""
    found: list[Question] = []
    lines = body(markdown).splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            close = fence.group(1)
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(close):
                i += 1
            i += 1
            continue
        match = QUESTION.match(line)
        i += 1
        if match is None:
            continue
        indent = len(match.group("indent").expandtabs(4)) + 4
        answer: list[str] = []
        while i < len(lines):
            text = lines[i].expandtabs(4)
            if text.strip() and len(text) - len(text.lstrip()) < indent:
                break
            answer.append(text[indent:])
            i += 1
        title = (match.group("title") or "").replace('\\"', '"')
        text = "\n".join(answer).strip("\n")
        if not title.strip() or not text.strip():
            raise PostError(f"question {len(found) + 1} needs a title in quotes and an indented answer")
        found.append(Question(len(found) + 1, title, text))
    return found


def render(markdown_text: str, inline: bool = False) -> str:
    """Markdown as the HTML a card shows, math as TeX between Anki's MathJax delimiters."""
    import markdown

    html = markdown.markdown(markdown_text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS).strip()
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def stable_id(*parts: str) -> int:
    """A positive id below 2**31 (what Anki's deck and note type ids expect) from ``parts``."""
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(slug: str, lang: str, index: int) -> str:
    """The note's guid: the post, the language and the question's position; never its text."""
    import genanki

    return genanki.guid_for("studynotes", slug, lang, index)


def deck_bytes(post: dict, lang: str, markdown_source: str, page_url: str, timestamp: float | None = None) -> bytes | None:
    """The post's questions as an ``.apkg`` (``None`` when it has none).

    ``post`` is the front matter with its ``slug``; ``page_url`` the post's address, shown under each answer.
    """
    import genanki

    found = questions(markdown_source)
    if not found:
        return None
    slug = post["slug"]
    if timestamp is None:
        timestamp = float(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    model = genanki.Model(
        stable_id("studynotes-model", lang),
        f"studynotes ({lang})",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}],
        templates=[{
            "name": "Card 1",
            "qfmt": '<div class="sn-front">{{Question}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}<div class="sn-source">{{Source}}</div>',
        }],
        css=CSS,
    )
    deck = genanki.Deck(stable_id("studynotes-deck", slug, lang), DECK_NAME[lang].format(title=post["title"]))
    for question in found:
        source = f'<a href="{page_url}">{_escape(post["title"])}</a> · {question.index}'
        deck.add_note(genanki.Note(
            model=model,
            fields=[render(question.title, inline=True), render(question.answer), source],
            guid=note_guid(slug, lang, question.index),
            tags=["studynotes", slug, lang],
        ))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path), timestamp=timestamp)
        return _fixed_dates(path.read_bytes())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fixed_dates(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 (genanki dates them from its temporary files)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def deck_digest(post: dict, lang: str, markdown_source: str, page_url: str, timestamp: float) -> str:
    """The key of a deck: everything `deck_bytes` reads, the code that reads it and the libraries' versions."""
    from importlib.metadata import version

    here = Path(__file__).resolve().parent
    parts = [
        (here / "flashcards.py").read_text(encoding="utf-8"), (here / "posts.py").read_text(encoding="utf-8"),
        *(version(name) for name in ("genanki", "markdown", "pymdown-extensions")),
        post["slug"], post["title"], lang, markdown_source, page_url, repr(float(timestamp)),
    ]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def cached_deck_bytes(cache: Path | None, post: dict, lang: str, markdown_source: str, page_url: str) -> bytes | None:
    """`deck_bytes`, read from ``cache`` (a folder; ``None``: no cache) when it holds the deck of these inputs."""
    if cache is None or not questions(markdown_source):
        return deck_bytes(post, lang, markdown_source, page_url)
    timestamp = float(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    path = cache / f"{deck_digest(post, lang, markdown_source, page_url, timestamp)}.apkg"
    if path.is_file():
        return path.read_bytes()
    data = deck_bytes(post, lang, markdown_source, page_url, timestamp)
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)  # whole or not at all, also beside another build
    return data
