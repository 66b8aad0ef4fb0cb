"""Shared fixtures: the address the test site is served from, and one strict build of it per session."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from sitetools import build_site


@pytest.fixture(scope="session")
def site_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest, site_url=site_url)
    dest.with_name(dest.name + ".log").write_text(result.stdout + result.stderr, encoding="utf-8")  # see site_build_log
    assert result.returncode == 0, f"strict build failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}"
    return dest


@pytest.fixture(scope="session")
def site_build_log(built_site: Path) -> str:
    """Everything the strict build of ``built_site`` printed (stdout and stderr)."""
    return built_site.with_name(built_site.name + ".log").read_text(encoding="utf-8")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A test that reads the built site is a `site` test wherever it lives (browser tests carry their own mark),
    # so `pytest -m "not site and not browser"` never builds the site.
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.site)
