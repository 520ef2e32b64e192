"""Organisations: gazetteer forms, the labeller's combination rules, and institutions named with a kind.

Every sentence here is invented for the test; the people and towns are made up.
"""

from __future__ import annotations

import pytest

from conftest import extract_body
from kgbuild.mentions import Lexicon, find_mentions, load_lexicon, tokenize
from kgbuild.mentions.lexicon import _common_form
from kgbuild.mentions.ner import POLICY, _common_compound
from kgbuild.model import Mention
from kgbuild.segment import segment


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon("de")


def mentions(body: str, lex: Lexicon) -> dict[str, Mention]:
    text = "Neuer Radweg am Stadtrand\n\n" + body + "\n"
    s = segment(text)
    return {m.span.text: m for m in find_mentions(s, tokenize(text, s.sentences), lex)}


def test_organisations_a_common_word_name_needs_context_but_its_other_forms_do_not(lexicon: Lexicon) -> None:
    assert _common_form("Die Welt", "de") and _common_form("Blick", "de")
    assert not _common_form("Bild am Sonntag", "de") and not _common_form("STANDARD", "de")
    found = mentions("Die Welt ist rund, erklärte Jonas Hellwig im Gespräch mit Bild am Sonntag.", lexicon)
    assert "Die Welt" not in found
    assert found["Bild am Sonntag"].kind == "organization"


def test_organisations_sunday_papers_and_channels_are_their_own(lexicon: Lexicon) -> None:
    found = mentions("Das sagte Jonas Hellwig der Welt am Sonntag und dem Sender n-tv.", lexicon)
    assert found["Welt am Sonntag"].key != lexicon.lookup_key("Die Welt")
    assert found["n-tv"].key != lexicon.lookup_key("RTL")


def test_organisations_aid_organisations_and_councils_from_the_gazetteer(lexicon: Lexicon) -> None:
    found = mentions("Das Rote Kreuz und die Johanniter halfen in Oberfeld. Der Zentralrat der Juden "
                     "äußerte sich ebenfalls.", lexicon)
    assert found["Rote Kreuz"].name == "Rotes Kreuz"
    assert found["Johanniter"].kind == "organization"
    assert found["Zentralrat der Juden"].kind == "organization"


def test_organisations_a_region_short_form_is_the_region(lexicon: Lexicon) -> None:
    found = mentions("Die Schulen in NRW bleiben geschlossen.", lexicon)
    assert found["NRW"].kind == "place" and found["NRW"].name == "Nordrhein-Westfalen"


def test_organisations_a_place_noun_before_a_place_is_no_organisation(lexicon: Lexicon) -> None:
    found = mentions("Die Razzia fand in den Ländern Peru und Chile statt. Im Bundesland Hessen blieb es ruhig.",
                     lexicon)
    assert not any(m.kind == "organization" for m in found.values())
    assert found["Hessen"].kind == "place"


def test_organisations_a_compound_of_common_nouns_is_no_name(lexicon: Lexicon) -> None:
    assert _common_compound("Mathematik-Prüfung", lexicon)
    assert not _common_compound("Karnevals-Gesellschaft", lexicon)
    assert POLICY["common_compounds"] and POLICY["place_nouns"]


def test_organisations_the_labeller_confirms_an_ambiguous_gazetteer_name(lexicon: Lexicon) -> None:
    assert POLICY["ambiguous"] in ("agree", "agree_orgs")
    found = mentions("Der Antrag der Linken im Stadtrat von Oberfeld scheiterte am Dienstag.", lexicon)
    assert found["Linken"].kind == "organization"


def test_organisations_a_kind_noun_before_a_name_is_that_organisation(lexicon: Lexicon) -> None:
    found = mentions("Am Montag warnte die Gesundheitsbehörde WHO vor Reisen.", lexicon)
    assert found["WHO"].kind == "organization"
    # the noun is a mention of the organisation named after it, not an institution of its own
    assert "Gesundheitsbehörde" not in found or found["Gesundheitsbehörde"].name == found["WHO"].name


def test_organisations_a_kind_compound_names_the_organisation_after_it(lexicon: Lexicon) -> None:
    found = mentions("Die Buchhandelskette Lesezeit schließt drei Filialen. Der Modehändler „Kleiderhaus Nord“ "
                     "bleibt offen, ebenso das Unternehmen „Blitzblank Reinigung“.", lexicon)
    assert found["Lesezeit"].kind == "organization"
    assert found["Kleiderhaus Nord"].kind == "organization"
    assert found["Blitzblank Reinigung"].kind == "organization"


def test_organisations_a_trade_noun_is_a_person_without_a_quoted_name(lexicon: Lexicon) -> None:
    found = mentions("Im Laden stand der Buchhändler Matthias und sortierte Kalender.", lexicon)
    assert not any(m.kind == "organization" for m in found.values())


def test_organisations_the_first_part_of_a_compound_title_names_its_owner(lexicon: Lexicon) -> None:
    found = mentions("Das sagte Lesezeit-Chef Jonas Hellwig am Montag. Die Instituts-Direktorin Eva Roth "
                     "und die Kita-Leiterin Anna Berg widersprachen.", lexicon)
    assert found["Lesezeit"].kind == "organization"
    assert "Instituts" not in found and "Kita" not in found


def test_organisations_a_legal_form_after_a_name(lexicon: Lexicon) -> None:
    found = mentions("Die Brandtwerk-AG baut Stellen ab. Der Verein gründete eine Fußball-GmbH.", lexicon)
    assert found["Brandtwerk-AG"].kind == "organization"
    assert "Fußball-GmbH" not in found


def test_organisations_offices_of_an_organisation_named_by_its_kind() -> None:
    doc = extract_body("Das Umzugsunternehmen „Blitzblank Umzüge“ aus Oberfeld hat volle Auftragsbücher. Jonas "
                       "Hellwig, der Geschäftsführer des Unternehmens, stellt zwei Fahrer ein. "
                       "Die Wirtschaftskammer lud am Abend zur Messe. Kammerpräsident Otto Kramer eröffnete sie.")
    held = {(p.title, doc.entity(p.of).name if p.of and doc.entity(p.of) else None) for p in doc.positions}
    assert ("Geschäftsführer", "Blitzblank Umzüge") in held
    assert ("Kammerpräsident", "Wirtschaftskammer Österreich") in held


def test_organisations_a_word_between_article_and_named_compound_is_part_of_the_name(lexicon: Lexicon) -> None:
    found = mentions("Das Fest der Herzog Albrecht-Brauerei fällt aus. Der US-Konzern schweigt.", lexicon)
    assert found["Herzog Albrecht-Brauerei"].name == "Herzog-Albrecht-Brauerei"
    assert "US-Konzern" not in found


def positions_of(body: str) -> set[tuple[str, str | None, str | None]]:
    doc = extract_body(body)

    def name(key: str | None) -> str | None:
        e = doc.entity(key) if key else None
        return e.name if e else key

    return {(p.title, name(p.of), name(p.holder)) for p in doc.positions}


def test_organisations_austrian_and_adjectival_titles_take_their_owner() -> None:
    held = positions_of("Der Wissenschafter Piet Hovenkamp von der Universität Utrecht hat Moose gezählt. "
                        "Gegen Mittag eröffnete Österreichs Wirtschaftsdelegierter Karl Weidinger die Messe.")
    assert ("Wissenschafter", "Universität Utrecht", "Piet Hovenkamp") in held
    assert ("Wirtschaftsdelegierter", "Österreich", "Karl Weidinger") in held


def test_organisations_a_first_name_that_is_a_place_after_a_title_is_a_person() -> None:
    held = positions_of("In Portugal eröffnete Gesundheitsminister Paris Quintela am Montag eine Klinik.")
    assert ("Gesundheitsminister", "Portugal", "Paris Quintela") in held


def test_organisations_a_policy_spokesperson_speaks_for_the_party_of_the_passage() -> None:
    held = positions_of("Die Grünen wollen mehr Lehrer. Ihr Bildungssprecher Harald Kessler legte dazu ein Papier vor.")
    assert ("Bildungssprecher", "Bündnis 90/Die Grünen", "Harald Kessler") in held


def test_organisations_names_joined_by_a_slash_before_a_compound_head(lexicon: Lexicon) -> None:
    found = mentions("Der Antrag der CDU/CSU-Fraktion im Stadtrat von Oberfeld scheiterte.", lexicon)
    assert found["CDU/CSU-Fraktion"].kind == "organization"
    assert "CDU/CSU" not in found


def test_organisations_an_ampersand_joins_a_company_name(lexicon: Lexicon) -> None:
    found = mentions("Die Aktie des Pharmakonzerns Miller & Söhne stieg am Freitag.", lexicon)
    assert found["Miller & Söhne"].kind == "organization"


def test_organisations_the_labeller_confirms_ambiguous_organisations_only(lexicon: Lexicon) -> None:
    assert POLICY["ambiguous"] == "agree_orgs"


def test_organisations_a_bare_party_office_goes_to_the_member_named_just_before() -> None:
    held = positions_of("Die Ministerin Eva Roth (SPD) besuchte am Montag eine Schule in Oberfeld. „Wir brauchen "
                        "mehr Lehrer“, sagte die SPD-Vorsitzende danach.")
    assert any(t.startswith("Vorsitzend") and of == "Sozialdemokratische Partei Deutschlands" and who == "Eva Roth"
               for t, of, who in held)


def test_organisations_a_town_adjective_names_the_towns_organisation() -> None:
    held = positions_of("Die Brauerei Oberfeld erhöht die Preise. Der Oberfelder Geschäftsführer Jonas Hellwig "
                        "begründete das mit den Kosten.")
    assert ("Geschäftsführer", "Brauerei Oberfeld", "Jonas Hellwig") in held


def test_organisations_a_states_parliament_by_its_genitive_or_adjective(lexicon: Lexicon) -> None:
    found = mentions("Chiles Kongress hat den Haushalt gebilligt. Das norwegische Parlament tagt im Juni. "
                     "Südkoreas Regierung schweigt.", lexicon)
    assert found["Kongress"].name == "chilenische Kongress"
    assert found["Parlament"].name == "norwegische Parlament"
    assert found["Regierung"].name == "südkoreanische Regierung"
    assert found["Chiles"].kind == "country"


def test_organisations_a_party_name_that_is_also_a_word_counts_beside_another_party() -> None:
    from conftest import extract_body
    doc = extract_body("SPD, Grüne und Linke fordern mehr Geld für Schulen.")
    assert doc.claims[0].claimants == ("organization/sozialdemokratische-partei-deutschlands",
                                       "organization/buendnis-90-die-gruenen", "organization/die-linke")
    doc = extract_body("Sie sei schon immer eine Linke gewesen, sagte Eva Roth über ihre Schwester.")
    assert [e.key for e in doc.entities if e.kind == "organization"] == []


def test_organisations_an_illness_is_never_an_organisation() -> None:
    from conftest import extract_body
    doc = extract_body("Die Firma forscht gegen Covid-19. Das Unternehmen erklärt, die Nadeln würden billig verkauft.")
    assert "organization/covid-19" not in {e.key for e in doc.entities}
    assert all("organization/covid-19" not in c.claimants for c in doc.claims)


def test_organisations_die_regierung_refers_only_to_a_government_or_a_name_with_that_noun() -> None:
    from conftest import extract_body
    doc = extract_body("Der Film lief beim Festival der Lichtspiel AG. Die Regierung hat schon gesagt, "
                       "dass die Kinos schließen.")
    assert all("organization/lichtspiel-ag" not in c.claimants for c in doc.claims)


def test_organisations_a_name_opening_with_an_inflected_adjective_is_named_in_the_nominative() -> None:
    from conftest import extract_body
    doc = extract_body("Das sagte ein Sprecher der Nordischen Förderbank in Kiel.")
    assert doc.claims[0].claimants == ("position/sprecher--organization-nordische-foerderbank",)


def test_organisations_a_places_genitive_is_no_organisation() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("„Bleibt zu Hause“, rät New Yorks Gouverneur Jonas Brandt.")
    assert claimant_names(doc) == ["Jonas Brandt"]
    assert [e.key for e in doc.entities if e.kind == "organization"] == []


def test_organisations_a_generic_body_after_a_state_adjective_is_that_states_body() -> None:
    from conftest import extract_body

    doc = extract_body("Die Lage sei ernst, teilte die schwedische Gesundheitsbehörde mit. "
                       "Man beobachte alles genau, sagte die Behörde.")
    assert [c.claimants for c in doc.claims] == [("organization/schwedische-gesundheitsbehoerde",)] * 2
    # a proper name keeps its own name ("der amerikanischen Johns-Hopkins-Universität")
    doc = extract_body("Das zeigt eine Aufstellung der amerikanischen Xandler-Universität.")
    assert not [e for e in doc.entities if e.name.startswith("amerikanische")]
