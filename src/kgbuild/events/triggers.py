"""Triggers: the event words of a text, each checked against its token and its context."""

from __future__ import annotations

from kgbuild.events.context import AGENT_KINDS, PLACE_KINDS, Doc, EventContext, Occurrence, segment_tokens
from kgbuild.events.lexicon import BLOCK, EventLexicon, Trigger
from kgbuild.quotes import QUOTE_MARKS

# events whose victims are counted as their own quantity, not as separate deaths
_TOLL_OF = frozenset({"Attack", "ArmedConflict", "NaturalDisaster", "Accident", "Protest"})


def candidates(lowered: str, lex: EventLexicon) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """Every trigger form in the lower-cased text: (begin, end, (trigger index, ending length)...)."""
    return [(last - len(key) + 1, last + 1, entries) for last, (key, entries) in lex.automaton.iter(lowered)]


def find_triggers(ctx: EventContext, doc: Doc,
                   hits: list[tuple[int, int, tuple[tuple[int, int], ...]]]) -> list[Occurrence]:
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
    out: list[Occurrence] = []
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
        found = next((t for t in trigs if t.type == BLOCK or _conditions_hold(ctx, doc, t, tb, tl)), None)
        if found is None or found.type == BLOCK:
            continue
        out.append(_occurrence(doc, found, b, e, tb, tl))
    return out


def _fits(doc: Doc, trig: Trigger, b: int, e: int, tb: int, tl: int, ending: int) -> bool:
    if trig.match == "suffix":
        return tb == tl and e == doc.tok_end[tl] and doc.is_cap(tb)
    if trig.cap and not doc.is_cap(tb):
        return False
    if b != doc.tok_begin[tb]:
        return False
    if trig.match == "word":
        return e == doc.tok_end[tl]
    # a stem takes a verb's or participle's ending ("demonstrier-enden", "verhaftet-en"), not a compound's
    # head ("Geflüchteten-unterkunft", "Kassier-erinnen")
    return doc.lex.verb_ending.fullmatch(doc.low[tl], e - doc.tok_begin[tl]) is not None


def _conditions_hold(ctx: EventContext, doc: Doc, trig: Trigger, tb: int, tl: int) -> bool:
    si = doc.tok_sent[tb]
    if trig.prev and not (doc.in_sentence(tb - 1, si) and doc.low[tb - 1] in trig.prev):
        return False
    if trig.next and not (doc.in_sentence(tl + 1, si) and doc.low[tl + 1] in trig.next):
        return False
    if trig.aux and trig.aux.isdisjoint(doc.seg_words(doc.seg[tb])):
        return False
    if trig.particle:
        # the particle is the clause's last word: "trat am Montag zurück", not "trat zurück in die Halle"
        rest = [t for t in segment_tokens(doc, tb) if t > tl and doc.is_word(t)]
        if not rest or doc.low[rest[-1]] not in trig.particle:
            return False
    if trig.actor:
        reflexive = doc.lex.words("reflexive")
        near = [t for t in range(tb - 3, tl + 4) if doc.in_sentence(t, si) and not tb <= t <= tl]
        if not any((t in doc.mention_at and doc.mention_at[t].kind in AGENT_KINDS) or
                   (doc.low[t] in reflexive and t > tl) for t in near):
            return False
    if trig.date_after:
        # the date's span may take in the trigger's last word ("seit 3. Mai 2011")
        end = doc.tok_end[tl]
        if not any(doc.tok_begin[tl] <= sp.begin <= end + 3 for sp, _ in ctx.dates):
            return False
    if trig.place_near:
        near = [t for t in range(tb - 3, tl + 4) if doc.in_sentence(t, si) and not tb <= t <= tl]
        if not any((t in doc.mention_at and doc.mention_at[t].kind in PLACE_KINDS)
                   or doc.low[t] in doc.lex.placenoun or doc.low[t] in doc.lex.words("homeland")
                   for t in near):
            return False
    return True


def _negated(doc: Doc, tb: int) -> bool:
    """A negation up to four words before the trigger, in the same clause."""
    neg = doc.lex.neg
    si, seg = doc.tok_sent[tb], doc.seg[tb]
    for t in range(tb - 1, tb - 5, -1):
        if not doc.in_sentence(t, si) or doc.seg[t] != seg:
            return False
        if doc.low[t] in neg:
            return True
    return False


def _occurrence(doc: Doc, trig: Trigger, b: int, e: int, tb: int, tl: int) -> Occurrence:
    si = doc.tok_sent[tb]
    modifier = doc.text[doc.tok_begin[tb]:b] if trig.match == "suffix" else ""
    name = None
    if trig.named:
        nt = tl + 2 if doc.in_sentence(tl + 2, si) and doc.low[tl + 1] in QUOTE_MARKS else tl + 1  # Sturm „Xaver“
        if doc.in_sentence(nt, si) and doc.is_word(nt) and doc.is_cap(nt) and doc.low[nt] not in doc.lex.article:
            name = doc.text[doc.tok_begin[nt]:doc.tok_end[nt]]
    token = doc.text[doc.tok_begin[tl]:doc.tok_end[tl]]
    verb_form = trig.match != "suffix" and token[:1].islower()
    # a participle used as an adjective: "demonstrierende Studenten", "festgenommenen Schmuggler"
    attributive = (verb_form and tb == tl and token.lower() != trig.form
                   and doc.lex.adjective_ending.search(token) is not None and _before_noun(doc, tl, si))
    words = doc.seg_words(doc.seg[tb])
    # an event noun is the subject's doing after a verb that carries it ("verhängte Sanktionen") or a
    # possessive that points back to the subject ("erklärte seinen Rücktritt")
    possessed = any(doc.in_sentence(t, si) and doc.low[t] in doc.lex.possessive for t in (tb - 1, tb - 2))
    supported = not doc.lex.support.isdisjoint(words)
    verbal = (verb_form and not attributive) or possessed or supported
    passive = verb_form and _participle(token) and not doc.lex.passive.isdisjoint(words)
    return Occurrence(
        trig, b, e, tb, tl, si, doc.seg[tb], modifier, name,
        verbal=verbal, attributive=attributive, passive=passive,
        possessed=possessed and not (verb_form or supported),
    )


def _before_noun(doc: Doc, t: int, si: int) -> bool:
    """A noun follows, maybe after one more adjective ("ausgewanderte polnische Ärzte")."""
    for j in (t + 1, t + 2):
        if not doc.in_sentence(j, si) or not doc.is_word(j):
            return False
        if doc.is_cap(j):
            return True
        if doc.lex.adjective_ending.search(doc.low[j]) is None:
            return False
    return False


def drop_subsumed(doc: Doc, occs: list[Occurrence]) -> list[Occurrence]:
    """Occurrences that only describe another event of their sentence.

    Deaths beside an attack, a disaster or fighting are that event's toll (the ontology counts
    them as its quantity), and a verb that carries an event noun in its clause ("hat Sanktionen
    beschlossen", "unterzeichneten ein Abkommen") is that event's own happening.
    """
    by_sentence: dict[int, list[Occurrence]] = {}
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
    return "ge" in w[:6] or w.endswith("t")
