"""Hook: search per language. After mkdocs-static-i18n has built every language and written the
joint index, `studynotes_site.search` splits it into Korean (``search/``) and English
(``en/search/``), adds the glossary's rows and terms, and writes each language's static, chunked
index (`studynotes_site.search_index`), with an English sitemap for instant navigation. What it
writes is kept in ``.cache/snippets/search-index`` by a digest of what it reads, and copied back
when nothing it reads has changed (`studynotes_site.page_cache.cached_outputs`).
"""

from __future__ import annotations

import hashlib
import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from studynotes_site.markup import other_language_pass
from studynotes_site.page_cache import cache_folder, cached_outputs, tree_digest
from studynotes_site.search import kept, split_search_index

ROOT = Path(__file__).resolve().parent.parent


# `mkdocs serve --dirty` (make serve): hooks/dirty_serve.py writes the indexes (read as it reads the mode)
_dirty = "serve" in sys.argv[1:] and "--dirty" in sys.argv[1:]

WORKER = "javascripts/workers/search.js"


def on_startup(command: str, dirty: bool) -> None:
    global _dirty
    _dirty = command == "serve" and dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # the worker's address for overrides/main.html, with a digest of its content against stale caches
    source = Path(config.docs_dir) / WORKER
    config.extra["sn_search_worker"] = f"{WORKER}?v={hashlib.sha256(source.read_bytes()).hexdigest()[:12]}"
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and written the joint index
def on_post_build(config: MkDocsConfig) -> None:
    if other_language_pass(config):
        return  # mkdocs-static-i18n's pass of the other language: the outer build writes both indexes
    if _dirty:
        return  # under `make serve`, hooks/dirty_serve.py writes them once the page is served
    site, docs = Path(config.site_dir), Path(config.docs_dir)
    # the indexes are a pure function of what they are made from: kept in .cache/snippets/search-index,
    # by a digest of the joint index, both glossary pages, the sitemap, the glossary files and the hooks' code
    digest = hashlib.sha256(tree_digest(ROOT, ROOT / "hooks", suffixes=(".py",)).encode())
    digest.update(tree_digest(docs, docs / "glossary").encode())
    for made in ("search/search_index.json", "glossary/index.html", "en/glossary/index.html", "sitemap.xml"):
        digest.update(made.encode() + b"\0" + ((site / made).read_bytes() if (site / made).is_file() else b""))
    # each entry's terms, by its content, kept while the process runs: a rebuild counts only new text
    cached_outputs(cache_folder(ROOT, "search-index"), digest.hexdigest(), site, ["search", "en/search", "en/sitemap.xml"],
                   lambda: split_search_index(site, docs, kept().setdefault("counted", {})))
