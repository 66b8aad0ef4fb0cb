"""Feeds: the posts of one language, newest first, as an Atom 1.0 document (``<language root>/feed.xml``).

Every date comes from the front matter (`studynotes_site.posts`), never from the clock, so the same
posts give the same feed; ``hooks/takealong.py`` writes it and announces it in every page's ``<head>``.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from .posts import CATEGORIES, PostError


def _atom_date(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def atom_feed(
    posts: list[dict], lang: str, site_url: str, feed_url: str, title: str, subtitle: str, author: str = "studynotes"
) -> str:
    """An Atom 1.0 feed of ``posts`` (newest first, as `collect_posts` returns them).

    ``site_url`` is the address of the language's home page; a post lives at ``site_url + "posts/<slug>/"``.
    The feed's ``updated`` is the newest post's date.
    """
    if not posts:
        raise PostError("a feed needs at least one post")
    entries = []
    for post in posts:
        url = f"{site_url}posts/{post['slug']}/"
        category = CATEGORIES[post["category"]][lang]
        entries.append(
            "  <entry>\n"
            f"    <title>{escape(post['title'])}</title>\n"
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(url)}/>\n"
            f"    <id>{escape(url)}</id>\n"
            f"    <published>{_atom_date(post['date'])}</published>\n"
            f"    <updated>{_atom_date(post['date'])}</updated>\n"
            f"    <category term={quoteattr(post['category'])} label={quoteattr(category)}/>\n"
            f"    <summary>{escape(' '.join(str(post['excerpt']).split()))}</summary>\n"
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">\n'
        f"  <title>{escape(title)}</title>\n"
        f"  <subtitle>{escape(subtitle)}</subtitle>\n"
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(feed_url)}/>\n"
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(site_url)}/>\n"
        f"  <id>{escape(feed_url)}</id>\n"
        f"  <updated>{_atom_date(max(p['date'] for p in posts))}</updated>\n"
        f"  <author><name>{escape(author)}</name></author>\n"
        + "".join(entries)
        + "</feed>\n"
    )
