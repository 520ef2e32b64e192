"""Export formats: round trips, named graphs per article, determinism (kgbuild.export)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kgbuild.export import EXPORT_FORMATS, ExportFormat, articles, format_for_path, serialize, split_by_article
from kgbuild.rdf.namespaces import SCHEMA

A1 = URIRef("https://w3id.org/kgbuild/article/1111111111111111")
A2 = URIRef("https://w3id.org/kgbuild/article/2222222222222222")
ID = "https://w3id.org/kgbuild/id/"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "de_wikinews_griechenland_vertrauen.claims.yaml"
_PARSER = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "xml": "xml", "trig": "trig", "nquads": "nquads"}


def _parse_back(text: str, fmt: ExportFormat) -> Graph:
    """Parse an export; for quad formats, the union of all graphs."""
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(data=text, format=_PARSER[fmt])
        union = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return Graph().parse(data=text, format=_PARSER[fmt])


def _assert_isomorphic(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail(f"graphs differ\nonly in input:\n{only_a.serialize(format='nt')}\n"
                    f"only in output:\n{only_b.serialize(format='nt')}")


@pytest.fixture(scope="module")
def example_graph() -> Graph:
    """The example claims document, built with the project's own mapping."""
    from kgbuild.document import load_document
    from kgbuild.rdf import to_graph

    return to_graph(load_document(EXAMPLE))


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_round_trip_hand_graph(hand_graph: Graph, fmt: ExportFormat) -> None:
    _assert_isomorphic(hand_graph, _parse_back(serialize(hand_graph, fmt), fmt))


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_round_trip_example_graph(example_graph: Graph, fmt: ExportFormat) -> None:
    _assert_isomorphic(example_graph, _parse_back(serialize(example_graph, fmt), fmt))


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_is_deterministic(hand_graph: Graph, fmt: ExportFormat) -> None:
    again = Graph()
    for triple in sorted(hand_graph, reverse=True):  # a different insertion order
        again.add(triple)
    for prefix, ns in hand_graph.namespaces():
        again.bind(prefix, ns)
    assert serialize(hand_graph, fmt) == serialize(again, fmt)


def test_export_jsonld_has_compact_context(hand_graph: Graph) -> None:
    doc = json.loads(serialize(hand_graph, "jsonld"))
    assert doc["@context"]["kg"] == "https://w3id.org/kgbuild/ns#"
    assert doc["@context"]["schema"] == "https://schema.org/"
    text = json.dumps(doc)
    assert '"kg:claimant"' in text and '"schema:name"' in text
    assert "https://w3id.org/kgbuild/ns#claimant" not in text
    assert "xml" not in doc["@context"]


def test_export_articles_found(hand_graph: Graph) -> None:
    assert articles(hand_graph) == [A1, A2]


def test_export_split_by_article_named_graphs(hand_graph: Graph) -> None:
    ds = split_by_article(hand_graph)
    names = {g.identifier for g in ds.graphs()} - {DATASET_DEFAULT_GRAPH_ID}
    assert names == {A1, A2}
    g1, g2 = ds.graph(A1), ds.graph(A2)
    # An article's own nodes stay in its graph.
    assert (URIRef(f"{A1}/claim/1"), None, None) in g1
    assert (URIRef(f"{A1}/claim/1"), None, None) not in g2
    assert (URIRef(f"{A1}/event/1/quantity/1"), None, None) in g1
    assert (URIRef(f"{A2}#char=5,50"), None, None) in g2
    # A shared person is described in both articles that refer to it, and what it
    # refers to (its office, the office's country) comes along.
    anna = URIRef(ID + "person/anna-beispiel")
    for g in (g1, g2):
        assert (anna, SCHEMA.name, None) in g
        assert (URIRef(ID + "position/finanzministerin--country-de--person-anna-beispiel"), None, None) in g
        assert (URIRef(ID + "country/de"), SCHEMA.name, None) in g
    # Only article 1 mentions the protester and the town; only article 2 Austria.
    assert (URIRef(ID + "person/bert-muster"), None, None) in g1
    assert (URIRef(ID + "person/bert-muster"), None, None) not in g2
    assert (URIRef(ID + "country/at"), None, None) in g2
    assert (URIRef(ID + "country/at"), None, None) not in g1
    # The classes and concepts used are not dragged in as members.
    assert (SCHEMA.Person, None, None) not in g1


def test_export_unreferenced_nodes_go_to_default_graph(hand_graph: Graph) -> None:
    stray = URIRef(ID + "person/nobody")
    hand_graph.add((stray, SCHEMA.name, hand_graph.value(URIRef(ID + "person/bert-muster"), SCHEMA.name)))
    ds = split_by_article(hand_graph)
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    assert set(default) == {(stray, SCHEMA.name, hand_graph.value(stray, SCHEMA.name))}
    trig = serialize(hand_graph, "trig")
    back = Dataset()
    back.parse(data=trig, format="trig")
    assert (stray, None, None) in back.default_graph


def test_export_graph_without_articles_is_all_default() -> None:
    g = Graph().parse(data="<http://e/a> <http://e/p> <http://e/b> .", format="turtle")
    nq = serialize(g, "nquads")
    assert nq == "<http://e/a> <http://e/p> <http://e/b> .\n"


def test_export_nquads_name_each_article_graph(hand_graph: Graph) -> None:
    lines = serialize(hand_graph, "nquads").splitlines()
    assert lines == sorted(lines)
    assert all(line.endswith(f"<{A1}> .") or line.endswith(f"<{A2}> .") for line in lines)


def test_export_example_split_matches_to_dataset(example_graph: Graph) -> None:
    """For one document the split gives exactly the named graph the mapping makes."""
    from kgbuild.document import load_document
    from kgbuild.rdf import to_dataset

    expected = to_dataset([load_document(EXAMPLE)])
    ds = split_by_article(example_graph)
    named = [g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]
    exp_named = [g for g in expected.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]
    assert [g.identifier for g in named] == [g.identifier for g in exp_named]
    _assert_isomorphic(Graph() + exp_named[0], Graph() + named[0])


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.ttl", "turtle"), ("a.NT", "nt"), ("a.jsonld", "jsonld"), ("a.json", "jsonld"), ("a.rdf", "xml"),
     ("a.trig", "trig"), ("a.nq", "nquads"), ("a.txt", "turtle")],
)
def test_export_format_for_path(name: str, fmt: str) -> None:
    assert format_for_path(Path(name)) == fmt
    assert format_for_path(None, "nt") == "nt"
