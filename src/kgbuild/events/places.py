"""Where an occurrence happened: the places and states of its clause and sentence, and the dateline's."""

from __future__ import annotations

from kgbuild.events.context import PLACE_KINDS, Doc, EventContext, Occurrence, Place
from kgbuild.events.lexicon import first_word
from kgbuild.model import Mention, Span


def place_mentions(ctx: EventContext, doc: Doc) -> dict[int, list[Mention]]:
    """Places the mention stage left unmarked in the sentences with triggers.

    A name the article gives a place or state elsewhere (a dateline's "Lindau"), a compass
    prefix plus such a name ("Südfrankreich", "Ostpolen"), or such a name as part of a
    hyphenated compound (the "Sudan" of "Sudan-Konflikt") stands for that place.
    """
    names: dict[str, Mention] = {}
    for m in ctx.mentions:
        if m.key and m.kind in PLACE_KINDS and m.role in ("name", "genitive"):
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
    lookup = dict(names)  # with the genitive: "Roms"
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


def _place_candidates(doc: Doc, si: int, extra: list[Mention]) -> list[Place]:
    """The places and states of a sentence: (token, mention, preposition, level, preposition's token).

    The level is "strong" (a local preposition, a named place, a genitive), "weak" (an origin, a
    bare state), "adjective" (a state adjective: a place only on the trigger or a place noun),
    "part" (a compound's first part: a place only inside the trigger's own word), or None
    (governed by another preposition: "mit Frankreich").
    """
    cached = doc.place_cache.get(si)
    if cached is not None:
        return cached
    lex = doc.lex
    out: list[Place] = []
    for m in [*doc.by_sentence.get(si, []), *extra]:
        if m.kind not in PLACE_KINDS or not m.key:
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


def assign_locations(doc: Doc, o: Occurrence, extra: list[Mention]) -> None:
    strong: list[tuple[int, Mention, str | None, int]] = []
    weak_own: list[tuple[int, Mention, str | None, int]] = []
    weak_other: list[tuple[int, Mention, str | None, int]] = []
    for mt, m, prep, level, prep_tok in _place_candidates(doc, o.sentence, extra):
        if o.tok_begin <= mt <= o.tok_end:
            level = "strong"  # inside the trigger's compound: "Sudan-Konflikt"
        elif level == "adjective":  # "der italienischen Wahl"
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
        if prep_tok >= 0:  # the first of a list: "in Portugal, Ghana und Island"
            mt, m, prep, prep_tok = min((x for x in found if x[3] == prep_tok), key=lambda x: x[0])
        if prep in doc.lex.loc and doc.seg[mt] == o.segment and found is not weak_own:
            # "in der Slowakei", "nach Portugal": the article as the text has it
            article = doc.low[mt - 1] if doc.in_sentence(mt - 1, o.sentence) else ""
            to = doc.lex.words("to_prep")
            o.located_by = (prep if prep in to else first_word(doc.lex.words("at_prep"))) + \
                (f" {article}" if article in doc.lex.words("definite") else "")
            o.location_name = m.name


def regions_of_states(ctx: EventContext, lex_compass: frozenset[str]) -> dict[str, str]:
    """A region named as a compass part of a state the article names ("Nordschweden") -> that state.

    An event in the region also happened in the state.
    """
    states: dict[str, str] = {}
    regions: dict[str, str] = {}
    for m in ctx.mentions:
        if not m.key:
            continue
        if m.kind == "country" and m.role in ("name", "genitive"):
            states.setdefault(m.name.lower(), m.key)
        elif m.kind == "place" and " " not in m.name:
            regions.setdefault(m.key, m.name.lower())
    out: dict[str, str] = {}
    for key, name in regions.items():
        for c in sorted(lex_compass, key=lambda c: (-len(c), c)):
            if name.startswith(c) and name[len(c):] in states:
                out[key] = states[name[len(c):]]
                break
    return out


def dateline_state(ctx: EventContext) -> str | None:
    """Where the article's events happen unless it says otherwise.

    The one state of the dateline, if the article names it elsewhere too ("Lindau (Deutschland),
    12.03.2014 –"); else the dateline's one place when it names nothing else ("Lindau –").
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
