"""PageWatch (tests/browser/browsertools.py): an abort caused by the page's own navigation is not a failure, others are."""

from __future__ import annotations

from browsertools import PageWatch

BASE = "http://127.0.0.1:8123/"


class FakePage:
    def __init__(self) -> None:
        self.main_frame = object()
        self.handlers: dict[str, list] = {}

    def on(self, event: str, handler) -> None:
        self.handlers.setdefault(event, []).append(handler)

    def emit(self, event: str, payload) -> None:
        for handler in self.handlers.get(event, []):
            handler(payload)


class FakeRequest:
    def __init__(self, page: FakePage, url: str, *, navigation: bool = False, failure: str | None = None) -> None:
        self.url, self.failure, self._navigation = url, failure, navigation
        self.frame = page.main_frame

    def is_navigation_request(self) -> bool:
        return self._navigation


def start(page: FakePage, url: str, **kwargs) -> FakeRequest:
    request = FakeRequest(page, url, **kwargs)
    page.emit("request", request)
    return request


def fail(page: FakePage, request: FakeRequest, failure: str) -> None:
    request.failure = failure
    page.emit("requestfailed", request)


def test_abort_by_a_later_navigation_is_not_a_failure() -> None:
    page = FakePage()
    watch = PageWatch(page, BASE)
    start(page, BASE, navigation=True)
    worker = start(page, BASE + "assets/javascripts/lunr/lunr.multi.min.js")
    fail(page, worker, "net::ERR_ABORTED")  # reported before the navigation that caused it
    start(page, BASE + "en/", navigation=True)
    assert watch.failures == [] and watch.aborted == [worker.url]
    watch.assert_clean()


def test_abort_with_no_navigation_after_it_is_a_failure() -> None:
    page = FakePage()
    watch = PageWatch(page, BASE)
    start(page, BASE, navigation=True)
    fail(page, start(page, BASE + "search/search_index.json"), "net::ERR_ABORTED")
    assert watch.failures == [BASE + "search/search_index.json (net::ERR_ABORTED)"]


def test_other_failures_count_even_after_a_navigation() -> None:
    page = FakePage()
    watch = PageWatch(page, BASE)
    start(page, BASE, navigation=True)
    fail(page, start(page, BASE + "x.js"), "net::ERR_CONNECTION_REFUSED")
    start(page, BASE + "en/", navigation=True)
    assert watch.failures == [BASE + "x.js (net::ERR_CONNECTION_REFUSED)"]


def test_a_request_started_after_the_last_navigation_is_not_excused() -> None:
    page = FakePage()
    watch = PageWatch(page, BASE)
    start(page, BASE, navigation=True)
    start(page, BASE + "en/", navigation=True)
    fail(page, start(page, BASE + "en/late.js"), "net::ERR_ABORTED")
    assert watch.failures == [BASE + "en/late.js (net::ERR_ABORTED)"]
