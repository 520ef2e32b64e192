"""Tests of the ontology (ontology/kgbuild.ttl): it parses, and it defines every kg: term the
contract, the team brief, the shapes and the code use, each with German and English labels."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kgbuild import model, resources
from kgbuild.rdf.namespaces import EVENT_TYPES
from kgbuild.rdf.namespaces import KG as KG_TERMS

KG = Namespace("https://w3id.org/kgbuild/ns#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
ONTOLOGY = URIRef("https://w3id.org/kgbuild/ns")

# The contract's kg: terms (shared/docs/DATA_MODEL.md) and those the team brief adds.
CONTRACT_TERMS = (
    "countryCode Position title positionOf heldBy holdsPosition agent participant quantity Claim "
    "claimant reportedBy statedOn quote polarity Negative about cue speechAct "
    "Statement Confirmation Denial Announcement Promise Demand Criticism Report"
).split()
ADDED_TERMS = (
    "Positive Polarity SpeechAct dateResolution DateResolution ExplicitDate PublicationYear WeekdayYear "
    "AnchoredYear RelativeDate GivenDate dateText contentHash approximate"
).split()
BRIEF_EVENT_TYPES = (
    "StatementEvent Mobilization Migration Protest Arrest ArmedConflict Attack Election Vote Sanction "
    "Meeting Agreement Resignation Appointment CourtRuling Investigation NaturalDisaster Accident Death "
    "Founding Negotiation"
).split()
BRIEF_TERMS = CONTRACT_TERMS + ADDED_TERMS + BRIEF_EVENT_TYPES

DECLARATIONS = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    RDFS.Datatype,
    SKOS.Concept,
    SKOS.ConceptScheme,
}
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(resources.ontology_path(), format="turtle")


def _langs(g: Graph, term: URIRef, prop: URIRef) -> set[str | None]:
    return {o.language for o in g.objects(term, prop) if isinstance(o, Literal)}


def _undocumented(g: Graph, term: URIRef) -> list[str]:
    """What is missing for ``term`` to count as declared and documented."""
    missing = []
    if not DECLARATIONS & set(g.objects(term, RDF.type)):
        missing.append("declaration")
    labels = _langs(g, term, RDFS.label)
    missing += [f"rdfs:label@{lang}" for lang in ("en", "de") if lang not in labels]
    if "en" not in _langs(g, term, RDFS.comment):
        missing.append("rdfs:comment@en")
    return missing


def test_ontology_parses_with_header(onto: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY, OWL.versionInfo) is not None
    assert onto.value(ONTOLOGY, OWL.versionIRI) is not None
    assert onto.value(ONTOLOGY, DCTERMS.license) is not None
    assert {"en", "de"} <= _langs(onto, ONTOLOGY, DCTERMS.description)


@pytest.mark.parametrize("name", BRIEF_TERMS)
def test_ontology_declares_brief_term(onto: Graph, name: str) -> None:
    assert _undocumented(onto, KG[name]) == []


def test_ontology_declares_every_kg_term_of_the_shapes(onto: Graph) -> None:
    shapes = Graph().parse(resources.shapes_dir() / "kgbuild.shapes.ttl", format="turtle")
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and t.startswith(str(KG))}
    assert used, "the shapes use kg: terms"
    assert {str(t): _undocumented(onto, t) for t in used if _undocumented(onto, t)} == {}


def test_ontology_declares_every_term_of_the_kg_namespace_class(onto: Graph) -> None:
    names = [n for n in KG_TERMS.__annotations__ if not n.startswith("_")]
    assert {n: _undocumented(onto, KG[n]) for n in names if _undocumented(onto, KG[n])} == {}


def test_ontology_every_kg_term_is_declared_and_labelled(onto: Graph) -> None:
    # Every kg: IRI the ontology mentions, as subject or object, is a documented term.
    mentioned = {t for triple in onto for t in triple if isinstance(t, URIRef) and t.startswith(str(KG))}
    assert {str(t): _undocumented(onto, t) for t in mentioned if _undocumented(onto, t)} == {}


def test_ontology_every_class_and_property_has_de_and_en_label(onto: Graph) -> None:
    terms = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty) for s in onto.subjects(RDF.type, t)}
    terms = {t for t in terms if isinstance(t, URIRef)}  # not the anonymous unions
    assert len(terms) > 50
    assert {str(t) for t in terms if not {"en", "de"} <= _langs(onto, t, RDFS.label)} == set()


def test_ontology_properties_have_domain_and_range(onto: Graph) -> None:
    props = {s for t in PROPERTY_TYPES for s in onto.subjects(RDF.type, t)}
    missing = {str(p) for p in props if onto.value(p, RDFS.domain) is None or onto.value(p, RDFS.range) is None}
    assert missing == set()


def test_ontology_links_to_reused_vocabularies(onto: Graph) -> None:
    expected = [
        (KG.Claim, RDFS.subClassOf, SCHEMA.Claim),
        (KG.claimant, RDFS.subPropertyOf, PROV.wasAttributedTo),
        (KG.reportedBy, RDFS.subPropertyOf, PROV.wasAttributedTo),
        (KG.statedOn, RDFS.subPropertyOf, SCHEMA.dateCreated),
        (KG.about, RDFS.subPropertyOf, SCHEMA.about),
        (KG.agent, RDFS.subPropertyOf, SEM.hasActor),
        (KG.Position, RDFS.subClassOf, ORG.Post),
        (KG.heldBy, OWL.inverseOf, KG.holdsPosition),
    ]
    assert [t for t in expected if t not in onto] == []


def test_ontology_event_taxonomy_specialises_schema_event(onto: Graph) -> None:
    assert sorted(EVENT_TYPES) == sorted(BRIEF_EVENT_TYPES)
    for name in BRIEF_EVENT_TYPES:
        ancestors = set(onto.transitive_objects(KG[name], RDFS.subClassOf))
        assert SCHEMA.Event in ancestors, name
        comment = onto.value(KG[name], RDFS.comment)
        assert comment is not None and len(str(comment)) > 20, name


def test_ontology_groups_arrest_and_attack_as_conflict(onto: Graph) -> None:
    for name in ("Arrest", "Attack", "ArmedConflict", "Protest", "Mobilization", "Sanction"):
        assert KG.ConflictEvent in set(onto.transitive_objects(KG[name], RDFS.subClassOf)), name


@pytest.mark.parametrize(
    "scheme, members",
    [
        (KG.SpeechAct, {KG[s.value] for s in model.SpeechAct}),
        (KG.Polarity, {KG.Positive, KG.Negative}),
        (
            KG.DateResolution,
            {KG.ExplicitDate, KG.PublicationYear, KG.WeekdayYear, KG.AnchoredYear, KG.RelativeDate, KG.GivenDate},
        ),
    ],
)
def test_ontology_concept_schemes_hold_their_concepts(onto: Graph, scheme: URIRef, members: set[URIRef]) -> None:
    assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
    assert set(onto.subjects(SKOS.inScheme, scheme)) == members
    assert set(onto.objects(scheme, SKOS.hasTopConcept)) == members
    for concept in members:
        assert (concept, RDF.type, SKOS.Concept) in onto
        assert (concept, RDF.type, scheme) in onto  # so rdfs:range kg:SpeechAct etc. holds
        assert {"en", "de"} <= _langs(onto, concept, SKOS.prefLabel), concept
        assert "en" in _langs(onto, concept, SKOS.definition), concept


def test_ontology_date_resolution_notations_mirror_the_model(onto: Graph) -> None:
    notations = {
        str(n) for c in onto.subjects(SKOS.inScheme, KG.DateResolution) for n in onto.objects(c, SKOS.notation)
    }
    assert notations == {r.value for r in model.DateResolution}
