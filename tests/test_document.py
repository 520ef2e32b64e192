"""The claims document: reading what people write, writing what they can read, and exact round trips."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgbuild.document import dump_document, load_document, read_document_text
from kgbuild.errors import DocumentError
from kgbuild.model import (
    ENTITY_KINDS,
    Article,
    Claim,
    DateResolution,
    DateValue,
    Document,
    Entity,
    Event,
    Position,
    Quantity,
    Span,
    SpeechAct,
)
from kgbuild.rdf import to_graph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "de_wikinews_griechenland_vertrauen.claims.yaml"

ARTICLE = (
    "Pilsen – Premierminister Tomáš Dvořák sagte am Montag, der Haushalt sei beschlossen. "
    "Dvořák werde nicht kandidieren, sagte er. Marta Novak will einen neuen Verein gründen."
)

# A hand-written document: names instead of keys, sentences instead of offsets.
HAND = """\
article:
  text: "{text}"
  headline: Haushalt beschlossen
  published: 2019-03-15
entities:
  - name: Tomáš Dvořák
    kind: person
    alternate_names: [Dvořák]
    mentions:
      - {{text: Tomáš Dvořák}}
      - {{text: Dvořák, within: Dvořák werde}}
  - name: Marta Novak
    kind: person
    mentions: [Marta Novak]
  - name: Slowakei
    kind: country
    country_code: SK
    wikidata: Q214
  - name: Pilsen
    kind: place
    contained_in: Slowakei
    mentions: [[0, 6]]
positions:
  - title: Premierminister
    of: Slowakei
    holder: Dvořák
events:
  - type: Founding
    name: Gründung eines neuen Vereins
    agent: Marta Novak
    sentence: Marta Novak will einen neuen Verein gründen.
claims:
  - claimant: Tomáš Dvořák
    cue: sagte
    stated_on: {{value: 2019-03-11, resolution: Relative, text: am Montag}}
    text: der Haushalt sei beschlossen
    sentence: Pilsen – Premierminister Tomáš Dvořák sagte am Montag, der Haushalt sei beschlossen.
  - claimant: tomáš dvořák
    cue: sagte
    speech_act: statement
    negative: true
    about: [Tomáš Dvořák, event/1]
    text: Dvořák werde nicht kandidieren
    sentence: {{text: "Dvořák werde nicht kandidieren, sagte er."}}
"""


def hand(**replacements: str) -> str:
    text = HAND.format(text=ARTICLE)
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def read(text: str, source: str = "claims.yaml", base_dir: Path | None = None) -> Document:
    return read_document_text(text, source=source, base_dir=base_dir or Path("."))


def error_of(text: str, source: str = "path/claims.yaml") -> str:
    with pytest.raises(DocumentError) as info:
        read(text, source)
    return str(info.value)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


# ------------------------------------------------------------------ reading
def test_document_reads_a_hand_written_document() -> None:
    doc = read(hand())
    art = doc.article
    assert art.text == ARTICLE and art.language == "de"
    assert art.published == DateValue("2019-03-15")
    necas = doc.entity("person/tomas-dvorak")
    assert necas is not None and necas.alternate_names == ("Dvořák",)
    assert [m.text for m in necas.mentions] == ["Tomáš Dvořák", "Dvořák"]
    assert necas.mentions[1].begin == ARTICLE.index("Dvořák werde")
    assert doc.entity("country/sk") is not None
    assert doc.entity("place/pilsen") == Entity("place/pilsen", "place", "Pilsen", (), None, None, "country/sk", (
        Span.of(ARTICLE, 0, 6),
    ))  # fmt: skip
    (pos,) = doc.positions
    assert pos.key == "position/premierminister--country-sk--person-tomas-dvorak"
    assert (pos.of, pos.holder) == ("country/sk", "person/tomas-dvorak")
    (event,) = doc.events
    assert event.key == "event/1" and event.types == ("Founding",) and event.agents == ("person/marta-novak",)
    first, second = doc.claims
    assert first.key == "claim/1" and first.claimants == ("person/tomas-dvorak",)
    assert first.stated_on == DateValue("2019-03-11", DateResolution.RELATIVE, "am Montag")
    assert first.span.text.startswith("Pilsen – ") and first.speech_act is SpeechAct.STATEMENT
    assert second.negative and second.about == ("person/tomas-dvorak", "event/1")
    assert second.claimants == ("person/tomas-dvorak",)  # names match regardless of case


def test_document_example_builds_a_graph() -> None:
    doc = load_document(EXAMPLE)
    assert len(doc.claims) == 6 and len(doc.entities) == 8
    assert doc.article.text == (ROOT / "examples" / "de_wikinews_griechenland_vertrauen.txt").read_text("utf-8")
    assert len(to_graph(doc)) > 100


def test_document_text_file_is_read_relative_to_the_document(tmp_path: Path) -> None:
    raw = "Pilsen – Dvořák sagte:\r\nder Haushalt sei beschlossen."
    (tmp_path / "art.txt").write_bytes(raw.encode("utf-8"))
    (tmp_path / "c.yaml").write_text(
        "article:\n  text_file: art.txt\nentities:\n  - {name: Tomáš Dvořák, kind: person, mentions: [Dvořák]}\n"
        "claims:\n  - {claimant: Dvořák, text: der Haushalt sei beschlossen,"
        " sentence: 'der Haushalt sei beschlossen.'}\n",
        encoding="utf-8",
    )
    doc = load_document(tmp_path / "c.yaml")
    assert doc.article.text == raw  # read as it is: no newline translation
    assert doc.claims[0].span.begin == raw.index("der Haushalt")


def test_document_occurrence_all_and_numbered() -> None:
    doc = read(hand(**{"      - {text: Tomáš Dvořák}\n": "      - {text: Dvořák, occurrence: all}\n"}))
    necas = doc.entity("person/tomas-dvorak")
    assert necas is not None
    assert [m.begin for m in necas.mentions] == [ARTICLE.index("Dvořák"), ARTICLE.index("Dvořák werde")] * 1 + [
        ARTICLE.index("Dvořák werde")
    ]
    doc = read(hand(**{"      - {text: Tomáš Dvořák}\n": "      - {text: Dvořák, occurrence: 2}\n"}))
    assert doc.entities[0].mentions[0].begin == ARTICLE.index("Dvořák werde")


# ------------------------------------------------------------------ errors
def test_document_unknown_field_names_file_line_and_field() -> None:
    text = hand(**{"    alternate_names: [Dvořák]": "    alternate_name: [Dvořák]"})
    msg = error_of(text)
    assert msg.startswith(f"path/claims.yaml:{line_of(text, 'alternate_name:')}: entities[0].alternate_name:")
    assert "did you mean 'alternate_names'" in msg


def test_document_unknown_entity_reference() -> None:
    text = hand(**{"  - claimant: Tomáš Dvořák": "  - claimant: Halvorsen"})
    msg = error_of(text)
    assert msg == f"path/claims.yaml:{line_of(text, 'Halvorsen')}: claims[0].claimant: unknown entity 'Halvorsen'"


def test_document_reference_of_the_wrong_kind() -> None:
    text = hand(**{"  - claimant: Tomáš Dvořák": "  - claimant: Pilsen"})
    msg = error_of(text)
    assert f":{line_of(text, 'claimant: Pilsen')}: claims[0].claimant: 'Pilsen' is a place" in msg


def test_document_sentence_not_found() -> None:
    text = hand(**{"der Haushalt sei beschlossen.\n": "der Haushalt ist beschlossen.\n"})
    msg = error_of(text)
    assert f":{line_of(text, 'ist beschlossen.')}: claims[0].sentence: not found in the article" in msg


def test_document_sentence_with_other_quote_marks_gets_a_hint() -> None:
    text = hand(**{"sentence: Pilsen – Premierminister": "sentence: Pilsen - Premierminister"})
    msg = error_of(text)
    assert "not found in the article" in msg and "differs only in quote marks, dashes" in msg
    assert "'Pilsen – Premierminister" in msg


def test_document_ambiguous_text_needs_an_occurrence() -> None:
    text = hand(**{"      - {text: Tomáš Dvořák}\n": "      - {text: Dvořák}\n"})
    msg = error_of(text)
    assert "entities[0].mentions[0].text: 'Dvořák' occurs 2 times" in msg and "occurrence" in msg


def test_document_offsets_must_match_the_text() -> None:
    text = hand(**{"mentions: [[0, 6]]": "mentions: [{text: Brno, offsets: [0, 6]}]"})
    assert "the article has 'Pilsen' at [0, 6], not 'Brno'" in error_of(text)
    assert "not within the article" in error_of(hand(**{"[[0, 6]]": "[[0, 6000]]"}))


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("published: 2019-03-15", "published: 2019-13-15", "article.published", "is not a date"),
        ("published: 2019-03-15", "published: 15.03.2019", "article.published", "YYYY-MM-DD"),
        ("    cue: sagte\n    stated_on", "    cue: sagte\n    speech_act: Aussage\n    stated_on",
         "claims[0].speech_act", "not one of Statement"),
        ("resolution: Relative", "resolution: Guessed", "claims[0].stated_on.resolution", "not one of"),
        ("country_code: SK", "country_code: sk", "entities[2].country_code", "capitals: 'SK'"),
        ("country_code: SK", "country_code: QQ", "entities[2].country_code", "not an ISO 3166-1"),
        ("wikidata: Q214", "wikidata: 214", "entities[2].wikidata", "not a Wikidata item id"),
        ("    kind: person\n    alternate", "    kind: human\n    alternate", "entities[0].kind", "not one of person"),
        ("  - type: Founding", "  - type: Party", "events[0].type", "not one of"),
        ("    negative: true", "    negative: maybe", "claims[1].negative", "expected true or false"),
        ("  - title: Premierminister\n", "  - title:\n", "positions[0].title", "missing"),
        ("  headline: Haushalt beschlossen", "  headline: [Haushalt]", "article.headline", "expected text"),
    ],
)  # fmt: skip
def test_document_schema_errors(old: str, new: str, field: str, message: str) -> None:
    msg = error_of(hand(**{old: new}))
    assert msg.startswith("path/claims.yaml:"), msg
    assert f" {field}: " in msg and message in msg, msg


def test_document_error_lines_point_at_the_field() -> None:
    text = hand(**{"published: 2019-03-15": "published: 2019-02-30"})
    assert error_of(text).startswith(f"path/claims.yaml:{line_of(text, '2019-02-30')}: article.published:")


def test_document_german_thousands_separator_is_caught() -> None:
    text = hand(**{"    agent: Marta Novak\n": "    agent: Marta Novak\n    quantities: [{value: 90.000}]\n"})
    assert "events[0].quantities[0].value: '90.000' reads as a decimal fraction; write 90000" in error_of(text)


def test_document_duplicate_keys_and_fields() -> None:
    text = hand(**{"  - name: Marta Novak\n": "  - name: Marta Novak\n    key: person/tomas-dvorak\n"})
    assert "entities[1].key: key 'person/tomas-dvorak' is already used (line 6)" in error_of(text)
    text = hand(**{"  headline: Haushalt beschlossen\n": "  headline: Haushalt beschlossen\n  headline: x\n"})
    assert "article.headline: field given twice" in error_of(text)


def test_document_ambiguous_name_needs_the_key() -> None:
    text = hand(**{"    mentions: [Marta Novak]\n": "    alternate_names: [Dvořák]\n"})
    assert "'Dvořák' is ambiguous: it names person/marta-novak, person/tomas-dvorak; use the key" in error_of(text)


def test_document_text_and_text_file_exclude_each_other() -> None:
    text = hand(**{"  headline: Haushalt": "  text_file: a.txt\n  headline: Haushalt"})
    assert "exactly one" in error_of(text)


def test_document_missing_text_file(tmp_path: Path) -> None:
    text = hand(**{f'text: "{ARTICLE}"': "text_file: nowhere.txt"})
    with pytest.raises(DocumentError, match=r"claims.yaml:2: article.text_file: cannot read"):
        read(text, str(tmp_path / "claims.yaml"), tmp_path)


def test_document_content_hash_guards_against_edited_articles() -> None:
    doc = read(hand())
    edited = dump_document(doc).replace("Marta Novak will", "Marta Novak wollte")
    msg = error_of(edited)
    assert "article.content_hash: the article text has hash" in msg


def test_document_yaml_syntax_error_has_a_line() -> None:
    msg = error_of("article:\n  text: [unclosed\n")
    assert msg.startswith("path/claims.yaml:") and "not valid YAML" in msg


def test_document_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read"):
        load_document(tmp_path / "missing.yaml")


# ------------------------------------------------------------------ writing
def test_document_round_trips_the_example(tmp_path: Path) -> None:
    doc = load_document(EXAMPLE)
    assert read(dump_document(doc)) == doc
    (tmp_path / "a.txt").write_text(doc.article.text, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(dump_document(doc, text_file="a.txt"), encoding="utf-8")
    assert load_document(tmp_path / "a.yaml") == doc


def test_document_dump_is_readable() -> None:
    out = dump_document(load_document(EXAMPLE))
    assert out.startswith("# kgbuild claims document")
    assert "  - claimant: Giorgos Andrea Papandreou\n" in out  # by name, not by key
    assert "      - {text: Papandreou, offsets: [49, 59]}\n" in out
    assert "  published: {value: 2011-11-06, resolution: Explicit, text: 06.11.2011}\n" in out
    assert "    quote: letzte Chance\n" in out
    assert "  text_file:" not in out and "  text: |-\n    Griechisches Parlament" in out


def _full_document() -> Document:
    t = ARTICLE
    b = t.index("Dvořák werde")
    spans = (Span.of(t, 0, 4), Span.of(t, b, b + 5))
    return Document(
        article=Article(
            text=t,
            headline="Haushalt beschlossen",
            headline_span=Span.of(t, 0, 4),
            authors=("person/y",),
            published=DateValue("2019-03", DateResolution.GIVEN),
            language="de",
            source="a.txt",
            url="https://example.org/x",
        ),
        entities=(
            Entity("person/y", "person", "Yes", ("No",)),  # names YAML 1.1 would read as booleans
            Entity("person/custom-key", "person", "Dvořák", (), None, "Q1", None, spans),
            Entity("person/custom-two", "person", "Dvořák", ()),  # same name: referred to by key
            Entity("country/sk", "country", "Slowakei", (), "SK"),
            Entity("organization/123", "organization", "123"),
            Entity("place/x", "place", "x: y # z", contained_in="country/sk"),
        ),
        positions=(
            Position("position/sprecher", "Sprecher"),
            Position("position/p2", "Premierminister", "country/sk", "person/custom-key", spans[:1]),
        ),
        events=(
            Event(
                "event/7",
                ("Protest", "Meeting"),
                "Demo",
                spans[1],
                DateValue("2019"),
                DateValue("2019-03-12", DateResolution.WEEKDAY, "am Dienstag"),
                ("place/x",),
                ("organization/123",),
                ("person/custom-two", "position/sprecher"),
                (Quantity(90000.0, unit="Menschen", text="rund 90.000", approximate=True), Quantity(None, 1.5, 2)),
            ),
        ),
        claims=(
            Claim("claim/1", ("position/sprecher", "country/sk"), "x", spans[0]),
            Claim(
                "claim/b",
                ("person/custom-two",),
                "Dvořák werde",
                spans[1],
                SpeechAct.DENIAL,
                "dementierte",
                "Dvořák werde",
                ("organization/123",),
                DateValue("2019-03-11"),
                True,
                ("claim/1", "event/7", "position/p2"),
            ),
        ),
        notes=("a note",),
    )


def test_document_round_trips_every_field() -> None:
    doc = _full_document()
    back = read(dump_document(doc))
    assert back == doc
    assert back.notes == doc.notes  # not part of ==, but kept


_names = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30).filter(lambda s: s.strip())


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200))
    spans = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(
        lambda be: Span.of(text, min(be), max(be))
    )
    entities: list[Entity] = []
    for i, name in enumerate(draw(st.lists(_names, max_size=4))):
        kind = draw(st.sampled_from(ENTITY_KINDS))
        entities.append(
            Entity(
                f"{kind}/e{i}",
                kind,
                name,
                tuple(draw(st.lists(_names, max_size=2))),
                mentions=tuple(draw(st.lists(spans, max_size=3))),
            )
        )
    claimants = [e.key for e in entities if e.kind != "place"]
    claims = []
    if claimants:
        for i in range(draw(st.integers(0, 3))):
            claims.append(
                Claim(
                    f"claim/{i + 1}",
                    (draw(st.sampled_from(claimants)),),
                    draw(_names),
                    draw(spans),
                    draw(st.sampled_from(list(SpeechAct))),
                    draw(st.none() | _names),
                    draw(st.none() | _names),
                    negative=draw(st.booleans()),
                )
            )
    headline = draw(st.none() | _names)
    return Document(Article(text, headline=headline), tuple(entities), claims=tuple(claims))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_document_round_trip_property(doc: Document) -> None:
    assert read(dump_document(doc)) == doc


def test_document_dump_keeps_article_text_exact() -> None:
    for text in ("ends with newlines\n\n\n", "  leading spaces\nand\ttabs ", "a\r\nb\rc\u2028d\x85e", "x\n\n"):
        doc = Document(Article(text), (Entity("person/a", "person", "A", mentions=(Span.of(text, 0, 1),)),))
        assert read(dump_document(doc)) == doc


def test_document_hand_written_example_in_module_docstring(tmp_path: Path) -> None:
    import kgbuild.document as module

    example = module.__doc__.split("::\n", 1)[1].split("\n\n:func:", 1)[0]  # type: ignore[union-attr]
    example = textwrap.dedent(example)
    art = ("Stadtrat beschließt den neuen Radweg am Fluss\n\n"
           "Der Radweg werde noch in diesem Jahr fertig, sagte Roth. Eva Roth leitet das Bauamt.\n")
    (tmp_path / "radweg.txt").write_text(art, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(example, encoding="utf-8")
    doc = load_document(tmp_path / "c.yaml")
    assert doc.claims[0].claimants == ("person/eva-roth",)


def test_document_replace_keeps_equality_semantics() -> None:
    doc = read(hand())
    assert replace(doc, notes=("x",)) == doc  # notes do not take part in ==


def test_document_last_words_of_a_name_refer_only_when_unambiguous() -> None:
    text = hand(**{"    alternate_names: [Dvořák]\n": "", "holder: Dvořák": "holder: dvořák"})
    text = text.replace("  - claimant: Tomáš Dvořák", "  - claimant: Dvořák")
    doc = read(text)
    assert doc.claims[0].claimants == ("person/tomas-dvorak",) and doc.positions[0].holder == "person/tomas-dvorak"
    twin = text.replace(
        "  - name: Marta Novak\n", "  - name: Jan Dvořák\n    kind: person\n  - name: Marta Novak\n"
    )
    assert ("positions[0].holder: 'dvořák' is ambiguous: it names person/jan-dvorak, person/tomas-dvorak"
            in error_of(twin))


def test_document_shows_and_round_trips_how_a_pronoun_speaker_was_resolved() -> None:
    from kgbuild.pipeline import extract
    text = ("Kurzmeldungen\n\nDer Minister Peter Kurz sprach in Bonn. Die Ministerin Eva Roth war auch da. "
            "„Das ist gut“, sagte sie.\n")
    doc = extract(text, published="2021-03-02")
    (claim,) = doc.claims
    assert claim.referent is not None and claim.referent.span.text == "sie"
    assert claim.referent.key == claim.claimants[0] == "person/eva-roth"
    assert "gender_agrees" in claim.referent.evidence
    out = dump_document(doc)
    assert "referent:" in out and "gender_agrees" in out
    assert read(out) == doc


def test_document_a_referent_needs_words_score_and_evidence() -> None:
    from kgbuild.pipeline import extract
    doc = extract("Kurzmeldungen\n\nDie Ministerin Eva Roth war da. „Das ist gut“, sagte sie.\n")
    out = dump_document(doc)
    broken = "\n".join(line for line in out.splitlines() if not line.strip().startswith("score:"))
    with pytest.raises(DocumentError, match="score"):
        read(broken)
