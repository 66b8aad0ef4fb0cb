"""Shared fixtures: the address the test site is served from, and one strict build of it per run.

`make test` runs the suite on several processes (pytest-xdist). The site is still built once: as soon as
the tests are collected and some of them need the site, a background build starts under a lock into a
folder every process reads (it runs beside the package tests, which come first), and the run's main
process serves that folder over HTTP at one address for all of them (the address is written into the
build, since Material's instant navigation follows only links its sitemap lists under it). A run without
xdist does the same in its one process.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from filelock import FileLock

from sitetools import build_site

# Set by the main process for every process of the run (workers inherit the environment).
SHARED_DIR = "STUDYNOTES_TEST_SHARED"
SHARED_URL = "STUDYNOTES_TEST_SITE_URL"
SERVER = pytest.StashKey[tuple]()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that navigates away closes its connection mid-response; that is not a server error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the main process has set up the folder and the server
    shared = Path(tempfile.mkdtemp(prefix="studynotes-tests-"))
    (shared / "site").mkdir()
    handler = functools.partial(QuietHandler, directory=str(shared / "site"))
    server = SiteServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    os.environ[SHARED_DIR] = str(shared)
    os.environ[SHARED_URL] = f"http://127.0.0.1:{server.server_address[1]}/"
    config.stash[SERVER] = (server, shared)


# Builds this process started in the background (stopped if the run ends before they do).
BACKGROUND_BUILDS: list = []


def pytest_unconfigure(config: pytest.Config) -> None:
    for process in BACKGROUND_BUILDS:
        if process.poll() is None:
            process.terminate()
    if SERVER in config.stash:
        server, shared = config.stash[SERVER]
        server.shutdown()
        shutil.rmtree(shared, ignore_errors=True)


@pytest.fixture(scope="session")
def site_url() -> str:
    """Where the built site is served (by the run's main process) while the tests run."""
    return os.environ[SHARED_URL]


@pytest.fixture(scope="session")
def block_cache() -> Path:
    """The executed-block cache that the run's build fills (it starts empty: every block runs for real).

    A later build of the same blocks (a copy of the repository with a new post) reads it instead of
    running them all again."""
    return shared_block_cache()


def shared_block_cache() -> Path:
    return Path(os.environ[SHARED_DIR]) / "block-cache"


def build_shared_site(on_start=None) -> None:
    """Build the run's site into the shared folder, unless a process of the run has done so already."""
    shared = Path(os.environ[SHARED_DIR])
    dest, log, status = shared / "site", shared / "site.log", shared / "site.status"
    with FileLock(shared / "site.lock"):
        if not status.exists():
            cache = shared_block_cache()
            cache.mkdir()
            result = build_site(dest, site_url=os.environ[SHARED_URL], cache_dir=cache, on_start=on_start)
            log.write_text(result.stdout + result.stderr, encoding="utf-8")  # see site_build_log
            status.write_text(str(result.returncode), encoding="ascii")


def pytest_collection_finish(session: pytest.Session) -> None:
    # When the run has site or browser tests, start the build now, in the background, so that it runs
    # while the package tests do (they come first) instead of after them while the other processes wait.
    # Every process starts one; the first to take the lock builds, the others find the build done.
    if session.config.option.collectonly:
        return
    if any("built_site" in getattr(item, "fixturenames", ()) for item in session.items):
        threading.Thread(
            target=build_shared_site, args=(BACKGROUND_BUILDS.append,), name="site-build", daemon=True
        ).start()


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The site, built once per run with ``mkdocs build --strict`` (started when the tests were collected)."""
    build_shared_site()  # waits for the build in progress, or builds if none was started
    shared = Path(os.environ[SHARED_DIR])
    output = (shared / "site.log").read_text(encoding="utf-8")
    assert (shared / "site.status").read_text(encoding="ascii") == "0", f"strict build failed:\n{output[-12000:]}"
    return shared / "site"


@pytest.fixture(scope="session")
def site_build_log(built_site: Path) -> str:
    """Everything the strict build of ``built_site`` printed (stdout and stderr)."""
    return (built_site.parent / "site.log").read_text(encoding="utf-8")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A test that reads the built site is a `site` test wherever it lives (browser tests carry their own mark),
    # so `pytest -m "not site and not browser"` never builds the site.
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.site)
    # The package tests first, then the site tests, then the browser tests: with several processes, the
    # others keep running package tests while the first to need the site builds it.
    items.sort(key=lambda item: 2 if item.get_closest_marker("browser") else 1 if item.get_closest_marker("site") else 0)
