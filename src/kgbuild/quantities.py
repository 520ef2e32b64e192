"""Amounts in German text: "rund 98.000 Russen", "mehr als 1000 Menschen", "Tausende".

:func:`find_quantities` reads numbers in German notation ("98.000" = 98000, "1,5" = 1.5,
"1.507" = 1507), number words ("vier", "zweihundert", "tausend"), scales ("1,5
Millionen"), ranges ("130 bis 140"), vague plurals ("Tausende", "Dutzende") and the
words that bound or soften them ("rund", "mehr als", "bis zu"), and takes the noun after
the number, past its adjectives, as the unit ("25 mutmaßliche Hacker" -> "Hacker").

Numbers that are not amounts are left out: dates ("27.09.2022", "am 4. September",
"Juni 2012"), times ("20.15 Uhr", "15:36"), ordinals ("7. Landtag"), years ("die 2013
gegründete Partei"), parts of words ("COVID-19", "31-jährige") and numbered things
("Artikel 5"). A duration ("binnen zehn Tagen") is marked ``kind="duration"``
so that it is not mistaken for a count of people or things.

Conventions:

* A vague plural gives its base as a lower bound and is approximate: "Tausende" is
  ``min_value=1000, approximate=True`` (not 2000: the word is used loosely for "very
  many", and 1000 is what it certainly exceeds), "Dutzende" 12, "Hunderte" 100,
  "Zehntausende" 10000, "Hunderttausende" 100000, a bare "Millionen" 10**6.
* "rund", "etwa", "knapp", "fast" make a value approximate; "mehr als", "über",
  "mindestens" make it ``min_value``; "weniger als", "bis zu", "höchstens" ``max_value``.
* Values are ``int`` when whole (``98000``), else ``float`` (``1.5``), so that a
  mapping to RDF can write ``xsd:integer`` for counts.

>>> q = find_quantities("Rund 98.000 Russen sind ausgereist.")[0]
>>> q.quantity.value, q.quantity.unit, q.quantity.approximate, q.quantity.text
(98000, 'Russen', True, 'Rund 98.000')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

import ahocorasick

from kgbuild import lang as lang_data
from kgbuild.model import Quantity, Span
from kgbuild.quotes import DOUBLE_MARKS, QUOTE_MARKS
from kgbuild.text import RUN, WORD

__all__ = ["QuantityKind", "QuantityMention", "find_quantities", "number_word_value"]

QuantityKind = Literal["count", "money", "percent", "duration", "measure"]


@dataclass(frozen=True)
class QuantityMention:
    """An amount in the text.

    Attributes:
        span: from the first qualifier ("rund", "jeweils") to the unit, or to the number
            when there is no unit.
        quantity: the amount; ``quantity.text`` is the qualifier and number as written.
        kind: count (people, things), money, percent, duration or measure.
        distributive: "jeweils 1.507 Euro", "je 100 Euro": the amount is per item.
        unit_inherited: the unit is taken from the amount before it in the same
            sentence ("Drei der Unfälle geschahen in Bayern, sieben in Hessen").
    """

    span: Span
    quantity: Quantity
    kind: QuantityKind = "count"
    distributive: bool = False
    unit_inherited: bool = False


# ---------------------------------------------------------------- language knowledge
# Every word comes from lang/<LANG>/quantities.tsv (see its header). LANG is the default language; another
# language gets its own instance of this module (kgbuild.lang.stage_module), built from its own folder.
LANG: str = globals().get("LANG", "de")
_FILE = "quantities.tsv"
_UNITS = lang_data.numbers(LANG, _FILE, "unit")
_TEENS = lang_data.numbers(LANG, _FILE, "teen")
_TENS = lang_data.numbers(LANG, _FILE, "ten")
_COMPOUND_SCALES = tuple(lang_data.numbers(LANG, _FILE, "compound_scale").items())  # ("tausend", 1000) first
_COMPOUND_ONE = lang_data.words(LANG, _FILE, "compound_one")  # "ein" in "einhundert"
_COMPOUND_AND = next(iter(lang_data.words(LANG, _FILE, "compound_and")), None)  # "und" in "fünfundzwanzig"
_NOT_COMPOUND_UNIT = lang_data.words(LANG, _FILE, "not_compound_unit")  # "eins" never: "einundzwanzig"
_NUMBER_ROOTS = frozenset(w[:3] for w in (*_UNITS, *_TEENS, *_TENS, *dict(_COMPOUND_SCALES)))
# Longer word-start keys to find candidates with: "sieb" not "sie" (the pronoun is everywhere).
_NUMBER_KEYS = frozenset(w[:4] if len(w) > 4 else w for w in (*_UNITS, *_TEENS, *_TENS, *dict(_COMPOUND_SCALES)))
# "eine Million", "einer Woche": the article is a number only before a scale or a time unit.
_ARTICLE_ONE = lang_data.words(LANG, _FILE, "article_one")
_VAGUE = lang_data.numbers(LANG, _FILE, "vague")
_SCALES = lang_data.numbers(LANG, _FILE, "scale")
_APPROX = lang_data.words(LANG, _FILE, "approx")
_MIN = lang_data.words(LANG, _FILE, "min")
_MAX = lang_data.words(LANG, _FILE, "max")
_EACH = lang_data.words(LANG, _FILE, "each")
_CURRENCIES = lang_data.words(LANG, _FILE, "currency")
_CURRENCY_ENDINGS = tuple(sorted(lang_data.words(LANG, _FILE, "currency_ending")))
_PERCENT = lang_data.words(LANG, _FILE, "percent")
_TIME_UNITS = lang_data.words(LANG, _FILE, "time_unit")
_MEASURES = lang_data.words(LANG, _FILE, "measure")
# Lower-case words ending like adjectives that are not ("werden", "einen"): the unit search stops.
_NOT_ADJECTIVES = lang_data.words(LANG, _FILE, "not_adjective")
_ADJECTIVE_ENDINGS = tuple(sorted(lang_data.words(LANG, _FILE, "adjective_ending")))
_FILLERS = lang_data.words(LANG, _FILE, "filler")
_JOINERS = lang_data.words(LANG, _FILE, "joiner")  # "vier und fünf", "Tausende von Menschen"
_PARTITIVE = lang_data.words(LANG, _FILE, "partitive")  # "vier der Festnahmen"
# A number right after these names a thing, not an amount: "Artikel 5", "Platz 3".
_NUMBERED = lang_data.words(LANG, _FILE, "numbered")
_UNIT_WORDS = _PERCENT | _CURRENCIES | _TIME_UNITS | _MEASURES  # units whatever their case
_MONTH_WORDS = frozenset(lang_data.month_names(LANG))  # "Juni 2012" is a date, not 2012 of something


def _alternation(words: Iterable[str], *, dot: bool = False) -> str:
    """A regex alternation of words, longest first; inner spaces match any space; ``dot``: "Mio." also "Mio"."""
    out = []
    for w in sorted(set(words), key=lambda x: (-len(x), x)):
        pattern = r"\s+".join(re.escape(part) for part in w.split())
        out.append(pattern[:-2] + r"\.?" if dot and w.endswith(".") else pattern)
    return "|".join(out) or "(?!)"


# ---------------------------------------------------------------- patterns
_TOKEN = RUN
# Thousands are grouped with periods ("98.000") or spaces ("204 000", also narrow no-break).
_NUMERIC = re.compile(
    r"(?<![\w.,:/°-])(?P<int>\d{1,3}(?:\.\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)|\d+)"
    r"(?P<dec>,\d+)?"
    r"(?![\d]|[^\W\d_]|[.,:]\d|-[^\W\d_])"  # not "COVID19a", "1.5", "15:36", "31-jährige"
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SCALE_FORMS = {w.rstrip(".").lower(): v for w, v in lang_data.numbers(LANG, _FILE, "scale_form").items()}
_SCALE = re.compile(r"\s+(?P<s>" + _alternation(lang_data.numbers(LANG, _FILE, "scale_form"), dot=True)
                    + r")(?![^\W\d_])")
_RANGE = re.compile(r"\s*(?:" + _alternation(lang_data.words(LANG, _FILE, "range_word")) + r"|–|—|-)\s*(?=\S)")
_AND = re.compile(r"\s+(?:" + _alternation(lang_data.words(LANG, _FILE, "and")) + r")\s+")
_WORD = WORD
_SYMBOL = re.compile(r"\s?(?P<u>%|€|\$|£)|\s(?P<v>km/h|km²|m²|m³|°C|km|kg|cm|mm|ha|m|t|l)(?![\w/])")
_GAP = re.compile(r"\s+")  # no comma: "Hunderte warten, Dutzende …" is two amounts
_BETWEEN = lang_data.words(LANG, _FILE, "between")  # "zwischen 3 und 5"
_QUALIFIER_WORDS = frozenset({*_APPROX, *_MIN, *_MAX, *_EACH, *_BETWEEN})
_QUALIFIER_LAST = frozenset(q.rpartition(" ")[2] for q in _QUALIFIER_WORDS)  # "als", "zu", "rund", …
_CURRENCY_BEFORE = re.compile(r"(?P<c>€|\$|£|EUR|USD|CHF)\s?$")
_YEAR_CUE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:" + _alternation(lang_data.words(LANG, _FILE, "year_cue")) + r")\s+$", re.IGNORECASE)
# "die Marke von 2000", "die Schwelle von 50": a threshold's number is an amount, not a year
_THRESHOLD_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:" + _alternation(lang_data.words(LANG, _FILE, "threshold")) + r")\s+von\s+$", re.IGNORECASE)
_TIME_AFTER = re.compile(r"\s*(?:" + _alternation(lang_data.words(LANG, _FILE, "clock")) + r")(?![^\W\d_])")
_ENUMERATION = re.compile(r"[,;]|\b(?:" + _alternation(lang_data.words(LANG, _FILE, "enumeration")) + r")\b")
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s|\n")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[(" + re.escape("".join(sorted(DOUBLE_MARKS))) + r"]\s*|\n\s*)$")


# Where an amount may start: digit runs, and words whose first letters are a number's
# (found with an Aho-Corasick automaton: Python's re tries an alternation at every
# character, which is ten times slower over a whole article).
_SEPARATORS = " \n\t\r\u00a0(),.;:!?/–—-[]€$£" + "".join(sorted(QUOTE_MARKS))


def _word_start_automaton(prefixes: frozenset[str]) -> ahocorasick.Automaton:
    """Finds the prefixes, and digits, where a word starts; the value is the prefix length (digit: 0)."""
    automaton = ahocorasick.Automaton()
    for sep in _SEPARATORS:
        for w in prefixes:
            automaton.add_word(sep + w, len(w))
        for d in "0123456789":
            automaton.add_word(sep + d, 0)
    automaton.make_automaton()
    return automaton


_AUTOMATON = _word_start_automaton(_NUMBER_KEYS | frozenset(_VAGUE) | _ARTICLE_ONE)
# After "ein"/"eine"/"einer": only a scale or a time unit makes the article a number.
_AFTER_ARTICLE = re.compile(r"\s+(?:" + _alternation(lang_data.words(LANG, _FILE, "after_article")) + ")",
                            re.IGNORECASE)


def _candidates(text: str) -> list[int]:
    low = text.lower()
    if len(low) != len(text):  # lower-casing changed offsets (e.g. "İ"): every token is a candidate
        return [m.start() for m in _TOKEN.finditer(text)]
    # A key ending at index i of " " + low starts its word at text index i - len (a digit: i - 1).
    return [end - (n or 1) for end, n in _AUTOMATON.iter(" " + low)]


@lru_cache(maxsize=4096)
def number_word_value(word: str) -> int | None:
    """The value of a German number word, compounds included; None for other words.

    >>> number_word_value("zweihundertfünfundzwanzig"), number_word_value("Zwölf"), number_word_value("acht")
    (225, 12, 8)
    """
    w = word.lower()
    if not w:
        return None
    for scale_word, scale in _COMPOUND_SCALES:
        if scale_word in w:
            head, _, tail = w.rpartition(scale_word)
            left = 1 if head == "" or head in _COMPOUND_ONE else number_word_value(head)
            right = 0 if tail == "" else number_word_value(tail)
            if left is None or right is None or (tail and right >= scale):
                return None
            return left * scale + right
    if w in _UNITS:
        return _UNITS[w]
    if w in _TEENS:
        return _TEENS[w]
    if w in _TENS:
        return _TENS[w]
    if _COMPOUND_AND and _COMPOUND_AND in w:
        unit, _, tens = w.partition(_COMPOUND_AND)
        if unit in _UNITS and unit not in _NOT_COMPOUND_UNIT and tens in _TENS:
            return _UNITS[unit] + _TENS[tens]
    return None


def _to_number(int_part: str, dec: str | None, scale: int = 1) -> int | float:
    """German notation to a number: "98.000" -> 98000, "1,5" + Millionen -> 1500000."""
    try:
        digits = "".join(c for c in int_part if c.isdigit())
        d = Decimal(digits + ("." + dec.lstrip(",") if dec else "")) * scale
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return 0
    return int(d) if d == d.to_integral_value() else float(d)


def _times(value: int | float, scale: int) -> int | float:
    d = Decimal(str(value)) * scale
    return int(d) if d == d.to_integral_value() else float(d)


# ---------------------------------------------------------------- the scanner
@dataclass
class _Num:
    """A number read at a position: value(s), where it ends, what it was."""

    begin: int
    end: int
    low: int | float | None
    high: int | float | None = None
    vague: bool = False
    word: bool = False  # a number word ("vier"), which needs a unit to count
    article: bool = False  # "eine"/"einer": a number only before a scale or time unit
    scale: int = 1  # "Millionen" after it


def _read_number(text: str, pos: int, word: str) -> _Num | None:
    """The number starting at ``pos`` (digits, number word, vague plural), with its scale."""
    if word[0].isdigit():
        m = _NUMERIC.match(text, pos)
        if m is None or _ISO_DATE.match(text, pos):
            return None
        num = _Num(pos, m.end(), None)
        int_part, dec = m.group("int"), m.group("dec")
    else:
        low = word.lower()
        end = pos + len(word)
        if low in _VAGUE:
            return _Num(pos, end, _VAGUE[low], vague=True)
        if low in _ARTICLE_ONE:
            if not _AFTER_ARTICLE.match(text, end):
                return None  # "eine Frau": an article
            num = _Num(pos, end, 1, word=True, article=True)
        elif low[:3] in _NUMBER_ROOTS and (v := number_word_value(low)) is not None:
            if word[0].isupper() and not _SENTENCE_START.search(text, max(0, pos - 4), pos):
                return None  # "außer Acht", "die Elf": a noun, not a number
            num = _Num(pos, end, v, word=True)
        else:
            return None
        int_part, dec = str(num.low), None
    sm = _SCALE.match(text, num.end)
    scale = 1
    if sm is not None:
        scale = _SCALE_FORMS.get(sm.group("s").lower().rstrip("."), 1)
        num.end, num.scale = sm.end(), scale
    num.low = _to_number(int_part, dec, scale)
    return num


def _skip_to_unit(text: str, pos: int) -> tuple[str, int, int] | None:
    """The unit after an amount: a symbol, or the next noun past adjectives; (unit, begin, end)."""
    sym = _SYMBOL.match(text, pos)
    if sym is not None:
        name = sym.lastgroup or "u"
        return sym.group(name), sym.start(name), sym.end(name)
    steps = 0
    first = True
    while steps < 5:
        gap = _GAP.match(text, pos)
        if gap is None:
            return None
        w = _WORD.match(text, gap.end())
        if w is None:
            return None
        token = w.group()
        low = token.lower()
        if (token[0].isupper() and not token[0].isdigit()) or low in _UNIT_WORDS:
            return token, w.start(), w.end()
        if first and low in _PARTITIVE:  # partitive: "vier der Festnahmen"
            pass
        elif low in _FILLERS or low in _JOINERS:
            pass
        elif low in _NOT_ADJECTIVES or not low.endswith(_ADJECTIVE_ENDINGS) or token[0].isdigit():
            return None
        pos = w.end()
        steps += 1
        first = False
    return None


def _kind(unit: str | None) -> QuantityKind:
    if unit is None:
        return "count"
    u = unit.lower()
    if u in _PERCENT:
        return "percent"
    if u in _CURRENCIES or (_CURRENCY_ENDINGS and u.endswith(_CURRENCY_ENDINGS)):
        return "money"
    if u in _TIME_UNITS:
        return "duration"
    if u in _MEASURES:
        return "measure"
    return "count"


def _qualifiers(text: str, begin: int) -> tuple[int, list[str]]:
    """Qualifiers right before an amount ("jeweils rund"), outermost first, and where they start.

    Looked up by the last one to three words before ``begin`` (cheaper than a regex
    search that ends at ``begin``).
    """
    quals: list[str] = []
    for _ in range(3):
        lo = max(0, begin - 30)
        window = text[lo:begin].lower()
        if not window or not window[-1].isspace():
            break
        words = window.split()
        if not words or words[-1] not in _QUALIFIER_LAST:
            break
        hit = 0
        for k in (3, 2, 1):
            if len(words) >= k and " ".join(words[-k:]) in _QUALIFIER_WORDS:
                hit = k
                break
        if not hit:
            break
        pos = len(window)
        for _ in range(hit):  # back over ``hit`` words and the spaces after them
            while pos > 0 and window[pos - 1].isspace():
                pos -= 1
            while pos > 0 and not window[pos - 1].isspace():
                pos -= 1
        if pos == 0 and lo > 0 and not text[lo - 1].isspace():
            break  # the window cut a longer word ("Grund" is not "rund")
        quals.insert(0, " ".join(words[-hit:]))
        begin = lo + pos
    return begin, quals


def find_quantities(text: str, *, lang: str = "de") -> tuple[QuantityMention, ...]:
    """Find the amounts in ``text``, in text order and without overlaps.

    Args:
        text: the article text (offsets of the spans refer to it, unchanged).

    Returns:
        One :class:`QuantityMention` per amount.
    """
    if lang != LANG:
        other: tuple[QuantityMention, ...] = lang_data.stage_module(__name__, lang).find_quantities(text, lang=lang)
        return other
    out: list[QuantityMention] = []
    last = 0
    for pos in _candidates(text):
        if pos < last or (pos > 1 and text[pos - 1] in ".,: \u00a0\u202f\u2009" and text[pos - 2].isdigit()):
            continue  # inside an amount already read, or the "000" of "98.000" / "116 117"
        tok = _TOKEN.match(text, pos)
        if tok is None:  # pragma: no cover - candidates start tokens
            continue
        word = tok.group()
        if not word[0].isdigit():
            low = word.lower()
            if low[:3] not in _NUMBER_ROOTS and low not in _VAGUE and low not in _ARTICLE_ONE:
                continue
        mention = _quantity_at(text, pos, word, out)
        if mention is not None and _inverted(mention.quantity):
            continue  # "750 Milliarden – 390 Milliarden davon": a dash between two amounts, not a range
        if mention is not None:
            out.append(mention)
            last = mention.span.end
    return tuple(out)


def _inverted(q: Quantity) -> bool:
    return q.min_value is not None and q.max_value is not None and q.min_value > q.max_value


def _quantity_at(text: str, pos: int, word: str, before: list[QuantityMention]) -> QuantityMention | None:
    num = _read_number(text, pos, word)
    if num is None or _not_an_amount(text, num):
        return None
    start, quals = _qualifiers(text, num.begin)
    # A range: "130 bis 140", "zwei bis drei Millionen", "zwischen 100 und 200".
    rng = (_AND if "zwischen" in quals else _RANGE).match(text, num.end)
    if rng is not None and not num.vague:
        nxt = _WORD.match(text, rng.end())
        second = _read_number(text, rng.end(), nxt.group()) if nxt else None
        if second is not None and not second.vague and not second.article and not _not_an_amount(text, second):
            if second.scale > 1 and num.scale == 1 and num.low is not None:
                # "zwei bis drei Millionen": the scale belongs to both
                num.low = _times(num.low, second.scale)
                num.scale = second.scale
            num.high, num.end = second.low, second.end
            num.word = num.word and second.word
    unit_hit = _skip_to_unit(text, num.end)
    cur = _CURRENCY_BEFORE.search(text, max(0, num.begin - 4), num.begin) if not num.word else None
    if cur is not None and unit_hit is None:  # "€ 5", "$5"
        unit_hit, start = (cur.group("c"), cur.start(), cur.end()), min(start, cur.start())
        unit, end = cur.group("c"), num.end
    else:
        unit, end = (unit_hit[0], unit_hit[2]) if unit_hit else (None, num.end)
    if unit is not None and unit.lower() in _MONTH_WORDS:
        return None  # "3. Mai" slipped through as "3 Mai"? never an amount
    kind = _kind(unit)
    if num.article and not (num.scale > 1 or kind == "duration"):
        return None  # "eine Frau", "einer mehr"
    if unit is not None and _is_year_like(text, num, unit_hit, kind):
        return None
    inherited = False
    if unit is None and (num.word or num.vague is False):
        unit, inherited = _elliptic_unit(text, num.begin, before)
        kind = _kind(unit) if unit else kind
    if unit is None and num.word and num.scale == 1:
        return None  # "vier" alone: too often not an amount ("zu viert", "Acht geben"); "eine Million" is one
    if unit is None and _is_name_part(text, num):
        return None
    if unit is None and _is_year_like(text, num, None, kind):
        return None
    q_text = text[start : num.end]
    distributive = any(q in _EACH for q in quals)
    approximate = num.vague or any(q in _APPROX for q in quals)
    if num.vague:
        quantity = Quantity(min_value=num.low, unit=unit, text=q_text, approximate=True)
    elif num.high is not None:
        quantity = Quantity(min_value=num.low, max_value=num.high, unit=unit, text=q_text, approximate=approximate)
    elif any(q in _MIN for q in quals):
        quantity = Quantity(min_value=num.low, unit=unit, text=q_text, approximate=approximate)
    elif any(q in _MAX for q in quals):
        quantity = Quantity(max_value=num.low, unit=unit, text=q_text, approximate=approximate)
    else:
        quantity = Quantity(value=num.low, unit=unit, text=q_text, approximate=approximate)
    span_end = end if not inherited else num.end
    return QuantityMention(Span.of(text, start, span_end), quantity, kind, distributive, inherited)


def _not_an_amount(text: str, num: _Num) -> bool:
    """Ordinals, times, dates, numbered things."""
    after = text[num.end : num.end + 3]
    if num.scale == 1 and not num.word and not num.vague:
        # "7. Landtag", "am 4. September": an ordinal or a day, unless the text ends there;
        # "(45.)", "(69., 75.)": minutes of a match
        if after[:1] == "." and len(after) > 1:
            if after[1] in "),]" or (after[1] in " \u00a0" and len(after) > 2 and after[2].isalnum()):
                return True
    if _TIME_AFTER.match(text, num.end):
        return True  # "20 Uhr", "acht Uhr abends"
    if not num.word and text[num.begin] == "0" and num.end - num.begin > 1 and text[num.begin + 1].isdigit():
        return True  # "06217 Merseburg", "0341 …": a postcode or phone number
    before = text[max(0, num.begin - 16) : num.begin].rstrip()
    prev = before.replace("(", " ").rpartition(" ")[2].lower().rstrip(".") if before else ""
    if prev in _NUMBERED:
        return True  # "Artikel 5"
    if not num.word and _CLUB_PREFIX.search(text, max(0, num.begin - 7), num.begin):
        return True  # "TSV 1860 München", "FC 04"
    raw = text[num.begin : num.end]
    return prev in _MONTH_WORDS and len(raw) == 4 and raw.isdigit()  # "Juni 2012", not "Jänner 50 Hiebe"


# Sports clubs carry numbers in their names: "TSV 1860 München", "FC 04".
_CLUB_PREFIX = re.compile(
    r"(?<![\w-])(?:TSV|FC|SV|SC|VfB|VfL|FSV|TSG|SpVgg|BSC|SG|TuS|MSV|SSV|DJK|ESV|BV|RB|KSC|SSC|FK|AS|AC)\s$"
)
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:]\s)(?<![.!?:])\b(?P<w>[A-ZÄÖÜ][\w-]*)\s$")
_APPOSITION = re.compile(r"[A-ZÄÖÜ][\w-]*,\s$")


def _is_name_part(text: str, num: _Num) -> bool:
    """A number without unit that belongs to a name or is an age.

    "Querdenken 711", "Schlesische 27", "die Nummer 116 117" (right after a capitalised word
    inside a sentence), "Markus Heinrich, 31, und" (an age between commas after a name).
    """
    lo = max(0, num.begin - 40)
    cap = _CAPITALISED_BEFORE.search(text, lo, num.begin)
    if cap is not None and cap.group("w").lower() not in _MONTH_WORDS:  # "im Mai 120" is a count
        return True
    return bool(_APPOSITION.search(text, lo, num.begin)) and text.startswith(",", num.end)


def _is_year_like(text: str, num: _Num, unit_hit: tuple[str, int, int] | None, kind: QuantityKind) -> bool:
    """A bare 1900..2099 without grouping is a year unless a noun follows it directly.

    After a year cue ("seit 2013 Präsident") only a money, percent or measure unit
    makes it an amount ("ab 2000 Euro").
    """
    raw = text[num.begin : num.end]
    if not (len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2099) or num.high is not None:
        return False
    if unit_hit is None:
        return not _THRESHOLD_BEFORE.search(text, max(0, num.begin - 30), num.begin)
    if kind in ("count", "duration") and _YEAR_CUE_BEFORE.search(text, max(0, num.begin - 16), num.begin):
        return True
    return text[num.end : unit_hit[1]].strip() != ""  # "2013 gegründete AfD" (adjective between)


def _elliptic_unit(text: str, begin: int, before: list[QuantityMention]) -> tuple[str | None, bool]:
    """The unit of the previous amount in the same sentence, for "…, zehn in Argentinien"."""
    if not before:
        return None, False
    prev = before[-1]
    if prev.quantity.unit is None or prev.span.end > begin or begin - prev.span.end > 60:
        return None, False
    gap = text[prev.span.end : begin]
    if _SENTENCE_BREAK.search(gap) or not _ENUMERATION.search(gap):
        return None, False
    return prev.quantity.unit, True
