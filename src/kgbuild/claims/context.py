"""What the claim rules share: the article as the stages before left it, and token helpers.

:class:`ClaimContext` carries the text, its structure, tokens and linked mentions, and builds the
per-article lookups (:class:`_Index`, the speaker index of :mod:`kgbuild.speakers`) once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kgbuild.claims.words import ClaimWords, claim_words
from kgbuild.mentions import Lexicon, Tokens, honorific_gender
from kgbuild.model import DateValue, Mention, Referent, Span, SpeechAct, Structure
from kgbuild.quotes import QUOTE_MARKS, Quote
from kgbuild.speakers import SpeakerIndex, build_index

_CLAUSE_BREAK = {",", ":", ";", "–", "—", "(", ")"}
_MARKS = "".join(sorted(QUOTE_MARKS))


def _noun_gender(cw: ClaimWords, word: str) -> str:
    """The gender a person noun marks: "Ministerin" f, "Politikerinnen" pl, "Minister" m."""
    for suffix, gender in cw.feminine:
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return gender
    return "m"


@dataclass(frozen=True)
class Speaker:
    """Who a cue points to: an entity key (person, organisation, country) or a position key."""

    key: str
    span: Span


@dataclass
class _Draft:
    sentence: int
    span: Span
    speakers: tuple[str, ...]
    cue: str | None
    cue_span: Span | None
    act: SpeechAct
    content: Span
    quote: str | None
    outlets: tuple[str, ...]
    date: DateValue | None
    negative: bool
    frame: tuple[int, int]
    text: str | None = None  # the content when an attribution phrase stands inside it
    referent: Referent | None = None  # how the first speaker was resolved from a pronoun or description


@dataclass(frozen=True)
class _Index:
    """Lookups built once per article, so that no stage scans the whole text per sentence."""

    sentence_tokens: list[range]  # token indices of each sentence
    mention_of_token: dict[int, Mention]  # the mention a token stands in
    mention_begins: list[int]
    dates_begins: list[int]


def _index(ctx: ClaimContext) -> _Index:
    toks = ctx.tokens
    n_sent = len(ctx.structure.sentences)
    firsts = [len(toks)] * (n_sent + 1)
    for i in range(len(toks) - 1, -1, -1):
        firsts[toks.sentence_of[i]] = i
    for k in range(n_sent - 1, -1, -1):
        firsts[k] = min(firsts[k], firsts[k + 1])
    ranges = [range(firsts[k], firsts[k + 1]) for k in range(n_sent)]
    by_token: dict[int, Mention] = {}
    for m in ctx.mentions:
        k = bisect.bisect_left(toks.starts, m.span.begin)
        while k < len(toks) and toks.starts[k] < m.span.end:
            by_token.setdefault(k, m)
            k += 1
    return _Index(ranges, by_token, [m.span.begin for m in ctx.mentions], [sp.begin for sp, _ in ctx.dates])


def _mentions_in(ctx: ClaimContext, b: int, e: int) -> list[Mention]:
    """The mentions that begin in text[b:e] (mentions are sorted by their begin)."""
    begins = ctx.index.mention_begins
    return list(ctx.mentions[bisect.bisect_left(begins, b):bisect.bisect_left(begins, e)])


@dataclass(frozen=True)
class ClaimContext:
    """What the claim stage needs from the stages before it."""

    text: str
    structure: Structure
    tokens: Tokens
    mentions: tuple[Mention, ...]  # linked: every mention has its entity key
    media: frozenset[str]  # keys of entities that are news media (agencies, papers, broadcasters)
    titles: dict[int, str]  # token index of a title word -> position key
    pronoun_persons: dict[int, str]  # token index of a pronoun -> person key it refers to
    dates: tuple[tuple[Span, DateValue], ...]
    generic_refs: dict[int, str]  # token index of "die Partei", "der Sender" … -> entity key
    # the speakers of the latest claim: the best antecedent of "er"/"sie" as a subject
    last_speakers: list[str] = field(default_factory=list)
    last_plural: list[bool] = field(default_factory=list)  # [True] when the latest claim's verb is plural
    unheld: frozenset[str] = frozenset()  # keys of positions whose holder is not named
    offices: frozenset[str] = frozenset()  # keys of positions that are offices, not descriptions ("Experte")
    index: _Index = field(init=False, repr=False, compare=False)
    speaker_index: SpeakerIndex = field(init=False, repr=False, compare=False)
    lexicon: Lexicon | None = field(default=None, repr=False, compare=False)  # set by find_claims
    cw: ClaimWords = field(init=False, repr=False, compare=False)  # the language's claim words
    # the speaker stage's decisions, by the begin offset of the pronoun or description
    referents: dict[int, Referent] = field(default_factory=dict, repr=False, compare=False)
    # the article's direct quotes, nested ones too, found once when first asked for (claims.content._quotes)
    found_quotes: tuple[Quote, ...] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cw", claim_words(self.lang))
        object.__setattr__(self, "index", _index(self))
        # a title right before a person's name tells the person's gender ("Ministerin Eva Roth")
        toks = self.tokens
        title_genders: dict[int, str] = {}
        for ti in self.titles:
            nxt = self.index.mention_of_token.get(ti + 1)
            if nxt is not None and nxt.kind == "person" and nxt.span.begin == toks.starts[ti + 1]:
                g = _noun_gender(self.cw, toks.word(ti))
                if g in ("m", "f"):
                    title_genders[nxt.span.begin] = g
        for m in self.mentions:  # and so does a form of address ("Frau Roth", "Herrn Dr. Kern")
            if m.kind == "person" and m.key is not None and m.span.begin not in title_genders \
                    and (address := honorific_gender(self.text, m.span.begin, self.lang)) is not None:
                title_genders[m.span.begin] = address
        object.__setattr__(self, "speaker_index", build_index(self.mentions, lang=self.lang,
                                                              title_genders=title_genders,
                                                              affiliations=_affiliations(self)))
    held_by: dict[str, tuple[str, ...]] = field(default_factory=dict)  # person key -> position keys
    office_of: dict[str, str] = field(default_factory=dict)  # position key -> key of whose office it is
    lang: str = "de"  # the language of the text rules (quotation marks)


def _affiliations(ctx: ClaimContext) -> dict[str, frozenset[str]]:
    """The organisations the text gives each person: "Eva Roth (SPD)", "SPD-Politikerin Eva Roth",
    "der Verbandschef Otto Kern" (a title of the organisation right before the name)."""
    toks, text = ctx.tokens, ctx.text
    org_at = {m.span.begin: m for m in ctx.mentions if m.kind == "organization" and m.key}
    found: dict[str, set[str]] = {}
    for m in ctx.mentions:
        if m.kind != "person" or not m.key:
            continue
        bracket = re.match(r" ?\(", text[m.span.end:m.span.end + 2])
        if bracket is not None:
            org = org_at.get(m.span.end + bracket.end())
            if org is not None and text[org.span.end:org.span.end + 1] == ")":
                found.setdefault(m.key, set()).add(org.key)  # type: ignore[arg-type]
        ti = _token_at(toks, m.span.begin) - 1
        owner = ctx.office_of.get(ctx.titles.get(ti, "")) if ti >= 0 else None
        if owner is not None and owner.startswith("organization/"):
            found.setdefault(m.key, set()).add(owner)
    return {k: frozenset(v) for k, v in found.items()}


def _token_at(toks: Tokens, offset: int) -> int:
    """The index of the token that starts at (or holds) a text offset."""
    return max(bisect.bisect_right(toks.starts, offset) - 1, 0)


def _genitive_attribute(toks: Tokens, i: int) -> bool:
    """Is token i's phrase a genitive after a noun ("einen Beschluss der Partei")?"""
    if i < 2 or toks.word(i - 1) not in ("der", "des"):
        return False
    prev = toks.word(i - 2)
    return prev[:1].isupper() and toks.sentence_of[i - 2] == toks.sentence_of[i] and \
        toks.starts[i - 2] != _sentence_start(toks, i)


def _sentence_start(toks: Tokens, i: int) -> int:
    k = i
    while k > 0 and toks.sentence_of[k - 1] == toks.sentence_of[i]:
        k -= 1
    return toks.starts[k]


def _after_preposition(cw: ClaimWords, toks: Tokens, i: int, *, reach: int = 3,
                       also_skip: Callable[[int], bool] | None = None) -> bool:
    """Does a preposition govern the noun phrase of token i ("gegenüber der staatlichen Agentur")?
    Determiners and adjectives may stand between, and the tokens ``also_skip`` admits, within
    ``reach`` tokens of the same sentence."""
    for k in range(i - 1, max(i - 1 - reach, -1), -1):
        if toks.sentence_of[k] != toks.sentence_of[i]:
            return False
        w = toks.word(k)
        if w.lower() in cw.prepositions:
            return True
        if w in cw.determiners or (w[:1].islower() and w.endswith(("e", "en", "er", "es", "em"))) \
                or (also_skip is not None and also_skip(k)):
            continue
        return False
    return False
