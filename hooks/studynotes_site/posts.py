"""Posts: front matter, the list of posts per language, and the home page's post index.

A post is ``docs/posts/<slug>.<lang>.md`` whose front matter has ``title``, ``date`` (YYYY-MM-DD),
``category`` (a key of `CATEGORIES`) and ``excerpt``; an optional ``order`` breaks ties between
posts of the same day. A page containing `INDEX_MARKER` gets the index in its own language.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import yaml

CATEGORIES = {
    "stat110": {"ko": "Stat 110", "en": "Stat 110"},
    "cs231n": {"ko": "CS231n", "en": "CS231n"},
    "ml": {"ko": "머신러닝", "en": "Machine Learning"},
}
INDEX_MARKER = "<!-- post-index -->"
POST_KEYS = ("title", "date", "category", "excerpt")


class PostError(ValueError):
    """A post's front matter is incomplete or wrong; the message names the file."""


def parse_front_matter(text: str) -> dict:
    """The YAML between a leading ``---`` line and the next ``---`` line ({} when there is none)."""
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 3)
    if end < 0:
        raise PostError("front matter has no closing ---")
    return yaml.safe_load(text[4:end]) or {}


def read_front_matter(path: Path) -> dict:
    try:
        return parse_front_matter(path.read_text(encoding="utf-8"))
    except PostError as error:
        raise PostError(f"{path.name}: {error}") from None


def check_post(name: str, meta: dict) -> None:
    """Raise `PostError` naming ``name`` unless ``meta`` is a complete post header."""
    missing = [k for k in POST_KEYS if k not in meta]
    if missing:
        raise PostError(f"{name}: front matter lacks {', '.join(missing)}")
    if meta["category"] not in CATEGORIES:
        raise PostError(f"{name}: category must be one of {sorted(CATEGORIES)}, got {meta['category']!r}")
    if not isinstance(meta["date"], dt.date):
        raise PostError(f"{name}: date must be YYYY-MM-DD, got {meta['date']!r}")


def collect_posts(docs_dir: Path, lang: str) -> list[dict]:
    """Every post in ``lang``, newest first, as its front matter plus ``slug``."""
    posts = []
    for path in sorted((docs_dir / "posts").glob(f"*.{lang}.md")):
        meta = read_front_matter(path)
        check_post(path.name, meta)
        posts.append({**meta, "slug": path.name[: -len(f".{lang}.md")]})
    # Newest first; posts of the same day keep the original blog's order via an optional `order`.
    posts.sort(key=lambda p: (p["date"], p.get("order", 0)), reverse=True)
    return posts


def render_index(posts: list[dict], lang: str) -> str:
    """The post cards (Markdown with HTML) for the home page, in the order given."""
    items = []
    for post in posts:
        category = CATEGORIES[post["category"]][lang]
        date = post["date"].strftime("%Y. %m. %d." if lang == "ko" else "%Y-%m-%d")
        items.append(
            '<article class="sn-post-card" markdown>\n'
            f'<p class="sn-post-card__meta"><span class="sn-post-card__category">{html.escape(category)}</span>'
            f" · <time datetime=\"{post['date'].isoformat()}\">{date}</time></p>\n\n"
            f"### [{post['title']}](posts/{post['slug']}.md) {{ #post-{post['slug']} }}\n\n"
            f"{post['excerpt'].strip()}\n\n"
            "</article>"
        )
    return "\n\n".join(items)


def expand_index(markdown: str, docs_dir: Path, lang: str) -> str:
    """``markdown`` with `INDEX_MARKER` replaced by the post index in ``lang`` (unchanged without it)."""
    if INDEX_MARKER not in markdown:
        return markdown
    return markdown.replace(INDEX_MARKER, render_index(collect_posts(docs_dir, lang), lang))
