"""A post printed from the browser: no navigation, every figure whole, math typeset, address and date."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from sitetools import ROOT

pytestmark = pytest.mark.browser

POST = "stat110-lecture-19"


def pdf_pages(pdf: bytes, tmp_path) -> list[str]:
    """The text of each page (poppler's pdftotext), with all whitespace removed.

    The text is taken in the order the page was drawn (``-raw``), so a run of text stays whole. The
    default order rebuilds lines from where the glyphs sit: a caption line that holds a typeset
    formula (its sub- and superscripts sit higher or lower) under a figure's tick labels comes out
    cut into pieces mixed with the labels, and the caption is found on no page.
    """
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is needed for the print test: apt-get install poppler-utils", pytrace=False)
    path = tmp_path / "print.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", "", page) for page in text.split("\f") if page.strip()]


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


# Each figure's caption (its longest stretch of text between formulas: math prints in math letters,
# not the caption's text) and its longest label that is not rotated.
FIGURES = """els => els.map(f => ({
    caption: (() => {
        const c = f.querySelector('figcaption').cloneNode(true);
        c.querySelectorAll('math').forEach(m => m.replaceWith('\u0000'));
        return c.textContent.split('\u0000').sort((a, b) => b.trim().length - a.trim().length)[0];
    })(),
    label: [...f.querySelectorAll('svg text')]
        .filter(t => !(t.getAttribute('transform') || '').includes('rotate'))
        .map(t => t.textContent.trim())
        .sort((a, b) => b.length - a.length)[0] || '',
}))"""


def split_figures(figures: list[dict], pages: list[str]) -> list[str]:
    """The figures (caption starts) whose caption is not printed whole on the page of their label."""
    return [
        f["caption"][:60]
        for f in figures
        if not any(compact(f["caption"]) in p and compact(f["label"]) in p for p in pages)
    ]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_post_prints_its_content_and_no_navigation(open_page, base_url, lang, tmp_path) -> None:
    path = f"{'' if lang == 'ko' else 'en/'}posts/{POST}/"
    page, _ = open_page(path, color_scheme="dark")
    article = page.eval_on_selector("article", "a => a.textContent")
    nav = page.eval_on_selector_all(
        ".md-sidebar .md-nav__link, .md-tabs__link, .md-header__topic", "els => els.map(e => e.textContent.trim())"
    )
    only_nav = [t for t in nav if len(t) > 3 and t not in article]
    assert len(only_nav) >= 5, only_nav  # other posts' titles, the glossary, the API page...
    figures = page.eval_on_selector_all("article figure.sn-figure", FIGURES)
    assert figures
    pages = pdf_pages(page.pdf(format="A4", display_header_footer=True), tmp_path)
    text = "".join(pages)

    assert not [t for t in only_nav if compact(t) in text], "navigation printed"
    assert not split_figures(figures, pages), f"figures split or missing: {split_figures(figures, pages)}"
    assert "\\(" not in text and "$$" not in text, "raw TeX printed"
    assert page.locator("article math").count() > 0
    assert page.locator("article .arithmatex math").count() == page.locator("article .arithmatex").count()
    # the post's address and date under the title; the source of an example stays out, its file name stays in
    assert compact(f"{base_url}{path}") in text
    meta = yaml.safe_load((ROOT / "docs" / "posts" / f"{POST}.{lang}.md").read_text(encoding="utf-8").split("---\n")[1])
    assert compact(meta["date"].strftime("%Y. %m. %d." if lang == "ko" else "%Y-%m-%d")) in text
    code = page.eval_on_selector_all(
        "article .tabbed-block:nth-child(2) pre", "els => els.flatMap(e => e.textContent.split('\\n'))"
    )
    long_lines = [line for line in code if len(line.strip()) > 30]
    assert long_lines and not [line for line in long_lines if compact(line) in text], "source code printed"
    assert "j1_joint_table.py" in text


def test_print_check_sees_a_caption_split_from_its_figure(open_page, tmp_path) -> None:
    """The check above fails when a caption is printed on another page than its figure."""
    page, _ = open_page(f"posts/{POST}/")
    figures = page.eval_on_selector_all("article figure.sn-figure", FIGURES)
    page.add_style_tag(content="@media print { .md-typeset figure.sn-figure > figcaption { break-before: page; } }")
    pages = pdf_pages(page.pdf(format="A4", display_header_footer=True), tmp_path)
    assert len(split_figures(figures, pages)) == len(figures), "a caption printed apart from its figure went unnoticed"


# A driven figure's setting (its controls' labels and values, without the button) and its caption's longest text.
DRIVEN = """els => els.map(root => {
    const controls = root.querySelector('.sn-race__controls').cloneNode(true);
    controls.querySelectorAll('button').forEach(b => b.remove());
    const c = root.querySelector('figure figcaption').cloneNode(true);
    c.querySelectorAll('math').forEach(m => m.replaceWith('\\u0000'));
    return {setting: controls.textContent, caption: c.textContent.split('\\u0000').sort((a, b) => b.trim().length - a.trim().length)[0]};
})"""


@pytest.mark.parametrize("path", ["en/posts/stat110-lectures-4-10/", "en/posts/stat110-lecture-20/", "en/posts/cs231n-lecture-7/"])
def test_a_driven_figure_prints_its_setting_on_its_page(open_page, path, tmp_path) -> None:
    # on US Letter paper each of these figures had its setting at the foot of one page, its drawing on the next
    page, _ = open_page(path)
    # set up by figures.js when the page is idle: the readouts are read once they are the script's
    page.wait_for_function("() => [...document.querySelectorAll('.sn-race, .sn-switch')].every(r => r.dataset.ready)")
    figures = page.eval_on_selector_all(".sn-race, .sn-switch", DRIVEN)
    assert figures
    pages = [p.replace("\u2060", "") for p in pdf_pages(page.pdf(format="Letter", display_header_footer=True), tmp_path)]
    for figure in figures:
        setting, caption = compact(figure["setting"]).replace("\u2060", ""), compact(figure["caption"]).replace("\u2060", "")
        assert any(setting in p and caption in p for p in pages), f"{path}: {setting!r} printed apart from its figure"


def test_the_dark_scheme_prints_on_white_paper_with_the_date_once(open_page, tmp_path) -> None:
    from PIL import Image

    page, _ = open_page(f"posts/{POST}/", color_scheme="dark")
    pdf = page.pdf(format="A4", print_background=True)  # a reader who prints with backgrounds on
    (tmp_path / "dark.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "2", "-png", str(tmp_path / "dark.pdf"), str(tmp_path / "p")], check=True)
    shots = sorted(tmp_path.glob("p-*.png"))
    assert len(shots) == 2
    for shot in shots:
        image = Image.open(shot).convert("L")
        w, h = image.size
        edges = [image.getpixel((x, y)) for x in (1, w // 2, w - 2) for y in (1, h - 2)]
        assert min(edges) > 240, f"{shot.name}: the page's margin prints dark {edges}"
    meta = yaml.safe_load((ROOT / "docs" / "posts" / f"{POST}.ko.md").read_text(encoding="utf-8").split("---\n")[1])
    text = "".join(pdf_pages(pdf, tmp_path))
    assert text.count(compact(meta["date"].strftime("%Y. %m. %d."))) == 1, "the date prints more than once"
