"""Hook: posts. A page containing ``<!-- post-index -->`` gets the list of posts in its language,
newest first, built from each post's front matter by `studynotes_site.posts`; bad front matter
fails the build naming the file.
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
from studynotes_site.markup import page_language
from studynotes_site.posts import PostError, expand_index


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return expand_index(markdown, Path(config.docs_dir), page_language(page, config))
    except PostError as error:
        raise PluginError(str(error)) from error
