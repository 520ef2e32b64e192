"""Mentions: people, states (names, adjectives, demonyms), agencies and acronyms in hand-written sentences.

The stage is tested on its own (segment → tokenize → find_mentions / find_titles with the
bundled German lexicon) and, where the user sees the result, through ``extract``.
"""

from __future__ import annotations

import pytest

from kgbuild.mentions import Lexicon, find_mentions, find_titles, load_lexicon, tokenize
from kgbuild.model import Document, Mention, TitleMention
from kgbuild.pipeline import extract
from kgbuild.segment import segment


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """The German lexicon, compiled once (load_lexicon caches it for the whole process)."""
    return load_lexicon("de")


def article(*paragraphs: str) -> str:
    return "\n\n".join(("Neue Brücke über die Saale eröffnet", *paragraphs)) + "\n"


def mentions(text: str, lex: Lexicon) -> list[Mention]:
    s = segment(text)
    return find_mentions(s, tokenize(text, s.sentences), lex)


def titles(text: str, lex: Lexicon) -> list[TitleMention]:
    s = segment(text)
    return find_titles(tokenize(text, s.sentences), lex)


def by_text(ms: list[Mention]) -> dict[str, Mention]:
    return {m.span.text: m for m in ms}


def build(text: str) -> Document:
    return extract(text, published="2024-03-05")


def test_mentions_first_name_and_surname_is_a_person(lexicon: Lexicon) -> None:
    text = article("Carola Wendt eröffnete am Morgen die Brücke.")
    m = by_text(mentions(text, lexicon))
    assert "Carola Wendt" in m
    assert m["Carola Wendt"].kind == "person"
    assert m["Carola Wendt"].role == "name"
    assert m["Carola Wendt"].name == "Carola Wendt"
    assert not any(x.kind == "person" for x in m.values() if x.span.text != "Carola Wendt")


def test_mentions_person_becomes_entity_with_name(lexicon: Lexicon) -> None:
    doc = build(article("Carola Wendt eröffnete am Morgen die Brücke."))
    e = doc.entity("person/carola-wendt")
    assert e is not None
    assert (e.kind, e.name) == ("person", "Carola Wendt")
    assert [sp.text for sp in e.mentions] == ["Carola Wendt"]


def test_mentions_short_common_first_name_tim(lexicon: Lexicon) -> None:
    m = by_text(mentions(article("Tim Okafor eröffnete am Morgen die Brücke."), lexicon))
    assert "Tim Okafor" in m and m["Tim Okafor"].kind == "person"


def test_mentions_surname_alone_refers_to_the_known_person(lexicon: Lexicon) -> None:
    text = article("Carola Wendt eröffnete die Brücke. Wendt lobte die Bauarbeiter.")
    m = by_text(mentions(text, lexicon))
    assert m["Wendt"].kind == "person"
    # the mention keeps its own form (an alternate name); linking merges it into "Carola Wendt"
    assert m["Wendt"].name == "Wendt"


def test_mentions_genitive_of_a_known_person(lexicon: Lexicon) -> None:
    text = article("Jonas Müller sprach in Bonn. Müllers Vorschlag stieß auf Zustimmung.")
    m = by_text(mentions(text, lexicon))
    assert m["Müllers"].kind == "person"
    assert m["Müllers"].role == "genitive"
    assert m["Müllers"].name == "Müller"


def test_mentions_genitive_is_the_same_entity(lexicon: Lexicon) -> None:
    doc = build(article("Jonas Müller sprach in Bonn. Müllers Vorschlag stieß auf Zustimmung."))
    persons = [e for e in doc.entities if e.kind == "person"]
    assert [e.key for e in persons] == ["person/jonas-mueller"]
    assert persons[0].name == "Jonas Müller"
    assert "Müller" in persons[0].alternate_names
    assert "Müllers" not in persons[0].alternate_names  # lemmatised, as the contract asks
    assert "Müllers" in [sp.text for sp in persons[0].mentions]


def test_mentions_unknown_capitalised_word_with_s_is_no_genitive(lexicon: Lexicon) -> None:
    # "Bonns" would be a genitive of a place, never of a person nobody named
    m = mentions(article("Die Brücke liegt mitten in Bonn. Bonns Stadtrat ist zufrieden."), lexicon)
    assert not any(x.kind == "person" for x in m)


def test_mentions_country_adjective_names_the_state(lexicon: Lexicon) -> None:
    m = by_text(mentions(article("Die französische Regierung lobte den Bau."), lexicon))
    adj = m["französische"]
    assert (adj.kind, adj.key, adj.role, adj.name) == ("country", "country/fr", "adjective", "Frankreich")


def test_mentions_country_adjective_gives_country_entity_with_code(lexicon: Lexicon) -> None:
    doc = build(article("Die französische Regierung lobte den Bau."))
    fr = doc.entity("country/fr")
    assert fr is not None
    assert (fr.kind, fr.name, fr.country_code, fr.wikidata) == ("country", "Frankreich", "FR", "Q142")
    assert "französische" not in fr.alternate_names  # an adjective is no name of the state
    assert [sp.text for sp in fr.mentions] == ["französische"]


@pytest.mark.parametrize(("word", "key"), [("Franzosen", "country/fr"), ("Italiener", "country/it"),
                                           ("Österreicher", "country/at")])
def test_mentions_demonym_names_the_state(lexicon: Lexicon, word: str, key: str) -> None:
    m = by_text(mentions(article(f"Viele {word} besuchten die Brücke."), lexicon))
    assert (m[word].kind, m[word].key, m[word].role) == ("country", key, "demonym")


def test_mentions_country_name_and_genitive(lexicon: Lexicon) -> None:
    m = by_text(mentions(article("Finnland lobte den Bau. Finnlands Regierung zahlte mit."), lexicon))
    assert (m["Finnland"].key, m["Finnland"].role) == ("country/fi", "name")
    assert (m["Finnlands"].key, m["Finnlands"].role) == ("country/fi", "genitive")


@pytest.mark.parametrize(("surface", "key"), [("dpa", "organization/deutsche-presse-agentur"),
                                              ("AFP", "organization/agence-france-presse"),
                                              ("Reuters", "organization/reuters")])
def test_mentions_news_agency(lexicon: Lexicon, surface: str, key: str) -> None:
    m = by_text(mentions(article(f"Das meldete die Nachrichtenagentur {surface} am Abend."), lexicon))
    assert (m[surface].kind, m[surface].key) == ("organization", key)


def test_mentions_news_agency_entity_has_full_name_and_short_form() -> None:
    doc = build(article("Carola Wendt sagte der dpa, die Brücke sei fertig."))
    dpa = doc.entity("organization/deutsche-presse-agentur")
    assert dpa is not None
    assert (dpa.kind, dpa.name) == ("organization", "Deutsche Presse-Agentur")
    assert dpa.alternate_names == ("dpa",)


def test_mentions_acronym_defined_in_brackets(lexicon: Lexicon) -> None:
    text = article("Die Gesellschaft für Wasserwirtschaft (GWW) legte einen Bericht vor. Die GWW-Zahlen sind neu.")
    acr = [m for m in mentions(text, lexicon) if m.role == "acronym"]
    assert [m.span.text for m in acr] == ["GWW", "GWW"]  # the definition and the re-mention in a compound
    assert all(m.kind == "organization" for m in acr)


def test_mentions_acronym_and_institution_before_it_are_one_organisation() -> None:
    doc = build(article("Das Landeswasseramt (LWA) prüfte den Antrag. Das LWA lehnte ihn ab."))
    orgs = [e for e in doc.entities if e.kind == "organization"]
    assert len(orgs) == 1
    assert orgs[0].name == "Landeswasseramt"
    assert orgs[0].alternate_names == ("LWA",)
    assert len(orgs[0].mentions) == 3


def test_mentions_acronym_entity_is_named_by_its_long_form() -> None:
    doc = build(article("Die Gesellschaft für Wasserwirtschaft (GWW) legte einen Bericht vor. Die GWW nannte Zahlen."))
    orgs = [e for e in doc.entities if e.kind == "organization"]
    assert [(e.name, e.alternate_names) for e in orgs] == [("Gesellschaft für Wasserwirtschaft", ("GWW",))]


def test_mentions_bracketed_word_that_is_no_acronym(lexicon: Lexicon) -> None:
    m = mentions(article("Die Brücke (Baujahr 2024) ist neu. Der Bau (siehe oben) war teuer."), lexicon)
    assert not any(x.role == "acronym" for x in m)


def test_mentions_common_nouns_are_no_names(lexicon: Lexicon) -> None:
    m = mentions(article("Die Regierung hat das Gesetz beschlossen. Der Verkehr rollt wieder."), lexicon)
    # the headline's river ("über die Saale") is a place the labeller finds; the body has no names
    assert [x.span.text for x in m if x.sentence > 0] == []


def test_mentions_place_from_gazetteer(lexicon: Lexicon) -> None:
    m = by_text(mentions(article("Der Stadtrat tagte in Bonn."), lexicon))
    assert (m["Bonn"].kind, m["Bonn"].key) == ("place", "place/bonn")


def test_mentions_are_in_text_order_without_overlaps(lexicon: Lexicon) -> None:
    text = article("Carola Wendt sagte der dpa in Bonn, die französische Regierung und die Italiener "
                   "hätten mitgezahlt. Wendts Team war zufrieden.")
    m = mentions(text, lexicon)
    assert len(m) >= 5
    for a, b in zip(m, m[1:], strict=False):
        assert a.span.end <= b.span.begin
    for x in m:
        assert text[x.span.begin : x.span.end] == x.span.text
        assert x.sentence >= 0


def test_titles_of_offices(lexicon: Lexicon) -> None:
    text = article("Bürgermeisterin Selma Okafor und NATO-Sprecher Lars Eklund kamen. Die Außenministerin fehlte.")
    t = {x.span.text: x for x in titles(text, lexicon)}
    assert t["Bürgermeisterin"].title == "Bürgermeisterin"
    assert (t["NATO-Sprecher"].title, t["NATO-Sprecher"].of_hint) == ("Sprecher", "NATO")
    assert t["Außenministerin"].title == "Außenministerin"


def test_mentions_an_adjective_before_an_organisation_head_is_part_of_its_name() -> None:
    from kgbuild.pipeline import extract
    doc = extract("Kurzmeldungen\n\nDer Sächsische Imkerverband teilte mit, die Ernte sei gut.", published="2021-03-02")
    assert [e.name for e in doc.entities if e.kind == "organization"] == ["Sächsischer Imkerverband"]
    assert [doc.entity(c.claimants[0]).name for c in doc.claims] == ["Sächsischer Imkerverband"]


@pytest.mark.parametrize("sentence, person, place", [
    ("Das sei zu früh, sagte Wirtschaftsministerin Florenz Okafor am Abend.", "Florenz Okafor", None),
    ("Paris Brunnbauer eröffnete das Lokal in Paris.", "Paris Brunnbauer", "Paris"),
    ("Der Zug fuhr von Salvador nach Recife.", None, "Salvador"),
    ("In Essen Borbeck wurde gebaut.", None, "Essen"),
])
def test_mentions_first_name_that_is_a_place_names_a_person_when_a_surname_follows(
        lexicon: Lexicon, sentence: str, person: str | None, place: str | None) -> None:
    ms = mentions(article(sentence), lexicon)
    persons = [m.span.text for m in ms if m.kind == "person"]
    places = [m.span.text for m in ms if m.kind == "place"]
    assert persons == ([person] if person else [])
    if place:
        assert place in places


def test_mentions_after_a_title_a_noun_closing_the_clause_is_the_surname(lexicon: Lexicon) -> None:
    ms = mentions(article("Das sei eine Schande, sagte ihr Vorsitzender Tevita Fuchs."), lexicon)
    assert [m.span.text for m in ms if m.kind == "person"] == ["Tevita Fuchs"]
    ms = mentions(article("Die Sprecherin Ilka Brandt eröffnete die Feier."), lexicon)
    assert [m.span.text for m in ms if m.kind == "person"] == ["Ilka Brandt"]


def test_mentions_a_genitive_long_form_before_an_acronym_is_named_in_the_nominative(lexicon: Lexicon) -> None:
    ms = mentions(article("Wie eine Umfrage des Handelsverbands Nord (HVN) ergab, sind die Läden leer."), lexicon)
    assert [m.name for m in ms if m.kind == "organization" and m.role == "name"] == ["Handelsverband Nord"]


@pytest.mark.parametrize("sentence, name", [
    ("„Wir haben verloren“, sagte Vereinspräsident Keller zu den Spielern.", "Keller"),
    ("„Wir haben verloren“, sagte Trainer Vogel.", "Vogel"),
])
def test_mentions_a_surname_that_is_a_noun_after_a_bare_title(lexicon: Lexicon, sentence: str, name: str) -> None:
    persons = [m.span.text for m in mentions(article(sentence), lexicon) if m.kind == "person"]
    assert persons == [name]  # and no particle ends the name ("Keller zu den")


@pytest.mark.parametrize("sentence", [
    "Der Sieg gibt dem Trainer Hoffnung.",       # an article before the title: a noun, the object
    "Das bereitet dem Präsidenten Sorge.",
    "Das sagte der Präsident Anfang Mai.",       # a capitalised word follows: no surname
])
def test_mentions_a_noun_after_a_title_with_an_article_is_no_surname(lexicon: Lexicon, sentence: str) -> None:
    assert not [m for m in mentions(article(sentence), lexicon) if m.kind == "person"]


def test_mentions_a_full_name_in_the_genitive_before_its_noun_is_named_in_the_nominative() -> None:
    doc = build(article("Nach dem Spiel entlud sich Lionel Bertis Frust: „Wir waren schwach“, sagte er."))
    assert [e.name for e in doc.entities if e.kind == "person"] == ["Lionel Berti"]
    # a name that ends in -s and stands in the nominative elsewhere keeps it
    doc = build(article("„Wir waren schwach“, sagte Chris Evans. Chris Evans Film lief gut."))
    assert [e.name for e in doc.entities if e.kind == "person"] == ["Chris Evans"]


def test_mentions_a_surname_after_a_form_of_address(lexicon: Lexicon) -> None:
    ms = by_text(mentions(article("Frau Kesslers Antwort kam spät. Herr Wagner schwieg."), lexicon))
    assert (ms["Kesslers"].kind, ms["Kesslers"].name, ms["Kesslers"].role) == ("person", "Kessler", "genitive")
    assert ms["Wagner"].kind == "person"  # not the organisation the gazetteer knows by that word
    ms = by_text(mentions(article("Herr Minister, die Frau Holle und einer jungen Frau Mut machen."), lexicon))
    assert not [m for m in ms.values() if m.kind == "person"]


def test_mentions_an_organisation_named_for_two_fields_takes_both() -> None:
    doc = build(article("Das Bundesministerium für Arbeit und Soziales teilte mit, die Renten stiegen."))
    assert [e.name for e in doc.entities if e.kind == "organization"] == ["Bundesministerium für Arbeit und Soziales"]
    # "und" before an article or a name goes on with another subject
    doc = build(article("Das Bundesministerium für Arbeit und die Gewerkschaft Verdi teilten mit, die Renten stiegen."))
    assert not [e.name for e in doc.entities if " und " in e.name]


def test_mentions_mal_after_an_ordinal_is_no_first_name(lexicon: Lexicon) -> None:
    text = article("Sie schickt zum dritten Mal Grüße an die Gäste.")
    assert not [m for m in mentions(text, lexicon) if m.kind == "person"]
