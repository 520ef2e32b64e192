"""The statistical named-entity labeller: the shipped model, its spans, and its part in the mentions stage.

Every sentence here is invented for the test; the names are made up or common.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from kgbuild.mentions import Lexicon, find_mentions, load_lexicon, tokenize
from kgbuild.mentions.ner import complete_names, find_spans, load_clusters, load_tagger, model_info, propagate, spans_of
from kgbuild.model import Mention
from kgbuild.segment import segment


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon("de")


def mentions(text: str, lex: Lexicon) -> dict[str, Mention]:
    s = segment(text)
    return {m.span.text: m for m in find_mentions(s, tokenize(text, s.sentences), lex)}


def article(*paragraphs: str) -> str:
    return "\n\n".join(("Neuer Radweg am Stadtrand", *paragraphs)) + "\n"


def spans(sentence: str, lex: Lexicon) -> dict[str, str]:
    words = sentence.split()
    return {" ".join(words[b:e]): kind for b, e, kind in find_spans(words, lex)}


def test_ner_model_ships_with_metadata() -> None:
    files = resources.files("kgbuild").joinpath("models")
    assert files.joinpath("ner-de.crfsuite").is_file()
    meta = json.loads(files.joinpath("ner-de.json").read_text(encoding="utf-8"))
    assert meta == model_info()
    assert len(meta["training_data"]["sha256"]) == 64
    assert meta["dev_score"]["f1"] > 0.7
    assert files.joinpath("ner-de.crfsuite").stat().st_size < 40_000_000  # type: ignore[attr-defined]


def test_ner_model_loads_once(lexicon: Lexicon) -> None:
    assert load_tagger(lexicon) is load_tagger(lexicon) is not None


def test_ner_tags_a_sentence(lexicon: Lexicon) -> None:
    got = spans("Die Bürgermeisterin Henrike Sollmann besuchte am Dienstag das Rathaus in Kleinwelka .", lexicon)
    assert got.get("Henrike Sollmann") == "person"
    assert got.get("Kleinwelka") == "place"
    assert "Rathaus" not in got and "Dienstag" not in got


def test_ner_spans_of_iob2() -> None:
    assert spans_of(["O", "B-ORG", "I-ORG", "B-PER", "O", "I-LOC"]) == [(1, 3, "ORG"), (3, 4, "PER"), (5, 6, "LOC")]


def test_ner_unknown_surname_alone_is_a_person(lexicon: Lexicon) -> None:
    text = article("Nach Angaben von Wolterdingen reichte das Geld nicht aus. "
                   "Das sagte Brackmeyer am Abend vor dem Stadtrat.")
    m = mentions(text, lexicon)
    assert m["Brackmeyer"].kind == "person"


def test_ner_first_name_only_speaker(lexicon: Lexicon) -> None:
    text = article("„Wir fahren jeden Tag mit dem Rad zur Schule“, sagt Jannik.")
    assert mentions(text, lexicon)["Jannik"].kind == "person"


def test_ner_unknown_company_and_club(lexicon: Lexicon) -> None:
    text = article("Die Firma Korbacher Stahlbau GmbH liefert die Brücke. "
                   "Am Samstag spielt der TSV Oberfelden gegen den SV Eintracht Wollbach.")
    m = mentions(text, lexicon)
    kinds = {t: x.kind for t, x in m.items()}
    assert any(k == "organization" and "Stahlbau" in t for t, k in kinds.items())
    assert any(k == "organization" and "Oberfelden" in t for t, k in kinds.items())


def test_ner_place_named_organisation_stays_whole(lexicon: Lexicon) -> None:
    text = article("Forscher der Universität Hamburg haben den Radweg untersucht.")
    m = mentions(text, lexicon)
    assert m["Universität Hamburg"].kind == "organization"
    assert "Hamburg" not in m


def test_ner_gazetteer_still_links(lexicon: Lexicon) -> None:
    text = article("Der Radweg führt bis nach Frankreich und Dresden.")
    m = mentions(text, lexicon)
    assert m["Frankreich"].kind == "country" and m["Frankreich"].key == "country/fr"
    assert m["Dresden"].kind == "place" and m["Dresden"].key is not None


@pytest.mark.parametrize("sentence", [
    "Insgesamt kamen mehr als dreihundert Menschen zur Eröffnung.",
    "Das Handbuch (ISBN 978-3-16-148410-0) gibt es auch als PDF und auf DVD.",
    "Der Aufsatz ist unter der DOI 10.1000/182 zu finden, als MP3 gibt es ihn nicht.",
])
def test_ner_false_friends_are_no_organisations(lexicon: Lexicon, sentence: str) -> None:
    m = mentions(article(sentence), lexicon)
    for word in ("Insgesamt", "ISBN", "PDF", "DVD", "DOI", "MP3"):
        assert word not in m, word


def test_ner_propagate_gives_a_name_one_reading_per_article() -> None:
    words = ("Die Gärtnerei Lindquist hat Jonte Vahrenkamp eingestellt . Vahrenkamp mag Lindquist , "
             "sagt Gärtnerei Lindquist").split()
    tags = ["O"] * len(words)
    tags[1:3] = ["B-ORG", "I-ORG"]
    tags[4:6] = ["B-PER", "I-PER"]
    tags[10] = "B-LOC"
    propagate(words, tags, ("PER", "LOC", "ORG"))
    assert tags[8] == "B-PER"  # the surname alone
    assert tags[10] == "B-LOC"  # a tagged occurrence keeps its tag
    assert tags[13:15] == ["B-ORG", "I-ORG"]  # the whole name, not its last word
    before = ["O"] * 3
    propagate(["die", "wir", "ja"], before, ("PER",))
    assert before == ["O"] * 3


def test_ner_complete_names_takes_the_noun_after_an_isch_adjective() -> None:
    words = "Der Bund Oberländischer Winzer und die Thüringische Landesbank".split()
    tags = ["O", "B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG"]
    assert complete_names(words, list(tags))[3] == "I-ORG"
    assert complete_names(words, ["O", "B-LOC", "I-LOC", *["O"] * 5])[3] == "O"  # only organisations
    assert complete_names(["Verband", "Hessischer", "und"], ["B-ORG", "I-ORG", "O"])[2] == "O"


def test_ner_clusters_carry_several_granularities_and_rates() -> None:
    clusters = load_clusters()
    assert len(clusters) > 50_000
    ids, _, rates = clusters["und"].partition("\t")
    assert len(ids.split(".")) >= 3 and all(x.isdigit() for x in ids.split("."))
    assert {r[0] for r in rates.split()} >= {"d", "p", "f"}

    def rate(word: str, kind: str) -> int:
        return next(int(r[1:]) for r in clusters[word].split("\t")[1].split() if r[0] == kind)

    assert rate("Insgesamt", "l") > rate("Regierung", "l")  # a false friend: mostly written "insgesamt"
    assert rate("Haus", "d") > rate("Berlin", "d")  # a noun follows an article, a place name rarely
    assert rate("Berlin", "p") > rate("Haus", "p")  # ... but "in", "aus", "nach"


def _germeval_module():  # type: ignore[no-untyped-def]
    from pathlib import Path

    from conftest import load_script

    return load_script(Path(__file__).resolve().parents[1] / "bench" / "germeval.py", "kgbuild_bench_germeval")


def test_ner_germeval_reads_the_official_tsv_and_scores_outer_spans(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ge = _germeval_module()
    f = tmp_path / "mini.tsv"
    f.write_text(
        "#\thttp://example.org/a\t[2024-01-01]\n"
        "1\tFrau\tO\tO\n2\tKarla\tB-PER\tO\n3\tLindholm\tI-PER\tO\n4\tvom\tO\tO\n"
        "5\tFC\tB-ORG\tO\n6\tSüdstadt\tI-ORG\tB-LOC\n7\tlobt\tO\tO\n8\tdeutsche\tB-LOCderiv\tO\n"
        "9\tVer\u00adeine\tO\tO\n\n",
        encoding="utf-8")
    [(words, tags)] = ge.read_germeval(f)
    assert words[8] == "Vereine"  # soft hyphen removed, as in the cleaned dev and test files
    assert ge.spans(tags) == {(1, 3, "PER"), (4, 6, "ORG")}  # outer level only; LOCderiv is not scored
    pred = ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"]
    res = ge.score([tags], [pred])
    assert (res["all"]["precision"], res["all"]["recall"]) == (0.5, 0.5)
    assert res["PER"]["f1"] == 1.0 and res["ORG"]["f1"] == 0.0
