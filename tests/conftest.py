"""Shared fixtures: one strict build of the whole site per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitetools import build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}"
    return dest
