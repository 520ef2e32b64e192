"""SPARQL queries, result formats and the saved queries (kgbuild.query)."""

from __future__ import annotations

import csv
import doctest
import io as stdio
import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result

import kgbuild.query
from kgbuild.errors import QueryError
from kgbuild.query import (
    format_result,
    parse_value,
    query_kind,
    run_query,
    saved_queries,
    saved_query,
)
from kgbuild.rdf.namespaces import KG, SCHEMA

ANNA = URIRef("https://w3id.org/kgbuild/id/person/anna-beispiel")


def _rows(graph: Graph, name: str, **binds: str) -> list[tuple[str, ...]]:
    """The rows of a saved query, each value as its plain text ("" when unbound)."""
    q = saved_query(name)
    result = run_query(graph, q.text, source=name, bindings={k: parse_value(v) for k, v in binds.items()})
    return [tuple("" if t is None else str(t) for t in row) for row in result.rows]


def test_query_doctests() -> None:
    assert doctest.testmod(kgbuild.query).failed == 0


# ------------------------------------------------------------------- running
def test_query_select_with_contract_prefixes_predeclared(hand_graph: Graph) -> None:
    result = run_query(hand_graph, "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n")
    assert result.kind == "SELECT"
    assert result.variables == ("n",)
    assert [str(r[0]) for r in result.rows] == ["Anna Beispiel", "Bert Muster"]


def test_query_own_prefix_declaration_wins(hand_graph: Graph) -> None:
    text = "PREFIX schema: <http://schema.org/> SELECT ?p WHERE { ?p a schema:Person }"
    assert run_query(hand_graph, text).rows == ()


def test_query_ask_construct_describe(hand_graph: Graph) -> None:
    assert run_query(hand_graph, "ASK { ?c kg:polarity kg:Negative }").boolean is True
    assert run_query(hand_graph, "ASK { ?c kg:speechAct kg:Demand }").boolean is False
    built = run_query(hand_graph, "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }")
    assert built.kind == "CONSTRUCT" and built.graph is not None
    assert set(built.graph) == {(ANNA, SCHEMA.name, Literal("Anna Beispiel", lang="de")),
                                (URIRef("https://w3id.org/kgbuild/id/person/bert-muster"), SCHEMA.name,
                                 Literal("Bert Muster", lang="de"))}
    described = run_query(hand_graph, f"DESCRIBE <{ANNA}>")
    assert described.kind == "DESCRIBE" and described.graph is not None
    assert (ANNA, SCHEMA.alternateName, Literal("Beispiel", lang="de")) in described.graph


def test_query_syntax_error_names_source_line_and_column(hand_graph: Graph) -> None:
    with pytest.raises(QueryError, match=r"^mine\.rq: SPARQL syntax error at line 2, column \d+") as info:
        run_query(hand_graph, "SELECT ?x\nWHERE { ?x ?y }", source="mine.rq")
    assert "\n" not in str(info.value)


def test_query_unknown_prefix(hand_graph: Graph) -> None:
    with pytest.raises(QueryError, match="Unknown namespace prefix : zzz"):
        run_query(hand_graph, "SELECT ?x WHERE { ?x zzz:name ?n }")


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <http://e/a> <http://e/p> <http://e/b> }",
        "PREFIX ex: <http://e/>\n# a comment\nDELETE WHERE { ?c kg:polarity ?p }",
        "delete { ?s ?p ?o } where { ?s ?p ?o }",
        "CLEAR DEFAULT",
    ],
)
def test_query_update_refused_without_permission(hand_graph: Graph, text: str) -> None:
    before = set(hand_graph)
    with pytest.raises(QueryError, match="is a SPARQL Update.*--allow-update"):
        run_query(hand_graph, text)
    assert set(hand_graph) == before


def test_query_update_applies_when_allowed(hand_graph: Graph) -> None:
    n = len(hand_graph)
    result = run_query(hand_graph, "DELETE WHERE { ?c kg:polarity kg:Negative }", allow_update=True)
    assert (result.kind, result.added, result.removed) == ("UPDATE", 0, 1)
    assert len(hand_graph) == n - 1
    assert run_query(hand_graph, "ASK { ?c kg:polarity kg:Negative }").boolean is False
    result = run_query(hand_graph, "INSERT DATA { <http://e/a> kg:countryCode 'XX' }", allow_update=True)
    assert (result.added, result.removed) == (1, 0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not supported"),
        ("SELECT * FROM <http://example.org/g.ttl> WHERE { ?s ?p ?o }", "FROM is not supported"),
        ("LOAD <http://example.org/g.ttl>", "LOAD and USING"),
        ("INSERT { ?s ?p ?o } USING <http://example.org/g.ttl> WHERE { ?s ?p ?o }", "LOAD and USING"),
    ],
)
def test_query_refuses_network_access(hand_graph: Graph, text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        run_query(hand_graph, text, allow_update=True)


def test_query_kind_skips_prologue() -> None:
    assert query_kind("# comment\nPREFIX a: <http://a/>\nBASE <http://b/>\n  construct {} where {}") == "CONSTRUCT"
    assert query_kind("PREFIX a:<http://a/> INSERT DATA {}") == "UPDATE"
    assert query_kind("describe <http://a>") == "DESCRIBE"


def test_query_parse_value() -> None:
    assert parse_value("<http://e/x>") == URIRef("http://e/x")
    assert parse_value("kg:Denial") == KG.Denial
    assert parse_value("2022-09-27") == Literal("2022-09-27", datatype=XSD.date)
    assert parse_value("2022-09") == Literal("2022-09", datatype=XSD.gYearMonth)
    assert parse_value("42") == Literal(42)
    assert parse_value("AFP") == Literal("AFP")
    assert parse_value("http://e/x") == Literal("http://e/x")  # no known prefix "http"


def test_query_bindings_restrict_results(hand_graph: Graph) -> None:
    text = "SELECT ?n WHERE { ?p schema:name ?n ; kg:countryCode ?code }"
    result = run_query(hand_graph, text, bindings={"code": Literal("AT")})
    assert [str(r[0]) for r in result.rows] == ["Österreich"]


# ------------------------------------------------------------------- formats
@pytest.fixture
def claims_result(hand_graph: Graph) -> kgbuild.query.QueryResult:
    text = """SELECT ?claim ?who ?text ?date ?quote WHERE {
        ?claim a kg:Claim ; kg:claimant ?who ; schema:text ?text .
        OPTIONAL { ?claim kg:statedOn ?date } OPTIONAL { ?claim kg:quote ?quote }
    } ORDER BY ?claim"""
    return run_query(hand_graph, text)


def test_query_format_table_is_readable(claims_result: kgbuild.query.QueryResult) -> None:
    table = format_result(claims_result, "table", max_width=0)
    lines = table.splitlines()
    assert lines[0].split(" | ")[0].strip() == "claim"
    assert set(lines[1]) <= {"-", "+"}
    assert lines[-1] == "(3 rows)"
    assert "^^" not in table and "@de" not in table and "xsd:" not in table
    assert "2023-03-03" in table and "es werde Hilfen geben" in table
    # Columns line up: every separator sits at the same place on each row.
    bars = {tuple(i for i, c in enumerate(line) if c == "|") for line in [lines[0], *lines[2:-1]]}
    assert len(bars) == 1


def test_query_format_table_shortens_iris_and_cuts_cells(hand_graph: Graph) -> None:
    result = run_query(hand_graph, "SELECT ?act ?c WHERE { ?c kg:speechAct ?act } ORDER BY ?act")
    table = format_result(result, "table", namespaces=hand_graph.namespaces(), max_width=20)
    assert "kg:Denial" in table
    assert "https://w3id.org/kgbuild/ns#" not in table
    assert "a2:/claim/1" in table  # the graph's own prefix a2: is used for reading
    cut = format_result(run_query(hand_graph, "SELECT ?t WHERE { ?s schema:headline ?t }"), max_width=10)
    assert all(len(line) <= 10 for line in cut.splitlines()[2:-1])
    assert "…" in cut


def test_query_format_csv_per_sparql_spec(claims_result: kgbuild.query.QueryResult) -> None:
    text = format_result(claims_result, "csv")
    assert text.endswith("\r\n")
    rows = list(csv.reader(stdio.StringIO(text)))
    assert rows[0] == ["claim", "who", "text", "date", "quote"]
    assert rows[1][0] == "https://w3id.org/kgbuild/article/1111111111111111/claim/1"
    assert rows[1][3] == "2023-03-03"
    assert rows[3][4] == ""  # unbound


@pytest.mark.parametrize("fmt", ["json", "tsv"])
def test_query_format_parses_back_losslessly(claims_result: kgbuild.query.QueryResult, fmt: str) -> None:
    text = format_result(claims_result, fmt)  # type: ignore[arg-type]
    back = Result.parse(stdio.StringIO(text), format=fmt)
    assert [str(v) for v in back.vars or []] == list(claims_result.variables)
    assert [tuple(r) for r in back] == list(claims_result.rows)


def test_query_format_json_structure(claims_result: kgbuild.query.QueryResult) -> None:
    doc = json.loads(format_result(claims_result, "json"))
    first = doc["results"]["bindings"][0]
    assert first["claim"]["type"] == "uri"
    assert first["text"] == {"type": "literal", "value": "es werde Hilfen geben", "xml:lang": "de"}
    assert first["date"]["datatype"] == str(XSD.date)


def test_query_format_ask(hand_graph: Graph) -> None:
    result = run_query(hand_graph, "ASK { ?c a kg:Claim }")
    assert format_result(result, "table") == "true\n"
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}


def test_query_format_refuses_graph_result(hand_graph: Graph) -> None:
    result = run_query(hand_graph, "CONSTRUCT WHERE { ?s a kg:Claim }")
    with pytest.raises(ValueError, match="graph"):
        format_result(result)


# ------------------------------------------------------------ saved queries
def test_query_saved_queries_are_documented() -> None:
    queries = saved_queries()
    assert len(queries) >= 8
    for q in queries:
        assert q.path.read_text(encoding="utf-8").startswith("# "), q.name
        assert len(q.description) > 20, q.name
        assert "Who said what" in saved_query("who_said_what").description


def test_query_saved_query_unknown_lists_names() -> None:
    with pytest.raises(QueryError, match=r"no saved query named 'nope' \(saved queries: .*who_said_what"):
        saved_query("nope")


def test_query_saved_queries_only_use_contract_terms() -> None:
    contract = {"NewsArticle", "headline", "author", "datePublished", "inLanguage", "name", "alternateName",
                "Person", "Country", "Place", "Organization", "containedInPlace", "Event", "startDate",
                "endDate", "location", "value", "minValue", "maxValue", "unitText", "text"}
    kg_terms = set(KG.__annotations__)
    for q in saved_queries():
        graph = Graph()
        run_query(graph, q.text, source=q.name)  # parses and runs on an empty graph
        for prefix, local in re.findall(r"\b(schema|kg):([A-Za-z]+)", q.text):
            assert (local in contract) if prefix == "schema" else (local in kg_terms), f"{q.name}: {local}"


def test_query_saved_who_said_what(hand_graph: Graph) -> None:
    assert _rows(hand_graph, "who_said_what") == [
        ("Anna Beispiel", "Promise", "die Hilfen kämen bald", ""),
        ("Anna Beispiel", "Statement", "es werde Hilfen geben", "2023-03-03"),
        ("Sprecher (Österreich)", "Denial", "Das stimmt nicht.", "2023-03-09"),
    ]


def test_query_saved_claims_by_outlet(hand_graph: Graph) -> None:
    assert _rows(hand_graph, "claims_by_outlet") == [
        ("APA", "Sprecher", "Das stimmt nicht.", "2023-03-09"),
        ("dpa", "Anna Beispiel", "die Hilfen kämen bald", ""),
        ("dpa", "Anna Beispiel", "es werde Hilfen geben", "2023-03-03"),
    ]
    assert [r[0] for r in _rows(hand_graph, "claims_by_outlet", find="DPA")] == ["dpa", "dpa"]


def test_query_saved_denials(hand_graph: Graph) -> None:
    assert _rows(hand_graph, "denials") == [("Sprecher", "Denial", "Das stimmt nicht.", "2023-03-09")]


def test_query_saved_events_in_range(hand_graph: Graph) -> None:
    row = ("2023-03-02", "", "Kundgebung in Musterstadt", "Protest", "Musterstadt")
    assert _rows(hand_graph, "events_in_range") == [row]
    assert _rows(hand_graph, "events_in_range", **{"from": "2023-03-01", "to": "2023-03-02"}) == [row]
    assert _rows(hand_graph, "events_in_range", **{"from": "2023-03-03"}) == []
    assert _rows(hand_graph, "events_in_range", to="2023-03-01") == []


def test_query_saved_people_and_offices(hand_graph: Graph) -> None:
    assert _rows(hand_graph, "people_and_offices") == [("Anna Beispiel", "Finanzministerin", "Deutschland")]


def test_query_saved_about_state(hand_graph: Graph) -> None:
    assert _rows(hand_graph, "about_state", code="de") == [
        ("Deutschland", "claim about it", "Das stimmt nicht.", "Sprecher"),
        ("Deutschland", "event", "Kundgebung in Musterstadt", "2023-03-02"),
        ("Deutschland", "office", "Finanzministerin", "Anna Beispiel"),
        ("Deutschland", "place", "Musterstadt", ""),
    ]
    assert _rows(hand_graph, "about_state", code="AT") == [
        ("Österreich", "claim by it", "Das stimmt nicht.", ""),
        ("Österreich", "office", "Sprecher", ""),
    ]


def test_query_saved_claims_about_events(hand_graph: Graph) -> None:
    expected = [("Kundgebung in Musterstadt", "Anna Beispiel", "es werde Hilfen geben", "2023-03-03")]
    assert _rows(hand_graph, "claims_about_events") == expected
    assert _rows(hand_graph, "claims_about_events", find="KUNDGEBUNG") == expected
    assert _rows(hand_graph, "claims_about_events", find="Wahl") == []


def test_query_saved_outlets_by_claims(hand_graph: Graph) -> None:
    assert _rows(hand_graph, "outlets_by_claims") == [("dpa", "2"), ("APA", "1")]


def test_query_saved_claims_with_evidence(hand_graph: Graph) -> None:
    rows = _rows(hand_graph, "claims_with_evidence")
    assert rows[0] == ("Ministerin kündigt Hilfen an", "Anna Beispiel", "es werde Hilfen geben",
                       "Beispiel sagte, es werde Hilfen geben.", "23", "61")
    assert len(rows) == 3


def test_query_saved_event_numbers(hand_graph: Graph) -> None:
    assert _rows(hand_graph, "event_numbers") == [
        ("Kundgebung in Musterstadt", "", "1000", "", "Menschen", "true", "2023-03-02")
    ]


def test_query_saved_queries_folder_argument(tmp_path: Path) -> None:
    (tmp_path / "b.rq").write_text("# Second.\n# More.\nASK {}\n", encoding="utf-8")
    (tmp_path / "a.rq").write_text("SELECT * {}\n", encoding="utf-8")
    found = saved_queries(tmp_path)
    assert [(q.name, q.description) for q in found] == [("a", ""), ("b", "Second. More.")]


# ------------------------------------------------------ on the example graph
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "de_wikinews_griechenland_vertrauen.claims.yaml"
PAPANDREOU = "Giorgos Andrea Papandreou"


@pytest.fixture(scope="module")
def example_graph() -> Graph:
    """The example article's claims document, built with the project's mapping."""
    from kgbuild.document import load_document
    from kgbuild.rdf import to_graph

    return to_graph(load_document(EXAMPLE))


def test_query_saved_on_example_who_said_what(example_graph: Graph) -> None:
    rows = _rows(example_graph, "who_said_what")
    assert [r[0] for r in rows] == ["Evangelos Venizelos"] + [PAPANDREOU] * 5
    assert ("Evangelos Venizelos", "Demand") == rows[0][:2]
    assert (PAPANDREOU, "Statement", "letzte Chance", "") in rows  # the quote, where there is one


def test_query_saved_on_example_people_and_offices(example_graph: Graph) -> None:
    assert _rows(example_graph, "people_and_offices") == [
        ("Evangelos Venizelos", "Finanzminister", "Griechenland"),
        (PAPANDREOU, "Ministerpräsident", "Griechenland"),
    ]


def test_query_saved_on_example_denials(example_graph: Graph) -> None:
    rows = _rows(example_graph, "denials")
    assert [(r[0], r[1]) for r in rows] == [(PAPANDREOU, "Criticism")]
    assert "nicht" in rows[0][2]


def test_query_saved_on_example_about_state(example_graph: Graph) -> None:
    rows = _rows(example_graph, "about_state", code="GR")
    assert {(r[1], r[3]) for r in rows if r[1] == "office"} == {
        ("office", "Evangelos Venizelos"), ("office", PAPANDREOU)}
    assert ("Griechenland", "place", "Athen", "") in rows
    assert [r[3] for r in rows if r[1] == "event"] == ["2011-11-06"]
    assert _rows(example_graph, "about_state", code="DE") == []


def test_query_saved_on_example_events_and_numbers(example_graph: Graph) -> None:
    events = _rows(example_graph, "events_in_range", **{"from": "2011-11-01", "to": "2011-11-30"})
    assert len(events) == 1
    assert (events[0][0], events[0][3]) == ("2011-11-06", "Vote")
    assert set(events[0][4].split(", ")) == {"Athen", "Griechenland"}
    assert _rows(example_graph, "events_in_range", to="2011-11-05") == []
    numbers = _rows(example_graph, "event_numbers")
    assert sorted((r[1], r[4]) for r in numbers) == [
        ("145", "Nein-Stimmen"), ("153", "Ja-Stimmen"), ("2", "abwesende Abgeordnete")]


def test_query_saved_on_example_evidence(example_graph: Graph) -> None:
    text = (EXAMPLE.parent / "de_wikinews_griechenland_vertrauen.txt").read_bytes().decode("utf-8")
    rows = _rows(example_graph, "claims_with_evidence")
    assert len(rows) == 6
    for _headline, _claimant, _said, evidence, begin, end in rows:
        assert text[int(begin):int(end)] == evidence


def test_query_saved_on_example_outlets(example_graph: Graph) -> None:
    # The article cites no outlet and no claim is about the vote.
    assert _rows(example_graph, "outlets_by_claims") == []
    assert _rows(example_graph, "claims_by_outlet") == []
    assert _rows(example_graph, "claims_about_events") == []
