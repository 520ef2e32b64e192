"""Tests of kgbuild.quantities: amounts in German text, and numbers that are not amounts."""

from __future__ import annotations

import time
from datetime import date

import pytest

from kgbuild.dates import find_dates
from kgbuild.quantities import QuantityMention, find_quantities, number_word_value


def only(text: str) -> QuantityMention:
    ms = find_quantities(text)
    assert len(ms) == 1, [m.span.text for m in ms]
    return ms[0]


# ---------------------------------------------------------------- amounts
@pytest.mark.parametrize(
    "text, span, value, min_value, max_value, unit, approximate, kind",
    [
        ("Bisher sind rund 98.000 Russen ausgereist.", "rund 98.000 Russen", 98000, None, None, "Russen", True,
         "count"),
        ("Mehr als 1000 Pendler warteten am Bahnhof.", "Mehr als 1000 Pendler", None, 1000, None, "Pendler",
         False, "count"),
        ("Es kamen weniger als 50 Gäste.", "weniger als 50 Gäste", None, None, 50, "Gäste", False, "count"),
        ("Tausende Russen stehen an der Grenze.", "Tausende Russen", None, 1000, None, "Russen", True, "count"),
        ("Dort warten tausende Menschen.", "tausende Menschen", None, 1000, None, "Menschen", True, "count"),
        ("Hunderte Soldaten marschierten.", "Hunderte Soldaten", None, 100, None, "Soldaten", True, "count"),
        ("Dutzende Häuser brannten.", "Dutzende Häuser", None, 12, None, "Häuser", True, "count"),
        ("Zehntausende Menschen demonstrierten.", "Zehntausende Menschen", None, 10000, None, "Menschen", True,
         "count"),
        ("Es geht um zwei Millionen Menschen.", "zwei Millionen Menschen", 2_000_000, None, None, "Menschen",
         False, "count"),
        ("Das kostet 1,5 Millionen Euro.", "1,5 Millionen Euro", 1_500_000, None, None, "Euro", False, "money"),
        ("Etwa 8,3 Millionen Mitglieder dürfen abstimmen.", "Etwa 8,3 Millionen Mitglieder", 8_300_000,
         None, None, "Mitglieder", True, "count"),
        ("Das Budget liegt bei 2,4 Mrd. Euro.", "2,4 Mrd. Euro", 2_400_000_000, None, None, "Euro", False,
         "money"),
        ("Es kassieren vier Landtagsabgeordnete Geld.", "vier Landtagsabgeordnete", 4, None, None,
         "Landtagsabgeordnete", False, "count"),
        ("Es wurden 25 mutmaßliche Hacker festgenommen.", "25 mutmaßliche Hacker", 25, None, None, "Hacker",
         False, "count"),
        ("Er zahlte 6.000 Euro.", "6.000 Euro", 6000, None, None, "Euro", False, "money"),
        ("Die Einnahmen fielen um 30 Prozent.", "30 Prozent", 30, None, None, "Prozent", False, "percent"),
        ("Sie erreicht bis zu 60 Prozent.", "bis zu 60 Prozent", None, None, 60, "Prozent", False, "percent"),
        ("Die Quote lag bei 0,5 %.", "0,5 %", 0.5, None, None, "%", False, "percent"),
        ("Der Wind erreichte 130 km/h.", "130 km/h", 130, None, None, "km/h", False, "measure"),
        ("Der Ort liegt 50 Kilometer westlich.", "50 Kilometer", 50, None, None, "Kilometer", False, "measure"),
        ("Das Lager war nach weniger als einer Woche leer.", "weniger als einer Woche", None, None, 1, "Woche", False,
         "duration"),
        ("Er verbrachte vier Tage dort.", "vier Tage", 4, None, None, "Tage", False, "duration"),
        ("Ungefähr 70 bis 80 Bäckereien beliefert die Mühle.", "Ungefähr 70 bis 80 Bäckereien", None,
         70, 80, "Bäckereien", True, "count"),
        ("Es kamen zwischen 100 und 200 Menschen.", "zwischen 100 und 200 Menschen", None, 100, 200,
         "Menschen", False, "count"),
        ("Es fehlen zwei bis drei Millionen Euro.", "zwei bis drei Millionen Euro", None, 2_000_000,
         3_000_000, "Euro", False, "money"),
        ("Das Urteil lautet auf tausend Stockhiebe.", "tausend Stockhiebe", 1000, None, None, "Stockhiebe",
         False, "count"),
        ("Es starben zweihundertfünfzig Menschen.", "zweihundertfünfzig Menschen", 250, None, None, "Menschen",
         False, "count"),
        ("Es fehlt eine Million Euro.", "eine Million Euro", 1_000_000, None, None, "Euro", False, "money"),
        ("Bei etwa 45.000 dänischen und finnischen Haushalten fiel das Internet aus.",
         "etwa 45.000 dänischen und finnischen Haushalten", 45000, None, None, "Haushalten", True,
         "count"),
        ("Insgesamt sieben bisherige SV-Delegierte wechseln.", "sieben bisherige SV-Delegierte", 7, None, None,
         "SV-Delegierte", False, "count"),
        ("Drei der Verhaftungen geschahen in Portugal.", "Drei der Verhaftungen", 3, None, None, "Verhaftungen", False,
         "count"),
        ("Der Eintritt kostet € 5.", "€ 5", 5, None, None, "€", False, "money"),
        ("Mindestens 12 Menschen starben.", "Mindestens 12 Menschen", None, 12, None, "Menschen", False,
         "count"),
        ("Bisher gibt es rund 204 000 Erkrankte.", "rund 204 000 Erkrankte", 204000, None, None, "Erkrankte",
         True, "count"),
        ("Die Grenze steigt auf 44\u202f590 Euro.", "44\u202f590 Euro", 44590, None, None, "Euro", False,
         "money"),
    ],
)  # fmt: skip
def test_quantities_amounts(
    text: str,
    span: str,
    value: float | None,
    min_value: float | None,
    max_value: float | None,
    unit: str,
    approximate: bool,
    kind: str,
) -> None:
    m = only(text)
    q = m.quantity
    assert m.span.text == span
    assert m.span.text == text[m.span.begin : m.span.end]
    assert (q.value, q.min_value, q.max_value) == (value, min_value, max_value)
    assert q.unit == unit
    assert q.approximate is approximate
    assert m.kind == kind


def test_quantities_text_is_qualifier_and_number_as_written() -> None:
    assert only("Bisher sind rund 98.000 Russen ausgereist.").quantity.text == "rund 98.000"
    assert only("Das kostet 1,5 Millionen Euro.").quantity.text == "1,5 Millionen"


def test_quantities_values_are_exact_numbers() -> None:
    q = only("Etwa 8,3 Millionen Mitglieder dürfen abstimmen.").quantity
    assert q.value == 8300000 and isinstance(q.value, int)  # not 8300000.000000001
    assert isinstance(only("Die Quote lag bei 0,5 Prozent.").quantity.value, float)


def test_quantities_jeweils_marks_an_amount_per_item() -> None:
    m = only("Sie erhalten jeweils 1.507 Euro im Monat.")
    assert m.quantity.value == 1507
    assert m.distributive is True
    assert m.span.text == "jeweils 1.507 Euro"


def test_quantities_elliptic_amounts_inherit_the_unit() -> None:
    text = "Drei der Verhaftungen geschahen in Portugal, elf in Brasilien, sieben in Peru und zwei in Bolivien."
    ms = find_quantities(text)
    assert [(m.quantity.value, m.quantity.unit, m.unit_inherited) for m in ms] == [
        (3, "Verhaftungen", False),
        (11, "Verhaftungen", True),
        (7, "Verhaftungen", True),
        (2, "Verhaftungen", True),
    ]


def test_quantities_no_unit_inherited_across_sentences() -> None:
    ms = find_quantities("Es kamen 40 Menschen. Zehn gingen wieder.")
    assert [m.quantity.value for m in ms] == [40]


def test_quantities_several_amounts_in_one_sentence() -> None:
    text = "Dabei stimmten 153 Abgeordnete dafür, 145 Abgeordnete dagegen, zwei Abgeordnete blieben fern."
    assert [m.quantity.value for m in find_quantities(text)] == [153, 145, 2]


def test_quantities_vague_plural_without_noun() -> None:
    m = only("Hunderte warten vor dem Amt.")
    assert (m.quantity.min_value, m.quantity.unit, m.quantity.approximate) == (100, None, True)


def test_quantities_digits_without_unit_are_kept() -> None:
    m = only("Die Zahl der Toten stieg auf 57, sagte er.")
    assert m.quantity.value == 57 and m.quantity.unit is None


# ---------------------------------------------------------------- not amounts
@pytest.mark.parametrize(
    "text",
    [
        "Die Sitzung des 9. Kreistags war kurz.",
        "Er feierte seinen 60. Geburtstag.",
        "Die Sitzung war am 4. September 2016.",
        "Die Sitzung war am 20.05.2017 in Schwerin.",
        "Stand: 2022-09-27.",
        "Kowalski war im Oktober 2015 verhaftet worden.",
        "Die 2013 in Berlin gegründete Partei wuchs.",
        "Im Jahr 1989 fiel die Mauer.",
        "Er ist seit 2013 Präsident.",
        "Die Sendung beginnt um 20.15 Uhr.",
        "Der Zug fuhr um 15:36 Uhr ab.",
        "Ab acht Uhr abends ruhte der Verkehr.",
        "Die COVID-19-Pandemie hält an.",
        "Der 31-jährige Blogger wurde verurteilt.",
        "Nach Artikel 5 ist das verboten.",
        "Er hat das außer Acht gelassen.",
        "Die Elf spielte gut.",
        "Eine Frau und ein Mann kamen.",
        "Einer mehr als nötig stimmte zu.",
        "Sie wohnt in 06217 Merseburg.",
        "Sie kamen zu viert.",
        "Tore: 1:0 Weber (45.), 2:0 Kaya (69., Elfmeter)",
        "Die Gruppe „Aufbruch 711“ rief zur Demo.",
        "Der TSV 1860 München verlor.",
        "Die Pflegerin Anna Berger, 34, arbeitet dort.",
        "Rufen Sie die Nummer 116 117 an.",
    ],
)
def test_quantities_numbers_that_are_not_amounts(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    "text, values",
    [
        ("Im Mai 120, im Juni 140.", [120, 140]),  # a month before a number is no name
        ("Laut RKI gab es 500 neue Fälle.", [500]),
        ("Die Inzidenz müsse unter 50 sinken.", [50]),
    ],
)
def test_quantities_numbers_after_capitalised_words_that_are_amounts(text: str, values: list[int]) -> None:
    assert [m.quantity.value for m in find_quantities(text)] == values


def test_quantities_year_with_a_noun_right_after_is_an_amount() -> None:
    assert only("Es kamen 2000 Menschen.").quantity.value == 2000
    assert only("Ab 2000 Euro gilt der Satz.").quantity.value == 2000


# ---------------------------------------------------------------- number words
@pytest.mark.parametrize(
    "word, value",
    [
        ("eins", 1), ("vier", 4), ("zwölf", 12), ("siebzehn", 17), ("zwanzig", 20), ("einundzwanzig", 21),
        ("neunundneunzig", 99), ("hundert", 100), ("einhundert", 100), ("hunderteins", 101),
        ("zweihundertfünfzig", 250), ("tausend", 1000), ("eintausend", 1000),
        ("dreitausendvierhundertelf", 3411), ("hunderttausend", 100000), ("Zwölf", 12),
    ],
)  # fmt: skip
def test_quantities_number_word_values(word: str, value: int) -> None:
    assert number_word_value(word) == value


@pytest.mark.parametrize("word", ["", "achtung", "einsam", "elfe", "hundertelfzig", "zweizwei", "undzwanzig"])
def test_quantities_other_words_have_no_number_value(word: str) -> None:
    assert number_word_value(word) is None


def test_quantities_empty_text() -> None:
    assert find_quantities("") == ()


# ---------------------------------------------------------------- speed
_DENSE = (
    "Linz (Österreich), 03.03.2019 – Heute hat die Abstimmung begonnen. ",
    "Rund 6,4 Millionen Bürger sind eingeladen, am Sonntag ihr Votum abzugeben. ",
    "Über 1000 Pendler wurden kontrolliert, Tausende Fans reisten binnen weniger Tage an. ",
    "Der Präsident sagte am Dienstag (27. September), das Land helfe jeweils mit 1.507 Euro. ",
    "Seit dem 24. Februar 2022 herrscht Krieg; vier Abgeordnete trafen sich am 19. Mai um 20.15 Uhr. ",
    "Die 2013 gegründete Partei verlor 30 Prozent, im Jahr 1989 hatte sie noch 25 mutmaßliche Mitglieder. ",
    "Vergangene Woche kamen rund 98.000 Menschen, vor zwei Wochen waren es zwischen 100 und 200. ",
)
_PLAIN = (
    "Die Regierung äußerte sich zunächst nicht zu den Vorwürfen der Opposition. ",
    "Beobachter rechnen mit einem knappen Ergebnis, wie ein Sprecher der Kommission sagte. ",
    "Kritiker werfen ihm vor, die Lage in den Grenzregionen lange unterschätzt zu haben. ",
    "Die Gespräche sollen in der Hauptstadt fortgesetzt werden, hieß es aus Verhandlungskreisen. ",
    "Eine Einigung gilt nach Angaben von Diplomaten als unwahrscheinlich, solange der Streit andauert. ",
)


def _article(n: int, *, plain_per_dense: int = 2) -> str:
    """A made-up article of ``n`` characters: sentences with dates and amounts between plain ones."""
    text, i = "", 0
    while len(text) < n:
        text += _DENSE[i % len(_DENSE)]
        for k in range(plain_per_dense):
            text += _PLAIN[(i * plain_per_dense + k) % len(_PLAIN)]
        i += 1
    return text[:n]


def test_quantities_and_dates_scan_a_5000_character_article_in_under_5_ms() -> None:
    text = _article(5000)  # about 20 dates and 25 amounts, like a dense news article
    assert len(find_dates(text, today=date(2026, 1, 1))) >= 15 and len(find_quantities(text)) >= 15
    best = float("inf")
    for _ in range(7):  # CPU time, best of several rounds: robust against a busy machine
        t0 = time.process_time()
        for _ in range(20):
            find_dates(text, today=date(2026, 1, 1))
            find_quantities(text)
        best = min(best, (time.process_time() - t0) / 20)
    assert best < 0.005, f"{best * 1000:.2f} ms"


def test_quantities_dash_between_falling_amounts_is_no_range() -> None:
    # a range whose lower bound exceeds its upper one would make an invalid graph (min > max)
    found = find_quantities("Das Paket umfasst 750 Milliarden – 390 Milliarden Euro davon als Zuschüsse.")
    assert all(q.quantity.min_value is None or q.quantity.max_value is None
               or q.quantity.min_value <= q.quantity.max_value for q in found)


def test_quantities_threshold_number_is_an_amount_not_a_year() -> None:
    from kgbuild.quantities import find_quantities

    assert [q.quantity.value for q in find_quantities("Die Zahl hat die Marke von 2000 überschritten.")] == [2000]
    assert find_quantities("Er zog 2000 nach Kiel.") == ()


def test_quantities_scaled_number_word_without_unit_is_an_amount() -> None:
    from kgbuild.quantities import find_quantities

    assert [q.quantity.value for q in find_quantities("Die Zahl stieg auf eine Million weltweit.")] == [1000000]
    assert find_quantities("Vier kamen zu spät.") == ()
