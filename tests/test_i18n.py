"""Words in the reader's language from one run: placeholders, resolution and their errors."""

from __future__ import annotations

import html
import pickle

import pytest

from studynotes.i18n import Phrase, collecting, escape_placeholders, localized, placeholders_in, resolve, translations

TABLE = {
    "ko": dict(x="값", rows=["하나", "둘"], nested={"a": "가"}, same="SGD", row="{n}번째 <줄>"),
    "en": dict(x="value", rows=["one", "two"], nested={"a": "A"}, same="SGD", row="row {n} <line>"),
}


def test_outside_a_build_the_environment_picks_the_language(monkeypatch) -> None:
    monkeypatch.delenv("STUDYNOTES_LANG", raising=False)
    assert localized(TABLE) is TABLE["en"]
    monkeypatch.setenv("STUDYNOTES_LANG", "ko")
    assert localized(TABLE) is TABLE["ko"]
    monkeypatch.setenv("STUDYNOTES_LANG", "fr")
    with pytest.raises(ValueError, match="no entry for the language 'fr'"):
        localized(TABLE)


def test_inside_collecting_every_language_comes_out_of_one_string() -> None:
    with collecting(("ko", "en")):
        text = localized(TABLE)
    assert isinstance(text["x"], Phrase) and isinstance(text["rows"], list) and isinstance(text["nested"]["a"], Phrase)
    assert text["same"] == "SGD" and not isinstance(text["same"], Phrase)  # nothing to translate
    out = f"| {text['x']} | {text['rows'][1]} | {text['nested']['a']} | {text['same']} |"
    assert resolve(out, "ko") == "| 값 | 둘 | 가 | SGD |"
    assert resolve(out, "en") == "| value | two | A | SGD |"


def test_format_fills_in_every_language() -> None:
    with collecting(("ko", "en")):
        text = localized(TABLE)
        unit = localized({"ko": "개", "en": " items"})
    row = text["row"].format(n=3)
    assert isinstance(row, Phrase)
    assert resolve(row, "ko") == "3번째 <줄>" and resolve(row, "en") == "row 3 <line>"
    both = Phrase({"ko": "{}{}", "en": "{}{}"}).format(5, unit)
    assert resolve(both, "ko") == "5개" and resolve(both, "en") == "5 items"


def test_escaped_placeholders_get_html_and_markdown_safe_text() -> None:
    tag = Phrase({"ko": "<가> & \"나\"", "en": "<a> & \"b\""})
    markup = escape_placeholders(f'<p title="{tag}">{tag} *</p>')
    assert resolve(markup, "en") == '<p title="&lt;a&gt; &amp; &quot;b&quot;">&lt;a&gt; &amp; &quot;b&quot; *</p>'
    assert resolve(f"{tag}", "en") == '<a> & "b"'  # not marked: Markdown output, written as is
    star = Phrase({"ko": "w* 쪽", "en": "to w*"})
    assert resolve(escape_placeholders(f"<b>{star}</b>"), "en") == "<b>to w&#42;</b>"
    assert html.unescape(resolve(escape_placeholders(f"<b>{star}</b>"), "ko")) == "<b>w* 쪽</b>"


def test_phrases_travel_with_the_output() -> None:
    with collecting(("ko", "en")):
        out = f"{localized(TABLE)['x']}!"
    phrases = placeholders_in(out)
    assert list(phrases.values()) == [{"en": "value", "ko": "값"}]
    assert resolve(out, "ko", phrases) == "값!"
    assert translations(out) == {"en": "value!", "ko": "값!"}
    assert translations("no placeholder") is None
    assert pickle.loads(pickle.dumps(Phrase({"ko": "가", "en": "a"}))) == Phrase({"ko": "가", "en": "a"})


def test_multiline_texts_get_one_placeholder_per_line() -> None:
    phrase = Phrase({"ko": "가\n나", "en": "a\nb"})
    assert phrase.count("\n") == 1
    assert resolve(phrase, "ko") == "가\n나" and resolve(phrase, "en") == "a\nb"
    uneven = Phrase({"ko": "가\n나", "en": "a b"})
    assert "\n" not in uneven and resolve(uneven, "ko") == "가\n나"


@pytest.mark.parametrize(
    ("table", "error", "message"),
    [
        ({"ko": dict(x="값")}, ValueError, r"no entry for \['en'\]"),
        ({"ko": dict(x="값"), "en": dict(y="value")}, ValueError, "different keys"),
        ({"ko": dict(x=["a"]), "en": dict(x=["a", "b"])}, ValueError, "different lengths"),
        ({"ko": dict(x="a"), "en": dict(x=["a"])}, ValueError, r"table\['x'\]: the 'en' entry is a list"),
        ({"ko": dict(x=1), "en": dict(x=2)}, TypeError, "entries must be strings"),
        ({}, TypeError, "non-empty mapping"),
    ],
)
def test_mismatched_tables_are_refused_naming_the_entry(table, error, message) -> None:
    with collecting(("ko", "en")), pytest.raises(error, match=message):
        localized(table)


def test_bad_arguments_are_named() -> None:
    with pytest.raises(ValueError, match="languages must be"):
        with collecting(()):
            pass
    with pytest.raises(TypeError, match=r"texts\['en'\] must be a str"):
        Phrase({"ko": "가", "en": 1})
    with pytest.raises(KeyError, match="unknown placeholder"):
        resolve("\ue000" + "0" * 16 + "\ue001", "ko")
    with pytest.raises(ValueError, match="no text in the language 'fr'"):
        resolve(Phrase({"ko": "가", "en": "a"}), "fr")
    with pytest.raises(TypeError, match="text must be a str"):
        resolve(None, "ko")
