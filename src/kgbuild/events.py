"""Events: what an article reports as having happened, with when, where, who and how many.

The stage works on what the stages before it found (sentences, linked mentions, resolved
dates, numbers) and on German knowledge kept as data in ``lang/<code>/event_triggers.tsv``:
trigger words with their event class, and the small word lists the rules below use.

1. **Triggers.** One Aho-Corasick pass over the lower-cased text finds every trigger form;
   a match counts when it fits its token: a whole word, a word's start ("flieh" ->
   "fliehenden"), or the head of a capitalised compound with an inflection ending
   ("angriff" -> "Luftangriffe"). The longest match in a token wins, so a blocking entry
   ("auswahl") silences a shorter one ("wahl"). Entries may ask for context: an auxiliary
   ("wurde ... gewählt"), someone to meet ("traf Macron"), a separable verb's particle at
   the clause end ("trat ... zurück"), a date after the copula ("ist seit 1. März 2015").
   A trigger after a negation ("keine Absicht zu einem Treffen") is dropped.
2. **Attributes per occurrence**, within its sentence:
   *date* -- each resolved date goes to the nearest trigger or verb of saying, so "erklärte
   Niinistö am Dienstag" dates the statement, not the mobilisation it mentions; a trigger
   takes the nearest date it won, and none if it won none (never a guess).
   *location* -- places and states after a local preposition ("in Moskau", "nach
   Kasachstan"), inside the trigger's compound ("Ukraine-Konflikt"), a state adjective on
   the trigger ("russischen Teilmobilmachung"), a named place without preposition; an
   origin ("aus Russland") only when nothing better is named. The trigger's own clause
   first, then the sentence. A place the article names elsewhere also counts where the
   mention stage left it unmarked, also as part of a word ("Nordaustralien").
   *agent* -- a possessive genitive before the trigger ("Putins Zustimmung zur
   Teilmobilisierung"), "durch X", the subject of an active trigger verb or of a verb that
   carries an event noun ("flog Luftangriffe", "erklärte seinen Rücktritt"), the doer in a
   genitive after an intransitive event noun ("Rücktritt Niinistös"), a subject "er" as
   the person named last. Speakers ("sagte X") and sources ("nach Angaben von X") are not.
   *quantities* -- numbers in the sentence (a number right beside one trigger is that
   trigger's only); a number in the next sentence of the paragraph that has no trigger of
   its own ("Rund 4,2 Millionen Einwohner ...") goes to the events before it; an event
   without a place in a sentence that follows an event sentence takes that sentence's place
   ("... Streiks in Lyon. Über 300 Menschen wurden festgenommen.").
3. **Merging.** Occurrences of one class and trigger group are one happening unless their
   dates, their names ("Sturm Dagmar" vs "Zyklon Grant") or their compounds' first parts
   ("Neuwahl" vs "Parlamentswahl") disagree: the event gets the union of what they say.
4. An event with no place at all takes the state of the dateline, when the dateline names
   exactly one state that the article also names elsewhere.

Events are keyed ``event/1``, ``event/2`` ... in the order of their first occurrence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal

import ahocorasick

from kgbuild.lang import has_file, read_text
from kgbuild.model import DateValue, Event, Mention, Quantity, Span, Structure
from kgbuild.quotes import QUOTE_MARKS
from kgbuild.text import token_spans

__all__ = ["EventContext", "EventLexicon", "Trigger", "find_events", "load_event_lexicon"]

MatchType = Literal["word", "prefix", "suffix"]

_SEGMENT_MARKS = frozenset(";:–—()[]-")
_PLAIN = "Event"  # the TSV's name for a plain schema:Event
_BLOCK = "-"
# Event classes whose doer stands in the genitive after the noun ("Rücktritt Niinistös",
# "Flucht der Bewohner"); for the others that genitive is who it happened to.
_INTRANSITIVE = frozenset({"Resignation", "Death", "Migration", "Protest", "Appointment", "StatementEvent"})
_AGENT_KINDS = frozenset({"person", "organization", "country"})
_PLACE_KINDS = frozenset({"place", "country"})
_PRECISION = {"day": 0, "month": 1, "year": 2}
# events whose victims are counted as their own quantity, not as separate deaths
_TOLL_OF = frozenset({"Attack", "ArmedConflict", "NaturalDisaster", "Accident", "Protest"})
_QUOTES = QUOTE_MARKS


# ------------------------------------------------------------------ lexicon
@dataclass(frozen=True)
class Trigger:
    """One row of ``event_triggers.tsv``."""

    form: str  # lower-case word, stem or phrase
    match: MatchType
    type: str  # kg: local name; "Event" for a plain schema:Event; "-" blocks a shorter match
    label: str  # German name of the event
    group: str  # occurrences of one type and group may merge
    prev: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    aux: frozenset[str] = frozenset()  # one of these words must stand in the trigger's clause
    actor: bool = False  # a person, organisation or state within three words, or "sich" after
    particle: frozenset[str] = frozenset()  # a separable verb's particle ends the clause: "trat ... zurück"
    cap: bool = False  # only a capitalised word (a noun)
    date_after: bool = False
    place_near: bool = False
    named: bool = False


@dataclass(frozen=True)
class EventLexicon:
    """Triggers, the automaton that finds them, and the rules' word lists (see the TSV's header)."""

    triggers: tuple[Trigger, ...]
    automaton: Any  # ahocorasick.Automaton: form -> (form, ((trigger index, ending length), ...))
    lists: dict[str, frozenset[str]]
    speech: frozenset[str] = frozenset()
    neg: frozenset[str] = frozenset()
    loc: frozenset[str] = frozenset()
    weakloc: frozenset[str] = frozenset()
    agentprep: frozenset[str] = frozenset()
    passive: frozenset[str] = frozenset()
    support: frozenset[str] = frozenset()
    placenoun: frozenset[str] = frozenset()
    compass: frozenset[str] = frozenset()
    nodate: frozenset[str] = frozenset()
    clause: frozenset[str] = frozenset()
    subclause: frozenset[str] = frozenset()
    article: frozenset[str] = frozenset()
    source: frozenset[str] = frozenset()
    possessive: frozenset[str] = frozenset()
    agentnoun: frozenset[str] = frozenset()
    timeunit: frozenset[str] = frozenset()
    determiner: frozenset[str] = frozenset()
    adjective_ending: re.Pattern[str] = re.compile("(?!)")  # "russisch-en"
    verb_ending: re.Pattern[str] = re.compile("")  # "flieh-enden"; none is always allowed
    preps: frozenset[str] = frozenset()  # every preposition of @loc, @weakloc, @noloc, @agentprep

    def words(self, name: str) -> frozenset[str]:
        """The word list ``@name`` (empty when the file has none)."""
        return self.lists.get(name, frozenset())


@lru_cache(maxsize=4)
def load_event_lexicon(lang: str = "de") -> EventLexicon:
    """Read ``lang/<lang>/event_triggers.tsv`` and build its automaton (cached).

    >>> lex = load_event_lexicon("de")
    >>> any(t.form == "teilmobilmachung" or t.form == "mobilmachung" for t in lex.triggers)
    True
    """
    return parse_event_lexicon(read_text(lang, "event_triggers.tsv") if has_file(lang, "event_triggers.tsv") else "")


def parse_event_lexicon(data: str) -> EventLexicon:
    """Build an :class:`EventLexicon` from the text of a trigger table (format: see the TSV)."""
    triggers: list[Trigger] = []
    lists: dict[str, frozenset[str]] = {}
    for n, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if cols[0].startswith("@"):
            lists[cols[0][1:]] = frozenset(w for c in cols[1:] for w in c.split())
            continue
        if len(cols) < 3 or cols[1] not in ("word", "prefix", "suffix"):
            raise ValueError(f"event_triggers.tsv:{n}: expected trigger, match, type: {raw!r}")
        form, match, typ = cols[0].strip().lower(), cols[1], cols[2].strip()
        label = cols[3].strip() if len(cols) > 3 and cols[3].strip() else form.capitalize()
        group = cols[4].strip() if len(cols) > 4 and cols[4].strip() else typ
        words: dict[str, frozenset[str]] = {}
        flags = {f.strip() for f in cols[5].split(",")} if len(cols) > 5 else set()
        for f in flags:
            name, eq, value = f.partition("=")
            if eq:
                words[name] = frozenset(value.split("|"))
        triggers.append(Trigger(
            form, match, typ, label, group,  # type: ignore[arg-type]
            prev=words.get("prev", frozenset()), next=words.get("next", frozenset()),
            aux=words.get("aux", frozenset()), actor="actor" in flags, particle=words.get("particle", frozenset()),
            cap="cap" in flags,
            date_after="date-after" in flags, place_near="place-near" in flags, named="named" in flags,
        ))
    keys: dict[str, list[tuple[int, int]]] = {}
    for i, t in enumerate(triggers):
        for ending in ("", *sorted(lists.get("compound_ending", ()))) if t.match == "suffix" else ("",):
            keys.setdefault(t.form + ending, []).append((i, len(ending)))
    automaton = ahocorasick.Automaton()
    for key, entries in keys.items():
        automaton.add_word(key, (key, tuple(entries)))
    automaton.make_automaton()
    w = {name: lists.get(name, frozenset()) for name in (
        "speech", "neg", "loc", "weakloc", "agentprep", "passive", "support", "placenoun", "compass",
        "nodate", "clause", "subclause", "article", "source", "timeunit", "possessive", "agentnoun", "determiner")}
    preps = w["loc"] | w["weakloc"] | w["agentprep"] | lists.get("noloc", frozenset())
    w["clause"] = w["clause"] | w["subclause"]
    return EventLexicon(tuple(triggers), automaton, lists, **w, preps=preps,
                        adjective_ending=re.compile(rf"(?:{_alternation(lists.get('adjective_ending', ()))})$"),
                        verb_ending=re.compile(rf"(?:{_alternation(lists.get('verb_ending', ()))})?"))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"


# ------------------------------------------------------------------ context
@dataclass(frozen=True)
class EventContext:
    """What the event stage gets from the stages before it."""

    text: str
    structure: Structure
    mentions: tuple[Mention, ...]  # linked: .key is the entity key
    dates: tuple[tuple[Span, DateValue], ...]  # resolved dates in the text
    quantities: tuple[tuple[Span, Quantity], ...]  # numbers in the text


# ------------------------------------------------------------------ working objects
@dataclass
class _Occurrence:
    """One trigger in one sentence, with what its sentence says about it (internal)."""

    trigger: Trigger
    begin: int  # the matched trigger text
    end: int
    tok_begin: int  # first and last token of the trigger
    tok_end: int
    sentence: int
    segment: int
    modifier: str  # first part of a compound ("Luft" in "Luftangriffe"), as written
    event_name: str | None = None  # "Dagmar" in "Sturm Dagmar"
    verbal: bool = False
    possessed: bool = False  # an event noun after "sein", "ihr": its subject stands before it
    attributive: bool = False
    passive: bool = False
    start: DateValue | None = None
    locations: list[str] = field(default_factory=list)
    inherited: bool = False  # its places come from the sentence before
    located_by: str | None = None  # "in"/"nach" when the first location came with a preposition
    location_name: str | None = None
    agents: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.trigger.type


@dataclass
class _Cluster:
    members: list[_Occurrence]
    start: DateValue | None = None
    names: set[str] = field(default_factory=set)
    modifiers: set[str] = field(default_factory=set)


class _Doc:
    """The text cut into tokens, sentences and clause segments, with the mentions on them."""

    def __init__(self, ctx: EventContext, lex: EventLexicon, active: Iterable[int], lowered: str) -> None:
        text = ctx.text
        self.text = text
        self.lex = lex
        sents = ctx.structure.sentences
        self.sent_block = [s.block for s in sents]
        self.sent_begin = [s.span.begin for s in sents]
        self.sent_end = [s.span.end for s in sents]
        tb: list[int] = []
        te: list[int] = []
        low: list[str] = []
        tsent: list[int] = []
        seg: list[int] = []
        # only the sentences that hold a trigger candidate are cut into tokens
        self.sent_first = [0] * (len(sents) + 1)
        self.sent_last = [0] * len(sents)
        clause, speech = lex.clause, lex.speech
        segment = 0
        self.seg_first: dict[int, int] = {}
        self.seg_last: dict[int, int] = {}
        marks = _SEGMENT_MARKS
        seg_first, seg_last = self.seg_first, self.seg_last
        for si in sorted(set(active)):
            s = sents[si]
            self.sent_first[si] = n = len(tb)
            spans = token_spans(text, s.span.begin, s.span.end)
            words = [lowered[b:e] for b, e in spans]
            # a new clause segment at ; : ( ) dashes, and at a comma before "dass", "die", "hat" ...
            cuts = [i for i, w in enumerate(words)
                    if w in marks or (i and words[i - 1] == "," and (w in clause or w in speech
                                                                     or (i > 1 and words[i - 2] in speech)))]
            prev = 0
            for cut in [*cuts, len(words)]:
                if cut > prev:
                    segment += 1
                    seg_first[segment] = n + prev
                    seg_last[segment] = n + max(prev, cut - 1)
                    seg.extend([segment] * (cut - prev))
                prev = cut
            tb.extend([b for b, _ in spans])
            te.extend([e for _, e in spans])
            low.extend(words)
            tsent.extend([si] * len(spans))
            n += len(spans)
            self.sent_last[si] = n
        self.tok_begin, self.tok_end, self.low, self.tok_sent, self.seg = tb, te, low, tsent, seg
        self.active = frozenset(active)
        self.skip = lex.article
        self.preps = lex.preps
        # mentions with a key, by sentence; each token's mention
        self.mention_at: dict[int, Mention] = {}
        self.by_sentence: dict[int, list[Mention]] = {}
        self.tokens_of: dict[int, tuple[int, int]] = {}  # id(mention) -> first and last token
        self.place_cache: dict[int, list[_Place]] = {}
        self.prep_cache: dict[int, tuple[str | None, int]] = {}
        self.seg_word_cache: dict[int, frozenset[str]] = {}
        for mention in sorted((m for m in ctx.mentions if m.key), key=lambda m: (m.span.begin, m.span.end)):
            si = self.sentence_at(mention.span.begin)
            if si < 0:
                continue  # dateline, credits
            self.by_sentence.setdefault(si, []).append(mention)
            if si not in self.active:
                continue
            first, last = self.token_at(mention.span.begin), self.token_at(mention.span.end - 1)
            self.tokens_of[id(mention)] = (first, last)
            if first >= 0:
                for t in range(first, max(first, last) + 1):
                    self.mention_at.setdefault(t, mention)

    # -- positions
    def sentence_at(self, offset: int) -> int:
        i = bisect_right(self.sent_begin, offset) - 1
        return i if i >= 0 and offset < self.sent_end[i] else -1

    def token_at(self, offset: int) -> int:
        """Index of the token that holds ``offset``, or -1."""
        i = bisect_right(self.tok_begin, offset) - 1
        return i if i >= 0 and offset < self.tok_end[i] else -1

    def first_token_from(self, offset: int) -> int:
        return bisect_left(self.tok_begin, offset)

    def seg_at(self, offset: int) -> int:
        """The clause segment of the token at (or right after) ``offset``."""
        t = min(bisect_right(self.tok_begin, offset) - 1, len(self.seg) - 1)
        return self.seg[t] if t >= 0 else -1

    def seg_words(self, seg: int) -> frozenset[str]:
        """The lower-case words of a clause segment (cached)."""
        words = self.seg_word_cache.get(seg)
        if words is None:
            words = self.seg_word_cache[seg] = frozenset(self.low[self.seg_first[seg]:self.seg_last[seg] + 1])
        return words

    def is_word(self, t: int) -> bool:
        return self.low[t][0].isalnum()

    def is_cap(self, t: int) -> bool:
        return self.text[self.tok_begin[t]].isupper()

    def in_sentence(self, t: int, si: int) -> bool:
        return 0 <= t < len(self.low) and self.tok_sent[t] == si

    # -- prepositions and genitives
    def prep_before(self, t: int) -> str | None:
        """The preposition governing the phrase that ends before token ``t`` (a few words back)."""
        return self.prep_token(t)[0]

    def prep_token(self, t: int) -> tuple[str | None, int]:
        """:meth:`prep_before` and the preposition's token (-1 when there is none)."""
        if t in self.prep_cache:
            return self.prep_cache[t]
        self.prep_cache[t] = found = self._prep_before(t)
        return found

    def _prep_before(self, t: int) -> tuple[str | None, int]:
        skip, preps = self.skip, self.preps
        si = self.tok_sent[t]
        j, counted = t - 1, 0
        while self.in_sentence(j, si) and counted < 3:
            w = self.low[j]
            if w in preps:
                return w, j
            if w == ",":
                # a list of places: "in den Staaten Peru, Kenia und Norwegen"
                if j - 1 >= 0 and self.mention_at.get(j - 1) is not None and \
                        self.mention_at[j - 1].kind in _PLACE_KINDS:
                    j -= 1
                    continue
                return None, -1
            if not self.is_word(j):
                return None, -1
            if j in self.mention_at or w in skip:
                j -= 1
                continue
            if w[0].isalpha() and not self.is_cap(j) and self.lex.adjective_ending.search(w) is None:
                return None, -1  # a verb or adverb ends the phrase: "Am Montag traf Putin"
            counted += 1
            j -= 1
        return None, -1

    def is_genitive(self, m: Mention) -> bool:
        """A Saxon or inflected genitive: "Putins", "Saudi-Arabiens", "Birtles'"."""
        if m.role == "genitive":
            return True
        s, name = m.span.text, m.name
        return s[-1:] in ("s", "'", "’") and s != name and not name.endswith(s[-1])

    def prenominal(self, m: Mention) -> bool:
        """A genitive that stands before its noun ("Putins Zustimmung", "Russlands Außenminister")."""
        t = self.first_token_from(m.span.end)
        return self.is_genitive(m) and self.in_sentence(t, self.tok_sent[t - 1]) and self.is_word(t) \
            and self.is_cap(t) and t not in self.mention_at


# ------------------------------------------------------------------ entry point
def find_events(ctx: EventContext, *, lang: str = "de") -> list[Event]:
    """Find the events an article reports.

    Args:
        ctx: the text, its structure, linked mentions, resolved dates and numbers.
        lang: the language whose ``event_triggers.tsv`` to use.

    Returns:
        The events, keyed ``event/1`` ... in the order of their first mention.
    """
    lex = load_event_lexicon(lang)
    lowered = _lower(ctx.text)
    hits = _candidates(lowered, lex)
    if not hits:
        return []
    sentence_of = _SentenceIndex(ctx.structure)
    doc = _Doc(ctx, lex, {si for b, _, _ in hits if (si := sentence_of(b)) >= 0}, lowered)
    extra = _place_mentions(ctx, doc)
    occs = _find_triggers(ctx, doc, hits)
    if not occs:
        return []
    occs = _drop_subsumed(doc, occs)
    by_sentence: dict[int, list[_Occurrence]] = {}
    for o in occs:
        by_sentence.setdefault(o.sentence, []).append(o)
    dates = _dates_by_sentence(ctx, doc)
    quantities = _quantities_by_sentence(ctx, doc)
    for si, sent_occs in by_sentence.items():
        _assign_dates(doc, si, sent_occs, dates.get(si, []))
        _assign_quantities(sent_occs, quantities.get(si, []))
        for o in sent_occs:
            _assign_locations(doc, o, extra.get(si, []))
            _assign_actors(doc, o)
    _follow_up(ctx, doc, by_sentence, quantities)
    clusters = _merge(occs)
    fallback = _dateline_state(ctx)
    return [_to_event(ctx, n, c, fallback) for n, c in enumerate(clusters, start=1)]


# ------------------------------------------------------------------ triggers
def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # a few characters grow when lower-cased ("İ"): keep offsets aligned
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class _SentenceIndex:
    def __init__(self, structure: Structure) -> None:
        self.begins = [s.span.begin for s in structure.sentences]
        self.ends = [s.span.end for s in structure.sentences]

    def __call__(self, offset: int) -> int:
        i = bisect_right(self.begins, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else -1


def _candidates(lowered: str, lex: EventLexicon) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """Every trigger form in the lower-cased text: (begin, end, (trigger index, ending length)...)."""
    return [(last - len(key) + 1, last + 1, entries) for last, (key, entries) in lex.automaton.iter(lowered)]


def _find_triggers(ctx: EventContext, doc: _Doc,
                   hits: list[tuple[int, int, tuple[tuple[int, int], ...]]]) -> list[_Occurrence]:
    lex = doc.lex
    # last token -> (length, begin, stem end, first token, the entries of that form that fit, in file order)
    best: dict[int, tuple[int, int, int, int, list[Trigger]]] = {}
    for b, e, entries in hits:
        tb, tl = doc.token_at(b), doc.token_at(e - 1)
        if tb < 0 or tl < 0 or not doc.is_word(tb) or doc.tok_sent[tb] != doc.tok_sent[tl]:
            continue
        for idx, ending in entries:
            trig = lex.triggers[idx]
            if not _fits(doc, trig, b, e, tb, tl, ending):
                continue
            stem_e = e - ending
            cur = best.get(tl)
            if cur is None or (stem_e - b) > cur[0]:
                best[tl] = cur = (stem_e - b, b, stem_e, tb, [])
            if cur[0] == stem_e - b and cur[1] == b:
                cur[4].append(trig)
    # longest first among matches that start together, so a phrase ("unter Berufung") covers its words
    chosen = sorted(best.items(), key=lambda kv: (kv[1][1], -kv[1][0]))
    out: list[_Occurrence] = []
    covered_until = -1
    for tl, (_, b, e, tb, trigs) in chosen:
        if tb <= covered_until:  # inside a phrase already taken
            continue
        covered_until = tl
        if doc.text[doc.tok_end[tl]:doc.tok_end[tl] + 1] == "-":
            continue  # a truncated compound ("Schlacht- und Zerlegeindustrie")
        si = doc.tok_sent[tb]
        if ctx.structure.sentences[si].role == "byline" or _negated(doc, tb):
            continue
        # the first entry of the form whose conditions hold ("reiste ... aus" or "reiste nach")
        found = next((t for t in trigs if t.type == _BLOCK or _conditions_hold(ctx, doc, t, tb, tl)), None)
        if found is None or found.type == _BLOCK:
            continue
        out.append(_occurrence(doc, found, b, e, tb, tl))
    return out


def _fits(doc: _Doc, trig: Trigger, b: int, e: int, tb: int, tl: int, ending: int) -> bool:
    if trig.match == "suffix":
        return tb == tl and e == doc.tok_end[tl] and doc.is_cap(tb)
    if trig.cap and not doc.is_cap(tb):
        return False
    if b != doc.tok_begin[tb]:
        return False
    if trig.match == "word":
        return e == doc.tok_end[tl]
    # a stem takes a verb's or participle's ending ("flieh-enden", "verhaftet-en"), not a compound's
    # head ("Geflüchteten-unterkunft", "Kassier-erinnen")
    return doc.lex.verb_ending.fullmatch(doc.low[tl], e - doc.tok_begin[tl]) is not None


def _conditions_hold(ctx: EventContext, doc: _Doc, trig: Trigger, tb: int, tl: int) -> bool:
    si = doc.tok_sent[tb]
    if trig.prev and not (doc.in_sentence(tb - 1, si) and doc.low[tb - 1] in trig.prev):
        return False
    if trig.next and not (doc.in_sentence(tl + 1, si) and doc.low[tl + 1] in trig.next):
        return False
    if trig.aux and trig.aux.isdisjoint(doc.seg_words(doc.seg[tb])):
        return False
    if trig.particle:
        # the particle is the clause's last word: "trat am Montag zurück", not "trat zurück in die Halle"
        rest = [t for t in _segment_tokens(doc, tb) if t > tl and doc.is_word(t)]
        if not rest or doc.low[rest[-1]] not in trig.particle:
            return False
    if trig.actor:
        near = [t for t in range(tb - 3, tl + 4) if doc.in_sentence(t, si) and not tb <= t <= tl]
        if not any((t in doc.mention_at and doc.mention_at[t].kind in _AGENT_KINDS) or
                   (doc.low[t] == "sich" and t > tl) for t in near):
            return False
    if trig.date_after:
        # the date's span may take in the trigger's last word ("seit 1. Juli 2007")
        end = doc.tok_end[tl]
        if not any(doc.tok_begin[tl] <= sp.begin <= end + 3 for sp, _ in ctx.dates):
            return False
    if trig.place_near:
        near = [t for t in range(tb - 3, tl + 4) if doc.in_sentence(t, si) and not tb <= t <= tl]
        if not any((t in doc.mention_at and doc.mention_at[t].kind in _PLACE_KINDS)
                   or doc.low[t] in doc.lex.placenoun or doc.low[t] in ("land", "heimat")
                   for t in near):
            return False
    return True


def _negated(doc: _Doc, tb: int) -> bool:
    """A negation up to four words before the trigger, in the same clause."""
    neg = doc.lex.neg
    si, seg = doc.tok_sent[tb], doc.seg[tb]
    for t in range(tb - 1, tb - 5, -1):
        if not doc.in_sentence(t, si) or doc.seg[t] != seg:
            return False
        if doc.low[t] in neg:
            return True
    return False


def _occurrence(doc: _Doc, trig: Trigger, b: int, e: int, tb: int, tl: int) -> _Occurrence:
    si = doc.tok_sent[tb]
    modifier = doc.text[doc.tok_begin[tb]:b] if trig.match == "suffix" else ""
    name = None
    if trig.named:
        nt = tl + 2 if doc.in_sentence(tl + 2, si) and doc.low[tl + 1] in _QUOTES else tl + 1  # Sturm „Xaver“
        if doc.in_sentence(nt, si) and doc.is_word(nt) and doc.is_cap(nt) and doc.low[nt] not in doc.lex.article:
            name = doc.text[doc.tok_begin[nt]:doc.tok_end[nt]]
    token = doc.text[doc.tok_begin[tl]:doc.tok_end[tl]]
    verb_form = trig.match != "suffix" and token[:1].islower()
    # a participle used as an adjective: "fliehende Personen", "festgenommenen Hacker"
    attributive = (verb_form and tb == tl and token.lower() != trig.form
                   and doc.lex.adjective_ending.search(token) is not None and _before_noun(doc, tl, si))
    words = doc.seg_words(doc.seg[tb])
    # an event noun is the subject's doing after a verb that carries it ("flog Luftangriffe") or a
    # possessive that points back to the subject ("erklärte seinen Rücktritt")
    possessed = any(doc.in_sentence(t, si) and doc.low[t] in doc.lex.possessive for t in (tb - 1, tb - 2))
    supported = not doc.lex.support.isdisjoint(words)
    verbal = (verb_form and not attributive) or possessed or supported
    passive = verb_form and _participle(token) and not doc.lex.passive.isdisjoint(words)
    return _Occurrence(
        trig, b, e, tb, tl, si, doc.seg[tb], modifier, name,
        verbal=verbal, attributive=attributive, passive=passive,
        possessed=possessed and not (verb_form or supported),
    )


def _before_noun(doc: _Doc, t: int, si: int) -> bool:
    """A noun follows, maybe after one more adjective ("ausgereister russischer Staatsbürger")."""
    for j in (t + 1, t + 2):
        if not doc.in_sentence(j, si) or not doc.is_word(j):
            return False
        if doc.is_cap(j):
            return True
        if doc.lex.adjective_ending.search(doc.low[j]) is None:
            return False
    return False


def _drop_subsumed(doc: _Doc, occs: list[_Occurrence]) -> list[_Occurrence]:
    """Occurrences that only describe another event of their sentence.

    Deaths beside an attack, a disaster or fighting are that event's toll (the ontology counts
    them as its quantity), and a verb that carries an event noun in its clause ("hat Sanktionen
    beschlossen", "unterzeichneten ein Abkommen") is that event's own happening.
    """
    by_sentence: dict[int, list[_Occurrence]] = {}
    for o in occs:
        by_sentence.setdefault(o.sentence, []).append(o)
    out = []
    for o in occs:
        same = [x for x in by_sentence[o.sentence] if x is not o]
        if o.type == "Death" and any(x.type in _TOLL_OF for x in same):
            continue
        if o.trigger.match != "suffix" and doc.low[o.tok_end] in doc.lex.support and \
                any(x.trigger.match == "suffix" and x.segment == o.segment for x in same):
            continue
        out.append(o)
    return out


def _participle(token: str) -> bool:
    w = token.lower()
    return "ge" in w[:6] or w.endswith("t") or w.endswith("iert")


def _segment_tokens(doc: _Doc, t: int) -> range:
    seg = doc.seg[t]
    return range(doc.seg_first[seg], doc.seg_last[seg] + 1)


# ------------------------------------------------------------------ dates
def _dates_by_sentence(ctx: EventContext, doc: _Doc) -> dict[int, list[tuple[Span, DateValue]]]:
    nodate = doc.lex.nodate
    out: dict[int, list[tuple[Span, DateValue]]] = {}
    for sp, dv in ctx.dates:
        si = doc.sentence_at(sp.begin)
        if si < 0:
            continue
        t = doc.first_token_from(sp.begin)
        if any(doc.in_sentence(j, si) and doc.low[j] in nodate for j in range(t - 3, t)):
            continue
        out.setdefault(si, []).append((sp, dv))
    return out


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _assign_dates(doc: _Doc, si: int, occs: list[_Occurrence], dates: list[tuple[Span, DateValue]]) -> None:
    """Each date goes to its nearest trigger or verb of saying; a trigger takes its nearest date."""
    if not dates:
        return
    speech = doc.lex.speech
    cues = [(doc.tok_begin[t], doc.tok_end[t], doc.seg[t])
            for t in range(doc.sent_first[si], doc.sent_last[si]) if doc.low[t] in speech]
    won: dict[int, list[tuple[int, int, DateValue]]] = {}
    for sp, dv in dates:
        dseg = doc.seg_at(sp.begin)
        best: tuple[int, int] | None = None  # (distance, occurrence index or -1 for a cue)
        coarse = dv.precision != "day"
        for i, o in enumerate(occs):
            d = _gap((o.begin, o.end), (sp.begin, sp.end))
            if coarse and d > 50:
                continue  # a bare month or year belongs to a nearer word ("seit dem Fall ... im Jahr 1989")
            if o.attributive:
                d = 2 * d + 20
            if o.segment != dseg:
                d += 40
            if best is None or d < best[0]:
                best = (d, i)
        for b, e, cseg in cues:
            d = _gap((b, e), (sp.begin, sp.end)) + (40 if cseg != dseg else 0)
            if best is None or d < best[0]:
                best = (d, -1)
        if best is not None and best[1] >= 0:
            won.setdefault(best[1], []).append((best[0], _PRECISION[dv.precision], dv))
    for i, cands in won.items():
        occs[i].start = min(cands, key=lambda c: (c[0], c[1]))[2]


# ------------------------------------------------------------------ quantities
def _quantities_by_sentence(ctx: EventContext, doc: _Doc) -> dict[int, list[tuple[Span, Quantity]]]:
    date_spans = [sp for sp, _ in ctx.dates]
    out: dict[int, list[tuple[Span, Quantity]]] = {}
    for sp, q in ctx.quantities:
        si = doc.sentence_at(sp.begin)
        if si < 0 or any(d.begin < sp.end and sp.begin < d.end for d in date_spans):
            continue  # the day or year of a date
        out.setdefault(si, []).append((sp, q))
    return out


def _assign_quantities(occs: list[_Occurrence], quantities: list[tuple[Span, Quantity]]) -> None:
    """Every number of a sentence counts for each of its events.

    A sentence reports one happening with its figures far more often than two happenings
    with one figure each; "mehr als 5000 Menschen ums Leben gekommen" after "Bei einem
    Erdbeben" is the earthquake's toll.
    """
    for _, q in quantities:
        for o in occs:
            if q not in o.quantities:
                o.quantities.append(q)


# ------------------------------------------------------------------ locations
def _place_mentions(ctx: EventContext, doc: _Doc) -> dict[int, list[Mention]]:
    """Places the mention stage left unmarked in the sentences with triggers.

    A name the article gives a place or state elsewhere (a dateline's "Bir Hakim"), a compass
    prefix plus such a name ("Nordaustralien", "Ostukraine"), or such a name as part of a
    hyphenated compound (the "Ukraine" of "Ukraine-Konflikt") stands for that place.
    """
    names: dict[str, Mention] = {}
    for m in ctx.mentions:
        if m.key and m.kind in _PLACE_KINDS and m.role in ("name", "genitive"):
            names.setdefault(m.name.lower(), m)
    if not names:
        return {}
    compass = sorted(doc.lex.compass, key=lambda c: (-len(c), c))  # longest first: "nordost" before "nord"
    out: dict[int, list[Mention]] = {}
    multiword = [(n, m) for n, m in names.items() if " " in n]
    for si in sorted(doc.active):
        first, last = doc.sent_first[si], doc.sent_last[si]
        seg_text = doc.text[doc.tok_begin[first]:doc.tok_end[last - 1]].lower() if last > first else ""
        for n, m in multiword:
            pos = seg_text.find(n)
            while pos >= 0:
                b = doc.tok_begin[first] + pos
                t = doc.token_at(b)
                if t >= 0 and doc.tok_begin[t] == b and t not in doc.mention_at:
                    te = doc.token_at(b + len(n) - 1)
                    span = Span.of(ctx.text, b, doc.tok_end[te])
                    out.setdefault(si, []).append(Mention(span, m.kind, m.name, m.key, "name", si))
                    for j in range(t, te + 1):
                        doc.mention_at.setdefault(j, m)
                pos = seg_text.find(n, pos + len(n))
    compass_prefixes = tuple(compass)
    mention_at = doc.mention_at
    lookup = dict(names)  # with the genitive: "Moskaus"
    for n, m in names.items():
        lookup.setdefault(n + "s", m)
    candidates = [t for t, w in enumerate(doc.low)
                  if (w in lookup or "-" in w or w.startswith(compass_prefixes)) and t not in mention_at]
    for t in candidates:
        w = doc.low[t]
        hits: list[tuple[int, int, Mention]] = []
        known = lookup.get(w)
        if known is not None:
            if doc.is_cap(t):
                hits.append((0, len(w), known))
        elif "-" in w:
            pos = 0
            for part in w.split("-"):
                found = names.get(part) or names.get(part[:-1] if part.endswith("s") else part)
                if found is not None:
                    hits.append((pos, pos + len(part), found))
                pos += len(part) + 1
        elif len(w) >= 8 and w.startswith(compass_prefixes) and doc.is_cap(t):
            for c in compass:
                if w.startswith(c) and len(w) - len(c) >= 4:
                    rest = w[len(c):]
                    found = names.get(rest) or names.get(rest[:-1] if rest.endswith("s") else rest)
                    if found is not None:
                        hits.append((0, len(w), found))
                        break
        for b, e, m in hits:
            begin = doc.tok_begin[t] + b
            span = Span.of(ctx.text, begin, begin + (e - b))
            out.setdefault(doc.tok_sent[t], []).append(
                Mention(span, m.kind, m.name, m.key, "name", doc.tok_sent[t]))
            doc.mention_at.setdefault(t, m)
    return out


_Place = tuple[int, Mention, str | None, str | None, int]


def _place_candidates(doc: _Doc, si: int, extra: list[Mention]) -> list[_Place]:
    """The places and states of a sentence: (token, mention, preposition, level, preposition's token).

    The level is "strong" (a local preposition, a named place, a genitive), "weak" (an origin, a
    bare state), "adjective" (a state adjective: a place only on the trigger or a place noun),
    "part" (a compound's first part: a place only inside the trigger's own word), or None
    (governed by another preposition: "mit Deutschland").
    """
    cached = doc.place_cache.get(si)
    if cached is not None:
        return cached
    lex = doc.lex
    out: list[_Place] = []
    for m in [*doc.by_sentence.get(si, []), *extra]:
        if m.kind not in _PLACE_KINDS or not m.key:
            continue
        mt = doc.tokens_of[id(m)][0] if id(m) in doc.tokens_of else doc.token_at(m.span.begin)
        if mt < 0:
            continue
        prep: str | None = None
        prep_tok = -1
        level: str | None
        me = doc.tokens_of[id(m)][1] if id(m) in doc.tokens_of else mt
        if m.span.end < doc.tok_end[me] and doc.text[m.span.end] in "-‐‑":
            # the first part of a compound ("US-Präsidentschaftswahl") places only that compound
            out.append((mt, m, None, "part", -1))
            continue
        if m.role in ("adjective", "demonym"):
            nt = doc.first_token_from(m.span.end)
            on_place = doc.in_sentence(nt, si) and doc.low[nt] in lex.placenoun
            level = "strong" if m.role == "adjective" and on_place else "adjective" if m.role == "adjective" else None
        else:
            prep, prep_tok = doc.prep_token(mt)
            if prep in doc.lex.words("to_prep") and doc.low[prep_tok + 1] in doc.lex.determiner:
                level = None  # "nach dem Krieg", "nach der Wahl": a time, not a destination
            elif prep in lex.loc:
                level = "weak" if prep == "gegen" and m.kind == "country" else "strong"
            elif prep in lex.weakloc:
                level = "weak"
            elif prep is not None:
                level = None
            elif m.kind == "place" or doc.is_genitive(m):
                level = "strong"
            else:
                level = "weak"
        out.append((mt, m, prep, level, prep_tok))
    out.sort(key=lambda x: x[0])
    doc.place_cache[si] = out
    return out


def _assign_locations(doc: _Doc, o: _Occurrence, extra: list[Mention]) -> None:
    strong: list[tuple[int, Mention, str | None, int]] = []
    weak_own: list[tuple[int, Mention, str | None, int]] = []
    weak_other: list[tuple[int, Mention, str | None, int]] = []
    for mt, m, prep, level, prep_tok in _place_candidates(doc, o.sentence, extra):
        if o.tok_begin <= mt <= o.tok_end:
            level = "strong"  # inside the trigger's compound: "Ukraine-Konflikt"
        elif level == "adjective":  # "der russischen Teilmobilmachung"
            level = "strong" if doc.first_token_from(m.span.end) == o.tok_begin else None
        if level == "strong":
            strong.append((mt, m, prep, prep_tok))
        elif level == "weak":
            (weak_own if doc.seg[mt] == o.segment else weak_other).append((mt, m, prep, prep_tok))
    # what the sentence places strongly, the trigger's own clause first; else an origin or a bare state
    found = sorted(strong, key=lambda x: (doc.seg[x[0]] != o.segment, x[0] < o.tok_begin,
                                          abs(x[0] - o.tok_begin))) or weak_own or weak_other
    for _, m, _, _ in found:
        if m.key and m.key not in o.locations:
            o.locations.append(m.key)
    if found:
        mt, m, prep, prep_tok = found[0]
        if prep_tok >= 0:  # the first of a list: "in Spanien, Chile und Kolumbien"
            mt, m, prep, prep_tok = min((x for x in found if x[3] == prep_tok), key=lambda x: x[0])
        if prep in doc.lex.loc and doc.seg[mt] == o.segment and found is not weak_own:
            # "in der Ukraine", "nach Kasachstan": the article as the text has it
            article = doc.low[mt - 1] if doc.in_sentence(mt - 1, o.sentence) else ""
            to = doc.lex.words("to_prep")
            o.located_by = (prep if prep in to else _first(doc.lex.words("at_prep"))) + \
                (f" {article}" if article in doc.lex.words("definite") else "")
            o.location_name = m.name


# ------------------------------------------------------------------ agents and participants
def _assign_actors(doc: _Doc, o: _Occurrence) -> None:
    lex = doc.lex
    tokens_of = doc.tokens_of
    mentions = [m for m in doc.by_sentence.get(o.sentence, []) if m.kind in _AGENT_KINDS
                and m.role not in ("adjective", "demonym") and tokens_of[id(m)][0] >= 0]
    agents: list[str] = []
    patients: list[str] = []
    for m in mentions:
        mt, me = tokens_of[id(m)]
        # a possessive before the trigger: "Putins Zustimmung zur Teilmobilisierung"
        if me < o.tok_begin and o.tok_begin - me <= 3 and doc.is_genitive(m) and \
                (o.tok_begin - me == 1 or doc.prenominal(m)) and \
                all(doc.is_word(t) and t not in doc.mention_at for t in range(me + 1, o.tok_begin)):
            agents.append(m.key or "")
            continue
        # the genitive after a noun: "Rücktritt Niinistös", "Festnahme des Bloggers X"
        if not o.verbal and mt > o.tok_end and mt - o.tok_end <= 4 and doc.seg[mt] == o.segment and \
                all(doc.low[t] in doc.lex.words("genitive_article") or (doc.is_word(t) and doc.is_cap(t))
                    for t in range(o.tok_end + 1, mt)) and \
                (doc.is_genitive(m) or (mt - 1 > o.tok_end
                                        and doc.low[o.tok_end + 1] in doc.lex.words("genitive_article"))):
            (agents if o.type in _INTRANSITIVE else patients).append(m.key or "")
            continue
    # "durch Interpol koordiniert", and "von X" in the passive
    words = doc.seg_words(o.segment)
    by_preps = lex.agentprep | ({"von", "vom"} if o.passive else set())
    for t in _segment_tokens(doc, o.tok_begin) if not by_preps.isdisjoint(words) else ():
        w = doc.low[t]
        if w in lex.agentprep or (o.passive and w in ("von", "vom") and t < o.tok_begin):
            for j in range(t + 1, min(t + 4, len(doc.low))):
                by = doc.mention_at.get(j)
                if by is not None:
                    if by.kind in _AGENT_KINDS and by.key:
                        agents.append(by.key)
                    break
                if doc.low[j] not in lex.article and not doc.low[j].islower():
                    break
    if not agents and o.verbal and not o.passive and not o.attributive:
        subject = _subject(doc, o, mentions)
        if subject:
            agents.append(subject)
    o.agents = list(dict.fromkeys(a for a in agents if a))
    participants = [p for p in patients if p]
    for m in mentions:
        mt, me = tokens_of[id(m)]
        if doc.seg[mt] != o.segment or m.kind == "country" or not m.key or \
                not (o.tok_begin - 10 <= mt <= o.tok_end + 10) or _is_source(doc, o.sentence, mt, me):
            continue
        participants.append(m.key)
    o.participants = [p for p in dict.fromkeys(participants) if p not in o.agents]


def _subject(doc: _Doc, o: _Occurrence, mentions: Sequence[Mention]) -> str | None:
    """The first person, organisation or state in the trigger's clause that no preposition governs."""
    lex = doc.lex
    si = o.sentence

    def eligible(m: Mention) -> bool:
        mt, me = doc.tokens_of[id(m)]
        if doc.prenominal(m) or m.span.end < doc.tok_end[me]:
            return False  # a possessor ("Russlands Außenminister"), a compound's part ("CDU-Landrat")
        if _is_source(doc, si, mt, me, carrier=o.trigger.match == "suffix"):
            return False
        before = [doc.low[t] for t in range(max(doc.sent_first[si], mt - 3), mt)]
        if any(w in ("des", "eines") for w in before):
            return False  # a genitive: "die Webseite des peruanischen Innenministeriums"
        if m.kind == "country" and mt - doc.seg_first[doc.seg[mt]] > 2:
            return False  # a bare state is the subject only at the clause's start ("Russland plant ...")
        return doc.prep_before(mt) is None

    for m in mentions:
        if doc.seg[doc.tokens_of[id(m)][0]] == o.segment and eligible(m) and \
                not (o.possessed and m.span.begin > o.begin):
            return m.key
    # the subject may stand before an apposition or a relative clause ("Lena Berger, die ..., war
    # ... ausgetreten"), but not in an attribution frame ("X berichtet, ... seien weggefallen")
    # "die russische Armee beschoss ...": a state adjective on a force or authority
    for m in doc.by_sentence.get(si, []):
        if m.role != "adjective" or m.kind != "country" or not m.key or id(m) not in doc.tokens_of:
            continue
        mt, me = doc.tokens_of[id(m)]
        if doc.seg[mt] != o.segment or not doc.in_sentence(me + 1, si) or doc.low[me + 1] not in lex.agentnoun:
            continue
        # "Die russische Armee ...", "... beschoss die russische Armee", not "Anraten der australischen
        # Regierung" (a genitive after a noun)
        art = mt - 1
        if not (doc.in_sentence(art, si) and doc.low[art] in doc.lex.words("subject_article")):
            continue
        lead = art - 1
        if lead >= doc.seg_first[o.segment] and (not doc.is_word(lead) or doc.is_cap(lead)):
            continue
        return m.key
    if doc.low[doc.seg_first[o.segment]] in lex.subclause:
        return None  # "..., die aus Russland fliehen": the clause has its own subject
    framed = {doc.seg[t] for t in range(doc.sent_first[si], o.tok_begin) if doc.low[t] in lex.speech}
    for m in mentions:
        if m.span.end <= o.begin and doc.seg[doc.tokens_of[id(m)][0]] not in framed and eligible(m):
            return m.key
    # "Er löschte den Artikel": a pronoun subject is the last person named just before
    for t in _segment_tokens(doc, o.tok_begin):
        if doc.low[t] == "er" and doc.prep_before(t) is None:
            return _last_person(doc, o.sentence)
    return None


def _is_source(doc: _Doc, si: int, mt: int, me: int, carrier: bool = False) -> bool:
    """A speaker ("sagte X", "X berichtete") or a source ("nach Angaben der Agentur X", "X zufolge").

    With ``carrier``, a verb of saying that carries the event noun ("erklärte seinen Rücktritt")
    makes its subject the event's agent, not a mere speaker.
    """
    lex = doc.lex
    speech = lex.speech - lex.support if carrier else lex.speech
    before = [doc.low[t] for t in range(max(doc.sent_first[si], mt - 6), mt)]
    after = doc.low[me + 1] if doc.in_sentence(me + 1, si) else ""
    return bool(before and before[-1] in speech) or after in speech or after in lex.source \
        or any(w in lex.source for w in before)


def _last_person(doc: _Doc, si: int) -> str | None:
    for sj in range(si, max(-1, si - 4), -1):
        if doc.sent_block[sj] != doc.sent_block[si]:
            break
        persons = [m for m in doc.by_sentence.get(sj, []) if m.kind == "person" and m.key]
        if persons:
            return persons[-1].key
    return None


# ------------------------------------------------------------------ across sentences
def _follow_up(ctx: EventContext, doc: _Doc, by_sentence: dict[int, list[_Occurrence]],
               quantities: dict[int, list[tuple[Span, Quantity]]]) -> None:
    """Counts in the next sentence, and the place of the sentence before, for events left without.

    "Über 300 Menschen wurden festgenommen." after a sentence on strikes in Lyon: the
    arrests took place there. A sentence of bare numbers after an event sentence ("Rund 4,2
    Millionen Einwohner dürfen abstimmen ...") counts for that event.
    """
    sents = ctx.structure.sentences
    for si in sorted(by_sentence):
        prev = si - 1
        if prev < 0 or sents[prev].block != sents[si].block or prev not in by_sentence:
            continue
        places = [k for o in by_sentence[prev] if not o.inherited for k in o.locations]
        for o in by_sentence[si]:
            if not o.locations and places:
                o.locations = list(dict.fromkeys(places))
                o.inherited = True
    for si, occs in by_sentence.items():
        nxt = si + 1
        if nxt >= len(sents) or nxt in by_sentence or sents[nxt].block != sents[si].block:
            continue
        for _, q in quantities.get(nxt, []):
            if q.unit and q.unit.lower() in doc.lex.timeunit:
                continue  # "vier Tage": a duration, not a count of the event
            for o in occs:
                if q not in o.quantities:
                    o.quantities.append(q)


def _compatible_dates(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def _norm_modifier(m: str) -> str:
    m = m.lower().rstrip("-‐‑")
    return m[:-1] if m.endswith("s") and len(m) > 3 else m


def _merge(occs: Iterable[_Occurrence]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for o in occs:
        mod = _norm_modifier(o.modifier)
        target = None
        for c in clusters:
            head = c.members[0]
            if head.type != o.type or head.trigger.group != o.trigger.group:
                continue
            if not _compatible_dates(c.start, o.start):
                continue
            if o.event_name and c.names and o.event_name not in c.names:
                continue
            if mod and c.modifiers and mod not in c.modifiers:
                continue
            target = c
            break
        if target is None:
            target = _Cluster([])
            clusters.append(target)
        target.members.append(o)
        if o.start is not None and (target.start is None or len(o.start.value) > len(target.start.value)):
            target.start = o.start
        if o.event_name:
            target.names.add(o.event_name)
        if mod:
            target.modifiers.add(mod)
    return clusters


def _dateline_state(ctx: EventContext) -> str | None:
    """Where the article's events happen unless it says otherwise.

    The one state of the dateline, if the article names it elsewhere too ("Prag (Tschechien),
    27.04.2012 –"); else the dateline's one place when it names nothing else ("Peking –").
    """
    dl = ctx.structure.dateline
    if dl is None:
        return None
    inside = [m for m in ctx.mentions if m.key and dl.begin <= m.span.begin < dl.end]
    states = {m.key for m in inside if m.kind == "country"}
    if len(states) == 1:
        key = next(iter(states))
        elsewhere = any(m.key == key and not dl.begin <= m.span.begin < dl.end for m in ctx.mentions)
        return key if elsewhere else None
    places = {m.key for m in inside}
    if len(places) == 1 and inside[0].kind == "place":
        return inside[0].key
    return None


# ------------------------------------------------------------------ output
def _anchor(ctx: EventContext, c: _Cluster) -> _Occurrence:
    def score(o: _Occurrence) -> int:
        role = ctx.structure.sentences[o.sentence].role
        return (2 * (role in ("body", "lead")) + 2 * (o.start is not None) + bool(o.locations)
                + bool(o.agents) + bool(o.quantities))
    return max(c.members, key=score)  # the first of the best


def _first(words: frozenset[str]) -> str:
    """The one word of a one-word list (the empty string when the language has none)."""
    return next(iter(sorted(words)), "")


def _name(o: _Occurrence, text: str) -> str:
    label = o.trigger.label
    if o.modifier and not label.lower().startswith(o.trigger.form[:4]):
        # the label is another word than the compound's head ("Abschiedsparty", label "Feier"):
        # keep the compound as written, without its ending
        name = text[o.begin - len(o.modifier):o.end]
    elif o.modifier:
        name = o.modifier + (label if o.modifier[-1] in "-‐‑" else label[:1].lower() + label[1:])
    else:
        name = label
    if o.event_name:
        name = f"{name} {o.event_name}"
    if o.location_name and o.located_by and o.location_name not in name:
        name = f"{name} {o.located_by} {o.location_name}"  # both are set together
    return name


def _to_event(ctx: EventContext, n: int, c: _Cluster, fallback: str | None) -> Event:
    anchor = _anchor(ctx, c)
    span = ctx.structure.sentences[anchor.sentence].span
    locations = list(dict.fromkeys(k for o in c.members for k in o.locations))
    if not locations and fallback:
        locations = [fallback]
    agents = list(dict.fromkeys(k for o in c.members for k in o.agents))
    participants = [k for k in dict.fromkeys(k for o in c.members for k in o.participants) if k not in agents]
    quantities: list[Quantity] = []
    for o in c.members:
        for q in o.quantities:
            if q not in quantities:
                quantities.append(q)
    named = next((o for o in c.members if o.event_name), None)
    if named is not None and anchor.event_name is None:
        anchor = replace(anchor, event_name=named.event_name)
    return Event(
        key=f"event/{n}",
        types=() if anchor.type == _PLAIN else (anchor.type,),
        name=_name(anchor, ctx.text),
        span=span,
        start=c.start,
        locations=tuple(locations),
        agents=tuple(agents),
        participants=tuple(participants),
        quantities=tuple(quantities),
    )

