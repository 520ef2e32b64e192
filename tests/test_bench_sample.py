"""Tests for bench/sample.py, the corpus reading tool, on a tiny corpus written by hand."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from conftest import load_script, write_corpus

SAMPLE = Path(__file__).resolve().parent.parent / "bench" / "sample.py"

# Invented articles in the corpus format; the first two lines lie before --from-line 3.
ARTICLES = [
    {"id": "early-1", "title": "Vorher", "source": "example.org",
     "text": "„Das darf niemand lesen“, sagte Otto Früh am Montag."},
    {"id": "early-2", "title": None, "source": "example.org", "text": "Kein Text für die Stichprobe hier."},
    {"id": "late-1", "title": "Stadtrat streitet über Radweg", "source": "example.org", "published": "2021-03-02",
     "text": "Anna Beispiel sagte am Montag, der Radweg komme noch in diesem Jahr. "
             "Er werde vor allem Schulkindern helfen.\n\n"
             "Die Arbeiten beginnen im Mai. Ein Schild trägt die Aufschrift „Baustelle“."},
    {"id": "late-2", "title": "Freibad öffnet später", "source": "example.org", "published": "2021-05-20",
     "text": "Das Freibad öffnet erst im Juni. Laut Bundesregierung fehlt Personal. "
             "„Wir suchen dringend Bademeister“, sagte Bert Muster."},
]


@pytest.fixture(scope="module")
def sample() -> ModuleType:
    return load_script(SAMPLE, "kgbuild_bench_sample")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "tiny.jsonl.gz", ARTICLES)


def _run(sample: ModuleType, corpus: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    code = sample.main(["--corpus", str(corpus), "--from-line", "3", "--json", "--per-article", "50", *args])
    assert code == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_bench_sample_draws_only_from_the_given_lines(sample: ModuleType, corpus: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    rows = _run(sample, corpus, capsys, "-n", "100")
    assert {r["article"] for r in rows} == {"late-1", "late-2"}
    assert all(r["line"] >= 3 for r in rows)


def test_bench_sample_is_repeatable_with_a_seed(sample: ModuleType, corpus: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    first = _run(sample, corpus, capsys, "-n", "3", "--seed", "5", "--per-article", "1")
    again = _run(sample, corpus, capsys, "-n", "3", "--seed", "5", "--per-article", "1")
    assert first == again and len(first) == 2  # one per article, two articles


def test_bench_sample_shows_cue_claimant_and_chain(sample: ModuleType, corpus: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    rows = _run(sample, corpus, capsys, "-n", "100", "--claims-only")
    by_text = {r["text"]: r for r in rows}
    start = by_text["Anna Beispiel sagte am Montag, der Radweg komme noch in diesem Jahr."]["claims"][0]
    assert start["cue"] == "sagte" and start["chain"] == "start"
    assert [c["name"] for c in start["claimants"]] == ["Anna Beispiel"]
    follow = by_text["Er werde vor allem Schulkindern helfen."]["claims"][0]
    assert follow["chain"] == "continues"
    assert [c["name"] for c in follow["claimants"]] == ["Anna Beispiel"]


def test_bench_sample_filters_by_cue_and_by_missed_quotes(sample: ModuleType, corpus: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    laut = _run(sample, corpus, capsys, "-n", "100", "--cue", "^laut$")
    assert [r["text"] for r in laut] == ["Laut Bundesregierung fehlt Personal."]
    assert laut[0]["claims"][0]["claimants"][0]["kind"] == "organization"
    missed = _run(sample, corpus, capsys, "-n", "100", "--quote-no-claim")
    assert [r["text"] for r in missed] == ["Ein Schild trägt die Aufschrift „Baustelle“."]


def test_bench_sample_missing_corpus_is_one_line_and_exit_2(sample: ModuleType, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert sample.main(["--corpus", str(tmp_path / "none.jsonl.gz")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no corpus" in err
