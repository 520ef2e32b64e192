"""Typed, frozen objects handed between the pipeline's stages.

Extraction produces a :class:`Document`; the claims document (YAML) is its
serialised form; :mod:`kgbuild.rdf` maps it to the graph of the query contract
(../shared/docs/DATA_MODEL.md). Nothing here imports rdflib.

Objects refer to each other by *key*: an entity's key is the readable path of its
IRI below ``https://w3id.org/kgbuild/id/`` (``"person/sauli-niinistoe"``,
``"country/kz"``), so the same real entity gets the same key, and the same IRI,
in every article. Positions, events and claims are keyed within their article.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Literal

EntityKind = Literal["person", "country", "place", "organization"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "country", "place", "organization")


class SpeechAct(str, Enum):
    """The kind of speech act a claim reports (SKOS concepts ``kg:<value>``)."""

    STATEMENT = "Statement"
    CONFIRMATION = "Confirmation"
    DENIAL = "Denial"
    ANNOUNCEMENT = "Announcement"
    PROMISE = "Promise"
    DEMAND = "Demand"
    CRITICISM = "Criticism"
    REPORT = "Report"


class DateResolution(str, Enum):
    """How a date was resolved (recorded in the graph as ``kg:dateResolution``)."""

    EXPLICIT = "Explicit"  # day, month and year written in the text ("27. September 2022")
    PUBLISHED = "Published"  # day and month in the text, year from the publication date
    WEEKDAY = "Weekday"  # day and month in the text, year fixed by the weekday beside them
    ANCHORED = "Anchored"  # year taken from another date in the same text
    RELATIVE = "Relative"  # "am Montag", "vergangene Woche": counted from the article's date
    GIVEN = "Given"  # given by the user (``--published``) or an editor


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the article text: Unicode code points, ``end`` exclusive."""

    begin: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.begin < 0 or self.end < self.begin:
            raise ValueError(f"bad span offsets {self.begin}..{self.end}")
        if len(self.text) != self.end - self.begin:
            raise ValueError(f"span text length differs from offsets {self.begin}..{self.end}")

    @classmethod
    def of(cls, text: str, begin: int, end: int) -> Span:
        """The span ``text[begin:end]``."""
        return cls(begin, end, text[begin:end])


@dataclass(frozen=True)
class DateValue:
    """A date as far as the text resolves it: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    value: str
    resolution: DateResolution = DateResolution.EXPLICIT
    text: str | None = None  # the words that gave it ("am Dienstag (27. September)")

    @property
    def precision(self) -> Literal["day", "month", "year"]:
        n = self.value.count("-")
        return "day" if n == 2 else "month" if n == 1 else "year"


@dataclass(frozen=True)
class Quantity:
    """An amount an event reports: exact ``value`` or bounds ("mehr als 1000" = min 1000)."""

    value: float | None = None
    min_value: float | None = None
    max_value: float | None = None
    unit: str | None = None  # "Russen", "Menschen"
    text: str | None = None  # as written: "rund 98.000"
    approximate: bool = False


@dataclass(frozen=True)
class Entity:
    """A person, sovereign state, place or organisation: one node per real entity."""

    key: str  # "person/sauli-niinistoe"; see the module docstring
    kind: EntityKind
    name: str  # the fullest form the article uses
    alternate_names: tuple[str, ...] = ()
    country_code: str | None = None  # ISO 3166-1 alpha-2, countries only
    wikidata: str | None = None  # "Q232"
    contained_in: str | None = None  # key of the country a place lies in
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Position:
    """An office: its title as the article names it, whose office it is, and who holds it."""

    key: str  # unique within the document, e.g. "position/praesident-kz"
    title: str
    of: str | None = None  # key of a country or organisation
    holder: str | None = None  # key of a person; None when the article leaves it unnamed
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Event:
    """Something the article reports as having happened."""

    key: str  # unique within the document, e.g. "event/1"
    types: tuple[str, ...]  # local names in the kg: event taxonomy: ("Mobilization",)
    name: str
    span: Span
    start: DateValue | None = None
    end: DateValue | None = None
    locations: tuple[str, ...] = ()  # entity keys
    agents: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True)
class Referent:
    """How a pronoun or description in a source slot was resolved to its speaker, and why
    (:mod:`kgbuild.speakers`): the words as written, the entity key, the score and the features that fired."""

    span: Span  # the pronoun or description as written ("sie", "der CDU-Politiker")
    key: str  # the person's entity key
    score: float
    evidence: tuple[str, ...]  # ("gender_agrees", "current_speaker")


@dataclass(frozen=True)
class Claim:
    """A statement the article attributes to someone other than its author."""

    key: str  # unique within the document, e.g. "claim/3"
    claimants: tuple[str, ...]  # keys of persons, organisations, countries or positions
    text: str  # the reported content, without the attribution frame
    span: Span  # the evidence: the sentence(s) that carry the claim
    speech_act: SpeechAct = SpeechAct.STATEMENT
    cue: str | None = None  # "bestätigte", "laut", "nach Angaben"
    quote: str | None = None  # the verbatim direct quote, without quote marks
    reported_by: tuple[str, ...] = ()  # keys of outlets
    stated_on: DateValue | None = None
    negative: bool = False
    about: tuple[str, ...] = ()  # keys of entities or events
    referent: Referent | None = None  # how the first claimant was found, when a pronoun or description named it


@dataclass(frozen=True)
class Article:
    """The input article and what its structure tells about it."""

    text: str
    headline: str | None = None
    headline_span: Span | None = None
    authors: tuple[str, ...] = ()  # keys of person entities
    published: DateValue | None = None
    language: str = "de"
    source: str | None = None  # the file name it was read from
    url: str | None = None

    @cached_property
    def content_hash(self) -> str:
        """A stable id of the text: the first 16 hex digits of its SHA-256 (computed once)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """Everything extracted from (or written by hand about) one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    positions: tuple[Position, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)  # warnings from extraction

    def entity(self, key: str) -> Entity | None:
        """The entity with this key, if any."""
        for e in self.entities:
            if e.key == key:
                return e
        return None


# ---------------------------------------------------------------- structure
BlockRole = Literal["headline", "byline", "heading", "caption", "lead", "body", "credit"]


@dataclass(frozen=True)
class Block:
    """A line-level block of the article: headline, byline, sub-heading, caption, lead or body paragraph."""

    span: Span
    role: BlockRole
    index: int  # position among the article's blocks


@dataclass(frozen=True)
class Sentence:
    """A sentence, kept whole across a direct quote that holds several sentences."""

    span: Span
    block: int  # index of its Block
    role: BlockRole


@dataclass(frozen=True)
class Structure:
    """What segmentation finds: blocks, sentences, and the article's frame."""

    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    headline: Span | None = None
    authors: tuple[Span, ...] = ()  # names in the byline
    dateline: Span | None = None  # "Oslo – ", "Kassel (Deutschland), 14.03.2019 – "
    credits: tuple[Span, ...] = ()  # "© dpa", a closing "(dpa)"
    signoff: Span | None = None  # an author's initials at the end: "(con)"


# ----------------------------------------------------------------- mentions
MentionRole = Literal["name", "genitive", "adjective", "demonym", "acronym", "metonym", "pronoun"]


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names (or, for a pronoun, refers to) an entity."""

    span: Span
    kind: EntityKind
    name: str  # the form as a name: "Putin" for "Putins", "Russland" for "russischen"
    key: str | None = None  # the entity key when a gazetteer or an earlier mention links it
    role: MentionRole = "name"
    sentence: int = -1  # index of the sentence it stands in


@dataclass(frozen=True)
class TitleMention:
    """An office or role named in the text ("Kreml-Sprecher", "Außenministerin", "Präsident")."""

    span: Span
    title: str  # base form as written minus inflection: "Sprecher", "Außenministerin"
    of_hint: str | None = None  # a compound's first part or a word naming whose office: "Kreml", "NATO"
    sentence: int = -1
