"""Hook: what a reader takes along, a notebook and a flashcard deck per post and a feed per language.

- Every post page gets ``<language root>/notebooks/<slug>.ipynb`` (its executed examples, made by
  `studynotes_site.notebooks`) and a download link under its title; beside it, when the post has
  check-yourself questions, ``<language root>/flashcards/<slug>.apkg`` (an Anki deck, made by
  `studynotes_site.flashcards`, kept in ``.cache/snippets/decks`` by its inputs).
- Under the title also sits a line shown only in print: the post's address and date
  (``docs/stylesheets/print.css`` holds the print rules).
- Every language gets an Atom feed at ``<language root>/feed.xml`` (Korean at ``/feed.xml``, English at
  ``/en/feed.xml``, made by `studynotes_site.feeds`), and each of its pages announces it with
  ``<link rel="alternate">`` in ``<head>``. Posts and their front matter come from `studynotes_site.posts`.

The i18n plugin builds each language as a build of its own, so each build writes its own language's files.
"""

from __future__ import annotations

import logging
import os
import sys
import time

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from studynotes_site.feeds import atom_feed
from studynotes_site.flashcards import cached_deck_bytes
from studynotes_site.notebooks import notebook, notebook_bytes
from studynotes_site.posts import PostError, collect_posts, format_date, read_front_matter

ROOT = Path(__file__).resolve().parent.parent


def deck_cache() -> Path | None:
    """Where the decks are kept between builds: beside the executed blocks (``STUDYNOTES_CACHE=off``: nowhere)."""
    if os.environ.get("STUDYNOTES_CACHE", "on").lower() in {"0", "off", "false", "no"}:
        return None
    return Path(os.environ.get("STUDYNOTES_CACHE_DIR", ROOT / ".cache" / "snippets")) / "decks"

log = logging.getLogger("mkdocs.plugins.studynotes.takealong")

DOWNLOAD = {
    "ko": "이 글의 예제를 Jupyter 노트북으로 받기: ",
    "en": "Take this post's examples along as a Jupyter notebook: ",
}
FLASHCARDS = {
    "ko": "확인 문제는 Anki 카드로: ",
    "en": "its check-yourself questions as Anki flashcards: ",
}
FEED_TITLE = {"ko": "studynotes (한국어)", "en": "studynotes (English)"}
_notebooks: dict[tuple[str, str], bytes] = {}
_decks: dict[tuple[str, str], bytes] = {}
_seconds = {"notebooks": 0.0}


def language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("the i18n plugin is not configured")
    return plugin.current_language


def language_root(lang: str, config: MkDocsConfig) -> str:
    """The folder of a language inside the site: "" for the default language, "en/" for English."""
    plugin = config.plugins["i18n"]
    return "" if lang == plugin.default_language else f"{lang}/"


def site_url(config: MkDocsConfig) -> str:
    """The site's root address (the i18n plugin may point ``site_url`` at the language's folder)."""
    url = config.site_url or ""
    lang = language(config)
    root = language_root(lang, config)
    if root and url.endswith("/" + root):
        url = url[: -len(root)]
    return url if url.endswith("/") else url + "/"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _notebooks.clear()
    _decks.clear()
    _seconds["notebooks"] = 0.0
    # the footer links the feeds (overrides/partials/copyright.html) when the site has posts
    config.extra["sn_feeds"] = any((Path(config.docs_dir) / "posts").glob("*.md"))
    return config


def is_post(page: Page) -> bool:
    return page.file.src_uri.startswith("posts/") and page.file.src_uri.endswith(".md")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_post(page):
        return markdown
    start = time.perf_counter()
    lang = getattr(page.file, "locale", None) or language(config)
    source = Path(page.file.abs_src_path)
    slug = source.name[: -len(f".{lang}.md")]
    meta = {**read_front_matter(source), "slug": slug}
    root = language_root(lang, config)
    page_url = f"{site_url(config)}{root}posts/{slug}/"
    try:
        nb = notebook(
            meta, lang, source.read_text(encoding="utf-8"), ROOT / "snippets", page_url,
            repository=config.repo_url or "",
        )
        _notebooks[(lang, slug)] = notebook_bytes(nb)
        deck = cached_deck_bytes(deck_cache(), meta, lang, source.read_text(encoding="utf-8"), page_url)
        if deck is not None:
            _decks[(lang, slug)] = deck
    except PostError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
    _seconds["notebooks"] += time.perf_counter() - start
    href = get_relative_url(f"{root}notebooks/{slug}.ipynb", page.url)
    link = (
        f'<p class="sn-source-line sn-takealong">{DOWNLOAD[lang]}'
        f'<a href="{href}" download="{slug}.ipynb" type="application/x-ipynb+json">{slug}.ipynb</a>'
    )
    if (lang, slug) in _decks:
        deck_href = get_relative_url(f"{root}flashcards/{slug}.apkg", page.url)
        link += f' · {FLASHCARDS[lang]}<a class="sn-flashcards" href="{deck_href}" download="{slug}.apkg">{slug}.apkg</a>'
    link += "</p>"
    date = format_date(meta["date"], lang)
    link += f'\n\n<p class="sn-print-meta" data-search-exclude>{page_url} · <time datetime="{meta["date"].isoformat()}">{date}</time></p>'
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        raise PluginError(f"{page.file.src_uri}: a post needs a '# title' line for its notebook link")
    # under the category and date line (hooks/posts.py) and the line naming the lecture, in their quiet style
    near = range(title + 1, min(title + 6, len(lines)))
    after = max((i for i in near if "sn-source-line" in lines[i] or "sn-post__meta" in lines[i]), default=title)
    lines[after + 1 : after + 1] = ["", link]
    return "\n".join(lines)


def has_posts(config: MkDocsConfig, lang: str) -> bool:
    return any((Path(config.docs_dir) / "posts").glob(f"*.{lang}.md"))


def offline_copy(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang = getattr(page.file, "locale", None) or language(config)
    if not has_posts(config, lang):
        return output  # a site without posts has no feed to announce
    if offline_copy(config):
        # No feed reader subscribes to a file, and Material would fetch the sitemap.xml beside every
        # <link rel="alternate">, which file:// refuses with a console error; the footer still links the feed.
        return output
    href = get_relative_url(f"{language_root(lang, config)}feed.xml", page.url)
    link = f'<link rel="alternate" type="application/atom+xml" title="{FEED_TITLE[lang]}" href="{href}">'
    if "</head>" not in output:
        raise PluginError(f"{page.file.src_uri}: no </head> to announce the feed in")
    return output.replace("</head>", f"  {link}\n  </head>", 1)


def on_post_build(config: MkDocsConfig) -> None:
    lang = language(config)
    root = language_root(lang, config)
    site = Path(config.site_dir)
    if root and site.name == root.rstrip("/"):
        site = site.parent  # the i18n plugin may build a language straight into its folder
    out = site / root
    start = time.perf_counter()
    for (nb_lang, slug), data in sorted(_notebooks.items()):
        if nb_lang != lang:
            continue
        path = out / "notebooks" / f"{slug}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for (deck_lang, slug), data in sorted(_decks.items()):
        if deck_lang == lang:
            path = out / "flashcards" / f"{slug}.apkg"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    if not has_posts(config, lang):
        return
    try:
        posts = collect_posts(Path(config.docs_dir), lang)
    except PostError as error:
        raise PluginError(str(error)) from error
    base = site_url(config)
    feed = atom_feed(
        posts, lang, f"{base}{root}", f"{base}{root}feed.xml", FEED_TITLE[lang],
        config.site_description or "", author=config.site_name,
    )
    (out / "feed.xml").write_text(feed, encoding="utf-8")
    log.debug("takealong: %s notebooks in %.2f s, written with the feed in %.2f s",
              lang, _seconds["notebooks"], time.perf_counter() - start)
