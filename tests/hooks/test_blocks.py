"""Running one block and keeping its figures out of Markdown, without a build."""

from __future__ import annotations

import sys
import textwrap

import markdown
import pytest
from markdown_exec import ExecutionError
from studynotes_site.blocks import FigureStash, run_python

FIGURE = '<figure class="sn-figure">\n<svg><text>a*b*c</text></svg>\n<figcaption>x_1 and x_2</figcaption>\n</figure>'


def test_print_goes_to_the_output_with_sep_and_end(capsys) -> None:
    out = run_python('import sys\nprint("a", 1, sep="|", end=";")\nprint()\nprint("err", file=sys.stderr)', "demo")
    assert out == "a|1;\n"
    assert capsys.readouterr().err == "err\n"


def test_an_exception_carries_the_blocks_own_lines() -> None:
    with pytest.raises(ExecutionError) as error:
        run_python("x = 1\nraise ValueError('n must be >= 1, got 0')\n", "demo-raises")
    message = str(error.value)
    assert "<code block: demo-raises>" in message and "line 2" in message
    assert "raise ValueError('n must be >= 1, got 0')" in message


def test_a_block_gets_its_own_module() -> None:
    run_python("from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\nprint(P(1))", "demo-dc")
    assert "code_block_demo_dc" in sys.modules


def in_a_tab(text: str) -> str:
    """``text`` as markdown-exec shows a block's output: Markdown inside a tab."""
    return markdown.markdown('=== "Result"\n\n' + textwrap.indent(text, "    "), extensions=["pymdownx.tabbed"])


def test_figures_survive_markdown_untouched() -> None:
    output = f"**Bold** text\n{FIGURE}\nafter"
    stash = FigureStash()
    stashed = stash.stash(output)
    assert FIGURE not in stashed and len(stash.figures) == 1
    html, lost = stash.restore(in_a_tab(stashed))
    assert lost is None
    assert FIGURE in html and "<strong>Bold</strong>" in html
    assert "<p><figure" not in html
    # without the stash Markdown reads the figure's text as Markdown (the reason it exists)
    assert "a<em>b</em>c" in in_a_tab(output)


def test_a_token_that_does_not_come_back_is_reported() -> None:
    stash = FigureStash()
    stash.stash(f"{FIGURE}\n{FIGURE.replace('a*b*c', 'd')}")
    first, second = stash.figures
    html, lost = stash.restore(f"<p>{first}</p><li>{second}</li>")  # the second lost its own paragraph
    assert lost == second
    assert html.startswith(FIGURE)
