"""Tests of the event stage on hand-written German sentences.

The inputs of :func:`kgbuild.events.find_events` are built by hand, as spaCy's tests build
a ``Doc``: sentences and blocks, linked mentions, resolved dates and numbers.
"""

from __future__ import annotations

import time

import pytest

from kgbuild.events import EventContext, find_events, load_event_lexicon, parse_event_lexicon
from kgbuild.model import (
    Block,
    DateResolution,
    DateValue,
    Event,
    Mention,
    Quantity,
    Sentence,
    Span,
    Structure,
)

# name as written -> (key, kind, role, base name)
ENTITIES: dict[str, tuple[str, str, str, str]] = {
    "Halvorsens": ("person/nils-halvorsen", "person", "name", "Nils Halvorsen"),
    "Halvorsen": ("person/nils-halvorsen", "person", "name", "Nils Halvorsen"),
    "Brenner": ("person/lea-brenner", "person", "name", "Lea Brenner"),
    "finnischen": ("country/fi", "country", "adjective", "Finnland"),
    "Finnland": ("country/fi", "country", "name", "Finnland"),
    "Finnen": ("country/fi", "country", "demonym", "Finnland"),
    "Armenien": ("country/am", "country", "name", "Armenien"),
    "Turku": ("place/turku", "place", "name", "Turku"),
    "Portugal": ("country/pt", "country", "name", "Portugal"),
    "Australien": ("country/au", "country", "name", "Australien"),
    "Schweden": ("country/se", "country", "name", "Schweden"),
    "Frontex": ("organization/frontex", "organization", "name", "Frontex"),
    "Spanien": ("country/es", "country", "name", "Spanien"),
    "Argentinien": ("country/ar", "country", "name", "Argentinien"),
    "AFP": ("organization/afp", "organization", "name", "AFP"),
    "Marta Novak": ("person/marta-novak", "person", "name", "Marta Novak"),
    "Paul Girard": ("person/paul-girard", "person", "name", "Paul Girard"),
    "Linz": ("place/linz", "place", "name", "Linz"),
    "Slowenien": ("country/si", "country", "name", "Slowenien"),
    "Nordrhein-Westfalen": ("place/nordrhein-westfalen", "place", "name", "Nordrhein-Westfalen"),
    "Kabul": ("place/kabul", "place", "name", "Kabul"),
    "US": ("country/us", "country", "name", "USA"),
    "Europäische Union": ("organization/eu", "organization", "name", "Europäische Union"),
    "Mongolei": ("country/mn", "country", "name", "Mongolei"),
    "Korvaks": ("person/jan-korvak", "person", "name", "Jan Korvak"),
    "Korvak": ("person/jan-korvak", "person", "name", "Jan Korvak"),
    "Lindqvist": ("person/ella-lindqvist", "person", "name", "Ella Lindqvist"),
    "serbischen": ("country/rs", "country", "adjective", "Serbien"),
    "Serben": ("country/rs", "country", "demonym", "Serbien"),
    "Georgien": ("country/ge", "country", "name", "Georgien"),
    "Danzig": ("place/danzig", "place", "name", "Danzig"),
    "Bulgarien": ("country/bg", "country", "name", "Bulgarien"),
    "Kanada": ("country/ca", "country", "name", "Kanada"),
    "Gewerkschaft Verdi": ("organization/verdi", "organization", "name", "Verdi"),
    "Lindqvists": ("person/ella-lindqvist", "person", "genitive", "Ella Lindqvist"),
    "Norwegen": ("country/no", "country", "name", "Norwegen"),
    "Europol": ("organization/europol", "organization", "name", "Europol"),
    "Italien": ("country/it", "country", "name", "Italien"),
    "Chile": ("country/cl", "country", "name", "Chile"),
    "Brünn": ("place/bruenn", "place", "name", "Brünn"),
    "Graz": ("place/graz", "place", "name", "Graz"),
    "Österreich": ("country/at", "country", "name", "Österreich"),
    "Niedersachsen": ("place/niedersachsen", "place", "name", "Niedersachsen"),
}


def build(
    paragraphs: list[list[str]],
    *,
    headline: str | None = None,
    dateline: str | None = None,
    dates: dict[str, str] | None = None,
    quantities: dict[str, Quantity] | None = None,
    entities: dict[str, tuple[str, str, str, str]] | None = None,
) -> EventContext:
    """An EventContext for paragraphs of sentences: blocks, sentences, mentions, dates, numbers.

    Mentions are every whole-word occurrence of the names in ``entities``; dates and
    quantities are given by the words that carry them (their first occurrence).
    """
    entities = ENTITIES if entities is None else entities
    parts: list[str] = []
    text = ""
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    dl_span = None

    def add_block(sents: list[str], role: str, prefix: str = "") -> None:
        nonlocal text, dl_span
        if text:
            text += "\n\n"
        begin = len(text)
        if prefix:
            text += prefix
            dl_span = Span.of(text, begin, len(text))
        idx = len(blocks)
        for i, s in enumerate(sents):
            if i:
                text += " "
            b = len(text)
            text += s
            sentences.append(Sentence(Span.of(text, b, len(text)), idx, role))  # type: ignore[arg-type]
        blocks.append(Block(Span.of(text, begin, len(text)), role, idx))  # type: ignore[arg-type]

    if headline is not None:
        add_block([headline], "headline")
    for n, para in enumerate(paragraphs):
        add_block(para, "body", dateline + " – " if dateline and n == 0 else "")
    parts.append(text)

    def sentence_of(offset: int) -> int:
        for i, s in enumerate(sentences):
            if s.span.begin <= offset < s.span.end:
                return i
        return -1

    mentions: list[Mention] = []
    taken: set[int] = set()
    for surface in sorted(entities, key=len, reverse=True):
        key, kind, role, name = entities[surface]
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not before.isalnum() and not after.isalnum() and not taken & set(range(start, end)):
                taken |= set(range(start, end))
                mentions.append(Mention(Span.of(text, start, end), kind, name, key, role,  # type: ignore[arg-type]
                                        sentence_of(start)))
            start = text.find(surface, end)
    mentions.sort(key=lambda m: m.span.begin)
    date_list = []
    for words, value in (dates or {}).items():
        b = text.index(words)
        date_list.append((Span.of(text, b, b + len(words)), DateValue(value, DateResolution.EXPLICIT, words)))
    qty_list = []
    for words, q in (quantities or {}).items():
        b = text.index(words)
        qty_list.append((Span.of(text, b, b + len(words)), q))
    structure = Structure(tuple(blocks), tuple(sentences), headline=blocks[0].span if headline else None,
                          dateline=dl_span)
    return EventContext(text=text, structure=structure, mentions=tuple(mentions), dates=tuple(date_list),
                        quantities=tuple(qty_list))


def of_type(events: list[Event], typ: str) -> list[Event]:
    return [e for e in events if typ in e.types]


def values(e: Event) -> set[float]:
    return {v for q in e.quantities for v in (q.value, q.min_value, q.max_value) if v is not None}


# ------------------------------------------------------------------ single events
def test_events_mobilization_takes_date_agent_and_adjective_location() -> None:
    ctx = build([[
        "Nach Korvaks Befehl zur Generalmobilisierung am 12. März sind hunderte Serben untergetaucht.",
        "Die serbischen Behörden bestätigten die Generalmobilmachung.",
    ]], dates={"am 12. März": "2023-03-12"})
    mob = of_type(find_events(ctx), "Mobilization")
    assert len(mob) == 1  # both mentions are one happening
    assert mob[0].start == DateValue("2023-03-12", DateResolution.EXPLICIT, "am 12. März")
    assert mob[0].agents == ("person/jan-korvak",)
    assert mob[0].name == "Generalmobilisierung"


def test_events_adjective_on_the_trigger_gives_the_country() -> None:
    ctx = build([["Er sprach von der finnischen Generalmobilmachung."]])
    (mob,) = of_type(find_events(ctx), "Mobilization")
    assert mob.locations == ("country/fi",)


def test_events_migration_with_quantity_and_destination() -> None:
    ctx = build([["Seit dem Frühjahr sind rund 41.000 Serben nach Georgien ausgewandert."]],
                quantities={"rund 41.000 Serben": Quantity(value=41000, unit="Serben", text="rund 41.000",
                                                           approximate=True)})
    (mig,) = of_type(find_events(ctx), "Migration")
    assert mig.locations[0] == "country/ge"
    assert values(mig) == {41000}
    assert mig.name == "Auswanderung nach Georgien"


def test_events_origin_is_a_place_only_without_a_better_one() -> None:
    (alone,) = find_events(build([["Tausende Menschen versuchen, aus Finnland zu fliehen."]]))
    assert alone.locations == ("country/fi",)
    (both,) = find_events(build([["Tausende fliehen aus Finnland nach Armenien."]]))
    assert both.locations == ("country/am",)


def test_events_protest_then_count_of_arrests_in_next_sentence() -> None:
    ctx = build([[
        "Die Rentenreform führte zu heftigen Protesten in Danzig.",
        "Über 400 Menschen wurden verhaftet.",
    ]], quantities={"Über 400 Menschen": Quantity(min_value=400, unit="Menschen", text="Über 400")})
    events = find_events(ctx)
    (protest,) = of_type(events, "Protest")
    (arrest,) = of_type(events, "Arrest")
    assert protest.locations == ("place/danzig",)
    assert protest.name == "Protest in Danzig"
    assert values(arrest) == {400}
    assert arrest.locations == ("place/danzig",)  # where the sentence before took place


def test_events_election_takes_count_from_following_sentence() -> None:
    ctx = build([[
        "Heute findet in Bulgarien die Parlamentswahl statt.",
        "Rund 6,6 Millionen Wahlberechtigte können bis zum Abend wählen.",
    ]], dates={"Heute": "2014-10-05"},
        quantities={"Rund 6,6 Millionen": Quantity(value=6_600_000, text="Rund 6,6 Millionen", approximate=True)})
    (election,) = of_type(find_events(ctx), "Election")
    assert election.start is not None and election.start.value == "2014-10-05"
    assert election.locations == ("country/bg",)
    assert values(election) == {6_600_000}
    assert election.name == "Parlamentswahl in Bulgarien"


def test_events_named_storms_stay_apart_and_compass_regions_resolve() -> None:
    ctx = build([[
        "Der Sturm Helga hat rund 85.000 Bäume entwurzelt.",
        "In Westkanada tobte Zyklon Bruno.",
    ]], headline="Stürme in Norwegen und Kanada",
        quantities={"rund 85.000": Quantity(value=85_000, approximate=True)})
    storms = of_type(find_events(ctx), "NaturalDisaster")
    names = {e.name for e in storms}
    assert "Sturm Helga" in names
    bruno = next(e for e in storms if "Bruno" in e.name)
    assert "country/ca" in bruno.locations
    helga = next(e for e in storms if "Helga" in e.name)
    assert values(helga) == {85_000}
    assert bruno is not helga


def test_events_durch_gives_the_agent_and_passive_has_no_subject_agent() -> None:
    ctx = build([[
        "Bei einer durch Europol gesteuerten Razzia in Italien wurden 17 Betrüger festgenommen.",
    ]], quantities={"17 Betrüger": Quantity(value=17, unit="Betrüger")})
    events = find_events(ctx)
    (raid,) = of_type(events, "Investigation")
    (arrest,) = of_type(events, "Arrest")
    assert raid.agents == ("organization/europol",)
    assert raid.name == "Razzia in Italien"
    assert values(arrest) == {17}
    assert "country/it" in arrest.locations


def test_events_counts_and_places_of_a_list_go_to_the_event() -> None:
    ctx = build([["Drei der Festnahmen geschahen in Italien, neun in Chile."]],
                quantities={"Drei": Quantity(value=3), "neun": Quantity(value=9)})
    (arrest,) = of_type(find_events(ctx), "Arrest")
    assert values(arrest) == {3, 9}
    assert set(arrest.locations) == {"country/it", "country/cl"}


def test_events_subject_before_apposition_is_the_agent() -> None:
    ctx = build([["Marta Novak, die stellvertretende Vorsitzende, war aus dem Vorstand zurückgetreten."]])
    (res,) = of_type(find_events(ctx), "Resignation")
    assert res.agents == ("person/marta-novak",)


def test_events_pronoun_subject_is_the_last_person_named() -> None:
    ctx = build([["Daraufhin lud das Gericht Paul Girard vor.", "Er löschte die Datei."]])
    (deletion,) = [e for e in find_events(ctx) if e.name == "Löschung"]
    assert deletion.types == ()  # a plain schema:Event
    assert deletion.agents == ("person/paul-girard",)


def test_events_compound_first_part_names_the_place() -> None:
    ctx = build([["Seit dem Ausbruch des Georgien-Konflikts am 8. August hat sich viel geändert."],
                 ["Viele fliehen vor dem Krieg in Georgien."]],
                dates={"am 8. August": "2008-08-08"})
    (war,) = of_type(find_events(ctx), "ArmedConflict")
    assert war.start is not None and war.start.value == "2008-08-08"
    assert war.locations == ("country/ge",)
    assert war.name == "Georgien-Konflikt"


# ------------------------------------------------------------------ dates
def test_events_date_of_a_statement_is_not_the_events_date() -> None:
    ctx = build([["Laut AFP erklärte Lindqvist am Mittwoch wegen der serbischen Generalmobilmachung, sie warte ab."]],
                dates={"am Mittwoch": "2023-03-15"})
    (mob,) = of_type(find_events(ctx), "Mobilization")
    assert mob.start is None


def test_events_nearest_date_wins_over_a_farther_one() -> None:
    ctx = build([["Infolge der Wahl in Niedersachsen am 9. Oktober 2022 wird die Partei ab 8. November in "
                  "14 Landtagen sitzen."]],
                dates={"am 9. Oktober 2022": "2022-10-09", "ab 8. November": "2022-11-08"})
    (election,) = of_type(find_events(ctx), "Election")
    assert election.start is not None and election.start.value == "2022-10-09"
    assert election.locations == ("place/niedersachsen",)


def test_events_no_date_gives_no_start() -> None:
    ctx = build([["Die Generalmobilmachung sorgte für Proteste in Turku."]])
    assert all(e.start is None for e in find_events(ctx))


def test_events_date_after_copula_starts_an_office() -> None:
    ents = {**ENTITIES, "Ulrich Kessler": ("person/ulrich-kessler", "person", "name", "Ulrich Kessler"),
            "Bördekreises": ("place/boerdekreis", "place", "genitive", "Bördekreis")}
    ctx = build([["Ulrich Kessler ist seit 1. März 2011 Bürgermeister des Bördekreises."]],
                dates={"seit 1. März 2011": "2011-03-01"}, entities=ents)
    (app,) = of_type(find_events(ctx), "Appointment")
    assert app.start is not None and app.start.value == "2011-03-01"
    assert app.agents == ("person/ulrich-kessler",)
    assert app.locations == ("place/boerdekreis",)


def test_events_without_a_following_date_copula_is_no_event() -> None:
    ctx = build([["Ulrich Kessler ist seit langem Bürgermeister."]])
    assert find_events(ctx) == []


# ------------------------------------------------------------------ merging
def test_events_conflicting_dates_keep_events_apart() -> None:
    ctx = build([["Die Wahl fand am 11. Juni 2015 statt.", "Die Wahl am 3. Mai 2019 brachte Gewinne."]],
                dates={"am 11. Juni 2015": "2015-06-11", "am 3. Mai 2019": "2019-05-03"})
    elections = of_type(find_events(ctx), "Election")
    assert [e.start.value for e in elections if e.start] == ["2015-06-11", "2019-05-03"]


def test_events_different_compound_parts_keep_events_apart() -> None:
    ctx = build([["Heute findet die Parlamentswahl statt.", "Danach muss eine Neuwahl stattfinden."]])
    assert sorted(e.name for e in of_type(find_events(ctx), "Election")) == ["Neuwahl", "Parlamentswahl"]


def test_events_undated_mentions_merge_with_the_dated_one() -> None:
    ctx = build([["Die Demonstration am Samstag verlief friedlich.",
                  "Es war die bisher längste Demonstration in Brünn."]],
                dates={"am Samstag": "2014-05-10"})
    (protest,) = of_type(find_events(ctx), "Protest")
    assert protest.start is not None and protest.start.value == "2014-05-10"
    assert protest.locations == ("place/bruenn",)


# ------------------------------------------------------------------ no events
def test_events_sentence_without_trigger_gives_nothing() -> None:
    ctx = build([["Der Präsident von Armenien sagte, das Wetter sei schön."]])
    assert find_events(ctx) == []


def test_events_negated_trigger_gives_nothing() -> None:
    ctx = build([["Es gebe derzeit keine Pläne für ein Treffen zwischen Korvak und Lindqvist."]])
    assert find_events(ctx) == []


def test_events_blocking_entry_silences_a_shorter_trigger() -> None:
    ctx = build([["Die Auswahl an Besuchern war groß."]])
    assert find_events(ctx) == []


def test_events_verb_forms_need_their_context() -> None:
    # "stimmten" is a vote only before für/gegen; "verlassen" a departure only near a place
    ctx = build([["Die Zahlen stimmten nicht.", "Sie können sich darauf verlassen."]])
    assert find_events(ctx) == []


def test_events_passive_participle_needs_its_auxiliary() -> None:
    assert find_events(build([["Die Organisatoren haben einen anderen Weg gewählt."]])) == []
    (e,) = find_events(build([["Marta Novak wurde in Linz zur Vorsitzenden gewählt."]]))
    assert e.types == ("Election",) and e.locations == ("place/linz",)


def test_events_meeting_verb_needs_someone_to_meet() -> None:
    assert find_events(build([["Die Krise werde die Wirtschaft hart treffen."]])) == []
    (e,) = find_events(build([["Am Montag traf Halvorsen in Turku Brenner."]], dates={"Am Montag": "2022-09-26"}))
    assert e.types == ("Meeting",)
    assert e.agents == ("person/nils-halvorsen",)
    assert e.participants == ("person/lea-brenner",)
    assert e.start is not None and e.start.value == "2022-09-26"


def test_events_separable_verb_needs_its_particle_at_the_clause_end() -> None:
    (e,) = find_events(build([["Marta Novak trat am Sonntag zurück."]], dates={"am Sonntag": "2012-04-22"}))
    assert e.types == ("Resignation",) and e.agents == ("person/marta-novak",)
    assert e.start is not None and e.start.value == "2012-04-22"
    assert find_events(build([["Marta Novak trat vor die Presse."]])) == []


def test_events_phrase_block_beats_the_word_inside_it() -> None:
    assert find_events(build([["Das meldete AFP unter Berufung auf Diplomaten."]])) == []
    (e,) = find_events(build([["Die Berufung wurde abgewiesen."]]))
    assert e.types == ("CourtRuling",)


def test_events_one_form_two_readings_by_context() -> None:
    (visit,) = find_events(build([["Brenner reiste am Montag nach Turku."]], dates={"am Montag": "2022-09-26"}))
    assert visit.types == ("Meeting",) and visit.locations == ("place/turku",)
    assert visit.agents == ("person/lea-brenner",)
    (leave,) = find_events(build([["Brenner reiste am Montag aus."]]))
    assert leave.types == ("Migration",)


def test_events_longer_phrase_blocks_a_trigger_at_its_start() -> None:
    assert find_events(build([["Brenner verabschiedete sich von Halvorsen."]])) == []
    (law,) = find_events(build([["Halvorsen verabschiedete am Montag in Turku das Gesetz."]]))
    assert law.types == ("Vote",)


def test_events_named_storm_in_quotes_and_no_head_inside_another_word() -> None:
    (storm,) = find_events(build([["Der Sturm „Xaver“ zog über Schweden."]]))
    assert storm.name == "Sturm Xaver in Schweden"
    assert find_events(build([["Die Preise im Landkreises stiegen."]])) == []


def test_events_stem_takes_endings_not_compound_heads() -> None:
    assert find_events(build([["Die Geflüchtetenunterkunft ist voll."]])) == []
    (e,) = find_events(build([["Die Geflüchteten kamen in Armenien an."]]))
    assert e.types == ("Migration",) and e.locations == ("country/am",)


def test_events_possessive_points_back_to_the_subject() -> None:
    (e,) = find_events(build([["Marta Novak erklärte am Montag ihren Rücktritt."]]))
    assert e.types == ("Resignation",) and e.agents == ("person/marta-novak",)
    (e,) = find_events(build([["Ihre Ausreise folgte, nachdem Marta Novak sprach."]]))
    assert e.agents == ()


def test_events_deaths_of_an_attack_are_its_toll() -> None:
    ctx = build([["Bei einem Anschlag in Kabul sind am Freitag mindestens 30 Menschen getötet worden."]],
                dates={"am Freitag": "2022-09-02"},
                quantities={"mindestens 30 Menschen": Quantity(min_value=30, unit="Menschen")})
    (attack,) = find_events(ctx)
    assert attack.types == ("Attack",)
    assert attack.start is not None and attack.start.value == "2022-09-02"
    assert values(attack) == {30}
    assert attack.name == "Anschlag in Kabul"


def test_events_verb_that_carries_an_event_noun_is_not_a_second_event() -> None:
    ctx = build([["Die Europäische Union hat am Freitag neue Sanktionen gegen Finnland beschlossen."]])
    (sanction,) = find_events(ctx)
    assert sanction.types == ("Sanction",)
    assert sanction.agents == ("organization/eu",)
    assert sanction.locations == ("country/fi",)
    assert sanction.name == "Sanktionen"  # "gegen Finnland" is no place to name it by


def test_events_name_keeps_the_article_of_the_place() -> None:
    (war,) = of_type(find_events(build([["Viele fliehen vor dem Krieg in der Mongolei."]])), "ArmedConflict")
    assert war.name == "Krieg in der Mongolei"


def test_events_dateline_place_when_it_names_nothing_else() -> None:
    ctx = build([["Marta Novak ist am Donnerstag zurückgetreten."]], dateline="Linz",
                dates={"am Donnerstag": "2012-04-26"})
    (res,) = find_events(ctx)
    assert res.locations == ("place/linz",)


def test_events_nach_with_an_article_is_a_time_and_compound_parts_place_only_their_compound() -> None:
    ctx = build([["Das Treffen wurde auf die Zeit nach der US-Wahl verschoben."]])
    events = find_events(ctx)
    (delay,) = [e for e in events if e.name.startswith("Verschiebung")]
    assert delay.locations == () and delay.name == "Verschiebung"
    (election,) = of_type(events, "Election")
    assert election.locations == ("country/us",) and election.name == "US-Wahl"


def test_events_state_adjective_on_a_force_is_the_agent() -> None:
    (attack,) = find_events(build([["Am Donnerstag beschossen die finnischen Truppen die Stadt Turku."]]))
    assert attack.types == ("Attack",) and attack.agents == ("country/fi",)
    assert attack.locations == ("place/turku",)
    (mig,) = find_events(build([["Auf Wunsch der finnischen Regierung sind drei Lehrer ausgereist."]]))
    assert mig.agents == ()


# ------------------------------------------------------------------ frame
def test_events_dateline_state_places_an_event_without_place() -> None:
    ctx = build([["Die beiden Verbände haben den Tarifvertrag am Sonntag gekündigt.",
                  "Es war der längste Streit in Österreich."]],
                dateline="Graz (Österreich), 16.05.2014", dates={"am Sonntag": "2014-05-11"})
    (agreement,) = of_type(find_events(ctx), "Agreement")
    assert agreement.locations == ("country/at",)
    assert agreement.start is not None and agreement.start.value == "2014-05-11"


def test_events_keys_spans_and_order() -> None:
    ctx = build([["Die Parlamentswahl in Portugal findet statt.", "Später kam es zu Protesten in Turku."]],
                headline="Wahl und Proteste")
    events = find_events(ctx)
    assert [e.key for e in events] == [f"event/{i}" for i in range(1, len(events) + 1)]
    assert [e.types for e in events] == [("Election",), ("Protest",)]
    for e in events:
        assert ctx.text[e.span.begin:e.span.end] == e.span.text
    # body sentences are the evidence even when the headline named the event first
    assert events[0].span.text == "Die Parlamentswahl in Portugal findet statt."
    assert find_events(ctx) == events  # deterministic


def test_events_byline_yields_nothing() -> None:
    ctx = build([["Der Krieg geht weiter."]])
    structure = ctx.structure
    byline = tuple(s if i else Sentence(s.span, s.block, "byline") for i, s in enumerate(structure.sentences))
    ctx2 = EventContext(ctx.text, Structure(structure.blocks, byline), ctx.mentions, ctx.dates, ctx.quantities)
    assert find_events(ctx2) == []


# ------------------------------------------------------------------ lexicon
def test_events_lexicon_has_hundreds_of_triggers_of_known_types() -> None:
    lex = load_event_lexicon("de")
    known = {"Mobilization", "Migration", "Protest", "Arrest", "ArmedConflict", "Attack", "Election", "Vote",
             "Sanction", "Meeting", "Agreement", "Resignation", "Appointment", "CourtRuling", "Investigation",
             "NaturalDisaster", "Accident", "Death", "Founding", "Negotiation", "StatementEvent", "Event", "-"}
    assert len(lex.triggers) >= 300
    assert {t.type for t in lex.triggers} <= known
    assert lex.speech and lex.loc and lex.clause


def test_events_lexicon_rejects_a_malformed_row() -> None:
    with pytest.raises(ValueError, match="event_triggers.tsv:2"):
        parse_event_lexicon("# comment\nkrieg\tinfix\tArmedConflict\n")


# ------------------------------------------------------------------ speed
def test_events_speed_on_a_long_article() -> None:
    para = [
        "Nach Korvaks Befehl zur Generalmobilisierung am 12. März sind hunderte Serben untergetaucht.",
        "Die Generalmobilmachung löste heftige Proteste in Danzig und anderen serbischen Städten aus.",
        "Über 400 Menschen wurden verhaftet, sagte Lindqvist am Mittwoch in Georgien.",
        "Seit dem Frühjahr sind rund 41.000 Serben nach Georgien ausgewandert, hieß es am Abend.",
        "Es gebe derzeit keine Pläne für ein Treffen zwischen Korvak und Lindqvist, der Streit dauere an.",
    ]
    ctx = build([para] * 11, dates={"am 12. März": "2023-03-12"})
    assert len(ctx.text) > 4500
    find_events(ctx)  # load the lexicon
    start = time.perf_counter()
    for _ in range(20):
        find_events(ctx)
    per_call = (time.perf_counter() - start) / 20
    assert per_call < 0.05  # a trigger in every sentence: ~3 ms of CPU here; generous for loaded CI machines


def test_events_lexicon_doctest_passes() -> None:
    import doctest

    import kgbuild.events.lexicon

    assert doctest.testmod(kgbuild.events.lexicon).failed == 0


def test_events_genitive_after_a_meeting_is_its_doer_after_an_arrest_its_patient() -> None:
    (meeting,) = find_events(build([["Das Treffen der Gewerkschaft Verdi mit den Arbeitgebern dauerte lange."]]))
    assert meeting.agents == ("organization/verdi",) and meeting.participants == ()
    (call,) = find_events(build([["Das Telefonat Lindqvists mit dem Bürgermeister dauerte eine Stunde."]]))
    assert call.agents == ("person/ella-lindqvist",)
    (arrest,) = find_events(build([["Die Festnahme Lindqvists sorgte für Aufsehen."]]))
    assert arrest.agents == () and arrest.participants == ("person/ella-lindqvist",)
