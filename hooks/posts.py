"""Hook: posts. Built from each post's front matter by `studynotes_site.posts`: the home page's list
of the newest posts with links to the archive and the categories (``<!-- post-index -->``), the
archive by year (``<!-- post-archive -->``), the category pages (``<!-- category-index: KEY -->``),
the category and date under each post's title, and the footer's previous/next links of a course's
pages, which stay inside the course: its category page, then its posts in the menu's order (lecture 6 ↔
lecture 7), no link past the last one. Other pages keep MkDocs' menu order. Bad front matter fails the
build naming the file.

The posts are read once per build and language (every page asks for its neighbours: reading them
for each page grew with the square of the number of posts).
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from studynotes_site.markup import page_language
from studynotes_site.listings import expand_archive, expand_index
from studynotes_site.posts import (
    PostError,
    check_post,
    collect_posts,
    expand_category,
    insert_post_meta,
    course_order,
    neighbours,
    page_key,
)

# one build's posts per language (`mkdocs serve` loads this file afresh for every rebuild)
_posts: dict[tuple[str, str], list[dict]] = {}


def posts_of(docs_dir: Path, lang: str) -> list[dict]:
    key = (str(docs_dir), lang)
    if key not in _posts:
        _posts[key] = collect_posts(docs_dir, lang)
    return _posts[key]


def on_pre_build(config: MkDocsConfig) -> None:
    _posts.clear()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = page_language(page, config)
    docs_dir = Path(config.docs_dir)
    try:
        key = page_key(page.file.src_uri, lang)
        if key.startswith("posts/"):
            check_post(page.file.src_uri, page.meta)
            markdown = insert_post_meta(markdown, {**page.meta, "slug": key[6:-3]}, lang)
        if "<!-- " not in markdown:
            return markdown
        posts = posts_of(docs_dir, lang)
        markdown = expand_archive(expand_index(markdown, docs_dir, lang, posts), docs_dir, lang, posts)
        return expand_category(markdown, docs_dir, lang, posts)
    except PostError as error:
        raise PluginError(str(error)) from error


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Previous/next of a course's category page and posts stay inside the course; other pages keep the nav's."""
    lang = page_language(page, config)
    try:
        posts = posts_of(Path(config.docs_dir), lang)
    except PostError as error:
        raise PluginError(str(error)) from error
    key = page_key(page.file.src_uri, lang)
    pages = {page_key(p.file.src_uri, lang): p for p in nav.pages}
    order = course_order(list(pages), posts, key)
    found = neighbours(order, key) if order else None
    if found is not None:
        page.previous_page, page.next_page = (pages.get(k) if k else None for k in found)
    return context
