"""Every formula arrives as finished MathML (hooks/formulas.py): no page holds TeX for the browser to typeset,
none loads a TeX typesetter, bad TeX fails the build naming the page and the formula."""

from __future__ import annotations

import re
import shutil
import sys

import pytest

from htmltext import read_page
from searchtools import StaticIndex, site_reader
from sitetools import ROOT, build_site

sys.path.insert(0, str(ROOT / "hooks"))
from studynotes_site.formulas import MathRenderer, TeXError, render_page, render_search_text  # noqa: E402
from studynotes_site.mathfont import characters  # noqa: E402

pytestmark = pytest.mark.site

TYPESETTERS = re.compile(r"mathjax|katex|tex-chtml|tex-svg|tex-mml|temml\.(?:min\.)?(?:js|mjs|cjs)", re.I)


@pytest.fixture(scope="module")
def renderer(tmp_path_factory):
    if not shutil.which("node"):
        pytest.fail("node is required (the formulas are rendered with it); install Node.js")
    r = MathRenderer(ROOT, tmp_path_factory.mktemp("math-cache"))
    yield r
    r.close()


def test_bad_tex_is_an_error_naming_the_formula(renderer) -> None:
    assert "<mfrac>" in renderer.render(r"\frac{1}{2}", True)
    for bad in (r"\frac{1}{", r"\nosuchmacro x", r"\begin{aligned} a \end{cases}"):
        with pytest.raises(TeXError) as caught:
            renderer.render(bad, False)
        assert caught.value.tex == bad and caught.value.message


def test_a_page_gets_mathml_with_its_tex_and_particles_glued(renderer) -> None:
    page = (
        '<p>(<span class="arithmatex">\\(a &lt; b\\)</span>)이다. <span class="arithmatex">\\(x^2\\)</span>를 본다.</p>'
        '<div class="arithmatex">\\[\\sum_{i=1}^n i\\]</div><pre><code>\\(not math\\)</code></pre>'
        '<p><span class="arithmatex">\\(\\frac{1}{\\)</span></p>'
    )
    errors: list = []
    out = render_page(page, renderer.render, errors)
    assert errors == [("\\frac{1}{", errors[0][1])]
    assert out.count("<math") == 3 and re.search(r'<math data-tex="[^"]*" display="block"', out)
    assert '<math data-tex="a &lt; b">' in out  # TeX kept for copying, escaped once
    # the opening bracket, the formula and the particles after it: one unbreakable unit, the formula itself
    # with no wrapper of its own
    assert re.search(r'<p><span class="sn-nobr">\(<math data-tex="a &lt; b">.*?</math>\)이다\.</span> ', out)
    assert re.search(r' <span class="sn-nobr"><math data-tex="x\^2">.*?</math>를</span> 본다', out)
    assert "arithmatex" not in out.replace('<div class="arithmatex" tabindex="0"><math', "")
    # a long inline formula is cut into pieces a line may break between (after = and +)
    long = render_page('<p><span class="arithmatex">\\(a+b=c\\)</span> ends.</p>', renderer.render, errors)
    assert long.count("<mrow>") >= 2 and re.fullmatch(r"<p><math [^>]*>.*</math> ends\.</p>", long)  # nothing to glue
    assert "<pre><code>\\(not math\\)</code></pre>" in out  # code shows TeX as written


def test_search_text_gets_mathml_without_annotation(renderer) -> None:
    errors: list = []
    out = render_search_text("<p>값 \\(x^2\\)과 \\[\\int_0^1 x\\,dx\\]</p><code>\\(x\\)</code>", renderer.render, errors)
    assert not errors and out.count("<math") == 2 and "data-tex" not in out and "<code>\\(x\\)</code>" in out
    # a display formula between two paragraphs belongs to the next one (Material shows matching blocks only)
    out = render_search_text("<p>a</p>\\[x^2\\]\n<p>b</p>", renderer.render, errors)
    assert re.fullmatch(r'<p>a</p><p><math display="block".*</math>b</p>', out, re.S), out


def test_the_font_covers_what_chromium_draws(renderer) -> None:
    chars = characters([renderer.render(r"x + \alpha \le \mathbb{R} \text{확률}", False)])
    assert {"\U0001d465", "\U0001d6fc", "+", "\u2264", "\u211d"} <= chars  # one-letter <mi> is drawn italic
    assert "확" not in chars  # Hangul comes from the page's font


def test_a_bad_formula_fails_the_strict_build_naming_page_and_formula(tmp_path) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:\n(?:  .*\n?)*", "\n", config)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("hooks", "overrides", "node_modules", "src", "snippets"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "docs").mkdir()
    for item in ("stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / item, tmp_path / "docs" / item)
    for lang in ("ko", "en"):
        (tmp_path / "docs" / f"index.{lang}.md").write_text("# Demo\n\nFine: $x^2$.\n", encoding="utf-8")
        (tmp_path / "docs" / f"broken.{lang}.md").write_text("# Broken\n\nBad: $\\frac{1}{2$ here.\n", encoding="utf-8")
    result = build_site(tmp_path / "out", tmp_path / "mkdocs.yml")
    assert result.returncode != 0
    assert re.search(r"broken\.(ko|en)\.md: bad TeX in the formula '\\\\frac\{1\}\{2'", result.stderr), result.stderr[-2000:]


def test_no_page_holds_unrendered_tex_or_loads_a_typesetter(built_site) -> None:
    pages = sorted(built_site.rglob("*.html"))
    formulas = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = read_page(html)
        where = path.relative_to(built_site)
        assert not page.unrendered, f"{where}: formulas left as TeX: {page.unrendered[:3]}"
        assert not [url for _, url in page.resources if TYPESETTERS.search(url)], f"{where} loads a TeX typesetter"
        assert not re.search(r"<script\b[^>]*>[^<]*(?:MathJax|katex)", html), f"{where} configures a browser typesetter"
        assert "sn-math-error" not in html, f"{where} shows a formula that failed"
        formulas += len(page.formulas)
    assert formulas > 1000
    assert not (built_site / "assets" / "mathjax").exists()
    assert (built_site / "assets" / "fonts" / "sn-math.woff2").is_file()


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_every_formula_keeps_its_tex_and_no_raw_tex_is_visible(built_site, lang_prefix) -> None:
    pages = [p for p in (built_site / lang_prefix).rglob("index.html") if lang_prefix or "/en/" not in str(p)]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = read_page(html)
        # each <math> carries its TeX (screen readers read the MathML, copying gives the TeX)
        assert html.count("<math") == len(page.formulas), path.relative_to(built_site)
        for raw in ("$$", "\\(", "\\[", "\\frac", "\\sum"):
            assert raw not in page.text, f"{path.relative_to(built_site)} shows raw TeX {raw!r}"
        assert not re.search(r"(?<![\w$])\$[^$\s][^$]*\$(?![\w$])", page.text), f"{path.relative_to(built_site)} has unconverted $...$"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_search_previews_hold_mathml_not_tex(built_site, lang) -> None:
    docs = StaticIndex(site_reader(built_site), lang).entries  # each result's title and teaser
    with_math = [d for d in docs if "<math" in d["text"]]
    assert len(with_math) > 20
    for doc in docs:
        assert "\\(" not in doc["text"] and "\\[" not in doc["text"], doc["location"]


# What follows an inline formula without a space and stays on its line with it: Hangul (a particle or an ending)
# and punctuation. The build wraps the pair in span.sn-nobr (a word joiner does not hold an inline box in Chromium).
TAIL = re.compile(r"[\uac00-\ud7a3.,;:!?)\]}%]")


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_inline_formulas_have_no_wrapper_and_their_particles_are_glued(built_site, lang_prefix) -> None:
    pages = [p for p in (built_site / lang_prefix).rglob("index.html") if lang_prefix or "/en/" not in str(p)]
    inline = glued = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(built_site)
        # formulas outside code: the only element around a formula is a display formula's scroll box
        body = re.sub(r"<(pre|code|script|style|textarea)\b.*?</\1>", "", html, flags=re.S)
        assert '<span class="arithmatex"' not in body, f"{where}: an inline formula is still wrapped in span.arithmatex"
        assert body.count('<div class="arithmatex" tabindex="0"><math ') == body.count('<div class="arithmatex"'), where
        for match in re.finditer(r"<math (?![^>]*display=\"block\")[^>]*>.*?</math>", body, re.S):
            inline += 1
            after = body[match.end():match.end() + 1]
            wrapped = body[max(0, match.start() - 40):match.start()]
            in_nobr = re.search(r'<span class="sn-nobr">(?:[(\[{“‘"\']|&quot;|&#39;)*$', wrapped) is not None
            assert in_nobr or not TAIL.match(after), \
                f"{where}: {match.group(0)[:60]}... is followed by {body[match.end():match.end() + 6]!r} unglued"
            glued += in_nobr
    assert inline > 500 and glued > 200, (inline, glued)
