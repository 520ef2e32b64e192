"""Language knowledge as data: gazetteers and word lists read from ``kgbuild/lang/<code>/``.

Everything German lives in ``lang/de/`` as TSV and plain-text files (a second language is a new folder
with the same files). :func:`load` reads them once, through :mod:`importlib.resources`, into frozen
dataclasses and read-only mappings, and caches the result:

>>> de = load("de")
>>> de.country_forms["Russen"].code
'RU'
>>> de.speech_verb("sagte", "zu").speech_act
'Promise'

Generated files (``countries.tsv``, ``places.tsv``, ``titles.tsv``, ``speech_verbs.tsv``,
``first_names.tsv``) come from ``tools/make_gazetteers.py``; their headers name their sources.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Literal

from kgbuild.errors import KgbuildError

__all__ = [
    "AttributionPhrase",
    "Country",
    "CountryForm",
    "Language",
    "LanguageDataError",
    "Org",
    "Person",
    "Place",
    "Pronoun",
    "QuoteRules",
    "SpeechVerb",
    "TextRules",
    "Title",
    "available",
    "has_file",
    "load",
    "month_names",
    "numbers",
    "stage_module",
    "word_lists",
    "words",
    "read_text",
    "register",
    "text_rules",
    "weekday_names",
]

#: Endings of a German attributive adjective: russisch, russische, russischen, russischer ...
ADJECTIVE_ENDINGS: tuple[str, ...] = ("", "e", "en", "er", "es", "em")

OrgKind = Literal[
    "agency",
    "newspaper",
    "broadcaster",
    "magazine",
    "igo",
    "ngo",
    "party",
    "government",
    "company",
    "institution",
]
ORG_KINDS: frozenset[str] = frozenset(OrgKind.__args__)  # type: ignore[attr-defined]
SPEECH_ACTS: frozenset[str] = frozenset(
    {"Statement", "Confirmation", "Denial", "Announcement", "Promise", "Demand", "Criticism", "Report"}
)
CountryRole = Literal["name", "genitive", "adjective", "demonym"]


class LanguageDataError(KgbuildError):
    """A language data file is missing or malformed (a packaging or editing mistake)."""


@dataclass(frozen=True)
class Country:
    """A sovereign state or territory of ISO 3166-1 and the ways German names it."""

    code: str  # ISO 3166-1 alpha-2: "RU"
    wikidata: str  # "Q159"
    names: tuple[str, ...]  # preferred first: ("Russland", "Russische Föderation")
    genitives: tuple[str, ...] = ()  # ("Russlands",)
    adjectives: tuple[str, ...] = ()  # stems: ("russisch",)
    demonyms: tuple[str, ...] = ()  # masc. sg., plural, fem. sg., fem. pl., other case forms
    capitals: tuple[str, ...] = ()  # German name(s) of the capital, preferred first

    @property
    def name(self) -> str:
        """The preferred German name."""
        return self.names[0]

    @property
    def qid(self) -> str:
        """The Wikidata QID (alias of :attr:`wikidata`)."""
        return self.wikidata

    @property
    def capital(self) -> str | None:
        """The capital's preferred German name, if the country has one."""
        return self.capitals[0] if self.capitals else None

    def adjective_forms(self) -> Iterator[str]:
        """Every inflected adjective form: russisch, russische, russischen, russischer, ..."""
        for stem in self.adjectives:
            for ending in ADJECTIVE_ENDINGS:
                yield stem + ending


@dataclass(frozen=True)
class CountryForm:
    """What a word form says about a country: which one, and as what (name, adjective ...)."""

    code: str
    role: CountryRole


@dataclass(frozen=True)
class Place:
    """A city or a region, with the German name news uses."""

    name: str  # "Moskau"
    alt_names: tuple[str, ...]  # ("Moscow",)
    country_code: str  # "RU"
    kind: Literal["city", "region"]
    population: int | None = None
    geonames_id: int | None = None
    iso_code: str | None = None  # ISO 3166-2 for regions: "DE-BY"
    ambiguous: bool = False  # also a common word or given name ("Essen", "Halle"): ask for context
    adjectives: tuple[str, ...] = ()  # "Moskauer", "Pekinger": capitalised and indeclinable

    @property
    def names(self) -> tuple[str, ...]:
        """The German name followed by the other names."""
        return (self.name, *self.alt_names)


@dataclass(frozen=True)
class Org:
    """An organisation: news agency, outlet, international body, party, government metonym ..."""

    name: str  # "Agence France-Presse"
    aliases: tuple[str, ...]  # ("AFP", "afp")
    kind: OrgKind
    country: str | None = None  # ISO alpha-2 of the seat
    wikidata: str | None = None
    ambiguous_aliases: tuple[str, ...] = ()  # also everyday words or shared: ("Zeit",)

    @property
    def qid(self) -> str | None:
        """The Wikidata QID (alias of :attr:`wikidata`)."""
        return self.wikidata

    @property
    def country_code(self) -> str | None:
        """The seat's ISO alpha-2 code (alias of :attr:`country`)."""
        return self.country

    @property
    def is_outlet(self) -> bool:
        """True for news agencies, newspapers, broadcasters and magazines."""
        return self.kind in ("agency", "newspaper", "broadcaster", "magazine")


@dataclass(frozen=True)
class Person:
    """A well-known person (optional, small list)."""

    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Title:
    """An office, rank or role ("Außenminister") with all its inflected forms."""

    base: str  # masculine lemma (or the only one)
    feminine: str | None
    forms: tuple[str, ...]  # every case and number of both genders
    category: str  # minister, spokesperson, media, ...
    compound: bool = False  # also a compound head: "Kreml-Sprecher", "Kremlsprecher", "Parteichef"


@dataclass(frozen=True)
class SpeechVerb:
    """One form of a verb of saying, keyed by (form, particle)."""

    form: str  # "wies"
    particle: str  # "zurück" for "wies ... zurück"; "" when none or already joined
    lemma: str  # "zurückweisen"
    speech_act: str  # a kg: SpeechAct local name: "Denial"
    tenses: tuple[str, ...]  # ("past", "subjunctive2")


@dataclass(frozen=True)
class AttributionPhrase:
    """A fixed attribution frame: "laut X", "X zufolge", "nach Angaben X", "nach eigenen Angaben"."""

    pattern: str  # with X for the source, V for any speech verb, "a|b" for either word
    position: Literal["before", "after", "between", "subject", "possessive", "none"]  # where the source stands
    speech_act: str  # a kg: speech act, or "verb" (that of the speech verb at V)
    relay: Literal["frame", "verb"] = "frame"  # who only relays when a speech verb has another subject
    clause: bool = False  # the frame needs a content clause

    @property
    def words(self) -> tuple[str, ...]:
        """The cue words without the source slot: ("nach", "Angaben")."""
        return tuple(w for w in self.pattern.split() if w != "X")


@dataclass(frozen=True)
class Pronoun:
    """A pronoun form and what it can agree with."""

    form: str
    kinds: tuple[str, ...]  # personal, possessive, reflexive, demonstrative
    genders: tuple[str, ...]  # m, f, n, pl
    cases: tuple[str, ...]


@dataclass(frozen=True)
class Language:
    """All knowledge of one language, loaded by :func:`load`. Mappings are read-only."""

    code: str
    countries: tuple[Country, ...]
    places: tuple[Place, ...]
    organizations: tuple[Org, ...]
    persons: tuple[Person, ...]
    titles: tuple[Title, ...]
    speech_verbs: tuple[SpeechVerb, ...]
    attribution_phrases: tuple[AttributionPhrase, ...]
    first_names: frozenset[str]
    months: Mapping[str, int]  # "Januar", "Jänner", "Jan." -> 1
    weekdays: Mapping[str, int]  # "Montag", "Mo." -> 0 (date.weekday())
    negation: frozenset[str]
    pronouns: Mapping[str, Pronoun]
    stop_capitalised: frozenset[str]

    # Indexes are built on first use (functools.cached_property writes to the instance __dict__, which a
    # frozen dataclass allows), so load() stays cheap for callers that only iterate the tuples.
    @cached_property
    def country_by_code(self) -> Mapping[str, Country]:
        """ISO alpha-2 code -> country."""
        return MappingProxyType({c.code: c for c in self.countries})

    @cached_property
    def country_forms(self) -> Mapping[str, CountryForm]:
        """Every name, genitive, adjective form and demonym form -> its country and role."""
        return MappingProxyType(_country_forms(self.countries))

    @cached_property
    def places_by_name(self) -> Mapping[str, tuple[Place, ...]]:
        """Every place name and alternate name -> the places so named, most populous first."""
        return MappingProxyType(_places_by_name(self.places))

    @cached_property
    def first_name_genders(self) -> Mapping[str, str]:
        """Given name -> m, f or u (unisex or unknown)."""
        return first_name_genders(self.code)

    @cached_property
    def place_adjectives(self) -> Mapping[str, Place]:
        """Every place-derived adjective ("Moskauer") -> its place."""
        return MappingProxyType({a: p for p in self.places for a in p.adjectives})

    @cached_property
    def org_by_alias(self) -> Mapping[str, Org]:
        """Every organisation name and alias (ambiguous ones last) -> the organisation."""
        return MappingProxyType(_org_by_alias(self.organizations))

    @cached_property
    def title_by_form(self) -> Mapping[str, Title]:
        """Every inflected form of a title -> the title."""
        index: dict[str, Title] = {}
        for t in self.titles:
            for form in (t.base, *t.forms):
                index.setdefault(form, t)
        return MappingProxyType(index)

    @cached_property
    def speech_verb_by_key(self) -> Mapping[tuple[str, str], SpeechVerb]:
        """(form, particle) -> the verb of saying."""
        return MappingProxyType({(v.form, v.particle): v for v in self.speech_verbs})

    def country(self, code: str) -> Country:
        """The country with ISO alpha-2 ``code`` (case-insensitive); KeyError if unknown."""
        return self.country_by_code[code.upper()]

    def lookup_country(self, form: str) -> CountryForm | None:
        """Which country a name, genitive, adjective form or demonym refers to ("Russen" -> RU)."""
        found = self.country_forms.get(form)
        if found is None and form[:1].isupper():  # "Russische" at a sentence start
            found = self.country_forms.get(form[:1].lower() + form[1:])
            if found is not None and found.role != "adjective":
                found = None
        return found

    def lookup_places(self, name: str) -> tuple[Place, ...]:
        """Places with this name or alternate name, most populous first."""
        return self.places_by_name.get(name, ())

    def lookup_org(self, alias: str) -> Org | None:
        """The organisation with this name or alias (ambiguous aliases included)."""
        return self.org_by_alias.get(alias)

    def speech_verb(self, form: str, particle: str = "") -> SpeechVerb | None:
        """The verb of saying for a form and its separated particle ("sagte", "zu" -> zusagen)."""
        return self.speech_verb_by_key.get((form, particle))


# --------------------------------------------------------------------------------------------------
# Reading the files
# --------------------------------------------------------------------------------------------------


#: Language packs outside the package: code -> folder (see :func:`register`).
_EXTRA: dict[str, Traversable] = {}


def register(lang: str, folder: str | os.PathLike[str]) -> None:
    """Use the files in ``folder`` as the pack of language ``lang`` (a pack outside the package).

    A pack is a folder with the same files as ``lang/de/``. Caches of an earlier pack of that code are
    cleared.
    """
    if not lang.isalpha():
        raise LanguageDataError(f"bad language code {lang!r}")
    _EXTRA[lang] = Path(folder)
    for cached in _CACHES:
        cached.cache_clear()
    for key in [k for k in _STAGE_COPIES if k[1] == lang]:
        del _STAGE_COPIES[key]


def _folder(lang: str) -> Traversable:
    if lang in _EXTRA:
        return _EXTRA[lang]
    return resources.files(__name__).joinpath(lang)


def available() -> tuple[str, ...]:
    """The language codes that have a data folder."""
    root = resources.files(__name__)
    codes = {p.name for p in root.iterdir() if p.is_dir() and p.joinpath("countries.tsv").is_file()}
    return tuple(sorted(codes | set(_EXTRA)))


def has_file(lang: str, name: str) -> bool:
    """Does the pack of ``lang`` hold the file ``name``?"""
    return _folder(lang).joinpath(name).is_file()


def read_text(lang: str, name: str) -> str:
    """The text of the data file ``name`` of language ``lang``: the one way stages read language data.

    Raises:
        LanguageDataError: the file is missing.
    """
    try:
        return _folder(lang).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise LanguageDataError(f"lang/{lang}/{name}: missing") from exc


_text = read_text


def _lines(lang: str, name: str) -> list[str]:
    """Non-empty, non-comment lines of a plain-text list."""
    return [ln.strip() for ln in _text(lang, name).splitlines() if ln.strip() and not ln.startswith("#")]


def _table(lang: str, name: str, columns: tuple[str, ...]) -> list[list[str]]:
    """The rows of a TSV (``#`` comments, then a header line naming ``columns``), cells in that order.

    Rows are plain lists rather than dicts: the big files (first names, places) load several times faster.
    """
    lines = [ln for ln in _text(lang, name).split("\n") if ln and ln[0] != "#"]
    if not lines:
        raise LanguageDataError(f"lang/{lang}/{name}: no header line")
    header = tuple(lines[0].split("\t"))
    if header != columns:
        raise LanguageDataError(f"lang/{lang}/{name}: columns {header}, expected {columns}")
    width = len(columns)
    rows = [ln.split("\t") for ln in lines[1:]]
    if set(map(len, rows)) - {width}:  # checked in C first; the loop below only names the bad line
        for number, cells in enumerate(rows, start=2):
            if len(cells) != width:
                raise LanguageDataError(f"lang/{lang}/{name}: data line {number}: {len(cells)} cells, expected {width}")
    return rows


def table(lang: str, name: str, columns: tuple[str, ...]) -> list[list[str]]:
    """The rows of a TSV data file whose header names ``columns``, cells in that order.

    Raises:
        LanguageDataError: the file is missing or its header or a row does not fit ``columns``.
    """
    return _table(lang, name, columns)


@lru_cache(maxsize=8)
def first_name_genders(lang: str) -> Mapping[str, str]:
    """Given name -> m, f or u (unisex or unknown), from ``first_names.tsv``; empty when the pack has none.

    Read on its own, so that a stage needing only genders does not load the whole pack.
    """
    if not has_file(lang, "first_names.tsv"):
        return MappingProxyType({})
    return MappingProxyType(dict(_table(lang, "first_names.tsv", ("name", "gender"))))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(item for item in cell.split("|") if item)


def _countries(lang: str) -> tuple[Country, ...]:
    columns = ("code", "qid", "names", "genitives", "adjectives", "demonyms", "capital")
    return tuple(
        Country(code, qid, _split(names), _split(gen), _split(adj), _split(dem), _split(cap))
        for code, qid, names, gen, adj, dem, cap in _table(lang, "countries.tsv", columns)
    )


_PLACE_FIELDS = ("name", "alt_names", "country_code", "kind", "population", "geonames_id", "iso_code", "ambiguous",
                 "adjectives")  # fmt: skip


def _places(lang: str) -> tuple[Place, ...]:
    columns = (
        "name",
        "alt_names",
        "country",
        "kind",
        "population",
        "geonames_id",
        "iso_code",
        "ambiguous",
        "adjectives",
    )
    rows = _table(lang, "places.tsv", columns)
    if set(_PLACE_FIELDS) != {f.name for f in fields(Place)}:  # guards the shortcut below
        raise LanguageDataError("Place fields changed: update _PLACE_FIELDS")
    out = []
    new = object.__new__
    for name, alts, country, kind, population, geonames_id, iso_code, ambiguous, adjectives in rows:
        if kind != "city" and kind != "region":
            raise LanguageDataError(f"lang/{lang}/places.tsv: {name}: bad kind {kind!r}")
        # Eight thousand places: filling __dict__ directly is twice as fast as the frozen dataclass's
        # __init__ (one object.__setattr__ per field) and builds the same, equal, immutable objects.
        place = new(Place)
        place.__dict__.update(
            zip(
                _PLACE_FIELDS,
                (
                    name,
                    _split(alts),
                    country,
                    kind,
                    int(population) if population else None,
                    int(geonames_id) if geonames_id else None,
                    iso_code or None,
                    ambiguous == "1",
                    _split(adjectives),
                ),
                strict=True,
            )
        )
        out.append(place)
    return tuple(out)


def _organizations(lang: str) -> tuple[Org, ...]:
    out = []
    for name, alias_cell, kind, country, qid in _table(
        lang, "organizations.tsv", ("name", "aliases", "kind", "country", "wikidata")
    ):
        if kind not in ORG_KINDS:
            raise LanguageDataError(f"lang/{lang}/organizations.tsv: {name}: bad kind {kind!r}")
        aliases = _split(alias_cell)
        out.append(
            Org(
                name,
                tuple(a for a in aliases if a[0] != "?"),
                kind,  # type: ignore[arg-type]
                country or None,
                qid or None,
                tuple(a[1:] for a in aliases if a[0] == "?"),
            )
        )
    return tuple(out)


def _persons(lang: str) -> tuple[Person, ...]:
    if not has_file(lang, "persons.tsv"):
        return ()  # optional
    return tuple(
        Person(name, _split(aliases), qid or None, country or None, role or None)
        for name, aliases, qid, country, role in _table(
            lang, "persons.tsv", ("name", "aliases", "wikidata", "country", "role")
        )
    )


def _titles(lang: str) -> tuple[Title, ...]:
    return tuple(
        Title(base, feminine or None, _split(forms), category, compound == "1")
        for base, feminine, forms, category, compound in _table(
            lang, "titles.tsv", ("base", "feminine", "forms", "category", "compound_suffix")
        )
    )


def _speech_verbs(lang: str) -> tuple[SpeechVerb, ...]:
    out = []
    for form, particle, lemma, act, tenses in _table(
        lang, "speech_verbs.tsv", ("form", "particle", "lemma", "speech_act", "tenses")
    ):
        if act not in SPEECH_ACTS:
            raise LanguageDataError(f"lang/{lang}/speech_verbs.tsv: {form}: bad speech act {act!r}")
        out.append(SpeechVerb(form, particle, lemma, act, _split(tenses)))
    return tuple(out)


def _attribution_phrases(lang: str) -> tuple[AttributionPhrase, ...]:
    out = []
    for pattern, position, act, relay, clause, _note in _table(
        lang, "attribution_phrases.tsv", ("pattern", "source", "speech_act", "relay", "clause", "note")
    ):
        if position not in ("before", "after", "between", "subject", "possessive", "none") \
                or (act not in SPEECH_ACTS and act != "verb") or relay not in ("frame", "verb") \
                or clause not in ("yes", "no") \
                or ("X" in pattern.split()) != (position in ("before", "after", "between")):
            raise LanguageDataError(f"lang/{lang}/attribution_phrases.tsv: {pattern}: bad row")
        out.append(AttributionPhrase(pattern, position, act, relay, clause == "yes"))  # type: ignore[arg-type]
    return tuple(out)


def _first_names(lang: str) -> frozenset[str]:
    # The biggest file (50,000 lines): take the first column with one regular expression instead of
    # splitting every row; genders are read on demand (Language.first_name_genders).
    text = _text(lang, "first_names.tsv")
    names = _FIRST_COLUMN.findall(text)
    if not names or names[0] != "name":
        raise LanguageDataError(f"lang/{lang}/first_names.tsv: no header line")
    return frozenset(names[1:])


_FIRST_COLUMN = re.compile(r"^([^#\t\n][^\t\n]*)\t", re.MULTILINE)


def _numbered(lang: str, name: str) -> Mapping[str, int]:
    return MappingProxyType(
        {n: int(number) for number, names in _table(lang, name, ("number", "names")) for n in _split(names)}
    )


def _pronouns(lang: str) -> Mapping[str, Pronoun]:
    return MappingProxyType(
        {
            form: Pronoun(form, _split(kind), _split(gender), _split(case))
            for form, kind, gender, case in _table(lang, "pronouns.tsv", ("form", "kind", "gender", "case"))
        }
    )


# --------------------------------------------------------------------------------------------------
# Indexes
# --------------------------------------------------------------------------------------------------


def _country_forms(countries: tuple[Country, ...]) -> dict[str, CountryForm]:
    forms: dict[str, CountryForm] = {}
    for c in countries:
        for role, words in (
            ("name", c.names),
            ("genitive", c.genitives),
            ("adjective", tuple(c.adjective_forms())),
            ("demonym", c.demonyms),
        ):
            for word in words:
                # The generator keeps forms unique across countries; within one country a name wins.
                forms.setdefault(word, CountryForm(c.code, role))  # type: ignore[arg-type]
    return forms


def _places_by_name(places: tuple[Place, ...]) -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[Place]] = {}
    for p in places:
        for n in dict.fromkeys(p.names):  # a place whose alternate name repeats its name counts once
            index.setdefault(n, []).append(p)
    return {n: tuple(sorted(ps, key=lambda p: -(p.population or 0))) for n, ps in index.items()}


def _org_by_alias(orgs: tuple[Org, ...]) -> dict[str, Org]:
    index: dict[str, Org] = {}
    for o in orgs:  # names and plain aliases first, so a shared ambiguous alias never hides a name
        for alias in (o.name, *o.aliases):
            index.setdefault(alias, o)
    for o in orgs:
        for alias in o.ambiguous_aliases:
            index.setdefault(alias, o)
    return index


@lru_cache(maxsize=8)
def load(lang: str = "de") -> Language:
    """Read the data of language ``lang`` (cached: the files are parsed once per process).

    Raises:
        LanguageDataError: the folder or a file is missing, or a row is malformed.
    """
    if not lang.isalpha():
        raise LanguageDataError(f"bad language code {lang!r}")
    return Language(
        code=lang,
        countries=_countries(lang),
        places=_places(lang),
        organizations=_organizations(lang),
        persons=_persons(lang),
        titles=_titles(lang),
        speech_verbs=_speech_verbs(lang),
        attribution_phrases=_attribution_phrases(lang),
        first_names=_first_names(lang),
        months=_numbered(lang, "months.tsv"),
        weekdays=_numbered(lang, "weekdays.tsv"),
        negation=frozenset(_lines(lang, "negation.txt")),
        pronouns=_pronouns(lang),
        stop_capitalised=frozenset(_lines(lang, "stop_capitalised.txt")),
    )


# --------------------------------------------------------------------------------------------------
# Text rules: what segmentation, tokenisation and the quote scanner need (small, read on their own)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteRules:
    """The quotation marks of a language (``quotes.tsv``)."""

    closers: Mapping[str, str]  # opening mark -> the marks that close it
    single: Mapping[str, bool]  # opening mark -> is it a single mark (‚ ' ›)?
    pattern: re.Pattern[str]  # any mark

    @cached_property
    def openers_only(self) -> tuple[str, ...]:
        """The marks that only open a quote („ ‚ in German): a line that ends with one goes on."""
        closing = {c for cs in self.closers.values() for c in cs}
        return tuple(sorted(set(self.closers) - closing))

    @classmethod
    def parse(cls, rows: list[list[str]]) -> QuoteRules:
        closers = {o: "".join(_split(c)) for o, c, _k in rows}
        single = {o: k == "single" for o, _c, k in rows}
        marks = set(closers) | {c for cs in closers.values() for c in cs}
        return cls(MappingProxyType(closers), MappingProxyType(single),
                   re.compile("[" + re.escape("".join(sorted(marks))) + "]"))


@dataclass(frozen=True)
class TextRules:
    """Abbreviations, quotation marks and the words that never end a line of a sentence."""

    code: str
    abbreviations: frozenset[str]  # with their period: "bzw.", "Dr."
    quotes: QuoteRules
    continuation_words: frozenset[str]  # lower-case: "der", "und", "hat"
    byline_words: tuple[str, ...]  # words that open a byline: "Von", "Autor:"


@lru_cache(maxsize=8)
def text_rules(lang: str = "de") -> TextRules:
    """The text rules of ``lang`` (cached; cheap: three short files)."""
    if not lang.isalpha():
        raise LanguageDataError(f"bad language code {lang!r}")
    quotes = _table(lang, "quotes.tsv", ("open", "close", "kind"))
    return TextRules(
        code=lang,
        abbreviations=frozenset(_lines(lang, "abbreviations.txt")),
        quotes=QuoteRules.parse(quotes),
        continuation_words=frozenset(w.lower() for w in _lines(lang, "continuation_words.txt")),
        byline_words=tuple(_lines(lang, "byline_words.txt")) if has_file(lang, "byline_words.txt") else (),
    )



# --------------------------------------------------------------------------------------------------
# Word lists of the stages (quantities, dates, claims): one file per stage, rows "list, word, value"
# --------------------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def attribution_phrases(lang: str) -> tuple[AttributionPhrase, ...]:
    """The attribution frames of a language (none when its folder has no attribution_phrases.tsv)."""
    return _attribution_phrases(lang) if has_file(lang, "attribution_phrases.tsv") else ()


@lru_cache(maxsize=8)
def participles(lang: str) -> frozenset[str]:
    """The past participles of the speech verbs ("mitgeteilt", "erklärt"); none without speech_verbs.tsv."""
    if not has_file(lang, "speech_verbs.tsv"):
        return frozenset()
    return frozenset(v.form for v in _speech_verbs(lang) if "participle" in v.tenses)


@lru_cache(maxsize=32)
def word_lists(lang: str, name: str) -> Mapping[str, Mapping[str, str]]:
    """The lists of a word-list file (``list<TAB>word<TAB>value`` rows): list -> word -> value.

    Words keep the file's order; a list the file does not have is empty. A missing file gives no lists:
    a language pack may leave a stage's words out, and the stage then finds nothing.
    """
    if not has_file(lang, name):
        return MappingProxyType({})
    lists: dict[str, dict[str, str]] = {}
    for list_name, word, value in _table(lang, name, ("list", "word", "value")):
        lists.setdefault(list_name, {})[word] = value
    return MappingProxyType({k: MappingProxyType(v) for k, v in lists.items()})


def words(lang: str, name: str, list_name: str) -> frozenset[str]:
    """The words of one list of a word-list file (empty when there is none)."""
    return frozenset(word_lists(lang, name).get(list_name, {}))


@lru_cache(maxsize=32)
def endings(lang: str, name: str, list_name: str) -> tuple[tuple[str, str], ...]:
    """One list of a word-list file as (ending, value) pairs, longest ending first (ties alphabetical), for
    a first-match lookup by suffix ("amt" -> "n" before "t" -> …)."""
    table = word_lists(lang, name).get(list_name, {})
    return tuple(sorted(table.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def numbers(lang: str, name: str, list_name: str) -> dict[str, int]:
    """One list of a word-list file as word -> integer value."""
    return {w: int(v) for w, v in word_lists(lang, name).get(list_name, {}).items()}


_STAGE_COPIES: dict[tuple[str, str], ModuleType] = {}


def stage_module(name: str, lang: str) -> ModuleType:
    """The stage module ``name`` built for language ``lang`` (once per process).

    dates and quantities compile their patterns from their language's word lists when they are
    imported, for the default language (their ``LANG``). Another language gets its own instance
    of the module, executed with ``LANG`` set to that language, so that its patterns come from
    that language's folder and nothing German leaks into it.
    """
    key = (name, lang)
    if key not in _STAGE_COPIES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:  # pragma: no cover - our own modules
            raise LanguageDataError(f"no module {name}")
        module = importlib.util.module_from_spec(spec)
        module.__dict__["LANG"] = lang
        spec.loader.exec_module(module)
        _STAGE_COPIES[key] = module
    return _STAGE_COPIES[key]


@lru_cache(maxsize=8)
def month_names(lang: str) -> Mapping[str, int]:
    """Month names and abbreviations, lower-case and without their period -> 1..12 (``months.tsv``)."""
    if not has_file(lang, "months.tsv"):
        return MappingProxyType({})
    return MappingProxyType({k.lower().rstrip("."): v for k, v in _numbered(lang, "months.tsv").items()})


@lru_cache(maxsize=8)
def weekday_names(lang: str) -> Mapping[str, int]:
    """Weekday names and abbreviations, lower-case and without their period -> 0 (Monday) .. 6."""
    if not has_file(lang, "weekdays.tsv"):
        return MappingProxyType({})
    return MappingProxyType({k.lower().rstrip("."): v for k, v in _numbered(lang, "weekdays.tsv").items()})


_CACHES = (load, text_rules, word_lists, month_names, weekday_names, first_name_genders)
