"""Merging: occurrences of one happening become one event, keyed in order of first occurrence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from kgbuild.events.context import EventContext, Occurrence
from kgbuild.events.lexicon import PLAIN
from kgbuild.model import DateValue, Event, Quantity


@dataclass
class Cluster:
    members: list[Occurrence]
    start: DateValue | None = None
    until: DateValue | None = None
    names: set[str] = field(default_factory=set)
    modifiers: set[str] = field(default_factory=set)


def _compatible_dates(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def _norm_modifier(m: str) -> str:
    m = m.lower().rstrip("-‐‑")
    return m[:-1] if m.endswith("s") and len(m) > 3 else m


def _town(o: Occurrence) -> str | None:
    """The place (not a state) that a local preposition gives the occurrence ("in Adorf")."""
    if o.location_name and o.locations and o.locations[0].startswith("place/"):
        return o.locations[0]
    return None


def merge(occs: Iterable[Occurrence]) -> list[Cluster]:
    clusters: list[Cluster] = []
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
            if _town(o) and any(_town(m) not in (None, _town(o)) for m in c.members):
                continue  # "der Parteitag in Adorf" and "der Parteitag in Bstadt" (states and regions may nest)
            target = c
            break
        if target is None:
            target = Cluster([])
            clusters.append(target)
        target.members.append(o)
        if o.start is not None and (target.start is None or len(o.start.value) > len(target.start.value)):
            target.start, target.until = o.start, o.until
        if o.event_name:
            target.names.add(o.event_name)
        if mod:
            target.modifiers.add(mod)
    return clusters



# ------------------------------------------------------------------ output
def _anchor(ctx: EventContext, c: Cluster) -> Occurrence:
    def score(o: Occurrence) -> int:
        role = ctx.structure.sentences[o.sentence].role
        return (2 * (role in ("body", "lead")) + 2 * (o.start is not None) + bool(o.locations)
                + bool(o.agents) + bool(o.quantities))
    return max(c.members, key=score)  # the first of the best



def _name(o: Occurrence, text: str) -> str:
    label = o.trigger.label
    if o.modifier and not label.lower().startswith(o.trigger.form[:4]):
        # the label is another word than the compound's head ("Geburtstagsparty", label "Feier"):
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


def to_event(ctx: EventContext, n: int, c: Cluster, fallback: str | None) -> Event:
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
        types=() if anchor.type == PLAIN else (anchor.type,),
        name=_name(anchor, ctx.text),
        span=span,
        start=c.start,
        end=c.until,
        locations=tuple(locations),
        agents=tuple(agents),
        participants=tuple(participants),
        quantities=tuple(quantities),
    )
