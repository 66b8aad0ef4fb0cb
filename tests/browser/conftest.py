"""Browser fixtures: the built site's address and one headless Chromium per test process.

Chromium comes from Debian (``apt-get install chromium``, at /usr/bin/chromium) or, with
``STUDYNOTES_CHROMIUM=playwright``, from Playwright's own download (GitHub Actions). Any other value
of ``STUDYNOTES_CHROMIUM`` is taken as the path of a Chromium binary. With no browser the tests fail
with instructions; they are never skipped.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from browsertools import PageWatch, wait_for_math

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def base_url(built_site: Path, site_url: str) -> str:
    """The built site's address (tests/conftest.py serves it for every process of the run)."""
    return site_url


def chromium_launch_options() -> dict:
    choice = os.environ.get("STUDYNOTES_CHROMIUM", "")
    if choice == "playwright":
        return {"args": ARGS}
    path = choice or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        pytest.fail(
            "No Chromium for the browser tests. Install Debian's (apt-get install chromium fonts-noto-cjk), "
            "or run `python -m playwright install --with-deps chromium` and set STUDYNOTES_CHROMIUM=playwright, "
            "or set STUDYNOTES_CHROMIUM to a Chromium binary.",
            pytrace=False,
        )
    return {"executable_path": path, "args": ARGS}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(**chromium_launch_options())
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, base_url):
    """Open a page in a fresh context: ``open_page(path, color_scheme="light", width=1280)``."""
    contexts = []

    def _open(path: str, *, color_scheme: str = "light", width: int = 1280, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme)
        contexts.append(context)
        page = context.new_page()
        watch = PageWatch(page, base_url)
        page.goto(base_url + path, wait_until="networkidle")
        wait_for_math(page)
        return page, watch

    yield _open
    for context in contexts:
        context.close()
