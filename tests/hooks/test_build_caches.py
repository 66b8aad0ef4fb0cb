"""What the build keeps between builds or sets aside within one, without a build: the search plugin's input,
the API render cache, the page cache and the preview's state and search merge."""

from __future__ import annotations

import json
import shutil
from xml.etree.ElementTree import Element

import pytest
from material.plugins.search.plugin import Parser
from studynotes_site.api_cache import RenderCache
from studynotes_site.page_cache import AUTODOC, KEPT_OUTPUTS, PageCache, cached_outputs, converters_digest, files_digest, toc_data, toc_items, tree_digest
from studynotes_site.preview import STATE_FILE, PreviewState, merge_index, signature
from studynotes_site.search_input import restore, section_cache, stash

from studynotes.plotting import figure, figure_html

CODE = ('<div class="highlight"><pre><span></span><code><span class="kn">import</span> <span class="nn">numpy</span>'
        ' <span class="k">as</span>  <span class="nn">np</span>\n<span class="n">x</span> <span class="o">=</span> '
        '<span class="mi">1</span> <span class="c1"># a &lt;comment&gt;</span>\n</code></pre></div>')


def sections(html: str, parser_class: type = Parser) -> list[tuple]:
    """What Material's search plugin indexes of ``html``: each section's id, title and text."""
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data]


@pytest.fixture(scope="module")
def page() -> str:
    fig, ax = figure()
    ax.plot([0, 1, 2], [1, 0, 2], label="a line")
    ax.set_xlabel("tick words")
    svg = str.__str__(figure_html(fig, alt="A line."))  # its markup (printed, it would save a file)
    return (f'<h1 id="t">Title</h1><p>Intro <code>inline  code</code> and <span class="x">a span</span>.</p>{svg}'
            f'<h2 id="code">Code</h2>{CODE}<p>After the   figure.</p>{svg}<ul><li>one</li></ul>')


def test_the_search_plugin_indexes_the_same_without_figures_and_code_spans(page) -> None:
    small, kept = stash(page)
    assert "<svg" not in small and '<span class="kn">' not in small and len(kept) == 3  # two figures, one code block
    assert sections(small) == sections(page)
    assert "import numpy as  np" in sections(small)[1][2]  # the code's text is still indexed, spaces and all
    assert "tick words" not in json.dumps(sections(small))  # and the figures' text still is not


def test_the_page_comes_back_whole_even_inside_a_template(page) -> None:
    small, kept = stash(page)
    assert restore(small, kept) == page
    assert restore(f"<html><body>{small}</body></html>", kept) == f"<html><body>{page}</body></html>"
    with pytest.raises(ValueError, match="3 pieces were set aside for the search index, 2 came back"):
        restore(small.replace("<!--sn-svg:0-->", ""), kept)


def test_a_page_s_sections_are_read_back_as_the_parser_found_them(page, tmp_path) -> None:
    import inspect

    import material.plugins.search.plugin as search_plugin

    # the plugin still makes the module's `Parser` per page and reads only its sections after `close`
    source = inspect.getsource(search_plugin.SearchIndex.add_entry_from_context)
    assert "parser = Parser()" in source and "parser.feed(page.content)" in source and "parser.data" in source
    nested = '<div><h2 id="n">Nested</h2><p>in</p></div><p>out <span class="arithmatex">\\(x\\)</span></p>'
    for html in (page, stash(page)[0], nested):
        cached = section_cache(Parser, tmp_path, "v1")
        assert sections(html, cached) == sections(html)  # parsed, and kept
        assert sections(html, cached) == sections(html)  # read back
    assert len(list(tmp_path.glob("*.json"))) == 3 and not list(tmp_path.glob("*.tmp"))
    # what is read back is the kept file, not a parse: a planted section shows
    kept = next(p for p in tmp_path.glob("*.json") if "Nested" in p.read_text(encoding="utf-8"))
    kept.write_text(json.dumps([["hx", {}, 0, None, [], ["planted"]]]))
    assert sections(nested, section_cache(Parser, tmp_path, "v1")) == [(None, "", "planted", False)]
    # another version of the parser, or no folder: parsed again
    assert sections(nested, section_cache(Parser, tmp_path, "v2")) == sections(nested)
    assert sections(page, section_cache(Parser, None, "v1")) == sections(page) and len(list(tmp_path.glob("*.json"))) == 4


def test_a_render_is_cached_with_its_headings(tmp_path) -> None:
    calls = []

    def produce(headings: list) -> str:
        calls.append(1)
        heading = Element("h2", {"id": "pkg.f", "data-role": "function"})
        heading.text = "f"
        headings.append(heading)
        return "<div>rendered f</div>"

    cache = RenderCache(tmp_path, digest="d1")
    key = cache.key("pkg.f", "Options(a=1)", "en")
    first: list = []
    assert cache.render(key, lambda: produce(first), first) == "<div>rendered f</div>"
    again: list = []
    assert cache.render(key, lambda: produce(again), again) == "<div>rendered f</div>"
    assert len(calls) == 1 and (cache.hits, cache.renders) == (1, 1)
    assert [(h.tag, h.attrib, h.text) for h in again] == [(h.tag, h.attrib, h.text) for h in first]
    # anything that decides the output is in the key
    assert len({key, cache.key("pkg.g", "Options(a=1)", "en"), cache.key("pkg.f", "Options(a=2)", "en"),
                cache.key("pkg.f", "Options(a=1)", "ko"), RenderCache(tmp_path, "d2").key("pkg.f", "Options(a=1)", "en")}) == 5
    off = RenderCache(None, "d1")
    off.render(key, lambda: produce([]), [])
    assert len(calls) == 2 and not list(tmp_path.glob("*.tmp"))


def test_the_preview_state_knows_which_edits_change_other_pages(tmp_path) -> None:
    post = "---\ntitle: A\ndate: 2024-01-01\n---\n\n# A { #a }\n\nProse.\n"
    assert signature(post) == signature(post + "\nMore prose.\n")
    assert signature(post) != signature(post.replace("title: A", "title: B"))
    assert signature(post) != signature(post.replace("# A {", "# B {"))
    state = PreviewState(tmp_path / STATE_FILE)
    assert state.stale({"a.md": signature(post)}, "en") == ["a.md"]  # nothing known yet
    state.record("a.md", "A", signature(post), "en")
    state.record("a.ko.md", "가", "x", "ko")
    state.save()
    state = PreviewState(tmp_path / STATE_FILE)
    assert state.title("a.md") == "A" and state.title("b.md") is None
    assert state.stale({"a.md": signature(post + "x\n")}, "en") == []
    assert state.stale({"a.md": signature(post), "b.md": "s"}, "en") == ["b.md"]
    assert state.stale({}, "en") == ["a.md"]
    assert state.stale({"a.md": "other"}, "en") == ["a.md"]
    (tmp_path / STATE_FILE).write_text("{not json")
    assert PreviewState(tmp_path / STATE_FILE).pages == {}


def test_a_dirty_rebuild_keeps_every_page_in_the_search_index() -> None:
    previous = [{"location": "", "text": "home"}, {"location": "a/", "text": "old a"}, {"location": "a/#x", "text": "old x"},
                {"location": "b/", "text": "b"}]
    current = [{"location": "a/", "text": "new a"}, {"location": "a/#y", "text": "new y"}, {"location": "c/", "text": "c"}]
    merged = merge_index(previous, current, {"a/", "c/"})
    assert [e["text"] for e in merged] == ["home", "new a", "new y", "b", "c"]
    assert merge_index(previous, [], set()) == previous


def test_the_preview_sees_where_a_post_first_uses_its_glossary_terms(tmp_path) -> None:
    from studynotes_site.glossary import post_anchors

    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "p.yml").write_text("- ko: 모멘텀\n  en: momentum\n- ko: 학습률\n  en: learning rate\n")
    post = "# 제목 { #top }\n\n## 첫 절 { #one }\n\n모멘텀을 쓴다.\n\n## 둘째 절 { #two }\n\nThe learning rate.\n"
    assert post_anchors(tmp_path, "p", "ko", post) == ["one", "two"]  # the English form counts too
    earlier = post.replace("## 첫 절", "학습률을 먼저 말한다.\n\n## 첫 절")
    assert post_anchors(tmp_path, "p", "ko", earlier) == ["one", "top"]
    assert post_anchors(tmp_path, "none", "ko", post) == []


def test_a_converted_page_is_kept_per_slot_and_found_only_under_its_key(tmp_path) -> None:
    cache = PageCache(tmp_path, digest="d1")
    slot = "posts/x.ko.md|ko|True|files1"
    key = cache.key(slot, "posts/x/", "ko", "# X\n\ntext")
    assert cache.get(slot, key) is None
    cache.put(slot, key, {"html": "<h1>X</h1>", "runs": [{"id": "b1"}]})
    assert cache.get(slot, key) == {"html": "<h1>X</h1>", "runs": [{"id": "b1"}], "key": key}
    # an edit is another key: a miss, and its entry replaces the old one (one file per slot)
    edited = cache.key(slot, "posts/x/", "ko", "# X\n\nnew text")
    assert cache.get(slot, edited) is None
    cache.put(slot, edited, {"html": "<h1>X</h1><p>new</p>"})
    assert cache.get(slot, key) is None and cache.get(slot, edited)["html"] == "<h1>X</h1><p>new</p>"
    assert len(list(tmp_path.glob("*.json"))) == 1 and not list(tmp_path.glob("*.tmp"))
    # another slot (e.g. the project with another post) keeps its own entry
    cache.put("posts/x.ko.md|ko|True|files2", key, {"html": "other"})
    assert len(list(tmp_path.glob("*.json"))) == 2 and cache.get(slot, edited)["html"] == "<h1>X</h1><p>new</p>"
    assert (cache.hits, cache.misses) == (3, 3)
    # anything that decides the conversion is in the key
    keys = {key, edited, cache.key(slot, "en/posts/x/", "ko", "# X\n\ntext"), cache.key(slot, "posts/x/", "en", "# X\n\ntext"),
            PageCache(tmp_path, "d2").key(slot, "posts/x/", "ko", "# X\n\ntext")}
    assert len(keys) == 5
    # a damaged entry is a miss, not an error; no directory keeps nothing
    for path in tmp_path.glob("*.json"):
        path.write_text(path.read_text(encoding="utf-8")[:-5], encoding="utf-8")
    assert cache.get(slot, edited) is None and cache.get("posts/x.ko.md|ko|True|files2", key) is None
    off = PageCache(None, "d1")
    off.put(slot, key, {"html": "x"})
    assert off.get(slot, key) is None


def test_a_table_of_contents_comes_back_as_mkdocs_made_it() -> None:
    import markdown
    from mkdocs.structure.toc import AnchorLink, get_toc

    md = markdown.Markdown(extensions=["toc", "attr_list"])
    md.convert("# Title\n\n## One *a*\n\n### One.1\n\n## Two {#two}\n\n### Two.1\n\n#### Two.1.1\n")
    made = get_toc(md.toc_tokens).items

    def shape(items) -> list:
        return [(i.title, i.id, i.level, shape(i.children)) for i in items]

    assert shape(toc_items(toc_data(made), AnchorLink)) == shape(made)
    assert json.loads(json.dumps(toc_data(made))) == toc_data(made)  # plain data, as the cache stores it
    assert shape(made)[0][3][0][0] == "One a" and shape(made)[0][3][1][1] == "two"


def test_the_digests_follow_the_files_not_where_the_project_lies(tmp_path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for root in (one, two):
        (root / "snippets" / "post").mkdir(parents=True)
        (root / "snippets" / "post" / "a.py").write_text("print(1)\n", encoding="utf-8")
        (root / "hooks").mkdir()
        (root / "hooks" / "h.py").write_text("x = 1\n", encoding="utf-8")
        (root / "hooks" / "notes.txt").write_text("not code\n", encoding="utf-8")
    assert tree_digest(one, one / "snippets") == tree_digest(two, two / "snippets")
    code = tree_digest(one, one / "hooks", suffixes=(".py",))
    (one / "hooks" / "notes.txt").write_text("changed\n", encoding="utf-8")
    assert tree_digest(one, one / "hooks", suffixes=(".py",)) == code  # a file it does not cover
    (one / "hooks" / "h.py").write_text("x = 2\n", encoding="utf-8")
    assert tree_digest(one, one / "hooks", suffixes=(".py",)) != code
    (two / "snippets" / "post" / "b.py").write_text("", encoding="utf-8")
    assert tree_digest(one, one / "snippets") != tree_digest(two, two / "snippets")
    assert files_digest([("a.md", "a/"), ("b.md", "b/")]) == files_digest([("b.md", "b/"), ("a.md", "a/")])
    assert files_digest([("a.md", "a/")]) != files_digest([("a.md", "a.html")])
    assert converters_digest("base") != converters_digest("other")


@pytest.mark.parametrize(
    ("markdown", "documents"),
    [("::: studynotes.prob", True), ("# API\n\n::: studynotes.nn.affine_forward\n    options:\n", True),
     ("## ::: studynotes.optim", True), ("Prose with ::: in it.", False), ("```\n:::\n```", False)],
)
def test_a_page_documenting_the_package_is_recognised(markdown: str, documents: bool) -> None:
    assert bool(AUTODOC.search(markdown)) is documents


def test_outputs_are_copied_back_for_the_same_key_and_only_the_newest_are_kept(tmp_path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    calls = []

    def produce(word: str):
        def write() -> None:
            calls.append(word)
            (site / "search" / "shards").mkdir(parents=True, exist_ok=True)
            (site / "search" / "shards" / "0.json").write_text(word, encoding="utf-8")
            (site / "en").mkdir(exist_ok=True)
            (site / "en" / "sitemap.xml").write_text(f"<{word}/>", encoding="utf-8")
        return write

    outputs = ["search", "en/search", "en/sitemap.xml"]  # en/search is never written: nothing to keep
    assert cached_outputs(cache, "k1", site, outputs, produce("apple")) is False
    shutil.rmtree(site)
    assert cached_outputs(cache, "k1", site, outputs, produce("never")) is True and calls == ["apple"]
    assert (site / "search" / "shards" / "0.json").read_text(encoding="utf-8") == "apple"
    assert (site / "en" / "sitemap.xml").read_text(encoding="utf-8") == "<apple/>" and not (site / "en" / "search").exists()
    # other inputs, another key: produced again; only the newest sets are kept
    for key, word in (("k2", "pear"), ("k3", "plum")):
        assert cached_outputs(cache, key, site, outputs, produce(word)) is False
    assert calls == ["apple", "pear", "plum"] and len([p for p in cache.iterdir()]) == KEPT_OUTPUTS
    assert cached_outputs(cache, "k3", site, outputs, produce("never")) is True
    assert cached_outputs(None, "k3", site, outputs, produce("off")) is False and calls[-1] == "off"
