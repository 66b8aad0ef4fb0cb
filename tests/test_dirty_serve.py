"""hooks/dirty_serve.py: under `mkdocs serve --dirty`, the pages an edit touches are rebuilt and the others keep
their titles (the browser test of the whole loop is tests/browser/test_preview.py)."""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitetools import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from studynotes_site.preview import STATE_FILE, PreviewState, signature  # noqa: E402

SOURCES = {
    "a.md": '---\ntitle: Page A\n---\n\n```python exec="1" id="a"\n--8<-- "post/a.py"\n```\n',
    "b.md": "# Page B\n\nprose only\n",
}


class Config(dict):
    """The parts of MkDocs' config the hook and `Page` read, as attributes and keys."""

    __getattr__ = dict.__getitem__


@pytest.fixture
def hook():
    spec = importlib.util.spec_from_file_location("dirty_serve", ROOT / "hooks" / "dirty_serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "snippets" / "post").mkdir(parents=True)
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    for name, text in SOURCES.items():
        (tmp_path / "docs" / name).write_text(text)
    (tmp_path / "snippets" / "post" / "a.py").write_text("print(1)\n")
    (tmp_path / "src" / "pkg" / "m.py").write_text("X = 1\n")
    site = tmp_path / "site"
    for name in ("a", "b"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text("<html></html>")
    # the previous build knew both pages, their titles and what other pages show of them
    state = PreviewState(site / STATE_FILE)
    for name, title in (("a.md", "Page A"), ("b.md", "Page B")):
        state.record(name, title, signature(SOURCES[name]), "en")
    state.save()
    # everything was built after the sources were written
    for path in tmp_path.rglob("*"):
        if path.is_file():
            os.utime(path, (1000, 1000) if "site" not in path.parts else (2000, 2000))
    return tmp_path


def rebuild(hook, project, command="serve", dirty=True) -> dict[str, tuple[bool, str | None]]:
    """Each page: whether MkDocs will rebuild it, and the title the menu shows for it."""
    config = Config(config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "docs"),
                    site_dir=str(project / "site"), plugins={}, theme={"language": "en"}, site_url=None)
    files = Files([File(n, str(project / "docs"), str(project / "site"), True) for n in SOURCES])
    for file in files:
        Page(None, file, config)
    hook.on_startup(command=command, dirty=dirty)
    hook.on_pre_build(config)
    hook.on_nav(None, config, files)
    return {f.src_uri: (f.is_modified(), f.page.title) for f in files.documentation_pages()}


def test_nothing_changed_nothing_rebuilt_and_every_page_keeps_its_title(hook, project) -> None:
    assert rebuild(hook, project) == {"a.md": (False, "Page A"), "b.md": (False, "Page B")}


def test_an_edited_snippet_rebuilds_the_page_that_includes_it(hook, project) -> None:
    os.utime(project / "snippets" / "post" / "a.py", (3000, 3000))
    assert rebuild(hook, project) == {"a.md": (True, None), "b.md": (False, "Page B")}


def test_an_edited_package_rebuilds_pages_that_execute_code(hook, project) -> None:
    os.utime(project / "src" / "pkg" / "m.py", (3000, 3000))
    assert rebuild(hook, project) == {"a.md": (True, None), "b.md": (False, "Page B")}


def test_a_prose_edit_rebuilds_that_page_only(hook, project) -> None:
    (project / "docs" / "b.md").write_text(SOURCES["b.md"] + "\nOne more sentence.\n")
    assert rebuild(hook, project) == {"a.md": (False, "Page A"), "b.md": (True, None)}


@pytest.mark.parametrize(("name", "edit"), [("a.md", ("Page A", "Page A, renamed")), ("b.md", ("# Page B", "# Page B2"))])
def test_a_new_title_rebuilds_every_page(hook, project, name, edit) -> None:
    # the menu and the neighbours' footers of every page show it
    (project / "docs" / name).write_text(SOURCES[name].replace(*edit))
    assert {k: v[0] for k, v in rebuild(hook, project).items()} == {"a.md": True, "b.md": True}


def test_a_new_page_rebuilds_every_page(hook, project) -> None:
    state = PreviewState(project / "site" / STATE_FILE)
    state.forget_missing({"a.md"})
    state.save()
    assert {k: v[0] for k, v in rebuild(hook, project).items()} == {"a.md": True, "b.md": True}


@pytest.mark.parametrize("path", ["mkdocs.yml", "overrides/main.html", "hooks/x.py"])
def test_a_changed_config_override_or_hook_rebuilds_every_page(hook, project, path) -> None:
    (project / path).parent.mkdir(parents=True, exist_ok=True)
    (project / path).write_text("changed\n")
    os.utime(project / path, (3000, 3000))
    assert {k: v[0] for k, v in rebuild(hook, project).items()} == {"a.md": True, "b.md": True}


def test_full_builds_are_left_alone(hook, project) -> None:
    os.utime(project / "snippets" / "post" / "a.py", (3000, 3000))
    assert {k: v[0] for k, v in rebuild(hook, project, command="build", dirty=False).items()} == {"a.md": False, "b.md": False}


# -- the search index under `make serve`: each rebuild's update supersedes the one in flight ------------------

import hashlib  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import threading  # noqa: E402

from searchtools import StaticIndex, site_reader  # noqa: E402

WAIT_S = 60  # an upper bound for a thread to reach a point it reaches at once (a busy machine), never a pause


def joint_index(word: str) -> dict:
    """What a rebuild's search plugin writes: both languages' entries, post a's text being ``word``."""
    return {"config": {"lang": ["ko", "en"], "separator": "[\\s\\-]+"},
            "docs": [{"location": "", "title": "홈", "text": "<p>첫 화면</p>"},
                     {"location": "posts/a/", "title": "가", "text": f"<p>글 {word}</p>"},
                     {"location": "posts/b/", "title": "나", "text": "<p>다른 글 banana</p>"},
                     {"location": "en/", "title": "Home", "text": "<p>front</p>"},
                     {"location": "en/posts/a/", "title": "A", "text": f"<p>post {word}</p>"}]}


def served_search(site, lang: str) -> StaticIndex:
    """One language's index as served, after checking that every file its manifest names is there and is
    the one the manifest was written with (its version is a digest of all of them)."""
    index = StaticIndex(site_reader(site), lang)
    sn = index.sn
    names = [f"shards/{i}.json" for i in range(sn["buckets"])] + [f"pages/{i}.json" for i in range(len(sn["starts"]) - 1)]
    texts = {name: (site / sn["path"] / name).read_text(encoding="utf-8") for name in names}
    digest = hashlib.sha256("".join(f"{k}\0{v}\0" for k, v in sorted(texts.items())).encode()).hexdigest()[:12]
    assert digest == sn["version"], f"{lang}: the manifest and its files are of different updates"
    return index


def finds(site, lang: str, word: str) -> set[str]:
    return set(served_search(site, lang).documents(word))


@pytest.fixture
def search(monkeypatch):
    """hooks/studynotes_site/search_preview.py with a fresh serve state and a gate in each update: ``entered[g]`` is
    set when update ``g`` starts writing its index, which it does once ``release[g]`` is set."""
    from studynotes_site import search_preview as search

    state = search.kept()
    saved = dict(state)
    state.clear()
    entered: dict[int, threading.Event] = {}
    release: dict[int, threading.Event] = {}
    real = search.write_index

    def gated(folder, index, path, counted=None, check=lambda: None):
        generation = int(folder.name.removeprefix(search.PREVIEW_FOLDER))
        entered.setdefault(generation, threading.Event()).set()
        assert release.setdefault(generation, threading.Event()).wait(WAIT_S)
        return real(folder, index, path, counted, check)

    monkeypatch.setattr(search, "write_index", gated)
    search.entered, search.release = entered, release
    yield search
    search.wait_for_update()
    state.clear()
    state.update(saved)


def rebuild_index(search, site, docs, word: str, rebuilt: set[str], *, released: bool):
    """A rebuild: its start supersedes the update in flight; its search plugin writes the joint index of the
    pages it built; its end starts its own update."""
    generation = search.supersede()
    (site / "search").mkdir(parents=True, exist_ok=True)
    (site / "en").mkdir(exist_ok=True)
    joint = joint_index(word)
    joint["docs"] = [d for d in joint["docs"] if d["location"].split("#")[0] in rebuilt]
    (site / "search" / "search_index.json").write_text(json.dumps(joint), encoding="utf-8")
    (site / "sitemap.xml").write_text("<urlset></urlset>", encoding="utf-8")
    if released:
        search.release.setdefault(generation, threading.Event()).set()
    thread = search.update_in_background(site, docs, rebuilt, logging.getLogger("test"))
    return generation, thread


def test_a_newer_rebuild_supersedes_the_index_in_flight_and_the_last_edit_stays(search, tmp_path, caplog) -> None:
    caplog.set_level(logging.INFO)
    site, docs = tmp_path / "site", tmp_path / "docs"
    docs.mkdir()
    every = {"", "posts/a/", "posts/b/", "en/", "en/posts/a/"}
    # the server's first build: its index is written before it returns (no earlier index to serve meanwhile)
    _, first = rebuild_index(search, site, docs, "apple", every, released=True)
    assert first is None
    assert finds(site, "ko", "apple") == {"posts/a/"} and finds(site, "en", "apple") == {"posts/a/"}

    # an edit: its update is held just before it writes anything
    second, held = rebuild_index(search, site, docs, "cherry", {"posts/a/"}, released=False)
    assert search.entered.setdefault(second, threading.Event()).wait(WAIT_S)
    # meanwhile the served index is the previous one, whole (the rebuild's joint index was put back at once)
    assert finds(site, "ko", "apple") == {"posts/a/"} and finds(site, "ko", "banana") == {"posts/b/"}

    # the next edit supersedes it; its own update completes first
    _, third = rebuild_index(search, site, docs, "grape", {"posts/a/", "en/posts/a/"}, released=True)
    third.join(WAIT_S)
    assert finds(site, "ko", "grape") == {"posts/a/"} and finds(site, "en", "grape") == {"posts/a/"}
    # the held update now resumes: it gives up before replacing anything, and removes what it wrote
    search.release[second].set()
    held.join(WAIT_S)
    assert not held.is_alive() and not third.is_alive()
    for lang in ("ko", "en"):
        assert finds(site, lang, "grape") == {"posts/a/"}
        assert finds(site, lang, "apple") == set() and finds(site, lang, "cherry") == set()
    assert finds(site, "ko", "banana") == {"posts/b/"}  # a page no edit rebuilt keeps its entries
    assert not list(site.rglob(f"{search.PREVIEW_FOLDER}{second}"))
    assert "given up" in caplog.text


def test_a_burst_of_edits_leaves_the_last_ones_index(search, tmp_path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    docs.mkdir()
    every = {"", "posts/a/", "posts/b/", "en/", "en/posts/a/"}
    first, _ = rebuild_index(search, site, docs, "fig", every, released=True)  # the server's first build
    words = ["lemon", "melon", "olive", "peach"]
    threads = []
    for word in words:  # each held until the next edit's rebuild has started
        threads.append(rebuild_index(search, site, docs, word, {"posts/a/"}, released=False))
    for generation, _ in threads:
        search.release.setdefault(generation, threading.Event()).set()
    for _, thread in threads:
        thread.join(WAIT_S)
    assert finds(site, "ko", "peach") == {"posts/a/"}
    assert all(finds(site, "ko", word) == set() for word in ["fig", *words[:-1]])
    # the given-up updates left no folder: the last one's is left, and the one it replaced (a reader may
    # still hold its manifest), the first build's
    last = threads[-1][0]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob(f"{search.PREVIEW_FOLDER}*")) == sorted(
        f"{prefix}search/{search.PREVIEW_FOLDER}{g}" for prefix in ("", "en/") for g in (first, last))


def test_when_the_server_stops_the_last_update_completes(search, tmp_path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    docs.mkdir()
    rebuild_index(search, site, docs, "fig", {"", "posts/a/", "posts/b/", "en/", "en/posts/a/"}, released=True)
    generation, thread = rebuild_index(search, site, docs, "quince", {"posts/a/"}, released=False)
    assert search.entered.setdefault(generation, threading.Event()).wait(WAIT_S)
    stopping = threading.Thread(target=search.wait_for_update)
    stopping.start()
    stopping.join(0.5)
    assert stopping.is_alive()  # still waiting: the update has not written yet
    search.release[generation].set()
    stopping.join(WAIT_S)
    assert not thread.is_alive()
    assert finds(site, "ko", "quince") == {"posts/a/"}


def test_a_superseded_update_stops_inside_the_index_and_writes_nothing(tmp_path) -> None:
    from studynotes_site.search_index import write_index

    calls = []

    def check() -> None:  # superseded once the index has started
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("superseded")

    docs = [{"location": f"posts/p{i}/", "title": f"p{i}", "text": f"<p>word{i}</p>"} for i in range(200)]
    with pytest.raises(RuntimeError, match="superseded"):
        write_index(tmp_path / "search", {"config": {}, "docs": docs}, "search/", {}, check)
    assert len(calls) == 2 and not (tmp_path / "search").exists()
