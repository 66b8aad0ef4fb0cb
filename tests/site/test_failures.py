"""Bad input to the build fails it loudly: a snippet that raises (naming the block id), one that takes a localized
text apart (naming the block, the line and the method), or a missing snippet file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from sitetools import ROOT, build_site

# Standalone this prints the short name; on the site TEXT["name"] is a placeholder for both languages, and
# split would cut the placeholder, not the words.
SPLITS_A_PHRASE = """from studynotes.i18n import localized

TEXT = localized({"ko": dict(name="이항분포: 성공 횟수"), "en": dict(name="binomial: successes")})
print("before")
print(TEXT["name"].split(":")[0])
"""

pytestmark = pytest.mark.site


def mini_project(tmp_path, block: str):
    """A copy of the site's configuration with one tiny page pair holding ``block``."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:\n(?:  .*\n?)*", "\n", config)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("hooks", "overrides", "node_modules", "src"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "docs").mkdir()
    for item in ("stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / item, tmp_path / "docs" / item)
    (tmp_path / "snippets" / "demo").mkdir(parents=True)
    (tmp_path / "snippets" / "demo" / "raises.py").write_text("raise ValueError('n must be >= 1, got 0')\n", encoding="utf-8")
    (tmp_path / "snippets" / "demo" / "fine.py").write_text("print('fine')\n", encoding="utf-8")
    for lang in ("ko", "en"):
        (tmp_path / "docs" / f"index.{lang}.md").write_text(f"# Demo {{ #demo }}\n\n{block}\n", encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_the_mini_project_builds_when_nothing_is_wrong(tmp_path) -> None:
    config = mini_project(tmp_path, '```python exec="1" id="demo-fine"\n--8<-- "demo/fine.py"\n```')
    result = build_site(tmp_path / "out", config)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "fine" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_a_raising_snippet_fails_the_build_and_names_its_block(tmp_path) -> None:
    config = mini_project(tmp_path, '```python exec="1" id="demo-raises"\n--8<-- "demo/raises.py"\n```')
    result = build_site(tmp_path / "out", config)
    assert result.returncode != 0
    assert "demo-raises" in result.stderr
    assert "n must be >= 1" in result.stderr


def test_a_snippet_taking_a_localized_text_apart_fails_the_build_naming_block_line_and_method(tmp_path) -> None:
    config = mini_project(tmp_path, '```python exec="1" id="demo-split"\n--8<-- "demo/split.py"\n```')
    snippet = tmp_path / "snippets" / "demo" / "split.py"
    snippet.write_text(SPLITS_A_PHRASE, encoding="utf-8")
    alone = subprocess.run([sys.executable, str(snippet)], capture_output=True, text=True, env={**os.environ, "STUDYNOTES_LANG": "en"})
    assert alone.returncode == 0 and alone.stdout == "before\nbinomial\n", alone.stderr  # the reader's own run hides it
    result = build_site(tmp_path / "out", config)
    assert result.returncode != 0
    assert 'File "<code block: demo-split>", line 5, in <module>' in result.stderr  # the block and the line
    assert 'print(TEXT["name"].split(":")[0])' in result.stderr
    assert "TypeError: Phrase.split: .split() on a localized text" in result.stderr  # the method


def test_a_missing_snippet_file_fails_the_build(tmp_path) -> None:
    config = mini_project(tmp_path, '```python exec="1" id="demo-missing"\n--8<-- "demo/does_not_exist.py"\n```')
    result = build_site(tmp_path / "out", config)
    assert result.returncode != 0
    assert "does_not_exist.py" in result.stderr


def test_a_failing_block_is_never_cached(tmp_path) -> None:
    config = mini_project(tmp_path, '```python exec="1" id="demo-raises"\n--8<-- "demo/raises.py"\n```')
    for attempt in ("first", "second"):
        result = build_site(tmp_path / attempt, config, cache_dir=tmp_path / "cache")
        assert result.returncode != 0, f"{attempt} build passed"
        assert "demo-raises" in result.stderr


def test_cache_reuses_outputs_and_follows_code_changes(tmp_path) -> None:
    config = mini_project(tmp_path, '```python exec="1" id="demo-fine"\n--8<-- "demo/fine.py"\n```')
    cache = tmp_path / "cache"
    assert build_site(tmp_path / "one", config, cache_dir=cache).returncode == 0
    entries = sorted(cache.glob("*.json"))
    assert len(entries) == 2  # one per language
    assert build_site(tmp_path / "two", config, cache_dir=cache).returncode == 0
    assert sorted(cache.glob("*.json")) == entries
    (tmp_path / "snippets" / "demo" / "fine.py").write_text("print('changed')\n", encoding="utf-8")
    assert build_site(tmp_path / "three", config, cache_dir=cache).returncode == 0
    assert "changed" in (tmp_path / "three" / "index.html").read_text(encoding="utf-8")
    assert len(list(cache.glob("*.json"))) == 4
