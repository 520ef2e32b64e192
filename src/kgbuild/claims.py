"""Claims: reported speech and attribution, found sentence by sentence.

A sentence carries a claim when it has an attribution *cue*: a speech verb ("sagte",
"bestätigte", "teilte … mit", the passive "von X wurde mitgeteilt"), an attribution frame
of ``lang/<LANG>/attribution_phrases.tsv`` ("laut X", "nach Einschätzung X", "X zufolge",
"wie X berichtet", "nach eigenen Angaben", "unter Berufung auf X", "In einer Mitteilung X
heißt es"; compiled by :mod:`kgbuild.cues`), a noun of saying followed by "wonach", or a
named speaker before a colon and a quote. The *source* is the entity the cue points to
(subject of the verb, the frame's slot); a pronoun or a bare title is resolved to the
speaker it refers back to. A frame whose source only relays a speech verb's subject
("X machte nach Angaben ihres Sprechers deutlich, …") gives the subject's claim. The
*content* is the sentence without the attribution frame. A headline whose verb is a
speech or demand verb is a claim too.

Reported speech often runs on without a new cue (a chain): a sentence whose finite verb
is Konjunktiv I or II (told from its form, :class:`kgbuild.cues.Konjunktiv`), or a
sentence that is nothing but a direct quote, right after a claim continues that claim's
speaker; "Das sagte X." makes the sentence before it X's claim. A sentence with a source
of its own that names no one we know ("Ein Gutachter hatte zuvor erklärt, …", "hieß es",
"…, so ein Anwohner.") ends the chain.

Outlet, date and polarity: a news medium named in the frame ("laut afp", "der
Agentur Reuters zufolge", "gegenüber dem Sender", "berichtet die Zeitung")
is the claim's ``reported_by``; a claim without one takes the outlet of the nearest
claim by the same speaker, and likewise its date. The claim is negative when the
main clause of its content is negated ("nicht", "kein", "nie"), or the cue is a
denial; a negation inside a relative, conditional or dass-clause of a positive
statement does not count.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from kgbuild import cues as cue_data
from kgbuild import lang as lang_data
from kgbuild.keys import slugify
from kgbuild.mentions import Lexicon, Tokens
from kgbuild.mentions.lexicon import SpeechVerb
from kgbuild.model import Claim, DateValue, Mention, Span, SpeechAct, Structure
from kgbuild.quotes import QUOTE_MARKS, find_quotes, quotes_in
from kgbuild.speakers import SpeakerIndex, build_index, resolve

_CLAUSE_BREAK = {",", ":", ";", "–", "—", "(", ")"}
# Every word comes from lang/<LANG>/claims.tsv; another language gets its own instance of this module
# (kgbuild.lang.stage_module), built from its own folder.
LANG: str = globals().get("LANG", "de")
_WORDS = lang_data.word_lists(LANG, "claims.tsv")


def _words(name: str) -> frozenset[str]:
    return frozenset(_WORDS.get(name, {}))


def _phrases(words: frozenset[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=lambda w: (-len(w), w))) \
        or "(?!)"


_SUBCLAUSE = re.compile(rf",\s*(?:(?:{_phrases(_words('subclause_joiner'))})\s+)?"
                        rf"(?:{_phrases(_words('subclause_opener'))})\b[^,]*")
_NEG = re.compile(rf"\b(?:{_phrases(_words('negation'))})\b")
_PREPOSITIONS = _words("preposition")
_REPORT_CLAUSE = _words("report_clause")
_CLOSING_SOURCE = _words("closing_source")
_DETERMINERS = _words("determiner")
_MARKS = "".join(sorted(QUOTE_MARKS))
_NOT_NEG = re.compile(rf"\b(?:{_phrases(_words('not_negation'))})\b")
_SPEAKER_WORDS = lang_data.word_lists(LANG, "speakers.tsv")
_ARTICLE_GENDER = dict(_SPEAKER_WORDS.get("article", {}))
_PERSONAL = dict(_SPEAKER_WORDS.get("personal", {}))
_FIRST_PERSON = frozenset(_SPEAKER_WORDS.get("first_person", {}))
_POSSESSIVE = dict(_SPEAKER_WORDS.get("possessive_stem", {}))
_PLURAL_VERB = tuple(_SPEAKER_WORDS.get("plural_verb_ending", {}))
_DESCRIPTION_SUFFIXES = tuple(_SPEAKER_WORDS.get("description_suffix", {}))
_MEMBER_ROLES = frozenset(slugify(w) for w in _SPEAKER_WORDS.get("member_role", {}))
_FEMININE = tuple(sorted(_SPEAKER_WORDS.get("feminine_suffix", {}).items(), key=lambda kv: -len(kv[0])))


def _noun_gender(word: str) -> str:
    """The gender a person noun marks: "Ministerin" f, "Politikerinnen" pl, "Minister" m."""
    for suffix, gender in _FEMININE:
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
    unheld: frozenset[str] = frozenset()  # keys of positions whose holder is not named
    offices: frozenset[str] = frozenset()  # keys of positions that are offices, not descriptions ("Experte")
    index: _Index = field(init=False, repr=False, compare=False)
    speaker_index: SpeakerIndex = field(init=False, repr=False, compare=False)
    lexicon: Lexicon | None = field(default=None, repr=False, compare=False)  # set by find_claims

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", _index(self))
        # a title right before a person's name tells the person's gender ("Ministerin Eva Roth")
        toks = self.tokens
        title_genders: dict[int, str] = {}
        for ti in self.titles:
            nxt = self.index.mention_of_token.get(ti + 1)
            if nxt is not None and nxt.kind == "person" and nxt.span.begin == toks.starts[ti + 1]:
                g = _noun_gender(toks.word(ti))
                if g in ("m", "f"):
                    title_genders[nxt.span.begin] = g
        object.__setattr__(self, "speaker_index", build_index(self.mentions, lang=self.lang,
                                                              title_genders=title_genders))
    held_by: dict[str, tuple[str, ...]] = field(default_factory=dict)  # person key -> position keys
    lang: str = "de"  # the language of the text rules (quotation marks)


def find_claims(ctx: ClaimContext, lex: Lexicon) -> list[Claim]:
    """All claims of an article, in text order, keyed ``claim/1``, ``claim/2`` … (who holds an
    office is linking's decision, :mod:`kgbuild.linking`; this stage does not change positions)."""
    if ctx.lang != LANG:
        other: list[Claim] = lang_data.stage_module(__name__, ctx.lang).find_claims(ctx, lex)
        return other
    if ctx.lexicon is None:  # the speaker rules look verbs up while they read a source slot
        object.__setattr__(ctx, "lexicon", lex)
    drafts: list[_Draft] = []
    sentences = ctx.structure.sentences
    last_claim_sentence = -10
    for si, sent in enumerate(sentences):
        if sent.role == "headline":
            d = _headline_claim(ctx, lex, si)
            if d is not None:
                drafts.append(d)
            continue
        if sent.role not in ("body", "lead"):
            continue
        ctx.last_speakers[:] = list(drafts[-1].speakers) if drafts and si - drafts[-1].sentence <= 3 \
            and not _new_person_between(ctx, drafts[-1], si) else []
        d = _claim_in_sentence(ctx, lex, si)
        if d is None and _new_source(ctx, lex, si):
            last_claim_sentence = -10  # "Ein Gutachter hatte zuvor erklärt, …": the chain ends
            continue
        if d is None:
            prev = drafts[-1] if drafts else None
            # the chain survives an indicative sentence inside its paragraph, not the paragraph's end
            alive = last_claim_sentence == si - 1 or (
                0 <= si - last_claim_sentence <= 4
                and sentences[si - 1].block == sentences[last_claim_sentence].block)
            if alive and last_claim_sentence != si - 1:
                # across a sentence that is not reported speech only Konjunktiv I or a quote carries it on
                sent_words = [ctx.tokens.word(i) for i in ctx.index.sentence_tokens[si]]
                alive = cue_data.konjunktiv(ctx.lang).first_in_sentence(sent_words) \
                    or sentences[si].span.text.lstrip()[:1] in QUOTE_MARKS
            if prev is not None and alive and _continues(ctx, lex, si, prev):
                d = _continuation(ctx, si, prev)
                if (back := _earlier_speaker_named(ctx, si, prev, drafts)) is not None:
                    d.speakers = (back,)
        if d is not None:
            # "Das sagte X.": the sentence before is X's claim too
            if d.cue is not None and _is_back_reference(ctx, si, d) and si > 0 \
                    and sentences[si - 1].role in ("body", "lead"):
                prevs = sentences[si - 1].span
                if drafts and drafts[-1].sentence == si - 1:
                    drafts.pop()
                span = Span.of(ctx.text, prevs.begin, sent.span.end)
                d = replace(d, span=span, content=prevs, quote=d.quote or _quote_in(ctx, prevs),
                            negative=_negated(prevs.text, d.act))
            drafts.append(d)
            last_claim_sentence = si
    _quotes_before_their_cue(ctx, drafts)
    _inherit(drafts)
    claims: list[Claim] = []
    for n, d in enumerate(drafts, 1):
        about = tuple(sorted({m.key for m in _mentions_in(ctx, d.content.begin, d.content.end)
                              if m.key and m.key not in d.speakers}))
        claims.append(Claim(
            key=f"claim/{n}", claimants=d.speakers, text=(d.text or d.content.text).strip(), span=d.span,
            speech_act=d.act, cue=d.cue, quote=d.quote, reported_by=d.outlets, stated_on=d.date,
            negative=d.negative, about=about,
        ))
    return claims


def _quotes_before_their_cue(ctx: ClaimContext, drafts: list[_Draft]) -> None:
    """A paragraph that opens with a quote-only sentence, followed by "„…“, sagt Y.", quotes Y
    throughout, not the speaker of the paragraph before."""
    sentences = ctx.structure.sentences
    for k in range(1, len(drafts) - 1):
        d, nxt, before = drafts[k], drafts[k + 1], drafts[k - 1]
        if d.cue is not None or d.quote is None or nxt.cue is None or nxt.sentence != d.sentence + 1:
            continue
        block = sentences[d.sentence].block
        if sentences[nxt.sentence].block != block or sentences[before.sentence].block == block \
                or (d.sentence > 0 and sentences[d.sentence - 1].block == block):
            continue  # only a quote that opens its paragraph
        if nxt.speakers != d.speakers and ctx.text[nxt.span.begin:nxt.span.begin + 1] in QUOTE_MARKS \
                and nxt.cue_span is not None and nxt.cue_span.begin > nxt.content.end:
            d.speakers = nxt.speakers


def _new_person_between(ctx: ClaimContext, prev: _Draft, si: int) -> bool:
    """Does a sentence between the last claim and sentence ``si`` name another person, not in a
    prepositional phrase ("„…“, sagte Kurz. Ihr Kollege Eva Roth sah das anders. „…“, sagte sie")?
    Then the last claim's speaker is no longer the current one."""
    sentences = ctx.structure.sentences
    # and the words before a quote that opens later in sentence si ("Y ging auf Abstand: „…“, sagte er")
    opening = next((b - 1 for b, _ in _quotes(ctx, sentences[si].span) if b - 1 > sentences[si].span.begin), None)
    if si - prev.sentence < 2 and opening is None:
        return False
    b = sentences[prev.sentence + 1].span.begin if prev.sentence < si else sentences[si].span.begin
    e = opening if opening is not None else sentences[si - 1].span.end
    toks = ctx.tokens
    for m in _mentions_in(ctx, b, e):
        if m.kind == "person" and m.key and m.key not in prev.speakers and m.role == "name" \
                and not _after_preposition(toks, _token_at(toks, m.span.begin)):
            return True
    return False


# ---------------------------------------------------------------- one sentence
def _claim_in_sentence(ctx: ClaimContext, lex: Lexicon, si: int) -> _Draft | None:
    toks = ctx.tokens
    sent = ctx.structure.sentences[si]
    idx = list(ctx.index.sentence_tokens[si])
    if not idx:
        return None
    quotes = _quotes(ctx, sent.span)
    words = [toks.word(i) for i in idx]
    # 0. "eine Mitteilung der Regierung …, wonach …": a noun of saying, its source, and the content
    wonach = next((w for w in words if w in _REPORT_CLAUSE), None)
    if wonach is not None:
        wpos = words.index(wonach)
        for pos in range(wpos - 1, max(wpos - 16, -1), -1):
            if words[pos] in lex.report_nouns:
                src = _speaker_after(ctx, idx, pos + 1, limit=5)
                if src is not None:
                    return _draft(ctx, lex, si, idx, quotes, [src], words[pos],
                                  (toks.starts[idx[pos]], toks.ends[idx[pos]]), SpeechAct.REPORT,
                                  frame=(toks.starts[idx[pos]], toks.ends[idx[wpos]]))
                break
    # 1. attribution frames (lang/<LANG>/attribution_phrases.tsv)
    for fm in cue_data.frames(ctx.lang).matches(words, lambda w: lex.speech_verb(w) is not None):
        if _inside_quotes(toks.starts[idx[fm.cue[0]]], quotes):
            continue
        d = _frame_claim(ctx, lex, si, idx, words, quotes, fm)
        if d is not None:
            return d
    # "…, so der Sprecher.": the speaker closes the sentence
    for pos, i in enumerate(idx):
        if words[pos] in _CLOSING_SOURCE and pos > 0 and words[pos - 1] == "," and words[-1] in (".", "!") \
                and len(words) - pos <= 10 and not any(lex.speech_verb(x) for x in words[pos + 1:]) \
                and not _inside_quotes(toks.starts[i], quotes):
            src = _speaker_after(ctx, idx, pos + 1, limit=8)
            if src is not None:
                return _draft(ctx, lex, si, idx, quotes, [src], words[pos], (toks.starts[i], toks.ends[i]),
                              SpeechAct.STATEMENT, frame=(toks.starts[i], toks.ends[idx[-1]]))
    return _verb_claim(ctx, lex, si, idx, words, quotes) or _colon_claim(ctx, lex, si, idx, words, quotes)


def _colon_claim(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                 quotes: list[tuple[int, int]]) -> _Draft | None:
    """A named speaker, a colon and a direct quote: "Verkehrsministerin Carola Wendt: „Wir bauen.“"."""
    toks = ctx.tokens
    for pos in range(1, min(len(words) - 2, 12)):
        if words[pos] != ":" or not _is_mark(words[pos + 1]) or not _inside_quotes(toks.starts[idx[pos + 2]], quotes):
            continue
        if any(lex.speech_verb(w) is not None or w in _CLAUSE_BREAK for w in words[:pos]):
            return None
        s = _speaker_at(ctx, idx[pos - 1])
        if s is None or not s.key.startswith(("person/", "position/")):
            return None
        cue = (toks.starts[idx[pos]], toks.ends[idx[pos]])
        return _draft(ctx, lex, si, idx, quotes, [s], ":", cue, SpeechAct.STATEMENT,
                      frame=(toks.starts[idx[0]], cue[1]))
    return None


def _frame_claim(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                 quotes: list[tuple[int, int]], fm: cue_data.FrameMatch) -> _Draft | None:
    """A claim cued by an attribution frame, its source in the frame's slot.

    When the sentence also has a speech verb with another subject, the frame's ``relay`` column says
    who speaks: "frame" (the frame's source only relays the subject's words; a medium becomes the
    claim's outlet) or "verb" (the verb's subject relays the source's words).
    """
    toks = ctx.tokens
    ph = fm.phrase
    cb, ce = fm.cue
    cue_span = (toks.starts[idx[cb]], toks.ends[idx[ce - 1]])
    a, b = fm.slot
    inside = [words[q] for q in range(cb, ce) if not a <= q < b]
    cue = words[fm.verb] if fm.verb is not None else \
        " ".join(inside) if ph.position != "between" else " ".join([*words[cb:a], "…", *words[b:ce]])
    if ph.speech_act == "verb":
        sv = lex.speech_verb(words[fm.verb]) if fm.verb is not None else None
        act = sv.act if sv is not None else SpeechAct.REPORT
    else:
        act = SpeechAct(ph.speech_act)
    if ph.clause and not quotes and not any(w in (",", ":") for w in words[fm.end:fm.end + 10]) \
            and not any(w in (",", ":") for w in words[max(fm.begin - 1, 0):fm.begin]):
        return None
    if ph.position == "none":
        return None
    if ph.position == "possessive":
        # "Das sei seiner Ansicht nach ein Fehler": the pronoun refers back to the speaker
        inner = _verb_claim(ctx, lex, si, idx, words, quotes, skip=range(cb, ce))
        if inner is not None:
            return inner
        src = _possessive_source(ctx, idx, cb, ce)
        if src is None:
            return None
        return _draft(ctx, lex, si, idx, quotes, [src], cue, cue_span, act, frame=cue_span, inserted=True)
    if ph.position == "subject":
        inner = _verb_claim(ctx, lex, si, idx, words, quotes)
        if inner is not None:
            return inner
        for p in range(0, fm.begin):
            s = _speaker_at(ctx, idx[p])
            if s is not None:
                s = _prefer_holder(ctx, idx, p, s)
                return _draft(ctx, lex, si, idx, quotes, [s], cue, cue_span, act, frame=cue_span)
        return None
    if ph.position == "after":
        src = _speaker_after(ctx, idx, a, limit=b - a)
    elif ph.position == "before":
        src = _speaker_before(ctx, idx, fm.cue[0])
    else:
        src = _speaker_between(ctx, idx, a, b)
    if src is None:
        return None
    inner = _verb_claim(ctx, lex, si, idx, words, quotes, skip=range(cb, ce))
    if inner is not None and src.key not in inner.speakers and inner.cue_span is not None \
            and not (inner.cue_span.begin >= cue_span[0] and inner.cue_span.end <= cue_span[1]):
        if ph.relay == "frame":
            # "Die Ministerin machte nach Angaben ihres Sprechers deutlich, …": the minister speaks
            if src.key in ctx.media:
                inner.outlets = tuple(dict.fromkeys((src.key, *inner.outlets)))
                return inner
            if any(k.startswith(("person/", "position/")) for k in inner.speakers) \
                    and min(_speaker_spans(ctx, idx, inner), default=cue_span[0]) < cue_span[0]:
                return inner
        else:
            # "Die Zeitung berichtete unter Berufung auf das Ministerium, …": the ministry speaks
            d = _draft(ctx, lex, si, idx, quotes, [src], cue, cue_span, act,
                       frame=(min(inner.frame[0], cue_span[0]), max(inner.frame[1], src.span.end)))
            d.outlets = tuple(dict.fromkeys((*(k for k in inner.speakers if k in ctx.media), *d.outlets)))
            return d
    if ph.position == "before":
        frame = (src.span.begin, cue_span[1])
    elif ph.position == "after":
        frame = (cue_span[0], _phrase_end(ctx, idx, src))
    else:
        frame = cue_span
    # "Einen Grenzwert gibt es laut X nicht": a phrase inside the content leaves the content whole
    inserted = ph.speech_act != "verb" and ph.position in ("after", "before")
    return _draft(ctx, lex, si, idx, quotes, [src], cue, cue_span, act, frame=frame, inserted=inserted)


def _possessive_source(ctx: ClaimContext, idx: list[int], cb: int, ce: int) -> Speaker | None:
    """Who the possessive pronoun of a frame ("seiner Ansicht nach") refers to: a person agreeing
    in gender, or for "ihr-" the organisation just quoted."""
    toks = ctx.tokens
    for p in range(cb, ce):
        w = toks.word(idx[p]).lower()
        stem = next((s for s in _POSSESSIVE if w.startswith(s)), None)
        if stem is None:
            continue
        span = Span.of(ctx.text, toks.starts[idx[p]], toks.ends[idx[p]])
        gender = _POSSESSIVE[stem]
        # the subject of its own sentence first: "X wiederholte, dass es seiner Ansicht nach …"
        for m in reversed(_mentions_in(ctx, toks.starts[idx[0]], span.begin)):
            if m.kind == "person" and m.key and m.role == "name" \
                    and ctx.speaker_index.genders.get(m.key, gender) == gender \
                    and not _governed(ctx, _token_at(toks, m.span.begin)):
                return Speaker(m.key, span)
        if gender == "f" and ctx.last_speakers and not ctx.last_speakers[0].startswith(("person/", "position/")):
            return Speaker(ctx.last_speakers[0], span)
        ref = resolve(ctx.speaker_index, span, sentence=toks.sentence_of[idx[p]], gender=gender,
                      current=ctx.last_speakers, held_by=ctx.held_by, min_score=1.0)
        return Speaker(ref.key, span) if ref is not None else None
    return None


def _speaker_spans(ctx: ClaimContext, idx: list[int], d: _Draft) -> list[int]:
    """Where the claim's speakers are named in its sentence (offsets of their mentions)."""
    out = []
    for m in _mentions_in(ctx, d.span.begin, d.span.end):
        if m.key in d.speakers:
            out.append(m.span.begin)
    for i, key in ctx.titles.items():
        if key in d.speakers and d.span.begin <= ctx.tokens.starts[i] < d.span.end:
            out.append(ctx.tokens.starts[i])
    return out


def _participle(lang: str, form: str) -> bool:
    return form in lang_data.participles(lang)


def _passive_agent(ctx: ClaimContext, idx: list[int], words: list[str], pos: int,
                   quotes: list[tuple[int, int]]) -> Speaker | bool | None:
    """The speaker of a passive speech verb: the object of "von" in its clause ("Von der Behörde
    wurde am Montag mitgeteilt, …"). False for a passive without one; None when the verb is active."""
    toks = ctx.tokens
    aux = agent = None
    for p in range(pos - 1, max(pos - 14, -1), -1):
        w = words[p]
        if w in (",", ":", ";", ".") or _inside_quotes(toks.starts[idx[p]], quotes) or _is_mark(w):
            break
        if w in _PASSIVE_AUX and aux is None:
            aux = p
        if w.lower() in _AGENT:
            agent = p
    if aux is None and pos + 1 < len(words) and words[pos + 1] in _PASSIVE_AUX:
        aux = pos + 1
    if aux is None or not _participle(ctx.lang, words[pos]):
        return None
    if agent is None:
        return False
    # a named source only: "von Politikern" describes no one in particular
    for p in range(agent + 1, min(agent + 6, pos)):
        m = ctx.index.mention_of_token.get(idx[p])
        if m is not None and m.key and m.kind in ("person", "organization", "country") \
                and m.role not in ("adjective", "genitive", "demonym"):
            return _prefer_holder(ctx, idx, p, Speaker(m.key, m.span))
        if idx[p] in ctx.titles:
            s = _prefer_holder(ctx, idx, p, Speaker(ctx.titles[idx[p]], Span.of(ctx.text, toks.starts[idx[p]],
                                                                                 toks.ends[idx[p]])))
            return s if s.key.startswith("person/") else False
    return False


def _verb_cues(ctx: ClaimContext, lex: Lexicon, idx: list[int], words: list[str],
               quotes: list[tuple[int, int]]) -> Iterator[tuple[int, SpeechAct, str, Speaker | bool | None]]:
    """The speech verbs of a sentence that report speech: position, act, cue and, for a passive, its agent
    (False when it names none)."""
    toks = ctx.tokens
    for pos, i in enumerate(idx):
        w = words[pos]
        if _inside_quotes(toks.starts[i], quotes):
            continue
        sv = lex.speech_verb(w)
        if sv is None:
            continue
        if pos > 0 and words[pos - 1] in _DETERMINERS:  # "die verkündete Sperrung" (not "Das sagte …")
            continue
        if pos > 0 and words[pos - 1] in _INFINITIVE:  # "seine Meinung zu äußern": no one speaks
            continue
        if w.endswith("en") and any(x in _CAUSATIVE for x in words[max(0, pos - 12):pos]):
            continue  # "lässt einen grauen Ansatz vermuten": no one says anything
        act, cue = sv.act, w
        if sv.particles:
            part = _particle_after(words, pos, sv)
            if part is None and sv.needs_particle:
                continue
            if part is not None:
                act = sv.particles[part]
                cue = f"{w} … {part}"
        elif sv.needs_particle:
            continue
        if sv.needs_object and not _has_object(words, pos, sv):
            continue
        if pos + 1 < len(words) and words[pos + 1] in _PASSIVE:
            continue  # "ist zum Präsidenten erklärt worden": a passive reports no speaker
        complement = bool(quotes) or (pos + 1 < len(words) and words[pos + 1] in (",", ":"))
        if act in (SpeechAct.CONFIRMATION, SpeechAct.CRITICISM) and _final_participle(words, pos) and not complement:
            continue  # "hat die Verurteilung bestätigt.": an act, not a report of speech
        yield pos, act, cue, _passive_agent(ctx, idx, words, pos, quotes)


def _verb_claim(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                quotes: list[tuple[int, int]], skip: range = range(0)) -> _Draft | None:
    """A claim cued by a speech verb, with the verb's subject as its speaker; ``skip``: word
    positions of a frame whose own verb this is ("wie die Zeitung berichtete")."""
    toks = ctx.tokens
    for pos, act, cue, passive in _verb_cues(ctx, lex, idx, words, quotes):
        if pos in skip:
            continue
        if passive is False:
            continue  # "Der Plan wurde kritisiert": the subject of a passive is no speaker
        speakers = [passive] if isinstance(passive, Speaker) else _speakers_for_verb(ctx, lex, idx, pos, quotes)
        if not speakers:
            continue
        b, e = _clause_bounds(ctx, idx, pos, quotes)
        i = idx[pos]
        return _draft(ctx, lex, si, idx, quotes, speakers, cue, (toks.starts[i], toks.ends[i]), act,
                      frame=(b, e))
    return None


def _draft(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], quotes: list[tuple[int, int]],
           speakers: list[Speaker], cue: str, cue_span: tuple[int, int], act: SpeechAct,
           *, frame: tuple[int, int], inserted: bool = False) -> _Draft:
    text = ctx.text
    sent = ctx.structure.sentences[si].span
    # the speaker named before the cue ("X sagte, …") puts the content after the frame
    after: bool | None = None
    if all(sp.span.end <= cue_span[0] for sp in speakers) and text[cue_span[1]:cue_span[1] + 2].startswith(","):
        after = True
    elif all(sp.span.begin >= cue_span[1] for sp in speakers) \
            and text[max(sent.begin, frame[0] - 3):frame[0]].rstrip().endswith((",", ":")):
        after = False  # "„…“, sagte X, der Chef des Senders.": the content stands before the frame
    elif speakers and all(sp.span.begin >= cue_span[1] for sp in speakers) and frame[1] < sent.end - 1 \
            and text[frame[1]:frame[1] + 2].startswith(","):
        after = True  # "In seinem Buch empfiehlt X, …": a fronted phrase, then the verb, its subject and the clause
    content = _content(text, sent, frame, quotes, after=after)
    if after is None and speakers and all(sp.span.end <= cue_span[0] for sp in speakers) \
            and frame[1] >= sent.end - 1 and not inserted and not quotes:
        # "Der Chef des Vereins, X, hält den Umbau für falsch.": a statement without a clause of its
        # own is the whole sentence, never the subject's phrase
        content = sent
    joined = _around_phrase(text, sent, frame, quotes) if inserted else None
    if joined is not None:  # "Einen Grenzwert gibt es laut X nicht": the phrase sits inside the content
        content, joined_text = joined
    quote = _quote_text(text, quotes)
    keys = tuple(dict.fromkeys(s.key for s in speakers))
    outlets = _outlets(ctx, idx, sent, quotes, keys)
    date = _date_in(ctx, frame, cue_span, sent, inside_only=inserted)
    said = joined_text if joined is not None else content.text
    neg = _negated(said, act) or act == SpeechAct.DENIAL
    return _Draft(si, sent, keys, cue, Span.of(text, *cue_span), act, content, quote, outlets, date, neg,
                  frame, joined_text if joined is not None else None)


def _continues(ctx: ClaimContext, lex: Lexicon, si: int, prev: _Draft) -> bool:
    """Does sentence si carry on the reported speech of the claim before it?"""
    sent = ctx.structure.sentences[si]
    prev_sent = ctx.structure.sentences[prev.sentence]
    if sent.block - prev_sent.block > 1:
        return False
    t = sent.span.text.strip()
    if t[:1] == "[":
        return False  # an editor's note in brackets ("[Lesen Sie auch: …]")
    if t[:1] in QUOTE_MARKS and t.rstrip(".")[-1:] in QUOTE_MARKS and len(_quotes(ctx, sent.span)) >= 1:
        return True  # a sentence that is only a quote
    if sent.block != prev_sent.block and not prev.quote and prev.sentence != si - 1:
        return False
    toks = ctx.tokens
    idx = ctx.index.sentence_tokens[si]
    words = [toks.word(i) for i in idx]
    quotes = _quotes(ctx, sent.span)
    for pos in range(1, min(len(words) - 1, 7)):
        # "Die Polizei sagte, sie habe …": a speaker of its own, even one not recognised, opens
        # the sentence with a speech verb in second place
        sv = lex.speech_verb(words[pos])
        if sv is None or words[pos + 1] not in (",", ":") or sv.needs_particle or sv.needs_object:
            continue
        before = words[:pos]
        konj = cue_data.konjunktiv(ctx.lang)
        if words[pos - 1] != "zu" and not any(w in (",", ":", ";") or konj.form_at(words, k)
                                              for k, w in enumerate(before)) \
                and before[0][:1].isupper() and not _inside_quotes(toks.starts[idx[pos]], quotes):
            return False
    return cue_data.konjunktiv(ctx.lang).in_sentence(words)


def _new_source(ctx: ClaimContext, lex: Lexicon, si: int) -> bool:
    """Does sentence si bring a source of its own, named or not ("Die Zeitung hatte zuvor berichtet, …",
    "…, sagte ein Anwohner", "nach offiziellen Angaben")? Then it continues no one's chain."""
    toks = ctx.tokens
    idx = list(ctx.index.sentence_tokens[si])
    quotes = _quotes(ctx, ctx.structure.sentences[si].span)
    words = [toks.word(i) for i in idx]
    for fm in cue_data.frames(ctx.lang).matches(words, lambda w: lex.speech_verb(w) is not None):
        if fm.phrase.position == "none" and not _inside_quotes(toks.starts[idx[fm.cue[0]]], quotes):
            return True  # "hieß es", "nach offiziellen Angaben"
    # "…, so der Verband.": a closing source we cannot name
    for pos in range(1, len(words)):
        if words[pos] in _CLOSING_SOURCE and words[pos - 1] == "," and len(words) - pos <= 10 \
                and words[-1] in (".", "!") \
                and not _inside_quotes(toks.starts[idx[pos]], quotes) and not any(_is_mark(w) for w in words[pos:]):
            return True
    # a speech verb whose subject names no one we know: "Ein Gutachter hatte zuvor erklärt, …"
    return any(True for _ in _verb_cues(ctx, lex, idx, words, quotes))


def _headline_claim(ctx: ClaimContext, lex: Lexicon, si: int) -> _Draft | None:
    """A headline whose verb is a speech or demand verb, its subject named before it
    ("Bürgermeisterin Anna Weber fordert mehr Geld vom Land")."""
    idx = list(ctx.index.sentence_tokens[si])
    if not idx:
        return None
    toks = ctx.tokens
    words = [toks.word(i) for i in idx]
    quotes = _quotes(ctx, ctx.structure.sentences[si].span)
    d = _verb_claim(ctx, lex, si, idx, words, quotes)
    if d is None or d.cue_span is None or any(w in _AUX for w in words):
        return None
    named = [b for b in _speaker_spans(ctx, idx, d) if b < d.cue_span.begin]
    if not named or not all(k.startswith(("person/", "position/", "organization/")) for k in d.speakers):
        return None
    sent = ctx.structure.sentences[si].span
    b = d.cue_span.end
    while b < sent.end and ctx.text[b] == " ":
        b += 1
    if sent.end - b < 3:
        return None
    d.content = Span.of(ctx.text, b, sent.end)
    return d


def _earlier_speaker_named(ctx: ClaimContext, si: int, prev: _Draft, drafts: list[_Draft]) -> str | None:
    """A continuation that opens a new paragraph naming one earlier speaker, and not the current one
    ("In Bergers Werkstatt gebe es kaum Absagen."), goes back to that speaker."""
    sent = ctx.structure.sentences[si]
    if sent.block == ctx.structure.sentences[prev.sentence].block:
        return None
    named = {m.key for m in _mentions_in(ctx, sent.span.begin, sent.span.end) if m.kind == "person" and m.key}
    if len(named) != 1 or named & set(prev.speakers):
        return None
    key = next(iter(named))
    return key if any(d.speakers == (key,) for d in drafts) else None


def _continuation(ctx: ClaimContext, si: int, prev: _Draft) -> _Draft:
    text = ctx.text
    sent = ctx.structure.sentences[si].span
    quotes = _quotes(ctx, sent)
    return _Draft(si, sent, prev.speakers, None, None, prev.act if prev.act != SpeechAct.DENIAL else
                  SpeechAct.STATEMENT, sent, _quote_text(text, quotes), prev.outlets, None,
                  _negated(sent.text, SpeechAct.STATEMENT), (sent.begin, sent.begin))


def _is_back_reference(ctx: ClaimContext, si: int, d: _Draft) -> bool:
    first = ctx.structure.sentences[si].span.text.split(" ", 1)[0]
    return first in ("Das", "Dies") and d.content.end - d.content.begin < 3 or (
        first in ("Das", "Dies") and d.cue_span is not None and d.cue_span.begin - d.span.begin <= 6)


# ---------------------------------------------------------------- speakers
def _speaker_at(ctx: ClaimContext, i: int, *, source: bool = False) -> Speaker | None:
    """The speaker a token stands for: an entity mention, a title (position), a pronoun."""
    toks = ctx.tokens
    b = toks.starts[i]
    if i in ctx.titles:  # before mentions: "Kreml-Sprecher" is a title, not the Kremlin
        key = ctx.titles[i]
        holder = next((p for p, ks in ctx.held_by.items() if key in ks), None)
        span = Span.of(ctx.text, b, toks.ends[i])
        if holder is None and key in ctx.unheld and (person := _described_person(ctx, i, key)) is not None:
            return Speaker(person, span)
        return Speaker(holder or key, span)
    pron = toks.word(i).lower()
    if pron in _PERSONAL:
        span = Span.of(ctx.text, b, toks.ends[i])
        # "sie" may be the organisations or people just quoted ("teilten sie mit")
        if pron == "sie" and ctx.last_speakers and (
                not ctx.last_speakers[0].startswith(("person/", "position/")) or _plural_verb_beside(ctx, i)):
            return Speaker(ctx.last_speakers[0], span)
        ref = resolve(ctx.speaker_index, span, sentence=toks.sentence_of[i], gender=_PERSONAL[pron],
                      current=ctx.last_speakers, held_by=ctx.held_by)
        if ref is not None:
            return Speaker(ref.key, span)
        last = [k for k in ctx.last_speakers if k.startswith("position/")]
        return Speaker(last[0], span) if last else None
    if i in ctx.pronoun_persons:
        return None  # "ihm", "seine": not a subject
    if _DESCRIPTION_SUFFIXES and toks.word(i).endswith(_DESCRIPTION_SUFFIXES) and toks.word(i)[:1].isdigit():
        # "sagte der 45-Jährige": the person the article gave that age, else the one it refers back to
        person = _person_of_age(ctx, toks.word(i)) or _described_person(ctx, i, None)
        return Speaker(person, Span.of(ctx.text, b, toks.ends[i])) if person is not None else None
    m = ctx.index.mention_of_token.get(i)
    if m is not None and m.role == "demonym":
        # "sagte der Brasilianer" describes a person, never the state ("Der Deutsche Imkerbund": an adjective)
        if i + 1 < len(toks) and toks.sentence_of[i + 1] == toks.sentence_of[i] and toks.word(i + 1)[:1].isupper():
            return None
        person = _described_person(ctx, i, None)
        return Speaker(person, m.span) if person is not None else None
    if not source and m is not None and m.span.end < toks.ends[i] and ctx.text[m.span.end:m.span.end + 1] == "-":
        return None  # "bei einem SPD-Treffen": the name only modifies the noun it is joined to
    if m is not None:
        if m.span.begin <= b < m.span.end and m.key is not None and m.role not in ("adjective", "genitive") \
                and m.kind != "place":
            first = _token_at(toks, m.span.begin)
            # a subject is no prepositional phrase or genitive attribute; the source of
            # "nach Angaben der X" or "laut X" is exactly that
            if not source and m.kind != "person" and (_after_preposition(toks, first)
                                                      or _genitive_attribute(toks, first)):
                return None
            return Speaker(m.key, m.span)
    if i in ctx.generic_refs:
        nxt = ctx.index.mention_of_token.get(i + 1)
        if nxt is not None and i + 1 < len(toks) and nxt.span.begin == toks.starts[i + 1]:
            return None  # "die Nachrichtenagentur Xinhua": the name after the noun is the source
        if toks.word(i) in _MEDIUM_NOUNS and ctx.generic_refs[i] not in ctx.media:
            return None  # "die Zeitung" is no ministry named before it
        return Speaker(ctx.generic_refs[i], Span.of(ctx.text, b, toks.ends[i]))
    return None


def _person_of_age(ctx: ClaimContext, word: str) -> str | None:
    """The one person the article gives the age in ``word`` ("45-Jährige"): "der 45-jährige Max
    Berger", "Max Berger (45)", "Max Berger, 45,"."""
    age = re.match(r"\d+", word)
    if age is None:
        return None
    n = age.group()
    text = ctx.text
    found = set()
    for m in ctx.mentions:
        if m.kind != "person" or not m.key:
            continue
        before = text[max(0, m.span.begin - 30):m.span.begin]
        after = text[m.span.end:m.span.end + len(n) + 3]
        if re.search(rf"\b{n}-[jJ]ährige[rn]?\s+(?:[A-ZÄÖÜ]\w+\s+)?$", before) \
                or after.startswith((f" ({n})", f", {n},")):
            found.add(m.key)
    return next(iter(found)) if len(found) == 1 else None


def _plural_verb_beside(ctx: ClaimContext, i: int) -> bool:
    """Is the speech verb right before or after token i in the plural ("teilten sie mit")?"""
    toks = ctx.tokens
    for k in (i - 1, i + 1):
        if 0 <= k < len(toks) and toks.sentence_of[k] == toks.sentence_of[i]:
            w = toks.word(k)
            if w[:1].islower() and w.endswith(_PLURAL_VERB) and ctx.lexicon is not None \
                    and ctx.lexicon.speech_verb(w) is not None:
                return True
    return False


def _described_person(ctx: ClaimContext, i: int, office: str | None) -> str | None:
    """The person a description in a source slot refers to ("der CDU-Politiker", "die Ministerin").

    Only a definite description refers back; a name right after it is the speaker instead. A
    description ("der Politiker", "der Brasilianer") refers to a person the article just named,
    gender agreeing; an office ("die Ministerin") is left to the position it names.
    """
    toks = ctx.tokens
    k = i - 1
    while k >= 0 and toks.sentence_of[k] == toks.sentence_of[i] and toks.word(k)[:1].islower() \
            and toks.word(k) not in _ARTICLE_GENDER and i - k <= 3:
        k -= 1  # adjectives: "der frühere", "die bayerische"
    if k < 0 or toks.word(k).lower() not in _ARTICLE_GENDER or toks.sentence_of[k] != toks.sentence_of[i]:
        return None
    nxt = ctx.index.mention_of_token.get(i + 1)
    if nxt is not None and nxt.kind == "person":
        return None
    article_gender = _ARTICLE_GENDER[toks.word(k).lower()]
    if toks.word(i).endswith(_DESCRIPTION_SUFFIXES):
        gender = article_gender  # an adjective used as a noun: "der 45-Jährige", "die 45-Jährige"
    else:
        gender = _noun_gender(toks.word(i))
        if gender == "m" and article_gender != "m" or gender == "pl":
            return None
    if office is not None and office in ctx.offices \
            and office.removeprefix("position/").split("--")[0] not in _MEMBER_ROLES:
        return None  # an office held by no one named: the position speaks (or linking names its holder)
    ref = resolve(ctx.speaker_index, Span.of(ctx.text, toks.starts[k], toks.ends[i]), sentence=toks.sentence_of[i],
                  gender=gender, current=ctx.last_speakers, office=office, held_by=ctx.held_by, min_score=1.0)
    if ref is not None and office is not None and "--" in office and "holds_office" not in ref.evidence \
            and office.removeprefix("position/").split("--")[0] not in _MEMBER_ROLES:
        return None  # "der Chefredakteur des Blatts": an office of a named owner is no one just quoted
    return ref.key if ref is not None else None


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


def _after_preposition(toks: Tokens, i: int, *, reach: int = 3,
                       also_skip: Callable[[int], bool] | None = None) -> bool:
    """Does a preposition govern the noun phrase of token i ("gegenüber der staatlichen Agentur")?
    Determiners and adjectives may stand between, and the tokens ``also_skip`` admits, within
    ``reach`` tokens of the same sentence."""
    for k in range(i - 1, max(i - 1 - reach, -1), -1):
        if toks.sentence_of[k] != toks.sentence_of[i]:
            return False
        w = toks.word(k)
        if w.lower() in _PREPOSITIONS:
            return True
        if w in _DETERMINERS or (w[:1].islower() and w.endswith(("e", "en", "er", "es", "em"))) \
                or (also_skip is not None and also_skip(k)):
            continue
        return False
    return False


def _governed(ctx: ClaimContext, i: int) -> bool:
    """Is the name at token i inside a prepositional phrase, titles and adjectives between
    ("gegen Berger", "an den Schweizer Verbandschef Max Berger")? Then it is no subject."""
    toks = ctx.tokens

    def in_phrase(k: int) -> bool:
        m = ctx.index.mention_of_token.get(k)
        w = toks.word(k)
        return k in ctx.titles or (m is not None and m.role in ("adjective", "demonym")) \
            or (k == i - 1 and m is None and w[:1].isupper() and ctx.lexicon is not None
                and ctx.lexicon.is_common(w))  # a noun before the name: "an den Verbandschef X"
    return _after_preposition(toks, i, reach=5, also_skip=in_phrase)


def _subject_at(ctx: ClaimContext, i: int) -> Speaker | None:
    """The speaker token i names, unless a preposition governs it."""
    s = _speaker_at(ctx, i)
    if s is not None and s.key.startswith(("person/", "position/")) \
            and _governed(ctx, _token_at(ctx.tokens, s.span.begin)):
        return None
    return s


def _speaker_after(ctx: ClaimContext, idx: list[int], start: int, *, limit: int = 8) -> Speaker | None:
    for pos in range(start, min(start + limit, len(idx))):
        w = ctx.tokens.word(idx[pos])
        if w in _CLAUSE_BREAK or w == ".":
            return None
        s = _speaker_at(ctx, idx[pos], source=True)
        if s is not None:
            return _prefer_holder(ctx, idx, pos, s)
        if pos > start and w[:1].isupper() and ctx.lexicon is not None and ctx.lexicon.is_common(w) \
                and w not in ctx.lexicon.according_nouns and w not in ctx.lexicon.report_nouns \
                and not (pos + 1 < len(idx) and idx[pos + 1] in ctx.index.mention_of_token):
            # "laut der Sprecherin, die …": the source is that noun, naming no one we know
            # (but "aus Sicht des Experten Max Berger", "der Agentur Reuters": a name follows it)
            return None
    return None


def _speaker_before(ctx: ClaimContext, idx: list[int], pos: int) -> Speaker | None:
    for p in range(pos - 1, max(pos - 8, -1), -1):
        w = ctx.tokens.word(idx[p])
        if w in _CLAUSE_BREAK:
            return None
        s = _speaker_at(ctx, idx[p], source=True)
        if s is not None:
            return s
        if p == pos - 1 and w[:1].isupper() and ctx.lexicon is not None and ctx.lexicon.is_common(w):
            return None  # "Medienberichten zufolge": the source is that noun, naming no one
    return None


def _speaker_between(ctx: ClaimContext, idx: list[int], a: int, b: int) -> Speaker | None:
    for p in range(a, b):
        s = _speaker_at(ctx, idx[p], source=True)
        if s is not None:
            return _prefer_holder(ctx, idx, p, s)
    return None


def _prefer_holder(ctx: ClaimContext, idx: list[int], pos: int, s: Speaker) -> Speaker:
    """A title followed by its holder's name ("Rathaussprecher Jonas Brandt"): the person speaks."""
    if not s.key.startswith("position/"):
        return s
    for p in range(pos + 1, min(pos + 8, len(idx))):
        w = ctx.tokens.word(idx[p])
        if w in (":", ";", "."):
            break
        n = _speaker_at(ctx, idx[p])
        if n is not None and n.key.startswith("person/"):
            return n
        if n is not None and not n.key.startswith("position/"):
            continue
    return s


def _speakers_for_verb(ctx: ClaimContext, lex: Lexicon, idx: list[int], pos: int,
                       quotes: list[tuple[int, int]]) -> list[Speaker]:
    """The subject of a speech verb: after it when inverted ("…, sagte X"), else before it."""
    toks = ctx.tokens
    for p in (pos - 1, pos + 1):
        if 0 <= p < len(idx) and toks.word(idx[p]).lower() in _FIRST_PERSON \
                and not _inside_quotes(toks.starts[idx[p]], quotes):
            return []  # "Ich erklärte ihr, …": the author speaks
    after: list[Speaker] = []
    for p in range(pos + 1, min(pos + 10, len(idx))):
        i = idx[p]
        w = toks.word(i)
        if w in _CLAUSE_BREAK or w == "." or _inside_quotes(toks.starts[i], quotes) or w in ("dass", "daß"):
            break
        if lex.speech_verb(w) is not None:
            break
        s = _speaker_at(ctx, i)
        if s is None and w[:1].isupper() and lex.is_common(w) and lex.title_of(w) is None and p > pos + 1 \
                and toks.word(idx[p - 1]).lower() not in _PREPOSITIONS \
                and not any(b.begin <= toks.starts[i] < b.end for b, _ in ctx.dates):
            break  # "glauben viele Anwohner": the subject is a noun phrase that names no one
        if s is not None:
            s = _prefer_holder(ctx, idx, p, s)
            # "sagte Wendt der Agentur Reuters": the medium is the addressee, not the speaker
            if after and s.key in ctx.media:
                break
            if s.key in ctx.media and _preceded_by_dative(toks, idx, p):
                continue
            if s.key not in [a.key for a in after]:
                after.append(s)
            nxt = toks.word(idx[p + 1]) if p + 1 < len(idx) else ""
            if nxt != "und":
                break
    if not after and (app := _apposition_after(ctx, idx, pos, quotes)) is not None:
        after.append(app)  # "sagte der Sprecher des Verbands, Max Berger."
    # the subject before the verb: the first speaker of the nearest clause segment that has one
    # ("Die Ministerin für Verkehr, Carola Wendt, hat … zugesagt"); subjects joined
    # by "und" all speak ("Die Bürgermeisterin … und Stadtrat Jonas Brandt bezeichneten")
    segments: list[list[int]] = [[]]
    for p in range(pos - 1, -1, -1):
        w = toks.word(idx[p])
        if _inside_quotes(toks.starts[idx[p]], quotes) or _is_mark(w):
            if p == pos - 1 or toks.word(idx[p + 1]) in (",", ":"):
                break  # "„…“, sagte X": the quote is the content, not the subject's phrase
            continue
        if w in _CLAUSE_BREAK and w not in "()":
            segments.append([])
            continue
        segments[-1].append(p)
    if _verb_second(toks, idx, pos, segments[0], ctx) and after:
        return after
    if not after and (described := _description_after(ctx, idx, pos)) is not None:
        # "…, sagte der frühere Lehrer:" the subject is a description after the verb
        return [described] if described.key else []
    for seg in segments[:3]:
        found: list[Speaker] = []
        want_next = True
        last_p = -10
        for p in sorted(seg):
            w = toks.word(idx[p])
            if w == "und":
                want_next = True
                continue
            s = _subject_at(ctx, idx[p])
            if s is None:
                continue
            s = _prefer_holder(ctx, idx, p, s)
            if not want_next:
                # "Bayerns Verkehrsministerin Carola Wendt": a person beats the state in its phrase
                if p - last_p <= 3 and _rank(s.key) < _rank(found[-1].key):
                    found[-1] = s
                    last_p = p
                continue
            if s.key not in [f.key for f in found]:
                found.append(s)
            want_next = False
            last_p = p
        if found:
            return found
    return after


def _apposition_after(ctx: ClaimContext, idx: list[int], pos: int, quotes: list[tuple[int, int]]) -> Speaker | None:
    """A subject after the speech verb that names the person only in an apposition ("sagte der
    Sprecher des Verbands, Max Berger." / "sagte Österreichs Gesandter in Rom, Eva Roth, am Montag")."""
    toks = ctx.tokens
    for p in range(pos + 1, min(pos + 16, len(idx) - 1)):
        w = toks.word(idx[p])
        if _inside_quotes(toks.starts[idx[p]], quotes) or _is_mark(w):
            return None
        if w == ",":
            if p == pos + 1:
                return None
            m = ctx.index.mention_of_token.get(idx[p + 1])
            if m is None or m.kind != "person" or not m.key or m.span.begin != toks.starts[idx[p + 1]]:
                return None
            end = _token_at(toks, m.span.end - 1) + 1
            if end < len(toks) and toks.sentence_of[end] == toks.sentence_of[idx[p]] \
                    and toks.word(end) not in (",", ".", "(", ";", "!", "?"):
                return None
            return Speaker(m.key, m.span)
        if w == "und" and toks.word(idx[p + 1])[:1].isupper():
            continue  # "der Psychologe an der Universität und Leiter der Studie, X"
        if w in _CLAUSE_BREAK or w in (".", "dass", "daß", "wie", "und") or \
                (w[:1].islower() and w not in _DETERMINERS and w.lower() not in _PREPOSITIONS
                 and not w.endswith(("e", "en", "er", "es", "em"))):
            return None
    return None


def _description_after(ctx: ClaimContext, idx: list[int], pos: int) -> Speaker | None:
    """A definite description right after a speech verb that ends its clause ("sagte der frühere
    Trainer:", "sagte die 45-Jährige."): the person it refers back to, a Speaker with an empty key when
    it refers to no one the article named, None when the words after the verb are no such phrase."""
    toks = ctx.tokens
    p = pos + 1
    if p >= len(idx) or toks.word(idx[p]) not in _ARTICLE_GENDER:
        return None
    gender = _ARTICLE_GENDER[toks.word(idx[p])]
    p += 1
    while p < len(idx) and toks.word(idx[p])[:1].islower() and p - pos <= 4:
        p += 1  # adjectives
    m = ctx.index.mention_of_token.get(idx[p]) if p < len(idx) else None
    if p >= len(idx) or not toks.word(idx[p])[:1].isupper() or idx[p] in ctx.titles \
            or idx[p] in ctx.generic_refs or m is not None and m.span.end >= toks.ends[idx[p]]:
        return None  # (a name that only modifies the noun is part of the description: "der CDU-Mann")
    nxt = toks.word(idx[p + 1]) if p + 1 < len(idx) else "."
    if nxt not in (",", ":", ".", ";", "!", "?"):
        return None
    noun = toks.word(idx[p])
    if _noun_gender(noun) == "f" and gender == "f" or _noun_gender(noun) == "m":
        i = idx[p]
        span = Span.of(ctx.text, toks.starts[idx[pos + 1]], toks.ends[i])
        ref = resolve(ctx.speaker_index, span, sentence=toks.sentence_of[i], gender=gender,
                      current=ctx.last_speakers, held_by=ctx.held_by, min_score=1.0)
        return Speaker(ref.key if ref is not None else "", span)
    return None


def _verb_second(toks: Tokens, idx: list[int], pos: int, seg: list[int], ctx: ClaimContext) -> bool:
    """Is the subject after the verb? True unless the verb's own clause opens with a speaker
    ("Der frühere Stadtrat Jonas Brandt kritisierte …" vs "Erneut kritisierte Brandt …")."""
    return not any(_subject_at(ctx, idx[p]) is not None for p in seg)


def _rank(key: str) -> int:
    return {"person": 0, "position": 1, "organization": 2, "country": 3}.get(key.split("/", 1)[0], 4)


def _preceded_by_dative(toks: Tokens, idx: list[int], p: int) -> bool:
    for q in range(p - 1, max(p - 4, -1), -1):
        w = toks.word(idx[q]).lower()
        if w in ("der", "dem", "den", "gegenüber"):
            return True
        if w[:1].isupper():
            continue
        break
    return False


def _phrase_end(ctx: ClaimContext, idx: list[int], src: Speaker) -> int:
    """End of an attribution phrase: through its source and the words that name it."""
    end = src.span.end
    for m in _mentions_in(ctx, end, end + 3):
        if m.key == src.key:
            end = m.span.end
    # its genitive attribute too: "nach Angaben eines Sprechers der Polizei", "des Krankenhauses der Stadt Bonn"
    toks = ctx.tokens
    k = _token_at(toks, end)
    if k < len(toks) and toks.starts[k] < end:
        k += 1
    for _ in range(3):
        seat = ctx.index.mention_of_token.get(k) if k < len(toks) else None
        if seat is not None and seat.kind in ("place", "organization") and seat.span.begin == toks.starts[k]:
            end = seat.span.end  # the seat after it: "der Polizei Bonn"
            k = _token_at(toks, end - 1) + 1
            continue
        if k >= len(toks) or toks.word(k) not in _GENITIVE_ARTICLES:
            break
        j = k + 1
        while j < len(toks) and toks.word(j)[:1].islower() and toks.word(j).endswith(("e", "en", "er", "es", "em")):
            j += 1
        if j >= len(toks) or not toks.word(j)[:1].isupper() or toks.sentence_of[j] != toks.sentence_of[k]:
            break
        end = toks.ends[j]
        named = ctx.index.mention_of_token.get(j)
        if named is not None:
            end = max(end, named.span.end)
        k = _token_at(toks, end - 1) + 1
    return end


def _particle_after(words: list[str], pos: int, sv: SpeechVerb) -> str | None:
    """The separable particle that closes the verb's clause: "sagte … zu", "teilte … mit"."""
    for q in range(pos + 1, len(words)):
        w = words[q]
        if w in (",", ":", ";", "."):
            if w == "," and q + 1 < len(words) and words[q + 1] in sv.particles:
                return words[q + 1] if words[q + 1] in sv.particles else None
            if w != ",":
                return None
            # a subordinate clause has its own verbs: "…, es sei denn, der Rat stimme nicht zu"
            if q + 1 < len(words) and (words[q + 1] in _SUBORDINATORS or words[q + 1:q + 4] == ["es", "sei", "denn"]):
                return None
            continue
        if w in sv.particles and (q + 1 >= len(words) or words[q + 1] in (",", ".", ":", ";", "und")):
            return w
    return None


_PASSIVE = _words("passive")
_PASSIVE_AUX = _PASSIVE - {"werden"}  # "werden" is also the future's auxiliary
_AGENT = _words("agent")
_MEDIUM_NOUNS = _words("medium_noun")
_INFINITIVE = _words("infinitive_marker")
_SUBORDINATORS = _words("subordinator")
_AUX = _words("auxiliary")
_GENITIVE_ARTICLES = _words("genitive_article")
_CAUSATIVE = _words("causative")


def _final_participle(words: list[str], pos: int) -> bool:
    """Is the verb at ``pos`` a participle closing a clause whose auxiliary came before it?"""
    if pos + 1 < len(words) and words[pos + 1] in _AUX:  # "verurteilt wurde"
        return True
    closes = pos + 1 >= len(words) or words[pos + 1] in (",", ".", ";", ":", "und")
    return closes and any(w in _AUX for w in words[:pos])


def _has_object(words: list[str], pos: int, sv: SpeechVerb) -> bool:
    """A verb that only reports speech with a complement ("bezeichnete … als", "sprach von")."""
    if any(w in sv.objects for w in words[pos + 1: pos + 12]):
        return True
    # a verb closing its clause has its complement before it: "…, dass sie von einem Erfolg sprach"
    # or opens the sentence: "Als Erfolg bezeichnete sie …"
    closes = pos + 1 >= len(words) or words[pos + 1] in (",", ".", ";", ":")
    return any(words[q].lower() in sv.objects and (closes or q == 0 or words[q - 1] in (",", ":"))
               for q in range(max(0, pos - 12), pos))


def _clause_bounds(ctx: ClaimContext, idx: list[int], pos: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    toks = ctx.tokens
    b = toks.starts[idx[pos]]
    for p in range(pos - 1, -1, -1):
        w = toks.word(idx[p])
        if w in (",", ":", ";") or _inside_quotes(toks.starts[idx[p]], quotes) or _is_mark(w):
            break
        b = toks.starts[idx[p]]
    e = toks.ends[idx[pos]]
    depth = 0
    for p in range(pos + 1, len(idx)):
        w = toks.word(idx[p])
        if w == "(":
            depth += 1
        elif w == ")" and depth:
            depth -= 1
            e = toks.ends[idx[p]]
            continue
        if depth:
            e = toks.ends[idx[p]]
            continue
        if w == "." and p > 0 and toks.word(idx[p - 1]).isdigit():
            e = toks.ends[idx[p]]  # the ordinal of a date: "am 12. Februar"
            continue
        if w in (",", ":", ";", ".") or _inside_quotes(toks.starts[idx[p]], quotes) or w in ("dass", "daß"):
            break
        e = toks.ends[idx[p]]
    return b, e


# ---------------------------------------------------------------- content, quotes
def _quotes(ctx: ClaimContext, span: Span) -> list[tuple[int, int]]:
    """Direct quotes in a span, as (begin, end) of the quoted text without the marks (the shared scanner)."""
    paragraphs = tuple((b.span.begin, b.span.end) for b in ctx.structure.blocks)
    found = find_quotes(ctx.text, paragraphs=paragraphs, lang=ctx.lang)
    return [(q.span.begin, q.span.end) for q in quotes_in(found, span.begin, span.end)]


def _is_mark(w: str) -> bool:
    """Is the token a double quotation mark (not an apostrophe)?"""
    return w in QUOTE_MARKS and w not in "'’‚‘›‹"


def _inside_quotes(offset: int, quotes: list[tuple[int, int]]) -> bool:
    return any(b <= offset < e for b, e in quotes)


def _quote_in(ctx: ClaimContext, span: Span) -> str | None:
    return _quote_text(ctx.text, _quotes(ctx, span))


def _quote_text(text: str, quotes: list[tuple[int, int]]) -> str | None:
    if not quotes:
        return None
    # the quote with the most words; a one-word scare quote loses to a phrase
    b, e = max(quotes, key=lambda q: (len(text[q[0]:q[1]].split()), -q[0]))
    return text[b:e].strip() or None


def _content(text: str, sent: Span, frame: tuple[int, int], quotes: list[tuple[int, int]],
             *, after: bool | None = None) -> Span:
    """The reported content: the sentence without the attribution frame.

    ``after`` says on which side of the frame the content stands: after it when the speaker
    was named before the cue ("Die Präsidentin von Finnland, Aino Virtanen, sagte, …"), before it
    when the speaker follows ("…, sagte Wendt."); when unknown, the longer side.
    """
    fb, fe = frame
    # a direct quote on the content's side ("X empfahl in seinem Buch „…“, dass …": the clause)
    outside = [(b, e) for b, e in quotes if ((e <= fb and after is not True) or (b >= fe and after is not False))
               and len(text[b:e].split()) >= 3]
    if outside:  # the direct quote is the content, when it fills its side of the frame
        b, e = max(outside, key=lambda q: q[1] - q[0])
        side = text[sent.begin:fb] if e <= fb else text[fe:sent.end]
        if e - b >= 0.6 * len(side.strip(" ,.:;–-")):
            return Span.of(text, b, e)
    left = text[sent.begin:fb].rstrip(" ,:–-")
    right_start = fe
    while right_start < sent.end and text[right_start] in " ,:–-":
        right_start += 1
    right = text[right_start:sent.end]
    left_len, right_len = len(left.strip(" " + _MARKS)), len(right.strip(" ." + _MARKS))
    if after is None or min(left_len, right_len) < 3:
        after = right_len > left_len
    if not after:
        b, e = sent.begin, sent.begin + len(left)
    else:
        b, e = right_start, sent.end
    while e > b and text[e - 1] in " .,":
        e -= 1
    if text[b:b + 1] in _MARKS and text[e - 1:e] in _MARKS and text[b + 1:e - 1].strip():
        b, e = b + 1, e - 1  # a short direct quote: the words without their marks
    if e - b < 2:
        return sent
    return Span.of(text, b, e)


def _around_phrase(text: str, sent: Span, frame: tuple[int, int],
                   quotes: list[tuple[int, int]]) -> tuple[Span, str] | None:
    """The content around an attribution phrase that stands inside its clause.

    "Einen Grenzwert gibt es laut X nicht." says "Einen Grenzwert gibt es nicht"; "Bei der
    Kontrolle wurden laut X keine Raser erwischt." says "Bei der Kontrolle wurden keine Raser
    erwischt". Returns the span from the content's first to its last word, and the content
    without the phrase; ``None`` when the phrase opens or closes the content, is set off by one
    comma only (a clause of its own), or a direct quote outside it is the content.
    """
    fb, fe = frame
    if any((e <= fb or b >= fe) and len(text[b:e].split()) >= 3 for b, e in quotes):
        return None
    left_raw = text[sent.begin:fb]
    article = re.search(r"(?:^|\s)(?:der|die|das|dem|den|des|Der|Die|Das|Dem|Den|Des)\s*$", left_raw)
    if article:  # "Dem Landratsamt zufolge": the article belongs to the phrase
        left_raw = left_raw[:article.start()]
    right_raw = text[fe:sent.end]
    left = left_raw.rstrip(" ,–-")
    right = right_raw.lstrip(" ,–-")
    if not any(ch.isalnum() for ch in left) or not any(ch.isalnum() for ch in right.rstrip(" .!?")):
        return None
    comma_before = left_raw.rstrip().endswith((",", "–"))
    comma_after = right_raw.lstrip().startswith((",", "–"))
    if comma_before != comma_after:
        return None  # "Die Lage ist ruhig, laut Polizei gab es …": two clauses
    end = sent.end
    while end > fe and text[end - 1] in " .,!?":
        end -= 1
    right = text[fe:end].lstrip(" ,–-")
    b = sent.begin + len(left_raw) - len(left_raw.lstrip())
    return Span.of(text, b, end), f"{left.strip()} {right.strip()}"


def _main_clause(s: str) -> str:
    """The content without its subordinate clauses (relative, conditional, dass-clauses)."""
    s = re.sub(r"^\s*(?:dass|daß|ob)\s+", "", s)
    prev = None
    while prev != s:
        prev = s
        s = _SUBCLAUSE.sub("", s)
    return s


def _negated(content: str, act: SpeechAct) -> bool:
    if act == SpeechAct.DENIAL:
        return True
    main = _NOT_NEG.sub("", _main_clause(content))
    return _NEG.search(main) is not None


def _outlets(ctx: ClaimContext, idx: list[int], sent: Span, quotes: list[tuple[int, int]],
             speakers: tuple[str, ...]) -> tuple[str, ...]:
    out = [k for k in speakers if k in ctx.media]
    for m in _mentions_in(ctx, sent.begin, sent.end):
        if m.key in ctx.media and not _inside_quotes(
                m.span.begin, quotes) and m.key not in out:
            out.append(m.key)
    return tuple(out)


def _date_in(ctx: ClaimContext, frame: tuple[int, int], cue: tuple[int, int], sent: Span,
             *, inside_only: bool = False) -> DateValue | None:
    """The date of the speech act: a date in the attribution frame or right after the cue.

    After an attribution phrase ("Laut X wurden am 3. März …") a date belongs to what is
    reported, not to when it was said: there, only a date inside the phrase counts.
    """
    fb, fe = min(frame[0], cue[0]), max(frame[1], cue[1])
    best = None
    begins = ctx.index.dates_begins
    for span, value in ctx.dates[bisect.bisect_left(begins, sent.begin):bisect.bisect_left(begins, sent.end)]:
        if fb <= span.begin <= fe + 40 and span.begin >= fb - 2:
            gap = 0 if fb <= span.begin <= fe else span.begin - fe
            if inside_only and gap:
                continue
            if gap <= 40 and "," not in ctx.text[fe:span.begin] and (best is None or gap < best[0]):
                best = (gap, value)
    if best is None or best[1].precision != "day":
        return None
    return best[1]


def _inherit(drafts: list[_Draft]) -> None:
    """Fill a claim's outlet and date from the nearest claim by the same speaker."""
    for k, d in enumerate(drafts):
        order = sorted(range(len(drafts)), key=lambda j: (abs(j - k), j < k))
        if not d.outlets:
            for j in order:
                o = drafts[j]
                if j != k and o.outlets and set(o.speakers) & set(d.speakers):
                    d.outlets = o.outlets
                    break
        if d.date is None:
            for j in order:
                o = drafts[j]
                if j != k and o.date is not None and set(o.speakers) & set(d.speakers) and abs(j - k) <= 3:
                    d.date = o.date
                    break
