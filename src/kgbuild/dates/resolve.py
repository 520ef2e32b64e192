"""Resolution: a scanned date expression -> a calendar date, as far as the text allows (never a guess).

Three stages: what needs no reference (full dates, month and year, years, datelines); with no
article date known, the year a weekday beside a day and month fixes; then everything counted
from the article's date (a day and month, a holiday, a weekday, "gestern", "vor zwei Wochen").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from kgbuild.dates.scan import DateKind, RawDate
from kgbuild.dates.words import DateWords
from kgbuild.model import DateResolution, DateValue
from kgbuild.quotes import DOUBLE_MARKS

# Where a day-and-month without a year may lie around the article's date (days, [lo, hi);
# each window spans 366 days, so that one occurrence always falls into it, even across a
# 29 February; when two do -- or Easter, which moves -- the earlier is taken for a sentence
# about the past, the later for one about the future). News report the recent
# past and announce the near future: a text of 28 December that says "am 3. Januar" means
# the coming January, one of 5 January that says "am 28. Dezember" the past December, and
# one of March that says "am 20. September" last September -- unless the sentence speaks
# of the future ("wird", "soll"), which moves the window forward.
_WINDOW = (-275, 91)
_FUTURE_WINDOW = (-14, 352)
# A scheduled day ("für den 13. Juli angesetzt") lies on either side: the occurrence nearest the article's date.
_PLAN_WINDOW = (-183, 183)
# The first year a weekday may fix ("Freitag (14. Juni)" without a year).
_FIRST_YEAR = 1990
_DATELINE_AFTER = re.compile(r"(?:\s*\([^)\n]{1,30}\))?\s*[–—-]\s")
_DATELINE_BEFORE = re.compile(r"[^\n]{1,160},\s*")
_DATELINE_MAX_OFFSET = 1500  # a dateline opens the article
# No lookbehind at the start: a literal prefix lets re skip ahead fast; boundaries are checked after.
_YEARS_IN_TEXT = re.compile(r"(?:19|20)\d\d(?![\w-])(?![.,]\d)")
# Where the clause of a date ends (not at commas: "am Montag, 11. Mai, sollen …"; not at
# brackets, which hold short insertions).
_CLAUSE_BREAK = re.compile("[;:" + re.escape("".join(sorted(DOUBLE_MARKS))) + "]| [–—-] ")
_SENTENCE_END = re.compile(r"[.!?][" + re.escape("".join(sorted(DOUBLE_MARKS))) + r")]?\s|\n")


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


def _holiday(w: DateWords, name: str, year: int) -> date | None:
    key = re.sub(r"\s+", " ", name.lower())
    key = re.sub(r"^(1\.|2\.)\s*", r"\1 ", key)
    if key in w.fixed_holidays:
        return _make(year, *w.fixed_holidays[key])
    if key in w.easter_holidays:
        return easter_sunday(year) + timedelta(days=w.easter_holidays[key])
    return None


def _near(ref: date, make: Callable[[int], date | None], *, future: bool = False, plan: bool = False) -> date | None:
    """The date ``make(year)`` of the year that puts it in the window around ``ref``.

    See ``_WINDOW``; a schedule (``plan``) takes the occurrence nearest to ``ref``. None when no
    year does (29 February far from a leap year).
    """
    lo, hi = _PLAN_WINDOW if plan else _FUTURE_WINDOW if future else _WINDOW
    found = [
        cand
        for cand in (make(year) for year in (ref.year - 1, ref.year, ref.year + 1))
        if cand is not None and lo <= (cand - ref).days < hi
    ]
    if not found:
        return None
    if plan:
        return min(found, key=lambda d: (abs((d - ref).days), d))
    return max(found) if future else min(found)


def _day_of(month: int, day: int) -> Callable[[int], date | None]:
    return lambda year: _make(year, month, day)


def _holiday_of(w: DateWords, name: str) -> Callable[[int], date | None]:
    return lambda year: _holiday(w, name, year)


def _iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _sentence_bounds(text: str, begin: int, end: int) -> tuple[int, int]:
    """A rough sentence around ``[begin, end)``: from after the last ". " (or line break) before it."""
    lo = max(0, begin - 400)
    start = max(text.rfind(". ", lo, begin), text.rfind("! ", lo, begin), text.rfind("? ", lo, begin))
    start = max(start + 2 if start >= 0 else lo, text.rfind("\n", lo, begin) + 1)
    m2 = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return start, (m2.start() + 1 if m2 else min(len(text), end + 400))


def _clause_start(text: str, begin: int, end: int) -> int:
    s, _ = _sentence_bounds(text, begin, end)
    for m in _CLAUSE_BREAK.finditer(text, s, begin):
        s = m.end()
    return s


def _clause(text: str, begin: int, end: int) -> str:
    """The clause of ``[begin, end)``: its sentence cut at semicolons, colons, quotes and dashes."""
    s = _clause_start(text, begin, end)
    _, e = _sentence_bounds(text, begin, end)
    m2 = _CLAUSE_BREAK.search(text, end, e)
    return text[s : m2.start() if m2 else e]


def _is_future(w: DateWords, text: str, begin: int, end: int) -> bool:
    """Whether the clause around ``[begin, end)`` speaks of the future ("wird", "soll")."""
    if text[begin:begin + 12].lower().startswith(w.since):
        return False  # "seit dem 27. Dezember wird verimpft": since, so past
    clause = _clause(text, begin, end)
    if w.future.search(clause) and not w.not_future.search(clause):
        return True
    # a clause joined by "und" has its own tense: "… geprüft worden und solle am Montag beschlossen werden"
    s = _clause_start(text, begin, end)
    parts = [(m.start(), m.end()) for m in w.clause_conjunction.finditer(clause)]
    lo = max((e for b, e in parts if s + b < begin), default=0)
    hi = min((b for b, e in parts if s + b >= end), default=len(clause))
    if lo == 0 and hi == len(clause):
        return False
    part = clause[lo:hi]
    return bool(w.future.search(part)) and not w.not_future.search(part)


def _is_plan(w: DateWords, text: str, begin: int, end: int) -> bool:
    """Whether the clause around ``[begin, end)`` schedules its day ("angesetzt", "geplant")."""
    if text[begin:begin + 12].lower().startswith(w.since):
        return False
    if " ".join(text[max(0, begin - 16):begin].lower().split()[-2:]) in w.plan_prepositions:
        return True  # "das Ticket für den 14. März", "verschoben auf den 3. Mai"
    return bool(w.plan.search(_clause(text, begin, end)))



# ---------------------------------------------------------------- resolution
def _weekday_note(w: DateWords, weekday: int, d: date) -> str:
    return f"weekday {_weekday_name(w, weekday)} contradicts {d.isoformat()} (a {_weekday_name(w, d.weekday())})"


def _weekday_name(w: DateWords, n: int) -> str:
    return next((k.capitalize() for k, v in w.weekdays.items() if v == n and k in w.weekday_full_names), str(n))


def resolve_explicit(w: DateWords, text: str, raws: list[RawDate]) -> None:
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
                r.note = _weekday_note(w, r.weekday, d)
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


def _is_dateline(text: str, r: RawDate) -> bool:
    """A full date between a line's place name and a dash: "Kassel (Deutschland), 14.03.2019 –"."""
    if r.prep or r.begin > _DATELINE_MAX_OFFSET or not _DATELINE_AFTER.match(text, r.end):
        return False
    line_start = text.rfind("\n", 0, r.begin) + 1
    return bool(_DATELINE_BEFORE.fullmatch(text, line_start, r.begin))


def _years_in_text(text: str, raws: list[RawDate]) -> set[int]:
    years = {
        int(m.group())
        for m in _YEARS_IN_TEXT.finditer(text)
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_.,-")
    }
    years.update(r.year for r in raws if r.year is not None)
    return years


def infer_weekday_years(text: str, raws: list[RawDate], today: date) -> None:
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

    def candidates(r: RawDate) -> set[int]:
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


def reference(
    w: DateWords, text: str, mentions: Iterable[tuple[int, int, DateKind, DateValue | None]], published: date | None
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
            (fallback if _is_future(w, text, begin, end) else candidates).append((value.value, value))
    pool = candidates or fallback
    return max(pool, key=lambda t: t[0])[1] if pool else None


_ANAPHOR_REACH = 600  # characters back to the day that "an diesem Tag" points to


def resolve_anaphora(text: str, raws: list[RawDate]) -> None:
    """Stage 4: "an diesem Tag", "tags darauf" count from the day the text named last.

    That day must stand in the same paragraph, at most ``_ANAPHOR_REACH`` characters before;
    else the expression keeps no value.
    """
    last: RawDate | None = None
    for r in raws:
        if r.kind == "anaphoric":
            if last is not None and last.value is not None and r.begin - last.end <= _ANAPHOR_REACH \
                    and "\n\n" not in text[last.end:r.begin]:
                d = date.fromisoformat(last.value.value) + timedelta(days=r.offset)
                r.value = DateValue(d.isoformat(), DateResolution.RELATIVE, text[r.begin:r.end])
                r.note = None
            else:
                r.note = "no day named just before it"
        if r.value is not None and r.value.precision == "day":
            last = r


def resolve_rest(w: DateWords, text: str, raws: list[RawDate], ref: DateValue | None) -> None:
    """Stage 3: everything that needs the article's date."""
    if ref is None:
        for r in raws:
            if r.value is None and r.note is None:
                r.note = "no year or article date in the text to resolve it"
        return
    rd = date.fromisoformat(ref.value)
    year_res = DateResolution.PUBLISHED if ref.resolution == DateResolution.GIVEN else DateResolution.ANCHORED
    for i, r in enumerate(raws):
        if r.value is not None or (r.note and r.kind != "relative") or r.kind == "anaphoric":
            continue
        words = text[r.begin : r.end]
        echo = _echoed_day(text, raws[:i], r)
        if echo is not None:
            r.value = DateValue(echo.isoformat(), DateResolution.RELATIVE, words)
            continue
        if r.kind in ("partial", "weekday", "range"):
            assert r.month is not None and r.day is not None
            month, day = r.month, r.day
            future = _is_future(w, text, r.begin, r.end)
            d = _near(rd, _day_of(month, day), future=future, plan=_is_plan(w, text, r.begin, r.end))
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
                    r.note = _weekday_note(w, r.weekday, d)
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
            d = _near(rd, _holiday_of(w, r.holiday), future=_is_future(w, text, r.begin, r.end),
                      plan=_is_plan(w, text, r.begin, r.end))
            if d is not None:
                r.value = DateValue(d.isoformat(), year_res, words)
        elif r.kind == "month":
            assert r.month is not None
            d = _near(rd, _day_of(r.month, 15), future=_is_future(w, text, r.begin, r.end),
                      plan=_is_plan(w, text, r.begin, r.end))
            if d is not None:
                r.value = DateValue(_iso_month(d.year, d.month), year_res, words)
        elif r.kind == "relative":
            r.value = _relative(w, text, r, rd, words)


_ECHO_REACH = 400  # characters back to a full date whose weekday a bare weekday repeats


def _echoed_day(text: str, before: list[RawDate], r: RawDate) -> date | None:
    """The day a bare weekday repeats: "Mittwoch, 24. Februar, 15 Uhr: Am Mittwoch stieg …" is that Wednesday.

    The latest day-precise date before it, in the same paragraph and at most ``_ECHO_REACH``
    characters back, when it falls on the same weekday; else None.
    """
    if r.kind != "relative" or r.weekday is None or r.direction is not None or r.note:
        return None
    for prev in reversed(before):
        if r.begin - prev.end > _ECHO_REACH or "\n\n" in text[prev.end:r.begin]:
            return None
        if prev.value is not None and prev.value.precision == "day" and prev.kind != "anaphoric":
            d = date.fromisoformat(prev.value.value)
            return d if d.weekday() == r.weekday else None
    return None


def _relative(w: DateWords, text: str, r: RawDate, rd: date, words: str) -> DateValue | None:
    rel = DateResolution.RELATIVE
    if r.weekday is not None:
        back = (rd.weekday() - r.weekday) % 7  # days back to the most recent such weekday (0 = today)
        if r.direction == "prev":
            d = rd - timedelta(days=back or 7)
        elif r.direction == "next":
            d = rd + timedelta(days=(r.weekday - rd.weekday()) % 7 or 7)
        elif back == 0:
            d = rd  # "am Dienstag" in a text of a Tuesday: that very day
        elif _is_future(w, text, r.begin, r.end):
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
