"""Helpers for the take-along tests: the build-time modules, the posts and their executed blocks."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from sitetools import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from studynotes_site import feeds, notebooks, posts  # noqa: E402

DOCS, SNIPPETS = ROOT / "docs", ROOT / "snippets"
# An executed block as the parity test sees it (independent of the notebook's own parser).
EXEC_BLOCK = re.compile(r'^\s*```python [^\n]*\bexec="(?:1|true)"[^\n]*\bid="([^"]+)"[^\n]*\n(.*?)^\s*```', re.M | re.S)
INCLUDE = re.compile(r'--8<-- "([^"]+)"')


def post_files() -> list[tuple[str, str]]:
    """(slug, lang) of every post source."""
    return sorted(
        (p.name.rsplit(".", 2)[0], p.name.rsplit(".", 2)[1]) for p in (DOCS / "posts").glob("*.md")
    )


def source(slug: str, lang: str) -> str:
    return (DOCS / "posts" / f"{slug}.{lang}.md").read_text(encoding="utf-8")


def front_matter(slug: str, lang: str) -> dict:
    return {**posts.read_front_matter(DOCS / "posts" / f"{slug}.{lang}.md"), "slug": slug}


def page_url(slug: str, lang: str) -> str:
    return f"https://example.org/studynotes/{'' if lang == 'ko' else 'en/'}posts/{slug}/"


def build_notebook(slug: str, lang: str, repository: str = ""):
    return notebooks.notebook(front_matter(slug, lang), lang, source(slug, lang), SNIPPETS, page_url(slug, lang), repository)


def copy_repo(dest: Path) -> Path:
    """The tracked files of this tree (as they are now, untracked new files included), with node_modules linked."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file() and not name.startswith("node_modules"):
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def git_snapshot(dest: Path) -> Path:
    """This tree as it is now, committed in a git repository of its own at ``dest`` (what a clone would hold)."""
    copy_repo(dest)
    (dest / "node_modules").unlink()
    git = ["git", "-c", "user.name=studynotes tests", "-c", "user.email=tests@localhost", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot of the tree under test"]):
        subprocess.run([*git, *args], cwd=dest, check=True, capture_output=True)
    return dest
