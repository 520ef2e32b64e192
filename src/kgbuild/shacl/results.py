"""Validation results as the engine produces them, and the SHACL report graph made from them.

A :class:`Result` holds what pySHACL's ``make_v_result`` puts in a report node. Messages are
worked out only when a result reaches the report (:meth:`Result.messages`): nested shapes
inside ``sh:or`` produce many results that are thrown away. :func:`report_graph` then builds
the same ``sh:ValidationReport`` graph as pySHACL's ``create_validation_report``: the same
triples per result, blank nodes of the shapes and data graphs cloned with their ids, nested
``sh:node`` results linked by ``sh:detail``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from pyshacl.rdfutil import clone_blank_node
from rdflib import OWL, RDF, SH, BNode, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kgbuild.shacl.errors import NeedsPyshacl

if TYPE_CHECKING:
    from kgbuild.shacl.shapes import Shape

__all__ = ["MessageContext", "Result", "report_graph"]

# (data graph, shapes graph, focus node, value node) -> generic messages of a constraint
GenericMessages = Callable[["MessageContext", Node, "Node | None"], list[Literal]]


class MessageContext:
    """The graphs and namespace managers that pySHACL renders generic messages with.

    pySHACL renders data nodes with the data graph's namespaces (validate() hands it a copy
    bound to no prefix) and shape nodes with the shapes graph's; both get ``sh:``. Private
    managers are used here so that neither the caller's graph nor the cached shapes graph
    gains a prefix.
    """

    def __init__(self, data: Graph, shapes: Graph, *, dataset: Graph | None = None) -> None:
        self.data = data
        self.shapes = shapes
        self.dataset = dataset  # the Dataset the data came from: its prefixes render data nodes
        self._data_ns: NamespaceManager | None = None
        self._shapes_ns: NamespaceManager | None = None
        # rendered blank nodes, reused within one validation as pySHACL reuses them
        self._data_blanks: dict[str, str] = {}
        self._shape_blanks: dict[str, str] = {}

    @property
    def data_ns(self) -> NamespaceManager:
        if self._data_ns is None:
            self._data_ns = Graph(bind_namespaces="none").namespace_manager
            if self.dataset is not None:  # validate() hands pySHACL a Dataset itself
                for prefix, ns in self.dataset.namespaces():
                    self._data_ns.bind(prefix, ns, override=True, replace=True)
            self._data_ns.bind("sh", SH, override=False, replace=False)  # as stringify_node does
        return self._data_ns

    @property
    def shapes_ns(self) -> NamespaceManager:
        if self._shapes_ns is None:
            manager = Graph(bind_namespaces="none").namespace_manager
            for prefix, ns in self.shapes.namespaces():
                manager.bind(prefix, ns, override=True, replace=True)
            manager.bind("sh", SH, override=False, replace=False)  # as stringify_node does
            self._shapes_ns = manager
        return self._shapes_ns

    def data_node(self, node: Node | None, *, or_id: bool = False) -> str:
        """A data node as pySHACL's ``stringify_node(datagraph, node)`` writes it.

        pySHACL cannot render a blank node that is in no triple of the data (its lookup
        raises); some messages then fall back to the node's id (``or_id``), the others let
        the error out of pySHACL.

        Raises:
            NeedsPyshacl: such a blank node, without ``or_id``.
        """
        if node is None:
            return "None"
        if isinstance(node, BNode) and (node, None, None) not in self.data and (None, None, node) not in self.data:
            if or_id:
                return str(node)
            raise NeedsPyshacl(f"pySHACL cannot render the blank node {node} in a message")
        return render_node(self.data, node, self.data_ns, cache=self._data_blanks)

    def shape_node(self, node: Node) -> str:
        """A shapes-graph node as pySHACL's ``stringify_node(sg, node)`` writes it."""
        return render_node(self.shapes, node, self.shapes_ns, cache=self._shape_blanks)


# pySHACL's rdfutil/stringify.py writes nodes this way. Its blank-node renderer keeps every
# text it wrote, keyed by (id(graph), node id), for the life of the process: within one
# validation a blank node is written once (which matters in cycles, cut at a fixed depth),
# but a later graph at a freed graph's address gets the freed graph's texts. Here the texts
# are kept for one validation only (``cache``), which is pySHACL's intent. With cycles of
# blank nodes the text still depends on which message is written first, in both engines.

_OWL_SAME_AS = OWL.sameAs


def render_node(
    graph: Graph, node: Node, ns: NamespaceManager, recursion: int = 0, *, cache: dict[str, str] | None = None
) -> str:
    """A node as pySHACL's ``stringify_node`` writes it (literals in full, blank nodes inline)."""
    if isinstance(node, Literal):
        return _render_literal(graph, node, ns, cache)
    if isinstance(node, BNode):
        return _render_blank(graph, node, ns, recursion + 1, {} if cache is None else cache)
    if isinstance(node, URIRef):
        try:
            return node.n3(namespace_manager=ns)
        except Exception:
            return str(node)
    return str(node)


def _render_literal(graph: Graph, node: Literal, ns: NamespaceManager, cache: dict[str, str] | None) -> str:
    value = None if node.value is None else str(node.value)
    lexical = str(node)
    if value is not None:
        cut = value.find(" object at 0x")
        if cut > 0:
            value = value[:cut]
    text = f'"{lexical}" = {value}' if value is not None and value != lexical else f'"{lexical}"'
    lang = f", lang={node.language}" if node.language else ""
    datatype = ""
    if node.datatype:
        dt = node.datatype
        text_of_dt = render_node(graph, dt, ns, cache=cache) if isinstance(dt, (URIRef, Literal)) else str(dt)
        datatype = ", datatype=" + text_of_dt
    return f"Literal({text}{lang}{datatype})"


def _render_blank(graph: Graph, node: BNode, ns: NamespaceManager, recursion: int, cache: dict[str, str]) -> str:
    if recursion >= 12:
        return "<http://recursion.too.deep>"
    known = cache.get(str(node))
    if known is not None:
        return known
    predicates = list(graph.predicates(node))
    if not predicates:
        return "[ ]"
    if RDF.first in predicates:
        items = [render_node(graph, item, ns, recursion + 1, cache=cache) for item in graph.items(node)]
        return "( {} )".format(" ".join(items))
    by_predicate: dict[str, str] = {}
    for p in predicates:
        p_text = p.n3(namespace_manager=ns) if isinstance(p, (Literal, BNode, URIRef)) else str(p)
        # pySHACL tests "p is OWL.sameAs" by identity with its own constant: never true for a
        # predicate read from a graph, so a blank node that is its own sameAs recurses.
        texts = [
            "<self>" if p is _OWL_SAME_AS and o is node else render_node(graph, o, ns, recursion + 1, cache=cache)
            for o in graph.objects(node, p)
        ]
        if not texts:
            continue
        by_predicate[p_text] = ", ".join(sorted(texts)) if len(texts) > 1 else texts[0]
    if len(by_predicate) > 1:
        body = " ; ".join(f"{p} {o}" for p, o in sorted(by_predicate.items()))
    else:
        body = "{} {}".format(*next(iter(by_predicate.items())))
    cache[str(node)] = text = f"[ {body} ]"
    return text


class Result:
    """One validation result, as pySHACL's ``make_v_result`` would make it.

    Attributes:
        shape: the shape whose constraint failed (its node, severity and messages).
        component: the ``sh:sourceConstraintComponent``.
        focus: the focus node.
        value: the value node, or ``None``.
        path: the result path; ``None`` means the shape's own path (if it has one).
        source_constraint: ``sh:sourceConstraint`` (SPARQL-based constraints only).
        fixed_messages: messages already worked out (SPARQL-based constraints), else ``None``.
        generic: makes the constraint's default messages for a shape without ``sh:message``.
        details: results of the nested shape of a failed ``sh:node`` (``sh:detail``).
    """

    __slots__ = (
        "shape", "component", "focus", "value", "path", "source_constraint", "fixed_messages", "generic", "details",
    )  # fmt: skip

    def __init__(
        self,
        shape: Shape,
        component: URIRef,
        focus: Node,
        value: Node | None = None,
        *,
        path: Node | None = None,
        source_constraint: Node | None = None,
        fixed_messages: tuple[Node, ...] | None = None,
        generic: GenericMessages | None = None,
        details: Sequence[Result] = (),
    ) -> None:
        self.shape = shape
        self.component = component
        self.focus = focus
        self.value = value
        self.path = path
        self.source_constraint = source_constraint
        self.fixed_messages = fixed_messages
        self.generic = generic
        self.details = details

    @property
    def severity(self) -> Node:
        return self.shape.severity

    @property
    def result_path(self) -> Node | None:
        if self.path is not None:
            return self.path
        return self.shape.path.node if self.shape.path is not None else None

    def messages(self, ctx: MessageContext) -> tuple[Node, ...]:
        """The ``sh:resultMessage`` values: the shape's messages, else the generic ones."""
        if self.fixed_messages is not None:
            return self.fixed_messages
        if self.shape.messages:
            return self.shape.messages
        if self.generic is None:
            return ()
        return tuple(self.generic(ctx, self.focus, self.value))

    def __repr__(self) -> str:
        return f"<Result {self.focus} {self.shape.node} {self.component} value={self.value}>"


def flatten(results: Iterable[Result]) -> Iterable[Result]:
    """Every result and, depth first, the ``sh:detail`` results nested in it."""
    for r in results:
        yield r
        if r.details:
            yield from flatten(r.details)


def report_graph(results: Sequence[Result], conforms: bool, ctx: MessageContext) -> Graph:
    """The ``sh:ValidationReport`` graph pySHACL would build for these results.

    Args:
        results: the top-level results (nested ``sh:detail`` results come with them).
        conforms: the value of ``sh:conforms``.
        ctx: the data and shapes graphs (blank nodes are cloned from them).

    Returns:
        A new graph with the shapes graph's prefixes bound, as pySHACL's report has. Its store
        is rdflib's ``SimpleMemory`` (pySHACL's is ``Memory``): the same triples and prefixes,
        added in half the time, since a report graph needs no named graphs.
    """
    vg = Graph(store="SimpleMemory", bind_namespaces="core")
    for prefix, ns in ctx.shapes.namespaces():
        vg.namespace_manager.bind(prefix, ns)
    report = BNode()
    vg.add((report, RDF.type, SH.ValidationReport))
    vg.add((report, SH.conforms, Literal(conforms)))
    cloned: dict[tuple[int, str], Node] = {}

    def focus_source() -> Graph:
        # pySHACL clones focus nodes from the data graph, or from the shapes graph if the data
        # graph is empty; only a blank focus node is cloned, so only then is the length needed.
        return ctx.data if len(ctx.data) else ctx.shapes

    def clone(source: Graph | Callable[[], Graph], node: Node) -> Node:
        if isinstance(node, Literal):
            return node
        if callable(source) and not isinstance(source, Graph):
            if not isinstance(node, BNode):
                return URIRef(str(node))
            source = source()
        key = (id(source), str(node))
        found = cloned.get(key)
        if found is None:
            found = clone_blank_node(source, node, vg, keepid=True) if isinstance(node, BNode) else URIRef(str(node))
            cloned[key] = found
        return found

    def add(r: Result) -> BNode:
        node = BNode()
        vg.add((node, RDF.type, SH.ValidationResult))
        vg.add((node, SH.sourceConstraintComponent, clone(ctx.shapes, r.component)))
        vg.add((node, SH.sourceShape, clone(ctx.shapes, r.shape.node)))
        vg.add((node, SH.resultSeverity, r.shape.severity))
        vg.add((node, SH.focusNode, clone(focus_source, r.focus)))
        if r.value is not None:
            vg.add((node, SH.value, clone(ctx.data, r.value)))
        path = r.result_path
        if path is not None:
            vg.add((node, SH.resultPath, clone(ctx.shapes, path)))
        if r.source_constraint is not None:
            vg.add((node, SH.sourceConstraint, clone(ctx.shapes, r.source_constraint)))
        for m in r.messages(ctx):
            vg.add((node, SH.resultMessage, m))
        for d in r.details:
            vg.add((node, SH.detail, add(d)))
        return node

    for r in results:
        vg.add((report, SH.result, add(r)))
    return vg
