"""Hook: glossary. A page containing ``<!-- glossary -->`` gets one table per post from
``docs/glossary/<slug>.yml`` in its language (`studynotes_site.glossary`), so every post extends the
glossary by adding its own file; a file without a post or an incomplete entry fails the build.
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
from studynotes_site.glossary import GlossaryError, expand_glossary
from studynotes_site.markup import page_language
from studynotes_site.posts import PostError


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return expand_glossary(markdown, Path(config.docs_dir), page_language(page, config))
    except (GlossaryError, PostError) as error:
        raise PluginError(str(error)) from error
