"""kgbuild.viz without a browser: the RDF → networkx mapping, the graph-tool files, the static
pictures, and the HTML page's escaping."""

from __future__ import annotations

import json
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef

from kgbuild.errors import OutputError
from kgbuild.viz import FORMATS, format_of, render, to_networkx
from kgbuild.viz.demo import HOSTILE_TTL, demo_graph, hostile_graph, synthetic_graph
from kgbuild.viz.formats import dot_text
from kgbuild.viz.html import html_page, script_json

EVIL = "<script>window.__pwned=1</script>"


def evil_graph() -> Graph:
    return hostile_graph()


def by_label(G: nx.MultiDiGraph, label: str) -> str:
    found = [n for n, a in G.nodes(data=True) if a["label"] == label]
    assert len(found) == 1, (label, found)
    return found[0]


# ---------- to_networkx ----------

def test_viz_to_networkx_types_every_contract_class() -> None:
    G = to_networkx(demo_graph())
    kinds = sorted(a["type"] for _, a in G.nodes(data=True))
    assert kinds.count("claim") == 6
    assert kinds.count("person") == 3 and kinds.count("country") == 2 and kinds.count("place") == 2
    assert kinds.count("organization") == 3 and kinds.count("position") == 3 and kinds.count("event") == 1
    # Spans, quantities and the article are attributes, not nodes.
    assert not any("#char=" in str(n) or "/quantity/" in str(n) for n in G)
    assert G.graph["title"] == "Grenzstadt Nordhafen öffnet Notunterkünfte"


def test_viz_to_networkx_claim_carries_quote_date_outlet_and_evidence() -> None:
    G = to_networkx(demo_graph())
    claim = "https://w3id.org/kgbuild/article/0123456789abcdef/claim/2"
    a = G.nodes[claim]
    assert a["quote"] == "Wir lassen niemanden an der Grenze stehen"
    assert a["date"] == "2022-10-03" and a["outlet"] == "BNS" and a["claimant"] == "Maria Tamm"
    assert a["evidence"].startswith("„Wir lassen niemanden") and a["evidence"].endswith("Nachrichtenagentur BNS.")
    assert a["speech_act"] == "Statement" and a["polarity"] == "positive"
    relations = sorted((d["relation"], G.nodes[v]["label"]) for _, v, d in G.out_edges(claim, data=True))
    assert relations == [("about", "Grenzübertritte nach Estland"), ("claimant", "Maria Tamm"),
                         ("reported_by", "BNS")]


def test_viz_to_networkx_entity_names_links_and_positions() -> None:
    G = to_networkx(demo_graph())
    latvia = by_label(G, "Lettland")
    assert G.nodes[latvia]["wikidata"] == "http://www.wikidata.org/entity/Q211"
    assert G.nodes[latvia]["country_code"] == "LV" and G.nodes[latvia]["alternate_names"] == "lettisch"
    minister = by_label(G, "Innenministerin (Estland)")
    tamm = by_label(G, "Maria Tamm")
    # kg:holdsPosition and its inverse kg:heldBy become one edge, person -> position.
    assert [d["relation"] for d in G.get_edge_data(tamm, minister).values()] == ["holds_position"]
    assert not G.has_edge(minister, tamm)
    event = by_label(G, "Grenzübertritte nach Estland")
    assert G.nodes[event]["quantities"] == "~4000 Menschen" and G.nodes[event]["event_types"] == "Migration"
    negative = [a for _, a in G.nodes(data=True) if a.get("polarity") == "negative"]
    assert len(negative) == 2


def test_viz_to_networkx_claims_as_edges() -> None:
    G = to_networkx(demo_graph(), claims_as="edges")
    assert not any(a["type"] == "claim" for _, a in G.nodes(data=True))
    claims = [(u, v, d) for u, v, d in G.edges(data=True) if d["relation"] == "claim"]
    # Six claims, one with two subjects and one with two: eight speaker -> subject arrows.
    assert len(claims) == 8 and G.graph["claims_left_out"] == 0
    said = [d for u, v, d in claims if d.get("quote") == "Es gibt keine Schließung"]
    assert len(said) == 1 and said[0]["label"] == "erklärte" and said[0]["outlet"] == "Reuters"


def test_viz_to_networkx_literals_become_value_nodes() -> None:
    G = to_networkx(demo_graph(), literals=True)
    values = {a["value"] for _, a in G.nodes(data=True) if a["type"] == "literal"}
    assert {"Maria Tamm", "2022-10-03", "Es gibt keine Schließung"} <= values
    date = next(n for n, a in G.nodes(data=True) if a.get("value") == "2022-10-03")
    # One node per distinct value: both claims dated that day point at it.
    assert sorted(d["relation"] for _, _, d in G.in_edges(date, data=True)) == ["statedOn", "statedOn"]


def test_viz_to_networkx_merges_datasets_and_keeps_untyped_targets() -> None:
    ds = Dataset()
    named = ds.graph(URIRef("https://w3id.org/kgbuild/article/ffff"))
    named.parse(data=HOSTILE_TTL, format="turtle")
    named.add((URIRef("https://w3id.org/kgbuild/article/ffff/claim/1"),
               URIRef("https://w3id.org/kgbuild/ns#about"), URIRef("https://example.org/untyped")))
    G = to_networkx(ds)
    assert G.nodes["https://example.org/untyped"]["type"] == "other"
    assert G.nodes["https://example.org/untyped"]["label"] == "untyped"
    assert G.number_of_nodes() == 5


def test_viz_to_networkx_rejects_unknown_claims_as() -> None:
    with pytest.raises(ValueError, match="claims_as"):
        to_networkx(demo_graph(), claims_as="arrows")  # type: ignore[arg-type]


def test_viz_attributes_are_scalars() -> None:
    for G in (to_networkx(demo_graph()), to_networkx(demo_graph(), claims_as="edges"), to_networkx(evil_graph())):
        for _, a in G.nodes(data=True):
            assert all(isinstance(v, str | int | float) for v in a.values()), a
        for _, _, a in G.edges(data=True):
            assert all(isinstance(v, str | int | float) for v in a.values()), a


# ---------- files for graph tools ----------

@pytest.mark.parametrize("graph", [demo_graph, evil_graph], ids=["demo", "evil"])
def test_viz_graphml_gexf_json_keep_every_node_and_edge(tmp_path: Path, graph: object) -> None:
    g = graph()  # type: ignore[operator]
    G = to_networkx(g)
    render(g, tmp_path / "g.graphml")
    render(g, tmp_path / "g.gexf")
    render(g, tmp_path / "g.json")
    H = nx.read_graphml(tmp_path / "g.graphml")
    X = nx.read_gexf(tmp_path / "g.gexf")
    J = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")), edges="links")
    for back in (H, X, J):
        assert set(map(str, back.nodes)) == set(G.nodes)
        assert back.number_of_edges() == G.number_of_edges()
    for node, a in G.nodes(data=True):
        assert H.nodes[node]["type"] == a["type"] and H.nodes[node]["label"] == a["label"]
        assert X.nodes[node]["label"] == a["label"]
        assert J.nodes[node] == a
        if "date" in a:
            assert H.nodes[node]["date"] == a["date"] and X.nodes[node]["date"] == a["date"]
    relations = sorted(d["relation"] for _, _, d in G.edges(data=True))
    assert sorted(d["relation"] for _, _, d in H.edges(data=True)) == relations
    assert sorted(d["relation"] for _, _, d in X.edges(data=True)) == relations


def test_viz_gexf_colours_nodes_by_type(tmp_path: Path) -> None:
    render(demo_graph(), tmp_path / "g.gexf")
    root = ET.parse(tmp_path / "g.gexf").getroot()
    colours = {c.get("r") + "," + c.get("g") + "," + c.get("b")  # type: ignore[operator]
               for c in root.iter("{http://www.gexf.net/1.2draft/viz}color")}
    assert "78,121,167" in colours and "237,201,72" in colours  # person blue, claim yellow


def _dot_strings(text: str) -> list[str]:
    # A DOT quoted string: anything but an unescaped quote.
    return re.findall(r'"((?:[^"\\]|\\.)*)"', text)


@pytest.mark.parametrize("graph", [demo_graph, evil_graph], ids=["demo", "evil"])
def test_viz_dot_quotes_every_id_and_keeps_every_node_and_edge(graph: object) -> None:
    G = to_networkx(graph())  # type: ignore[operator]
    text = dot_text(G)
    node_lines = re.findall(r'^  "((?:[^"\\]|\\.)*)" \[', text, flags=re.M)
    edge_lines = re.findall(r'^  "((?:[^"\\]|\\.)*)" -> "((?:[^"\\]|\\.)*)" \[', text, flags=re.M)
    assert sorted(node_lines) == sorted(str(n) for n in G.nodes)
    assert len(edge_lines) == G.number_of_edges()
    # Balanced quoting: every line is statements of complete strings.
    for line in text.split("\n"):  # not splitlines(): U+2028 inside a string is no line break
        stripped = re.sub(r'"(?:[^"\\]|\\.)*"', "S", line)
        assert '"' not in stripped, line
    assert text.count("{") == 1 and text.rstrip().endswith("}")


def test_viz_dot_escapes_quotes_backslashes_and_newlines() -> None:
    text = dot_text(to_networkx(evil_graph()))
    assert 'alternate_names="Dr. \\"Quote\\" O\'Brien \\\\ back\u2028slash"' in text
    unescaped = [bytes(s, "utf-8").decode("unicode_escape") for s in _dot_strings(text)]
    assert any("</script><img src=x" in s for s in unescaped)


# ---------- render ----------

def test_viz_format_of_reads_the_extension() -> None:
    assert format_of("a/b/Claims.HTML") == "html"
    assert format_of("x.graphml") == "graphml"
    assert set(FORMATS) == {"html", "svg", "png", "pdf", "graphml", "gexf", "dot", "json"}
    with pytest.raises(OutputError, match="extension"):
        format_of("graph.xlsx")


def test_viz_render_refuses_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        render(demo_graph(), tmp_path / "nope" / "g.html")


# ---------- static pictures ----------

def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_viz_static_png_is_a4_landscape_at_200_dpi(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = render(demo_graph(), tmp_path / "g.png")
    assert _png_size(out) == (2338, 1654)


def test_viz_static_svg_is_deterministic_and_has_title_and_legend(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    a = render(demo_graph(), tmp_path / "a.svg", title="My <title> & \"more\"").read_bytes()
    b = render(demo_graph(), tmp_path / "b.svg", title="My <title> & \"more\"").read_bytes()
    assert a == b
    root = ET.fromstring(a)  # well-formed XML even with markup in the title
    assert root.tag.endswith("svg")
    assert b"<dc:date>" not in a


def test_viz_static_pdf_and_large_graph(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = render(synthetic_graph(600), tmp_path / "big.pdf", max_nodes=120)
    assert out.read_bytes()[:5] == b"%PDF-" and out.stat().st_size > 10_000


def test_viz_static_empty_graph_still_draws(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = render(Graph(), tmp_path / "empty.svg")
    assert ET.parse(out).getroot().tag.endswith("svg")


# ---------- the HTML page, as text ----------

def test_viz_script_json_escapes_everything_that_could_end_a_script() -> None:
    text = script_json({"a": "</script><!-- & \u2028\u2029 '\""})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 '\""}


def test_viz_html_page_embeds_no_raw_markup_from_the_graph() -> None:
    page = html_page(evil_graph())
    assert EVIL not in page and "onerror" not in page.split('id="kgviz-data">')[0]
    data = page.split('<script type="application/json" id="kgviz-data">')[1].split("</script>")[0]
    assert "<" not in data and ">" not in data
    assert "window.__pwned=1" in data  # the text is there, as escaped JSON
    # The title element is HTML-escaped.
    assert "<title>Evil &quot;headline&quot; &lt;script&gt;" in page


def test_viz_html_page_is_self_contained() -> None:
    page = html_page(demo_graph())
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", page, flags=re.I)
    assert "default-src 'none'" in page and "connect-src" not in page  # default-src covers it
    assert page.count("<script") == 3  # data, cytoscape, viewer
    assert "The Cytoscape Consortium" in page  # the licence header travels with the code


# ---------- the command line ----------

def test_viz_cli_writes_each_format(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgbuild.cli import cli

    graph = tmp_path / "demo.ttl"
    demo_graph().serialize(graph, format="turtle")
    runner = CliRunner()
    for name in ("claims.html", "claims.gexf", "claims.dot"):
        result = runner.invoke(cli, ["viz", str(graph), "-o", str(tmp_path / name), "--title", "Demo"])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0
    result = runner.invoke(cli, ["viz", str(graph), "-o", str(tmp_path / "c.json"), "--claims-as", "edges"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert not any(n["type"] == "claim" for n in data["nodes"])


def test_viz_cli_refuses_unknown_extension_and_misplaced_options(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kgbuild.cli import cli

    graph = tmp_path / "demo.ttl"
    demo_graph().serialize(graph, format="turtle")
    runner = CliRunner()
    result = runner.invoke(cli, ["viz", str(graph), "-o", str(tmp_path / "claims.xlsx")])
    assert result.exit_code == 2 and "extension" in result.output
    result = runner.invoke(cli, ["viz", str(graph), "-o", str(tmp_path / "claims.html"), "--claims-as", "edges"])
    assert result.exit_code == 2 and "--claims-as" in result.output


@pytest.mark.parametrize("ext", ["html", "graphml", "gexf", "dot", "json"])
def test_viz_files_are_deterministic(tmp_path: Path, ext: str) -> None:
    a = render(demo_graph(), tmp_path / f"a.{ext}").read_bytes()
    b = render(demo_graph(), tmp_path / f"b.{ext}").read_bytes()
    assert a == b


# ------------------------------------------------------- pictures people can trust (issue 12, item 8)
_SPEAKERS_TTL = """
@prefix kg: <https://w3id.org/kgbuild/ns#> . @prefix schema: <https://schema.org/> .
<urn:x:amt> a schema:Organization ; schema:name "Landratsamt Beispielkreis" .
<urn:x:anna> a schema:Person ; schema:name "Anna Beispiel" .
<urn:x:ort> a schema:Place ; schema:name "Beispielstadt" .
<urn:x:lone> a schema:Person ; schema:name "Otto Einsam" .
<urn:x:c1> a kg:Claim ; kg:claimant <urn:x:amt> ; kg:polarity kg:Negative ; schema:text "Es gibt keinen Grenzwert" .
<urn:x:c2> a kg:Claim ; kg:claimant <urn:x:anna> ; kg:about <urn:x:ort> ; schema:text "Die Stadt hilft" .
"""


def test_viz_static_svg_keeps_text_as_text_and_says_negative_claim(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    g = Graph().parse(data=_SPEAKERS_TTL, format="turtle")
    svg = render(g, tmp_path / "g.svg", title="Wer sagte was über Beispielstadt").read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert any("Wer sagte was über Beispielstadt" in t for t in texts)
    assert any(t == "negative claim" for t in texts)
    assert "denial" not in svg


def test_viz_static_leaves_out_unconnected_nodes_with_a_count(tmp_path: Path) -> None:
    from kgbuild.viz.static import _pick_view

    G, note = _pick_view(Graph().parse(data=_SPEAKERS_TTL, format="turtle"), 300)
    assert "urn:x:lone" not in G and "1 unconnected node left out" in note
    assert all(any(u != v for u, v in (*G.in_edges(n), *G.out_edges(n))) for n in G)


def test_viz_static_speaker_with_claims_is_never_unconnected(tmp_path: Path) -> None:
    from kgbuild.viz.static import _pick_view

    G, _ = _pick_view(Graph().parse(data=_SPEAKERS_TTL, format="turtle"), 5)  # few nodes: claims as arrows
    assert G.graph["claims_as"] == "edges"
    for speaker in ("urn:x:amt", "urn:x:anna"):
        assert speaker in G and any(u != v for u, v in (*G.in_edges(speaker), *G.out_edges(speaker)))
