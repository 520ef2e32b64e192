"""The mapping from a Document to the graph of the query contract (shared/docs/DATA_MODEL.md)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from kgbuild.document import load_document
from kgbuild.model import (
    Article,
    Claim,
    DateResolution,
    DateValue,
    Document,
    Entity,
    Event,
    Position,
    Quantity,
    Span,
    SpeechAct,
)
from kgbuild.rdf import KG, NIF, OWL, PROV, SCHEMA, WD, XSD, serialize_turtle, to_dataset, to_graph
from kgbuild.rdf.iris import article_iri, entity_iri
from kgbuild.rdf.namespaces import EVENT_TYPES, RDF, RDFS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "de_wikinews_griechenland_vertrauen.claims.yaml"
GOLDEN = ROOT / "tests" / "golden" / "de_wikinews_griechenland_vertrauen.ttl"

TEXT = (
    "Astana – Am 21. September 2022 verkündete Präsident Kassym-Schomart Tokajew die Mobilmachung. "
    "Rund 98.000 Russen sind seitdem nach Kasachstan eingereist, berichtete AFP. "
    "Der Innenminister sagte, man werde niemanden zurückschicken."
)


def _span(text: str, needle: str) -> Span:
    b = text.index(needle)
    return Span.of(text, b, b + len(needle))


def sample_document() -> Document:
    """A small document that uses every part of the model."""
    t = TEXT
    art = Article(
        text=t,
        headline=None,
        published=DateValue("2022-09", DateResolution.GIVEN),
        language="de",
        url="https://example.org/a",
    )
    kz = Entity("country/kz", "country", "Kasachstan", (), "KZ", "Q232", None, (_span(t, "Kasachstan"),))
    astana = Entity("place/astana", "place", "Astana", (), None, None, "country/kz", (_span(t, "Astana"),))
    tokajew = Entity(
        "person/kassym-schomart-tokajew",
        "person",
        "Kassym-Schomart Tokajew",
        ("Tokajews", "Tokajew"),
        mentions=(_span(t, "Kassym-Schomart Tokajew"),),
    )
    afp = Entity("organization/afp", "organization", "AFP", mentions=(_span(t, "AFP"),))
    president = Position("position/praesident-kz", "Präsident", "country/kz", tokajew.key, (_span(t, "Präsident"),))
    minister = Position("position/innenminister-kz", "Innenminister", "country/kz", None, (_span(t, "Innenminister"),))
    mobil = Event(
        "event/1",
        ("Mobilization",),
        "Mobilmachung",
        _span(t, "Am 21. September 2022 verkündete Präsident Kassym-Schomart Tokajew die Mobilmachung."),
        start=DateValue("2022-09-21", DateResolution.EXPLICIT, "Am 21. September 2022"),
        end=DateValue("2022"),
        locations=(kz.key,),
        agents=(tokajew.key,),
    )
    migration = Event(
        "event/2",
        ("Migration", "StatementEvent"),
        "Einreise von Russen nach Kasachstan",
        _span(t, "Rund 98.000 Russen sind seitdem nach Kasachstan eingereist, berichtete AFP."),
        locations=(kz.key,),
        quantities=(
            Quantity(value=98000, unit="Russen", text="Rund 98.000", approximate=True),
            Quantity(min_value=0.5, max_value=2.25),
        ),
    )
    report = Claim(
        "claim/1",
        (afp.key,),
        "Rund 98.000 Russen sind seitdem nach Kasachstan eingereist",
        migration.span,
        speech_act=SpeechAct.REPORT,
        cue="berichtete",
        reported_by=(afp.key,),
        about=(migration.key,),
    )
    denial = Claim(
        "claim/2",
        (minister.key,),
        "man werde niemanden zurückschicken",
        _span(t, "Der Innenminister sagte, man werde niemanden zurückschicken."),
        cue="sagte",
        quote="man werde niemanden zurückschicken",
        stated_on=DateValue("2022-09-27", DateResolution.RELATIVE, "am Dienstag"),
        negative=True,
        about=(report.key,),
    )
    return Document(art, (kz, astana, tokajew, afp), (president, minister), (mobil, migration), (report, denial))


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Compare by isomorphism; on failure show the triples only one side has."""
    iso_e, iso_a = to_isomorphic(expected), to_isomorphic(actual)
    if iso_e == iso_a:
        return
    _, only_e, only_a = graph_diff(iso_e, iso_a)
    lines = ["graphs differ", "only in expected:"]
    lines += sorted(f"  {s.n3()} {p.n3()} {o.n3()}" for s, p, o in only_e)
    lines += ["only in actual:"]
    lines += sorted(f"  {s.n3()} {p.n3()} {o.n3()}" for s, p, o in only_a)
    pytest.fail("\n".join(lines))


def test_mapping_example_matches_golden_graph() -> None:
    expected = Graph().parse(GOLDEN, format="turtle")
    assert_isomorphic(expected, to_graph(load_document(EXAMPLE)))


def test_mapping_writes_no_blank_nodes() -> None:
    for graph in (to_graph(sample_document()), to_graph(load_document(EXAMPLE))):
        assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_mapping_article_terms() -> None:
    doc = sample_document()
    g = to_graph(doc)
    art = article_iri(doc.article)
    assert (art, RDF.type, SCHEMA.NewsArticle) in g
    assert g.value(art, SCHEMA.datePublished) == Literal("2022-09", datatype=XSD.gYearMonth)
    assert g.value(art, KG.dateResolution) == KG.GivenDate
    assert g.value(art, SCHEMA.inLanguage) == Literal("de")
    assert g.value(art, KG.contentHash) == Literal(doc.article.content_hash)
    assert g.value(art, SCHEMA.url) == URIRef("https://example.org/a")


def test_mapping_entities_carry_contract_class_names_and_links() -> None:
    g = to_graph(sample_document())
    kz, astana = entity_iri("country/kz"), entity_iri("place/astana")
    tokajew = entity_iri("person/kassym-schomart-tokajew")
    assert (kz, RDF.type, SCHEMA.Country) in g
    assert (kz, RDF.type, SCHEMA.Place) not in g  # a state is not a contract schema:Place
    assert g.value(kz, KG.countryCode) == Literal("KZ")
    assert g.value(kz, OWL.sameAs) == WD.Q232
    assert g.value(astana, SCHEMA.containedInPlace) == kz
    assert (tokajew, RDF.type, SCHEMA.Person) in g
    assert set(g.objects(tokajew, SCHEMA.alternateName)) == {Literal("Tokajew"), Literal("Tokajews")}
    assert (entity_iri("organization/afp"), RDF.type, SCHEMA.Organization) in g


def test_mapping_spans_are_nif_strings_of_the_article() -> None:
    doc = sample_document()
    g = to_graph(doc)
    spans = set(g.subjects(RDF.type, NIF.OffsetBasedString))
    assert spans
    for span in spans:
        b, e = int(g.value(span, NIF.beginIndex)), int(g.value(span, NIF.endIndex))
        assert str(g.value(span, NIF.anchorOf)) == doc.article.text[b:e]
        assert g.value(span, NIF.referenceContext) == article_iri(doc.article)
        assert str(span) == f"{article_iri(doc.article)}#char={b},{e}"
    # Every mention, event and claim points to one.
    tokajew = entity_iri("person/kassym-schomart-tokajew")
    assert set(g.objects(tokajew, PROV.wasDerivedFrom)) <= spans
    for cls in (KG.Claim, SCHEMA.Event, KG.Position):
        for node in g.subjects(RDF.type, cls):
            assert set(g.objects(node, PROV.wasDerivedFrom)) & spans, node


def test_mapping_positions_link_both_ways() -> None:
    g = to_graph(sample_document())
    tokajew = entity_iri("person/kassym-schomart-tokajew")
    (pos,) = g.objects(tokajew, KG.holdsPosition)
    assert (pos, RDF.type, KG.Position) in g
    assert g.value(pos, KG.heldBy) == tokajew
    assert g.value(pos, KG.title) == Literal("Präsident", lang="de")
    assert g.value(pos, KG.positionOf) == entity_iri("country/kz")
    unnamed = [p for p in g.subjects(KG.title, Literal("Innenminister", lang="de"))]
    assert len(unnamed) == 1 and g.value(unnamed[0], KG.heldBy) is None


def test_mapping_events_types_dates_and_quantities() -> None:
    doc = sample_document()
    g = to_graph(doc)
    base = article_iri(doc.article)
    mobil, migration = URIRef(f"{base}/event/1"), URIRef(f"{base}/event/2")
    assert {SCHEMA.Event, KG.Mobilization} <= set(g.objects(mobil, RDF.type))
    assert {SCHEMA.Event, KG.Migration, KG.StatementEvent} <= set(g.objects(migration, RDF.type))
    assert g.value(mobil, SCHEMA.name) == Literal("Mobilmachung", lang="de")
    assert g.value(mobil, SCHEMA.startDate) == Literal("2022-09-21", datatype=XSD.date)
    assert g.value(mobil, SCHEMA.endDate) == Literal("2022", datatype=XSD.gYear)
    assert g.value(mobil, KG.dateResolution) == KG.ExplicitDate
    assert g.value(mobil, KG.dateText) == Literal("Am 21. September 2022", lang="de")
    assert g.value(mobil, KG.agent) == entity_iri("person/kassym-schomart-tokajew")
    assert g.value(mobil, SCHEMA.location) == entity_iri("country/kz")
    q1, q2 = URIRef(f"{migration}/quantity/1"), URIRef(f"{migration}/quantity/2")
    assert set(g.objects(migration, KG.quantity)) == {q1, q2}
    assert (q1, RDF.type, SCHEMA.QuantitativeValue) in g
    assert g.value(q1, SCHEMA.value) == Literal(98000, datatype=XSD.integer)
    assert g.value(q1, SCHEMA.unitText) == Literal("Russen", lang="de")
    assert g.value(q1, KG.approximate) == Literal(True)
    assert g.value(q1, RDFS.label) == Literal("Rund 98.000", lang="de")
    assert g.value(q2, SCHEMA.minValue) == Literal("0.5", datatype=XSD.decimal)
    assert g.value(q2, SCHEMA.maxValue) == Literal("2.25", datatype=XSD.decimal)


def test_mapping_claims_carry_every_contract_term() -> None:
    doc = sample_document()
    g = to_graph(doc)
    base = article_iri(doc.article)
    report, denial = URIRef(f"{base}/claim/1"), URIRef(f"{base}/claim/2")
    assert (report, RDF.type, KG.Claim) in g
    assert g.value(report, KG.claimant) == entity_iri("organization/afp")
    assert g.value(report, KG.reportedBy) == entity_iri("organization/afp")
    assert g.value(report, KG.speechAct) == KG.Report
    assert g.value(report, KG.cue) == Literal("berichtete", lang="de")
    assert g.value(report, KG.about) == URIRef(f"{base}/event/2")
    assert g.value(report, KG.polarity) == KG.Positive
    assert g.value(report, KG.quote) is None
    assert g.value(denial, KG.polarity) == KG.Negative
    assert (g.value(denial, KG.claimant), RDF.type, KG.Position) in g  # an unnamed office holder speaks
    assert g.value(denial, KG.quote) == Literal("man werde niemanden zurückschicken")  # plain string
    assert g.value(denial, SCHEMA.text) == Literal("man werde niemanden zurückschicken", lang="de")
    assert g.value(denial, KG.statedOn) == Literal("2022-09-27", datatype=XSD.date)
    assert g.value(denial, KG.dateResolution) == KG.RelativeDate
    assert g.value(denial, KG.dateText) == Literal("am Dienstag", lang="de")
    assert g.value(denial, KG.about) == report
    span = g.value(denial, PROV.wasDerivedFrom)
    assert str(g.value(span, NIF.anchorOf)) == "Der Innenminister sagte, man werde niemanden zurückschicken."


def test_mapping_binds_the_project_prefixes() -> None:
    ttl = serialize_turtle(to_graph(sample_document()))
    for prefix in ("kg", "schema", "prov", "nif", "owl", "xsd", "wd"):
        assert f"@prefix {prefix}: " in ttl
    prefixes = dict(to_graph(sample_document()).namespaces())
    assert str(prefixes["skos"]) == "http://www.w3.org/2004/02/skos/core#"
    assert not any(p.startswith("ns") and p[2:].isdigit() for p in prefixes)


def test_mapping_rejects_a_span_that_is_not_the_article_text() -> None:
    doc = sample_document()
    bad = Span(0, 6, "Almaty")  # the text there is "Astana"
    doc = replace(doc, entities=(replace(doc.entities[0], mentions=(bad,)), *doc.entities[1:]))
    with pytest.raises(ValueError, match="differs from the article text"):
        to_graph(doc)


def test_mapping_rejects_a_span_beyond_the_text() -> None:
    doc = sample_document()
    n = len(doc.article.text)
    claim = replace(doc.claims[0], span=Span(n - 2, n + 3, "abcde"))
    with pytest.raises(ValueError):
        to_graph(replace(doc, claims=(claim,)))


def test_mapping_rejects_a_dangling_reference() -> None:
    doc = sample_document()
    claim = replace(doc.claims[0], claimants=("person/nobody",))
    with pytest.raises(ValueError, match="person/nobody"):
        to_graph(replace(doc, claims=(claim, doc.claims[1])))


def test_mapping_rejects_an_unknown_event_type() -> None:
    doc = sample_document()
    event = replace(doc.events[0], types=("Party",))
    with pytest.raises(ValueError, match="Party"):
        to_graph(replace(doc, events=(event, doc.events[1])))


def test_mapping_rejects_a_key_used_twice() -> None:
    doc = sample_document()
    twin = replace(doc.claims[1], key="claim/1")
    with pytest.raises(ValueError, match="claim/1"):
        to_graph(replace(doc, claims=(doc.claims[0], twin)))


def test_mapping_dataset_puts_each_article_in_its_named_graph() -> None:
    one = sample_document()
    two = load_document(EXAMPLE)
    ds = to_dataset([one, two])
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {article_iri(one.article), article_iri(two.article)}
    for doc in (one, two):
        named = ds.graph(article_iri(doc.article))
        assert_isomorphic(to_graph(doc), named)
    trig = ds.serialize(format="trig")
    assert "_:" not in trig


def test_mapping_dataset_rejects_the_same_article_twice() -> None:
    doc = sample_document()
    with pytest.raises(ValueError, match="same article"):
        to_dataset([doc, doc])


def test_namespaces_kg_is_closed_and_holds_the_contract_terms() -> None:
    contract = (
        "countryCode Position title positionOf heldBy holdsPosition agent participant quantity Claim "
        "claimant reportedBy statedOn quote polarity Negative about cue speechAct Statement Confirmation "
        "Denial Announcement Promise Demand Criticism Report Positive Polarity SpeechAct dateResolution "
        "DateResolution ExplicitDate PublicationYear WeekdayYear AnchoredYear RelativeDate GivenDate dateText "
        "contentHash approximate"
    ).split()
    for term in (*contract, *EVENT_TYPES):
        assert KG[term] == URIRef("https://w3id.org/kgbuild/ns#" + term)
    assert len(EVENT_TYPES) == 21
    with pytest.raises(AttributeError):
        _ = KG.Statment  # a typo must fail, not mint a term
