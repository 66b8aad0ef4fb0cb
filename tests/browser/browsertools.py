"""Helpers for the browser tests: what a page did on the network and console, math readiness, screenshots."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from sitetools import ROOT

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


class PageWatch:
    """Records what a page did on the network and in the console.

    A request that the browser aborts (``net::ERR_ABORTED``) because the page itself navigated to a
    new document after the request started (a click on a link, the language switcher) is not a
    failure: the document that wanted the response is gone. Such requests are listed in ``aborted``.
    Every other failed request (connection refused, a 4xx/5xx response, an abort with no new document
    loaded after the request started) is a failure. The decision is taken when the test asks
    (``failures``/``assert_clean``), so the order in which the browser reports a worker's abort and
    the page's navigation does not matter.
    """

    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.host = urlsplit(base_url).netloc
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self._aborts: list[tuple[str, int]] = []  # (url, navigations started before the request)
        self.navigations = 0  # main-frame document loads started so far
        self._started: dict[object, int] = {}  # request -> navigations started before it
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"uncaught: {exc}"))
        page.on("requestfailed", self._failed)
        page.on("response", lambda res: res.status >= 400 and self.failed.append(f"{res.url} -> {res.status}"))
        page.on("request", self._request)

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.console_errors.append(msg.text)

    def _request(self, req) -> None:
        # the navigation request of a new document is counted before its own number is taken,
        # so a later navigation also excuses the abort of an earlier, superseded one
        if req.is_navigation_request() and req.frame == self.page.main_frame:
            self.navigations += 1
        self._started[req] = self.navigations
        parts = urlsplit(req.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.netloc != self.host:
            self.foreign.append(req.url)

    def _failed(self, req) -> None:
        started = self._started.get(req)
        if req.failure == "net::ERR_ABORTED" and started is not None:
            self._aborts.append((req.url, started))
        else:
            self.failed.append(f"{req.url} ({req.failure})")

    @property
    def aborted(self) -> list[str]:
        """Requests cancelled because the page went on to another document (not failures)."""
        return [url for url, started in self._aborts if self.navigations > started]

    @property
    def failures(self) -> list[str]:
        stray = [f"{url} (net::ERR_ABORTED)" for url, started in self._aborts if self.navigations <= started]
        return self.failed + stray

    def assert_clean(self) -> None:
        assert not self.foreign, f"requests to other hosts: {self.foreign[:10]}"
        assert not self.failures, f"failed requests: {self.failures[:10]}"
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


def wait_for_search(page) -> None:
    """Wait until the page's search is ready to answer (its index loaded in the worker).

    Material shows its "initializing" text until then; after, the "type to start searching" text or the
    count of the last answer. A query typed before that may be dropped. The texts are the page language's,
    from the page's config. Served over HTTP the index loads with the page; from file:// (the offline
    copy) only once the search field has the focus, so focus it first there.
    """
    page.wait_for_function(
        """() => {
            const t = JSON.parse(document.getElementById('__config').textContent).translations;
            const meta = document.querySelector('.md-search-result__meta');
            if (!meta) return false;
            const text = meta.textContent.trim();
            const count = s => new RegExp('^' + s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&').replace('#', '\\\\d+') + '$');
            return text === t['search.result.placeholder'] || text === t['search.result.none']
                || count(t['search.result.one']).test(text) || count(t['search.result.other']).test(text);
        }""",
        timeout=30_000,
    )


def screenshot(page, name: str) -> Path | None:
    """Save a full-page screenshot under test-artifacts/screenshots/ when ``STUDYNOTES_SCREENSHOTS=1``
    (the GitHub workflow sets it and uploads them for review). A full-page shot of a long post takes
    seconds, so a local ``make test`` does not take them; they are pictures for people, not checks."""
    if os.environ.get("STUDYNOTES_SCREENSHOTS") != "1":
        return None
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
