"""Front matter, the list of posts and the home index, without a build."""

from __future__ import annotations

import datetime as dt

import pytest
from hooktools import write_post
from studynotes_site.posts import (
    CATEGORIES,
    INDEX_MARKER,
    PostError,
    collect_posts,
    expand_index,
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
    assert f'<span class="sn-post-card__category">{label}</span>' in card
    shown = {"ko": "2024. 03. 09.", "en": "2024-03-09"}[lang]
    assert f'<time datetime="2024-03-09">{shown}</time>' in card
    assert "### [Title <1>](posts/s.md) { #post-s }" in card
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
    assert out.startswith("# Home\n\n<article") and out.endswith("</article>\n\nAfter.\n")
    assert INDEX_MARKER not in out
    assert expand_index("# No marker\n", tmp_path / "missing", "en") == "# No marker\n"  # reads nothing
