"""The doer of a statement event (a press conference, a speech, an interview) is whoever speaks in it."""

from __future__ import annotations

from conftest import extract_body


def _statement_agents(body: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(e.name, e.agents) for e in extract_body(body).events if e.types == ("StatementEvent",)]


def test_events_statements_speaker_after_the_verb_is_the_agent() -> None:
    assert _statement_agents("Die Lage sei ernst, sagte Marta Novak in einer Fernsehansprache.") == [
        ("Fernsehansprache", ("person/marta-novak",))]


def test_events_statements_speaker_before_the_verb_is_the_agent() -> None:
    assert _statement_agents("Marta Novak erklärte in einer Pressekonferenz, sie bleibe im Amt.") == [
        ("Pressekonferenz", ("person/marta-novak",))]


def test_events_statements_medium_after_a_preposition_is_no_speaker() -> None:
    assert _statement_agents("Wie Marta Novak im Interview mit der AFP sagte, bleibt sie.") == [
        ("Interview", ("person/marta-novak",))]
    assert _statement_agents("Das sagte sie im Interview mit der AFP.") == [("Interview", ())]
