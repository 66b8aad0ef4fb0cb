"""Helpers shared by the site tests: where things are, how to build, which pages exist."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ko", "en")


def build_site(
    dest: Path, config: Path = ROOT / "mkdocs.yml", site_url: str | None = None, cache_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` into ``dest`` and return the finished process (never raises).

    ``site_url`` is the address the site will be served from (Material's instant navigation only
    follows links that its sitemap lists under that address). Every block runs for real unless a
    ``cache_dir`` for executed blocks is given.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch()}
    env.pop("STUDYNOTES_LANG", None)
    if cache_dir is None:
        env["STUDYNOTES_CACHE"] = "off"
    else:
        env["STUDYNOTES_CACHE"], env["STUDYNOTES_CACHE_DIR"] = "on", str(cache_dir)
    if site_url:
        env["STUDYNOTES_SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(dest)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def source_date_epoch() -> str:
    """The last commit's time, as ``make build`` uses it (0 outside a git checkout)."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "0"


def doc_pages() -> list[str]:
    """Source pages as language-independent names, e.g. ``posts/stat110-lecture-20``."""
    return sorted(str(p.relative_to(ROOT / "docs"))[: -len(".ko.md")] for p in (ROOT / "docs").rglob("*.ko.md"))


def page_url_path(page: str) -> str:
    """``posts/x`` -> ``posts/x/index.html``; ``index`` -> ``index.html``."""
    return "index.html" if page == "index" else f"{page}/index.html"


def built_page(site: Path, page: str, lang: str) -> Path:
    prefix = "" if lang == "ko" else "en/"
    return site / f"{prefix}{page_url_path(page)}"
