"""One run per block for every language, and the on-disk cache, through markdown-exec's formatter."""

from __future__ import annotations

import json
import logging
import re

import markdown
import pytest
from markdown_exec import default_tabs
from studynotes_site.shared_runs import TAB_LABELS, BlockCache, SharedRuns, page_tabs, source_digest

CODE = """
from studynotes.i18n import localized
TEXT = localized({{"ko": "값", "en": "value"}})
with open({log!r}, "a", encoding="utf-8") as log:
    log.write("ran\\n")
print(f"**{{TEXT}}**")
"""


def md() -> markdown.Markdown:
    return markdown.Markdown(extensions=["pymdownx.superfences", "pymdownx.tabbed"], extension_configs={"pymdownx.tabbed": {"alternate_style": True}})


def formatted(runs: SharedRuns, code: str, lang: str) -> str:
    runs.set_page("posts/demo", lang)
    return runs.format(code, md(), id="demo", exec="1")


@pytest.fixture
def code(tmp_path):
    return CODE.format(log=str(tmp_path / "runs.log"))


def test_both_languages_share_one_run(tmp_path, code) -> None:
    runs = SharedRuns(("ko", "en"), "digest-a", BlockCache(None))
    ko, en = formatted(runs, code, "ko"), formatted(runs, code, "en")
    assert "<strong>값</strong>" in ko and "<strong>value</strong>" in en
    assert (tmp_path / "runs.log").read_text().splitlines() == ["ran"]
    assert [(r["lang"], r["origin"], r["page"], r["id"]) for r in runs.runs] == [
        ("ko", "run", "posts/demo", "demo"),
        ("en", "shared", "posts/demo", "demo"),
    ]
    # the size is of each language's own output
    assert [r["bytes"] for r in runs.runs] == [len("**값**\n".encode()), len("**value**\n".encode())]


def test_the_cache_serves_a_later_build_and_follows_the_digest(tmp_path, code) -> None:
    cache = BlockCache(tmp_path / "cache")
    first = formatted(SharedRuns(("ko", "en"), "digest-b", cache), code, "ko")
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1
    later = SharedRuns(("ko", "en"), "digest-b", cache)
    assert formatted(later, code, "ko") == first
    assert later.runs[0]["origin"] == "cache"
    changed = SharedRuns(("ko", "en"), "digest-c", cache)
    formatted(changed, code, "ko")
    assert changed.runs[0]["origin"] == "run"
    assert (tmp_path / "runs.log").read_text().splitlines() == ["ran", "ran"]


def test_a_broken_cache_entry_is_an_error_not_a_missing_block(tmp_path, code, caplog) -> None:
    cache = BlockCache(tmp_path / "cache")
    formatted(SharedRuns(("ko",), "digest-d", cache), code, "ko")
    for entry in (tmp_path / "cache").glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.studynotes"):
        assert formatted(SharedRuns(("ko",), "digest-d", cache), code, "ko") == ""
    assert "block 'demo' could not be formatted" in caplog.text and "unreadable cache entry" in caplog.text


def test_a_raising_block_is_not_cached(tmp_path) -> None:
    cache = BlockCache(tmp_path / "cache")
    runs = SharedRuns(("ko",), "digest-e", cache)
    runs.set_page("posts/demo", "ko")
    runs.format(f"raise ValueError({str(tmp_path)!r})", md(), id="demo-raises", exec="1")
    assert runs.runs == [] and not (tmp_path / "cache").exists()


def test_the_digest_follows_the_package_and_the_config(tmp_path) -> None:
    package = tmp_path / "src" / "pkg"
    package.mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: a\n")
    before = source_digest(package, config)
    assert source_digest(package, config) == before
    (package / "a.py").write_text("x = 2\n")
    after_code = source_digest(package, config)
    config.write_text("site_name: b\n")
    after_config = source_digest(package, config)
    assert len({before, after_code, after_config}) == 3
    # the menu does not decide what a block prints: a post added to nav keeps every cached block
    config.write_text("site_name: b\nnav:\n  - A:\n      - posts/a.md\n\n  # later\n  - posts/new.md\n")
    assert source_digest(package, config) == after_config
    config.write_text("site_name: b\nnav:\n  - posts/a.md\nextra_css: [x.css]\n")
    assert source_digest(package, config) != after_config  # a key after nav still counts


def test_a_cache_entry_is_written_whole(tmp_path) -> None:
    cache = BlockCache(tmp_path)
    cache.put("k", {"html": "<p>é</p>", "seconds": 0.1, "bytes": 9})
    assert json.loads((tmp_path / "k.json").read_text(encoding="utf-8"))["html"] == "<p>é</p>"
    assert list(tmp_path.iterdir()) == [tmp_path / "k.json"]  # no partial file left behind
    assert BlockCache(None).get("k") is None


def test_tab_labels_follow_the_page_language_unless_the_block_chose_its_own(tmp_path, code) -> None:
    runs = SharedRuns(("ko", "en"), "digest-f", BlockCache(None))
    html = {}
    for lang in ("ko", "en"):
        runs.set_page("posts/demo", lang)
        html[lang] = runs.format(code, md(), id="demo", exec="1", source="tabbed-right", tabs=default_tabs)
    labels = {lang: re.findall(r"<label[^>]*>([^<]*)</label>", text) for lang, text in html.items()}
    assert labels == {"ko": ["결과", "코드"], "en": ["Result", "Source"]}
    assert (tmp_path / "runs.log").read_text().splitlines() == ["ran"]  # the labels do not split the run
    assert page_tabs({"tabs": ("Code", "Out")}, "ko") == {"tabs": ("Code", "Out")}
    assert page_tabs({}, "ko") == {"tabs": TAB_LABELS["ko"]}
    assert page_tabs({}, "fr") == {}


def test_the_builds_of_two_languages_share_runs_through_one_outputs_dict(tmp_path, code) -> None:
    # mkdocs-static-i18n builds English as a second build: a new formatter, the same outputs
    outputs: dict = {}
    korean = SharedRuns(("ko", "en"), "digest-g", BlockCache(None), outputs)
    english = SharedRuns(("ko", "en"), "digest-g", BlockCache(None), outputs)
    assert "<strong>값</strong>" in formatted(korean, code, "ko")
    assert "<strong>value</strong>" in formatted(english, code, "en")
    assert [r["origin"] for r in korean.runs + english.runs] == ["run", "shared"]
    alone = SharedRuns(("ko", "en"), "digest-g", BlockCache(None))  # another build: runs again
    formatted(alone, code, "en")
    assert (tmp_path / "runs.log").read_text().splitlines() == ["ran", "ran"]
