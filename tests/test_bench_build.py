"""Bounded cost of the build stage: found by bench/run.py --long, checked here without timing."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from rdflib import URIRef

from kgbuild.model import Article, Claim, Document, Entity, Span
from kgbuild.rdf import article_iri, span_iri, to_graph


def _many_spans_document(n: int) -> Document:
    # An invented text in which one name recurs n times: one evidence span per mention.
    sentence = "Anna Beispiel sagte etwas. "
    text = "Ein ausgedachter Text über eine lange Sitzung\n\n" + sentence * n
    offset = text.index("Anna")
    mentions = tuple(Span.of(text, offset + i * len(sentence), offset + i * len(sentence) + 13) for i in range(n))
    person = Entity("person/anna-beispiel", "person", "Anna Beispiel", mentions=mentions)
    claim = Claim("claim/1", (person.key,), "etwas", Span.of(text, offset, offset + len(sentence) - 1), cue="sagte")
    return Document(article=Article(text=text), entities=(person,), claims=(claim,))


def test_bench_build_hashes_the_article_text_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _many_spans_document(200)
    calls: list[int] = []
    real = hashlib.sha256

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "sha256", counting)
    graph = to_graph(doc)
    # 200 mention spans, each with its IRI and nif:referenceContext: hashing per span would be 400+ calls.
    assert len(calls) <= 3
    nif_context = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext")
    assert set(graph.objects(None, nif_context)) == {article_iri(doc.article)}
    assert len(set(graph.subjects(nif_context, None))) == 201  # 200 mentions and the claim's sentence


def test_bench_build_article_iri_follows_the_text() -> None:
    a, b = Article(text="Erster Text."), Article(text="Zweiter Text.")
    assert article_iri(a) != article_iri(b)
    assert article_iri(a) == article_iri(Article(text="Erster Text.", headline="Kopf"))
    assert str(article_iri(a)).endswith("/article/" + a.content_hash)
    assert str(span_iri(b, Span.of(b.text, 0, 7))) == f"{article_iri(b)}#char=0,7"
