"""Draw kgbuild graphs: an interactive page, static pictures, and files for graph tools.

One entry point, :func:`render`, picks the output by the file's extension:

=================  ==========================================================
``.html``          one self-contained interactive page (works offline)
``.svg`` ``.png``  a static A4 picture with legend and title (needs the
``.pdf``           ``kgbuild[viz]`` extra: matplotlib)
``.graphml``       GraphML, for Gephi, Cytoscape, yEd
``.gexf``          GEXF 1.2, for Gephi (coloured by type)
``.dot``           Graphviz DOT
``.json``          node-link JSON (d3, ``networkx.node_link_graph``)
=================  ==========================================================

Every output is made from the same networkx graph, :func:`to_networkx`.

Example:
    >>> import tempfile, pathlib
    >>> from kgbuild.viz.demo import demo_graph
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "claims.graphml"
    >>> render(demo_graph(), out).name
    'claims.graphml'
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from rdflib import Graph

from kgbuild.errors import OutputError
from kgbuild.viz.network import ClaimsAs, to_networkx

__all__ = ["FORMATS", "Format", "render", "to_networkx", "format_of"]

Format = Literal["html", "svg", "png", "pdf", "graphml", "gexf", "dot", "json"]


def _html(graph: Graph, out: Path, title: str | None, options: dict[str, Any]) -> None:
    from kgbuild.viz.html import write_html

    write_html(graph, out, title=title, **options)


def _static(fmt: Literal["svg", "png", "pdf"]) -> Callable[[Graph, Path, str | None, dict[str, Any]], None]:
    def write(graph: Graph, out: Path, title: str | None, options: dict[str, Any]) -> None:
        from kgbuild.viz.static import write_static

        write_static(graph, out, title=title, fmt=fmt, **options)

    return write


def _file(kind: str) -> Callable[[Graph, Path, str | None, dict[str, Any]], None]:
    def write(graph: Graph, out: Path, title: str | None, options: dict[str, Any]) -> None:
        from kgbuild.viz import formats

        claims_as: ClaimsAs = options.pop("claims_as", "nodes")
        literals: bool = options.pop("literals", False)
        if options:
            raise TypeError(f"unknown option(s) for .{kind}: {', '.join(sorted(options))}")
        G = to_networkx(graph, claims_as=claims_as, literals=literals)
        if title:
            G.graph["title"] = title
        if kind == "dot":
            formats.write_dot(G, out, title=title)
        else:
            getattr(formats, f"write_{kind}")(G, out)

    return write


# Format name -> writer(graph, out, title, options). A dict is the extension point: a new
# output format is one more entry.
FORMATS: dict[str, Callable[[Graph, Path, str | None, dict[str, Any]], None]] = {
    "html": _html,
    "svg": _static("svg"),
    "png": _static("png"),
    "pdf": _static("pdf"),
    "graphml": _file("graphml"),
    "gexf": _file("gexf"),
    "dot": _file("dot"),
    "json": _file("json"),
}


def format_of(out: Path | str) -> Format:
    """The output format a file name asks for (``claims.HTML`` → ``"html"``).

    Raises:
        OutputError: The extension is not one of :data:`FORMATS`.
    """
    suffix = Path(out).suffix.lower().lstrip(".")
    if suffix == "htm":
        suffix = "html"
    if suffix not in FORMATS:
        known = ", ".join("." + k for k in FORMATS)
        raise OutputError(f"{out}: cannot tell the format from the extension; use one of {known}")
    return suffix  # type: ignore[return-value]


def render(graph: Graph, out: Path | str, *, title: str | None = None, fmt: Format | None = None,
           **options: Any) -> Path:
    """Draw ``graph`` to ``out``, in the format its extension names.

    Args:
        graph: A kgbuild graph (or any graph that follows the query contract); a Dataset's
            named graphs are merged.
        out: The file to write. Its folder must exist.
        title: A title for the page or picture; the article's headline when not given.
        fmt: Force a format instead of reading the extension.
        **options: Passed to the writer: for ``.html`` ``collapsed`` (bool) and
            ``collapse_threshold`` (int, default 300 nodes); for pictures ``dpi``, ``size``
            (inches) and ``max_nodes``; for graph files ``claims_as`` (``"nodes"`` or
            ``"edges"``) and ``literals`` (bool).

    Returns:
        The path written.

    Raises:
        OutputError: Unknown extension, missing folder, or a missing optional dependency.
    """
    out = Path(out)
    kind = fmt or format_of(out)
    if kind not in FORMATS:
        raise OutputError(f"unknown format {kind!r}; use one of {', '.join(FORMATS)}")
    if not out.parent.is_dir():
        raise OutputError(f"{out}: folder {out.parent} does not exist")
    try:
        FORMATS[kind](graph, out, title, dict(options))
    except OSError as err:
        raise OutputError(f"{out}: cannot write: {err.strerror or err}") from err
    return out
