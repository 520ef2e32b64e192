"""Golden graph of the reference article: extraction + RDF mapping, compared by isomorphism.

The graph of ``shared/eval/articles/seed_de_kasachstan.txt`` (built as ``kgbuild build``
does: read as UTF-8, no ``--published``, its file name as source) is kept in
``tests/golden/seed_de_kasachstan.ttl``. A change of extraction shows up here as the
triples that appear or disappear.

While the extraction is being tuned, regenerate the golden file after checking the
difference the failing test prints::

    .venv/bin/python tests/test_golden_seed.py --regenerate

(``--diff`` prints the difference without writing). Set ``KGBUILD_SEED_ARTICLE`` to
read the article from another path.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from conftest import _shared_article

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "seed_de_kasachstan.ttl"
ARTICLE = Path(os.environ.get("KGBUILD_SEED_ARTICLE",
                              _shared_article(ROOT)))

# Run in a fresh interpreter: build the graph and write its Turtle bytes to stdout.
_SCRIPT = """
import sys
from pathlib import Path
from kgbuild.io import read_article
from kgbuild.pipeline import extract
from kgbuild.rdf import serialize_turtle, to_graph
path = Path(sys.argv[1])
doc = extract(read_article(path), published=None, source=path.name)
sys.stdout.buffer.write(serialize_turtle(to_graph(doc)).encode("utf-8"))
"""


def build_turtle(path: Path = ARTICLE) -> str:
    """The Turtle of the article's graph, as ``kgbuild build <article>`` makes it."""
    from kgbuild.io import read_article
    from kgbuild.pipeline import extract
    from kgbuild.rdf import serialize_turtle, to_graph

    doc = extract(read_article(path), published=None, source=path.name)
    return serialize_turtle(to_graph(doc))


def difference(expected: Graph, actual: Graph) -> list[str]:
    """The triples only one side has, as N3 lines (empty when the graphs are isomorphic)."""
    iso_e, iso_a = to_isomorphic(expected), to_isomorphic(actual)
    if iso_e == iso_a:
        return []
    _, only_e, only_a = graph_diff(iso_e, iso_a)
    lines = [f"only in golden ({len(only_e)}):"]
    lines += sorted(f"  {s.n3()} {p.n3()} {o.n3()} ." for s, p, o in only_e)
    lines += [f"only in fresh build ({len(only_a)}):"]
    lines += sorted(f"  {s.n3()} {p.n3()} {o.n3()} ." for s, p, o in only_a)
    return lines


def _need_article() -> None:
    if not ARTICLE.is_file():
        pytest.skip(f"reference article not found at {ARTICLE} (set KGBUILD_SEED_ARTICLE)")


def _start(seed: str) -> subprocess.Popen[bytes]:
    import kgbuild

    src = str(Path(kgbuild.__file__).resolve().parents[1])  # the code under test, installed or not
    env = {**os.environ, "PYTHONHASHSEED": seed,
           "PYTHONPATH": os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.Popen([sys.executable, "-c", _SCRIPT, str(ARTICLE)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_golden_seed_matches_a_fresh_build() -> None:
    _need_article()
    assert GOLDEN.is_file(), f"no golden file; make it with: python {Path(__file__).name} --regenerate"
    expected = Graph().parse(GOLDEN, format="turtle")
    actual = Graph().parse(data=build_turtle(), format="turtle")
    assert len(expected) > 100  # the golden file is a real graph, not an empty stub
    diff = difference(expected, actual)
    if diff:
        pytest.fail("the seed article's graph differs from tests/golden/seed_de_kasachstan.ttl "
                    "(regenerate with: .venv/bin/python tests/test_golden_seed.py --regenerate)\n"
                    + "\n".join(diff), pytrace=False)


def test_golden_seed_build_is_byte_identical_across_processes() -> None:
    _need_article()
    # This process and a fresh interpreter with another hash seed (pytest's own seed is random
    # unless PYTHONHASHSEED is set): one child instead of two keeps the suite fast, since each
    # interpreter compiles the lexicon again.
    seed = "2718" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    proc = _start(seed)
    here = build_turtle().encode("utf-8")  # built while the child runs
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode("utf-8", "replace")
    assert len(out) > 10_000
    assert out == here, "the Turtle bytes differ between two processes"


def main(argv: list[str] | None = None) -> int:
    """Regenerate (or diff) the golden file from the current extraction."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--regenerate", action="store_true", help=f"write {GOLDEN.relative_to(ROOT)}")
    ap.add_argument("--diff", action="store_true", help="print the triples that differ from the golden file")
    args = ap.parse_args(argv)
    if not ARTICLE.is_file():
        print(f"reference article not found: {ARTICLE}", file=sys.stderr)
        return 2
    turtle = build_turtle()
    if args.diff or not args.regenerate:
        if not GOLDEN.is_file():
            print(f"no golden file at {GOLDEN}", file=sys.stderr)
            return 1
        diff = difference(Graph().parse(GOLDEN, format="turtle"), Graph().parse(data=turtle, format="turtle"))
        print("\n".join(diff) if diff else "golden file is up to date")
        if not args.regenerate:
            return 1 if diff else 0
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_bytes(turtle.encode("utf-8"))  # bytes: no newline translation on any platform
    print(f"wrote {GOLDEN} ({len(Graph().parse(data=turtle, format='turtle'))} triples)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing
    raise SystemExit(main())
