"""Linking: one entity per real thing, offices with their state and holder, pronouns to people.

Hand-written sentences, run through segment → mentions → link (the stage) and through
``extract`` where the user sees the result (``doc.entities``, ``doc.positions``).
"""

from __future__ import annotations

import pytest

from kgbuild.linking import Linked, link
from kgbuild.mentions import Lexicon, find_mentions, find_titles, load_lexicon, tokenize
from kgbuild.model import Document, Position
from kgbuild.pipeline import extract
from kgbuild.segment import segment


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """The German lexicon, compiled once (load_lexicon caches it for the whole process)."""
    return load_lexicon("de")


def article(*paragraphs: str) -> str:
    return "\n\n".join(("Neue Brücke über die Saale eröffnet", *paragraphs)) + "\n"


def linked(text: str, lex: Lexicon) -> tuple[Linked, list[str]]:
    """The linking stage's result and the article's tokens (words)."""
    s = segment(text)
    toks = tokenize(text, s.sentences)
    result = link(s, toks, find_mentions(s, toks, lex), find_titles(toks, lex), lex)
    return result, [toks.word(i) for i in range(len(toks))]


def build(text: str) -> Document:
    return extract(text, published="2024-03-05")


def position(doc: Document, title: str) -> Position:
    found = [p for p in doc.positions if p.title == title]
    assert len(found) == 1, doc.positions
    return found[0]


def test_linking_full_name_surname_and_genitive_are_one_person() -> None:
    doc = build(article("Carola Wendt eröffnete die Brücke. Wendt lobte die Arbeiter. Wendts Rede war kurz."))
    persons = [e for e in doc.entities if e.kind == "person"]
    assert [e.key for e in persons] == ["person/carola-wendt"]
    assert persons[0].name == "Carola Wendt"
    assert persons[0].alternate_names == ("Wendt",)
    assert [sp.text for sp in persons[0].mentions] == ["Carola Wendt", "Wendt", "Wendts"]


def test_linking_surname_alone_is_an_alternate_name() -> None:
    doc = build(article("Carola Wendt eröffnete die Brücke. Wendt lobte die Arbeiter."))
    wendt = doc.entity("person/carola-wendt")
    assert wendt is not None
    assert [sp.text for sp in wendt.mentions] == ["Carola Wendt", "Wendt"]
    assert wendt.alternate_names == ("Wendt",)


def test_linking_two_people_with_different_surnames_stay_apart() -> None:
    doc = build(article("Carola Wendt und Henrik Okafor eröffneten die Brücke. Okafor dankte Wendt."))
    assert sorted(e.key for e in doc.entities if e.kind == "person") == ["person/carola-wendt",
                                                                           "person/henrik-okafor"]


def test_linking_country_name_adjective_and_demonym_are_one_state() -> None:
    doc = build(article("Frankreich zahlte mit. Die französische Regierung und viele Franzosen sind froh."))
    countries = [e for e in doc.entities if e.kind == "country"]
    assert [e.key for e in countries] == ["country/fr"]
    assert countries[0].name == "Frankreich"
    assert countries[0].country_code == "FR"
    assert [sp.text for sp in countries[0].mentions] == ["Frankreich", "französische", "Franzosen"]


def test_linking_entity_keys_are_stable_readable_paths(lexicon: Lexicon) -> None:
    result, _ = linked(article("Jonas Müller sprach in Bonn mit der dpa über Österreich."), lexicon)
    keys = {m.span.text: m.key for m in result.mentions if m.sentence > 0}  # the headline names the Saale
    assert keys == {
        "Jonas Müller": "person/jonas-mueller",
        "Bonn": "place/bonn",
        "dpa": "organization/deutsche-presse-agentur",
        "Österreich": "country/at",
    }
    assert result.media == frozenset({"organization/deutsche-presse-agentur"})


def test_linking_title_before_name_gives_the_holder() -> None:
    doc = build(article("Bürgermeisterin Selma Okafor eröffnete die Brücke."))
    p = position(doc, "Bürgermeisterin")
    assert p.holder == "person/selma-okafor"
    assert [sp.text for sp in p.mentions] == ["Bürgermeisterin"]


def test_linking_country_adjective_before_title_is_whose_office() -> None:
    doc = build(article("Der französische Außenminister Paul Durand lobte die Brücke."))
    p = position(doc, "Außenminister")
    assert (p.of, p.holder) == ("country/fr", "person/paul-durand")


def test_linking_title_von_state_with_name_in_apposition() -> None:
    doc = build(article("Die Präsidentin von Finnland, Aino Virtanen, besuchte die Brücke."))
    p = position(doc, "Präsidentin")
    assert (p.of, p.holder) == ("country/fi", "person/aino-virtanen")


def test_linking_compound_title_names_the_organisation() -> None:
    doc = build(article("NATO-Sprecher Lars Eklund besuchte die Brücke."))
    p = position(doc, "Sprecher")
    assert p.holder == "person/lars-eklund"
    assert p.of is not None
    nato = doc.entity(p.of)
    assert nato is not None and nato.kind == "organization" and "NATO" in (nato.name, *nato.alternate_names)


def test_linking_office_without_a_holder_is_kept_for_a_government_title() -> None:
    doc = build(article("Die finnische Außenministerin besuchte die Brücke."))
    p = position(doc, "Außenministerin")
    assert (p.of, p.holder) == ("country/fi", None)


def test_linking_office_named_again_without_holder_is_the_same_position() -> None:
    doc = build(article("Der finnische Außenminister Mikko Laine besuchte Bonn. "
                        "Der finnische Außenminister lobte die Brücke."))
    p = position(doc, "Außenminister")
    assert (p.of, p.holder) == ("country/fi", "person/mikko-laine")
    assert len(p.mentions) == 2


def test_linking_person_holds_the_position_key_built_from_content() -> None:
    doc = build(article("Der französische Außenminister Paul Durand lobte die Brücke."))
    p = position(doc, "Außenminister")
    assert p.key == "position/aussenminister--country-fr--person-paul-durand"


def test_linking_pronoun_refers_to_the_person_before_it(lexicon: Lexicon) -> None:
    result, words = linked(article("Henrik Okafor eröffnete die Brücke. Er dankte den Arbeitern."), lexicon)
    er = words.index("Er")
    assert result.pronouns[er] == "person/henrik-okafor"


def test_linking_pronoun_without_a_person_before_it_stays_unresolved(lexicon: Lexicon) -> None:
    result, words = linked(article("Die Brücke ist fertig. Sie kostete viel Geld."), lexicon)
    assert words.index("Sie") not in result.pronouns


def test_linking_slightly_misspelt_outlet_is_the_known_one() -> None:
    doc = build(article("Das berichtet die Kyviv Post am Abend."))
    orgs = [e for e in doc.entities if e.kind == "organization"]
    assert [e.key for e in orgs] == ["organization/kyiv-post"]
    assert "Kyviv Post" in orgs[0].alternate_names
