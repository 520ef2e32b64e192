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

>>> ms = find_dates("Tokajew sprach am Dienstag (27. September 2022) in Astana.")
>>> ms[0].value.value, ms[0].value.resolution.value
('2022-09-27', 'Explicit')
>>> find_dates("Tokajew sprach am Dienstag (27. September) in Astana.")[0].value is None  # 2016? 2022?
True
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from types import MappingProxyType
from typing import Literal

import ahocorasick

from kgbuild.model import DateResolution, DateValue, Span

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
    "dateline",  # the article's own date in its dateline: "Schwerin (Deutschland), 20.05.2017 –"
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
# FALLBACK tables: used only when src/kgbuild/lang/de/months.tsv / weekdays.tsv (or
# kgbuild.lang.load("de")) are not there. Keys are lower-case; abbreviations are
# written without their dot, the patterns accept one.
_FALLBACK_MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jaenner": 1, "jan": 1, "jän": 1,
    "februar": 2, "feber": 2, "feb": 2, "febr": 2,
    "märz": 3, "maerz": 3, "mär": 3, "mrz": 3,
    "april": 4, "apr": 4,
    "mai": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "dez": 12,
}  # fmt: skip
_FALLBACK_WEEKDAYS: dict[str, int] = {  # Monday = 0, as datetime.date.weekday()
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3,
    "freitag": 4, "samstag": 5, "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
_WEEKDAY_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")

# Named days: fixed (month, day) or an offset in days from Easter Sunday.
# (In-module for now; a candidate for lang/de/holidays.tsv.)
_FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "heiligabend": (12, 24), "heiligen abend": (12, 24), "heiliger abend": (12, 24),
    "1. weihnachtstag": (12, 25), "ersten weihnachtstag": (12, 25), "erster weihnachtstag": (12, 25),
    "1. weihnachtsfeiertag": (12, 25), "ersten weihnachtsfeiertag": (12, 25),
    "erster weihnachtsfeiertag": (12, 25),
    "2. weihnachtstag": (12, 26), "zweiten weihnachtstag": (12, 26), "zweiter weihnachtstag": (12, 26),
    "2. weihnachtsfeiertag": (12, 26), "zweiten weihnachtsfeiertag": (12, 26),
    "zweiter weihnachtsfeiertag": (12, 26), "stephanstag": (12, 26),
    "silvester": (12, 31), "silvestertag": (12, 31), "neujahr": (1, 1), "neujahrstag": (1, 1),
    "tag der deutschen einheit": (10, 3), "allerheiligen": (11, 1), "reformationstag": (10, 31),
    "valentinstag": (2, 14), "tag der arbeit": (5, 1),
}  # fmt: skip
_EASTER_HOLIDAYS: dict[str, int] = {
    "karfreitag": -2, "ostersonntag": 0, "ostermontag": 1, "christi himmelfahrt": 39,
    "pfingstsonntag": 49, "pfingstmontag": 50, "fronleichnam": 60,
}  # fmt: skip

_NUMBER_WORDS: dict[str, int] = {
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
}  # fmt: skip


def _parse_name_table(text: str, *, anchor: str | None = None) -> dict[str, int]:
    """Read a names TSV: each row holds one number and one or more names, in any order.

    Lines starting with ``#`` and rows without a number (a header) are skipped.
    With ``anchor`` (e.g. ``"montag"``) the numbers are shifted so that the anchor
    name gets 0, which accepts both 0-based and ISO (Monday = 1) weekday files.
    """
    table: dict[str, int] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        numbers = [c for c in cells if c.isdigit()]
        if len(numbers) != 1:
            continue
        n = int(numbers[0])
        for cell in cells:
            if cell.isdigit():
                continue
            for name in re.split(r"[|,]", cell):
                name = name.strip().rstrip(".").lower()
                if name:
                    table[name] = n
    if anchor is not None and anchor in table:
        shift = table[anchor]
        table = {k: v - shift for k, v in table.items()}
    return table


def _from_lang_object(obj: object, field: str) -> dict[str, int] | None:
    """Names from ``kgbuild.lang.load("de")``, when it has ``field`` as a mapping name -> number."""
    value = getattr(obj, field, None)
    if isinstance(value, Mapping):
        out: dict[str, int] = {}
        for k, v in value.items():
            if isinstance(k, str) and isinstance(v, int):
                out[k.strip().rstrip(".").lower()] = v
            elif isinstance(k, int) and isinstance(v, str | tuple | list | frozenset):
                names = [v] if isinstance(v, str) else list(v)
                out.update({str(n).strip().rstrip(".").lower(): k for n in names})
        return out or None
    return None


def _load_names() -> tuple[dict[str, int], dict[str, int], str]:
    """Month and weekday names: from kgbuild.lang or lang/de/*.tsv, else the fallback tables."""
    months: dict[str, int] | None = None
    weekdays: dict[str, int] | None = None
    source = "fallback"
    try:
        # Looked up by name: kgbuild.lang is written by another stage and may not exist yet.
        data = importlib.import_module("kgbuild.lang").load("de")
        months = _from_lang_object(data, "months")
        weekdays = _from_lang_object(data, "weekdays")
        source = "kgbuild.lang"
    except Exception:  # noqa: BLE001 -- lang not written yet, or a different shape: fall back
        months = weekdays = None
    if months is None or weekdays is None:
        try:
            folder = resources.files("kgbuild").joinpath("lang").joinpath("de")
            months = _parse_name_table(folder.joinpath("months.tsv").read_text(encoding="utf-8"))
            weekdays = _parse_name_table(folder.joinpath("weekdays.tsv").read_text(encoding="utf-8"), anchor="montag")
            source = "lang/de/*.tsv"
        except (OSError, ValueError):
            months = weekdays = None
    # Use the data only when it is complete; a half-written file must not break dates.
    if (
        months is None
        or weekdays is None
        or set(months.values()) != set(range(1, 13))
        or set(weekdays.values()) != set(range(7))
    ):
        return dict(_FALLBACK_MONTHS), dict(_FALLBACK_WEEKDAYS), "fallback"
    return months, weekdays, source


_MONTHS, _WEEKDAYS, NAMES_SOURCE = _load_names()
#: Month names and abbreviations, lower-case, without periods -> 1..12 (read-only).
MONTHS: Mapping[str, int] = MappingProxyType(_MONTHS)


def _is_abbreviation(name: str, table: Mapping[str, int]) -> bool:
    """True for "sept" (a prefix of a longer name of the same month) or "mrz" (no vowel)."""
    if not re.search("[aeiouäöü]", name):
        return True
    return any(o != name and o.startswith(name) and table[o] == table[name] for o in table)


_FULL_MONTH_NAMES = {k for k in _MONTHS if not _is_abbreviation(k, _MONTHS)}


def _alt(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=lambda s: (-len(s), s)))


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
_DAYPART = r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht)"
# Nouns after "ab 2000", "bis 1990" that make the number an amount, not a year.
_NOT_YEAR_NOUNS = (
    r"(?:Euro|Dollar|Franken|Pfund|Rubel|Yen|Menschen|Personen|Leute|Mal|Stück|Tonnen|Kilo\w*|Meter"
    r"|Jahre|Jahren|Tage|Tagen|Prozent|Einwohner\w*|Mitarbeiter\w*|Soldaten|Teilnehmer\w*|Stimmen)\b"
)
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
        rf"(?P<w_sep>\s*,\s*(?:(?:den|dem)\s+)?|\s+(?:den|dem)\s+|\s*\(\s*|\s+)" + _day_month("w_"),
    ),
    # "vom 3. bis 5. Mai", "3. Mai bis 5. Juni 2022", "3.–5. Mai"
    (
        "range",
        rf"(?P<r_d1>{_DAY})\.(?:\s*(?P<r_m1>{_MONTH_ANY})(?:\s+(?P<r_y1>{_YEAR4}))?)?"
        rf"\s*(?:bis(?:\s+(?:zum|einschließlich))?|–|—|-)\s*"
        rf"(?P<r_d2>(?:[12]\d|3[01]|0?[1-9]))\.\s*(?P<r_m2>{_MONTH_ANY})(?:\s+(?P<r_y2>{_YEAR4}))?",
    ),
    # the named days (before "dm": "1. Weihnachtstag" is no day of a month)
    (
        "holiday",
        rf"(?P<h_name>(?:(?<![\d.,])[12]\.|erste[nmr]?|zweite[nmr]?)\s*weihnachts(?:feier)?tag"
        rf"|{_alt(k for k in (*_FIXED_HOLIDAYS, *_EASTER_HOLIDAYS) if not k[0].isdigit())}){_NOT_L}",
    ),
    ("dm", _day_month("d_")),
    ("iso", r"(?<![\d-])(?P<i_y>(?:19|20)\d\d)-(?P<i_m>1[0-2]|0[1-9])-(?P<i_d>[12]\d|3[01]|0[1-9])(?![\d-])"),
    # "im März 2021", "März 2021"; "Anfang"/"Mitte"/"Ende" before it is looked up behind
    ("month", rf"(?P<m_m>{_MONTH_FULL})(?:\s+(?P<m_y>{_YEAR4}))?"),
    # "2019" after a cue ("im Jahr", "seit"), looked up behind
    ("year", rf"(?<![\w.,-])(?P<y_y>(?:19|20)\d\d)(?!\d)(?![.,:]\d)(?!\s+{_NOT_YEAR_NOUNS})"),
    (
        "ago",
        rf"vor\s+(?P<a_n>\d{{1,3}}|{_alt(_NUMBER_WORDS)})\s+"
        rf"(?P<a_u>Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?){_NOT_L}",
    ),
    (
        "week",
        rf"(?P<k_dir>vergangene|letzte|diese|nächste|kommende|vorige)[nrsm]?\s+"
        rf"(?P<k_u>Woche(?:nende)?|Monat|Jahr(?:es)?){_NOT_L}",
    ),
    ("day", rf"(?P<t_w>vorgestern|gestern|heute|übermorgen|morgen){_NOT_L}"),
    (
        "night",
        rf"Nacht\s+(?:von\s+{_WEEKDAY}\s+)?(?:zum|zu|auf)\s+(?:den\s+)?(?P<n_wd>{_WEEKDAY}){_NOT_L}",
    ),
    (
        "wd",
        rf"(?:(?P<b_dir>vergangenen|vorigen|letzten|kommenden|nächsten|folgenden)\s+)?"
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
_PREP = re.compile(
    r"(?<![^\W\d_])(seit\s+dem|seit|ab\s+dem|ab|bis\s+zum|bis|vor\s+dem|nach\s+dem|vom|von|zum|zu|am|an|im"
    r"|in\s+der|in)\s+$",
    re.IGNORECASE,
)
_MONTH_PART = re.compile(r"(?<![^\W\d_])(Anfang|Mitte|Ende)\s+$", re.IGNORECASE)
_YEAR_CUE = re.compile(
    r"(?<![^\W\d_])(im\s+Jahre?|seit(?:\s+dem\s+Jahre?)?|ab|bis|Anfang|Mitte|Ende|Frühjahr|Sommer|Herbst|Winter)\s+$",
    re.IGNORECASE,
)
# Words that can open a date expression; the master pattern is tried only where one of
# them starts a word, and at digits. Python's re has no multi-keyword search: a 13-branch
# alternation tried at every character costs ten times as much as finding the starts
# with an Aho-Corasick automaton (pyahocorasick) over the lower-cased text.
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_TRIGGERS = frozenset(
    {*_FULL_MONTH_NAMES, "vor", "nacht", "vorgestern", "gestern", "heute", "übermorgen", "morgen"}
    | {
        w + e
        for w in (
            "vergangene",
            "letzte",
            "diese",
            "nächste",
            "kommende",
            "vorige",
            "folgende",
            "erste",
            "zweite",
        )
        for e in ("", "n", "r", "s", "m")
    }
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
_FUTURE = re.compile(r"\b(?:wird|werden|will|wollen|soll|sollen|plant|planen)\b", re.IGNORECASE)
_NOT_FUTURE = re.compile(
    r"\b(?:worden|gewesen|haben|hätten?|würden?|war|waren|wurden?|hatten?|konnten?|mussten?|sollten?"
    r"|wollten?|durften?|gab)\b",
    re.IGNORECASE,
)
# Where the clause of a date ends (not at commas: "am Montag, 18. Mai, sollen …"; not at
# brackets, which hold short insertions).
_CLAUSE_BREAK = re.compile(r"[;:„“”\"«»]| [–—-] ")
_SENTENCE_END = re.compile(r"[.!?][\"“”»«)]?\s|\n")


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
    if text.startswith(("seit", "Seit"), begin):
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


_SEPARATORS = " \n\t\r\u00a0(),.;:!?„“”\"'‚‘’»«/–—-[]"
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
    # (a digit: at i - 1); a letter after a word means a longer word ("mai" in "Maisach").
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
    if kind == "year" and cue is not None and cue.split()[0] in ("seit", "ab", "bis", "im"):
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
    if name.lower() == "silvester" and prep is None:
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
    if year is None and cue is None and prep not in ("im", "seit", "bis", "ab"):
        return None  # a bare month name without a cue ("von August Bebel")
    return _Raw(begin, end, "month", month=_month_number(_g(g, "m_m")), year=year)


def _build_year(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    return _Raw(begin, end, "year", year=int(_g(g, "y_y")))


def _build_ago(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    n = _g(g, "a_n").lower()
    count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
    unit = _g(g, "a_u").lower()
    if unit.startswith(("tag", "woche")):
        return _Raw(begin, end, "relative", unit="day", offset=-count * (7 if unit.startswith("w") else 1))
    return _Raw(begin, end, "relative", unit="month" if unit.startswith("monat") else "year", offset=-count)


def _build_week(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    step = {"vergangene": -1, "letzte": -1, "vorige": -1, "diese": 0}.get(_g(g, "k_dir").lower(), 1)
    unit = _g(g, "k_u").lower()
    kind_of = "week" if unit.startswith("woche") else "month" if unit == "monat" else "year"
    return _Raw(begin, end, "relative", unit=kind_of, offset=step)


def _build_day(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    word = _g(g, "t_w")
    if word == "Morgen" or (word.lower() == "morgen" and (prep == "am" or _after_word(text, begin))):
        return None  # "am Morgen", "heute Morgen": the morning, not tomorrow
    offsets = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
    return _Raw(begin, end, "relative", unit="day", offset=offsets[word.lower()])


def _build_night(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    raw = _Raw(begin, end, "relative", weekday=_WEEKDAYS[_g(g, "n_wd").lower()])
    raw.note = "the night before this day"
    return raw


def _build_wd(text: str, g: _G, begin: int, end: int, prep: str | None, cue: str | None) -> _Raw | None:
    direction = (g("b_dir") or "").lower()
    raw = _Raw(begin, end, "relative", weekday=_WEEKDAYS[_g(g, "b_wd").lower()])
    if direction in ("vergangenen", "vorigen", "letzten"):
        raw.direction = "prev"
    elif direction in ("kommenden", "nächsten", "folgenden"):
        raw.direction = "next"
    elif prep not in ("am", "an", "seit", "bis", "ab", "vom", "zum") and not g("b_part"):
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
    return before.endswith(("heute", "gestern", "vorgestern", "früh", "frühen", "jeden", "diesen"))


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
    return f"weekday {_WEEKDAY_NAMES[weekday]} contradicts {d.isoformat()} (a {_WEEKDAY_NAMES[d.weekday()]})"


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
    """A full date between a line's place name and a dash: "Schwerin (Deutschland), 20.05.2017 –"."""
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
def find_dates(text: str, *, published: date | None = None, today: date | None = None) -> tuple[DateMention, ...]:
    """Find the date expressions in ``text`` and resolve each as far as the text allows.

    Args:
        text: the article text (offsets of the spans refer to it, unchanged).
        published: the article's publication date, when known from outside.
        today: the latest date a weekday may fix as a year (default: today).

    Returns:
        The mentions, in text order, without overlaps.
    """
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
_BOUNDARY_PREPS = frozenset({"seit", "seit dem", "bis", "bis zum", "ab", "ab dem", "vor dem", "nach dem"})


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
