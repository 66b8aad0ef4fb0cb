"""Helpers for the browser tests: what a page did on the network and console, math readiness, screenshots."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from sitetools import ROOT

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


class PageWatch:
    """Records what a page did on the network and in the console."""

    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.host = urlsplit(base_url).netloc
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"uncaught: {exc}"))
        page.on("requestfailed", lambda req: self.failed.append(f"{req.url} ({req.failure})"))
        page.on("response", lambda res: res.status >= 400 and self.failed.append(f"{res.url} -> {res.status}"))
        page.on("request", self._request)

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.console_errors.append(msg.text)

    def _request(self, req) -> None:
        parts = urlsplit(req.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.netloc != self.host:
            self.foreign.append(req.url)

    def assert_clean(self) -> None:
        assert not self.foreign, f"requests to other hosts: {self.foreign[:10]}"
        assert not self.failed, f"failed requests: {self.failed[:10]}"
        assert not self.console_errors, f"console errors: {self.console_errors[:10]}"


def wait_for_math(page) -> None:
    """Wait until MathJax has typeset every formula on the page (or there are none)."""
    page.wait_for_function(
        """() => {
            const n = document.querySelectorAll('.arithmatex').length;
            if (n === 0) return true;
            return document.querySelectorAll('.arithmatex mjx-container').length >= n;
        }""",
        timeout=30_000,
    )


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
