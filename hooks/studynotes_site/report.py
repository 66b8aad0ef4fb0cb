"""The build report: every executed block's run time, output size and origin, as an HTML table.

`shared_runs` records one row per block and language (page, lang, id, seconds, bytes, origin:
``run``, ``shared`` or ``cache``); `render_report` turns a language's rows into the table that
replaces `REPORT_MARKER`.
"""

from __future__ import annotations

import html

REPORT_MARKER = "<!-- build-report -->"
REPORT_TEXT = {
    "ko": {
        "post": "글", "block": "예제 블록", "seconds": "실행 시간 (초)", "size": "출력 (KB)", "origin": "출처",
        "total": "합계", "subtotal": "소계", "run": "실행", "shared": "공유", "cache": "캐시",
        "summary": "블록 {blocks}개 가운데 이 빌드에서 실행한 것 {run}개, 다른 언어와 공유한 것 {shared}개, 캐시에서 가져온 것 {cache}개.",
    },
    "en": {
        "post": "Post", "block": "Example block", "seconds": "Run time (s)", "size": "Output (KB)", "origin": "From",
        "total": "Total", "subtotal": "Subtotal", "run": "run", "shared": "shared", "cache": "cache",
        "summary": "Of {blocks} blocks, {run} ran in this build, {shared} were shared with the other language and {cache} came from the cache.",
    },
}


def render_report(runs: list[dict], lang: str, titles: dict[str, str], href=None) -> str:
    """The rows of ``runs`` in ``lang`` as an HTML table grouped by page, in build order.

    ``titles`` maps a page (``posts/<slug>``) to its title; a page without one shows its name. ``href`` gives a
    page's link from the report (default ``../<page>/``, the report's own folder URLs; the offline copy's pages
    are ``.html`` files).
    """
    href = href or (lambda page: f"../{page}/")
    text = REPORT_TEXT[lang]
    runs = [r for r in runs if r["lang"] == lang]
    rows = []
    for page in dict.fromkeys(r["page"] for r in runs):
        group = [r for r in runs if r["page"] == page]
        title = html.escape(titles.get(page, page))
        link = f'<a href="{href(page)}">{title}</a>'
        for i, run in enumerate(group):
            first = f'<td rowspan="{len(group) + 1}">{link}</td>' if i == 0 else ""
            rows.append(
                f"<tr>{first}<td><code>{html.escape(run['id'])}</code></td>"
                f"<td>{run['seconds']:.2f}</td><td>{run['bytes'] / 1024:.1f}</td><td>{text[run['origin']]}</td></tr>"
            )
        rows.append(
            f"<tr><td><em>{text['subtotal']}</em></td><td><em>{sum(r['seconds'] for r in group):.2f}</em></td>"
            f"<td><em>{sum(r['bytes'] for r in group) / 1024:.1f}</em></td><td></td></tr>"
        )
    rows.append(
        f"<tr><td><strong>{text['total']}</strong></td><td><strong>{len(runs)}</strong></td>"
        f"<td><strong>{sum(r['seconds'] for r in runs):.2f}</strong></td>"
        f"<td><strong>{sum(r['bytes'] for r in runs) / 1024:.1f}</strong></td><td></td></tr>"
    )
    head = (
        f"<tr><th>{text['post']}</th><th>{text['block']}</th><th>{text['seconds']}</th>"
        f"<th>{text['size']}</th><th>{text['origin']}</th></tr>"
    )
    counts = {origin: sum(r["origin"] == origin for r in runs) for origin in ("run", "shared", "cache")}
    summary = text["summary"].format(blocks=len(runs), **counts)
    return f'<p>{summary}</p><table class="sn-build-report"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
