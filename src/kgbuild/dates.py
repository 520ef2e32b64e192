"""German date expressions: find them, then resolve them to calendar dates.

News texts date events in many ways: in full ("27. September 2022", "20.05.2017"),
as a day and month whose year the reader knows ("am 24. Februar"), as a weekday with
day and month ("am Dienstag (27. September)"), relative to the day of writing
("gestern", "am Montag", "vor drei Tagen"), or only to the month or year ("Anfang
März", "im Jahr 2019"). :func:`find_dates` finds all of them in one pass (precompiled
patterns tried only where a digit or a date word starts) and resolves each as far as the
text allows:

* a full date is :attr:`~kgbuild.model.DateResolution.EXPLICIT`;
* a day and month take their year from the article's date: ``PUBLISHED`` when the
  caller gave it, ``ANCHORED`` when it comes from another date in the text (a
  dateline, a full date), ``WEEKDAY`` when a weekday written beside the day and month
  is what fixes the year;
* "am Montag", "gestern", "vor zwei Wochen" are counted from the article's date
  (``RELATIVE``).

Nothing is guessed: an expression whose year (or day) cannot be known from the text
keeps ``value=None``, and a weekday that contradicts its date is reported in
:attr:`DateMention.note` while the written date is kept.

>>> ms = find_dates("Niinistö sprach am Dienstag (27. September 2022) in Turku.")
>>> ms[0].value.value, ms[0].value.resolution.value
('2022-09-27', 'Explicit')
>>> find_dates("Niinistö sprach am Dienstag (27. September) in Turku.")[0].value is None  # 2016? 2022?
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Literal

import ahocorasick

from kgbuild import lang as lang_data
from kgbuild.model import DateResolution, DateValue, Span
from kgbuild.quotes import DOUBLE_MARKS, QUOTE_MARKS
from kgbuild.text import RUN

__all__ = [
    "MONTHS",
    "DateKind",
    "DateMention",
    "date_for_span",
    "easter_sunday",
    "find_dates",
    "reference_date",
]

DateKind = Literal[
    "dateline",  # the article's own date in its dateline: "Kassel (Deutschland), 14.03.2019 –"
    "absolute",  # day, month and year written: "27. September 2022", "27.09.2022", "2022-09-27"
    "partial",  # day and month without a year: "am 24. Februar", "ab 6. Juni"
    "weekday",  # a weekday with day and month: "am Dienstag (27. September)"
    "holiday",  # a named day: "am 1. Weihnachtstag", "an Christi Himmelfahrt"
    "range",  # "vom 3. bis 5. Mai": value is the start, end the end
    "relative",  # "heute", "am Montag", "vor drei Tagen", "vergangene Woche"
    "month",  # "im März 2021", "Anfang März"
    "year",  # "im Jahr 2019", "seit 2019"
]

# Where a day-and-month without a year may lie around the article's date (days, [lo, hi);
# each window spans 366 days, so that one occurrence always falls into it, even across a
# 29 February; when two do -- or Easter, which moves -- the earlier is taken for a sentence
# about the past, the later for one about the future). News report the recent
# past and announce the near future: a text of 28 December that says "am 3. Januar" means
# the coming January, one of 5 January that says "am 28. Dezember" the past December, and
# one of March that says "am 1. September" last September -- unless the sentence speaks
# of the future ("wird", "soll"), which moves the window forward.
_WINDOW = (-275, 91)
_FUTURE_WINDOW = (-14, 352)
# The first year a weekday may fix ("Dienstag (27. September)" without a year).
_FIRST_YEAR = 1990


# ---------------------------------------------------------------- language data
# Every word comes from lang/<LANG>/: months.tsv, weekdays.tsv and dates.tsv (see its header). LANG is the
# default language; another language gets its own instance of this module (kgbuild.lang.stage_module).
LANG: str = globals().get("LANG", "de")
_FILE = "dates.tsv"
_LISTS = lang_data.word_lists(LANG, _FILE)


def _list(name: str) -> Mapping[str, str]:
    return _LISTS.get(name, MappingProxyType({}))


_FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    k: (int(v[:2]), int(v[3:])) for k, v in _list("holiday_fixed").items()}  # "heiligabend": (12, 24)
_EASTER_HOLIDAYS: dict[str, int] = {k: int(v) for k, v in _list("holiday_easter").items()}
_HOLIDAY_NEEDS_PREPOSITION = frozenset(_list("holiday_needs_preposition"))
_NUMBER_WORDS: dict[str, int] = {k: int(v) for k, v in _list("number_word").items()}
_MONTHS: dict[str, int] = dict(lang_data.month_names(LANG))
_WEEKDAYS: dict[str, int] = dict(lang_data.weekday_names(LANG))
NAMES_SOURCE = f"lang/{LANG}"
#: Month names and abbreviations, lower-case, without periods -> 1..12 (read-only).
MONTHS: Mapping[str, int] = MappingProxyType(_MONTHS)
_DAY_WORDS = {k: int(v) for k, v in _list("day_word").items()}  # "gestern": -1
_DAY_WORDS_AMBIGUOUS = frozenset(_list("day_word_ambiguous"))  # "morgen" / "am Morgen"
_MORNING_CONTEXT = tuple(_list("morning_context"))  # "heute morgen" is this morning
_MORNING_PREPOSITIONS = frozenset(_list("morning_preposition"))  # "am Morgen"
_RELATIVE_DIRECTIONS = {k: int(v) for k, v in _list("relative_direction").items()}  # "vergangene": -1
_RELATIVE_UNITS = {k.lower(): v for k, v in _list("relative_unit").items()}  # "woche": "week"
_AGO_UNITS = {k.lower(): v for k, v in _list("ago_unit").items()}  # "tagen": "day"
_WEEKDAY_DIRECTIONS = {k: v for k, v in _list("weekday_direction").items()}  # "vergangenen": "prev"
_WEEKDAY_PREPOSITIONS = frozenset(_list("weekday_preposition"))
_YEAR_PREPOSITIONS = frozenset(_list("year_preposition"))  # "seit 2019", "im März"
_SINCE = tuple(_list("since"))  # "seit dem 27. Dezember wird verimpft" speaks of the past


def _is_abbreviation(name: str, table: Mapping[str, int]) -> bool:
    """True for "sept" (a prefix of a longer name of the same month) or "mrz" (no vowel)."""
    if not re.search("[aeiouäöü]", name):
        return True
    return any(o != name and o.startswith(name) and table[o] == table[name] for o in table)


_FULL_MONTH_NAMES = {k for k in _MONTHS if not _is_abbreviation(k, _MONTHS)}


def _alt(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=lambda s: (-len(s), s))) or "(?!)"


def _words_pattern(words: Iterable[str]) -> str:
    """An alternation of words and phrases, longest first: inner spaces match any space (none after an
    ordinal's period: "1.Weihnachtstag"), a final ``*`` any word ending ("Kilo*")."""
    out = []
    for w in sorted(set(words), key=lambda x: (-len(x), x)):
        star = w.endswith("*")
        parts = [re.escape(p) for p in w.rstrip("*").split()]
        pattern = parts[0] if parts else ""
        for prev, part in zip(parts, parts[1:], strict=False):
            pattern += (r"\s*" if prev.endswith(r"\.") else r"\s+") + part
        out.append(pattern + (r"\w*" if star else ""))
    return "|".join(out) or "(?!)"


_ARTICLE = _alt(_list("date_article"))  # "Montag, den 3. Mai"


# ---------------------------------------------------------------- patterns
_L = r"[^\W\d_]"  # a letter (any script)
_NOT_L = rf"(?!{_L})"
_MONTH_FULL = rf"(?:{_alt(_FULL_MONTH_NAMES)}){_NOT_L}"
_MONTH_ABBR = rf"(?:{_alt(set(_MONTHS) - _FULL_MONTH_NAMES)})(?:\.|{_NOT_L})"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY_FULL_NAMES = {k for k in _WEEKDAYS if not _is_abbreviation(k, _WEEKDAYS)}
_WEEKDAY = rf"(?:{_alt(_WEEKDAY_FULL_NAMES)})"
# "Mo.", "Di.": only capitalised and with the period ("so", "do" are common words).
_WEEKDAY_ABBR = rf"(?-i:{_alt(k.capitalize() for k in set(_WEEKDAYS) - _WEEKDAY_FULL_NAMES)})\."
_DAYPART = rf"(?:{_alt(_list('daypart'))})"
# Nouns after "ab 2000", "bis 1990" that make the number an amount, not a year.
_NOT_YEAR_NOUNS = rf"(?:{_words_pattern(_list('not_year_noun'))})\b"
_DAY = r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])"  # a day number, not inside another number
_YEAR4 = r"(?:1[0-9]|20)\d\d(?!\d)(?![.,]\d)"


def _day_month(p: str) -> str:
    """Day, month (textual or numeric) and optional year; groups named ``<p>d``, ``<p>m``, …"""
    return (
        rf"(?:(?P<{p}d>{_DAY})\.\s*(?P<{p}m>{_MONTH_ANY})(?:\s+(?P<{p}y>{_YEAR4}))?"
        rf"|(?P<{p}nd>{_DAY})\.(?P<{p}nm>1[0-2]|0?[1-9])\.(?P<{p}ny>{_YEAR4})?(?!\d))"
    )


_BRANCHES = [
    # weekday with a written date: "Montag, 27. September 2022", "Dienstag (27. September)"
    (
        "wdate",
        rf"(?:(?P<w_wd>{_WEEKDAY}){_DAYPART}?{_NOT_L}|(?P<w_wa>{_WEEKDAY_ABBR}))"
        rf"(?P<w_sep>\s*,\s*(?:(?:{_ARTICLE})\s+)?|\s+(?:{_ARTICLE})\s+|\s*\(\s*|\s+)" + _day_month("w_"),
    ),
    # "vom 3. bis 5. Mai", "3. Mai bis 5. Juni 2022", "3.–5. Mai"
    (
        "range",
        rf"(?P<r_d1>{_DAY})\.(?:\s*(?P<r_m1>{_MONTH_ANY})(?:\s+(?P<r_y1>{_YEAR4}))?)?"
        rf"\s*(?:{_words_pattern(_list('range_word'))}|–|—|-)\s*"
        rf"(?P<r_d2>(?:[12]\d|3[01]|0?[1-9]))\.\s*(?P<r_m2>{_MONTH_ANY})(?:\s+(?P<r_y2>{_YEAR4}))?",
    ),
    # the named days (before "dm": "1. Weihnachtstag" is no day of a month)
    (
        "holiday",
        rf"(?P<h_name>(?<![\d.,]){_words_pattern((*_FIXED_HOLIDAYS, *_EASTER_HOLIDAYS))}){_NOT_L}",
    ),
    ("dm", _day_month("d_")),
    ("iso", r"(?<![\d-])(?P<i_y>(?:19|20)\d\d)-(?P<i_m>1[0-2]|0[1-9])-(?P<i_d>[12]\d|3[01]|0[1-9])(?![\d-])"),
    # "im März 2021", "März 2021"; "Anfang"/"Mitte"/"Ende" before it is looked up behind
    ("month", rf"(?P<m_m>{_MONTH_FULL})(?:\s+(?P<m_y>{_YEAR4}))?"),
    # "2019" after a cue ("im Jahr", "seit"), looked up behind
    ("year", rf"(?<![\w.,-])(?P<y_y>(?:19|20)\d\d)(?!\d)(?![.,:]\d)(?!\s+{_NOT_YEAR_NOUNS})"),
    (
        "ago",
        rf"(?:{_words_pattern(_list('ago'))})\s+(?P<a_n>\d{{1,3}}|{_alt(_NUMBER_WORDS)})\s+"
        rf"(?P<a_u>{_alt(_AGO_UNITS)}){_NOT_L}",
    ),
    (
        "week",
        rf"(?P<k_dir>{_alt(_RELATIVE_DIRECTIONS)})\s+"
        rf"(?P<k_u>{_alt(_RELATIVE_UNITS)}){_NOT_L}",
    ),
    ("day", rf"(?P<t_w>{_alt(_DAY_WORDS)}){_NOT_L}"),
    (
        "night",
        rf"(?:{_alt(_list('night'))})\s+(?:(?:{_alt(_list('night_from'))})\s+{_WEEKDAY}\s+)?"
        rf"(?:{_alt(_list('night_to'))})\s+(?:(?:{_ARTICLE})\s+)?(?P<n_wd>{_WEEKDAY}){_NOT_L}",
    ),
    (
        "wd",
        rf"(?:(?P<b_dir>{_alt(_WEEKDAY_DIRECTIONS)})\s+)?"
        rf"(?P<b_wd>{_WEEKDAY})(?P<b_part>{_DAYPART})?{_NOT_L}",
    ),
]
_DIGIT_BRANCHES = ("range", "holiday", "dm", "iso", "year")  # those that can start with a digit
# Two masters: one tried at digits, one at words, so that each tries only its own branches.
_MASTER_DIGIT = re.compile(
    "|".join(f"(?P<{name}>{pat})" for name, pat in _BRANCHES if name in _DIGIT_BRANCHES), re.IGNORECASE
)
_MASTER_WORD = re.compile(
    "|".join(f"(?P<{name}>{pat})" for name, pat in _BRANCHES if name not in ("range", "dm", "iso", "year")),
    re.IGNORECASE,
)

# A preposition right before a date: "am", "seit dem", "bis zum" (kept in the span).
_PREP = re.compile(rf"(?<![^\W\d_])({_words_pattern(_list('preposition'))})\s+$", re.IGNORECASE)
_MONTH_PART = re.compile(rf"(?<![^\W\d_])({_words_pattern(_list('month_part'))})\s+$", re.IGNORECASE)
_YEAR_CUE = re.compile(rf"(?<![^\W\d_])({_words_pattern(_list('year_cue'))})\s+$", re.IGNORECASE)
# Words that can open a date expression; the master pattern is tried only where one of
# them starts a word, and at digits. Python's re has no multi-keyword search: a 13-branch
# alternation tried at every character costs ten times as much as finding the starts
# with an Aho-Corasick automaton (pyahocorasick) over the lower-cased text.
_TOKEN = RUN
_TRIGGERS = frozenset(
    {*_FULL_MONTH_NAMES, *_DAY_WORDS, *_RELATIVE_DIRECTIONS, *_WEEKDAY_DIRECTIONS}
    | {w.split()[0].lower() for w in (*_list("ago"), *_list("night"))}
    | {k.split()[0] for k in (*_FIXED_HOLIDAYS, *_EASTER_HOLIDAYS) if not k[0].isdigit()}
)
_DATELINE_AFTER = re.compile(r"(?:\s*\([^)\n]{1,30}\))?\s*[–—-]\s")
_DATELINE_BEFORE = re.compile(r"[^\n]{1,160},\s*")
_DATELINE_MAX_OFFSET = 1500  # a dateline opens the article
# No lookbehind at the start: a literal prefix lets re skip ahead fast; boundaries are checked after.
_YEARS_IN_TEXT = re.compile(r"(?:19|20)\d\d(?![\w-])(?![.,]\d)")
# Tense of the sentence around a bare weekday: news narrate the past, so only clear
# future markers make "am Montag" the coming Monday. Konjunktiv I ("werde") is
# reported speech, which is usually about the past, so it is not a marker.
# Past auxiliaries and modals ("konnte erst am 8. Juni geöffnet werden"), a perfect infinitive
# ("soll am Montag gestohlen haben") and Konjunktiv II ("überlastet werden würde") cancel them;
# so does a passive present ("wird am Montag verimpft") only where a past marker stands too.
_FUTURE = re.compile(rf"\b(?:{_alt(_list('future_marker'))})\b", re.IGNORECASE)
_NOT_FUTURE = re.compile(rf"\b(?:{_alt(_list('past_marker'))})\b", re.IGNORECASE)
# Where the clause of a date ends (not at commas: "am Montag, 18. Mai, sollen …"; not at
# brackets, which hold short insertions).
_CLAUSE_BREAK = re.compile("[;:" + re.escape("".join(sorted(DOUBLE_MARKS))) + "]| [–—-] ")
_SENTENCE_END = re.compile(r"[.!?][" + re.escape("".join(sorted(DOUBLE_MARKS))) + r")]?\s|\n")


# ---------------------------------------------------------------- public objects
@dataclass(frozen=True)
class DateMention:
    """A date expression in the text and what it resolves to.

    Attributes:
        span: where it is; includes a leading preposition ("am", "seit dem").
        value: the resolved date, or None when the text does not fix it (never a guess).
        kind: what sort of expression it is (see :data:`DateKind`).
        note: why a value is missing or doubtful ("weekday Montag contradicts ...").
        end: the end of a range ("vom 3. bis 5. Mai").
        prep: the preposition before it, lower-case ("am", "seit", "bis", "ab"), if any.
    """

    span: Span
    value: DateValue | None
    kind: DateKind
    note: str | None = None
    end: DateValue | None = None
    prep: str | None = None


@dataclass
class _Raw:
    """A match before resolution (internal, mutable while resolving)."""

    begin: int
    end: int
    kind: DateKind
    prep: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    direction: str | None = None  # "prev", "next" (bare weekday), or None
    offset: int = 0  # relative days ("gestern" = -1)
    unit: str | None = None  # "day", "month", "year", "week" for "vor N …" / "vergangene Woche"
    holiday: str | None = None
    value: DateValue | None = None
    end_value: DateValue | None = None
    note: str | None = None


# ---------------------------------------------------------------- calendar helpers
def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).

    >>> easter_sunday(2020)
    datetime.date(2020, 4, 12)
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _holiday(name: str, year: int) -> date | None:
    key = re.sub(r"\s+", " ", name.lower())
    key = re.sub(r"^(1\.|2\.)\s*", r"\1 ", key)
    if key in _FIXED_HOLIDAYS:
        return _make(year, *_FIXED_HOLIDAYS[key])
    if key in _EASTER_HOLIDAYS:
        return easter_sunday(year) + timedelta(days=_EASTER_HOLIDAYS[key])
    return None


def _near(ref: date, make: Callable[[int], date | None], *, future: bool = False) -> date | None:
    """The date ``make(year)`` of the year that puts it in the window around ``ref``.

    See ``_WINDOW``; None when no year does (29 February far from a leap year).
    """
    lo, hi = _FUTURE_WINDOW if future else _WINDOW
    found = [
        cand
        for cand in (make(year) for year in (ref.year - 1, ref.year, ref.year + 1))
        if cand is not None and lo <= (cand - ref).days < hi
    ]
    if not found:
        return None
    return max(found) if future else min(found)


def _day_of(month: int, day: int) -> Callable[[int], date | None]:
    return lambda year: _make(year, month, day)


def _holiday_of(name: str) -> Callable[[int], date | None]:
    return lambda year: _holiday(name, year)


def _iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _sentence_bounds(text: str, begin: int, end: int) -> tuple[int, int]:
    """A rough sentence around ``[begin, end)``: from after the last ". " (or line break) before it."""
    lo = max(0, begin - 400)
    start = max(text.rfind(". ", lo, begin), text.rfind("! ", lo, begin), text.rfind("? ", lo, begin))
    start = max(start + 2 if start >= 0 else lo, text.rfind("\n", lo, begin) + 1)
    m2 = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return start, (m2.start() + 1 if m2 else min(len(text), end + 400))


def _is_future(text: str, begin: int, end: int) -> bool:
    """Whether the clause around ``[begin, end)`` speaks of the future ("wird", "soll")."""
    if text[begin:begin + 12].lower().startswith(_SINCE):
        return False  # "seit dem 27. Dezember wird verimpft": since, so past
    s, e = _sentence_bounds(text, begin, end)
    for m in _CLAUSE_BREAK.finditer(text, s, begin):
        s = m.end()
    m2 = _CLAUSE_BREAK.search(text, end, e)
    clause = text[s : m2.start() if m2 else e]
    return bool(_FUTURE.search(clause)) and not _NOT_FUTURE.search(clause)


# ---------------------------------------------------------------- scanning
def _month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _word_start_automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    """An automaton that finds ``words`` and digits where a word starts: after a separator.

    Its value is the length of the word, 0 for a digit.
    """
    automaton = ahocorasick.Automaton()
    for sep in _SEPARATORS:
        for w in words:
            automaton.add_word(sep + w, len(w))
        for d in "0123456789":
            automaton.add_word(sep + d, 0)
    automaton.make_automaton()
    return automaton


_SEPARATORS = " \n\t\r\u00a0(),.;:!?/–—-[]" + "".join(sorted(QUOTE_MARKS))
# Whole trigger words, and weekdays with a time of day ("Dienstagmorgen").
_TRIGGER_WORDS = frozenset(
    _TRIGGERS
    | _WEEKDAY_FULL_NAMES
    | {w + p for w in _WEEKDAY_FULL_NAMES for p in re.findall(r"\w+", _DAYPART)}
    | {w + "." for w in set(_WEEKDAYS) - _WEEKDAY_FULL_NAMES}
)
_TRIGGER_AUTOMATON = _word_start_automaton(_TRIGGER_WORDS)


def _candidates(text: str) -> list[int]:
    """Where a date expression may start: day numbers, years and trigger words, in text order."""
    low = text.lower()
    if len(low) != len(text):  # lower-casing changed offsets (e.g. "İ"): read token by token
        return [
            t.start() for t in _TOKEN.finditer(text) if t.group()[0].isdigit() or t.group().lower() in _TRIGGER_WORDS
        ]
    padded = " " + low + "   "  # room to look three characters past the end
    starts = []
    # A key (separator + word) ending at padded index i starts its word at text index i - len(word)
    # (a digit: at i - 1); a letter after a word means a longer word ("mai" in "Mainz").
    for end, n in _TRIGGER_AUTOMATON.iter(padded):
        if n == 0:
            # a day ("27.", "1.") or a year ("2022"); not "130 km/h"
            if padded[end + 1] == "." or (
                padded[end + 1].isdigit() and (padded[end + 2] == "." or padded[end + 3].isdigit())
            ):
                starts.append(end - 1)
        elif not padded[end + 1].isalpha():
            starts.append(end - n)
    return starts


def _scan(text: str) -> list[_Raw]:
    """All date expressions, left to right, without overlaps."""
    out: list[_Raw] = []
    last = 0
    for pos in _candidates(text):
        if pos < last:
            continue
        m = (_MASTER_DIGIT if text[pos].isdigit() else _MASTER_WORD).match(text, pos)
        if m is None:
            continue
        raw = _match_to_raw(text, m)
        if raw is not None:
            out.append(raw)
            last = m.end()
    return out


def _match_to_raw(text: str, m: re.Match[str]) -> _Raw | None:
    """Turn one match of the master pattern into a :class:`_Raw`, or None for a false alarm."""
    kind, g = m.lastgroup, m.group
    begin, end = m.start(), m.end()
    # Cues before the match that belong to it: "Anfang März", "im Jahr 2019".
    cue: str | None = None
    if kind in ("month", "year"):
        lo = max(0, begin - 20)
        cm = (_MONTH_PART if kind == "month" else _YEAR_CUE).search(text, lo, begin)
        if cm is None and kind == "year":
            return None  # a bare number: "2019" alone is no year
        if cm is not None:
            begin, cue = cm.start(1), " ".join(cm.group(1).lower().split())
    pm = _PREP.search(text, max(0, begin - 14), begin)
    prep = " ".join(pm.group(1).lower().split()) if pm else None
    raw = _RAW_BUILDERS[str(kind)](text, g, begin, end, prep, cue)
    if raw is None:
        return None
    if kind == "year" and cue is not None and cue.split()[0] in _YEAR_PREPOSITIONS:
        raw.prep = cue.split()[0]
    elif pm is not None:
        raw.begin, raw.prep = pm.start(1), prep
    return raw


_G = Callable[[str], str | None]


def _g(g: _G, name: str) -> str:
    """A group that the pattern guarantees to be there."""
    value = g(name)
    assert value is not None, name
    return value


def _build_wdate(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    name = g("w_wd") or _g(g, "w_wa")
    raw = _Raw(begin, end, "weekday", weekday=_WEEKDAYS[name.lower().rstrip(".")])
    _fill_day_month(raw, g, "w_")
    if raw.year is not None:
        raw.kind = "absolute"
    if "(" in _g(g, "w_sep") and text[end : end + 1] == ")":
        raw.end = end + 1
    return raw


def _build_range(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    raw = _Raw(begin, end, "range", day=int(_g(g, "r_d1")), end_day=int(_g(g, "r_d2")))
    raw.end_month = _month_number(_g(g, "r_m2"))
    raw.month = _month_number(_g(g, "r_m1")) if g("r_m1") else raw.end_month
    raw.end_year = int(_g(g, "r_y2")) if g("r_y2") else None
    raw.year = int(_g(g, "r_y1")) if g("r_y1") else raw.end_year
    if raw.year is not None and g("r_y1") is None and (raw.month, raw.day) > (raw.end_month, raw.end_day):
        raw.year -= 1  # "28. Dezember bis 2. Januar 2023"
    return raw


def _build_holiday(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    name = _g(g, "h_name")
    if name.lower() in _HOLIDAY_NEEDS_PREPOSITION and prep is None:
        return None  # also a first name
    return _Raw(begin, end, "holiday", holiday=name)


def _build_dm(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    raw = _Raw(begin, end, "partial")
    _fill_day_month(raw, g, "d_")
    if raw.year is not None:
        raw.kind = "absolute"
    elif g("d_nd") is not None and prep is None:
        return None  # "1.2." without "am"/"vom": more likely a number than a date
    return raw


def _build_iso(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    return _Raw(begin, end, "absolute", day=int(_g(g, "i_d")), month=int(_g(g, "i_m")), year=int(_g(g, "i_y")))


def _build_month(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    year = int(_g(g, "m_y")) if g("m_y") else None
    if year is None and cue is None and prep not in _YEAR_PREPOSITIONS:
        return None  # a bare month name without a cue ("von August Bebel")
    return _Raw(begin, end, "month", month=_month_number(_g(g, "m_m")), year=year)


def _build_year(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    return _Raw(begin, end, "year", year=int(_g(g, "y_y")))


def _build_ago(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    n = _g(g, "a_n").lower()
    count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
    unit = _AGO_UNITS[_g(g, "a_u").lower()]
    if unit in ("day", "week"):
        return _Raw(begin, end, "relative", unit="day", offset=-count * (7 if unit == "week" else 1))
    return _Raw(begin, end, "relative", unit=unit, offset=-count)


def _build_week(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    step = _RELATIVE_DIRECTIONS.get(_g(g, "k_dir").lower(), 1)
    return _Raw(begin, end, "relative", unit=_RELATIVE_UNITS[_g(g, "k_u").lower()], offset=step)


def _build_day(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    word = _g(g, "t_w")
    if word.lower() in _DAY_WORDS_AMBIGUOUS and (word[0].isupper() or prep in _MORNING_PREPOSITIONS
                                                 or _after_word(text, begin)):
        return None  # "am Morgen", "heute Morgen": the morning, not tomorrow
    return _Raw(begin, end, "relative", unit="day", offset=_DAY_WORDS[word.lower()])


def _build_night(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    raw = _Raw(begin, end, "relative", weekday=_WEEKDAYS[_g(g, "n_wd").lower()])
    raw.note = "the night before this day"
    return raw


def _build_wd(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    direction = (g("b_dir") or "").lower()
    raw = _Raw(begin, end, "relative", weekday=_WEEKDAYS[_g(g, "b_wd").lower()])
    if _WEEKDAY_DIRECTIONS.get(direction) == "prev":
        raw.direction = "prev"
    elif _WEEKDAY_DIRECTIONS.get(direction) == "next":
        raw.direction = "next"
    elif prep not in _WEEKDAY_PREPOSITIONS and not g("b_part"):
        return None  # "Der Montag ..." alone is no date reference
    return raw


_RAW_BUILDERS: dict[str, Callable[[str, _G, int, int, str | None, str | None], _Raw | None]] = {
    "wdate": _build_wdate,
    "range": _build_range,
    "holiday": _build_holiday,
    "dm": _build_dm,
    "iso": _build_iso,
    "month": _build_month,
    "year": _build_year,
    "ago": _build_ago,
    "week": _build_week,
    "day": _build_day,
    "night": _build_night,
    "wd": _build_wd,
}


def _after_word(text: str, begin: int) -> bool:
    """True after "heute", "gestern", "früh", … ("heute morgen" is this morning)."""
    before = text[max(0, begin - 12) : begin].lower().rstrip()
    return before.endswith(_MORNING_CONTEXT)


def _fill_day_month(raw: _Raw, g: _G, p: str) -> None:
    if g(f"{p}d") is not None:
        raw.day = int(str(g(f"{p}d")))
        raw.month = _month_number(str(g(f"{p}m")))
        y = g(f"{p}y")
    else:
        raw.day = int(str(g(f"{p}nd")))
        raw.month = int(str(g(f"{p}nm")))
        y = g(f"{p}ny")
    raw.year = int(y) if y else None


# ---------------------------------------------------------------- resolution
def _weekday_note(weekday: int, d: date) -> str:
    return f"weekday {_weekday_name(weekday)} contradicts {d.isoformat()} (a {_weekday_name(d.weekday())})"


def _weekday_name(n: int) -> str:
    return next((k.capitalize() for k, v in _WEEKDAYS.items() if v == n and k in _WEEKDAY_FULL_NAMES), str(n))


def _resolve_explicit(text: str, raws: list[_Raw]) -> None:
    """Stage 1: what needs no reference (full dates, month-years, years, datelines)."""
    for r in raws:
        words = text[r.begin : r.end]
        if r.kind == "absolute":
            assert r.year is not None and r.month is not None and r.day is not None
            d = _make(r.year, r.month, r.day)
            if d is None:
                r.note = "no such day in the calendar"
                continue
            r.value = DateValue(d.isoformat(), DateResolution.EXPLICIT, words)
            if r.weekday is not None and d.weekday() != r.weekday:
                r.note = _weekday_note(r.weekday, d)
            if _is_dateline(text, r):
                r.kind = "dateline"
        elif r.kind == "range" and r.year is not None:
            assert r.month and r.day and r.end_month and r.end_day and r.end_year
            d1, d2 = _make(r.year, r.month, r.day), _make(r.end_year, r.end_month, r.end_day)
            if d1 and d2:
                r.value = DateValue(d1.isoformat(), DateResolution.EXPLICIT, words)
                r.end_value = DateValue(d2.isoformat(), DateResolution.EXPLICIT, words)
        elif r.kind == "month" and r.year is not None:
            assert r.month is not None
            r.value = DateValue(_iso_month(r.year, r.month), DateResolution.EXPLICIT, words)
        elif r.kind == "year":
            assert r.year is not None
            r.value = DateValue(f"{r.year:04d}", DateResolution.EXPLICIT, words)


def _is_dateline(text: str, r: _Raw) -> bool:
    """A full date between a line's place name and a dash: "Kassel (Deutschland), 14.03.2019 –"."""
    if r.prep or r.begin > _DATELINE_MAX_OFFSET or not _DATELINE_AFTER.match(text, r.end):
        return False
    line_start = text.rfind("\n", 0, r.begin) + 1
    return bool(_DATELINE_BEFORE.fullmatch(text, line_start, r.begin))


def _years_in_text(text: str, raws: list[_Raw]) -> set[int]:
    years = {
        int(m.group())
        for m in _YEARS_IN_TEXT.finditer(text)
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_.,-")
    }
    years.update(r.year for r in raws if r.year is not None)
    return years


def _infer_weekday_years(text: str, raws: list[_Raw], today: date) -> None:
    """Stage 2 (no article date known): a weekday beside a day and month fixes the year.

    Every year from 1990 to ``today`` whose calendar matches is a candidate; the
    candidates of all such mentions are intersected. A year is taken only when the
    text's own evidence leaves exactly one: one candidate, or one candidate among the
    years of the text's full dates, or among all years the text mentions. Otherwise
    the mention stays unresolved (never the most recent year: that would be a guess).
    """
    todo = [r for r in raws if r.kind == "weekday" and r.value is None]
    if not todo:
        return
    mentioned = _years_in_text(text, raws)
    full = {int(r.value.value[:4]) for r in raws if r.value is not None and r.value.precision == "day"}

    def candidates(r: _Raw) -> set[int]:
        assert r.month is not None and r.day is not None and r.weekday is not None
        out = set()
        for y in range(_FIRST_YEAR, today.year + 1):
            d = _make(y, r.month, r.day)
            if d is not None and d <= today and d.weekday() == r.weekday:
                out.add(y)
        return out

    def pick(years: set[int]) -> int | None:
        for evidence in (years, years & full, years & mentioned):
            if len(evidence) == 1:
                return next(iter(evidence))
        return None

    sets = [candidates(r) for r in todo]
    common = set.intersection(*sets)
    for r, own in zip(todo, sets, strict=True):
        y = pick(common) if common else pick(own)
        words = text[r.begin : r.end]
        assert r.month is not None and r.day is not None
        if y is None:
            n = len(common or own)
            r.note = (f"no year from {_FIRST_YEAR} to {today.year} has this weekday on this day" if not n
                      else f"{n} years have this weekday on this day and the text names none of them alone")
            continue
        d = date(y, r.month, r.day)
        r.value = DateValue(d.isoformat(), DateResolution.WEEKDAY, words)
        if len(common or own) > 1:
            r.note = f"year {y} chosen by the weekday among {len(common or own)} matching years" + (
                " (the year of the text's full dates)" if y in full else " (a year the text mentions)"
            )


def _reference(
    text: str, mentions: Iterable[tuple[int, int, DateKind, DateValue | None]], published: date | None
) -> DateValue | None:
    """The article's own date: given > dateline > the latest full date not in a future sentence."""
    if published is not None:
        return DateValue(published.isoformat(), DateResolution.GIVEN, None)
    candidates: list[tuple[str, DateValue]] = []
    fallback: list[tuple[str, DateValue]] = []
    for begin, end, kind, value in mentions:
        if value is None or value.precision != "day":
            continue
        if kind == "dateline":
            return value
        if kind in ("absolute", "weekday") and value.resolution in (
            DateResolution.EXPLICIT,
            DateResolution.WEEKDAY,
        ):
            (fallback if _is_future(text, begin, end) else candidates).append((value.value, value))
    pool = candidates or fallback
    return max(pool, key=lambda t: t[0])[1] if pool else None


def _resolve_rest(text: str, raws: list[_Raw], ref: DateValue | None) -> None:
    """Stage 3: everything that needs the article's date."""
    if ref is None:
        for r in raws:
            if r.value is None and r.note is None:
                r.note = "no year or article date in the text to resolve it"
        return
    rd = date.fromisoformat(ref.value)
    year_res = DateResolution.PUBLISHED if ref.resolution == DateResolution.GIVEN else DateResolution.ANCHORED
    for r in raws:
        if r.value is not None or (r.note and r.kind != "relative"):
            continue
        words = text[r.begin : r.end]
        if r.kind in ("partial", "weekday", "range"):
            assert r.month is not None and r.day is not None
            month, day = r.month, r.day
            future = _is_future(text, r.begin, r.end)
            d = _near(rd, _day_of(month, day), future=future)
            if d is None:
                r.note = "no such day in the year of the article"
                continue
            res = year_res
            if r.weekday is not None and d.weekday() != r.weekday:
                # The weekday points to a neighbouring year: it outweighs the tense, but a year in the
                # direction the sentence looks (past for a report) is preferred, and the other is noted.
                alt = [
                    x
                    for x in (_make(d.year + k, month, day) for k in (-1, 1))
                    if x is not None and x.weekday() == r.weekday and abs((x - rd).days) <= 400
                ]
                along = [x for x in alt if ((x - rd).days >= -14 if future else (x - rd).days <= 7)]
                if alt:
                    best = min(along or alt, key=lambda x: abs((x - rd).days))
                    if not along:
                        r.note = f"only {best.year} has this weekday on this day, against the tense"
                    d, res = best, DateResolution.WEEKDAY
                else:
                    r.note = _weekday_note(r.weekday, d)
            r.value = DateValue(d.isoformat(), res, words)
            if r.kind == "range":
                assert r.end_month is not None and r.end_day is not None
                e = _make(d.year, r.end_month, r.end_day)
                if e is not None and e < d:
                    e = _make(d.year + 1, r.end_month, r.end_day)
                if e is not None:
                    r.end_value = DateValue(e.isoformat(), res, words)
        elif r.kind == "holiday":
            assert r.holiday is not None
            d = _near(rd, _holiday_of(r.holiday), future=_is_future(text, r.begin, r.end))
            if d is not None:
                r.value = DateValue(d.isoformat(), year_res, words)
        elif r.kind == "month":
            assert r.month is not None
            d = _near(rd, _day_of(r.month, 15), future=_is_future(text, r.begin, r.end))
            if d is not None:
                r.value = DateValue(_iso_month(d.year, d.month), year_res, words)
        elif r.kind == "relative":
            r.value = _relative(text, r, rd, words)


def _relative(text: str, r: _Raw, rd: date, words: str) -> DateValue | None:
    rel = DateResolution.RELATIVE
    if r.weekday is not None:
        back = (rd.weekday() - r.weekday) % 7  # days back to the most recent such weekday (0 = today)
        if r.direction == "prev":
            d = rd - timedelta(days=back or 7)
        elif r.direction == "next":
            d = rd + timedelta(days=(r.weekday - rd.weekday()) % 7 or 7)
        elif back == 0:
            d = rd  # "am Dienstag" in a text of a Tuesday: that very day
        elif _is_future(text, r.begin, r.end):
            d = rd + timedelta(days=7 - back)
        else:
            d = rd - timedelta(days=back)
        return DateValue(d.isoformat(), rel, words)
    if r.unit == "day":
        return DateValue((rd + timedelta(days=r.offset)).isoformat(), rel, words)
    if r.unit == "month":
        total = rd.year * 12 + rd.month - 1 + r.offset
        return DateValue(_iso_month(total // 12, total % 12 + 1), rel, words)
    if r.unit == "year":
        y = rd.year + r.offset
        return DateValue(f"{y:04d}", rel, words) if y >= 1000 else None
    r.note = "a week is not a day"  # "vergangene Woche": no value of its own
    return None


# ---------------------------------------------------------------- public API
def find_dates(text: str, *, published: date | None = None, today: date | None = None,
               lang: str = "de") -> tuple[DateMention, ...]:
    """Find the date expressions in ``text`` and resolve each as far as the text allows.

    Args:
        text: the article text (offsets of the spans refer to it, unchanged).
        published: the article's publication date, when known from outside.
        today: the latest date a weekday may fix as a year (default: today).
        lang: the language whose month, weekday and date words to read (``lang/<lang>/``).

    Returns:
        The mentions, in text order, without overlaps.
    """
    if lang != LANG:
        other: tuple[DateMention, ...] = lang_data.stage_module(__name__, lang).find_dates(
            text, published=published, today=today, lang=lang)
        return other
    today = today or date.today()
    raws = _scan(text)
    _resolve_explicit(text, raws)
    has_anchor = published is not None or any(r.kind == "dateline" for r in raws)
    if not has_anchor:
        _infer_weekday_years(text, raws, today)
    ref = _reference(text, ((r.begin, r.end, r.kind, r.value) for r in raws), published)
    _resolve_rest(text, raws, ref)
    return tuple(DateMention(Span.of(text, r.begin, r.end), r.value, r.kind, r.note, r.end_value, r.prep) for r in raws)


def reference_date(text: str, mentions: Iterable[DateMention], *, published: date | None = None) -> DateValue | None:
    """The article's own date, from which relative dates are counted.

    ``published`` when given (resolution ``GIVEN``); else the date of the dateline
    (``EXPLICIT``); else the latest full date of the text (written out, or fixed by its
    weekday: ``WEEKDAY``) that is not in a sentence about the future. None when the
    text has none.

    Args:
        text: the article text.
        mentions: what :func:`find_dates` found in it.
        published: the publication date given by the caller, if any.
    """
    return _reference(text, ((m.span.begin, m.span.end, m.kind, m.value) for m in mentions), published)


_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
# Prepositions that make a date a boundary of something, not the day it happened.
_BOUNDARY_PREPS = frozenset(_list("boundary_preposition"))


def date_for_span(mentions: Iterable[DateMention], begin: int, end: int) -> DateMention | None:
    """The date mention inside ``[begin, end)`` that dates what is said there.

    The most specific resolved mention wins (day over month over year); among equals a
    plain date ("am", none) over a boundary ("seit", "bis", "ab"), one without a note
    over a doubtful one, then the first. The dateline is the article's date, not an
    event's, and mentions without a value are skipped.
    """
    best: tuple[tuple[int, int, int, int], DateMention] | None = None
    for m in mentions:
        if m.value is None or m.kind == "dateline" or m.span.begin < begin or m.span.end > end:
            continue
        key = (
            _PRECISION_RANK[m.value.precision],
            0 if m.prep in _BOUNDARY_PREPS else 1,
            0 if m.note else 1,
            -m.span.begin,
        )
        if best is None or key > best[0]:
            best = (key, m)
    return best[1] if best else None
