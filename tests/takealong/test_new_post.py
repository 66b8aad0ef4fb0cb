"""`scripts/new_post.py` (make post) creates a post that the navigation, the index, the feeds, the
notebooks and the parity tests pick up, and that builds strictly, in a copy of the repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from sitetools import ROOT, build_site

pytestmark = pytest.mark.site

SLUG = "stat110-lecture-99"
ARGS = ["--slug", SLUG, "--category", "stat110", "--title-ko", "99. 새 글 (A New Post)", "--title-en", "99. A New Post",
        "--date", "2030-01-02"]


def copy_repo(dest: Path) -> Path:
    """The tracked files of this tree (as they are now), with node_modules linked."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file() and not name.startswith("node_modules"):
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def new_post(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(repo / "scripts" / "new_post.py"), *args], cwd=repo,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def repo(tmp_path) -> Path:
    return copy_repo(tmp_path / "repo")


def test_creates_both_languages_glossary_snippet_and_nav_entry(repo) -> None:
    result = new_post(repo, *ARGS)
    assert result.returncode == 0, result.stderr
    for name in (f"docs/posts/{SLUG}.ko.md", f"docs/posts/{SLUG}.en.md", f"docs/glossary/{SLUG}.yml",
                 f"snippets/{SLUG}/x1_example.py"):
        assert (repo / name).is_file(), name
    nav = (repo / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n")[1]
    section = nav[nav.index("확률론 (Stat 110):"):nav.index("머신러닝:")]
    assert f"- posts/{SLUG}.md" in section
    # the example runs on its own and prints its estimate with a standard error next to the exact value
    run = subprocess.run([sys.executable, str(repo / f"snippets/{SLUG}/x1_example.py")], capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(repo / "src")}, cwd=repo, timeout=120)
    assert run.returncode == 0, run.stderr
    # (a plain-text table: the last row ends "<value> ± <se>  <exact>")
    value, se, exact = re.search(r"([\d.]+) ± ([\d.]+) +([\d.]+)$", run.stdout.strip().splitlines()[-1]).groups()
    value, se = float(value), float(se)
    assert abs(value - float(exact)) < 4 * se and 0 < se < 0.01
    # parity: the repository's own parity tests, run inside the copy, see the new post and pass
    parity = subprocess.run([sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "tests/site/test_parity.py",
                             "tests/test_snippets.py", "-k", f"{SLUG} or same_structure or both_languages or anchor"],
                            cwd=repo, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "PYTHONPATH": str(repo / "src")})
    assert parity.returncode == 0, parity.stdout[-3000:]
    assert f"test_same_structure[posts/{SLUG}] PASSED" in parity.stdout
    assert f"x1_example.py] PASSED" in parity.stdout  # runs standalone, included in both languages


def test_its_categories_are_the_sites() -> None:
    sys.path.insert(0, str(ROOT / "hooks"))
    from studynotes_site.posts import CATEGORIES

    sys.path.insert(0, str(ROOT / "scripts"))
    from new_post import SOURCE_LINES

    assert sorted(SOURCE_LINES) == sorted(CATEGORIES)


def test_finds_the_section_by_its_category_page() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from new_post import add_to_nav

    config = "nav:\n  - A:\n      - B:\n          - category/ml.md\n          - posts/x.md\n      - C:\n          - category/cs231n.md\n"
    assert add_to_nav(config, "ml", "new").split("\n")[5] == "          - posts/new.md"
    with pytest.raises(SystemExit, match="no section listing category/stat110.md"):
        add_to_nav(config, "stat110", "new")


def test_refuses_bad_input_and_existing_posts(repo) -> None:
    assert new_post(repo, *ARGS).returncode == 0
    again = new_post(repo, *ARGS)
    assert again.returncode != 0 and "already there" in again.stderr
    bad = new_post(repo, "--slug", "Bad Slug", *ARGS[2:])
    assert bad.returncode != 0 and "slug" in bad.stderr
    unknown = new_post(repo, *ARGS[:2], "--category", "physics", *ARGS[4:])
    assert unknown.returncode != 0 and "category" in unknown.stderr


@pytest.mark.site
def test_new_post_builds_strictly_and_appears_everywhere(repo, tmp_path, built_site, block_cache) -> None:
    assert new_post(repo, *ARGS).returncode == 0
    out = tmp_path / "site"
    cached = set(block_cache.iterdir())
    # The session's build filled the block cache from this tree; the copy differs by the new post (and its
    # menu entry, which the cache ignores), so only the new post's block runs here.
    result = build_site(out, config=repo / "mkdocs.yml", site_url="http://127.0.0.1:8123/", cache_dir=block_cache)
    assert result.returncode == 0, result.stderr[-5000:]
    # the one example of the new post ran, once per language; every other block came from the cache
    assert len(set(block_cache.iterdir()) - cached) == 2
    for lang, prefix, title in (("ko", "", "99. 새 글 (A New Post)"), ("en", "en/", "99. A New Post")):
        page = (out / prefix / "posts" / SLUG / "index.html").read_text(encoding="utf-8")
        assert title in page and "0.1667" in page  # the exact value the example printed
        home = (out / prefix / "index.html").read_text(encoding="utf-8")
        assert f'href="posts/{SLUG}/"' in home  # in the post index
        nav = home[home.index("md-nav--primary") : home.index("<article")]
        assert f'href="posts/{SLUG}/"' in nav  # and in the navigation
        category = (out / prefix / "category" / "stat110" / "index.html").read_text(encoding="utf-8")
        assert f'href="../../posts/{SLUG}/"' in category  # on its category's page, from its front matter
        entries = feedparser.parse((out / prefix / "feed.xml").read_bytes()).entries
        assert entries[0].title == title  # newest first
        assert (out / prefix / "notebooks" / f"{SLUG}.ipynb").is_file()
