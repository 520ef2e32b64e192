"""Dated clauses: a day-precise date that no trigger takes makes a plain event of its clause."""

from __future__ import annotations

from conftest import extract_body
from kgbuild.model import Event


def _events(body: str) -> list[Event]:
    return list(extract_body(body).events)


def _dated(body: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.name, e.start.value if e.start else None, e.end.value if e.end else None)
            for e in _events(body) if not e.types]


def test_events_dated_clause_becomes_a_plain_event() -> None:
    # the article is of Tuesday 2 March 2021
    assert _dated("Aus dem alten Lagerhaus am Hafen stiegen am Sonntag dichte Rauchwolken auf.") == [
        ("Aus dem alten Lagerhaus am Hafen stiegen am Sonntag dichte Rauchwolken auf", "2021-02-28", None)]


def test_events_dated_clause_takes_places_and_numbers() -> None:
    events = _events("In Kanada wurden am Montag rund 4000 neue Anträge gezählt.")
    dated = [e for e in events if not e.types]
    assert len(dated) == 1
    assert dated[0].start is not None and dated[0].start.value == "2021-03-01"
    assert dated[0].locations == ("country/ca",)
    assert [q.value or q.min_value for q in dated[0].quantities] == [4000]


def test_events_dated_clause_with_coordinated_days_has_an_end() -> None:
    assert _dated("Die Proben des Chors finden am 8. und 9. März statt.") == [
        ("Die Proben des Chors finden am 8. und 9. März statt", "2021-03-08", "2021-03-09")]


def test_events_dated_statement_date_is_no_event() -> None:
    assert _dated("Die Erträge sanken um ein Drittel, wie die Kammer am Montag mitteilte.") == []
    assert _dated("Die Firma äußerte sich am Montag nicht zu den Vorwürfen.") == []


def test_events_dated_clause_beside_a_verb_of_saying_in_another_clause() -> None:
    names = [n for n, _, _ in _dated("Das nützt allen wenig, die am 1. April anreisen, sagt die Wirtin.")]
    assert names == ["Das nützt allen wenig, die am 1. April anreisen"]


def test_events_dated_heute_alone_dates_no_clause() -> None:
    assert _dated("Der heute 56-jährige Trainer kam aus einem kleinen Verein.") == []
    assert _dated("Das sind 80 Fälle mehr als vor einer Woche.") == []
    assert [s for _, s, _ in _dated("Die Räte kommen heute Abend noch einmal im Saal zusammen.")] == ["2021-03-02"]


def test_events_dated_day_of_a_trigger_is_not_repeated() -> None:
    events = _events("Die Bibliothek eröffnet an Ostermontag, am 5. April, ihren neuen Lesesaal.")
    assert [(e.name, e.start.value if e.start else None) for e in events] == [("Eröffnung", "2021-04-05")]


def test_events_dated_title_date_is_no_event() -> None:
    assert _dated('Zum Kommentar „Ein langer Winter“ vom 3. Februar schreibt eine Leserin aus Kiel.') == []


def test_events_range_date_gives_the_end() -> None:
    events = _events("Die Konferenz in Turku dauert vom 3. bis 5. Mai.")
    conf = [e for e in events if e.types == ("Meeting",)]
    assert conf and conf[0].start is not None and conf[0].end is not None
    assert (conf[0].start.value, conf[0].end.value) == ("2021-05-03", "2021-05-05")


def test_events_merge_keeps_two_towns_apart() -> None:
    events = _events("Ein Parteitag in Linz ist für Mitte Juni geplant. Der zweite Parteitag in Turku folgt im Juni.")
    meetings = [e for e in events if e.types == ("Meeting",)]
    assert len(meetings) == 2


def test_events_dated_comparison_baseline_is_no_event() -> None:
    assert _dated("Das sind elf Fälle mehr als noch am Freitag.") == []


def test_events_dated_heading_without_a_lower_case_word_is_no_event() -> None:
    assert _dated("Montag, 1. März, 14.03 Uhr: Neue Zahlen") == []


def test_events_dated_morgen_alone_dates_no_clause() -> None:
    assert _dated("Die niedrige Zahl kann morgen schon wieder anders aussehen.") == []


def test_events_dated_habit_is_no_event() -> None:
    assert _dated("Normalerweise endet die Saison der Liga am 16. Mai.") == []
    assert _dated("Die Saison der Liga endet am 16. Mai.") != []
