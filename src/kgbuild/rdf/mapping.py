"""Map a :class:`~kgbuild.model.Document` to the graph of the query contract.

The contract is shared/docs/DATA_MODEL.md: every instance carries its contract class
directly, every claim, event and entity mention points with ``prov:wasDerivedFrom``
to a ``nif:OffsetBasedString`` of the article text. Nothing here makes a blank node,
so the same document always gives the same triples, and :func:`serialize_turtle`
the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef

from kgbuild.model import Article, DateResolution, DateValue, Document, Quantity, Span

from .iris import (
    article_iri,
    claim_iri,
    entity_iri,
    event_iri,
    is_absolute_iri,
    position_iri,
    quantity_iri,
    span_iri,
)
from .namespaces import KG, NIF, OWL, PREFIXES, PROV, RDF, RDFS, SCHEMA, WD, XSD

__all__ = ["bind_prefixes", "new_graph", "serialize_turtle", "to_dataset", "to_graph"]

_CLASS_OF_KIND: dict[str, URIRef] = {
    "person": SCHEMA.Person,
    "country": SCHEMA.Country,
    "place": SCHEMA.Place,
    "organization": SCHEMA.Organization,
}
_RESOLUTION: dict[DateResolution, URIRef] = {
    DateResolution.EXPLICIT: KG.ExplicitDate,
    DateResolution.PUBLISHED: KG.PublicationYear,
    DateResolution.WEEKDAY: KG.WeekdayYear,
    DateResolution.ANCHORED: KG.AnchoredYear,
    DateResolution.RELATIVE: KG.RelativeDate,
    DateResolution.GIVEN: KG.GivenDate,
}
_DATATYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kgbuild's prefixes (kg, schema, prov, nif, owl, xsd, wd, skos, rdf, rdfs) on ``graph``."""
    for prefix, ns in PREFIXES:
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def new_graph(identifier: URIRef | None = None) -> Graph:
    """An empty graph with only kgbuild's prefixes bound (no rdflib defaults), so output is stable."""
    return bind_prefixes(Graph(identifier=identifier, bind_namespaces="none"))


def date_literal(date: DateValue) -> Literal:
    """A date typed by its precision: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``."""
    return Literal(date.value, datatype=_DATATYPE[date.precision])


def _number(value: float) -> Literal:
    # Whole numbers as xsd:integer, so "90000" is not written as "90000.0".
    if float(value).is_integer():
        return Literal(int(value), datatype=XSD.integer)
    return Literal(Decimal(repr(float(value))), datatype=XSD.decimal)


class _Mapper:
    """Writes one document into one graph; holds the key -> node table while it does."""

    def __init__(self, doc: Document, graph: Graph) -> None:
        self.doc = doc
        self.article = doc.article
        self.g = graph
        self.lang = doc.article.language or None
        self.nodes: dict[str, URIRef] = {}
        self.spans: dict[tuple[int, int], URIRef] = {}  # evidence spans already written (many claims share one)
        self.kinds: dict[str, str] = {}
        self._index_keys()

    # ------------------------------------------------------------------ keys
    def _index_keys(self) -> None:
        art = self.article
        tables: list[tuple[str, Iterable[tuple[str, URIRef]]]] = [
            ("entity", ((e.key, entity_iri(e.key)) for e in self.doc.entities)),
            ("position", ((p.key, position_iri(art, p)) for p in self.doc.positions)),
            ("event", ((e.key, event_iri(art, e)) for e in self.doc.events)),
            ("claim", ((c.key, claim_iri(art, c)) for c in self.doc.claims)),
        ]
        for kind, pairs in tables:
            for key, node in pairs:
                if key in self.nodes:
                    raise ValueError(f"key {key!r} is used twice in the document")
                self.nodes[key] = node
                self.kinds[key] = kind

    def ref(self, key: str, what: str) -> URIRef:
        """The node of a key the document refers to; a dangling reference is a bug upstream."""
        try:
            return self.nodes[key]
        except KeyError:
            raise ValueError(f"{what} refers to {key!r}, which the document does not define") from None

    def text(self, value: str) -> Literal:
        return Literal(value, lang=self.lang)

    def check_span(self, span: Span) -> None:
        """A span's text must be exactly the article's text at its offsets (nif:anchorOf says so)."""
        text = self.article.text
        if span.end > len(text) or text[span.begin : span.end] != span.text:
            raise ValueError(f"span {span.begin}..{span.end} {span.text[:40]!r} differs from the article text there")

    def span(self, span: Span) -> URIRef:
        """The node of an evidence span (checked against the article text), written once."""
        known = self.spans.get((span.begin, span.end))
        if known is not None:
            return known
        self.check_span(span)
        node = span_iri(self.article, span)
        self.spans[(span.begin, span.end)] = node
        g = self.g
        g.add((node, RDF.type, NIF.OffsetBasedString))
        g.add((node, NIF.beginIndex, Literal(span.begin, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.anchorOf, Literal(span.text)))
        g.add((node, NIF.referenceContext, article_iri(self.article)))
        return node

    def derived(self, subject: URIRef, spans: Iterable[Span]) -> None:
        for span in spans:
            self.g.add((subject, PROV.wasDerivedFrom, self.span(span)))

    def date(self, subject: URIRef, prop: URIRef, date: DateValue, *, resolution: bool) -> None:
        self.g.add((subject, prop, date_literal(date)))
        if resolution:
            # One kg:dateResolution per subject: written for its principal date only.
            self.g.add((subject, KG.dateResolution, _RESOLUTION[date.resolution]))
            if date.text:
                self.g.add((subject, KG.dateText, self.text(date.text)))

    # ----------------------------------------------------------------- parts
    def map_article(self) -> None:
        art: Article = self.article
        node = article_iri(art)
        g = self.g
        g.add((node, RDF.type, SCHEMA.NewsArticle))
        g.add((node, KG.contentHash, Literal(art.content_hash)))
        if art.headline:
            g.add((node, SCHEMA.headline, self.text(art.headline)))
        for key in art.authors:
            g.add((node, SCHEMA.author, self.ref(key, "article.authors")))
        if art.published:
            self.date(node, SCHEMA.datePublished, art.published, resolution=True)
        if art.language:
            g.add((node, SCHEMA.inLanguage, Literal(art.language)))
        if art.url:
            if not is_absolute_iri(art.url):
                raise ValueError(f"article url {art.url!r} is not an IRI")
            g.add((node, SCHEMA.url, URIRef(art.url)))
        if art.headline_span:
            # Checked, not written: no contract term links an article to its headline's place.
            self.check_span(art.headline_span)

    def map_entities(self) -> None:
        g = self.g
        for e in self.doc.entities:
            node = entity_iri(e.key)
            g.add((node, RDF.type, _CLASS_OF_KIND[e.kind]))
            g.add((node, SCHEMA.name, Literal(e.name)))
            for alt in sorted(set(e.alternate_names) - {e.name}):
                g.add((node, SCHEMA.alternateName, Literal(alt)))
            if e.country_code:
                g.add((node, KG.countryCode, Literal(e.country_code.upper())))
            if e.wikidata:
                if not e.wikidata[:1] == "Q" or not e.wikidata[1:].isdigit():
                    raise ValueError(f"entity {e.key!r}: {e.wikidata!r} is not a Wikidata item id (Q123)")
                g.add((node, OWL.sameAs, WD[e.wikidata]))
            if e.contained_in:
                g.add((node, SCHEMA.containedInPlace, self.ref(e.contained_in, f"{e.key}.contained_in")))
            self.derived(node, e.mentions)

    def map_positions(self) -> None:
        g = self.g
        for p in self.doc.positions:
            node = self.nodes[p.key]
            g.add((node, RDF.type, KG.Position))
            g.add((node, KG.title, self.text(p.title)))
            if p.of:
                g.add((node, KG.positionOf, self.ref(p.of, f"{p.key}.of")))
            if p.holder:
                holder = self.ref(p.holder, f"{p.key}.holder")
                g.add((node, KG.heldBy, holder))
                g.add((holder, KG.holdsPosition, node))
            self.derived(node, p.mentions)

    def map_events(self) -> None:
        g = self.g
        for e in self.doc.events:
            node = self.nodes[e.key]
            g.add((node, RDF.type, SCHEMA.Event))
            for t in e.types:
                try:
                    g.add((node, RDF.type, KG[t]))
                except AttributeError:
                    raise ValueError(f"event {e.key!r}: {t!r} is not a kg: event type") from None
            g.add((node, SCHEMA.name, self.text(e.name)))
            if e.start:
                self.date(node, SCHEMA.startDate, e.start, resolution=True)
            if e.end:
                self.date(node, SCHEMA.endDate, e.end, resolution=False)
            for key in e.locations:
                g.add((node, SCHEMA.location, self.ref(key, f"{e.key}.locations")))
            for key in e.agents:
                g.add((node, KG.agent, self.ref(key, f"{e.key}.agents")))
            for key in e.participants:
                g.add((node, KG.participant, self.ref(key, f"{e.key}.participants")))
            for i, q in enumerate(e.quantities, start=1):
                g.add((node, KG.quantity, self.quantity(quantity_iri(self.article, e, i), q)))
            self.derived(node, [e.span])

    def quantity(self, node: URIRef, q: Quantity) -> URIRef:
        g = self.g
        g.add((node, RDF.type, SCHEMA.QuantitativeValue))
        for prop, value in (
            (SCHEMA.value, q.value),
            (SCHEMA.minValue, q.min_value),
            (SCHEMA.maxValue, q.max_value),
        ):
            if value is not None:
                g.add((node, prop, _number(value)))
        if q.unit:
            g.add((node, SCHEMA.unitText, self.text(q.unit)))
        if q.text:
            g.add((node, RDFS.label, self.text(q.text)))
        g.add((node, KG.approximate, Literal(q.approximate)))
        return node

    def map_claims(self) -> None:
        g = self.g
        for c in self.doc.claims:
            node = self.nodes[c.key]
            g.add((node, RDF.type, KG.Claim))
            for key in c.claimants:
                g.add((node, KG.claimant, self.ref(key, f"{c.key}.claimants")))
            for key in c.reported_by:
                g.add((node, KG.reportedBy, self.ref(key, f"{c.key}.reported_by")))
            for key in c.about:
                g.add((node, KG.about, self.ref(key, f"{c.key}.about")))
            if c.stated_on:
                self.date(node, KG.statedOn, c.stated_on, resolution=True)
            if c.quote is not None:
                g.add((node, KG.quote, Literal(c.quote)))
            g.add((node, KG.polarity, KG.Negative if c.negative else KG.Positive))
            if c.cue:
                g.add((node, KG.cue, self.text(c.cue)))
            g.add((node, KG.speechAct, KG[c.speech_act.value]))
            g.add((node, SCHEMA.text, self.text(c.text)))
            self.derived(node, [c.span])


def _fill(doc: Document, graph: Graph) -> Graph:
    m = _Mapper(doc, graph)
    m.map_article()
    m.map_entities()
    m.map_positions()
    m.map_events()
    m.map_claims()
    return graph


def to_graph(doc: Document) -> Graph:
    """The graph of one document, in the terms of the query contract.

    Args:
        doc: the document (extracted or loaded from a claims document).

    Returns:
        A new graph with kgbuild's prefixes bound and no blank nodes.

    Raises:
        ValueError: the document is inconsistent: a span whose text is not the article's
            text at its offsets, a reference to an undefined key, a key used twice, an
            unknown event type or a malformed Wikidata id.
    """
    return _fill(doc, new_graph())


def to_dataset(docs: Iterable[Document]) -> Dataset:
    """A dataset holding each document's graph as a named graph named by its article's IRI.

    Raises:
        ValueError: as :func:`to_graph`, or two documents about the same article text.
    """
    ds = Dataset()
    bind_prefixes(ds)
    seen: set[URIRef] = set()
    for doc in docs:
        name = article_iri(doc.article)
        if name in seen:
            raise ValueError(f"two documents for the same article text ({doc.article.content_hash})")
        seen.add(name)
        _fill(doc, ds.graph(name))
    return ds


def serialize_turtle(graph: Graph) -> str:
    """Turtle of ``graph``, the same string for the same triples in every process.

    rdflib's Turtle writer orders subjects and predicates itself; what it leaves to
    chance (prefixes bound by plugins, or prefixes not used) is fixed here by writing
    from a copy that binds only kgbuild's prefixes.
    """
    out = new_graph()
    for triple in graph:
        out.add(triple)
    return out.serialize(format="turtle")
