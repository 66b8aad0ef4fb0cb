"""The offline copy: the site as a folder (or zip) that works from ``file://``.

``STUDYNOTES_OFFLINE=1`` (``make offline``) switches on Material's ``offline`` plugin, which makes page
links end in ``.html``. This hook does the rest:

- the iframe-worker shim that lets search run from ``file://`` is served from the site itself
  (``hooks/vendor/iframe-worker-shim.js``; the plugin would load it from unpkg.com);
- instant navigation is switched off (it fetches pages, which ``file://`` does not allow);
- each language's search index is also written as ``search/search_index.js`` (Korean) and
  ``en/search/search_index.js``, after ``hooks/search.py`` has written it, with every bucket and
  page of it inlined (`studynotes_site.search_index.inline_index`): from ``file://`` the search
  worker cannot fetch them;
- a link written as raw HTML to a folder (the build report's links to the posts) gets the folder's
  ``index.html``: from ``file://`` a folder is a file listing, not the page;
- ``offline-build.txt`` records a fingerprint of the sources the copy was built from.

A normal build given ``STUDYNOTES_OFFLINE_ZIP=<zip of the offline copy>`` publishes that zip as
``downloads/studynotes-offline.zip`` and links it, with its size, from the about page in both languages.
It refuses a zip built from other sources than its own (an older commit, or edits made since).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from studynotes_site.markup import other_language_pass
from studynotes_site.search_index import inline_index

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "hooks" / "vendor" / "iframe-worker-shim.js"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"
ZIP_URI = "downloads/studynotes-offline.zip"
STAMP = "offline-build.txt"
# what the site is built from: a change to any of these makes an offline copy stale
SOURCES = ("docs", "snippets", "src/studynotes", "hooks", "overrides", "mkdocs.yml")
LINK = {
    "ko": "이 사이트 전체를 내려받아 인터넷 없이 볼 수 있다: ",
    "en": "Download the whole site to read it without a connection: ",
}
SIZE = {"ko": "{mb:.1f} MB", "en": "{mb:.1f} MB"}
FOLDER_LINK = re.compile(r'(<a\b[^>]*?\bhref=")((?![a-z][a-z0-9+.-]*:|/|#)[^"?#]*/)([#?][^"]*)?"')
NOTE = {
    "ko": "압축을 풀고 <code>studynotes-offline/index.html</code>을 브라우저로 연다.",
    "en": "Unzip it and open <code>studynotes-offline/index.html</code> in a browser.",
}


def offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)


def fingerprint(root: Path = ROOT) -> str:
    """A hash of every source file the site is built from (paths and contents)."""
    digest = hashlib.sha256()
    for name in SOURCES:
        top = root / name
        for path in sorted([top] if top.is_file() else top.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


_checked: dict[str, Path] = {}


def offline_zip() -> Path | None:
    """The zip to publish (``STUDYNOTES_OFFLINE_ZIP``), once it is known to come from this build's sources."""
    value = os.environ.get("STUDYNOTES_OFFLINE_ZIP", "")
    if not value:
        return None
    if value in _checked:
        return _checked[value]
    path = Path(value).resolve()
    if not path.is_file():
        raise PluginError(f"STUDYNOTES_OFFLINE_ZIP={value}: no such file (run `make offline` first)")
    try:
        with zipfile.ZipFile(path) as zf:
            stamps = [n for n in zf.namelist() if n.count("/") == 1 and n.endswith("/" + STAMP)]
            stamp = zf.read(stamps[0]).decode("ascii").strip() if len(stamps) == 1 else ""
    except zipfile.BadZipFile:
        raise PluginError(f"STUDYNOTES_OFFLINE_ZIP={value}: not a zip file") from None
    if not stamp:
        raise PluginError(f"STUDYNOTES_OFFLINE_ZIP={value}: not an offline copy made by `make offline` (no {STAMP})")
    if stamp != fingerprint():
        raise PluginError(
            f"STUDYNOTES_OFFLINE_ZIP={value}: the copy was built from other sources than this build "
            "(an older commit or edits since): run `make offline` again"
        )
    _checked[value] = path
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
    size = SIZE[lang].format(mb=offline_zip().stat().st_size / 1e6)
    paragraph = (
        f'<p class="sn-offline-download">{LINK[lang]}<a href="{href}" download>studynotes-offline.zip</a> '
        f"({size}). {NOTE[lang]}</p>"
    )
    # where the about page marks its place (<!-- offline-download -->), else at its end
    if "<!-- offline-download -->" in markdown:
        return markdown.replace("<!-- offline-download -->", paragraph, 1)
    return markdown.rstrip("\n") + f"\n\n{paragraph}\n"


@event_priority(-300)  # after hooks/search.py (-200) has split the search index by language
def on_post_build(config: MkDocsConfig) -> None:
    if other_language_pass(config):
        return  # mkdocs-static-i18n's pass of the other language: the outer build finishes both
    site = Path(config.site_dir)
    zipped = offline_zip()
    if zipped is not None:
        (site / ZIP_URI).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(zipped, site / ZIP_URI)
    if offline(config):
        for folder in (site / "search", site / "en" / "search"):
            if (folder / "search_index.json").is_file():
                data = json.dumps(inline_index(folder), ensure_ascii=False, separators=(",", ":"))
                (folder / "search_index.js").write_text("var __index = " + data, encoding="utf-8")
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            fixed = FOLDER_LINK.sub(lambda m: _to_index(m, page.parent), html)
            if fixed != html:
                page.write_text(fixed, encoding="utf-8")
        (site / STAMP).write_text(fingerprint() + "\n", encoding="ascii")
        # a missing page is answered by a server; opened from the disk, 404.html's absolute links lead nowhere
        (site / "404.html").unlink(missing_ok=True)


def _to_index(match: re.Match[str], folder: Path) -> str:
    """``href="../posts/x/"`` as ``href="../posts/x/index.html"`` when that page exists."""
    if not (folder / match.group(2) / "index.html").is_file():
        return match.group(0)
    return f'{match.group(1)}{match.group(2)}index.html{match.group(3) or ""}"'
