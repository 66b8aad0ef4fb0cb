"""A clean strict build says little, so a real warning stands out (issue 17, item 4)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.site

MAX_LINES = 20


def test_clean_build_prints_at_most_twenty_lines(site_build_log: str) -> None:
    lines = [line for line in site_build_log.splitlines() if line.strip()]
    assert len(lines) <= MAX_LINES, f"{len(lines)} lines; the first 30:\n" + "\n".join(lines[:30])


def test_clean_build_logs_no_link_notices_and_no_warnings(site_build_log: str) -> None:
    links = [line for line in site_build_log.splitlines() if re.search(r"unrecognized relative link|not found among documentation files", line)]
    assert not links, f"{len(links)} link notices, e.g. {links[:3]}"
    warnings = [line for line in site_build_log.splitlines() if re.match(r"\s*(WARNING|ERROR)\b", line)]
    assert not warnings, warnings[:5]
