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
from takealongtools import copy_repo

pytestmark = pytest.mark.site

SLUG = "stat110-lecture-99"
ARGS = ["--slug", SLUG, "--category", "stat110", "--title-ko", "99. 새 글 (A New Post)", "--title-en", "99. A New Post",
        "--date", "2030-01-02"]


def new_post(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(repo / "scripts" / "new_post.py"), *args], cwd=repo,
                          capture_output=True, text=True, timeout=60)


def make_post(repo: Path, *assignments: str, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    """``make post VAR=value ...`` in ``repo``, with no shell in between (the values reach make as typed)."""
    environment = {k: v for k, v in (env or os.environ).items() if k not in ("SLUG", "CATEGORY", "TITLE_KO", "TITLE_EN", "DATE")}
    return subprocess.run(["make", "--no-print-directory", "post", f"PYTHON={sys.executable}", *assignments], cwd=repo,
                          capture_output=True, text=True, timeout=60, env=environment, stdin=subprocess.DEVNULL)


def tree(repo: Path) -> dict[str, bytes]:
    """Every file under the copy (node_modules aside) with its content."""
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in sorted(repo.rglob("*"))
            if p.is_file() and "node_modules" not in p.parts and "__pycache__" not in p.parts}


def script_lines(stderr: str) -> list[str]:
    """What the script printed on stderr (make adds its own 'make: *** ... Error 1' line, 'make[1]: ***' when the
    tests themselves run under make)."""
    return [line for line in stderr.splitlines() if line.strip() and not re.match(r"make(\[\d+\])?: \*\*\*", line)]


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
    from new_post import PostError, add_to_nav

    config = "nav:\n  - A:\n      - B:\n          - category/ml.md\n          - posts/x.md\n      - C:\n          - category/cs231n.md\n"
    assert add_to_nav(config, "ml", "new").split("\n")[5] == "          - posts/new.md"
    with pytest.raises(PostError, match="no section listing category/stat110.md"):
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
    # and every formula of both languages came from the formula cache, except the new post's own
    rendered = re.search(r"math: \d+ formulas, (\d+) of them rendered now", result.stderr)
    assert rendered is not None, result.stderr[-3000:]
    new_formulas = sum((out / prefix / "posts" / SLUG / "index.html").read_text(encoding="utf-8").count("<math ")
                       for prefix in ("", "en/"))
    assert int(rendered.group(1)) <= new_formulas
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


# Hangul, TeX with a `$` make would expand, a backticked command a shell would run, and both kinds of quotes
HARD_TITLES = {
    "ko": "21. $E(XY)$와 공분산: `touch ran-ko` \"따옴표\"와 'quote' $(XY) $$",
    "en": "21. $E(XY)$ and Covariance: `touch ran-en` \"quoted\" 'quote' $HOME",
}


def test_make_post_takes_any_title_verbatim(repo) -> None:
    import yaml

    result = make_post(repo, "SLUG=stat110-lecture-21", "CATEGORY=stat110", f"TITLE_KO={HARD_TITLES['ko']}",
                       f"TITLE_EN={HARD_TITLES['en']}", "DATE=2030-01-02")
    assert result.returncode == 0, result.stderr
    for lang, title in HARD_TITLES.items():
        text = (repo / f"docs/posts/stat110-lecture-21.{lang}.md").read_text(encoding="utf-8")
        assert yaml.safe_load(text.split("---\n")[1])["title"] == title
        assert f"\n# {title} {{ #stat110-lecture-21 }}\n" in text
        assert not (repo / f"ran-{lang}").exists()  # the backticked command was text, not run
    # the same values given in the environment instead of on make's command line
    env = {**os.environ, "SLUG": "stat110-lecture-22", "CATEGORY": "stat110", "TITLE_KO": HARD_TITLES["ko"],
           "TITLE_EN": HARD_TITLES["en"]}
    result = subprocess.run(["make", "--no-print-directory", "post", f"PYTHON={sys.executable}"], cwd=repo,
                            capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert f"# {HARD_TITLES['ko']} {{" in (repo / "docs/posts/stat110-lecture-22.ko.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("assignments", "says"),
    [
        (["SLUG=Bad Slug", "CATEGORY=stat110", "TITLE_KO=가", "TITLE_EN=a"], "slug must be lowercase"),
        (["SLUG=stat110-lecture-21", "CATEGORY=physics", "TITLE_KO=가", "TITLE_EN=a"], "category must be one of"),
        (["SLUG=stat110-lecture-21", "CATEGORY=stat110", "TITLE_EN=a"], "TITLE_KO not set"),
        (["SLUG=stat110-lecture-21", "CATEGORY=stat110", "TITLE_KO=가", "TITLE_EN=a", "DATE=2030-13-01"], "DATE must be"),
        (["SLUG=stat110-lecture-21", "CATEGORY=stat110", "TITLE_KO=가\n나", "TITLE_EN=a"], "one non-empty line"),
        (["SLUG=stat110-lecture-20", "CATEGORY=stat110", "TITLE_KO=가", "TITLE_EN=a"], "already there: docs/posts/stat110-lecture-20.ko.md"),
    ],
    ids=["slug", "category", "missing", "date", "two-lines", "existing"],
)
def test_a_failing_make_post_leaves_nothing_behind_and_says_why_in_one_line(repo, assignments, says) -> None:
    before = tree(repo)
    result = make_post(repo, *assignments)
    assert result.returncode != 0
    lines = script_lines(result.stderr)
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in result.stderr, result.stderr
    assert tree(repo) == before


def test_a_title_that_is_not_text_and_a_failure_while_writing_leave_nothing_behind(repo) -> None:
    before = tree(repo)
    # bytes that are not UTF-8 (what make made of a `$` before a Hangul syllable): refused before anything is written
    env = {**os.environ, "SLUG": "stat110-lecture-21", "CATEGORY": "stat110", "TITLE_EN": "a"}
    result = subprocess.run(["make", "--no-print-directory", "post", f"PYTHON={sys.executable}"], cwd=repo,
                            capture_output=True, env={**{k.encode(): v.encode() for k, v in env.items()}, b"TITLE_KO": b"21. \x95\x80"},
                            timeout=60, stdin=subprocess.DEVNULL)
    lines = script_lines(result.stderr.decode("utf-8", "replace"))
    assert result.returncode != 0 and len(lines) == 1 and "title-ko is not valid text" in lines[0], lines
    assert tree(repo) == before
    # a failure half-way (the snippet folder cannot be made: `snippets` is a file here) undoes the pages already written
    shutil.rmtree(repo / "snippets")
    (repo / "snippets").write_text("not a folder", encoding="utf-8")
    before = tree(repo)
    result = make_post(repo, "SLUG=stat110-lecture-21", "CATEGORY=stat110", "TITLE_KO=가", "TITLE_EN=a")
    lines = script_lines(result.stderr)
    assert result.returncode != 0 and len(lines) == 1 and lines[0].startswith("new post: nothing written:"), result.stderr
    assert tree(repo) == before


def test_make_post_then_the_tests_pass(repo, tmp_path, built_site, block_cache) -> None:
    """``make post`` with a hard title, then the tests that see every post, run inside the copy, and a strict build.

    The copy runs the tests that read the posts' sources (post counts, terms, parity, the example, feeds,
    notebooks, flashcards); the site tests need the copy's whole site, which the strict build below makes
    (with the run's block cache, so only the new example runs).
    """
    slug = "stat110-lecture-21"
    result = make_post(repo, f"SLUG={slug}", "CATEGORY=stat110", f"TITLE_KO={HARD_TITLES['ko']}",
                       f"TITLE_EN={HARD_TITLES['en']}", "DATE=2030-01-02")
    assert result.returncode == 0, result.stderr
    files = ["tests/test_terms.py", "tests/site/test_parity.py", "tests/test_snippets.py", "tests/takealong/test_feeds.py",
             "tests/takealong/test_notebooks.py", "tests/takealong/test_flashcards.py"]
    # every test of those files, except running the other posts' notebooks and examples again
    select = f"{slug} or not (test_notebook_runs_top_to_bottom or test_snippet_runs_standalone)"
    # (not the tests that read a built site: each would build the copy's whole site again, every block run)
    run = subprocess.run([sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "-m", "not site and not browser", "-k", select,
                          *files], cwd=repo, capture_output=True, text=True, timeout=900,
                         env={**os.environ, "PYTHONPATH": str(repo / "src")})
    assert run.returncode == 0, run.stdout[-4000:]
    for name in ("test_every_korean_post_is_checked", f"test_snippet_runs_standalone[{slug}/x1_example.py]",
                 f"test_notebook_runs_top_to_bottom[{slug}]", f"test_same_structure[posts/{slug}]"):
        assert f"{name} PASSED" in run.stdout, name
    out = tmp_path / "site"
    built = build_site(out, config=repo / "mkdocs.yml", site_url="http://127.0.0.1:8123/", cache_dir=block_cache)
    assert built.returncode == 0, built.stderr[-5000:]
    page = (out / "posts" / slug / "index.html").read_text(encoding="utf-8")
    assert "touch ran-ko</code>" in page and "E(XY)" in page
