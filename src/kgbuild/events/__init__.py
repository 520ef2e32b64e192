"""Events: what an article reports as having happened, with when, where, who and how many.

The stage works on what the stages before it found (sentences, linked mentions, resolved
dates, numbers) and on German knowledge kept as data in ``lang/<code>/event_triggers.tsv``:
trigger words with their event class, and the small word lists the rules below use.

1. **Triggers.** One Aho-Corasick pass over the lower-cased text finds every trigger form;
   a match counts when it fits its token: a whole word, a word's start ("demonstrier" ->
   "demonstrierenden"), or the head of a capitalised compound with an inflection ending
   ("angriff" -> "Raketenangriffe"). The longest match in a token wins, so a blocking entry
   ("auswahl") silences a shorter one ("wahl"). Entries may ask for context: an auxiliary
   ("wurde ... gewählt"), someone to meet ("traf die Bürgermeisterin"), a separable verb's
   particle at the clause end ("trat ... zurück"), a date after the copula ("ist seit
   3. Mai 2011"). A trigger after a negation ("keine Pläne für einen Besuch") is dropped.
2. **Attributes per occurrence**, within its sentence:
   *date* -- each resolved date goes to the nearest trigger or verb of saying, so "sagte
   die Ministerin am Freitag" dates the statement, not the strike it mentions; a trigger
   takes the nearest date it won, and none if it won none (never a guess).
   *location* -- places and states after a local preposition ("in Graz", "nach
   Portugal"), inside the trigger's compound ("Sudan-Konflikt"), a state adjective on the
   trigger ("der italienischen Wahl"), a named place without preposition; an origin
   ("aus Italien") only when nothing better is named. The trigger's own clause first,
   then the sentence. A place the article names elsewhere also counts where the mention
   stage left it unmarked, also as part of a word ("Südfrankreich").
   *agent* -- a possessive genitive before the trigger ("Meiers Zustimmung zur Fusion"),
   "durch X", the subject of an active trigger verb or of a verb that carries an event
   noun ("verhängte Sanktionen", "erklärte seinen Rücktritt"), the doer in a genitive
   after an intransitive event noun ("Rücktritt Meiers"), a subject "er" as the person
   named last. Speakers ("sagte X") and sources ("nach Angaben von X") are not.
   *quantities* -- numbers in the sentence (a number right beside one trigger is that
   trigger's only); a number in the next sentence of the paragraph that has no trigger of
   its own ("Rund 80.000 Mitglieder sind aufgerufen ...") goes to the events before it; an
   event without a place in a sentence that follows an event sentence takes that
   sentence's place ("... Proteste in Graz. Über 40 Menschen wurden festgenommen.").
3. **Merging.** Occurrences of one class and trigger group are one happening unless their
   dates, their names ("Sturm Anna" vs "Sturm Bernd") or their compounds' first parts
   ("Landtagswahl" vs "Bürgermeisterwahl") disagree: the event gets the union of what they say.
4. An event with no place at all takes the state of the dateline, when the dateline names
   exactly one state that the article also names elsewhere.

Events are keyed ``event/1``, ``event/2`` ... in the order of their first occurrence.

The modules follow these steps: :mod:`~kgbuild.events.lexicon` (the trigger table),
:mod:`~kgbuild.events.context` (tokens, clauses and mentions of the sentences with a trigger),
:mod:`~kgbuild.events.triggers` (1), :mod:`~kgbuild.events.attributes`,
:mod:`~kgbuild.events.places` and :mod:`~kgbuild.events.actors` (2), :mod:`~kgbuild.events.merge` (3).
"""

from __future__ import annotations

from kgbuild.events.actors import assign_actors
from kgbuild.events.attributes import (
    assign_dates,
    assign_quantities,
    dates_by_sentence,
    follow_up,
    quantities_by_sentence,
    year_after_noun,
)
from kgbuild.events.context import Doc, EventContext, Occurrence, SentenceIndex, lower_text
from kgbuild.events.dated import dated_occurrence, settle
from kgbuild.events.lexicon import EventLexicon, Trigger, load_event_lexicon, parse_event_lexicon
from kgbuild.events.merge import merge, to_event
from kgbuild.events.places import assign_locations, dateline_state, place_mentions, regions_of_states
from kgbuild.events.triggers import candidates, drop_subsumed, find_triggers
from kgbuild.model import Event

__all__ = ["EventContext", "EventLexicon", "Trigger", "find_events", "load_event_lexicon", "parse_event_lexicon"]


def find_events(ctx: EventContext, *, lang: str = "de") -> list[Event]:
    """Find the events an article reports.

    Args:
        ctx: the text, its structure, linked mentions, resolved dates and numbers.
        lang: the language whose ``event_triggers.tsv`` to use.

    Returns:
        The events, keyed ``event/1`` ... in the order of their first mention.
    """
    lex = load_event_lexicon(lang)
    lowered = lower_text(ctx.text)
    hits = candidates(lowered, lex)
    sentence_of = SentenceIndex(ctx.structure)
    # sentences with a day-precise date may hold a dated clause (see kgbuild.events.dated)
    dated = {si for sp, dv in ctx.dates if dv.precision == "day" and (si := sentence_of(sp.begin)) >= 0}
    if not hits and not dated:
        return []
    doc = Doc(ctx, lex, {si for b, _, _ in hits if (si := sentence_of(b)) >= 0} | dated, lowered)
    extra = place_mentions(ctx, doc)
    occs = drop_subsumed(doc, find_triggers(ctx, doc, hits))
    by_sentence: dict[int, list[Occurrence]] = {}
    for o in occs:
        by_sentence.setdefault(o.sentence, []).append(o)
    dates = dates_by_sentence(ctx, doc)
    ends = {(sp.begin, sp.end): dv for sp, dv in ctx.date_ends}
    sents = ctx.structure.sentences
    for si in sorted(set(by_sentence) | (dated & set(dates))):
        sent_occs = by_sentence.get(si, [])
        for sp, dv in assign_dates(doc, si, sent_occs, dates.get(si, []), ends):
            if any(x.start == dv or (x.start is not None and x.start.value == dv.value) for x in sent_occs):
                continue  # the same day, written twice: "an Ostern, dem 12. April"
            dated_occ = dated_occurrence(doc, si, sp, dv, ends.get((sp.begin, sp.end)), sents[si].role)
            if dated_occ is not None:
                sent_occs.append(dated_occ)
                occs.append(dated_occ)
        if sent_occs:
            by_sentence[si] = sent_occs
    if not occs:
        return []
    for o in occs:
        year_after_noun(doc, o)
    occs.sort(key=lambda o: (o.begin, o.end))
    quantities = quantities_by_sentence(ctx, doc)
    for si, sent_occs in by_sentence.items():
        sent_occs.sort(key=lambda o: (o.begin, o.end))
        assign_quantities(sent_occs, quantities.get(si, []))
        for o in sent_occs:
            assign_locations(doc, o, extra.get(si, []))
            assign_actors(doc, o)
            settle(o)
    follow_up(ctx, doc, by_sentence, quantities)
    widen = regions_of_states(ctx, lex.compass)
    if widen:
        for o in occs:  # "in Nordschweden" is in Schweden too
            o.locations = list(dict.fromkeys([*o.locations, *(widen[k] for k in o.locations if k in widen)]))
    clusters = merge(occs)
    fallback = dateline_state(ctx)
    return [to_event(ctx, n, c, fallback) for n, c in enumerate(clusters, start=1)]
