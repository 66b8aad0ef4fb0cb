"""The words of an example in the reader's language, with one run of the example serving every language.

An example keeps its words in one table with an entry per language and asks `localized` for them:

```python
TEXT = localized({
    "ko": dict(x="값", y="밀도"),
    "en": dict(x="value", y="density"),
})
ax.set(xlabel=TEXT["x"], ylabel=TEXT["y"])
```

Run on its own, `localized` returns the entry of the language named by the environment variable
``STUDYNOTES_LANG`` (English when it is unset), and the example prints plain text.

The site runs each example once for all its languages. Inside `collecting`, `localized` returns
`Phrase` placeholders instead: strings that stand for a text in every
language at once. The words are short labels (axis titles, legend entries, table headers); a
figure's caption and text alternative are prose in the page, under the block. The example prints them like any string (in f-strings, with ``+``, as figure
labels), and `resolve` then writes each page's language into the one output. What would take a
placeholder apart instead of the words (``split``, ``len``, slicing, comparison...) raises a
`TypeError` naming the operation, so the site's build fails where a snippet does it. Figures drawn by
`studynotes.plotting.figure_html` make room for the widest translation of every label, so one
drawing serves every language.

Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

__all__ = ["Phrase", "collecting", "escape_placeholders", "localized", "placeholders_in", "resolve", "translations"]

_RAW, _ESCAPED, _END = "\ue000", "\ue002", "\ue001"  # private-use characters: never in real text
_PLACEHOLDER = re.compile(f"([{_RAW}{_ESCAPED}])([0-9a-f]{{16}}){_END}")
_PHRASES: dict[str, dict[str, str]] = {}
# Characters that Markdown's inline syntax (emphasis, code, links, math, attribute lists) would act on
# in text that sits inside raw HTML, written as character references so they stay text.
_MARKDOWN_SAFE = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_[]$~^{}"})
_collecting: list[tuple[str, ...]] = []


class Phrase(str):
    """A placeholder for one text in several languages: a string that `resolve` replaces.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    It behaves as a string wherever it is inserted whole: ``str()``, ``print``, f-strings (without a
    format spec), ``+``, ``"%s" % phrase``, ``sep.join``, matplotlib labels. `format` fills in every
    language and returns a new `Phrase`. Everything else that reads or rewrites the text would act on
    the placeholder, not on the words, so it raises a `TypeError` naming the operation: every other
    string method (``split``, ``replace``, ``strip``, ``upper``, ``startswith``, ``find``...), ``len``,
    indexing and slicing, iteration, ``in``, ``%`` and comparisons (``==``, ``<``...). A snippet that
    needs a part of a text gives that part an entry of its own in its `localized` table.

    ``Phrase(texts)`` takes the text in each language, for example ``{"ko": "밀도", "en": "density"}``.
    When every language has the same number of lines, each line gets a placeholder of its own, so a
    figure can lay the lines out one by one.
    """

    texts: dict[str, str]

    def __new__(cls, texts: Mapping[str, str]) -> Phrase:
        if not isinstance(texts, Mapping) or not texts:
            raise TypeError("texts must be a non-empty mapping from language to text")
        for lang, text in texts.items():
            if not isinstance(text, str):
                raise TypeError(f"texts[{lang!r}] must be a str, got {type(text).__name__}")
            if _PLACEHOLDER.search(text):
                raise ValueError(f"texts[{lang!r}] already holds a placeholder; resolve it first")
        texts = dict(sorted(texts.items()))
        lines = {lang: text.split("\n") for lang, text in texts.items()}
        if len({len(parts) for parts in lines.values()}) == 1:
            # one placeholder per line, so a figure can lay out each line for its widest translation
            count = len(next(iter(lines.values())))
            value = "\n".join(_register({lang: parts[i] for lang, parts in lines.items()}) for i in range(count))
        else:
            value = _register(texts)
        phrase = super().__new__(cls, value)
        phrase.texts = texts
        return phrase

    def format(self, *args: Any, **kwargs: Any) -> Phrase:
        """`str.format` in every language; `Phrase` arguments are filled in language by language."""
        return Phrase(
            {
                lang: text.format(*[_in(a, lang) for a in args], **{k: _in(v, lang) for k, v in kwargs.items()})
                for lang, text in self.texts.items()
            }
        )

    def __reduce__(self) -> tuple[type, tuple[dict[str, str]]]:
        return (Phrase, (self.texts,))

    def __repr__(self) -> str:
        return f"Phrase({self.texts!r})"

    def __bool__(self) -> bool:
        return True  # the languages' texts differ (else localized returns a plain str), so one is not empty

    __hash__ = str.__hash__  # a Phrase can still be a dict key; comparing two is refused below

    def __format__(self, spec: str) -> str:
        if spec:
            raise _refused("__format__", f"the format spec {spec!r}")
        return str.__str__(self)


# What a Phrase refuses: every operation that reads or rewrites its text, which on the site is a placeholder
# for every language. Inserting the text whole (str, f-string, +, *, join, "%s" %) and Phrase.format stay.
_REFUSED = {
    **{name: f".{name}()" for name in dir(str) if not name.startswith("_") and name not in {"format", "join", "maketrans"}},
    "__len__": "len()",
    "__getitem__": "indexing or slicing",
    "__iter__": "iteration",
    "__contains__": "'in'",
    "__mod__": "% formatting",
    "__eq__": "==",
    "__ne__": "!=",
    "__lt__": "<",
    "__le__": "<=",
    "__gt__": ">",
    "__ge__": ">=",
}


def _refused(name: str, what: str) -> TypeError:
    return TypeError(
        f"Phrase.{name}: {what} on a localized text. On the site it is a placeholder standing for every language's "
        f"words, so {what} would act on the placeholder, not on the words. Insert the text whole (f-string, +, "
        "print, .format()), or give the part you need an entry of its own in the localized table"
    )


def _refusal(name: str, what: str) -> Any:
    def refused(self: Phrase, *args: Any, **kwargs: Any) -> Any:
        raise _refused(name, what)

    refused.__name__, refused.__qualname__ = name, f"Phrase.{name}"
    return refused


for _name, _what in _REFUSED.items():
    setattr(Phrase, _name, _refusal(_name, _what))
del _name, _what


def _register(texts: dict[str, str]) -> str:
    key = hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:16]
    _PHRASES[key] = texts
    return _RAW + key + _END


def _in(value: Any, lang: str) -> Any:
    return resolve(value, lang) if isinstance(value, str) else value


@contextmanager
def collecting(languages: Sequence[str]) -> Iterator[None]:
    """Inside this block `localized` returns `Phrase` placeholders covering ``languages``.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Parameters
    ----------
    languages
        Language codes every table must have an entry for, for example ``("ko", "en")``.
    """
    languages = tuple(languages)
    if not languages or not all(isinstance(lang, str) and lang for lang in languages):
        raise ValueError(f"languages must be a non-empty sequence of language codes, got {languages!r}")
    _collecting.append(languages)
    try:
        yield
    finally:
        _collecting.pop()


def localized(table: Mapping[str, Any]) -> Any:
    """The entry of ``table`` for the reader's language (or placeholders for all, inside `collecting`).

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Parameters
    ----------
    table
        One entry per language code. An entry is a string, or a list, tuple or dict of entries; every
        language's entry must have the same shape (the same keys, the same lengths).

    Returns
    -------
    Any
        Outside `collecting`: ``table[lang]`` with ``lang`` from ``STUDYNOTES_LANG`` (default ``"en"``).
        Inside: the same shape with a `Phrase` in place of every string.
    """
    if not isinstance(table, Mapping) or not table:
        raise TypeError("table must be a non-empty mapping from language code to entry")
    if not _collecting:
        lang = os.environ.get("STUDYNOTES_LANG") or "en"
        if lang not in table:
            raise ValueError(f"table has no entry for the language {lang!r} (STUDYNOTES_LANG); it has {sorted(table)}")
        return table[lang]
    languages = _collecting[-1]
    missing = [lang for lang in languages if lang not in table]
    if missing:
        raise ValueError(f"table has no entry for {missing}; the site is built in {list(languages)}")
    return _merge({lang: table[lang] for lang in languages}, "table")


def _merge(entries: dict[str, Any], where: str) -> Any:
    first_lang, first = next(iter(entries.items()))
    for lang, entry in entries.items():
        if type(entry) is not type(first):
            raise ValueError(
                f"{where}: the {lang!r} entry is a {type(entry).__name__}, the {first_lang!r} entry a {type(first).__name__}"
            )
    if isinstance(first, str):
        if all(entry == first for entry in entries.values()):
            return first  # the same in every language: nothing to replace
        return Phrase(entries)
    if isinstance(first, (list, tuple)):
        lengths = {lang: len(entry) for lang, entry in entries.items()}
        if len(set(lengths.values())) > 1:
            raise ValueError(f"{where}: the entries have different lengths {lengths}")
        items = [_merge({lang: entry[i] for lang, entry in entries.items()}, f"{where}[{i}]") for i in range(len(first))]
        return type(first)(items)
    if isinstance(first, Mapping):
        keys = {lang: set(entry) for lang, entry in entries.items()}
        if len({frozenset(k) for k in keys.values()}) > 1:
            extra = {lang: sorted(k - set(first)) + sorted(set(first) - k) for lang, k in keys.items() if k != set(first)}
            raise ValueError(f"{where}: the languages' entries have different keys (differing: {extra})")
        return {key: _merge({lang: entry[key] for lang, entry in entries.items()}, f"{where}[{key!r}]") for key in first}
    return first if all(entry == first for entry in entries.values()) else _not_text(where, first)


def _not_text(where: str, value: Any) -> Any:
    raise TypeError(f"{where}: entries must be strings (or lists, tuples, dicts of them), got {type(value).__name__}")


def placeholders_in(text: str) -> dict[str, dict[str, str]]:
    """The texts of every placeholder in ``text``, by key: what `resolve` needs later, in another process.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Parameters
    ----------
    text
        Output holding placeholders.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    found = {}
    for key in dict.fromkeys(m.group(2) for m in _PLACEHOLDER.finditer(text)):
        if key not in _PHRASES:
            raise KeyError(f"text holds a placeholder ({key}) made outside this process")
        found[key] = _PHRASES[key]
    return found


def translations(text: str) -> dict[str, str] | None:
    """``text`` in each of its placeholders' languages, or ``None`` when it holds no placeholder.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Parameters
    ----------
    text
        A string that may hold placeholders, such as a figure label.
    """
    phrases = placeholders_in(text)
    if not phrases:
        return None
    languages = sorted({lang for texts in phrases.values() for lang in texts})
    return {lang: resolve(text, lang, phrases) for lang in languages}


def resolve(text: str, lang: str, phrases: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """Replace every placeholder in ``text`` with its text in ``lang`` (escaped for HTML where it was marked so).

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Parameters
    ----------
    text
        Output holding placeholders.
    lang
        The language to write.
    phrases
        Texts by placeholder key, as returned by `placeholders_in`; by default those made in this process.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    table = _PHRASES if phrases is None else phrases

    def replace(match: re.Match[str]) -> str:
        key = match.group(2)
        if key not in table:
            raise KeyError(f"text holds an unknown placeholder ({key})")
        if lang not in table[key]:
            raise ValueError(f"a placeholder has no text in the language {lang!r}; it has {sorted(table[key])}")
        words = table[key][lang]
        return html.escape(words).translate(_MARKDOWN_SAFE) if match.group(1) == _ESCAPED else words

    return _PLACEHOLDER.sub(replace, text)


def escape_placeholders(markup: str) -> str:
    """Mark the placeholders in ``markup`` as sitting in HTML, so `resolve` escapes their texts.

    Escaped texts get character references for ``&<>"'`` and for the characters of Markdown's
    inline syntax (emphasis, code, math, links), since markdown-exec output that holds the HTML
    passes through Markdown once more.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Parameters
    ----------
    markup
        HTML (or SVG) holding placeholders in text or attribute values.
    """
    if not isinstance(markup, str):
        raise TypeError(f"markup must be a str, got {type(markup).__name__}")
    return str.replace(markup, _RAW, _ESCAPED)
