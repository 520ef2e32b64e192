"""Dated clauses: a clause that names a calendar day reports something that happened (or will) on it.

"Aus der Scheune stiegen am Sonntag Rauchwolken auf", "Die Bäder öffnen am 1. März wieder", "Ein
Urteil wird am Freitag erwartet": no trigger word names the happening, but the day does. A
day-precise date that no trigger took and that does not date a statement ("sagte X am Freitag")
becomes a plain event of its clause: named by the clause as written, with the date's range as
start and end, and the clause's places, doer and numbers found as for a trigger. A day that a
trigger of the sentence already took ("an Ostermontag, am 5. April") is that
trigger's, and a clause of fewer than three words around the date is no happening. "Heute" alone
(``@vague_date``) is too often "nowadays" to date a clause, and a date right after a quoted title
dates that title; a date after a word of comparison ("mehr als am Vortag") is a baseline, and a
clause with a word of habit ("normalerweise", "meistens") names no single happening.
"""

from __future__ import annotations

import re

from kgbuild.events.context import Doc, Occurrence
from kgbuild.events.lexicon import PLAIN, Trigger
from kgbuild.model import DateValue, Span
from kgbuild.quotes import QUOTE_MARKS

_ROLES = frozenset({"lead", "body"})  # not headlines, captions or sub-headings: they repeat or label
_NAME_MAX = 80
_MIN_WORDS = 3  # besides the date
_SPACE = re.compile(r"\s+")
_EDGE = ",;:–—-()[]/ \"„“”'‚‘’«»"


_NEAR_CUE = 8  # tokens: "erklärte die Kammer (IHK) am Montag"


def statement_date(doc: Doc, sp: Span) -> bool:
    """Whether a verb of saying is what the date dates ("wie sie am Montag mitteilte").

    The verb stands in the date's own clause, or a few words away with no comma between.
    """
    si = doc.sentence_at(sp.begin)
    tb, tl = doc.first_token_from(sp.begin), doc.token_at(sp.end - 1)
    seg = doc.seg[tb]
    for t in range(doc.sent_first[si], doc.sent_last[si]):
        if doc.low[t] not in doc.lex.speech:
            continue
        if doc.seg[t] == seg:
            return True
        lo, hi = (t, tb) if t < tb else (tl, t)
        if hi - lo <= _NEAR_CUE and "," not in doc.low[lo:hi]:
            return True
    return False


def dated_occurrence(doc: Doc, si: int, sp: Span, dv: DateValue, until: DateValue | None,
                     role: str) -> Occurrence | None:
    """The plain event of the clause a day-precise date stands in, or None (see the module)."""
    if role not in _ROLES or dv.precision != "day" or statement_date(doc, sp):
        return None
    tb, tl = doc.first_token_from(sp.begin), doc.token_at(sp.end - 1)
    if tb >= doc.sent_last[si] or tl < tb:
        return None
    if doc.low[tl] in doc.lex.words("vague_date") and not (
            doc.in_sentence(tl + 1, si) and doc.low[tl + 1] in doc.lex.words("daypart")):
        return None  # "die heute älteste Brücke", "bis heute": nowadays, not a day ("heute Abend" is one)
    if doc.in_sentence(tb - 1, si) and doc.low[tb - 1] in QUOTE_MARKS:
        return None  # a title's date: „Neue Wege“ vom 3. Mai
    if not doc.lex.words("habitual").isdisjoint(doc.seg_words(doc.seg[tb])):
        return None  # a habit, not a happening: "schließt normalerweise am Freitag", "spielt meistens am 1. Mai"
    comparison = doc.lex.words("comparison")
    if any(doc.in_sentence(t, si) and doc.low[t] in comparison for t in range(tb - 3, tb)):
        return None  # a baseline: "elf mehr als am Vortag", "im Vergleich zum Freitag"
    seg = doc.seg[tb]
    first, last = doc.seg_first[seg], doc.seg_last[seg]
    if doc.low[first] in doc.lex.subclause and seg - 1 in doc.seg_first and doc.tok_sent[first - 1] == si:
        first = doc.seg_first[seg - 1]  # a relative or subordinate clause: "allen, die am 1. Mai anreisen"
    rest = [t for t in range(first, last + 1) if not (tb <= t <= tl) and doc.is_word(t)]
    if len(rest) < _MIN_WORDS or not any(doc.low[t][0].isalpha() and not doc.is_cap(t)
                                         and doc.low[t] not in doc.lex.article for t in rest):
        return None  # no verb or other lower-case word: a bare date, an apposition, a list of names
    name = _clause_name(doc, list(range(first, last + 1)))
    if not name:
        return None
    trig = Trigger("", "word", PLAIN, name, f"dated/{sp.begin}")
    # a passive clause names no doer as its subject ("Ein Urteil wird am Freitag erwartet")
    passive = not doc.lex.passive.isdisjoint(doc.seg_words(seg))
    o = Occurrence(trig, doc.tok_begin[tb], doc.tok_end[tl], tb, tl, si, seg, "", verbal=True, passive=passive)
    o.start, o.until = dv, until
    return o


def settle(o: Occurrence) -> None:
    """A dated passive clause has no agent: its "von" phrase need not be the doer of what the date dates."""
    if o.passive and not o.trigger.form:
        o.participants = list(dict.fromkeys([*o.agents, *o.participants]))
        o.agents = []


def _clause_name(doc: Doc, tokens: list[int]) -> str:
    """The clause's words as written, at most ``_NAME_MAX`` characters."""
    parts: list[str] = []
    prev_end = -1
    for t in tokens:
        word = doc.text[doc.tok_begin[t]:doc.tok_end[t]]
        if parts and doc.tok_begin[t] > prev_end and doc.is_word(t):
            parts.append(" ")
        parts.append(word)
        prev_end = doc.tok_end[t]
    name = _SPACE.sub(" ", "".join(parts)).strip(_EDGE + ".!?")
    if len(name) > _NAME_MAX:
        cut = name.rfind(" ", 0, _NAME_MAX)
        name = name[:cut if cut > 0 else _NAME_MAX].rstrip(_EDGE) + " …"
    return name[:1].upper() + name[1:]
