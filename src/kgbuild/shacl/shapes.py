"""Shapes as pySHACL finds them, compiled into plain objects with one closure per constraint.

:func:`compile_shapes` reads a shapes graph once and returns :class:`CompiledShapes`; nothing
of the shapes graph is read again while validating. Which nodes are shapes, which predicates
are constraint parameters, and how each constraint judges a value follow pySHACL 0.40
(``shapes_graph.py``, ``shape.py`` and ``constraints/core/*``), including its choices where the
SHACL specification leaves room. Anything not compiled raises :class:`Unsupported`, and the
whole shapes graph is then validated by pySHACL: a constraint is never skipped.

How a shape is evaluated (pySHACL's ``Shape.validate`` with ``allow_warnings`` and
``allow_infos``): every constraint runs over all (focus node, value nodes) pairs and adds its
results; the shape *conforms* if it is deactivated, if its severity is ``sh:Warning`` or
``sh:Info`` (those never make a shape fail, even nested in ``sh:or``), or if every constraint
passed. A shape evaluated on a list of focus nodes gives the union of its results on each,
so property shapes run once per node shape over all its focus nodes instead of once per node.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS
from pyshacl.consts import XSD_WHOLE_INTEGERS
from pyshacl.rdfutil.compare import compare_literal
from rdflib import OWL, RDF, RDFS, SH, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import _NUMERIC_LITERAL_TYPES, Identifier, Node

from kgbuild.shacl.data import EMPTY, DataView, is_bnode, is_iri, is_literal
from kgbuild.shacl.errors import NeedsPyshacl, Unsupported
from kgbuild.shacl.paths import Path, compile_path
from kgbuild.shacl.results import MessageContext, Result

__all__ = ["CompiledShapes", "Shape", "compile_shapes"]

# (focus node, its value nodes) for every focus node a constraint is checked on
FocusValues = Sequence[tuple[Node, Collection[Node]]]

_RDF_TYPE = RDF.type
_ALLOWED = frozenset((SH.Info, SH.Warning))  # severities that never make a shape fail
_RDF_LANGSTRING, _XSD_STRING = RDF.langString, XSD.string
_streq = str.__eq__  # compares IRIs in C; URIRef.__eq__ is Python code
# Datatypes whose literals rdflib orders by their int value (a subset of its numeric types)
_INTEGER_TYPES = frozenset(
    t
    for t in (
        XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.nonPositiveInteger, XSD.negativeInteger,
        XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong, XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte,
    )
    if t in _NUMERIC_LITERAL_TYPES
)  # fmt: skip


def _same_iri(a: Any, b: URIRef) -> bool:
    """``a == b`` for an IRI ``b`` as URIRef.__eq__ decides it, in C."""
    return type(a) is type(b) and _streq(a, b)


def _int_value(v: Node) -> int | None:
    """The int value of a well-typed integer literal, else None."""
    if is_literal(v) and type(v.value) is int and not v.ill_typed and v.datatype in _INTEGER_TYPES:
        return v.value
    return None


_MAX_DEPTH = 10  # pySHACL stops at 15 nested shapes with an error; deeper graphs go to it
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)

# Parameters handled here; any other pySHACL constraint parameter on a shape -> Unsupported.
_SUPPORTED = frozenset(
    (
        SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount,
        SH.minExclusive, SH.minInclusive, SH.maxExclusive, SH.maxInclusive,
        SH["not"], SH["and"], SH["or"], SH.xone, SH.minLength, SH.maxLength, SH.pattern,
        SH.languageIn, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals,
        SH.node, SH.property, SH.hasValue, SH["in"], SH.sparql,
    )
)  # fmt: skip
_PARAMETERS = frozenset(ALL_CONSTRAINT_PARAMETERS)
# SHACL-AF and extension terms that pySHACL would read in other modes; not compiled.
_UNCOMPILED_TERMS = tuple(
    URIRef(str(SH) + name)
    for name in ("rule", "target", "expression", "js", "jsFunctionName", "ask", "values", "condition")
)


class Shape:
    """A compiled node or property shape.

    Attributes:
        node: the shape's node in the shapes graph (``sh:sourceShape`` of its results).
        path: the compiled ``sh:path`` of a property shape, ``None`` for a node shape.
        severity: ``sh:severity`` (``sh:Violation`` by default).
        messages: the ``sh:message`` values.
        deactivated: ``sh:deactivated`` (pySHACL's reading: ``bool(value)``).
        constraints: the compiled constraints, in the shapes graph's order.
        focus: the shape's own targets as a function of the data, or ``None`` without targets.
    """

    __slots__ = ("node", "path", "severity", "messages", "deactivated", "constraints", "focus", "fails_never")

    def __init__(self, node: Node, path: Path | None) -> None:
        self.node = node
        self.path = path
        self.severity: Node = SH.Violation
        self.messages: tuple[Node, ...] = ()  # literals, or anything pySHACL would copy as is
        self.deactivated = False
        self.constraints: list[Constraint] = []
        self.focus: Callable[[DataView], set[Node]] | None = None
        self.fails_never = False  # deactivated or Warning/Info: conforms whatever the data

    @property
    def is_property(self) -> bool:
        return self.path is not None

    def run(self, focus: Sequence[Node], data: DataView, out: list[Result]) -> bool:
        """Check ``focus`` nodes against this shape, adding results to ``out``.

        Returns:
            Whether the shape conforms (pySHACL's conformance, see the module docstring).
        """
        if self.deactivated or not focus:
            return True
        path = self.path
        fv: FocusValues
        if path is None:
            fv = [(f, (f,)) for f in focus]
        else:
            fv = path.batch(data, focus)
        ok = True
        for c in self.constraints:
            if not c.check(fv, data, out):
                ok = False
        return ok or self.fails_never

    def conforms(self, node: Node, data: DataView) -> bool:
        """Whether ``node`` conforms to this shape (results are discarded).

        Every constraint runs even when the answer is known (a Warning shape always conforms):
        pySHACL runs them all, and some raise on some data.
        """
        # run() for one node, inlined: sh:or and friends call this for every value node
        if self.deactivated:
            return True
        fv = [(node, (node,))] if self.path is None else self.path.batch(data, (node,))
        scratch: list[Result] = []
        ok = True
        for c in self.constraints:
            if not c.check(fv, data, scratch):
                ok = False
        return ok or self.fails_never

    def __repr__(self) -> str:
        return f"<Shape {self.node}>"


class Constraint:
    """A compiled constraint component of one shape."""

    component: URIRef = SH.ConstraintComponent

    def __init__(self, shape: Shape) -> None:
        self.shape = shape

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        """Check every (focus, values) pair; add results to ``out``; return True if none failed."""
        raise NotImplementedError

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        """pySHACL's default message for a shape without ``sh:message``."""
        return []

    def result(self, focus: Node, value: Node | None = None, **kwargs: Any) -> Result:
        return Result(self.shape, self.component, focus, value, generic=self.generic, **kwargs)


# ---------------------------------------------------------------------------- value type


class ClassConstraint(Constraint):
    """``sh:class``: rdf:type in the data, following ``rdfs:subClassOf`` in the data only."""

    component = SH.ClassConstraintComponent

    def __init__(self, shape: Shape, classes: list[Node]) -> None:
        super().__init__(shape)
        self.classes = classes

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        spo = data.spo
        rdf_type = data.canonical(_RDF_TYPE)
        closure = data.has_subclass_axioms()
        for rule in self.classes:
            c = data.canonical(rule)
            for f, values in fv:
                for v in values:
                    if is_literal(v):
                        found = False
                    else:
                        types = spo.get(v, EMPTY).get(rdf_type, EMPTY)
                        found = c in types
                        if not found and closure and types:
                            found = any(c in data.superclasses(t) for t in types)
                    if not found:
                        ok = False
                        out.append(self.result(f, v))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        if len(self.classes) < 2:
            return [Literal(f"Value does not have class {ctx.shape_node(self.classes[0])}")]
        rules = ", ".join(ctx.shape_node(c) for c in self.classes)
        return [Literal(f"Value class is not in classes ({rules})")]


def _value_check(rule: Node) -> Callable[[Any], bool]:
    """pySHACL's ``_assert_actual_datatype``: the Python type a literal's value must have."""
    from datetime import date, datetime, time

    kinds: dict[Node, type | tuple[type, ...]] = {
        XSD.string: (str, bytes),
        RDF.langString: (str, bytes),
        XSD.integer: int,
        XSD.float: float,
        XSD.decimal: Decimal,
        XSD.boolean: bool,
        XSD.date: date,
        XSD.time: time,
        XSD.dateTime: datetime,
    }
    kind = kinds.get(rule)
    if kind is None:
        return lambda value: True  # other datatypes are not checked beyond the IRI
    return lambda value: isinstance(value, kind)


class DatatypeConstraint(Constraint):
    """``sh:datatype``, with pySHACL's ill-typed check (``Literal.ill_typed``) and value check."""

    component = SH.DatatypeConstraintComponent

    def __init__(self, shape: Shape, rule: Node) -> None:
        super().__init__(shape)
        self.rule = rule
        self.rule_type = type(rule)
        self.any_literal = rule == RDFS.Literal
        self.any_typed = rule == RDFS.Datatype
        self.string = rule == XSD.string
        self.lang_string = rule == RDF.langString
        self.check_value = _value_check(rule)

    def matches(self, v: Node) -> bool:
        if not is_literal(v):
            return False
        rule = self.rule
        datatype = v.datatype
        # datatype == rule, as URIRef.__eq__ has it (same type, same text), in C
        if datatype is not None and type(datatype) is self.rule_type and _streq(datatype, rule):
            if getattr(v, "ill_typed", None) is True:
                return False
            return self.check_value(v.value)
        if self.any_literal:
            return True
        if self.any_typed and datatype:
            return True
        if datatype is None and v.language is None and self.string:
            return self.check_value(v.value)
        if self.lang_string and v.language:
            return self.check_value(v.value)
        return False

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        matches = self.matches
        for f, values in fv:
            for v in values:
                if not matches(v):
                    ok = False
                    out.append(self.result(f, v))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        return [Literal(f"Value is not Literal with datatype {ctx.shape_node(self.rule)}")]


_KINDS_OF_IRI = (SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI)
_KINDS_OF_BNODE = (SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI)
_KINDS_OF_LITERAL = (SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral)


class NodeKindConstraint(Constraint):
    """``sh:nodeKind``."""

    component = SH.NodeKindConstraintComponent

    def __init__(self, shape: Shape, rule: Node) -> None:
        super().__init__(shape)
        self.rule = rule
        self.iri_ok = rule in _KINDS_OF_IRI
        self.bnode_ok = rule in _KINDS_OF_BNODE
        self.literal_ok = rule in _KINDS_OF_LITERAL

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        for f, values in fv:
            for v in values:
                if is_bnode(v):
                    match = self.bnode_ok
                elif is_literal(v):
                    match = self.literal_ok
                elif type(v) is URIRef or isinstance(v, Identifier):
                    match = self.iri_ok
                else:  # pragma: no cover - rdflib terms are all Identifiers
                    match = False
                if not match:
                    ok = False
                    out.append(self.result(f, v))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        return [Literal(f"Value is not of Node Kind {ctx.shape_node(self.rule)}")]


# ---------------------------------------------------------------------------- cardinality


class CountConstraint(Constraint):
    """``sh:minCount`` / ``sh:maxCount`` (one of each per shape, property shapes only)."""

    def __init__(self, shape: Shape, literal: Literal, *, minimum: bool) -> None:
        super().__init__(shape)
        self.literal = literal
        self.count = int(literal.value)
        self.minimum = minimum
        self.component = SH.MinCountConstraintComponent if minimum else SH.MaxCountConstraintComponent

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        n = self.count
        if self.minimum:
            if n == 0:
                return True
            for f, values in fv:
                if len(values) < n:
                    ok = False
                    out.append(self.result(f))
        else:
            for f, values in fv:
                if len(values) > n:
                    ok = False
                    out.append(self.result(f))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        word = "Less" if self.minimum else "More"
        assert self.shape.path is not None
        path = ctx.shape_node(self.shape.path.node)
        focus_text = ctx.data_node(focus, or_id=self.minimum)  # pySHACL catches it for minCount only
        return [Literal(f"{word} than {self.literal.value} values on {focus_text}->{path}")]


# ---------------------------------------------------------------------------- value range

_RANGE = {
    SH.minExclusive: (SH.MinExclusiveConstraintComponent, lambda c: c > 0, "Value is not >"),
    SH.minInclusive: (SH.MinInclusiveConstraintComponent, lambda c: c >= 0, "Value is not >="),
    SH.maxExclusive: (SH.MaxExclusiveConstraintComponent, lambda c: c < 0, "Value is not <"),
    SH.maxInclusive: (SH.MaxInclusiveConstraintComponent, lambda c: c <= 0, "Value is not <="),
}


class RangeConstraint(Constraint):
    """``sh:minInclusive`` and friends, with pySHACL's ``compare_literal``."""

    def __init__(self, shape: Shape, parameter: URIRef, bounds: list[Literal]) -> None:
        super().__init__(shape)
        self.component, self.test, self.text = _RANGE[parameter]
        self.bounds = bounds

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        test = self.test
        for bound in self.bounds:
            bound_is_string = isinstance(bound.value, str)
            bound_int = _int_value(bound)
            for f, values in fv:
                for v in values:
                    flag = False
                    if bound_int is not None and (n := _int_value(v)) is not None:
                        # compare_literal of two integers is the sign of their difference
                        flag = test((n > bound_int) - (n < bound_int))
                    elif is_literal(v):
                        if isinstance(v.value, str) == bound_is_string:
                            try:
                                flag = test(compare_literal(v, bound))
                            except (TypeError, NotImplementedError):
                                flag = False
                            except Exception as e:  # pySHACL would raise it: let it
                                raise NeedsPyshacl(f"comparing {v!r} with {bound!r}: {e!r}") from e
                    elif not isinstance(v, (URIRef, BNode)):  # pragma: no cover
                        raise NeedsPyshacl(f"cannot compare {v!r}")
                    if not flag:
                        ok = False
                        out.append(self.result(f, v))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        if len(self.bounds) < 2:
            return [Literal(f"{self.text} {ctx.shape_node(self.bounds[0])}")]
        rules = ", ".join(ctx.shape_node(c) for c in self.bounds)
        return [Literal(f"{self.text} in ({rules})")]


# ---------------------------------------------------------------------------- strings


def _as_string(v: Node) -> str:
    # pySHACL's StringBasedConstraintBase.value_node_to_string
    if is_literal(v):
        dt = v.datatype
        if v.value is not None and (dt is None or _same_iri(dt, _RDF_LANGSTRING) or _same_iri(dt, _XSD_STRING)):
            return str(v.value)
        return str(v)
    return str(v)


class LengthConstraint(Constraint):
    """``sh:minLength`` / ``sh:maxLength`` (one each per shape)."""

    def __init__(self, shape: Shape, literal: Literal, *, minimum: bool) -> None:
        super().__init__(shape)
        self.literal = literal
        self.length = literal.value
        self.minimum = minimum
        self.component = SH.MinLengthConstraintComponent if minimum else SH.MaxLengthConstraintComponent

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        n = self.length
        minimum = self.minimum
        for f, values in fv:
            for v in values:
                if minimum and n == 0:
                    continue
                if is_bnode(v):
                    flag = False
                else:
                    size = len(_as_string(v))
                    flag = size >= n if minimum else size <= n
                if not flag:
                    ok = False
                    out.append(self.result(f, v))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        op = ">=" if self.minimum else "<="
        return [Literal(f"String length not {op} {ctx.data_node(self.literal)}")]


class PatternConstraint(Constraint):
    """``sh:pattern`` with ``sh:flags`` (only ``i`` and ``m`` are read, as pySHACL does)."""

    component = SH.PatternConstraintComponent

    def __init__(self, shape: Shape, patterns: list[Literal], flags: Literal | None) -> None:
        super().__init__(shape)
        self.patterns = patterns
        re_flags = 0
        if flags:
            text = str(flags.value).lower()
            if "i" in text:
                re_flags |= re.I
            if "m" in text:
                re_flags |= re.M
        self.compiled = []
        for p in patterns:
            source = str(p.value) if p.value is not None and len(p.value) > 1 else str(p)
            try:
                self.compiled.append(re.compile(source, re_flags))
            except re.error as e:
                raise Unsupported(f"sh:pattern {source!r}: {e}") from e

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        for matcher in self.compiled:
            search = matcher.search  # pySHACL tries match() then search(): search() decides
            for f, values in fv:
                for v in values:
                    if is_bnode(v) or not search(_as_string(v)):
                        ok = False
                        out.append(self.result(f, v))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        if len(self.patterns) < 2:
            return [Literal(f"Value does not match pattern '{self.patterns[0].value}'")]
        rules = "', '".join(str(c.value) for c in self.patterns)
        return [Literal(f"Value does not match every pattern in ('{rules}')")]


class LanguageInConstraint(Constraint):
    """``sh:languageIn``."""

    component = SH.LanguageInConstraintComponent

    def __init__(self, shape: Shape, list_node: Node, languages: set[str]) -> None:
        super().__init__(shape)
        self.list_node = list_node
        self.languages = languages
        self.wildcard = "*" in languages

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        need = self.languages
        for f, values in fv:
            for v in values:
                flag = False
                if is_literal(v) and v.language:
                    lang = str(v.language).lower()
                    flag = self.wildcard or lang in need or lang.split("-")[0] in need
                if not flag:
                    ok = False
                    out.append(self.result(f, v))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        return [Literal(f"String language is not in {ctx.shape_node(self.list_node)}")]


class UniqueLangConstraint(Constraint):
    """``sh:uniqueLang true``: one result per language tag used twice (no value)."""

    component = SH.UniqueLangConstraintComponent

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        for f, values in fv:
            seen: set[str] = set()
            duplicates: set[str] = set()
            for v in values:
                if is_literal(v) and v.language:
                    low = str(v.language).lower()
                    if low in seen:
                        duplicates.add(low)
                    else:
                        seen.add(low)
            for _ in duplicates:
                ok = False
                out.append(self.result(f))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        return [Literal("More than one String shares the same Language")]


# ---------------------------------------------------------------------------- property pairs


class PairConstraint(Constraint):
    """``sh:equals``, ``sh:disjoint``, ``sh:lessThan``, ``sh:lessThanOrEquals``."""

    _TEXT = {SH.equals: "!=", SH.disjoint: "==", SH.lessThan: "<=", SH.lessThanOrEquals: "<"}
    _COMPONENT = {
        SH.equals: SH.EqualsConstraintComponent,
        SH.disjoint: SH.DisjointConstraintComponent,
        SH.lessThan: SH.LessThanConstraintComponent,
        SH.lessThanOrEquals: SH.LessThanOrEqualsConstraintComponent,
    }

    def __init__(self, shape: Shape, parameter: URIRef, others: list[Node]) -> None:
        super().__init__(shape)
        self.parameter = parameter
        self.others = others
        self.component = self._COMPONENT[parameter]
        self.mode = {SH.equals: "equals", SH.disjoint: "disjoint"}.get(parameter, "order")
        self.strict = parameter == SH.lessThan

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        mode = self.mode
        for other in self.others:
            p = data.canonical(other)
            for f, values in fv:
                mine = set(values)
                theirs = set(data.objects(f, p))
                if not mine and not theirs:
                    continue
                if mode == "equals":
                    bad = list(mine - theirs) + list(theirs - mine)
                elif mode == "disjoint":
                    bad = list(mine & theirs)
                else:
                    bad = self._order(mine, theirs)
                for v in bad:
                    ok = False
                    out.append(self.result(f, v))
        return ok

    def _order(self, mine: set[Node], theirs: set[Node]) -> list[Node]:
        # pySHACL's _compare_lt / _compare_ltoe: one result per failing pair
        strict = self.strict
        bad = []
        for value in mine:
            a = _int_value(value)
            if is_bnode(value):
                raise NeedsPyshacl("sh:lessThan on a blank node")
            left: Any = value
            left_is_string = False
            if is_iri(value):
                left, left_is_string = str(value), True
            elif is_literal(value) and isinstance(value.value, str):
                left, left_is_string = value.value, True
            for compare in theirs:
                b = _int_value(compare) if a is not None else None
                if b is not None:  # two integers: rdflib's Literal order is their int order
                    if not (a < b if strict else a <= b):  # type: ignore[operator]
                        bad.append(value)
                    continue
                if is_bnode(compare):
                    raise NeedsPyshacl("sh:lessThan on a blank node")
                right: Any = compare
                right_is_string = False
                if is_iri(compare):
                    right, right_is_string = str(compare), True
                elif is_literal(compare) and isinstance(compare.value, str):
                    right, right_is_string = compare.value, True
                if left_is_string != right_is_string:
                    bad.append(value)
                    continue
                try:
                    fine = left < right if strict else left <= right
                except Exception as e:  # pySHACL lets the comparison's error out
                    raise NeedsPyshacl(f"comparing {value!r} with {compare!r}: {e!r}") from e
                if not fine:
                    bad.append(value)
        return bad

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        if len(self.others) < 2:
            rules = ctx.shape_node(self.others[0])
        else:
            rules = ", ".join(ctx.shape_node(p) for p in self.others)
        text = self._TEXT[self.parameter]
        return [Literal(f"Value of {ctx.data_node(focus)}->{rules} {text} {ctx.data_node(value)}")]


# ---------------------------------------------------------------------------- other


class HasValueConstraint(Constraint):
    """``sh:hasValue``: one result (without value) per focus node that lacks the value."""

    component = SH.HasValueConstraintComponent

    def __init__(self, shape: Shape, wanted: set[Node]) -> None:
        super().__init__(shape)
        self.wanted = wanted

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        for hv in self.wanted:
            for f, values in fv:
                if not any(v == hv for v in values):
                    ok = False
                    out.append(self.result(f))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        the_set = [ctx.shape_node(s) for s in self.wanted]
        if self.shape.path is not None:
            path = ctx.shape_node(self.shape.path.node)
            return [Literal(f"Node {ctx.data_node(focus)}->{path} does not contain a value in the set: {the_set}")]
        return [Literal(f"Node {ctx.data_node(focus)} value is not a in the set of values: {the_set}")]


class InConstraint(Constraint):
    """``sh:in``."""

    component = SH.InConstraintComponent

    def __init__(self, shape: Shape, members: set[Node]) -> None:
        super().__init__(shape)
        self.members = members

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        members = self.members
        for f, values in fv:
            for v in values:
                if v not in members:
                    ok = False
                    out.append(self.result(f, v))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        listed = [ctx.shape_node(v) for v in self.members]
        return [Literal(f"Value {ctx.data_node(value)} not in list {listed}")]


# ---------------------------------------------------------------------------- shape-based


class LogicalConstraint(Constraint):
    """``sh:not``, ``sh:and``, ``sh:or``, ``sh:xone`` (a result per value node that fails)."""

    _COMPONENT = {
        SH["not"]: SH.NotConstraintComponent,
        SH["and"]: SH.AndConstraintComponent,
        SH["or"]: SH.OrConstraintComponent,
        SH.xone: SH.XoneConstraintComponent,
    }

    def __init__(self, shape: Shape, parameter: URIRef, groups: list[tuple[Node, list[Shape]]]) -> None:
        super().__init__(shape)
        self.parameter = parameter
        self.groups = groups  # (list node or shape node, member shapes)
        self.component = self._COMPONENT[parameter]
        self.judge: Callable[[list[bool]], bool] = {  # True: the value fails
            SH["or"]: lambda passed: not any(passed),
            SH["and"]: lambda passed: not all(passed),
            SH.xone: lambda passed: sum(passed) != 1,
            SH["not"]: lambda passed: passed[0],
        }[parameter]

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        ok = True
        judge = self.judge
        for _node, members in self.groups:
            for f, values in fv:
                for v in values:
                    # Every member is checked (no short cut), as pySHACL does.
                    bad = judge([m.conforms(v, data) for m in members])
                    if bad:
                        ok = False
                        out.append(self.result(f, v))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        value_text = ctx.data_node(value, or_id=True)
        if self.parameter == SH["not"]:
            if len(self.groups) == 1:
                return [Literal(f"Node {value_text} must not conform to shape {ctx.shape_node(self.groups[0][0])}")]
            nots = " , ".join(ctx.shape_node(n) for n, _ in self.groups)
            return [Literal(f"Node {value_text} must not conform to any shapes in {nots}")]
        sg = ctx.shapes
        if len(self.groups) < 2:
            listed = " , ".join(ctx.shape_node(x) for x in sg.items(self.groups[0][0]))
        else:
            parts = []
            for node, _ in self.groups:
                parts.append("(" + " , ".join(ctx.shape_node(x) for x in sg.items(node)) + ")")
            listed = " and ".join(parts)
        verb = {
            SH["and"]: "must conform to all shapes in",
            SH["or"]: "must conform to one or more shapes in",
            SH.xone: "must conform to exactly one shape in",
        }[self.parameter]
        return [Literal(f"Node {value_text} {verb} {listed}")]


class NodeConstraint(Constraint):
    """``sh:node``: a result per value node with any result in the node shape (as details)."""

    component = SH.NodeConstraintComponent

    def __init__(self, shape: Shape, targets: list[Shape]) -> None:
        super().__init__(shape)
        self.targets = targets

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        if not any(values for _f, values in fv):
            return True
        ok = True
        for target in self.targets:
            for f, values in fv:
                for v in values:
                    nested: list[Result] = []
                    conforms = target.run([v], data, nested)
                    if not conforms or nested:
                        ok = False
                        out.append(self.result(f, v, details=nested))
        return ok

    def generic(self, ctx: MessageContext, focus: Node, value: Node | None) -> list[Literal]:
        if len(self.targets) < 2:
            m = f"Value does not conform to Shape {ctx.shape_node(self.targets[0].node)}."
        else:
            rules = "', '".join(ctx.shape_node(t.node) for t in self.targets)
            m = f"Value must conform to every Shape in ('{rules}')."
        return [Literal(m + " See details for more information.")]


class PropertyConstraint(Constraint):
    """``sh:property``: the property shapes' own results, over all value nodes at once."""

    component = SH.PropertyConstraintComponent

    def __init__(self, shape: Shape, targets: list[Shape]) -> None:
        super().__init__(shape)
        self.targets = targets

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        if self.shape.path is None:
            focus: list[Node] = [f for f, _ in fv]  # a node shape's value node is its focus node
        else:
            focus = [v for _f, values in fv for v in values]
        if not focus:
            return True
        ok = True
        for target in self.targets:
            if not target.run(focus, data, out):
                ok = False
        return ok


# ---------------------------------------------------------------------------- compiler


@dataclass
class CompiledShapes:
    """A shapes graph compiled for :meth:`validate`.

    Attributes:
        graph: the shapes graph (for messages and for cloning blank nodes into reports).
        shapes: every shape, keyed by its node.
        targeted: the shapes with targets, in a fixed order.
    """

    graph: Graph
    shapes: dict[Node, Shape]
    targeted: list[Shape] = field(default_factory=list)

    def validate(self, data: DataView) -> tuple[bool, list[Result]]:
        """Validate the data: (pySHACL's ``sh:conforms``, top-level results).

        Raises:
            NeedsPyshacl: the data hits a case left to pySHACL.
        """
        results: list[Result] = []
        conforms = True
        for shape in self.targeted:
            assert shape.focus is not None
            focus = shape.focus(data)
            if not focus:
                continue
            if not shape.run(list(focus), data, results):
                conforms = False
        return conforms, results


def _one(sg: Graph, node: Node, p: URIRef) -> Node | None:
    values = list(sg.objects(node, p))
    if len(values) > 1:
        raise Unsupported(f"{node}: more than one {p}")
    return values[0] if values else None


def _find_shapes(sg: Graph) -> dict[Node, Path | None]:
    """The shapes pySHACL's ``ShapesGraph._build_node_shape_cache`` finds, with their paths."""
    node_shapes = set(sg.subjects(RDF.type, SH.NodeShape))
    prop_shapes = set(sg.subjects(RDF.type, SH.PropertyShape))
    found: dict[Node, Path | None] = {}
    for s in node_shapes:
        if (s, SH.path, None) in sg:
            raise Unsupported(f"{s}: a sh:NodeShape with sh:path")
        found[s] = None
    for s in prop_shapes:
        if s in node_shapes:
            raise Unsupported(f"{s}: both sh:NodeShape and sh:PropertyShape")
        paths = list(sg.objects(s, SH.path))
        if len(paths) != 1:
            raise Unsupported(f"{s}: a sh:PropertyShape needs exactly one sh:path")
        found[s] = compile_path(sg, paths[0])
    implied = {s for p in (*_TARGETS, SH.property, SH.node) for s in sg.subjects(p, None)}
    referenced = {o for p in (SH.property, SH.node, SH["not"], SH.qualifiedValueShape) for o in sg.objects(None, p)}
    for p in (SH["and"], SH["or"], SH.xone):
        for lst in sg.objects(None, p):
            members = _items(sg, lst)
            if not members:
                raise Unsupported(f"{lst}: an empty or malformed shape list")
            referenced.update(members)
    for s in list(implied) + list(referenced):
        if s in found:
            continue
        paths = list(sg.objects(s, SH.path))
        if len(paths) > 1:
            raise Unsupported(f"{s}: more than one sh:path")
        found[s] = compile_path(sg, paths[0]) if paths else None
    return found


def _items(sg: Graph, node: Node) -> list[Node]:
    try:
        return list(sg.items(node))
    except ValueError as e:
        raise Unsupported(f"{node}: malformed RDF list: {e}") from e


def _check_whole_graph(sg: Graph) -> None:
    if getattr(sg, "context_aware", False):
        raise Unsupported("a shapes dataset (pySHACL reads the union of its graphs)")
    for term in _UNCOMPILED_TERMS:
        if (None, term, None) in sg:
            raise Unsupported(f"the shapes use {term}, which is not compiled")
    components = set(sg.subjects(RDF.type, SH.ConstraintComponent))
    for sub in sg.subjects(RDFS.subClassOf, SH.ConstraintComponent):
        components.update(sg.subjects(RDF.type, sub))
    if any(not str(c).startswith(str(SH)) for c in components):
        raise Unsupported("the shapes declare their own constraint components")


def _targets(sg: Graph, node: Node, class_types: set[Node]) -> Callable[[DataView], set[Node]] | None:
    nodes = list(sg.objects(node, SH.targetNode))
    classes = set(sg.objects(node, SH.targetClass))
    if class_types & set(sg.objects(node, RDF.type)):
        classes.add(node)  # an implicit class target: the shape is itself a class
    objects_of = list(sg.objects(node, SH.targetObjectsOf))
    subjects_of = list(sg.objects(node, SH.targetSubjectsOf))
    if not (nodes or classes or objects_of or subjects_of):
        return None

    def focus(data: DataView) -> set[Node]:
        found: set[Node] = set(nodes)
        closure = data.has_subclass_axioms()
        for c in classes:
            found.update(data.instances(c))
            if closure:
                for sub in data.subclasses(c):
                    found.update(data.instances(sub))
        for p in subjects_of:
            found.update(data.subjects_of(p))
        for p in objects_of:
            found.update(data.objects_of(p))
        # the data's own objects: later lookups of these nodes then find identical keys
        return {data.subject(n) for n in found}

    return focus


def _depth(shape: Node, edges: dict[Node, set[Node]], stack: tuple[Node, ...] = ()) -> int:
    if shape in stack:
        raise Unsupported(f"{shape}: shapes that refer to themselves are not compiled")
    below = [_depth(s, edges, (*stack, shape)) for s in edges.get(shape, ())]
    return 1 + max(below, default=0)


def compile_shapes(sg: Graph) -> CompiledShapes:
    """Compile every shape of ``sg``.

    Args:
        sg: the shapes graph (not modified).

    Returns:
        The compiled shapes.

    Raises:
        Unsupported: something in the shapes graph is not compiled; validate with pySHACL.
    """
    from kgbuild.shacl.sparql import SparqlConstraint  # imports rdflib's SPARQL engine

    _check_whole_graph(sg)
    paths = _find_shapes(sg)
    shapes = {node: Shape(node, path) for node, path in paths.items()}
    # pySHACL adds owl:Class rdfs:subClassOf rdfs:Class to the shapes graph it is given
    class_types = {RDFS.Class, OWL.Class, *sg.subjects(RDFS.subClassOf, RDFS.Class)}
    edges: dict[Node, set[Node]] = {}

    def shape_of(node: Node, what: str, owner: Node) -> Shape:
        found = shapes.get(node)
        if found is None:
            raise Unsupported(f"{owner}: {what} {node} is not a shape")
        edges.setdefault(owner, set()).add(node)
        return found

    for node, shape in shapes.items():
        severity = _one(sg, node, SH.severity)
        shape.severity = severity if severity is not None else SH.Violation
        shape.messages = tuple(sorted(set(sg.objects(node, SH.message)), key=lambda m: (str(m), m.n3())))
        deactivated = _one(sg, node, SH.deactivated)
        if deactivated is not None:
            if not isinstance(deactivated, Literal):
                raise Unsupported(f"{node}: sh:deactivated is not a literal")
            shape.deactivated = bool(deactivated.value)
        shape.fails_never = shape.deactivated or shape.severity in _ALLOWED
        shape.focus = _targets(sg, node, class_types)
        params: list[URIRef] = []
        for p in sg.predicates(node, None):
            if isinstance(p, URIRef) and p in _PARAMETERS and p not in params:
                if p not in _SUPPORTED:
                    raise Unsupported(f"{node}: {p} is not compiled")
                params.append(p)
        for p in params:
            shape.constraints.append(_constraint(sg, shape, p, shape_of, SparqlConstraint))
    for node in shapes:
        if _depth(node, edges) > _MAX_DEPTH:
            raise Unsupported(f"{node}: shapes nested deeper than {_MAX_DEPTH}")
    targeted = sorted((s for s in shapes.values() if s.focus is not None), key=lambda s: str(s.node))
    return CompiledShapes(sg, shapes, targeted)


def _literal_count(sg: Graph, shape: Shape, p: URIRef) -> Literal:
    if not shape.is_property:
        raise Unsupported(f"{shape.node}: {p} on a node shape")
    value = _one(sg, shape.node, p)
    if not (isinstance(value, Literal) and value.datatype == XSD.integer and int(value.value) >= 0):
        raise Unsupported(f"{shape.node}: {p} must be a non-negative xsd:integer")
    return value


def _literal_length(sg: Graph, shape: Shape, p: URIRef) -> Literal:
    value = _one(sg, shape.node, p)
    if (
        not isinstance(value, Literal)
        or getattr(value, "ill_typed", False)
        or value.datatype not in XSD_WHOLE_INTEGERS
        or value.datatype in (XSD.negativeInteger, XSD.nonPositiveInteger)
        or value.value < 0
    ):
        raise Unsupported(f"{shape.node}: {p} must be a non-negative integer literal")
    return value


def _constraint(
    sg: Graph,
    shape: Shape,
    p: URIRef,
    shape_of: Callable[[Node, str, Node], Shape],
    sparql: Any,
) -> Constraint:
    node = shape.node
    values = list(sg.objects(node, p))
    if p == SH["class"]:
        return ClassConstraint(shape, values)
    if p in (SH.datatype, SH.nodeKind):
        if len(values) != 1:
            raise Unsupported(f"{node}: {p} must have one value")
        return DatatypeConstraint(shape, values[0]) if p == SH.datatype else NodeKindConstraint(shape, values[0])
    if p in (SH.minCount, SH.maxCount):
        return CountConstraint(shape, _literal_count(sg, shape, p), minimum=p == SH.minCount)
    if p in _RANGE:
        if not all(isinstance(v, Literal) for v in values):
            raise Unsupported(f"{node}: {p} must be a literal")
        return RangeConstraint(shape, p, values)  # type: ignore[arg-type]
    if p in (SH.minLength, SH.maxLength):
        return LengthConstraint(shape, _literal_length(sg, shape, p), minimum=p == SH.minLength)
    if p == SH.pattern:
        if not all(isinstance(v, Literal) for v in values):
            raise Unsupported(f"{node}: sh:pattern must be a literal")
        flags = _one(sg, node, SH.flags)
        if flags is not None and not isinstance(flags, Literal):
            raise Unsupported(f"{node}: sh:flags must be a literal")
        return PatternConstraint(shape, values, flags)  # type: ignore[arg-type]
    if p == SH.languageIn:
        if len(values) != 1:
            raise Unsupported(f"{node}: sh:languageIn must have one value")
        languages = set()
        for item in _items(sg, values[0]):
            if not (isinstance(item, Literal) and isinstance(item.value, str)):
                raise Unsupported(f"{node}: sh:languageIn members must be strings")
            languages.add(str(item.value).lower())
        return LanguageInConstraint(shape, values[0], languages)
    if p == SH.uniqueLang:
        if len(values) != 1 or not shape.is_property:
            raise Unsupported(f"{node}: sh:uniqueLang needs one value on a property shape")
        if not (isinstance(values[0], Literal) and isinstance(values[0].value, bool)):
            raise Unsupported(f"{node}: sh:uniqueLang must be a boolean")
        return UniqueLangConstraint(shape) if values[0].value else _Nothing(shape)
    if p in (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals):
        others = list(set(values))
        if p in (SH.lessThan, SH.lessThanOrEquals):
            if not shape.is_property:
                raise Unsupported(f"{node}: {p} on a node shape")
            if not all(isinstance(o, URIRef) for o in others):
                raise Unsupported(f"{node}: {p} must be an IRI")
        return PairConstraint(shape, p, others)
    if p == SH.hasValue:
        return HasValueConstraint(shape, set(values))
    if p == SH["in"]:
        if len(values) != 1:
            raise Unsupported(f"{node}: sh:in must have one value")
        return InConstraint(shape, set(_items(sg, values[0])))
    if p == SH["not"]:
        return LogicalConstraint(shape, p, [(v, [shape_of(v, "sh:not", node)]) for v in values])
    if p in (SH["and"], SH["or"], SH.xone):
        groups = []
        for lst in values:
            members = _items(sg, lst)
            if p != SH.xone:
                members = list(dict.fromkeys(members))  # pySHACL reads and/or lists as sets
            groups.append((lst, [shape_of(m, str(p), node) for m in members]))
        return LogicalConstraint(shape, p, groups)
    if p == SH.node:
        targets = [shape_of(v, "sh:node", node) for v in values]
        if any(t.is_property for t in targets):
            raise Unsupported(f"{node}: sh:node names a property shape")
        return NodeConstraint(shape, targets)
    if p == SH.property:
        targets = [shape_of(v, "sh:property", node) for v in values]
        if not all(t.is_property for t in targets):
            raise Unsupported(f"{node}: sh:property names a node shape")
        return PropertyConstraint(shape, targets)
    if p == SH.sparql:
        constraint: Constraint = sparql(sg, shape, values)
        return constraint
    raise Unsupported(f"{node}: {p} is not compiled")  # pragma: no cover - _SUPPORTED guards


class _Nothing(Constraint):
    """A constraint that cannot fail (``sh:uniqueLang false``)."""

    def check(self, fv: FocusValues, data: DataView, out: list[Result]) -> bool:
        return True
