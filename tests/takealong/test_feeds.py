"""One Atom feed per language: every post with its title, date, category, excerpt and link, newest first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest

from takealongtools import DOCS, feeds
from takealongtools import posts as post_module

SITE = "https://example.org/studynotes/"


def feed(lang: str, posts=None) -> feedparser.FeedParserDict:
    root = SITE + ("" if lang == "ko" else "en/")
    posts = post_module.collect_posts(DOCS, lang) if posts is None else posts
    text = feeds.atom_feed(posts, lang, root, root + "feed.xml", f"studynotes ({lang})", "notes")
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def sources(lang: str) -> dict[str, dict]:
    """Front matter of every post file of ``lang``, read here with plain YAML."""
    import yaml

    out = {}
    for path in (DOCS / "posts").glob(f"*.{lang}.md"):
        text = path.read_text(encoding="utf-8")
        out[path.name[: -len(f".{lang}.md")]] = yaml.safe_load(text.split("---\n")[1])
    return out


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_feed_lists_every_post_of_its_language(lang) -> None:
    parsed = feed(lang)
    assert parsed.version == "atom10"
    assert parsed.feed.language == lang
    meta = sources(lang)
    assert len(parsed.entries) == len(meta)
    for entry in parsed.entries:
        slug = entry.link.removeprefix(SITE + ("" if lang == "ko" else "en/") + "posts/").rstrip("/")
        assert slug in meta, entry.link
        assert entry.title == meta[slug]["title"]
        assert dt.date(*entry.published_parsed[:3]) == meta[slug]["date"]
        assert entry.tags[0].term == meta[slug]["category"]
        assert entry.summary == " ".join(meta[slug]["excerpt"].split())


def test_entries_are_newest_first_and_dated_from_front_matter() -> None:
    for lang in ("ko", "en"):
        dates = [dt.date(*e.published_parsed[:3]) for e in feed(lang).entries]
        assert dates == sorted(dates, reverse=True)
        parsed = feed(lang)
        assert dt.date(*parsed.feed.updated_parsed[:3]) == max(dates)


def test_languages_differ_only_in_words() -> None:
    ko, en = feed("ko"), feed("en")
    assert [e.published for e in ko.entries] == [e.published for e in en.entries]
    assert [e.title for e in ko.entries] != [e.title for e in en.entries]
    assert all("/en/posts/" in e.link for e in en.entries) and not any("/en/" in e.link for e in ko.entries)
    assert {t.label for e in ko.entries for t in e.tags} >= {"머신러닝"}


def test_text_is_escaped(tmp_path: Path) -> None:
    post = {"title": 'A < B & "C"', "date": dt.date(2024, 5, 6), "category": "ml", "excerpt": "x <b>y</b>", "slug": "a"}
    entry = feed("en", [post]).entries[0]
    assert entry.title == 'A < B & "C"'
    assert dt.date(*entry.updated_parsed[:3]) == dt.date(2024, 5, 6)


def test_a_feed_without_posts_is_refused() -> None:
    with pytest.raises(post_module.PostError):
        feeds.atom_feed([], "en", SITE, SITE + "feed.xml", "t", "s")
