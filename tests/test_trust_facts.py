"""The graph never states the opposite of the article (issue 12, item 1).

Negation and content survive an attribution phrase wherever it stands, an office is tied
only to a state the text ties it to, and a claim's date is when it was said. Every
sentence is written for the test.
"""

from __future__ import annotations

import pytest

from kgbuild.model import Claim, Document
from kgbuild.pipeline import extract

PUBLISHED = "2021-03-10"  # a Wednesday


def build(*sentences: str) -> Document:
    return extract("Streit um Feinstaub in Kleinstadt\n\n" + "\n\n".join(sentences) + "\n", published=PUBLISHED)


def only_claim(*sentences: str) -> Claim:
    doc = build(*sentences)
    assert len(doc.claims) == 1, [(c.claimants, c.text) for c in doc.claims]
    return doc.claims[0]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Einen Grenzwert gibt es laut dem Umweltministerium nicht.", "Einen Grenzwert gibt es nicht"),
        ("Laut dem Landratsamt wurden keine Raser erwischt.", "wurden keine Raser erwischt"),
        ("Bei der Kontrolle wurden laut dem Landratsamt keine Raser erwischt.",
         "Bei der Kontrolle wurden keine Raser erwischt"),
        ("Die Straße wird nach Angaben des Landratsamts nie gesperrt.", "Die Straße wird nie gesperrt"),
        ("Dem Landratsamt zufolge gibt es keinen Grenzwert.", "gibt es keinen Grenzwert"),
    ],
    ids=["laut-then-nicht", "laut-first", "laut-inside", "nach-angaben-inside", "zufolge-first"],
)
def test_claims_negation_survives_an_attribution_phrase_in_any_position(sentence: str, text: str) -> None:
    c = only_claim(sentence)
    assert c.negative, c
    assert c.text == text


def test_claims_positive_content_around_a_phrase_stays_positive_and_whole() -> None:
    c = only_claim("Die Zahl der Messstellen stieg laut dem Landratsamt auf zwölf.")
    assert not c.negative
    assert c.text == "Die Zahl der Messstellen stieg auf zwölf"


def test_claims_a_new_speaker_is_no_continuation_of_the_claim_before() -> None:
    doc = build("Laut dem Landratsamt wurden keine Raser erwischt. "
                "Die Verkehrswacht sagte, es gebe zu viele Unfälle.")
    assert all("Verkehrswacht" not in c.span.text for c in doc.claims if c.claimants == ("organization/landratsamt",))


def test_claims_stated_on_is_not_the_date_the_content_mentions() -> None:
    c = only_claim("Laut dem Landratsamt wurden am 3. März keine Raser erwischt.")
    assert c.stated_on is None
    c = only_claim("Der Sprecher Paul Maier sagte am Dienstag, am 3. März sei alles ruhig gewesen.")
    assert c.stated_on is not None and c.stated_on.value == "2021-03-09"


def test_linking_office_is_never_tied_to_the_state_the_article_is_about() -> None:
    doc = build("Landrat Peter Huber sagte, in Tschechien gebe es neue Fälle.",
                "Der Gouverneur von Bali, Wayan Koster, sagte, Gäste aus Tschechien seien willkommen.",
                "Die Lage in Tschechien bleibt ernst.")
    by_title = {p.title: p for p in doc.positions}
    assert by_title["Landrat"].of is None
    assert by_title["Gouverneur"].of == "place/bali"  # the region it names, never the article's state


def test_linking_office_state_from_the_holder_or_a_federal_compound() -> None:
    doc = build("Die Kanzlerin Angela Merkel sagte, man werde die Grenze zu Tschechien nicht schließen.",
                "Bundesgesundheitsminister Jens Spahn erklärte, die Lage in Tschechien sei ernst.",
                "Tschechien und Deutschland wollen reden.")
    by_title = {p.title: p for p in doc.positions}
    assert by_title["Kanzlerin"].of == "country/de"
    assert by_title["Bundesgesundheitsminister"].of == "country/de"
    germany = next(e for e in doc.entities if e.key == "country/de")
    assert germany.alternate_names == ()  # an office title is no name of the state


def test_linking_office_without_a_dominant_state_is_left_without_one() -> None:
    doc = build("Premierminister Karel Novák sagte, die Grenze zu Polen bleibe offen.",
                "Aus Tschechien und Österreich kamen am Montag neue Zahlen.")
    assert next(p for p in doc.positions if p.title == "Premierminister").of is None


def test_linking_office_state_the_article_never_names_is_left_out() -> None:
    doc = build("Bundesgesundheitsminister Jens Spahn erklärte, die Lage in Tschechien sei ernst.")
    assert next(p for p in doc.positions if p.title == "Bundesgesundheitsminister").of is None
    assert "country/de" not in {e.key for e in doc.entities}
