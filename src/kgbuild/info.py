"""Summarise a graph: what kinds of things are in it, who is quoted, which outlets, when.

Everything is read through the query contract (shared/docs/DATA_MODEL.md), so the
summary of any kgbuild graph, or of several merged, means the same.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from rdflib import Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import RDF
from rdflib.term import Node

from kgbuild.query import Shortener, render_table
from kgbuild.rdf.namespaces import KG, PREFIXES, SCHEMA

InfoFormat = Literal["text", "json"]

#: The dated properties of the contract, and what the summary calls them.
DATE_PROPERTIES: tuple[tuple[str, URIRef], ...] = (
    ("published", SCHEMA.datePublished),
    ("claim stated", KG.statedOn),
    ("event start", SCHEMA.startDate),
    ("event end", SCHEMA.endDate),
)


@dataclass(frozen=True)
class DateRange:
    """The earliest and latest value of one dated property (ISO text: day, month or year)."""

    label: str
    earliest: str
    latest: str
    count: int


@dataclass(frozen=True)
class GraphInfo:
    """What a graph holds.

    Attributes:
        triples: number of triples.
        classes: ``(class, instances)`` for every class used, most instances first
            (classes as ``prefix:name`` where a contract prefix fits).
        claims_by_claimant: ``(claimant, claims)``, most claims first.
        claims_by_outlet: ``(outlet, claims)``, most claims first.
        dates: the range of each dated property that occurs.
        earliest: the earliest date of all, if any.
        latest: the latest date of all, if any.
    """

    triples: int
    classes: tuple[tuple[str, int], ...]
    claims_by_claimant: tuple[tuple[str, int], ...]
    claims_by_outlet: tuple[tuple[str, int], ...]
    dates: tuple[DateRange, ...]
    earliest: str | None
    latest: str | None


def graph_info(graph: Graph) -> GraphInfo:
    """Count what ``graph`` holds; see :class:`GraphInfo`."""
    classes = Counter(_short(c) for _, c in graph.subject_objects(RDF.type))
    claims = set(graph.subjects(RDF.type, KG.Claim))
    by_claimant: Counter[str] = Counter()
    by_outlet: Counter[str] = Counter()
    for claim in claims:
        # A claim with two claimants counts for each; the same name twice counts once.
        by_claimant.update({label(graph, who) for who in graph.objects(claim, KG.claimant)})
        by_outlet.update({label(graph, o) for o in graph.objects(claim, KG.reportedBy)})
    ranges = []
    for name, prop in DATE_PROPERTIES:
        values = sorted(str(v) for v in graph.objects(None, prop) if isinstance(v, RdfLiteral))
        if values:
            ranges.append(DateRange(name, values[0], values[-1], len(values)))
    return GraphInfo(
        triples=len(graph),
        classes=_ranked(classes),
        claims_by_claimant=_ranked(by_claimant),
        claims_by_outlet=_ranked(by_outlet),
        dates=tuple(ranges),
        earliest=min((r.earliest for r in ranges), default=None),
        latest=max((r.latest for r in ranges), default=None),
    )


def label(graph: Graph, node: Node) -> str:
    """A readable name of a node: its ``schema:name``; an office as "title (of whom)"; else its IRI."""
    name = graph.value(node, SCHEMA.name)
    if name is not None:
        return str(name)
    title = graph.value(node, KG.title)
    if title is not None:
        of = graph.value(graph.value(node, KG.positionOf), SCHEMA.name)
        return f"{title} ({of})" if of is not None else str(title)
    return _short(node)


def format_info(info: GraphInfo, fmt: InfoFormat = "text") -> str:
    """The summary as aligned tables (``text``) or as JSON (``json``)."""
    if fmt == "json":
        doc = asdict(info)
        for key in ("classes", "claims_by_claimant", "claims_by_outlet"):
            doc[key] = dict(doc[key])  # order kept: most first
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    claims = dict(info.classes).get(_short(KG.Claim), 0)
    articles = dict(info.classes).get(_short(SCHEMA.NewsArticle), 0)
    parts = [f"{info.triples} triples, {articles} article{'s' * (articles != 1)}, "
             f"{claims} claim{'s' * (claims != 1)}"]
    if info.earliest is not None:
        parts[0] += f", dates {info.earliest} to {info.latest}"
    parts.append(_section("Instances per class", ["class", "count"], info.classes))
    parts.append(_section("Claims per claimant", ["claimant", "claims"], info.claims_by_claimant))
    parts.append(_section("Claims per outlet", ["outlet", "claims"], info.claims_by_outlet))
    date_rows: list[list[str | int]] = [[r.label, r.earliest, r.latest, r.count] for r in info.dates]
    parts.append(_section("Dates", ["date of", "earliest", "latest", "count"], date_rows))
    parts[0] += "\n"
    return "\n".join(parts)  # every part ends with a newline: a blank line between them


def _section(title: str, header: list[str], rows: Sequence[Sequence[str | int]]) -> str:
    if not rows:
        return f"{title}: none\n"
    return f"{title}:\n" + render_table(header, rows)


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold())))


_short = Shortener(PREFIXES)
