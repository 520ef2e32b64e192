"""The quote scanner on hand-written sentences: every quote style, nesting, paragraphs, apostrophes."""

from __future__ import annotations

import pytest

from kgbuild.quotes import find_quotes


def outer(text: str) -> list[str]:
    return [q.text for q in find_quotes(text) if q.depth == 0]


@pytest.mark.parametrize(
    "opening, closing",
    [("„", "“"), ("„", "”"), ("„", '"'), ('"', '"'), ("»", "«"), ("«", "»"), ("›", "‹"), ("‹", "›"),
     ("‚", "‘"), ("'", "'"), ("“", "”")],
)
def test_quotes_every_style(opening: str, closing: str) -> None:
    text = f"Die Ministerin sagte: {opening}Wir bauen die Brücke neu.{closing} Dann ging sie."
    assert outer(text) == ["Wir bauen die Brücke neu."]


def test_quotes_nested_quote_is_inside_the_outer_one() -> None:
    text = "Er sagte: „Sie rief ‚Halt‘ und blieb stehen.“ Dann schwieg er."
    qs = find_quotes(text)
    assert [(q.text, q.depth) for q in qs] == [("Sie rief ‚Halt‘ und blieb stehen.", 0), ("Halt", 1)]
    text = "Er sagte: \"Sie rief 'Halt' und blieb stehen.\" Dann schwieg er."
    assert [(q.text, q.depth) for q in find_quotes(text)] == [("Sie rief 'Halt' und blieb stehen.", 0), ("Halt", 1)]


def test_quotes_several_sentences_are_one_quote() -> None:
    text = 'Sie sagte: "Wir sparen. Das tut weh. Es geht nicht anders." Danach ging sie.'
    assert outer(text) == ["Wir sparen. Das tut weh. Es geht nicht anders."]


def test_quotes_run_over_paragraphs_when_reopened() -> None:
    text = "Sie sagte: „Wir sparen. Das tut weh.\n\n„Es geht nicht anders.“ Danach ging sie.\n\nEnde."
    (q,) = outer(text)
    assert q.startswith("Wir sparen.") and q.endswith("Es geht nicht anders.")


def test_quotes_unclosed_mark_at_paragraph_end_is_no_quote() -> None:
    text = "Sie sagte: „Wir sparen.\n\nDer Rat stimmte zu. Er sagte „Ja“."
    assert outer(text) == ["Ja"]


@pytest.mark.parametrize(
    "text",
    ["Jetzt geht's los, sagte er.", "Merkels' Politik ist umstritten, sagte Schulz' Sprecher.",
     "Der Bildschirm misst 27\" und wiegt 5 kg.", "Er lief die Strecke in 3'30\" und siegte.",
     "Wie geht’s? Gut, sagte O'Brien."],
)
def test_quotes_apostrophes_and_inch_marks_are_no_quotes(text: str) -> None:
    assert find_quotes(text) == ()


def test_quotes_a_quote_may_end_with_a_number() -> None:
    assert outer('Er sagte: "Wir brauchen 5000". Dann ging er.') == ["Wir brauchen 5000"]


def test_quotes_apostrophe_inside_a_quote_does_not_end_it() -> None:
    text = "Er sagte: 'Jetzt geht's los.' Dann ging er."
    assert outer(text) == ["Jetzt geht's los."]


def test_quotes_offsets_point_into_the_text() -> None:
    text = "A sagte »eins«, B sagte «zwei» und C „drei“."
    for q in find_quotes(text):
        assert text[q.span.begin:q.span.end] == q.text
        assert q.open == q.span.begin - 1 and q.close == q.span.end
