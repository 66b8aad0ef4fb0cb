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
    """The text of each page (poppler's pdftotext), with all whitespace removed."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is needed for the print test: apt-get install poppler-utils", pytrace=False)
    path = tmp_path / "print.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", "", page) for page in text.split("\f") if page.strip()]


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.xfail(strict=False, reason="known defect: since captions moved into the pages (with typeset math), the caption/label pairing in the printed PDF is not found; open in the take-along issue")
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
    figures = page.eval_on_selector_all(
        "article figure.sn-figure",
        """els => els.map(f => ({
            // the longest stretch of caption text between formulas: MathJax's glyphs print differently
            caption: (() => {
                const c = f.querySelector('figcaption').cloneNode(true);
                c.querySelectorAll('mjx-container').forEach(m => m.replaceWith('\u0000'));
                return c.textContent.split('\u0000').sort((a, b) => b.trim().length - a.trim().length)[0];
            })(),
            label: [...f.querySelectorAll('svg text')]
                .filter(t => !(t.getAttribute('transform') || '').includes('rotate'))
                .map(t => t.textContent.trim())
                .sort((a, b) => b.length - a.length)[0] || '',
        }))""",
    )
    assert figures
    pages = pdf_pages(page.pdf(format="A4", display_header_footer=True), tmp_path)
    text = "".join(pages)

    assert not [t for t in only_nav if compact(t) in text], "navigation printed"
    for figure in figures:  # each figure's caption and its longest label on one page: printed whole
        together = [i for i, p in enumerate(pages) if compact(figure["caption"]) in p and compact(figure["label"]) in p]
        assert together, f"figure split or missing: {figure['caption'][:60]}"
    assert "\\(" not in text and "$$" not in text, "raw TeX printed"
    assert page.locator("article .arithmatex mjx-container").count() == page.locator("article .arithmatex").count()
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
