"""A language's date words and the patterns compiled from them, as one frozen object.

Every word comes from ``lang/<code>/``: ``months.tsv``, ``weekdays.tsv`` and ``dates.tsv`` (see
its header). :func:`date_words` builds them once per language; scanning and resolution read
them from the :class:`DateWords` they are given, so nothing of one language leaks into another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import ahocorasick

from kgbuild import lang as lang_data
from kgbuild.quotes import QUOTE_MARKS

_L = r"[^\W\d_]"  # a letter (any script)
_NOT_L = rf"(?!{_L})"
_DAY = r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])"  # a day number, not inside another number
_YEAR4 = r"(?:1[0-9]|20)\d\d(?!\d)(?![.,]\d)"
# Where a word starts: the automaton's keys are a separator plus a word (or a digit).
_SEPARATORS = " \n\t\r\u00a0(),.;:!?/–—-[]" + "".join(sorted(QUOTE_MARKS))
_DIGIT_BRANCHES = ("range", "coord", "holiday", "dm", "iso", "year")  # those that can start with a digit
_DIGIT_ONLY = ("range", "coord", "dm", "iso", "year")  # those that cannot start with a word


@dataclass(frozen=True)
class DateWords:
    """One language's date words (lower-case) and the patterns built from them."""

    months: Mapping[str, int]  # month names and abbreviations, without periods -> 1..12
    weekdays: Mapping[str, int]  # weekday names and abbreviations -> 0 (Monday) .. 6
    full_month_names: frozenset[str]
    weekday_full_names: frozenset[str]
    fixed_holidays: Mapping[str, tuple[int, int]]  # "heiligabend": (12, 24)
    easter_holidays: Mapping[str, int]  # days after Easter Sunday
    holiday_needs_preposition: frozenset[str]  # also a first name
    number_words: Mapping[str, int]
    day_words: Mapping[str, int]  # "gestern": -1
    anaphoric_days: Mapping[str, int]  # "tags darauf": +1 from the day the text named last
    anaphoric_not_before: frozenset[str]  # "am Vortag der Wahl": counted from the event named after it
    day_words_ambiguous: frozenset[str]  # "morgen" / "am Morgen"
    morning_context: tuple[str, ...]  # "heute morgen" is this morning
    morning_prepositions: frozenset[str]  # "am Morgen"
    relative_directions: Mapping[str, int]  # "vergangene": -1
    relative_units: Mapping[str, str]  # "woche": "week"
    ago_units: Mapping[str, str]  # "tagen": "day"
    weekday_directions: Mapping[str, str]  # "vergangenen": "prev"
    weekday_prepositions: frozenset[str]
    not_date: re.Pattern[str]  # idioms of date words that name no day: "von heute auf morgen" (suddenly)
    not_date_hint: str  # a word all of them hold, looked for before the pattern is tried
    weekday_titles: frozenset[str]  # "Welt" of "Welt am Sonntag": with it the weekday names a newspaper
    year_prepositions: frozenset[str]  # "seit 2019", "im März"
    since: tuple[str, ...]  # a date after "seit" speaks of the past
    boundary_prepositions: frozenset[str]  # a date after them bounds something ("seit", "bis", "ab")
    # One master pattern tried at digits, one at words, so that each tries only its own branches.
    master_digit: re.Pattern[str]
    master_word: re.Pattern[str]
    preposition: re.Pattern[str]  # right before a date: "am", "seit dem", "bis zum" (kept in the span)
    month_part: re.Pattern[str]  # "Anfang", "Mitte", "Ende" before a month
    year_cue: re.Pattern[str]  # "im Jahr", "seit" before a year
    # Tense of the clause around a bare weekday: news narrate the past, so only clear future
    # markers ("wird", "soll") make "am Montag" the coming Monday. Konjunktiv I ("werde") is
    # reported speech, which is usually about the past, so it is not a marker. Past auxiliaries
    # and modals ("konnte erst am 8. Juni geöffnet werden"), a perfect infinitive ("soll am
    # Montag gestohlen haben") and Konjunktiv II ("überlastet werden würde") cancel them; so
    # does a passive present ("wird am Montag verimpft") only where a past marker stands too.
    future: re.Pattern[str]
    not_future: re.Pattern[str]
    # A schedule ("angesetzt", "geplant", "verschoben"): its day may lie before or after the article's
    # date whatever the tense ("war für den 3. Juli angesetzt"), so the nearest occurrence is taken.
    plan: re.Pattern[str]
    plan_prepositions: frozenset[str]  # "für den" before a day: the day something is set for
    clause_conjunction: re.Pattern[str]  # " und " between main clauses: each has its own tense
    trigger_words: frozenset[str]  # the words that can open a date expression
    trigger_automaton: Any  # ahocorasick.Automaton: separator + trigger word or digit -> word length


def date_words(lang: str = "de") -> DateWords:
    """The date words of ``lang`` (built once per language).

    >>> date_words("de").months["märz"]
    3
    """
    if lang == LANG:
        return WORDS
    # Another language's words live in its own instance of this module, which kgbuild.lang keeps
    # and drops again when a pack of that code is registered anew.
    other: DateWords = lang_data.stage_module(__name__, lang).WORDS
    return other


def _is_abbreviation(name: str, table: Mapping[str, int]) -> bool:
    """True for "sept" (a prefix of a longer name of the same month) or "mrz" (no vowel)."""
    if not re.search("[aeiouäöü]", name):
        return True
    return any(o != name and o.startswith(name) and table[o] == table[name] for o in table)


def _common_word(phrases: Iterable[str]) -> str:
    """A word every phrase holds (so that a text without it needs no search), or "" to always search."""
    sets = [set(p.lower().split()) for p in phrases]
    common = set.intersection(*sets) if sets else set()
    return min(common, key=lambda x: (-len(x), x)) if common else ("" if sets else "\x00")


def _alt(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=lambda s: (-len(s), s))) or "(?!)"


def _words_pattern(words: Iterable[str]) -> str:
    """An alternation of words and phrases, longest first: inner spaces match any space (none after an
    ordinal's period: "2.Weihnachtsfeiertag"), a final ``*`` any word ending ("Kilo*")."""
    out = []
    for w in sorted(set(words), key=lambda x: (-len(x), x)):
        star = w.endswith("*")
        parts = [re.escape(p) for p in w.rstrip("*").split()]
        pattern = parts[0] if parts else ""
        for prev, part in zip(parts, parts[1:], strict=False):
            pattern += (r"\s*" if prev.endswith(r"\.") else r"\s+") + part
        out.append(pattern + (r"\w*" if star else ""))
    return "|".join(out) or "(?!)"


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


def _build(lang: str) -> DateWords:
    lists = lang_data.word_lists(lang, "dates.tsv")

    def words(name: str) -> Mapping[str, str]:
        return lists.get(name, MappingProxyType({}))

    fixed_holidays = {k: (int(v[:2]), int(v[3:])) for k, v in words("holiday_fixed").items()}
    easter_holidays = {k: int(v) for k, v in words("holiday_easter").items()}
    number_words = {k: int(v) for k, v in words("number_word").items()}
    months: dict[str, int] = dict(lang_data.month_names(lang))
    weekdays: dict[str, int] = dict(lang_data.weekday_names(lang))
    day_words = {k: int(v) for k, v in words("day_word").items()}
    anaphoric_days = {k: int(v) for k, v in words("anaphoric_day").items()}
    relative_directions = {k: int(v) for k, v in words("relative_direction").items()}
    relative_units = {k.lower(): v for k, v in words("relative_unit").items()}
    ago_units = {k.lower(): v for k, v in words("ago_unit").items()}
    weekday_directions = {k: v for k, v in words("weekday_direction").items()}
    full_month_names = {k for k in months if not _is_abbreviation(k, months)}
    article = _alt(words("date_article"))  # "Montag, den 3. Mai"

    month_full = rf"(?:{_alt(full_month_names)}){_NOT_L}"
    month_abbr = rf"(?:{_alt(set(months) - full_month_names)})(?:\.|{_NOT_L})"
    month_any = rf"(?:{month_full}|{month_abbr})"
    weekday_full_names = {k for k in weekdays if not _is_abbreviation(k, weekdays)}
    weekday = rf"(?:{_alt(weekday_full_names)})"
    # "Mo.", "Di.": only capitalised and with the period ("so", "do" are common words).
    weekday_abbr = rf"(?-i:{_alt(k.capitalize() for k in set(weekdays) - weekday_full_names)})\."
    daypart = rf"(?:{_alt(words('daypart'))})"
    # Nouns after "ab 2000", "bis 1990" that make the number an amount, not a year.
    not_year_nouns = rf"(?:{_words_pattern(words('not_year_noun'))})\b"

    def day_month(p: str) -> str:
        """Day, month (textual or numeric) and optional year; groups named ``<p>d``, ``<p>m``, …"""
        return (
            rf"(?:(?P<{p}d>{_DAY})\.\s*(?P<{p}m>{month_any})(?:\s+(?P<{p}y>{_YEAR4}))?"
            rf"|(?P<{p}nd>{_DAY})\.(?P<{p}nm>1[0-2]|0?[1-9])\.(?P<{p}ny>{_YEAR4})?(?!\d))"
        )

    branches = [
        # weekday with a written date: "Freitag, 14. Juni 2019", "Freitag (14. Juni)"
        (
            "wdate",
            rf"(?:(?P<w_wd>{weekday}){daypart}?{_NOT_L}|(?P<w_wa>{weekday_abbr}))"
            rf"(?P<w_sep>\s*,\s*(?:(?:{article})\s+)?|\s+(?:{article})\s+|\s*\(\s*|\s+)" + day_month("w_"),
        ),
        # "vom 3. bis 7. Mai", "3. Mai bis 7. Juni 2022", "3.–7. Mai"
        (
            "range",
            rf"(?P<r_d1>{_DAY})\.(?:\s*(?P<r_m1>{month_any})(?:\s+(?P<r_y1>{_YEAR4}))?)?"
            rf"\s*(?:{_words_pattern(words('range_word'))}|–|—|-)\s*"
            rf"(?P<r_d2>(?:[12]\d|3[01]|0?[1-9]))\.\s*(?P<r_m2>{month_any})(?:\s+(?P<r_y2>{_YEAR4}))?",
        ),
        # days joined by "und" before one month: "am 2. und 3. Mai", "am 2., 3. und 4. Mai" (first to last)
        (
            "coord",
            rf"(?P<c_d1>{_DAY})\.\s*(?:,\s*{_DAY}\.\s*)*(?:{_words_pattern(words('coordination_word'))})\s+"
            rf"(?P<c_d2>(?:[12]\d|3[01]|0?[1-9]))\.\s*(?P<c_m>{month_any})(?:\s+(?P<c_y>{_YEAR4}))?",
        ),
        # the named days (before "dm": "2. Weihnachtsfeiertag" is no day of a month)
        (
            "holiday",
            rf"(?P<h_name>(?<![\d.,]){_words_pattern((*fixed_holidays, *easter_holidays))}){_NOT_L}",
        ),
        ("dm", day_month("d_")),
        ("iso", r"(?<![\d-])(?P<i_y>(?:19|20)\d\d)-(?P<i_m>1[0-2]|0[1-9])-(?P<i_d>[12]\d|3[01]|0[1-9])(?![\d-])"),
        # "im März 2021", "März 2021"; "Anfang"/"Mitte"/"Ende" before it is looked up behind
        ("month", rf"(?P<m_m>{month_full})(?:\s+(?P<m_y>{_YEAR4}))?"),
        # "2019" after a cue ("im Jahr", "seit"), looked up behind
        ("year", rf"(?<![\w.,-])(?P<y_y>(?:19|20)\d\d)(?!\d)(?![.,:]\d)(?!\s+{not_year_nouns})"),
        (
            "ago",
            rf"(?:{_words_pattern(words('ago'))})\s+(?P<a_n>\d{{1,3}}|{_alt(number_words)})\s+"
            rf"(?P<a_u>{_alt(ago_units)}){_NOT_L}",
        ),
        (
            "week",
            rf"(?P<k_dir>{_alt(relative_directions)})\s+"
            rf"(?P<k_u>{_alt(relative_units)}){_NOT_L}",
        ),
        # "an diesem Tag", "tags darauf": a day counted from the date the text named last
        ("anaphor", rf"(?P<x_w>{_words_pattern(anaphoric_days)}){_NOT_L}"),
        ("day", rf"(?P<t_w>{_alt(day_words)}){_NOT_L}"),
        (
            "night",
            rf"(?:{_alt(words('night'))})\s+(?:(?:{_alt(words('night_from'))})\s+{weekday}\s+)?"
            rf"(?:{_alt(words('night_to'))})\s+(?:(?:{article})\s+)?(?P<n_wd>{weekday}){_NOT_L}",
        ),
        (
            "wd",
            rf"(?:(?P<b_dir>{_alt(weekday_directions)})\s+)?"
            rf"(?P<b_wd>{weekday})(?P<b_part>{daypart})?{_NOT_L}",
        ),
    ]
    # Words that can open a date expression; the master pattern is tried only where one of
    # them starts a word, and at digits. Python's re has no multi-keyword search: a 13-branch
    # alternation tried at every character costs ten times as much as finding the starts
    # with an Aho-Corasick automaton (pyahocorasick) over the lower-cased text.
    triggers = frozenset(
        {*full_month_names, *day_words, *relative_directions, *weekday_directions}
        | {w.split()[0].lower() for w in (*words("ago"), *words("night"), *anaphoric_days)}
        | {k.split()[0] for k in (*fixed_holidays, *easter_holidays) if not k[0].isdigit()}
    )
    # Whole trigger words, and weekdays with a time of day ("Freitagabend").
    trigger_words = frozenset(
        triggers
        | weekday_full_names
        | {w + p for w in weekday_full_names for p in re.findall(r"\w+", daypart)}
        | {w + "." for w in set(weekdays) - weekday_full_names}
    )
    return DateWords(
        months=MappingProxyType(months),
        weekdays=MappingProxyType(weekdays),
        full_month_names=frozenset(full_month_names),
        weekday_full_names=frozenset(weekday_full_names),
        fixed_holidays=MappingProxyType(fixed_holidays),
        easter_holidays=MappingProxyType(easter_holidays),
        holiday_needs_preposition=frozenset(words("holiday_needs_preposition")),
        number_words=MappingProxyType(number_words),
        day_words=MappingProxyType(day_words),
        anaphoric_days=MappingProxyType(anaphoric_days),
        anaphoric_not_before=frozenset(words("anaphoric_not_before")),
        day_words_ambiguous=frozenset(words("day_word_ambiguous")),
        morning_context=tuple(words("morning_context")),
        morning_prepositions=frozenset(words("morning_preposition")),
        relative_directions=MappingProxyType(relative_directions),
        relative_units=MappingProxyType(relative_units),
        ago_units=MappingProxyType(ago_units),
        weekday_directions=MappingProxyType(weekday_directions),
        weekday_prepositions=frozenset(words("weekday_preposition")),
        weekday_titles=frozenset(words("weekday_title")),
        not_date=re.compile(rf"(?<!\w)(?:{_words_pattern(words('not_date'))})(?!\w)", re.IGNORECASE),
        not_date_hint=_common_word(words("not_date")),
        year_prepositions=frozenset(words("year_preposition")),
        since=tuple(words("since")),
        boundary_prepositions=frozenset(words("boundary_preposition")),
        master_digit=re.compile(
            "|".join(f"(?P<{name}>{pat})" for name, pat in branches if name in _DIGIT_BRANCHES), re.IGNORECASE
        ),
        master_word=re.compile(
            "|".join(f"(?P<{name}>{pat})" for name, pat in branches if name not in _DIGIT_ONLY),
            re.IGNORECASE,
        ),
        preposition=re.compile(rf"(?<![^\W\d_])({_words_pattern(words('preposition'))})\s+$", re.IGNORECASE),
        month_part=re.compile(rf"(?<![^\W\d_])({_words_pattern(words('month_part'))})\s+$", re.IGNORECASE),
        year_cue=re.compile(rf"(?<![^\W\d_])({_words_pattern(words('year_cue'))})\s+$", re.IGNORECASE),
        future=re.compile(rf"\b(?:{_alt(words('future_marker'))})\b", re.IGNORECASE),
        not_future=re.compile(rf"\b(?:{_alt(words('past_marker'))})\b", re.IGNORECASE),
        plan_prepositions=frozenset(words("plan_preposition")),
        clause_conjunction=re.compile(rf"\s(?:{_alt(words('clause_conjunction'))})\s", re.IGNORECASE),
        plan=re.compile(rf"\b(?:{_words_pattern(words('plan_marker'))})\b", re.IGNORECASE),
        trigger_words=trigger_words,
        trigger_automaton=_word_start_automaton(trigger_words),
    )


# The default language's words are built when the module is imported; kgbuild.lang.stage_module
# runs another instance of this module with LANG set to another language.
LANG: str = globals().get("LANG", "de")
WORDS = _build(LANG)
