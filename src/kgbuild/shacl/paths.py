"""SHACL property paths: predicate paths, inverse paths and sequences of them.

pySHACL's ``value_nodes_from_path`` is the reference. A quirk kept on purpose: an inverse
path around a *sequence* inverts each step in order instead of reversing the sequence; such
paths are not supported here (the compiler falls back to pySHACL), so the quirk never matters.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rdflib import RDF, SH, BNode, Graph, URIRef
from rdflib.term import Node

from kgbuild.shacl.data import EMPTY, DataView
from kgbuild.shacl.errors import Unsupported

__all__ = ["Path", "compile_path"]

_OTHER_PATH_KEYS = (SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath)


@dataclass(frozen=True)
class Path:
    """A compiled path: its node in the shapes graph and the steps ``(predicate, inverse)``."""

    node: Node
    steps: tuple[tuple[URIRef, bool], ...]

    def values(self, data: DataView, focus: Node) -> Collection[Node]:
        """The value nodes of ``focus`` (a mapping's keys or a set; never to be modified)."""
        return self.batch(data, (focus,))[0][1]

    def batch(self, data: DataView, focus: Iterable[Node]) -> list[tuple[Node, Collection[Node]]]:
        """(focus node, value nodes) for each focus node, in order."""
        steps = [(data.canonical(p), inverse) for p, inverse in self.steps]
        if len(steps) == 1:
            p, inverse = steps[0]
            if inverse:
                by_object = data.pos.get(p, EMPTY)
                return [(f, by_object.get(f, EMPTY)) for f in focus]
            spo = data.spo
            return [(f, spo.get(f, EMPTY).get(p, EMPTY)) for f in focus]
        out: list[tuple[Node, Collection[Node]]] = []
        for f in focus:
            current: Collection[Node] = (f,)
            for p, inverse in steps:
                nxt: set[Node] = set()
                for node in current:
                    nxt.update(data.subjects(p, node) if inverse else data.objects(node, p))
                current = nxt
            out.append((f, current))
        return out


def _step(sg: Graph, node: Node) -> tuple[URIRef, bool]:
    if isinstance(node, URIRef):
        return node, False
    if isinstance(node, BNode):
        inverse = list(sg.objects(node, SH.inversePath))
        others = [p for p in (RDF.first, *_OTHER_PATH_KEYS) if (node, p, None) in sg]
        if len(inverse) == 1 and isinstance(inverse[0], URIRef) and not others:
            return inverse[0], True
    raise Unsupported(f"property path {node!r}: only IRIs, ^IRI and sequences of them are compiled")


def compile_path(sg: Graph, node: Node) -> Path:
    """Compile the ``sh:path`` value ``node``.

    Raises:
        Unsupported: alternative or repetition paths, inverses of non-IRIs, malformed lists.
    """
    if isinstance(node, BNode) and (node, RDF.first, None) in sg:
        if (node, SH.inversePath, None) in sg or any((node, p, None) in sg for p in _OTHER_PATH_KEYS):
            raise Unsupported(f"property path {node!r}: a list node with other path keys")
        try:
            items = list(sg.items(node))
        except ValueError as e:  # a list that loops or branches
            raise Unsupported(f"property path {node!r}: {e}") from e
        if len(items) < 2:
            raise Unsupported(f"property path {node!r}: a sequence needs two steps")
        firsts = [list(sg.objects(n, RDF.first)) for n in _list_nodes(sg, node)]
        if any(len(f) != 1 for f in firsts):
            raise Unsupported(f"property path {node!r}: a list node with several rdf:first")
        return Path(node, tuple(_step(sg, item) for item in items))
    return Path(node, (_step(sg, node),))


def _list_nodes(sg: Graph, node: Node) -> list[Node]:
    out = []
    while node != RDF.nil:
        out.append(node)
        rest = list(sg.objects(node, RDF.rest))
        if len(rest) != 1:
            raise Unsupported(f"property path list {node!r}: rdf:rest missing or repeated")
        node = rest[0]
    return out
