"""The interactive page: one self-contained HTML file that works offline.

The page inlines cytoscape.js (MIT licence, vendored in ``assets/``), the viewer script and
its style; the graph travels as JSON in a ``<script type="application/json">`` block with
``<``, ``>``, ``&`` and the JavaScript line separators escaped, and the viewer puts every
string on the page with ``textContent``. A Content-Security-Policy allows only the page's
own scripts (by hash) and no network access at all, so even a text that slipped through
could neither run nor call home.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kgbuild.viz.network import EDGE_STYLES, NODE_STYLES, to_networkx

COLLAPSE_THRESHOLD = 300  # nodes; above this a page starts with claims folded into their speakers

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _asset(name: str) -> str:
    return (resources.files("kgbuild.viz") / "assets" / name).read_text(encoding="utf-8")


def script_json(data: object) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``</script>``, no ``<!--``.

    >>> script_json({"a": "</script><b>&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # These characters only ever occur inside JSON strings, where \\uXXXX means the same.
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _inline_js(code: str) -> str:
    """Script text that cannot end its ``<script>`` element early."""
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _darker(color: str, factor: float = 0.65) -> str:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def _is_light(color: str) -> bool:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b > 170


def page_data(G: nx.MultiDiGraph, *, title: str | None = None, collapsed: bool | None = None,
              collapse_threshold: int = COLLAPSE_THRESHOLD) -> dict[str, Any]:
    """The JSON the viewer reads: nodes with sizes and links, edges, types, relations, titles.

    Args:
        G: A graph from :func:`~kgbuild.viz.to_networkx` with claims as nodes.
        title: The page title; the article's headline when not given.
        collapsed: Start with claims folded into their speakers; by default only when the
            graph has more than ``collapse_threshold`` nodes.
        collapse_threshold: See ``collapsed``.
    """
    order = sorted(G.nodes, key=str)
    ids = {node: f"n{i}" for i, node in enumerate(order)}
    counts: dict[str, int] = {}
    nodes = []
    for i, node in enumerate(order):
        a = dict(G.nodes[node])
        kind = a.pop("type", "other")
        kind = kind if kind in NODE_STYLES else "other"
        counts[kind] = counts.get(kind, 0) + 1
        degree = G.degree(node)
        label = str(a.pop("label", node))
        iri = str(a.pop("iri", node))
        links: dict[str, list[str]] = {"claimant": [], "reported_by": [], "about": []}
        if kind == "claim":
            for _, target, d in G.out_edges(node, data=True):
                if d.get("relation") in links:
                    links[d["relation"]].append(ids[target])
        size = (16 if kind == "claim" else 24) + 5 * math.sqrt(degree)
        nodes.append({
            "id": ids[node], "iri": iri, "type": kind, "label": label, "order": i,
            "size": round(min(size, 90), 1),
            "font": 11.5 if kind == "claim" else (15 if degree >= 8 else 13),
            # Label priority: well-connected entities first, claims after.
            "imp": degree + (0 if kind == "claim" else 3),
            "claimants": sorted(set(links["claimant"])), "outlets": sorted(set(links["reported_by"])),
            "about": sorted(set(links["about"])),
            "attrs": {k: v for k, v in sorted(a.items())},
        })
    edges = []
    relations: dict[str, dict[str, str]] = {}
    for k, (u, v, d) in enumerate(sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]),
                                                                          str(e[2].get("relation"))))):
        rel = str(d.get("relation", "related"))
        label, color = EDGE_STYLES.get(rel, (str(d.get("label", rel)), "#999999"))
        relations.setdefault(rel, {"label": label, "color": color})
        edges.append({"id": f"e{k}", "s": ids[u], "t": ids[v], "rel": rel, "label": str(d.get("label", label))})
    # Relations in the legend's order (the known ones first).
    relations = {k: relations[k] for k in [*EDGE_STYLES, *sorted(relations)] if k in relations}
    types = [
        {"key": key, "label": s.label, "plural": s.plural, "color": s.color, "shape": s.shape,
         "border": _darker(s.color), "light": _is_light(s.color), "count": counts.get(key, 0)}
        for key, s in NODE_STYLES.items()
    ]
    parts = [f"{counts[k]:,} {NODE_STYLES[k].plural.lower() if counts[k] != 1 else NODE_STYLES[k].label.lower()}"
             for k in NODE_STYLES if counts.get(k)]
    start = collapsed if collapsed is not None else len(nodes) > collapse_threshold
    return {
        "meta": {"title": title or str(G.graph.get("title") or "kgbuild claims graph"),
                 "subtitle": " · ".join(parts) + f" · {len(edges):,} links",
                 "startCollapsed": bool(start)},
        "types": types, "relations": relations, "nodes": nodes, "edges": edges,
    }


def html_page(graph: Graph | nx.MultiDiGraph, *, title: str | None = None, collapsed: bool | None = None,
              collapse_threshold: int = COLLAPSE_THRESHOLD) -> str:
    """The interactive page for a graph, as one self-contained HTML string.

    Args:
        graph: An RDF graph (mapped with :func:`~kgbuild.viz.to_networkx`) or its networkx form
            with claims as nodes.
        title: The page title; the article's headline when not given.
        collapsed: Start with claims folded into their speakers (default: when large).
        collapse_threshold: How many nodes make a graph large.
    """
    G = graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph, claims_as="nodes")
    data = page_data(G, title=title, collapsed=collapsed, collapse_threshold=collapse_threshold)
    css = _asset("viewer.css").replace("</", "<\\/")  # cannot end the <style> element early
    scripts = [_inline_js(_asset("cytoscape.min.js")), _inline_js(_asset("viewer.js"))]
    # No network, no plugins, no other scripts than these two: the page is inert data plus its viewer.
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_csp_hash(s) for s in scripts),
        # cytoscape.js sets style attributes; styles cannot run code, so inline ones may stay.
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    fills = {
        "CSP": html.escape(csp, quote=False).replace('"', "&quot;"),
        "TITLE": html.escape(data["meta"]["title"], quote=True),
        "CSS": css,
        "DATA": script_json(data),
        "CYTOSCAPE": scripts[0],
        "VIEWER": scripts[1],
    }
    # One pass over the template, so text inside the data can never be taken for a placeholder.
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: fills[m.group(1)], _asset("page.html"))


def write_html(graph: Graph | nx.MultiDiGraph, out: Path, *, title: str | None = None,
               collapsed: bool | None = None, collapse_threshold: int = COLLAPSE_THRESHOLD) -> None:
    """Write :func:`html_page` to ``out`` (UTF-8)."""
    page = html_page(graph, title=title, collapsed=collapsed, collapse_threshold=collapse_threshold)
    Path(out).write_text(page, encoding="utf-8")
