"""The one mapping from a kgbuild RDF graph to a networkx graph, used by every writer.

It reads the graph only through the public query contract (DATA_MODEL.md), so any graph
that follows the contract can be drawn, whether kgbuild built it or not.

What becomes a node:
    Every resource typed ``schema:Person``, ``schema:Country``, ``schema:Place``,
    ``schema:Organization``, ``kg:Position``, ``schema:Event`` (or a ``kg:`` event
    subclass) or ``kg:Claim``, plus any untyped resource that one of the drawn relations
    below points at (type ``"other"``). Articles, evidence spans, quantities and SKOS
    concepts are not nodes; what they say is copied onto the nodes as attributes.

What becomes an edge (``relation`` attribute, source → target):
    ``claimant`` (claim → who), ``reported_by`` (claim → outlet), ``about`` (claim →
    entity or event), ``holds_position`` (person → position, from ``kg:holdsPosition`` or
    ``kg:heldBy``), ``position_of`` (position → state or organisation), ``location``,
    ``agent``, ``participant`` (event → …), ``contained_in`` (place → country), and any
    other property linking two drawn nodes (relation = its local name).

Every attribute value is a ``str``, ``int`` or ``float`` (never ``None``, lists or
dicts), so GraphML and GEXF writers accept the graph as it is. Node ids are the IRIs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

# The contract's namespaces (DATA_MODEL.md). Plain Namespaces: the viz reads graphs written by
# any version of kgbuild, and an unknown kg: term must not fail here.
KG = Namespace("https://w3id.org/kgbuild/ns#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
WIKIDATA_PREFIX = "http://www.wikidata.org/entity/"

NodeType = Literal["person", "country", "place", "organization", "position", "event", "claim", "other", "literal"]
ClaimsAs = Literal["nodes", "edges"]


@dataclass(frozen=True)
class TypeStyle:
    """How one node type looks, the same in every output."""

    label: str  # singular, for the legend
    plural: str
    color: str  # fill, hex
    shape: str  # cytoscape.js shape name
    marker: str  # matplotlib marker
    dot_shape: str  # graphviz shape


# Order matters: it is the legend's order. Colours are Tableau 10 (colour-blind friendly
# enough, and distinct in greyscale print by their shapes).
NODE_STYLES: dict[str, TypeStyle] = {
    "person": TypeStyle("Person", "People", "#4e79a7", "ellipse", "o", "ellipse"),
    "organization": TypeStyle("Organisation", "Organisations", "#f28e2b", "round-rectangle", "s", "box"),
    "country": TypeStyle("Country", "Countries", "#59a14f", "hexagon", "h", "hexagon"),
    "place": TypeStyle("Place", "Places", "#76b7b2", "triangle", "^", "triangle"),
    "position": TypeStyle("Position", "Positions", "#b07aa1", "pentagon", "p", "pentagon"),
    "event": TypeStyle("Event", "Events", "#e15759", "star", "*", "star"),
    "claim": TypeStyle("Claim", "Claims", "#edc948", "diamond", "D", "diamond"),
    "other": TypeStyle("Other", "Other", "#bab0ac", "ellipse", "o", "ellipse"),
    "literal": TypeStyle("Value", "Values", "#e8e8e8", "rectangle", "s", "note"),
}

# Edge relations: the display label and a colour; unknown relations get grey.
EDGE_STYLES: dict[str, tuple[str, str]] = {
    "claimant": ("claimant", "#555555"),
    "reported_by": ("reported by", "#9c755f"),
    "about": ("about", "#c9a227"),
    "holds_position": ("holds position", "#b07aa1"),
    "position_of": ("position of", "#8c6d8a"),
    "location": ("location", "#59a14f"),
    "agent": ("agent", "#e15759"),
    "participant": ("participant", "#ff9da7"),
    "contained_in": ("contained in", "#76b7b2"),
    "claim": ("claim (speaker → subject)", "#c9a227"),
}

# rdf:type → node type, in order of precedence (a Country typed schema:Place too stays a country).
_TYPE_ORDER: tuple[tuple[URIRef, str], ...] = (
    (KG.Claim, "claim"),
    (SCHEMA.Event, "event"),
    (KG.Position, "position"),
    (SCHEMA.Country, "country"),
    (SCHEMA.Person, "person"),
    (SCHEMA.Organization, "organization"),
    (SCHEMA.Place, "place"),
)
# The kg: event taxonomy (DATA_MODEL.md / BRIEF): typed with one of these alone is still an event.
_EVENT_CLASSES = frozenset(
    KG[name]
    for name in (
        "StatementEvent Mobilization Migration Protest Arrest ArmedConflict Attack Election Vote Sanction "
        "Meeting Agreement Resignation Appointment CourtRuling Investigation NaturalDisaster Accident Death "
        "Founding Negotiation"
    ).split()
)

# Drawn relations: predicate → (relation, reverse?). ``reverse`` flips the triple's direction.
_RELATIONS: dict[Node, tuple[str, bool]] = {
    KG.claimant: ("claimant", False),
    KG.reportedBy: ("reported_by", False),
    KG.about: ("about", False),
    KG.holdsPosition: ("holds_position", False),
    KG.heldBy: ("holds_position", True),
    KG.positionOf: ("position_of", False),
    SCHEMA.location: ("location", False),
    KG.agent: ("agent", False),
    KG.participant: ("participant", False),
    SCHEMA.containedInPlace: ("contained_in", False),
}
# Object properties that point at things that are not drawn (or are copied as attributes).
_NOT_EDGES = frozenset(
    {RDF.type, OWL.sameAs, PROV.wasDerivedFrom, KG.dateResolution, KG.speechAct, KG.polarity, KG.quantity}
)

_LANG_RANK = {"de": 0, None: 1, "en": 2}


def _pick(values: Iterable[Node]) -> str | None:
    """One literal of several, deterministically: German first, then untagged, then by text."""
    lits = [v for v in values if isinstance(v, RDFLiteral)]
    if not lits:
        return None
    best = min(lits, key=lambda v: (_LANG_RANK.get(v.language, 3), str(v.language or ""), str(v)))
    return str(best)


def _local(iri: Node) -> str:
    """The local name of an IRI: after the last ``#`` or ``/``."""
    s = str(iri)
    return re.split(r"[#/]", s.rstrip("/#"))[-1] or s


def _words(local_name: str) -> str:
    """``containedInPlace`` → ``contained in place``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local_name).lower()


def _snippet(text: str, limit: int = 48) -> str:
    """``text`` on one line, cut at a word boundary to about ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,;:.") + "…"


def _union(graph: Graph) -> Graph:
    """A plain graph of every triple, merging the named graphs of a Dataset."""
    if isinstance(graph, ConjunctiveGraph):
        merged = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged
    return graph


def _node_type(graph: Graph, node: Node) -> str | None:
    types = set(graph.objects(node, RDF.type))
    for cls, name in _TYPE_ORDER:
        if cls in types:
            return name
    if types & _EVENT_CLASSES:
        return "event"
    return None


def _quantity_text(graph: Graph, q: Node) -> str:
    """``rund 98000 Russen`` / ``≥1000 Menschen`` / ``10–20 Tote`` from a quantity node."""
    value = graph.value(q, SCHEMA.value)
    low, high = graph.value(q, SCHEMA.minValue), graph.value(q, SCHEMA.maxValue)
    unit = _pick(graph.objects(q, SCHEMA.unitText)) or ""
    if value is not None:
        amount = str(value)
    elif low is not None and high is not None:
        amount = f"{low}–{high}"
    elif low is not None:
        amount = f"≥{low}"
    elif high is not None:
        amount = f"≤{high}"
    else:
        amount = "?"
    approx = graph.value(q, KG.approximate)
    prefix = "~" if approx is not None and str(approx).lower() == "true" else ""
    return f"{prefix}{amount} {unit}".strip()


def _evidence(graph: Graph, node: Node) -> tuple[str, int | None, int | None]:
    """The text of the spans a claim or event was derived from, and the first span's offsets."""
    spans = []
    for span in graph.objects(node, PROV.wasDerivedFrom):
        text = graph.value(span, NIF.anchorOf)
        if text is None:
            continue
        begin, end = graph.value(span, NIF.beginIndex), graph.value(span, NIF.endIndex)
        b = int(begin) if isinstance(begin, RDFLiteral) and str(begin).lstrip("-").isdigit() else None
        e = int(end) if isinstance(end, RDFLiteral) and str(end).lstrip("-").isdigit() else None
        spans.append((b if b is not None else 1 << 62, e, str(text)))
    if not spans:
        return "", None, None
    spans.sort()
    first = spans[0]
    joined = " … ".join(" ".join(t.split()) for _, _, t in spans)
    return joined, (first[0] if first[0] != 1 << 62 else None), first[1]


def _article_of(graph: Graph, node: Node) -> Node | None:
    for span in graph.objects(node, PROV.wasDerivedFrom):
        article = graph.value(span, NIF.referenceContext)
        if article is not None:
            return article
    return None


def _put(attrs: dict[str, Any], key: str, value: object) -> None:
    """Set a scalar attribute, skipping empty values (GraphML cannot store None)."""
    if value is None or value == "":
        return
    attrs[key] = value if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def _labels(graph: Graph, nodes: dict[Node, str]) -> dict[Node, str]:
    """Display labels: names for entities, "title (state)" for positions, a snippet for claims."""
    names: dict[Node, str] = {}
    for node in nodes:
        name = _pick(graph.objects(node, SCHEMA.name))
        if name:
            names[node] = name
    labels: dict[Node, str] = {}
    for node, kind in nodes.items():
        if kind == "position":
            title = _pick(graph.objects(node, KG.title)) or names.get(node) or "Position"
            of = graph.value(node, KG.positionOf)
            of_name = names.get(of) if of is not None else None
            labels[node] = f"{title} ({of_name})" if of_name else title
        elif kind == "claim":
            content = _pick(graph.objects(node, KG.quote)) or _pick(graph.objects(node, SCHEMA.text)) or ""
            cue = _pick(graph.objects(node, KG.cue))
            snippet = _snippet(content, 40)
            if snippet and cue:
                labels[node] = f"{cue}: „{snippet}“"
            elif snippet:
                labels[node] = f"„{snippet}“"
            else:
                labels[node] = cue or "claim"
        elif kind == "event":
            labels[node] = names.get(node) or _words(_local(next(iter(sorted(
                (t for t in graph.objects(node, RDF.type) if t in _EVENT_CLASSES), key=str)), SCHEMA.Event)))
        else:
            labels[node] = names.get(node) or _pick(graph.objects(node, KG.title)) or _local(node)
    return labels


def _node_attrs(graph: Graph, node: Node, kind: str, labels: dict[Node, str]) -> dict[str, Any]:
    """The scalar attributes of one drawn node (see the module docstring)."""
    a: dict[str, Any] = {"iri": str(node), "type": kind, "label": labels[node]}
    _put(a, "name", _pick(graph.objects(node, SCHEMA.name)))
    alternates = sorted({str(v) for v in graph.objects(node, SCHEMA.alternateName)} - {a.get("name")})
    _put(a, "alternate_names", "; ".join(alternates))
    same = sorted(str(v) for v in graph.objects(node, OWL.sameAs))
    wikidata = [s for s in same if s.startswith(WIKIDATA_PREFIX)]
    _put(a, "wikidata", wikidata[0] if wikidata else None)
    _put(a, "same_as", "; ".join(same))
    classes = sorted(_local(t) for t in graph.objects(node, RDF.type))
    _put(a, "classes", "; ".join(classes))
    _put(a, "country_code", _pick(graph.objects(node, KG.countryCode)))
    mentions = [s for s in graph.objects(node, PROV.wasDerivedFrom)]
    if kind in ("person", "organization", "country", "place", "position"):
        _put(a, "mentions", len(mentions) or None)
    if kind == "position":
        _put(a, "title", _pick(graph.objects(node, KG.title)))
        of = graph.value(node, KG.positionOf)
        _put(a, "position_of", labels.get(of) if of is not None else None)
        holder = graph.value(node, KG.heldBy)
        _put(a, "held_by", labels.get(holder) if holder is not None else None)
    if kind == "event":
        _put(a, "event_types", "; ".join(sorted(_local(t) for t in graph.objects(node, RDF.type)
                                                if t in _EVENT_CLASSES)))
        start, end = graph.value(node, SCHEMA.startDate), graph.value(node, SCHEMA.endDate)
        _put(a, "start_date", start)
        _put(a, "end_date", end)
        _put(a, "date", start)
        quantities = sorted(_quantity_text(graph, q) for q in graph.objects(node, KG.quantity))
        _put(a, "quantities", "; ".join(quantities))
    if kind == "claim":
        _put(a, "quote", _pick(graph.objects(node, KG.quote)))
        _put(a, "text", _pick(graph.objects(node, SCHEMA.text)))
        _put(a, "cue", _pick(graph.objects(node, KG.cue)))
        acts = sorted(_local(s) for s in graph.objects(node, KG.speechAct))
        _put(a, "speech_act", "; ".join(acts))
        polarity = graph.value(node, KG.polarity)
        _put(a, "polarity", "negative" if polarity == KG.Negative else "positive")
        stated = graph.value(node, KG.statedOn)
        _put(a, "date", stated)
        _put(a, "stated_on", stated)
        claimants = sorted(labels.get(c, _local(c)) for c in graph.objects(node, KG.claimant))
        _put(a, "claimant", "; ".join(claimants))
        outlets = sorted(labels.get(o, _local(o)) for o in graph.objects(node, KG.reportedBy))
        _put(a, "outlet", "; ".join(outlets))
    if kind in ("claim", "event"):
        evidence, first_begin, first_end = _evidence(graph, node)
        _put(a, "evidence", evidence)
        _put(a, "evidence_begin", first_begin)
        _put(a, "evidence_end", first_end)
        article = _article_of(graph, node)
        if article is not None:
            _put(a, "article", str(article))
            _put(a, "article_headline", _pick(graph.objects(article, SCHEMA.headline)))
    return a


def _graph_title(graph: Graph) -> str:
    headlines = sorted(
        _pick(graph.objects(a, SCHEMA.headline)) or str(a) for a in graph.subjects(RDF.type, SCHEMA.NewsArticle)
    )
    if len(headlines) == 1:
        return headlines[0]
    if headlines:
        return f"{len(headlines)} articles"
    return "kgbuild claims graph"


def to_networkx(graph: Graph, *, claims_as: ClaimsAs = "nodes", literals: bool = False) -> nx.MultiDiGraph:
    """Map a kgbuild RDF graph (or Dataset) to a networkx multigraph of who said what about whom.

    Args:
        graph: A graph that follows the query contract; a Dataset's named graphs are merged.
        claims_as: ``"nodes"``: every ``kg:Claim`` is a node linked to its claimant, outlet
            and what it is about. ``"edges"``: every claim becomes an edge from each claimant
            to each thing it is about (relation ``"claim"``, the claim's attributes on the
            edge); a claim without claimant or ``kg:about`` is left out and counted in
            ``G.graph["claims_left_out"]``.
        literals: Also draw the literal values of drawn nodes (names, dates, quotes) as nodes
            of type ``"literal"``, one per distinct value, linked by the property's local name.

    Returns:
        A ``MultiDiGraph`` keyed by IRI. Node attributes: ``iri``, ``type`` (person,
        organization, country, place, position, event, claim, other, literal), ``label``,
        and where known ``name``, ``alternate_names`` ("; "-joined), ``wikidata``,
        ``country_code``, ``date``, ``start_date``, ``end_date``, ``quantities``, and for
        claims ``quote``, ``text``, ``cue``, ``speech_act``, ``polarity``, ``stated_on``,
        ``claimant``, ``outlet``, ``evidence`` (the ``nif:anchorOf`` of its spans),
        ``evidence_begin``/``evidence_end``, ``article``. Edge attributes: ``relation``,
        ``label``, ``predicate``. Graph attributes: ``title``, ``claims_as``.

    Example:
        >>> from rdflib import Graph
        >>> g = Graph().parse(format="turtle", data='''
        ... @prefix kg: <https://w3id.org/kgbuild/ns#> . @prefix schema: <https://schema.org/> .
        ... <urn:x:p> a schema:Person ; schema:name "Anna Beispiel" .
        ... <urn:x:c> a kg:Claim ; kg:claimant <urn:x:p> ; kg:quote "Wir helfen." .''')
        >>> G = to_networkx(g)
        >>> sorted(G.nodes[n]["type"] for n in G)
        ['claim', 'person']
        >>> [d["relation"] for _, _, d in G.edges(data=True)]
        ['claimant']
    """
    if claims_as not in ("nodes", "edges"):
        raise ValueError(f"claims_as must be 'nodes' or 'edges', not {claims_as!r}")
    graph = _union(graph)

    kinds: dict[Node, str] = {}
    for s in set(graph.subjects(RDF.type, None)):
        kind = _node_type(graph, s)
        if kind is not None:
            kinds[s] = kind
    # Resources a drawn relation points at are drawn even when the graph does not type them.
    for p in _RELATIONS:
        for s, o in graph.subject_objects(p):
            for end in (s, o):
                if isinstance(end, URIRef) and end not in kinds:
                    kinds[end] = "other"

    labels = _labels(graph, kinds)
    G = nx.MultiDiGraph()
    G.graph["title"] = _graph_title(graph)
    G.graph["claims_as"] = claims_as
    for node in sorted(kinds, key=str):
        if claims_as == "edges" and kinds[node] == "claim":
            continue
        G.add_node(str(node), **_node_attrs(graph, node, kinds[node], labels))

    edges: set[tuple[str, str, str, str]] = set()
    for subj, pred, obj in graph:
        if pred in _NOT_EDGES or subj not in kinds or obj not in kinds or not isinstance(obj, URIRef):
            continue
        relation, reverse = _RELATIONS.get(pred, (_local(pred), False))
        head, tail = (obj, subj) if reverse else (subj, obj)
        if claims_as == "edges" and "claim" in (kinds[head], kinds[tail]):
            continue
        edges.add((str(head), str(tail), relation, str(pred) if not reverse else str(KG.holdsPosition)))
    for src, dst, relation, predicate in sorted(edges):
        label = EDGE_STYLES.get(relation, (_words(relation), ""))[0]
        G.add_edge(src, dst, key=relation, relation=relation, label=label, predicate=predicate)

    if claims_as == "edges":
        left_out = 0
        for claim in sorted((n for n, k in kinds.items() if k == "claim"), key=str):
            claimants = sorted((c for c in graph.objects(claim, KG.claimant) if c in kinds), key=str)
            targets = sorted((t for t in graph.objects(claim, KG.about) if t in kinds and kinds[t] != "claim"),
                             key=str)
            if not claimants or not targets:
                left_out += 1
                continue
            attrs = _node_attrs(graph, claim, "claim", labels)
            attrs.pop("type")
            attrs["relation"] = "claim"
            attrs["predicate"] = str(KG.Claim)
            attrs["label"] = attrs.get("cue") or attrs.get("speech_act") or "claim"
            attrs["claim_label"] = labels[claim]
            for c in claimants:
                for t in targets:
                    G.add_edge(str(c), str(t), key=str(claim), **attrs)
        G.graph["claims_left_out"] = left_out

    if literals:
        _add_literals(graph, G, kinds, claims_as)
    return G


def _add_literals(graph: Graph, G: nx.MultiDiGraph, kinds: dict[Node, str], claims_as: ClaimsAs) -> None:
    """Literal values of drawn nodes as nodes of their own (one per distinct value)."""
    by_value: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for node in sorted(kinds, key=str):
        if str(node) not in G:
            continue
        for p, o in graph.predicate_objects(node):
            if isinstance(o, RDFLiteral):
                by_value[o.n3()].append((str(node), _local(p), str(p)))
    for key in sorted(by_value):
        lit = next(o for o in graph.objects(URIRef(by_value[key][0][0]), None)
                   if isinstance(o, RDFLiteral) and o.n3() == key)
        node_id = "literal:" + key
        attrs: dict[str, Any] = {"iri": "", "type": "literal", "label": _snippet(str(lit), 60), "value": str(lit)}
        _put(attrs, "datatype", lit.datatype)
        _put(attrs, "language", lit.language)
        G.add_node(node_id, **attrs)
        for src, local, predicate in sorted(set(by_value[key])):
            G.add_edge(src, node_id, key=local, relation=local, label=_words(local), predicate=predicate)


def outlet_of(G: nx.MultiDiGraph, claim: str) -> list[str]:
    """The outlet nodes a claim node is linked to by ``reported_by`` (claims as nodes)."""
    return sorted(v for _, v, d in G.out_edges(claim, data=True) if d.get("relation") == "reported_by")


def claimants_of(G: nx.MultiDiGraph, claim: str) -> list[str]:
    """The claimant nodes of a claim node (claims as nodes)."""
    return sorted(v for _, v, d in G.out_edges(claim, data=True) if d.get("relation") == "claimant")
