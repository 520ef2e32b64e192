"""Cues: the attribution frames, speech verbs and colon quotes that make a sentence a claim.

Frames come from ``lang/<LANG>/attribution_phrases.tsv`` (compiled by :mod:`kgbuild.cues`),
speech verbs from the lexicon (with their separable particles, tenses and the passive).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kgbuild import cues as cue_data
from kgbuild import lang as lang_data
from kgbuild.claims.content import (
    _around_phrase,
    _clause_bounds,
    _content,
    _date_in,
    _inside_quotes,
    _is_mark,
    _negated,
    _outlets,
    _quote_text,
    _quotes,
)
from kgbuild.claims.context import _CLAUSE_BREAK, ClaimContext, Speaker, _Draft
from kgbuild.claims.sources import (
    _described_person,
    _joined,
    _phrase_end,
    _possessive_source,
    _prefer_holder,
    _speaker_after,
    _speaker_at,
    _speaker_before,
    _speaker_between,
    _speaker_spans,
    _speakers_for_verb,
    _subject_at,
)
from kgbuild.claims.words import ClaimWords
from kgbuild.mentions import Lexicon, address_words
from kgbuild.mentions.lexicon import SpeechVerb
from kgbuild.model import Span, SpeechAct


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
    wonach = next((w for w in words if w in ctx.cw.report_clause), None)
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
    for fm in cue_data.frames(ctx.lang).matches(words, _frame_verb(lex, words)):
        if _inside_quotes(toks.starts[idx[fm.cue[0]]], quotes):
            continue
        d = _frame_claim(ctx, lex, si, idx, words, quotes, fm)
        if d is not None:
            return d
    # "…, so der Sprecher.": the speaker closes the sentence
    for pos, i in enumerate(idx):
        if words[pos] in ctx.cw.closing_source and pos > 0 and words[pos - 1] == "," and words[-1] in (".", "!") \
                and (len(words) - pos <= 10 or _relative_tail(ctx, words, pos)) \
                and not any(lex.speech_verb(x) for x in words[pos + 1:]) \
                and not _inside_quotes(toks.starts[i], quotes):
            src = _speaker_after(ctx, idx, pos + 1, limit=8)
            if src is not None:
                return _draft(ctx, lex, si, idx, quotes, [src], words[pos], (toks.starts[i], toks.ends[i]),
                              SpeechAct.STATEMENT, frame=(toks.starts[i], toks.ends[idx[-1]]))
        if words[pos] in ctx.cw.closing_source and pos > 0 and words[pos - 1] == "," \
                and not _inside_quotes(toks.starts[i], quotes):
            d = _inserted_source(ctx, lex, si, idx, words, quotes, pos) \
                or _parenthetical_source(ctx, lex, si, idx, words, pos)
            if d is not None:
                return d
    return _verb_claim(ctx, lex, si, idx, words, quotes) or _after_quote_claim(ctx, lex, si, idx, words, quotes) \
        or _colon_claim(ctx, lex, si, idx, words, quotes) or _subject_colon_claim(ctx, lex, si, idx, words, quotes) \
        or _genitive_colon_claim(ctx, lex, si, idx, words, quotes)


def _relative_tail(ctx: ClaimContext, words: list[str], pos: int) -> bool:
    """After a quote that closes before ", so X", a relative clause about the source ends the sentence
    ("Eine „…“, so Berger, der als Professor in Kiel lehrt."): its length does not matter."""
    if pos < 2 or not _is_mark(words[pos - 2]):
        return False
    comma = next((q for q in range(pos + 2, min(pos + 7, len(words) - 1)) if words[q] == ","), None)
    return comma is not None and words[comma + 1] in ctx.cw.source_relative \
        and not any(_is_mark(w) or w in (",", ";", ":") for w in words[comma + 2:-1])


def _after_quote_claim(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                       quotes: list[tuple[int, int]]) -> _Draft | None:
    """A verb that reports speech only right after a direct quote, its subject after it ("„…“, freut
    sich X", "„…“, findet sie"): elsewhere these verbs mostly mean something else ("findet statt")."""
    toks = ctx.tokens
    for pos in range(3, len(words) - 1):
        if words[pos - 1] != "," or not _is_mark(words[pos - 2]) \
                or not _inside_quotes(toks.starts[idx[pos - 3]], quotes) or words[pos - 3] == "?":
            continue  # (a question is no claim: "„Welcher Stock?“, ruft er")
        n = 2 if " ".join(words[pos:pos + 2]).lower() in ctx.cw.quote_verbs else 1
        act = ctx.cw.quote_verbs.get(" ".join(words[pos:pos + n]).lower())
        if act is None:
            d = _conviction_after_quote(ctx, lex, si, idx, words, quotes, pos)
            if d is not None:
                return d
            continue
        src = _speaker_after(ctx, idx, pos + n, limit=6)
        if src is None or src.key in ctx.media:
            return None
        i = idx[pos]
        cue = (toks.starts[i], toks.ends[idx[pos + n - 1]])
        return _draft(ctx, lex, si, idx, quotes, [src], " ".join(words[pos:pos + n]), cue, SpeechAct(act),
                      frame=(cue[0], _phrase_end(ctx, idx, src)))
    return None


def _conviction_after_quote(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                            quotes: list[tuple[int, int]], pos: int) -> _Draft | None:
    """"„…“, ist Berger überzeugt.": the copula at ``pos``, a named subject and an adjective of conviction
    close the sentence."""
    if words[pos] not in ctx.cw.quote_copula or len(words) - pos > 6 or words[-1] != "." \
            or words[-2] not in ctx.cw.quote_conviction:
        return None
    src = _speaker_after(ctx, idx, pos + 1, limit=3)
    toks = ctx.tokens
    if src is None or src.key in ctx.media or _phrase_end(ctx, idx, src) > toks.starts[idx[-2]]:
        return None
    cue = (toks.starts[idx[pos]], toks.ends[idx[-2]])
    return _draft(ctx, lex, si, idx, quotes, [src], f"{words[pos]} … {words[-2]}", cue, SpeechAct.STATEMENT,
                  frame=(cue[0], cue[1]))


def _inserted_source(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                     quotes: list[tuple[int, int]], pos: int) -> _Draft | None:
    """"so X" between a quote and the quote that goes on ("„…“, so Berger, „…“"), or before a colon
    quote ("…, so Berger: „…“"): the source's phrase is short and a quotation mark follows it."""
    toks = ctx.tokens
    src = _speaker_after(ctx, idx, pos + 1, limit=3)
    if src is None or src.key in ctx.media:
        return None
    end = _phrase_end(ctx, idx, src)
    q = next((q for q in range(pos + 1, len(idx)) if toks.starts[idx[q]] >= end), len(idx))
    if q + 1 >= len(idx) or words[q] not in (",", ":") or not _is_mark(words[q + 1]) \
            or (words[q] == "," and not _is_mark(words[pos - 2])):
        return None
    i = idx[pos]
    return _draft(ctx, lex, si, idx, quotes, [src], words[pos], (toks.starts[i], toks.ends[i]),
                  SpeechAct.STATEMENT, frame=(toks.starts[i], end))


def _parenthetical_source(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                          pos: int) -> _Draft | None:
    """"so X" between commas inside the reported clause ("Die Stadt habe, so Max Kern, zu spät
    gehandelt"): the source's phrase is short, a comma closes it, and the clause goes on after it."""
    toks = ctx.tokens
    src = _speaker_after(ctx, idx, pos + 1, limit=3)
    if src is None or src.key in ctx.media or pos < 2:
        return None
    end = _phrase_end(ctx, idx, src)
    q = next((q for q in range(pos + 1, len(idx)) if toks.starts[idx[q]] >= end), len(idx))
    if q + 2 >= len(idx) or words[q] != "," or not words[q + 1].isalpha() \
            or any(lex.speech_verb(w) is not None for w in words[pos + 1:q]):
        return None  # ("so hofft sie": the verb is the cue)
    i = idx[pos]
    return _draft(ctx, lex, si, idx, [], [src], words[pos], (toks.starts[i], toks.ends[i]),
                  SpeechAct.STATEMENT, frame=(toks.starts[i], end), inserted=True)


def _frame_verb(lex: Lexicon, words: list[str]) -> Callable[[str], bool]:
    """The test for a frame's speech verb V: a verb that needs a separable particle counts only with
    it ("wie die Stadt bekannt gab"; "wie der Türkei gibt es …" has none)."""
    position = {w: k for k, w in enumerate(words)}

    def is_verb(w: str) -> bool:
        sv = lex.speech_verb(w)
        if sv is None:
            return False
        if not sv.needs_particle:
            return True
        k = position.get(w)
        return k is not None and k > 0 and words[k - 1] in sv.particles
    return is_verb


def _colon_claim(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                 quotes: list[tuple[int, int]], *, headline: bool = False) -> _Draft | None:
    """A named speaker, a colon and a direct quote: "Verkehrsministerin Carola Wendt: „Wir bauen.“"; in a
    headline also an organisation whose name alone stands before the colon ("Stadtwerke Kiel: „…“")."""
    toks = ctx.tokens
    for pos in range(1, min(len(words) - 2, 12)):
        if words[pos] != ":" or not _is_mark(words[pos + 1]) or not _inside_quotes(toks.starts[idx[pos + 2]], quotes):
            continue
        if any(lex.speech_verb(w) is not None or w in _CLAUSE_BREAK for w in words[:pos]):
            return None
        s = _speaker_at(ctx, idx[pos - 1]) or _pronoun_before_colon(ctx, idx, words, pos)
        if s is None or not (s.key.startswith(("person/", "position/")) or headline and _names_alone(ctx, idx, pos, s)):
            return None
        cue = (toks.starts[idx[pos]], toks.ends[idx[pos]])
        return _draft(ctx, lex, si, idx, quotes, [s], ":", cue, SpeechAct.STATEMENT,
                      frame=(toks.starts[idx[0]], cue[1]))
    return None


def _names_alone(ctx: ClaimContext, idx: list[int], pos: int, s: Speaker) -> bool:
    """An organisation's name (not a medium's) is all that stands before the colon at ``pos``."""
    return s.key.startswith("organization/") and s.key not in ctx.media \
        and s.span.begin <= ctx.tokens.starts[idx[0]] and s.span.end >= ctx.tokens.ends[idx[pos - 1]]


def _subject_colon_claim(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                         quotes: list[tuple[int, int]]) -> _Draft | None:
    """A sentence that opens with a person, whose words follow a colon as a direct quote or in Konjunktiv I
    ("Sprecher Max Berger sekundierte mit einem Tweet: „…“", "Berger setzte einen Schwerpunkt: Es müsse …")."""
    toks = ctx.tokens
    pos = next((p for p, w in enumerate(words) if w == ":"), None)
    if pos is None or not 2 <= pos <= 20 or pos + 2 >= len(words) or words[-1] == "?" \
            or any(_is_mark(w) for w in words[:pos]):
        return None
    appositive = _apposition_span(ctx, idx, words, pos)
    if any(w in _CLAUSE_BREAK for p, w in enumerate(words[:pos]) if p not in appositive):
        return None
    if any(w in ctx.cw.receiving for w in words[:pos]):
        return None  # "Dann bekam Max Berger eine E-Mail: „…“": the subject received the words
    found = [(p, sp) for p in range(pos) if (sp := _subject_at(ctx, idx[p])) is not None]
    if not found or found[0][0] > 4 or not found[0][1].key.startswith(("person/", "position/")) \
            or any(sp.key != found[0][1].key and sp.key.startswith(("person/", "position/")) for _, sp in found):
        return None  # the subject opens the sentence, and no other person stands before the colon
    quoted = _is_mark(words[pos + 1]) and _inside_quotes(toks.starts[idx[pos + 2]], quotes) \
        and len(ctx.text[toks.starts[idx[pos + 2]]:toks.ends[idx[-1]]].split()) >= 4 and words[-2] != "?"
    if not quoted and not cue_data.konjunktiv(ctx.lang).first_in_sentence(words[pos + 1:]):
        return None
    speaker = _prefer_holder(ctx, idx, found[0][0], found[0][1])
    if not any((m := ctx.index.mention_of_token.get(idx[p])) is not None and m.key == speaker.key
               and m.role == "name" for p in range(pos)):
        return None  # a name, not only a title or a pronoun ("Der Minister hält dagegen: …")
    cue = (toks.starts[idx[pos]], toks.ends[idx[pos]])
    return _draft(ctx, lex, si, idx, quotes, [speaker], ":", cue, SpeechAct.STATEMENT,
                  frame=(toks.starts[idx[0]], cue[1]))


def _apposition_span(ctx: ClaimContext, idx: list[int], words: list[str], pos: int) -> range:
    """The words of an apposition between commas right after the name that opens the sentence, before the
    verb of a colon at ``pos`` ("Max Berger, Inhaber des Ladens, findet: …", "Max Berger, 54, sagt: …"): the
    commas included, an empty range when there is none."""
    toks = ctx.tokens
    if "," not in words[:pos]:
        return range(0)
    first = words.index(",")
    m = ctx.index.mention_of_token.get(idx[first - 1]) if first > 0 else None
    if m is None or m.kind != "person" or m.role != "name" or m.span.end != toks.ends[idx[first - 1]] \
            or m.span.begin != toks.starts[idx[0]]:
        return range(0)  # the name opens the sentence and ends right before the comma
    close = next((p for p in range(first + 1, pos) if words[p] in _CLAUSE_BREAK), None)
    if close is None or words[close] != "," or close - first > 10 or pos - close > 4 or close == first + 1:
        return range(0)
    return range(first, close + 1)


def _genitive_colon_claim(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                          quotes: list[tuple[int, int]]) -> _Draft | None:
    """A person's name in the genitive, a noun of judging and a colon open the sentence, and a direct quote
    or Konjunktiv I follows: "Bergers Fazit: Es sei zu spät.", "Müllers Antwort: „Nein, danke.“"."""
    pos = 2 if len(words) > 4 and words[2] == ":" else 3 if len(words) > 5 and words[3] == ":" else None
    if pos is None or words[pos - 1] not in ctx.cw.verdict_nouns:
        return None
    m = ctx.index.mention_of_token.get(idx[pos - 2])
    if m is None or m.key is None or not m.key.startswith("person/") or not words[pos - 2].endswith(("s", "'")) \
            or (pos == 3 and words[0].lower() not in ctx.cw.determiners and words[0] not in address_words(ctx.lang)):
        return None  # "Bergers Fazit", "Herrn Bergers Fazit"; "Das Fazit Bergers" is not this rule's
    toks = ctx.tokens
    quoted = _is_mark(words[pos + 1]) and pos + 2 < len(words) and _inside_quotes(toks.starts[idx[pos + 2]], quotes)
    if not quoted and not cue_data.konjunktiv(ctx.lang).first_in_sentence(words[pos + 1:]):
        return None
    s = Speaker(m.key, Span.of(ctx.text, toks.starts[idx[pos - 2]], toks.ends[idx[pos - 2]]))
    cue = (toks.starts[idx[pos]], toks.ends[idx[pos]])
    return _draft(ctx, lex, si, idx, quotes, [s], ":", cue, SpeechAct.STATEMENT, frame=(toks.starts[idx[0]], cue[1]))


def _pronoun_before_colon(ctx: ClaimContext, idx: list[int], words: list[str], pos: int) -> Speaker | None:
    """The current speaker, when the words before a colon quote are a short phrase about him or her with
    no other name ("Für ihn steht fest: „…“", "Ihr Fazit: „…“")."""
    if pos > 8 or len(ctx.last_speakers) != 1 or not ctx.last_speakers[0].startswith("person/"):
        return None
    if any(ctx.index.mention_of_token.get(idx[p]) is not None or words[p].lower() in ctx.cw.indefinite_articles
           for p in range(pos)):
        return None  # another name, or someone new ("… habe sie eine Mutter gefragt: „…“")
    current = ctx.last_speakers[0]
    known = ctx.speaker_index.genders.get(current)
    for p in range(pos):
        gender = ctx.cw.pronoun_forms.get(words[p].lower())
        if gender is not None and (known is None or known == gender):
            toks = ctx.tokens
            return Speaker(current, Span.of(ctx.text, toks.starts[idx[p]], toks.ends[idx[p]]))
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
    # "Apple und Google zufolge", "laut Polizei und Feuerwehr": every source of the list speaks
    speakers = _joined(ctx, src) if src.key not in ctx.media else [src]
    return _draft(ctx, lex, si, idx, quotes, speakers, cue, cue_span, act, frame=frame, inserted=inserted)


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
        if w in ctx.cw.passive_aux and aux is None:
            aux = p
        if w.lower() in ctx.cw.agent:
            agent = p
    if aux is None and pos + 1 < len(words) and words[pos + 1] in ctx.cw.passive_aux:
        aux = pos + 1
    if aux is None or not _participle(ctx.lang, words[pos] if pos else words[pos][:1].lower() + words[pos][1:]):
        return None
    if agent is None and aux == pos + 1 and pos == 0:
        # "Kritisiert wurde der Plan von X": a fronted participle, its agent after the auxiliary
        for p in range(aux + 1, min(aux + 12, len(words))):
            w = words[p]
            if w in (",", ":", ";", ".") or _inside_quotes(toks.starts[idx[p]], quotes) or _is_mark(w):
                break
            if w.lower() in ctx.cw.agent:
                agent = p
                break
        if agent is not None:
            return _agent_after(ctx, idx, agent, len(words))
    if agent is None:
        return False
    return _agent_after(ctx, idx, agent, pos)


def _agent_after(ctx: ClaimContext, idx: list[int], agent: int, stop: int) -> Speaker | bool:
    """The source named right after the passive's "von", or False: "von Politikern" describes no one in
    particular."""
    toks = ctx.tokens
    for p in range(agent + 1, min(agent + 6, stop)):
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
        # "Kritisiert wurde der Plan von X": a participle opening the sentence, its auxiliary and agent after it
        fronted = pos == 0 and len(words) > 2 and words[1] in ctx.cw.passive_aux
        sv = lex.speech_verb(w[:1].lower() + w[1:] if fronted else w)
        if sv is None or fronted and sv.act in (SpeechAct.STATEMENT, SpeechAct.REPORT):
            continue  # ("Erzählt wird die Geschichte von X": the "von" belongs to the noun)
        if pos > 0 and words[pos - 1] in ctx.cw.determiners:  # "die verkündete Sperrung" (not "Das sagte …")
            continue
        if _attributive(ctx, lex, words, pos):  # "die meisten bestätigten Infektionen"
            continue
        if w in ctx.cw.determiner_forms and pos + 1 < len(words) and words[pos + 1][:1].isupper():
            continue  # "meine Solotour": a possessive before its noun, not "meinen"
        if pos > 0 and words[pos - 1] in ctx.cw.infinitive:  # "seine Meinung zu äußern": no one speaks
            continue
        if w.endswith("en") and any(x in ctx.cw.causative for x in words[max(0, pos - 12):pos]):
            continue  # "lässt einen grauen Ansatz vermuten": no one says anything
        act, cue = sv.act, w
        part = None
        if sv.particles:
            part = _particle_after(ctx.cw, words, pos, sv)
            if part is None and sv.needs_particle:
                continue
            if part is not None:
                act = sv.particles[part]
                cue = f"{w} … {part}"
        elif sv.needs_particle:
            continue
        # a particle verb has its own objects: "hält … für möglich" but "hält … fest"
        objects = sv.particle_objects.get(part, frozenset()) if part is not None else sv.objects
        if objects and not _has_object(words, pos, objects):
            continue
        if pos + 1 < len(words) and words[pos + 1] in ctx.cw.passive and not fronted:
            continue  # "ist zum Präsidenten erklärt worden": a passive reports no speaker
        complement = bool(quotes) or (pos + 1 < len(words) and words[pos + 1] in (",", ":"))
        # what was said beside the verb: a clause after a comma or colon, or the words before a closing verb
        beside = "," in words[max(pos - 2, 0):pos] or any(x in (",", ":") for x in words[pos + 1:-1])
        if (w in ctx.cw.needs_content or cue in ctx.cw.needs_content) and not beside \
                and not (quotes and _is_mark(words[0])):
            continue  # "Er schrieb ein Buch.", "schrieb damit Geschichte": nothing reported
        if (other := ctx.cw.other_sense.get(cue) or ctx.cw.other_sense.get(w)) and _clause_has(words, pos, other):
            continue  # "hält an dem Plan fest", "Daran will sie festhalten": holding on, not saying
        if w in ctx.cw.declaring and not beside and not quotes and any(x in ("zu", "zum", "zur") for x in words):
            continue  # "erklärt Tschechien zum Risikogebiet": a declaration, not a statement
        if w in ctx.cw.no_comment and not quotes and ":" not in words[pos + 1:] \
                and ctx.cw.negation.search(" ".join(words)):
            continue  # "Er äußerte sich dazu nicht.": nothing was said
        if w in ctx.cw.withheld and not quotes and _withheld(ctx.cw, words, pos):
            continue  # "Einen Termin nannte sie nicht.": what was not said is no claim
        if act in (SpeechAct.CONFIRMATION, SpeechAct.CRITICISM) and _final_participle(ctx.cw, words, pos) \
                and not complement and not fronted \
                and not (act == SpeechAct.CRITICISM and _intensified(ctx.cw, words, pos)):
            continue  # "hat die Verurteilung bestätigt.": an act, not a report of speech
        yield pos, act, cue, _passive_agent(ctx, idx, words, pos, quotes)


def _clause_has(words: list[str], pos: int, wanted: frozenset[str]) -> bool:
    """Does the verb's own clause (from the punctuation before it to the punctuation after it) hold one
    of the words?"""
    for step in (-1, 1):
        q = pos + step
        while 0 <= q < len(words) and words[q] not in (",", ";", ":", ".", "!", "?") and not _is_mark(words[q]):
            if words[q].lower() in wanted:
                return True
            q += step
    return False


def _withheld(cw: ClaimWords, words: list[str], pos: int) -> bool:
    """Does the verb's own clause close the sentence with a negation, its subject at most between
    ("Einen Grund nannte er nicht.", "Wann die Arbeiten beginnen, verriet sie noch nicht.")?"""
    tail = words[pos + 1:]
    if len(tail) < 2 or tail[-1] not in (".", "!") or tail[-2].lower() not in cw.negation_words:
        return False
    return len(tail) <= 8 and not any(x in (",", ":", ";") or _is_mark(x) for x in tail)


def _attributive(ctx: ClaimContext, lex: Lexicon, words: list[str], pos: int) -> bool:
    """Is the verb form at ``pos`` an inflected participle before its noun ("die meisten bestätigten
    Infektionen", "100 gemeldete Fälle"): after an inflected adjective or a number that is no pronoun
    or conjunction, before a common noun ("Am Montag bestätigten Ärzte, …", "Darüber hinaus kündigten
    Stadt und Land an, …" have a verb)."""
    w = words[pos]
    if pos == 0 or pos + 1 >= len(words) or not w.endswith(("te", "ten", "ter", "tes", "tem")):
        return False
    prev, nxt = words[pos - 1], words[pos + 1]
    if pos >= 3 and words[pos - 3] in ctx.cw.determiners and words[pos - 2].lower() in ctx.cw.prepositions \
            and prev[:1].isupper() and nxt[:1].isupper() and not lex.is_entity_word(nxt) and not lex.is_first_name(nxt):
        return True  # "an dem im März verkündeten Abschluss": article, a short phrase, participle, noun
    if not (prev[:1].islower() and prev.endswith(("e", "en", "er", "es", "em")) or prev.replace(".", "").isdigit()) \
            or prev in ctx.cw.coordinators \
            or prev.lower() in ctx.cw.personal or prev.lower() in ctx.cw.first_person \
            or prev in ctx.cw.subordinators or prev in ("es", "man"):
        return False
    return nxt[:1].isupper() and lex.is_common(nxt) and lex.title_of(nxt) is None


def _non_finite(cw: ClaimWords, lang: str, words: list[str], pos: int) -> bool:
    """A participle or an infinitive closing its clause ("geglaubt,", "bestreiten,", "… mitteilen," after
    a modal): inside a content clause."""
    w = words[pos]
    closes = pos + 1 >= len(words) or words[pos + 1] in (",", ".", ";", ":")
    if not closes:
        return False
    if _participle(lang, w):
        return True
    if not (w.endswith("en") and w[:1].islower() and pos > 0):
        return False
    start = max((k for k in range(pos) if words[k] in (",", ":", ";")), default=-1) + 1
    return words[pos - 1][:1].islower() or any(x in cw.modals for x in words[start:pos])


def _verb_claim(ctx: ClaimContext, lex: Lexicon, si: int, idx: list[int], words: list[str],
                quotes: list[tuple[int, int]], skip: range = range(0)) -> _Draft | None:
    """A claim cued by a speech verb, with the verb's subject as its speaker; ``skip``: word
    positions of a frame whose own verb this is ("wie die Zeitung berichtete")."""
    toks = ctx.tokens
    cues = list(_verb_cues(ctx, lex, idx, words, quotes))
    # "Er wolle das nicht bestreiten, sagt X.": a cue that closes the sentence after a comma frames
    # what comes before it, so a speech verb inside that content is no cue
    closing = [c for c in cues if c[0] > 0 and words[c[0] - 1] == "," and len(words) - c[0] <= 10
               and c[0] not in skip and not any(w in (",", ":", ";") for w in words[c[0] + 1:-1])]
    if closing:
        # only non-finite verbs are dropped: "X bestätigte, dass …, berichtet Y" keeps X as the speaker
        cues = [c for c in cues if c[0] >= closing[-1][0] or not _non_finite(ctx.cw, ctx.lang, words, c[0])]
    content_from = len(words)  # where the content of an unnamed subject's verb opens
    for pos, act, cue, passive in cues:
        if pos in skip:
            continue
        if passive is False:
            continue  # "Der Plan wurde kritisiert": the subject of a passive is no speaker
        if pos > content_from and not any(pos == c[0] for c in closing):
            continue  # a verb inside what an unnamed subject said ("Ein Kollege meinte: Er habe viel versprochen.")
        speakers = [passive] if isinstance(passive, Speaker) else _speakers_for_verb(ctx, lex, idx, pos, quotes)
        if not speakers and passive is None:
            speakers = _description_first(ctx, lex, idx, words, pos)
        if not speakers:
            if _unnamed_subject_opens(ctx.cw, ctx.lang, words, pos):
                content_from = min(content_from, pos)
            continue
        if words[pos] in ctx.cw.quoting_verbs and all(sp.key.startswith("organization/") for sp in speakers):
            # "„…“, zitierte das Portal X den Minister Y": the medium quotes (its outlet), Y speaks
            start = next((q for q in range(pos + 1, len(idx)) if toks.starts[idx[q]] >= speakers[-1].span.end),
                         len(idx))
            quoted = _speaker_after(ctx, idx, max(start, pos + 1), limit=8)
            if quoted is not None and quoted.key.startswith(("person/", "position/")):
                speakers = [quoted]
        b, e = _clause_bounds(ctx, idx, pos, quotes)
        i = idx[pos]
        return _draft(ctx, lex, si, idx, quotes, speakers, cue, (toks.starts[i], toks.ends[i]), act,
                      frame=(b, e))
    return None


def _unnamed_subject_opens(cw: ClaimWords, lang: str, words: list[str], pos: int) -> bool:
    """Does the verb at ``pos`` follow a subject that opens the sentence with an article and names no one we
    know ("Die Journalistin der Zeitung sagte dazu: …", "Ein Kollege meinte, …"), with its content opening
    by the first comma or colon after it? Then a speech verb in that content is no cue of its own."""
    if pos < 2 or not words[0][:1].isupper() or words[0].lower() not in cw.determiners \
            or any(w in (",", ":", ";") or _is_mark(w) for w in words[:pos]) \
            or _participle(lang, words[pos]) or any(w in cw.auxiliary or w in cw.modals for w in words[1:pos]):
        return False  # only the finite verb after its subject: not "Der Verein werde … hingewiesen, teilte X mit"
    nxt = next((w for w in words[pos + 1:pos + 9] if w in (",", ":", ";", ".", "!", "?")), None)
    return nxt in (",", ":")


def _description_first(ctx: ClaimContext, lex: Lexicon, idx: list[int], words: list[str], pos: int) -> list[Speaker]:
    """A sentence that opens with a definite description of a person, the speech verb after it and at most a
    phrase of place between ("Der Historiker an der Universität Bonn sagt: …"): the person just named whom
    it refers back to, gender agreeing; none when it refers to no one."""
    if not words or words[0].lower() not in ctx.cw.article_gender or not words[0][:1].isupper():
        return []
    q = 1
    while q < min(pos, 4) and words[q][:1].islower():
        q += 1  # adjectives: "Der frühere", "Die junge"
    noun = words[q] if q < pos else ""
    i = idx[q] if q < pos else -1
    if not noun[:1].isupper() or i in ctx.titles or i in ctx.generic_refs \
            or ctx.index.mention_of_token.get(i) is not None or lex.speech_verb(words[pos]) is None \
            or not (noun.lower().endswith(ctx.cw.person_noun_endings) or noun.endswith(ctx.cw.description_suffixes)):
        return []
    between = words[q + 1:pos]
    if between and (between[0].lower() not in ctx.cw.prepositions or len(between) > 8
                    or any(w in _CLAUSE_BREAK or _is_mark(w) for w in between)):
        return []  # only a phrase of place between: "Die Ärztin aus Köln sagt"
    person = _described_person(ctx, i, None)
    if person is None:
        return []
    toks = ctx.tokens
    return [Speaker(person, Span.of(ctx.text, toks.starts[idx[0]], toks.ends[i]))]


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
    neg = _negated(ctx.cw, said, act) or act == SpeechAct.DENIAL
    first = speakers[0] if speakers else None
    referent = None
    if first is not None:
        referent = next((r for b, r in ctx.referents.items()
                         if first.span.begin <= b < first.span.end and r.key == first.key), None)
    return _Draft(si, sent, keys, cue, Span.of(text, *cue_span), act, content, quote, outlets, date, neg,
                  frame, joined_text if joined is not None else None, referent)


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
    if d is None and quotes:
        return _colon_claim(ctx, lex, si, idx, words, quotes, headline=True)  # "Ministerin Eva Roth: „Wir bauen“"
    if d is None or d.cue_span is None or any(w in ctx.cw.auxiliary for w in words):
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


def _particle_after(cw: ClaimWords, words: list[str], pos: int, sv: SpeechVerb) -> str | None:
    """The separable particle that closes the verb's clause: "sagte … zu", "teilte … mit"."""
    for q in range(pos + 1, len(words)):
        w = words[q]
        if w in (",", ":", ";", "."):
            if w == "," and q + 1 < len(words) and words[q + 1] in sv.particles:
                # a particle right after a comma closes the verb only where the clause ends with it, not a
                # preposition that opens a phrase ("führt … nach draußen, …, aus den Fugen geratene …")
                closes = q + 2 >= len(words) or words[q + 2] in (",", ".", ":", ";", "und")
                return words[q + 1] if closes else None
            if w != ",":
                return None
            # a subordinate clause has its own verbs: "…, es sei denn, der Rat stimme nicht zu"
            if q + 1 < len(words) and (words[q + 1] in cw.subordinators or words[q + 1:q + 4] == ["es", "sei", "denn"]):
                return None
            continue
        if w in sv.particles and (q + 1 >= len(words) or words[q + 1] in (",", ".", ":", ";", "und")):
            return w
    return None


def _final_participle(cw: ClaimWords, words: list[str], pos: int) -> bool:
    """Is the verb at ``pos`` a participle closing a clause whose auxiliary came before it?"""
    if pos + 1 < len(words) and words[pos + 1] in cw.auxiliary:  # "verurteilt wurde"
        return True
    closes = pos + 1 >= len(words) or words[pos + 1] in (",", ".", ";", ":", "und")
    return closes and any(w in cw.auxiliary for w in words[:pos])


def _intensified(cw: ClaimWords, words: list[str], pos: int) -> bool:
    """An adverb of manner in the verb's clause: "hat den Angriff scharf kritisiert" (said, not ruled)."""
    for q in range(pos - 1, max(-1, pos - 8), -1):
        if words[q] in (",", ";", ":", "."):
            return False
        if words[q].lower() in cw.intensifiers or " ".join(words[q - 1:q + 1]).lower() in cw.intensifiers:
            return True  # "scharf", "aufs Schärfste"
    return False


def _has_object(words: list[str], pos: int, objects: frozenset[str]) -> bool:
    """A verb that only reports speech with a complement ("bezeichnete … als", "sprach von")."""
    if any(w in objects for w in words[pos + 1: pos + 12]):
        return True
    near = words[pos + 1: pos + 10]
    if any(_is_mark(w) for w in near) and not any(w in (",", ":") for w in near):
        return True  # the complement is a quote: "nannte die Demonstranten „viele nette Menschen“"
    # a verb closing its clause has its complement before it: "…, dass sie von einem Erfolg sprach"
    # or opens the sentence: "Als Erfolg bezeichnete sie …"
    closes = pos + 1 >= len(words) or words[pos + 1] in (",", ".", ";", ":")
    return any(words[q].lower() in objects and (closes or q == 0 or words[q - 1] in (",", ":"))
               for q in range(max(0, pos - 12), pos))
