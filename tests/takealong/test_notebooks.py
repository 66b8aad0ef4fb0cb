"""A notebook per post and language: valid, complete, reproducible, and it runs top to bottom."""

from __future__ import annotations

import json
import os
import re

import nbformat
import pytest
from nbclient import NotebookClient

from sitetools import ROOT
from takealongtools import EXEC_BLOCK, INCLUDE, SNIPPETS, build_notebook, front_matter, notebooks, post_files, source

POSTS = post_files()
IDS = [f"{slug}.{lang}" for slug, lang in POSTS]


def test_every_post_has_both_languages() -> None:
    assert len(POSTS) >= 12 and len({slug for slug, _ in POSTS}) * 2 == len(POSTS)


@pytest.mark.parametrize(("slug", "lang"), POSTS, ids=IDS)
def test_notebook_is_valid_and_holds_every_example(slug, lang) -> None:
    nb = build_notebook(slug, lang)
    nbformat.validate(nb)  # raises ValidationError
    text = notebooks.notebook_bytes(nb).decode("utf-8")
    reread = nbformat.reads(text, as_version=4)
    nbformat.validate(reread)
    code = [cell for cell in reread.cells if cell.cell_type == "code"]
    blocks = EXEC_BLOCK.findall(source(slug, lang))
    assert blocks, "the post has no executed block"
    # the setup cell, then one cell per executed block, holding the included snippet files verbatim
    assert [cell.id for cell in code[1:]] == [block_id for block_id, _ in blocks]
    for cell, (_, content) in zip(code[1:], blocks, strict=True):
        for include in INCLUDE.findall(content):
            assert (SNIPPETS / include).read_text(encoding="utf-8").strip() in cell.source
        assert "studynotes" in cell.source
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    title = reread.cells[0]
    assert title.cell_type == "markdown" and title.source.startswith(f"# {front_matter(slug, lang)['title']}\n")
    assert str(front_matter(slug, lang)["date"]) in title.source
    assert f'"STUDYNOTES_LANG"] = "{lang}"' in code[0].source


@pytest.mark.parametrize(("slug", "lang"), POSTS[:2], ids=IDS[:2])
def test_notebook_bytes_are_reproducible(slug, lang) -> None:
    first = notebooks.notebook_bytes(build_notebook(slug, lang))
    second = notebooks.notebook_bytes(build_notebook(slug, lang))
    assert first == second
    assert json.loads(first)["nbformat"] == 4


def test_markdown_cells_name_the_heading_in_the_page_language() -> None:
    slug = "stat110-lecture-19"
    for lang, heading in (("ko", "## [세 가지 관점: 결합, 주변, 조건부]"), ("en", "## [")):
        cells = [c for c in build_notebook(slug, lang).cells if c.cell_type == "markdown"]
        assert any(c.source.startswith(heading) and "#three-views)" in c.source for c in cells), lang
    en = [c.source for c in build_notebook(slug, "en").cells if c.cell_type == "markdown"]
    ko = [c.source for c in build_notebook(slug, "ko").cells if c.cell_type == "markdown"]
    assert en != ko and len(en) == len(ko)


def test_install_cell_installs_from_the_repository_when_given() -> None:
    nb = build_notebook("stat110-lecture-20", "en", repository="https://example.org/studynotes.git")
    assert '"studynotes @ git+https://example.org/studynotes.git"' in nb.cells[2].source
    assert "subprocess" not in build_notebook("stat110-lecture-20", "en").cells[2].source


SLUGS = sorted({slug for slug, _ in POSTS})


@pytest.mark.parametrize("slug", SLUGS)
def test_the_languages_run_the_same_code(slug) -> None:
    """The two notebooks of a post differ in their words and in the setup cell, which picks the language.

    So running the Korean one in a kernel (below) runs the English one's code too, apart from the labels:
    the English labels are what every example prints when run on its own (tests/test_snippets.py runs each).
    """
    ko, en = ([c.source for c in build_notebook(slug, lang).cells if c.cell_type == "code"] for lang in ("ko", "en"))
    assert len(ko) == len(en) > 1
    assert ko[1:] == en[1:]
    # the setup cell: its message in the notebook's language, and the language the examples print in
    assert '"STUDYNOTES_LANG"] = "ko"' in ko[0] and '"STUDYNOTES_LANG"] = "en"' in en[0]


@pytest.mark.parametrize("slug", SLUGS)
def test_notebook_runs_top_to_bottom(slug, tmp_path) -> None:
    nb = build_notebook(slug, "ko")
    # The kernel is this interpreter's ipykernel; it imports this tree's package.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    env.pop("STUDYNOTES_LANG", None)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute(env=env)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    for cell in code[1:]:
        assert cell.outputs, f"{cell.id} printed nothing"
        assert not [o for o in cell.outputs if o.output_type == "error"]
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert "<svg" not in printed, f"{cell.id}: a figure came out as raw markup"
        shown = [o for o in cell.outputs if o.output_type == "display_data" and "<svg" in o.data.get("text/html", "")]
        # every figure the example prints is displayed as a figure
        assert len(shown) == cell.source.count("figure_html("), cell.id
        # a driven figure (slider, play button) shows its still frame here: no control that nothing would move
        for output in cell.outputs:
            assert not re.search(r"<(input|button)\b", output.get("data", {}).get("text/html", "")), cell.id
    assert not list(tmp_path.glob("figures/*")), "a figure was saved to a file instead of shown"
