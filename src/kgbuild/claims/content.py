"""What a claim says: the clause a cue frames, its quote, outlet, date and polarity."""

from __future__ import annotations

import bisect
import re

from kgbuild.claims.context import _MARKS, ClaimContext, _mentions_in
from kgbuild.claims.words import ClaimWords
from kgbuild.model import DateValue, Span, SpeechAct
from kgbuild.quotes import QUOTE_MARKS, find_quotes, quotes_in


def _clause_bounds(ctx: ClaimContext, idx: list[int], pos: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    toks = ctx.tokens
    b = toks.starts[idx[pos]]
    for p in range(pos - 1, -1, -1):
        w = toks.word(idx[p])
        if w in (",", ":", ";") or _inside_quotes(toks.starts[idx[p]], quotes) or _is_mark(w):
            break
        b = toks.starts[idx[p]]
    e = toks.ends[idx[pos]]
    depth = 0
    for p in range(pos + 1, len(idx)):
        w = toks.word(idx[p])
        if w == "(":
            depth += 1
        elif w == ")" and depth:
            depth -= 1
            e = toks.ends[idx[p]]
            continue
        if depth:
            e = toks.ends[idx[p]]
            continue
        if w == "." and p > 0 and toks.word(idx[p - 1]).isdigit():
            e = toks.ends[idx[p]]  # the ordinal of a date: "am 12. Februar"
            continue
        if w in (",", ":", ";", ".") or _inside_quotes(toks.starts[idx[p]], quotes) or w in ("dass", "daß"):
            break
        e = toks.ends[idx[p]]
    return b, e


# ---------------------------------------------------------------- content, quotes
def _quotes(ctx: ClaimContext, span: Span) -> list[tuple[int, int]]:
    """Direct quotes in a span, as (begin, end) of the quoted text without the marks (the shared scanner)."""
    found = ctx.found_quotes
    if found is None:
        paragraphs = tuple((b.span.begin, b.span.end) for b in ctx.structure.blocks)
        found = find_quotes(ctx.text, paragraphs=paragraphs, lang=ctx.lang)
        # a medium's name in quotation marks ("Der „Kurier“ berichtet, …") is a name, not a quotation
        names = [(m.span.begin, m.span.end) for m in ctx.mentions if m.key is not None and m.key in ctx.media]
        found = tuple(q for q in found if not any(b <= q.span.begin and q.span.end <= e for b, e in names))
        object.__setattr__(ctx, "found_quotes", found)
    return [(q.span.begin, q.span.end) for q in quotes_in(found, span.begin, span.end)]


def _is_mark(w: str) -> bool:
    """Is the token a double quotation mark (not an apostrophe)?"""
    return w in QUOTE_MARKS and w not in "'’‚‘›‹"


def _inside_quotes(offset: int, quotes: list[tuple[int, int]]) -> bool:
    return any(b <= offset < e for b, e in quotes)


def _quote_in(ctx: ClaimContext, span: Span) -> str | None:
    return _quote_text(ctx.text, _quotes(ctx, span))


def _quote_text(text: str, quotes: list[tuple[int, int]]) -> str | None:
    if not quotes:
        return None
    # the quote with the most words; a one-word scare quote loses to a phrase
    b, e = max(quotes, key=lambda q: (len(text[q[0]:q[1]].split()), -q[0]))
    return text[b:e].strip() or None


def _content(text: str, sent: Span, frame: tuple[int, int], quotes: list[tuple[int, int]],
             *, after: bool | None = None) -> Span:
    """The reported content: the sentence without the attribution frame.

    ``after`` says on which side of the frame the content stands: after it when the speaker
    was named before the cue ("Die Präsidentin von Finnland, Aino Virtanen, sagte, …"), before it
    when the speaker follows ("…, sagte Wendt."); when unknown, the longer side.
    """
    fb, fe = frame
    # a direct quote on the content's side ("X empfahl in seinem Buch „…“, dass …": the clause)
    outside = [(b, e) for b, e in quotes if ((e <= fb and after is not True) or (b >= fe and after is not False))
               and len(text[b:e].split()) >= 3]
    if outside:  # the direct quote is the content, when it fills its side of the frame
        b, e = max(outside, key=lambda q: q[1] - q[0])
        side = text[sent.begin:fb] if e <= fb else text[fe:sent.end]
        if e - b >= 0.6 * len(side.strip(" ,.:;–-")):
            return Span.of(text, b, e)
    left = text[sent.begin:fb].rstrip(" ,:–-")
    right_start = fe
    while right_start < sent.end and text[right_start] in " ,:–-":
        right_start += 1
    right = text[right_start:sent.end]
    left_len, right_len = len(left.strip(" " + _MARKS)), len(right.strip(" ." + _MARKS))
    if after is None or min(left_len, right_len) < 3:
        after = right_len > left_len
    if not after:
        b, e = sent.begin, sent.begin + len(left)
    else:
        b, e = right_start, sent.end
    while e > b and text[e - 1] in " .,":
        e -= 1
    if text[b:b + 1] in _MARKS and text[e - 1:e] in _MARKS and text[b + 1:e - 1].strip():
        b, e = b + 1, e - 1  # a short direct quote: the words without their marks
    if e - b < 2:
        return sent
    return Span.of(text, b, e)


def _around_phrase(text: str, sent: Span, frame: tuple[int, int],
                   quotes: list[tuple[int, int]]) -> tuple[Span, str] | None:
    """The content around an attribution phrase that stands inside its clause.

    "Einen Grenzwert gibt es laut X nicht." says "Einen Grenzwert gibt es nicht"; "Bei der
    Kontrolle wurden laut X keine Raser erwischt." says "Bei der Kontrolle wurden keine Raser
    erwischt". Returns the span from the content's first to its last word, and the content
    without the phrase; ``None`` when the phrase opens or closes the content, is set off by one
    comma only (a clause of its own), or a direct quote outside it is the content.
    """
    fb, fe = frame
    if any((e <= fb or b >= fe) and len(text[b:e].split()) >= 3 for b, e in quotes):
        return None
    left_raw = text[sent.begin:fb]
    article = re.search(r"(?:^|\s)(?:der|die|das|dem|den|des|Der|Die|Das|Dem|Den|Des)\s*$", left_raw)
    if article:  # "Dem Landratsamt zufolge": the article belongs to the phrase
        left_raw = left_raw[:article.start()]
    right_raw = text[fe:sent.end]
    left = left_raw.rstrip(" ,–-")
    right = right_raw.lstrip(" ,–-")
    if not any(ch.isalnum() for ch in left) or not any(ch.isalnum() for ch in right.rstrip(" .!?")):
        return None
    comma_before = left_raw.rstrip().endswith((",", "–"))
    comma_after = right_raw.lstrip().startswith((",", "–"))
    if comma_before != comma_after:
        return None  # "Die Lage ist ruhig, laut Polizei gab es …": two clauses
    end = sent.end
    while end > fe and text[end - 1] in " .,!?":
        end -= 1
    right = text[fe:end].lstrip(" ,–-")
    b = sent.begin + len(left_raw) - len(left_raw.lstrip())
    return Span.of(text, b, end), f"{left.strip()} {right.strip()}"


def _main_clause(cw: ClaimWords, s: str) -> str:
    """The content without its subordinate clauses (relative, conditional, dass-clauses)."""
    s = re.sub(r"^\s*(?:dass|daß|ob)\s+", "", s)
    prev = None
    while prev != s:
        prev = s
        s = cw.subclause.sub("", s)
    return s


def _negated(cw: ClaimWords, content: str, act: SpeechAct) -> bool:
    if act == SpeechAct.DENIAL:
        return True
    main = cw.not_negation.sub("", _main_clause(cw, content))
    return cw.negation.search(main) is not None


def _outlets(ctx: ClaimContext, idx: list[int], sent: Span, quotes: list[tuple[int, int]],
             speakers: tuple[str, ...]) -> tuple[str, ...]:
    out = [k for k in speakers if k in ctx.media]
    for m in _mentions_in(ctx, sent.begin, sent.end):
        if m.key in ctx.media and not _inside_quotes(
                m.span.begin, quotes) and m.key not in out:
            out.append(m.key)
    return tuple(out)


def _date_in(ctx: ClaimContext, frame: tuple[int, int], cue: tuple[int, int], sent: Span,
             *, inside_only: bool = False) -> DateValue | None:
    """The date of the speech act: a date in the attribution frame or right after the cue.

    After an attribution phrase ("Laut X wurden am 3. März …") a date belongs to what is
    reported, not to when it was said: there, only a date inside the phrase counts.
    """
    fb, fe = min(frame[0], cue[0]), max(frame[1], cue[1])
    best = None
    begins = ctx.index.dates_begins
    for span, value in ctx.dates[bisect.bisect_left(begins, sent.begin):bisect.bisect_left(begins, sent.end)]:
        if fb <= span.begin <= fe + 40 and span.begin >= fb - 2:
            gap = 0 if fb <= span.begin <= fe else span.begin - fe
            if inside_only and gap:
                continue
            if gap <= 40 and "," not in ctx.text[fe:span.begin] and (best is None or gap < best[0]):
                best = (gap, value)
    if best is None or best[1].precision != "day":
        return None
    return best[1]
