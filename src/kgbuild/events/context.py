"""What the event stage works on: its input, and the text cut into tokens, clauses and mentions."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from kgbuild.events.lexicon import EventLexicon, Trigger
from kgbuild.model import DateValue, Mention, Quantity, Span, Structure
from kgbuild.text import token_spans

_SEGMENT_MARKS = frozenset(";:–—()[]-")
AGENT_KINDS = frozenset({"person", "organization", "country"})
PLACE_KINDS = frozenset({"place", "country"})
# a place or state of a sentence: (token, mention, preposition, level, preposition's token)
Place = tuple[int, Mention, str | None, str | None, int]


@dataclass(frozen=True)
class EventContext:
    """What the event stage gets from the stages before it."""

    text: str
    structure: Structure
    mentions: tuple[Mention, ...]  # linked: .key is the entity key
    dates: tuple[tuple[Span, DateValue], ...]  # resolved dates in the text
    quantities: tuple[tuple[Span, Quantity], ...]  # numbers in the text
    date_ends: tuple[tuple[Span, DateValue], ...] = ()  # the last day of a range date ("vom 3. bis 7. Mai")


# ------------------------------------------------------------------ working objects
@dataclass
class Occurrence:
    """One trigger in one sentence, with what its sentence says about it (internal)."""

    trigger: Trigger
    begin: int  # the matched trigger text
    end: int
    tok_begin: int  # first and last token of the trigger
    tok_end: int
    sentence: int
    segment: int
    modifier: str  # first part of a compound ("Raketen" in "Raketenangriffe"), as written
    event_name: str | None = None  # "Anna" in "Sturm Anna"
    verbal: bool = False
    possessed: bool = False  # an event noun after "sein", "ihr": its subject stands before it
    attributive: bool = False
    passive: bool = False
    start: DateValue | None = None
    until: DateValue | None = None  # the end of the date's range
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



class Doc:
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
        self.place_cache: dict[int, list[Place]] = {}
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
                # a list of places: "in den Staaten Chile, Ghana und Island"
                if j - 1 >= 0 and self.mention_at.get(j - 1) is not None and \
                        self.mention_at[j - 1].kind in PLACE_KINDS:
                    j -= 1
                    continue
                return None, -1
            if not self.is_word(j):
                return None, -1
            if j in self.mention_at or w in skip:
                j -= 1
                continue
            if w[0].isalpha() and not self.is_cap(j) and self.lex.adjective_ending.search(w) is None:
                return None, -1  # a verb or adverb ends the phrase: "Am Montag traf Meier"
            counted += 1
            j -= 1
        return None, -1

    def is_genitive(self, m: Mention) -> bool:
        """A Saxon or inflected genitive: "Meiers", "Costa Ricas", "Haas'"."""
        if m.role == "genitive":
            return True
        s, name = m.span.text, m.name
        return s[-1:] in ("s", "'", "’") and s != name and not name.endswith(s[-1])

    def prenominal(self, m: Mention) -> bool:
        """A genitive that stands before its noun ("Meiers Zustimmung", "Italiens Innenminister")."""
        t = self.first_token_from(m.span.end)
        return self.is_genitive(m) and self.in_sentence(t, self.tok_sent[t - 1]) and self.is_word(t) \
            and self.is_cap(t) and t not in self.mention_at



def lower_text(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # a few characters grow when lower-cased ("İ"): keep offsets aligned
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class SentenceIndex:
    def __init__(self, structure: Structure) -> None:
        self.begins = [s.span.begin for s in structure.sentences]
        self.ends = [s.span.end for s in structure.sentences]

    def __call__(self, offset: int) -> int:
        i = bisect_right(self.begins, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else -1



def segment_tokens(doc: Doc, t: int) -> range:
    seg = doc.seg[t]
    return range(doc.seg_first[seg], doc.seg_last[seg] + 1)
