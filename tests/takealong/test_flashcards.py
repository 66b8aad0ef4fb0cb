"""Each post's check-yourself questions as an Anki deck per language: the cards are the page's questions and
answers, math in Anki's MathJax delimiters, ids that survive a reworded question, the same bytes every build."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitetools import LANGS
from takealongtools import front_matter, page_url, post_files, source
from studynotes_site import flashcards

POSTS = post_files()
IDS = [f"{slug}.{lang}" for slug, lang in POSTS]
# a question block as the page's Markdown writes it (independent of the exporter's parser)
QUESTION_LINE = re.compile(r'^\s*\?\?\?\+? question "', re.M)


def cards(deck: bytes, tmp_path: Path) -> list[dict]:
    """The notes of an .apkg (a zip holding Anki's SQLite collection), in the order of their ids."""
    with zipfile.ZipFile(io.BytesIO(deck)) as zf:
        assert set(zf.namelist()) == {"collection.anki2", "media"}
        (tmp_path / "collection.anki2").write_bytes(zf.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        rows = db.execute("select guid, flds, tags from notes order by id").fetchall()
        decks = db.execute("select decks from col").fetchone()[0]
        assert db.execute("select count(*) from cards").fetchone()[0] == len(rows)  # one card a note
    (tmp_path / "collection.anki2").unlink()
    return [{"guid": g, "fields": f.split("\x1f"), "tags": t.split(), "decks": decks} for g, f, t in rows]


def deck(slug: str, lang: str, markdown: str | None = None) -> bytes | None:
    return flashcards.deck_bytes(front_matter(slug, lang), lang, source(slug, lang) if markdown is None else markdown,
                                 page_url(slug, lang), timestamp=1_700_000_000)


@pytest.mark.parametrize(("slug", "lang"), POSTS, ids=IDS)
def test_every_question_of_the_post_is_a_card(slug, lang, tmp_path) -> None:
    text = source(slug, lang)
    data = deck(slug, lang)
    count = len(QUESTION_LINE.findall(text))
    if count == 0:
        assert data is None
        return
    notes = cards(data, tmp_path)
    assert len(notes) == count
    assert [n["guid"] for n in notes] == [flashcards.note_guid(slug, lang, i) for i in range(1, count + 1)]
    assert f"studynotes::{front_matter(slug, lang)['title']}" in [d["name"] for d in json.loads(notes[0]["decks"]).values()]
    for note in notes:
        question, answer, where = note["fields"]
        assert question.strip() and answer.strip() and page_url(slug, lang) in where
        assert {"studynotes", slug, lang} <= set(note["tags"])
        # math reaches Anki as TeX between its MathJax delimiters, never as the page's $...$
        for field in (question, answer):
            assert "$" not in re.sub(r"\\\$", "", field), field
    assert any("\\(" in n["fields"][0] + n["fields"][1] for n in notes) == ("$" in "".join(QUESTION_LINE.split(text)[1:]))


def test_ids_are_unique_and_stable_across_a_reworded_question(tmp_path) -> None:
    guids = [flashcards.note_guid(slug, lang, i) for slug, lang in POSTS for i in range(1, 30)]
    assert len(set(guids)) == len(guids)
    slug, lang = "stat110-lecture-20", "en"
    text = source(slug, lang)
    first = re.search(r'^\?\?\? question "([^"]+)"', text, re.M).group(1)
    reworded = text.replace(first, "A reworded first question about $2X-3Y$?", 1)
    before, after = cards(deck(slug, lang), tmp_path), cards(deck(slug, lang, reworded), tmp_path)
    assert [n["guid"] for n in before] == [n["guid"] for n in after]
    assert before[0]["fields"][0] != after[0]["fields"][0] and before[1:] == after[1:]
    assert "A reworded first question about <span class=\"arithmatex\">\\(2X-3Y\\)</span>?" == after[0]["fields"][0]


def test_the_parser_takes_any_question_block() -> None:
    markdown = (
        "---\ntitle: t\n---\n\n# T\n\n```markdown\n??? question \"not a question: inside a code block\"\n    no\n```\n\n"
        '??? question "First, with \\"quotes\\" and $x^2$?"\n    One line and a display:\n\n    $$\\int_0^1 x\\,dx$$\n\n'
        "    | a | b |\n    |---|---|\n    | 1 | 2 |\n\n"
        "- a list\n\n    ???+ question \"Nested in a list item?\"\n        Yes.\n\nAfter.\n"
    )
    found = flashcards.questions(markdown)
    assert [q.title for q in found] == ['First, with "quotes" and $x^2$?', "Nested in a list item?"]
    assert found[0].answer.endswith("| 1 | 2 |") and found[1].answer == "Yes."
    html = flashcards.render(found[0].answer)
    assert "\\[\\int_0^1 x\\,dx\\]" in html and "<table>" in html
    with pytest.raises(flashcards.PostError, match="question 1"):
        flashcards.questions('# T\n\n??? question "No answer"\n\nText.\n')


def test_the_same_sources_give_the_same_bytes() -> None:
    assert deck("stat110-lecture-19", "ko") == deck("stat110-lecture-19", "ko")


def test_a_kept_deck_is_the_deck_of_its_inputs_and_a_changed_input_makes_a_new_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    slug, lang = "stat110-lecture-19", "ko"
    post, text, url = front_matter(slug, lang), source(slug, lang), page_url(slug, lang)
    first = flashcards.cached_deck_bytes(tmp_path, post, lang, text, url)
    assert first == deck(slug, lang) and len(list(tmp_path.iterdir())) == 1
    # read back from the folder, not made again: a deck planted under the key comes back as it is
    (kept,) = tmp_path.iterdir()
    kept.write_bytes(b"planted")
    assert flashcards.cached_deck_bytes(tmp_path, post, lang, text, url) == b"planted"
    kept.write_bytes(first)
    # a reworded answer, another address or title: another deck, with the new text on its card
    first_question = flashcards.questions(text)[0]
    reworded = text.replace(first_question.answer.splitlines()[0], "A new first line of the answer.", 1)
    changed = flashcards.cached_deck_bytes(tmp_path, post, lang, reworded, url)
    assert changed != first and "A new first line of the answer." in cards(changed, tmp_path)[0]["fields"][1]
    assert flashcards.cached_deck_bytes(tmp_path, post, lang, text, url + "x") != first
    assert flashcards.cached_deck_bytes(tmp_path, {**post, "title": "t"}, lang, text, url) != first
    assert len(list(tmp_path.glob("*.apkg"))) == 4 and not list(tmp_path.glob("*.tmp"))
    # no questions: no deck and nothing kept; no folder: made every time
    assert flashcards.cached_deck_bytes(tmp_path, post, lang, "---\ntitle: x\n---\n# x\n", url) is None
    assert flashcards.cached_deck_bytes(None, post, lang, text, url) == first


class Details(HTMLParser):
    """The page's question blocks: for each, (summary, body) as text, math kept as its TeX where the page has it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.depth = 0  # inside <details class="question">
        self.part = 0
        self.in_math = 0  # inside a <math> element, whose text is MathML's, not the TeX

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if self.depth and tag == "math":  # a formula built as MathML keeps its TeX: read it as Anki's delimiters
            tex = attrs.get("data-tex")
            assert tex is not None, "a formula on the page without its TeX"
            self.blocks[-1][self.part - 1] += rf"\[{tex}\]" if attrs.get("display") == "block" else rf"\({tex}\)"
            self.in_math += 1
        elif tag == "details" and "question" in classes and not self.depth:
            self.depth, self.part = 1, 1
            self.blocks.append(["", ""])
        elif self.depth and tag == "details":
            self.depth += 1

    def handle_endtag(self, tag) -> None:
        if tag == "math" and self.in_math:
            self.in_math -= 1
        elif self.depth and tag == "summary":
            self.part = 2
        elif self.depth and tag == "details":
            self.depth -= 1

    def handle_data(self, data) -> None:
        if self.depth and not self.in_math:
            self.blocks[-1][self.part - 1] += data


def text_of(html: str) -> str:
    parser = Details()
    parser.feed(f'<details class="question"><summary></summary>{html}</details>')
    return " ".join(parser.blocks[0][1].split())


@pytest.mark.parametrize("lang", LANGS)
def test_the_built_pages_link_decks_whose_cards_are_their_questions(built_site, lang, tmp_path) -> None:
    root = built_site if lang == "ko" else built_site / lang
    for slug in sorted(s for s, l in POSTS if l == lang):
        page = root / "posts" / slug / "index.html"
        html = page.read_text(encoding="utf-8")
        parser = Details()
        parser.feed(html)
        link = re.search(r'<a class="sn-flashcards" href="([^"]+)" download="([^"]+)">', html)
        if not parser.blocks:
            assert link is None, slug
            continue
        # the deck sits beside the notebook link, under the title
        takealong = re.search(r'<p class="sn-source-line sn-takealong">.*?</p>', html, re.S).group(0)
        assert link and link.group(0) in takealong and link.group(2) == f"{slug}.apkg", slug
        notes = cards((page.parent / link.group(1)).resolve().read_bytes(), tmp_path)
        assert len(notes) == len(parser.blocks), slug
        for note, (summary, answer) in zip(notes, parser.blocks, strict=True):
            # the page's Korean text holds word joiners (a line-break rule of the site); the card is the text
            summary = summary.replace("\u2060", "")
            assert text_of(note["fields"][0]) == " ".join(summary.split()), slug
            assert text_of(note["fields"][1]) == " ".join(answer.replace("\u2060", "").split()), slug
