"""General event words: gatherings, feasts, outbreaks, positive tests, fatalities, deliberations."""

from __future__ import annotations

from conftest import extract_body


def _events(body: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(e.name, e.types, e.locations) for e in extract_body(body).events]


def test_events_triggers_a_named_gathering_is_an_event() -> None:
    assert _events("Am Rande einer Vereinsveranstaltung in Linz sprach die Trainerin.") == [
        ("Vereinsveranstaltung in Linz", (), ("place/linz",))]


def test_events_triggers_plural_gatherings_are_a_class_not_an_event() -> None:
    assert _events("Kulturveranstaltungen bleiben untersagt.") == []


def test_events_triggers_a_feast_needs_its_compound() -> None:
    assert _events("Auf einem Straßenfest in Linz steckten sich viele Gäste an.") == [
        ("Straßenfest in Linz", (), ("place/linz",))]
    assert _events("Nach dem Fest blieb es still.") == []
    assert _events("Das Manifest erschien im Mai.") == []


def test_events_triggers_an_outbreak_is_an_event() -> None:
    assert _events("Nach dem Ausbruch in einem Heim in Linz wurde getestet.")[0][:2] == ("Ausbruch in Linz", ())


def test_events_triggers_a_positive_test_is_an_event() -> None:
    assert _events("In Kanada ist die Ministerin positiv auf das Virus getestet worden.") == [
        ("Positiver Test in Kanada", (), ("country/ca",))]
    assert _events("In Kanada ist die Ministerin auf das Virus getestet worden.") == []


def test_events_triggers_fatalities_are_deaths() -> None:
    assert [t for _, t, _ in _events("In Schweden stieg die Zahl der Todesopfer auf 40.")] == [("Death",)]


def test_events_triggers_deliberations_are_meetings() -> None:
    assert [t for _, t, _ in _events("In ihren Beratungen am Montag blieben die Minister uneins.")] == [("Meeting",)]


def test_events_triggers_a_crossed_threshold_is_an_event() -> None:
    assert _events("In Schweden überschritt die Zahl der Fälle die Schwelle von 5000 Menschen.") == [
        ("Überschreitung in Schweden", (), ("country/se",))]


def test_events_triggers_a_year_after_an_event_noun_dates_it() -> None:
    events = extract_body("Nach der Landtagswahl 2017 kamen 2000 Menschen. Der Anschlag von 2016 in Linz blieb.").events
    assert [(e.name, e.start.value if e.start else None) for e in events] == [
        ("Landtagswahl", "2017"), ("Anschlag in Linz", "2016")]
    assert [e.start for e in extract_body("Zu den Protesten 2000 Menschen kamen mehr.").events] == [None]
