"""The README stands alone (issue 12, item 5): no link or command leads outside the
repository, the data model is described in the repository, and the triple-store section's
GRAPH query runs on a TriG export as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kgbuild import io
from kgbuild.export import serialize
from kgbuild.pipeline import extract
from kgbuild.rdf import to_graph

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_no_link_or_path_outside_the_repository() -> None:
    assert "../" not in README
    assert "shared/" not in README


def test_readme_relative_links_and_example_paths_exist() -> None:
    links = re.findall(r"\]\(([^)#]+)\)", README)
    paths = re.findall(r"(?<![\w/])((?:examples|docs|tests|bench|tools|shapes|ontology)/[\w./-]+\w)", README)
    for target in [*links, *paths]:
        if "://" in target or "*" in target:
            continue
        assert (ROOT / target).exists(), target


def test_readme_has_data_model_page_venv_and_triple_store_section() -> None:
    assert (ROOT / "docs" / "data-model.md").exists()
    assert ". .venv/bin/activate" in README
    store = README.split("## Load it into a triple store", 1)[1].split("\n## ", 1)[0]
    for word in ("Oxigraph", "Fuseki", "GraphDB", "text/turtle", "application/trig", "union-default-graph",
                 "GRAPH ?article"):
        assert word in store, word


def test_readme_graph_query_runs_on_a_trig_export() -> None:
    ox = pytest.importorskip("pyoxigraph", reason="pyoxigraph is in the test extra")
    store_section = README.split("## Load it into a triple store", 1)[1]
    sparql = store_section.split("```sparql", 1)[1].split("```", 1)[0]
    text = (ROOT / "examples" / "de_wikinews_griechenland_vertrauen.txt").read_text(encoding="utf-8")
    trig = serialize(to_graph(extract(text, source="a.txt")), "trig")
    store = ox.Store()
    store.load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)
    rows = list(store.query(sparql))
    assert rows and all(str(r["article"]).startswith("<https://w3id.org/kgbuild/article/") for r in rows)
    assert io.RDF_EXTENSIONS["trig"] == "trig"
