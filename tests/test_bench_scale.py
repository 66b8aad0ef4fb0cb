"""The scale bench (`make bench SCALE=108`, scripts/bench_scale.py) at a small N: it builds, and what it prints
is consistent with what it built (issue 27, item 1). Its timings are figures to read, not checked here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sitetools import ROOT

pytestmark = pytest.mark.site


def test_the_scale_bench_measures_a_replicated_blog(tmp_path, block_cache, built_site) -> None:
    out = tmp_path / "scale.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_scale.py"), "--sizes", "6", "12", "--no-browser",
         "--seed-cache", str(block_cache), "--json", str(out)],
        capture_output=True, text=True, timeout=1800,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    six, twelve = data["results"]
    assert (six["n"], six["posts"], twelve["n"], twelve["posts"]) == (6, 6, 12, 12)
    assert twelve["pages"] - six["pages"] == 2 * 6  # six more posts in each language
    for r in (six, twelve):
        assert r["cached"]["s"] > 0 and r["cached"]["peak_mb"] > 20
        for lang in ("ko", "en"):
            assert 0 < r[f"search_{lang}"]["gzip_kb"] < r[f"search_{lang}"]["kb"]
            # a search downloads a part of its language's search data, and each typical query finds something
            query = r[f"query_{lang}"]
            assert 0 < query["max_gzip_kb"] < r[f"search_{lang}"]["gzip_kb"]
            assert query["max_gzip_kb"] == max(query["queries"].values()) and min(query["queries"].values()) > 1
            assert 0 < r[f"home_{lang}"]["gzip_kb"] < r[f"home_{lang}"]["kb"] < 60
    # the copies are indexed: more posts, more search data (about half of it at N=6 is the six posts', the
    # rest the API pages and the glossary, which stay); the home page barely grows
    for lang in ("ko", "en"):
        assert twelve[f"search_{lang}"]["kb"] > 1.3 * six[f"search_{lang}"]["kb"]
        assert twelve[f"home_{lang}"]["kb"] < 1.5 * six[f"home_{lang}"]["kb"]
    fit = data["fits"]["search data ko (KB)"]
    assert fit["b"] > 0 and abs(fit["a"] + fit["b"] * 6 - six["search_ko"]["kb"]) < 1  # a line through two points
    printed = done.stdout
    assert "search data ko (KB)" in printed and "a search downloads, en, most, gzip (KB)" in printed
    assert "N=12" in printed and "per-post part" in printed
