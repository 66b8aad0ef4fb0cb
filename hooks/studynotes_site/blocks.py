"""One executed block: running its code as markdown-exec would, and keeping its figures out of Markdown.

Both are plain functions of their inputs; `shared_runs` decides when a block runs and for which
language, and formats the result with markdown-exec.
"""

from __future__ import annotations

import hashlib
import io
import linecache
import re
import sys
import traceback
import types

from markdown_exec import ExecutionError, code_block


def run_python(code: str, block_id: str) -> str:
    """Run one block as markdown-exec would, and return what it printed.

    ``print`` writes to the block's output (with ``sep`` and ``end`` honoured); an exception becomes
    markdown-exec's ``ExecutionError`` holding the traceback, with the block's own lines in it.
    """
    filename = f"<code block: {block_id or 'python'}>"
    linecache.cache[filename] = (len(code), None, code.splitlines(keepends=True), filename)
    module = types.ModuleType(re.sub(r"[^A-Za-z0-9]+", "_", filename).strip("_"))
    sys.modules[module.__name__] = module  # dataclasses and pickle look their module up
    buffer = io.StringIO()

    def block_print(*values, sep=" ", end="\n", file=None, flush=False):
        if file is not None:  # print(..., file=sys.stderr) and the like keep their destination
            print(*values, sep=sep, end=end, file=file, flush=flush)
            return
        buffer.write((" " if sep is None else sep).join(map(str, values)) + ("\n" if end is None else end))

    namespace = module.__dict__
    namespace["print"] = block_print
    try:
        exec(compile(code, filename, "exec"), namespace)  # noqa: S102 - running the site's own examples is the point
    except Exception as error:
        trace = "".join(traceback.format_exception(type(error), error, error.__traceback__.tb_next))
        raise ExecutionError(code_block("python", trace)) from error
    return buffer.getvalue()


# A figure (or an animated or interactive one) from studynotes.plotting, printed on lines of its own. In a block's
# output it sits inside a tab, where Markdown does not see raw HTML as a block of its own: it would wrap
# the figure in <p> and read its text as Markdown. It is taken out before conversion and put back after.
FIGURE_HTML = re.compile(
    r'^(?:<div id="[^"]*" class="sn-(?:animated|race|switch)"[^>]*>\n.*?\n</figure>\n</div>|<figure class="sn-figure">\n.*?\n</figure>)$',
    re.M | re.S,
)


class FigureStash:
    """Figures swapped for plain tokens before Markdown converts a block's output, and back after."""

    def __init__(self) -> None:
        self.figures: dict[str, str] = {}

    def stash(self, output: str) -> str:
        """``output`` with every figure replaced by a token in a paragraph of its own."""
        return FIGURE_HTML.sub(lambda m: f"\n\n{self._token(m.group(0))}\n\n", output)

    def _token(self, markup: str) -> str:
        token = f"snfigure{len(self.figures)}x{hashlib.sha256(markup.encode()).hexdigest()[:12]}"
        self.figures[token] = markup
        return token

    def restore(self, html: str) -> tuple[str, str | None]:
        """``html`` with each token's ``<p>`` replaced by its figure, and the first token that did
        not come back out of Markdown (None when all did)."""
        for token, markup in self.figures.items():
            if f"<p>{token}</p>" not in html:
                return html, token
            html = html.replace(f"<p>{token}</p>", markup)
        return html, None


# A figure's image: its SVG, or for a figure of several panels the box that holds them (plotting.panels).
SVG_FIGURE = re.compile(r'<(?:svg|div)\b[^>]*\brole="img"[^>]*>')


def figure_text_ids(block_id: str, n: int) -> tuple[str, str]:
    """The ids of the caption and the text alternative of figure ``n`` (from 1) of a block: written in
    the page under the block as ``{ #<id>-cap .sn-caption }`` and ``{ #<id>-alt .sn-alt hidden }``,
    with ``-2``, ``-3``... appended for the second and later figures."""
    suffix = "" if n == 1 else f"-{n}"
    return f"{block_id}-cap{suffix}", f"{block_id}-alt{suffix}"


def label_figures(html: str, block_id: str) -> str:
    """Tie each figure's SVG without a label of its own to the page's caption and text alternative."""
    count = 0

    def label(match: re.Match[str]) -> str:
        nonlocal count
        tag = match.group(0)
        if "aria-label" in tag:  # the snippet gave its own text alternative
            return tag
        count += 1
        cap, alt = figure_text_ids(block_id, count)
        return tag.replace(' role="img"', f' role="img" aria-labelledby="{cap}" aria-describedby="{alt}"', 1)

    return SVG_FIGURE.sub(label, html)
