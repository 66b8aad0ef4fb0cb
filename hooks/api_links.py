"""Hook: the API reference pages link each function's post in this build, not on the published site.

The docstrings hold the published address of their post (so ``help()`` works anywhere); the logic that
maps it back to the local page, and refuses a post that does not exist, is `studynotes_site.api_links`.
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
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from studynotes_site.api_links import MissingPost, local_back_links, post_urls
from studynotes_site.markup import page_language
from studynotes_site.posts import PostError, collect_posts

from studynotes import SITE_URL


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.startswith("api"):  # api.<lang>.md and api/<part>.<lang>.md
        return html
    lang = page_language(page, config)
    posts = post_urls(((f.src_uri, f.url) for f in files.documentation_pages()), lang)
    try:
        titles = {post["slug"]: post["title"] for post in collect_posts(Path(config.docs_dir), lang)}
        return local_back_links(html, SITE_URL, posts, lambda url: get_relative_url(url, page.url), titles)
    except (MissingPost, PostError) as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
