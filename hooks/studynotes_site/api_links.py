"""The API pages' back-links: each docstring names its post by the published address, each build links its own page.

A public function's docstring says where it was introduced with the post's published English address,
``studynotes.SITE_URL + "en/posts/<slug>/"``, so ``help()`` in a terminal or a notebook shows a link that
works outside the site. On the API reference pages (rendered by mkdocstrings from the same docstrings)
`local_back_links` turns each such link back into a relative link to the post in this build and in the
page's language, so the offline copy and ``mkdocs serve`` never jump to the published site, and the link's
words become the post's title in that language (a Korean API page names the Korean post); a link to a
post that this build does not have raises `MissingPost` (the hook fails the build with its message).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping


class MissingPost(ValueError):
    """A back-link names a post that is not in the build."""


def published_post_link(site_url: str) -> re.Pattern[str]:
    """An ``href`` to a post on the published site (either language), with the slug as group 1."""
    return re.compile(r'href="' + re.escape(site_url) + r'(?:en/)?posts/([^"/#]+)/?"')


def post_urls(pages: Iterable[tuple[str, str]], lang: str) -> dict[str, str]:
    """Slug -> URL of the posts written in ``lang``, from the build's ``(src_uri, url)`` pairs."""
    found = {}
    for src_uri, url in pages:
        match = re.fullmatch(rf"posts/([a-z0-9-]+)\.{re.escape(lang)}\.md", src_uri)
        if match:
            found[match.group(1)] = url
    return found


def local_back_links(
    page: str,
    site_url: str,
    posts: Mapping[str, str],
    relative: Callable[[str], str],
    titles: Mapping[str, str] | None = None,
) -> str:
    """``page`` with each link to a published post replaced by ``relative(posts[slug])`` and, when ``titles``
    (slug -> the post's title in the page's language) is given, its words by the title.

    ``relative`` turns a site URL into a link from the page being written (MkDocs' ``get_relative_url``).
    """
    link = re.compile(published_post_link(site_url).pattern + r"(?P<rest>[^>]*>)(?P<words>.*?)</a>", re.S)

    def local(match: re.Match[str]) -> str:
        slug = match.group(1)
        if slug not in posts:
            address = match.group(0)[len('href="') :].split('"', 1)[0]
            raise MissingPost(f"a back-link names the post {slug!r} ({address}), but docs/posts/{slug}.<lang>.md does not exist")
        words = html.escape(titles[slug], quote=False) if titles and slug in titles else match.group("words")
        return f'href="{relative(posts[slug])}"{match.group("rest")}{words}</a>'

    return link.sub(local, page)
