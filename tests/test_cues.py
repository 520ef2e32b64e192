"""Attribution cues and reported-speech chains: one test per cue family, tense and voice, nominal frame,
chain start and end, relay and headline. Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from conftest import extract_body
from kgbuild import lang
from kgbuild.cues import FrameMatcher, frames, konjunktiv
from kgbuild.model import Claim, Document, SpeechAct
from kgbuild.pipeline import extract

PUBLISHED = "2024-03-05"  # a Tuesday
WENDT = "person/carola-wendt"
KESSLER = "person/eva-kessler"


def build(*paragraphs: str, headline: str = "Stadt setzt Brückenprojekt fort") -> Document:
    return extract("\n\n".join((headline, *paragraphs)) + "\n", published=PUBLISHED)


def claims(*paragraphs: str) -> list[tuple[tuple[str, ...], str]]:
    return [(c.claimants, c.text) for c in build(*paragraphs).claims]


def only_claim(*paragraphs: str) -> Claim:
    doc = build(*paragraphs)
    assert len(doc.claims) == 1, [(c.claimants, c.span.text) for c in doc.claims]
    return doc.claims[0]


# ---------------------------------------------------------------- the data
def test_cues_every_frame_row_compiles() -> None:
    phrases = lang.load("de").attribution_phrases
    matcher = FrameMatcher(phrases)
    for ph in phrases:
        pattern = ph.pattern.replace("X", "der Stadt").replace("V", "sagte")
        words = [w.split("|")[0].lstrip("^") for w in pattern.split()]
        words = " ".join(words).split()
        found = matcher.matches(words, lambda w: w == "sagte")
        assert any(m.phrase == ph for m in found), ph.pattern


def test_cues_frame_slot_positions() -> None:
    words = "Die Brücke ist nach Angaben der Stadt gesperrt .".split()
    m = frames("de").matches(words, lambda w: False)[0]
    assert m.phrase.pattern == "nach Angaben X"
    assert (m.begin, m.end) == (3, 5) and m.slot[0] == 5


# ---------------------------------------------------------------- verbs, tense and voice
@pytest.mark.parametrize(
    "sentence",
    [
        "Carola Wendt sagte, die Brücke werde im Mai fertig.",  # past
        "Carola Wendt sagt, die Brücke werde im Mai fertig.",  # present
        "Carola Wendt hat gesagt, die Brücke werde im Mai fertig.",  # perfect
        "Carola Wendt hatte zuvor erklärt, die Brücke werde im Mai fertig.",  # pluperfect
        "Die Brücke werde im Mai fertig, teilte Carola Wendt am Montag mit.",  # separable particle, inverted
        "Die Brücke werde im Mai fertig, bilanzierte Carola Wendt.",
        "Carola Wendt machte deutlich, dass die Brücke im Mai fertig werde.",
        "Carola Wendt ging davon aus, dass die Brücke im Mai fertig werde.",
        "Carola Wendt begrüßte, dass die Brücke im Mai fertig werde.",
    ],
)
def test_cues_speech_verbs_in_every_tense(sentence: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,)
    assert "Brücke" in c.text


def test_cues_passive_with_von_names_the_source() -> None:
    c = only_claim("Von Ministerin Carola Wendt wurde am Montag mitgeteilt, die Brücke sei gesperrt.")
    assert c.claimants == (WENDT,)
    assert c.text == "die Brücke sei gesperrt"
    assert c.stated_on is not None and c.stated_on.value == "2024-03-04"


def test_cues_passive_without_source_is_no_claim() -> None:
    assert claims("Der Plan von Carola Wendt wurde am Montag kritisiert.") == []


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        ("Carola Wendt hält eine Einigung im Mai für möglich.", SpeechAct.STATEMENT),
        ("Carola Wendt sprach von einem großen Erfolg für die Stadt.", SpeechAct.STATEMENT),
        ("Carola Wendt nannte den Plan einen großen Fehler.", SpeechAct.STATEMENT),
        ("Carola Wendt lobte: „Die Arbeiter haben viel geleistet.“", SpeechAct.STATEMENT),
        ("Carola Wendt sprach davon, dass die Brücke ein Erfolg sei.", SpeechAct.STATEMENT),
        ("Verkehrsministerin Carola Wendt: „Die Brücke wird im Mai fertig.“", SpeechAct.STATEMENT),
    ],
)
def test_cues_verbs_with_a_complement(sentence: str, act: SpeechAct) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,) and c.speech_act == act


def test_cues_stance_verb_without_content_is_no_claim() -> None:
    assert claims("Carola Wendt lobte die Arbeiter am Montag.") == []


# ---------------------------------------------------------------- nominal and impersonal frames
@pytest.mark.parametrize(
    "sentence",
    [
        "Nach Einschätzung von Carola Wendt ist die Brücke zu teuer.",
        "Nach Aussagen von Carola Wendt ist die Brücke zu teuer.",
        "Laut Carola Wendt ist die Brücke zu teuer.",
        "Carola Wendt zufolge ist die Brücke zu teuer.",
        "Wie Carola Wendt am Montag mitteilte, ist die Brücke zu teuer.",
    ],
)
def test_cues_nominal_frames_name_their_source(sentence: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,)
    assert "Brücke" in c.text and "Wendt" not in c.text


def test_cues_geht_aus_hervor_names_the_document_source() -> None:
    c = only_claim("Die Brücke kostet mehr als geplant. Das geht aus einem Bericht der Polizei hervor.")
    assert c.claimants[0].startswith("organization/polizei")
    assert c.text.startswith("Die Brücke kostet")


def test_cues_infinitive_with_zu_is_no_cue() -> None:
    assert claims("Es ist schwer, darüber zu sprechen, wie die Brücke gebaut wurde.") == []


def test_cues_nach_eigenen_angaben_is_the_subject() -> None:
    c = only_claim("Die Firma Siemens hat nach eigenen Angaben im Jahr mehr Umsatz gemacht.")
    assert c.claimants == ("organization/siemens",)


def test_cues_impersonal_frame_with_a_named_source() -> None:
    c = only_claim("In einer Mitteilung der Polizei heißt es, der Fahrer sei geflohen.")
    assert c.claimants[0].startswith("organization/polizei")
    assert c.text == "der Fahrer sei geflohen"


def test_cues_impersonal_frame_without_a_source_is_no_claim() -> None:
    assert claims("Der Fahrer sei geflohen, hieß es am Abend.") == []


# ---------------------------------------------------------------- relays
def test_cues_relay_by_a_spokesman_gives_the_original_speaker() -> None:
    c = only_claim("Die Ministerin Eva Kessler machte nach Angaben ihres Sprechers deutlich, dass sie bleibe.")
    assert c.claimants == (KESSLER,)


def test_cues_relay_by_a_medium_is_reported_by() -> None:
    c = only_claim("Die Agentur Reuters berichtete unter Berufung auf Carola Wendt, der Plan sei gescheitert.")
    assert c.claimants == (WENDT,)
    assert c.reported_by == ("organization/reuters",)


def test_cues_a_wie_frame_relays_the_speech_verb_after_it() -> None:
    c = only_claim("Wie die Agentur Reuters berichtete, sagte Carola Wendt im Rat: „Der Plan ist gescheitert.“")
    assert c.claimants == (WENDT,)
    assert c.reported_by == ("organization/reuters",)


# ---------------------------------------------------------------- content
def test_cues_a_short_quote_before_the_cue_is_the_content_not_the_apposition() -> None:
    c = only_claim("„Wir bleiben“, sagte Carola Wendt, die Chefin des Vereins.")
    assert c.text == "Wir bleiben"


def test_cues_a_stance_frame_without_a_clause_is_the_whole_sentence() -> None:
    c = only_claim("Die Vorsitzende des Vereins, Carola Wendt, hält den Abriss der Brücke für falsch.")
    assert c.claimants == (WENDT,)
    assert c.text == "Die Vorsitzende des Vereins, Carola Wendt, hält den Abriss der Brücke für falsch."


# ---------------------------------------------------------------- chains
def test_cues_chain_runs_through_konjunktiv_forms() -> None:
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Sie koste mehr als geplant. "
                   "Die Kosten würden weiter steigen.")
    assert [k for k, _ in found] == [(WENDT,)] * 3


def test_cues_chain_ends_at_a_new_unnamed_source() -> None:
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Ein Gutachter hatte zuvor erklärt, die Kosten "
                   "seien zu hoch. Diese würden vor allem Schulen treffen.")
    assert found == [((WENDT,), "die Brücke sei teuer")]


def test_cues_chain_ends_at_a_closing_source_we_cannot_name() -> None:
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Die Preise seien zu hoch, so ein Anwohner. "
                   "Die Hersteller hätten die Preise erhöht.")
    assert found == [((WENDT,), "die Brücke sei teuer")]


def test_cues_chain_ends_at_a_paragraph_end_after_an_indicative_sentence() -> None:
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Die Stadt baut seit 2020.", "Die Kosten würden steigen.")
    assert found == [((WENDT,), "die Brücke sei teuer")]


def test_chains_a_summary_by_another_named_speaker_takes_the_chain_over() -> None:
    doc = build("Carola Wendt sagte, die Brücke sei zu teuer. Die Kosten seien falsch berechnet worden.",
                "Die Reporterin Eva Kessler fasste die Amtszeit so zusammen: Wendt habe viel versprochen und "
                "wenig gehalten. Die Stadt stehe heute schlechter da als vorher.")
    assert [(c.claimants, c.cue) for c in doc.claims] == [
        ((WENDT,), "sagte"), ((WENDT,), None), ((KESSLER,), "fasste … zusammen"), ((KESSLER,), None)]


def test_chains_a_speech_verb_inside_what_an_unnamed_subject_said_is_no_cue() -> None:
    # "versprochen" stands in the journalist's words; "Er" is not its speaker, and the chain ends
    for frame in ("fasste seine Amtszeit so zusammen:", "sagte dazu:"):
        found = claims("Der Bürgermeister Karl Moser sagte, die Brücke sei zu teuer. Die Kosten seien zu hoch.",
                       f"Die Journalistin der Zeitung {frame} Er habe viel versprochen und wenig gehalten. "
                       "Die Stadt stehe heute schlechter da als vorher.")
        assert [k for k, _ in found] == [("person/karl-moser",)] * 2
    # "fasst … zusammen" reports speech only with what was said beside it
    assert claims("Die Stadt fasst die beiden Ämter zusammen. Es gebe zu viele davon.") == []


@pytest.mark.parametrize(
    "between",
    [
        "Mit derselben Begründung kam der Bundesgerichtshof zum gegenteiligen Ergebnis.",  # after its verb
        "Die Ministerin Eva Kessler kam dagegen zu einem anderen Ergebnis.",  # opening the sentence
    ],
)
def test_chains_an_indicative_sentence_with_a_new_named_subject_ends_the_chain(between: str) -> None:
    found = claims(f"Carola Wendt sagte, die Regel sei rechtmäßig. Sie verstoße nicht gegen das Gesetz. {between} "
                   "Die Regel sei unwirksam.")
    assert [t for k, t in found if k == (WENDT,)] == ["die Regel sei rechtmäßig",
                                                      "Sie verstoße nicht gegen das Gesetz."]


@pytest.mark.parametrize(
    "between",
    [
        "Der SPD-Politiker erinnerte an den Winter.",  # a name inside a word describes the subject
        "Im vergangenen Jahr hatte die Deutsche Bahn demnach mehr Geld ausgegeben.",  # "demnach" reports on
        "In Bayern regiere die CSU allein.",  # a Konjunktiv before its subject reports too
    ],
)
def test_chains_a_named_word_that_is_no_new_source_keeps_the_chain(between: str) -> None:
    found = claims(f"Carola Wendt sagte, die Regel sei rechtmäßig. {between} Die Regel schütze die Kunden.")
    assert found[0][0] == (WENDT,) and found[-1] == ((WENDT,), "Die Regel schütze die Kunden.")


def test_chains_a_sentence_with_its_own_cue_and_subject_is_no_continuation() -> None:
    found = claims("Carola Wendt sagte, die Regel sei rechtswidrig. Sie verletze die Rechte der Kunden. "
                   "Die Regel ist dagegen rechtmäßig, urteilt der Europäische Gerichtshof: Sie diene dem Schutz "
                   "der Kunden. Die Kunden hätten ein Recht auf Auskunft.")
    assert [t for k, t in found if k == (WENDT,)] == ["die Regel sei rechtswidrig",
                                                      "Sie verletze die Rechte der Kunden."]


def test_chains_the_last_speaker_named_again_after_a_closing_verb_carries_the_chain_on() -> None:
    doc = build("Nach Angaben des Bundesgerichtshofs hatte der Mann gelogen. Damit habe er die Regel verletzt, "
                "urteilte der Bundesgerichtshof. Er müsse 300 Euro zahlen.")
    assert [c.claimants for c in doc.claims] == [("organization/bundesgerichtshof",)] * 3


def test_chains_a_person_just_named_as_the_subject_speaks_on_in_konjunktiv() -> None:
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Eva Kessler wird deutlicher. Die Stadt habe versagt. "
                   "Sie müsse die Kosten tragen.")
    assert [k for k, _ in found] == [(WENDT,), (KESSLER,), (KESSLER,)]
    # a Konjunktiv only in a clause of the author's sentence reports nothing
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Eva Kessler leitete danach das Amt. "
                   "Als oberste Regel galt, dass niemand reisen dürfe.")
    assert [k for k, _ in found] == [(WENDT,)]


def test_chains_a_name_after_a_preposition_is_no_new_subject() -> None:
    found = claims("Carola Wendt sagte, die Regel sei rechtmäßig. Für Eva Kessler fand Wendt lobende Worte. "
                   "Sie sei eine gute Ministerin.")
    assert [k for k, _ in found] == [(WENDT,)] * 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Bundesgerichtshof kam dagegen zu dem Schluss, die Regel sei unwirksam.",
        "Nun ist der Bundesgerichtshof zu dem Ergebnis gekommen: Die Regel sei unwirksam.",
    ],
)
def test_cues_coming_to_a_conclusion_reports_the_subjects_words(sentence: str) -> None:
    doc = build("Carola Wendt sagte, die Regel sei rechtmäßig. " + sentence + " Sie verletze das Gesetz.")
    assert [c.claimants for c in doc.claims] == [(WENDT,)] + [("organization/bundesgerichtshof",)] * 2


def test_cues_macht_verantwortlich_blames() -> None:
    c = only_claim("Die Vorsitzende Carola Wendt macht dafür die Regierung verantwortlich.")
    assert (c.claimants, c.cue, c.speech_act) == ((WENDT,), "macht … verantwortlich", SpeechAct.CRITICISM)


def test_cues_a_medium_noun_never_refers_to_another_organisation() -> None:
    found = claims("Das Ministerium plant Kürzungen. Die Zeitung hatte zuvor berichtet, die Schulen seien betroffen.")
    assert found == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Die Behörde plane Kürzungen .", True),
        ("er rechne mit mehr Geld .", True),
        ("Diese würden Schulen treffen .", True),
        ("Die neue Brücke ist fertig .", False),
        ("ich sage das gern .", False),
        ("Die Stadt baut eine große Brücke .", False),
        ("Die offizielle Warn-App wird am Dienstag vorgestellt .", False),
        ("Der stellvertretende Vorsitzende ist krank .", False),
    ],
)
def test_cues_konjunktiv_from_the_verb_form(words: str, expected: bool) -> None:
    assert konjunktiv("de").in_sentence(words.split()) is expected


# ---------------------------------------------------------------- headlines
def test_cues_headline_with_a_demand_verb_is_a_claim() -> None:
    doc = build("Die Stadt hat kein Geld.", headline="Bürgermeisterin Anna Weber fordert mehr Geld vom Land")
    assert [(c.claimants, c.speech_act, c.text) for c in doc.claims] == [
        (("person/anna-weber",), SpeechAct.DEMAND, "mehr Geld vom Land")]


def test_cues_headline_without_a_speech_verb_is_no_claim() -> None:
    assert build("Die Stadt hat kein Geld.", headline="Anna Weber baut eine Brücke").claims == ()



def test_cues_so_die_polizei_names_an_institution() -> None:
    c = only_claim("Die Straße sei wieder frei, so die Polizei.")
    assert c.claimants[0].startswith("organization/polizei")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Als großen Erfolg bezeichnete Carola Wendt die neue Brücke.", [(WENDT,)]),
        ("Carola Wendt spricht am Montag im Rat der Stadt.", []),
    ],
)
def test_cues_complement_after_the_verb_or_opening_the_sentence(sentence: str, expected: list[tuple[str, ...]]) -> None:
    assert [k for k, _ in claims(sentence)] == expected


def test_cues_chain_survives_an_indicative_sentence_inside_its_paragraph() -> None:
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Die Brücke wurde 1990 gebaut. "
                   "Die Stadt werde die Kosten tragen.", "Die Stadt hat 5000 Einwohner.")
    assert [k for k, _ in found] == [(WENDT,), (WENDT,)]


def test_cues_chain_konjunktiv_after_a_long_subject() -> None:
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Die Zahl der neuen Baustellen steige.")
    assert [k for k, _ in found] == [(WENDT,)] * 2


def test_cues_indicative_past_of_werden_continues_no_chain() -> None:
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Verletzt wurde niemand.")
    assert len(found) == 1


def test_cues_the_source_phrase_keeps_its_genitive_out_of_the_content() -> None:
    c = only_claim("Nach Angaben eines Sprechers der Polizei war der Mann betrunken.")
    assert c.text == "war der Mann betrunken"


def test_cues_a_possessive_frame_refers_back_to_the_speaker() -> None:
    found = claims("„Die Brücke ist zu schmal“, sagte Carola Wendt. "
                   "Radfahrer sollten ihrer Ansicht nach eine eigene Spur bekommen.")
    assert found[-1] == ((WENDT,), "Radfahrer sollten eine eigene Spur bekommen")


def test_cues_a_possessive_frame_without_an_agreeing_person_is_no_claim() -> None:
    assert claims("Jonas Brandt kam nach Bonn. Die Schulen bleiben ihrer Ansicht nach geschlossen.") == []


def test_cues_a_long_source_slot_between_the_frame_words() -> None:
    found = claims("Jede dritte Brücke im Land ist marode. Das geht aus einem im Mai vorgelegten "
                   "Gutachten der Ingenieurin Carola Wendt von der Hochschule Kiel hervor.")
    assert [k for k, _ in found] == [(WENDT,)]


def test_cues_the_name_after_a_medium_noun_is_the_source() -> None:
    c = build("Die Agentur Reuters meldete am Montag neue Zahlen.",
              "Die Brücke werde gesperrt, wie die Nachrichtenagentur Xinhua am Abend meldete.").claims[-1]
    assert c.claimants != ("organization/reuters",)


@pytest.mark.parametrize("sentence, act", [
    ("Carola Wendt empfahl, die Brücke zu sanieren.", SpeechAct.DEMAND),
    ("Carola Wendt erinnerte daran, dass die Brücke alt sei.", SpeechAct.STATEMENT),
    ("Carola Wendt plädierte dafür, die Brücke zu sanieren.", SpeechAct.DEMAND),
    ("Carola Wendt setzte sich für eine neue Brücke ein.", SpeechAct.DEMAND),
    ("Carola Wendt wandte sich gegen den Abriss der Brücke.", SpeechAct.CRITICISM),
    ("Carola Wendt zeigte sich skeptisch: „Die Brücke hält nicht mehr lange.“", SpeechAct.STATEMENT),
])
def test_cues_stance_and_advice_verbs(sentence: str, act: SpeechAct) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,) and c.speech_act == act


@pytest.mark.parametrize("sentence", [
    "Die Armee setzte neue Panzer ein.",
    "Die Statistik zeigt, dass die Zahl der Unfälle sinkt.",
    "Vor zwei Jahren hatte der Rat ihn als Vorsitzenden empfohlen.",
])
def test_cues_stance_verbs_need_their_frame(sentence: str) -> None:
    assert claims(sentence) == []


def test_cues_an_office_that_speaks_is_the_claimant_when_no_holder_is_named() -> None:
    c = only_claim("Die Schulen bleiben bis Ostern geschlossen, sagte die Ministerin.")
    assert c.claimants[0].endswith("position/ministerin")


def test_cues_a_quote_inside_the_clause_is_not_the_whole_content() -> None:
    c = only_claim("Carola Wendt sagte, das Buch „Die Brücke am Fluss“ sei lesenswert.")
    assert c.text == "das Buch „Die Brücke am Fluss“ sei lesenswert"
    c = only_claim("In ihrem Buch „Die Brücke am Fluss“ empfiehlt Carola Wendt, alte Brücken zu erhalten.")
    assert c.text == "alte Brücken zu erhalten"


def test_cues_an_adjective_in_a_name_is_no_demonym_speaker() -> None:
    found = claims("Der Koch Max Berger unterschrieb. Der Deutsche Imkerbund empfahl dagegen Geduld.")
    assert not [k for k, _ in found if k == ("person/max-berger",)]


@pytest.mark.parametrize("frame", ["Medienberichten zufolge", "nach Medienberichten", "Berichten zufolge"])
def test_cues_unnamed_media_reports_end_the_chain_and_make_no_claim(frame: str) -> None:
    found = claims(f"Carola Wendt sagte, die Brücke sei teuer. In Kiel kam es {frame} zu einem Unfall. "
                   "Der Fahrer sei verletzt worden.")
    assert found == [((WENDT,), "die Brücke sei teuer")]


def test_cues_a_paragraph_opening_with_a_quote_belongs_to_the_cue_after_it() -> None:
    found = claims("„Die Brücke bleibt“, sagte Carola Wendt.",
                   "„Das Haus ist alt.“ „Wir hatten große Angst“, sagt Eva Kessler.")
    assert [k for k, _ in found] == [(WENDT,), (KESSLER,), (KESSLER,)]
    found = claims("„Die Brücke bleibt“, sagte Carola Wendt. „Das Haus ist alt.“ „Wir hatten Angst“, sagt Eva Kessler.")
    assert [k for k, _ in found] == [(WENDT,), (WENDT,), (KESSLER,)]


def test_cues_only_konjunktiv_one_carries_a_chain_across_narration() -> None:
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Sie kam am Montag nach Kiel. "
                   "Im Falle eines Neubaus wäre sie die erste Brücke dieser Art.")
    assert len(found) == 1
    found = claims("Carola Wendt sagte, die Brücke sei teuer. Sie kam am Montag nach Kiel. Die Kosten stiegen weiter, "
                   "der Bau sei aber nötig.")
    assert len(found) == 2


@pytest.mark.parametrize("sentence", [
    "Die Ministerin Eva Kessler lässt unter dem Hut einen grauen Ansatz vermuten.",
    "Am Nachmittag räumten Polizisten den Park.",
])
def test_cues_verbs_of_saying_in_another_sense(sentence: str) -> None:
    assert claims(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Während reiche Staaten Programme auflegen können , rutschen andere Länder in eine Krise .", False),
    ("Weil die Stadt Geld brauche , steige die Steuer .", True),
    ("Weil die Stadt Geld braucht , steigt die Steuer .", False),
])
def test_cues_konjunktiv_after_a_subordinator(sentence: str, expected: bool) -> None:
    assert konjunktiv("de").in_sentence(sentence.split()) is expected


def test_cues_a_bracketed_short_form_stays_inside_the_source_slot() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("Die Zahl der Unfälle stieg deutlich. Das geht aus einem Bericht des Statistischen "
                       "Bundesamts (Destatis) hervor.")
    assert claimant_names(doc) == ["Statistisches Bundesamt"]


@pytest.mark.parametrize("sentence, said", [
    ("Die Ministerin Anna Weber hat den Angriff auf die Feuerwehr scharf kritisiert.", True),
    ("Der Bürgermeister Otto Mayer hat die Schmierereien aufs Schärfste verurteilt.", True),
    ("Das Landgericht hat den Angeklagten zu vier Jahren Haft verurteilt.", False),
    ("Der Vorstand hat den Bericht bestätigt.", False),
])
def test_cues_a_closing_participle_of_criticism_is_speech_only_with_an_adverb_of_manner(
        sentence: str, said: bool) -> None:
    from conftest import extract_body
    assert bool(extract_body(sentence).claims) is said


def test_cues_a_survey_or_study_that_shows_something_is_its_authors_report() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("Wie eine Studie der Universität Bonn zeigt, schlafen Kinder zu wenig. "
                       "Wie die Erfahrung zeigt, ist das schwer zu ändern.")
    assert claimant_names(doc) == ["Universität Bonn"]
    assert doc.claims[0].speech_act == SpeechAct.REPORT


@pytest.mark.parametrize("sentence, source", [
    ("Nach jüngsten Angaben der Polizei war der Fahrer betrunken.", "Polizei"),
    ("Nach ersten Erkenntnissen des Statistischen Bundesamts stiegen die Preise.", "Statistisches Bundesamt"),
])
def test_cues_an_adjective_may_stand_inside_a_nominal_frame(sentence: str, source: str) -> None:
    from conftest import claimant_names, extract_body
    assert claimant_names(extract_body(sentence)) == [source]


def test_cues_an_adjective_after_a_preposition_is_no_frame_without_a_frame_noun() -> None:
    from conftest import extract_body
    assert extract_body("Nach langen Verhandlungen einigten sich die Parteien am Abend.").claims == ()


@pytest.mark.parametrize("sentence, cue", [
    ("Er wolle das gar nicht bestreiten, sagt Arzt Jonas Brandt.", "sagt"),
    ("Sie habe an das Projekt geglaubt, schrieb Ministerin Eva Roth.", "schrieb"),
    ("Eva Roth sagte, sie habe das nie bestritten.", "sagte"),
])
def test_cues_a_closing_frame_wins_over_a_speech_verb_inside_its_content(sentence: str, cue: str) -> None:
    from conftest import extract_body
    (claim,) = extract_body(sentence).claims
    assert claim.cue == cue


@pytest.mark.parametrize("sentence, source", [
    ("Im Rundbrief des ADAC heißt es: „Wir fordern mehr Schutz.“", "ADAC"),
    ("Laut der Polizei ist der Mann geflohen. In der Begründung der Polizei hieß es, er sei bewaffnet.", "Polizei"),
    # the document after the quote, its author in the genitive, with a contracted preposition
    ("„Die Schulen bleiben offen“, heißt es im Schreiben des Deutschen Lehrerverbands.",
     "Deutscher Lehrerverband"),
    ("„Die Schulen bleiben offen“, heißt es in einem Brief der Polizei an die Eltern.", "Polizei"),
    ("Die Schulen, so heißt es in einem Entwurf der Gewerkschaft Verdi, blieben offen.",
     "Vereinte Dienstleistungsgewerkschaft"),
    ("„Die Schulen bleiben offen“, hieß es beim Deutschen Roten Kreuz.", "Deutsches Rotes Kreuz"),
])
def test_cues_a_document_of_an_author_with_heisst_es_is_the_authors(sentence: str, source: str) -> None:
    from conftest import claimant_names, extract_body
    assert claimant_names(extract_body(sentence))[-1] == source


def test_cues_heisst_es_after_a_place_or_a_document_of_no_one_names_no_one() -> None:
    from conftest import extract_body
    assert extract_body("In Berlin heißt es, die Lage sei ernst. "
                        "In einem Brief an die Ministerin heißt es, man sei enttäuscht.").claims == ()


@pytest.mark.parametrize("sentence", [
    "„Wir warten seit Tagen“, heißt es in einer Mail an die Süddeutsche Zeitung.",
    "„Wir warten seit Tagen“, heißt es in der Antwort auf eine Anfrage der Polizei.",
])
def test_cues_the_addressee_of_a_document_is_not_its_author(sentence: str) -> None:
    from conftest import extract_body
    assert extract_body(sentence).claims == ()


@pytest.mark.parametrize("sentence, source", [
    ("Anna Schmidt hatte die Reise abgesagt mit den Worten: „Die Heimat geht vor.“", "Anna Schmidt"),
    ("Damit verabschiedete sich Anna Schmidt mit den Worten „Bis bald, ihr Lieben“ von den Fans.", "Anna Schmidt"),
    # a verb of quoting names the speaker as its object: the subject only quotes
    ("Die Agentur zitierte Anna Schmidt mit den Worten, die Heimat gehe vor.", "Anna Schmidt"),
])
def test_cues_mit_den_worten_gives_the_subjects_words(sentence: str, source: str) -> None:
    from conftest import claimant_names, extract_body
    assert claimant_names(extract_body(sentence)) == [source]


def test_cues_a_genitive_name_a_verdict_and_a_colon_give_that_persons_words() -> None:
    doc = build("Der Forscher Frank Adler leitet das Institut. Die Ministerin Eva Roth lobte das Projekt.",
                "Adlers Fazit: Die Panne sei ärgerlich, aber sie schade nicht.",
                "Roths Antwort: „Nein, das machen wir nicht.“")
    assert [(c.claimants, c.cue) for c in doc.claims][-2:] == [
        (("person/frank-adler",), ":"), (("person/eva-roth",), ":")]


def test_cues_a_genitive_name_before_a_colon_and_a_plain_statement_is_no_claim() -> None:
    assert build("Der Forscher Frank Adler leitet das Institut.",
                 "Adlers Fazit: Die Panne ist ärgerlich.").claims == ()


def test_cues_a_frame_marked_as_clause_opening_needs_a_clause_start() -> None:
    # "wie X V" is an attribution after a comma or first in the sentence, a comparison after a noun
    doc = build("Der Bau beginnt im Mai, wie die Stadt Köln am Montag bekannt gab. "
                "Länder wie Schweden setzen auf Tests und die Maßnahmen zeigen Wirkung. "
                "Mit Staaten wie der Türkei gibt es Sondervereinbarungen.")
    assert [c.claimants for c in doc.claims] == [("organization/stadt-koeln",)]


def test_cues_an_inflected_participle_before_its_noun_is_no_cue() -> None:
    doc = build("Die Schweiz hat die meisten bestätigten Infektionen pro Kopf. Polen meldete 100 bestätigte Fälle. "
                "Die Stadt Köln hält an dem im März verkündeten Abschluss fest. "
                "Darüber hinaus kündigten die Stadt Köln und das Land Hessen am Montag an, dass die Schulen öffnen.")
    assert [(c.claimants[0], c.cue) for c in doc.claims] == \
        [("country/pl", "meldete"), ("organization/stadt-koeln", "kündigten … an")]


@pytest.mark.parametrize(
    "closing",
    [
        "erklärte die zweifache Weltmeisterin aus Kassel.",
        "sagte die 41 Jahre alte Trainerin am Montag.",
        "sagte die technisch starke Stürmerin bei der Vertragsunterschrift.",
    ],
)
def test_cues_a_description_after_the_verb_may_have_a_phrase_of_place_or_time(closing: str) -> None:
    c = claims("Die Trainerin Eva Kessler war zufrieden.", f"„Das Team hat gut gespielt“, {closing}")
    assert [k for k, _ in c] == [(KESSLER,)]


def test_cues_an_object_with_a_phrase_after_the_verb_is_no_description() -> None:
    c = only_claim("Carola Wendt kritisierte die Beschlüsse von Bund und Ländern.")
    assert c.claimants == (WENDT,)


@pytest.mark.parametrize(
    "subject",
    ["der Psychologe Max Berger", "der Schweizer Psychologe Max Berger", "der Psychologe und Autor Max Berger",
     "etwa der Kasseler Psychologe Max Berger"],
)
def test_cues_a_noun_before_the_name_after_the_verb_describes_the_speaker(subject: str) -> None:
    c = only_claim(f"Die Schulen sollten offen bleiben, sagt {subject}.")
    assert c.claimants == ("person/max-berger",)


def test_cues_a_noun_after_the_verb_that_names_no_one_is_no_speaker() -> None:
    assert claims("„Die Brücke ist zu teuer“, glauben viele Anwohner.") == []


@pytest.mark.parametrize(
    ("closing", "act"),
    [
        ("freut sich Carola Wendt.", SpeechAct.STATEMENT),
        ("findet Carola Wendt.", SpeechAct.STATEMENT),
        ("erinnert sich Carola Wendt an den Winter.", SpeechAct.STATEMENT),
        ("klagte Carola Wendt am Montag.", SpeechAct.CRITICISM),
        ("analysiert Carola Wendt vom Institut für Verkehr.", SpeechAct.STATEMENT),
        ("konterte Carola Wendt.", SpeechAct.STATEMENT),
        ("mailt Carola Wendt auf Anfrage.", SpeechAct.STATEMENT),
        ("spottete Carola Wendt.", SpeechAct.CRITICISM),
    ],
)
def test_cues_a_verb_of_feeling_or_opinion_right_after_a_quote(closing: str, act: SpeechAct) -> None:
    c = only_claim(f"„Die neue Brücke ist ein großer Gewinn für alle“, {closing}")
    assert c.claimants == (WENDT,) and c.speech_act == act


@pytest.mark.parametrize(
    "sentence",
    [
        "Carola Wendt findet die neue Brücke schön.",
        "Das Fest „Sommer am Fluss“ findet am Montag statt.",
        "Carola Wendt freut sich über den „Gewinn“.",
        "Carola Wendt analysiert die Daten der Studie „Mobil in der Stadt“.",
    ],
)
def test_cues_a_verb_of_feeling_or_opinion_elsewhere_is_no_cue(sentence: str) -> None:
    assert claims(sentence) == []


def test_cues_a_question_before_a_verb_of_feeling_is_no_claim() -> None:
    assert claims("„Wo ist der Eingang?“, ruft Carola Wendt.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Bei der Stadtsparkasse Kassel heißt es: „Wir prüfen jeden Antrag.“",
        "Die Kurse beginnen im Mai, wie es in einer Mitteilung der Stadtsparkasse Kassel heißt.",
    ],
)
def test_cues_heisst_es_with_the_source_before_it(sentence: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == ("organization/stadtsparkasse-kassel",)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dazu gab Carola Wendt zu Protokoll: „Die Brücke wird teurer.“",
        "Carola Wendt gab zu Protokoll, die Brücke werde teurer.",
    ],
)
def test_cues_zu_protokoll_geben_is_a_statement(sentence: str) -> None:
    assert only_claim(sentence).claimants == (WENDT,)


def test_cues_zu_protokoll_nehmen_is_no_claim() -> None:
    assert claims("Die Polizei nahm die Aussage von Carola Wendt zu Protokoll.") == []


@pytest.mark.parametrize("verb", ["konstatierte", "resümierte", "prophezeite", "mutmaßte", "folgerte"])
def test_cues_verbs_of_concluding_are_statements(verb: str) -> None:
    assert only_claim(f"Carola Wendt {verb}, die Brücke werde teurer.").claimants == (WENDT,)


def test_cues_an_organisation_named_after_its_noun_after_the_verb_is_the_source() -> None:
    c = only_claim("Die Brücke werde gesperrt, berichtete die Nachrichtenagentur Reuters.")
    assert c.claimants == ("organization/reuters",)


@pytest.mark.parametrize(
    "addressee",
    ["der Nachrichtenagentur Reuters Carola Wendt", "Carola Wendt dem Psychologen Max Berger"],
)
def test_cues_a_dative_after_the_verb_is_the_addressee_not_the_speaker(addressee: str) -> None:
    c = only_claim(f"Die Brücke werde gesperrt, sagte {addressee}.")
    assert c.claimants == (WENDT,)


def test_cues_der_before_an_adjective_in_e_opens_a_subject_not_a_dative() -> None:
    c = only_claim("Die Brücke werde gesperrt, berichtete der Bayerische Rundfunk.")
    assert c.claimants == ("organization/bayerischer-rundfunk",)


def test_cues_der_before_a_masculine_medium_noun_opens_a_subject_not_a_dative() -> None:
    doc = extract_body("Der Bayerische Rundfunk hat die Sendung eingestellt. "
                       "Die Zahl der Zuschauer sei gesunken, teilte der Sender mit.")
    assert [c.claimants for c in doc.claims] == [("organization/bayerischer-rundfunk",)]


@pytest.mark.parametrize(
    "sentence",
    [
        "„Die Brücke bleibt offen“, ließ Carola Wendt in einer Stellungnahme wissen.",
        "Carola Wendt ließ wissen, die Brücke bleibe offen.",
        "„Ihr könnt stolz auf die Brücke sein“, wandte sich Carola Wendt an die Schüler.",
        "„Das haben wir im Winter schon erlebt“, erinnerte Carola Wendt an den Sturm.",
    ],
)
def test_cues_frames_of_letting_know_and_turning_to(sentence: str) -> None:
    assert only_claim(sentence).claimants == (WENDT,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Sprecherin Carola Wendt sekundierte mit einem kurzen Beitrag im Netz: „Die Brücke wird im Mai fertig.“",
        "Carola Wendt setzte einen weiteren Schwerpunkt: In den Schulen müsse es mehr Sport geben.",
        "Carola Wendt, Leiterin der Musikschule, findet: „Die Brücke wird im Mai fertig.“",
        "Carola Wendt, 61, sieht das genauso: „Die Brücke wird im Mai fertig.“",
    ],
)
def test_cues_a_person_opening_the_sentence_speaks_after_the_colon(sentence: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,) and c.cue == ":"


@pytest.mark.parametrize(
    "sentence",
    [
        "Carola Wendt zeigte auf das Schild: „Betreten verboten“.",
        "Carola Wendt traf Max Berger im Park: „Wir sehen uns morgen wieder.“",
        "Carola Wendt hat eine Frage: „Wann kommt der Bus endlich?“",
        "Carola Wendt, Max Berger und Eva Kessler zeigten auf das Schild: „Betreten verboten für alle Leute“.",
        "Im Rathaus von Kassel gilt eine Regel: Jeder Besucher müsse eine Maske tragen.",
    ],
)
def test_cues_a_colon_without_one_person_opening_the_sentence_is_no_claim(sentence: str) -> None:
    assert claims(sentence) == []


def test_cues_a_title_alone_before_a_colon_names_no_one() -> None:
    assert claims("Die Ministerin hält dagegen: Die Brücke müsse bleiben.") == []


def test_cues_a_medium_that_quotes_someone_is_the_outlet_not_the_speaker() -> None:
    c = only_claim("„Die Brücke macht uns Sorgen“, zitierte die Nachrichtenagentur Reuters Carola Wendt.")
    assert c.claimants == (WENDT,) and c.reported_by == ("organization/reuters",)


def test_cues_a_description_with_von_after_the_verb_names_an_institution_not_the_person_before() -> None:
    c = claims("Max Berger war im Urlaub.",
               "Vier Menschen seien erkrankt, teilte der Regionalrat von Kassel am Samstag mit.")
    assert ("person/max-berger",) not in [k for k, _ in c]


def test_cues_writing_reports_speech_only_with_what_was_written() -> None:
    doc = build("Jan Kowalski schrieb die Autobiografie „Ich war da“. Der Sportler schrieb damit Geschichte. "
                "Eva Hahn hat ein Buch über Wale geschrieben. Die Lage sei ernst, schrieb Jan Kowalski. "
                "Eva Hahn schrieb auf Twitter, die Lage sei ernst. „Es wird“, so schrieb es Eva Hahn im Vorwort.")
    assert [c.span.text[:12] for c in doc.claims] == ["Die Lage sei", "Eva Hahn sch", "„Es wird“, s"]


def test_cues_a_quote_is_the_complement_of_a_verb_of_naming() -> None:
    doc = build("Jan Kowalski nannte die Demonstranten „viele nette Menschen“. Die Stadt Köln nannte den Namen nicht. "
                "Eva Hahn hält das Verbot für „völlig unverhältnismäßig“.")
    assert [c.claimants[0] for c in doc.claims] == ["person/jan-kowalski", "person/eva-hahn"]


def test_cues_declaring_something_to_be_something_is_an_act_not_a_statement() -> None:
    doc = build("Die Stadt Köln hat Tirol zum Risikogebiet erklärt. "
                "Die Stadt Köln erklärte zum Auftakt, die Lage sei ernst.")
    assert [c.span.text[:30] for c in doc.claims] == ["Die Stadt Köln erklärte zum Au"]


# ---------------------------------------------------------------- recall: cues and continuations
@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("„Das ist nicht gut“, pflichtet ihr Carola Wendt bei.", "pflichtet … bei"),
        ("Oder wie Carola Wendt es ausdrückt: „Die Brücke ist unser Herzstück.“", "ausdrückt"),
        ("Carola Wendt besteht darauf, dass „die Brücke im Mai fertig wird“.", "besteht"),
        ("Carola Wendt legte dem Stadtrat nahe, „die Kosten zu senken“.", "legte … nahe"),
        ("Den Plan sieht Carola Wendt kritisch: „Die Brücke wird zu teuer.“", "sieht"),
        ("Carola Wendt sprach sich für eine zweite Brücke aus, „damit der Verkehr fließt“.", "sprach … aus"),
    ],
)
def test_cues_verbs_with_a_particle_or_an_object(sentence: str, cue: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,) and c.cue == cue


@pytest.mark.parametrize(
    "sentence",
    [
        "Carola Wendt drückt ihre Zigarette aus und geht hinein.",  # "ausdrücken" reports only joined
        "Die Brücke sieht heute anders aus als früher.",  # "sieht" reports only with a stance
        "Vieles spricht dafür, dass die Brücke hält.",  # "spricht dafür" without its particle
        "Carola Wendt sprach sich mit dem Bauamt ab.",  # another particle
    ],
)
def test_cues_verbs_without_their_reporting_use_are_no_cue(sentence: str) -> None:
    assert claims(sentence) == []


def test_cues_impersonal_frame_with_an_adverb_names_its_source() -> None:
    c = only_claim("„Wir brauchen jede Hand“, hieß es dagegen von Siemens.")
    assert c.claimants == ("organization/siemens",)


def test_cues_a_fronted_participle_takes_its_agent_after_the_auxiliary() -> None:
    doc = build("Kritisiert wurde der Plan von Bürgermeisterin Carola Wendt. Er sei viel zu teuer.")
    assert [(c.claimants, c.speech_act) for c in doc.claims] == [((WENDT,), SpeechAct.CRITICISM),
                                                                  ((WENDT,), SpeechAct.CRITICISM)]


def test_cues_a_fronted_participle_of_telling_is_no_passive_cue() -> None:
    assert claims("Erzählt wird die Geschichte von Carola Wendt.") == []


def test_cues_a_description_opening_the_sentence_refers_back_to_the_speaker() -> None:
    doc = build("Das könnte die Partei spalten, glaubt Eva Kessler. "
                "Die Historikerin an der Universität Lindau sagt: „Da wird noch gestritten.“")
    assert [c.claimants for c in doc.claims] == [(KESSLER,), (KESSLER,)]


def test_cues_a_description_of_the_other_gender_is_no_one_just_quoted() -> None:
    doc = build("Das könnte die Partei spalten, glaubt Eva Kessler. "
                "Der Historiker an der Universität Lindau sagt: „Da wird noch gestritten.“")
    assert [c.claimants for c in doc.claims] == [(KESSLER,)]


def test_chains_a_quoted_phrase_right_after_a_claim_continues_it() -> None:
    doc = build("Die Lage sei heikel, sagte Carola Wendt. "
                "Trotz guter Zahlen stehe die Stadt „nicht am Ende der Krise, sondern am Anfang“. "
                "Manche Vorschläge erschienen ihr deshalb „forsch, in Teilen zu forsch“.")
    assert [c.claimants for c in doc.claims] == [(WENDT,)] * 3


@pytest.mark.parametrize(
    "sentence",
    [
        "Das Festival „Ins Freie“ beginnt am Freitag.",  # a title opens with a capital letter
        "Der Termin fiel wegen „technischer Probleme“ aus.",  # a short phrase
        "Eva Kessler hält das für „einen Fehler der Stadt“.",  # someone else is named
    ],
)
def test_chains_a_quote_that_is_no_speakers_phrase_ends_no_chain(sentence: str) -> None:
    doc = build("Die Brücke werde im Mai fertig, sagte Carola Wendt. " + sentence)
    assert [c.claimants for c in doc.claims][1:] != [(WENDT,)]


def test_cues_sich_fuer_etwas_ausgesprochen_reports_a_stance() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("Der Landrat Jonas Brandt hat sich gegen ein Verbot der Feuerwerke ausgesprochen.")
    assert claimant_names(doc) == ["Jonas Brandt"]
    doc = extract_body("Das Buch ist ausgesprochen gut für Kinder.")
    assert doc.claims == ()


def test_cues_sollten_right_after_a_claim_is_its_speakers_indirect_request() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("Die Lage sei ernst, sagte die Ärztin Eva Roth. Die Schulen sollten sofort schließen.")
    assert claimant_names(doc) == ["Eva Roth", "Eva Roth"]
    # only the sentence right after the claim, and not the singular, which is as often narration
    doc = extract_body("Die Lage sei ernst, sagte die Ärztin Eva Roth. Es sollte ein ruhiger Tag werden.")
    assert claimant_names(doc) == ["Eva Roth"]


def test_cues_a_possessive_that_looks_like_meinen_is_no_cue() -> None:
    from conftest import extract_body
    doc = extract_body("Im Sommer war meine Tournee durch ganz Österreich geplant.")
    assert doc.claims == ()


def test_cues_so_between_commas_inside_the_reported_clause_names_the_source() -> None:
    doc = extract_body("Der Moderator Karl Moser ist bekannt. Die Stadt habe, so Moser, viel zu spät "
                       "gehandelt und die Familien allein gelassen.")
    assert [(c.claimants, c.cue) for c in doc.claims] == [(("person/karl-moser",), "so")]
    assert doc.claims[0].text == "Die Stadt habe viel zu spät gehandelt und die Familien allein gelassen"
    # "so scheint es" names no one; "so hofft sie": the verb is the cue
    assert not extract_body("Er ist, so scheint es, sehr müde und will nach Hause gehen.").claims
    doc = extract_body("Eva Roth leitet das Amt. Dies, so hofft sie, werde die Arbeit leichter machen.")
    assert [c.cue for c in doc.claims] == ["hofft"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Er schätze die Kollegin sehr .", True),
        ("Dahin wolle man zurück , sagte sie .", True),
        ("Es galt , dass niemand reisen dürfe .", False),
        ("Sie fuhr los , während er an der Kasse stehe .", False),
    ],
)
def test_konjunktiv_first_in_main_clause(words: str, expected: bool) -> None:
    assert konjunktiv("de").first_in_main_clause(words.split()) is expected


def test_konjunktiv_a_form_in_e_before_ich_is_the_first_person_indicative() -> None:
    k = konjunktiv("de")
    assert not k.in_sentence(["Das", "sehe", "ich", "anders", "."])
    assert k.in_sentence(["Jetzt", "würde", "ich", "anders", "stimmen", "."])  # Konjunktiv II stays
    doc = extract_body("Karl Moser hat gesagt: „Das Neue ist das Alte.“ Das sehe ich anders.")
    assert len(doc.claims) == 1

def test_cues_closing_so_after_a_quote_inside_the_sentence_with_a_relative_clause_about_the_source() -> None:
    c = only_claim("Eine „Pflicht zum Tragen von Helmen gibt es hier nicht“, so Carola Wendt, die seit vielen Jahren "
                   "als Professorin für Verkehrsrecht an der Universität in Lübeck lehrt.")
    assert c.claimants == (WENDT,)


def test_cues_closing_so_with_a_long_tail_and_no_quote_is_no_claim() -> None:
    assert claims("Das Stück „Regen im Mai“, so der Titel, der an einen alten Schlager aus den Sechzigern erinnert, "
                  "wird am Montag in der Stadthalle gespielt.") == []


def test_cues_a_headline_with_an_organisation_alone_before_a_colon_quote() -> None:
    doc = build("Der Deutsche Fußball-Bund (DFB) hat am Montag über die Saison entschieden.",
                headline="DFB: „Die Saison geht weiter“")
    assert [c.claimants for c in doc.claims] == [("organization/deutscher-fussball-bund",)]


def test_cues_a_headline_with_a_topic_before_a_colon_quote_is_no_claim() -> None:
    doc = build("Der Deutsche Fußball-Bund (DFB) hat am Montag über die Saison entschieden.",
                headline="Corona-Krise: „Die Saison geht weiter“")
    assert not doc.claims


@pytest.mark.parametrize("closing", ["ist Carola Wendt überzeugt.", "war Carola Wendt sicher."])
def test_cues_a_quote_then_copula_subject_and_conviction(closing: str) -> None:
    c = only_claim(f"„Die neue Brücke wird im Sommer fertig“, {closing}")
    assert c.claimants == (WENDT,) and c.speech_act == SpeechAct.STATEMENT


def test_cues_a_quote_then_copula_without_conviction_is_no_claim() -> None:
    assert claims("„Die neue Brücke wird im Sommer fertig“, ist die Hoffnung vieler Anwohner.") == []


def test_cues_a_particle_after_a_comma_closes_the_verb_only_at_the_clause_end() -> None:
    assert extract_body("Die Ministerin Eva Kessler führt die Gäste nach draußen, man sieht das alte, "
                        "aus den Fugen geratene Haus.").claims == ()
    (claim,) = extract_body("Die Ministerin Eva Kessler teilte am Montag mit, die Brücke werde gebaut.").claims
    assert claim.cue == "teilte … mit" and claim.claimants == (KESSLER,)


def test_cues_an_editors_insert_in_brackets_does_not_end_the_chain() -> None:
    doc = build("Eva Kessler ist Ministerin. „Wo sind die Tests?“, sagte Kessler der Zeitung.",
                "[Alle Nachrichten live auf Ihr Handy: unsere App.]",
                "Seit Monaten werde nur geredet.")
    assert [(c.claimants, c.cue) for c in doc.claims] == [((KESSLER,), "sagte"), ((KESSLER,), None)]


# ---------------------------------------------------------------- verbs and frames added for recall
@pytest.mark.parametrize(
    ("sentence", "cue", "act"),
    [
        ("Carola Wendt stellt fest: „Die Brücke ist zu schmal für alle.“", "stellt … fest", SpeechAct.STATEMENT),
        ("Carola Wendt hielt fest, dass die Brücke zu schmal sei.", "hielt … fest", SpeechAct.STATEMENT),
        ("Carola Wendt gab an, die Brücke sei zu schmal.", "gab … an", SpeechAct.STATEMENT),
        ("Carola Wendt hatte angegeben, die Brücke im Mai öffnen zu können.", "angegeben", SpeechAct.STATEMENT),
        ("Carola Wendt stellte in Aussicht, dass die Brücke im Mai öffnet.", "stellte … Aussicht",
         SpeechAct.PROMISE),
        ("Carola Wendt stellte eine Öffnung der Brücke im Mai in Aussicht.", "stellte … Aussicht",
         SpeechAct.PROMISE),
        ("Carola Wendt hat eine Öffnung der Brücke im Mai in Aussicht gestellt.", "in Aussicht gestellt",
         SpeechAct.PROMISE),
        ("Carola Wendt gab zu bedenken, dass die Brücke zu schmal sei.", "gab … bedenken", SpeechAct.STATEMENT),
        ("Carola Wendt verwies darauf, dass die Brücke zu schmal sei.", "verwies", SpeechAct.STATEMENT),
        ("Carola Wendt deutete an, dass die Brücke später öffne.", "deutete … an", SpeechAct.STATEMENT),
        ("Carola Wendt signalisierte, dass sie der Planung zustimme.", "signalisierte", SpeechAct.STATEMENT),
        ("Carola Wendt unterstellte dem Bauamt, die Pläne verschleppt zu haben.", "unterstellte",
         SpeechAct.CRITICISM),
        ("Carola Wendt beschwerte sich, dass die Brücke zu schmal sei.", "beschwerte", SpeechAct.CRITICISM),
        ("Carola Wendt hatte den Anwohnern dazu geraten, die Brücke zu meiden.", "geraten", SpeechAct.DEMAND),
        ("Carola Wendt rät, die Brücke am Abend zu meiden.", "rät", SpeechAct.DEMAND),
    ],
)
def test_cues_verbs_and_frames_of_saying(sentence: str, cue: str, act: SpeechAct) -> None:
    c = only_claim(sentence)
    assert (c.claimants, c.cue, c.speech_act) == ((WENDT,), cue, act)


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Stadt gab den Schaden mit 5000 Euro an.",  # a figure given, no content clause
        "Der Trainer Max Berger gab im Verein lange den Ton an.",
        "Carola Wendt hält an dem Plan fest, die Brücke zu bauen.",  # holding on to a plan
        "Daran will Carola Wendt festhalten.",
        "Die Polizei hielt den Fahrer fest.",
        "Carola Wendt signalisierte Zustimmung.",
        "Carola Wendt beschwerte sich über den Lärm.",
        "Die Anwälte wollten am Montag mit den Zeugen sprechen.",  # talking with, nothing reported
        "Die Baufirma ist in Not geraten, weil die Aufträge fehlen.",  # got into, not advised
        "Die Baufirma war unter Druck geraten.",
        "Carola Wendt rät zur Vorsicht.",  # no content beside it
        "Warum der Zug hielt, konnte sich auch Carola Wendt nicht erklären.",  # understanding, not explaining
        "Der Klub SV Oberfeld darf nun doch auf den Aufstieg hoffen.",  # has a chance, no hope expressed
        "Man muss kein Jurist sein, um mit Carola Wendt sagen zu können: Das ist falsch.",  # a purpose
    ],
)
def test_cues_the_same_verbs_in_another_sense_are_no_claim(sentence: str) -> None:
    assert claims(sentence) == []


@pytest.mark.parametrize(
    ("verb", "act"),
    [("meckerte", SpeechAct.CRITICISM), ("nörgelte", SpeechAct.CRITICISM), ("lästerte", SpeechAct.CRITICISM),
     ("empörte sich", SpeechAct.CRITICISM), ("staunte", SpeechAct.STATEMENT), ("reagierte", SpeechAct.STATEMENT)],
)
def test_cues_verbs_of_speaking_right_after_a_quote(verb: str, act: SpeechAct) -> None:
    c = only_claim(f"„Die Brücke ist viel zu schmal“, {verb} Carola Wendt.")
    assert (c.claimants, c.speech_act) == ((WENDT,), act)


def test_cues_a_neuter_pronoun_before_the_verb_leaves_the_addressee_after_it_no_speaker() -> None:
    doc = build("Das Nachbarland protestierte am Montag. Es forderte die Schweiz auf, die Grenze zu öffnen.")
    assert all("country/ch" not in c.claimants for c in doc.claims)


def test_cues_a_surname_after_a_verb_of_saying_is_the_person_named_before() -> None:
    doc = build("Die Abgeordnete Carola Wendt sagte am Montag, die Brücke sei zu schmal.",
                "Ein Neubau würde nicht reichen, gab Wendt zu bedenken.")
    assert [(c.claimants, c.cue) for c in doc.claims] == [((WENDT,), "sagte"), ((WENDT,), "gab … bedenken")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Der „Spiegel“ berichtet, dass die Brücke gesperrt sei.",
        "Am Montag berichtete der „Spiegel“, die Brücke sei gesperrt.",
        "Die Brücke sei gesperrt, berichtete der „Spiegel“.",
        "Die „Zeit“ schreibt: „Die Brücke ist gesperrt.“",
    ],
)
def test_cues_a_medium_named_in_quotation_marks_speaks(sentence: str) -> None:
    c = only_claim(sentence)
    assert c.claimants in (("organization/der-spiegel",), ("organization/die-zeit",))


def test_cues_a_medium_in_quotation_marks_after_the_verb_is_the_addressee() -> None:
    c = only_claim("Die Verkehrsministerin Carola Wendt sagte der „Zeit“, die Brücke sei gesperrt.")
    assert c.claimants == (WENDT,)
