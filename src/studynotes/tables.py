"""Results tables that read well on the site, in a terminal and in a notebook.

An example builds its table from a header and rows and prints it:

```python
print(table(["n", "P(match)"], [(n, f"{birthday_match_prob(n):.4f}") for n in (10, 23, 50)]))
```

In the site build the result is a Markdown pipe table (the page renders it, math and all). Run on
its own, the same call gives a `TableText`: printed in a terminal it is a plain-text table with its
columns aligned by display width (a Hangul syllable takes two columns), with the Markdown and HTML
of the cells reduced to text; printed in a Jupyter notebook it shows as a rendered table.

Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence

from .i18n import _collecting

__all__ = ["TableText", "display_width", "note", "table"]

_ALIGN = {None: "---", "left": ":---", "right": "---:", "center": ":---:"}


def display_width(text: str) -> int:
    """The number of terminal columns ``text`` takes: wide and full-width characters (Hangul, CJK) take two,
    combining marks none, every other character one.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Parameters
    ----------
    text
        One line of text.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text
    )


class TableText(str):
    """A table made outside the site build: its value is the plain-text table (the site gets a Markdown `str`).

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    ``markdown`` holds the Markdown pipe table. Jupyter shows it rendered (``_repr_markdown_``); printed
    inside a notebook it is displayed the same way (the print adds only a line break), and printed anywhere else it
    is the aligned plain text.
    """

    markdown: str

    def __new__(cls, plain: str, markdown: str) -> TableText:
        text = super().__new__(cls, plain)
        text.markdown = markdown
        return text

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __str__(self) -> str:
        shell = sys.modules.get("IPython")
        if shell is not None and getattr(shell.get_ipython(), "kernel", None) is not None:
            from IPython.display import display

            display({"text/markdown": self.markdown, "text/plain": str.__str__(self)}, raw=True)
            return ""
        return str.__str__(self)


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    align: str | Sequence[str | None] | None = None,
) -> str:
    """A results table: Markdown in the site build, aligned plain text (a `TableText`) anywhere else.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Cells are written with ``str()``, so format numbers before passing them (``f"{p:.4f}"``). A cell may
    hold inline Markdown, math (``$...$``) and the HTML of `studynotes.prob.mc_cell`; the plain text
    drops the markup and writes common TeX commands as Unicode (``$\\alpha \\le 1$`` as ``α ≤ 1``).
    Both forms end with a blank line, so ``print(table(...))`` separates the table from what follows.

    Parameters
    ----------
    header
        The column titles (a list of strings, one per column; ``""`` for an empty corner cell).
    rows
        The rows, each a sequence with one cell per column.
    align
        ``None`` (the Markdown default, left in plain text), ``"left"``, ``"right"`` or ``"center"``
        for every column, or a sequence of these with one entry per column.

    Returns
    -------
    str
        The Markdown table in the site build, else a `TableText` holding both forms.
    """
    if isinstance(header, str) or not isinstance(header, Sequence):
        raise TypeError(f"header must be a list of column titles, got {type(header).__name__}")
    if not header:
        raise ValueError("header must have at least one column")
    for i, title in enumerate(header):
        if not isinstance(title, str):
            raise TypeError(f"header[{i}] must be a str, got {type(title).__name__}")
    header = [str(title) for title in header]  # a localized title goes in whole, as its placeholder
    columns = len(header)
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
        raise TypeError(f"rows must be an iterable of rows, got {type(rows).__name__}")
    body: list[list[str]] = []
    for i, row in enumerate(rows):
        if isinstance(row, (str, bytes)) or not isinstance(row, Sequence):
            raise TypeError(f"rows[{i}] must be a sequence of cells, got {type(row).__name__}")
        if len(row) != columns:
            raise ValueError(f"rows[{i}] has {len(row)} cells, the header has {columns} columns")
        body.append([str(cell) for cell in row])
    if align is None or isinstance(align, str):
        aligns = [align] * columns
    elif isinstance(align, Sequence):
        aligns = list(align)
        if len(aligns) != columns:
            raise ValueError(f"align has {len(aligns)} entries, the header has {columns} columns")
    else:
        raise TypeError(f"align must be None, a str or a sequence of them, got {type(align).__name__}")
    for a in aligns:
        if a not in _ALIGN:
            raise ValueError(f"align entries must be None, 'left', 'right' or 'center', got {a!r}")
    for r, cells in enumerate([list(header), *body]):
        for c, cell in enumerate(cells):
            if "\n" in cell:
                where = f"header[{c}]" if r == 0 else f"rows[{r - 1}][{c}]"
                raise ValueError(f"{where} holds a line break; a table cell is one line")

    markdown = _markdown(list(header), body, aligns)
    if _collecting:
        return markdown
    return TableText(_plain_table(list(header), body, aligns), markdown)


def note(text: str) -> str:
    """Results in words beside a table (a sentence, or a list with one item per line), with the same three
    forms: Markdown in the site build, plain text (no emphasis marks, TeX written as Unicode) anywhere
    else, rendered in Jupyter.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    ```python
    print(note(f"contraction factor $(\\kappa-1)/(\\kappa+1)$: **{rate:.4f}**"))
    ```

    Parameters
    ----------
    text
        Inline Markdown, math (``$...$``) included; several lines for a list.

    Returns
    -------
    str
        ``text`` in the site build, else a `TableText` holding both forms. Both end with a blank line
        (as a table does), so what is printed next starts a new paragraph.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    markdown = str(text).strip("\n") + "\n"
    if _collecting:
        return markdown
    return TableText("\n".join(_plain_text(line) for line in markdown.split("\n")), markdown)


def _markdown(header: list[str], body: list[list[str]], aligns: list[str | None]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    rule = "|" + "|".join(_ALIGN[a] for a in aligns) + "|"
    return "\n".join([line(header), rule, *(line(cells) for cells in body)]) + "\n"


def _plain_table(header: list[str], body: list[list[str]], aligns: list[str | None]) -> str:
    grid = [[_plain_text(cell) for cell in cells] for cells in [header, *body]]
    widths = [max(display_width(cells[c]) for cells in grid) for c in range(len(header))]

    def pad(text: str, width: int, how: str | None) -> str:
        room = width - display_width(text)
        if how == "right":
            return " " * room + text
        if how == "center":
            return " " * (room // 2) + text + " " * (room - room // 2)
        return text + " " * room

    lines = ["  ".join(pad(cell, w, a) for cell, w, a in zip(cells, widths, aligns)).rstrip() for cells in grid]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


# TeX commands the examples' tables use, as the characters a terminal shows (relations with spaces around).
_TEX = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "epsilon": "ε", "lambda": "λ", "mu": "μ",
    "pi": "π", "rho": "ρ", "sigma": "σ", "phi": "φ", "le": " ≤ ", "leq": " ≤ ", "ge": " ≥ ", "geq": " ≥ ",
    "approx": " ≈ ", "sim": " ~ ", "ne": " ≠ ", "neq": " ≠ ", "in": " ∈ ", "to": " → ", "mid": " | ", "times": "×",
    "cdot": "·", "pm": "±", "infty": "∞", "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖", "star": "*",
    "top": "ᵀ", "spadesuit": "♠", "ldots": "…", "dots": "…", "quad": " ", "left": "", "right": "",
}
_OPERATOR = r"arctan|exp|log|ln|max|min|tanh|sin|cos|Var|Cov"
_SUPERSCRIPT = str.maketrans("0123456789+-−n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻ⁿ")
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_ARG = r"(\{[^{}]*\}|\\[A-Za-z]+|\w)"
# Accents as Unicode combining marks written after the letter they sit on (\bar y: y + U+0304 = ȳ).
# A line accent covers every character of a longer argument (\overline{AB}: A̅B̅); a point accent sits on its last.
_ACCENT = {
    "bar": "\u0304", "overline": "\u0305", "underline": "\u0332", "hat": "\u0302", "widehat": "\u0302",
    "tilde": "\u0303", "widetilde": "\u0303", "vec": "\u20d7", "dot": "\u0307", "ddot": "\u0308",
    "check": "\u030c", "breve": "\u0306", "acute": "\u0301", "grave": "\u0300", "mathring": "\u030a",
}
_LINE_ACCENTS = {"bar", "overline", "underline"}


def _plain_text(cell: str) -> str:
    """A table cell as a terminal shows it: no HTML tags, no Markdown emphasis or code marks, math without TeX syntax."""
    text = html.unescape(re.sub(r"<[^>]+>", "", cell)).replace("\u00a0", " ").replace("**", "")
    text = re.sub(r"`([^`]*)`", r"\1", text)
    return re.sub(r"(?<!\\)\$(.+?)(?<!\\)\$", lambda m: _plain_math(m.group(1)), text).replace("\\$", "$")


def _accented(match: re.Match[str]) -> str:
    name, argument = match.group(1), _plain_math(match.group(2).strip("{}")).replace(" ", "")
    mark = _ACCENT[name]
    if name in _LINE_ACCENTS:
        return "".join(c + mark for c in argument)
    return argument + mark


def _plain_math(tex: str) -> str:
    tex = re.sub(r"\\begin\{[pb]?matrix\}(.*?)\\end\{[pb]?matrix\}",
                 lambda m: "[" + m.group(1).replace("\\\\", "; ").replace("&", ",") + "]", tex)
    tex = re.sub(rf"\\[td]?frac\s*{_ARG}\s*{_ARG}", lambda m: f"{m.group(1).strip('{}')}/{m.group(2).strip('{}')}", tex)
    tex = re.sub(r"\\sqrt\s*(?:\{([^{}]*)\}|(\w))", lambda m: f"√({m.group(1)})" if m.group(1) else f"√{m.group(2)}", tex)
    tex = re.sub(r"\\(?:mathrm|text|operatorname|mathbf|mathit)\s*\{([^{}]*)\}", r"\1", tex)
    tex = re.sub(rf"\\({'|'.join(_ACCENT)})(?![A-Za-z])\s*{_ARG}", _accented, tex)
    tex = re.sub(r"\^\{([0-9+\-−n]+)\}|\^([0-9n])", lambda m: (m.group(1) or m.group(2)).translate(_SUPERSCRIPT), tex)
    tex = re.sub(r"_\{([0-9]+)\}|_([0-9])", lambda m: (m.group(1) or m.group(2)).translate(_SUBSCRIPT), tex)
    # an operator name is set off from a letter or number on either side, as TeX typesets it
    tex = re.sub(rf"(?<=[\w)])\\({_OPERATOR})\b", "\0" + r"\\\1", tex)
    tex = re.sub(rf"\\({_OPERATOR}) (?=\w)", r"\1 ", tex)
    # TeX ignores the space after a control word
    tex = re.sub(r"\\([A-Za-z]+) ?", lambda m: _TEX.get(m.group(1), m.group(1)), tex)
    tex = re.sub(r"\\[,;:!> ]", " ", tex).replace("{", "").replace("}", "").replace("\\", "").replace("\0", " ")
    tex = re.sub(r"(?<=\S)([=<>])(?= )", r" \1", tex)
    return re.sub(r" {2,}", " ", tex).strip()
