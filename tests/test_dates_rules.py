"""Date rules: coordinated days, schedules, the tense of a coordinated clause, idioms and newspaper names."""

from __future__ import annotations

from datetime import date

from kgbuild.dates import find_dates

PUB = date(2021, 3, 2)  # a Tuesday


def _values(text: str, published: date = PUB) -> list[tuple[str, str | None, str | None]]:
    return [(m.span.text, m.value.value if m.value else None, m.end.value if m.end else None)
            for m in find_dates(text, published=published)]


def test_dates_coordinated_days_span_first_to_last() -> None:
    assert _values("Der Markt hat am 8. und 9. März geöffnet.") == [
        ("am 8. und 9. März", "2021-03-08", "2021-03-09")]
    assert _values("Geöffnet ist am 4., 5. und 6. April 2019.") == [
        ("am 4., 5. und 6. April 2019", "2019-04-04", "2019-04-06")]


def test_dates_coordinated_days_need_one_month_after_both() -> None:
    # two full dates joined by "und" stay two dates
    assert [v for _, v, _ in _values("Gewählt wird am 3. März und am 7. April.")] == ["2021-03-03", "2021-04-07"]


def test_dates_schedule_takes_the_nearest_occurrence() -> None:
    # past tense, but a schedule: the coming July, not the last one
    assert _values("Das Turnier hatte man auf den 10. bis 12. Juli angesetzt.", date(2021, 4, 1)) == [
        ("10. bis 12. Juli", "2021-07-10", "2021-07-12")]
    # a schedule in the past stays in the past
    assert _values("Die Sitzung war für den 20. Februar geplant.")[0][1] == "2021-02-20"


def test_dates_schedule_without_plan_word_keeps_the_past_window() -> None:
    assert _values("Das Fest am 10. Juli war gut besucht.", date(2021, 4, 1))[0][1] == "2020-07-10"


def test_dates_coordinated_clause_has_its_own_tense() -> None:
    text = "Der Entwurf sei von zwei Ämtern geprüft worden und solle am Donnerstag verabschiedet werden."
    assert _values(text)[0][1] == "2021-03-04"  # the coming Thursday
    text = "Der Entwurf wurde am Mittwoch geprüft und soll bald beschlossen werden."
    assert _values(text)[0][1] == "2021-02-24"  # the past one


def test_dates_konjunktiv_of_sollen_looks_ahead() -> None:
    assert _values("Das Gremium solle am Freitag entscheiden, hieß es.")[0][1] == "2021-03-05"


def test_dates_newspaper_with_a_weekday_is_no_date() -> None:
    assert _values("Das sagte die Ministerin der Welt am Sonntag.") == []
    assert _values("Wie die Bild am Sonntag schreibt, bleibt er.") == []
    assert _values("Die Abstimmung am Sonntag fiel knapp aus.")[0][1] == "2021-02-28"


def test_dates_idiom_von_heute_auf_morgen_is_no_date() -> None:
    assert _values("Von heute auf morgen standen die Bänder still.") == []
    assert _values("Heute standen die Bänder still.")[0][1] == "2021-03-02"


def test_dates_anaphoric_day_counts_from_the_day_named_before() -> None:
    text = "Am 2. Februar öffnete das Bad. An diesem Tag kamen 300 Gäste. Tags darauf blieb es zu."
    assert _values(text) == [("Am 2. Februar", "2021-02-02", None), ("An diesem Tag", "2021-02-02", None),
                             ("Tags darauf", "2021-02-03", None)]


def test_dates_anaphoric_day_without_a_day_before_has_no_value() -> None:
    assert _values("Am selben Tag kamen 300 Gäste.") == [("Am selben Tag", None, None)]
    assert _values("Am 2. Februar öffnete das Bad.\n\nAm selben Tag kamen 300 Gäste.")[1][1] is None


def test_dates_day_before_a_named_event_is_not_anaphoric() -> None:
    assert _values("Am 2. Februar öffnete das Bad. Am Vortag der Wahl blieb es zu.") == [
        ("Am 2. Februar", "2021-02-02", None)]


def test_dates_day_set_for_something_takes_the_nearest_occurrence() -> None:
    assert _values("Das Rückflugticket für den 14. Mai hat sie schon.", date(2021, 1, 20))[0][1] == "2021-05-14"
    assert _values("Das Rückflugticket vom 14. Mai hat sie noch.", date(2021, 1, 20))[0][1] == "2020-05-14"


def test_dates_bare_weekday_repeats_the_weekday_of_the_date_before() -> None:
    text = "Mittwoch, 24. Februar, 15.55 Uhr: Am Mittwoch stiegen die Zahlen."
    assert [v for _, v, _ in _values(text, date(2021, 3, 7))] == ["2021-02-24", "2021-02-24"]
    # another weekday is counted from the article's date as before
    assert _values("Am 24. Februar kam er. Am Freitag ging er.", date(2021, 3, 7))[1][1] == "2021-03-05"
