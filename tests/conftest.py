"""Shared fixtures: a small hand-written graph in the shape of the query contract, and helpers the
extraction and bench tests share."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import Graph

from kgbuild.model import Document
from kgbuild.pipeline import extract


def extract_body(body: str, headline: str = "Kurzmeldungen") -> Document:
    """The extraction of an invented article: a headline, then ``body``."""
    return extract(headline + "\n\n" + body, published="2021-03-02")


def claimant_names(doc: Document) -> list[str]:
    """The name of each claim's first claimant (its key when it is no entity), in text order."""
    names = []
    for c in doc.claims:
        e = doc.entity(c.claimants[0]) if c.claimants else None
        names.append(e.name if e else (c.claimants[0] if c.claimants else ""))
    return names


def load_script(path: Path, name: str) -> ModuleType:
    """A script of bench/ or tools/ imported as a module (registered, so dataclasses find it)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def write_corpus(path: Path, articles: Iterable[dict]) -> Path:
    """A gzip JSON Lines corpus of ``articles`` at ``path``."""
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for obj in articles:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path

# Two invented articles that share a person, a country and an outlet. Written by hand
# from shared/docs/DATA_MODEL.md so command and query tests do not depend on extraction.
HAND_GRAPH_TTL = """\
@prefix kg: <https://w3id.org/kgbuild/ns#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix a1: <https://w3id.org/kgbuild/article/1111111111111111> .
@prefix a2: <https://w3id.org/kgbuild/article/2222222222222222> .
@prefix id: <https://w3id.org/kgbuild/id/> .

a1: a schema:NewsArticle ;
    schema:headline "Ministerin kündigt Hilfen an"@de ;
    schema:datePublished "2023-03-03"^^xsd:date ;
    schema:inLanguage "de" .

a2: a schema:NewsArticle ;
    schema:headline "Ministerium dementiert Bericht"@de ;
    schema:datePublished "2023-03-10"^^xsd:date ;
    schema:inLanguage "de" .

id:person\\/anna-beispiel a schema:Person ;
    schema:name "Anna Beispiel"@de ;
    schema:alternateName "Beispiel"@de ;
    kg:holdsPosition id:position\\/finanzministerin--country-de--person-anna-beispiel .

id:person\\/bert-muster a schema:Person ;
    schema:name "Bert Muster"@de .

id:country\\/de a schema:Country ;
    schema:name "Deutschland"@de ;
    kg:countryCode "DE" ;
    owl:sameAs <http://www.wikidata.org/entity/Q183> .

id:country\\/at a schema:Country ;
    schema:name "Österreich"@de ;
    kg:countryCode "AT" .

id:place\\/musterstadt a schema:Place ;
    schema:name "Musterstadt"@de ;
    schema:containedInPlace id:country\\/de .

id:organization\\/dpa a schema:Organization ;
    schema:name "dpa"@de .

id:organization\\/apa a schema:Organization ;
    schema:name "APA"@de .

id:position\\/finanzministerin--country-de--person-anna-beispiel a kg:Position ;
    kg:title "Finanzministerin"@de ;
    kg:positionOf id:country\\/de ;
    kg:heldBy id:person\\/anna-beispiel .

id:position\\/sprecher--country-at a kg:Position ;
    kg:title "Sprecher"@de ;
    kg:positionOf id:country\\/at .

<https://w3id.org/kgbuild/article/1111111111111111/event/1> a schema:Event, kg:Protest ;
    schema:name "Kundgebung in Musterstadt"@de ;
    schema:startDate "2023-03-02"^^xsd:date ;
    schema:location id:place\\/musterstadt ;
    kg:agent id:person\\/bert-muster ;
    kg:quantity <https://w3id.org/kgbuild/article/1111111111111111/event/1/quantity/1> ;
    prov:wasDerivedFrom <https://w3id.org/kgbuild/article/1111111111111111#char=0,22> .

<https://w3id.org/kgbuild/article/1111111111111111/event/1/quantity/1>
    schema:minValue 1000 ;
    schema:unitText "Menschen"@de ;
    kg:approximate true .

<https://w3id.org/kgbuild/article/1111111111111111#char=0,22> a nif:OffsetBasedString ;
    nif:beginIndex 0 ; nif:endIndex 22 ;
    nif:anchorOf "Tausende protestierten" ;
    nif:referenceContext a1: .

<https://w3id.org/kgbuild/article/1111111111111111#char=23,61> a nif:OffsetBasedString ;
    nif:beginIndex 23 ; nif:endIndex 61 ;
    nif:anchorOf "Beispiel sagte, es werde Hilfen geben." ;
    nif:referenceContext a1: .

<https://w3id.org/kgbuild/article/1111111111111111/claim/1> a kg:Claim ;
    kg:claimant id:person\\/anna-beispiel ;
    kg:reportedBy id:organization\\/dpa ;
    kg:statedOn "2023-03-03"^^xsd:date ;
    kg:cue "sagte"@de ;
    kg:speechAct kg:Statement ;
    kg:about <https://w3id.org/kgbuild/article/1111111111111111/event/1> ;
    schema:text "es werde Hilfen geben"@de ;
    prov:wasDerivedFrom <https://w3id.org/kgbuild/article/1111111111111111#char=23,61> .

<https://w3id.org/kgbuild/article/2222222222222222#char=5,50> a nif:OffsetBasedString ;
    nif:beginIndex 5 ; nif:endIndex 50 ;
    nif:anchorOf "Der Sprecher dementierte: „Das stimmt nicht.“" ;
    nif:referenceContext a2: .

<https://w3id.org/kgbuild/article/2222222222222222/claim/1> a kg:Claim ;
    kg:claimant id:position\\/sprecher--country-at ;
    kg:reportedBy id:organization\\/apa ;
    kg:statedOn "2023-03-09"^^xsd:date ;
    kg:cue "dementierte"@de ;
    kg:speechAct kg:Denial ;
    kg:polarity kg:Negative ;
    kg:quote "Das stimmt nicht." ;
    kg:about id:person\\/anna-beispiel, id:country\\/de ;
    schema:text "Das stimmt nicht."@de ;
    prov:wasDerivedFrom <https://w3id.org/kgbuild/article/2222222222222222#char=5,50> .

<https://w3id.org/kgbuild/article/2222222222222222/claim/2> a kg:Claim ;
    kg:claimant id:person\\/anna-beispiel ;
    kg:reportedBy id:organization\\/dpa ;
    kg:speechAct kg:Promise ;
    schema:text "die Hilfen kämen bald"@de ;
    prov:wasDerivedFrom <https://w3id.org/kgbuild/article/2222222222222222#char=5,50> .
"""


@pytest.fixture
def hand_graph() -> Graph:
    """The hand-written two-article graph, parsed."""
    return Graph().parse(data=HAND_GRAPH_TTL, format="turtle")


@pytest.fixture
def hand_graph_file(tmp_path: Path) -> Path:
    """The hand-written graph as a Turtle file in a fresh folder."""
    path = tmp_path / "hand.ttl"
    path.write_text(HAND_GRAPH_TTL, encoding="utf-8")
    return path


def _shared_article(repo: Path, name: str = "seed_de_kasachstan.txt") -> Path:
    """The project's reference article, which lives outside the repository (../shared).

    Looked for beside the checkout first, then in the workplace's shared folder, so that a
    clean clone elsewhere still finds it; tests that need it skip when it is nowhere.
    """
    for base in (repo.parent / "shared", Path("/work/shared")):
        candidate = base / "eval" / "articles" / name
        if candidate.is_file():
            return candidate
    return repo.parent / "shared" / "eval" / "articles" / name
