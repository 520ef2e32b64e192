"""Chains: reported speech that runs on from a claim without a new cue, and where it ends."""

from __future__ import annotations

from dataclasses import replace

from kgbuild import cues as cue_data
from kgbuild.claims.content import _inside_quotes, _is_mark, _negated, _quote_in, _quote_text, _quotes
from kgbuild.claims.context import ClaimContext, _after_preposition, _Draft, _mentions_in, _token_at
from kgbuild.claims.cues import _claim_in_sentence, _draft, _frame_verb, _headline_claim, _verb_cues
from kgbuild.claims.interview import Turn, interview_turns
from kgbuild.claims.words import ClaimWords
from kgbuild.mentions import Lexicon
from kgbuild.model import Claim, Span, SpeechAct
from kgbuild.quotes import QUOTE_MARKS
from kgbuild.segment import READ_ROLES


def find_claims(ctx: ClaimContext, lex: Lexicon) -> list[Claim]:
    """All claims of an article, in text order, keyed ``claim/1``, ``claim/2`` … (who holds an
    office is linking's decision, :mod:`kgbuild.linking`; this stage does not change positions)."""
    if ctx.lexicon is None:  # the speaker rules look verbs up while they read a source slot
        object.__setattr__(ctx, "lexicon", lex)
    drafts: list[_Draft] = []
    sentences = ctx.structure.sentences
    last_claim_sentence = -10
    subject_before: _Draft | None = None  # an indicative sentence just before, of a new person as subject
    turns = interview_turns(ctx)
    for si, sent in enumerate(sentences):
        if si in turns:  # an interview: the journalist's turns hold no claims, the interviewee's do
            d = _turn_claim(ctx, lex, si, turns[si], drafts)
            if d is not None:
                drafts.append(d)
            last_claim_sentence = si if d is not None else -10
            continue
        if sent.role == "headline":
            d = _headline_claim(ctx, lex, si)
            if d is not None:
                drafts.append(d)
            continue
        if sent.role not in ("body", "lead"):
            continue
        ctx.last_speakers[:] = list(drafts[-1].speakers) if drafts and si - drafts[-1].sentence <= 3 \
            and not _new_person_between(ctx, drafts[-1], si) else []
        # a plural verb in the last claim ("X und Y bezeichneten …") makes its speakers a group for "sie"
        ctx.last_plural[:] = [bool(ctx.last_speakers) and drafts[-1].cue is not None
                              and drafts[-1].cue.split()[0].endswith(ctx.cw.plural_verb)]
        d = _claim_in_sentence(ctx, lex, si)
        if d is None and drafts and 0 < si - last_claim_sentence <= 2 \
                and sentences[last_claim_sentence].block == sent.block and _impersonal(ctx, si):
            # "…, hieß es zur Begründung.": an unnamed source right after a claim is that claim's speaker
            d = _continuation(ctx, si, drafts[-1])
        if d is None and _new_source(ctx, lex, si, drafts[-1].speakers if drafts else ()):
            last_claim_sentence = -10  # "Ein Gutachter hatte zuvor erklärt, …": the chain ends
            continue
        if d is None and subject_before is not None and subject_before.sentence == si - 1 \
                and sentences[si - 1].block == sent.block and _reports(ctx, si) \
                and _continues(ctx, lex, si, subject_before):
            # "Eva Roth wird deutlicher. Man habe …": the person just named as the subject speaks on
            d = _continuation(ctx, si, subject_before)
        subject_before = None
        if d is None and drafts and (new := _new_named_subject(ctx, si, drafts[-1])) is not None:
            last_claim_sentence = -10  # "Danach kam das Landgericht zum gegenteiligen Ergebnis.": the chain ends
            if new.startswith("person/"):
                subject_before = _spoken(ctx, si, (new,))
        if d is None:
            prev = drafts[-1] if drafts else None
            # the chain survives an indicative sentence inside its paragraph, not the paragraph's end
            # a subheading between does not count; a journalist's question ("Und dann?") does not end
            # the paragraph's chain
            between = [k for k in range(max(last_claim_sentence + 1, 0), si)
                       if sentences[k].role in ("body", "lead")]
            adjacent = 0 <= si - last_claim_sentence <= 4 and not between
            alive = adjacent or (
                0 <= si - last_claim_sentence <= 4
                and (sentences[si - 1].block == sentences[last_claim_sentence].block
                     or all(sentences[k].span.text.rstrip().endswith("?") for k in between)))
            if alive and not adjacent:
                # across a sentence that is not reported speech only Konjunktiv I or a quote carries it on
                sent_words = [ctx.tokens.word(i) for i in ctx.index.sentence_tokens[si]]
                alive = cue_data.konjunktiv(ctx.lang).first_in_sentence(sent_words) \
                    or sentences[si].span.text.lstrip()[:1] in QUOTE_MARKS
            if prev is not None and alive and _continues(ctx, lex, si, prev):
                d = _continuation(ctx, si, prev)
                if (back := _earlier_speaker_named(ctx, si, prev, drafts)) is not None:
                    d.speakers = (back,)
        if d is None and si > 0 and (not drafts or drafts[-1].sentence < si - 1):
            d = _quote_after_subject(ctx, si)
        if d is not None:
            # "Das sagte X.": the sentence before is X's claim too
            # (a colon of the same speaker is no cue of its own: "X legte nach: „…“ Das sagte X am Montag.")
            own_cue = bool(drafts) and drafts[-1].sentence == si - 1 and drafts[-1].cue is not None \
                and not (drafts[-1].cue == ":" and drafts[-1].speakers == d.speakers)
            if d.cue is not None and _is_back_reference(ctx, si, d) and si > 0 and not own_cue \
                    and sentences[si - 1].role in ("body", "lead"):
                prevs = sentences[si - 1].span
                if drafts and drafts[-1].sentence == si - 1:
                    drafts.pop()
                span = Span.of(ctx.text, prevs.begin, sent.span.end)
                d = replace(d, span=span, content=prevs, quote=d.quote or _quote_in(ctx, prevs),
                            negative=_negated(ctx.cw, prevs.text, d.act))
            drafts.append(d)
            last_claim_sentence = si
    _quotes_before_their_cue(ctx, drafts)
    _headline_quotes(ctx, drafts)
    _inherit(drafts)
    claims: list[Claim] = []
    for n, d in enumerate(drafts, 1):
        about = tuple(sorted({m.key for m in _mentions_in(ctx, d.content.begin, d.content.end)
                              if m.key and m.key not in d.speakers}))
        claims.append(Claim(
            key=f"claim/{n}", claimants=d.speakers, text=(d.text or d.content.text).strip(), span=d.span,
            speech_act=d.act, cue=d.cue, quote=d.quote, reported_by=d.outlets, stated_on=d.date,
            negative=d.negative, about=about,
            referent=d.referent if d.referent is not None and d.speakers[:1] == (d.referent.key,) else None,
        ))
    return claims


def _turn_claim(ctx: ClaimContext, lex: Lexicon, si: int, turn: Turn, drafts: list[_Draft]) -> _Draft | None:
    """The claim of sentence ``si`` in an interview turn: none in the journalist's turn; in the
    interviewee's, the label's claim, or a claim with a source of its own, or the turn's speaker."""
    if turn.speaker is None:
        return None
    idx = list(ctx.index.sentence_tokens[si])
    quotes = _quotes(ctx, ctx.structure.sentences[si].span)
    sent = ctx.structure.sentences[si].span
    if si == turn.opens:
        if not ctx.text[turn.colon.end:sent.end].strip():
            return None  # a label on a line of its own: the turn's words follow
        colon = (turn.colon.begin, turn.colon.end)
        return _draft(ctx, lex, si, idx, quotes, [turn.speaker], ":", colon, SpeechAct.STATEMENT,
                      frame=(ctx.tokens.starts[idx[0]], colon[1]))
    own = _claim_in_sentence(ctx, lex, si)
    if own is not None and own.speakers and own.cue is not None:
        return own
    return _spoken(ctx, si, (turn.speaker.key,))


def _quote_after_subject(ctx: ClaimContext, si: int) -> _Draft | None:
    """A sentence that is only a direct quote, right after a sentence of its paragraph whose subject is a
    person named at its start, and that names no other person ("Max Berger sieht das gelassen. „Wir
    haben genug Vorräte.“"): the quote is that person's. Questions are no claims."""
    sentences = ctx.structure.sentences
    sent, before = sentences[si], sentences[si - 1]
    t = sent.span.text.strip()
    if before.block != sent.block or before.role not in ("body", "lead") or t[:1] not in QUOTE_MARKS \
            or t.rstrip(".")[-1:] not in QUOTE_MARKS or len(_quotes(ctx, sent.span)) != 1 \
            or len(t.split()) < 4 or t.rstrip(".")[-2:-1] == "?":
        return None
    toks = ctx.tokens
    first = ctx.index.sentence_tokens[si - 1].start
    persons = [m for m in _mentions_in(ctx, before.span.begin, before.span.end) if m.kind == "person" and m.key]
    if not persons or len({m.key for m in persons}) != 1 or persons[0].role != "name" \
            or _token_at(toks, persons[0].span.begin) - first > 4 \
            or _after_preposition(ctx.cw, toks, _token_at(toks, persons[0].span.begin)) \
            or _quotes(ctx, before.span):
        return None
    key = persons[0].key
    assert key is not None
    return _spoken(ctx, si, (key,))


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
                and not _after_preposition(ctx.cw, toks, _token_at(toks, m.span.begin)):
            return True
    return False


def _continues(ctx: ClaimContext, lex: Lexicon, si: int, prev: _Draft) -> bool:
    """Does sentence si carry on the reported speech of the claim before it?"""
    sent = ctx.structure.sentences[si]
    prev_sent = ctx.structure.sentences[prev.sentence]
    # an editor's insert in brackets between ("[Alle Nachrichten in unserer App.]") does not part them
    inserted = [x for x in ctx.structure.sentences[prev.sentence + 1:si]
                if x.role not in READ_ROLES and x.span.text.lstrip()[:1] == "["]
    if sent.block - prev_sent.block - len({x.block for x in inserted}) > 1:
        return False
    t = sent.span.text.strip()
    if t[:1] == "[":
        return False  # an editor's note in brackets ("[Lesen Sie auch: …]")
    if t[:1] in QUOTE_MARKS and t.rstrip(".")[-1:] in QUOTE_MARKS and len(_quotes(ctx, sent.span)) >= 1:
        return True  # a sentence that is only a quote
    if sent.block != prev_sent.block and not prev.quote and prev.sentence != si - 1 - len(inserted):
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
    if _new_subject(ctx, idx, words, prev):
        return False
    if any(w.lower() in ctx.cw.back_reference for w in words):
        return True  # "Die Zahl stieg demnach auf 92": an adverb that points back to the source
    konj = cue_data.konjunktiv(ctx.lang)
    if konj.in_sentence(words) and not konj.only_in_subclauses(words):
        return True  # (a Konjunktiv II only inside a clause of the author's sentence carries nothing on)
    if prev.sentence == si - 1 and any(w in konj.adjacent for w in words):
        return True  # "…, sagte X. Die Regierungen sollten …": an indirect request right after the claim
    return _quotes_speaker_on(ctx, si, prev, quotes)


def _quotes_speaker_on(ctx: ClaimContext, si: int, prev: _Draft, quotes: list[tuple[int, int]]) -> bool:
    """Does the sentence right after a claim, in its paragraph, quote words that can only be the speaker's:
    a quoted phrase inside the sentence ("Man sei „nicht am Ende, sondern am Anfang“") or a quote after a
    colon, with no one else named in it? A title or a scare quote ("das Programm „Ins Freie“") opens with a
    capital letter or is short ("wegen „technischer Probleme“")."""
    sent = ctx.structure.sentences[si]
    if si != prev.sentence + 1 or sent.block != ctx.structure.sentences[prev.sentence].block \
            or sent.span.text.rstrip().endswith("?"):
        return False
    if any(m.key and m.key not in prev.speakers and m.kind in ("person", "organization")
           for m in _mentions_in(ctx, sent.span.begin, sent.span.end)):
        return False
    text = ctx.text
    for b, e in quotes:
        said = text[b:e].strip()
        if len(said.split()) < 3 or said.endswith("?"):
            continue
        if said[:1].islower() or text[sent.span.begin:b].rstrip()[-2:-1] == ":":
            return True
    return False


def _new_subject(ctx: ClaimContext, idx: range, words: list[str], prev: _Draft) -> bool:
    """Does the sentence open with another person as the subject of an indicative verb ("Müller sieht den
    Bund in der Pflicht: …", "Auch Ralf Weimer beantwortet die Frage so: …")? Then it is that person's
    sentence, not the last speaker's; "Müller habe das Geld genommen" (Konjunktiv) still reports."""
    toks = ctx.tokens
    for p in range(min(2, len(idx))):
        m = ctx.index.mention_of_token.get(idx[p])
        if m is None:
            continue
        if m.kind != "person" or m.role != "name" or not m.key or m.key in prev.speakers \
                or m.span.begin != toks.starts[idx[p]]:
            return False
        after = _token_at(toks, m.span.end - 1) + 1 - idx[0]
        return after < len(words) and words[after][:1].islower() \
            and not cue_data.konjunktiv(ctx.lang).form_at(words, after)
    return False


def _impersonal(ctx: ClaimContext, si: int) -> bool:
    """Is sentence si framed by an impersonal report that names no source ("…, hieß es.", "…, hieß es
    zur Begründung.", not "hieß es aus Regierungskreisen")?"""
    toks = ctx.tokens
    words = [toks.word(i).lower() for i in ctx.index.sentence_tokens[si]]
    for phrase in ctx.cw.impersonal:
        n = len(phrase)
        for p in range(1, len(words) - n + 1):
            if words[p - 1] == "," and tuple(words[p:p + n]) == phrase:
                rest = words[p + n:]
                return not any(w in ctx.cw.source_prepositions for w in rest) and len(rest) <= 4
    return False


def _new_source(ctx: ClaimContext, lex: Lexicon, si: int, prev: tuple[str, ...] = ()) -> bool:
    """Does sentence si bring a source of its own, named or not ("Die Zeitung hatte zuvor berichtet, …",
    "…, sagte ein Anwohner", "nach offiziellen Angaben")? Then it continues no one's chain."""
    toks = ctx.tokens
    idx = list(ctx.index.sentence_tokens[si])
    quotes = _quotes(ctx, ctx.structure.sentences[si].span)
    words = [toks.word(i) for i in idx]
    for fm in cue_data.frames(ctx.lang).matches(words, _frame_verb(lex, words)):
        if fm.phrase.position == "none" and not _inside_quotes(toks.starts[idx[fm.cue[0]]], quotes):
            return True  # "hieß es", "nach offiziellen Angaben"
    # "…, so der Verband.": a closing source we cannot name
    for pos in range(1, len(words)):
        if words[pos] in ctx.cw.closing_source and words[pos - 1] == "," and len(words) - pos <= 10 \
                and words[-1] in (".", "!") \
                and not _inside_quotes(toks.starts[idx[pos]], quotes) and not any(_is_mark(w) for w in words[pos:]):
            return True
    # "…, urteilt der Gerichtshof: …": a verb that reports speech only after a quote, its own subject after it
    for pos in range(1, len(words) - 2):
        n = 2 if " ".join(words[pos:pos + 2]).lower() in ctx.cw.quote_verbs else 1
        if words[pos - 1] != "," or " ".join(words[pos:pos + n]).lower() not in ctx.cw.quote_verbs \
                or _inside_quotes(toks.starts[idx[pos]], quotes):
            continue
        subject = words[pos + n]
        rest = words[pos + n:]
        end = next((k for k, w in enumerate(rest) if w in (",", ":", ";", ".", "!") or _is_mark(w)), len(rest))
        if (subject in ctx.cw.determiners or subject[:1].isupper()) and 1 <= end <= 8 \
                and (end == len(rest) or rest[end] in (":", ".", "!")) \
                and not (set(_named(ctx, idx[pos + n:pos + n + end])) & set(prev)):
            return True  # (the last speaker named again carries its chain on: "…, urteilte das Gericht.")
    # a speech verb whose subject names no one we know: "Ein Gutachter hatte zuvor erklärt, …"
    return any(True for _ in _verb_cues(ctx, lex, idx, words, quotes))


def _new_named_subject(ctx: ClaimContext, si: int, prev: _Draft) -> str | None:
    """Is sentence si an indicative sentence whose subject is a person or organisation named by name, not the
    last claim's speaker, either opening it ("Das Landgericht Lindau kam zum gegenteiligen Ergebnis.") or
    right after its finite verb ("Mit derselben Begründung kam das Landgericht Lindau zu …")? Then that subject
    may be the source of the reported speech after it, and the last speaker's chain ends there. Its key, or None."""
    sent = ctx.structure.sentences[si]
    toks, cw = ctx.tokens, ctx.cw
    idx = ctx.index.sentence_tokens[si]
    words = [toks.word(i) for i in idx]
    konj = cue_data.konjunktiv(ctx.lang)
    if len(words) < 4 or not words[0][:1].isupper() or words[0][:1] in QUOTE_MARKS \
            or konj.in_sentence(words) and not konj.only_in_subclauses(words) or sent.span.text.rstrip().endswith("?") \
            or any(w.lower() in cw.back_reference for w in words) \
            or not all(k.startswith(("person/", "organization/")) for k in prev.speakers):
        return None  # "Im Jahr davor hatte die Agentur demnach …" reports on; a title's holder may be named now
    quotes = _quotes(ctx, sent.span)
    for m in _mentions_in(ctx, sent.span.begin, sent.span.end):
        if m.kind not in ("person", "organization") or m.role != "name" or not m.key or m.key in prev.speakers \
                or _inside_quotes(m.span.begin, quotes):
            continue
        q = _token_at(toks, m.span.begin) - idx[0]
        e = _token_at(toks, m.span.end - 1) + 1 - idx[0]
        if q < 0 or e >= len(words) or toks.starts[idx[q]] != m.span.begin or toks.ends[idx[e - 1]] != m.span.end:
            return None  # a part of a word ("Der SPD-Politiker"): the name describes the subject, is none
        if any(w in (",", ":", ";") or _is_mark(w) for w in words[:q]):
            continue
        # the article and a title before the name belong to it ("Die Ministerin Eva Roth kam …")
        d = 0 if all(w in cw.determiners or w[:1].isupper() and w.lower() not in cw.prepositions for w in words[:q]) \
            else q - 1 if q > 0 and words[q - 1] in cw.determiners else q
        if d == 0:  # the name opens the sentence, its finite verb after it
            after = words[e]
            if after[:1].islower() and after not in cw.determiners and after.lower() not in cw.prepositions \
                    and after not in cw.coordinators and after not in cw.subordinators:
                return m.key
        elif d >= 2 and words[d - 1][:1].islower() and not _subjunctive_form(konj, words[d - 1]) \
                and _first_phrase(cw, words[:d - 1]) \
                and words[d - 1] not in cw.determiners \
                and words[d - 1].lower() not in cw.prepositions and words[d - 1] not in cw.coordinators \
                and words[d - 1] not in cw.subordinators and words[d - 1] not in cw.neuter_subject \
                and words[d - 1] not in cw.reflexives \
                and not _after_preposition(cw, toks, idx[q]):
            return m.key  # after a first phrase and the finite verb: "Mit derselben Begründung kam das Gericht"
        return None  # only the first name of the sentence counts
    return None


def _reports(ctx: ClaimContext, si: int) -> bool:
    """Is sentence si reported speech by its form: a Konjunktiv I in its main clause ("Er schätze sie sehr.")?
    (Not a quote alone: after a sentence about a person it is as often someone else's words, a lyric, a motto.)"""
    words = [ctx.tokens.word(i) for i in ctx.index.sentence_tokens[si]]
    return cue_data.konjunktiv(ctx.lang).first_in_main_clause(words)


def _named(ctx: ClaimContext, tokens: range | list[int]) -> list[str]:
    """The keys of the entities that the tokens name, by name or by a generic reference ("das Gericht")."""
    keys = [ctx.generic_refs.get(i) or (m.key if (m := ctx.index.mention_of_token.get(i)) is not None else None)
            for i in tokens]
    return [k for k in keys if k]


def _first_phrase(cw: ClaimWords, words: list[str]) -> bool:
    """Are the words before a finite verb in second place one phrase: an adverb ("Zuvor") or a preposition
    with its noun phrase ("Mit derselben Begründung", "Im Jahr 2019"), so that the verb is the main clause's?"""
    if len(words) == 1:
        return words[0][:1].isupper()
    return 1 < len(words) <= 5 and words[0].lower() in cw.prepositions and all(
        w[:1].isupper() or w.isdigit() or w in cw.determiners
        or (w.islower() and w.endswith(cw.adjective_endings)) for w in words[1:])


def _subjunctive_form(konj: cue_data.Konjunktiv, w: str) -> bool:
    """Is a finite verb before its subject a Konjunktiv by its form alone ("In Bayern regiere die Partei …"),
    where the sentence-wide test, reading the word before it, does not decide?"""
    return w in konj.irregular or w.endswith(konj.endings) and not w.endswith(konj.past) and w not in konj.not_verb


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


def _headline_quotes(ctx: ClaimContext, drafts: list[_Draft]) -> None:
    """A headline quote that the body attributes ("„Wir bleiben“" over "„Wir bleiben“, sagte X") is
    X's claim too: the headline repeats the quote, the body says who said it."""
    sentences = ctx.structure.sentences
    taken = {d.sentence for d in drafts}
    for si, sent in enumerate(sentences):
        if sent.role != "headline" or si in taken:
            continue
        quotes = _quotes(ctx, sent.span)
        if len(quotes) != 1:
            continue
        said = _loose(ctx.text[quotes[0][0]:quotes[0][1]])
        if len(said.split()) < 3:
            continue
        source = next((d for d in drafts if d.sentence > si and d.speakers
                       and said in _loose(ctx.text[d.span.begin:d.span.end])), None)
        if source is not None:
            d = _continuation(ctx, si, source)
            drafts.insert(next((k for k, x in enumerate(drafts) if x.sentence > si), len(drafts)), d)
            return


def _loose(s: str) -> str:
    """Text compared without case, punctuation and spacing."""
    return " ".join("".join(c.lower() if c.isalnum() else " " for c in s).split())


def _continuation(ctx: ClaimContext, si: int, prev: _Draft) -> _Draft:
    return _spoken(ctx, si, prev.speakers, prev.act if prev.act != SpeechAct.DENIAL else SpeechAct.STATEMENT,
                   prev.outlets)


def _spoken(ctx: ClaimContext, si: int, speakers: tuple[str, ...], act: SpeechAct = SpeechAct.STATEMENT,
            outlets: tuple[str, ...] = ()) -> _Draft:
    """Sentence si as a whole, said by ``speakers`` without a cue of its own (a continuation, an
    interviewee's sentence, a quote after a sentence about its speaker)."""
    sent = ctx.structure.sentences[si].span
    return _Draft(si, sent, speakers, None, None, act, sent, _quote_text(ctx.text, _quotes(ctx, sent)), outlets,
                  None, _negated(ctx.cw, sent.text, SpeechAct.STATEMENT), (sent.begin, sent.begin))


def _is_back_reference(ctx: ClaimContext, si: int, d: _Draft) -> bool:
    first = ctx.structure.sentences[si].span.text.split(" ", 1)[0]
    return first in ("Das", "Dies") and d.content.end - d.content.begin < 3 or (
        first in ("Das", "Dies") and d.cue_span is not None and d.cue_span.begin - d.span.begin <= 6)


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
