"""The same document gives the same Turtle bytes, in one process and across processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import kgbuild
from kgbuild.document import load_document
from kgbuild.rdf import serialize_turtle, to_dataset, to_graph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "de_wikinews_griechenland_vertrauen.claims.yaml"

_SCRIPT = """
import sys
from kgbuild.document import load_document
from kgbuild.rdf import serialize_turtle, to_dataset, to_graph
doc = load_document(sys.argv[1])
sys.stdout.buffer.write(serialize_turtle(to_graph(doc)).encode("utf-8"))
sys.stdout.buffer.write(b"\\n=====\\n")
sys.stdout.buffer.write(to_graph(doc).serialize(format="turtle").encode("utf-8"))
sys.stdout.buffer.write(b"\\n=====\\n")
sys.stdout.buffer.write(to_dataset([doc]).serialize(format="trig").encode("utf-8"))
"""


def _run(seed: str) -> bytes:
    src = str(Path(kgbuild.__file__).resolve().parents[1])  # import the code under test, installed or not
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(EXAMPLE)], env=env, capture_output=True, check=True, timeout=120
    ).stdout


def test_rdf_turtle_is_identical_when_serialised_twice() -> None:
    doc = load_document(EXAMPLE)
    assert serialize_turtle(to_graph(doc)) == serialize_turtle(to_graph(doc))
    assert to_graph(doc).serialize(format="turtle") == to_graph(doc).serialize(format="turtle")


def test_rdf_turtle_is_identical_across_processes_and_hash_seeds() -> None:
    first, second = _run("1"), _run("4242")
    assert first.count(b"=====") == 2 and len(first) > 10_000
    assert first == second
    # And the same as this process makes.
    doc = load_document(EXAMPLE)
    assert first.split(b"\n=====\n")[0] == serialize_turtle(to_graph(doc)).encode("utf-8")
    assert first.split(b"\n=====\n")[2] == to_dataset([doc]).serialize(format="trig").encode("utf-8")
