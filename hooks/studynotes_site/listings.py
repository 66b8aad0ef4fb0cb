"""Listings for a long blog: the home page's newest posts and the archive by year.

A page containing `INDEX_MARKER` (the home page) gets the cards of the newest `HOME_POSTS` posts in its
language and a line with the number of posts, a link to the archive and each category with its
number of posts, as the original blog's index does; a page containing `ARCHIVE_MARKER`
(``docs/archive.<lang>.md``) gets every post under the heading of its year, one line each (date,
title, category). The home page so stays the same size however many posts there are.
"""

from __future__ import annotations

import html
from pathlib import Path

from .posts import CATEGORIES, INDEX_MARKER, category_page, collect_posts, format_date, render_index

ARCHIVE_MARKER = "<!-- post-archive -->"
ARCHIVE_PAGE = "archive.md"
# The home page shows this many newest posts; the archive lists them all (a long blog's home page stays light).
HOME_POSTS = 10
HOME_LINKS = {
    "ko": {"all": "전체 글 {n}편", "archive": "연도별 보관함", "categories": "분류"},
    "en": {"all": "All {n} posts", "archive": "Archive by year", "categories": "Categories"},
}
YEAR_HEADINGS = {"ko": "{year}년 ({n}편)", "en": "{year} ({n})"}


def render_home_links(posts: list[dict], lang: str, root: str = "") -> str:
    """The line under the home page's cards: how many posts there are, the archive, each category with its count."""
    words = HOME_LINKS[lang]
    counts = {key: sum(p["category"] == key for p in posts) for key in CATEGORIES}
    categories = " · ".join(
        f"[{html.escape(CATEGORIES[key][lang])}]({root}{category_page(key)}) {counts[key]}" for key in CATEGORIES
    )
    return (
        '<p class="sn-post-more" markdown="span">'
        f"**{words['all'].format(n=len(posts))}** · [{words['archive']}]({root}{ARCHIVE_PAGE}){{ .sn-post-more__archive }}"
        f" · {words['categories']}: {categories}</p>"
    )


def render_archive(posts: list[dict], lang: str, root: str = "") -> str:
    """Every post in the order given (newest first), under one heading per year: date, title, category."""
    parts = []
    years = sorted({p["date"].year for p in posts}, reverse=True)
    for year in years:
        listed = [p for p in posts if p["date"].year == year]
        parts.append(f"## {YEAR_HEADINGS[lang].format(year=year, n=len(listed))} {{ #year-{year} }}\n")
        for post in listed:
            category = html.escape(CATEGORIES[post["category"]][lang])
            parts.append(
                f"- <time datetime=\"{post['date'].isoformat()}\">{format_date(post['date'], lang)}</time> "
                f"[{post['title']}]({root}posts/{post['slug']}.md) · "
                f"[{category}]({root}{category_page(post['category'])}){{ .sn-archive__category }}"
            )
        parts.append("")
    return '<div class="sn-archive" markdown>\n\n' + "\n".join(parts) + "\n</div>"


def expand_index(markdown: str, docs_dir: Path, lang: str, posts: list[dict] | None = None) -> str:
    """``markdown`` with `INDEX_MARKER` replaced by the newest `HOME_POSTS` cards in ``lang`` and the line
    linking the archive and the categories (unchanged without it). ``posts``: `collect_posts` if given."""
    if INDEX_MARKER not in markdown:
        return markdown
    posts = collect_posts(docs_dir, lang) if posts is None else posts
    listing = render_index(posts[:HOME_POSTS], lang) + "\n\n" + render_home_links(posts, lang)
    return markdown.replace(INDEX_MARKER, listing)


def expand_archive(markdown: str, docs_dir: Path, lang: str, posts: list[dict] | None = None) -> str:
    """``markdown`` with `ARCHIVE_MARKER` replaced by every post in ``lang`` by year (unchanged without it)."""
    if ARCHIVE_MARKER not in markdown:
        return markdown
    posts = collect_posts(docs_dir, lang) if posts is None else posts
    return markdown.replace(ARCHIVE_MARKER, render_archive(posts, lang))
