#!/usr/bin/env python
"""Compare SHACL engines on corpus graphs: speed, and the same results as pySHACL.

Builds the graphs of the first ``--limit`` corpus articles (``kgbuild.pipeline.extract`` then
``kgbuild.rdf.to_graph``, untimed), damages a copy of each (``--damage``: a span's offsets
swapped, its anchor cut, a claim's claimant dropped, an event date made impossible), then
validates every graph with each engine against kgbuild's shapes, timing each call with
:func:`time.process_time` (CPU seconds of this process: the machine is shared):

- ``pyshacl``: pySHACL itself (``kgbuild.validate.validate(engine="pyshacl")``), the reference;
- ``pyshacl-turbo``: the engine alone, shapes compiled once (``CompiledShapes.validate``);
- ``shacl``: the ``shacl`` package alone, shapes compiled once, the graph handed over as
  N-Triples (its API reads text, so the serialisation is part of its cost), if installed;
- ``kgbuild``: ``kgbuild.validate.validate()`` as users call it (pyshacl-turbo, and pySHACL
  for a graph with a violation).

An engine's results are the same as pySHACL's when the set of (focus node, source shape,
path, severity, value, message) is equal, blank node labels aside. Prints a Markdown table.

Example:
    .venv/bin/python bench/engines.py --limit 100
"""

from __future__ import annotations

import argparse
import importlib
import logging
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import DEFAULT_CORPUS, REPO, read_corpus  # noqa: E402

Key = frozenset[tuple[str, str, str, str, str, str]]
_BLANK = re.compile(r"_:\S+")


def _n3(node: Any) -> str:
    return "" if node is None else _BLANK.sub("_:b", node.n3())


def _path(node: Any, report: Any) -> str:
    from rdflib import BNode, URIRef
    from rdflib.namespace import SH

    if isinstance(node, BNode):
        inverse = report.value(node, SH.inversePath)
        return "^" + inverse.n3() if isinstance(inverse, URIRef) else "(complex)"
    return _n3(node)


def key_of_report(results: Any, report_graph: Any) -> Key:
    """The comparable results of a kgbuild :class:`ValidationReport`'s results."""
    return frozenset(
        (_n3(r.focus_node), _n3(r.source_shape), _path(r.result_path, report_graph), r.severity, _n3(r.value),
         r.message)
        for r in results
    )


def damage(graph: Any) -> Any:
    """A copy of ``graph`` with four kinds of damage, where the graph has the nodes for them."""
    from rdflib import Graph, Literal, Namespace
    from rdflib.namespace import RDF, XSD

    kg, nif = Namespace("https://w3id.org/kgbuild/ns#"), Namespace(
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    schema = Namespace("https://schema.org/")
    g = Graph()
    for t in graph:
        g.add(t)
    spans = sorted(g.subjects(RDF.type, nif.OffsetBasedString), key=str)
    if len(spans) >= 2:
        b, e = g.value(spans[0], nif.beginIndex), g.value(spans[0], nif.endIndex)
        g.set((spans[0], nif.beginIndex, e))
        g.set((spans[0], nif.endIndex, b))
        g.set((spans[1], nif.anchorOf, Literal(str(g.value(spans[1], nif.anchorOf))[:-1])))
    claims = sorted(g.subjects(RDF.type, kg.Claim), key=str)
    if claims:
        g.remove((claims[0], kg.claimant, None))
    events = sorted(g.subjects(RDF.type, schema.Event), key=str)
    if events:
        g.set((events[0], schema.startDate, Literal("2022-02-30", datatype=XSD.date)))
    return g


def engines(shapes_dir: Path) -> dict[str, Callable[[Any], Key]]:
    """Every engine that is installed, as a function from a graph to its comparable results."""
    from rdflib import Graph

    from kgbuild.validate import _results, load_shapes, validate

    out: dict[str, Callable[[Any], Key]] = {}
    shapes = load_shapes(shapes_dir)

    def reference(g: Any) -> Key:
        report = validate(g, shapes=shapes_dir, engine="pyshacl")
        return key_of_report(report.results, report.report_graph)

    out["pyshacl"] = reference
    try:
        turbo = importlib.import_module("pyshacl_turbo")
    except ImportError:
        turbo = None
    if turbo is not None:
        compiled = turbo.CompiledShapes(shapes)

        def with_turbo(g: Any) -> Key:
            _c, report, _t = compiled.validate(g, allow_infos=True, allow_warnings=True)
            assert isinstance(report, Graph)
            return key_of_report(_results(report), report)

        out["pyshacl-turbo"] = with_turbo
    try:
        shacl = importlib.import_module("shacl")
    except ImportError:
        shacl = None
    if shacl is not None:
        text = "".join(p.read_text(encoding="utf-8") for p in sorted(shapes_dir.glob("*.ttl")))
        compiled_shacl = shacl.Shapes.from_turtle(text)
        severities = {"Violation", "Warning", "Info"}

        def with_shacl(g: Any) -> Key:
            report = compiled_shacl.validate_text(g.serialize(format="nt"), format="ntriples", allow_warnings=True)
            return frozenset(
                (_BLANK.sub("_:b", r.focus_node), _BLANK.sub("_:b", r.source_shape or ""),
                 _BLANK.sub("_:b", r.path or ""), r.severity if r.severity in severities else "Violation",
                 _BLANK.sub("_:b", r.value or ""), r.message or "")
                for r in report.results
            )

        out["shacl"] = with_shacl

    def as_users_call_it(g: Any) -> Key:
        report = validate(g, shapes=shapes_dir)
        return key_of_report(report.results, report.report_graph)

    out["kgbuild"] = as_users_call_it
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--shapes", type=Path, default=REPO / "shapes")
    p.add_argument("--no-damage", dest="damage", action="store_false", help="clean graphs only")
    args = p.parse_args(argv)
    logging.disable(logging.CRITICAL)  # rdflib logs every ill-typed literal of the damage
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _run(args)
    finally:
        logging.disable(logging.NOTSET)


def _run(args: argparse.Namespace) -> int:
    try:
        import kgbuild  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(REPO / "src"))
    from kgbuild.pipeline import extract
    from kgbuild.rdf import to_graph

    clean = [to_graph(extract(a.text, published=a.published, source=a.id))
             for a in read_corpus(args.corpus, limit=args.limit)]
    damaged = [damage(g) for g in clean] if args.damage else []
    runs = engines(args.shapes)
    reference: dict[str, list[Key]] = {}
    rows = []
    for name, run in runs.items():
        run(clean[0])  # first call: compilation and caches
        times: list[float] = []
        keys: dict[str, list[Key]] = {}
        for label, graphs in (("clean", clean), ("damaged", damaged)):
            keys[label] = []
            for g in graphs:
                start = time.process_time()
                keys[label].append(run(g))
                if label == "clean":
                    times.append(time.process_time() - start)
        if name == "pyshacl":
            reference = keys
        same = {label: sum(a == b for a, b in zip(keys[label], reference[label], strict=True)) for label in keys}
        rows.append((name, same, statistics.median(times) * 1000, len(times) / sum(times)))
    print(f"Command: `.venv/bin/python {' '.join(sys.argv)}`\n")
    print(f"{len(clean)} corpus graphs (and {len(damaged)} damaged copies); CPU time of clean graphs only.\n")
    print("| engine | same results as pySHACL (clean / damaged) | median ms per graph | graphs/s per core |")
    print("|---|---|---:|---:|")
    for name, same, median, rate in rows:
        agree = f"{same['clean']}/{len(clean)}, {same['damaged']}/{len(damaged)}" if name != "pyshacl" else "reference"
        print(f"| {name} | {agree} | {median:.1f} | {rate:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
