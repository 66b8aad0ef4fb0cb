"""The build report table, from recorded runs, without a build."""

from __future__ import annotations

import re

from studynotes_site.report import render_report

RUNS = [
    {"page": "posts/a", "lang": "ko", "id": "a-1", "seconds": 1.25, "bytes": 2048, "origin": "run"},
    {"page": "posts/a", "lang": "ko", "id": "a-2", "seconds": 0.5, "bytes": 1024, "origin": "cache"},
    {"page": "posts/b", "lang": "ko", "id": "b<1>", "seconds": 2.0, "bytes": 512, "origin": "run"},
    {"page": "posts/a", "lang": "en", "id": "a-1", "seconds": 1.25, "bytes": 2000, "origin": "shared"},
]


def test_rows_are_grouped_by_page_with_subtotals_and_a_total() -> None:
    html = render_report(RUNS, "ko", {"posts/a": "글 A"})
    assert html.startswith("<p>블록 3개 가운데 이 빌드에서 실행한 것 2개, 다른 언어와 공유한 것 0개, 캐시에서 가져온 것 1개.</p>")
    assert '<td rowspan="3"><a href="../posts/a/">글 A</a></td><td><code>a-1</code></td><td>1.25</td><td>2.0</td><td>실행</td>' in html
    assert '<td rowspan="2"><a href="../posts/b/">posts/b</a></td><td><code>b&lt;1&gt;</code></td>' in html  # no title: the name
    subtotals = re.findall(r"<tr><td><em>소계</em></td><td><em>([\d.]+)</em></td><td><em>([\d.]+)</em>", html)
    assert subtotals == [("1.75", "3.0"), ("2.00", "0.5")]
    total = re.search(r"<strong>합계</strong></td><td><strong>(\d+)</strong></td><td><strong>([\d.]+)</strong></td><td><strong>([\d.]+)", html)
    assert total.groups() == ("3", f"{1.25 + 0.5 + 2.0:.2f}", f"{(2048 + 1024 + 512) / 1024:.1f}")


def test_a_language_sees_only_its_own_runs() -> None:
    html = render_report(RUNS, "en", {})
    assert "Of 1 blocks, 0 ran in this build, 1 were shared" in html
    assert html.count("<code>") == 1 and "<td>shared</td>" in html
