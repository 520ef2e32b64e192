"""The speaker stage: pronouns and descriptions in a source slot (sentences written for these tests)."""

from __future__ import annotations

from conftest import claimant_names, extract_body
from kgbuild.model import Document, Mention, Span
from kgbuild.speakers import WEIGHTS, build_index, resolve


def _doc(body: str) -> Document:
    return extract_body(body)



def test_speakers_pronoun_agrees_in_gender_with_its_antecedent() -> None:
    doc = _doc("Angela Merkel traf Olaf Scholz in Berlin. „Das war ein gutes Gespräch“, sagte sie.")
    assert claimant_names(doc) == ["Angela Merkel"]
    doc = _doc("Angela Merkel traf Olaf Scholz in Berlin. „Das war ein gutes Gespräch“, sagte er.")
    assert claimant_names(doc) == ["Olaf Scholz"]


def test_speakers_feminine_title_gives_the_gender_of_a_name_without_known_first_name() -> None:
    doc = _doc("Der Minister Xaver Kurz sprach in Bonn. Die Ministerin Ilka Xandrin war auch da. "
               "„Das ist ein guter Tag“, sagte sie.")
    assert claimant_names(doc)[-1] == "Ilka Xandrin"


def test_speakers_member_description_refers_back_to_the_named_person() -> None:
    doc = _doc("Der Landrat Otto Mayer sagte am Montag, die Straße werde gebaut. "
               "Der CDU-Politiker fügte hinzu, das Geld sei vorhanden.")
    assert claimant_names(doc) == ["Otto Mayer", "Otto Mayer"]
    assert not [p for p in doc.positions if p.title == "Politiker" and p.key in doc.claims[1].claimants]


def test_speakers_description_must_agree_in_gender() -> None:
    doc = _doc("Die Grünen-Politikerin Anna Weber kritisierte den Plan. Max Bauer widersprach ihr. "
               "„Das ist falsch“, sagte die Grünen-Politikerin.")
    assert claimant_names(doc)[-1] == "Anna Weber"


def test_speakers_a_demonym_never_makes_the_state_a_speaker() -> None:
    doc = _doc("Die Mannschaft gewann deutlich. „Wir waren heute gut“, sagte der Brasilianer.")
    assert not [c for c in doc.claims if any(k.startswith("country/") for k in c.claimants)]


def test_speakers_resolve_ranks_by_the_weight_table() -> None:
    text = "Eva Lang und Tom Ruh kamen. Sie sagte etwas."
    ms = [Mention(Span.of(text, 0, 8), "person", "Eva Lang", "person/eva-lang", "name", 0),
          Mention(Span.of(text, 13, 20), "person", "Tom Ruh", "person/tom-ruh", "name", 0)]
    index = build_index(ms, lang="de")
    assert index.genders == {"person/eva-lang": "f", "person/tom-ruh": "m"}
    pron = Span.of(text, 28, 31)
    ref = resolve(index, pron, sentence=1, gender="f")
    assert ref is not None and ref.key == "person/eva-lang" and "gender_agrees" in ref.evidence
    assert ref.score == WEIGHTS["gender_agrees"] + WEIGHTS["sentence_back"]
    # without gender, the person mentioned last wins; the current speaker outweighs it
    assert resolve(index, pron, sentence=1, gender=None).key == "person/tom-ruh"  # type: ignore[union-attr]
    assert resolve(index, pron, sentence=1, gender=None,
                   current=("person/eva-lang",)).key == "person/eva-lang"  # type: ignore[union-attr]
    # nobody within reach
    assert resolve(index, pron, sentence=9, gender="f") is None


def test_speakers_an_age_description_refers_back_to_the_named_person() -> None:
    doc = _doc("Die Trainerin Lena Vogt sagte, das Team sei stark. „Wir haben gekämpft“, sagte die 45-Jährige.")
    assert claimant_names(doc) == ["Lena Vogt", "Lena Vogt"]


def test_speakers_names_with_particles_and_first_names_alone() -> None:
    doc = _doc("„Das geht so nicht“, sagte Ursula von der Leyen am Montag.")
    assert claimant_names(doc) == ["Ursula von der Leyen"]
    doc = _doc("Die Halle ist voll. „Das ist verrückt“, sagt Lukas.")
    assert claimant_names(doc) == ["Lukas"]
    doc = _doc("Lukas Meier kam spät. „Das ist verrückt“, sagt Lukas.")
    assert claimant_names(doc) == ["Lukas Meier"]


def test_speakers_two_people_with_one_surname_stay_two() -> None:
    doc = _doc("Bill Clinton traf Hillary Clinton in New York. Bill Clinton sagte, es sei ein guter Tag gewesen. "
               "Hillary Clinton sagte, sie sei müde.")
    assert claimant_names(doc) == ["Bill Clinton", "Hillary Clinton"]
    assert sorted(e.name for e in doc.entities if e.kind == "person") == ["Bill Clinton", "Hillary Clinton"]


def test_speakers_an_instrument_is_never_a_speaker() -> None:
    doc = _doc("Der Bürgermeister Hans Huber war nicht im Rathaus. Per Telefon teilte er mit, die Sitzung falle aus.")
    assert claimant_names(doc) == ["Hans Huber"]
    assert [e.name for e in doc.entities if e.kind == "person"] == ["Hans Huber"]


def test_speakers_a_person_introduced_between_claims_takes_over_the_pronoun() -> None:
    doc = _doc("„Wir warten ab“, sagte Jonas Brandt. Er blieb skeptisch. "
               "Der Vorsitzende des Heimatvereins, Karl Zander, hält den Umbau für einen Fehler. "
               "„Uns bleibt genug Spielraum“, sagte er.")
    assert claimant_names(doc)[0] == "Jonas Brandt"
    assert claimant_names(doc)[-1] == "Karl Zander"


def test_speakers_a_bare_title_is_the_holder_named_last_before_it() -> None:
    doc = _doc("Bürgermeister Jonas Brandt eröffnete 1990 die Halle. Heute regiert Bürgermeisterin Anna Weber. "
               "Sie lud zum Fest. „Die Halle bleibt“, versprach die Bürgermeisterin.")
    assert claimant_names(doc)[-1] == "Anna Weber"
    doc = _doc("Bürgermeisterin Anna Weber lud zum Fest. „Die Halle bleibt“, versprach die Bürgermeisterin. "
               "Ihr Vorgänger, Bürgermeister Jonas Brandt, hatte die Halle 1990 eröffnet.")
    assert claimant_names(doc) == ["Anna Weber"]


def test_speakers_a_name_joined_to_a_noun_is_no_speaker() -> None:
    doc = _doc("Jonas Brandt kam nach Bonn. Bei einem SPD-Treffen in Essen erklärte der frühere Lehrer: "
               "„Ich bleibe hier.“")
    assert claimant_names(doc) == ["Jonas Brandt"]


def test_speakers_a_description_after_the_verb_with_no_antecedent_gives_no_claim() -> None:
    doc = _doc("Bei einem SPD-Treffen in Essen erklärte der frühere Lehrer: „Ich bleibe hier.“")
    assert not [c for c in doc.claims if any(k.startswith("organization/") for k in c.claimants)]


def test_speakers_an_apposition_after_the_verb_names_the_speaker() -> None:
    doc = _doc("Die Preise stiegen kaum, sagte der Sprecher des Handelsverbands, Max Berger. "
               "Die Lage sei aber angespannt.")
    assert claimant_names(doc) == ["Max Berger", "Max Berger"]


def test_speakers_an_office_of_a_named_owner_is_not_the_person_just_quoted() -> None:
    doc = _doc("„Wir bleiben“, sagte Jonas Brandt, der Chef des Senders. "
               "Der Chefredakteur der Rundschau und Verleger Max Berger kritisierten die Lage.")
    assert "Jonas Brandt" not in claimant_names(doc)[1:]


def test_speakers_a_new_paragraph_naming_an_earlier_speaker_goes_back_to_them() -> None:
    doc = _doc("„Wir haben viel zu tun“, sagt Max Berger von der Firma Blitz.\n\n"
               "„Bei uns ist es ruhig“, sagt Karl Zander. Manche Kunden hätten abgesagt.\n\n"
               "In Bergers Werkstatt gebe es kaum Absagen. Wie lange noch, wisse er nicht.")
    assert claimant_names(doc)[-2:] == ["Max Berger", "Max Berger"]


def test_speakers_a_name_inside_a_prepositional_phrase_is_no_subject() -> None:
    doc = _doc("Über den Streit mit Max Berger wollte Karl Zander erst nach der Wahl sprechen.")
    assert "Max Berger" not in claimant_names(doc)
    doc = _doc("In einem offenen Brief an den Verbandschef Karl Zander hatten Abgeordnete Bedenken geäußert.")
    assert "Karl Zander" not in claimant_names(doc)


def test_speakers_a_source_noun_that_names_no_one_gives_no_claim() -> None:
    doc = _doc("Laut der Sprecherin verließen die Gäste den Saal früh.")
    assert doc.claims == ()
    doc = _doc("Die Lage ist aus Sicht des Experten Karl Zander ernst.")
    assert claimant_names(doc) == ["Karl Zander"]


def test_speakers_the_author_is_no_claimant() -> None:
    assert _doc("Ich erklärte Anna Weber, warum der Weg gesperrt ist.").claims == ()


def test_speakers_an_age_description_is_the_person_of_that_age() -> None:
    doc = _doc("Der 34-jährige Jan Kowalski gewann. „Es war hart“, sagte Kowalski. Zweiter wurde Max Weiss (27). "
               "„Ich hatte gute Beine“, sagte der 34-Jährige.")
    assert claimant_names(doc)[-1] == "Jan Kowalski"


def test_speakers_a_compound_institution_speaks_in_a_source_slot() -> None:
    doc = _doc("Laut Wetterdienst wird es am Wochenende kalt. Das Gesundheitsamt teilte mit, es gebe drei Fälle.")
    assert claimant_names(doc) == ["Wetterdienst", "Gesundheitsamt"]
    assert _doc("Insgesamt sagte der Mann nichts.").claims == ()


def test_speakers_a_first_name_before_a_place_name_is_a_person() -> None:
    doc = _doc("Die Ministerin Eva Roth war auch da. „Das ist ein guter Tag“, sagte sie.")
    assert claimant_names(doc) == ["Eva Roth"]
    assert not [e for e in doc.entities if e.kind == "place" and e.name == "Roth"]


def test_speakers_a_noun_refers_back_to_the_organisation_whose_name_ends_in_it() -> None:
    doc = _doc("Die Ernte falle klein aus, meldet der Sächsische Imkerverband. "
               "Der Honig werde teurer, so der Verband.")
    assert claimant_names(doc) == ["Sächsischer Imkerverband"] * 2


def test_speakers_a_surname_that_is_also_a_title() -> None:
    doc = _doc("Die Kosten seien hoch, sagte Direktorin Petra Kaiser dem Sender.")
    assert claimant_names(doc) == ["Petra Kaiser"]


def test_speakers_a_long_apposition_after_the_verb_names_the_speaker() -> None:
    doc = _doc("„Das Geld fehlt“, sagte der Psychologe an der Universität Bonn und Leiter der Studie, Karl Zander.")
    assert claimant_names(doc) == ["Karl Zander"]


def test_speakers_an_office_of_the_organisation_the_text_gave_the_person_refers_back_to_them() -> None:
    doc = extract_body("Der Landrat Otto Kern (CSU) sagte, der Streit werde lang. Eine Spaltung sei möglich, "
                       "sagte der CSU-Vorsitzende am Abend.")
    assert claimant_names(doc) == ["Otto Kern", "Otto Kern"]
    # without that organisation, the office speaks for itself, not the person just quoted
    doc = extract_body("Die Lage sei ernst, sagte Anna Weber. Der SPD-Vorsitzende widersprach: „Das stimmt nicht.“")
    assert claimant_names(doc)[0] == "Anna Weber"
    assert claimant_names(doc)[1] != "Anna Weber"


def test_speakers_same_organisation_is_a_weighted_feature() -> None:
    ms = [Mention(Span.of("Otto Kern und Max Roth", 0, 9), "person", "Otto Kern", "person/otto-kern", "name", 0),
          Mention(Span.of("Otto Kern und Max Roth", 14, 22), "person", "Max Roth", "person/max-roth", "name", 0)]
    index = build_index(ms, lang="de", affiliations={"person/otto-kern": frozenset({"organization/csu"})})
    ref = resolve(index, Span.of("x" * 40, 30, 40), sentence=1, gender="m", owner="organization/csu")
    assert ref is not None and ref.key == "person/otto-kern" and "same_organisation" in ref.evidence
    assert WEIGHTS["same_organisation"] > WEIGHTS["latest_person"]


def test_speakers_er_after_a_claim_of_a_masculine_organisation_is_that_organisation() -> None:
    doc = extract_body("Die Mieten stiegen zu schnell, teilte der Deutsche Mieterbund mit. "
                       "Er verlangt nun eine strengere Bremse.")
    assert claimant_names(doc) == ["Deutscher Mieterbund"] * 2
    # a feminine organisation is no "er"
    doc = extract_body("Die Kosten stiegen stark, teilte die Stadtverwaltung mit. Er fordert deshalb Hilfen.")
    assert claimant_names(doc) == ["Stadtverwaltung"]


def test_speakers_an_owned_office_refers_back_to_the_one_person_named_with_that_title() -> None:
    doc = extract_body("Die Busse fahren seltener, sagte Geschäftsführerin Eva Roth. Die Lage sei schwierig. "
                       "Der Verband warnt seit Wochen.\n\nMan brauche mehr Geld, fordert die ABV-Geschäftsführerin.")
    assert claimant_names(doc)[-1] == "Eva Roth"
    doc = extract_body("Die Fälle seien bekannt, betont Pressesprecherin Christine Kaul.\n\n"
                       "Es werde informiert, betont die Landratsamt-Sprecherin.")
    assert claimant_names(doc) == ["Christine Kaul", "Christine Kaul"]
    # a person named with another title is not the office's holder
    doc = extract_body("Die Straße bleibt zu, sagte Bürgermeisterin Eva Roth.\n\n"
                       "Es werde informiert, betont die Landratsamt-Sprecherin.")
    assert claimant_names(doc)[-1] != "Eva Roth"


def test_speakers_a_medium_in_the_dative_before_the_verb_is_spoken_to_not_the_speaker() -> None:
    doc = extract_body("Der Streit geht weiter, sagte Otto Kern (CDU). Der FAZ sagte der CDU-Politiker, "
                       "die Lage sei ernst. Der Spiegel berichtete, die Lage sei ernst.")
    assert claimant_names(doc) == ["Otto Kern", "Otto Kern", "Der Spiegel"]
    assert "organization/frankfurter-allgemeine-zeitung" in doc.claims[1].reported_by


# ---------------------------------------------------------------- interviews
_INTERVIEW = (
    "Die Tierärztin Greta Vollmer leitet seit zehn Jahren die Klinik am Stadtrand.\n\n"
    "SZ: Frau Vollmer, Sie haben einmal gesagt, Katzen seien klüger als Hunde. Stimmt das noch?\n\n"
    "Greta Vollmer: Ja. Katzen lösen Rätsel schneller. Das zeigen auch unsere Versuche.\n\n"
    "SZ: Und die Hunde?\n\n"
    "Vollmer: Laut einer Studie aus Norwegen lernen sie dafür mehr Wörter. Minister Karl Brenner hat gesagt, "
    "die Klinik bekomme mehr Geld.\n"
)


def test_speakers_interview_journalists_turns_are_no_claims() -> None:
    doc = _doc(_INTERVIEW)
    assert not [c for c in doc.claims if "Katzen seien" in c.span.text or "Hunde?" in c.span.text]


def test_speakers_interview_every_sentence_of_an_answer_is_the_interviewees_claim() -> None:
    doc = _doc(_INTERVIEW)
    by_sentence = {c.span.text: c for c in doc.claims}
    for said in ("Greta Vollmer: Ja.", "Katzen lösen Rätsel schneller.", "Das zeigen auch unsere Versuche.",
                 "Vollmer: Laut einer Studie aus Norwegen lernen sie dafür mehr Wörter."):
        claim = by_sentence[said]
        assert claim.claimants == ("person/greta-vollmer",), said
    assert by_sentence["Greta Vollmer: Ja."].cue == ":"
    # a sentence of the answer with a source of its own keeps that source
    minister = next(c for c in doc.claims if "mehr Geld" in c.span.text)
    assert minister.claimants == ("person/karl-brenner",)


def test_speakers_a_label_split_from_its_answer_by_a_line_break_still_opens_the_turn() -> None:
    doc = _doc("Der Bauingenieur Jonas Brandt plant seit zwei Jahren die neue Brücke über den Fluss.\n"
               "Frage: Wie geht es mit dem Bau der Brücke nach dem langen Streit mit dem Land weiter?\nJonas\n"
               "Brandt:\nWir bauen im Mai, sobald die Genehmigung vorliegt. Die Pläne liegen vor.\n"
               "Frage: Wann ist es fertig?\nBrandt: Im Herbst.\n")
    assert claimant_names(doc) == ["Jonas Brandt", "Jonas Brandt", "Jonas Brandt"]


def test_speakers_a_colon_after_a_name_in_a_report_is_no_interview() -> None:
    # without a journalist's turn the text is a report: no turn claims, and a plain line stays the author's
    doc = _doc("Der Verein hat gewählt.\nErgebnis: Nora Kühn bleibt Vorsitzende.\n"
               "Nora Kühn: Sie dankte allen Mitgliedern.\n")
    assert doc.claims == ()


def test_speakers_an_unknown_name_in_the_genitive_is_not_the_speaker_it_qualifies() -> None:
    doc = _doc("Die Lage sei ernst, sagte Worobjows Gegnerin Larissa Melnikowa.")
    assert claimant_names(doc) == ["Larissa Melnikowa"]


def test_speakers_a_definite_object_after_the_verb_is_no_description_of_the_speaker() -> None:
    # "die Wahl", "der Darstellung" are what is criticised, not "she" or "he" said again
    doc = _doc("„Das ist ein Skandal“, sagte Larissa Melnikowa. Ihr Team kritisierte die Wahl.")
    assert claimant_names(doc) == ["Larissa Melnikowa"]
    doc = _doc("„Wir bleiben“, sagte die Ärztin Jana Winter. Später widersprach die Chefärztin.")
    assert claimant_names(doc) == ["Jana Winter", "Jana Winter"]


def test_speakers_an_arabic_article_joined_by_a_hyphen_belongs_to_the_surname() -> None:
    doc = _doc("Das werde teuer, glaubt Samir al-Haddad, Chef der Firma. Später sagte al-Haddad, es gehe weiter.")
    assert [c.claimants for c in doc.claims] == [("person/samir-al-haddad",)] * 2


def test_speakers_an_interview_printed_on_one_line_needs_two_turns_of_each_kind() -> None:
    one_line = ("Der Forscher Paul Kessler erklärt den Trend. PROFIL: Warum verlieren die Regierenden? "
                "Paul Kessler: Der Bund zieht sie nach unten. Das gilt überall. PROFIL: Immer? "
                "Kessler: Fast immer.")
    doc = _doc(one_line)
    assert claimant_names(doc)[-3:] == ["Paul Kessler"] * 3
    assert not [c for c in doc.claims if "Warum" in c.span.text or "Immer?" in c.span.text]
    # one turn of each kind inside a paragraph is no interview: the line stays a plain sentence
    doc = _doc("Der Verein tagte lange. WICHTIG: Der Saal ist zu. Nora Kühn: Sie dankte allen Mitgliedern.")
    assert doc.claims == ()


def test_speakers_a_capitalised_outlet_label_opens_the_journalists_turn() -> None:
    doc = _doc("Ein Gespräch mit der Autorin Mara Lenz.\nNEON Kultur: Was schreiben Sie gerade?\n"
               "Mara Lenz: Einen Roman über Wale.\n")
    assert [(claimant_names(doc), [c.span.text for c in doc.claims])] == \
        [(["Mara Lenz"], ["Mara Lenz: Einen Roman über Wale."])]


def test_speakers_one_person_after_a_plural_verb_is_its_object() -> None:
    doc = _doc("Zwei Frauen werfen dem Politiker Jan Kowalski Belästigung vor. "
               "Ermittler werfen Jan Kowalski vor, Geld veruntreut zu haben.")
    assert all(c.claimants != ("person/jan-kowalski",) for c in doc.claims)
    # joined by "und", two speakers after a plural verb are its subject
    doc = _doc("Am Montag sagten Jan Kowalski und Eva Hahn, alles sei gut. "
               "Außerdem, so argumentieren Jan Kowalski und sein Kollege, sei das Gesetz zu streng.")
    assert [c.claimants for c in doc.claims] == [("person/jan-kowalski", "person/eva-hahn"), ("person/jan-kowalski",)]


def test_speakers_a_title_before_the_verb_takes_no_holder_from_after_the_verb() -> None:
    doc = _doc("Ermittler werfen Jan Kowalski vor, Geld veruntreut zu haben.")
    assert [c.claimants for c in doc.claims] == [("position/ermittler",)]


def test_speakers_a_plural_title_names_a_group_not_the_one_holder_of_the_title() -> None:
    doc = _doc("Der Arzt Karl Brenner publizierte eine Studie. Ärztinnen und Ärzte informieren die Eltern über "
               "Impfungen. Die Lage sei ernst, hatten die Ärzte betont. Der Arzt sagte, er bleibe dabei.")
    assert claimant_names(doc) == ["Karl Brenner"]
    assert doc.claims[0].span.text.startswith("Der Arzt sagte")


def test_speakers_an_organisation_after_a_plural_verb_is_its_object() -> None:
    doc = _doc("Die Kassenärzte kritisieren die Bundesregierung scharf. Am Montag kritisierten die Grünen den Plan. "
               "Darüber hinaus kündigten der Senat und die Stadt Köln an, dass die Schulen öffnen.")
    assert [c.claimants[0].split("--")[0] for c in doc.claims] == ["organization/buendnis-90-die-gruenen",
                                                                   "organization/senat"]


def test_speakers_a_description_after_the_verb_is_not_a_person_named_in_the_content() -> None:
    doc = _doc("Das Tor von Lukas Brand sei ein Wunder gewesen, sagte der Kommentator.")
    assert all(c.claimants != ("person/lukas-brand",) for c in doc.claims)


def test_speakers_plural_sie_is_not_one_person_quoted_before() -> None:
    doc = _doc("„Das Urteil ist falsch“, sagte die Anwältin Judit Sommer. Sie betonen, sie würden klagen.")
    assert claimant_names(doc) == ["Judit Sommer"]
    # after a claim of two speakers with a plural verb, "sie" is that group
    doc = _doc("Der Chefredakteur Tim Brandt und die Verlegerin Eva Roth bezeichneten die Lage als ernst. "
               "Das sei bedauerlich, teilten sie mit.")
    assert len(doc.claims) == 2 and doc.claims[1].claimants[0] in doc.claims[0].claimants
    # verbs in -ern and -eln make their plural in -rn, -ln: "sie fordern" is a group, not the woman before
    doc = _doc("Lea Brand sprach am Mittag auf dem Platz. Die Veranstalter hatten Zelte aufgebaut. "
               "Sie fordern eine sofortige Räumung der Lager.")
    assert claimant_names(doc) == []


def test_speakers_a_new_person_as_the_subject_of_an_indicative_verb_ends_the_chain() -> None:
    doc = _doc("„Wir brauchen mehr Geld“, sagte Jens Kahn. Es fehle an Personal. Eva Müller sieht das anders. "
               "Es gebe genug Geld.")
    assert [c.claimants for c in doc.claims][:2] == [("person/jens-kahn",), ("person/jens-kahn",)]
    assert all("Eva Müller sieht" not in c.span.text for c in doc.claims if c.claimants == ("person/jens-kahn",))


def test_speakers_capitalised_particles_belong_to_the_surname() -> None:
    doc = _doc("Der Minister Paolo Di Vento reiste nach Lyon. Die Reise lohne sich, sagte Di Vento.")
    assert claimant_names(doc) == ["Paolo Di Vento"]
    doc = _doc("Die Ministerin Claire Le Roux sprach. „Wir handeln“, sagte Le Roux.")
    assert claimant_names(doc) == ["Claire Le Roux"]


def test_speakers_a_compound_noun_after_the_name_is_no_part_of_it() -> None:
    doc = _doc("Am Montag weist Eva Roth Datenschutz-Bedenken zurück. Ein Gesetz sei nicht nötig, sagte Roth.")
    assert set(claimant_names(doc)) == {"Eva Roth"}
    doc = _doc("„Das reicht nicht“, sagte Anna Holm-Berg am Abend.")
    assert claimant_names(doc) == ["Anna Holm-Berg"]


def test_speakers_the_first_part_of_joined_compounds_is_no_name() -> None:
    doc = _doc("„Wir retten die Werften“, sagte Wirtschafts- und Finanzminister Paolo Rinaldi.")
    assert claimant_names(doc) == ["Paolo Rinaldi"]
    assert [e.name for e in doc.entities if e.kind == "person"] == ["Paolo Rinaldi"]


def test_speakers_every_member_of_a_list_of_subjects_speaks() -> None:
    doc = _doc("SPD, CDU und FDP hatten zuvor gefordert, die Regel zu ändern.")
    assert [k.split("/")[1] for k in doc.claims[0].claimants] == [
        "sozialdemokratische-partei-deutschlands", "christlich-demokratische-union-deutschlands",
        "freie-demokratische-partei"]
    doc = _doc("Apple und Google zufolge werden die Daten nicht gespeichert.")
    assert doc.claims[0].claimants == ("organization/apple", "organization/google")
    # a name governed by a preposition is no co-speaker
    doc = _doc("Mit der SPD und der FDP einigte sich die CDU, sagte Eva Roth.")
    assert claimant_names(doc) == ["Eva Roth"] and len(doc.claims[0].claimants) == 1


def test_speakers_a_name_in_a_phrase_of_place_after_the_verb_is_no_speaker() -> None:
    doc = _doc("Finanzminister Jonas Brandt wies Berichte zurück. „Das stimmt so nicht“, erklärte der "
               "Vizekanzler am Abend in der Talkshow Maria Lenz.")
    assert "Maria Lenz" not in claimant_names(doc)


def test_speakers_the_narrators_own_act_has_no_speaker() -> None:
    doc = _doc("Ich habe damals das Landeskriminalamt informiert und den Mann gewarnt.")
    assert doc.claims == ()


def test_speakers_a_name_only_inside_the_quote_is_not_the_pronouns_referent() -> None:
    doc = _doc("Im Laden prüfte Adam Berger die Liste. Dann fand er einen Namen: „Judith Kramer“, sagt er.")
    assert claimant_names(doc)[-1] == "Adam Berger"
    doc = _doc("Lena Vogt führt das Café. „Das Café ist das Lebenswerk von Nora Brink und mir“, sagt sie.")
    assert claimant_names(doc) == ["Lena Vogt"]


def test_speakers_an_unnamed_spokesperson_speaks_for_the_one_organisation_of_its_sentence() -> None:
    doc = _doc("Die Firma Lesezeit stellt keine Bedingungen an Kunden, sagte eine Sprecherin.")
    assert doc.claims[0].claimants == ("position/sprecherin--organization-lesezeit",)
    # a name that only modifies a compound, or one inside the quote, is no owner
    doc = _doc("Lesezeit-Mitarbeiter hätten die Polizei gerufen, sagte eine Sprecherin.")
    assert doc.claims[0].claimants == ("position/sprecherin",)
    doc = _doc("„Wir folgen den Regeln der Lesezeit“, sagte ein Sprecher.")
    assert doc.claims[0].claimants == ("position/sprecher",)
    # a spokesperson of a kind speaks only for an organisation of that kind
    doc = _doc("Die Firma Lesezeit hat geschlossen, sagte ein Polizeisprecher.")
    assert doc.claims[0].claimants == ("position/polizeisprecher",)


def test_speakers_a_title_in_apposition_to_a_name_is_that_person() -> None:
    doc = _doc("Die Stadt hat jene Engpässe vermieden, die Max Berger, der frühere Leiter des Verbands, "
               "im Mai befürchtet hatte.")
    assert claimant_names(doc) == ["Max Berger"]


def test_speakers_erwartet_after_a_quote_attributes_it() -> None:
    doc = _doc("Der Wirt Lars Hansen hat Sorgen. Der Winter „wird sehr hart“, erwartet Hansen.")
    assert claimant_names(doc) == ["Lars Hansen"]


def test_speakers_an_apposition_after_a_long_title_names_the_person() -> None:
    doc = _doc("Das sei unmöglich, sagte die Leiterin der Arbeitsgruppe Zellbiologie und Genetik an der "
               "Universität Kiel, Marta Holm-Lindner, der Zeitung.")
    assert claimant_names(doc) == ["Marta Holm-Lindner"]


def test_speakers_a_word_capitalised_at_the_sentence_start_is_no_name() -> None:
    doc = _doc("Zurecht warnt der Soziologe Jonas Brandt, dass es schlimmer werde.")
    assert claimant_names(doc) == ["Jonas Brandt"]
    doc = _doc("Hart kritisiert Brandt die Verhandlungsführung der Stadt.")
    assert [e.name for e in doc.entities if e.kind == "person"] == ["Brandt"]


def test_speakers_a_second_title_before_the_name_is_no_part_of_it() -> None:
    doc = _doc("Das sagte Zeitungs-Kolumnist Pfarrer Jonas Brandt am Montag.")
    assert claimant_names(doc) == ["Jonas Brandt"]


def test_speakers_a_person_named_only_in_an_earlier_quote_is_no_descriptions_referent() -> None:
    doc = _doc("„Max Berger war heute der Beste“, rief die Reporterin ins Mikrofon. "
               "Der Kommentator sagte danach, das Spiel sei großartig gewesen.")
    assert all("person/max-berger" not in c.claimants for c in doc.claims)


def test_speakers_a_receiving_subject_before_a_colon_is_no_speaker() -> None:
    doc = _doc("Dann bekam Max Berger von einer Mutter eine E-Mail: „Ihr Sohn ist heute nicht in der Schule gewesen.“")
    assert all("person/max-berger" not in c.claimants for c in doc.claims)


def test_speakers_bare_office_is_the_one_office_of_that_title_with_an_owner() -> None:
    doc = _doc("Die Züge seien voll, räumt ein Lufthansa-Sprecher ein. Die Lage werde besser, betont der Sprecher.")
    assert [c.claimants for c in doc.claims][-1] == ("position/sprecher--organization-lufthansa",)
    # two owners of the title: the bare office stays unowned
    doc = _doc("Die Züge seien voll, räumt ein Lufthansa-Sprecher ein. Ein Siemens-Sprecher schwieg. "
               "Die Lage werde besser, betont der Sprecher.")
    assert [c.claimants for c in doc.claims][-1] == ("position/sprecher",)


def test_speakers_first_name_before_a_one_word_organisation_name_is_a_person() -> None:
    doc = _doc("Die Fälle seien bekannt gewesen, betont Pressesprecherin Karin Spiegel. "
               "Laut Spiegel wird die Schule geschlossen.")
    assert claimant_names(doc) == ["Karin Spiegel", "Karin Spiegel"]
    assert not [e for e in doc.entities if e.kind == "organization"]
    # without the person, the word stays the news magazine
    doc = _doc("Laut Spiegel wird die Schule geschlossen.")
    assert [c.claimants for c in doc.claims] == [("organization/der-spiegel",)]


def test_speakers_title_after_a_claim_is_the_person_just_speaking_though_the_claim_names_another() -> None:
    doc = _doc("Eva Roth verwies auf die Lage. Mit ihrer Kritik an Karl Moser mache es sich die SPD zu leicht, "
               "erklärte die stellvertretende Vorsitzende der Fraktion.")
    assert claimant_names(doc) == ["Eva Roth", "Eva Roth"]


def test_speakers_first_name_that_is_a_noun_after_a_determiner_is_the_noun() -> None:
    # "Christ" is a first name and a noun: "der Christ Wendel" is the Christian Wendel, the singer named before
    doc = _doc("Der Sänger Paul Wendel sang in Bonn. Nicht der Christ Wendel, sagen Kritiker. "
               "Im Jahr 2001 gibt Wendel ein Interview: „Ich wollte ein Zeichen setzen“, sagt er.")
    assert not [e for e in doc.entities if e.kind == "person" and e.name.startswith("Christ ")]
    assert claimant_names(doc)[-1] == "Paul Wendel"


def test_speakers_compound_titles_of_listed_heads_introduce_the_name() -> None:
    # "-senator", "-wissenschaftler", "-mediziner": a compound of a listed head is a title, so the
    # words after it are the name, even when the first name is not in the list
    doc = _doc("„Die Vorschriften können jetzt kommen“, sagte Umweltsenator Jens Xarbeck (Grüne).")
    assert claimant_names(doc) == ["Jens Xarbeck"]
    doc = _doc("„Das ist bizarr“, sagt Gesundheitswissenschaftler Xarbeck.")
    assert claimant_names(doc) == ["Xarbeck"]
    doc = _doc("Der Notfallmediziner Cleon Xarbeck aus Arizona warnt oft. „Wir sind am Limit“, klagt er.")
    assert claimant_names(doc)[-1] == "Cleon Xarbeck"


def test_speakers_one_word_name_takes_the_full_name_written_elsewhere() -> None:
    doc = _doc("Rahmat Xamidi hat Reis gekocht. „In Afghanistan gibt es so was nicht“, sagt Xamidi.")
    assert claimant_names(doc) == ["Rahmat Xamidi"]
    # a noun before the name ("das Headset Xamidi"), or a line break between, makes no full name
    doc = _doc("Den Start machte das Headset Xamidi. „So was gibt es nicht“, sagt Xamidi.")
    assert claimant_names(doc) == ["Xamidi"]


def test_speakers_a_prefield_opened_by_a_preposition_holds_no_subject() -> None:
    doc = _doc("Nach der Absage der diesjährigen Olympischen Spiele warnte Japans Premierminister Taro Xamura "
               "am Samstag vor einem starken Anstieg der Fälle.")
    assert claimant_names(doc) == ["Taro Xamura"]


def test_speakers_an_inflected_noun_after_a_title_is_no_name() -> None:
    doc = _doc("Die Lage sei ernst, sagte der Vorstand Regionen der Agentur, Dana Xerbach.")
    assert claimant_names(doc) == ["Dana Xerbach"]
    assert not [e for e in doc.entities if e.name == "Regionen"]


def test_speakers_head_of_government_named_by_title_is_the_listed_person_the_article_names() -> None:
    # persons.tsv lists heads of state and government; the title's gender picks among them
    doc = _doc("Olaf Scholz traf Angela Merkel in Berlin. Das sei ein gutes Treffen gewesen, sagte die Kanzlerin.")
    assert claimant_names(doc) == ["Angela Merkel"]
    doc = _doc("Olaf Scholz traf Angela Merkel in Berlin. Das sei ein gutes Treffen gewesen, sagte der Bundeskanzler.")
    assert claimant_names(doc) == ["Olaf Scholz"]
    # the genders must agree: "die Bundeskanzlerin" is not Olaf Scholz
    doc = _doc("Olaf Scholz war in Paris. Am Montag erklärte die Bundeskanzlerin in Berlin, die Lage sei ernst.")
    assert "person/olaf-scholz" not in doc.claims[-1].claimants


def test_speakers_a_name_in_apposition_to_the_opening_title_is_the_subject_not_the_object_after_the_verb() -> None:
    doc = _doc("Der Chef der Fraktion, Marco Adler, warf Thomas Kern vor, er habe der Partei geschadet.")
    assert claimant_names(doc) == ["Marco Adler"]
    doc = _doc("Am Montag, kurz nach Mitternacht, sagte Marco Adler, die Lage sei ernst.")
    assert claimant_names(doc) == ["Marco Adler"]


def test_speakers_a_name_in_the_genitive_with_an_apostrophe_is_no_subject() -> None:
    doc = _doc("Sandra Kühnes ist Senatorin. Auch der Elternbeirat hatte Kühnes’ Agieren scharf bemängelt.")
    assert "Sandra Kühnes" not in claimant_names(doc)


def test_speakers_a_surname_after_a_form_of_address_is_a_person() -> None:
    doc = _doc("„Das ist schwer“, sagt Frau Kessler. „Wir bleiben“, findet Herr Oy.")
    assert claimant_names(doc) == ["Kessler", "Oy"]
    doc = _doc("„Das ist schwer“, sagt Frau Dr. Kessler. „Wir bleiben“, sagte Herr Prof. Dr. von Brauk.")
    assert claimant_names(doc) == ["Kessler", "von Brauk"]
    doc = _doc("Die Ärztin Jana Kessler leitet die Station. „Das ist schwer“, sagt Frau Kessler.")
    assert claimant_names(doc) == ["Jana Kessler"]


def test_speakers_a_form_of_address_gives_the_gender() -> None:
    doc = _doc("Herr Kessler und Frau Tamm kamen zur Sitzung. „Das ist schwer“, sagte sie.")
    assert claimant_names(doc) == ["Tamm"]
    doc = _doc("Jana Kessler und Paul Kessler kamen zur Sitzung. „Das ist schwer“, sagte Herr Kessler.")
    assert claimant_names(doc) == ["Paul Kessler"]
    doc = _doc("Wir sprachen mit Frau Tamm und Herrn Oy. „Das ist schwer“, sagte er.")
    assert claimant_names(doc) == ["Oy"]


def test_speakers_frau_and_herr_as_common_nouns_name_no_one() -> None:
    doc = _doc("Er gab der Frau Geld. Seine Frau Sorgen machte das nicht. „Das ist schwer“, sagte sie.")
    assert [e.name for e in doc.entities if e.kind == "person"] == []
    doc = _doc("Eine Frau Mitte 40 sagte: „Das ist schwer.“")
    assert [e.name for e in doc.entities if e.kind == "person"] == []


def test_speakers_two_titles_joined_before_the_name() -> None:
    doc = _doc("„Das bleibt so“, sagt die Zweite Landrätin und Schulsenatorin Jana Kessler.")
    assert claimant_names(doc) == ["Jana Kessler"]


def test_speakers_a_first_name_after_a_noun_of_kinship_or_friendship() -> None:
    doc = _doc("„Das wird schon“, sagt meine Freundin Merle. „Wir bleiben hier“, sagt sein Kollege Till.")
    assert claimant_names(doc) == ["Merle", "Till"]
    doc = _doc("Merle Tamm und Till Kessler wohnen in Bonn. „Das wird schon“, sagt seine Frau Merle.")
    assert claimant_names(doc) == ["Merle Tamm"]
    assert sorted(e.name for e in doc.entities if e.kind == "person") == ["Merle Tamm", "Till Kessler"]


def test_speakers_a_first_name_after_a_relative_in_the_genitive_takes_the_family_name() -> None:
    doc = _doc("Carsten Hollmann trat ab. Hollmanns Tochter Merle sprach zuerst. „Das ist falsch“, sagte sie. "
               "Hollmann nickte. „Es ist vorbei“, sagte er.")
    assert claimant_names(doc) == ["Merle Hollmann", "Carsten Hollmann"]
    # a husband often keeps a name of his own: the first name stays alone
    doc = _doc("Hollmanns Mann Till lachte. „Gut“, sagte er.")
    assert claimant_names(doc) == ["Till"]


def test_speakers_a_demonym_with_an_age_refers_back_to_the_named_person() -> None:
    doc = _doc("Der Spanier Tomás Arrieta lebt in Köln. „Ich bin müde“, schrieb der 74 Jahre alte Spanier.")
    assert claimant_names(doc) == ["Tomás Arrieta"]
    doc = _doc("Der Spanier Tomás Arrieta lebt in Köln. „Ich bin müde“, schrieb der 74-jährige Spanier.")
    assert claimant_names(doc) == ["Tomás Arrieta"]


def test_speakers_a_list_of_titles_before_the_name_gives_the_name() -> None:
    doc = _doc("„Die Bühne braucht mehr Platz“, sagt die Malerin, Tänzerin, Sängerin und Autorin Wiebke Sollner.")
    assert claimant_names(doc) == ["Wiebke Sollner"]
    assert [e.name for e in doc.entities if e.kind == "person"] == ["Wiebke Sollner"]
    doc = _doc("Wiebke Sollner lebt in Kiel. "
               "„Das hat mich geprägt“, sagt die Malerin, Bühnenbildnerin und Autorin Sollner.")
    assert claimant_names(doc) == ["Wiebke Sollner"]
    # a noun phrase of its own is no title of the name: both speak, not the editor alone
    doc = _doc("Danach erklärten der Verlag und sein Herausgeber Rolf Anker die Wahl für ungültig.")
    assert "Rolf Anker" not in claimant_names(doc) or len(doc.claims[0].claimants) > 1


def test_speakers_a_member_of_parliament_refers_back_to_the_person_just_named() -> None:
    doc = _doc("Der Vorsitzende des Verkehrsausschusses im Landtag, Jörg Pfandl (SPD), sagte am Montag, "
               "die Brücke werde saniert. Später forderte der Abgeordnete in einem Schreiben mehr Geld.")
    assert claimant_names(doc) == ["Jörg Pfandl", "Jörg Pfandl"]
    doc = _doc("Die Grünen-Politikerin Hanne Lorenz kritisierte den Plan. "
               "Die Regierung tue zu wenig, sagte die Bundestagsabgeordnete.")
    assert claimant_names(doc) == ["Hanne Lorenz", "Hanne Lorenz"]


def test_speakers_a_description_joined_to_further_titles_leaves_the_name_as_speaker() -> None:
    doc = _doc("Kurt Melzer trat zurück. „Er muss gehen“, schrieb der Abgeordnete und Unternehmer Paul Eck am Sonntag.")
    assert claimant_names(doc) == ["Paul Eck"]
    doc = _doc("Die Senatorin Mia Hirn äußerte sich ebenfalls. Die Abgeordnete im Stadtrat, Alice Corte, "
               "schrieb auf Twitter, die Vorwürfe seien ernst.")
    assert claimant_names(doc)[-1] == "Alice Corte"


def test_speakers_an_office_of_a_state_is_held_by_the_person_given_that_title_next() -> None:
    doc = _doc("Die Regierung in Oslo will die Grenzen schließen. Auch der norwegische Ministerpräsident "
               "appelliert: „Bleiben Sie zu Hause.“ Ministerpräsident Lars Hovland sagte außerdem, die Lage sei ernst.")
    assert claimant_names(doc) == ["Lars Hovland", "Lars Hovland"]
    # a holder the text names beside another state keeps the title alone
    doc = _doc("In Liberia regiert Präsident Joseph Kollie seit Jahren. Die Rede des kenianischen Präsidenten war "
               "lange überfällig.")
    assert not [p for p in doc.positions if p.holder == "person/joseph-kollie" and p.of == "country/ke"]


def test_speakers_a_head_of_government_named_by_title_alone_is_the_named_head() -> None:
    doc = _doc("Angela Merkel hat am Dienstag Vertreter der Länder getroffen. Es ging um die Schulen. "
               "Die Länder wollen mehr Geld. Die Gespräche dauerten lange. Am Abend trat man vor die Presse. "
               "Die Kanzlerin sagte, man müsse jetzt handeln. Es gebe keinen Grund zur Entwarnung, betonte sie.")
    assert claimant_names(doc) == ["Angela Merkel", "Angela Merkel"]


def test_speakers_a_headline_title_of_the_speaker_names_the_speaker() -> None:
    doc = extract_body("Angela Merkel traf am Montag die Länderchefs. „Wir müssen handeln“, sagte Merkel.",
                       headline="Kanzlerin fordert schnelles Handeln der Länder")
    assert claimant_names(doc)[0] == "Angela Merkel"


def test_speakers_an_expert_of_an_organisation_is_the_person_quoted_last() -> None:
    doc = _doc("Die Hochschulrektorenkonferenz (HRK) betreibt eine Börse. „Die Börse hat noch viele Plätze frei“, "
               "sagt Weidner. Viele Städte sind beliebt. Dort gibt es aber wenige Plätze. Die Mieten sind hoch. "
               "Auch das Essen ist teuer. Spät Entschlossenen rät der Experte der HRK, sich direkt zu melden.")
    assert claimant_names(doc) == ["Weidner", "Weidner"]
    # a description that is no title (a driver in a police report) is not the person quoted last
    doc = _doc("„Wir haben viele Kontrollen gemacht“, sagte Lea Kessler. Die Nacht war kalt. Es schneite. "
               "Die Straßen waren glatt. Eine Frau geriet in eine Kontrolle. Die Fahrerin gab an, sie sei auf dem "
               "Heimweg.")
    assert "Lea Kessler" not in claimant_names(doc)[1:]


def test_speakers_a_lawyer_refers_back_to_the_lawyer_just_named() -> None:
    doc = _doc("Die Strafverteidigerin Jana Ostrowski saß den ganzen Tag im Gerichtssaal. Ihren Antrag auf eine "
               "kurze Sitzung habe das Gericht abgelehnt, berichtet die Anwältin.")
    assert claimant_names(doc) == ["Jana Ostrowski"]
