"""Hook: posts. Built from each post's front matter by `studynotes_site.posts`: the home page's list
of posts (``<!-- post-index -->``), the category pages (``<!-- category-index: KEY -->``), the
category and date under each post's title, and the footer's previous/next links, which follow the
home list (home, then the posts newest first). Bad front matter fails the build naming the file.
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
from studynotes_site.posts import (
    PostError,
    check_post,
    collect_posts,
    expand_category,
    expand_index,
    insert_post_meta,
    neighbours,
    page_key,
    reading_order,
)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = page_language(page, config)
    docs_dir = Path(config.docs_dir)
    try:
        key = page_key(page.file.src_uri, lang)
        if key.startswith("posts/"):
            check_post(page.file.src_uri, page.meta)
            markdown = insert_post_meta(markdown, {**page.meta, "slug": key[6:-3]}, lang)
        return expand_category(expand_index(markdown, docs_dir, lang), docs_dir, lang)
    except PostError as error:
        raise PluginError(str(error)) from error


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Previous/next of the home page and the posts follow the home list; other pages keep the nav's."""
    lang = page_language(page, config)
    order = reading_order(collect_posts(Path(config.docs_dir), lang))
    found = neighbours(order, page_key(page.file.src_uri, lang))
    if found is not None:
        pages = {page_key(p.file.src_uri, lang): p for p in nav.pages}
        page.previous_page, page.next_page = (pages.get(k) if k else None for k in found)
    return context
