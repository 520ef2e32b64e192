#!/usr/bin/env python
"""Benchmark kgbuild on a corpus of real articles: extraction → RDF build → SHACL validation.

Reads the first ``--limit`` articles (after ``--offset``) of a gzip JSON Lines corpus with the
fields ``id``, ``title``, ``text``, ``source`` and ``published``, and runs, for each one::

    doc = kgbuild.pipeline.extract(text, published=published or None, source=id)
    graph = kgbuild.rdf.to_graph(doc)
    report = kgbuild.validate.validate(graph)

It times every stage with :func:`time.perf_counter`, records crashes (stage, exception type,
message, article id) and goes on, checks every evidence span (``nif:anchorOf`` must equal
``text[begin:end]``), counts claims, quotes, entities, events and positions, and prints a
Markdown summary ready to paste into bench/README.md, with the exact command used.

Startup (imports, lexicon and shapes loading, first-call caches) is measured separately on a
short hand-written warm-up article and excluded from the throughput figures.

``--long`` runs every article over ``--long-min-chars`` characters instead (the corpus's live
blogs) and prints time and memory per article, to show that the cost stays bounded.

The corpus texts are never written anywhere: the JSON output holds ids, sizes, offsets, counts
and times, not text.

Example:
    .venv/bin/python bench/run.py --limit 1000 --json /tmp/bench.json
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import gzip
import io
import json
import os
import platform
import pstats
import resource
import shlex
import signal
import statistics
import subprocess
import sys
import time
import traceback
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("KGBUILD_BENCH_CORPUS", "/work/shared/corpus/de_news.jsonl.gz"))
STAGES = ("extract", "build", "validate")
TARGET_PER_SECOND = 20.0  # articles per second per core, extraction + build + validation

# The contract terms the bench counts (DATA_MODEL.md). Spelled out here, not imported from
# kgbuild.rdf, so the bench can check a graph even when the mapping under test is broken.
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_KG = "https://w3id.org/kgbuild/ns#"
_SCHEMA = "https://schema.org/"
_NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
_PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_ENTITY_CLASSES = ("Person", "Country", "Place", "Organization")

# A short invented article for the warm-up run (not corpus text): it makes every stage load
# its lexicons, shapes and caches before the clock starts.
WARMUP_TEXT = (
    "Ministerin kündigt neue Hilfen für Landwirte an\n\n"
    "Berlin – Die Bundesregierung will Landwirten nach der Dürre helfen. "
    'Agrarministerin Anna Beispiel sagte am Dienstag in Berlin: "Wir lassen niemanden allein." '
    "Laut der Deutschen Presse-Agentur sollen rund 300 Millionen Euro bereitstehen. "
    "Der Bauernverband kritisierte, die Summe reiche nicht aus."
)


# ----------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class CorpusArticle:
    """One corpus line, with the text built as the pipeline expects it."""

    id: str
    source: str
    text: str
    published: str | None

    @property
    def chars(self) -> int:
        return len(self.text)


def article_text(obj: dict[str, Any]) -> str:
    """The article as the pipeline reads it: the headline line, a blank line, the body.

    The dev articles start with their headline; corpus lines keep it in ``title`` (``null``
    for derstandard.at, whose ``text`` already begins with title and lead).

    >>> article_text({"title": "Kopf", "text": "Rumpf."})
    'Kopf\\n\\nRumpf.'
    >>> article_text({"title": None, "text": "Rumpf."})
    'Rumpf.'
    """
    title = obj.get("title")
    text = obj.get("text") or ""
    return f"{title}\n\n{text}" if title else text


def read_corpus(path: Path, *, limit: int | None = None, offset: int = 0,
                min_chars: int | None = None) -> Iterator[CorpusArticle]:
    """Yield articles of a gzip (or plain) JSON Lines corpus, in file order.

    Args:
        path: the ``.jsonl.gz`` (or ``.jsonl``) file.
        limit: at most this many articles (``None``: all).
        offset: skip this many lines (or, with ``min_chars``, this many selected articles) first.
        min_chars: only articles whose ``text`` field (without the title) is longer than this.
    """
    opener = gzip.open if path.suffix == ".gz" else open
    taken = skipped = 0
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if limit is not None and taken >= limit:
                return
            if not line.strip():
                continue
            obj = json.loads(line)
            # The length of the corpus's own text field, as its README counts (14 over 50,000).
            if min_chars is not None and len(obj.get("text") or "") <= min_chars:
                continue
            text = article_text(obj)
            if skipped < offset:
                skipped += 1
                continue
            taken += 1
            yield CorpusArticle(
                id=str(obj.get("id")), source=str(obj.get("source") or ""), text=text,
                published=obj.get("published") or None,
            )


# ----------------------------------------------------------------------------- stages


@dataclass(frozen=True)
class Stages:
    """The three functions under test; injectable so the bench itself can be tested."""

    extract: Callable[..., Any]
    to_graph: Callable[[Any], Any]
    validate: Callable[[Any], Any] | None
    coverage: Callable[[str], float] | None = None  # share of the text the claim stage reads


def load_stages(*, validate: bool = True, engine: str | None = None) -> Stages:
    """Import kgbuild's pipeline, mapping and validator (falls back to ``src/`` if not installed).

    Args:
        validate: also load the validator.
        engine: the validation engine (``validate(..., engine=...)``); ``None`` for its default.
    """
    try:
        import kgbuild  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(REPO / "src"))
    from kgbuild.pipeline import extract
    from kgbuild.rdf import to_graph

    cover = _coverage_function()
    if not validate:
        return Stages(extract=extract, to_graph=to_graph, validate=None, coverage=cover)
    from kgbuild.validate import validate as check

    if engine is not None:
        with_engine: Callable[[Any], Any] = functools.partial(check, engine=engine)  # type: ignore[arg-type]
        return Stages(extract=extract, to_graph=to_graph, validate=with_engine, coverage=cover)
    return Stages(extract=extract, to_graph=to_graph, validate=check, coverage=cover)


def _coverage_function() -> Callable[[str], float] | None:
    """``text -> share of its characters in sentences the claim stage reads`` (segmentation as in extract)."""
    try:
        from kgbuild.segment import coverage, segment
    except ImportError:  # an older kgbuild without the measure
        return None
    return lambda text: coverage(text, segment(text))


# ----------------------------------------------------------------------------- per article


@dataclass
class Crash:
    """An exception raised by a stage on one article."""

    stage: str
    type: str
    message: str
    article: str
    where: str = ""  # the innermost kgbuild frame: "claims.py:212 in find_claims"


@dataclass
class ArticleResult:
    """What the bench measured on one article (ids, sizes, counts and times; never text)."""

    id: str
    source: str
    chars: int
    times: dict[str, float] = field(default_factory=dict)  # wall seconds per stage that ran
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of this process per stage
    crash: Crash | None = None
    claims: int = 0
    quotes: int = 0
    entities: int = 0
    events: int = 0
    positions: int = 0
    triples: int = 0
    spans: int = 0
    bad_spans: list[tuple[int | None, int | None]] = field(default_factory=list)  # in the graph
    bad_doc_spans: list[tuple[int, int]] = field(default_factory=list)  # in the Document
    coverage: float | None = None  # share of the characters in sentences the claim stage reads
    conforms: bool | None = None
    violations: int = 0
    warnings: int = 0
    violation_shapes: dict[str, int] = field(default_factory=dict)
    warning_shapes: dict[str, int] = field(default_factory=dict)
    rss_mb: float | None = None  # resident set size after the article
    traced_peak_mb: float | None = None  # peak Python allocations while it ran, over the start (--tracemalloc)

    @property
    def total(self) -> float:
        return sum(self.times.values())


class ArticleTimeout(Exception):
    """Raised by the interval timer when one article takes longer than ``--timeout``."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise ArticleTimeout("article took longer than --timeout")


def document_spans(doc: Any) -> Iterator[Any]:
    """Every :class:`~kgbuild.model.Span` a Document holds (headline, mentions, events, claims)."""
    art = doc.article
    if getattr(art, "headline_span", None) is not None:
        yield art.headline_span
    for e in doc.entities:
        yield from e.mentions
    for p in doc.positions:
        yield from p.mentions
    for ev in doc.events:
        yield ev.span
    for c in doc.claims:
        yield c.span


def check_document_spans(doc: Any, text: str) -> list[tuple[int, int]]:
    """Offsets of the Document's spans whose text is not ``text[begin:end]``."""
    bad = []
    for s in document_spans(doc):
        if not (0 <= s.begin <= s.end <= len(text)) or text[s.begin : s.end] != s.text:
            bad.append((s.begin, s.end))
    return sorted(set(bad))


def check_graph_spans(graph: Any, text: str) -> tuple[int, list[tuple[int | None, int | None]]]:
    """Check every evidence span of a graph against the article text.

    A span is every object of ``prov:wasDerivedFrom`` and every ``nif:OffsetBasedString``. It is
    bad if it lacks ``nif:beginIndex``, ``nif:endIndex`` or ``nif:anchorOf``, if its offsets fall
    outside the text, or if ``nif:anchorOf`` differs from ``text[begin:end]`` (code points).

    Returns:
        The number of spans checked and the (begin, end) offsets of the bad ones.
    """
    from rdflib import URIRef

    begin_p, end_p, anchor_p = URIRef(_NIF + "beginIndex"), URIRef(_NIF + "endIndex"), URIRef(_NIF + "anchorOf")
    spans = set(graph.objects(None, URIRef(_PROV_DERIVED)))
    spans |= set(graph.subjects(URIRef(_RDF_TYPE), URIRef(_NIF + "OffsetBasedString")))
    bad: list[tuple[int | None, int | None]] = []
    for node in spans:
        b, e, a = graph.value(node, begin_p), graph.value(node, end_p), graph.value(node, anchor_p)
        try:
            begin, end = int(b), int(e)
        except (TypeError, ValueError):
            bad.append((None, None))
            continue
        if a is None or not (0 <= begin <= end <= len(text)) or text[begin:end] != str(a):
            bad.append((begin, end))
    return len(spans), sorted(bad, key=lambda be: (be[0] is None, be[0] or 0, be[1] or 0))


def count_graph(graph: Any) -> dict[str, int]:
    """Claims, quotes, entities, events, positions and triples in a graph, by the contract terms."""
    from rdflib import URIRef

    rdf_type = URIRef(_RDF_TYPE)

    def typed(cls: str) -> set[Any]:
        return set(graph.subjects(rdf_type, URIRef(cls)))

    entities: set[Any] = set()
    for cls in _ENTITY_CLASSES:
        entities |= typed(_SCHEMA + cls)
    return {
        "claims": len(typed(_KG + "Claim")),
        "quotes": sum(1 for _ in graph.triples((None, URIRef(_KG + "quote"), None))),
        "entities": len(entities),
        "events": len(typed(_SCHEMA + "Event")),
        "positions": len(typed(_KG + "Position")),
        "triples": len(graph),
    }


def _short(node: Any) -> str:
    s = str(node)
    for prefix, ns in (("kgsh:", "https://w3id.org/kgbuild/shapes#"), ("kg:", _KG), ("schema:", _SCHEMA)):
        if s.startswith(ns):
            return prefix + s[len(ns):]
    return s


def _first_line(message: str, limit: int = 300) -> str:
    line = message.strip().splitlines()[0] if message.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _where(exc: BaseException) -> str:
    """The innermost traceback frame in kgbuild's sources (else the innermost frame)."""
    frames = traceback.extract_tb(exc.__traceback__)
    # the package's own folder, not any folder called "kgbuild" (a clone may be named so)
    module = sys.modules.get("kgbuild")
    package = (os.path.dirname(os.path.abspath(module.__file__)) if module and module.__file__
               else str(REPO / "src" / "kgbuild")).replace(os.sep, "/") + "/"
    ours = [f for f in frames if os.path.abspath(f.filename).replace(os.sep, "/").startswith(package)]
    if not (ours or frames):
        return ""
    f = (ours or frames)[-1]
    path = os.path.abspath(f.filename).replace(os.sep, "/")
    path = path[len(package):] if path.startswith(package) else os.path.basename(path)
    return f"{path}:{f.lineno} in {f.name}"


def run_article(art: CorpusArticle, stages: Stages, *, timeout: float | None = None,
                trace: bool = False) -> ArticleResult:
    """Run the stages on one article and measure them; an exception is recorded, not raised."""
    res = ArticleResult(id=art.id, source=art.source, chars=art.chars)
    traced_before = 0
    if trace:
        tracemalloc.reset_peak()
        traced_before = tracemalloc.get_traced_memory()[0]
    if timeout:
        signal.setitimer(signal.ITIMER_REAL, timeout)
    # CPU time next to wall time: on a shared machine other processes stretch the wall clock.
    stage, started, cpu = "extract", time.perf_counter(), time.process_time()
    try:
        doc = stages.extract(art.text, published=art.published or None, source=art.id)
        res.times["extract"], res.cpu["extract"] = time.perf_counter() - started, time.process_time() - cpu
        res.bad_doc_spans = check_document_spans(doc, art.text)
        stage, started, cpu = "build", time.perf_counter(), time.process_time()
        graph = stages.to_graph(doc)
        res.times["build"], res.cpu["build"] = time.perf_counter() - started, time.process_time() - cpu
        if stages.validate is not None:
            stage, started, cpu = "validate", time.perf_counter(), time.process_time()
            report = stages.validate(graph)
            res.times["validate"], res.cpu["validate"] = time.perf_counter() - started, time.process_time() - cpu
            res.conforms = bool(report.conforms)
            violations = [r for r in report.results if r.severity == "Violation"]
            res.violations = len(violations)
            warnings = [r for r in report.results if r.severity == "Warning"]
            res.warnings = len(warnings)
            res.warning_shapes = dict(Counter(_short(r.source_shape) for r in warnings))
            res.violation_shapes = dict(Counter(_short(r.source_shape) for r in violations))
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
        # Measuring is not timed: it is the bench's work, not kgbuild's.
        stage = "measure"
        if stages.coverage is not None:
            res.coverage = stages.coverage(art.text)
        res.spans, res.bad_spans = check_graph_spans(graph, art.text)
        for k, v in count_graph(graph).items():
            setattr(res, k, v)
    except Exception as exc:  # noqa: BLE001 - the bench records every failure and goes on
        if stage in STAGES:
            res.times[stage], res.cpu[stage] = time.perf_counter() - started, time.process_time() - cpu
        res.crash = Crash(stage=stage, type=type(exc).__name__, message=_first_line(str(exc)), article=art.id,
                          where=_where(exc))
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
    res.rss_mb = current_rss_mb()
    if trace:
        # What the article needed on top of what was held when it started (caches, earlier garbage).
        res.traced_peak_mb = (tracemalloc.get_traced_memory()[1] - traced_before) / 2**20
    return res


# ----------------------------------------------------------------------------- process


def current_rss_mb() -> float | None:
    """The resident set size now (Linux ``/proc``; ``None`` elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


def peak_rss_mb() -> float:
    """The peak resident set size of this process (``ru_maxrss``: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def environment() -> dict[str, Any]:
    """Python, platform, CPU and the git commit the bench ran on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    commit = None
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no", "src"],
                               capture_output=True, text=True, check=True).stdout.strip()
        if dirty:
            commit += " (+ uncommitted changes in src/)"
    except (OSError, subprocess.CalledProcessError):
        pass
    return {"python": platform.python_version(), "platform": platform.platform(), "cpu": cpu,
            "cores": os.cpu_count(), "commit": commit}


def warm_up(stages: Stages) -> tuple[dict[str, float], str | None]:
    """Run every stage once on :data:`WARMUP_TEXT`; the times are the first-call (startup) cost.

    Returns:
        The seconds per stage that ran, and the error that stopped the warm-up (or ``None``).
        A failing warm-up does not stop the bench: the corpus run records its own crashes.
    """
    out: dict[str, float] = {}
    stage, started = "extract", time.perf_counter()
    try:
        doc = stages.extract(WARMUP_TEXT, published="2024-06-04", source="warm-up")
        out["extract"] = time.perf_counter() - started
        stage, started = "build", time.perf_counter()
        graph = stages.to_graph(doc)
        out["build"] = time.perf_counter() - started
        if stages.validate is not None:
            stage, started = "validate", time.perf_counter()
            stages.validate(graph)
            out["validate"] = time.perf_counter() - started
    except Exception as exc:  # noqa: BLE001 - reported with the startup figures
        out[stage] = time.perf_counter() - started
        return out, f"{stage}: {type(exc).__name__}: {_first_line(str(exc))}"
    return out, None


class GcClock:
    """CPU time the cyclic garbage collector spends, per generation (via ``gc.callbacks``).

    A full (generation 2) collection walks every live object, the lexicons and shapes too,
    so it shows up as a pause in whichever stage happens to trigger it.
    """

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.count = [0, 0, 0]
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds[info["generation"]] += time.process_time() - self._start
            self.count[info["generation"]] += 1


# ----------------------------------------------------------------------------- summary


def _mean(xs: Sequence[float]) -> float:
    return statistics.fmean(xs) if xs else 0.0


def _median(xs: Sequence[float]) -> float:
    return statistics.median(xs) if xs else 0.0


def _pct(xs: Sequence[float], q: float) -> float:
    if not xs:
        return 0.0
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def summarize(results: Sequence[ArticleResult], *, validated: bool) -> dict[str, Any]:
    """Aggregate per-article results into the figures the README reports."""
    ok = [r for r in results if r.crash is None]
    stage_names = [s for s in STAGES if validated or s != "validate"]
    stage_time = {s: sum(r.times.get(s, 0.0) for r in results) for s in stage_names}
    stage_cpu = {s: sum(r.cpu.get(s, 0.0) for r in results) for s in stage_names}
    total_time = sum(stage_time.values())
    total_cpu = sum(stage_cpu.values())
    n = len(results)
    chars = sum(r.chars for r in results)
    totals = [r.total for r in results]
    return {
        "articles": n,
        "chars": chars,
        "seconds": total_time,
        "stage_seconds": stage_time,
        "articles_per_second": n / total_time if total_time else 0.0,
        "stage_articles_per_second": {s: (n / t if t else 0.0) for s, t in stage_time.items()},
        "cpu_seconds": total_cpu,
        "stage_cpu_seconds": stage_cpu,
        "articles_per_cpu_second": n / total_cpu if total_cpu else 0.0,
        "stage_articles_per_cpu_second": {s: (n / t if t else 0.0) for s, t in stage_cpu.items()},
        "chars_per_second": chars / total_time if total_time else 0.0,
        "latency": {"mean": _mean(totals), "median": _median(totals), "p95": _pct(totals, 0.95),
                    "max": max(totals, default=0.0)},
        "claims": {"mean": _mean([r.claims for r in ok]), "median": _median([r.claims for r in ok]),
                   "total": sum(r.claims for r in ok)},
        "quotes": {"mean": _mean([r.quotes for r in ok]), "median": _median([r.quotes for r in ok]),
                   "total": sum(r.quotes for r in ok)},
        "entities_mean": _mean([r.entities for r in ok]),
        "events_mean": _mean([r.events for r in ok]),
        "positions_mean": _mean([r.positions for r in ok]),
        "triples_mean": _mean([r.triples for r in ok]),
        "with_claim": sum(1 for r in ok if r.claims),
        "with_quote": sum(1 for r in ok if r.quotes),
        "crashes": [asdict(r.crash) for r in results if r.crash is not None],
        "spans_checked": sum(r.spans for r in results),
        "span_errors": sum(len(r.bad_spans) for r in results),
        "doc_span_errors": sum(len(r.bad_doc_spans) for r in results),
        "articles_with_span_errors": [r.id for r in results if r.bad_spans or r.bad_doc_spans],
        "non_conforming": sum(1 for r in results if r.conforms is False) if validated else None,
        "violations": sum(r.violations for r in results),
        "warnings": sum(r.warnings for r in results),
        "violation_shapes": dict(sum((Counter(r.violation_shapes) for r in results), Counter()).most_common()),
        "warning_shapes": dict(sum((Counter(r.warning_shapes) for r in results), Counter()).most_common()),
        "non_conforming_articles": [r.id for r in results if r.conforms is False],
        # By CPU time: on a shared machine the wall clock also counts time the process waited.
        "slowest": [{"id": r.id, "chars": r.chars, "seconds": r.total, "cpu_seconds": sum(r.cpu.values()),
                     "times": r.times, "cpu": r.cpu}
                    for r in sorted(results, key=lambda r: (sum(r.cpu.values()), r.total), reverse=True)[:5]],
        "coverage": coverage_by_source(results),
        "peak_rss_mb": peak_rss_mb(),
        "max_traced_peak_mb": max((r.traced_peak_mb for r in results if r.traced_peak_mb is not None),
                                  default=None),
    }


COVERAGE_LOW = 0.90  # articles below this share are listed


def coverage_by_source(results: Sequence[ArticleResult]) -> dict[str, Any]:
    """Per outlet: mean, median and minimum share of characters the claim stage reads, and the articles below 90 %."""
    by: dict[str, list[ArticleResult]] = {}
    for r in results:
        if r.coverage is not None:
            by.setdefault(r.source or "?", []).append(r)
    out: dict[str, Any] = {}
    for source in sorted(by):
        rs = by[source]
        cov = [r.coverage for r in rs if r.coverage is not None]
        low = sorted((r for r in rs if r.coverage is not None and r.coverage < COVERAGE_LOW),
                     key=lambda r: r.coverage or 0.0)
        out[source] = {"articles": len(cov), "mean": _mean(cov), "median": _median(cov), "min": min(cov),
                       "below_90": len(low), "below_50": sum(1 for c in cov if c < 0.5),
                       "low": [{"id": r.id, "chars": r.chars, "coverage": r.coverage} for r in low]}
    return out


def markdown_coverage(cov: dict[str, Any], *, listed: int = 15) -> list[str]:
    """The coverage table and the articles below 90 % (the lowest ``listed`` of each outlet)."""
    if not cov:
        return []
    lines = ["", "Coverage: share of each article's characters (without spaces) in sentences the claim stage "
             "reads (lead and body; not headline, byline, captions, sub-headings, credits):", "",
             "| outlet | articles | mean | median | min | < 90 % | < 50 % |", "|---|---:|---:|---:|---:|---:|---:|"]
    for source, c in cov.items():
        lines.append(f"| {source} | {c['articles']:,} | {100 * c['mean']:.1f} % | {100 * c['median']:.1f} % | "
                     f"{100 * c['min']:.1f} % | {c['below_90']} | {c['below_50']} |")
    low = [(source, x) for source, c in cov.items() for x in c["low"][:listed]]
    if low:
        lines += ["", "Articles below 90 %:", "", "| outlet | article | characters | coverage |", "|---|---|---:|---:|"]
        for source, x in low:
            lines.append(f"| {source} | {x['id']} | {x['chars']:,} | {100 * x['coverage']:.1f} % |")
    return lines


def _f(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def markdown_summary(summary: dict[str, Any], *, startup: dict[str, Any], env: dict[str, Any],
                     command: str, cpu_seconds: float, wall_seconds: float, profiled: bool,
                     gc_clock: GcClock | None = None) -> str:
    """The README table: throughput, latency, memory, output counts and errors, and the command."""
    s = summary
    n = s["articles"]
    st = s["stage_seconds"]
    rate, cpu_rate = s["stage_articles_per_second"], s["stage_articles_per_cpu_second"]
    lat = s["latency"]
    verdict = "meets" if s["articles_per_cpu_second"] >= TARGET_PER_SECOND else "below"
    lines = [
        f"Command: `{command}`",
        "",
        f"Commit {env.get('commit')}, Python {env['python']}, {env['cpu']} ({env['cores']} cores; "
        "the bench is one process on one core, so every rate below is per core).",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| articles (characters) | {n:,} ({s['chars']:,}) |",
        f"| startup: imports + first call (lexicons, shapes) | {_f(startup.get('total', 0.0), 2)} s"
        + (f" (warm-up failed in {startup['warm_up_error'].split(':')[0]})" if startup.get("warm_up_error") else "")
        + " |",
        f"| **articles/s, extract + build{' + validate' if 'validate' in st else ''}** (wall / CPU) | "
        f"**{_f(s['articles_per_second'])} / {_f(s['articles_per_cpu_second'])}** "
        f"({verdict} the target of {TARGET_PER_SECOND:g}/s per core) |",
    ]
    for stage in st:
        share = 100 * s["stage_cpu_seconds"][stage] / s["cpu_seconds"] if s["cpu_seconds"] else 0.0
        lines.append(f"| articles/s, {stage} only (wall / CPU) | {_f(rate[stage])} / {_f(cpu_rate[stage])} "
                     f"({_f(share, 0)} % of the CPU time) |")
    lines += [
        f"| characters/s | {s['chars_per_second']:,.0f} |",
        f"| seconds per article: mean / median / p95 / max | {lat['mean']:.3f} / {lat['median']:.3f} / "
        f"{lat['p95']:.3f} / {lat['max']:.3f} |",
        f"| CPU time / wall time of the whole loop (with reading and checks) | {_f(cpu_seconds)} s / "
        f"{_f(wall_seconds)} s |",
        f"| peak memory (ru_maxrss) | {s['peak_rss_mb']:,.0f} MB |",
    ]
    if gc_clock is not None:
        lines.append(f"| garbage collector: full collections, CPU s (all generations) | {gc_clock.count[2]:,}, "
                     f"{gc_clock.seconds[2]:.2f} s ({sum(gc_clock.seconds):.2f} s) |")
    if s["max_traced_peak_mb"] is not None:
        lines.append(f"| peak Python allocations in one article (tracemalloc) | {s['max_traced_peak_mb']:,.1f} MB |")
    lines += [
        f"| claims per article: mean / median (total) | {_f(s['claims']['mean'], 2)} / {s['claims']['median']:g} "
        f"({s['claims']['total']:,}) |",
        f"| quotes (kg:quote) per article: mean / median (total) | {_f(s['quotes']['mean'], 2)} / "
        f"{s['quotes']['median']:g} ({s['quotes']['total']:,}) |",
        f"| articles with ≥ 1 claim / ≥ 1 quote | {s['with_claim']:,} / {s['with_quote']:,} |",
        f"| entities / events / positions per article (mean) | {_f(s['entities_mean'])} / "
        f"{_f(s['events_mean'], 2)} / {_f(s['positions_mean'], 2)} |",
        f"| triples per article (mean) | {_f(s['triples_mean'])} |",
        f"| crashes | {len(s['crashes'])} |",
        f"| span errors: graph (of spans checked) / document | {s['span_errors']} ({s['spans_checked']:,}) / "
        f"{s['doc_span_errors']} |",
    ]
    if s["non_conforming"] is not None:
        lines.append(f"| non-conforming graphs (SHACL violations / warnings) | {s['non_conforming']} "
                     f"({s['violations']:,} / {s['warnings']:,}) |")
    lines += markdown_coverage(s.get("coverage") or {})
    lines += ["", "Slowest articles (by CPU time):", "",
              "| article | characters | wall s | CPU s | " + " | ".join(f"{k} CPU s" for k in st) + " |",
              "|---|---:|---:|---:|" + "---:|" * len(st)]
    for row in s["slowest"]:
        per = " | ".join(f"{row['cpu'].get(k, 0.0):.3f}" for k in st)
        lines.append(f"| {row['id']} | {row['chars']:,} | {row['seconds']:.3f} | {row['cpu_seconds']:.3f} | {per} |")
    if s["crashes"]:
        lines += ["", "Crashes:", "", "| article | stage | where | exception |", "|---|---|---|---|"]
        for c in s["crashes"]:
            lines.append(f"| {c['article']} | {c['stage']} | {c['where']} | `{c['type']}`: "
                         f"{c['message'].replace('|', '/')} |")
    for kind in ("violation", "warning"):
        if s.get(f"{kind}_shapes"):
            lines += ["", f"SHACL {kind}s by shape:", "", "| shape | results |", "|---|---:|"]
            for shape, k in list(s[f"{kind}_shapes"].items())[:10]:
                lines.append(f"| {shape} | {k:,} |")
    if s.get("non_conforming_articles"):
        lines += ["", "Non-conforming articles: " + ", ".join(s["non_conforming_articles"][:20])
                  + (" …" if len(s["non_conforming_articles"]) > 20 else "")]
    if profiled:
        lines += ["", "(Run under cProfile: times are inflated; use a run without --profile for throughput.)"]
    return "\n".join(lines)


def markdown_long(results: Sequence[ArticleResult], *, command: str) -> str:
    """Per-article table for ``--long``: size, time per stage, time per 1,000 characters, memory."""
    traced = any(r.traced_peak_mb is not None for r in results)
    head = "| article | characters | extract s | build s | validate s | total s (CPU s) | CPU ms / 1k chars | claims " \
           "| triples | RSS after (MB) |" + (" peak alloc (MB) |" if traced else "")
    lines = [f"Command: `{command}`", "", head, "|---|" + "---:|" * (9 + traced)]
    for r in results:
        t = r.times
        cpu = sum(r.cpu.values())
        per_k = 1000 * cpu / (r.chars / 1000) if r.chars else 0.0
        row = (f"| {r.id} | {r.chars:,} | {t.get('extract', 0):.2f} | {t.get('build', 0):.2f} | "
               f"{t.get('validate', 0):.2f} | {r.total:.2f} ({cpu:.2f}) | {per_k:.1f} | {r.claims} | {r.triples:,} | "
               f"{r.rss_mb or 0:,.0f} |")
        if traced:
            row += f" {r.traced_peak_mb or 0:,.0f} |"
        if r.crash:
            row += f" crash in {r.crash.stage}: `{r.crash.type}`"
        lines.append(row)
    lines += ["", f"Peak memory of the whole run (ru_maxrss): {peak_rss_mb():,.0f} MB."]
    return "\n".join(lines)


# ----------------------------------------------------------------------------- profile


def profile_report(prof: cProfile.Profile, *, top: int = 25) -> str:
    """Hot spots: functions by own time and by cumulative time, with their share of the total."""
    stats = pstats.Stats(prof)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values()) or 1.0  # sum of tottime = profiled time

    def name(func: tuple[str, int, str]) -> str:
        path, line, fn = func
        for marker in ("/src/kgbuild/", "/site-packages/"):
            if marker in path:
                path = path.split(marker, 1)[1]
                break
        return f"{path}:{line}({fn})"

    def group(path: str) -> str:
        if "/src/kgbuild/" in path:
            return "kgbuild/" + path.split("/src/kgbuild/", 1)[1]
        if "/site-packages/" in path:
            return path.split("/site-packages/", 1)[1].split("/", 1)[0]
        return "python" if path.startswith("/") else path

    by_own = sorted(raw.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    by_cum = sorted(((f, v) for f, v in raw.items() if "/src/kgbuild/" in f[0]), key=lambda kv: kv[1][3],
                    reverse=True)[:top]
    modules: Counter[str] = Counter()
    for f, v in raw.items():
        modules[group(f[0])] += v[2]
    out = [f"Profiled time: {total:.2f} s", "", "Own time by module or package:", "",
           "| module | own s | share |", "|---|---:|---:|"]
    out += [f"| {m} | {t:.2f} | {100 * t / total:.1f} % |" for m, t in modules.most_common(15)]
    out += ["", "Functions by own time:", "", "| function | calls | own s | share | cumulative s |",
            "|---|---:|---:|---:|---:|"]
    out += [f"| {name(f)} | {v[1]:,} | {v[2]:.2f} | {100 * v[2] / total:.1f} % | {v[3]:.2f} |" for f, v in by_own]
    out += ["", "kgbuild functions by cumulative time:", "", "| function | calls | cumulative s | share |",
            "|---|---:|---:|---:|"]
    out += [f"| {name(f)} | {v[1]:,} | {v[3]:.2f} | {100 * v[3] / total:.1f} % |" for f, v in by_cum]
    return "\n".join(out)


# ----------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="gzip JSON Lines corpus (default: %(default)s)")
    p.add_argument("--limit", type=int, default=1000, help="number of articles (default: %(default)s)")
    p.add_argument("--offset", type=int, default=0, help="skip this many articles first (default: %(default)s)")
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    p.add_argument("--engine", choices=("fast", "pyshacl"),
                   help="validation engine of kgbuild.validate.validate (default: its own default)")
    p.add_argument("--profile", action="store_true", help="run under cProfile and print the hot spots")
    p.add_argument("--profile-out", type=Path, help="also save the cProfile stats to this file")
    p.add_argument("--json", type=Path, metavar="OUT", help="write all figures and per-article records as JSON")
    p.add_argument("--long", action="store_true",
                   help="run every article over --long-min-chars characters (ignores --limit) and report each")
    p.add_argument("--long-min-chars", type=int, default=50_000, help="threshold for --long (default: %(default)s)")
    p.add_argument("--tracemalloc", action="store_true",
                   help="record the peak Python allocations per article (slows the run)")
    p.add_argument("--gc-freeze", action="store_true",
                   help="gc.freeze() after the warm-up, so full collections skip lexicons and shapes")
    p.add_argument("--timeout", type=float, help="give up an article after this many seconds (recorded as a crash)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return p.parse_args(argv)


def _command(argv: Sequence[str] | None) -> str:
    args = list(sys.argv[1:] if argv is None else argv)
    script = sys.argv[0] if argv is None else "bench/run.py"
    try:
        script = os.path.relpath(script, REPO) if os.path.isabs(script) else script
    except ValueError:
        pass
    return " ".join(shlex.quote(a) for a in [".venv/bin/python", script, *args])


def main(argv: Sequence[str] | None = None, *, stages: Stages | None = None, out: io.TextIOBase | None = None) -> int:
    """Run the bench; returns 0, or 1 if there were crashes or span errors.

    Args:
        argv: command-line arguments (``None``: ``sys.argv[1:]``).
        stages: the functions to run (``None``: kgbuild's own); tests pass stand-ins.
        out: where the Markdown goes (``None``: stdout).
    """
    args = parse_args(argv)
    write = (out or sys.stdout).write
    command = _command(argv)
    validated = not args.no_validate

    t0 = time.perf_counter()
    if stages is None:
        stages = load_stages(validate=validated, engine=args.engine)
    elif not validated:
        stages = Stages(stages.extract, stages.to_graph, None, stages.coverage)
    imported = time.perf_counter() - t0
    first, warm_error = warm_up(stages)
    startup: dict[str, Any] = {"imports": imported, **{f"first_{k}": v for k, v in first.items()}}
    startup["total"] = imported + sum(first.values())
    if warm_error:
        startup["warm_up_error"] = warm_error
        print(f"[bench] warm-up failed in {warm_error}", file=sys.stderr)

    if args.long:
        articles: Iterator[CorpusArticle] = read_corpus(args.corpus, offset=args.offset,
                                                        min_chars=args.long_min_chars)
    else:
        articles = read_corpus(args.corpus, limit=args.limit, offset=args.offset)
    if args.timeout:
        signal.signal(signal.SIGALRM, _on_alarm)
    if args.tracemalloc:
        tracemalloc.start()
    if args.gc_freeze:
        gc.collect()
        gc.freeze()
    prof = cProfile.Profile() if args.profile else None
    gc_clock = GcClock()
    gc.callbacks.append(gc_clock)

    results: list[ArticleResult] = []
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for art in articles:
        if prof:
            prof.enable()
        res = run_article(art, stages, timeout=args.timeout, trace=args.tracemalloc)
        if prof:
            prof.disable()
        results.append(res)
        if not args.quiet and (args.long or len(results) % 100 == 0):
            print(f"[bench] {len(results)} articles, last {res.id} ({res.chars:,} chars, {res.total:.2f} s)",
                  file=sys.stderr, flush=True)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    gc.callbacks.remove(gc_clock)
    if args.gc_freeze:
        gc.unfreeze()
    if args.tracemalloc:
        tracemalloc.stop()

    env = environment()
    summary = summarize(results, validated=validated)
    if args.long:
        text = markdown_long(results, command=command)
    else:
        text = markdown_summary(summary, startup=startup, env=env, command=command, cpu_seconds=cpu,
                                wall_seconds=wall, profiled=prof is not None, gc_clock=gc_clock)
    write(text + "\n")
    if prof is not None:
        write("\n" + profile_report(prof) + "\n")
        if args.profile_out:
            prof.dump_stats(str(args.profile_out))
    if args.json:
        payload = {"command": command, "environment": env, "startup": startup, "cpu_seconds": cpu,
                   "wall_seconds": wall, "gc": {"collections": gc_clock.count, "cpu_seconds": gc_clock.seconds},
                   "summary": summary, "articles": [asdict(r) for r in results]}
        args.json.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    failed = summary["crashes"] or summary["span_errors"] or summary["doc_span_errors"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
