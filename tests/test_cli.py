"""The command line, in process with click's CliRunner (plus one run of the installed script)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kgbuild import io
from kgbuild.cli import cli
from kgbuild.document import load_document
from kgbuild.rdf import serialize_turtle, to_graph
from kgbuild.rdf.namespaces import KG, SCHEMA

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "de_wikinews_griechenland_vertrauen.claims.yaml"
COMMANDS = ["build", "extract", "validate", "query", "export", "info"]

ARTICLE = "Die Finanzministerin Anna Beispiel sagte am Montag, es werde bald Hilfen geben.\n"
DOCUMENT = """\
version: 1
article:
  text: "Berlin – Die Finanzministerin Anna Beispiel sagte am Montag, es werde bald Hilfen geben."
  headline: Hilfen angekündigt
entities:
  - name: Anna Beispiel
    kind: person
    mentions: [Anna Beispiel]
claims:
  - claimant: Anna Beispiel
    cue: sagte
    text: es werde bald Hilfen geben
    sentence: Berlin – Die Finanzministerin Anna Beispiel sagte am Montag, es werde bald Hilfen geben.
"""
# Stricter than kgbuild's own shapes: every claim must say when it was stated.
STRICT_SHAPES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/kgbuild/ns#> .
<urn:test:ClaimDated> a sh:NodeShape ;
    sh:targetClass kg:Claim ;
    sh:property [ sh:path kg:statedOn ; sh:minCount 1 ; sh:message "claim without a date" ] .
"""


def run(*args: str | Path, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def assert_error(result: Result, code: int, *fragments: str) -> None:
    """The run failed with ``code`` and one line ``kgbuild: error: …`` naming ``fragments``."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.startswith("kgbuild: error:")]
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


@pytest.fixture
def doc_file(tmp_path: Path) -> Path:
    path = tmp_path / "hilfen.claims.yaml"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "hilfen.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def strict_shapes(tmp_path: Path) -> Path:
    path = tmp_path / "strict.ttl"
    path.write_text(STRICT_SHAPES, encoding="utf-8")
    return path


# ------------------------------------------------------------ version, help
def test_cli_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"kgbuild {metadata.version('kgbuild')}\n"


def test_cli_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout
    assert "Exit codes" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_help_has_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"kgbuild {command} " in result.stdout


def test_cli_usage_error_exit_2() -> None:
    result = run("frobnicate")
    assert result.exit_code == 2
    assert "No such command" in result.stderr


# -------------------------------------------------------------------- build
def test_cli_build_document_writes_valid_turtle(doc_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "hilfen.ttl"
    result = run("build", doc_file, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert isomorphic(Graph().parse(out), to_graph(load_document(doc_file)))


def test_cli_build_example_matches_mapping(tmp_path: Path) -> None:
    out = tmp_path / "example.ttl"
    assert run("build", EXAMPLE, "-o", out).exit_code == 0
    # Byte for byte the mapping's deterministic Turtle.
    assert out.read_text(encoding="utf-8") == serialize_turtle(to_graph(load_document(EXAMPLE)))


def test_cli_build_to_stdout(doc_file: Path) -> None:
    result = run("build", doc_file)
    assert result.exit_code == 0
    g = Graph().parse(data=result.stdout, format="turtle")
    assert (None, KG.claimant, None) in g


@pytest.mark.parametrize(("option", "name", "parse_as"), [
    (["--format", "nt"], "g.out", "nt"), ([], "g.jsonld", "json-ld"), ([], "g.nq", "nquads"),
])
def test_cli_build_format(doc_file: Path, tmp_path: Path, option: list[str], name: str, parse_as: str) -> None:
    out = tmp_path / name
    assert run("build", doc_file, "-o", out, *option).exit_code == 0
    from rdflib import Dataset

    back = Dataset()
    back.parse(out, format=parse_as)
    assert len(back) or sum(len(g) for g in back.graphs()) > 0
    assert len({q[:3] for q in back.quads((None, None, None, None))}) == len(to_graph(load_document(doc_file)))


def test_cli_build_published_overrides_document(doc_file: Path) -> None:
    result = run("build", doc_file, "--published", "2023-03-06")
    assert result.exit_code == 0, result.stderr
    g = Graph().parse(data=result.stdout, format="turtle")
    assert set(g.objects(None, SCHEMA.datePublished)) == {Literal("2023-03-06", datatype=XSD.date)}


@pytest.mark.parametrize("value", ["2023-13-01", "31.02.2023", "20230306", "yesterday"])
def test_cli_build_bad_published(doc_file: Path, value: str) -> None:
    result = run("build", doc_file, "--published", value)
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_cli_build_bad_document_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(DOCUMENT.replace("    cue: sagte\n", "    cue: sagte\n    speech_act: Shouting\n"),
                    encoding="utf-8")
    result = run("build", path, "-o", tmp_path / "out.ttl")
    assert_error(result, 2, f"{path}:", "speech_act")
    assert not (tmp_path / "out.ttl").exists()


def test_cli_build_unknown_document_field_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(DOCUMENT.replace("  headline:", "  headlin:"), encoding="utf-8")
    assert_error(run("build", path), 2, f"{path}:4", "headlin")


def test_cli_build_refuses_nonconforming_graph(doc_file: Path, tmp_path: Path, strict_shapes: Path) -> None:
    out = tmp_path / "out.ttl"
    out.write_text("# an earlier graph\n", encoding="utf-8")
    result = run("build", doc_file, "-o", out, "--shapes", strict_shapes)
    assert_error(result, 1, "does not conform", "nothing written")
    assert "claim without a date" in result.stderr  # the report, on stderr
    assert out.read_text(encoding="utf-8") == "# an earlier graph\n"


def test_cli_build_no_validate_writes_anyway(doc_file: Path, tmp_path: Path, strict_shapes: Path) -> None:
    out = tmp_path / "out.ttl"
    result = run("build", doc_file, "-o", out, "--shapes", strict_shapes, "--no-validate")
    assert result.exit_code == 0
    assert len(Graph().parse(out)) > 0


def test_cli_build_missing_shapes(doc_file: Path, tmp_path: Path) -> None:
    assert_error(run("build", doc_file, "--shapes", tmp_path / "nope"), 2, "nope")


def test_cli_build_article_text_runs_extraction(article_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "hilfen.ttl"
    result = run("build", article_file, "--published", "2023-03-07", "-o", out)
    assert result.exit_code == 0, result.stderr
    g = Graph().parse(out)
    article = g.value(predicate=SCHEMA.datePublished, object=Literal("2023-03-07", datatype=XSD.date))
    assert isinstance(article, URIRef)
    # Every evidence span is the article's text as read, at its offsets.
    for span in g.subjects(predicate=URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf")):
        nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
        begin = int(g.value(span, URIRef(nif + "beginIndex")))  # type: ignore[arg-type]
        end = int(g.value(span, URIRef(nif + "endIndex")))  # type: ignore[arg-type]
        assert ARTICLE[begin:end] == str(g.value(span, URIRef(nif + "anchorOf")))


def test_cli_build_without_pipeline_says_so(article_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "kgbuild.pipeline", None)  # as if it were not installed
    assert_error(run("build", article_file), 2, "no extraction pipeline", "claims document")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"", "empty"), (b"  \n\n\t ", "empty"), (b"\x00\x01\x02PNG", "binary"),
     (b"K\xf6ln im Regen\n", "not valid UTF-8")],
)
@pytest.mark.parametrize("command", ["build", "extract"])
def test_cli_bad_article(tmp_path: Path, command: str, content: bytes, fragment: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert_error(run(command, path, "-o", tmp_path / "out"), 2, str(path), fragment)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["build", "extract"])
def test_cli_missing_input(tmp_path: Path, command: str) -> None:
    assert_error(run(command, tmp_path / "gone.txt"), 2, "gone.txt")
    assert_error(run("build", tmp_path / "gone.yaml"), 2, "gone.yaml")


def test_cli_build_refuses_graph_input(hand_graph_file: Path) -> None:
    assert_error(run("build", hand_graph_file), 2, "is a graph file")


def test_cli_build_output_is_input(doc_file: Path) -> None:
    before = doc_file.read_text(encoding="utf-8")
    assert_error(run("build", doc_file, "-o", doc_file), 2, "is also an input")
    assert doc_file.read_text(encoding="utf-8") == before


def test_cli_build_missing_output_folder(doc_file: Path, tmp_path: Path) -> None:
    assert_error(run("build", doc_file, "-o", tmp_path / "no" / "such" / "out.ttl"), 2, "does not exist")


# ------------------------------------------------------------------ extract
def test_cli_extract_writes_loadable_document(article_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "hilfen.claims.yaml"
    result = run("extract", article_file, "--published", "2023-03-07", "-o", out)
    assert result.exit_code == 0, result.stderr
    doc = load_document(out)
    assert doc.article.text == ARTICLE
    assert doc.article.published is not None and doc.article.published.value == "2023-03-07"
    # and the document builds
    assert run("build", out, "-o", tmp_path / "hilfen.ttl").exit_code == 0


def test_cli_extract_keeps_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    raw = ("\ufeff" + ARTICLE.replace("\n", "\r\n") + "Zweiter Absatz.\r\n").encode()
    path.write_bytes(raw)
    out = tmp_path / "crlf.yaml"
    assert run("extract", path, "-o", out).exit_code == 0
    assert load_document(out).article.text == raw.decode("utf-8")


def test_cli_extract_link_text(article_file: Path, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    out = tmp_path / "docs" / "hilfen.claims.yaml"
    assert run("extract", article_file, "--link-text", "-o", out).exit_code == 0
    assert "text_file: ../hilfen.txt" in out.read_text(encoding="utf-8")
    assert load_document(out).article.text == ARTICLE


def test_cli_extract_output_is_input(article_file: Path) -> None:
    assert_error(run("extract", article_file, "-o", article_file), 2, "is also an input")
    assert article_file.read_text(encoding="utf-8") == ARTICLE


# ----------------------------------------------------------------- validate
def test_cli_validate_conforming(hand_graph_file: Path) -> None:
    result = run("validate", hand_graph_file)
    assert result.exit_code == 0
    assert "Conforms" in result.stdout


def test_cli_validate_violations(hand_graph_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(hand_graph_file.read_text(encoding="utf-8")
                   + "\n<https://w3id.org/kgbuild/article/1111111111111111/claim/9> a kg:Claim .\n",
                   encoding="utf-8")
    result = run("validate", bad)
    assert result.exit_code == 1
    assert "Does not conform" in result.stdout
    assert "claim/9" in result.stdout  # grouped under the focus node
    report = json.loads(run("validate", bad, "--format", "json").stdout)
    assert report
    turtle = run("validate", bad, "--format", "turtle")
    assert turtle.exit_code == 1
    assert len(Graph().parse(data=turtle.stdout, format="turtle")) > 0


def test_cli_validate_custom_shapes(hand_graph_file: Path, strict_shapes: Path) -> None:
    result = run("validate", hand_graph_file, "--shapes", strict_shapes)
    assert result.exit_code == 1
    assert "claim without a date" in result.stdout


# -------------------------------------------------- graph input, all commands
GRAPH_COMMANDS = [["validate"], ["info"], ["export", "--format", "nt"], ["query", "ASK { ?s ?p ?o }"]]


def _graph_run(command: list[str], graph: Path) -> Result:
    if command[0] == "query":
        return run("query", graph, command[1])
    return run(command[0], graph, *command[1:])


@pytest.mark.parametrize("command", GRAPH_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize(
    ("name", "content", "fragments"),
    [
        ("missing.ttl", None, ["missing.ttl", "no such graph file"]),
        ("folder.ttl", "DIR", ["folder.ttl", "is a folder"]),
        ("prose.ttl", "Das ist kein RDF.\n", ["prose.ttl", "line 1", "not valid Turtle"]),
        ("cut.ttl", "@prefix kg: <https://w3id.org/kgbuild/ns#> .\n<http://e/a> a kg:Claim ;\n  kg:quote \"ab",
         ["cut.ttl", "line 3", "not valid Turtle"]),
        ("cut2.ttl", "@prefix kg: <https://w3id.org/kgbuild/ns#> .\n<http://e/a> a kg:Claim ;\n  kg:quote",
         ["cut2.ttl", "not valid Turtle"]),
        ("graph.csv", "a,b\n", ["graph.csv", "cannot tell the RDF format"]),
        ("bad.jsonld", "{ \"@id\": ", ["bad.jsonld", "not valid JSON-LD"]),
    ],
)
def test_cli_bad_graph_input(tmp_path: Path, command: list[str], name: str, content: str | None,
                             fragments: list[str]) -> None:
    path = tmp_path / name
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    assert_error(_graph_run(command, path), 2, *fragments)


# -------------------------------------------------------------------- query
def test_cli_query_inline_table(hand_graph_file: Path) -> None:
    result = run("query", hand_graph_file,
                 "SELECT ?name ?code WHERE { ?c a schema:Country ; schema:name ?name ; kg:countryCode ?code } "
                 "ORDER BY ?code")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["name", "|", "code"]
    assert lines[2].split() == ["Österreich", "|", "AT"]
    assert lines[-1] == "(2 rows)"


def test_cli_query_saved_and_bind(hand_graph_file: Path) -> None:
    result = run("query", hand_graph_file, "--saved", "about_state", "--bind", "code=AT", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ["Österreich,claim by it,Das stimmt nicht.,",
                                              "Österreich,office,Sprecher,"]


def test_cli_query_list() -> None:
    result = run("query", "--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "who_said_what" in lines
    assert lines[lines.index("who_said_what") + 1].startswith("    Who said what:")
    assert len([line for line in lines if not line.startswith(" ")]) >= 8
    assert max(len(line) for line in lines) <= 78


def test_cli_query_file_and_stdin(hand_graph_file: Path, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text("# count claims\nSELECT (COUNT(*) AS ?n) WHERE { ?c a kg:Claim }\n", encoding="utf-8")
    result = run("query", hand_graph_file, "-f", rq, "--format", "json")
    assert json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"] == "3"
    result = run("query", hand_graph_file, "-f", "-", "--format", "tsv", input=rq.read_text(encoding="utf-8"))
    assert result.stdout.splitlines() == ["?n", '"3"^^<http://www.w3.org/2001/XMLSchema#integer>']


def test_cli_query_construct_prints_turtle(hand_graph_file: Path) -> None:
    result = run("query", hand_graph_file, "CONSTRUCT WHERE { ?p a schema:Person }")
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.stdout, format="turtle")) == 2
    assert "@prefix schema:" in result.stdout


def test_cli_query_syntax_error(hand_graph_file: Path, tmp_path: Path) -> None:
    assert_error(run("query", hand_graph_file, "SELECT ?x WHERE { ?x ?y }"), 2, "query:", "syntax error", "line 1")
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT ?x\nWHERE {\n ?x ?y ?z ", encoding="utf-8")
    assert_error(run("query", hand_graph_file, "-f", rq), 2, str(rq), "syntax error")


def test_cli_query_update_refused(hand_graph_file: Path) -> None:
    before = hand_graph_file.read_bytes()
    assert_error(run("query", hand_graph_file, "DELETE WHERE { ?c kg:polarity ?p }"), 2, "--allow-update")
    assert hand_graph_file.read_bytes() == before


def test_cli_query_update_allowed_writes_output(hand_graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "fixed.ttl"
    result = run("query", hand_graph_file, "--allow-update", "-o", out, "DELETE WHERE { ?c kg:polarity ?p }")
    assert result.exit_code == 0, result.stderr
    assert "removed 1 triples" in result.stderr
    fixed = Graph().parse(out)
    assert (None, KG.polarity, None) not in fixed
    assert len(fixed) == len(io.read_graph(hand_graph_file)) - 1


def test_cli_query_update_cannot_overwrite_input(hand_graph_file: Path) -> None:
    before = hand_graph_file.read_bytes()
    result = run("query", hand_graph_file, "--allow-update", "-o", hand_graph_file,
                 "DELETE WHERE { ?c kg:polarity ?p }")
    assert_error(result, 2, "is also an input")
    assert hand_graph_file.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "fragment"),
    [([], "give GRAPH files and a QUERY"), (["q.rq"], "looks like a query file"),
     (["--bind", "nope", "ASK {}"], "NAME=VALUE"), (["--saved", "x", "-f", "y.rq"], "not both")],
)
def test_cli_query_usage_errors(hand_graph_file: Path, args: list[str], fragment: str) -> None:
    result = run("query", hand_graph_file, *args)
    assert result.exit_code == 2
    assert fragment in result.stderr


def test_cli_query_unknown_saved(hand_graph_file: Path) -> None:
    assert_error(run("query", hand_graph_file, "--saved", "nope"), 2, "no saved query named 'nope'")


def test_cli_query_missing_query_file(hand_graph_file: Path, tmp_path: Path) -> None:
    assert_error(run("query", hand_graph_file, "-f", tmp_path / "none.rq"), 2, "none.rq", "no such query file")


def test_cli_query_several_graphs(hand_graph_file: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.nt"
    extra.write_text('<http://e/x> <https://schema.org/name> "Extra" .\n'
                     '<http://e/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> .\n',
                     encoding="utf-8")
    result = run("query", hand_graph_file, extra, "SELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:Person }",
                 "--format", "csv")
    assert result.stdout.splitlines() == ["n", "3"]


# ------------------------------------------------------------------- export
@pytest.mark.parametrize("ext", ["ttl", "nt", "jsonld", "rdf", "trig", "nq"])
def test_cli_export_round_trip(hand_graph_file: Path, hand_graph: Graph, tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"out.{ext}"
    result = run("export", hand_graph_file, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert isomorphic(io.read_graph(out), hand_graph)


def test_cli_export_merges_and_names_article_graphs(tmp_path: Path) -> None:
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    assert run("build", EXAMPLE, "-o", a).exit_code == 0
    doc = tmp_path / "d.yaml"
    doc.write_text(DOCUMENT, encoding="utf-8")
    assert run("build", doc, "-o", b).exit_code == 0
    result = run("export", a, b, "--format", "nquads")
    assert result.exit_code == 0
    graph_names = {line.rsplit(" ", 2)[-2] for line in result.stdout.splitlines()}
    assert len(graph_names) == 2 and all("/article/" in n for n in graph_names)


def test_cli_export_keeps_earlier_output_on_failure(hand_graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.nt"
    assert run("export", hand_graph_file, "-o", out).exit_code == 0
    earlier = out.read_bytes()
    broken = tmp_path / "broken.ttl"
    broken.write_text(hand_graph_file.read_text(encoding="utf-8")[:500], encoding="utf-8")
    assert_error(run("export", broken, "-o", out), 2, "broken.ttl")
    assert out.read_bytes() == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.ttl", "hand.ttl", "out.nt"]


def test_cli_export_refusals(hand_graph_file: Path, tmp_path: Path) -> None:
    assert_error(run("export", hand_graph_file, "-o", tmp_path / "x" / "out.nt"), 2, "does not exist")
    assert_error(run("export", hand_graph_file, "-o", hand_graph_file), 2, "is also an input")
    result = run("export", hand_graph_file, "--format", "yaml")
    assert result.exit_code == 2 and "yaml" in result.stderr


# --------------------------------------------------------------------- info
def test_cli_info_text(hand_graph_file: Path) -> None:
    result = run("info", hand_graph_file)
    assert result.exit_code == 0
    assert result.stdout.startswith("88 triples, 2 articles, 3 claims, dates 2023-03-02 to 2023-03-10\n")
    assert "Anna Beispiel         |      2" in result.stdout


def test_cli_info_json(hand_graph_file: Path) -> None:
    data = json.loads(run("info", hand_graph_file, "--format", "json").stdout)
    assert data["classes"]["kg:Claim"] == 3
    assert data["claims_by_outlet"] == {"dpa": 2, "APA": 1}
    assert (data["earliest"], data["latest"]) == ("2023-03-02", "2023-03-10")


# ------------------------------------------------------------ internal errors
def test_cli_internal_error_is_one_line_unless_debug(hand_graph_file: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(graph: Graph) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("kgbuild.info.graph_info", broken)
    assert_error(run("info", hand_graph_file), 3, "internal error: RuntimeError: a bug", "--debug")
    result = run("--debug", "info", hand_graph_file)
    assert isinstance(result.exception, RuntimeError)


# -------------------------------------------------------- installed script
def test_cli_installed_script_runs() -> None:
    script = Path(sys.executable).parent / "kgbuild"
    if not script.exists():
        pytest.skip("the kgbuild console script is not installed in this environment")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == f"kgbuild {metadata.version('kgbuild')}"
    done = subprocess.run([str(script), "info", "/nonexistent/graph.ttl"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert done.stderr == "kgbuild: error: /nonexistent/graph.ttl: no such graph file\n"
    done = subprocess.run([sys.executable, "-m", "kgbuild", "query", "--list"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and "who_said_what" in done.stdout
