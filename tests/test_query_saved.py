"""Saved queries run everywhere and on real graphs (issue 12, item 4).

Each ``*.rq`` file declares its own prefixes, so it runs as it is in any SPARQL store.
Every saved query is run on the graphs of several articles written for these tests
(``tests/fixtures/articles``), built with and without ``--published`` so that dates and
other optional values are sometimes unbound: in rdflib (``kgbuild query``), in
pyoxigraph, and in a real Oxigraph server process over HTTP. A TriG export is queried in
Oxigraph through its union default graph and through GRAPH clauses.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.plugins.sparql import prepareQuery

from kgbuild import io, query
from kgbuild.cli import cli
from kgbuild.export import serialize
from kgbuild.pipeline import extract
from kgbuild.rdf import serialize_turtle, to_graph

ARTICLES = sorted((Path(__file__).parent / "fixtures" / "articles").glob("*.txt"))
SAVED = query.saved_queries()
NAMES = [q.name for q in SAVED]


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Turtle files of every test article, built with and without a publication date."""
    folder = tmp_path_factory.mktemp("graphs")
    out = []
    for article in ARTICLES:
        text = article.read_text(encoding="utf-8")
        for published in (None, "2021-03-10"):
            doc = extract(text, published=published, source=article.name)
            path = folder / f"{article.stem}{'' if published is None else '-dated'}.ttl"
            path.write_text(serialize_turtle(to_graph(doc)), encoding="utf-8")
            out.append(path)
    return out


def rdflib_rows(paths: list[Path], text: str) -> int:
    result = query.run_query(io.read_graphs(paths), text)
    return len(result.rows)


def test_query_saved_articles_exist() -> None:
    assert len(ARTICLES) >= 3 and len(SAVED) >= 10


@pytest.mark.parametrize("saved", SAVED, ids=NAMES)
def test_query_saved_declares_its_own_prefixes(saved: query.SavedQuery) -> None:
    prepareQuery(saved.text)  # no initNs: the file alone must be valid SPARQL


@pytest.mark.parametrize("saved", SAVED, ids=NAMES)
def test_query_saved_runs_on_every_built_article(saved: query.SavedQuery, graphs: list[Path]) -> None:
    for path in graphs:
        result = CliRunner().invoke(cli, ["query", str(path), "--saved", saved.name])
        assert result.exit_code == 0, (path.name, result.stderr)
    result = CliRunner().invoke(cli, ["query", *map(str, graphs), "--saved", saved.name, "--format", "json"])
    assert result.exit_code == 0, result.stderr


def test_query_saved_events_in_range_with_unbound_kind_and_place(tmp_path: Path) -> None:
    path = tmp_path / "event.ttl"
    path.write_text('@prefix schema: <https://schema.org/> .\n<http://example.org/e> a schema:Event ; '
                    'schema:name "Sitzung" .\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["query", str(path), "--saved", "events_in_range"])
    assert result.exit_code == 0, result.stderr
    assert "Sitzung" in result.stdout


def test_query_saved_same_answers_in_pyoxigraph(graphs: list[Path]) -> None:
    ox = pytest.importorskip("pyoxigraph", reason="pyoxigraph is in the test extra")
    store = ox.Store()
    for path in graphs:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    for saved in SAVED:
        rows = list(store.query(saved.text))
        assert len(rows) == rdflib_rows(graphs, saved.text), saved.name


# ------------------------------------------------------------ a real Oxigraph server
def _oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh Oxigraph server process on a free local port; stopped after the test."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server (pip package 'oxigraph', in the test extra) is not installed")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/", timeout=1)  # noqa: S310 - a local test server
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("the oxigraph server did not start")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _post(url: str, data: bytes, content_type: str) -> None:
    req = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": content_type})
    with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310
        assert r.status in (200, 201, 204)


def _select(server: str, text: str, **params: str) -> list[dict[str, object]]:
    body = urllib.parse.urlencode({"query": text, **params}).encode()
    req = urllib.request.Request(server + "/query", data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310
        return list(json.load(r)["results"]["bindings"])


def test_query_saved_runs_in_a_real_oxigraph_server(oxigraph_server: str, graphs: list[Path]) -> None:
    for path in graphs:
        _post(oxigraph_server + "/store?default", path.read_bytes(), "text/turtle")
    for saved in SAVED:
        rows = _select(oxigraph_server, saved.text)
        assert len(rows) == rdflib_rows(graphs, saved.text), saved.name


def test_query_trig_export_in_oxigraph_union_default_graph_and_graph_clause(
        oxigraph_server: str, graphs: list[Path]) -> None:
    dated = [p for p in graphs if p.stem.endswith("-dated")]
    _post(oxigraph_server + "/store", serialize(io.read_graphs(dated), "trig").encode("utf-8"), "application/trig")
    claims = "PREFIX kg: <https://w3id.org/kgbuild/ns#> SELECT ?c WHERE { ?c a kg:Claim }"
    n = rdflib_rows(dated, claims)
    assert n > 0
    # each article is a named graph: the plain default graph is empty (the caveat) ...
    assert _select(oxigraph_server, claims) == []
    # ... so ask with a GRAPH clause, or over the union of the named graphs
    in_graphs = "PREFIX kg: <https://w3id.org/kgbuild/ns#> SELECT ?c WHERE { GRAPH ?g { ?c a kg:Claim } }"
    assert len(_select(oxigraph_server, in_graphs)) == n
    assert len(_select(oxigraph_server, claims, **{"union-default-graph": "true"})) == n
    for saved in SAVED:  # the saved queries as they are, over the union default graph
        rows = _select(oxigraph_server, saved.text, **{"union-default-graph": "true"})
        assert len(rows) == rdflib_rows(dated, saved.text), saved.name
