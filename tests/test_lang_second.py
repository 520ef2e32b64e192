"""A second language is a new folder: a tiny pack of a few entries, built here, runs the whole pipeline.

Nothing German may reach a text in that language: not the German speech verbs, months, quotation
rules, abbreviations or number words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import kgbuild.lang
from kgbuild.dates import find_dates
from kgbuild.pipeline import extract
from kgbuild.quantities import find_quantities
from kgbuild.segment import segment

PACK = {
    "abbreviations.txt": "Mr.\nDr.\n",
    "quotes.tsv": "open\tclose\tkind\n“\t”\tdouble\n\"\t\"\tdouble\n",
    "continuation_words.txt": "the\na\nof\nand\nto\n",
    "byline_words.txt": "By\n",
    "countries.tsv": "code\tqid\tnames\tgenitives\tadjectives\tdemonyms\tcapital\n"
                     "FR\tQ142\tFrance\tFrance's\t\tFrenchman|French\tParis\n",
    "first_names.tsv": "name\tgender\nAnna\tf\n",
    "speech_verbs.tsv": "form\tparticle\tlemma\tspeech_act\ttenses\nsaid\t\tsay\tStatement\tpast\n"
                        "says\t\tsay\tStatement\tpresent\n",
    "cues.tsv": "Statement\t\t\tsaid,says\n",
    "months.tsv": "number\tnames\n" + "".join(
        f"{n}\t{m}\n" for n, m in enumerate(["January", "February", "March", "April", "May", "June", "July",
                                              "August", "September", "October", "November", "December"], 1)),
    "weekdays.tsv": "number\tnames\n" + "".join(
        f"{n}\t{d}\n" for n, d in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                              "Saturday", "Sunday"])),
    "dates.tsv": "list\tword\tvalue\nday_word\tyesterday\t-1\nday_word\ttoday\t0\npreposition\ton\t\n"
                 "weekday_preposition\ton\t\nyear_cue\tin\t\nyear_preposition\tin\t\n",
    "quantities.tsv": "list\tword\tvalue\nunit\tthree\t3\npercent\tpercent\t\nscale_form\tmillion\t1000000\n",
    "claims.tsv": "list\tword\tvalue\nnegation\tnot\t\ndeterminer\tthe\t\n",
    "event_triggers.tsv": "protest\tprefix\tProtest\tProtest\n@loc\tin\n",
}


@pytest.fixture(scope="module")
def xx(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder: Path = tmp_path_factory.mktemp("lang") / "xx"
    folder.mkdir()
    for name, text in PACK.items():
        (folder / name).write_text(text, encoding="utf-8")
    kgbuild.lang.register("xx", folder)
    return "xx"


def test_lang_second_pack_is_registered(xx: str) -> None:
    assert "xx" in kgbuild.lang.available()
    assert kgbuild.lang.month_names(xx)["may"] == 5


def test_lang_second_pack_segments_by_its_own_rules(xx: str) -> None:
    text = "Harbour reopens\n\nMr. Smith spoke today. He said: “We open. We stay.” Then he left."
    s = segment(text, lang=xx)
    assert [x.span.text for x in s.sentences if x.role in ("lead", "body")] == [
        "Mr. Smith spoke today.", "He said: “We open. We stay.”", "Then he left."]
    # German rules do not apply: „…“ is no quotation in this pack, and "bzw." is no abbreviation
    s = segment("Titel\n\nEr sagte bzw. Sie. „Ja. Nein.“ Ende.", lang=xx)
    assert len([x for x in s.sentences if x.role in ("lead", "body")]) == 5


def test_lang_second_pack_dates_and_quantities(xx: str) -> None:
    published = dt.date(2024, 5, 10)
    found = [(m.span.text, m.value.value if m.value else None)
             for m in find_dates("It rained on 3 May 2024 and yesterday, not am 3. Mai 2024.", published=published,
                                 lang=xx)]
    assert ("yesterday", "2024-05-09") in found
    assert not any("Mai" in t for t, _ in found)
    amounts = [(q.span.text, q.quantity.value) for q in find_quantities("Prices rose three percent, drei Prozent.",
                                                                        lang=xx)]
    assert amounts == [("three percent", 3)]


def test_lang_second_pack_runs_the_whole_pipeline(xx: str) -> None:
    text = ("Harbour reopens in France\n\n"
            "Anna Smith said: “The harbour opens today.” The French celebrated. "
            "Hans Meier sagte: „Das ist gut.“\n")
    doc = extract(text, published="2024-05-10", lang=xx)
    assert doc.article.language == xx
    keys = {e.key for e in doc.entities}
    assert "country/fr" in keys
    assert any(k.startswith("person/anna-smith") for k in keys)
    (claim,) = doc.claims  # the German sentence is no claim in this language
    assert claim.quote == "The harbour opens today."
    assert claim.claimants and claim.claimants[0].startswith("person/anna-smith")
