"""SPARQL-based constraints (``sh:sparql`` with ``sh:select``), in three tiers.

The query text is assembled exactly as pySHACL assembles it (its ``SPARQLQueryHelper``:
``rdf:``, ``rdfs:``, ``owl:`` and the ``sh:declare`` prefixes, then the ``sh:select`` text) and
parsed once by rdflib. pySHACL then runs it once per focus node with ``$this`` pre-bound. Here:

1. **Compiled.** When the query is ``SELECT … WHERE { <triple patterns> FILTER(…) }`` with
   ``$this`` in a triple pattern and every filter function in a known list, rdflib's algebra
   is compiled into a join over the data's dictionaries and a closure per expression node.
   The closures compute the common cases (plain strings, integers, IRIs) directly, by the same
   rules as rdflib's operators; any other case calls rdflib's own operator function on the
   same values. Binding ``$this`` before the join is what rdflib's ``initBindings`` does.
2. **rdflib, once.** Same shape of query but a filter function not in the list: the prepared
   query runs once with ``$this`` unbound and its rows are grouped by ``$this``. With ``$this``
   in a mandatory triple pattern of the only group, that gives the rows each pre-bound run
   would give.
3. **rdflib, per focus node.** Anything else (OPTIONAL, sub-queries, aggregates, …): the
   prepared query with ``initBindings``, as pySHACL runs it.

Rows become results by pySHACL's rules (``?failure``, ``?path``, ``?value``, duplicates
dropped, ``{?var}`` substituted into messages).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from itertools import product
from types import SimpleNamespace
from typing import Any

from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper
from rdflib import RDF, SH, XSD, BNode, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql import operators as ops
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue, Expr
from rdflib.plugins.sparql.sparql import Query, SPARQLError
from rdflib.term import Node

from kgbuild.shacl.data import EMPTY, DataView, is_literal
from kgbuild.shacl.errors import NeedsPyshacl, Unsupported
from kgbuild.shacl.results import MessageContext, Result
from kgbuild.shacl.shapes import Constraint, FocusValues, Shape

__all__ = ["SparqlConstraint", "compile_select"]

Row = dict[str, Node]
Bindings = dict[str, Node]  # variable name -> value
Evaluator = Callable[[Bindings], Any]

_THIS = Variable("this")
_XSD_INTEGER, _XSD_STRING, _XSD_BOOLEAN, _XSD_DATETIME = XSD.integer, XSD.string, XSD.boolean, XSD.dateTime
_RDF_LANGSTRING = RDF.langString
_streq = str.__eq__


def _same_iri(a: Any, b: URIRef) -> bool:
    """``a == b`` for an IRI ``b`` as URIRef.__eq__ decides it, without calling Python code."""
    return type(a) is type(b) and _streq(a, b)


_ERROR = SPARQLError("error")  # the value of an expression that raised a SPARQL error


class _Unsure(Exception):
    """A compiled expression met a case it does not decide; use rdflib for this focus node."""


# ----------------------------------------------------------------------- expression values
#
# Values inside compiled expressions are rdflib terms, a SPARQLError (an error value, as
# rdflib's Expr.eval returns it), or, for results the closures make themselves, Python
# values standing for the literal rdflib would build: bool for Literal(b) (xsd:boolean), int
# for Literal(i) (xsd:integer), str for Literal(s) (a simple literal). Types are tested with
# ``type(x) is`` because URIRef and Literal are str subclasses and bool is an int subclass.


def _to_rdf(x: Any) -> Any:
    """An evaluated value as rdflib has it (the literal a Python value stands for)."""
    t = type(x)
    if t is bool or t is int or t is str:
        return Literal(x)
    if t is list:
        return [_to_rdf(i) for i in x]
    return x


def _plain(x: Any) -> str | None:
    """The text of a simple literal (no datatype, no language), else None."""
    if type(x) is str:
        return x
    if is_literal(x) and x.datatype is None and x.language is None:
        return str(x)
    return None


def _integer(x: Any) -> int | None:
    """The value of an xsd:integer literal that is well typed, else None."""
    if type(x) is int:
        return x
    if is_literal(x) and _same_iri(x.datatype, _XSD_INTEGER) and not x.ill_typed and type(x.value) is int:
        return x.value
    return None


def _ebv(x: Any) -> bool | SPARQLError:
    """rdflib's EBV, with an error returned instead of raised."""
    t = type(x)
    if t is bool:
        return x
    if t is int:
        return x != 0
    if t is str:
        return len(x) > 0
    try:
        return ops.EBV(x)
    except SPARQLError as e:
        return e


class _Stand:
    """Stands in for an rdflib ``Expr`` whose attributes are already evaluated."""

    __slots__ = ("_values",)

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        return self._values.get(name)  # a CompValue answers None for a missing attribute


# Operator functions whose rdflib implementation reads only the expression's attributes
# (never the query context): safe to call with a _Stand.
_SAFE_FUNCTIONS = frozenset(
    getattr(ops, name)
    for name in (
        "Builtin_STR", "Builtin_STRLEN", "Builtin_CONCAT", "Builtin_STRENDS", "Builtin_STRSTARTS",
        "Builtin_CONTAINS", "Builtin_isIRI", "Builtin_isBLANK", "Builtin_isLITERAL", "Builtin_isNUMERIC",
        "Builtin_DATATYPE", "Builtin_LANG", "Builtin_LCASE", "Builtin_UCASE", "Builtin_REGEX",
        "Builtin_sameTerm", "RelationalExpression", "AdditiveExpression", "MultiplicativeExpression",
        "ConditionalAndExpression", "ConditionalOrExpression", "UnaryNot", "UnaryMinus", "UnaryPlus",
        "Function",
    )
)  # fmt: skip
_CASTS = frozenset((XSD.string, XSD.dateTime, XSD.float, XSD.double, XSD.decimal, XSD.integer, XSD.boolean))


def _dynamic(value: Any) -> bool:
    """Whether an expression attribute has to be evaluated per solution."""
    if isinstance(value, (Expr, Variable)):
        return True
    return isinstance(value, list) and any(_dynamic(v) for v in value)


def _rdflib_operator(fn: Callable[[Any, Any], Any], consts: dict[str, Any]) -> Callable[[dict[str, Any]], Any]:
    """rdflib's own operator ``fn``, called with the evaluated attributes (and the constant ones)."""

    def slow(values: dict[str, Any]) -> Any:
        try:
            return fn(_Stand({**consts, **{k: _to_rdf(v) for k, v in values.items()}}), None)
        except SPARQLError as e:
            return e
        except Exception as e:  # rdflib would let this out of the query: so will pySHACL
            raise _Unsure(repr(e)) from e

    return slow


class _FilterCode:
    """Writes a FILTER expression as one Python function: a line per node of rdflib's algebra.

    A node whose operator has a fast path becomes ``r = fast(operands)``, followed by
    ``if r is _SLOW: r = rdflib_operator({...})``; any other node calls rdflib's operator
    directly. One flat function instead of a closure per node halves the calls per solution,
    which matters: SPARQL constraints on spans run once per span.
    """

    def __init__(self, variables: set[str]) -> None:
        self.variables = variables
        self.lines: list[str] = []
        self.env: dict[str, Any] = {"_SLOW": _SLOW}
        self.loaded: dict[str, str] = {}  # variable name -> local holding its value
        self.count = 0

    def fresh(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def constant(self, value: Any) -> str:
        name = self.fresh("k")
        self.env[name] = value
        return name

    def value(self, value: Any) -> str:
        """The name of a local or constant holding ``value`` once evaluated."""
        if isinstance(value, Expr):
            return self.expression(value)
        if isinstance(value, CompValue):
            raise Unsupported(f"SPARQL expression part {value.name} is not compiled")
        if isinstance(value, Variable):
            name = str(value)
            if name not in self.variables:
                raise Unsupported(f"SPARQL variable ?{value} is not bound by the triple patterns")
            local = self.loaded.get(name)
            if local is None:
                local = self.loaded[name] = self.fresh("v")
                self.lines.append(f"{local} = b[{name!r}]")
            return local
        if isinstance(value, BNode):
            raise Unsupported("blank nodes in SPARQL expressions are not compiled")
        if isinstance(value, list):
            items = [self.value(v) for v in value]
            local = self.fresh("l")
            self.lines.append(f"{local} = [{', '.join(items)}]")
            return local
        if isinstance(value, (URIRef, Literal, str)) or value is None:
            return self.constant(value)
        raise Unsupported(f"SPARQL expression value {value!r} is not compiled")

    def expression(self, node: Expr) -> str:
        fn: Callable[[Any, Any], Any] | None = getattr(node._evalfn, "__func__", None)
        if fn is None or fn not in _SAFE_FUNCTIONS:
            raise Unsupported(f"SPARQL function {node.name} is not compiled")
        if fn is ops.Function:
            custom = ops._CUSTOM_FUNCTIONS.get(node.iri)
            if node.iri not in _CASTS or custom is None or custom[0] is not ops.default_cast:
                raise Unsupported(f"SPARQL function {node.iri} is not compiled")
        raw = {k: v for k, v in node.items() if k != "_vars"}
        spec = _FAST.get(fn)
        operands = spec[0] if spec is not None and all(k in raw for k in spec[0]) else ()
        # Other attributes without variables or sub-expressions (an operator, a function
        # IRI) are read once, here, and reach rdflib as they are.
        consts = {k: v for k, v in raw.items() if k not in operands and not _dynamic(v)}
        codes = {k: self.value(v) for k, v in raw.items() if k not in consts}
        slow = self.constant(_rdflib_operator(fn, consts))
        values = "{" + ", ".join(f"{k!r}: {code}" for k, code in codes.items()) + "}"
        fast = spec[1](consts) if spec is not None and operands and len(codes) == len(operands) else None
        result = self.fresh("r")
        if fast is None:  # no fast path for this operator or these attributes: rdflib decides
            self.lines.append(f"{result} = {slow}({values})")
        else:
            arguments = ", ".join(codes[k] for k in operands)
            self.lines.append(f"{result} = {self.constant(fast)}({arguments})")
            self.lines.append(f"if {result} is _SLOW:")
            self.lines.append(f"    {result} = {slow}({values})")
        return result


def _compile_filter(expression: Any, variables: set[str]) -> Evaluator:
    """The FILTER ``expression`` as a function of the bindings (variable name -> value)."""
    code = _FilterCode(variables)
    top = code.value(expression)
    source = "def evaluate(b):\n" + "".join(f"    {line}\n" for line in code.lines) + f"    return {top}\n"
    exec(compile(source, "<SPARQL filter>", "exec"), code.env)  # source written above, from the algebra
    evaluate: Evaluator = code.env["evaluate"]
    return evaluate


_SLOW = object()  # a fast path's answer "not my case: ask rdflib"

# Each fast path below decides only cases where its answer is certainly rdflib's answer
# (same operator code path, reasoned from rdflib 7's operators.py and term.py), and says
# _SLOW otherwise. The differential tests compare both on every test graph.


def _relational(consts: dict[str, Any]) -> Callable[[Any, Any], Any] | None:
    op = consts.get("op")
    if not isinstance(op, str):
        return None
    compare = {
        "=": lambda a, b: a == b,
        "!=": lambda a, b: a != b,
        "<": lambda a, b: a < b,
        ">": lambda a, b: a > b,
        "<=": lambda a, b: a <= b,
        ">=": lambda a, b: a >= b,
    }.get(op)
    if compare is None:
        return None
    equality = op in ("=", "!=")

    def fast(left: Any, right: Any) -> Any:
        a, b = _integer(left), _integer(right)
        if a is None or b is None:
            a, b = _plain(left), _plain(right)  # type: ignore[assignment]
            if a is None or b is None:
                if equality and type(left) is URIRef and type(right) is URIRef:
                    same = _streq(left, right)
                    return same if op == "=" else not same
                return _SLOW
        return compare(a, b)

    return fast


def _additive(consts: dict[str, Any]) -> Callable[[Any, Any], Any] | None:
    signs = consts.get("op")
    if not isinstance(signs, list) or any(sign not in ("+", "-") for sign in signs):
        return None

    def fast(first: Any, others: Any) -> Any:
        total = _integer(first)
        if total is None or len(others) != len(signs):
            return _SLOW
        for sign, term in zip(signs, others, strict=True):
            n = _integer(term)
            if n is None:
                return _SLOW
            total = total + n if sign == "+" else total - n
        return total

    return fast


def _cast(consts: dict[str, Any]) -> Callable[[Any], Any] | None:
    if not _same_iri(consts.get("iri"), _XSD_INTEGER):
        return None

    def fast(args: Any) -> Any:
        if not isinstance(args, list) or len(args) != 1:
            return _SLOW
        x = _to_rdf(args[0])
        if not is_literal(x):
            return _ERROR
        if x.datatype and x.datatype not in ops.XSD_DTs:
            return _ERROR
        if _same_iri(x.datatype, _XSD_DATETIME):
            return _ERROR
        try:
            return int(x)  # rdflib: Literal(int(x), datatype=XSD.integer)
        except Exception:
            return _ERROR

    return fast


def _string_arg(x: Any) -> tuple[str, str | None] | None:
    """(text, language) of what rdflib's ``string()`` accepts, else None (an error)."""
    if type(x) is str:
        return x, None
    if is_literal(x) and (x.datatype is None or _same_iri(x.datatype, _XSD_STRING)):
        return str(x), x.language
    return None


def _strlen(x: Any) -> Any:
    s = _string_arg(x)
    return _ERROR if s is None else len(s[0])


def _str(x: Any) -> Any:
    if type(x) is str:
        return x
    if isinstance(x, SPARQLError):
        return _ERROR
    if isinstance(x, (URIRef, Literal, BNode)):
        return str(x)
    return _SLOW


def _concat(parts: Any) -> Any:
    texts = []
    for x in parts:
        text = _plain(x)
        if text is None:
            return _SLOW
        texts.append(text)
    return "".join(texts)


def _affix(method: str) -> Callable[[Any, Any], Any]:
    def fast(x: Any, y: Any) -> Any:
        a, b = _plain(x), _plain(y)
        if a is None or b is None:
            return _SLOW
        return getattr(a, method)(b)

    return fast


def _is(kind: type) -> Callable[[Any], Any]:
    def fast(x: Any) -> Any:
        if type(x) in (bool, int, str):
            return kind is Literal  # a value made here stands for a literal
        return isinstance(x, kind)

    return fast


def _datatype(x: Any) -> Any:
    t = type(x)
    if t is str:
        return _XSD_STRING
    if t is int:
        return _XSD_INTEGER
    if t is bool:
        return _XSD_BOOLEAN
    if not is_literal(x):
        return _ERROR
    if x.language:
        return _RDF_LANGSTRING
    return x.datatype or _XSD_STRING


def _not(x: Any) -> Any:
    b = _ebv(x)
    return b if isinstance(b, SPARQLError) else not b


def _and(first: Any, others: Any) -> Any:
    for x in [first, *others]:  # all(EBV(x) ...): stops at the first false or error
        b = _ebv(x)
        if isinstance(b, SPARQLError):
            return b
        if not b:
            return False
    return True


def _or(first: Any, others: Any) -> Any:
    error = None
    for x in [first, *others]:
        b = _ebv(x)
        if isinstance(b, SPARQLError):
            error = b
        elif b:
            return True
    return error if error is not None else False


def _always(f: Callable[..., Any]) -> Callable[[dict[str, Any]], Callable[..., Any]]:
    return lambda consts: f


# operator -> (its evaluated attributes, in order; a builder of the fast path from the
# constant attributes, None if the fast path does not cover them)
_FAST: dict[Any, tuple[tuple[str, ...], Callable[[dict[str, Any]], Callable[..., Any] | None]]] = {
    ops.RelationalExpression: (("expr", "other"), _relational),
    ops.AdditiveExpression: (("expr", "other"), _additive),
    ops.Function: (("expr",), _cast),
    ops.Builtin_STRLEN: (("arg",), _always(_strlen)),
    ops.Builtin_STR: (("arg",), _always(_str)),
    ops.Builtin_CONCAT: (("arg",), _always(_concat)),
    ops.Builtin_STRENDS: (("arg1", "arg2"), _always(_affix("endswith"))),
    ops.Builtin_STRSTARTS: (("arg1", "arg2"), _always(_affix("startswith"))),
    ops.Builtin_CONTAINS: (("arg1", "arg2"), _always(_affix("__contains__"))),
    ops.Builtin_isIRI: (("arg",), _always(_is(URIRef))),
    ops.Builtin_isBLANK: (("arg",), _always(_is(BNode))),
    ops.Builtin_isLITERAL: (("arg",), _always(_is(Literal))),
    ops.Builtin_DATATYPE: (("arg",), _always(_datatype)),
    ops.UnaryNot: (("expr",), _always(_not)),
    ops.ConditionalAndExpression: (("expr", "other"), _always(_and)),
    ops.ConditionalOrExpression: (("expr", "other"), _always(_or)),
}


# ----------------------------------------------------------------------------- the query


class _Select:
    """The parts of ``SELECT ?vars WHERE { triple patterns FILTER(...)* }``."""

    def __init__(self, projected: list[Variable], triples: list[tuple[Any, Any, Any]], filters: list[Any]) -> None:
        self.projected = projected
        self.triples = triples
        self.filters = filters


def _simple_select(query: Query) -> _Select | None:
    """The query's parts if it has the simple shape, else None."""
    main = query.algebra
    if main.name != "SelectQuery" or main.datasetClause:
        return None
    node = main.p
    if node.name in ("Distinct", "Reduced"):  # pySHACL drops duplicate rows anyway
        node = node.p
    if node.name != "Project":
        return None
    projected = list(node.PV)
    node = node.p
    filters = []
    while node.name == "Filter":
        filters.append(node.expr)
        node = node.p
    if node.name != "BGP":
        return None
    triples = list(node.triples)
    if not any(_THIS in (s, o) for s, _p, o in triples):
        return None
    return _Select(projected, triples, filters)


def compile_select(query: Query) -> Callable[[DataView, Node], list[Row]] | None:
    """A function giving the rows of ``query`` with ``$this`` bound, or None if not compiled.

    Args:
        query: the prepared query.

    Returns:
        ``rows(data, focus)``, raising ``_Unsure`` where rdflib must decide.
    """
    parts = _simple_select(query)
    if parts is None:
        return None
    try:
        return _compile_parts(parts)
    except Unsupported:
        return None


def _compile_parts(parts: _Select) -> Callable[[DataView, Node], list[Row]]:
    variables: set[str] = set()
    for triple in parts.triples:
        s, p, o = triple
        if not isinstance(p, URIRef):
            raise Unsupported("a SPARQL triple pattern with a variable predicate")
        for term in (s, o):
            if isinstance(term, BNode):
                raise Unsupported("blank nodes in SPARQL triple patterns")
            if isinstance(term, Variable):
                variables.add(str(term))
    filters = [_compile_filter(f, variables) for f in parts.filters]
    # Join order: each pattern is taken when a term of it is known, the most bound first.
    # Whether a term is known at a step is fixed by the order, so each step has one mode.
    steps: list[tuple[str, Any, URIRef, Any]] = []
    known = {"this"}
    todo = list(parts.triples)

    def is_known(term: Any) -> bool:
        return not isinstance(term, Variable) or str(term) in known

    while todo:
        todo.sort(key=lambda t: (not is_known(t[0]), not is_known(t[2])))
        s, p, o = todo.pop(0)
        s_known, o_known = is_known(s), is_known(o)
        mode = "check" if s_known and o_known else "objects" if s_known else "subjects" if o_known else "scan"
        if mode == "scan" and s == o:
            raise Unsupported("a SPARQL triple pattern with one new variable twice")
        s_term = str(s) if isinstance(s, Variable) else s
        o_term = str(o) if isinstance(o, Variable) else o
        steps.append((mode, (isinstance(s, Variable), s_term), p, (isinstance(o, Variable), o_term)))
        known.update(str(t) for t in (s, o) if isinstance(t, Variable))
    projected = [str(v) for v in parts.projected]
    last = len(steps)

    memo_key = ("predicates", id(steps))

    def join(i: int, b: dict[str, Node], spo: Any, pos: Any, preds: list[Node], out: list[Row]) -> None:
        # One bindings dict for the whole search: a step only reads variables bound on the way
        # to it, and every path overwrites them before reading, so nothing needs undoing.
        if i == last:
            for f in filters:
                value = _ebv(f(b))
                if isinstance(value, SPARQLError) or not value:  # an error filters out
                    return
            out.append({name: b[name] for name in projected if name in b})
            return
        mode, (s_var, s), _p, (o_var, o) = steps[i]
        p = preds[i]
        if mode == "check":
            s_val = b[s] if s_var else s
            o_val = b[o] if o_var else o
            if o_val in spo.get(s_val, EMPTY).get(p, EMPTY):
                join(i + 1, b, spo, pos, preds, out)
        elif mode == "objects":
            for obj in list(spo.get(b[s] if s_var else s, EMPTY).get(p, EMPTY)):
                b[o] = obj
                join(i + 1, b, spo, pos, preds, out)
        elif mode == "subjects":
            for subj in list(pos.get(p, EMPTY).get(b[o] if o_var else o, EMPTY)):
                b[s] = subj
                join(i + 1, b, spo, pos, preds, out)
        else:
            for obj, subjects in list(pos.get(p, EMPTY).items()):
                for subj in list(subjects):
                    b[s] = subj
                    b[o] = obj
                    join(i + 1, b, spo, pos, preds, out)

    def rows(data: DataView, focus: Node) -> list[Row]:
        # the data's own predicate objects, once per validation (fewer URIRef.__eq__ calls)
        preds = data.memo.get(memo_key)
        if preds is None:
            preds = data.memo[memo_key] = [data.canonical(p) for _m, _s, p, _o in steps]
        out: list[Row] = []
        join(0, {"this": focus}, data.spo, data.pos, preds, out)
        return out

    star = [o for mode, (s_var, s), _p, (o_var, o) in steps if mode == "objects" and s_var and s == "this" and o_var]
    if len(star) == len(steps) and len(set(star)) == len(star):
        # The usual shape, "$this p ?a ; q ?b": each solution is one value per predicate.

        def star_rows(data: DataView, focus: Node) -> list[Row]:
            preds = data.memo.get(memo_key)
            if preds is None:
                preds = data.memo[memo_key] = [data.canonical(p) for _m, _s, p, _o in steps]
            po = data.spo.get(focus, EMPTY)
            values = [po.get(p, EMPTY) for p in preds]
            if not all(values):
                return []
            out: list[Row] = []
            for combination in product(*values):
                b = dict(zip(star, combination, strict=True))
                b["this"] = focus
                for f in filters:
                    value = _ebv(f(b))
                    if isinstance(value, SPARQLError) or not value:  # an error filters out
                        break
                else:
                    out.append({name: b[name] for name in projected if name in b})
            return out

        return star_rows
    return rows


def _rdflib_rows(graph: Graph, query: Query, bindings: Mapping[str, Any] | None) -> list[Row]:
    try:
        result = graph.query(query, initBindings=bindings)
        # As pySHACL reads it: an error while evaluating comes out of the truth test here
        # (iterating alone can hide it: list() swallows a TypeError from len()).
        if not result or len(result.bindings) < 1:
            return []
        return [dict(row.asdict()) for row in result]  # type: ignore[union-attr]
    except Exception as e:  # the same error would come out of pySHACL
        raise NeedsPyshacl(f"SPARQL query failed: {e!r}") from e


# ------------------------------------------------------------------------- the constraint


def _format(msg: str, bound: Mapping[str, Any]) -> str:
    # pySHACL's ConstraintComponent._format_sparql_based_result_message
    for var, val in bound.items():
        msg = re.sub(f"{{[?$]{var}}}", str(val), msg)
    return msg


class _Query:
    """One ``sh:sparql`` value of a shape: its node, messages, prepared query and tiers."""

    def __init__(self, sg: Graph, shape: Shape, node: Node) -> None:
        self.node = node
        selects = list(sg.objects(node, SH.select))
        if len(selects) != 1 or not (isinstance(selects[0], Literal) and isinstance(selects[0].value, str)):
            raise Unsupported(f"{node}: sh:select must be one string")
        messages = set(sg.objects(node, SH.message))
        if any(not (isinstance(m, Literal) and isinstance(m.value, str)) for m in messages):
            raise Unsupported(f"{node}: sh:message of a SPARQL constraint must be a string")
        self.messages: tuple[Literal, ...] = tuple(m for m in messages if isinstance(m, Literal))
        deactivated = list(sg.objects(node, SH.deactivated))
        self.deactivated = False
        if deactivated:
            d = deactivated[0]
            if len(deactivated) > 1 or not (isinstance(d, Literal) and isinstance(d.value, bool)):
                raise Unsupported(f"{node}: sh:deactivated must be one boolean")
            self.deactivated = bool(d.value)
        text = str(selects[0].value)
        try:
            helper = SPARQLQueryHelper(None, node, text)
            helper.shape = SimpleNamespace(sg=SimpleNamespace(graph=sg))
            helper.collect_prefixes()
            helper.check_invalid_sparql(text)
        except Exception as e:  # pySHACL refuses this query: let it say so
            raise Unsupported(f"{node}: {e!r}") from e
        if helper.bind_path_regex.search(text) or helper.bind_sg_regex.search(text):
            raise Unsupported(f"{node}: $PATH and $shapesGraph are not compiled")
        self.binds_this = bool(helper.bind_this_regex.search(text))
        self.current_shape = shape.node if helper.bind_cs_regex.search(text) else None
        try:
            self.query = prepareQuery(helper.apply_prefixes(text))
        except Exception as e:
            raise Unsupported(f"{node}: SPARQL does not parse: {e}") from e
        simple = self.binds_this and self.current_shape is None
        self.compiled = compile_select(self.query) if simple else None
        self.grouped = simple and _simple_select(self.query) is not None

    def rows(self, data: DataView, focus: Node, memo: dict[Any, Any]) -> list[Row]:
        """The query's rows for ``focus``, as pySHACL's pre-bound run would give them."""
        if self.compiled is not None:
            try:
                return self.compiled(data, focus)
            except _Unsure:
                return self._rdflib_one(data, focus)
        if self.grouped:
            key = ("grouped", id(self))
            groups = memo.get(key)
            if groups is None:
                groups = {}
                for row in _rdflib_rows(data.rdflib_graph, self.query, None):
                    groups.setdefault(row.get("this"), []).append(row)
                memo[key] = groups
            return [dict(r) for r in groups.get(focus, ())]
        if getattr(data.graph, "context_aware", False):
            raise NeedsPyshacl("a SPARQL constraint of general form on a dataset")
        if not self.binds_this:
            key = ("unbound", id(self))
            if key not in memo:
                memo[key] = _rdflib_rows(data.rdflib_graph, self.query, self._bindings(None))
            return [dict(r) for r in memo[key]]
        return self._rdflib_one(data, focus)

    def _bindings(self, focus: Node | None) -> dict[str, Node]:
        bindings: dict[str, Node] = {}
        if focus is not None:
            bindings["this"] = focus
        if self.current_shape is not None:
            bindings["currentShape"] = self.current_shape
        return bindings

    def _rdflib_one(self, data: DataView, focus: Node) -> list[Row]:
        return _rdflib_rows(data.rdflib_graph, self.query, self._bindings(focus))


class SparqlConstraint(Constraint):
    """``sh:sparql``: the shape's SPARQL-based constraints."""

    component = SH.SPARQLConstraintComponent

    def __init__(self, sg: Graph, shape: Shape, nodes: Iterable[Node]) -> None:
        super().__init__(shape)
        self.queries = [_Query(sg, shape, n) for n in set(nodes)]

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        memo = data.memo
        for q in self.queries:
            if q.deactivated:
                continue
            for f, _values in fv:
                for violation in _violations(q.rows(data, f, memo)):
                    ok = False
                    out.append(self._result(q, f, violation))
        return ok

    def _result(self, q: _Query, focus: Node, violation: tuple[Any, ...]) -> Result:
        shape = self.shape
        result_val = None if shape.is_property else focus
        path: Node | None = None
        value: Node | None
        if violation[0] is True:  # a ?failure row
            bound: dict[str, Any] = dict(violation[1])
            value = result_val
        else:
            t, p, v, extra = violation
            value = v if v is not None else result_val
            focus = t or focus
            path = p
            bound = dict(extra)
            for name, val in (("this", t), ("path", p), ("value", value)):
                if val is not None:
                    bound[name] = val
        messages: list[Node] = []
        shape_messages = list(shape.messages)
        for m in q.messages:  # the constraint's own messages first, then the shape's
            if m not in shape_messages:
                messages.append(Literal(_format(str(m.value), bound)))
        for sm in shape_messages:  # pySHACL formats literals and copies anything else
            messages.append(Literal(_format(str(sm.value), bound)) if isinstance(sm, Literal) else sm)
        return Result(
            shape,
            self.component,
            focus,
            value,
            path=path,
            source_constraint=q.node,
            fixed_messages=tuple(messages),
        )

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        return []


def _violations(rows: list[Row]) -> list[tuple[Any, ...]]:
    # pySHACL's SPARQLBasedConstraint._validate_sparql_query
    violations: list[tuple[Any, ...]] = []
    failed = False
    for var_dict in rows:
        f = var_dict.pop("failure", None)
        if f is not None:
            if failed:
                continue
            violations.append((True, var_dict))
            failed = True
        else:
            p = var_dict.pop("path", None)
            v = var_dict.pop("value", None)
            t = var_dict.pop("this", None)
            if p is not None or v is not None or t is not None:
                entry = (t, p, v, var_dict)
                if entry in violations:
                    continue
                violations.append(entry)
    return violations
