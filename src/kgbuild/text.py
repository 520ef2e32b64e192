"""Tokens: the one tokenizer every stage uses, on the text as read (offsets never change).

A token is a word with its inner hyphens and apostrophes ("Kreml-Sprecher", "geht's"), a number
with its inner separators ("1.507", "3,5"), or one punctuation mark. A hyphen that ends a word
("Kreml-" in "Kreml- und Regierungssprecher") is no part of it.

>>> [text[b:e] for text in ["Die Kreml- und Regierungssprecher zählten 1.507 Fälle, geht's?"]
...  for b, e in token_spans(text)]
['Die', 'Kreml', 'und', 'Regierungssprecher', 'zählten', '1.507', 'Fälle', ',', "geht's", '?']

Scanners that look for where a number or a name may start (dates, quantities) step through
:data:`RUN`\\ s, runs of letters or of digits, and read the words after an amount as :data:`WORD`\\ s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kgbuild.model import Sentence

__all__ = ["RUN", "TOKEN", "WORD", "Tokens", "token_spans", "tokenize"]

#: A word (inner hyphens, apostrophes), a number (inner dots and commas between digits), or one mark.
TOKEN = re.compile(r"\w+(?:[-‐‑'’]\w+|(?<=\d)[.,](?=\d)\w+)*-?|[^\w\s]")
#: A run of letters or of digits: where a name or a number may start.
RUN = re.compile(r"\d+|[^\W\d_]+")
#: A word with its hyphens, or a number: what follows an amount ("US-Dollar", "Menschen").
WORD = re.compile(r"[^\W\d_][\w-]*|\d+")


def token_spans(text: str, begin: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(begin, end) of every token in text[begin:end]."""
    out = []
    for m in TOKEN.finditer(text, begin, len(text) if end is None else end):
        b, e = m.span()
        if e - b > 1 and text[e - 1] == "-":
            e -= 1
        out.append((b, e))
    return out


@dataclass(frozen=True)
class Tokens:
    """Tokens of a text with their offsets, and the sentence each one stands in."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    sentence_of: tuple[int, ...]
    # each token's text, cut once: the stages after read words millions of times per thousand articles
    words: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(self.text[b:e] for b, e in zip(self.starts, self.ends, strict=True)))

    def word(self, i: int) -> str:
        return self.words[i]

    def __len__(self) -> int:
        return len(self.starts)


def tokenize(text: str, sentences: Iterable[Sentence]) -> Tokens:
    """Tokenise the sentences of a text (words, hyphenated compounds, numbers, punctuation)."""
    starts: list[int] = []
    ends: list[int] = []
    sent: list[int] = []
    for si, s in enumerate(sentences):
        spans = token_spans(text, s.span.begin, s.span.end)
        starts.extend(b for b, _ in spans)
        ends.extend(e for _, e in spans)
        sent.extend([si] * len(spans))
    return Tokens(text, tuple(starts), tuple(ends), tuple(sent))
