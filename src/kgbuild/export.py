"""Serialise kgbuild graphs in the common RDF formats.

Triple formats (Turtle, N-Triples, JSON-LD, RDF/XML) write the graph as it is. The
quad formats (TriG, N-Quads) write **one named graph per article**, named by the
article's IRI, so a triple store can tell which article said what:

* a node minted below an article's IRI (its spans, claims, events and their
  quantities, ``…/article/<hash>/…`` and ``…/article/<hash>#char=…``) and any node
  whose ``nif:referenceContext`` is the article belong to that article;
* a shared node (an entity or position below ``…/id/``) is described in **every**
  article graph that refers to it, directly or through other shared nodes (a place's
  country, an office's holder): each article graph is whole on its own;
* what no article refers to (e.g. ontology terms, a graph without articles) goes
  into the default graph.

The union of all graphs is therefore exactly the input graph. Every format parses
back to a graph isomorphic with the input (for TriG and N-Quads, their union).
Output is deterministic: the same graph gives the same bytes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from rdflib import Dataset, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XMLNS
from rdflib.term import Node

from kgbuild.rdf.namespaces import NIF, PREFIXES, SCHEMA

ExportFormat = Literal["turtle", "nt", "jsonld", "xml", "trig", "nquads"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("turtle", "nt", "jsonld", "xml", "trig", "nquads")

#: The usual file extension of each format.
EXTENSIONS: dict[ExportFormat, str] = {
    "turtle": ".ttl", "nt": ".nt", "jsonld": ".jsonld", "xml": ".rdf", "trig": ".trig", "nquads": ".nq",
}
_BY_EXTENSION: dict[str, ExportFormat] = {
    ".ttl": "turtle", ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld", ".rdf": "xml", ".xml": "xml",
    ".owl": "xml", ".trig": "trig", ".nq": "nquads",
}


#: Other names people give the formats; every command that takes an RDF format accepts them.
FORMAT_ALIASES: dict[str, ExportFormat] = {
    "ttl": "turtle", "n-triples": "nt", "ntriples": "nt", "nq": "nquads", "n-quads": "nquads",
    "json-ld": "jsonld", "rdfxml": "xml", "rdf/xml": "xml", "rdf": "xml",
}


def format_name(name: str) -> ExportFormat | None:
    """The export format a name or alias means (``"ttl"`` → ``"turtle"``), or None."""
    low = name.strip().lower()
    if low in EXPORT_FORMATS:
        return low
    return FORMAT_ALIASES.get(low)


def format_for_path(path: Path | None, default: ExportFormat = "turtle") -> ExportFormat:
    """The export format an output file name suggests (``out.nq`` -> ``nquads``), else ``default``."""
    if path is None:
        return default
    return _BY_EXTENSION.get(Path(path).suffix.lower(), default)


def serialize(graph: Graph, fmt: ExportFormat = "turtle") -> str:
    """The graph in ``fmt``, with the contract's prefixes declared.

    Args:
        graph: the graph; for ``trig``/``nquads`` it is split by article
            (:func:`split_by_article`).
        fmt: the output format.

    Returns:
        The serialisation, ending with a newline.
    """
    if fmt in ("trig", "nquads"):
        ds = split_by_article(graph)
        if fmt == "nquads":
            return _sorted_lines(ds.serialize(format="nquads"))
        return ds.serialize(format="trig")
    out = _with_prefixes(graph)
    if fmt == "nt":
        return _sorted_lines(out.serialize(format="nt"))
    if fmt == "jsonld":
        context = {prefix: str(ns) for prefix, ns in out.namespaces() if prefix and prefix != "xml"}
        text = out.serialize(format="json-ld", context=context, auto_compact=True, indent=2)
        return text if text.endswith("\n") else text + "\n"
    return out.serialize(format=fmt)


def _with_prefixes(graph: Graph) -> Graph:
    """A copy of ``graph`` with the contract's and the graph's own prefixes, triples in sorted order.

    rdflib's writers other than Turtle follow the store's order, which is the order
    triples were added in: adding them sorted makes the output the same every time.
    """
    out = _bind_prefixes(Graph(bind_namespaces="none"), graph)
    for triple in sorted(graph):
        out.add(triple)
    return out


def _bind_prefixes(target: Graph, source: Graph) -> Graph:
    """Bind the contract's prefixes on ``target``, then those of ``source`` that do not clash."""
    target.bind("xml", XMLNS)  # bind_namespaces="none" drops it, and RDF/XML needs it for xml:lang
    for prefix, ns in PREFIXES:
        target.bind(prefix, ns)
    for prefix, own in sorted(source.namespaces()):
        if prefix and prefix not in dict(PREFIXES):
            target.bind(prefix, own, override=False)
    return target


def _sorted_lines(text: str) -> str:
    """Line-based formats in sorted order: rdflib writes them in hash order."""
    # rdflib leaves two spaces where a triple in the default graph has no graph name.
    lines = sorted({re.sub(r"\s+\.$", " .", line) for line in text.splitlines() if line.strip()})
    return "\n".join(lines) + "\n" if lines else ""


def articles(graph: Graph) -> list[URIRef]:
    """The articles of a graph: ``schema:NewsArticle`` nodes and span contexts, sorted."""
    found = {a for a in graph.subjects(RDF.type, SCHEMA.NewsArticle) if isinstance(a, URIRef)}
    found |= {a for a in graph.objects(None, NIF.referenceContext) if isinstance(a, URIRef)}
    return sorted(found)


def split_by_article(graph: Graph) -> Dataset:
    """A dataset with one named graph per article (named by its IRI); see the module docstring."""
    arts = set(articles(graph))
    homes: dict[Node, URIRef | None] = {}

    def home(node: Node) -> URIRef | None:
        """The article a node is minted below (or whose text it spans), if any."""
        if node not in homes:
            homes[node] = _home(graph, node, arts)
        return homes[node]

    members: dict[Node, set[URIRef]] = defaultdict(set)
    pending: list[Node] = []
    for s in set(graph.subjects()):
        h = home(s)
        if h is not None:
            members[s].add(h)
        else:
            # A shared node that points into an article (an entity to its mention spans).
            members[s] |= {a for p, o in graph.predicate_objects(s)
                           if p != RDF.type and not isinstance(o, RdfLiteral) and (a := home(o)) is not None}
        if members[s]:
            pending.append(s)
    # Spread article membership along references to shared nodes (not along rdf:type:
    # a class is not part of the article).
    while pending:
        s = pending.pop()
        for p, o in graph.predicate_objects(s):
            if p == RDF.type or isinstance(o, RdfLiteral) or home(o) is not None:
                continue
            new = members[s] - members[o]
            if new:
                members[o] |= new
                pending.append(o)

    ds = Dataset()
    _bind_prefixes(ds, graph)
    # graphs created, and triples added, in sorted order: rdflib's TriG writer follows the store's
    # order, so the same graph always gives the same bytes
    for owner in sorted({a for ms in members.values() for a in ms}):
        ds.graph(owner)
    for s, p, o in sorted(graph):
        owners: Iterable[URIRef] = sorted(members.get(s) or ()) or (DATASET_DEFAULT_GRAPH_ID,)
        for owner in owners:
            ds.graph(owner).add((s, p, o))
    return ds


def _home(graph: Graph, node: Node, arts: set[URIRef]) -> URIRef | None:
    if isinstance(node, URIRef):
        # Walk up the IRI: "…/article/h/claim/3" -> "…/article/h/claim" -> "…/article/h".
        iri = str(node).split("#", 1)[0]
        while iri:
            if URIRef(iri) in arts:
                return URIRef(iri)
            iri = iri.rpartition("/")[0]
    context = graph.value(node, NIF.referenceContext)
    return context if isinstance(context, URIRef) and context in arts else None
