"""Helpers shared by the site tests: where things are, how to build, which pages exist."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ko", "en")


def build_site(
    dest: Path,
    config: Path = ROOT / "mkdocs.yml",
    site_url: str | None = None,
    cache_dir: Path | None = None,
    on_start: Callable[[subprocess.Popen], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` into ``dest`` and return the finished process (never raises).

    ``site_url`` is the address the site will be served from (Material's instant navigation only
    follows links that its sitemap lists under that address). Every block runs for real unless a
    ``cache_dir`` for executed blocks is given. ``on_start`` is handed the running build's process (so that
    a build started in the background can be stopped when the run ends early). A build that takes more
    than 15 minutes is stopped and reported as failed.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch()}
    env.pop("STUDYNOTES_LANG", None)
    if cache_dir is None:
        env["STUDYNOTES_CACHE"] = "off"
    else:
        env["STUDYNOTES_CACHE"], env["STUDYNOTES_CACHE_DIR"] = "on", str(cache_dir)
    if site_url:
        env["STUDYNOTES_SITE_URL"] = site_url
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(dest)]
    with subprocess.Popen(
        args, cwd=config.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        if on_start is not None:
            on_start(process)
        try:
            stdout, stderr = process.communicate(timeout=900)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
            stderr += "\nthe build was stopped after 900 s"
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr)


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


def folded_answers(post: str, lang: str, anchor: str = "check-yourself") -> dict[str, str]:
    """The folded `??? question` blocks of one section of a post: question title -> answer text (indent removed)."""
    import re

    text = (ROOT / "docs" / "posts" / f"{post}.{lang}.md").read_text(encoding="utf-8")
    start = re.search(rf"^## .*\{{ *#{anchor} *\}}", text, re.M)
    assert start, f"{post}.{lang}: no section #{anchor}"
    end = re.search(r"^## ", text[start.end() :], re.M)
    body = text[start.end() : start.end() + end.start()] if end else text[start.end() :]
    blocks = re.findall(r'^\?\?\? question "([^\n]*)"\n((?:    [^\n]*\n?)+)', body, re.M)
    return {title: re.sub(r"^    ", "", answer, flags=re.M) for title, answer in blocks}
