"""Helpers shared by the site tests: where things are, how to build, which pages exist."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ko", "en")


def build_site(dest: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` into ``dest`` and return the finished process (never raises)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("STUDYNOTES_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(dest)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def doc_pages() -> list[str]:
    """Source pages as language-independent names, e.g. ``posts/stat110-lecture-20``."""
    return sorted(str(p.relative_to(ROOT / "docs"))[: -len(".ko.md")] for p in (ROOT / "docs").rglob("*.ko.md"))


def page_url_path(page: str) -> str:
    """``posts/x`` -> ``posts/x/index.html``; ``index`` -> ``index.html``."""
    return "index.html" if page == "index" else f"{page}/index.html"


def built_page(site: Path, page: str, lang: str) -> Path:
    prefix = "" if lang == "ko" else "en/"
    return site / f"{prefix}{page_url_path(page)}"
