"""Property tests of kgbuild.dates (Hypothesis): formatting a date and reading it back."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kgbuild.dates import find_dates
from kgbuild.model import DateResolution

MONTHS = [
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
]  # fmt: skip
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
TODAY = date(2030, 12, 31)

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


def _single_value(text: str, **kw: object) -> tuple[str, DateResolution, str | None]:
    ms = find_dates(text, today=TODAY, **kw)  # type: ignore[arg-type]
    assert len(ms) == 1, [m.span.text for m in ms]
    assert ms[0].value is not None, ms[0]
    return ms[0].value.value, ms[0].value.resolution, ms[0].note


@settings(max_examples=300, deadline=None)
@given(days)
def test_dates_weekday_day_month_year_resolves_to_the_day(d: date) -> None:
    text = f"Der Rat tagte am {WEEKDAYS[d.weekday()]}, {d.day}. {MONTHS[d.month - 1]} {d.year} in Berlin."
    value, resolution, note = _single_value(text)
    assert value == d.isoformat()
    assert resolution is DateResolution.EXPLICIT
    assert note is None


@settings(max_examples=300, deadline=None)
@given(days, st.booleans())
def test_dates_numeric_date_resolves_to_the_day(d: date, padded: bool) -> None:
    numeric = f"{d.day:02d}.{d.month:02d}.{d.year}" if padded else f"{d.day}.{d.month}.{d.year}"
    value, resolution, _ = _single_value(f"Die Sitzung am {numeric} verlief ruhig.")
    assert value == d.isoformat()
    assert resolution is DateResolution.EXPLICIT


@settings(max_examples=200, deadline=None)
@given(days, st.integers(min_value=1, max_value=6))
def test_dates_wrong_weekday_keeps_the_date_and_says_so(d: date, shift: int) -> None:
    wrong = WEEKDAYS[(d.weekday() + shift) % 7]
    value, _, note = _single_value(f"Am {wrong}, {d.day}. {MONTHS[d.month - 1]} {d.year} kam er.")
    assert value == d.isoformat()
    assert note is not None and wrong in note


@settings(max_examples=300, deadline=None)
@given(days)
def test_dates_weekday_day_month_without_year_gets_the_year_the_text_names(d: date) -> None:
    text = (f"Der Minister sprach am {WEEKDAYS[d.weekday()]} ({d.day}. {MONTHS[d.month - 1]}) vor der Presse. "
            f"Das Gesetz gilt seit {d.year}.")
    m = find_dates(text, today=TODAY)[0]
    assert m.value is not None and m.value.value == d.isoformat()
    assert m.value.resolution is DateResolution.WEEKDAY


@settings(max_examples=100, deadline=None)
@given(days)
def test_dates_weekday_day_month_without_any_year_is_never_guessed(d: date) -> None:
    text = f"Der Minister sprach am {WEEKDAYS[d.weekday()]} ({d.day}. {MONTHS[d.month - 1]}) vor der Presse."
    ms = find_dates(text, today=TODAY)
    assert len(ms) == 1
    if ms[0].value is not None:  # only when one year alone in 1990-2030 has this weekday on this day
        got = date.fromisoformat(ms[0].value.value)
        assert sum(1 for y in range(1990, TODAY.year + 1)
                   if dates_make(y, d.month, d.day) and dates_make(y, d.month, d.day).weekday() == d.weekday()) == 1
        assert got.weekday() == d.weekday()


def dates_make(y: int, m: int, day: int) -> date | None:
    try:
        return date(y, m, day)
    except ValueError:
        return None


@settings(max_examples=300, deadline=None)
@given(days, st.integers(min_value=-275, max_value=89))
def test_dates_day_month_in_past_tense_near_publication_gets_its_year(d: date, offset: int) -> None:
    # d lies from 275 days before to 89 days after the publication date
    published = date.fromordinal(d.toordinal() - offset)
    text = f"Die Sitzung fand am {d.day}. {MONTHS[d.month - 1]} statt."
    value, resolution, _ = _single_value(text, published=published)
    assert value == d.isoformat()
    assert resolution is DateResolution.PUBLISHED


@settings(max_examples=300, deadline=None)
@given(days, st.integers(min_value=-13, max_value=350))
def test_dates_day_month_in_future_tense_gets_the_coming_year(d: date, offset: int) -> None:
    published = date.fromordinal(d.toordinal() - offset)
    text = f"Die Wahl soll am {d.day}. {MONTHS[d.month - 1]} stattfinden."
    value, _, _ = _single_value(text, published=published)
    assert value == d.isoformat()


@settings(max_examples=300, deadline=None)
@given(days, st.integers(min_value=0, max_value=6))
def test_dates_past_weekday_is_the_most_recent_on_or_before_publication(published: date, wd: int) -> None:
    value, resolution, _ = _single_value(f"Die Polizei nahm ihn am {WEEKDAYS[wd]} fest.", published=published)
    got = date.fromisoformat(value)
    assert got.weekday() == wd
    assert 0 <= (published - got).days <= 6
    assert resolution is DateResolution.RELATIVE


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789. ,-–()amMontagDienstagMärzJahrseit\n")), max_size=80))
def test_dates_spans_always_match_the_text(text: str) -> None:
    ms = find_dates(text, published=date(2020, 1, 1), today=TODAY)
    last = 0
    for m in ms:
        assert m.span.text == text[m.span.begin : m.span.end]
        assert m.span.begin >= last  # in order, no overlaps
        last = m.span.end
