"""Tests for bench/run.py on a tiny corpus written by hand (no text from the real corpus)."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rdflib import Graph, Literal, Namespace, URIRef

from conftest import load_script, write_corpus
from kgbuild.model import Article, Claim, Document, Entity, Span

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
PROV = Namespace("http://www.w3.org/ns/prov#")

# Invented articles in the corpus format: two with a headline, one without (derstandard style),
# one with a straight-quoted direct quote and one with a German-quoted one.
ARTICLES = [
    {"id": "syn-1", "title": "Stadtrat beschließt neuen Radweg", "source": "example.org", "published": "2021-03-02",
     "text": 'Anna Beispiel sagte am Montag: "Der Radweg kommt noch in diesem Jahr." Die Arbeiten beginnen im Mai.'},
    {"id": "syn-2", "title": None, "source": "example.org",
     "text": "Bert Muster kritisiert Bauamt\nBert Muster warf dem Bauamt Verzögerungen vor. Es gab keine Antwort."},
    {"id": "syn-3", "title": "Freibad öffnet später", "source": "example.org", "published": "2021-05-20",
     "text": "Das Freibad öffnet erst im Juni. „Wir brauchen mehr Personal“, sagte Anna Beispiel."},
]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script(BENCH, "kgbuild_bench_run")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "tiny.jsonl.gz", ARTICLES)


def _person(text: str, name: str) -> Entity:
    spans = []
    start = text.find(name)
    while start >= 0:
        spans.append(Span.of(text, start, start + len(name)))
        start = text.find(name, start + 1)
    key = "person/" + name.lower().replace(" ", "-")
    return Entity(key, "person", name, mentions=tuple(spans))


def stub_extract(text: str, *, published: Any = None, source: str | None = None) -> Document:
    """A stand-in extractor: the named people, and one claim per sentence with a quote in it."""
    entities = tuple(_person(text, n) for n in ("Anna Beispiel", "Bert Muster") if n in text)
    claims: list[Claim] = []
    for open_mark, close_mark in (('"', '"'), ("„", "“")):
        begin = text.find(open_mark)
        end = text.find(close_mark, begin + 1)
        if begin >= 0 and end > begin and entities:
            sent_begin = text.rfind("\n", 0, begin) + 1
            quote = Span.of(text, begin + 1, end)
            claims.append(Claim(f"claim/{len(claims) + 1}", (entities[0].key,), quote.text,
                                Span.of(text, sent_begin, end + 1), cue="sagte", quote=quote.text))
    headline_end = text.find("\n")
    headline = Span.of(text, 0, headline_end) if headline_end > 0 else None
    article = Article(text=text, headline=headline.text if headline else None, headline_span=headline,
                      source=source)
    return Document(article=article, entities=entities, claims=tuple(claims))


def run(bench: ModuleType, argv: list[str], stages: Any = None) -> tuple[int, str]:
    out = io.StringIO()
    code = bench.main([*argv, "--quiet"], stages=stages, out=out)
    return code, out.getvalue()


def real_stages(bench: ModuleType, extract: Any = stub_extract) -> Any:
    from kgbuild.rdf import to_graph
    from kgbuild.validate import validate

    return bench.Stages(extract=extract, to_graph=to_graph, validate=validate)


def test_bench_article_text_puts_headline_first(bench: ModuleType) -> None:
    assert bench.article_text({"title": "Kopf", "text": "Rumpf."}) == "Kopf\n\nRumpf."
    assert bench.article_text({"title": None, "text": "Rumpf."}) == "Rumpf."
    assert bench.article_text({"text": "Rumpf."}) == "Rumpf."


def test_bench_read_corpus_honours_offset_limit_and_length(bench: ModuleType, corpus: Path) -> None:
    assert [a.id for a in bench.read_corpus(corpus, limit=2)] == ["syn-1", "syn-2"]
    assert [a.id for a in bench.read_corpus(corpus, limit=5, offset=1)] == ["syn-2", "syn-3"]
    first = next(bench.read_corpus(corpus, limit=1))
    assert first.text.startswith("Stadtrat beschließt neuen Radweg\n\nAnna Beispiel")
    assert first.published == "2021-03-02"
    assert next(bench.read_corpus(corpus, offset=1, limit=1)).published is None
    assert [a.id for a in bench.read_corpus(corpus, min_chars=99)] == ["syn-1"]  # the text field, not the title


def test_bench_span_check_finds_wrong_anchors(bench: ModuleType) -> None:
    text = "Anna Beispiel sagte etwas."
    g = Graph()
    claim = URIRef("https://example.org/claim/1")
    for i, (begin, end, anchor) in enumerate([(0, 13, "Anna Beispiel"), (0, 4, "Bert"), (20, 99, "etwas.")]):
        span = URIRef(f"https://example.org/span/{i}")
        g.add((claim, PROV.wasDerivedFrom, span))
        g.add((span, NIF.beginIndex, Literal(begin)))
        g.add((span, NIF.endIndex, Literal(end)))
        g.add((span, NIF.anchorOf, Literal(anchor)))
    g.add((claim, PROV.wasDerivedFrom, URIRef("https://example.org/span/no-offsets")))
    checked, bad = bench.check_graph_spans(g, text)
    assert checked == 4
    assert bad == [(0, 4), (20, 99), (None, None)]


def test_bench_runs_build_and_validation_and_counts(bench: ModuleType, corpus: Path, tmp_path: Path) -> None:
    out_json = tmp_path / "bench.json"
    code, md = run(bench, ["--corpus", str(corpus), "--limit", "3", "--json", str(out_json)], real_stages(bench))
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert code == 0, md
    arts = {a["id"]: a for a in data["articles"]}
    assert list(arts) == ["syn-1", "syn-2", "syn-3"]
    assert [arts[i]["quotes"] for i in arts] == [1, 0, 1]
    assert [arts[i]["claims"] for i in arts] == [1, 0, 1]
    assert arts["syn-2"]["entities"] == 1
    assert all(set(a["times"]) == {"extract", "build", "validate"} for a in arts.values())
    assert all(a["spans"] > 0 and a["bad_spans"] == [] for a in arts.values())
    s = data["summary"]
    assert s["crashes"] == [] and s["span_errors"] == 0 and s["articles"] == 3
    assert s["quotes"]["total"] == 2 and s["claims"]["median"] == 1
    assert s["non_conforming"] == sum(1 for a in arts.values() if a["conforms"] is False)
    assert "| articles (characters) | 3 (" in md and "Slowest articles (by CPU time):" in md
    assert md.startswith("Command: `.venv/bin/python bench/run.py --corpus")
    # The output holds ids, sizes and counts, never the article text.
    assert "Radweg" not in out_json.read_text(encoding="utf-8") and "Radweg" not in md


def test_bench_records_a_crash_and_goes_on(bench: ModuleType, corpus: Path, tmp_path: Path) -> None:
    def extract(text: str, *, published: Any = None, source: str | None = None) -> Document:
        if source == "syn-2":
            raise KeyError("no lexicon entry")
        return stub_extract(text, published=published, source=source)

    out_json = tmp_path / "bench.json"
    code, md = run(bench, ["--corpus", str(corpus), "--no-validate", "--json", str(out_json)],
                   real_stages(bench, extract))
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert code == 1
    (crash,) = data["summary"]["crashes"]
    where = crash.pop("where")
    assert crash == {"stage": "extract", "type": "KeyError", "message": "'no lexicon entry'", "article": "syn-2"}
    assert where.startswith("test_bench.py:") and where.endswith(" in extract")
    assert [a["crash"] is None for a in data["articles"]] == [True, False, True]
    assert data["summary"]["non_conforming"] is None
    assert f"| syn-2 | extract | {where} | `KeyError`" in md


def test_bench_reports_a_span_that_is_not_the_text(bench: ModuleType, corpus: Path, tmp_path: Path) -> None:
    def extract(text: str, *, published: Any = None, source: str | None = None) -> Document:
        doc = stub_extract(text, published=published, source=source)
        shifted = Span(1, 14, text[0:13])  # right length, wrong place: one character off
        return Document(article=doc.article, claims=(Claim("claim/1", (), "x", shifted),))

    out_json = tmp_path / "bench.json"
    code, _ = run(bench, ["--corpus", str(corpus), "--limit", "1", "--json", str(out_json)],
                  real_stages(bench, extract))
    summary = json.loads(out_json.read_text(encoding="utf-8"))["summary"]
    assert code == 1
    assert summary["doc_span_errors"] == 1 and summary["articles_with_span_errors"] == ["syn-1"]


def test_bench_timeout_stops_a_slow_article(bench: ModuleType, corpus: Path, tmp_path: Path) -> None:
    def extract(text: str, *, published: Any = None, source: str | None = None) -> Document:
        if source == "syn-1":
            time.sleep(5)
        return stub_extract(text, published=published, source=source)

    out_json = tmp_path / "bench.json"
    started = time.perf_counter()
    run(bench, ["--corpus", str(corpus), "--timeout", "0.3", "--no-validate", "--json", str(out_json)],
        real_stages(bench, extract))
    assert time.perf_counter() - started < 4
    crashes = json.loads(out_json.read_text(encoding="utf-8"))["summary"]["crashes"]
    assert [(c["article"], c["type"]) for c in crashes] == [("syn-1", "ArticleTimeout")]


def test_bench_long_mode_runs_only_long_articles(bench: ModuleType, corpus: Path, tmp_path: Path) -> None:
    out_json = tmp_path / "bench.json"
    code, md = run(bench, ["--corpus", str(corpus), "--long", "--long-min-chars", "99", "--tracemalloc",
                           "--json", str(out_json)], real_stages(bench))
    rows = [line for line in md.splitlines() if line.startswith("| syn-")]
    assert code == 0
    assert len(rows) == 1 and rows[0].startswith("| syn-1 |")
    assert "peak alloc (MB)" in md
    (art,) = json.loads(out_json.read_text(encoding="utf-8"))["articles"]
    assert 0 < art["traced_peak_mb"] < 50 and art["rss_mb"] > 0


def test_bench_profile_names_hot_functions(bench: ModuleType, corpus: Path) -> None:
    def extract(text: str, *, published: Any = None, source: str | None = None) -> Document:
        return stub_extract(text, published=published, source=source)

    code, md = run(bench, ["--corpus", str(corpus), "--profile", "--no-validate"], real_stages(bench, extract))
    assert code == 0
    assert "Functions by own time:" in md and "(to_graph)" in md  # the build stage was profiled


def test_bench_tallies_shacl_results_by_shape(bench: ModuleType, corpus: Path, tmp_path: Path) -> None:
    from types import SimpleNamespace

    from kgbuild.rdf import to_graph

    kgsh = "https://w3id.org/kgbuild/shapes#"

    def check(graph: Graph) -> Any:
        results = [SimpleNamespace(severity="Warning", source_shape=URIRef(kgsh + "Claim-statedOn-present"))]
        if any(True for _ in graph.triples((None, URIRef("https://w3id.org/kgbuild/ns#quote"), None))):
            results.append(SimpleNamespace(severity="Violation", source_shape=URIRef(kgsh + "Claim-quote-text")))
        return SimpleNamespace(conforms=len(results) == 1, results=tuple(results))

    out_json = tmp_path / "bench.json"
    code, md = run(bench, ["--corpus", str(corpus), "--json", str(out_json)],
                   bench.Stages(extract=stub_extract, to_graph=to_graph, validate=check))
    s = json.loads(out_json.read_text(encoding="utf-8"))["summary"]
    assert code == 0  # non-conforming graphs are reported, not a failure of the run
    assert s["non_conforming"] == 2 and s["non_conforming_articles"] == ["syn-1", "syn-3"]
    assert s["violation_shapes"] == {"kgsh:Claim-quote-text": 2}
    assert s["warning_shapes"] == {"kgsh:Claim-statedOn-present": 3}
    assert "| kgsh:Claim-quote-text | 2 |" in md


def test_bench_load_stages_passes_the_validation_engine(bench: ModuleType) -> None:
    from kgbuild.pipeline import extract
    from kgbuild.validate import validate

    stages = bench.load_stages(engine="pyshacl")
    assert stages.extract is extract
    assert stages.validate.func is validate and stages.validate.keywords == {"engine": "pyshacl"}
    assert bench.load_stages(validate=False).validate is None


def test_bench_gc_clock_counts_full_collections(bench: ModuleType, corpus: Path, tmp_path: Path) -> None:
    import gc

    clock = bench.GcClock()
    gc.callbacks.append(clock)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(clock)
    assert clock.count[2] == 1 and clock.seconds[2] >= 0.0

    out_json = tmp_path / "bench.json"
    code, md = run(bench, ["--corpus", str(corpus), "--gc-freeze", "--no-validate", "--json", str(out_json)],
                   real_stages(bench))
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert code == 0 and len(data["gc"]["collections"]) == 3
    assert "| garbage collector: full collections" in md
    assert gc.get_freeze_count() == 0  # the bench unfreezes what it froze
    assert clock not in gc.callbacks and not any(isinstance(c, bench.GcClock) for c in gc.callbacks)


def test_bench_engines_compares_every_installed_engine_with_pyshacl(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engines = load_script(BENCH.parent / "engines.py", "kgbuild_bench_engines")
    assert engines.main(["--corpus", str(corpus), "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "| pyshacl | reference |" in out
    # every engine gives pySHACL's results on the clean graphs and on their damaged copies
    assert "| kgbuild | 3/3, 3/3 |" in out
    assert "| pyshacl-turbo | 3/3, 3/3 |" in out


def test_bench_reports_coverage_per_outlet(bench: ModuleType, corpus: Path, tmp_path: Path) -> None:
    out_json = tmp_path / "bench.json"
    from kgbuild.rdf import to_graph

    stages = bench.Stages(extract=stub_extract, to_graph=to_graph, validate=None, coverage=bench._coverage_function())
    code, md = run(bench, ["--corpus", str(corpus), "--limit", "3", "--no-validate", "--json", str(out_json)], stages)
    assert code == 0, md
    data = json.loads(out_json.read_text(encoding="utf-8"))
    arts = {a["id"]: a for a in data["articles"]}
    assert all(0.5 < a["coverage"] <= 1.0 for a in arts.values())
    cov = data["summary"]["coverage"]["example.org"]
    assert cov["articles"] == 3 and cov["min"] == min(a["coverage"] for a in arts.values())
    assert "| outlet | articles | mean | median | min | < 90 % | < 50 % |" in md and "| example.org | 3 |" in md


def test_bench_lists_articles_below_ninety_percent(bench: ModuleType) -> None:
    results = [bench.ArticleResult(id=f"a{i}", source="x.org", chars=100, coverage=c)
               for i, c in enumerate([1.0, 0.95, 0.8, 0.4])]
    cov = bench.coverage_by_source(results)["x.org"]
    assert (cov["below_90"], cov["below_50"]) == (2, 1)
    assert [x["id"] for x in cov["low"]] == ["a3", "a2"]
    md = "\n".join(bench.markdown_coverage({"x.org": cov}))
    assert "| x.org | a3 | 100 | 40.0 % |" in md
