"""Scanning: every date expression of a text, left to right, as written (not yet resolved).

Candidates are found in one pass (an automaton over the lower-cased text finds where a digit or a
date word starts a word); the language's master pattern is tried only there. Each match becomes a
:class:`RawDate`, or nothing for a false alarm ("1.2." without "am", a bare month name).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from kgbuild.dates.words import DateWords
from kgbuild.model import DateValue
from kgbuild.text import RUN

DateKind = Literal[
    "dateline",  # the article's own date in its dateline: "Kassel (Deutschland), 14.03.2019 –"
    "absolute",  # day, month and year written: "14. Juni 2019", "14.06.2019", "2019-06-14"
    "partial",  # day and month without a year: "am 8. Oktober", "ab 2. März"
    "weekday",  # a weekday with day and month: "am Freitag (14. Juni)"
    "holiday",  # a named day: "an Heiligabend", "am Pfingstmontag"
    "range",  # "vom 3. bis 7. Mai": value is the start, end the end
    "relative",  # "heute", "am Montag", "vor drei Tagen", "vergangene Woche"
    "anaphoric",  # "an diesem Tag", "tags darauf": counted from the day the text named before
    "month",  # "im März 2021", "Ende Oktober"
    "year",  # "im Jahr 2019", "seit 2019"
]


@dataclass
class RawDate:
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


def _month_number(w: DateWords, name: str) -> int:
    return w.months[name.lower().rstrip(".")]


def _candidates(text: str, w: DateWords) -> list[int]:
    """Where a date expression may start: day numbers, years and trigger words, in text order."""
    low = text.lower()
    if len(low) != len(text):  # lower-casing changed offsets (e.g. "İ"): read token by token
        return [
            t.start() for t in RUN.finditer(text) if t.group()[0].isdigit() or t.group().lower() in w.trigger_words
        ]
    padded = " " + low + "   "  # room to look three characters past the end
    starts = []
    # A key (separator + word) ending at padded index i starts its word at text index i - len(word)
    # (a digit: at i - 1); a letter after a word means a longer word ("mai" in "Mainz").
    for end, n in w.trigger_automaton.iter(padded):
        if n == 0:
            # a day ("27.", "1.") or a year ("2022"); not "250 km/h"
            if padded[end + 1] == "." or (
                padded[end + 1].isdigit() and (padded[end + 2] == "." or padded[end + 3].isdigit())
            ):
                starts.append(end - 1)
        elif not padded[end + 1].isalpha():
            starts.append(end - n)
    return starts


def scan(text: str, w: DateWords) -> list[RawDate]:
    """All date expressions, left to right, without overlaps."""
    out: list[RawDate] = []
    last = 0
    idioms = [(m.start(), m.end()) for m in w.not_date.finditer(text)] if w.not_date_hint in text.lower() else []
    for pos in _candidates(text, w):
        if pos < last or any(b <= pos < e for b, e in idioms):
            continue
        m = (w.master_digit if text[pos].isdigit() else w.master_word).match(text, pos)
        if m is None:
            continue
        raw = _match_to_raw(text, m, w)
        if raw is not None:
            out.append(raw)
            last = m.end()
    return out


def _match_to_raw(text: str, m: re.Match[str], w: DateWords) -> RawDate | None:
    """Turn one match of the master pattern into a :class:`RawDate`, or None for a false alarm."""
    kind, g = m.lastgroup, m.group
    begin, end = m.start(), m.end()
    # Cues before the match that belong to it: "Ende Oktober", "im Jahr 2019".
    cue: str | None = None
    if kind in ("month", "year"):
        lo = max(0, begin - 20)
        cm = (w.month_part if kind == "month" else w.year_cue).search(text, lo, begin)
        if cm is None and kind == "year":
            return None  # a bare number: "2019" alone is no year
        if cm is not None:
            begin, cue = cm.start(1), " ".join(cm.group(1).lower().split())
    pm = w.preposition.search(text, max(0, begin - 14), begin)
    prep = " ".join(pm.group(1).lower().split()) if pm else None
    raw = _RAW_BUILDERS[str(kind)](w, text, g, begin, end, prep, cue)
    if raw is None:
        return None
    if kind == "year" and cue is not None and cue.split()[0] in w.year_prepositions:
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


def _build_wdate(w: DateWords, text: str, g: _G, begin: int, end: int,
                 prep: str | None, cue: str | None) -> RawDate | None:
    name = g("w_wd") or _g(g, "w_wa")
    raw = RawDate(begin, end, "weekday", weekday=w.weekdays[name.lower().rstrip(".")])
    _fill_day_month(w, raw, g, "w_")
    if raw.year is not None:
        raw.kind = "absolute"
    if "(" in _g(g, "w_sep") and text[end : end + 1] == ")":
        raw.end = end + 1
    return raw


def _build_range(w: DateWords, text: str, g: _G, begin: int, end: int,
                 prep: str | None, cue: str | None) -> RawDate | None:
    raw = RawDate(begin, end, "range", day=int(_g(g, "r_d1")), end_day=int(_g(g, "r_d2")))
    raw.end_month = _month_number(w, _g(g, "r_m2"))
    raw.month = _month_number(w, _g(g, "r_m1")) if g("r_m1") else raw.end_month
    raw.end_year = int(_g(g, "r_y2")) if g("r_y2") else None
    raw.year = int(_g(g, "r_y1")) if g("r_y1") else raw.end_year
    if raw.year is not None and g("r_y1") is None and (raw.month, raw.day) > (raw.end_month, raw.end_day):
        raw.year -= 1  # "28. Dezember bis 2. Januar 2023"
    return raw


def _build_coord(w: DateWords, text: str, g: _G, begin: int, end: int,
                 prep: str | None, cue: str | None) -> RawDate | None:
    """Days joined by "und" before one month ("am 2. und 3. Mai"): from the first to the last."""
    first, last = int(_g(g, "c_d1")), int(_g(g, "c_d2"))
    if first >= last:
        return None  # "am 3. und 2. Mai" is no span of days
    month = _month_number(w, _g(g, "c_m"))
    year = int(_g(g, "c_y")) if g("c_y") else None
    return RawDate(begin, end, "range", day=first, month=month, year=year,
                   end_day=last, end_month=month, end_year=year)


def _build_holiday(w: DateWords, text: str, g: _G, begin: int, end: int,
                   prep: str | None, cue: str | None) -> RawDate | None:
    name = _g(g, "h_name")
    if name.lower() in w.holiday_needs_preposition and prep is None:
        return None  # also a first name
    return RawDate(begin, end, "holiday", holiday=name)


def _build_dm(w: DateWords, text: str, g: _G, begin: int, end: int,
              prep: str | None, cue: str | None) -> RawDate | None:
    raw = RawDate(begin, end, "partial")
    _fill_day_month(w, raw, g, "d_")
    if raw.year is not None:
        raw.kind = "absolute"
    elif g("d_nd") is not None and prep is None:
        return None  # "1.2." without "am"/"vom": more likely a number than a date
    return raw


def _build_iso(w: DateWords, text: str, g: _G, begin: int, end: int,
               prep: str | None, cue: str | None) -> RawDate | None:
    return RawDate(begin, end, "absolute", day=int(_g(g, "i_d")), month=int(_g(g, "i_m")), year=int(_g(g, "i_y")))


def _build_month(w: DateWords, text: str, g: _G, begin: int, end: int,
                 prep: str | None, cue: str | None) -> RawDate | None:
    year = int(_g(g, "m_y")) if g("m_y") else None
    if year is None and cue is None and prep not in w.year_prepositions:
        return None  # a bare month name without a cue ("von August Bebel")
    return RawDate(begin, end, "month", month=_month_number(w, _g(g, "m_m")), year=year)


def _build_year(w: DateWords, text: str, g: _G, begin: int, end: int,
                prep: str | None, cue: str | None) -> RawDate | None:
    return RawDate(begin, end, "year", year=int(_g(g, "y_y")))


def _build_ago(w: DateWords, text: str, g: _G, begin: int, end: int,
               prep: str | None, cue: str | None) -> RawDate | None:
    n = _g(g, "a_n").lower()
    count = int(n) if n.isdigit() else w.number_words[n]
    unit = w.ago_units[_g(g, "a_u").lower()]
    if unit in ("day", "week"):
        return RawDate(begin, end, "relative", unit="day", offset=-count * (7 if unit == "week" else 1))
    return RawDate(begin, end, "relative", unit=unit, offset=-count)


def _build_week(w: DateWords, text: str, g: _G, begin: int, end: int,
                prep: str | None, cue: str | None) -> RawDate | None:
    step = w.relative_directions.get(_g(g, "k_dir").lower(), 1)
    return RawDate(begin, end, "relative", unit=w.relative_units[_g(g, "k_u").lower()], offset=step)


def _build_day(w: DateWords, text: str, g: _G, begin: int, end: int,
               prep: str | None, cue: str | None) -> RawDate | None:
    word = _g(g, "t_w")
    if word.lower() in w.day_words_ambiguous and (word[0].isupper() or prep in w.morning_prepositions
                                                 or _after_word(w, text, begin)):
        return None  # "am Morgen", "heute Morgen": the morning, not tomorrow
    return RawDate(begin, end, "relative", unit="day", offset=w.day_words[word.lower()])


def _build_anaphor(w: DateWords, text: str, g: _G, begin: int, end: int,
                   prep: str | None, cue: str | None) -> RawDate | None:
    phrase = " ".join(_g(g, "x_w").lower().split())
    nxt = RUN.match(text, end + 1) if text[end:end + 1] == " " else None
    if nxt is not None and nxt.group().lower() in w.anaphoric_not_before:
        return None  # "am Vortag der Wahl": the day before a named event, not before the last date
    return RawDate(begin, end, "anaphoric", unit="day", offset=w.anaphoric_days[phrase])


def _build_night(w: DateWords, text: str, g: _G, begin: int, end: int,
                 prep: str | None, cue: str | None) -> RawDate | None:
    raw = RawDate(begin, end, "relative", weekday=w.weekdays[_g(g, "n_wd").lower()])
    raw.note = "the night before this day"
    return raw


def _build_wd(w: DateWords, text: str, g: _G, begin: int, end: int,
              prep: str | None, cue: str | None) -> RawDate | None:
    direction = (g("b_dir") or "").lower()
    raw = RawDate(begin, end, "relative", weekday=w.weekdays[_g(g, "b_wd").lower()])
    if w.weekday_directions.get(direction) == "prev":
        raw.direction = "prev"
    elif w.weekday_directions.get(direction) == "next":
        raw.direction = "next"
    elif prep not in w.weekday_prepositions and not g("b_part"):
        return None  # "Der Montag ..." alone is no date reference
    if prep is not None and _before_word(text, begin, len(prep)) in w.weekday_titles:
        return None  # "sagte er der Welt am Sonntag": a newspaper's name
    return raw


_RAW_BUILDERS: dict[str, Callable[[DateWords, str, _G, int, int, str | None, str | None], RawDate | None]] = {
    "wdate": _build_wdate,
    "range": _build_range,
    "coord": _build_coord,
    "holiday": _build_holiday,
    "dm": _build_dm,
    "iso": _build_iso,
    "month": _build_month,
    "year": _build_year,
    "ago": _build_ago,
    "week": _build_week,
    "anaphor": _build_anaphor,
    "day": _build_day,
    "night": _build_night,
    "wd": _build_wd,
}


def _before_word(text: str, begin: int, skip: int) -> str:
    """The lower-case word before the ``skip`` characters (a preposition) that end right before ``begin``."""
    lo = max(0, begin - skip - 40)
    window = text[lo:begin].rstrip()
    window = window[: len(window) - skip].rstrip()
    end = start = len(window)
    while start > 0 and (window[start - 1].isalnum() or window[start - 1] == "-"):
        start -= 1
    return window[start:end].lower()


def _after_word(w: DateWords, text: str, begin: int) -> bool:
    """True after "heute", "gestern", "früh", … ("heute morgen" is this morning)."""
    before = text[max(0, begin - 12) : begin].lower().rstrip()
    return before.endswith(w.morning_context)


def _fill_day_month(w: DateWords, raw: RawDate, g: _G, p: str) -> None:
    if g(f"{p}d") is not None:
        raw.day = int(str(g(f"{p}d")))
        raw.month = _month_number(w, str(g(f"{p}m")))
        y = g(f"{p}y")
    else:
        raw.day = int(str(g(f"{p}nd")))
        raw.month = int(str(g(f"{p}nm")))
        y = g(f"{p}ny")
    raw.year = int(y) if y else None
