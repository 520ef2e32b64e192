"""Segmentation: headline, byline, dateline, credits, sign-off and sentences, on hand-written articles.

Every article here is invented for the test; none is taken from a corpus. The first
line of an article is its headline, so each text starts with one.
"""

from __future__ import annotations

import pytest

from kgbuild.model import Structure
from kgbuild.segment import READ_ROLES, segment

HEADLINE = "Neue Brücke über die Saale eröffnet"


def article(*paragraphs: str, headline: str = HEADLINE) -> str:
    """An article as a file holds it: headline, blank lines between paragraphs, final newline."""
    return "\n\n".join((headline, *paragraphs)) + "\n"


def texts(s: Structure, *roles: str) -> list[str]:
    """The sentences' texts, only those of the given block roles when any are named."""
    return [x.span.text for x in s.sentences if not roles or x.role in roles]


def assert_offsets(text: str, s: Structure) -> None:
    """Every span of the structure is the article text at its offsets."""
    spans = [b.span for b in s.blocks] + [x.span for x in s.sentences] + list(s.authors) + list(s.credits)
    spans += [x for x in (s.headline, s.dateline, s.signoff) if x is not None]
    for sp in spans:
        assert text[sp.begin : sp.end] == sp.text, sp


def test_segment_first_line_is_the_headline() -> None:
    text = article("Der Stadtrat hat die Brücke am Morgen freigegeben.")
    s = segment(text)
    assert s.headline is not None
    assert s.headline.text == HEADLINE
    assert (s.headline.begin, s.headline.end) == (0, len(HEADLINE))
    assert s.sentences[0].role == "headline"
    assert texts(s, "lead", "body") == ["Der Stadtrat hat die Brücke am Morgen freigegeben."]
    assert_offsets(text, s)


def test_segment_headline_after_leading_blank_lines_keeps_offsets() -> None:
    text = "\n\n  " + article("Der Stadtrat hat die Brücke freigegeben.")
    s = segment(text)
    assert s.headline is not None and s.headline.text == HEADLINE
    assert s.headline.begin == 4
    assert_offsets(text, s)


def test_segment_byline_with_colon_gives_the_author() -> None:
    text = article("Von: Lena Hofbauer", "Der Stadtrat hat die Brücke freigegeben.")
    s = segment(text)
    assert [a.text for a in s.authors] == ["Lena Hofbauer"]
    assert [b.role for b in s.blocks] == ["headline", "byline", "lead"]
    assert "Lena Hofbauer" not in " ".join(texts(s, "lead", "body"))
    assert_offsets(text, s)


def test_segment_byline_with_two_authors() -> None:
    text = article("Von Lena Hofbauer und Malik Okafor", "Der Stadtrat hat die Brücke freigegeben.")
    s = segment(text)
    assert [a.text for a in s.authors] == ["Lena Hofbauer", "Malik Okafor"]
    assert_offsets(text, s)


def test_segment_a_sentence_starting_with_von_is_no_byline() -> None:
    text = article("Der Stadtrat tagte.", "Von der neuen Brücke profitieren vor allem Pendler.")
    s = segment(text)
    assert s.authors == ()
    assert "Von der neuen Brücke profitieren vor allem Pendler." in texts(s, "lead", "body")


def test_segment_dateline_is_split_off_the_first_sentence() -> None:
    text = article("Berlin – Der Senat hat am Dienstag neue Regeln beschlossen. Sie gelten ab Juli.")
    s = segment(text)
    assert s.dateline is not None
    assert s.dateline.text == "Berlin – "
    assert texts(s, "lead", "body") == ["Der Senat hat am Dienstag neue Regeln beschlossen.", "Sie gelten ab Juli."]
    assert_offsets(text, s)


def test_segment_dateline_with_country_and_date() -> None:
    text = article("Kiel (Deutschland), 04.03.2024 – Der Landtag hat getagt.")
    s = segment(text)
    assert s.dateline is not None
    assert s.dateline.text == "Kiel (Deutschland), 04.03.2024 – "
    assert texts(s, "lead", "body") == ["Der Landtag hat getagt."]


def test_segment_photo_credit_line_is_a_credit_not_a_sentence() -> None:
    text = article("Der Stadtrat hat die Brücke freigegeben.", "© dpa", "Die Arbeiten dauerten zwei Jahre.")
    s = segment(text)
    assert [c.text for c in s.credits] == ["© dpa"]
    assert not any("©" in t for t in texts(s))
    assert texts(s, "lead", "body") == ["Der Stadtrat hat die Brücke freigegeben.",
                                        "Die Arbeiten dauerten zwei Jahre."]
    assert_offsets(text, s)


def test_segment_photo_credit_at_the_end_of_a_caption() -> None:
    text = article("Die neue Brücke bei Nacht. © dpa", "Der Stadtrat hat die Brücke freigegeben.")
    s = segment(text)
    assert [c.text for c in s.credits] == ["© dpa"]
    assert not any("©" in t for t in texts(s))
    assert_offsets(text, s)


def test_segment_photo_credit_with_foto_label_leaves_no_sentence() -> None:
    text = article("Der Stadtrat hat die Brücke freigegeben.", "Foto: © dpa", "Die Arbeiten dauerten zwei Jahre.")
    s = segment(text)
    assert texts(s, "lead", "body") == ["Der Stadtrat hat die Brücke freigegeben.",
                                        "Die Arbeiten dauerten zwei Jahre."]


@pytest.mark.parametrize("last", ["Der Rat hat den Plan beschlossen. (abc)",
                                  "Der Rat hat den Plan beschlossen.\n\n(abc)"], ids=["same-line", "own-line"])
def test_segment_signoff_initials_at_the_end(last: str) -> None:
    text = article("Bonn – Der Stadtrat tagte am Abend.", "Die Sitzung dauerte lange.", last)
    s = segment(text)
    assert s.signoff is not None
    assert s.signoff.text == "(abc)"
    assert texts(s, "lead", "body")[-1] == "Der Rat hat den Plan beschlossen."
    assert s.sentences[-1].role == "body"
    assert_offsets(text, s)


@pytest.mark.parametrize(
    "first",
    [
        "Die Brücke wird am 3. Mai eröffnet.",
        "Die Brücke wird am 3. Mai 2025 eröffnet.",
        "Pendler, z.B. aus Halle, sparen Zeit.",
        "Pendler, z. B. aus Halle, sparen Zeit.",
        "Den Entwurf hat Dr. Brenner geprüft.",
        "Den Entwurf hat J. K. Brenner geprüft.",
        "Der Bau kostete ca. 40 Mio. Euro.",
        "Der 2. Bauabschnitt beginnt im Herbst.",
    ],
    ids=["ordinal-date", "ordinal-date-year", "z.B.", "z. B.", "Dr.", "initials", "ca. Mio.", "ordinal"],
)
def test_segment_no_split_after_abbreviation_ordinal_or_initial(first: str) -> None:
    second = "Der Stadtrat ist zufrieden."
    text = article(f"{first} {second}")
    s = segment(text)
    assert texts(s, "lead", "body") == [first, second]
    assert_offsets(text, s)


def test_segment_splits_at_question_and_exclamation_marks() -> None:
    text = article("Kommt die Brücke rechtzeitig? Ja! Der Stadtrat ist zufrieden.")
    assert texts(segment(text), "lead", "body") == ["Kommt die Brücke rechtzeitig?", "Ja!",
                                                    "Der Stadtrat ist zufrieden."]


@pytest.mark.parametrize(
    ("quoted", "rest"),
    [
        ("Sie sagte: „Das ist gut. Wir machen weiter! Oder etwa nicht?“", "Dann ging sie."),
        ("„Das ist gut. Wir machen weiter“, sagte sie.", "Dann ging sie."),
        ("Sie sagte: »Das ist gut. Wir machen weiter.«", "Dann ging sie."),
        ('Sie sagte: "Das ist gut. Wir machen weiter."', "Dann ging sie."),
    ],
    ids=["low-high", "quote-first", "guillemets", "straight"],
)
def test_segment_quote_with_several_sentences_stays_whole(quoted: str, rest: str) -> None:
    text = article(f"Der Stadtrat tagte. {quoted} {rest}")
    s = segment(text)
    assert texts(s, "lead", "body") == ["Der Stadtrat tagte.", quoted, rest]
    assert_offsets(text, s)


def test_segment_paragraphs_are_blocks_and_sentences_point_to_them() -> None:
    text = article("Von: Lena Hofbauer", "Bonn – Der Stadtrat tagte. Er beschloss den Plan.",
                   "Die Opposition war dagegen.")
    s = segment(text)
    assert [b.index for b in s.blocks] == list(range(len(s.blocks)))
    for x in s.sentences:
        blk = s.blocks[x.block]
        assert blk.span.begin <= x.span.begin and x.span.end <= blk.span.end
        assert x.role == blk.role
    assert [x.block for x in s.sentences if x.role in ("lead", "body")] == [2, 2, 3]
    assert_offsets(text, s)


def test_segment_crlf_line_ends_keep_offsets() -> None:
    text = article("Der Stadtrat tagte. Er beschloss den Plan.").replace("\n", "\r\n")
    s = segment(text)
    assert s.headline is not None and s.headline.text == HEADLINE
    assert texts(s, "lead", "body") == ["Der Stadtrat tagte.", "Er beschloss den Plan."]
    assert_offsets(text, s)


# ---------------------------------------------------------------- text as it really arrives
BODY = [
    "Der Gemeinderat von Altdorf hat am Montag nach langer Debatte einen neuen",
    "Haushalt beschlossen. Die Mehrheit war knapp, denn mehrere Abgeordnete der",
    "Opposition stimmten dagegen. Bürgermeisterin Clara Weidner sprach von einem",
    "guten Tag für die Gemeinde und kündigte an, die Schulden bis 2030 zu",
    "halbieren. Der Kämmerer will die Ausgaben für Straßen um ein Viertel kür-",
    "zen.",
]
JOINED = [
    "Der Gemeinderat von Altdorf hat am Montag nach langer Debatte einen neuen Haushalt beschlossen.",
    "Die Mehrheit war knapp, denn mehrere Abgeordnete der Opposition stimmten dagegen.",
    "Bürgermeisterin Clara Weidner sprach von einem guten Tag für die Gemeinde und kündigte an, "
    "die Schulden bis 2030 zu halbieren.",
    "Der Kämmerer will die Ausgaben für Straßen um ein Viertel kür- zen.",
]


def _flat(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["single-newlines", "blank-lines"])
def test_segment_hard_wrapped_lines_join_their_sentences(sep: str) -> None:
    text = HEADLINE + "\n\n" + sep.join(BODY) + "\n"
    s = segment(text)
    assert s.headline is not None and s.headline.text == HEADLINE
    assert [_flat(t) for t in texts(s, "lead", "body")] == JOINED
    assert_offsets(text, s)


def test_segment_hard_wrapped_text_keeps_a_sub_heading_apart() -> None:
    wrapped = "\n".join(BODY[:5]) + "\n" + BODY[5]
    text = HEADLINE + "\n\n" + wrapped + "\nStreit um die Straßen\n" + "\n".join(BODY[:3]) + " Schluss.\n"
    s = segment(text)
    aside = [b.span.text for b in s.blocks if b.role in ("heading", "caption")]
    assert aside == ["Streit um die Straßen"]
    assert len(texts(s, "lead", "body")) == 7
    assert_offsets(text, s)


def test_segment_one_line_article_gives_headline_before_its_dateline() -> None:
    text = ("Altdorf spart: Gemeinderat beschließt knappen Haushalt – die Opposition ist dagegen. "
            "Altdorf – Der Gemeinderat hat am Montag einen neuen Haushalt beschlossen. "
            "Die Mehrheit war knapp. Bürgermeisterin Clara Weidner sprach von einem guten Tag. ")
    text += "Die Schulden sollen sinken. " * 40
    s = segment(text.strip())
    assert s.headline is not None
    assert s.headline.text == "Altdorf spart: Gemeinderat beschließt knappen Haushalt – die Opposition ist dagegen."
    assert s.dateline is not None and s.dateline.text == "Altdorf – "
    body = texts(s, "lead", "body")
    assert body[0] == "Der Gemeinderat hat am Montag einen neuen Haushalt beschlossen."
    assert len(body) == 43


def test_segment_one_line_article_with_a_lead_of_several_sentences_keeps_it() -> None:
    text = ("Der Gemeinderat spart. Ein Risiko bleibt, sagt die Kämmerin. "
            "Altdorf – Der Gemeinderat hat am Montag einen neuen Haushalt beschlossen. ")
    text += "Die Schulden sollen sinken. " * 40
    s = segment(text.strip())
    assert s.headline is None
    assert s.dateline is not None and s.dateline.text == "Altdorf – "
    body = texts(s, "lead", "body")
    assert body[:3] == ["Der Gemeinderat spart.", "Ein Risiko bleibt, sagt die Kämmerin.",
                        "Der Gemeinderat hat am Montag einen neuen Haushalt beschlossen."]


def test_segment_a_long_first_line_is_no_headline() -> None:
    text = " ".join(JOINED) + " " + "Die Schulden sollen bis 2030 deutlich sinken. " * 40
    s = segment(text.strip())
    assert s.headline is None
    assert texts(s, "lead", "body")[0] == JOINED[0]
    assert all(x.role in ("lead", "body") for x in s.sentences)


def test_segment_headline_less_text_keeps_its_first_sentence() -> None:
    text = "Der Gemeinderat hat am Montag getagt.\n\nDie Mehrheit war knapp.\n"
    s = segment(text)
    assert s.headline is None
    assert texts(s, "lead", "body") == ["Der Gemeinderat hat am Montag getagt.", "Die Mehrheit war knapp."]


def test_segment_headline_ending_in_a_verb_particle_stays_a_headline() -> None:
    text = "Bürgermeisterin ruft zum Sparen auf\n\nDer Gemeinderat hat am Montag getagt.\n"
    s = segment(text)
    assert s.headline is not None and s.headline.text == "Bürgermeisterin ruft zum Sparen auf"


def test_segment_multi_paragraph_quote_is_one_sentence() -> None:
    text = article("Die Bürgermeisterin sagte: „Wir sparen. Das tut weh.",
                   "„Aber es geht nicht anders.“ Danach ging sie.")
    s = segment(text)
    body = texts(s, "lead", "body")
    assert body[0].startswith("Die Bürgermeisterin sagte: „Wir sparen.")
    assert body[0].endswith("„Aber es geht nicht anders.“")
    assert body[1] == "Danach ging sie."
    assert_offsets(text, s)


def test_segment_caption_and_credit_set_aside_body_kept() -> None:
    text = article("Die neue Brücke über die Saale bei Nacht", "Foto: Anna Beispiel",
                   "Halle – Der Stadtrat hat die Brücke freigegeben. Sie kostete 40 Millionen Euro.")
    s = segment(text)
    assert [b.role for b in s.blocks][:2] == ["headline", "caption"]
    assert texts(s, "lead", "body") == ["Der Stadtrat hat die Brücke freigegeben.", "Sie kostete 40 Millionen Euro."]


def test_segment_coverage_counts_read_sentences_only() -> None:
    from kgbuild.segment import coverage

    text = HEADLINE + "\n\n" + "\n".join(BODY) + "\n"
    s = segment(text)
    share = coverage(text, s)
    head = sum(1 for c in HEADLINE if not c.isspace())
    assert share == pytest.approx(1 - head / sum(1 for c in text if not c.isspace()))


def test_segment_number_then_article_ends_a_sentence() -> None:
    text = article("Die Zahl der Fälle stieg von 6 auf 92. Der Anteil wuchs am 3. Mai weiter.")
    assert texts(segment(text), "lead", "body") == ["Die Zahl der Fälle stieg von 6 auf 92.",
                                                    "Der Anteil wuchs am 3. Mai weiter."]


def test_segment_a_paragraph_in_square_brackets_is_an_editors_insert_not_text() -> None:
    text = ("Neue Brücke eröffnet\n\nDie Brücke ist fertig. Sie kostet viel.\n\n"
            "[Alle Nachrichten aus der Stadt lesen Sie in unserer App. Jetzt herunterladen.]\n\n"
            "Die Bauarbeiten dauerten zwei Jahre.\n")
    s = segment(text)
    roles = {x.span.text[:4]: x.role for x in s.sentences}
    assert roles["[All"] not in READ_ROLES
    assert roles["Die "] in READ_ROLES and roles["Sie "] in READ_ROLES
