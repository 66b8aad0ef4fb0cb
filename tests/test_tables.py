"""studynotes.tables: one call gives a Markdown table in the site build, an aligned plain-text table in a terminal
and a rendered table in Jupyter."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser

import markdown
import numpy as np
import pytest

from sitetools import ROOT
from studynotes.i18n import collecting, localized, resolve
from studynotes.prob import mc_cell, mc_estimate
from studynotes.tables import TableText, display_width, note, table


class Cells(HTMLParser):
    """The cells of the tables in rendered HTML, with each cell's text-align (None when unset)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, str | None]]] = []
        self._cell: list[str] | None = None
        self._align: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
            style = dict(attrs).get("style") or ""
            match = re.search(r"text-align:\s*(\w+)", style)
            self._align = match.group(1) if match else None

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell), self._align))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def rendered(md: str) -> list[list[tuple[str, str | None]]]:
    parser = Cells()
    parser.feed(markdown.markdown(md, extensions=["tables"]))
    return parser.rows


# --- display width -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width"),
    [("abc", 3), ("한글", 4), ("a한b", 4), ("e\u0301", 1), ("Ａ", 2), ("±0.5", 4), ("", 0), ("λ ≤ 1", 5)],
)
def test_display_width_counts_wide_characters_twice(text, width) -> None:
    assert display_width(text) == width


def test_display_width_matches_unicodedata_for_every_hangul_syllable() -> None:
    syllables = "".join(chr(c) for c in range(0xAC00, 0xD7A4))
    assert all(unicodedata.east_asian_width(c) == "W" for c in syllables)
    assert display_width(syllables) == 2 * len(syllables)


def test_display_width_refuses_a_non_string() -> None:
    with pytest.raises(TypeError, match="text"):
        display_width(12)


# --- plain text (a terminal, a script run on its own) --------------------------------------------------------------


def columns_start(lines: list[str], cells: list[str]) -> list[int]:
    """The display column where each of ``cells`` starts in its line."""
    starts = []
    for line, cell in zip(lines, cells):
        index = line.index(cell)
        starts.append(display_width(line[:index]))
    return starts


def test_plain_text_aligns_columns_by_display_width() -> None:
    t = table(["이름", "값"], [("가나다라", "1"), ("ab", "22"), ("혼합 mixed", "333")])
    assert isinstance(t, TableText)
    lines = str(t).rstrip("\n").split("\n")
    assert len(lines) == 5 and set(lines[1]) <= {"-", " "}
    # the second column starts at the same display column in every line, one gap after the widest first cell
    second = columns_start([lines[0], lines[2], lines[3], lines[4]], ["값", "1", "22", "333"])
    widest = max(display_width(c) for c in ("이름", "가나다라", "ab", "혼합 mixed"))
    assert second == [widest + 2] * 4
    # the rule under the header is as wide as each column
    assert [len(r) for r in lines[1].split("  ")] == [widest, 3]
    assert "|" not in str(t)


def test_plain_text_right_and_center_alignment() -> None:
    t = table(["k", "값", "mid"], [("1", "0.5", "가"), ("10", "12.25", "abcd")], align=["right", "right", "center"])
    lines = str(t).rstrip("\n").split("\n")
    body = lines[2:]
    # right-aligned columns end at the same display column
    first_ends = [display_width(line[: line.index(cell) + len(cell)]) for line, cell in zip(body, ["1", "10"])]
    second_ends = [display_width(line[: line.index(cell) + len(cell)]) for line, cell in zip(body, ["0.5", "12.25"])]
    assert len(set(first_ends)) == 1 and len(set(second_ends)) == 1
    # the centered column: "가" (2 wide) in a 4-wide column has one space on each side
    start = second_ends[0] + 2
    assert display_width(body[0]) - start in (3, 4)  # trailing spaces are stripped
    prefix = body[0][: body[0].index("가")]
    assert display_width(prefix) == start + 1


def test_plain_text_reads_markup_and_math_as_text() -> None:
    estimate = mc_estimate(np.random.default_rng(0).random(10_000))
    t = table(
        ["$P(Y=y\\mid X=0)$", "**bold**", "`code`"],
        [(mc_cell(estimate, 0.5), "$\\alpha \\le 10^{-3}$", "$\\lvert X\\rvert$")],
    )
    plain = str(t)
    assert "P(Y=y | X=0)" in plain and "bold" in plain and "code" in plain
    assert f"{estimate.value:.4f} ± {estimate.se:.4f}" in plain
    assert "α ≤ 10⁻³" in plain and "|X|" in plain
    for markup in ("$", "**", "`", "<span", "\\"):
        assert markup not in plain


def test_the_value_is_the_plain_text_and_markdown_is_kept_for_jupyter() -> None:
    t = table(["a", "b"], [("1", "2")])
    assert f"{t}" == str(t) == t  # f-strings and concatenation see the plain text too
    assert t._repr_markdown_() == t.markdown == "| a | b |\n|---|---|\n| 1 | 2 |\n"


def test_cells_are_written_with_str() -> None:
    t = table(["n", "x"], [(np.int64(3), 0.25), (10, None)])
    assert t.markdown.split("\n")[2:4] == ["| 3 | 0.25 |", "| 10 | None |"]


# --- Markdown (the site build) -------------------------------------------------------------------------------------


def test_site_build_gets_a_plain_markdown_string() -> None:
    with collecting(("ko", "en")):
        words = localized({"ko": dict(head=["확률", "값"]), "en": dict(head=["probability", "value"])})
        md = table(words["head"], [("$P(A)$", "0.5000")])
    assert type(md) is str
    assert rendered(resolve(md, "ko")) == [[("확률", None), ("값", None)], [("$P(A)$", None), ("0.5000", None)]]
    assert rendered(resolve(md, "en"))[0] == [("probability", None), ("value", None)]


def test_markdown_keeps_the_default_alignment_and_honours_align() -> None:
    with collecting(("en",)):
        plain = table(["a", "b", "c"], [("1", "2", "3")])
        aligned = table(["a", "b", "c"], [("1", "2", "3")], align=["left", "right", "center"])
        everywhere = table(["a", "b"], [("1", "2")], align="right")
    assert plain.split("\n")[1] == "|---|---|---|"
    assert [a for _, a in rendered(aligned)[1]] == ["left", "right", "center"]
    assert [a for _, a in rendered(everywhere)[0]] == ["right", "right"]


def test_a_pipe_in_a_cell_stays_in_its_cell() -> None:
    with collecting(("en",)):
        md = table(["x", "y"], [("a|b", "c")])
    assert rendered(md)[1] == [("a|b", None), ("c", None)]


def test_a_note_is_markdown_on_the_site_and_plain_text_elsewhere() -> None:
    with collecting(("ko", "en")):
        words = localized({"ko": dict(rate="수렴 비율 $\\rho$"), "en": dict(rate="rate $\\rho$")})
        md = note(f"{words['rate']}: **0.9802**")
    assert type(md) is str and resolve(md, "ko") == "수렴 비율 $\\rho$: **0.9802**\n"
    plain = note("$\\log_{10}$ of $2^{4096}$: **1233.0**")
    assert plain == "log₁₀ of 2⁴⁰⁹⁶: 1233.0\n"
    assert plain.markdown == "$\\log_{10}$ of $2^{4096}$: **1233.0**\n"


def test_a_note_may_be_a_list() -> None:
    plain = note("- $\\lambda_{\\max}$: 2.7277\n- **zeros**: 3, 5\n")
    assert plain == "- λ_max: 2.7277\n- zeros: 3, 5\n"
    assert plain.markdown == "- $\\lambda_{\\max}$: 2.7277\n- **zeros**: 3, 5\n"


def test_a_note_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError, match=r"^text must be a str, got float"):
        note(0.98)


# --- bad arguments -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        (dict(header="a | b", rows=[]), TypeError, r"^header must be a list"),
        (dict(header=[], rows=[]), ValueError, r"^header must have"),
        (dict(header=["a", 2], rows=[]), TypeError, r"^header\[1\]"),
        (dict(header=["a"], rows=5), TypeError, r"^rows must be"),
        (dict(header=["a"], rows="abc"), TypeError, r"^rows must be"),
        (dict(header=["a"], rows=[("1",), "2"]), TypeError, r"^rows\[1\]"),
        (dict(header=["a", "b"], rows=[("1", "2"), ("3",)]), ValueError, r"^rows\[1\] has 1 cells"),
        (dict(header=["a"], rows=[("1",)], align="middle"), ValueError, r"^align"),
        (dict(header=["a", "b"], rows=[], align=["left"]), ValueError, r"^align has 1 entries"),
        (dict(header=["a"], rows=[], align=3), TypeError, r"^align"),
        (dict(header=["a", "b"], rows=[("1", "two\nlines")]), ValueError, r"^rows\[0\]\[1\]"),
        (dict(header=["a\nb"], rows=[]), ValueError, r"^header\[0\]"),
    ],
)
def test_bad_arguments_name_the_argument(kwargs, error, name) -> None:
    with pytest.raises(error, match=name):
        table(**kwargs)


# --- a snippet run on its own, and in a notebook -------------------------------------------------------------------


def test_a_snippet_run_on_its_own_prints_plain_tables(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "STUDYNOTES_LANG"}
    env["STUDYNOTES_LANG"] = "ko"
    path = ROOT / "snippets" / "stat110-lecture-19" / "j1_joint_table.py"
    out = subprocess.run([sys.executable, str(path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "|---" not in out.stdout and "<svg" not in out.stdout and "$" not in out.stdout
    lines = out.stdout.split("\n")
    # the conditional-PMF table: Korean header, each row's cells under the header's columns
    head = next(i for i, line in enumerate(lines) if line.startswith("조건부 PMF"))
    rows = lines[head : head + 4]
    assert set(rows[1]) <= {"-", " "}
    starts = {display_width(row[: row.index(cell)]) for row, cell in zip([rows[0], rows[2], rows[3]], ["합", "1.000", "1.000"])}
    assert len(starts) == 1
    assert re.search(r"\[figures/j1_joint_table-1\.svg\]", out.stdout)


def test_a_table_printed_in_a_notebook_shows_as_a_table(tmp_path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("from studynotes.tables import table\nprint(table(['k', '값'], [(1, '0.5')]))"),
        nbformat.v4.new_code_cell("table(['a'], [('1',)])"),
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute(env=env)
    printed, shown = nb.cells[0].outputs, nb.cells[1].outputs
    displays = [o for o in printed if o.output_type == "display_data"]
    assert len(displays) == 1 and displays[0].data["text/markdown"] == "| k | 값 |\n|---|---|\n| 1 | 0.5 |\n"
    assert "|---" not in "".join(o.get("text", "") for o in printed if o.output_type == "stream")
    assert shown[0].output_type == "execute_result" and shown[0].data["text/markdown"].startswith("| a |")


@pytest.mark.parametrize(
    ("tex", "plain"),
    [
        ("\\bar y", "y\u0304"),
        ("\\bar{x}", "x\u0304"),
        ("\\hat\\beta", "\u03b2\u0302"),
        ("\\hat{\\beta}_1", "\u03b2\u0302\u2081"),
        ("\\tilde x", "x\u0303"),
        ("\\vec v", "v\u20d7"),
        ("\\dot x", "x\u0307"),
        ("\\ddot x", "x\u0308"),
        ("\\overline{AB}", "A\u0305B\u0305"),
        ("\\widehat{\\mathrm{Var}}", "Var\u0302"),
        ("\\hat\\mu \\pm 2", "\u03bc\u0302 \u00b12"),
    ],
)
def test_plain_text_writes_accents_as_combining_marks(tex, plain) -> None:
    text = str(table(["x"], [(f"${tex}$",)])).splitlines()[2]
    assert text == plain
    # a combining mark takes no column: the accented letter is as wide as the bare one
    assert display_width(plain) == display_width("".join(c for c in plain if not unicodedata.combining(c)))


def test_every_accent_the_posts_use_is_written_as_a_mark() -> None:
    """No accent command of the posts and examples comes out as its name ("bary", "hatβ")."""
    sources = [*(ROOT / "docs" / "posts").glob("*.md"), *(ROOT / "snippets").rglob("*.py")]
    used = {m for p in sources for m in re.findall(r"\\(bar|hat|tilde|vec|dot|ddot|overline|widehat|widetilde|check|breve|acute|grave)(?![A-Za-z])", p.read_text(encoding="utf-8"))}
    assert used >= {"bar", "hat", "tilde"}
    for name in sorted(used):
        text = str(table(["x"], [(f"$\\{name}{{x}} = 1$",)])).splitlines()[2]
        assert name not in text and text.startswith("x") and unicodedata.combining(text[1]), (name, text)
