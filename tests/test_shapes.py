"""Tests of the SHACL shapes (shapes/kgbuild.shapes.ttl) and of kgbuild.validate.

Each shape has a conforming and a violating fixture under fixtures/shapes/; both are added to
common.ttl, a small article graph that conforms with no result at all. A violating fixture
must give exactly the listed (focus node, source shape, severity) results, no more and no
fewer, as pySHACL's DASH tests do.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, SH

from kgbuild import resources
from kgbuild.errors import InputError
from kgbuild.validate import ValidationReport, format_report, load_shapes, validate

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
BASE = "https://w3id.org/kgbuild/"
ART = BASE + "article/0123456789abcdef"
KG = Namespace("https://w3id.org/kgbuild/ns#")
KGSH = Namespace("https://w3id.org/kgbuild/shapes#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
# A plain Namespace: rdflib's XSD warns when pytest probes module attributes.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

Outcome = Counter[tuple[str, str, str]]


def graph_of(*fixtures: str) -> Graph:
    """common.ttl plus the named fixture files."""
    g = Graph()
    for name in ("common", *fixtures):
        g.parse(FIXTURES / f"{name}.ttl", format="turtle")
    return g


def outcome(report: ValidationReport) -> Outcome:
    """Each result as (focus node below the kgbuild base, shape local name, severity)."""
    return Counter(
        (
            str(r.focus_node).removeprefix(BASE),
            str(r.source_shape).removeprefix(str(KGSH)),
            r.severity,
        )
        for r in report.results
    )


V, W, I = "Violation", "Warning", "Info"  # noqa: E741 (I for Info reads well in the tables)

EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "article": [
        ("article/00000000000000b1", "NewsArticle-headline-present", W),
        ("article/00000000000000b1", "NewsArticle-datePublished-valid", V),
        ("article/00000000000000b1", "NewsArticle-inLanguage-tag", V),
        ("article/00000000000000b1", "NewsArticle-contentHash-format", V),
        ("article/00000000000000b1", "NewsArticle-author-person", V),
        ("article/00000000000000b1", "Dated-dateResolution-concept", V),
        ("article/00000000000000b2", "NewsArticle-headline-single", V),
        ("article/00000000000000b2", "NewsArticle-headline-text", V),
        ("article/00000000000000b2", "NewsArticle-datePublished-single", V),
        ("article/00000000000000b2", "NewsArticle-inLanguage-single", V),
        ("article/00000000000000b2", "NewsArticle-contentHash-single", V),
    ],
    "person": [
        ("id/person/p1", "Entity-name-present", V),
        ("id/person/p1", "Entity-alternateName-text", V),
        ("id/person/p2", "Entity-name-single", V),
        ("id/person/p2", "Entity-name-text", V),
        ("id/person/p2", "Entity-sameAs-iri", V),
        ("id/person/p3", "Entity-sameAs-wikidata", V),
        ("id/person/p4", "Person-kind", V),
        ("id/person/p4", "Organization-kind", V),
        ("id/person/p5", "Person-holdsPosition-class", V),
        ("id/person/p5", "Evidence-span", V),
        ("id/person/p6", "Evidence-mention", W),
    ],
    "country": [
        ("id/country/c1", "Country-countryCode-present", V),
        ("id/country/c2", "Country-countryCode-format", V),
        ("id/country/c3", "Country-countryCode-single", V),
        ("id/country/c4", "Country-notPlace", W),
        ("id/country/c5", "Country-kind", V),
        ("id/country/c5", "Organization-kind", V),
    ],
    "place": [
        ("id/place/pl1", "Place-containedInPlace-country", V),
        ("id/place/pl2", "Entity-name-present", V),
        ("id/place/pl2", "Evidence-mention", W),
        ("id/place/pl3", "Place-kind", V),
        ("id/place/pl3", "Organization-kind", V),
    ],
    "organization": [
        ("id/organization/o1", "Entity-name-text", V),
        ("id/organization/o2", "Evidence-mention", W),
        ("id/organization/o3", "Entity-sameAs-wikidata", V),
    ],
    "position": [
        ("id/position/p1", "Position-title-present", V),
        ("id/position/p1", "Position-positionOf-present", W),
        ("id/position/p2", "Position-title-single", V),
        ("id/position/p2", "Position-positionOf-class", V),
        ("id/position/p2", "Position-heldBy-class", V),
        ("id/position/p2", "Position-heldBy-inverse", V),
        ("id/position/p3", "Position-heldBy-inverse", V),
        ("id/position/p4", "Position-heldBy-inverse", V),
        ("id/position/p5", "Position-title-text", V),
        ("id/position/p5", "Position-positionOf-single", V),
        ("id/position/p6", "Position-heldBy-single", V),
    ],
    "event": [
        ("article/0123456789abcdef/event/b1", "Event-name-present", V),
        ("article/0123456789abcdef/event/b1", "Event-startDate-valid", V),
        ("article/0123456789abcdef/event/b1", "Evidence-present", V),
        ("article/0123456789abcdef/event/b2", "Event-endDate-order", V),
        ("article/0123456789abcdef/event/b2", "Event-location-class", V),
        ("article/0123456789abcdef/event/b2", "Event-agent-class", V),
        ("article/0123456789abcdef/event/b2", "Event-participant-class", V),
        ("article/0123456789abcdef/event/b2", "Event-quantity-iri", V),
        ("article/0123456789abcdef/event/b2", "Dated-dateResolution-concept", V),
        ("article/0123456789abcdef/event/b3", "EventTaxonomy-type", V),
        ("article/0123456789abcdef/event/b4", "Event-name-single", V),
        ("article/0123456789abcdef/event/b4", "Event-startDate-single", V),
        ("article/0123456789abcdef/event/b4", "Event-endDate-valid", V),
        ("article/0123456789abcdef/event/b5", "Event-endDate-single", V),
        ("article/0123456789abcdef/event/b5", "Evidence-span", V),
    ],
    "quantity": [
        ("article/0123456789abcdef/event/q/quantity/1", "QuantityAmountShape", V),
        ("article/0123456789abcdef/event/q/quantity/1", "Quantity-approximate-boolean", V),
        ("article/0123456789abcdef/event/q/quantity/2", "Quantity-value-number", V),
        ("article/0123456789abcdef/event/q/quantity/2", "Quantity-bounds-order", V),
        ("article/0123456789abcdef/event/q/quantity/3", "Quantity-value-single", V),
    ],
    "claim": [
        ("article/0123456789abcdef/claim/b1", "Claim-claimant-present", V),
        ("article/0123456789abcdef/claim/b1", "Claim-text-present", V),
        ("article/0123456789abcdef/claim/b1", "Evidence-present", V),
        ("article/0123456789abcdef/claim/b1", "Claim-statedOn-present", W),
        ("article/0123456789abcdef/claim/b1", "Claim-speechAct-present", W),
        ("article/0123456789abcdef/claim/b1", "Claim-reportedBy-present", I),
        ("article/0123456789abcdef/claim/b2", "Claim-claimant-class", V),
        ("article/0123456789abcdef/claim/b2", "Claim-reportedBy-class", V),
        ("article/0123456789abcdef/claim/b2", "Claim-statedOn-valid", V),
        ("article/0123456789abcdef/claim/b2", "Claim-polarity-concept", V),
        ("article/0123456789abcdef/claim/b2", "Claim-speechAct-concept", V),
        ("article/0123456789abcdef/claim/b2", "Claim-about-iri", V),
        ("article/0123456789abcdef/claim/b2", "Claim-quote-marks", W),
        ("article/0123456789abcdef/claim/b3", "Claim-statedOn-single", V),
        ("article/0123456789abcdef/claim/b3", "Claim-quote-single", V),
        ("article/0123456789abcdef/claim/b3", "Claim-quote-text", V),
        ("article/0123456789abcdef/claim/b3", "Claim-polarity-single", V),
        ("article/0123456789abcdef/claim/b3", "Claim-cue-single", V),
        ("article/0123456789abcdef/claim/b3", "Claim-cue-text", V),
        ("article/0123456789abcdef/claim/b3", "Claim-speechAct-single", V),
        ("article/0123456789abcdef/claim/b3", "Claim-text-single", V),
        ("article/0123456789abcdef/claim/b3", "Claim-text-text", V),
    ],
    "span": [
        ("article/0123456789abcdef#char=10,5", "Span-order", V),
        ("article/0123456789abcdef#char=10,5", "Span-anchorOf-length", V),
        ("article/0123456789abcdef#s2", "Span-beginIndex-one", V),
        ("article/0123456789abcdef#s2", "Span-anchorOf-one", V),
        ("article/0123456789abcdef#s2", "Span-referenceContext-one", V),
        ("article/0123456789abcdef#char=-1,4", "Span-beginIndex-number", V),
        ("article/0123456789abcdef#char=-1,4", "Span-endIndex-number", V),
        ("article/0123456789abcdef#char=-1,4", "Span-order", V),  # "4" is a string: no order
        ("article/0123456789abcdef#char=-1,4", "Span-anchorOf-text", V),
        ("article/0123456789abcdef#char=-1,4", "Span-referenceContext-article", V),
        ("article/0123456789abcdef#char=0,3", "Span-iri-offsets", W),
        ("article/0123456789abcdef#char=20,22", "Span-anchorOf-length", V),
    ],
}


# --------------------------------------------------------------------------- fixtures


def test_shapes_common_graph_conforms_without_results() -> None:
    report = validate(graph_of())
    assert report.conforms
    assert report.results == ()


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_shapes_conforming_fixture_has_no_results(kind: str) -> None:
    report = validate(graph_of(f"{kind}_ok"))
    assert [(str(r.focus_node), str(r.source_shape), r.message) for r in report.results] == []
    assert report.conforms


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_shapes_violating_fixture_reports_each_problem(kind: str) -> None:
    report = validate(graph_of(f"{kind}_bad"))
    assert outcome(report) == Counter(EXPECTED[kind])
    assert not report.conforms
    # The same results are in pySHACL's report graph, with sh:focusNode and sh:sourceShape.
    rg = report.report_graph
    for r in report.results:
        assert any(rg.value(node, SH.sourceShape) == r.source_shape for node in rg.subjects(SH.focusNode, r.focus_node))


# -------------------------------------------------------------------------- severities


def test_shapes_claim_without_date_is_warning_and_conforms() -> None:
    g = graph_of()
    g.remove((URIRef(ART + "/claim/1"), KG.statedOn, None))
    report = validate(g)
    assert report.conforms
    assert outcome(report) == Counter([("article/0123456789abcdef/claim/1", "Claim-statedOn-present", W)])


def test_shapes_article_without_headline_is_warning() -> None:
    g = graph_of()
    g.remove((URIRef(ART), SCHEMA.headline, None))
    report = validate(g)
    assert report.conforms
    assert outcome(report) == Counter([("article/0123456789abcdef", "NewsArticle-headline-present", W)])


def test_shapes_claim_without_outlet_is_info() -> None:
    g = graph_of()
    g.remove((URIRef(ART + "/claim/1"), KG.reportedBy, None))
    report = validate(g)
    assert report.conforms
    assert outcome(report) == Counter([("article/0123456789abcdef/claim/1", "Claim-reportedBy-present", I)])


@pytest.mark.parametrize(
    "lexical, datatype",
    [
        ("2022-13-45", XSD.date),  # no such month: ill-typed, rdflib keeps it with value None
        ("2022-02-30", XSD.date),  # matches the pattern but is no calendar day
        ("27.09.2022", XSD.date),  # German notation
        ("2022-9-27", XSD.date),  # one-digit month
        ("2022-09-27", XSD.string),  # a string that looks like a date
        ("2022-09-27", XSD.dateTime),  # not one of the three allowed types
        ("Sept. 2022", XSD.gYearMonth),  # rdflib does not check gYearMonth itself
        ("abc", XSD.gYear),
    ],
)
def test_shapes_bad_date_is_violation(lexical: str, datatype: URIRef) -> None:
    g = graph_of()
    claim = URIRef(ART + "/claim/1")
    g.set((claim, KG.statedOn, Literal(lexical, datatype=datatype)))
    report = validate(g)
    assert not report.conforms
    assert outcome(report) == Counter([("article/0123456789abcdef/claim/1", "Claim-statedOn-valid", V)])
    assert report.violations[0].value == Literal(lexical, datatype=datatype)


@pytest.mark.parametrize(
    "literal",
    [
        Literal("2022-09-27", datatype=XSD.date),
        Literal("2022-09", datatype=XSD.gYearMonth),
        Literal("2022", datatype=XSD.gYear),
    ],
)
def test_shapes_date_precisions_are_accepted(literal: Literal) -> None:
    g = graph_of()
    g.set((URIRef(ART + "/claim/1"), KG.statedOn, literal))
    assert validate(g).results == ()


def test_shapes_begin_after_end_is_violation() -> None:
    g = graph_of()
    span = URIRef(ART + "#char=72,75")
    g.set((span, NIF.beginIndex, Literal(80)))
    report = validate(g)
    assert not report.conforms
    order = [r for r in report.violations if r.source_shape == KGSH["Span-order"]]
    assert [(r.focus_node, r.result_path, r.value) for r in order] == [(span, NIF.beginIndex, Literal(80))]


def test_shapes_blank_node_claim_is_violation() -> None:
    g = graph_of()
    claim = URIRef(ART + "/claim/1")
    bnode = BNode()
    for p, o in list(g.predicate_objects(claim)):
        g.add((bnode, p, o))
    g.remove((claim, None, None))
    report = validate(g)
    assert [(r.focus_node, r.source_shape, r.severity) for r in report.results] == [(bnode, KGSH.ClaimShape, V)]


# ------------------------------------------------------------------ the shapes file itself


def _shapes() -> Graph:
    return Graph().parse(resources.shapes_dir() / "kgbuild.shapes.ttl", format="turtle")


def test_shapes_every_constraint_has_a_message() -> None:
    g = _shapes()
    targets = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)
    shapes = set(g.subjects(RDF.type, SH.PropertyShape)) | set(g.subjects(RDF.type, SH.SPARQLConstraint))
    shapes |= {s for t in targets for s in g.subjects(t, None)}
    missing = {s for s in shapes if not any(True for _ in g.objects(s, SH.message))}
    # A targeted node shape without node-level constraints needs no message of its own.
    node_level = (SH.nodeKind, SH.datatype, SH["or"], SH["not"], SH["in"], SH.hasValue, SH["class"])
    missing = {s for s in missing if any(True for p in node_level for _ in g.objects(s, p))}
    assert missing == set()


def test_shapes_every_property_shape_is_used() -> None:
    g = _shapes()
    unused = {s for s in g.subjects(RDF.type, SH.PropertyShape) if (None, SH.property, s) not in g}
    assert unused == set()


def test_shapes_target_every_contract_class() -> None:
    g = _shapes()
    targeted = set(g.objects(None, SH.targetClass))
    contract = {SCHEMA.NewsArticle, SCHEMA.Person, SCHEMA.Country, SCHEMA.Place, SCHEMA.Organization}
    contract |= {KG.Position, SCHEMA.Event, KG.Claim, NIF.OffsetBasedString}
    assert contract <= targeted
    # No target that needs inference (SHACL-AF custom targets, rdfs:subClassOf in the data).
    assert (None, SH.target, None) not in g


def test_shapes_severities_are_deliberate() -> None:
    g = _shapes()

    def with_severity(sev: URIRef) -> set[str]:
        return {str(s).removeprefix(str(KGSH)) for s in g.subjects(SH.severity, sev)}

    assert with_severity(SH.Warning) == {
        "NewsArticle-headline-present",
        "Evidence-mention",
        "Country-notPlace",
        "Position-positionOf-present",
        "Claim-statedOn-present",
        "Claim-quote-marks",
        "Claim-speechAct-present",
        "Span-iri-offsets",
    }
    assert with_severity(SH.Info) == {"Claim-reportedBy-present"}
    assert with_severity(SH.Violation) == set()  # the default; structure is never downgraded


# ------------------------------------------------------------------------------ validate


def test_validate_warnings_and_infos_do_not_fail() -> None:
    g = graph_of()
    g.remove((URIRef(ART + "/claim/1"), KG.statedOn, None))
    g.remove((URIRef(ART + "/claim/1"), KG.reportedBy, None))
    report = validate(g)
    assert report.conforms
    assert (len(report.violations), len(report.warnings), len(report.infos)) == (0, 1, 1)


def test_validate_accepts_shapes_as_folder_file_or_graph() -> None:
    g = graph_of("claim_bad")
    expected = outcome(validate(g))
    shapes_file = resources.shapes_dir() / "kgbuild.shapes.ttl"
    assert outcome(validate(g, shapes=resources.shapes_dir())) == expected
    assert outcome(validate(g, shapes=shapes_file)) == expected
    assert outcome(validate(g, shapes=str(shapes_file))) == expected
    assert outcome(validate(g, shapes=Graph().parse(shapes_file))) == expected


def test_validate_custom_shapes_and_severity(tmp_path: Path) -> None:
    shapes = tmp_path / "mine.ttl"
    shapes.write_text(
        """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:severity sh:Info ; sh:message "needs ex:p" ] .
        """,
        encoding="utf-8",
    )
    data = Graph().parse(data="<https://example.org/x> a <https://example.org/C> .", format="turtle")
    report = validate(data, shapes=shapes)
    assert report.conforms
    assert [(str(r.focus_node), r.severity, r.message) for r in report.results] == [
        ("https://example.org/x", "Info", "needs ex:p")
    ]
    assert report.results[0].path == report.results[0].result_path == URIRef("https://example.org/p")


def test_validate_missing_shapes_path_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        validate(Graph(), shapes=tmp_path / "nope.ttl")


def test_validate_folder_without_shapes_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no \\*.ttl"):
        validate(Graph(), shapes=tmp_path)


def test_validate_malformed_shapes_raise_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle .", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        validate(Graph(), shapes=bad)


def test_validate_caches_shapes_until_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "s.ttl"
    path.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n", encoding="utf-8")
    first = load_shapes(path)
    assert load_shapes(path) is first
    assert load_shapes() is load_shapes(resources.shapes_dir())
    path.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    assert load_shapes(path) is not first


def test_validate_leaves_the_input_graph_alone() -> None:
    g = graph_of("claim_bad")
    triples, prefixes = set(g), sorted(g.namespaces())
    validate(g)
    assert set(g) == triples
    assert sorted(g.namespaces()) == prefixes


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pySHACL calls Dataset.default_context
def test_validate_dataset_validates_its_union() -> None:
    ds = Dataset()
    ds.graph(URIRef(ART)).parse(FIXTURES / "common.ttl", format="turtle")
    ds.graph(URIRef(ART + "/extra")).parse(FIXTURES / "claim_bad.ttl", format="turtle")
    assert outcome(validate(ds)) == Counter(EXPECTED["claim"])


# ------------------------------------------------------------------------------- reports


def test_validate_text_report_groups_results_by_focus_node() -> None:
    report = validate(graph_of("claim_bad", "position_bad"))
    text = format_report(report, "text")
    lines = text.splitlines()
    focus_lines = [line for line in lines if line and not line.startswith(" ") and not line.startswith("Does")]
    assert focus_lines == sorted({str(r.focus_node) for r in report.results})
    for r in report.results:
        assert r.message in text
    assert "^kg:holdsPosition" in text  # the inverse path, readable
    assert 'kg:statedOn = "2022-13-45"^^xsd:date' in text
    expected = Counter(sev for kind in ("claim", "position") for _, _, sev in EXPECTED[kind])
    assert (expected[V], expected[W], expected[I]) == (28, 4, 1)
    assert lines[-1] == "Does not conform: 28 violations, 4 warnings, 1 info on 9 nodes."
    # Deterministic: the same graph validated again gives the same text.
    assert format_report(validate(graph_of("claim_bad", "position_bad")), "text") == text


def test_validate_text_report_of_a_conforming_graph() -> None:
    assert format_report(validate(graph_of()), "text") == "Conforms: 0 violations, 0 warnings, 0 infos on 0 nodes.\n"


def test_validate_json_report_lists_results() -> None:
    report = validate(graph_of("span_bad"))
    items = json.loads(format_report(report, "json"))
    assert len(items) == len(report.results)
    assert set(items[0]) == {"focus_node", "source_shape", "result_path", "severity", "message", "value"}
    span = ART + "#char=10,5"
    order = [i for i in items if i["source_shape"] == str(KGSH["Span-order"]) and i["focus_node"] == span]
    assert order == [
        {
            "focus_node": span,
            "source_shape": str(KGSH["Span-order"]),
            "result_path": str(NIF.beginIndex),
            "severity": "Violation",
            "message": next(r.message for r in report.results if r.source_shape == KGSH["Span-order"]),
            "value": "10",
        }
    ]


def test_validate_turtle_report_parses_back() -> None:
    report = validate(graph_of("country_bad"))
    g = Graph().parse(data=format_report(report, "turtle"), format="turtle")
    node = next(g.subjects(RDF.type, SH.ValidationReport))
    assert g.value(node, SH.conforms) == Literal(False)
    assert len(set(g.objects(node, SH.result))) == len(report.results)
    assert (None, SH.value, SCHEMA.Place) in g
    assert (None, SH.focusNode, URIRef(BASE + "id/country/c4")) in g


def test_validate_unknown_report_format_raises_value_error() -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        format_report(validate(Graph()), "xml")  # type: ignore[arg-type]


def test_validate_same_as_to_non_wikidata_iri_is_fine() -> None:
    g = graph_of()
    g.add((URIRef(BASE + "id/country/kz"), OWL.sameAs, URIRef("https://sws.geonames.org/1522867/")))
    assert validate(g).results == ()
