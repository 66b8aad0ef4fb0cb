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

    from studynotes.i18n import collecting
    from studynotes.plotting import switch_figure_html

    fig, ax = figure()
    ax.set(xscale="log", xlim=(1e-4, 1), ylim=(0, 2))
    frames = [[[(1e-4, 0.0), (1e-2, 1.0)]], [[(1e-2, 2.0), (1.0, 0.5)]]]
    (line,) = ax.plot(*np.array(frames[0][0]).T)
    with collecting(("en",)):  # the site build: the slider and the packed frames (elsewhere, a still frame)
        html = switch_figure_html(fig, [line], frames, options=["first", "second"], label="which", wrapper_id="w")
    packed = np.frombuffer(base64.b64decode(re.search(r'data-frames="([^"]+)"', html).group(1)), dtype="<i2").astype(float) * 4 / 32767
    # log x: 1e-2 sits halfway between 1e-4 and 1; linear y: 1.0 is halfway up
    np.testing.assert_allclose(packed.reshape(2, 1, 2, 2), [[[[0, 0], [0.5, 0.5]]], [[[0.5, 1], [1, 0.25]]]], atol=2e-4)
    assert 'aria-valuetext="first"' in html and "sn-switch-line-0" in html and "sn-switch-axes-0" in html
    with pytest.raises(ValueError, match="frames"):
        switch_figure_html(fig, [line], frames[:1], options=["first", "second"], label="x", wrapper_id="w")


# ---- label_lines: each line named on the line, in its colour --------------------------------------------------------


def label_boxes(fig, texts) -> list:
    from studynotes.plotting.text import _room_for_every_language

    with _room_for_every_language():  # as figure_html lays a figure out: each text as its widest translation
        fig.draw_without_rendering()
        renderer = fig._get_renderer()
        return [t.get_window_extent(renderer) for t in texts]


def assert_inside_and_apart(ax, boxes) -> None:
    frame = ax.bbox
    for box in boxes:
        assert frame.x0 - 0.01 <= box.x0 and box.x1 <= frame.x1 + 0.01, (box, frame)
        assert frame.y0 - 0.01 <= box.y0 and box.y1 <= frame.y1 + 0.01, (box, frame)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert overlap_x <= 0.01 or overlap_y <= 0.01, f"labels overlap: {a} and {b}"


def fan(n: int, spread: float = 1.0):
    """``n`` lines that start together and end ``spread`` apart, each labelled (on a figure that fits a phone)."""
    fig, ax = figure(width=4.8, height=3.0)
    t = np.linspace(0, 1, 50)
    lines = [ax.plot(t, t * (1 + spread * k), label=f"line {k}")[0] for k in range(n)]
    return fig, ax, lines


def test_packing_round_trips_within_half_a_step_and_clips() -> None:
    import base64

    from studynotes.plotting import pack_int16

    values = np.array([[0.0, 1.2345, -29.9], [np.nan, np.inf, -1e9]])
    back = np.frombuffer(base64.b64decode(pack_int16(values, 30.0)), dtype="<i2").reshape(values.shape) * 30.0 / 32767
    np.testing.assert_allclose(back[0], values[0], atol=30.0 / 32767 / 2 + 1e-12)
    np.testing.assert_allclose(back[1], [30.0, 30.0, -30.0])
    with pytest.raises(ValueError, match="limit"):
        pack_int16(values, 0.0)


def test_labels_take_the_colour_and_name_of_their_lines() -> None:
    from matplotlib.colors import to_rgba

    from studynotes.plotting import label_lines

    fig, ax, lines = fan(3)
    texts = label_lines(ax)
    assert [t.get_text() for t in texts] == ["line 0", "line 1", "line 2"]
    assert [to_rgba(t.get_color()) for t in texts] == [to_rgba(line.get_color()) for line in lines]
    html = figure_html(fig, alt="three lines")
    # in the SVG each label is text, filled with its line's colour
    fills = dict(re.findall(r'<text style="[^"]*fill: (#[0-9a-f]{6})[^"]*"[^>]*>(line \d)</text>', html))
    assert fills == {color: f"line {k}" for k, color in enumerate(PALETTE[:3])}


def test_an_uncrowded_label_sits_next_to_the_end_of_its_line() -> None:
    from studynotes.plotting import label_lines

    fig, ax, lines = fan(3, spread=2.0)
    ax.set_ylim(0, 7)  # room above the highest end
    boxes = label_boxes(fig, label_lines(ax))
    for line, box in zip(lines, boxes, strict=True):
        end = line.get_transform().transform(np.column_stack(line.get_data())[-1:])[0]
        assert abs(box.x1 - end[0]) < 2.0  # the text ends where the line ends
        assert 0 < box.y0 - end[1] < 6.0  # just above it: the line rises towards its end


def test_labels_of_crowded_lines_are_nudged_apart_and_stay_inside() -> None:
    from studynotes.plotting import label_lines

    # five lines ending within a hair of each other, at the top right corner of the axes
    fig, ax, lines = fan(5, spread=0.001)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.0045)
    boxes = label_boxes(fig, label_lines(ax))
    assert_inside_and_apart(ax, boxes)
    # the order of the labels follows the order of the lines' ends
    assert [b.y0 for b in boxes] == sorted(b.y0 for b in boxes)


@pytest.mark.parametrize("x", [None, 0.5, 0.02, 0.98])
def test_labels_at_a_given_x_stay_inside_and_apart(x) -> None:
    from studynotes.plotting import label_lines

    fig, ax = figure(width=4.0, height=2.6)
    t = np.linspace(0, 1, 200)
    for k in range(4):
        ax.plot(t, np.sin(2 * np.pi * t + 0.2 * k), label=f"phase {k}")
    boxes = label_boxes(fig, label_lines(ax, x=x))
    assert_inside_and_apart(ax, boxes)
    if x == 0.5:  # centred over x
        centre = ax.transData.transform([[0.5, 0]])[0, 0]
        assert all(abs((b.x0 + b.x1) / 2 - centre) < 1.0 for b in boxes)


def test_positions_follow_the_final_layout() -> None:
    from studynotes.plotting import label_lines

    fig, ax, lines = fan(4, spread=0.02)
    texts = label_lines(ax, labels=["a", "b", "c", "d"])
    first = label_boxes(fig, texts)
    # a long axis label and a smaller figure, set after the labels: they are placed again at draw time
    ax.set_ylabel("a long label that takes room\nover two lines")
    fig.set_size_inches(3.2, 2.2)
    again = label_boxes(fig, texts)
    assert again != first
    assert_inside_and_apart(ax, again)


def test_labels_are_placed_for_their_widest_language() -> None:
    from studynotes.i18n import collecting, localized, resolve
    from studynotes.plotting import label_lines

    with collecting(("ko", "en")):
        names = localized({"ko": ["가", "나"], "en": ["a very long English name", "another long English name"]})
        fig, ax, lines = fan(2, spread=0.01)
        texts = label_lines(ax, labels=names, x=0.02)  # centred near the left edge: only the width keeps them in
        boxes = label_boxes(fig, texts)
        html = figure_html(fig, alt="two lines")
    assert "a very long English name" in resolve(html, "en") and "가" in resolve(html, "ko")
    assert boxes[0].width > 100  # measured as the English name, not as the placeholder
    assert_inside_and_apart(ax, boxes)


@pytest.mark.parametrize(
    "call,error,match",
    [
        (lambda ax, lines: __import__("studynotes.plotting").plotting.label_lines("ax"), TypeError, "ax must be"),
        (lambda ax, lines: label_lines_(ax, lines[0]), TypeError, "list of Line2D"),
        (lambda ax, lines: label_lines_(ax, []), ValueError, "at least one"),
        (lambda ax, lines: label_lines_(ax, lines, labels=["a"]), ValueError, "one entry per line"),
        (lambda ax, lines: label_lines_(ax, lines, labels="ab"), TypeError, "single string"),
        (lambda ax, lines: label_lines_(ax, lines, labels=["a", ""]), ValueError, r"labels\[1\]"),
        (lambda ax, lines: label_lines_(ax, lines, x=float("nan")), ValueError, "x must be finite"),
        (lambda ax, lines: label_lines_(ax, lines, x=5.0), ValueError, "x must lie inside"),
        (lambda ax, lines: label_lines_(ax, lines, fontsize=6), ValueError, "fontsize"),
        (lambda ax, lines: label_lines_(ax, lines, fontsize="big"), TypeError, "fontsize"),
    ],
)
def test_label_lines_refuses_bad_arguments(call, error, match) -> None:
    fig, ax, lines = fan(2)
    with pytest.raises(error, match=match):
        call(ax, lines)


def label_lines_(*args, **kwargs):
    from studynotes.plotting import label_lines

    return label_lines(*args, **kwargs)


def test_label_lines_refuses_lines_it_cannot_label() -> None:
    from studynotes.plotting import label_lines

    fig, ax = figure(width=4.0, height=2.6)
    (unnamed,) = ax.plot([0, 1], [0, 1])
    with pytest.raises(ValueError, match="no labelled lines"):
        label_lines(ax)
    with pytest.raises(ValueError, match=r"lines\[0\] has no label"):
        label_lines(ax, [unnamed])
    other_fig, other_ax = figure()
    (elsewhere,) = other_ax.plot([0, 1], [0, 1], label="elsewhere")
    with pytest.raises(ValueError, match=r"lines\[0\] must be a Line2D drawn in ax"):
        label_lines(ax, [elsewhere])
    (gone,) = ax.plot([5, 6], [5, 6], label="outside")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    with pytest.raises(ValueError, match="no point inside the axes"):
        label_lines(ax, [gone])
    (back,) = ax.plot([1, 0.5, 0], [0, 1, 0], label="turns back")
    with pytest.raises(ValueError, match="increasing x"):
        label_lines(ax, [back], x=0.5)
    many = [ax.plot([0, 1], [0.5, 0.5], label=f"l{k}")[0] for k in range(30)]
    with pytest.raises(ValueError, match="do not fit"):
        label_lines(ax, many)
    assert not ax.texts  # a refused call leaves no text behind


def test_a_line_that_leaves_the_axes_is_labelled_where_it_leaves() -> None:
    from studynotes.plotting import label_lines

    fig, ax = figure(width=5.0, height=3.0)
    t = np.linspace(0, 1, 101)
    ax.plot(t, np.full_like(t, 0.2), label="stays")
    (gone,) = ax.plot(t, np.exp(8 * t) / 50, label="leaves")  # crosses y = 1 at t = ln(50)/8, about 0.49
    ax.set(xlim=(0, 1), ylim=(0, 1))
    boxes = label_boxes(fig, label_lines(ax))
    exit_x = ax.transData.transform([[np.log(50) / 8, 1.0]])[0]
    assert abs(boxes[1].x1 - exit_x[0]) < 3.0  # the text ends where the line leaves
    assert ax.bbox.y1 - boxes[1].y1 < boxes[1].height  # at the top, inside the axes
    assert_inside_and_apart(ax, boxes)


def test_a_label_takes_the_side_of_its_line_that_no_other_line_crosses() -> None:
    from studynotes.plotting import label_lines

    fig, ax = figure(width=5.0, height=3.0)
    t = np.linspace(0, 1, 101)
    (flat,) = ax.plot(t, np.full_like(t, 0.5), label="flat")
    ax.plot(t, np.full_like(t, 0.53), color=INK)  # an unlabelled line just above the flat one's end
    ax.set(xlim=(0, 1), ylim=(0, 1))
    (box,) = label_boxes(fig, label_lines(ax, [flat]))
    line_y = ax.transData.transform([[1.0, 0.5]])[0, 1]
    assert box.y1 < line_y  # below its line: above, the text would sit on the other line
    fig2, ax2 = figure(width=5.0, height=3.0)
    (alone,) = ax2.plot(t, np.full_like(t, 0.5), label="flat")
    ax2.set(xlim=(0, 1), ylim=(0, 1))
    (free,) = label_boxes(fig2, label_lines(ax2))
    assert free.y0 > ax2.transData.transform([[1.0, 0.5]])[0, 1]  # with nothing in the way: above


@pytest.mark.parametrize(
    "value,spec,text",
    [
        (1e-6, "g", "10⁻⁶"),
        (1e6, "g", "10⁶"),
        (2.5e8, "g", "2.5×10⁸"),
        (-3e-5, "g", "−3×10⁻⁵"),
        (1e-3, ".2e", "1.00×10⁻³"),  # the precision asked for stays
        (-2.0, "g", "−2"),
        (6.25, "g", "6.25"),
        (0.001, "g", "0.001"),
        (0, "g", "0"),
        (float("-inf"), "g", "−∞"),
        (0.5, ".0%", "50%"),
    ],
)
def test_format_number_writes_numbers_as_a_reader_does(value, spec, text) -> None:
    from studynotes.plotting import format_number

    assert format_number(value, spec) == text
    assert read_back(text) == pytest.approx(float(format(value, spec).rstrip("%")))  # the same number


def read_back(text: str) -> float:
    """The number a reader reads in ``text``."""
    digits = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
    text = re.sub(r"^(-?)10(?=[⁰¹²³⁴⁵⁶⁷⁸⁹⁻])", r"\g<1>1e", text.translate(str.maketrans({"−": "-"})))
    return float(text.replace("×10", "e").translate(digits).replace("∞", "inf").rstrip("%"))


def test_format_number_refuses_what_is_not_a_number() -> None:
    from studynotes.plotting import format_number

    with pytest.raises(TypeError, match="value"):
        format_number("1e-6")
    with pytest.raises(TypeError, match="value"):
        format_number(True)
    with pytest.raises(TypeError, match="spec"):
        format_number(1.0, 3)
    with pytest.raises(ValueError, match="spec"):
        format_number(1.0, "d")
