"""The offline copy: the site as a folder (or zip) that works from ``file://``.

``STUDYNOTES_OFFLINE=1`` (``make offline``) switches on Material's ``offline`` plugin, which makes page
links end in ``.html``. This hook does the rest:

- the iframe-worker shim that lets search run from ``file://`` is served from the site itself
  (``hooks/vendor/iframe-worker-shim.js``; the plugin would load it from unpkg.com);
- instant navigation is switched off (it fetches pages, which ``file://`` does not allow);
- each language's search index is also written as ``search/search_index.js`` (Korean) and
  ``en/search/search_index.js``, after ``hooks/search.py`` has split the joint index by language.

A normal build given ``STUDYNOTES_OFFLINE_ZIP=<zip of the offline copy>`` publishes that zip as
``downloads/studynotes-offline.zip`` and links it from the about page in both languages.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "hooks" / "vendor" / "iframe-worker-shim.js"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"
ZIP_URI = "downloads/studynotes-offline.zip"
LINK = {
    "ko": "이 사이트 전체를 내려받아 인터넷 없이 볼 수 있다: ",
    "en": "Download the whole site to read it without a connection: ",
}
NOTE = {
    "ko": "(압축을 풀고 <code>studynotes-offline/index.html</code>을 브라우저로 연다)",
    "en": "(unzip it and open <code>studynotes-offline/index.html</code> in a browser)",
}


def offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)


def offline_zip() -> Path | None:
    value = os.environ.get("STUDYNOTES_OFFLINE_ZIP", "")
    if not value:
        return None
    path = Path(value).resolve()
    if not path.is_file():
        raise PluginError(f"STUDYNOTES_OFFLINE_ZIP={value}: no such file (run `make offline` first)")
    return path


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if offline(config):
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [SHIM_URI if "iframe-worker" in str(u) else u for u in polyfills] or [SHIM_URI]
        config.theme["features"] = [f for f in config.theme["features"] if f != "navigation.instant"]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if offline(config) and files.get_file_from_path(SHIM_URI) is None:
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.startswith("about.") or offline_zip() is None:
        return markdown
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    href = get_relative_url(ZIP_URI, page.url)
    return markdown.rstrip("\n") + (
        f'\n\n<p class="sn-offline-download">{LINK[lang]}<a href="{href}" download>studynotes-offline.zip</a> '
        f"{NOTE[lang]}</p>\n"
    )


@event_priority(-300)  # after hooks/search.py (-200) has split the search index by language
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    zipped = offline_zip()
    if zipped is not None:
        (site / ZIP_URI).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(zipped, site / ZIP_URI)
    if offline(config):
        for index in (site / "search" / "search_index.json", site / "en" / "search" / "search_index.json"):
            if index.is_file():
                index.with_suffix(".js").write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
