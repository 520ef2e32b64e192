"""Check a graph against kgbuild's SHACL shapes and report what is wrong, for people and programs.

:func:`validate` loads the shapes once per file (validation runs once per article in a
benchmark) and validates without inference (instances carry the contract classes directly).
pySHACL is the reference. By default validation runs on pyshacl-turbo, a maintained Rust
engine with pySHACL's API and report graph, its shapes compiled once per process. Its report
is used when the graph has no violation (nearly every graph kgbuild builds). A graph with a
violation is validated again by pySHACL, whose report is the one returned: on broken data the
two engines differ at the edges (pyshacl-turbo follows the SHACL and XPath specifications
where pySHACL is lenient: incomparable values under ``sh:lessThanOrEquals``, ``xsd:integer``
casts of decimals), and the report must not depend on the engine. pySHACL alone validates
against shapes with a result that has no ``sh:message`` (the engines word default messages
differently) or that pyshacl-turbo cannot compile, graphs with a language tag in capitals
(pyshacl-turbo writes it in lower case), and everything with ``engine="pyshacl"``. Without
pyshacl-turbo installed (no wheel for the platform) validation uses pySHACL, with a one-line
note. Either way the outcome is a :class:`ValidationReport` of frozen
:class:`ValidationResult` objects. A graph conforms when no result has severity
``Violation``; warnings and infos are reported but do not fail it. :func:`format_report`
renders a report as text for a person, as Turtle, or as
JSON.

Example:
    >>> from rdflib import Graph
    >>> report = validate(Graph())
    >>> report.conforms, len(report.results)
    (True, 0)
"""

from __future__ import annotations

import importlib
import json
import logging
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

import pyshacl
from pyshacl.errors import ReportableRuntimeError
from rdflib import RDF, SH, BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import OWL, RDFS, NamespaceManager
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result
from rdflib.term import Node

from kgbuild import resources
from kgbuild.errors import InputError

__all__ = ["Engine", "ReportFormat", "Severity", "ValidationReport", "ValidationResult", "format_report", "validate"]

Severity = Literal["Violation", "Warning", "Info"]
ReportFormat = Literal["text", "turtle", "json"]
Engine = Literal["fast", "pyshacl"]

_log = logging.getLogger(__name__)
_SEVERITY: dict[Node, Severity] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_RANK: dict[str, int] = {"Violation": 0, "Warning": 1, "Info": 2}

# Prefixes for rendering nodes in text reports (kgsh: is the shapes' own namespace).
_PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/kgbuild/ns#",
    "kgsh": "https://w3id.org/kgbuild/shapes#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": "http://www.wikidata.org/entity/",
}
_MAX_VALUE_CHARS = 80  # long anchors and quotes are cut in text reports; JSON keeps them whole


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result: which node broke which shape, how badly, and what to do about it.

    Attributes:
        focus_node: the node that was checked (an article, claim, span, ...).
        source_shape: the shape whose constraint failed (``kgsh:Claim-claimant-present``).
        result_path: the property path checked, or ``None`` for a node-level constraint.
        severity: ``"Violation"``, ``"Warning"`` or ``"Info"``.
        message: the shape's message: what is wrong and what to do.
        value: the offending value, when the constraint names one.
    """

    focus_node: Node
    source_shape: Node
    result_path: Node | None
    severity: Severity
    message: str
    value: Node | None = None

    @property
    def path(self) -> Node | None:
        """Alias of :attr:`result_path` (the name the team brief uses)."""
        return self.result_path


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`.

    Attributes:
        conforms: ``False`` only if at least one result is a ``Violation``.
        results: every result, sorted by focus node, severity, path and shape.
        report_graph: pySHACL's ``sh:ValidationReport`` graph, for Turtle output.
    """

    conforms: bool
    results: tuple[ValidationResult, ...]
    report_graph: Graph = field(compare=False, repr=False)

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        """The results of severity ``Violation``."""
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> tuple[ValidationResult, ...]:
        """The results of severity ``Warning``."""
        return tuple(r for r in self.results if r.severity == "Warning")

    @property
    def infos(self) -> tuple[ValidationResult, ...]:
        """The results of severity ``Info``."""
        return tuple(r for r in self.results if r.severity == "Info")

    @property
    def text(self) -> str:
        """The report as text for a person (``format_report(report, "text")``)."""
        return format_report(self, "text")


# ----------------------------------------------------------------------------- shapes


def _shape_files(path: Path) -> tuple[Path, ...]:
    if path.is_dir():
        files = tuple(sorted(path.glob("*.ttl")))
        if not files:
            raise InputError(f"{path}: no *.ttl shapes files in this folder")
        return files
    if path.is_file():
        return (path,)
    raise InputError(f"{path}: shapes file or folder not found")


@lru_cache(maxsize=16)
def _parse_shapes(files: tuple[tuple[str, int, int], ...]) -> Graph:
    # Keyed by (name, mtime, size) of every file, so an edited shapes file is read again.
    graph = Graph()
    for name, _mtime, _size in files:
        try:
            graph.parse(name, format="turtle")
        except Exception as e:  # rdflib's parsers raise many unrelated exception types
            raise InputError(f"{name}: cannot read shapes: {e}") from e
    return graph


def load_shapes(path: Path | str | None = None) -> Graph:
    """The shapes graph of a file or of every ``*.ttl`` in a folder, parsed once and cached.

    Args:
        path: a Turtle file or a folder of them; ``None`` for kgbuild's own shapes
            (``resources.shapes_dir()``).

    Returns:
        The parsed shapes. The graph is shared between calls: do not modify it.

    Raises:
        InputError: the path does not exist, holds no ``*.ttl``, or a file is unreadable
            or not valid Turtle.
    """
    folder = resources.shapes_dir() if path is None else Path(path)
    try:
        stamps = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in _shape_files(folder))
    except OSError as e:
        raise InputError(f"{folder}: cannot read shapes: {e.strerror or e}") from e
    return _parse_shapes(stamps)


# ------------------------------------------------------------------------- validation


@lru_cache(maxsize=128)
def _prepared(query: str) -> Any:
    return prepareQuery(query)


class _PreparedQueryGraph(Graph):
    """A view of a graph (same store) that parses each SPARQL text only once.

    pySHACL runs a SPARQL-based constraint once per focus node with the same text and
    ``$this`` bound through ``initBindings``; rdflib would parse that text every time,
    which was two thirds of the validation time. Prepared queries are reused instead.
    """

    def query(
        self,
        query_object: Any,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Mapping[str, Any] | None = None,  # noqa: N803 (rdflib's name)
        initBindings: Mapping[str, Any] | None = None,  # noqa: N803 (rdflib's name)
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Result:
        if isinstance(query_object, str) and not initNs:
            query_object = _prepared(query_object)
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


def _data_view(graph: Graph) -> Graph:
    if getattr(graph, "context_aware", False):
        return graph  # a Dataset: pySHACL validates the union of its graphs as it is
    # A private copy (a few milliseconds for an article's graph): pySHACL binds the sh:
    # prefix into the data graph's store, which would change how the caller's graph
    # serialises.
    view = _PreparedQueryGraph(bind_namespaces="none")
    view += graph
    return view


# ------------------------------------------------------------------ the fast engine

# pyshacl-turbo (a maintained Rust engine with pySHACL's API and report graph) is imported
# on first use; without it (no wheel for the platform) kgbuild validates with pySHACL.
_TURBO: list[Any] = []  # [module or None], filled on first use

# Shape parameters that are no constraint: a shape having only these (sh:property links
# included) makes no result of its own, so needs no sh:message of its own.
_NOT_CONSTRAINTS = frozenset(
    SH[name]
    for name in (
        "targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "target", "property", "message",
        "severity", "deactivated", "name", "description", "order", "group", "defaultValue", "path",
    )
) | {RDF.type}


def _turbo() -> Any:
    """The pyshacl_turbo module, or ``None`` (with a one-line note, once) if it is not installed."""
    if not _TURBO:
        module: Any
        try:
            module = importlib.import_module("pyshacl_turbo")
        except ImportError:
            module = None
            _log.warning("kgbuild: note: pyshacl-turbo is not installed; validating with pySHACL (slower)")
        _TURBO.append(module)
    return _TURBO[0]


def _own_messages(shapes: Graph) -> bool:
    """Whether every result of these shapes carries a ``sh:message`` of the shapes.

    A result without one gets a message made up by the engine, and pySHACL's and
    pyshacl-turbo's differ in wording. Shapes reached only through ``sh:or``, ``sh:and``,
    ``sh:xone`` or ``sh:not``, or by nothing at all, report nothing themselves and are not
    looked at: the walk starts at the shapes with targets.
    """
    todo = {s for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
            for s in shapes.subjects(p, None)}
    todo |= set(shapes.subjects(RDF.type, RDFS.Class)) | set(shapes.subjects(RDF.type, OWL.Class))  # implicit targets
    seen: set[Node] = set()
    while todo:
        shape = todo.pop()
        seen.add(shape)
        has_message = (shape, SH.message, None) in shapes
        for p, o in shapes.predicate_objects(shape):
            if p == SH.property:  # a shape of its own, reporting under its own name
                todo.add(o)
            elif p == SH.sparql:  # the constraint's message, else the shape's
                if not has_message and (o, SH.message, None) not in shapes:
                    return False
            elif p not in _NOT_CONSTRAINTS and str(p).startswith(str(SH)) and not has_message:
                return False
            if p == SH.node:  # its results are the details of this shape's result
                todo.add(o)
        todo -= seen
    return True


# Compiled shapes per shapes graph: id -> (the graph, its fingerprint, compiled or None if
# validation goes to pySHACL). Graphs from load_shapes() are shared and never change, so
# their fingerprint is None; a graph passed in by the caller might be edited between calls,
# so it is fingerprinted by its triples (a few milliseconds) every time.
_COMPILED: dict[int, tuple[weakref.ref[Graph], int | None, Any]] = {}


def _compiled(shapes_graph: Graph, *, shared: bool) -> Any:
    fingerprint = None if shared else hash(frozenset(shapes_graph))
    key = id(shapes_graph)
    cached = _COMPILED.get(key)
    if cached is not None and cached[0]() is shapes_graph and cached[1] == fingerprint:
        return cached[2]
    turbo = _turbo()
    compiled = None
    if turbo is not None and _own_messages(shapes_graph):
        try:
            compiled = turbo.CompiledShapes(shapes_graph)
        except Exception as e:  # noqa: BLE001 - shapes it cannot compile: pySHACL gives the verdict or error
            _log.info("validating with pySHACL: pyshacl-turbo cannot compile the shapes: %s", e)
    elif turbo is not None:
        _log.info("validating with pySHACL: some shapes have no sh:message")
    _COMPILED[key] = (weakref.ref(shapes_graph, lambda _ref: _COMPILED.pop(key, None)), fingerprint, compiled)
    return compiled


def _mixed_case_language(graph: Graph) -> bool:
    """Whether a literal of the graph has a language tag with capitals (``"x"@en-GB``).

    pyshacl-turbo writes such a value in its report with the tag in lower case; pySHACL
    keeps it as written. kgbuild's own graphs tag in lower case (``@de``).
    """
    quads = getattr(graph, "quads", None)  # a Dataset: every graph in it
    triples: Iterable[tuple[Node, ...]] = quads((None, None, None, None)) if quads is not None else graph
    for t in triples:
        o = t[2]
        if isinstance(o, RdfLiteral) and o.language and o.language != o.language.lower():
            return True
    return False


def _fast(compiled: Any, graph: Graph) -> ValidationReport | None:
    """pyshacl-turbo's report if the graph has no violation, else ``None`` (pySHACL's turn)."""
    if _mixed_case_language(graph):
        return None
    try:
        _conforms, report_graph, _text = compiled.validate(graph, allow_infos=True, allow_warnings=True)
    except Exception as e:  # noqa: BLE001 - pySHACL gives its own outcome on this data, error included
        _log.info("validating this graph with pySHACL: %s", e)
        return None
    if not isinstance(report_graph, Graph):  # a ValidationFailure
        return None
    results = _results(report_graph)
    if any(r.severity == "Violation" for r in results):
        return None
    return ValidationReport(conforms=True, results=results, report_graph=report_graph)


def validate(graph: Graph, *, shapes: Path | str | Graph | None = None, engine: Engine = "fast") -> ValidationReport:
    """Validate ``graph`` against SHACL shapes, without inference.

    Args:
        graph: the data graph (one article's graph, or a dataset of several).
        shapes: a shapes file, a folder of ``*.ttl`` shapes files, or a shapes graph;
            ``None`` for kgbuild's own shapes. Files are parsed once and cached.
        engine: ``"fast"`` for pyshacl-turbo (shapes compiled once per shapes graph),
            with pySHACL for what it hands over (see the module docstring);
            ``"pyshacl"`` for pySHACL only. Both give the same report.

    Returns:
        The report; ``report.conforms`` is ``False`` only if there is a ``Violation``.

    Raises:
        InputError: the shapes cannot be read, or pySHACL cannot apply them.
        ValueError: ``engine`` is not one of the engines above.
    """
    if engine not in get_args(Engine):
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(get_args(Engine))}")
    shapes_graph = shapes if isinstance(shapes, Graph) else load_shapes(shapes)
    if engine == "fast":
        compiled = _compiled(shapes_graph, shared=not isinstance(shapes, Graph))
        if compiled is not None:
            report = _fast(compiled, graph)
            if report is not None:
                return report
    try:
        _conforms, report_graph, _text = pyshacl.validate(
            _data_view(graph),
            shacl_graph=shapes_graph,
            inference="none",
            advanced=False,  # SPARQL-based constraints are core SHACL-SPARQL; no SHACL-AF needed
            allow_infos=True,
            allow_warnings=True,
        )
    except ReportableRuntimeError as e:  # bad shapes: a malformed constraint or SPARQL text
        raise InputError(f"shapes cannot be applied: {e}") from e
    if not isinstance(report_graph, Graph):  # pySHACL returns a ValidationFailure here
        raise InputError(f"shapes cannot be applied: {report_graph}")
    results = _results(report_graph)
    return ValidationReport(
        conforms=not any(r.severity == "Violation" for r in results),
        results=results,
        report_graph=report_graph,
    )


def _sorted(results: Iterable[ValidationResult], report: Graph) -> tuple[ValidationResult, ...]:
    return tuple(sorted(results, key=lambda r: _sort_key(r, report)))


def _results(report: Graph) -> tuple[ValidationResult, ...]:
    # A set: two constraints of one shape that fail on the same value (sh:pattern and
    # sh:minInclusive on "-1") give results that differ only in sh:sourceConstraintComponent,
    # which a reader cannot tell apart; they are reported once.
    out = set()
    for node in report.subjects(RDF.type, SH.ValidationResult):
        focus, shape = report.value(node, SH.focusNode), report.value(node, SH.sourceShape)
        if focus is None or shape is None:  # every SHACL result has both; skip a malformed one
            continue
        messages = sorted(report.objects(node, SH.resultMessage), key=_message_order)
        severity = report.value(node, SH.resultSeverity)
        out.add(
            ValidationResult(
                focus_node=focus,
                source_shape=shape,
                result_path=report.value(node, SH.resultPath),
                # Custom severities (any IRI is allowed) count as violations: safest for conformance.
                severity=_SEVERITY.get(severity, "Violation") if severity is not None else "Violation",
                message=str(messages[0]) if messages else "",
                value=report.value(node, SH.value),
            )
        )
    return _sorted(out, report)


def _message_order(message: Node) -> tuple[int, str]:
    # Prefer an English (or untagged) message when a shape gives several.
    lang = message.language if isinstance(message, RdfLiteral) else None
    return (0 if lang in (None, "en") else 1, str(message))


def _sort_key(r: ValidationResult, graph: Graph) -> tuple[str, int, str, str, str, str]:
    path = _render_path(r.result_path, graph, _nsm())
    value = "" if r.value is None else str(r.value)
    return (str(r.focus_node), _RANK[r.severity], path, str(r.source_shape), r.message, value)


# ------------------------------------------------------------------------------ output


@lru_cache(maxsize=1)
def _nsm() -> NamespaceManager:
    nsm = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, ns in _PREFIXES.items():
        nsm.bind(prefix, URIRef(ns))
    return nsm


def _render(node: Node | None, nsm: NamespaceManager) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        try:
            return nsm.curie(str(node), generate=False)
        except (KeyError, ValueError):
            return f"<{node}>"
    if isinstance(node, RdfLiteral):
        text = node.n3(nsm)
        return text if len(text) <= _MAX_VALUE_CHARS else text[: _MAX_VALUE_CHARS - 1] + "…"
    return node.n3()


def _render_path(path: Node | None, graph: Graph, nsm: NamespaceManager) -> str:
    # Simple paths are IRIs; an inverse path is a blank node with sh:inversePath.
    if isinstance(path, BNode):
        inverse = graph.value(path, SH.inversePath)
        if inverse is not None:
            return "^" + _render_path(inverse, graph, nsm)
        return "(complex path)"
    return _render(path, nsm)


def _focus_label(node: Node) -> str:
    return str(node) if isinstance(node, URIRef) else node.n3()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _text(report: ValidationReport, verbose: bool = True) -> str:
    nsm = _nsm()
    lines: list[str] = []
    groups: dict[str, list[ValidationResult]] = {}
    for r in report.results:  # already sorted by focus node, then severity
        groups.setdefault(_focus_label(r.focus_node), []).append(r)
    nodes = len(groups)
    if not verbose:  # the violations only; the summary still counts everything
        groups = {}
        for r in report.violations:
            groups.setdefault(_focus_label(r.focus_node), []).append(r)
    for focus in sorted(groups):
        lines.append(focus)
        for r in groups[focus]:
            where = _render_path(r.result_path, report.report_graph, nsm)
            if r.value is not None:
                where = f"{where} = {_render(r.value, nsm)}" if where else _render(r.value, nsm)
            head = f"  {r.severity:<9} {where}".rstrip()
            lines.append(head)
            lines.append(f"            {r.message} [{_render(r.source_shape, nsm)}]")
        lines.append("")
    counts = ", ".join(
        (
            _plural(len(report.violations), "violation"),
            _plural(len(report.warnings), "warning"),
            _plural(len(report.infos), "info"),
        )
    )
    verdict = "Conforms" if report.conforms else "Does not conform"
    hint = " (--verbose lists the warnings and infos)" if not verbose and len(report.violations) < len(
        report.results) else ""
    lines.append(f"{verdict}: {counts} on {_plural(nodes, 'node')}.{hint}")
    return "\n".join(lines) + "\n"


def _json_node(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, BNode):
        return node.n3()
    return str(node)  # an IRI, or a literal's lexical form


def _json(report: ValidationReport) -> str:
    nsm = _nsm()
    items = [
        {
            "focus_node": _json_node(r.focus_node),
            "source_shape": _json_node(r.source_shape),
            "result_path": (
                _json_node(r.result_path)
                if not isinstance(r.result_path, BNode)
                else _render_path(r.result_path, report.report_graph, nsm)
            ),
            "severity": r.severity,
            "message": r.message,
            "value": _json_node(r.value),
        }
        for r in report.results
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def format_report(report: ValidationReport, fmt: ReportFormat = "text", *, verbose: bool = True) -> str:
    """Render a validation report.

    Args:
        report: what :func:`validate` returned.
        fmt: ``"text"`` for a person (results grouped by focus node, in sorted order, with
            severity, path, value, message and shape, then a summary line; without
            ``verbose`` only the violations, and the summary line); ``"turtle"``
            for the SHACL report graph; ``"json"`` for a list of result objects with the
            fields of :class:`ValidationResult` (IRIs as strings, literals as their
            lexical form).

    Returns:
        The rendered report, ending with a newline.

    Raises:
        ValueError: ``fmt`` is not one of the formats above.
    """
    if fmt == "text":
        return _text(report, verbose)
    if fmt == "json":
        return _json(report)
    if fmt == "turtle":
        graph = report.report_graph
        for prefix, ns in _PREFIXES.items():
            graph.bind(prefix, URIRef(ns), override=False)
        return graph.serialize(format="turtle")
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(get_args(ReportFormat))}")
