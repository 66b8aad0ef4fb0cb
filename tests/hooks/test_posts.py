"""Front matter, the list of posts and the home index, without a build."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hooktools import write_post
from studynotes_site.listings import ARCHIVE_MARKER, HOME_POSTS, expand_archive, expand_index
from studynotes_site.posts import (
    CATEGORIES,
    INDEX_MARKER,
    PostError,
    collect_posts,
    course_order,
    expand_category,
    insert_post_meta,
    neighbours,
    page_key,
    parse_front_matter,
    render_index,
)


def test_front_matter_is_the_yaml_between_the_rulers() -> None:
    assert parse_front_matter("---\ntitle: A\ndate: 2024-01-02\n---\n\n# A\n") == {"title": "A", "date": dt.date(2024, 1, 2)}
    assert parse_front_matter("# no header\n---\n") == {}
    assert parse_front_matter("---\n---\nbody\n") == {}
    with pytest.raises(PostError, match="no closing ---"):
        parse_front_matter("---\ntitle: A\n")


def test_posts_come_newest_first_and_order_breaks_ties(tmp_path) -> None:
    write_post(tmp_path, "old", "en", title="Old", date="2023-05-01", category="ml", excerpt="x")
    write_post(tmp_path, "new-a", "en", title="A", date="2024-01-01", category="stat110", excerpt="x", order=1)
    write_post(tmp_path, "new-b", "en", title="B", date="2024-01-01", category="stat110", excerpt="x", order=2)
    write_post(tmp_path, "korean", "ko", title="K", date="2025-01-01", category="ml", excerpt="x")
    assert [p["slug"] for p in collect_posts(tmp_path, "en")] == ["new-b", "new-a", "old"]
    assert [p["slug"] for p in collect_posts(tmp_path, "ko")] == ["korean"]


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"title": "T", "date": "2024-01-01", "category": "ml"}, "front matter lacks excerpt"),
        ({"title": "T", "date": "2024-01-01", "category": "physics", "excerpt": "x"}, "category must be one of"),
        ({"title": "T", "date": "soon", "category": "ml", "excerpt": "x"}, "date must be YYYY-MM-DD"),
    ],
)
def test_bad_front_matter_names_the_file(tmp_path, meta, message) -> None:
    write_post(tmp_path, "broken", "ko", **meta)
    with pytest.raises(PostError, match=message) as error:
        collect_posts(tmp_path, "ko")
    assert "broken.ko.md" in str(error.value)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_index_card_links_the_post_under_its_category_and_date(lang) -> None:
    post = {"slug": "s", "title": "Title <1>", "date": dt.date(2024, 3, 9), "category": "ml", "excerpt": "  Ex.\n"}
    card = render_index([post], lang)
    label = CATEGORIES["ml"][lang]
    # the label links to the category's page, relative to the page the cards are on
    assert f"[{label}](category/ml.md){{ .sn-post-card__category }}" in card
    assert f"[{label}](../category/ml.md)" in render_index([post], lang, root="../")
    shown = {"ko": "2024. 03. 09.", "en": "2024-03-09"}[lang]
    assert f'<time datetime="2024-03-09">{shown}</time>' in card
    assert "## [Title <1>](posts/s.md) { #post-s }" in card
    assert "\n\nEx.\n\n</article>" in card


def test_index_keeps_the_order_it_is_given() -> None:
    posts = [
        {"slug": slug, "title": slug, "date": dt.date(2024, 1, day), "category": "ml", "excerpt": "x"}
        for slug, day in (("b", 1), ("a", 2))
    ]
    card = render_index(posts, "en")
    assert card.index("#post-b") < card.index("#post-a")
    assert card.count("<article") == 2


def test_expand_index_replaces_only_the_marker(tmp_path) -> None:
    write_post(tmp_path, "one", "en", title="One", date="2024-01-01", category="cs231n", excerpt="x")
    page = f"# Home\n\n{INDEX_MARKER}\n\nAfter.\n"
    out = expand_index(page, tmp_path, "en")
    assert out.startswith("# Home\n\n<article") and out.endswith("</p>\n\nAfter.\n")
    assert INDEX_MARKER not in out
    assert expand_index("# No marker\n", tmp_path / "missing", "en") == "# No marker\n"  # reads nothing


def _many_posts(docs, count: int) -> list[str]:
    """``count`` posts in both languages, one a month from 2020-01 on, rotating the categories; newest first."""
    keys = sorted(CATEGORIES)
    for i in range(count):
        for lang in ("ko", "en"):
            write_post(docs, f"p{i:03d}", lang, title=f"T{i}", date=f"{2020 + i // 12}-{i % 12 + 1:02d}-01",
                       category=keys[i % len(keys)], excerpt=f"excerpt {i}")
    return [f"p{i:03d}" for i in reversed(range(count))]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_home_shows_the_newest_posts_and_links_the_archive_and_every_category(tmp_path, lang) -> None:
    newest_first = _many_posts(tmp_path, 30)
    out = expand_index(INDEX_MARKER, tmp_path, lang)
    cards = re.findall(r"\(posts/(p\d+)\.md\) \{ #post-", out)
    assert cards == newest_first[:HOME_POSTS]
    more = out[out.rindex("</article>"):]
    assert "(archive.md)" in more
    for key in CATEGORIES:  # each category with the number of its posts (30 posts, 3 categories: 10 each)
        assert f"](category/{key}.md) 10" in more
    assert {"ko": "전체 글 30편", "en": "All 30 posts"}[lang] in more


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_archive_lists_every_post_once_under_its_year(tmp_path, lang) -> None:
    newest_first = _many_posts(tmp_path, 30)  # 2020-01 .. 2022-06
    out = expand_archive(f"# Archive\n\n{ARCHIVE_MARKER}\n", tmp_path, lang)
    years = re.findall(r"^## (.*) \{ #year-(\d+) \}$", out, re.M)
    assert [y for _, y in years] == ["2022", "2021", "2020"]
    assert [label for label, _ in years] == ({"ko": ["2022년 (6편)", "2021년 (12편)", "2020년 (12편)"],
                                              "en": ["2022 (6)", "2021 (12)", "2020 (12)"]}[lang])
    listed = re.findall(r"\]\(posts/(p\d+)\.md\)", out)
    assert listed == newest_first
    for slug in newest_first:  # each under the heading of its own year
        i = int(slug[1:])
        section = out[out.index(f"{{ #year-{2020 + i // 12} }}"):]
        assert f"(posts/{slug}.md)" in section.split("\n## ")[0]
    assert expand_archive("# No marker\n", tmp_path / "missing", lang) == "# No marker\n"


def _three_posts(docs) -> None:
    write_post(docs, "p-old", "en", title="Old", date="2023-01-01", category="stat110", excerpt="x")
    write_post(docs, "p-new", "en", title="New", date="2024-06-01", category="stat110", excerpt="x")
    write_post(docs, "c-mid", "en", title="Mid", date="2023-09-01", category="cs231n", excerpt="x")
    write_post(docs, "p-ko", "ko", title="K", date="2023-05-01", category="stat110", excerpt="x")


def test_category_page_lists_only_its_posts_newest_first_in_its_language(tmp_path) -> None:
    _three_posts(tmp_path)
    page = expand_category("<!-- category-index: stat110 -->\n", tmp_path, "en")
    assert page.startswith("# Stat 110 posts { #category }\n")
    assert page.count("<article") == 2 and "c-mid" not in page and "p-ko" not in page
    assert page.index("(../posts/p-new.md)") < page.index("(../posts/p-old.md)")
    korean = expand_category("<!-- category-index: stat110 -->\n", tmp_path, "ko")
    assert korean.startswith("# Stat 110 글 목록") and korean.count("<article") == 1 and "p-ko" in korean
    assert expand_category("# Other page\n", tmp_path / "missing", "en") == "# Other page\n"
    with pytest.raises(PostError, match="unknown category 'physics'"):
        expand_category("<!-- category-index: physics -->", tmp_path, "en")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_post_meta_goes_right_under_the_title(lang) -> None:
    post = {"slug": "s", "date": dt.date(2022, 2, 14), "category": "cs231n"}
    out = insert_post_meta("---\n# Lecture 7 { #l7 }\n\nFirst paragraph.\n", post, lang).split("\n")
    assert out[1] == "# Lecture 7 { #l7 }" and out[2] == ""
    shown = {"ko": "2022. 02. 14.", "en": "2022-02-14"}[lang]
    assert out[3] == (f'<p class="sn-post__meta" markdown="span">[CS231n](../category/cs231n.md){{ .sn-post__category }}'
                      f' · <time datetime="2022-02-14">{shown}</time></p>')
    assert out[4:] == ["", "First paragraph.", ""]
    with pytest.raises(PostError, match="no '# ' title"):
        insert_post_meta("## Only a section\n", post, lang)


def test_reading_order_follows_the_course_and_stops_at_its_end(tmp_path) -> None:
    _three_posts(tmp_path)
    posts = collect_posts(tmp_path, "en")
    # the menu's order, not the dates: p-old is listed before p-new
    menu = ["index.md", "category/stat110.md", "posts/p-old.md", "posts/p-new.md", "category/cs231n.md",
            "posts/c-mid.md", "glossary.md"]
    stat110 = ["category/stat110.md", "posts/p-old.md", "posts/p-new.md"]
    for key in stat110:
        assert course_order(menu, posts, key) == stat110
    assert neighbours(stat110, "category/stat110.md") == (None, "posts/p-old.md")
    assert neighbours(stat110, "posts/p-old.md") == ("category/stat110.md", "posts/p-new.md")
    assert neighbours(stat110, "posts/p-new.md") == ("posts/p-old.md", None)
    assert course_order(menu, posts, "posts/c-mid.md") == ["category/cs231n.md", "posts/c-mid.md"]
    for outside in ("index.md", "glossary.md", "category/physics.md"):
        assert course_order(menu, posts, outside) is None
    assert neighbours(stat110, "glossary.md") is None
    assert page_key("posts/p-new.en.md", "en") == "posts/p-new.md" and page_key("index.ko.md", "ko") == "index.md"
    assert page_key("posts/a.ko.md", "en") == "posts/a.ko.md"