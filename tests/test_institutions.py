"""Institutions named by a common noun, as entities and as speakers (sentences written for these tests)."""

from __future__ import annotations

from conftest import claimant_names, extract_body
from kgbuild.model import Document


def _doc(body: str) -> Document:
    return extract_body(body, headline="Meldungen aus der Region")



def test_institutions_subject_of_a_speech_verb_is_the_claimant() -> None:
    doc = _doc("Die Polizei teilte am Abend mit, der Fahrer sei geflohen.")
    [claim] = doc.claims
    org = doc.entity(claim.claimants[0])
    assert org is not None and org.kind == "organization" and org.name == "Polizei"
    assert "der Fahrer sei geflohen" in claim.text


def test_institutions_unqualified_ones_are_scoped_to_the_article() -> None:
    a = _doc("Die Polizei teilte mit, die Straße bleibe gesperrt.")
    b = _doc("Die Polizei teilte mit, niemand sei verletzt worden.")
    ka = {e.key for e in a.entities if e.name == "Polizei"}
    kb = {e.key for e in b.entities if e.name == "Polizei"}
    assert ka and kb and ka.isdisjoint(kb)


def test_institutions_qualified_by_place_or_state_are_corpus_wide() -> None:
    doc = _doc("Die Staatsanwaltschaft Potsdam erklärte, die Ermittlungen dauerten an. "
               "Die griechische Polizei sagte, die Lage sei ruhig.")
    assert claimant_names(doc) == ["Staatsanwaltschaft Potsdam", "griechische Polizei"]
    keys = {e.name: e.key for e in doc.entities}
    assert keys["Staatsanwaltschaft Potsdam"] == "organization/staatsanwaltschaft-potsdam"
    assert keys["griechische Polizei"] == "organization/griechische-polizei"


def test_institutions_after_laut_and_nach_angaben() -> None:
    doc = _doc("Laut Feuerwehr brannte der Dachstuhl vollständig aus. "
               "Nach Angaben der Stadt fehlen im Herbst 200 Plätze in Kindergärten.")
    assert claimant_names(doc) == ["Feuerwehr", "Stadt"]


def test_institutions_subject_after_the_verb() -> None:
    doc = _doc("Der Pegel steige weiter, teilten die Behörden am Morgen mit.")
    assert claimant_names(doc) == ["Behörden"]


def test_institutions_a_place_noun_outside_a_source_slot_is_no_organisation() -> None:
    doc = _doc("Sie wohnt seit Jahren in der Stadt. Das Rathaus wurde 1890 gebaut.")
    assert not [e for e in doc.entities if e.kind == "organization"]


def test_institutions_never_given_a_voice_make_no_node() -> None:
    doc = _doc("Der Streit um das Grundstück landete schließlich vor Gericht.")
    assert not [e for e in doc.entities if e.kind == "organization"]


def test_institutions_a_bare_noun_refers_back_to_the_named_organisation() -> None:
    doc = _doc("Das Robert Koch-Institut meldete am Montag neue Zahlen. "
               "Das Institut teilte außerdem mit, die Lage bleibe angespannt.")
    assert {c.claimants[0] for c in doc.claims} == {e.key for e in doc.entities if "Koch" in e.name}
    assert not [e for e in doc.entities if e.name == "Institut"]


def test_institutions_a_qualified_mention_and_a_later_bare_one_are_one_node() -> None:
    doc = _doc("Die österreichische Polizei bestätigte am Freitag den Einsatz. "
               "Die Polizei sagte später, es habe keine Verletzten gegeben.")
    orgs = [e for e in doc.entities if e.kind == "organization"]
    assert [e.name for e in orgs] == ["österreichische Polizei"]
    assert len({c.claimants[0] for c in doc.claims}) == 1



def test_institutions_laut_with_an_article_is_a_source_slot() -> None:
    from conftest import claimant_names, extract_body
    assert claimant_names(extract_body("Laut der Polizei ist der Mann geflohen.")) == ["Polizei"]


def test_institutions_an_office_named_by_its_noun_takes_the_place_after_it_as_its_name() -> None:
    from conftest import extract_body
    doc = extract_body("Nach Angaben des Landeskriminalamts in Sachsen sitzen fünf Verdächtige in Haft. "
                       "Das Bezirksamt Pankow teilte mit, die Straße sei frei.")
    assert [c.claimants for c in doc.claims] == [("organization/landeskriminalamt-sachsen",),
                                                 ("organization/bezirksamt-pankow",)]


def test_institutions_a_towns_adjective_before_the_noun_names_the_institution() -> None:
    from conftest import extract_body
    doc = extract_body("Das Freisinger Landratsamt teilte mit, die Schule bleibe zu.")
    assert [c.claimants for c in doc.claims] == [("organization/landratsamt-freising",)]


def test_institutions_an_authority_takes_the_one_territory_the_article_names() -> None:
    doc = _doc("Wie das Landratsamt mitteilte, ist die Schule zu. Im Landkreis Lindau gibt es zwei neue Fälle.")
    assert [c.claimants for c in doc.claims] == [("organization/landratsamt-lindau",)]
    org = doc.entity("organization/landratsamt-lindau")
    assert org is not None and "Landratsamt" in org.alternate_names
    # two districts: which one's office spoke is not said
    doc = _doc("Im Landkreis Lindau und im Landkreis Kempten gibt es Fälle. Wie das Landratsamt mitteilte, "
               "ist die Schule zu.")
    assert [c.claimants[0].split("--")[0] for c in doc.claims] == ["organization/landratsamt"]


def test_institutions_joined_by_und_both_speak() -> None:
    doc = _doc("Laut Polizei und Feuerwehr brannte das Haus bis zum Morgen.")
    assert [k.split("--")[0] for k in doc.claims[0].claimants] == ["organization/polizei", "organization/feuerwehr"]


def test_institutions_a_police_unit_named_by_a_compound_is_the_speaker_of_its_spokesman() -> None:
    doc = _doc("„Hier ist alles voll“, sagte ein Sprecher der Polizeiinspektion Hameln am Mittag.")
    assert doc.claims[0].claimants == ("position/sprecher--organization-polizeiinspektion-hameln",)


def test_institutions_a_district_the_gazetteer_lacks_or_named_after_two_towns() -> None:
    doc = _doc("Im Landkreis Bad Tölz-Wolfratshausen gibt es drei neue Fälle. Wie die Kreisbehörde mitteilte, "
               "sind alle Schulen offen.")
    assert doc.claims[0].claimants == ("organization/kreisbehoerde-bad-toelz-wolfratshausen",)


def test_institutions_a_towns_adjective_before_a_simple_noun_names_its_town() -> None:
    doc = extract_body("Die Münchner Feuerwehr teilte mit, der Brand sei gelöscht. "
                       "Laut Kölner Polizei ist der Täter flüchtig.")
    assert [c.claimants for c in doc.claims] == [("organization/feuerwehr-muenchen",),
                                                ("organization/polizei-koeln",)]


def test_institutions_a_new_spokesperson_speaks_for_the_institution_just_named() -> None:
    doc = extract_body("Die Bremer Polizei hat in der Nacht keine Verstöße registriert. "
                       "„Es war alles ruhig“, sagte ein Sprecher am Morgen.")
    assert [c.claimants for c in doc.claims] == [("position/sprecher--organization-polizei-bremen",)]


def test_institutions_a_spokesperson_does_not_give_a_voice_to_a_plural_or_far_institution() -> None:
    doc = extract_body("Die Feuerwehr löschte am Abend einen Brand. Der Verkehr rollte wieder. "
                       "„Es war alles ruhig“, sagte ein Sprecher am Morgen.")
    assert not [e for e in doc.entities if e.kind == "organization"]
    doc = extract_body("Die Behörden hatten die Straße gesperrt. „Es war alles ruhig“, sagte ein Sprecher.")
    assert not [e for e in doc.entities if e.kind == "organization"]


def test_institutions_a_spa_towns_adjective_names_the_town_without_bad() -> None:
    doc = extract_body("Das Tölzer Gesundheitsamt teilte mit, die Zahlen stiegen. "
                       "Das Münchner Landratsamt teilte mit, die Zahlen sänken.")
    assert [c.claimants for c in doc.claims] == [("organization/gesundheitsamt-bad-toelz",),
                                                ("organization/landratsamt-muenchen",)]


def test_institutions_the_town_is_the_one_stadt_the_article_names() -> None:
    doc = extract_body("In der Stadt Tarnau gibt es neue Fälle. "
                       "Nach Angaben der Stadt haben sich 20 Gäste angesteckt.")
    assert [c.claimants for c in doc.claims] == [("organization/stadt-tarnau",)]
    doc = extract_body("In der Stadt Hamm und in der Stadt Unna gibt es Fälle. "
                       "Nach Angaben der Stadt haben sich 20 Gäste angesteckt.")
    assert [e.name for e in doc.entities if e.kind == "organization"] == ["Stadt"]


def test_institutions_a_bare_noun_takes_the_one_qualified_one_named_later() -> None:
    doc = _doc("Die Polizei meldete am Abend einen Einsatz am Hafen. "
               "Später rückte auch ein Boot der Grazer Polizei aus.")
    assert claimant_names(doc) == ["Polizei Graz"]


def test_institutions_a_bare_noun_stays_bare_between_two_qualified_ones() -> None:
    doc = _doc("Die Polizei meldete am Abend einen Einsatz am Hafen. "
               "Beamte der Grazer Polizei und der Linzer Polizei halfen mit.")
    assert claimant_names(doc) == ["Polizei"]


def test_institutions_a_bare_noun_stays_bare_when_a_compound_names_another_of_its_kind() -> None:
    doc = _doc("Die Polizei meldete am Abend, alles sei ruhig geblieben. "
               "Die Bundespolizei kontrollierte am Bahnhof, Beamte der Grazer Polizei halfen.")
    assert "Polizei Graz" not in claimant_names(doc)


def test_institutions_an_office_named_by_its_district_of_two_places_keeps_both() -> None:
    doc = _doc("Das Bezirksamt Treptow-Köpenick hat den Markt geschlossen. "
               "„Die Abstände waren nicht einzuhalten“, hieß es aus dem Bezirksamt.")
    assert claimant_names(doc) == ["Bezirksamt Treptow-Köpenick"]


def test_institutions_a_compound_spokesperson_speaks_for_the_one_of_its_kind_named_before() -> None:
    doc = extract_body("Die Bremer Polizei hat in der Nacht 30 Einsätze verzeichnet. Die Lage blieb ruhig. "
                       "Am Morgen öffneten die Läden. Eine Polizeisprecherin sagte, es habe keine Festnahmen gegeben.")
    assert [c.claimants for c in doc.claims] == [("position/polizeisprecherin--organization-polizei-bremen",)]
    # the joining "s" of the title is not part of the kind: "Ministeriums-" names a ministry
    doc = extract_body("Das Gesundheitsministerium hat neue Regeln erlassen. Viele Praxen sind unzufrieden. "
                       "Die Daten würden nicht gespeichert, sagte ein Ministeriumssprecher.")
    [claim] = doc.claims
    assert claim.claimants == ("position/ministeriumssprecher--organization-gesundheitsministerium",)


def test_institutions_a_compound_spokesperson_of_another_kind_speaks_for_none() -> None:
    doc = extract_body("Die Bremer Feuerwehr hat in der Nacht 30 Einsätze gezählt. Die Lage blieb ruhig. "
                       "Am Morgen öffneten die Läden. Eine Polizeisprecherin sagte, es habe keine Festnahmen gegeben.")
    assert [c.claimants for c in doc.claims] == [("position/polizeisprecherin",)]


def test_institutions_a_local_one_acts_in_the_town_its_sentence_names() -> None:
    doc = _doc("In Kassel hat die Polizei am Abend eine Versammlung aufgelöst, die Teilnehmer seien "
               "ohne Masken gekommen, teilte die Polizei mit. "
               "Etwa 300 Menschen protestierten laut Feuerwehr in Bonn vor dem Rathaus.")
    assert claimant_names(doc) == ["Polizei Kassel", "Feuerwehr Bonn"]


def test_institutions_a_town_named_with_another_or_a_region_gives_no_seat() -> None:
    doc = _doc("In Kassel und Fulda protestierten laut Polizei je 300 Menschen. "
               "In Bayern meldete die Feuerwehr am Abend einen Großbrand.")
    assert claimant_names(doc) == ["Polizei", "Feuerwehr"]


def test_institutions_a_named_place_beats_the_one_of_its_kind_before() -> None:
    doc = _doc("Die Polizei Kassel meldete am Morgen, alles sei ruhig. "
               "In Fulda teilte die Polizei dagegen mit, es habe Festnahmen gegeben.")
    assert claimant_names(doc) == ["Polizei Kassel", "Polizei Fulda"]


def test_institutions_a_bare_one_in_an_article_about_two_towns_is_neithers() -> None:
    doc = _doc("Die Polizei Kassel meldete am Morgen, alles sei ruhig. "
               "In Fulda teilte die Polizei dagegen mit, es habe Festnahmen gegeben. "
               "Insgesamt seien die Proteste friedlich verlaufen, sagte die Polizei.")
    assert claimant_names(doc)[-1] == "Polizei"


def test_institutions_the_adjective_of_a_town_the_gazetteer_lacks_names_a_local_one() -> None:
    doc = _doc("Wie die Polizei mitteilt, blieb es ruhig. Die Regeln seien eingehalten worden, teilte die "
               "Wessinger Polizei mit.")
    assert claimant_names(doc) == ["Polizei Wessing", "Polizei Wessing"]
    # an ordinary adjective between an article and its noun ends in -e or -en, never in -er
    doc = _doc("Die Regeln seien eingehalten worden, teilte die örtliche Polizei mit.")
    assert claimant_names(doc) == ["Polizei"]


def test_institutions_a_national_one_in_a_passage_about_a_foreign_state_is_that_states() -> None:
    doc = _doc("In Norwegen steigen die Zahlen weiter. Laut Polizei blieb es in der Nacht ruhig. "
               "Die Behörden meldeten am Abend 300 neue Fälle.")
    assert claimant_names(doc) == ["norwegische Polizei", "norwegische Behörden"]


def test_institutions_a_passage_about_a_state_with_regional_authorities_names_no_national_one() -> None:
    doc = _doc("In Norwegen meldete die Polizei am Abend, alles sei ruhig. "
               "Sie sei mit 300 Beamten im Einsatz gewesen. Die Lage in den Grenzorten blieb angespannt. "
               "In Deutschland meldete die Polizei dagegen viele Verstöße.")
    assert claimant_names(doc)[0] == "norwegische Polizei" and claimant_names(doc)[-1] == "Polizei"


def test_institutions_a_local_one_takes_a_town_the_gazetteer_lacks_right_after_it() -> None:
    doc = _doc("Die Täter seien geflohen, sagte ein Sprecher der Polizeiinspektion Wessing.")
    assert [c.claimants for c in doc.claims] == [("position/sprecher--organization-polizeiinspektion-wessing",)]
    # a dative after the noun is no town: "sagte die Polizei Reportern"
    doc = _doc("Der Fahrer sei betrunken gewesen, sagte die Polizei Reportern.")
    assert claimant_names(doc) == ["Polizei"]


def test_institutions_a_party_after_the_adjective_of_a_town_in_another_state_is_that_states() -> None:
    doc = _doc("Die Wiener Grünen warnten am Freitag, der Zug dürfe nicht gestrichen werden. "
               "Die Berliner SPD fordert, die Schulen zu öffnen.")
    assert claimant_names(doc) == ["Grünen Wien", "Sozialdemokratische Partei Deutschlands"]
