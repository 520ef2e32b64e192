"""Refuse what is not an article text before extracting nonsense from it.

An HTML page, a JSON or JSON Lines file, a URL given where a file belongs, or a text
in another language than the one expected would each build into a graph of garbage.
:func:`check_article` tells them apart by their first characters and by the function
words the text uses, and raises an :class:`~kgbuild.errors.InputError` whose one line
says what the input looks like and what to do instead.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from kgbuild.errors import InputError

_URL = re.compile(r"^(?:https?|ftp):/", re.I)  # a Path has squeezed "//" into "/"
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<\?xml[^>]*>\s*<html\b)", re.I)
_TAG = re.compile(r"</?(?:p|div|span|a|br|script|style|meta|link|li|ul|h[1-6]|article|section|img|table)\b[^>]*>",
                  re.I)
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 20  # below this, a text is too short to tell its language


def check_url(name: str) -> None:
    """Refuse a URL given as a file name: kgbuild reads files, it never fetches."""
    if _URL.match(name):
        name = re.sub(r":/(?!/)", "://", name, count=1)
        raise InputError(f"{name}: URLs are not fetched: save the page first and give the saved file")


def check_article(name: str, text: str, *, lang: str = "de", check_language: bool = True) -> None:
    """Raise an InputError when ``text`` is not an article text in ``lang``.

    Args:
        name: the file name, for the message.
        text: the text as read.
        lang: the language expected.
        check_language: also compare the language (off when the user chose it).
    """
    body = text.lstrip("\ufeff \t\r\n")
    if _HTML_START.match(body) or len(_TAG.findall(body[:20000])) >= 5:
        raise InputError(f"{name}: looks like HTML: save the article's text as plain text "
                         "(copy it from the browser into a .txt file) and build that")
    if body[:1] in "{[":
        kind = _json_kind(body)
        if kind == "json":
            raise InputError(f"{name}: looks like JSON, not an article text: put the article's text "
                             "into a .txt file (or give a claims document a .json/.yaml extension)")
        if kind == "jsonl":
            raise InputError(f"{name}: looks like JSON Lines (one record per line), not an article text: "
                             "write each article's text to a .txt file of its own and build those")
    if check_language:
        found = detect_language(body)
        if found is not None and found != lang:
            names = _names()
            raise InputError(f"{name}: text looks {names.get(found, found)} ({lang} expected): kgbuild "
                             f"extracts {names.get(lang, lang)} articles; pass --lang {lang} to build it anyway")


def _json_kind(body: str) -> str | None:
    try:
        json.loads(body)
        return "json"
    except ValueError:
        pass
    lines = [ln for ln in body.splitlines()[:5] if ln.strip()]
    try:
        if lines and all(isinstance(json.loads(ln), dict | list) for ln in lines):
            return "jsonl"
    except ValueError:
        return None
    return None


def detect_language(text: str) -> str | None:
    """The language whose function words the text uses most, or None when it is too short
    or no language stands out (twice the hits of the next)."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < MIN_WORDS:
        return None
    table = _function_words()
    hits = {lang: sum(1 for w in words if w in ws) for lang, ws in table.items()}
    ranked = sorted(hits, key=lambda k: (-hits[k], k))
    best, second = ranked[0], hits[ranked[1]] if len(ranked) > 1 else 0
    if hits[best] < 0.08 * len(words) or hits[best] < 2 * second:
        return None
    return best


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str, frozenset[str]], ...]:
    raw = resources.files("kgbuild.lang").joinpath("function_words.tsv").read_text(encoding="utf-8")
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lang\t"):
            continue
        lang, name, words = line.split("\t")
        rows.append((lang, name, frozenset(words.split())))
    return tuple(rows)


def _function_words() -> dict[str, frozenset[str]]:
    return {lang: words for lang, _, words in _rows()}


def _names() -> dict[str, str]:
    return {lang: name for lang, name, _ in _rows()}
