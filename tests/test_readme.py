"""The README's quick start and command examples are run, so they cannot go stale."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCHEMA_ARTICLE = "https://schema.org/NewsArticle"


def _quick_start() -> list[str]:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.strip().splitlines() if line.strip()]


def test_readme_quick_start_is_two_commands() -> None:
    lines = _quick_start()
    assert len(lines) == 2
    assert "pip install -e ." in lines[0] and "kgbuild build" in lines[0]
    assert "pip install -e '.[test]'" in lines[1] and "pytest" in lines[1]


def test_readme_quick_start_build_runs_as_written(tmp_path: Path) -> None:
    # the install part is what this test environment already did; the build part runs as written,
    # with the installed console script, from the repository root, writing into a temporary folder
    build = _quick_start()[0].split("&&")[-1].strip()
    args = shlex.split(build)
    assert args[0].endswith("kgbuild") and args[1] == "build"
    out = tmp_path / "graph.ttl"
    args = [str(Path(sys.executable).parent / "kgbuild"), *args[1:-1], str(out)]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    g = Graph().parse(out, format="turtle")
    assert len(list(g.subjects(RDF.type, None))) > 10
    assert any(str(o) == SCHEMA_ARTICLE for o in g.objects(None, RDF.type))


def test_readme_saved_query_names_exist() -> None:
    saved = set(re.findall(r"--saved (\w+)", README))
    available = {p.stem for p in (ROOT / "examples" / "queries").glob("*.rq")}
    assert saved and saved <= available
