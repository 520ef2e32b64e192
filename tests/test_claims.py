"""Claims: who said what, how, through which outlet, when, and whether it was negated.

Every sentence is written for the test. Most tests go through ``extract`` (what a user
runs); one drives the claim stage itself with the context the earlier stages build.
The article is dated Tuesday 2024-03-05, so "am Montag" is 2024-03-04.
"""

from __future__ import annotations

import pytest

from conftest import claimant_names, extract_body
from kgbuild.claims import ClaimContext, find_claims
from kgbuild.linking import link
from kgbuild.mentions import Lexicon, find_mentions, find_titles, load_lexicon, tokenize
from kgbuild.model import Claim, DateResolution, Document, SpeechAct
from kgbuild.pipeline import extract
from kgbuild.segment import segment

PUBLISHED = "2024-03-05"  # a Tuesday
WENDT = "person/carola-wendt"
OKAFOR = "person/henrik-okafor"
AFP = "organization/agence-france-presse"
DPA = "organization/deutsche-presse-agentur"


@pytest.fixture(scope="session", autouse=True)
def lexicon() -> Lexicon:
    """The German lexicon, compiled once (load_lexicon caches it for the whole process)."""
    return load_lexicon("de")


def article(*paragraphs: str) -> str:
    return "\n\n".join(("Stadt setzt Brückenprojekt fort", *paragraphs)) + "\n"


def build(*paragraphs: str) -> Document:
    return extract(article(*paragraphs), published=PUBLISHED)


def only_claim(*paragraphs: str) -> Claim:
    doc = build(*paragraphs)
    assert len(doc.claims) == 1, [(c.claimants, c.span.text) for c in doc.claims]
    return doc.claims[0]


# ---------------------------------------------------------------- direct quotes
@pytest.mark.parametrize(
    "sentence",
    [
        "Carola Wendt sagte: „Wir werden das Projekt fortsetzen.“",
        'Carola Wendt sagte: "Wir werden das Projekt fortsetzen."',
        "Carola Wendt sagte: »Wir werden das Projekt fortsetzen.«",
    ],
    ids=["low-high", "straight", "guillemets"],
)
def test_claims_direct_quote_after_colon(sentence: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,)
    assert c.quote == "Wir werden das Projekt fortsetzen."
    assert c.text == "Wir werden das Projekt fortsetzen."
    assert (c.speech_act, c.cue, c.negative) == (SpeechAct.STATEMENT, "sagte", False)
    assert c.span.text == sentence


def test_claims_quote_first_then_sagte_speaker() -> None:
    c = only_claim("„Wir werden das Projekt fortsetzen“, sagte Carola Wendt.")
    assert c.claimants == (WENDT,)
    assert c.quote == "Wir werden das Projekt fortsetzen"
    assert c.text == "Wir werden das Projekt fortsetzen"
    assert c.cue == "sagte"


def test_claims_quote_with_several_sentences_is_one_claim() -> None:
    c = only_claim("„Wir machen weiter. Das Geld ist da“, sagte Carola Wendt.")
    assert c.claimants == (WENDT,)
    assert c.quote == "Wir machen weiter. Das Geld ist da"


def test_claims_quote_only_sentence_continues_the_speaker_before() -> None:
    doc = build("Carola Wendt sagte, die Stadt werde das Projekt fortsetzen. „Das Geld ist da.“")
    assert [c.claimants for c in doc.claims] == [(WENDT,), (WENDT,)]
    assert doc.claims[1].quote == "Das Geld ist da."


# ---------------------------------------------------------------- indirect speech and attribution phrases
def test_claims_indirect_speech_in_konjunktiv() -> None:
    c = only_claim("Carola Wendt sagte, die Stadt werde das Projekt fortsetzen.")
    assert c.claimants == (WENDT,)
    assert c.text == "die Stadt werde das Projekt fortsetzen"
    assert c.quote is None
    assert (c.speech_act, c.cue) == (SpeechAct.STATEMENT, "sagte")


def test_claims_content_first_then_sagte_speaker() -> None:
    c = only_claim("Die Stadt wird das Projekt fortsetzen, sagte Carola Wendt.")
    assert c.claimants == (WENDT,)
    assert c.text == "Die Stadt wird das Projekt fortsetzen"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Laut Carola Wendt wird das Projekt fortgesetzt.", "Laut"),
        ("Nach Angaben von Carola Wendt wird das Projekt fortgesetzt.", "Nach Angaben"),
        ("Wie Carola Wendt berichtete, wird das Projekt fortgesetzt.", "berichtete"),
        ("Carola Wendt zufolge wird das Projekt fortgesetzt.", "zufolge"),
    ],
    ids=["laut", "nach-angaben", "wie-berichtete", "zufolge"],
)
def test_claims_attribution_phrase(sentence: str, cue: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,)
    assert c.cue == cue
    assert c.speech_act == SpeechAct.REPORT
    assert c.text == "wird das Projekt fortgesetzt"
    assert WENDT not in c.about  # the speaker is not what the claim is about


@pytest.mark.parametrize(
    ("sentence", "act", "cue"),
    [
        ("Carola Wendt bestätigte, dass die Stadt das Projekt fortsetze.", SpeechAct.CONFIRMATION, "bestätigte"),
        ("Carola Wendt kündigte an, die Stadt werde eine zweite Brücke bauen.", SpeechAct.ANNOUNCEMENT,
         "kündigte … an"),
        ("Carola Wendt forderte, die Stadt müsse mehr Geld ausgeben.", SpeechAct.DEMAND, "forderte"),
        ("Carola Wendt versprach, die Brücke werde im Mai fertig.", SpeechAct.PROMISE, "versprach"),
        ("Carola Wendt kritisierte, die Stadt gebe zu viel Geld aus.", SpeechAct.CRITICISM, "kritisierte"),
    ],
    ids=["bestätigte", "kündigte-an", "forderte", "versprach", "kritisierte"],
)
def test_claims_speech_act_of_the_verb(sentence: str, act: SpeechAct, cue: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,)
    assert (c.speech_act, c.cue) == (act, cue)
    assert c.negative is False


def test_claims_konjunktiv_continuation_has_the_same_claimant() -> None:
    doc = build("Carola Wendt sagte, die Stadt werde das Projekt fortsetzen. Die Kosten seien gedeckt.")
    assert len(doc.claims) == 2
    first, second = doc.claims
    assert second.claimants == first.claimants == (WENDT,)
    assert second.span.text == "Die Kosten seien gedeckt."
    assert second.text.rstrip(".") == "Die Kosten seien gedeckt"


def test_claims_indicative_sentence_after_a_claim_is_no_continuation() -> None:
    doc = build("Carola Wendt sagte, die Stadt werde das Projekt fortsetzen. Die Brücke ist 200 Meter lang.")
    assert len(doc.claims) == 1


@pytest.mark.parametrize("narration", [
    "Leider bleibt das alte Stadtarchiv, in dem sonst alte Karten zu sehen wären, bis Mai geschlossen.",
    "Im Rathaus weiß man aber sehr genau, dass die Rechnung anders aussehen würde.",
    "Die Fähre fährt nicht mehr, obwohl das leicht möglich wäre.",
    "Ob andere Städte so planen würden, ist eine andere Frage.",
])
def test_claims_konjunktiv_two_only_in_a_subclause_continues_no_chain(narration: str) -> None:
    doc = build(f"Carola Wendt sagte, die Stadt werde das Projekt fortsetzen. {narration}")
    assert len(doc.claims) == 1


@pytest.mark.parametrize("reported", [
    "Ohne Zuschüsse wären viele Vereine am Ende.",
    "Die Betriebe müssten wissen, dass es kein normales Jahr wird.",
    "Aber auch die Pendler, die um ihre Stellen bangen müssten.",
    "Sich fragen, wie hoch der Preis wäre, und dann entscheiden.",
    "Ohne Zuschüsse bestehe die Gefahr, dass die Vereine schließen müssten.",
])
def test_claims_konjunktiv_two_in_the_main_clause_still_continues(reported: str) -> None:
    doc = build(f"Carola Wendt sagte, die Stadt werde das Projekt fortsetzen. {reported}")
    assert len(doc.claims) == 2
    assert doc.claims[1].claimants == (WENDT,)


@pytest.mark.parametrize("withheld", [
    "Einen Termin nannte Carola Wendt nicht.",
    "Wann die Arbeiten beginnen, verriet Carola Wendt noch nicht.",
])
def test_claims_what_was_not_named_is_no_claim(withheld: str) -> None:
    assert build(f"Die Stadt plant eine neue Brücke. {withheld}").claims == ()


def test_claims_negation_inside_the_content_of_nennen_stays_a_claim() -> None:
    c = only_claim("Carola Wendt nannte den Plan „nicht bezahlbar“.")
    assert c.claimants == (WENDT,)


@pytest.mark.parametrize("back", ["Das sagte Carola Wendt.", "Dies sagte Carola Wendt am Montag."])
def test_claims_das_sagte_x_makes_the_sentence_before_a_claim(back: str) -> None:
    c = only_claim(f"Die Stadt wird das Projekt fortsetzen. {back}")
    assert c.claimants == (WENDT,)
    assert c.text.rstrip(".") == "Die Stadt wird das Projekt fortsetzen"
    assert c.span.text == f"Die Stadt wird das Projekt fortsetzen. {back}"


# ---------------------------------------------------------------- polarity
@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Carola Wendt dementierte, dass die Stadt das Projekt stoppe.", "dementierte"),
        ("Carola Wendt wies den Bericht zurück.", "wies … zurück"),
        ("Carola Wendt wies die Vorwürfe zurück, die Stadt verschwende Geld.", "wies … zurück"),
    ],
    ids=["dementierte", "wies-zurück", "wies-zurück-content"],
)
def test_claims_denial_is_negative(sentence: str, cue: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,)
    assert (c.speech_act, c.cue, c.negative) == (SpeechAct.DENIAL, cue, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "Carola Wendt sagte, die Stadt werde das Projekt nicht fortsetzen.",
        "Carola Wendt sagte, es gebe keine Pläne für eine zweite Brücke.",
        "„Wir haben kein Geld mehr“, sagte Carola Wendt.",
    ],
    ids=["nicht", "keine", "kein-in-quote"],
)
def test_claims_negated_content_is_negative(sentence: str) -> None:
    c = only_claim(sentence)
    assert (c.speech_act, c.negative) == (SpeechAct.STATEMENT, True)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Carola Wendt sagte, die Brücke, die noch nicht fertig sei, werde im Mai eröffnet.",
                     id="relative-clause"),
        pytest.param("Carola Wendt sagte, der Plan gelte weiter, es sei denn, die Kosten stiegen nicht.",
                     id="es-sei-denn"),
        pytest.param("Carola Wendt sagte, der Plan gelte weiter, wenn die Kosten nicht stiegen.", id="wenn-nicht"),
        pytest.param("Carola Wendt sagte, das Projekt helfe nicht nur den Pendlern, sondern auch den Schulen.",
                     id="nicht-nur-sondern-auch"),
        pytest.param("Carola Wendt sagte, der Plan gelte weiter, sofern der Rat keine Einwände habe.",
                     id="sofern-keine"),
    ],
)
def test_claims_negation_only_in_a_subordinate_clause_is_positive(sentence: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,)
    assert c.negative is False


def test_claims_particle_of_a_subordinate_verb_is_not_the_cue_particle() -> None:
    c = only_claim("Carola Wendt sagte, der Plan gelte weiter, es sei denn, der Rat stimme nicht zu.")
    assert (c.speech_act, c.cue, c.negative) == (SpeechAct.STATEMENT, "sagte", False)


def test_claims_positive_statement_is_not_negative() -> None:
    c = only_claim("Carola Wendt sagte, die Stadt werde das Projekt fortsetzen.")
    assert c.negative is False


# ---------------------------------------------------------------- outlets
@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("„Das Projekt geht weiter“, sagte Carola Wendt der Nachrichtenagentur AFP.", id="inverted"),
        pytest.param("Carola Wendt sagte der AFP, das Projekt werde fortgesetzt.", id="subject-first"),
        pytest.param("Carola Wendt sagte der Nachrichtenagentur AFP, das Projekt werde fortgesetzt.",
                     id="subject-first-with-type-noun"),
    ],
)
def test_claims_outlet_in_dative_is_reported_by_not_claimant(sentence: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,)
    assert c.reported_by == (AFP,)


def test_claims_gegenueber_der_dpa_is_the_outlet() -> None:
    c = only_claim("Carola Wendt sagte gegenüber der dpa, das Projekt werde fortgesetzt.")
    assert c.claimants == (WENDT,)
    assert c.reported_by == (DPA,)
    assert c.text == "das Projekt werde fortgesetzt"


def test_claims_laut_agency_relays_the_speaker() -> None:
    c = only_claim("Laut AFP erklärte Carola Wendt, das Projekt werde fortgesetzt.")
    assert c.claimants == (WENDT,)
    assert c.reported_by == (AFP,)


def test_claims_later_claim_by_same_speaker_inherits_the_outlet() -> None:
    doc = build("Carola Wendt sagte gegenüber der dpa, das Projekt werde fortgesetzt. "
                "Henrik Okafor sagte, der Plan sei zu teuer. "
                "Später erklärte Wendt im Stadtrat, die Finanzierung stehe.")
    assert [c.claimants for c in doc.claims] == [(WENDT,), (OKAFOR,), (WENDT,)]
    assert doc.claims[0].reported_by == (DPA,)
    assert doc.claims[1].reported_by == ()  # another speaker does not inherit it
    assert doc.claims[2].reported_by == (DPA,)


# ---------------------------------------------------------------- no claim, pronouns, dates
@pytest.mark.parametrize(
    "sentence",
    [
        "Die Regierung hat das Gesetz beschlossen.",
        "Carola Wendt eröffnete am Montag die Brücke in Bonn.",
        "Die verkündete Sanierung beginnt im Mai.",
    ],
    ids=["narrative", "narrative-with-person", "participle-adjective"],
)
def test_claims_authors_narrative_is_no_claim(sentence: str) -> None:
    assert build(sentence).claims == ()


def test_claims_pronoun_er_resolves_to_the_previous_speaker() -> None:
    doc = build("Henrik Okafor sagte, der Plan sei gut. Danach redete Carola Wendt über die Brücke. "
                "„Wir stimmen zu“, sagte er.")
    assert [c.claimants for c in doc.claims] == [(OKAFOR,), (OKAFOR,)]
    assert doc.claims[1].quote == "Wir stimmen zu"


def test_claims_pronoun_with_no_speaker_before_resolves_to_the_person_before() -> None:
    c = only_claim("Henrik Okafor eröffnete die Sitzung. „Wir stimmen zu“, sagte er.")
    assert c.claimants == (OKAFOR,)


@pytest.mark.parametrize(
    ("when", "value"),
    [("am Montag", "2024-03-04"), ("am Freitag", "2024-03-01"), ("am Dienstag", "2024-03-05")],
)
def test_claims_weekday_resolves_against_publication_date(when: str, value: str) -> None:
    c = only_claim(f"Carola Wendt sagte {when}, das Projekt werde fortgesetzt.")
    assert c.stated_on is not None
    assert c.stated_on.value == value
    assert c.stated_on.resolution == DateResolution.RELATIVE


def test_claims_day_and_month_take_the_publication_year() -> None:
    c = only_claim("Carola Wendt erklärte am 12. Februar, das Projekt werde fortgesetzt.")
    assert c.stated_on is not None and c.stated_on.value == "2024-02-12"


def test_claims_date_in_the_frame_is_not_content() -> None:
    c = only_claim("Carola Wendt erklärte am 12. Februar, das Projekt werde fortgesetzt.")
    assert c.text == "das Projekt werde fortgesetzt"


def test_claims_without_date_in_the_text_have_no_stated_on() -> None:
    c = only_claim("Carola Wendt sagte, das Projekt werde fortgesetzt.")
    assert c.stated_on is None


def test_claims_content_after_a_subject_with_apposition() -> None:
    c = only_claim("Die Präsidentin von Finnland, Aino Virtanen, sagte, das Land unterstütze den Plan.")
    assert c.claimants == ("person/aino-virtanen",)
    assert c.text == "das Land unterstütze den Plan"


def test_claims_subject_with_apposition_is_the_person() -> None:
    c = only_claim("Die Präsidentin von Finnland, Aino Virtanen, sagte, das Land unterstütze den Plan.")
    assert c.claimants == ("person/aino-virtanen",)


# ---------------------------------------------------------------- spans and the stage itself
def test_claims_spans_and_keys() -> None:
    text = article(
        "Bonn – Carola Wendt sagte am Montag gegenüber der dpa: „Wir machen weiter. Das Geld ist da.“ "
        "Die Kosten seien gedeckt.",
        "Laut Henrik Okafor wird die Brücke im Mai eröffnet. Die Stadt wird das Projekt fortsetzen. "
        "Das sagte Okafor.",
    )
    doc = extract(text, published=PUBLISHED)
    assert [c.key for c in doc.claims] == [f"claim/{n}" for n in range(1, len(doc.claims) + 1)]
    assert len(doc.claims) == 4
    for c in doc.claims:
        assert text[c.span.begin : c.span.end] == c.span.text
        assert c.text in c.span.text or c.text.rstrip(".") in c.span.text
        if c.quote is not None:
            assert c.quote in c.span.text
    assert [c.span.begin for c in doc.claims] == sorted(c.span.begin for c in doc.claims)


def test_claims_stage_keys_claims_in_text_order(lexicon: Lexicon) -> None:
    text = article("Henrik Okafor sagte, der Plan sei gut. Carola Wendt bestätigte, das Geld sei da.")
    s = segment(text)
    toks = tokenize(text, s.sentences)
    ld = link(s, toks, find_mentions(s, toks, lexicon), find_titles(toks, lexicon), lexicon)
    ctx = ClaimContext(text=text, structure=s, tokens=toks, mentions=ld.mentions, media=ld.media,
                       titles=ld.title_keys, pronoun_persons=ld.pronouns, dates=(), generic_refs=ld.generic_refs)
    claims = find_claims(ctx, lexicon)
    assert [(c.key, c.claimants, c.speech_act) for c in claims] == [
        ("claim/1", (OKAFOR,), SpeechAct.STATEMENT),
        ("claim/2", (WENDT,), SpeechAct.CONFIRMATION),
    ]
    assert all(c.stated_on is None for c in claims)  # no dates given to the stage, none invented


def test_claims_so_x_closing_the_sentence_attributes_it() -> None:
    doc = extract(article("Carola Wendt leitet das Amt. Die Lage sei ernst, so Wendt. Die Stadt ist so groß wie nie."),
                  published="2024-03-05")
    claims = [c for c in doc.claims if "Lage" in c.span.text]
    assert [c.claimants for c in claims] == [(WENDT,)]
    assert claims[0].cue == "so"
    assert not [c for c in doc.claims if "Stadt" in c.span.text]


@pytest.mark.parametrize(
    "sentence",
    [
        "„Die Brücke ist zu teuer“, so Carola Wendt, „und sie kommt zu spät.“",
        "Die Brücke werde teurer, so Carola Wendt: „Der Stahl kostet das Doppelte.“",
    ],
)
def test_claims_so_x_between_a_clause_and_a_quote_attributes_it(sentence: str) -> None:
    c = only_claim(sentence)
    assert c.claimants == (WENDT,) and c.cue == "so"


@pytest.mark.parametrize(
    "sentence",
    [
        "Es regnete stark, so dass die Feier ausfiel: „Nass“ stand auf dem Plakat.",
        "Die Brücke ist fertig, so die Zeitung „Kasseler Bote“.",
    ],
)
def test_claims_so_without_a_speaker_before_a_quote_is_no_claim(sentence: str) -> None:
    assert [c for c in build(sentence).claims if c.cue == "so"] == []


def test_claims_a_quote_after_a_sentence_about_a_named_person_is_theirs() -> None:
    doc = build("Die Brücke ist seit Montag gesperrt. Carola Wendt sieht das gelassen. "
                "„Wir haben für den Winter genug Fähren.“")
    assert [(c.claimants, c.cue) for c in doc.claims] == [((WENDT,), None)]


@pytest.mark.parametrize(
    "before",
    [
        "Carola Wendt traf Henrik Okafor am Fluss.",  # two people: whose words?
        "Carola Wendt sieht das gelassen.\n\nDer Fluss führt Hochwasser.",  # another paragraph, no person
        "Im Büro von Carola Wendt ist es ruhig.",  # the name is no subject
    ],
)
def test_claims_a_quote_after_a_sentence_without_one_named_subject_is_no_claim(before: str) -> None:
    doc = build(f"{before} „Wir haben für den Winter genug Fähren.“")
    assert [c for c in doc.claims if "Fähren" in c.text] == []


def test_claims_a_question_after_a_sentence_about_a_person_is_no_claim() -> None:
    assert build("Carola Wendt sieht das gelassen. „Haben wir für den Winter genug Fähren?“").claims == ()


def test_claims_a_journalists_question_does_not_end_the_speakers_chain() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("„Wir kommen kaum hinterher“, sagt Bäckermeister Jonas Brandt.\n\n"
                       "Und was heißt das für die Kunden? Man backe jetzt auch nachts, die Schlangen blieben lang.")
    assert claimant_names(doc) == ["Jonas Brandt", "Jonas Brandt"]
    # without the question, a new paragraph after an indicative sentence ends the chain
    doc = extract_body("„Wir kommen kaum hinterher“, sagt Bäckermeister Jonas Brandt.\n\n"
                       "Die Bäckerei liegt am Markt. Man backe jetzt auch nachts, die Schlangen blieben lang.")
    assert claimant_names(doc) == ["Jonas Brandt"]


def test_claims_a_back_reference_does_not_take_a_sentence_that_has_its_own_cue() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("Die Zahl der Einbrüche stieg laut Reuters deutlich. "
                       "Das geht aus einer Statistik des Statistischen Bundesamts hervor.")
    assert claimant_names(doc) == ["Reuters", "Statistisches Bundesamt"]
    doc = extract_body("Die Zahl der Einbrüche stieg deutlich. "
                       "Das geht aus einer Statistik des Statistischen Bundesamts hervor.")
    assert claimant_names(doc) == ["Statistisches Bundesamt"]
    assert doc.claims[0].span.text.startswith("Die Zahl")


def test_claims_demnach_carries_the_source_on() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("Die Zahl der Unfälle stieg im Mai deutlich, teilte das Statistische Bundesamt mit. "
                       "Besonders betroffen waren demnach junge Fahrer.")
    assert claimant_names(doc) == ["Statistisches Bundesamt", "Statistisches Bundesamt"]
    doc = extract_body("Die Zahl der Unfälle stieg im Mai deutlich, teilte das Statistische Bundesamt mit. "
                       "Besonders betroffen waren junge Fahrer.")
    assert claimant_names(doc) == ["Statistisches Bundesamt"]


def test_claims_a_colon_quote_after_a_phrase_about_the_current_speaker_is_theirs() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("„Die Zahlen sinken“, sagte Buchhändler Michael Kern. "
                       "Für ihn steht damit fest: „Die Läden müssen öffnen.“ Sein Fazit: „Es reicht.“")
    assert claimant_names(doc) == ["Michael Kern"] * 3
    # a pronoun of the other gender, or someone new before the colon, is not the current speaker
    doc = extract_body("„Die Zahlen sinken“, sagte Buchhändlerin Anna Kern. Für ihn ist klar: „Wir bleiben.“")
    assert claimant_names(doc) == ["Anna Kern"]
    doc = extract_body("„Die Zahlen sinken“, sagte Buchhändlerin Anna Kern. "
                       "Dann fragte sie ein Kunde: „Wann öffnen Sie?“")
    assert claimant_names(doc) == ["Anna Kern"]


def test_claims_an_unsourced_hiess_es_right_after_a_claim_is_that_speakers() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("Der Parteitag solle im August stattfinden, teilte die SPD am Donnerstag mit. "
                       "Zuvor war er für Juli geplant. Es sei am besten, abzuwarten, hieß es zur Begründung.")
    assert len(doc.claims) == 2 and claimant_names(doc)[1] == claimant_names(doc)[0]
    # with no claim before it, an unsourced "hieß es" names no one
    doc = extract_body("Die Polizei nahm zwei Männer fest. Sie seien betrunken gewesen, hieß es.")
    assert doc.claims == ()


def test_claims_a_headline_quote_the_body_attributes_is_that_speakers() -> None:
    from conftest import claimant_names, extract_body
    doc = extract_body("Berlin – Die Bäckerei am Markt schließt nicht. „Wir bleiben hier, egal was kommt“, "
                       "sagte Inhaberin Eva Roth am Montag.", headline="„Wir bleiben hier, egal was kommt“")
    assert claimant_names(doc) == ["Eva Roth", "Eva Roth"]
    assert doc.claims[0].span.text == "„Wir bleiben hier, egal was kommt“"
    # a headline quote the body does not repeat names no one
    doc = extract_body("Berlin – Die Prognose ist unklar. „Das wissen wir nicht“, sagte Eva Roth.",
                       headline="„Der Sommer wird heiß“")
    assert claimant_names(doc) == ["Eva Roth"]


def test_claims_a_source_phrase_without_a_named_source_takes_no_name_from_the_content() -> None:
    # "laut Statistik", "laut Angaben", "laut Umfragen": the source is unnamed, and the state or
    # person the content names is not it
    doc = extract_body("Laut Statistik gibt es in Frankreich 9000 Brücken. "
                       "Im Jahr 2019 waren die wichtigsten Partner laut Angaben Spanien und Italien. "
                       "Laut Umfragen liegt Peter Krause vorn.")
    assert doc.claims == ()


def test_claims_a_source_phrase_that_names_its_source_still_gives_it() -> None:
    doc = extract_body("Nach Angaben der Stadt Köln ist die Straße gesperrt. Laut Polizei und Feuerwehr "
                       "wurde niemand verletzt. Laut Sprecherin Eva Hahn ist alles gut. "
                       "Laut Bundesamt für Statistik stieg die Zahl.")
    assert claimant_names(doc) == ["Stadt Köln", "Polizei", "Eva Hahn", "Bundesamt für Statistik"]


def test_claims_a_name_inside_a_prepositional_phrase_before_the_verb_is_not_its_subject() -> None:
    doc = extract_body("Führende Ärzte in Italien und Spanien betonten, das Virus sei gefährlich. "
                       "In Frankreich kritisierten Gewerkschaften die Reform. "
                       "Nach seiner Rückkehr ins Weiße Haus rief Präsident Tom Barker die Bürger dazu auf, "
                       "ruhig zu bleiben.")
    assert claimant_names(doc) == ["Tom Barker"]


def test_claims_a_negated_no_comment_is_no_claim() -> None:
    doc = extract_body("Die Firma Holtkamp wollte sich zu dem Bericht nicht äußern. Die Stadt Köln wollte das nicht "
                       "kommentieren. Die Stadt Köln äußerte sich nicht dazu, ob die Halle schließt.")
    assert doc.claims == ()


def test_claims_er_does_not_refer_back_to_a_feminine_position() -> None:
    doc = extract_body("Die Sprecherin sagte, alles sei ruhig. Er ergänzte, man warte ab.")
    assert [c.claimants for c in doc.claims] == [("position/sprecherin",)]


def test_claims_a_closing_verb_whose_subject_we_cannot_name_takes_no_name_from_the_reported_words() -> None:
    # the names in the reported clause are what was reported, not who reported it
    doc = extract_body("Über die Tests sei mit Jonas Brandt (CDU) gesprochen worden, berichtet die „Abendpost“.")
    assert [c.claimants for c in doc.claims if c.claimants] == []
    # an apposition before the verb still gives the subject
    doc = extract_body("Der Leiter der Klinik, Jonas Brandt, hofft auf mehr Personal.")
    assert claimant_names(doc) == ["Jonas Brandt"]


def test_claims_an_infinitive_after_a_modal_is_inside_the_content_of_the_closing_cue() -> None:
    doc = extract_body("Er müsse ihr eine Entscheidung des Vereins mitteilen, sagte Jan Kowalski.")
    assert [(claimant_names(doc), doc.claims[0].cue)] == [(["Jan Kowalski"], "sagte")]


def test_claims_a_middle_initial_belongs_to_the_name() -> None:
    doc = extract_body("Die Lage sei ernst, sagte Mara T. Bassowitz. Später sagte Bassowitz, es werde besser.")
    assert [c.claimants for c in doc.claims] == [("person/mara-t-bassowitz",)] * 2
