"""An occurrence's date and quantities, within its sentence and across to the next one."""

from __future__ import annotations

from kgbuild.events.context import Doc, EventContext, Occurrence
from kgbuild.model import DateResolution, DateValue, Quantity, Span

_PRECISION = {"day": 0, "month": 1, "year": 2}


# ------------------------------------------------------------------ dates
def dates_by_sentence(ctx: EventContext, doc: Doc) -> dict[int, list[tuple[Span, DateValue]]]:
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


def assign_dates(doc: Doc, si: int, occs: list[Occurrence], dates: list[tuple[Span, DateValue]],
                 ends: dict[tuple[int, int], DateValue] | None = None) -> list[tuple[Span, DateValue]]:
    """Each date goes to its nearest trigger or verb of saying; a trigger takes its nearest date.

    Returns the dates that no trigger took, in text order.
    """
    if not dates:
        return []
    ends = ends or {}
    speech = doc.lex.speech
    cues = [(doc.tok_begin[t], doc.tok_end[t], doc.seg[t])
            for t in range(doc.sent_first[si], doc.sent_last[si]) if doc.low[t] in speech]
    won: dict[int, list[tuple[int, int, Span, DateValue]]] = {}
    left: list[tuple[Span, DateValue]] = []
    for sp, dv in dates:
        dseg = doc.seg_at(sp.begin)
        best: tuple[int, int] | None = None  # (distance, occurrence index or -1 for a cue)
        coarse = dv.precision != "day"
        for i, o in enumerate(occs):
            d = _gap((o.begin, o.end), (sp.begin, sp.end))
            if coarse and d > 50:
                continue  # a bare month or year belongs to a nearer word ("seit der Gründung ... im Jahr 1975")
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
            won.setdefault(best[1], []).append((best[0], _PRECISION[dv.precision], sp, dv))
        else:
            left.append((sp, dv))  # whether a verb of saying dates it: kgbuild.events.dated.statement_date
    for i, cands in won.items():
        chosen = min(cands, key=lambda c: (c[0], c[1]))
        occs[i].start = chosen[3]
        occs[i].until = ends.get((chosen[2].begin, chosen[2].end))
        left.extend((c[2], c[3]) for c in cands if c is not chosen)
    return sorted(left, key=lambda x: x[0].begin)


def year_after_noun(doc: Doc, o: Occurrence) -> None:
    """A year right after an event noun dates it: "die Bundestagswahl 2017", "der Anschlag von 2016".

    Only for a noun trigger without a date of its own; the year must be a whole token from 1900 to 2099
    that no amount follows ("Proteste 2000 Menschen" is no year).
    """
    if o.start is not None or o.trigger.match != "suffix" or o.verbal:
        return
    si, t = o.sentence, o.tok_end + 1
    if doc.in_sentence(t, si) and doc.low[t] in doc.lex.words("year_preposition"):
        t += 1
    if not doc.in_sentence(t, si):
        return
    word = doc.low[t]
    if len(word) != 4 or not word.isdigit() or word[:2] not in ("19", "20"):
        return
    after = doc.text[doc.tok_end[t]:doc.tok_end[t] + 2]
    if after[:1] in (".", ",", ":") and after[1:].isdigit():
        return  # "2019.5", "2000,50"
    nxt = t + 1
    if doc.in_sentence(nxt, si) and doc.is_word(nxt) and doc.is_cap(nxt) and nxt not in doc.mention_at:
        return  # "2000 Menschen": an amount
    o.start = DateValue(word, DateResolution.EXPLICIT, doc.text[doc.tok_begin[t]:doc.tok_end[t]])


# ------------------------------------------------------------------ quantities
def quantities_by_sentence(ctx: EventContext, doc: Doc) -> dict[int, list[tuple[Span, Quantity]]]:
    date_spans = [sp for sp, _ in ctx.dates]
    out: dict[int, list[tuple[Span, Quantity]]] = {}
    for sp, q in ctx.quantities:
        si = doc.sentence_at(sp.begin)
        if si < 0 or any(d.begin < sp.end and sp.begin < d.end for d in date_spans):
            continue  # the day or year of a date
        out.setdefault(si, []).append((sp, q))
    return out


def assign_quantities(occs: list[Occurrence], quantities: list[tuple[Span, Quantity]]) -> None:
    """Every number of a sentence counts for each of its events.

    A sentence reports one happening with its figures far more often than two happenings
    with one figure each; "mehr als 5000 Menschen ums Leben gekommen" after "Bei einem
    Erdbeben" is the earthquake's toll.
    """
    for _, q in quantities:
        for o in occs:
            if q not in o.quantities:
                o.quantities.append(q)



# ------------------------------------------------------------------ across sentences
def follow_up(ctx: EventContext, doc: Doc, by_sentence: dict[int, list[Occurrence]],
               quantities: dict[int, list[tuple[Span, Quantity]]]) -> None:
    """Counts in the next sentence, and the place of the sentence before, for events left without.

    "Über 40 Menschen wurden festgenommen." after a sentence on protests in Graz: the
    arrests took place there. A sentence of bare numbers after an event sentence ("Rund
    80.000 Mitglieder sind aufgerufen ...") counts for that event.
    """
    sents = ctx.structure.sentences
    for si in sorted(by_sentence):
        prev = si - 1
        if prev < 0 or sents[prev].block != sents[si].block or prev not in by_sentence:
            continue
        # a dated clause (kgbuild.events.dated) names no happening that a next sentence could go on with
        places = [k for o in by_sentence[prev] if not o.inherited and o.trigger.form for k in o.locations]
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
                continue  # "drei Wochen": a duration, not a count of the event
            for o in occs:
                if q not in o.quantities:
                    o.quantities.append(q)
