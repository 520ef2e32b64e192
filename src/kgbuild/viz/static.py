"""Static pictures (SVG, PNG, PDF) for reports and papers, drawn with matplotlib.

matplotlib is the optional extra ``kgbuild[viz]`` and is imported only here, inside the
functions. The picture is an A4 landscape page: title, subtitle, the graph with labels that
do not overlap (the best-connected nodes keep theirs), and a legend of node types and
arrows. The layout is seeded, and SVG/PDF carry no dates, so the same graph gives the same
file. Graphs larger than ``max_nodes`` are drawn as their best-connected part, with claims
folded into arrows from speaker to subject, and the subtitle says so.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path
from typing import Any, Literal

import networkx as nx
from rdflib import Graph

from kgbuild.errors import OutputError
from kgbuild.viz.network import EDGE_STYLES, NODE_STYLES, to_networkx

StaticFormat = Literal["svg", "png", "pdf"]
A4_LANDSCAPE = (11.69, 8.27)  # inches
SEED = 7


def _require_matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise OutputError(
            "static pictures (.svg, .png, .pdf) need matplotlib: pip install 'kgbuild[viz]'"
        ) from err
    return matplotlib


def _pick_view(graph: Graph | nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, str]:
    """The graph to draw and a note on what was left out."""
    if isinstance(graph, nx.MultiDiGraph):
        G = graph
    else:
        G = to_networkx(graph, claims_as="nodes")
        if G.number_of_nodes() > max_nodes:
            G = to_networkx(graph, claims_as="edges")
    note = ""
    if G.graph.get("claims_as") == "edges":
        note = "claims drawn as arrows from speaker to subject"
        if not isinstance(graph, nx.MultiDiGraph):
            _keep_speakers_linked(graph, G)
    if G.number_of_nodes() > max_nodes:
        # Keep the best-connected nodes; ties broken by id so the choice is deterministic.
        ranked = sorted(G.nodes, key=lambda n: (-G.degree(n), str(n)))[:max_nodes]
        total = G.number_of_nodes()
        G = G.subgraph(ranked).copy()
        note = (note + "; " if note else "") + f"the {max_nodes} best-connected of {total:,} nodes"
    # Nodes with no link to anything are left out and counted, so that the picture shows the
    # claims network, not a field of lone dots (unless lone dots are all there is).
    lone = sorted((n for n in G.nodes if not any(u != v for u, v in (*G.in_edges(n), *G.out_edges(n)))), key=str)
    if lone and len(lone) < G.number_of_nodes():
        G = G.subgraph([n for n in G.nodes if n not in set(lone)]).copy()
        word = "node" if len(lone) == 1 else "nodes"
        note = (note + "; " if note else "") + f"{len(lone)} unconnected {word} left out"
    return G, note


def _keep_speakers_linked(graph: Graph, G: nx.MultiDiGraph) -> None:
    """Claims drawn as arrows need a subject; a speaker whose claims have none gets one node
    standing for them ("3 claims"), so that no speaker with claims is drawn unconnected."""
    from kgbuild.rdf.namespaces import KG

    claimed: dict[str, int] = {}
    for claim in set(graph.subjects(KG.claimant, None)):
        if next(graph.objects(claim, KG.about), None) is None:
            for who in graph.objects(claim, KG.claimant):
                claimed[str(who)] = claimed.get(str(who), 0) + 1
    for speaker in sorted(claimed):
        if speaker not in G:
            continue
        node = f"{speaker}#claims"
        n = claimed[speaker]
        G.add_node(node, iri="", type="claim", label=f"{n} claim{'s' if n != 1 else ''} without a subject")
        G.add_edge(node, speaker, key="claimant", relation="claimant", label="claimant", predicate=str(KG.claimant))


def _component_layout(G: nx.MultiDiGraph) -> dict[Any, tuple[float, float]]:
    """Spring layout per connected component, packed in rows, biggest first (seeded)."""
    import numpy as np

    simple = nx.Graph()
    simple.add_nodes_from(sorted(G.nodes, key=str))
    simple.add_edges_from(sorted(((u, v) for u, v in G.edges() if u != v), key=str))
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(simple)), key=lambda c: (-len(c), str(c[0])))
    placed: list[tuple[list[Any], np.ndarray]] = []
    for comp in comps:
        if len(comp) == 1:
            xy = np.zeros((1, 2))
        elif len(comp) == 2:
            xy = np.array([[-0.5, 0.0], [0.5, 0.0]])
        else:
            sub = simple.subgraph(comp)
            pos = nx.spring_layout(sub, seed=SEED, iterations=300, k=2.0 / math.sqrt(len(comp)))
            xy = np.array([pos[n] for n in comp])
            # Scale so that the median edge is one unit long, whatever the component's size.
            index = {node: i for i, node in enumerate(comp)}
            lengths = [np.linalg.norm(xy[index[u]] - xy[index[v]]) for u, v in sub.edges()]
            xy = xy / (float(np.median(lengths)) or 1.0)
            # Turn the component so its long axis runs across the (landscape) page.
            xy = xy - xy.mean(axis=0)
            _, vectors = np.linalg.eigh(np.cov(xy.T))
            major = vectors[:, -1]
            if major[0] < 0:
                major = -major
            rot = np.array([[major[0], major[1]], [-major[1], major[0]]])
            xy = xy @ rot.T
            radii = np.array([0.2 if G.nodes[n].get("type") == "claim" else 0.3 for n in comp])
            xy = _separate(xy, radii)
        placed.append((comp, xy))
    # Shelf packing: small components and lone nodes go in rows under the biggest one.
    gap = 1.2
    boxes = [(xy.min(axis=0), xy.max(axis=0)) for _, xy in placed]
    widths = [hi[0] - lo[0] for lo, hi in boxes]
    area = sum((hi[0] - lo[0] + gap) * (hi[1] - lo[1] + gap) for lo, hi in boxes)
    row_width = max(max(widths), math.sqrt(area))  # the biggest component sets the width
    x = y = row_h = 0.0
    out: dict[Any, tuple[float, float]] = {}
    for (comp, xy), (lo, hi) in zip(placed, boxes, strict=True):
        w, h = hi[0] - lo[0], hi[1] - lo[1]
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y - row_h - gap, 0.0
        for n, (px, py) in zip(comp, xy, strict=True):
            out[n] = (float(px - lo[0] + x), float(py - hi[1] + y))
        x += w + gap
        row_h = max(row_h, h)
    return out


def _separate(xy: Any, radii: Any, rounds: int = 60) -> Any:
    """Push overlapping discs apart; every pair moves at once in a round, so nothing drifts."""
    import numpy as np

    xy = xy.copy()
    need = radii[:, None] + radii[None, :]
    np.fill_diagonal(need, 0.0)
    for _ in range(rounds):
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff ** 2).sum(axis=-1))
        overlap = need - dist
        np.fill_diagonal(overlap, 0.0)
        if (overlap <= 1e-9).all():
            break
        overlap = np.clip(overlap, 0.0, None)
        safe = np.where(dist > 1e-9, dist, 1.0)
        push = (overlap / safe / 2 * 0.6)[:, :, None] * diff
        xy = xy + push.sum(axis=1)
    return xy


def _label_priority(G: nx.MultiDiGraph, node: Any) -> tuple[int, int, str]:
    kind = G.nodes[node].get("type")
    return (0 if kind != "claim" else 1, -G.degree(node), str(node))


def write_static(graph: Graph | nx.MultiDiGraph, out: Path, *, title: str | None = None,
                 fmt: StaticFormat | None = None, dpi: int = 200,
                 size: tuple[float, float] = A4_LANDSCAPE, max_nodes: int = 150) -> None:
    """Draw the graph to an SVG, PNG or PDF file.

    Args:
        graph: An RDF graph, or a networkx graph from :func:`~kgbuild.viz.to_networkx`.
        out: The file to write; its extension gives the format unless ``fmt`` is given.
        title: The title on the page; the article's headline when not given.
        fmt: ``"svg"``, ``"png"`` or ``"pdf"``.
        dpi: Resolution of a PNG (200 dpi on A4 is 2338 × 1654 pixels).
        size: Page size in inches (A4 landscape by default).
        max_nodes: Draw at most this many nodes (the best-connected ones).

    Raises:
        OutputError: matplotlib is not installed, or the format is not one of the three.
    """
    matplotlib = _require_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    fmt = fmt or Path(out).suffix.lower().lstrip(".")  # type: ignore[assignment]
    if fmt not in ("svg", "png", "pdf"):
        raise OutputError(f"{out}: static pictures are .svg, .png or .pdf, not {fmt!r}")
    G, note = _pick_view(graph, max_nodes)
    heading = title or str(G.graph.get("title") or "kgbuild claims graph")
    counts: dict[str, int] = {}
    for _, a in G.nodes(data=True):
        counts[str(a.get("type", "other"))] = counts.get(str(a.get("type", "other")), 0) + 1

    rc = {"svg.hashsalt": "kgbuild", "font.family": "DejaVu Sans", "svg.fonttype": "none"}  # text stays text
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=size, dpi=dpi if fmt == "png" else 100)
        canvas = FigureCanvasAgg(fig)
        fig.suptitle(textwrap.shorten(heading, 110, placeholder="…"), x=0.02, y=0.975, ha="left",
                     fontsize=16, fontweight="bold")
        parts = [f"{counts[k]} {NODE_STYLES[k].plural.lower() if counts[k] != 1 else NODE_STYLES[k].label.lower()}"
                 for k in NODE_STYLES if counts.get(k)]
        subtitle = " · ".join(parts) + f" · {G.number_of_edges()} links"
        fig.text(0.02, 0.935, subtitle, ha="left", fontsize=10, color="#555555")
        if note:
            fig.text(0.02, 0.912, note[0].upper() + note[1:] + ".", ha="left", fontsize=9, color="#777777",
                     style="italic")
        ax = fig.add_axes((0.02, 0.02, 0.76, 0.87))
        ax.set_axis_off()
        lax = fig.add_axes((0.8, 0.02, 0.19, 0.89))
        lax.set_axis_off()

        if G.number_of_nodes() == 0:
            ax.text(0.5, 0.5, "The graph has no entities or claims to draw.", ha="center", va="center",
                    fontsize=14, color="#777777", transform=ax.transAxes)
        else:
            _draw(G, ax, fig, canvas, FancyArrowPatch)
        _legend(lax, G, counts, Line2D)
        fig.text(0.98, 0.01, "drawn by kgbuild", ha="right", fontsize=7, color="#999999")

        # No dates in the files: the same graph gives the same bytes.
        no_dates: dict[str, dict[str, Any]] = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None},
                                               "png": {"Software": "kgbuild"}}
        metadata = no_dates[str(fmt)]
        fig.savefig(out, format=fmt, dpi=dpi if fmt == "png" else "figure", metadata=metadata,
                    facecolor="white")


def _draw(G: nx.MultiDiGraph, ax: Any, fig: Any, canvas: Any, FancyArrowPatch: Any) -> None:
    """Edges, nodes and non-overlapping labels on ``ax``."""
    pos = _component_layout(G)
    bbox = ax.get_position()
    ax_w = bbox.width * fig.get_figwidth() * 72  # points
    ax_h = bbox.height * fig.get_figheight() * 72
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    # A long, flat layout is stretched upwards (up to twice) to use the page.
    span_x, span_y = max(xs) - min(xs) + 1.4, max(ys) - min(ys) + 1.4
    stretch = min(2.0, max(1.0, 0.85 * (ax_h / ax_w) / (span_y / span_x)))
    pos = {node: (x, y * stretch) for node, (x, y) in pos.items()}
    ys = [p[1] for p in pos.values()]
    # Equal scale on both axes: widen the shorter range to the axes' shape.
    x0, x1, y0, y1 = min(xs) - 1.1, max(xs) + 1.1, min(ys) - 0.9, max(ys) + 0.5
    ppu = min(ax_w / (x1 - x0), ax_h / (y1 - y0))  # points per layout unit (= per median edge)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    ax.set_xlim(cx - ax_w / ppu / 2, cx + ax_w / ppu / 2)
    ax.set_ylim(cy - ax_h / ppu / 2, cy + ax_h / ppu / 2)
    # Node diameters and fonts follow the edge length on paper, within readable bounds.
    diameter = max(5.0, min(18.0, 0.28 * ppu))
    font = max(4.5, min(8.5, 0.13 * ppu))
    sizes = {node: (diameter * (0.8 if a.get("type") == "claim" else 1.0) * (1 + 0.1 * math.sqrt(G.degree(node)))) ** 2
             for node, a in G.nodes(data=True)}

    # Edges first, under the nodes; parallel edges share one arrow with a joined label.
    pairs: dict[tuple[Any, Any], list[str]] = {}
    colors: dict[tuple[Any, Any], str] = {}
    for u, v, a in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2].get("relation")))):
        if u == v:
            continue
        pairs.setdefault((u, v), []).append(str(a.get("label", "")))
        colors.setdefault((u, v), EDGE_STYLES.get(str(a.get("relation")), ("", "#999999"))[1])
    width = 1.0 if len(pairs) < 200 else 0.5
    for (u, v) in pairs:
        arrow = FancyArrowPatch(pos[u], pos[v], arrowstyle="-|>", mutation_scale=max(4.0, min(9.0, diameter * 0.5)),
                                color=colors[(u, v)], lw=width, alpha=0.8,
                                shrinkA=math.sqrt(sizes[u]) / 2 + 1, shrinkB=math.sqrt(sizes[v]) / 2 + 1, zorder=1)
        ax.add_patch(arrow)

    for kind, style in NODE_STYLES.items():
        nodes = sorted((node for node, a in G.nodes(data=True) if a.get("type", "other") == kind), key=str)
        if not nodes:
            continue
        edgecolors = ["#c0392b" if G.nodes[node].get("polarity") == "negative" else "#333333" for node in nodes]
        ax.scatter([pos[node][0] for node in nodes], [pos[node][1] for node in nodes],
                   s=[sizes[node] for node in nodes], marker=style.marker, c=style.color, edgecolors=edgecolors,
                   linewidths=[1.6 if c != "#333333" else 0.6 for c in edgecolors], zorder=3)

    # Labels, most important first; one that would cover a placed label or another node is
    # left out, so the page never shows a pile of text.
    canvas.draw()
    renderer = canvas.get_renderer()
    from matplotlib.transforms import Bbox

    to_px = ax.transData
    px_per_pt = fig.dpi / 72
    node_boxes = {}
    for node in G.nodes:
        x, y = to_px.transform(pos[node])
        r = math.sqrt(sizes[node]) / 2 * px_per_pt
        node_boxes[node] = Bbox.from_extents(x - r, y - r, x + r, y + r)
    placed: list[Any] = []
    frame = ax.get_window_extent(renderer)  # labels stay on the page
    for rank, node in enumerate(sorted(G.nodes, key=lambda x: _label_priority(G, x))):
        a = G.nodes[node]
        text = textwrap.fill(str(a.get("label", node)), 30 if a.get("type") == "claim" else 22,
                             break_long_words=False, break_on_hyphens=False)
        offset = math.sqrt(sizes[node]) / 2 + 1.5
        # Below the node if there is room, else above, right or left of it; the best-connected
        # nodes may then cover another node with their label (never another label).
        spots = [(0, -offset, "center", "top"), (0, offset, "center", "bottom"),
                 (offset + 1, 0, "left", "center"), (-offset - 1, 0, "right", "center")]
        for attempt, (dx, dy, ha, va) in enumerate(spots * (2 if rank < 25 else 1)):
            strict = attempt < len(spots)
            t = ax.annotate(text, pos[node], xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                            fontsize=font * (0.92 if a.get("type") == "claim" else 1.0), zorder=4,
                            color="#1d1d1d", bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none",
                                                   "alpha": 0.8})
            box = t.get_window_extent(renderer)
            if not frame.contains(box.x0, box.y0) or not frame.contains(box.x1, box.y1) or any(
                    box.overlaps(other) for other in placed) or (strict and any(
                    box.overlaps(b) for other, b in node_boxes.items() if other != node)):
                t.remove()
                continue
            placed.append(box)
            break
    # Arrow labels last, only where there is room for them.
    if len(pairs) <= 120 and ppu >= 45:
        for (u, v), labels in pairs.items():
            mx, my = (pos[u][0] + pos[v][0]) / 2, (pos[u][1] + pos[v][1]) / 2
            t = ax.text(mx, my, ", ".join(dict.fromkeys(labels)), fontsize=font * 0.72, color="#555555",
                        ha="center", va="center", zorder=2, style="italic",
                        bbox={"boxstyle": "round,pad=0.08", "fc": "white", "ec": "none", "alpha": 0.8})
            box = t.get_window_extent(renderer)
            if any(box.overlaps(other) for other in placed) or any(box.overlaps(b) for b in node_boxes.values()):
                t.remove()
                continue
            placed.append(box)


def _legend(lax: Any, G: nx.MultiDiGraph, counts: dict[str, int], Line2D: Any) -> None:
    handles = []
    for kind, style in NODE_STYLES.items():
        if counts.get(kind):
            handles.append(Line2D([], [], linestyle="none", marker=style.marker, markersize=9,
                                  markerfacecolor=style.color, markeredgecolor="#333333", markeredgewidth=0.6,
                                  label=f"{style.plural} ({counts[kind]})"))
    if any(a.get("polarity") == "negative" for _, a in G.nodes(data=True)):
        handles.append(Line2D([], [], linestyle="none", marker=NODE_STYLES["claim"].marker, markersize=8,
                              markerfacecolor=NODE_STYLES["claim"].color, markeredgecolor="#c0392b",
                              markeredgewidth=1.6, label="negative claim"))
    relations = sorted({str(a.get("relation")) for _, _, a in G.edges(data=True)},
                       key=lambda r: (list(EDGE_STYLES).index(r) if r in EDGE_STYLES else 99, r))
    edge_handles = [Line2D([], [], color=EDGE_STYLES.get(r, (r, "#999999"))[1], lw=2,
                           label=EDGE_STYLES.get(r, (r.replace("_", " "), ""))[0]) for r in relations]
    if handles:
        first = lax.legend(handles=handles, loc="upper left", title="Nodes", frameon=False, fontsize=9,
                           title_fontsize=10, alignment="left")
        lax.add_artist(first)
    if edge_handles:
        lax.legend(handles=edge_handles, loc="lower left", title="Arrows", frameon=False, fontsize=9,
                   title_fontsize=10, alignment="left")
