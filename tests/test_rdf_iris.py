"""IRI minting: readable slugs, stable keys, and a valid IRI for whatever a name holds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from kgbuild.model import ENTITY_KINDS, Article, Claim, Event, Position, Span
from kgbuild.rdf import SCHEMA
from kgbuild.rdf.iris import (
    article_iri,
    claim_iri,
    entity_iri,
    entity_key,
    event_iri,
    is_absolute_iri,
    position_iri,
    position_key,
    quantity_iri,
    slugify,
    span_iri,
)

# Any code point, lone surrogates included: a name from a broken decoder must not break minting.
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=120)
KINDS = st.sampled_from(ENTITY_KINDS)
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Kassym-Schomart Tokajew", "kassym-schomart-tokajew"),
        ("Jürgen Süß", "juergen-suess"),
        ("ÖVP", "oevp"),
        ("Petr Nečas", "petr-necas"),
        ("Občanská demokratická strana (ODS)", "obcanska-demokraticka-strana-ods"),
        ("  --Wenzelsplatz!! ", "wenzelsplatz"),
        ("Łódź", "lodz"),
    ],
)
def test_iris_slugify_transliterates_and_strips(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_iris_slugify_keeps_non_latin_names_apart() -> None:
    putin, medvedev = slugify("Путин"), slugify("Медведев")
    assert putin != medvedev
    assert SLUG.fullmatch(putin) and SLUG.fullmatch(medvedev)
    # ASCII parts stay readable; the hash keeps "Газпром AG" apart from "AG".
    assert slugify("Газпром AG").startswith("ag-")
    assert slugify("Газпром AG") != slugify("AG")


def test_iris_slugify_cuts_long_names_but_keeps_them_distinct() -> None:
    a, b = "x" * 100 + "a", "x" * 100 + "b"
    assert slugify(a) != slugify(b)
    assert len(slugify(a)) <= 73


@settings(deadline=None)
@given(ANY_TEXT)
def test_iris_slugify_is_a_nonempty_ascii_slug(name: str) -> None:
    slug = slugify(name)
    assert SLUG.fullmatch(slug), slug
    assert slug == slugify(name)


@settings(max_examples=300, deadline=None)
@given(KINDS, ANY_TEXT)
def test_iris_any_name_gives_an_iri_that_survives_ntriples(kind: str, name: str) -> None:
    iri = entity_iri(entity_key(kind, name))
    assert is_absolute_iri(str(iri))
    g = Graph()
    g.add((iri, SCHEMA.name, Literal("x")))
    back = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert set(back) == {(iri, SCHEMA.name, Literal("x"))}


@settings(deadline=None)
@given(KINDS, KINDS, ANY_TEXT, ANY_TEXT)
def test_iris_different_kinds_never_collide(k1: str, k2: str, n1: str, n2: str) -> None:
    if k1 != k2:
        assert entity_iri(entity_key(k1, n1)) != entity_iri(entity_key(k2, n2))


@settings(deadline=None)
@given(KINDS, ANY_TEXT)
def test_iris_same_name_and_kind_give_the_same_iri(kind: str, name: str) -> None:
    assert entity_iri(entity_key(kind, name)) == entity_iri(entity_key(kind, str(name)))


@settings(deadline=None)
@given(ANY_TEXT)
def test_iris_entity_iri_encodes_any_key(key: str) -> None:
    assert is_absolute_iri(str(entity_iri(key)))


@pytest.mark.parametrize("name", ["a\ud800b", "\udfff", "x y\x00z", "🙂", "\u200b"])
def test_iris_odd_code_points_give_valid_iris(name: str) -> None:
    for kind in ENTITY_KINDS:
        assert is_absolute_iri(str(entity_iri(entity_key(kind, name))))
    assert is_absolute_iri(str(entity_iri("person/" + name)))


def test_iris_country_key_is_its_iso_code() -> None:
    assert entity_key("country", "Griechenland", country_code="GR") == "country/gr"
    assert entity_iri("country/gr") == URIRef("https://w3id.org/kgbuild/id/country/gr")
    assert entity_key("country", "Sowjetunion") == "country/sowjetunion"


@pytest.mark.parametrize(
    ("kind", "code"),
    [("planet", None), ("person", "DE"), ("country", "GRC"), ("country", "G1")],
)
def test_iris_entity_key_rejects_bad_kind_or_code(kind: str, code: str | None) -> None:
    with pytest.raises(ValueError):
        entity_key(kind, "X", country_code=code)


def test_iris_article_objects_live_below_the_article() -> None:
    art = Article("Prag – Nečas sagte, es gebe keine Neuwahlen.")
    base = f"https://w3id.org/kgbuild/article/{art.content_hash}"
    span = Span.of(art.text, 7, 12)
    claim = Claim("claim/1", ("person/petr-necas",), "es gebe keine Neuwahlen", span)
    event = Event("event/2", ("Election",), "Neuwahlen", span)
    assert article_iri(art) == URIRef(base)
    assert span_iri(art, span) == URIRef(base + "#char=7,12")
    assert claim_iri(art, claim) == URIRef(base + "/claim/1")
    assert event_iri(art, event) == URIRef(base + "/event/2")
    assert quantity_iri(art, event, 1) == URIRef(base + "/event/2/quantity/1")


def test_iris_positions_are_global_unless_bare() -> None:
    art = Article("text")
    held = Position("position/x", "Ministerpräsident", "country/gr", "person/giorgos-andrea-papandreou")
    assert position_iri(art, held) == URIRef(
        "https://w3id.org/kgbuild/id/position/ministerpraesident--country-gr--person-giorgos-andrea-papandreou"
    )
    # The key within the document does not matter: the same office is the same node.
    assert position_iri(art, Position("position/other", held.title, held.of, held.holder)) == position_iri(art, held)
    bare = Position("position/sprecher", "Sprecher")
    assert str(position_iri(art, bare)).startswith(str(article_iri(art)) + "/position/")
    assert position_key("Innenminister", None, "person/x") == "position/innenminister--unknown--person-x"
