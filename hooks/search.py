"""Hook: search per language. After mkdocs-static-i18n has built every language and written the
joint index, `studynotes_site.search` splits it into ``search/search_index.json`` (Korean) and
``en/search/search_index.json`` (English), with an English sitemap for instant navigation.
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from studynotes_site.search import split_search_index


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and written the joint index
def on_post_build(config: MkDocsConfig) -> None:
    split_search_index(Path(config.site_dir))
