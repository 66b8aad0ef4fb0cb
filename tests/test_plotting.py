"""The figure helper: deterministic, text as text, page colours, unique ids, accessible, search-excluded."""

from __future__ import annotations

import re

import numpy as np
import pytest
from matplotlib.figure import Figure

from studynotes.plotting import INK, PALETTE, figure, figure_html


def relative_luminance(hex_color: str) -> float:
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def sample_html(label: str = "밀도 (density)") -> str:
    fig, ax = figure()
    ax.plot(np.arange(5), np.arange(5) ** 2, label="y = x²")
    ax.set(xlabel="x", ylabel=label, title="제목")
    ax.legend()
    return figure_html(fig, alt="포물선 그림", caption="캡션 <b>escaped</b>")


def test_byte_identical_across_calls() -> None:
    assert sample_html() == sample_html()


def test_text_is_kept_as_text_including_hangul() -> None:
    html = sample_html()
    assert "<text" in html and "밀도 (density)" in html and "제목" in html
    assert "<metadata>" not in html and "dc:date" not in html.lower()


def test_drawn_in_current_color_on_transparent_background() -> None:
    html = sample_html()
    assert "currentColor" in html
    assert INK not in html
    assert "#000000" not in html.lower() and "#ffffff" not in html.lower()
    assert "fill: #ffffff" not in html


def test_wrapped_for_search_exclusion_and_accessibility() -> None:
    html = sample_html()
    assert html.startswith('<figure class="sn-figure">') and html.endswith("</figure>")
    assert '<div class="sn-figure__svg" tabindex="0" data-search-exclude>' in html
    assert 'role="img" aria-label="포물선 그림"' in html and "<title>포물선 그림</title>" in html
    assert "<figcaption>캡션 &lt;b&gt;escaped&lt;/b&gt;</figcaption>" in html
    assert "\n\n" not in html  # one Markdown block


def test_ids_are_unique_between_figures() -> None:
    a, b = sample_html("a"), sample_html("b")
    ids_a, ids_b = set(re.findall(r'id="([^"]+)"', a)), set(re.findall(r'id="([^"]+)"', b))
    assert ids_a and not ids_a & ids_b
    for ref in re.findall(r"url\(#([^)]+)\)", a):
        assert ref in ids_a


def test_palette_reads_on_light_and_dark_backgrounds() -> None:
    for color in PALETTE:
        assert contrast(color, "#ffffff") >= 3.0, color
        assert contrast(color, "#1e2129") >= 3.0, color  # Material's slate background


def test_style_applies_to_artists_created_after_figure() -> None:
    fig, ax = figure()
    ax.plot([0, 1], [0, 1], label="a")
    legend = ax.legend()
    assert not legend.get_frame_on()


@pytest.mark.parametrize(
    "kwargs,error",
    [(dict(alt=""), ValueError), (dict(alt="   "), ValueError)],
)
def test_alt_text_is_required(kwargs, error) -> None:
    fig, _ = figure()
    with pytest.raises(error, match="alt"):
        figure_html(fig, **kwargs)


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="fig"):
        figure_html("not a figure", alt="x")
    with pytest.raises(ValueError, match="width"):
        figure(width=0)
    with pytest.raises(ValueError, match="nrows"):
        figure(0, 1)
    assert isinstance(figure()[0], Figure)


def labelled_figure(texts: dict) -> str:
    fig, ax = figure(width=4.0, height=2.6)
    ax.plot([0, 1, 2], [0, 1, 4], label=texts["line"])
    ax.set(xlabel=texts["x"], ylabel=texts["y"])
    ax.legend()
    return figure_html(fig, alt=texts["alt"], caption=texts["cap"])


SHORT = dict(line="l", x="x", y="y", alt="a", cap="c")
WIDE = dict(line="a much longer legend entry", x="the x axis, with a long label", y="a long y label", alt="alt", cap="cap")


def without_prefix(html: str) -> str:
    # ids and style classes are named after a hash of the SVG, which holds placeholders in a shared figure
    return re.sub(r"\bf[0-9a-f]{8}", "F", html)


def test_a_shared_figure_is_laid_out_for_the_widest_language() -> None:
    from studynotes.i18n import collecting, localized, resolve

    with collecting(("ko", "en")):
        texts = localized({"ko": SHORT, "en": WIDE})
        shared = labelled_figure(texts)
    # English is the wider language for every label, so its page gets exactly the English figure...
    assert without_prefix(resolve(shared, "en")) == without_prefix(labelled_figure(WIDE))
    # ...and the Korean page the same drawing, not the tighter one its short labels alone would get
    short = resolve(shared, "ko")
    assert without_prefix(short) != without_prefix(labelled_figure(SHORT))
    for drawing in (short, labelled_figure(SHORT)):
        assert re.findall(r"<text[^>]*>([^<]*)</text>", drawing)[-1] == "l"
    frame = re.compile(r'<svg[^>]*viewBox="([^"]*)"')
    assert frame.search(short).group(1) == frame.search(resolve(shared, "en")).group(1)


def test_a_translated_figure_label_must_be_plain_text() -> None:
    from studynotes.i18n import collecting, localized

    with collecting(("ko", "en")):
        texts = localized({"ko": {**SHORT, "x": "값 x"}, "en": {**WIDE, "x": "value $x$"}})
        with pytest.raises(ValueError, match=r"'value \$x\$' \(en\) has a line break or math"):
            labelled_figure(texts)


def test_multiline_labels_share_a_layout_line_by_line() -> None:
    from studynotes.i18n import collecting, localized, resolve

    with collecting(("ko", "en")):
        texts = localized({"ko": {**SHORT, "x": "첫 줄\n둘째 줄"}, "en": {**WIDE, "x": "first line\nsecond line"}})
        shared = labelled_figure(texts)
    for lang, lines in (("ko", ["첫 줄", "둘째 줄"]), ("en", ["first line", "second line"])):
        texts_drawn = re.findall(r"<text[^>]*>([^<]*)</text>", resolve(shared, lang))
        assert all(line in texts_drawn for line in lines), lang


def test_markdown_characters_in_text_are_written_as_references() -> None:
    html = labelled_figure(dict(SHORT, x="w* and w_1", cap="the target w* and `code`"))
    svg_texts = re.findall(r"<text[^>]*>([^<]*)</text>", html)
    assert "w&#42; and w&#95;1" in svg_texts
    assert "<figcaption>the target w&#42; and &#96;code&#96;</figcaption>" in html
    assert "{" in re.search(r"<style>(.*?)</style>", html).group(1)  # CSS keeps its braces


def test_without_alt_the_svg_waits_for_the_page_to_name_it() -> None:
    fig, ax = figure()
    ax.plot([0, 1], [0, 1])
    html = figure_html(fig)
    assert 'role="img"' in html and "aria-label" not in html and "<title>" not in html


def test_small_text_is_raised_and_the_svg_keeps_a_legible_width() -> None:
    import re

    from studynotes.plotting import MIN_TEXT_PT, PHONE_PX, WIDE_PX

    fig, ax = figure(width=6.0, height=3.0)
    ax.plot([0, 1], [0, 1], label="line")
    ax.legend(fontsize=6)
    ax.tick_params(labelsize=7)  # tick labels are made at draw time, from these parameters
    ax.set_xlabel("x", fontsize=14)
    html = figure_html(fig)
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", html)]
    assert min(sizes) == MIN_TEXT_PT  # the 6 pt legend was raised; matplotlib writes points as SVG user units
    width_pt = float(re.search(r'viewBox="0 0 ([\d.]+) ', html).group(1))
    w10, w11 = (float(v) for v in re.search(r"--sn-w10:(\d+)px;--sn-w11:(\d+)px", html).groups())
    # at that CSS width, one SVG unit is w/width_pt px: the smallest text is 10 (11) px
    assert 0 <= w10 / width_pt * MIN_TEXT_PT - PHONE_PX < 0.1
    assert 0 <= w11 / width_pt * MIN_TEXT_PT - WIDE_PX < 0.1


def test_a_switch_figure_packs_points_as_fractions_of_their_axes() -> None:
    import base64
    import re

    import numpy as np

    from studynotes.plotting import switch_figure_html

    fig, ax = figure()
    ax.set(xscale="log", xlim=(1e-4, 1), ylim=(0, 2))
    frames = [[[(1e-4, 0.0), (1e-2, 1.0)]], [[(1e-2, 2.0), (1.0, 0.5)]]]
    (line,) = ax.plot(*np.array(frames[0][0]).T)
    html = switch_figure_html(fig, [line], frames, options=["first", "second"], label="which", wrapper_id="w")
    packed = np.frombuffer(base64.b64decode(re.search(r'data-frames="([^"]+)"', html).group(1)), dtype="<i2").astype(float) * 4 / 32767
    # log x: 1e-2 sits halfway between 1e-4 and 1; linear y: 1.0 is halfway up
    np.testing.assert_allclose(packed.reshape(2, 1, 2, 2), [[[[0, 0], [0.5, 0.5]]], [[[0.5, 1], [1, 0.25]]]], atol=2e-4)
    assert 'aria-valuetext="first"' in html and "sn-switch-line-0" in html and "sn-switch-axes-0" in html
    with pytest.raises(ValueError, match="frames"):
        switch_figure_html(fig, [line], frames[:1], options=["first", "second"], label="x", wrapper_id="w")
