"""The math font the build serves (studynotes_site.mathfont.subset_font): WOFF2, holding the characters asked
for with the MATH table's variants, and cached under a key that changes with what it holds."""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont
from studynotes_site.mathfont import characters, subset_font

SOURCE = Path(__file__).resolve().parents[2] / "hooks" / "vendor" / "latinmodern-math.woff"


def test_the_subset_is_woff2_with_the_characters_and_the_math_table(tmp_path) -> None:
    out = tmp_path / "site" / "sn-math.woff2"
    subset_font(SOURCE, {"∑", "∫", "𝑥"}, out, None)
    assert out.read_bytes()[:4] == b"wOF2"
    font = TTFont(out)
    cmap = font.getBestCmap()
    assert {ord("∑"), ord("∫"), ord("𝑥"), ord("7"), ord("=")} <= set(cmap)  # asked for, and the fixed base set
    assert ord("∏") not in cmap
    assert "MATH" in font
    # the stretchy sum's display size is kept for the sum: its variants are glyphs of the subset
    variants = font["MATH"].table.MathVariants
    constructions = dict(zip(variants.VertGlyphCoverage.glyphs, variants.VertGlyphConstruction))
    sigma = constructions[cmap[ord("∑")]]
    assert sigma.VariantCount >= 1
    assert all(v.VariantGlyph in font.getGlyphOrder() for v in sigma.MathGlyphVariantRecord)
    # smaller than the WOFF the same characters make
    woff = TTFont(out)
    woff.flavor = "woff"
    woff.save(tmp_path / "same.woff")
    assert out.stat().st_size < (tmp_path / "same.woff").stat().st_size


def test_the_cache_returns_the_same_font_and_is_keyed_by_the_characters(tmp_path) -> None:
    cache = tmp_path / "cache"
    first, again, other = (tmp_path / name for name in ("a.woff2", "b.woff2", "c.woff2"))
    subset_font(SOURCE, {"∑"}, first, cache)
    assert [p.suffix for p in cache.iterdir()] == [".woff2"]
    subset_font(SOURCE, {"∑"}, again, cache)
    assert again.read_bytes() == first.read_bytes()
    subset_font(SOURCE, {"∏"}, other, cache)
    assert len(list(cache.iterdir())) == 2
    assert ord("∏") in TTFont(other).getBestCmap() and ord("∏") not in TTFont(first).getBestCmap()


def test_the_characters_include_what_an_element_draws_unwritten() -> None:
    # a root draws the radical sign, which is written nowhere in its markup; a one-letter identifier is drawn
    # in its italic form
    root = '<math data-tex="\\sqrt{x}"><msqrt><mi>x</mi></msqrt></math>'
    assert {"\u221a", "\U0001d465"} <= characters([root])
    assert characters(['<math><mroot><mn>8</mn><mn>3</mn></mroot></math>']) == {"\u221a", "8", "3"}
    assert "\u221a" not in characters(['<math><mfrac><mn>1</mn><mn>2</mn></mfrac></math>'])
