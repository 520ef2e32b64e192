"""A small, fast SHACL engine for the SHACL Core and SHACL-SPARQL that kgbuild's shapes use.

pySHACL re-reads the shapes graph and runs rdflib's SPARQL engine for every focus node of a
SPARQL constraint: 100-400 ms for one article's graph. This engine compiles a shapes graph
once (:func:`compile_shapes`) into plain objects and closures, and validates a data graph
(:func:`run`) with dictionary lookups. Its outcome is pySHACL's: the same results (focus
node, source shape, constraint component, path, severity, value, messages), the same
``sh:conforms`` and the same report graph (:func:`report_graph`).

Compiled: targets (``sh:targetClass`` with ``rdfs:subClassOf`` in the data, ``sh:targetNode``,
``sh:targetObjectsOf``, ``sh:targetSubjectsOf``, implicit class targets); paths (IRI, inverse
IRI, sequences of those); ``sh:class``, ``sh:datatype`` (with pySHACL's ill-typed-literal and
value checks), ``sh:nodeKind``, ``sh:minCount``/``sh:maxCount``, ``sh:min/maxInclusive``,
``sh:min/maxExclusive``, ``sh:minLength``/``sh:maxLength``, ``sh:pattern`` with ``sh:flags``,
``sh:languageIn``, ``sh:uniqueLang``, ``sh:equals``, ``sh:disjoint``, ``sh:lessThan``,
``sh:lessThanOrEquals``, ``sh:in``, ``sh:hasValue``, ``sh:not``/``sh:and``/``sh:or``/``sh:xone``,
``sh:node`` (with ``sh:detail``), ``sh:property``, ``sh:deactivated``, any ``sh:severity``,
``sh:message`` (else pySHACL's default messages), and ``sh:sparql`` with ``sh:select``
(see ``sparql.py`` for how queries run). Not compiled: ``sh:closed``,
``sh:qualifiedValueShape``, alternative and repetition paths, SPARQL-based constraint
components, SHACL-AF (``sh:target``, rules, functions), ``$PATH``/``$shapesGraph`` in queries,
recursive shapes, a shapes ``Dataset``.

Two escape hatches keep that promise:

- :class:`Unsupported` while compiling: the shapes graph uses a construct that is not
  compiled (see ``shapes.py`` for the list), so the caller validates with pySHACL.
- :class:`NeedsPyshacl` while validating: the data meets a case where pySHACL raises an
  error (``sh:lessThan`` on a blank node, a SPARQL query that fails), so the caller reruns
  pySHACL, which then gives its own outcome, error included.

Example:
    >>> from rdflib import Graph
    >>> shapes = Graph().parse(data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
    ...     ex:S a sh:NodeShape ; sh:targetClass ex:C ;
    ...         sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:message "needs ex:p" ] .''', format="turtle")
    >>> data = Graph().parse(data="<https://example.org/x> a <https://example.org/C> .", format="turtle")
    >>> outcome = run(compile_shapes(shapes), data)
    >>> outcome.conforms, [str(m) for r in outcome.results for m in r.messages(outcome.context)]
    (False, ['needs ex:p'])
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from kgbuild.shacl.data import DataView
from kgbuild.shacl.errors import NeedsPyshacl, Unsupported
from kgbuild.shacl.results import MessageContext, Result, flatten, report_graph
from kgbuild.shacl.shapes import CompiledShapes, compile_shapes

__all__ = [
    "CompiledShapes",
    "NeedsPyshacl",
    "Outcome",
    "Result",
    "Unsupported",
    "compile_shapes",
    "flatten",
    "report_graph",
    "run",
]


@dataclass(frozen=True)
class Outcome:
    """What :func:`run` found.

    Attributes:
        conforms: pySHACL's ``sh:conforms`` (with warnings and infos allowed).
        results: the top-level results; nested ``sh:node`` details hang below them.
        context: the graphs that messages and the report graph are rendered from.
    """

    conforms: bool
    results: list[Result]
    context: MessageContext


def run(compiled: CompiledShapes, graph: Graph) -> Outcome:
    """Validate ``graph`` (a dataset: the union of its graphs) against compiled shapes.

    Args:
        compiled: what :func:`compile_shapes` returned.
        graph: the data graph; it is only read.

    Returns:
        The outcome.

    Raises:
        NeedsPyshacl: the data meets a case left to pySHACL; validate with pySHACL instead.
    """
    data = DataView(graph)
    conforms, results = compiled.validate(data)
    dataset = graph if getattr(graph, "context_aware", False) else None
    return Outcome(conforms, results, MessageContext(data.rdflib_graph, compiled.graph, dataset=dataset))
