"""Tests of the German language data (kgbuild.lang, src/kgbuild/lang/de/)."""

from __future__ import annotations

import re
import time
from collections import Counter
from importlib import resources

import pycountry
import pytest

from kgbuild.lang import SPEECH_ACTS, Language, LanguageDataError, available, load

DATA = resources.files("kgbuild.lang").joinpath("de")
# The files kgbuild.lang reads and the generator's inputs (cues.tsv belongs to kgbuild.mentions).
TSV_FILES = [
    "attribution_phrases.tsv",
    "countries.tsv",
    "countries_overrides.tsv",
    "country_qids.tsv",
    "first_names.tsv",
    "months.tsv",
    "organizations.tsv",
    "place_ambiguity.tsv",
    "place_exonyms.tsv",
    "persons.tsv",
    "place_adjectives.tsv",
    "places.tsv",
    "pronouns.tsv",
    "regions_extra.tsv",
    "speech_verbs.tsv",
    "speech_verbs_base.tsv",
    "titles.tsv",
    "titles_base.tsv",
    "weekdays.tsv",
]


@pytest.fixture(scope="module")
def de() -> Language:
    return load("de")


def test_lang_load_is_cached_and_complete(de: Language) -> None:
    assert load("de") is de
    assert "de" in available()
    assert len(de.countries) == len(pycountry.countries) + 1  # and XK, Kosovo
    assert len(de.places) > 5000
    assert len(de.organizations) > 200
    assert len(de.titles) > 250
    assert len(de.speech_verbs) > 500
    assert len(de.first_names) > 10_000
    assert de.negation >= {"nicht", "kein", "keine", "niemals"}
    assert {"Der", "Laut", "Regierung", "Polizei"} <= de.stop_capitalised


def test_lang_load_time_is_measured() -> None:
    # Structure, not a time limit (CI machines vary): a fresh parse returns the same data as the cache.
    load.cache_clear()
    start = time.perf_counter()
    fresh = load("de")
    elapsed = time.perf_counter() - start
    assert elapsed > 0
    assert fresh.country("DE").name == "Deutschland"


def test_lang_module_doctest_passes() -> None:
    import doctest

    import kgbuild.lang

    assert doctest.testmod(kgbuild.lang).failed == 0


def test_lang_unknown_language_raises() -> None:
    with pytest.raises(LanguageDataError):
        load("xx")
    with pytest.raises(LanguageDataError):
        load("../de")


def test_lang_every_iso_country_has_a_qid(de: Language) -> None:
    codes = {c.code for c in de.countries}
    assert codes == {c.alpha_2 for c in pycountry.countries} | {"XK"}
    for country in de.countries:
        assert re.fullmatch(r"Q\d+", country.wikidata), country.code
        assert country.names, country.code
    assert de.country("RU").wikidata == "Q159"
    assert de.country("DE").wikidata == "Q183"
    assert de.country("KZ").wikidata == "Q232"


def test_lang_country_spot_checks(de: Language) -> None:
    germany = de.country("DE")
    assert germany.name == "Deutschland"
    assert "deutsch" in germany.adjectives
    assert germany.capital == "Berlin"
    russia = de.country("RU")
    assert russia.adjectives == ("russisch",)
    assert {"Russland", "Russische Föderation"} <= set(russia.names)
    assert "Russlands" in russia.genitives
    assert {"Russe", "Russen", "Russin", "Russinnen"} <= set(russia.demonyms)
    assert russia.capital == "Moskau"
    assert de.country("KZ").capital == "Astana"
    assert "Kasachstans" in de.country("KZ").genitives
    assert {"USA", "Vereinigte Staaten"} <= set(de.country("US").names)
    assert "US-amerikanisch" in de.country("US").adjectives
    assert {"Großbritannien", "Vereinigtes Königreich"} <= set(de.country("GB").names)
    assert "Südkorea" in de.country("KR").names
    assert "Tschechien" in de.country("CZ").names
    assert "Chinesen" in de.country("CN").demonyms


def test_lang_country_forms_resolve(de: Language) -> None:
    expected = {
        "Russen": ("RU", "demonym"),
        "Russin": ("RU", "demonym"),
        "russischen": ("RU", "adjective"),
        "Chinas": ("CN", "genitive"),
        "Kasachstans": ("KZ", "genitive"),
        "Deutschen": ("DE", "demonym"),
        "Australier": ("AU", "demonym"),
        "österreichische": ("AT", "adjective"),
        "britisch": ("GB", "adjective"),
        "Volksrepublik China": ("CN", "name"),
    }
    for form, (code, role) in expected.items():
        found = de.lookup_country(form)
        assert found is not None and (found.code, found.role) == (code, role), form
    sentence_start = de.lookup_country("Russische")
    assert sentence_start is not None and sentence_start.code == "RU"
    assert de.lookup_country("Irgendwo") is None


def test_lang_genitive_rule_skips_sibilants_and_feminine_names(de: Language) -> None:
    assert not any(g.endswith("ss") for g in de.country("BB").genitives)  # Barbados
    assert de.country("CH").genitives == ()  # die Schweiz
    assert de.country("US").genitives == ()  # die USA
    assert "Bundesrepubliks" not in de.country("DE").genitives


def test_lang_country_forms_are_unique_across_countries(de: Language) -> None:
    owners: dict[str, set[str]] = {}
    for c in de.countries:
        for form in (*c.names, *c.genitives, *c.adjective_forms(), *c.demonyms):
            owners.setdefault(form, set()).add(c.code)
    shared = {form: codes for form, codes in owners.items() if len(codes) > 1}
    assert shared == {}


def test_lang_places_spot_checks(de: Language) -> None:
    moscow = de.lookup_places("Moskau")[0]
    assert (moscow.country_code, moscow.kind, moscow.ambiguous) == ("RU", "city", False)
    assert moscow.geonames_id == 524901
    for name, code in {
        "Peking": "CN",
        "Kiew": "UA",
        "Kyjiw": "UA",
        "Warschau": "PL",
        "Prag": "CZ",
        "Rom": "IT",
        "Mailand": "IT",
        "Wien": "AT",
        "München": "DE",
        "Köln": "DE",
        "Astana": "KZ",
        "Zürich": "CH",
        "Genf": "CH",
    }.items():
        places = de.lookup_places(name)
        assert places and places[0].country_code == code, name
    essen = de.lookup_places("Essen")[0]
    assert essen.country_code == "DE" and essen.ambiguous
    assert de.lookup_places("Halle")[0].ambiguous
    assert de.place_adjectives["Pekinger"].name == "Peking"
    assert de.place_adjectives["Moskauer"].country_code == "RU"
    assert de.lookup_places("Hongkong")[0].country_code == "HK"
    bayern = [p for p in de.lookup_places("Bayern") if p.kind == "region"]
    assert bayern and bayern[0].iso_code == "DE-BY"


def test_lang_places_have_a_country_and_a_kind(de: Language) -> None:
    codes = {c.code for c in de.countries}
    for place in de.places:
        assert place.country_code in codes, place
        assert place.kind in ("city", "region")
        assert (place.geonames_id is not None) == (place.kind == "city")
    keys = Counter((p.geonames_id, p.kind) for p in de.places if p.kind == "city")
    assert max(keys.values()) == 1


def test_lang_organizations_spot_checks(de: Language) -> None:
    afp = de.lookup_org("afp")
    assert afp is not None and afp.kind == "agency" and afp.name == "Agence France-Presse"
    assert de.lookup_org("AFP") is afp
    dpa = de.lookup_org("dpa")
    assert dpa is not None and dpa.kind == "agency" and dpa.country == "DE"
    kremlin = de.lookup_org("Kreml")
    assert kremlin is not None and kremlin.kind in ("government", "institution") and kremlin.country == "RU"
    assert de.lookup_org("Interfax") is not None and de.lookup_org("Interfax").is_outlet  # type: ignore[union-attr]
    assert de.lookup_org("NDR").name == "Norddeutscher Rundfunk"  # type: ignore[union-attr]
    assert de.lookup_org("AfD").kind == "party"  # type: ignore[union-attr]
    zeit = de.lookup_org("Die Zeit")
    assert zeit is not None and "Zeit" in zeit.ambiguous_aliases and "Zeit" not in zeit.aliases


def test_lang_wikidata_ids_are_well_formed(de: Language) -> None:
    qids = [o.wikidata for o in de.organizations if o.wikidata] + [p.wikidata for p in de.persons if p.wikidata]
    assert len(qids) >= 20
    for qid in qids:
        assert re.fullmatch(r"Q\d+", qid), qid
    assert de.lookup_org("AFP").wikidata == "Q40464"  # type: ignore[union-attr]
    assert {p.name for p in de.persons} >= {"Wladimir Putin", "Olaf Scholz"}
    assert len({p.wikidata for p in de.persons}) == len(de.persons)


def test_lang_organization_aliases_are_unique(de: Language) -> None:
    counts = Counter(a for o in de.organizations for a in {o.name, *o.aliases})
    assert [a for a, n in counts.items() if n > 1] == []
    assert len({o.name for o in de.organizations}) == len(de.organizations)


def test_lang_speech_verbs_map_to_speech_acts(de: Language) -> None:
    assert de.speech_verb("bestätigte").speech_act == "Confirmation"  # type: ignore[union-attr]
    assert de.speech_verb("dementierte").speech_act == "Denial"  # type: ignore[union-attr]
    assert de.speech_verb("sagte").speech_act == "Statement"  # type: ignore[union-attr]
    promise = de.speech_verb("sagte", "zu")
    assert promise is not None and promise.lemma == "zusagen" and promise.speech_act == "Promise"
    assert de.speech_verb("wies", "zurück").speech_act == "Denial"  # type: ignore[union-attr]
    assert de.speech_verb("kündigte", "an").speech_act == "Announcement"  # type: ignore[union-attr]
    assert de.speech_verb("warf", "vor").speech_act == "Criticism"  # type: ignore[union-attr]
    assert de.speech_verb("forderte").speech_act == "Demand"  # type: ignore[union-attr]
    assert de.speech_verb("hieß").lemma == "heißen"  # type: ignore[union-attr]
    assert "participle" in de.speech_verb("angekündigt").tenses  # type: ignore[union-attr]
    assert "subjunctive1" in de.speech_verb("sage").tenses  # type: ignore[union-attr]
    assert de.speech_verb("sagte", "ab") is None
    assert de.speech_verb("meine") is None and de.speech_verb("bitte") is None
    assert {v.speech_act for v in de.speech_verbs} == SPEECH_ACTS


def test_lang_titles_have_forms_and_compound_heads(de: Language) -> None:
    minister = de.title_by_form["Außenministerin"]
    assert minister.base == "Außenminister"
    assert {"Präsidenten", "Präsidentin"} <= set(de.title_by_form["Präsident"].forms)
    assert de.title_by_form["Vorsitzenden"].base == "Vorsitzender"
    heads = {t.base for t in de.titles if t.compound}
    assert {"Minister", "Sprecher", "Chef"} <= heads


def test_lang_attribution_phrases_and_word_lists(de: Language) -> None:
    patterns = {p.pattern: p for p in de.attribution_phrases}
    assert patterns["laut X"].position == "after"
    assert patterns["X zufolge"].position == "before"
    assert patterns["nach Angaben X"].words == ("nach", "Angaben")
    assert patterns["nach eigenen Angaben"].position == "subject"
    assert patterns["unter Berufung auf X"].relay == "verb"
    assert de.months["Jänner"] == 1 and de.months["Sept."] == 9
    assert sorted(set(de.months.values())) == list(range(1, 13))
    assert de.weekdays["Montag"] == 0 and de.weekdays["Sonnabend"] == 5
    assert de.pronouns["er"].genders == ("m",)
    assert de.first_name_genders.get("Olaf") == "m"


@pytest.mark.parametrize("name", TSV_FILES)
def test_lang_tsv_files_are_well_formed(name: str) -> None:
    lines = [ln for ln in DATA.joinpath(name).read_text(encoding="utf-8").split("\n") if ln]
    comments = [ln for ln in lines if ln.startswith("#")]
    body = [ln for ln in lines if not ln.startswith("#")]
    assert comments, f"{name}: needs a header comment naming its source"
    width = len(body[0].split("\t"))
    assert width >= 2
    for number, line in enumerate(body[1:], start=2):
        assert len(line.split("\t")) == width, f"{name}: data line {number}"
        assert line == line.strip(" "), f"{name}: data line {number} has stray spaces"
    first_cells = [ln.split("\t")[0] for ln in body[1:]]
    if name not in ("places.tsv", "speech_verbs.tsv", "speech_verbs_base.tsv", "place_exonyms.tsv"):
        duplicates = [k for k, n in Counter(first_cells).items() if n > 1]
        assert duplicates == [], f"{name}: duplicate keys {duplicates[:5]}"


def test_lang_speech_verb_keys_are_unique() -> None:
    rows = DATA.joinpath("speech_verbs.tsv").read_text(encoding="utf-8").split("\n")
    keys = [tuple(r.split("\t")[:2]) for r in rows if r and not r.startswith("#")][1:]
    assert len(keys) == len(set(keys))
