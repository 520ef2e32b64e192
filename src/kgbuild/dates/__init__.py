"""German date expressions: find them, then resolve them to calendar dates.

News texts date events in many ways: in full ("14. Juni 2019", "03.11.2016"),
as a day and month whose year the reader knows ("am 8. Oktober"), as a weekday with
day and month ("am Freitag (14. Juni)"), relative to the day of writing
("gestern", "am Montag", "vor drei Tagen"), or only to the month or year ("Ende
Oktober", "im Jahr 2019"). :func:`find_dates` finds all of them in one pass (precompiled
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

>>> ms = find_dates("Die Bürgermeisterin sprach am Freitag (14. Juni 2019) in Lindau.")
>>> ms[0].value.value, ms[0].value.resolution.value
('2019-06-14', 'Explicit')
>>> find_dates("Die Bürgermeisterin sprach am Freitag (14. Juni) in Lindau.")[0].value is None  # 2013? 2019?
True

The modules follow these steps: :mod:`~kgbuild.dates.words` (a language's date words and
patterns), :mod:`~kgbuild.dates.scan` (the expressions as written) and
:mod:`~kgbuild.dates.resolve` (their calendar dates).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from kgbuild.dates.resolve import (
    easter_sunday,
    infer_weekday_years,
    reference,
    resolve_anaphora,
    resolve_explicit,
    resolve_rest,
)
from kgbuild.dates.scan import DateKind, scan
from kgbuild.dates.words import DateWords, date_words
from kgbuild.model import DateValue, Span

__all__ = [
    "MONTHS",
    "DateKind",
    "DateMention",
    "DateWords",
    "date_for_span",
    "date_words",
    "easter_sunday",
    "find_dates",
    "reference_date",
]

#: Month names and abbreviations of the default language, lower-case, without periods -> 1..12 (read-only).
MONTHS: Mapping[str, int] = date_words().months


@dataclass(frozen=True)
class DateMention:
    """A date expression in the text and what it resolves to.

    Attributes:
        span: where it is; includes a leading preposition ("am", "seit dem").
        value: the resolved date, or None when the text does not fix it (never a guess).
        kind: what sort of expression it is (see :data:`DateKind`).
        note: why a value is missing or doubtful ("weekday Montag contradicts ...").
        end: the end of a range ("vom 3. bis 7. Mai").
        prep: the preposition before it, lower-case ("am", "seit", "bis", "ab"), if any.
    """

    span: Span
    value: DateValue | None
    kind: DateKind
    note: str | None = None
    end: DateValue | None = None
    prep: str | None = None


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
    w = date_words(lang)
    today = today or date.today()
    raws = scan(text, w)
    resolve_explicit(w, text, raws)
    has_anchor = published is not None or any(r.kind == "dateline" for r in raws)
    if not has_anchor:
        infer_weekday_years(text, raws, today)
    ref = reference(w, text, ((r.begin, r.end, r.kind, r.value) for r in raws), published)
    resolve_rest(w, text, raws, ref)
    resolve_anaphora(text, raws)
    return tuple(DateMention(Span.of(text, r.begin, r.end), r.value, r.kind, r.note, r.end_value, r.prep) for r in raws)


def reference_date(text: str, mentions: Iterable[DateMention], *, published: date | None = None,
                   lang: str = "de") -> DateValue | None:
    """The article's own date, from which relative dates are counted.

    ``published`` when given (resolution ``GIVEN``); else the date of the dateline
    (``EXPLICIT``); else the latest full date of the text (written out, or fixed by its
    weekday: ``WEEKDAY``) that is not in a sentence about the future. None when the
    text has none.

    Args:
        text: the article text.
        mentions: what :func:`find_dates` found in it.
        published: the publication date given by the caller, if any.
        lang: the language whose words tell a sentence about the future.
    """
    return reference(date_words(lang), text, ((m.span.begin, m.span.end, m.kind, m.value) for m in mentions), published)


_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def date_for_span(mentions: Iterable[DateMention], begin: int, end: int, *, lang: str = "de") -> DateMention | None:
    """The date mention inside ``[begin, end)`` that dates what is said there.

    The most specific resolved mention wins (day over month over year); among equals a
    plain date ("am", none) over a boundary ("seit", "bis", "ab"), one without a note
    over a doubtful one, then the first. The dateline is the article's date, not an
    event's, and mentions without a value are skipped. The boundary prepositions are
    ``lang``'s.
    """
    boundary = date_words(lang).boundary_prepositions
    best: tuple[tuple[int, int, int, int], DateMention] | None = None
    for m in mentions:
        if m.value is None or m.kind == "dateline" or m.span.begin < begin or m.span.end > end:
            continue
        key = (
            _PRECISION_RANK[m.value.precision],
            0 if m.prep in boundary else 1,
            0 if m.note else 1,
            -m.span.begin,
        )
        if best is None or key > best[0]:
            best = (key, m)
    return best[1] if best else None
