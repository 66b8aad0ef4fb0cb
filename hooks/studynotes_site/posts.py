"""Posts: front matter, the list of posts per language, the home page's post index, the category
pages, the line under a post's title and the reading order.

A post is ``docs/posts/<slug>.<lang>.md`` whose front matter has ``title``, ``date`` (YYYY-MM-DD),
``category`` (a key of `CATEGORIES`) and ``excerpt``; an optional ``order`` breaks ties between
posts of the same day. A page containing ``<!-- category-index: KEY -->``
(``docs/category/KEY.<lang>.md``) gets the posts of that category; the home page and the archive are
`studynotes_site.listings`. The reading order (previous/next) is the course's: its category page, then its
posts in the menu's order (lecture 6, lecture 7), and nothing past its last post.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import yaml

# libyaml's safe loader where PyYAML was built with it: the same documents, read about ten times faster
# (a long blog's front matter is read for every build)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CATEGORIES = {
    "stat110": {"ko": "Stat 110", "en": "Stat 110"},
    "cs231n": {"ko": "CS231n", "en": "CS231n"},
    "ml": {"ko": "머신러닝", "en": "Machine learning"},
}
INDEX_MARKER = "<!-- post-index -->"
CATEGORY_MARKER = re.compile(r"<!-- category-index: (\w+) -->")
CATEGORY_HEADINGS = {"ko": "{label} 글 목록", "en": "{label} posts"}
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
    return yaml.load(text[4:end], Loader=SAFE_LOADER) or {}


def body(text: str) -> str:
    """The Markdown after the front matter (all of ``text`` when there is none)."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---", 3)
    return text[end + 4 :].lstrip("\n") if end >= 0 else text


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


def category_page(key: str) -> str:
    """The category's listing page, relative to ``docs/`` (one file per language beside it)."""
    return f"category/{key}.md"


def format_date(date: dt.date, lang: str) -> str:
    return date.strftime("%Y. %m. %d." if lang == "ko" else "%Y-%m-%d")


def render_meta(post: dict, lang: str, root: str, block: str) -> str:
    """``<p class="BLOCK__meta">`` with the post's category (``BLOCK__category``, a link to its page) and
    date, for Markdown at ``root`` (the relative path from the page to ``docs/``: "" or ending in "/")."""
    category = html.escape(CATEGORIES[post["category"]][lang])
    link = f"[{category}]({root}{category_page(post['category'])}){{ .{block}__category }}"
    time = f"<time datetime=\"{post['date'].isoformat()}\">{format_date(post['date'], lang)}</time>"
    return f'<p class="{block}__meta" markdown="span">{link} · {time}</p>'


def render_index(posts: list[dict], lang: str, root: str = "") -> str:
    """The post cards (Markdown with HTML) in the order given, for a page at ``root`` (see `render_meta`)."""
    items = []
    for post in posts:
        items.append(
            '<article class="sn-post-card" markdown>\n'
            f"{render_meta(post, lang, root, 'sn-post-card')}\n\n"
            f"## [{post['title']}]({root}posts/{post['slug']}.md) {{ #post-{post['slug']} }}\n\n"
            f"{post['excerpt'].strip()}\n\n"
            "</article>"
        )
    return "\n\n".join(items)


def expand_category(markdown: str, docs_dir: Path, lang: str, posts: list[dict] | None = None) -> str:
    """``markdown`` with ``<!-- category-index: KEY -->`` replaced by a heading and the cards of the
    posts of category KEY in ``lang``, newest first (unchanged without the marker)."""
    match = CATEGORY_MARKER.search(markdown)
    if match is None:
        return markdown
    key = match.group(1)
    if key not in CATEGORIES:
        raise PostError(f"category page for unknown category {key!r} (one of {sorted(CATEGORIES)})")
    posts = [p for p in (collect_posts(docs_dir, lang) if posts is None else posts) if p["category"] == key]
    heading = CATEGORY_HEADINGS[lang].format(label=CATEGORIES[key][lang])
    listing = f"# {heading} {{ #category }}\n\n" + render_index(posts, lang, root="../")
    return markdown[: match.start()] + listing + markdown[match.end() :]


def insert_post_meta(markdown: str, post: dict, lang: str) -> str:
    """A post's Markdown with its category and date (`render_meta`) right under the first ``#`` heading."""
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        raise PostError(f"{post['slug']}: the post has no '# ' title")
    lines[title + 1 : title + 1] = ["", render_meta(post, lang, "../", "sn-post")]
    return "\n".join(lines)


def page_key(src_uri: str, lang: str) -> str:
    """A page's source path without its language suffix: ``posts/a.ko.md`` -> ``posts/a.md``."""
    return re.sub(rf"\.{lang}\.md$", ".md", src_uri)


def course_order(nav_keys: list[str], posts: list[dict], key: str) -> list[str] | None:
    """The footer's sequence for page ``key``: its course's category page, then the course's posts in the
    order ``nav_keys`` (the menu) lists them; None for a page outside every course (home, glossary, API)."""
    category = {f"posts/{p['slug']}.md": p["category"] for p in posts}
    course = category.get(key)
    if course is None:
        found = re.fullmatch(r"category/(\w+)\.md", key)
        course = found.group(1) if found and found.group(1) in CATEGORIES else None
    if course is None:
        return None
    return [f"category/{course}.md", *(k for k in nav_keys if category.get(k) == course)]


def neighbours(order: list[str], key: str) -> tuple[str | None, str | None] | None:
    """(previous, next) page keys of ``key`` in ``order`` (None past an end); None when it is not in it."""
    if key not in order:
        return None
    i = order.index(key)
    return (order[i - 1] if i > 0 else None), (order[i + 1] if i + 1 < len(order) else None)
