"""Direct quotes: the one quote scanner every stage uses.

The marks come from ``lang/<code>/quotes.tsv`` (for German „…“ „…” „…" »…« «…» “…” "…" ‚…‘ ›…‹ ‹…› ‘…’
'…'). The scanner pairs them with a stack, so a quote may hold a nested one ("„Er rief ‚Halt‘.“").
A mark that opens and closes alike (``"``, ``'``) is told apart by where it stands: after a space or
at a line start it opens, before a space or a punctuation mark it closes. An apostrophe between
letters ("geht's") or after a final s ("Merkels'") and an inch or second mark after a digit
(``17"``, ``3'30"``) is no quote mark.

A quote may run over several sentences and paragraphs. A paragraph that ends inside a quote
continues it when the next paragraph reopens it with the same mark (the printers' convention)
or closes it before opening another; otherwise the unclosed mark was none.

>>> [q.text for q in find_quotes('Er sagte: „Wir gehen. Morgen ‚vielleicht‘.“ Dann geht\\'s los.')]
['Wir gehen. Morgen ‚vielleicht‘.', 'vielleicht']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kgbuild.lang import QuoteRules, text_rules
from kgbuild.model import Span

__all__ = ["DOUBLE_MARKS", "QUOTE_MARKS", "Quote", "find_quotes", "quotes_in"]

#: Every Unicode quotation mark (of any language), for stages that only step over them; which marks
#: pair up is language data (``quotes.tsv``).
QUOTE_MARKS = frozenset("„“”\"'‚‘’«»‹›")
#: The double marks, which open or close a quote and are never an apostrophe.
DOUBLE_MARKS = frozenset("„“”\"«»")


@dataclass(frozen=True)
class Quote:
    """A direct quote: ``span`` is the quoted text without its marks."""

    span: Span
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    depth: int = 0  # 0 for an outer quote, 1 for a quote inside it ...

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class _Open:
    mark: str
    at: int
    closers: str
    symmetric: bool


def _letter(c: str) -> bool:
    return c.isalnum()


def _opens_here(text: str, i: int, b: int) -> bool:
    """May the mark at ``i`` open a quote: start, space or an opening bracket before, text after?"""
    before = text[i - 1] if i > b else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{/–—-:;,>|" or before in QUOTE_MARKS) and not after.isspace()


def _closes_here(text: str, i: int, e: int) -> bool:
    """May the mark at ``i`` close a quote: text before, a space, a mark or the end after?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < e else " "
    return not before.isspace() and (after.isspace() or not _letter(after))


def _apostrophe(text: str, i: int, b: int, e: int) -> bool:
    """Is the ' or ’ at ``i`` an apostrophe, or a straight mark an inch or second mark?"""
    c = text[i]
    before = text[i - 1] if i > b else " "
    after = text[i + 1] if i + 1 < e else " "
    if before.isdigit() and c in "'\"":
        return True  # 17", 3'30", 5'
    if c in "'’":
        if _letter(before) and _letter(after):
            return True  # geht's, O'Brien, Merkel’s
        if c == "'" and after in "sn" and (i + 2 >= e or not _letter(text[i + 2])) and not _letter(before):
            return True  # 's Wetter, 'n Bier
    return False


def _scan_paragraph(text: str, b: int, e: int, rules: QuoteRules, carry: list[_Open]) -> tuple[list[Quote],
                                                                                                list[_Open]]:
    """Quotes within text[b:e]; ``carry`` holds the quotes still open from the paragraph before."""
    out: list[Quote] = []
    stack = list(carry)
    for m in rules.pattern.finditer(text, b, e):
        i = m.start()
        c = text[i]
        if c in "'’\"" and _apostrophe(text, i, b, e) \
                and not (c == '"' and any(o.mark == '"' for o in stack)):  # "… bei 5000" closes
            continue
        closing = _closes_here(text, i, e)
        opening = c in rules.closers and _opens_here(text, i, b)
        # close the innermost quote this mark can close
        k = len(stack) - 1
        while k >= 0 and c not in stack[k].closers:
            k -= 1
        if k >= 0 and (closing or not opening):
            top = stack[k]
            if top.symmetric and not closing and opening:
                stack[k] = _Open(c, i, top.closers, True)  # the earlier mark opened nothing
                continue
            if i > top.at + 1:
                out.append(Quote(Span.of(text, top.at + 1, i), top.at, i, k))
            del stack[k:]
            continue
        if opening:
            closers = rules.closers[c]
            if rules.single.get(c) and not _closable(text, i, e, closers):
                continue  # a lone ‚ or ' that nothing closes in the paragraph
            stack.append(_Open(c, i, closers, c in closers))
    return out, stack


def _closable(text: str, i: int, e: int, closers: str) -> bool:
    return any(text.find(x, i + 1, e) != -1 for x in closers)


def _continues(text: str, b: int, e: int, open_: _Open, rules: QuoteRules) -> bool:
    """Does the next paragraph text[b:e] go on with a quote left open (reopened, or closed first)?"""
    p = b
    while p < e and text[p].isspace():
        p += 1
    if p < e and text[p] == open_.mark:
        return True
    if open_.symmetric:
        return False
    first_close = min((x for x in (text.find(c, p, e) for c in open_.closers) if x != -1), default=-1)
    first_open = text.find(open_.mark, p, e)
    return first_close != -1 and (first_open == -1 or first_close < first_open)


@lru_cache(maxsize=8)
def _scan(text: str, paragraphs: tuple[tuple[int, int], ...], lang: str) -> tuple[Quote, ...]:
    rules = text_rules(lang).quotes
    out: list[Quote] = []
    carry: list[_Open] = []
    for n, (b, e) in enumerate(paragraphs):
        if carry and text[b:e].lstrip()[:1] == carry[-1].mark:
            # the reopening mark of a continued quote is no new quote
            p = b + len(text[b:e]) - len(text[b:e].lstrip())
            found, stack = _scan_paragraph(text, p + 1, e, rules, carry)
        else:
            found, stack = _scan_paragraph(text, b, e, rules, carry)
        out += found
        nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        carry = [o for o in stack[:1] if nxt is not None and _continues(text, nxt[0], nxt[1], o, rules)]
    # a continued quote's span covers every paragraph it runs through
    return tuple(sorted(out, key=lambda q: (q.open, -q.close)))


_BLANK = re.compile(r"\n[ \t\r]*\n\s*")


def paragraphs_of(text: str) -> tuple[tuple[int, int], ...]:
    """Paragraphs as (begin, end), split at blank lines (the default when the caller knows none)."""
    out = []
    b = 0
    for m in _BLANK.finditer(text):
        out.append((b, m.start()))
        b = m.end()
    out.append((b, len(text)))
    return tuple(x for x in out if x[1] > x[0])


def find_quotes(text: str, *, paragraphs: Sequence[tuple[int, int]] | None = None,
                lang: str = "de") -> tuple[Quote, ...]:
    """Every direct quote of a text, outer and nested, in text order (cached per text).

    Args:
        text: the article text, as read.
        paragraphs: (begin, end) of its paragraphs; a quote runs into the next one only by the
            rules above. Default: split at blank lines.
        lang: the language whose ``quotes.tsv`` gives the marks.
    """
    paras = tuple(paragraphs) if paragraphs is not None else paragraphs_of(text)
    return _scan(text, paras, lang)


def quotes_in(quotes: Sequence[Quote], begin: int, end: int, *, nested: bool = False) -> list[Quote]:
    """The quotes (outer ones unless ``nested``) whose text lies within text[begin:end]."""
    opens = [q.open for q in quotes]
    k = bisect.bisect_left(opens, begin - 1)
    out = []
    while k < len(quotes) and quotes[k].open < end:
        q = quotes[k]
        if q.span.begin >= begin and q.span.end <= end and (nested or q.depth == 0):
            out.append(q)
        k += 1
    return out
