"""Linking: whose office a title names and who holds it, one test per way German says it.

Every sentence is invented; the names are made up or are well-known organisations and places.
"""

from __future__ import annotations

import pytest

from kgbuild.model import Document, Position
from kgbuild.pipeline import extract


def build(*sentences: str) -> Document:
    return extract("Neue Brücke über die Saale eröffnet\n\n" + " ".join(sentences) + "\n", published="2024-03-05")


def only(doc: Document, title: str) -> Position:
    found = [p for p in doc.positions if p.title == title]
    assert len(found) == 1, doc.positions
    return found[0]


# ---- titles with a modifier, adjectival titles
@pytest.mark.parametrize(("sentence", "title", "holder"), [
    ("Der stellvertretende Vorsitzende der SPD, Otto Kramer, lobte die Brücke.",
     "stellvertretender Vorsitzender", "person/otto-kramer"),
    ("Das sagte die stellvertretende SPD-Vorsitzende Anna Berger am Montag.",
     "stellvertretende Vorsitzende", "person/anna-berger"),
    ("Das sagte Paul Weber, außenpolitischer Sprecher der SPD.",
     "außenpolitischer Sprecher", "person/paul-weber"),
    ("Die gesundheitspolitische Sprecherin der FDP, Anna Berger, widersprach.",
     "gesundheitspolitische Sprecherin", "person/anna-berger"),
])
def test_linking_positions_modifier_is_part_of_the_title(sentence: str, title: str, holder: str) -> None:
    assert only(build(sentence), title).holder == holder


def test_linking_positions_adjectival_title_is_masculine_unless_the_text_says_otherwise() -> None:
    doc = build("Der CDU-Vorsitzende Otto Kramer lobte die Brücke. Die FDP-Vorsitzende Anna Berger auch.")
    assert {p.title for p in doc.positions} == {"Vorsitzender", "Vorsitzende"}


# ---- the owner in a compound
def test_linking_positions_unlisted_compound_after_an_acronym() -> None:
    p = only(build("Das sagte UNICEF-Regionaldirektor Otto Kramer in Genf."), "Regionaldirektor")
    assert (p.of, p.holder) == ("organization/unicef", "person/otto-kramer")


def test_linking_positions_acronym_defined_in_the_text_names_the_owner() -> None:
    doc = build("Der Bundesverband Gartenbau (BVG) warnte. Das sagte BVG-Hauptgeschäftsführer Otto Kramer.")
    assert only(doc, "Hauptgeschäftsführer").of == "organization/bundesverband-gartenbau"


def test_linking_positions_region_short_form_in_a_compound() -> None:
    assert only(build("Der NRW-Innenminister lehnte das ab."), "Innenminister").of == "place/nordrhein-westfalen"


def test_linking_positions_a_mayors_party_is_not_the_owner() -> None:
    doc = build("Otto Kramer ist seit Mai CDU-Landrat von Coesfeld.")
    assert only(doc, "Landrat").of == "place/coesfeld"
    assert build("Der CDU-Landrat kam zur Eröffnung.").positions == ()


# ---- a place as the owner
@pytest.mark.parametrize(("sentence", "title", "owner"), [
    ("Der Kölner Oberbürgermeister Otto Kramer (SPD) lobte die Brücke.", "Oberbürgermeister", "place/koeln"),
    ("Der bayerische Ministerpräsident Otto Kramer (CSU) lobte die Brücke.", "Ministerpräsident", "place/bayern"),
    ("Der Landrat des Kreises Olpe, Otto Kramer, lobte die Brücke.", "Landrat", "place/olpe"),
    ("Die Bürgermeisterin von Jena, Anna Berger, lobte die Brücke.", "Bürgermeisterin", "place/jena"),
])
def test_linking_positions_town_or_region_owns_its_office(sentence: str, title: str, owner: str) -> None:
    assert only(build(sentence), title).of == owner


def test_linking_positions_genitive_state_after_the_title() -> None:
    p = only(build("Das sagte der Gesundheitsminister Spaniens, Pedro Garcia."), "Gesundheitsminister")
    assert (p.of, p.holder) == ("country/es", "person/pedro-garcia")


def test_linking_positions_capitalised_adjective_in_a_name_is_no_state() -> None:
    doc = build("Der Präsident des Deutschen Roten Kreuzes, Otto Kramer, sagte das.")
    assert only(doc, "Präsident").of != "country/de"


# ---- an owner named by a common noun or a possessive
def test_linking_positions_owner_noun_points_back_to_the_organisation() -> None:
    doc = build("Greenpeace kritisierte das Projekt. Verbandspräsidentin Anna Berger sagte, es sei zu teuer.")
    assert only(doc, "Verbandspräsidentin").of == "organization/greenpeace"


def test_linking_positions_possessive_after_an_organisation() -> None:
    doc = build("Greenpeace warnte vor dem Projekt. Sein Präsident Otto Kramer sagte, es sei zu teuer.")
    assert only(doc, "Präsident").of == "organization/greenpeace"


def test_linking_positions_possessive_after_a_person_names_no_owner() -> None:
    doc = build("Der Minister Otto Kramer kam mit seinem Sprecher Paul Weber.")
    assert only(doc, "Sprecher").of is None


# ---- the holder in a clause
@pytest.mark.parametrize("sentence", [
    "Otto Kramer, der seit 2010 Landrat des Kreises Olpe ist, lobte die Brücke.",
    "Otto Kramer ist seit 1. Juli 2010 Landrat des Kreises Olpe.",
    "Otto Kramer, der am Sonntag mit 61,4 Prozent zum Landrat des Kreises Olpe gewählt wurde, lachte.",
])
def test_linking_positions_holder_by_relative_clause_or_copula(sentence: str) -> None:
    p = only(build(sentence), "Landrat")
    assert (p.of, p.holder) == ("place/olpe", "person/otto-kramer")


@pytest.mark.parametrize("sentence", [
    "Otto Kramer, der den Landrat des Kreises Olpe kritisierte, trat aus.",
    "Otto Kramer sprach mit dem Landrat des Kreises Olpe.",
])
def test_linking_positions_a_title_in_another_phrase_is_not_held_by_the_subject(sentence: str) -> None:
    assert only(build(sentence), "Landrat").holder is None


# ---- an owner from the passage
def test_linking_positions_local_office_takes_the_one_district_of_the_article() -> None:
    assert only(build("Im Landkreis Olpe wird gebaut. Das sagte Landrat Otto Kramer (CDU)."), "Landrat").of \
        == "place/olpe"
    two = build("Im Landkreis Olpe und im Kreis Soest wird gebaut. Das sagte Landrat Otto Kramer (CDU).")
    assert only(two, "Landrat").of is None


@pytest.mark.parametrize(("sentences", "title", "state"), [
    (("In Spanien stiegen die Zahlen.", "Das sagte Gesundheitsminister Pedro Garcia."), "Gesundheitsminister",
     "country/es"),
    (("Spanien meldete neue Zahlen.", "Die Zahl stieg.", "Das sagte Gesundheitsminister Pedro Garcia."),
     "Gesundheitsminister", "country/es"),
    (("In Chile ist Parlamentspräsident Pedro Soto an Grippe erkrankt.",), "Parlamentspräsident", "country/cl"),
    (("Die Zahlen in Spanien stiegen.", "Das sagte Gesundheitsminister Pedro Garcia."), "Gesundheitsminister",
     None),
])
def test_linking_positions_state_the_passage_is_about(sentences: tuple[str, ...], title: str,
                                                      state: str | None) -> None:
    assert only(build(*sentences), title).of == state


def test_linking_positions_deputy_and_several_holders() -> None:
    doc = build("Zur Reisegruppe gehören der SPD-Fraktionschef Otto Kramer und sein Stellvertreter Paul Lange; "
                "dazu kommen die Abgeordneten Eva Maier und Tom Hoffmann.")
    spd = "organization/sozialdemokratische-partei-deutschlands"
    assert only(doc, "Stellvertreter").of == spd
    assert sorted((p.title, p.of, p.holder) for p in doc.positions if p.title.startswith("Abgeordnete")) == [
        ("Abgeordnete", spd, "person/eva-maier"), ("Abgeordneter", spd, "person/tom-hoffmann")]


def test_linking_positions_place_genitive_before_the_title() -> None:
    assert only(build("Das sagte Bayerns Ministerpräsident Otto Kramer (CSU)."), "Ministerpräsident").of \
        == "place/bayern"


def test_linking_positions_everyday_word_of_an_outlet_is_no_owner_in_a_compound() -> None:
    doc = build("Das sagte die Pressesprecherin des Kreises Olpe, Anna Berger, am Montag.")
    assert only(doc, "Pressesprecherin").of == "place/olpe"


def test_linking_positions_owner_noun_with_its_own_name_is_no_back_reference() -> None:
    doc = build("Greenpeace warnte. Das sagte Otto Kramer, Geschäftsführer des Verbands für Popmusik.")
    assert all(p.of != "organization/greenpeace" for p in doc.positions)


# ---- an office named without its holder, as the speaker right after a person
def test_linking_positions_bare_title_as_speaker_is_the_person_just_named() -> None:
    doc = build("Der Fachmann Otto Kramer hält den Plan für riskant.",
                "„Das Risiko ist groß“, sagte der Sprecher von Greenpeace.")
    assert only(doc, "Sprecher").holder == "person/otto-kramer"
    assert {c.claimants for c in doc.claims} == {("person/otto-kramer",)}


@pytest.mark.parametrize("sentences", [
    ("Anna Berger kam nach Bonn.", "„Das ist gut“, sagte der Sprecher von Greenpeace."),  # gender
    ("Otto Kramer kam nach Bonn.", "„Das ist gut“, sagte der Sprecher von Greenpeace Paul Weber."),  # named
    ("Der Landrat Otto Kramer kam nach Bonn.", "„Das ist gut“, sagte der Sprecher von Greenpeace."),  # office
])
def test_linking_positions_bare_title_keeps_no_holder_without_agreement(sentences: tuple[str, ...]) -> None:
    assert only(build(*sentences), "Sprecher").holder in (None, "person/paul-weber")


def test_linking_positions_possessive_names_no_owner_of_a_relative_or_a_lawyer() -> None:
    doc = build("Greenpeace warnte. Er kam mit seinem Rechtsanwalt Otto Kramer.")
    assert only(doc, "Rechtsanwalt").of is None


def test_linking_positions_organisation_after_the_title_before_a_place_adjective() -> None:
    doc = build("Das sagte Otto Kramer, Kölner Sprecher von Greenpeace.")
    assert only(doc, "Sprecher").of == "organization/greenpeace"


@pytest.mark.parametrize(("sentence", "owner"), [
    ("Das sagte Otto Kramer, Trainer der österreichischen Nationalmannschaft.", "country/at"),
    ("Das sagte Otto Kramer, Chef der zweitgrößten deutschen Möbelkette.", None),
])
def test_linking_positions_state_adjective_after_the_title_only_before_a_state_body(
        sentence: str, owner: str | None) -> None:
    doc = build(sentence)
    assert all(p.of == owner for p in doc.positions)
    assert doc.positions or owner is None


def test_linking_positions_office_with_a_modifier_is_still_an_office() -> None:
    doc = build("Das sei falsch, sagt Kai Gehring, hochschulpolitischer Sprecher der Partei.")
    assert only(doc, "hochschulpolitischer Sprecher").holder == "person/kai-gehring"


def test_linking_positions_article_decides_an_adjectival_titles_gender() -> None:
    doc = build("Dagegen protestierte die SPD-Bundestagsabgeordnete Gökay Yilmaz.")
    assert only(doc, "Bundestagsabgeordnete").holder == "person/goekay-yilmaz"


def test_linking_positions_negated_copula_holds_nothing() -> None:
    assert build("Otto Kramer ist kein Diplomat.").positions == ()


@pytest.mark.parametrize(("sentence", "holders"), [
    ("Als Bayerns Innenminister und CSU-Landesvorsitzender Otto Kramer kam, war alles anders.",
     {"Innenminister": "person/otto-kramer", "Landesvorsitzender": "person/otto-kramer"}),
    ("Das sagte Otto Kramer, Greenpeace-Vizepräsident und Chef der Firma Siemens.",
     {"Vizepräsident": "person/otto-kramer", "Chef": "person/otto-kramer"}),
    ("Der Präsident und Kanzlerin Anna Berger trafen sich.", {"Kanzlerin": "person/anna-berger"}),
])
def test_linking_positions_two_titles_joined_by_und_share_the_holder(sentence: str, holders: dict[str, str]) -> None:
    got = {p.title: p.holder for p in build(sentence).positions if p.holder}
    assert got == holders
