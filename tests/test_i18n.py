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
    back = pickle.loads(pickle.dumps(Phrase({"ko": "가", "en": "a"})))
    assert isinstance(back, Phrase) and back.texts == {"en": "a", "ko": "가"}
    assert str(back) == str(Phrase({"ko": "가", "en": "a"}))


def test_multiline_texts_get_one_placeholder_per_line() -> None:
    phrase = Phrase({"ko": "가\n나", "en": "a\nb"})
    assert str(phrase).count("\n") == 1
    assert resolve(phrase, "ko") == "가\n나" and resolve(phrase, "en") == "a\nb"
    uneven = Phrase({"ko": "가\n나", "en": "a b"})
    assert "\n" not in str(uneven) and resolve(uneven, "ko") == "가\n나"


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


# Every operation that would read or rewrite a Phrase's text (its placeholder on the site), and the name its error gives.
MISUSES = [
    ("split", lambda p: p.split(":")),
    ("rsplit", lambda p: p.rsplit(":", 1)),
    ("partition", lambda p: p.partition(":")),
    ("splitlines", lambda p: p.splitlines()),
    ("replace", lambda p: p.replace("a", "b")),
    ("strip", lambda p: p.strip()),
    ("lstrip", lambda p: p.lstrip()),
    ("rstrip", lambda p: p.rstrip(".")),
    ("removeprefix", lambda p: p.removeprefix("a")),
    ("upper", lambda p: p.upper()),
    ("lower", lambda p: p.lower()),
    ("title", lambda p: p.title()),
    ("capitalize", lambda p: p.capitalize()),
    ("casefold", lambda p: p.casefold()),
    ("swapcase", lambda p: p.swapcase()),
    ("startswith", lambda p: p.startswith("a")),
    ("endswith", lambda p: p.endswith("a")),
    ("find", lambda p: p.find(":")),
    ("index", lambda p: p.index(":")),
    ("count", lambda p: p.count(":")),
    ("center", lambda p: p.center(20)),
    ("ljust", lambda p: p.ljust(20)),
    ("zfill", lambda p: p.zfill(20)),
    ("isdigit", lambda p: p.isdigit()),
    ("encode", lambda p: p.encode()),
    ("translate", lambda p: p.translate({58: 59})),
    ("format_map", lambda p: p.format_map({})),
    ("__len__", len),
    ("__getitem__", lambda p: p[0]),
    ("__getitem__", lambda p: p[:3]),
    ("__iter__", list),
    ("__iter__", lambda p: [c for c in p]),
    ("__contains__", lambda p: ":" in p),
    ("__mod__", lambda p: p % ()),
    ("__format__", lambda p: f"{p:>20}"),
    ("__eq__", lambda p: p == "a: b"),
    ("__ne__", lambda p: p != "a: b"),
    ("__lt__", lambda p: p < "z"),
    ("__le__", lambda p: p <= "z"),
    ("__gt__", lambda p: p > "a"),
    ("__ge__", lambda p: p >= "a"),
    ("__lt__", lambda p: sorted([p, Phrase({"ko": "다", "en": "c"})])),
]


@pytest.mark.parametrize(("method", "misuse"), MISUSES, ids=[f"{m}-{i}" for i, (m, _) in enumerate(MISUSES)])
def test_a_phrase_refuses_what_would_act_on_its_placeholder(method, misuse) -> None:
    phrase = Phrase({"ko": "가: 나", "en": "a: b"})
    with pytest.raises(TypeError, match=rf"^Phrase\.{method}: .* on a localized text\. On the site it is a placeholder"):
        misuse(phrase)


def test_every_public_string_method_but_format_and_join_is_refused() -> None:
    """A method str gains in a later Python is refused too: the list is read from str itself."""
    phrase = Phrase({"ko": "가", "en": "a"})
    for name in dir(str):
        if name.startswith("_") or name in {"format", "join", "maketrans"}:
            continue
        with pytest.raises(TypeError, match=rf"^Phrase\.{name}: \.{name}\(\)"):
            getattr(phrase, name)()


def test_a_phrase_inserted_whole_still_works() -> None:
    """What the examples do with their words: each of these gives every language its own words."""
    phrase = Phrase({"ko": "가: 나", "en": "a: b"})
    unit = Phrase({"ko": "개", "en": "items"})
    uses = {
        "str": str(phrase),
        "f-string": f"<{phrase}>",
        "str.format": "<{}>".format(phrase),
        "+": "<" + phrase + ">",
        "%s": "<%s>" % phrase,
        "*": phrase * 2,
        "join": unit.join(["1", "2"]),
        "format": Phrase({"ko": "{} {}", "en": "{} {}"}).format(phrase, unit),
    }
    expected = {
        "ko": {"str": "가: 나", "f-string": "<가: 나>", "str.format": "<가: 나>", "+": "<가: 나>", "%s": "<가: 나>",
               "*": "가: 나가: 나", "join": "1개2", "format": "가: 나 개"},
        "en": {"str": "a: b", "f-string": "<a: b>", "str.format": "<a: b>", "+": "<a: b>", "%s": "<a: b>",
               "*": "a: ba: b", "join": "1items2", "format": "a: b items"},
    }
    for lang in ("ko", "en"):
        assert {use: resolve(text, lang) for use, text in uses.items()} == expected[lang]
    assert bool(phrase) and {phrase: 1}[phrase] == 1  # truth and hashing read no text
    assert repr(phrase) == "Phrase({'en': 'a: b', 'ko': '가: 나'})"
