"""Files for graph tools: GraphML and GEXF (Gephi, Cytoscape, yEd), DOT (Graphviz), JSON (node-link).

All four are written from :func:`~kgbuild.viz.to_networkx`, so they carry the same node and
edge attributes (type, label, dates, quote, …). GEXF files also carry each node's colour,
size and shape, so Gephi opens them coloured by type.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kgbuild.viz.network import NODE_STYLES

# XML 1.0 forbids most control characters; an article may still contain them.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_clean(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose string attributes are valid XML text."""
    H = G.copy()

    def clean(attrs: dict[str, Any]) -> None:
        for k, v in list(attrs.items()):
            if isinstance(v, str):
                attrs[k] = _XML_BAD.sub("\ufffd", v)

    for _, a in H.nodes(data=True):
        clean(a)
    for _, _, a in H.edges(data=True):
        clean(a)
    clean(H.graph)
    return H


def write_graphml(G: nx.MultiDiGraph, out: Path) -> None:
    """GraphML with typed attribute keys (strings, integers, floats)."""
    nx.write_graphml(_xml_clean(G), out, encoding="utf-8", prettyprint=True, named_key_ids=True)


def _rgb(color: str) -> dict[str, int]:
    return {"r": int(color[1:3], 16), "g": int(color[3:5], 16), "b": int(color[5:7], 16), "a": 1}


def write_gexf(G: nx.MultiDiGraph, out: Path) -> None:
    """GEXF 1.2 with the viz module's colour and size, so Gephi shows the types at once."""
    H = _xml_clean(G)
    for node, a in H.nodes(data=True):
        style = NODE_STYLES.get(str(a.get("type")), NODE_STYLES["other"])
        a["viz"] = {"color": _rgb(style.color), "size": 10.0 + 2.0 * H.degree(node)}
    text = "\n".join(nx.generate_gexf(H, encoding="utf-8", prettyprint=True, version="1.2draft"))
    # networkx stamps today's date into <meta>; without it the same graph gives the same file.
    text = re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)
    Path(out).write_text('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n", encoding="utf-8")


def write_json(G: nx.MultiDiGraph, out: Path) -> None:
    """Node-link JSON (``nodes`` and ``links``, as d3 and ``nx.node_link_graph`` read it)."""
    try:
        data = nx.node_link_data(G, edges="links")
    except TypeError:  # networkx < 3.4 has no ``edges`` keyword and always says "links"
        data = nx.node_link_data(G)
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def dot_quote(value: object) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, newlines as ``\\n``.

    >>> print(dot_quote('say "hi" \\\\ <b>'))
    "say \\"hi\\" \\\\ <b>"
    """
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{text}"'


def _dot_attrs(attrs: dict[str, Any]) -> str:
    # Sorted and quoted: identical input gives an identical file.
    return ", ".join(f"{k}={dot_quote(v)}" for k, v in sorted(attrs.items()) if re.fullmatch(r"[A-Za-z_]\w*", k))


def _wrap(text: str, width: int = 28) -> str:
    """Break a label into lines of about ``width`` characters at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def dot_text(G: nx.MultiDiGraph, *, title: str | None = None) -> str:
    """The graph in Graphviz DOT: one statement per node and per edge, every id quoted.

    Graph attributes keep their names (``type``, ``quote``, ``date`` …); Graphviz ignores
    the ones it does not know, and tools that read DOT keep them. Node ``label``, ``shape``,
    ``fillcolor`` and edge ``label``, ``color`` are set for drawing.
    """
    name = title or str(G.graph.get("title") or "kgbuild")
    lines = [
        f"digraph {dot_quote(name)} {{",
        f"  graph [label={dot_quote(name)}, labelloc=t, fontsize=18, fontname=\"Helvetica\", overlap=false, "
        "splines=true, rankdir=LR, charset=\"UTF-8\"];",
        '  node [style=filled, fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=8];',
    ]
    for node, a in sorted(G.nodes(data=True), key=lambda na: str(na[0])):
        style = NODE_STYLES.get(str(a.get("type")), NODE_STYLES["other"])
        attrs = {k: v for k, v in a.items() if k != "label"}
        attrs.update(label=_wrap(str(a.get("label", node))), shape=style.dot_shape, fillcolor=style.color)
        lines.append(f"  {dot_quote(node)} [{_dot_attrs(attrs)}];")
    for u, v, a in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2].get("relation")))):
        attrs = dict(a)
        attrs["label"] = _wrap(str(a.get("label", "")), 20)
        lines.append(f"  {dot_quote(u)} -> {dot_quote(v)} [{_dot_attrs(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_dot(G: nx.MultiDiGraph, out: Path, *, title: str | None = None) -> None:
    """Write :func:`dot_text` to ``out`` (UTF-8)."""
    Path(out).write_text(dot_text(G, title=title), encoding="utf-8")
