"""Run SPARQL over kgbuild graphs and print the answers for people and for programs.

The prefixes of the query contract (``kg schema prov nif owl xsd rdf rdfs skos wd``)
are declared for every query, so ``SELECT ?c WHERE { ?c a kg:Claim }`` works as is.
Queries run on local files only: ``SERVICE``, ``FROM`` and ``LOAD``, which would
fetch graphs over the network, are refused. A SPARQL Update changes the graph only
when the caller allows it.

Saved queries are ``*.rq`` files in :func:`kgbuild.resources.queries_dir`; their
leading ``#`` comment lines say what they answer. Their variables can be given values
from outside (:func:`parse_value`), so one saved query serves many questions.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from pyparsing import ParseBaseException
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.processor import prepareUpdate
from rdflib.term import Identifier, Node

from kgbuild.errors import QueryError
from kgbuild.rdf.namespaces import PREFIXES
from kgbuild.resources import queries_dir

QueryKind = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "UPDATE"]
ResultFormat = Literal["table", "csv", "tsv", "json"]
RESULT_FORMATS: tuple[ResultFormat, ...] = ("table", "csv", "tsv", "json")

#: The contract's prefixes, declared for every query (a query's own PREFIX wins).
INIT_NS: dict[str, str] = {prefix: str(ns) for prefix, ns in PREFIXES}

_UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
# The prologue (comments, PREFIX and BASE declarations) before a query's first keyword.
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.I)


@dataclass(frozen=True)
class QueryResult:
    """The answer to a query.

    Attributes:
        kind: the query form.
        variables: SELECT's projected variables, in order.
        rows: SELECT's solutions; ``None`` where a variable is unbound.
        boolean: ASK's answer.
        graph: CONSTRUCT's or DESCRIBE's graph, or for an update the changed graph.
        added: triples an update added.
        removed: triples an update removed.
    """

    kind: QueryKind
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None
    added: int = 0
    removed: int = 0


@dataclass(frozen=True)
class SavedQuery:
    """A query file shipped with kgbuild (or in a folder the user names)."""

    name: str
    path: Path
    description: str  # its leading comment lines, without "# "

    @property
    def text(self) -> str:
        """The SPARQL text."""
        return self.path.read_text(encoding="utf-8")


# ------------------------------------------------------------------ running
def query_kind(text: str) -> QueryKind:
    """The form of a query, from its first keyword after the prologue.

    >>> query_kind("PREFIX ex: <http://ex/> # who\\nask { ?s ?p ?o }")
    'ASK'
    >>> query_kind("DELETE WHERE { ?s ?p ?o }")
    'UPDATE'
    """
    rest = text[_PROLOGUE.match(text).end():]  # type: ignore[union-attr]  # the pattern matches ""
    word = re.match(r"[A-Za-z]*", rest).group(0).upper()  # type: ignore[union-attr]
    if word in _UPDATE_KEYWORDS:
        return "UPDATE"
    if word in ("ASK", "CONSTRUCT", "DESCRIBE"):
        return cast(QueryKind, word)
    return "SELECT"


def run_query(
    graph: Graph,
    text: str,
    *,
    source: str = "query",
    bindings: Mapping[str, Identifier] | None = None,
    allow_update: bool = False,
) -> QueryResult:
    """Run a SPARQL query (or, if allowed, an update) on ``graph``.

    Args:
        graph: the graph to query. An update changes it in place.
        text: the SPARQL text; the contract's prefixes need not be declared.
        source: where the text came from, for error messages ("who_said_what.rq").
        bindings: values for variables of the query, set before it runs
            (``{"code": Literal("KZ")}``).
        allow_update: run INSERT/DELETE/… instead of refusing them.

    Returns:
        The result; its ``kind`` says which fields are filled.

    Raises:
        QueryError: a syntax error (with line and column), an unknown prefix, an
            update without ``allow_update``, a query that would read the network,
            or a failure while evaluating.
    """
    kind = query_kind(text)
    init = {k.lstrip("?$"): v for k, v in (bindings or {}).items()}
    if kind == "UPDATE":
        if not allow_update:
            raise QueryError(f"{source}: is a SPARQL Update, which changes the graph; "
                             "pass --allow-update to run it")
        update = _prepare(prepareUpdate, text, source)
        for op in update.algebra:
            if op.name == "Load" or dict.get(op, "using"):  # CompValue.get answers a missing key with its name
                raise QueryError(f"{source}: LOAD and USING read graphs from elsewhere; "
                                 "name the graph files on the command line instead")
        _refuse_remote(update.algebra, source)
        before = set(graph)
        _evaluate(lambda: graph.update(update, initBindings=init), source)
        after = set(graph)
        return QueryResult(kind, graph=graph, added=len(after - before), removed=len(before - after))

    prepared = _prepare(prepareQuery, text, source)
    if prepared.algebra.get("datasetClause"):
        raise QueryError(f"{source}: FROM is not supported; name the graph files on the command line")
    _refuse_remote(prepared.algebra, source)
    result = _evaluate(lambda: graph.query(prepared, initBindings=init), source)
    kind = cast(QueryKind, {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
                            "DescribeQuery": "DESCRIBE"}[prepared.algebra.name])
    if kind == "ASK":
        return QueryResult(kind, boolean=bool(result.askAnswer))
    if kind in ("CONSTRUCT", "DESCRIBE"):
        out = Graph()
        for prefix, ns in PREFIXES:
            out.bind(prefix, ns)
        for triple in result:
            out.add(triple)
        return QueryResult(kind, graph=out)
    variables = tuple(str(v) for v in (result.vars or ()))
    rows = tuple(tuple(row) for row in result)
    return QueryResult(kind, variables=variables, rows=rows)


def _prepare(prepare: Any, text: str, source: str) -> Any:
    try:
        return prepare(text, initNs=INIT_NS)
    except ParseBaseException as e:
        why = re.sub(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)", "", str(e))
        raise QueryError(f"{source}: SPARQL syntax error at line {e.lineno}, column {e.col}: {why}") from None
    except Exception as e:  # rdflib raises a bare Exception for an unknown prefix
        raise QueryError(f"{source}: {_one_line(e)}") from None


def _evaluate(run: Any, source: str) -> Any:
    try:
        return run()
    except QueryError:
        raise
    except Exception as e:
        raise QueryError(f"{source}: query failed: {_one_line(e)}") from None


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def _refuse_remote(algebra: Any, source: str) -> None:
    if any(getattr(node, "name", None) == "ServiceGraphPattern" for node in _walk(algebra)):
        raise QueryError(f"{source}: SERVICE is not supported; kgbuild queries local graph files only")


def _walk(node: Any) -> Iterator[Any]:
    """Every node of a query's algebra tree (CompValues are dicts; their parts are lists or dicts)."""
    yield node
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    for child in children:
        if isinstance(child, dict | list):
            yield from _walk(child)


def parse_value(text: str) -> Identifier:
    """A term for a ``NAME=VALUE`` binding given on the command line.

    ``<iri>`` and ``prefix:name`` (contract prefixes) are IRIs; ``YYYY-MM-DD``,
    ``YYYY-MM`` and integers get their XSD type; anything else is a plain string.

    >>> parse_value("2022-09-27").datatype == XSD.date, parse_value("kg:Denial")
    (True, rdflib.term.URIRef('https://w3id.org/kgbuild/ns#Denial'))
    """
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    prefix, colon, local = text.partition(":")
    if colon and prefix in INIT_NS and re.fullmatch(r"[\w.-]*", local):
        return URIRef(INIT_NS[prefix] + local)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return RdfLiteral(text, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return RdfLiteral(text, datatype=XSD.gYearMonth)
    if re.fullmatch(r"[+-]?\d+", text):
        return RdfLiteral(text, datatype=XSD.integer)
    return RdfLiteral(text)


# ------------------------------------------------------------- saved queries
def saved_queries(folder: Path | None = None) -> tuple[SavedQuery, ...]:
    """The saved queries in ``folder`` (default: the shipped ones), by name."""
    folder = queries_dir() if folder is None else folder
    found = []
    for path in sorted(folder.glob("*.rq")):
        lines = path.read_text(encoding="utf-8").splitlines()
        comments = []
        for line in lines:
            if not line.startswith("#"):
                break
            comments.append(line.lstrip("#").strip())
        found.append(SavedQuery(path.stem, path, " ".join(c for c in comments if c)))
    return tuple(found)


def saved_query(name: str, folder: Path | None = None) -> SavedQuery:
    """The saved query called ``name`` (its file name without ``.rq``).

    Raises:
        QueryError: there is none of that name; the message lists those there are.
    """
    queries = saved_queries(folder)
    for q in queries:
        if q.name == name.removesuffix(".rq"):
            return q
    names = ", ".join(q.name for q in queries) or "none"
    close = difflib.get_close_matches(name.removesuffix(".rq"), [q.name for q in queries], n=1, cutoff=0.6)
    if close:
        raise QueryError(f"no saved query named {name!r}: did you mean {close[0]!r}? (saved queries: {names})")
    raise QueryError(f"no saved query named {name!r} (saved queries: {names})")


# -------------------------------------------------------------- formatting
def format_result(
    result: QueryResult,
    fmt: ResultFormat = "table",
    *,
    namespaces: Iterable[tuple[str, Any]] = (),
    max_width: int = 60,
) -> str:
    """Render a SELECT or ASK result as text.

    Formats: ``table`` (aligned columns for people: IRIs shortened with prefixes,
    literals shown by their value, long cells cut at ``max_width`` with "…";
    ``max_width=0`` keeps them whole), ``csv`` (SPARQL 1.1 CSV: full IRIs, plain
    values), ``tsv`` (SPARQL 1.1 TSV: terms in Turtle syntax, lossless) and
    ``json`` (SPARQL 1.1 Query Results JSON).

    Args:
        result: a SELECT or ASK result.
        fmt: the format.
        namespaces: extra ``(prefix, namespace)`` pairs for shortening IRIs in a
            table (e.g. the graph's own), besides the contract's.
        max_width: the widest a table cell gets.

    Returns:
        The text, ending with a newline.
    """
    if result.kind not in ("SELECT", "ASK"):
        raise ValueError(f"a {result.kind} result is a graph; serialise it instead")
    if result.kind == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        return _json(result)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180, as the SPARQL CSV format asks
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if t is None else _plain(t) for t in row])
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in result.variables)]
        lines += ["\t".join("" if t is None else _turtle(t) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    return _table(result, Shortener([*PREFIXES, *namespaces]), max_width)


def _plain(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _turtle(term: Node) -> str:
    """A term in Turtle syntax, on one line (for TSV)."""
    if isinstance(term, RdfLiteral):
        escaped = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                   .replace("\r", "\\r").replace("\t", "\\t"))
        if term.language:
            return f'"{escaped}"@{term.language}'
        if term.datatype and term.datatype != XSD.string:
            return f'"{escaped}"^^<{term.datatype}>'
        return f'"{escaped}"'
    if isinstance(term, BNode):
        return f"_:{term}"
    return f"<{term}>"


def _json(result: QueryResult) -> str:
    bindings = []
    for row in result.rows:
        b: dict[str, dict[str, str]] = {}
        for var, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            if isinstance(term, RdfLiteral):
                b[var] = {"type": "literal", "value": str(term)}
                if term.language:
                    b[var]["xml:lang"] = term.language
                elif term.datatype:
                    b[var]["datatype"] = str(term.datatype)
            else:
                b[var] = {"type": "bnode" if isinstance(term, BNode) else "uri", "value": str(term)}
        bindings.append(b)
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


class Shortener:
    """Writes IRIs as ``prefix:local`` for reading (not for pasting back into SPARQL).

    >>> Shortener(PREFIXES)(URIRef("https://w3id.org/kgbuild/ns#Claim"))
    'kg:Claim'
    """

    def __init__(self, namespaces: Sequence[tuple[str, Any]]) -> None:
        seen: dict[str, str] = {}
        for prefix, ns in namespaces:
            if prefix and str(ns) not in seen:
                seen[str(ns)] = prefix
        self._by_length = sorted(seen.items(), key=lambda item: -len(item[0]))

    def __call__(self, term: Node) -> str:
        if isinstance(term, URIRef):
            iri = str(term)
            for ns, prefix in self._by_length:
                if iri.startswith(ns) and len(iri) > len(ns):
                    return f"{prefix}:{iri[len(ns):]}"
            return iri
        return _plain(term)


def _table(result: QueryResult, short: Shortener, max_width: int) -> str:
    rows = [["" if t is None else _cell(short(t), max_width) for t in row] for row in result.rows]
    numeric = [[isinstance(t, RdfLiteral) and t.datatype in _NUMERIC for t in row] for row in result.rows]
    n = len(rows)
    return render_table(result.variables, rows, numeric=numeric) + f"({n} row{'' if n == 1 else 's'})\n"


_NUMERIC = frozenset({XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.short,
                      XSD.nonNegativeInteger, XSD.positiveInteger, XSD.negativeInteger,
                      XSD.nonPositiveInteger, XSD.unsignedInt, XSD.unsignedLong})


def render_table(header: Sequence[str], rows: Sequence[Sequence[str | int]], *,
                 numeric: Sequence[Sequence[bool]] | None = None) -> str:
    """An aligned plain-text table: numbers right-aligned, everything else left.

    Args:
        header: the column names.
        rows: the cells; ints count as numbers.
        numeric: which cells are numbers, where ``rows`` holds them as text.

    >>> print(render_table(["outlet", "claims"], [["AFP", 12], ["dpa", 3]]), end="")
    outlet | claims
    -------+-------
    AFP    |     12
    dpa    |      3
    """
    text = [[str(v) for v in row] for row in rows]
    right = numeric if numeric is not None else [[isinstance(v, int) for v in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in text]) for i, h in enumerate(header)]

    def line(values: Sequence[str], numbers: Sequence[bool]) -> str:
        padded = [
            " " * (w - _width(v)) + v if num else v + " " * (w - _width(v))
            for v, w, num in zip(values, widths, numbers, strict=True)
        ]
        return " | ".join(padded).rstrip()

    out = [line(header, [False] * len(header)), "-+-".join("-" * w for w in widths)]
    out += [line(t, r) for t, r in zip(text, right, strict=True)]
    return "\n".join(out) + "\n"


def _cell(text: str, max_width: int) -> str:
    text = " ".join(text.split())  # a table row stays on one line
    if max_width and len(text) > max_width:
        return text[: max_width - 1] + "…"
    return text


def _width(text: str) -> int:
    """Columns a string takes in a terminal (combining marks none, wide letters two)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text
    )
