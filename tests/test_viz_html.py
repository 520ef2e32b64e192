"""The interactive page in a real headless Chromium (Debian's ``chromium``), driven by playwright.

Skipped, with the reason, when chromium or the playwright package is missing. Screenshots go
to the test's tmp folder; with ``KGBUILD_WRITE_DOC_IMAGES=1`` one also goes to docs/img/ for
the README.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from conftest import _shared_article
from kgbuild.viz import render, to_networkx
from kgbuild.viz.demo import demo_graph, hostile_graph, synthetic_graph

EVIL = "<script>window.__pwned=1</script>"
REPO = Path(__file__).resolve().parents[1]
DOCS_IMG = REPO / "docs" / "img"
REFERENCE_ARTICLE = _shared_article(REPO)
CHROMIUM = os.environ.get("KGBUILD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
READY = "() => window.kgviz && window.kgviz.ready === true"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as err:  # a broken browser install is an environment problem, not ours
            pytest.skip(f"chromium does not start: {err}")
        yield b
        b.close()


class Page:
    """One page of the viewer, with the console errors and failed requests it produced."""

    def __init__(self, browser: Any, path: Path, *, bypass_csp: bool = False) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 850}, bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("request", lambda r: self.requests.append(r.url) if not r.url.startswith("file:") else None)
        self.started = time.perf_counter()
        self.page.goto(path.as_uri())
        self.page.wait_for_function(READY, timeout=180_000)
        self.load_seconds = time.perf_counter() - self.started

    def nodes(self) -> list[dict[str, Any]]:
        return self.page.evaluate("() => window.kgviz.nodes()")  # type: ignore[no-any-return]

    def node_id(self, label: str) -> str:
        found = [n["id"] for n in self.nodes() if n["label"] == label]
        assert len(found) == 1, (label, found)
        return found[0]

    def click(self, node_id: str) -> None:
        """A real mouse click on the node where it is drawn."""
        xy = self.page.evaluate("(id) => window.kgviz.clientPosition(id)", node_id)
        assert xy is not None, f"{node_id} is not drawn"
        self.page.mouse.click(xy["x"], xy["y"])
        self.page.wait_for_function("(id) => document.getElementById('kgviz-panel').dataset.nodeId === id",
                                    arg=node_id, timeout=10_000)

    def field(self, name: str) -> str:
        return self.page.inner_text(f"#kgviz-panel [data-field='{name}']")  # type: ignore[no-any-return]

    def close(self) -> None:
        self.context.close()


def test_viz_html_draws_nodes_and_shows_a_claim_in_the_panel(browser: Any, tmp_path: Path) -> None:
    out = render(demo_graph(), tmp_path / "demo.html")
    view = Page(browser, out)
    try:
        drawn = {n["label"] for n in view.nodes() if n["visible"]}
        assert {"Maria Tamm", "Lettland", "Estland", "BNS", "Reuters", "Grenzübertritte nach Estland",
                "Innenministerin (Estland)", "Regierungssprecher (Lettland)"} <= drawn
        assert sum(1 for n in view.nodes() if n["type"] == "claim" and n["visible"]) == 6
        assert view.page.evaluate("() => window.kgviz.stats.labels") >= 10  # names are on screen
        view.click(view.node_id("sagte: „Wir lassen niemanden an der Grenze…“"))
        assert view.field("quote") == "Wir lassen niemanden an der Grenze stehen"
        assert view.field("date") == "2022-10-03"
        assert view.field("outlet") == "BNS"
        assert view.field("claimant") == "Maria Tamm"
        assert "sagte Tamm laut der Nachrichtenagentur BNS." in view.field("evidence")
        view.page.screenshot(path=str(tmp_path / "viz-html.png"))
        # An entity: its Wikidata link is a real link.
        view.click(view.node_id("Lettland"))
        href = view.page.get_attribute("#kgviz-panel [data-field='wikidata'] a", "href")
        assert href == "http://www.wikidata.org/entity/Q211"
        assert view.errors == [] and view.requests == []
    finally:
        view.close()


def test_viz_html_search_and_filters(browser: Any, tmp_path: Path) -> None:
    view = Page(browser, render(demo_graph(), tmp_path / "demo.html"))
    try:
        page = view.page
        page.fill("#kgviz-search", "tamm")
        page.wait_for_selector("#kgviz-results li[data-node-id]")
        first = page.inner_text("#kgviz-results li[data-node-id]")
        assert first.startswith("Maria Tamm")
        page.press("#kgviz-search", "Enter")
        page.wait_for_function("() => document.getElementById('kgviz-panel').dataset.nodeType === 'person'")
        assert page.inner_text("#kgviz-panel h2") == "Maria Tamm"
        # Outlet filter: only the claim BNS reported stays.
        page.select_option("#kgviz-outlet", label="BNS (1)")
        page.wait_for_timeout(200)
        claims = [n["label"] for n in view.nodes() if n["type"] == "claim" and n["visible"]]
        assert claims == ["sagte: „Wir lassen niemanden an der Grenze…“"]
        page.select_option("#kgviz-outlet", value="")
        # Type filter: untick claims in the legend.
        page.uncheck("#kgviz-legend input[data-type='claim']")
        page.wait_for_timeout(200)
        assert not any(n["visible"] for n in view.nodes() if n["type"] == "claim")
        assert any(n["visible"] for n in view.nodes() if n["type"] == "person")
        assert view.errors == []
    finally:
        view.close()


def test_viz_html_script_in_the_article_runs_nothing(browser: Any, tmp_path: Path) -> None:
    out = render(hostile_graph(), tmp_path / "evil.html")
    # CSP off, so this checks the escaping itself, not the page's Content-Security-Policy.
    view = Page(browser, out, bypass_csp=True)
    try:
        page = view.page
        assert page.evaluate("() => typeof window.__pwned") == "undefined"
        claim = next(n["id"] for n in view.nodes() if n["type"] == "claim")
        view.click(claim)
        quote = '</script><img src=x onerror="window.__pwned=2"> "quoted"'
        assert view.field("quote") == quote
        assert view.field("claimant") == EVIL
        assert view.field("evidence") == "<script>alert(1)</s>"
        person = next(n["id"] for n in view.nodes() if n["type"] == "person")
        view.click(person)
        assert page.inner_text("#kgviz-panel h2") == EVIL
        assert 'Dr. "Quote" O\'Brien \\ back' in view.field("alternate_names")
        # owl:sameAs javascript:… is not Wikidata, and no link is ever made from it.
        assert page.evaluate("() => [...document.querySelectorAll('a')].map(a => a.href)") == []
        page.hover("#kgviz-panel h2")
        page.fill("#kgviz-search", "script")
        page.wait_for_selector("#kgviz-results li[data-node-id]")
        page.wait_for_timeout(300)
        assert page.evaluate("() => document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert page.evaluate("() => document.querySelectorAll('script').length") == 3
        assert page.evaluate("() => typeof window.__pwned") == "undefined"
        assert page.title().startswith('Evil "headline" <script>')
        view.page.screenshot(path=str(tmp_path / "evil.png"))
        assert view.errors == []
    finally:
        view.close()


def test_viz_html_large_graph_starts_folded_and_unfolds(browser: Any, tmp_path: Path) -> None:
    g = synthetic_graph(2000)
    t0 = time.perf_counter()
    out = render(g, tmp_path / "big.html")
    write_seconds = time.perf_counter() - t0
    view = Page(browser, out)
    try:
        stats = view.page.evaluate("() => window.kgviz.stats")
        print(f"\n2,000-node page: written in {write_seconds:.1f} s, {out.stat().st_size / 1e6:.1f} MB; "
              f"ready in the browser after {view.load_seconds:.1f} s; {stats}")
        nodes = view.nodes()
        assert len(nodes) > 2000
        claims = [n for n in nodes if n["type"] == "claim"]
        assert claims and not any(n["visible"] for n in claims)  # folded into their speakers
        labelled = sum(1 for n in nodes if n["labelled"])
        assert 0 < labelled <= 400  # a readable number of labels, never all of them
        # Unfold the busiest speaker with a double click: its claims appear.
        G = to_networkx(g)
        said_by = Counter(v for _, v, d in G.edges(data=True) if d["relation"] == "claimant")
        speaker_iri = min(said_by, key=lambda v: (-said_by[v], v))
        speaker = next(n["id"] for n in nodes if n["iri"] == speaker_iri)
        # Zoom in on it first: in the overview, neighbours may be drawn over a small node.
        view.page.evaluate("(id) => { const cy = window.kgviz.cy; cy.zoom(1.5); cy.center(cy.getElementById(id)); }",
                           speaker)
        xy = view.page.evaluate("(id) => window.kgviz.clientPosition(id)", speaker)
        view.page.mouse.dblclick(xy["x"], xy["y"])
        view.page.wait_for_function(
            "() => window.kgviz.nodes().some(n => n.type === 'claim' && n.visible)", timeout=30_000)
        shown = sum(1 for n in view.nodes() if n["type"] == "claim" and n["visible"])
        assert shown == said_by[speaker_iri] > 10
        view.page.screenshot(path=str(tmp_path / "big.png"))
        assert view.errors == []
    finally:
        view.close()


def _reference_graph() -> Graph:
    """The reference article through the real pipeline, or a skip when that is not there yet."""
    if not REFERENCE_ARTICLE.exists():
        pytest.skip(f"reference article not found at {REFERENCE_ARTICLE}")
    try:
        from kgbuild.pipeline import extract
        from kgbuild.rdf import to_graph
    except ImportError as err:
        pytest.skip(f"extraction pipeline not available yet: {err}")
    text = REFERENCE_ARTICLE.read_text(encoding="utf-8")
    return to_graph(extract(text, source=REFERENCE_ARTICLE.name))


def test_viz_html_reference_article(browser: Any, tmp_path: Path) -> None:
    g = _reference_graph()
    G = to_networkx(g)
    out = render(g, tmp_path / "kasachstan.html")
    view = Page(browser, out)
    try:
        drawn = {n["label"] for n in view.nodes() if n["visible"]}
        assert any("Tokajew" in label for label in drawn), sorted(drawn)
        assert {"Kasachstan", "Russland"} <= drawn
        quoted = sorted((n for n, a in G.nodes(data=True) if a.get("quote")), key=str)
        assert quoted, "the reference article has direct quotes"
        claim = next(n["id"] for n in view.nodes() if n["iri"] == str(quoted[0]))
        view.click(claim)
        assert view.field("quote") == G.nodes[quoted[0]]["quote"]
        assert view.field("evidence")
        view.page.screenshot(path=str(tmp_path / "viz-html.png"))
        if os.environ.get("KGBUILD_WRITE_DOC_IMAGES"):  # the README's pictures
            DOCS_IMG.mkdir(parents=True, exist_ok=True)
            view.page.screenshot(path=str(DOCS_IMG / "viz-html.png"))
            if importlib.util.find_spec("matplotlib"):
                render(g, DOCS_IMG / "viz-static.png", dpi=110)
        assert view.errors == []
    finally:
        view.close()
