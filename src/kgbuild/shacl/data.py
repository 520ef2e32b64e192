"""Read-only, dictionary-speed access to the data graph that the compiled shapes check.

rdflib's ``Graph.objects`` costs a generator and several calls per lookup; an article graph
needs thousands of lookups per validation. :class:`DataView` answers them from two nested
dictionaries, ``spo[s][p] -> {o: 1}`` and ``pos[p][o] -> {s: 1}``. For the common case, a
``Graph`` (or ``Dataset``) on rdflib's in-memory store, those dictionaries are the store's own
indexes and cost nothing to obtain; for any other store they are built once from the triples.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeGuard, cast

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

__all__ = ["EMPTY", "DataView", "is_bnode", "is_iri", "is_literal"]

Index = Mapping[Node, Mapping[Node, Mapping[Node, Any]]]

# Shared empty mapping for absent keys; never written to.
EMPTY: Mapping[Any, Any] = {}
_RDF_TYPE = RDF.type
_SUBCLASS_OF = RDFS.subClassOf


# rdflib's term classes have ABCMeta as metaclass, which makes isinstance() slow; these test
# the exact class first and fall back to isinstance() for subclasses.
def is_literal(x: object) -> TypeGuard[Literal]:
    """``isinstance(x, Literal)``, quicker for rdflib's own term classes."""
    t = type(x)
    return t is Literal or (t is not URIRef and t is not BNode and isinstance(x, Literal))


def is_bnode(x: object) -> TypeGuard[BNode]:
    """``isinstance(x, BNode)``, quicker for rdflib's own term classes."""
    t = type(x)
    return t is BNode or (t is not URIRef and t is not Literal and isinstance(x, BNode))


def is_iri(x: object) -> TypeGuard[URIRef]:
    """``isinstance(x, URIRef)``, quicker for rdflib's own term classes."""
    t = type(x)
    return t is URIRef or (t is not Literal and t is not BNode and isinstance(x, URIRef))


def _store_indexes(graph: Graph) -> tuple[Index, Index] | None:
    """The in-memory store's own (spo, pos) indexes when they hold exactly the triples to check.

    A plain ``Graph`` owns its store when the store knows no other graph; a ``Dataset`` is
    validated as the union of its graphs (as pySHACL does), which is everything in the store.
    Anything else (a graph that shares its store, another store type) gets ``None``.
    """
    store = graph.store
    if type(store) is not Memory:
        return None
    spo = getattr(store, "_Memory__spo", None)
    pos = getattr(store, "_Memory__pos", None)
    contexts = getattr(store, "_Memory__all_contexts", None)
    if not isinstance(spo, dict) or not isinstance(pos, dict) or not isinstance(contexts, set):
        return None  # a future rdflib with other internals: build the indexes instead
    if not getattr(graph, "context_aware", False):
        if any(c.identifier != graph.identifier for c in contexts):
            return None
    return spo, pos


def _built_indexes(triples: Iterable[tuple[Node, Node, Node]]) -> tuple[Index, Index]:
    spo: dict[Node, dict[Node, dict[Node, int]]] = {}
    pos: dict[Node, dict[Node, dict[Node, int]]] = {}
    for s, p, o in triples:
        spo.setdefault(s, {}).setdefault(p, {})[o] = 1
        pos.setdefault(p, {}).setdefault(o, {})[s] = 1
    return spo, pos


class DataView:
    """The data graph as nested dictionaries, plus the rdflib graph for the rare slow paths.

    Inner dictionaries may be empty (rdflib's store leaves them behind when triples are
    removed), so callers test a mapping's truth or length, never only the key's presence.

    Args:
        graph: the data graph; a ``Dataset`` (or any context-aware graph) is read as the
            union of its graphs.
    """

    __slots__ = (
        "graph", "spo", "pos", "memo", "_canon", "_canon_by_id", "_subjects", "_union",
        "_subclass_up", "_subclass_down",
    )  # fmt: skip

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        own = _store_indexes(graph)
        if own is None:
            if getattr(graph, "context_aware", False):
                own = _built_indexes((s, p, o) for s, p, o, _c in cast(Any, graph).quads((None, None, None, None)))
            else:
                own = _built_indexes(graph.triples((None, None, None)))
        self.spo, self.pos = own
        self._canon: dict[Node, Node] | None = None
        self._canon_by_id: dict[int, tuple[Node, Node]] = {}
        self._subjects: dict[Node, Node] | None = None
        self.memo: dict[Any, Any] = {}  # per-validation caches of the constraints (SPARQL rows)
        self._union: Graph | None = None
        self._subclass_up: dict[Node, frozenset[Node]] = {}
        self._subclass_down: dict[Node, frozenset[Node]] = {}

    @property
    def rdflib_graph(self) -> Graph:
        """A plain rdflib graph with exactly the triples checked (for SPARQL and node rendering)."""
        if self._union is None:
            if getattr(self.graph, "context_aware", False):
                union = Graph(bind_namespaces="none")
                for s, p, o, _c in cast(Any, self.graph).quads((None, None, None, None)):
                    union.add((s, p, o))
                self._union = union
            else:
                self._union = self.graph
        return self._union

    def canonical(self, term: Node) -> Node:
        """The data's own object equal to ``term`` (a predicate or a class), else ``term``.

        rdflib's ``URIRef.__eq__`` is Python code; a dictionary lookup with an equal but not
        identical key calls it, one that finds the identical key does not. Constraints look
        up with the data's own predicate and class objects for that reason.
        """
        # Looked up by identity first: the terms asked for belong to the compiled shapes, so
        # the same few objects come again and again (the stored term guards against id reuse).
        hit = self._canon_by_id.get(id(term))
        if hit is not None and hit[0] is term:
            return hit[1]
        canon = self._canon
        if canon is None:
            canon = {p: p for p in self.pos}
            for c in self.pos.get(_RDF_TYPE, EMPTY):
                canon.setdefault(c, c)
            self._canon = canon
        found = canon.get(term, term)
        self._canon_by_id[id(term)] = (term, found)
        return found

    def subject(self, node: Node) -> Node:
        """The data's own subject object equal to ``node`` (see :meth:`canonical`), else ``node``."""
        subjects = self._subjects
        if subjects is None:
            subjects = self._subjects = {s: s for s in self.spo}
        return subjects.get(node, node)

    def __len__(self) -> int:
        return sum(len(objs) for po in self.spo.values() for objs in po.values())

    def is_empty(self) -> bool:
        """True if the graph has no triple (pySHACL then renders focus nodes from the shapes)."""
        return not any(objs for po in self.spo.values() for objs in po.values())

    def objects(self, s: Node, p: Node) -> Mapping[Node, Any]:
        """The objects of ``(s, p, ?)`` as the keys of a mapping."""
        return self.spo.get(s, EMPTY).get(p, EMPTY)

    def subjects(self, p: Node, o: Node) -> Mapping[Node, Any]:
        """The subjects of ``(?, p, o)`` as the keys of a mapping."""
        return self.pos.get(p, EMPTY).get(o, EMPTY)

    def objects_of(self, p: Node) -> Iterator[Node]:
        """Every node that is the object of a ``p`` triple."""
        return (o for o, subjects in self.pos.get(p, EMPTY).items() if subjects)

    def subjects_of(self, p: Node) -> set[Node]:
        """Every node that is the subject of a ``p`` triple."""
        out: set[Node] = set()
        for subjects in self.pos.get(p, EMPTY).values():
            out.update(subjects)
        return out

    def has_subclass_axioms(self) -> bool:
        """True if the data graph has any ``rdfs:subClassOf`` triple (then classes need closures)."""
        found = self.memo.get("subclass axioms")
        if found is None:
            found = self.memo["subclass axioms"] = any(self.pos.get(_SUBCLASS_OF, EMPTY).values())
        return bool(found)

    def superclasses(self, cls: Node) -> frozenset[Node]:
        """``cls`` and everything it reaches by ``rdfs:subClassOf`` in the data (rdflib's
        ``transitive_objects``, which pySHACL's ``sh:class`` follows)."""
        found = self._subclass_up.get(cls)
        if found is None:
            found = frozenset(self._closure(cls, self.spo, _SUBCLASS_OF, up=True))
            self._subclass_up[cls] = found
        return found

    def subclasses(self, cls: Node) -> frozenset[Node]:
        """``cls`` and everything that reaches it by ``rdfs:subClassOf`` in the data (for targets)."""
        found = self._subclass_down.get(cls)
        if found is None:
            found = frozenset(self._closure(cls, self.pos, _SUBCLASS_OF, up=False))
            self._subclass_down[cls] = found
        return found

    def _closure(self, start: Node, index: Index, p: Node, *, up: bool) -> set[Node]:
        seen = {start}
        todo = [start]
        while todo:
            node = todo.pop()
            step = index.get(node, EMPTY).get(p, EMPTY) if up else index.get(p, EMPTY).get(node, EMPTY)
            for nxt in step:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def instances(self, cls: Node) -> Iterable[Node]:
        """The subjects of ``(?, rdf:type, cls)``."""
        return self.pos.get(self.canonical(_RDF_TYPE), EMPTY).get(cls, EMPTY).keys()
