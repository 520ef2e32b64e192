"""Generic nouns ("das Ministerium", "die Behörde") refer back to the organisation of their class the
article named before (sentences written for these tests)."""

from __future__ import annotations

from conftest import claimant_names, extract_body
from kgbuild.model import Document


def _doc(body: str) -> Document:
    return extract_body(body, headline="Meldungen aus dem Land")


def test_linking_generic_ministry_is_the_ministry_named_before() -> None:
    doc = _doc("Das Verkehrsministerium kündigte am Dienstag neue Regeln für Lastwagen an. "
               "Das Ministerium erklärte, die Maut werde im Herbst steigen.")
    assert claimant_names(doc)[-1] == "Verkehrsministerium"
    assert not [e for e in doc.entities if e.name == "Ministerium"]


def test_linking_generic_authority_is_a_named_behoerde() -> None:
    doc = _doc("Die für Wasser zuständige Umweltbehörde prüft die Proben aus dem Fluss. "
               "Die Werte seien unbedenklich, so die Behörde.")
    assert claimant_names(doc) == ["Umweltbehörde"]


def test_linking_generic_authority_is_a_named_amt() -> None:
    doc = _doc("Das Landesamt für Statistik hat am Montag neue Zahlen zu den Mieten vorgelegt. "
               "Die Mieten seien um vier Prozent gestiegen, teilte die Behörde mit.")
    assert claimant_names(doc) == ["Landesamt"]  # the name as the mention step gives it


def test_linking_generic_court_is_the_court_named_before() -> None:
    doc = _doc("Der Europäische Gerichtshof hat über die Klage der Fischer verhandelt. "
               "Die Fangquoten seien rechtmäßig, erklärte der Gerichtshof.")
    assert claimant_names(doc) == ["Europäischer Gerichtshof"]


def test_linking_generic_two_candidates_the_nearest_before() -> None:
    doc = _doc("Das Umweltministerium und das Landesamt für Denkmalpflege streiten über den Windpark. "
               "Das Bauministerium hält sich heraus. "
               "Das Ministerium sagte, man warte auf ein Gutachten.")
    assert claimant_names(doc)[-1] == "Bauministerium"


def test_linking_generic_only_its_own_class() -> None:
    doc = _doc("Das Landesamt für Umwelt misst die Luft in der Altstadt. "
               "Die Stadtwerke bauen eine neue Leitung. "
               "Das Ministerium teilte mit, die Werte würden geprüft.")
    assert "Landesamt für Umwelt" not in claimant_names(doc)


def test_linking_generic_a_plural_body_is_no_antecedent() -> None:
    doc = _doc("Die Gesundheitsbehörden warnen vor dem Baden im See. "
               "Die Algen seien giftig, teilte die Behörde mit.")
    assert claimant_names(doc)[-1] != "Gesundheitsbehörden"


def test_linking_generic_with_none_named_stays_in_its_article() -> None:
    a = _doc("Die Brücke bleibe bis Freitag gesperrt, teilte die Behörde mit.")
    b = _doc("Die Behörde erklärte, der Antrag sei unvollständig.")
    ka = {c.claimants[0] for c in a.claims}
    kb = {c.claimants[0] for c in b.claims}
    assert ka and kb and ka.isdisjoint(kb)
    assert all(k.startswith("organization/") and "--" in k for k in ka | kb)


def test_linking_generic_state_prefix_dropped_later_is_the_same_body() -> None:
    doc = _doc("Das Bundesverkehrsministerium stellte am Freitag den Plan für neue Radwege vor. "
               "Das Verkehrsministerium erklärte, das Geld reiche für zwei Jahre.")
    assert claimant_names(doc)[-1] == "Bundesverkehrsministerium"


def test_linking_generic_state_prefix_two_bodies_keep_the_bare_one() -> None:
    doc = _doc("Das Bundesverkehrsministerium und das Landesverkehrsministerium streiten über die Brücke. "
               "Das Verkehrsministerium erklärte, das Geld reiche für zwei Jahre.")
    assert claimant_names(doc)[-1] not in ("Bundesverkehrsministerium", "Landesverkehrsministerium")


def test_linking_generic_das_unternehmen_is_the_firm_named_last() -> None:
    # a firm the gazetteer knows, then one the text calls a firm: the nearer one
    doc = _doc("Volkswagen meldete am Montag höhere Gewinne. Der Immobilienkonzern Lindenhof kauft "
               "weitere Wohnungen. Das Unternehmen teilte mit: „Wir wachsen weiter.“")
    assert claimant_names(doc)[-1] == "Lindenhof"
    # a body whose name says it is no firm is not meant
    doc = _doc("Volkswagen meldete am Montag höhere Gewinne. Die Universität Tarnau forscht mit. "
               "Das Unternehmen teilte mit: „Wir wachsen weiter.“")
    assert claimant_names(doc)[-1] == "Volkswagen"


def test_linking_generic_the_plural_unternehmen_refers_to_no_one_firm() -> None:
    doc = _doc("Volkswagen meldete am Montag höhere Gewinne. "
               "Viele der Unternehmen mussten Hilfen beantragen, teilten die Unternehmen mit.")
    assert claimant_names(doc) == ["Volkswagen"]
