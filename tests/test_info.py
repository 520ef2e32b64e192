"""The summary of a graph (kgbuild.info)."""

from __future__ import annotations

import json

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kgbuild.info import DateRange, format_info, graph_info, label
from kgbuild.rdf.namespaces import KG, SCHEMA

ID = "https://w3id.org/kgbuild/id/"


def test_info_counts_classes_claimants_outlets(hand_graph: Graph) -> None:
    info = graph_info(hand_graph)
    assert info.triples == len(hand_graph)
    classes = dict(info.classes)
    assert classes["kg:Claim"] == 3
    assert classes["schema:NewsArticle"] == 2
    assert classes["kg:Protest"] == 1
    assert info.classes[0] == ("kg:Claim", 3)  # most first
    assert info.claims_by_claimant == (("Anna Beispiel", 2), ("Sprecher (Österreich)", 1))
    assert info.claims_by_outlet == (("dpa", 2), ("APA", 1))


def test_info_date_ranges(hand_graph: Graph) -> None:
    info = graph_info(hand_graph)
    assert info.dates == (
        DateRange("published", "2023-03-03", "2023-03-10", 2),
        DateRange("claim stated", "2023-03-03", "2023-03-09", 2),
        DateRange("event start", "2023-03-02", "2023-03-02", 1),
    )
    assert (info.earliest, info.latest) == ("2023-03-02", "2023-03-10")


def test_info_dates_of_other_precision(hand_graph: Graph) -> None:
    event = URIRef("https://w3id.org/kgbuild/article/1111111111111111/event/1")
    hand_graph.add((event, SCHEMA.endDate, Literal("2024", datatype=XSD.gYear)))
    info = graph_info(hand_graph)
    assert info.latest == "2024"


def test_info_label_of_nodes(hand_graph: Graph) -> None:
    assert label(hand_graph, URIRef(ID + "person/anna-beispiel")) == "Anna Beispiel"
    assert label(hand_graph, URIRef(ID + "position/sprecher--country-at")) == "Sprecher (Österreich)"
    hand_graph.remove((URIRef(ID + "country/at"), SCHEMA.name, None))
    assert label(hand_graph, URIRef(ID + "position/sprecher--country-at")) == "Sprecher"
    assert label(hand_graph, KG.Denial) == "kg:Denial"
    assert label(hand_graph, URIRef("http://e/x")) == "http://e/x"


def test_info_format_text(hand_graph: Graph) -> None:
    text = format_info(graph_info(hand_graph))
    assert text.splitlines()[0] == "88 triples, 2 articles, 3 claims, dates 2023-03-02 to 2023-03-10"
    assert "Claims per outlet:\noutlet | claims\n-------+-------\ndpa    |      2\nAPA    |      1\n" in text
    assert "claim stated | 2023-03-03 | 2023-03-09 |     2" in text


def test_info_format_json(hand_graph: Graph) -> None:
    data = json.loads(format_info(graph_info(hand_graph), "json"))
    assert list(data["claims_by_claimant"]) == ["Anna Beispiel", "Sprecher (Österreich)"]
    assert data["dates"][0] == {"label": "published", "earliest": "2023-03-03", "latest": "2023-03-10", "count": 2}


def test_info_empty_graph() -> None:
    info = graph_info(Graph())
    assert (info.triples, info.classes, info.earliest) == (0, (), None)
    text = format_info(info)
    assert text.startswith("0 triples, 0 articles, 0 claims\n")
    assert "Claims per claimant: none" in text
