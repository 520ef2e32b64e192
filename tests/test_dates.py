"""Tests of kgbuild.dates: German date expressions, found and resolved without guessing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kgbuild import dates
from kgbuild.dates import DateMention, date_for_span, easter_sunday, find_dates, reference_date
from kgbuild.model import DateResolution

TODAY = date(2026, 11, 25)


def only(text: str, **kw: object) -> DateMention:
    """The single date mention of ``text``."""
    ms = find_dates(text, today=TODAY, **kw)  # type: ignore[arg-type]
    assert len(ms) == 1, [m.span.text for m in ms]
    return ms[0]


def values(text: str, **kw: object) -> list[str | None]:
    return [m.value.value if m.value else None for m in find_dates(text, today=TODAY, **kw)]  # type: ignore[arg-type]


# ---------------------------------------------------------------- explicit dates
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Er sprach am 14. Juni 2019 in Lindau.", "2019-06-14"),
        ("Er sprach am 14. Sept. 2019 in Lindau.", "2019-09-14"),
        ("Er sprach am 14.06.2019 in Lindau.", "2019-06-14"),
        ("Er sprach am 7.9.2019 in Lindau.", "2019-09-07"),
        ("Die Sitzung war am 12.04.2016 in Kiel.", "2016-04-12"),
        ("Stand der Daten: 2019-06-14.", "2019-06-14"),
        ("Die Brücke wurde am 9. Jänner 2015 eröffnet.", "2015-01-09"),
        ("Sie kam am 3. März 1999 zur Welt.", "1999-03-03"),
        ("Am 1. Mai 2021 demonstrierten viele.", "2021-05-01"),
        ("Das Treffen am Dienstag, dem 4. Oktober 2022, fiel aus.", "2022-10-04"),
    ],
)
def test_dates_explicit_forms_resolve_to_the_written_day(text: str, expected: str) -> None:
    m = only(text)
    assert m.value is not None
    assert m.value.value == expected
    assert m.value.resolution is DateResolution.EXPLICIT
    assert m.kind == "absolute"
    assert m.span.text == text[m.span.begin : m.span.end]


def test_dates_span_includes_the_preposition_and_records_it() -> None:
    text = "Die Regel gilt seit dem 1. Juli 2007 im ganzen Land."
    m = only(text)
    assert m.span.text == "seit dem 1. Juli 2007"
    assert m.prep == "seit dem"
    assert m.value is not None and m.value.text == "seit dem 1. Juli 2007"


def test_dates_weekday_contradicting_its_date_is_reported_not_guessed() -> None:
    m = only("Am Montag, 14. Juni 2019 trat der Rat zusammen.")  # 14.6.2019 is a Friday
    assert m.value is not None and m.value.value == "2019-06-14"
    assert m.value.resolution is DateResolution.EXPLICIT
    assert m.note is not None and "Montag" in m.note and "Freitag" in m.note


def test_dates_weekday_matching_its_date_has_no_note() -> None:
    m = only("Am Freitag, 14. Juni 2019 trat der Rat zusammen.")
    assert m.note is None


def test_dates_impossible_day_has_no_value() -> None:
    m = only("Der Vertrag vom 31. Februar 2021 ist ungültig.")
    assert m.value is None
    assert m.note is not None


# ---------------------------------------------------------------- years from weekdays
def test_dates_weekday_with_day_and_month_alone_is_not_a_year() -> None:
    # 14 June was a Friday in 2013, 2019 and 2024: the text does not say which; no guess
    text = "Laut AFP erklärte der Präsident am Freitag (14. Juni) in Lindau, er helfe."
    m = only(text)
    assert m.kind == "weekday"
    assert m.value is None
    assert m.note is not None and "years have this weekday" in m.note


def test_dates_weekday_year_is_the_one_year_the_text_mentions() -> None:
    text = "Am Freitag (14. Juni) begann der Prozess. Schon im Jahr 2013 hatte es Streit gegeben."
    assert values(text)[0] == "2013-06-14"  # a Friday, and the only such year named in the text


def test_dates_weekday_year_is_never_after_today() -> None:
    text = "Am Mittwoch, 27. September, wurde gewählt. Schon 2023 und 2017 hatte es Streit gegeben."
    m = find_dates(text, today=date(2023, 9, 26))[0]
    assert m.value is not None and m.value.value == "2017-09-27"  # 2023 would be after today


def test_dates_weekday_result_does_not_depend_on_today() -> None:
    text = "Am Freitag, 6. November, tagte der Rat."
    assert [m.value for m in find_dates(text, today=date(2021, 1, 1))] == \
        [m.value for m in find_dates(text, today=date(2027, 1, 1))] == [None]


def test_dates_two_weekday_dates_share_the_year_of_a_full_date() -> None:
    text = "Am Donnerstag (13. Juni) sprach Meier, am Freitag (14. Juni) Brandt. Am 1. März 2019 nicht."
    vs = values(text)
    assert vs[:2] == ["2019-06-13", "2019-06-14"]


def test_dates_weekday_year_anchors_the_other_day_month_dates() -> None:
    text = (
        "Brandt sagte am Freitag (14. Juni), er helfe. Seit dem Beginn des Streiks am "
        "8. Februar hält er Abstand. Nach der Abstimmung am 3. Juni gingen viele. "
        "Im Jahr 2019 war das so."
    )
    ms = find_dates(text, today=TODAY)
    got = {m.span.text: m.value for m in ms}
    assert got["am 8. Februar"] is not None and got["am 8. Februar"].value == "2019-02-08"
    assert got["am 8. Februar"].resolution is DateResolution.ANCHORED
    assert got["am 3. Juni"] is not None and got["am 3. Juni"].value == "2019-06-03"
    ref = reference_date(text, ms)
    assert ref is not None and ref.value == "2019-06-14" and ref.resolution is DateResolution.WEEKDAY


def test_dates_weekday_date_with_published_year_is_checked_against_the_calendar() -> None:
    m = only("Der Tierpark von Kleinfeld öffnet am Montag, 25. Mai, wieder.", published=date(2020, 5, 20))
    assert m.value is not None and m.value.value == "2020-05-25"
    assert m.value.resolution is DateResolution.PUBLISHED
    assert m.note is None


def test_dates_weekday_date_picks_the_neighbouring_year_that_matches() -> None:
    # 14 June 2020 is a Sunday; the Friday 14 June next to a text of June 2020 is in 2019.
    m = only("Das geschah am Freitag, 14. Juni.", published=date(2020, 6, 10))
    assert m.value is not None and m.value.value == "2019-06-14"
    assert m.value.resolution is DateResolution.WEEKDAY


# ---------------------------------------------------------------- day and month without a year
def test_dates_day_month_without_any_year_has_no_value() -> None:
    m = only("Seit dem 8. Februar herrscht dort Streik.")
    assert m.kind == "partial"
    assert m.value is None
    assert m.note is not None


def test_dates_seit_dem_is_anchored_by_another_full_date() -> None:
    text = "Seit dem 8. Februar herrscht dort Streik. Am 30. September 2019 wurden Verträge unterzeichnet."
    m = find_dates(text, today=TODAY)[0]
    assert m.prep == "seit dem"
    assert m.value is not None and m.value.value == "2019-02-08"
    assert m.value.resolution is DateResolution.ANCHORED


def test_dates_day_month_takes_the_published_year() -> None:
    m = only("Das Konzert fand am 12. Oktober statt.", published=date(2018, 11, 3))
    assert m.value is not None and m.value.value == "2018-10-12"
    assert m.value.resolution is DateResolution.PUBLISHED


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Die Frist endet am 3. Januar.", date(2021, 12, 28), "2022-01-03"),  # the coming January
        ("Er war am 28. Dezember abgereist.", date(2022, 1, 5), "2021-12-28"),  # the past December
        ("Die Wahl soll am 15. März stattfinden.", date(2021, 10, 1), "2022-03-15"),  # future tense
        ("Ab 9. Juni gilt die neue Regel.", date(2016, 5, 20), "2016-06-09"),
        ("Der Streik begann am 8. Februar.", date(2019, 9, 30), "2019-02-08"),
    ],
)
def test_dates_day_month_takes_the_year_nearest_the_article(text: str, published: date, expected: str) -> None:
    assert values(text, published=published) == [expected]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # "seit" is always past, even with a present passive ("wird … gezahlt")
        ("Seit dem 20. Dezember wird das Geld ausgezahlt.", date(2021, 3, 1), "2020-12-20"),
        # past modal + passive infinitive: no future
        ("Das Bad durfte erst am 9. Juni wieder geöffnet werden.", date(2020, 9, 1), "2020-06-09"),
        # a past marker outside brackets still counts
        ("Die Band hätte (so der Plan) am 21. März in Hamburg auftreten sollen.", date(2020, 6, 1), "2020-03-21"),
        # Konjunktiv II is no future
        ("Am 2. April warnte sie, dass das System überlastet werden würde.", date(2020, 11, 20), "2020-04-02"),
        # the future stays future
        ("Am 26. September wird der Bundestag gewählt.", date(2021, 2, 20), "2021-09-26"),
    ],
)
def test_dates_tense_of_the_clause_chooses_the_year(text: str, published: date, expected: str) -> None:
    assert values(text, published=published) == [expected]


def test_dates_weekday_outweighs_tense_but_says_so() -> None:
    # 6 November 2020 was a Friday; 6 November 2021 a Saturday.
    m = only("Die Verordnung gilt bis Freitag, 6. November, und wird nicht verlängert.", published=date(2021, 1, 5))
    assert m.value is not None and m.value.value == "2020-11-06"
    assert m.value.resolution is DateResolution.WEEKDAY
    assert m.note is not None and "against the tense" in m.note


def test_dates_dateline_anchors_the_year_and_is_the_reference() -> None:
    text = (
        "Rathaus ohne Heizung\n\nKiel (Deutschland), 12.04.2016 – Das Thema wurde auf der Sitzung "
        "am 11. April diskutiert."
    )
    ms = find_dates(text, today=TODAY)
    assert [m.kind for m in ms] == ["dateline", "partial"]
    assert ms[1].value is not None and ms[1].value.value == "2016-04-11"
    assert ms[1].value.resolution is DateResolution.ANCHORED
    ref = reference_date(text, ms)
    assert ref is not None and ref.value == "2016-04-12" and ref.resolution is DateResolution.EXPLICIT


def test_dates_a_date_in_a_caption_is_not_a_dateline() -> None:
    text = "Grafik (zuletzt aktualisiert: 14. Juni 2013, 09:12 Uhr)\n\nLinz (Österreich), 14.06.2013 – Heute."
    kinds = [m.kind for m in find_dates(text, today=TODAY)]
    assert kinds == ["absolute", "dateline", "relative"]


# ---------------------------------------------------------------- relative dates
TUESDAY = date(2020, 9, 8)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Meier sagte das am Montag.", "2020-09-07"),  # the Monday before the Tuesday
        ("Die Fähre legte am Dienstagmorgen in Kiel an.", "2020-09-08"),  # the same day
        ("Er sprach am Dienstag in Graz.", "2020-09-08"),
        ("Der Zug hätte bereits am vergangenen Donnerstag fahren müssen.", "2020-09-03"),
        ("Am Donnerstag werde man ihn befragen, hieß es.", "2020-09-03"),  # Konjunktiv: reported, past
        ("Am Sonntag waren Tausende auf der Straße.", "2020-09-06"),
        ("Dienstagabend gab es eine Erklärung.", "2020-09-08"),
        ("In der Nacht zum Sonntag brannte es.", "2020-09-06"),
        ("Die Zahlen werden am Montag vorgelegt.", "2020-09-14"),  # future tense: the next one
        ("Am kommenden Montag beginnt die Schule.", "2020-09-14"),
        ("Er kommt nächsten Freitag.", "2020-09-11"),
        ("Am vergangenen Dienstag war Ruhe.", "2020-09-01"),  # "vergangenen": strictly before
        ("Heute stimmte das Parlament ab.", "2020-09-08"),
        ("Das Treffen war gestern.", "2020-09-07"),
        ("Vorgestern hat er abgesagt.", "2020-09-06"),
        ("Die Entscheidung fällt morgen.", "2020-09-09"),
        ("Das war vor zwei Wochen.", "2020-08-25"),
        ("Das war vor drei Tagen.", "2020-09-05"),
        ("Das war vor einer Woche.", "2020-09-01"),
    ],
)
def test_dates_relative_expressions_count_from_the_publication_date(text: str, expected: str) -> None:
    m = only(text, published=TUESDAY)
    assert m.kind == "relative"
    assert m.value is not None and m.value.value == expected
    assert m.value.resolution is DateResolution.RELATIVE


def test_dates_relative_weekday_counts_from_the_dateline() -> None:
    text = "Graz (Österreich), 16.05.2014 – Die Vereine haben die Fusion am Sonntag abgesagt."
    assert values(text) == ["2014-05-16", "2014-05-11"]


def test_dates_relative_weekday_without_any_reference_has_no_value() -> None:
    m = only("Der Nachbar sagte am Sonntag der Agentur, er sei entsetzt.")
    assert m.value is None and m.note is not None


@pytest.mark.parametrize("text", ["Das geschah vergangene Woche.", "Er zog in der vergangenen Woche nach Kiel."])
def test_dates_a_week_is_not_a_day(text: str) -> None:
    m = only(text, published=TUESDAY)
    assert m.kind == "relative"
    assert m.value is None


@pytest.mark.parametrize(
    "text", ["Am Morgen regnete es.", "Heute Morgen regnete es nicht.", "Am frühen Morgen regnete es."]
)
def test_dates_morgen_as_the_morning_is_not_tomorrow(text: str) -> None:
    vs = values(text, published=TUESDAY)
    assert "2020-09-09" not in vs


def test_dates_relative_years_and_months() -> None:
    text = "Ende vergangenen Jahres, im vergangenen Monat und vor 79 Jahren."
    assert values(text, published=date(2020, 12, 8)) == ["2019", "2020-11", "1941"]


# ---------------------------------------------------------------- months, years, ranges, holidays
def test_dates_month_expressions_have_month_precision() -> None:
    text = "Anfang März kam der Brief, im Juni 2012 die Festnahme, Ende Mai die Feier."
    ms = find_dates(text, published=date(2015, 6, 7), today=TODAY)
    assert [(m.span.text, m.value.value if m.value else None) for m in ms] == [
        ("Anfang März", "2015-03"),
        ("im Juni 2012", "2012-06"),
        ("Ende Mai", "2015-05"),
    ]
    assert all(m.kind == "month" and m.value and m.value.precision == "month" for m in ms)


def test_dates_austrian_month_without_year_or_reference_has_no_value() -> None:
    m = only("Sie sollte Anfang Jänner 40 Sozialstunden leisten.")
    assert m.kind == "month" and m.value is None


def test_dates_year_alone_only_after_a_cue() -> None:
    text = "Im Jahr 1989 fiel das Regime, seit 2015 regiert sie. Die 2013 gegründete Partei hat 2000 Mitglieder."
    assert values(text) == ["1989", "2015"]


@pytest.mark.parametrize("text", ["Der Eintritt kostet ab 2000 Euro.", "Es kamen bis 1990 Menschen."])
def test_dates_amounts_after_a_year_cue_are_not_years(text: str) -> None:
    assert values(text) == []


def test_dates_range_has_start_and_end() -> None:
    m = only("Die Messe läuft vom 3. bis 5. Mai 2023 in Leipzig.")
    assert m.kind == "range"
    assert m.value is not None and m.value.value == "2023-05-03"
    assert m.end is not None and m.end.value == "2023-05-05"


def test_dates_range_across_months_without_year() -> None:
    m = only("Die Ausstellung läuft vom 28. Dezember bis 2. Januar.", published=date(2021, 12, 1))
    assert m.value is not None and m.value.value == "2021-12-28"
    assert m.end is not None and m.end.value == "2022-01-02"


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Der Verkehr ruhte am 1. Weihnachtstag.", date(2016, 12, 28), "2016-12-25"),
        ("Am zweiten Weihnachtsfeiertag war Ruhe.", date(2016, 12, 28), "2016-12-26"),
        ("Das Freibad öffnet an Christi Himmelfahrt.", date(2018, 5, 2), "2018-05-10"),
        ("Zu Silvester gab es Feuerwerk.", date(2021, 1, 10), "2020-12-31"),
        ("Am Ostermontag fuhr kein Zug.", date(2024, 4, 3), "2024-04-01"),
        ("An Ostermontag soll gestreikt werden.", date(2021, 1, 10), "2021-04-05"),
        ("An Ostermontag wird gestreikt.", date(2021, 1, 10), "2021-04-05"),
        ("Zu Ostermontag gab es Staus.", date(2021, 1, 10), "2020-04-13"),  # past tense: last Easter
    ],
)
def test_dates_named_days(text: str, published: date, expected: str) -> None:
    m = only(text, published=published)
    assert m.kind == "holiday"
    assert m.value is not None and m.value.value == expected


def test_dates_silvester_as_a_name_is_no_date() -> None:
    assert values("Silvester Stallone kam nach Berlin.", published=TUESDAY) == []


@pytest.mark.parametrize(
    "year, expected", [(2011, date(2011, 4, 24)), (2020, date(2020, 4, 12)), (2024, date(2024, 3, 31))]
)
def test_dates_easter_sunday(year: int, expected: date) -> None:
    assert easter_sunday(year) == expected


# ---------------------------------------------------------------- numbers that are not dates
@pytest.mark.parametrize(
    "text",
    [
        "Sie erhalten jeweils 1.504 Euro im Monat.",
        "Rund 98.000 Gäste reisten an.",
        "Die Sendung beginnt um 20.15 Uhr.",
        "Die Sitzung des 9. Kreistags war kurz.",
        "Er feierte seinen 60. Geburtstag.",
        "Die COVID-19-Pandemie dauert an.",
        "Das Update 1.2.3 ist da.",
        "Zwischen 1.2. und 3.4. Prozent lag der Wert.",
        "Der 31-jährige Bäcker wurde ausgezeichnet.",
        "Mit 250 km/h und 15:36 Uhr.",
        "Von August Bebel stammt der Satz.",
        "Der Montag ist ein Wochentag.",
    ],
)
def test_dates_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, published=TUESDAY, today=TODAY) == ()


# ---------------------------------------------------------------- reference and span lookup
def test_dates_reference_is_the_given_publication_date() -> None:
    text = "Graz (Österreich), 16.05.2014 – Am Sonntag."
    ms = find_dates(text, published=date(2014, 5, 17), today=TODAY)
    ref = reference_date(text, ms, published=date(2014, 5, 17))
    assert ref is not None and ref.value == "2014-05-17" and ref.resolution is DateResolution.GIVEN
    assert ms[1].value is not None and ms[1].value.value == "2014-05-11"


def test_dates_reference_ignores_a_date_in_a_future_sentence() -> None:
    text = "Am 3. Mai 2017 tagte der Rat. Die Partei wird am 6. Juni 2017 im Landtag vertreten sein."
    ref = reference_date(text, find_dates(text, today=TODAY))
    assert ref is not None and ref.value == "2017-05-03"


def test_dates_reference_is_none_without_dates() -> None:
    text = "Der Bruder erklärte am Sonntag, er sei erleichtert."
    assert reference_date(text, find_dates(text, today=TODAY)) is None


def test_dates_date_for_span_prefers_the_most_specific_and_skips_the_dateline() -> None:
    text = "Augsburg (Deutschland), 14.09.2018 – Im September 2018 und am 13. September redete sie."
    ms = find_dates(text, today=TODAY)
    m = date_for_span(ms, 0, len(text))
    assert m is not None and m.span.text == "am 13. September"
    assert date_for_span(ms, 0, 36) is None  # only the dateline there


def test_dates_date_for_span_prefers_a_plain_date_over_a_boundary() -> None:
    text = "Seit dem 1. März 2011 ist er Landrat, am 25. Mai 2016 feierte er."
    m = date_for_span(find_dates(text, today=TODAY), 0, len(text))
    assert m is not None and m.value is not None and m.value.value == "2016-05-25"


def test_dates_date_for_span_only_inside_the_span() -> None:
    text = "Am 25. Mai 2016 tagte er. Die Feier war schön."
    ms = find_dates(text, today=TODAY)
    assert date_for_span(ms, 26, len(text)) is None


# ---------------------------------------------------------------- language data
def test_dates_month_and_weekday_names_come_from_the_language_pack() -> None:
    from kgbuild.lang import month_names, weekday_names

    months, weekdays = month_names("de"), weekday_names("de")
    assert set(months.values()) == set(range(1, 13)) and months["jänner"] == 1 and months["sept"] == 9
    assert weekdays["montag"] == 0 and weekdays["sonnabend"] == 5 and weekdays["sonntag"] == 6
    assert dict(dates.MONTHS) == dict(months)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das geschah an so vielen Tagen.", []),  # "so" is no Sonntag
        ("Er kam am Do. zurück.", []),  # a bare abbreviation is not trusted
        ("Am Mo., 3. Mai 2021 tagte der Rat.", ["2021-05-03"]),
        ("Am Sonnabend demonstrierten viele.", ["2021-05-01"]),
    ],
)
def test_dates_weekday_abbreviations_only_with_period_and_date(text: str, expected: list[str]) -> None:
    assert values(text, published=date(2021, 5, 5)) == expected


def test_dates_month_names_are_complete() -> None:
    assert set(dates.date_words("de").months.values()) == set(range(1, 13))
    assert set(dates.date_words("de").weekdays.values()) == set(range(7))


def test_dates_finds_nothing_in_an_empty_text() -> None:
    assert find_dates("", today=TODAY) == ()
    assert find_dates("", published=TUESDAY) == ()


def test_dates_default_today_is_used_when_none_given() -> None:
    ms = find_dates("Am Freitag (14. Juni) war es, wie schon 2013.")
    assert ms[0].value is not None
    assert date.fromisoformat(ms[0].value.value) <= date.today() + timedelta(days=1)


def test_dates_doctests_pass() -> None:
    import doctest

    import kgbuild.dates.resolve
    import kgbuild.dates.words

    for module in (dates, kgbuild.dates.resolve, kgbuild.dates.words):
        assert doctest.testmod(module).failed == 0, module.__name__
