"""Who did it (agents) and who else took part (participants), within an occurrence's sentence."""

from __future__ import annotations

from collections.abc import Sequence

from kgbuild.events.context import AGENT_KINDS, Doc, Occurrence, segment_tokens
from kgbuild.model import Mention

# Event classes whose doer stands in the genitive after the noun ("Rücktritt Meiers",
# "Flucht der Familien", "Treffen der Gewerkschaft", "Einigung der Koalition"): intransitive
# happenings and those whose parties are their doers. For the others that genitive is who it
# happened to ("Festnahme des Schmugglers", "Wahl des Präsidenten").
# Event classes whose doer is whoever speaks in them ("sagte X in einer Fernsehansprache").
_SPOKEN = frozenset({"StatementEvent"})
_INTRANSITIVE = frozenset({"Resignation", "Death", "Migration", "Protest", "Appointment", "StatementEvent",
                           "Meeting", "Negotiation", "Agreement"})


def assign_actors(doc: Doc, o: Occurrence) -> None:
    lex = doc.lex
    tokens_of = doc.tokens_of
    mentions = [m for m in doc.by_sentence.get(o.sentence, []) if m.kind in AGENT_KINDS
                and m.role not in ("adjective", "demonym") and tokens_of[id(m)][0] >= 0]
    agents: list[str] = []
    patients: list[str] = []
    for m in mentions:
        mt, me = tokens_of[id(m)]
        # a possessive before the trigger: "Meiers Zustimmung zur Fusion"
        if me < o.tok_begin and o.tok_begin - me <= 3 and doc.is_genitive(m) and \
                (o.tok_begin - me == 1 or doc.prenominal(m)) and \
                all(doc.is_word(t) and t not in doc.mention_at for t in range(me + 1, o.tok_begin)):
            agents.append(m.key or "")
            continue
        # the genitive after a noun: "Rücktritt Meiers", "Festnahme des Schmugglers X"
        if not o.verbal and mt > o.tok_end and mt - o.tok_end <= 4 and doc.seg[mt] == o.segment and \
                all(doc.low[t] in doc.lex.words("genitive_article") or (doc.is_word(t) and doc.is_cap(t))
                    for t in range(o.tok_end + 1, mt)) and \
                (doc.is_genitive(m) or (mt - 1 > o.tok_end
                                        and doc.low[o.tok_end + 1] in doc.lex.words("genitive_article"))):
            (agents if o.type in _INTRANSITIVE else patients).append(m.key or "")
            continue
    # "durch Europol koordiniert", and "von X" in the passive
    words = doc.seg_words(o.segment)
    passive_agent = lex.words("passive_agent")
    by_preps = lex.agentprep | (passive_agent if o.passive else set())
    for t in segment_tokens(doc, o.tok_begin) if not by_preps.isdisjoint(words) else ():
        w = doc.low[t]
        if w in lex.agentprep or (o.passive and w in passive_agent and t < o.tok_begin):
            for j in range(t + 1, min(t + 4, len(doc.low))):
                by = doc.mention_at.get(j)
                if by is not None:
                    if by.kind in AGENT_KINDS and by.key:
                        agents.append(by.key)
                    break
                if doc.low[j] not in lex.article and not doc.low[j].islower():
                    break
    if not agents and o.verbal and not o.passive and not o.attributive:
        subject = _subject(doc, o, mentions)
        if subject:
            agents.append(subject)
    if not agents and o.type in _SPOKEN:
        speaker = _speaker(doc, o, mentions)
        if speaker:
            agents.append(speaker)
    o.agents = list(dict.fromkeys(a for a in agents if a))
    participants = [p for p in patients if p]
    for m in mentions:
        mt, me = tokens_of[id(m)]
        if doc.seg[mt] != o.segment or m.kind == "country" or not m.key or \
                not (o.tok_begin - 10 <= mt <= o.tok_end + 10) or _is_source(doc, o.sentence, mt, me):
            continue
        participants.append(m.key)
    o.participants = [p for p in dict.fromkeys(participants) if p not in o.agents]


def _subject(doc: Doc, o: Occurrence, mentions: Sequence[Mention]) -> str | None:
    """The first person, organisation or state in the trigger's clause that no preposition governs."""
    lex = doc.lex
    si = o.sentence
    genitive = lex.words("genitive_determiner")

    def eligible(m: Mention) -> bool:
        mt, me = doc.tokens_of[id(m)]
        if doc.prenominal(m) or m.span.end < doc.tok_end[me]:
            return False  # a possessor ("Italiens Innenminister"), a compound's part ("SPD-Stadtrat")
        if _is_source(doc, si, mt, me, carrier=o.trigger.match == "suffix"):
            return False
        before = [doc.low[t] for t in range(max(doc.sent_first[si], mt - 3), mt)]
        if any(w in genitive for w in before):
            return False  # a genitive: "die Webseite des peruanischen Innenministeriums"
        if m.kind == "country" and mt - doc.seg_first[doc.seg[mt]] > 2:
            return False  # a bare state is the subject only at the clause's start ("Polen plant ...")
        return doc.prep_before(mt) is None

    for m in mentions:
        if doc.seg[doc.tokens_of[id(m)][0]] == o.segment and eligible(m) and \
                not (o.possessed and m.span.begin > o.begin):
            return m.key
    # the subject may stand before an apposition or a relative clause ("Lena Berger, die ..., war
    # ... zurückgetreten"), but not in an attribution frame ("X berichtet, ... seien gestiegen")
    # "die türkische Armee beschoss ...": a state adjective on a force or authority
    for m in doc.by_sentence.get(si, []):
        if m.role != "adjective" or m.kind != "country" or not m.key or id(m) not in doc.tokens_of:
            continue
        mt, me = doc.tokens_of[id(m)]
        if doc.seg[mt] != o.segment or not doc.in_sentence(me + 1, si) or doc.low[me + 1] not in lex.agentnoun:
            continue
        # "Die türkische Armee ...", "... beschoss die türkische Armee", not "Anraten der kanadischen
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
    # "Er trat am Montag zurück": a pronoun subject is the last person named just before
    for t in segment_tokens(doc, o.tok_begin):
        if doc.low[t] in lex.words("subject_pronoun") and doc.prep_before(t) is None:
            return _last_person(doc, o.sentence)
    return None


def _speaker(doc: Doc, o: Occurrence, mentions: Sequence[Mention]) -> str | None:
    """Who speaks in the occurrence's sentence: "sagte X in einer Pressekonferenz", "wie X im Interview sagte".

    A person or organisation right beside a verb of saying, else the one before it in its clause;
    no preposition governs it ("im Interview mit der Zeitung X": X is the medium).
    """
    speech = doc.lex.speech
    si = o.sentence
    verbs = [t for t in range(doc.sent_first[si], doc.sent_last[si]) if doc.low[t] in speech]
    if not verbs:
        return None
    best: tuple[int, int, str] | None = None  # (0 beside a verb / 1 before it in its clause, distance, key)
    for m in mentions:
        if m.kind == "country" or not m.key:
            continue
        mt, me = doc.tokens_of[id(m)]
        if doc.prep_before(mt) is not None or doc.prenominal(m):
            continue
        for v in verbs:
            if v in (mt - 1, me + 1):
                rank = 0
            elif me < v and doc.seg[mt] == doc.seg[v]:
                rank = 1
            else:
                continue
            key = (rank, min(abs(mt - o.tok_end), abs(o.tok_begin - me)), m.key)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None


def _is_source(doc: Doc, si: int, mt: int, me: int, carrier: bool = False) -> bool:
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


def _last_person(doc: Doc, si: int) -> str | None:
    for sj in range(si, max(-1, si - 4), -1):
        if doc.sent_block[sj] != doc.sent_block[si]:
            break
        persons = [m for m in doc.by_sentence.get(sj, []) if m.kind == "person" and m.key]
        if persons:
            return persons[-1].key
    return None
