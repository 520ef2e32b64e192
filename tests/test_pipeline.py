"""The whole extraction, ``extract(text, published=…)``, on hand-written articles.

What a user relies on across stages: the article frame (headline, authors, date),
evidence spans that are the article text at their offsets, keys that point to nodes
the document has, a deterministic result, and clear errors for bad input.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kgbuild.errors import InputError
from kgbuild.mentions import Lexicon, load_lexicon
from kgbuild.model import DateResolution, Document, Span, SpeechAct
from kgbuild.pipeline import extract

PUBLISHED = "2024-03-05"  # a Tuesday

# An invented article touching every stage: byline, dateline, people with offices,
# a state by adjective and name, an agency as outlet, quotes, indirect speech, a
# continuation, a denial, a back reference, a weekday, a sign-off-free ending.
RICH = (
    "Stadt Bonn hält an der neuen Rheinbrücke fest\n"
    "\n"
    "Von: Lena Hofbauer\n"
    "\n"
    "Bonn – Die Stadt hält trotz steigender Kosten an der neuen Rheinbrücke fest. "
    "Bürgermeisterin Carola Wendt sagte am Montag gegenüber der dpa: „Wir bauen weiter. Das Geld ist da.“ "
    "Die Kosten seien gedeckt.\n"
    "\n"
    "Der französische Verkehrsminister Paul Durand sagte, Frankreich werde sich nicht beteiligen. "
    "Berichte über einen Streit mit Bonn wies Durand zurück.\n"
    "\n"
    "Der Stadtrat hat den Haushalt im Februar beschlossen. Die Brücke soll 2027 fertig sein. "
    "Das sagte Wendt.\n"
)


@pytest.fixture(scope="session", autouse=True)
def lexicon() -> Lexicon:
    """The German lexicon, compiled once (load_lexicon caches it for the whole process)."""
    return load_lexicon("de")


@pytest.fixture(scope="module")
def rich() -> Document:
    return extract(RICH, published=PUBLISHED, source="rheinbruecke.txt")


def all_spans(doc: Document) -> list[Span]:
    spans: list[Span] = [sp for e in doc.entities for sp in e.mentions]
    spans += [sp for p in doc.positions for sp in p.mentions]
    spans += [c.span for c in doc.claims] + [e.span for e in doc.events]
    if doc.article.headline_span is not None:
        spans.append(doc.article.headline_span)
    return spans


def test_pipeline_every_span_is_the_article_text_at_its_offsets(rich: Document) -> None:
    spans = all_spans(rich)
    assert len(spans) > 15
    for sp in spans:
        assert RICH[sp.begin : sp.end] == sp.text, sp


def test_pipeline_spans_count_code_points_past_astral_characters_and_crlf() -> None:
    text = ("Neue Brücke 🌉 eröffnet\r\n\r\nBonn – Die 𝔄-Brücke ist fertig. Carola Wendt sagte am Montag "
            "gegenüber der dpa: „Wir sind froh.“ Der französische Außenminister Paul Durand sagte, "
            "Frankreich zahle mit.\r\n")
    doc = extract(text, published=PUBLISHED)
    spans = all_spans(doc)
    assert {sp.text for sp in spans} >= {"Carola Wendt", "dpa", "französische", "Paul Durand", "Frankreich"}
    for sp in spans:
        assert text[sp.begin : sp.end] == sp.text, sp


def test_pipeline_article_frame(rich: Document) -> None:
    art = rich.article
    assert art.text == RICH
    assert art.headline == "Stadt Bonn hält an der neuen Rheinbrücke fest"
    assert art.authors == ("person/lena-hofbauer",)
    assert art.published is not None
    assert (art.published.value, art.published.resolution) == (PUBLISHED, DateResolution.GIVEN)
    assert (art.language, art.source) == ("de", "rheinbruecke.txt")
    author = rich.entity("person/lena-hofbauer")
    assert author is not None and (author.kind, author.name) == ("person", "Lena Hofbauer")


def test_pipeline_entities(rich: Document) -> None:
    kinds = {e.key: e.kind for e in rich.entities}
    for key, kind in {
        "person/carola-wendt": "person",
        "person/paul-durand": "person",
        "place/bonn": "place",
        "country/fr": "country",
        "organization/deutsche-presse-agentur": "organization",
    }.items():
        assert kinds.get(key) == kind, key
    assert [e.key for e in rich.entities] == sorted(kinds)  # sorted, one entity per key
    fr = rich.entity("country/fr")
    assert fr is not None and fr.country_code == "FR"
    wendt = rich.entity("person/carola-wendt")
    assert wendt is not None and wendt.name == "Carola Wendt"
    assert [sp.text for sp in wendt.mentions] == ["Carola Wendt", "Wendt"]


def test_pipeline_positions(rich: Document) -> None:
    got = {(p.title, p.of, p.holder) for p in rich.positions}
    assert ("Verkehrsminister", "country/fr", "person/paul-durand") in got
    mayor = [p for p in rich.positions if p.title == "Bürgermeisterin"]
    assert [p.holder for p in mayor] == ["person/carola-wendt"]


def test_pipeline_claims(rich: Document) -> None:
    wendt, durand = "person/carola-wendt", "person/paul-durand"
    got = [(c.claimants, c.speech_act, c.negative) for c in rich.claims]
    assert got == [
        ((wendt,), SpeechAct.STATEMENT, False),  # „Wir bauen weiter. Das Geld ist da.“
        ((wendt,), SpeechAct.STATEMENT, False),  # Die Kosten seien gedeckt.
        ((durand,), SpeechAct.STATEMENT, True),  # … werde sich nicht beteiligen
        ((durand,), SpeechAct.DENIAL, True),  # … wies Durand zurück
        ((wendt,), SpeechAct.STATEMENT, False),  # Die Brücke soll 2027 fertig sein. Das sagte Wendt.
    ]
    first = rich.claims[0]
    assert first.quote == "Wir bauen weiter. Das Geld ist da."
    assert first.reported_by == ("organization/deutsche-presse-agentur",)
    assert first.stated_on is not None and first.stated_on.value == "2024-03-04"
    assert rich.claims[1].reported_by == ("organization/deutsche-presse-agentur",)  # same speaker, inherited
    assert rich.claims[4].span.text == "Die Brücke soll 2027 fertig sein. Das sagte Wendt."


def test_pipeline_authors_narrative_sentence_is_no_claim(rich: Document) -> None:
    narrative = ("Die Stadt hält trotz steigender Kosten an der neuen Rheinbrücke fest.",
                 "Der Stadtrat hat den Haushalt im Februar beschlossen.")
    for c in rich.claims:
        assert not any(s in c.span.text for s in narrative), c


def test_pipeline_every_key_points_to_a_node_of_the_document(rich: Document) -> None:
    entities = {e.key for e in rich.entities}
    positions = {p.key for p in rich.positions}
    events = {e.key for e in rich.events}
    for c in rich.claims:
        assert set(c.claimants) <= entities | positions, c
        assert set(c.reported_by) <= entities, c
        assert set(c.about) <= entities | events | positions, c
    for p in rich.positions:
        assert p.of is None or p.of in entities, p
        assert p.holder is None or p.holder in entities, p
    assert set(rich.article.authors) <= entities
    assert [c.key for c in rich.claims] == [f"claim/{n}" for n in range(1, len(rich.claims) + 1)]
    assert len(positions) == len(rich.positions)


def test_pipeline_is_deterministic(rich: Document) -> None:
    again = extract(RICH, published=PUBLISHED, source="rheinbruecke.txt")
    assert again == rich


def test_pipeline_published_as_date_object_equals_string() -> None:
    text = "Titel\n\nCarola Wendt sagte am Montag, die Brücke sei fertig.\n"
    assert extract(text, published=dt.date(2024, 3, 5)) == extract(text, published=PUBLISHED)


def test_pipeline_publication_date_from_the_dateline() -> None:
    doc = extract("Neue Brücke eröffnet\n\nBonn, 04.03.2024 – Die Stadt hat die Brücke eröffnet.\n")
    assert doc.article.published is not None
    assert doc.article.published.value == "2024-03-04"


def test_pipeline_no_publication_date_without_one_in_text_or_arguments() -> None:
    doc = extract("Neue Brücke eröffnet\n\nBonn – Die Stadt hat die Brücke eröffnet.\n")
    assert doc.article.published is None


@pytest.mark.parametrize("text", ["", "   \n\n\t\n"], ids=["empty", "whitespace"])
def test_pipeline_empty_article_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        extract(text, source="leer.txt")


@pytest.mark.parametrize("published", ["05.03.2024", "2024-13-01", "gestern"])
def test_pipeline_bad_publication_date_is_an_input_error(published: str) -> None:
    with pytest.raises(InputError, match="--published"):
        extract("Titel\n\nDie Brücke ist fertig.\n", published=published)


def test_pipeline_headline_only_article() -> None:
    doc = extract("Neue Brücke eröffnet\n", published=PUBLISHED)
    assert doc.article.headline == "Neue Brücke eröffnet"
    assert doc.claims == ()


def test_pipeline_byte_order_mark_is_not_part_of_the_headline() -> None:
    text = "\ufeffNeue Brücke eröffnet\n\nDie Stadt hat die Brücke eröffnet.\n"
    doc = extract(text, published=PUBLISHED)
    assert doc.article.headline == "Neue Brücke eröffnet"
    assert doc.article.headline_span is not None and doc.article.headline_span.begin == 1


@pytest.mark.parametrize("opening, closing", [("„", "“"), ('"', '"'), ("»", "«"), ("«", "»")])
def test_pipeline_quote_over_two_paragraphs_is_one_claim_with_one_quote(opening: str, closing: str) -> None:
    text = ("Stadt spart\n\n"
            f"Die Bürgermeisterin Clara Weidner sagte am Montag: {opening}Wir müssen sparen. Das tut weh.\n\n"
            f"{opening}Aber es geht nicht anders.{closing} Danach verließ sie den Saal.\n")
    doc = extract(text, published="2024-05-13")
    quoted = [c for c in doc.claims if c.quote]
    assert len(quoted) == 1
    quote = quoted[0].quote or ""
    assert quote.startswith("Wir müssen sparen.") and quote.endswith("Aber es geht nicht anders.")


def test_pipeline_hard_wrapped_article_keeps_its_claims() -> None:
    text = ("Stadt spart\n\nDie Bürgermeisterin Clara Weidner sagte am Montag, die Stadt\n"
            "müsse in diesem Jahr deutlich weniger ausgeben. Der Kämmerer Paul Brenner sagte\n"
            "dagegen, die Zahlen seien zu hoch.\n")
    doc = extract(text, published="2024-05-13")
    assert len(doc.claims) == 2
    assert doc.claims[0].span.text.startswith("Die Bürgermeisterin Clara Weidner sagte am Montag, die Stadt\nmüsse")


def test_pipeline_freezes_language_data_after_the_first_article_unless_told_not_to() -> None:
    import os
    import subprocess
    import sys

    code = ("import gc; from kgbuild.pipeline import extract; "
            "extract('Titel\\n\\nDie Stadt plant einen Radweg.', published='2021-03-02'); "
            "print(gc.get_freeze_count() > 0)")
    for setting, frozen in (("1", "True"), ("0", "False")):
        env = {**os.environ, "KGBUILD_GC_FREEZE": setting}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        assert out.stdout.strip() == frozen
