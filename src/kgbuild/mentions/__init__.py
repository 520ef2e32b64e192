"""Find mentions of people, states, places and organisations, and the titles of offices.

The rules work on capitalisation, gazetteers and word lists (``lang/<code>/``):

* gazetteer names (states with their adjectives and demonyms, cities and regions,
  news agencies, media, parties, international bodies), longest match first;
* people: a known first name followed by capitalised words, a name after a title
  ("Regierungssprecher Karl Beispiel", "Außenministerin Eva Muster"), a name in
  apposition to a title ("Der Präsident von Finnland, Sauli Niinistö,"),
  and, once a person is known, the surname alone or in the genitive ("Putins");
* organisations: an acronym defined in brackets ("Norddeutschen Rundfunks (NDR)"),
  a name after a type noun ("der Zeitung Irish Independent"), compounds
  with an institution head ("Verteidigungsministerium", "Landesverwaltungsamt");
* places: a name after a place noun ("Grenzübergang Mariinsky", "die Stadt Bir Hakim"),
  the places of a dateline.

German capitalises every noun, so a capitalised word is a name candidate only when it
is not a known common word (the lexicon's ``is_common``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from kgbuild import lang as lang_data
from kgbuild.mentions import ner
from kgbuild.mentions.institutions import (
    article_territory,
    compound_heads,
    find_institutions,
    national_name,
    qualified_variant,
    token_at_end,
    town_of_adjective,
)
from kgbuild.mentions.lexicon import GazEntry, Lexicon, load_lexicon
from kgbuild.model import Mention, Span, Structure, TitleMention
from kgbuild.text import Tokens, tokenize

__all__ = ["Tokens", "find_mentions", "find_titles", "tokenize", "load_lexicon", "Lexicon", "GazEntry",
           "honorific_gender", "address_words"]

def _name_words(lang: str, list_name: str) -> Mapping[str, str]:
    """One list of ``lang/<lang>/names.tsv`` (read once per language by the loader's cache)."""
    return lang_data.word_lists(lang, "names.tsv").get(list_name, {})


def _cap(w: str) -> bool:
    return bool(w) and w[0].isupper()


def find_titles(toks: Tokens, lex: Lexicon) -> list[TitleMention]:
    """Titles of offices and roles: "Präsident", "Kreml-Sprecher", "Außenministerin"."""
    out: list[TitleMention] = []
    for i in range(len(toks)):
        w = toks.word(i)
        if not _cap(w):
            continue
        hit = lex.title_of(w)
        if hit is None:
            continue
        base, of_hint = hit
        out.append(TitleMention(Span.of(toks.text, toks.starts[i], toks.ends[i]), base, of_hint,
                                toks.sentence_of[i]))
    return out


def find_mentions(structure: Structure, toks: Tokens, lex: Lexicon) -> list[Mention]:
    """All entity mentions of an article, without overlaps, in text order."""
    text = toks.text
    occupied = bytearray(len(text))  # 1 where a mention already stands: overlap tests in O(length)
    out: list[Mention] = []

    def free(b: int, e: int) -> bool:
        return occupied.find(1, b, e) == -1

    def add(m: Mention) -> None:
        out.append(m)
        occupied[m.span.begin:m.span.end] = b"\x01" * (m.span.end - m.span.begin)

    def release(m: Mention) -> None:
        out.remove(m)
        occupied[m.span.begin:m.span.end] = bytes(m.span.end - m.span.begin)

    sent_of_offset = _sentence_index(structure)

    # 1. gazetteer names, longest first
    for b, e, entry in lex.match(text, structure):
        if free(b, e):
            name = entry.name
            if entry.kind == "person":  # the form as written becomes an alternate name ("Putin")
                name = text[b:e].rstrip("'")
                name = name[:-1] if entry.role == "genitive" and name.endswith("s") else name
            add(Mention(Span.of(text, b, e), entry.kind, name, entry.key, entry.role, sent_of_offset(b)))

    # 1b. a state's government named by its adjective: "der australischen Regierung"
    # (the adjective stays a mention of the state too)
    # and its parliament, by its adjective or genitive: "das griechische Parlament", "Chiles Kongress"
    for adj in [x for x in out if x.kind == "country" and x.role in ("adjective", "genitive")]:
        gm = _STATE_BODY.match(text, adj.span.end)
        if gm is None or adj.role == "genitive" and gm.group(1).startswith(("Regierungen", "Führung")):
            continue
        stem = _adjective_stem(adj.span.text) if adj.role == "adjective" \
            else _state_adjectives(lex.lang).get(adj.key or "")
        if stem is None:
            continue
        hb = gm.start(1)  # the head noun is the mention; the adjective or genitive names whose
        add(Mention(Span.of(text, hb, gm.end(1)), "organization",
                    f"{stem}e {_STATE_BODIES[gm.group(1)]}", None, "name", adj.sentence))
    # 2. dateline places not in the gazetteer
    if structure.dateline is not None:
        dl = structure.dateline
        for m in re.finditer(r"[A-ZÄÖÜ][\w.'’-]*(?: [A-ZÄÖÜa-z][\w'’-]+)*", dl.text):
            word = m.group()
            if word in lex.stop or not free(dl.begin + m.start(), dl.begin + m.end()):
                continue
            b = dl.begin + m.start()
            add(Mention(Span.of(text, b, b + len(word)), "place", word, None, "name", sent_of_offset(b)))

    # 3. people
    # a first name right before a one-word place or organisation is a person's name: "Eva Roth",
    # "Lena Essen", "Karin Spiegel"
    one_word_at = {m.span.begin: m for m in out if m.kind in ("place", "organization") and m.role == "name"
                   and " " not in m.span.text and not m.span.text.isupper()}
    for i in range(len(toks) - 1):
        nxt = one_word_at.get(toks.starts[i + 1])
        if nxt is not None and nxt.span.end == toks.ends[i + 1] and toks.sentence_of[i] == toks.sentence_of[i + 1] \
                and lex.is_first_name(toks.word(i)) and not lex.is_common(toks.word(i)) \
                and free(toks.starts[i], toks.ends[i]) and toks.ends[i] + 1 == toks.starts[i + 1]:
            release(nxt)
    place_begins = {m.span.begin for m in out if m.kind == "place"}
    # and a one-word place that is also a first name, right before a capitalised word that is no noun,
    # no known name and no function word, is a person's first name: "Paris Hilton", "Florenz Okafor"
    for i in range(len(toks) - 1):
        here = next((m for m in out if m.span.begin == toks.starts[i] and m.kind == "place" and m.role == "name"),
                    None) if toks.starts[i] in place_begins else None
        w = toks.word(i)
        nw = toks.word(i + 1)
        if here is not None and here.span.end == toks.ends[i] and lex.is_first_name(w) \
                and toks.sentence_of[i] == toks.sentence_of[i + 1] and toks.ends[i] + 1 == toks.starts[i + 1] \
                and _surname_like(nw, lex) and free(toks.starts[i + 1], toks.ends[i + 1]):
            release(here)
    persons = _find_persons(toks, lex, free)
    for b, e, name in persons:
        if free(b, e):
            add(Mention(Span.of(text, b, e), "person", name, None, "name", sent_of_offset(b)))
    # a surname after a form of address: "sagt Frau Roth", "Herrn Dr. Kern"
    # (a one-word place or organisation there is the surname: "Frau Wagner", "Herr Essen")
    one_word = {(m.span.begin, m.span.end): m for m in out if m.kind in ("place", "organization")
                and m.role == "name" and " " not in m.span.text}
    for b, e, name, role in _honorific_surnames(toks, lex, lambda b, e: free(b, e) or (b, e) in one_word):
        if (b, e) in one_word:
            release(one_word[(b, e)])
        if free(b, e):
            add(Mention(Span.of(text, b, e), "person", name, None, role, sent_of_offset(b)))  # type: ignore[arg-type]
    # 4. organisations and places by pattern
    state_adjective_before = {
        adj.span.end + 1: _adjective_stem(adj.span.text) + "e" for adj in out
        if adj.kind == "country" and adj.role == "adjective" and text[adj.span.end:adj.span.end + 1] == " "}
    for b, e, kind, name, role in _find_by_pattern(toks, lex):
        if not free(b, e) and kind == "organization" and e - b > 4:
            # "Brauerei Unterbach", "SPD-Landtagsfraktion": the organisation's name holds a place or
            # another name, which then is no mention of its own
            overlapping = [x for x in out if not (x.span.end <= b or x.span.begin >= e)]
            if overlapping and all(b <= x.span.begin and x.span.end <= e and x.kind != "person"
                                   and x.span.end - x.span.begin < e - b for x in overlapping):
                for x in overlapping:
                    release(x)
        if free(b, e):
            # a body of a state named by its adjective: "die schwedische Gesundheitsbehörde", "das britische
            # Gesundheitsministerium" (the adjective stays a mention of the state, as in 1b)
            state = state_adjective_before.get(b) if kind == "organization" and "-" not in name \
                and lex.is_common(name) else None
            if state is not None:
                name = f"{state} {name}"
            add(Mention(Span.of(text, b, e), kind, name, None, role, sent_of_offset(b)))  # type: ignore[arg-type]

    # 4b. names the statistical labeller proposes (kgbuild.mentions.ner), linked by the gazetteer
    drop, proposed = ner.combine(toks, lex, out, sent_of_offset)
    for x in drop:
        release(x)
    for pm in proposed:
        if free(pm.span.begin, pm.span.end):
            add(pm)
    # a one-word name the labeller or the name rules found ("sagt Hamidi"), written elsewhere after a word
    # that can only be a name ("Rahmat Hamidi hat … gekocht"), not a noun compound ("Rucksackhersteller"):
    # that is the full name
    singles = {m.name for m in out if m.kind == "person" and " " not in m.name and "-" not in m.name}
    singles -= {w for m in out if m.kind == "person" for w in m.name.split()[1:]}
    if singles:
        for i in range(len(toks) - 1):
            w, nw = toks.word(i), toks.word(i + 1)
            if nw in singles and toks.sentence_of[i] == toks.sentence_of[i + 1] and _surname_like(w, lex) \
                    and lex.title_of(w) is None and text[toks.ends[i]:toks.starts[i + 1]] == " " \
                    and w not in _name_words(lex.lang, "relational_noun") \
                    and not (i > 0 and toks.word(i - 1).lower() in _name_words(lex.lang, "noun_determiner")) \
                    and not (i + 2 < len(toks) and _cap(toks.word(i + 2)) and toks.word(i + 2).isalpha()
                             and toks.sentence_of[i + 2] == toks.sentence_of[i]) \
                    and not _noun_form(w, lex) \
                    and free(toks.starts[i], toks.ends[i]):
                b, e = toks.starts[i], toks.ends[i + 1]
                held = next((m for m in out if m.span.begin == toks.starts[i + 1] and m.span.end == e), None)
                if held is not None and held.kind == "person":
                    release(held)
                if free(b, e):
                    add(Mention(Span.of(text, b, e), "person", text[b:e], None, "name", sent_of_offset(b)))

    # 4c. institutions named by a common noun: "die Polizei", "laut Staatsanwaltschaft"
    for inst in find_institutions(toks, lex, out, free, sent_of_offset):
        if free(inst.span.begin, inst.span.end):
            add(inst)

    # 4d. "der Sächsische Imkerverband" names the "Sächsischer Imkerverband"
    endings = tuple(_name_words(lex.lang, "name_adjective_ending"))
    nominative = frozenset(_name_words(lex.lang, "nominative_article"))
    for k, org in enumerate(out):
        words = org.name.split()
        if org.kind == "organization" and org.key is None and org.role == "name" and len(words) > 1 and endings \
                and words[0].endswith(endings) and words[0][:1].isupper() \
                and (text[max(0, org.span.begin - 5):org.span.begin].split() or [""])[-1].lower() in nominative:
            out[k] = replace(org, name=" ".join([words[0] + "r", *words[1:]]))
        elif org.kind == "organization" and org.key is None and org.role == "name" and len(words) > 1 and endings \
                and words[0].endswith(tuple(e + "n" for e in endings)) and words[0][:1].isupper() \
                and (named := _nominative_org_name(words, text[max(0, org.span.begin - 5):org.span.begin], lex)):
            out[k] = replace(org, name=named)  # "der Europäischen Investitionsbank": "Europäische Investitionsbank"

    # 4d'. an institution that names no one, qualified by the place after it: "das Bezirksamt Pankow",
    # "des Landeskriminalamts in Sachsen" name the "Bezirksamt Pankow", the "Landeskriminalamt Sachsen"
    heads = compound_heads(lex.lang)
    place_at_begin = {m.span.begin: m for m in out if m.kind in ("place", "country") and m.role == "name"}
    for k, org in enumerate(out):
        low = org.name.lower()
        if org.kind != "organization" or org.key is not None or " " in org.name or "-" in org.name \
                or not any(low.endswith(h) for h in heads if len(h) >= 3):
            continue  # (a name of its own, "Ifo-Institut", is not renamed by where it sits)
        b0 = _token_at_offset(toks, org.span.begin)
        if b0 is not None and b0 > 0 and toks.sentence_of[b0 - 1] == toks.sentence_of[b0]:
            town = town_of_adjective(toks.word(b0 - 1), lex)  # a town's adjective: "das Freisinger Landratsamt"
            if town is not None:
                out[k] = replace(org, name=f"{org.name} {town}")
                continue
        j = _token_at_offset(toks, org.span.end)
        if j is None:
            continue
        if toks.word(j) in ("in", "im"):
            j += 1
        place = place_at_begin.get(toks.starts[j]) if j < len(toks) else None
        if place is not None and place.sentence == org.sentence:
            last = token_at_end(toks, place.span.end)  # a district of two places: "Bezirksamt Treptow-Köpenick"
            where = text[place.span.begin:toks.ends[last]] if last is not None else place.name
            out[k] = replace(org, name=f"{org.name} {where}")
        elif (territory := article_territory(toks, lex, org.name, place_at_begin)) is not None:
            out[k] = replace(org, name=f"{org.name} {territory}")  # "Im Landkreis Ebersberg … das Landratsamt"
        elif b0 is not None and (national := national_name(toks, b0, org.name, out, lex)) is not None \
                and not any(o.kind == "organization" and o.span.end <= org.span.begin and o.name != org.name
                            and o.name.split()[-1].lower().endswith(low) for o in out):
            out[k] = replace(org, name=national)  # "In Schweden … die Gesundheitsbehörde" (not "die Aufsichtsbehörde
            # X … die Behörde")
    # … or by the one place the article gives it elsewhere: "das Bezirksamt" of "das Bezirksamt Pankow"
    org_names = {m.name: m.key for m in out if m.kind == "organization"}
    for k, org in enumerate(out):
        low = org.name.lower()
        if org.kind == "organization" and org.key is None and " " not in org.name and "-" not in org.name \
                and any(low.endswith(h) for h in heads if len(h) >= 3) \
                and (variant := qualified_variant(org.name, org_names)) is not None:
            out[k] = replace(org, name=variant, key=org_names[variant])

    # 4e. an owner named only as the first part of a compound title: "Lesezeit-Chef", "ABCD-Sprecherin"
    known = _surnames(out)
    for b, e, name in _title_owners(toks, lex, known):
        if free(b, e):
            add(Mention(Span.of(text, b, e), "organization", name, None, "name", sent_of_offset(b)))

    # 5. re-mentions of known people: surname alone, genitive, "Herrn X"
    if known:
        for i in range(len(toks)):
            w = toks.word(i)
            if not _cap(w):
                continue
            b, e = toks.starts[i], toks.ends[i]
            if not free(b, e):
                # a one-word organisation whose name is the surname of a person the article names:
                # the person ("Karin Spiegel … laut Spiegel"), unless an article makes it the name
                held = next((m for m in out if m.span.begin == b and m.span.end == e), None) \
                    if w in known and " " in known[w] else None
                if held is None or held.kind != "organization" or held.role != "name" or w.isupper() \
                        or (i > 0 and toks.word(i - 1).lower() in _org_articles(lex.lang)):
                    continue
                release(held)
            full = known.get(w)
            role = "name"
            if full is None and w.endswith("s") and w[:-1] in known:
                full, role = known[w[:-1]], "genitive"
            if full is None and w.endswith("'") and w[:-1] in known:
                full, role = known[w[:-1]], "genitive"
            if full is not None:
                # the form as written ("Wendt"; "Wendts" as "Wendt"): linking finds the full name
                add(Mention(Span.of(text, b, e), "person", w if role == "name" else w[:-1], None,
                            role, toks.sentence_of[i]))  # type: ignore[arg-type]
    # 6. known organisation acronyms re-mentioned (defined once in brackets)
    acronyms = {m.name for m in out if m.kind == "organization" and m.role == "acronym"}
    if acronyms:
        for i in range(len(toks)):
            w = toks.word(i)
            b, e = toks.starts[i], toks.ends[i]
            base = w.split("-")[0] if "-" in w else w
            if base in acronyms and free(b, b + len(base)):
                add(Mention(Span.of(text, b, b + len(base)), "organization", base, None, "acronym",
                            toks.sentence_of[i]))
    # 7. a party after the adjective of a town in another state is that state's party of the same name, its
    # own organisation: "die Wiener Grünen" are not the German Greens ("die Berliner SPD" stays the SPD)
    for k, org in enumerate(out):
        party = (org.key or lex.lookup_key(org.name)) if org.kind == "organization" and org.role == "name" else None
        if not party or lex.org_kind(party) != "party":
            continue
        at = _token_at_offset(toks, org.span.begin)
        if at is not None and at > 0 and toks.sentence_of[at - 1] == toks.sentence_of[at] \
                and (town := town_of_adjective(toks.word(at - 1), lex)) is not None \
                and (found := lang_data.load(lex.lang).places_by_name.get(town)) \
                and f"country/{found[0].country_code.lower()}" != lex.org_country(party):
            out[k] = replace(org, name=f"{org.span.text} {town}", key=None)

    out = _genitive_full_names(toks, lex, out)
    out = _joined_fields(toks, lex, out, free)
    out.sort(key=lambda m: (m.span.begin, m.span.end))
    return out


def _joined_fields(toks: Tokens, lex: Lexicon, ms: list[Mention], free) -> list[Mention]:  # type: ignore[no-untyped-def]
    """An organisation named for its fields takes all of them: "das Bundesministerium für Arbeit und Soziales",
    "Landesamt für Gesundheit und Lebensmittelsicherheit" (a name that ends after "für X" before "und" and a
    noun; not "das Ministerium für Arbeit und die Gewerkschaft", not "… und Verdi")."""
    out = []
    for m in ms:
        words = m.name.split()
        if m.kind == "organization" and len(words) >= 3 and words[-2] == "für" and m.span.text.endswith(words[-1]):
            k = _token_at_offset(toks, m.span.end)
            if k is not None and k + 1 < len(toks) and toks.word(k) == "und" \
                    and toks.sentence_of[k + 1] == toks.sentence_of[k] and _cap(toks.word(k + 1)) \
                    and toks.word(k + 1).isalpha() \
                    and (lex.is_common(toks.word(k + 1)) or toks.word(k + 1).endswith("es")
                         and lex.is_common(toks.word(k + 1)[:-2].capitalize() + "e")) \
                    and free(toks.starts[k], toks.ends[k + 1]) \
                    and (k + 2 >= len(toks) or not _cap(toks.word(k + 2))):
                end = toks.ends[k + 1]
                m = replace(m, span=Span.of(toks.text, m.span.begin, end),
                            name=f"{m.name} und {toks.word(k + 1)}", key=None if m.key is None else m.key)
        out.append(m)
    return out


def _genitive_full_names(toks: Tokens, lex: Lexicon, ms: list[Mention]) -> list[Mention]:
    """A full name in the genitive before the noun it owns is named in the nominative: "Lionel Bertis Frust"
    names Lionel Messi (a name ending in -s takes an apostrophe instead: "Chris Evans' Film"). Not when the
    article writes the -s form elsewhere, not before a noun ("Chris Evans sagte")."""
    nominative = {m.name for m in ms if m.kind == "person"}
    out = []
    for m in ms:
        words = m.name.split()
        last = words[-1] if words else ""
        if m.kind == "person" and m.role == "name" and len(words) >= 2 and lex.is_first_name(words[0]) \
                and last.endswith("s") and not last.endswith(("ss", "'s")) and len(last) > 4 \
                and m.span.text.endswith(last):
            k = _token_at_offset(toks, m.span.end)
            owned = k is not None and toks.sentence_of[k] == m.sentence and toks.word(k)[:1].isupper() \
                and toks.word(k).isalpha() and lex.is_common(toks.word(k))
            written = sum(1 for x in ms if x.kind == "person" and x.name.split()[-1:] == [last])
            if owned and written == 1 and " ".join([*words[:-1], last[:-1]]) not in nominative - {m.name}:
                m = replace(m, name=" ".join([*words[:-1], last[:-1]]))
        out.append(m)
    return out


# a state's bodies named by its adjective or genitive, each form with its nominative
_STATE_BODIES = {"Regierung": "Regierung", "Regierungen": "Regierung", "Staatsregierung": "Staatsregierung",
                 "Führung": "Führung", "Staatsführung": "Staatsführung", "Parlament": "Parlament",
                 "Parlaments": "Parlament", "Parlamentes": "Parlament", "Kongress": "Kongress",
                 "Kongresses": "Kongress", "Senat": "Senat", "Senats": "Senat", "Senates": "Senat"}
_STATE_BODY = re.compile(rf" ({'|'.join(sorted(_STATE_BODIES, key=len, reverse=True))})\b")


def _adjective_stem(adjective: str) -> str:
    """A state's adjective without its ending ("australischen" -> "australisch")."""
    return adjective.lower().rstrip("nmrse")


@lru_cache(maxsize=8)
def _state_adjectives(lang: str) -> dict[str, str]:
    """A state's key -> its first adjective in ``countries.tsv`` ("country/kr" -> "südkoreanisch")."""
    out: dict[str, str] = {}
    columns = ("code", "qid", "names", "genitives", "adjectives", "demonyms", "capital")
    for code, *_, adjectives, _demonyms, _capital in lang_data.table(lang, "countries.tsv", columns):
        first = adjectives.split("|")[0].strip()
        if first:
            out[f"country/{code.strip().lower()}"] = first
    return out


def _sentence_index(structure: Structure):  # type: ignore[no-untyped-def]
    begins = [s.span.begin for s in structure.sentences]
    ends = [s.span.end for s in structure.sentences]

    def at(offset: int) -> int:
        k = bisect.bisect_right(begins, offset) - 1
        return k if k >= 0 and offset < ends[k] else -1

    return at


def _title_owners(toks: Tokens, lex: Lexicon, known: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Organisations named only as the first part of a hyphenated title of a firm's or body's office
    ("Lesezeit-Chef", "Kaffee-Haus-Sprecher", "ABCD-Vorstandschefin"): a first part that is a name, not a
    common word, a first name, a known person or something the gazetteer lists (those link by themselves)."""
    cats = _name_words(lex.lang, "owned_title_category")
    out: list[tuple[int, int, str]] = []
    for i in range(len(toks)):
        w = toks.word(i)
        if "-" not in w or not _cap(w):
            continue
        hit = lex.title_of(w)
        if hit is None or hit[1] is None:
            continue
        base, prefix = hit
        if prefix is None or lex.title_categories.get(lex.titles.get(base, base), "") not in cats:
            continue
        parts = prefix.split("-")
        if lex.lookup_key(prefix) is not None or prefix in known or prefix in lex.stop \
                or lex.place_owner_forms.get(prefix) is not None or any(not p[:1].isupper() for p in parts) \
                or all(lex.is_common(p) or lex.is_common(p.removesuffix("s")) or lex.is_first_name(p)
                       for p in parts) \
                or any(lex.lookup_key(p) is not None or p in known for p in parts):
            continue
        out.append((toks.starts[i], toks.starts[i] + len(prefix), prefix))
    return out


def _nominative_org_name(words: list[str], before: str, lex: Lexicon) -> str | None:
    """The nominative of an organisation's name that opens with an inflected adjective ("Europäischen
    Investitionsbank" -> "Europäische Investitionsbank", after "des": "Deutschen Instituts für X" ->
    "Deutsches Institut für X"), from the gender of its head noun; None when the head's gender is unknown."""
    head = words[1]
    genders = lang_data.endings(lex.lang, "speakers.tsv", "org_head_gender")
    after_des = (before.split() or [""])[-1].lower() == "des"
    for form in ((head[:-2], head[:-1], head) if after_des else (head,)):
        low = form.lower()
        gender = next((g for ending, g in genders if low.endswith(ending)), None)
        if gender is not None and len(form) >= 3:
            adjective = words[0][:-1] + {"f": "", "m": "r", "n": "s"}[gender]
            return " ".join([adjective, form, *words[2:]])
    return None


def _surnames(mentions: list[Mention]) -> dict[str, str]:
    """Surname → full name of each person found so far (the longest full name wins)."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.kind != "person":
            continue
        parts = m.name.split()
        if not parts:
            continue
        last = parts[-1]
        if len(last) < 3:
            continue
        if last not in out or len(m.name) > len(out[last]):
            out[last] = m.name
        out.setdefault(m.name, m.name)
    return out


def _find_persons(toks: Tokens, lex: Lexicon, free) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    """People named with a first name, after a title, or in apposition to a title."""
    text = toks.text
    out: list[tuple[int, int, str]] = []
    particles = _name_words(lex.lang, "particle")
    hyphen_particles = _name_words(lex.lang, "hyphen_particle")
    function_words = _name_words(lex.lang, "function_word")
    n = len(toks)
    i = 0
    while i < n:
        w = toks.word(i)
        if not _cap(w) or not free(toks.starts[i], toks.ends[i]):
            i += 1
            continue
        if lex.title_of(w) is not None and not lex.is_first_name(w) and i + 1 < n \
                and toks.sentence_of[i + 1] == toks.sentence_of[i] and lex.is_first_name(toks.word(i + 1)):
            i += 1  # a second title before the name: "Kolumnist Pfarrer Giles Fraser"
            continue
        start = i
        after_title = i > 0 and _cap(toks.word(i - 1)) and lex.title_of(toks.word(i - 1)) is not None \
            and toks.sentence_of[i - 1] == toks.sentence_of[i]
        appos = _apposition(toks, i, lex)
        # a first name alone after a noun of kinship or friendship: "sagt meine Freundin Natalie"
        after_relation = i > 0 and toks.word(i - 1) in _name_words(lex.lang, "relational_noun") \
            and toks.sentence_of[i - 1] == toks.sentence_of[i] \
            and (toks.word(i - 1) not in _name_words(lex.lang, "relational_after_possessive")
                 or i > 1 and toks.word(i - 2).lower() in _name_words(lex.lang, "possessive")
                 or _genitive_family_name(toks, i - 2, lex) is not None)  # "Merkels Mann Joachim"
        first = lex.is_first_name(w) and not (
            i > 0 and lex.is_common(w) and toks.word(i - 1).lower() in _name_words(lex.lang, "noun_determiner"))
        if not (first or after_title or appos):
            i += 1
            continue
        # a first name that is also a place ("Paris", "Florenz") names a person when a surname follows
        place_first = first and i + 1 < n and toks.sentence_of[i + 1] == toks.sentence_of[i] \
            and toks.ends[i] + 1 == toks.starts[i + 1] and _surname_like(toks.word(i + 1), lex)
        if w in lex.stop or (lex.is_entity_word(w) and not place_first) \
                or ("-" in w and not first and lex.is_common(w.rsplit("-", 1)[1])):
            i += 1  # "Kaiser-Otto-Brauerei" is a brewery, not a person
            continue
        # extend over further name words
        j = i + 1
        while j < n and j - i < 4 and toks.sentence_of[j] == toks.sentence_of[i]:
            nw = toks.word(j)
            # a particle is capitalised in some names ("Bruno Le Maire", "Luigi Di Maio", "Alexander Van der Bellen")
            lead = particles.get(nw) or (particles.get(nw.lower()) if _cap(nw) and len(nw) <= 4 and first else None)
            if lead == "lead" and j == i + 1:
                # "Ursula von der Leyen", "Rafael van der Vaart": particles between first name and
                # surname ("Guido Meier von der Stadtverwaltung" has its surname already)
                k = j + 1
                while k < n and k - j < 3 and toks.word(k) in particles:
                    k += 1
                if k < n and toks.sentence_of[k] == toks.sentence_of[i] and _cap(toks.word(k)) \
                        and not lex.is_common(toks.word(k)) and toks.word(k) not in lex.stop:
                    j = k
                    continue
                break
            if "-" in nw and nw.split("-", 1)[0] in hyphen_particles and _cap(nw.split("-", 1)[1]):
                j += 1  # "Saad al-Kuwari", "Abdel Fattah el-Sisi"
                continue
            if len(nw) == 1 and nw.isupper() and j + 2 < n and toks.word(j + 1) == "." \
                    and toks.ends[j] == toks.starts[j + 1] and _surname_like(toks.word(j + 2), lex) \
                    and toks.sentence_of[j + 2] == toks.sentence_of[i]:
                j += 3  # a middle initial and the surname after it: "Mary T. Bassett", "John F. Kennedy"
                continue
            # a known name word that no gazetteer match holds here is a surname right after a first
            # name ("Karin Spiegel", "Paul Zeit")
            known = lex.is_entity_word(nw) and not (j == i + 1 and first and not lex.is_common(w)
                                                     and free(toks.starts[j], toks.ends[j]))
            if not _cap(nw) or nw in lex.stop or known \
                    or (j > i + 1 and "-" in nw and all(lex.is_common(x) for x in nw.split("-"))):
                break  # (a compound of nouns after the surname is none: "weist Eva Roth Datenschutz-Bedenken zurück")
            if lex.title_of(nw) is not None and j > i:
                # a surname that is also a title ("Direktorin Petra Kaiser sagte"): after a
                # first name that follows a title, when no further name word comes
                if j == i + 1 and first and after_title and (j + 1 >= n or not _cap(toks.word(j + 1))
                                                            or toks.sentence_of[j + 1] != toks.sentence_of[j]):
                    j += 1
                break
            # a common noun ends the name unless the name still has no surname
            if lex.is_common(nw) and not (j == i + 1 and first and not lex.is_common(w)) and j > i + 1:
                break
            if lex.is_common(nw) and j == i + 1 and not first:
                # after a title, a noun that closes the clause is the surname: "ihr Vorsitzender Lio Rose."
                closes = j + 1 >= n or toks.word(j + 1) in (".", ",", ";", ":", "!", "?") \
                    or toks.sentence_of[j + 1] != toks.sentence_of[j]
                if (after_title or appos) and closes and not lex.is_common(w) and nw.isalpha():
                    j += 1
                break
            if lex.is_first_name(nw) or not lex.is_common(nw) or j == i + 1:
                j += 1
                continue
            break
        while j - 1 > i and toks.word(j - 1) in particles:
            j -= 1  # no name ends in a particle: "Präsident Keller zu den Spielern"
        if j == i + 2 and w in function_words and lex.is_common(toks.word(i + 1)) and not after_title:
            i += 1  # "Per Telefon teilte er mit": a preposition before a noun
            continue
        if j == i + 1:
            # a single word: a name only after a title, in apposition or right after a speech
            # verb ("sagt Lukas"), and not a common word
            after_cue = i > 0 and toks.sentence_of[i - 1] == toks.sentence_of[i] \
                and lex.speech_verb(toks.word(i - 1)) is not None and not lex.is_common(w)
            if first and not (after_title or appos or after_cue or after_relation):
                i += 1
                continue
            if (lex.is_common(w) or _inflected_noun(w, lex)) and not first \
                    and not _noun_surname(toks, i, lex, after_title):
                i += 1
                continue
            if not first and _feminine_noun(w, lex):
                i += 1  # "die Sängerin, Tänzerin und Autorin Eva Roth": a feminine noun, one title of a list
                continue
        b, e = toks.starts[start], toks.ends[j - 1]
        name = text[b:e]
        if j == i + 1 and after_relation and first and toks.word(i - 1) in _name_words(lex.lang, "family_name_noun") \
                and (family := _genitive_family_name(toks, i - 2, lex)):
            name = f"{name} {family}"  # "Hollmanns Tochter Merle" is Merle Hollmann
        if j < n and toks.word(j) in _WATER_HEADS:  # "Alder Creek" is a river
            i = j
            continue
        if not _acronym_of(toks, j, name):
            out.append((b, e, name))
        i = j
    return out


def _genitive_family_name(toks: Tokens, k: int, lex: Lexicon) -> str | None:
    """The family name a surname in the genitive at token k gives ("Hollmanns" of "Hollmanns Tochter Merle",
    "Bidens" of "Bidens Sohn Hunter"); None for a common word, a place or a state ("Deutschlands")."""
    if k < 0 or toks.sentence_of[k] != toks.sentence_of[k + 1]:
        return None
    w = toks.word(k)
    stem = w[:-1]
    if not (_cap(w) and w.endswith("s") and len(stem) >= 3 and stem.isalpha()) or lex.is_common(w) \
            or lex.is_common(stem) or w in lex.stop or stem in lex.stop:
        return None
    key = lex.lookup_key(stem) or lex.lookup_key(w) or ""
    return None if key.startswith(("place/", "country/", "organization/")) else stem


def _feminine_noun(w: str, lex: Lexicon) -> bool:
    """Is a capitalised word the feminine form of a common noun ("Tänzerin", "Bildhauerin")?"""
    suffixes = lang_data.word_lists(lex.lang, "speakers.tsv").get("feminine_suffix", {})
    return any(w.endswith(x) and len(w) - len(x) >= 4 and lex.is_common(w[: -len(x)])
               for x, g in suffixes.items() if g == "f")


def _noun_surname(toks: Tokens, i: int, lex: Lexicon, after_title: bool) -> bool:
    """A surname that is also a noun, right after a title that no article opens and before a lower-case word
    or a punctuation mark: "sagte DFB-Präsident Keller zu den Spielern", "Trainer Vogel." (but "dem Trainer
    Hoffnung geben", "der Präsident Anfang Mai")."""
    w = toks.word(i)
    if not after_title or i < 1 or _inflected_noun(w, lex) or w in lex.stop or not w.isalpha() \
            or (i >= 2 and toks.sentence_of[i - 2] == toks.sentence_of[i]
                and toks.word(i - 2).lower() in _name_words(lex.lang, "noun_determiner")):
        return False
    nxt = toks.word(i + 1) if i + 1 < len(toks) and toks.sentence_of[i + 1] == toks.sentence_of[i] else "."
    return not _cap(nxt) and (nxt.isalpha() or nxt in (".", ",", ";", ":", "!", "?"))


@lru_cache(maxsize=8)
def _honorific_pattern(lang: str) -> re.Pattern[str]:
    """A form of address with its academic titles, right before an offset ("Frau ", "Herrn Dr. ", "Herr
    Professor "): group 1 the word before it, group 2 the form of address."""
    forms = sorted(_name_words(lang, "honorific"), key=len, reverse=True)
    academic = sorted(_name_words(lang, "academic_title"), key=len, reverse=True)
    if not forms:
        return re.compile(r"(?!)")
    titles = "|".join(map(re.escape, academic)) or "(?!)"
    return re.compile(rf"(?:(\S+)\s+)?\b({'|'.join(map(re.escape, forms))})\s+(?:(?:{titles})\.?\s+)*$")


@lru_cache(maxsize=8)
def address_words(lang: str) -> frozenset[str]:
    """The forms of address and academic titles that may stand before a surname ("Frau", "Herrn", "Dr")."""
    return frozenset(_name_words(lang, "honorific")) | frozenset(_name_words(lang, "academic_title"))


def honorific_gender(text: str, begin: int, lang: str) -> str | None:
    """The gender a form of address right before a name gives ("Frau Roth" -> "f", "Herrn Dr. Kern" -> "m"),
    None when none stands there or the word is a common noun ("der Frau", "seine Frau")."""
    m = _honorific_pattern(lang).search(text, max(0, begin - 60), begin)
    if m is None:
        return None
    before = (m.group(1) or "").lower()
    if before in _name_words(lang, "noun_before_honorific") or _adjective_after_determiner(text, m.start(2), lang):
        return None
    return _name_words(lang, "honorific").get(m.group(2)) or None


def _adjective_after_determiner(text: str, begin: int, lang: str) -> bool:
    """Does an adjective after a determiner stand right before the offset ("einer jungen ", "die älteste ")?"""
    words = text[max(0, begin - 40):begin].split()
    return len(words) >= 2 and words[-1][:1].islower() and words[-1].endswith(("e", "en", "er", "em", "es")) \
        and words[-2].lower() in _name_words(lang, "noun_before_honorific")


def _honorific_surnames(toks: Tokens, lex: Lexicon, free) -> list[tuple[int, int, str, str]]:  # type: ignore[no-untyped-def]
    """Surnames after a form of address ("Frau Roth", "Herrn Dr. Kern", "Frau von Berg"; "Frau Roths Antwort"
    in the genitive): a capitalised word that is no title, no function word and no state, after a form of
    address that is no common noun ("der Frau Geld geben", "seine Frau Anna" are none). Each as (begin, end,
    name, role)."""
    forms = _name_words(lex.lang, "honorific")
    academic = _name_words(lex.lang, "academic_title")
    particles = _name_words(lex.lang, "particle")
    not_after = _name_words(lex.lang, "not_after_honorific")
    text = toks.text
    out: list[tuple[int, int, str, str]] = []
    n = len(toks)
    for i in range(n - 1):
        if toks.word(i) not in forms:
            continue
        k = i + 1
        while k < n and toks.sentence_of[k] == toks.sentence_of[i] and toks.word(k) in academic:
            k += 2 if k + 1 < n and toks.word(k + 1) == "." else 1
        b = k
        while k < n and toks.word(k) in particles and k - b < 3:
            k += 1  # "Frau von der Leyen"
        if k >= n or toks.sentence_of[k] != toks.sentence_of[i] or (k > b and particles.get(toks.word(b)) != "lead"):
            continue
        w = toks.word(k)
        if not _cap(w) or len(w) < 2 or not w.replace("-", "").isalpha() or w in lex.stop or w in not_after \
                or lex.title_of(w) is not None or lex.country_name(w) or w in forms or w in academic \
                or not free(toks.starts[b], toks.ends[k]) \
                or honorific_gender(text, toks.starts[b], lex.lang) is None:
            continue
        name, role = text[toks.starts[b]:toks.ends[k]], "name"
        nxt = toks.word(k + 1) if k + 1 < n and toks.sentence_of[k + 1] == toks.sentence_of[k] else ""
        if name.endswith("s") and len(name) > 3 and _cap(nxt) and lex.is_common(nxt) and lex.title_of(nxt) is None:
            name, role = name[:-1], "genitive"  # "Frau Roths Antwort"
        out.append((toks.starts[b], toks.ends[k], name, role))
    return out


def _noun_form(w: str, lex: Lexicon) -> bool:
    """Is a capitalised word a noun compound ("Rucksackhersteller") or an inflected noun ("Details")?"""
    return any(lex.is_common(w[k].upper() + w[k + 1:]) for k in range(3, len(w) - 3)) or _inflected_noun(w, lex)


def _inflected_noun(w: str, lex: Lexicon) -> bool:
    """Is a capitalised word a noun with a plural or case ending ("Regionen", "Details")?"""
    return any(w.endswith(x) and lex.is_common(w[: -len(x)]) for x in _name_words(lex.lang, "noun_ending"))


def _token_at_offset(toks: Tokens, offset: int) -> int | None:
    """The index of the first token that starts at or after ``offset``, None past the end."""
    k = bisect.bisect_left(toks.starts, offset)
    return k if k < len(toks) else None


def _surname_like(w: str, lex: Lexicon) -> bool:
    """A capitalised word that is no noun, no known name, no function word: a surname ("Illa")."""
    return _cap(w) and w.isalpha() and not lex.is_common(w) and w not in lex.stop and not lex.is_entity_word(w)


def _acronym_of(toks: Tokens, j: int, name: str) -> bool:
    """Is the name followed by "(ACRONYM)" built from its initials ("Partidul Verde (PV)")?"""
    if j + 2 >= len(toks) or toks.word(j) != "(" or toks.word(j + 2) != ")":
        return False
    acro = toks.word(j + 1)
    words = name.split()
    return len(words) > 1 and acro[:1] == words[0][:1] and words[-1][:1] in acro[1:]


def _apposition(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """Is token i the start of ", Name Name," right after a noun phrase with a title?"""
    if i == 0 or toks.word(i - 1) != ",":
        return False
    k = i - 2
    s = toks.sentence_of[i]
    while k >= 0 and toks.sentence_of[k] == s and i - k < 9:
        w = toks.word(k)
        if w in {",", ".", ";", ":"}:
            return False
        if _cap(w) and lex.title_of(w) is not None:
            return True
        # only the title's own phrase may stand between it and the comma: "von Kasachstan", "des Senders"
        if not _cap(w) and w not in {"von", "der", "des", "dem", "den", "bei", "beim", "im", "vom", "aus", "in"}:
            return False
        k -= 1
    return False


_ORG_TYPES = {
    # type noun (any case form) -> whether the type noun belongs to the name
    "Nachrichtenagentur": False, "Agentur": False, "Presseagentur": False, "Zeitung": False,
    "Tageszeitung": False, "Wochenzeitung": False, "Sender": False, "Fernsehsender": False,
    "Fernsehsenders": False, "Senders": False, "Staatssender": False, "Radiosender": False,
    "Magazin": False, "Magazins": False, "Nachrichtenmagazin": False, "Partei": False, "Konzern": False,
    "Konzerns": False, "Unternehmen": False, "Unternehmens": False, "Tech-Giganten": False, "Hersteller": False,
    "Herstellers": False, "Netzwerk": False, "Netzwerks": False, "Gruppe": False, "Bewegung": False,
    "Brauerei": True, "Braumanufaktur": True, "Universität": True, "Stiftung": True, "Klinik": True,
    "Bank": True, "Verlag": False, "Verlags": False, "Portal": False, "Blog": False, "Plattform": False,
    "Inlandsgeheimdienst": False, "Geheimdienst": False, "Geheimdienstes": False, "Fraktion": False,
    "Organisation": False, "Hilfsorganisation": False, "Menschenrechtsorganisation": False,
}
_ARABIC_ARTICLE = re.compile(r"(?:al|el|as|az|ad|ar|an|at|ash|asch)-[A-ZÄÖÜ]\w+")
_WATER_HEADS = {"River", "Rivers", "Lake", "Creek", "Bay", "Mountains", "Island", "Islands"}
_DISTRICT = re.compile(r"([A-ZÄÖÜ][\w-]+kreis)(?:es|s)?")
@lru_cache(maxsize=8)
def _name_adjective(lang: str) -> re.Pattern[str]:
    """A capitalised adjective of a name in any ending ("Sächsischer", "Evangelischen"), from the weak
    endings of ``names.tsv`` (``name_adjective_ending``: "ische" -> "isch" + e/er/en/es/em)."""
    stems = sorted({e.removesuffix("e") for e in _name_words(lang, "name_adjective_ending")}, key=len, reverse=True)
    if not stems:
        return re.compile(r"(?!)")
    return re.compile(rf"[A-ZÄÖÜ][a-zäöüß]+(?:{'|'.join(map(re.escape, stems))})(?:e|er|en|es|em)")




@lru_cache(maxsize=8)
def _org_head_suffixes(lang: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _name_words(lang, "organisation_head"))


def _org_head(word: str, article: str, lang: str) -> bool:
    """Does ``word`` end in an organisation's head, in the genitive after "des" too ("des Deutschen
    Lehrerverbands", "des Bayerischen Rundfunks")?"""
    low = word.lower()
    if low.endswith(_org_head_suffixes(lang)):
        return True
    genitive = tuple(h + e for h in _org_head_suffixes(lang) for e in ("s", "es"))
    return article.lower() == "des" and low.endswith(genitive)


@lru_cache(maxsize=8)
def _place_nouns(lang: str) -> frozenset[str]:
    return frozenset(_name_words(lang, "place_noun"))


@lru_cache(maxsize=8)
def _org_articles(lang: str) -> frozenset[str]:
    return frozenset(_name_words(lang, "organisation_article"))


_ORG_HEADS = {"Foundation", "Institute", "Association", "Corporation", "Agency", "News", "Times", "Post", "Review",
              "Press", "Network", "Party", "Council", "Herald", "Journal", "Tribune", "Group", "Institut", "Stiftung",
              "Verband", "Verein", "Bank", "Airlines", "Holding", "AG", "GmbH", "SE", "Inc", "Ltd"}
_PLACE_TYPES = {"Gut", "Guts", "Schloss", "Kloster", "Burg", "Stadt", "Hauptstadt", "Grenzübergang", "Grenzübergangs",
                "Region", "Provinz", "Gemeinde", "Dorf", "Ort", "Ortschaft", "Bezirk", "Landkreis", "Kreis",
                "Bundesland", "Flughafen", "Hafen", "Insel", "Fluss", "Metropole", "Küstenstadt", "Hafenstadt",
                "Kleinstadt"}
_COMPOUND_ORG_HEADS = {"Zentrum", "Zentrums", "Brauerei", "Fraktion", "Bundestagsfraktion", "Landtagsfraktion",
                       "Stiftung", "Institut", "Instituts", "Klinik", "Klinikum", "Klinikums", "Universität", "Partei",
                       "Konzern", "Konzerns", "Verband", "Verbands", "Verbandes", "Bank", "Gruppe", "Werke", "Werk",
                       "AG", "GmbH", "SE", "KG", "KGaA", "Holding"}  # "Beispiel-AG", "Muster-GmbH"
_LEGAL_FORMS = {"AG", "GmbH", "SE", "KG", "KGaA", "Holding"}  # after a name only, not after "Fußball-"
_GENERIC_INSTITUTIONS = {"polizei", "parlament", "parlaments", "armee", "luftwaffe", "bundeswehr", "regierung",
                         "senat", "kongress", "kommission", "staatsanwaltschaft"}
_INSTITUTION_HEADS = ("ministerium", "ministeriums", "amt", "amts", "amtes", "behörde", "gerichtshof",
                      "gerichtshofs", "verfassungsgericht", "verfassungsgerichts", "kommission", "parlament",
                      "parlaments", "bundestag", "bundestags", "landtag", "landtags", "kreistag", "kreistags",
                      "bundesrat", "bundesrats", "senat", "kongress", "staatsanwaltschaft", "polizei",
                      "bundeswehr", "armee", "luftwaffe")
_ACRONYM = re.compile(r"[A-ZÄÖÜČŠŽ][A-ZÄÖÜČŠŽa-z0-9]*[A-ZÄÖÜČŠŽ0-9][A-ZÄÖÜČŠŽa-z0-9-]*")


def _find_by_pattern(toks: Tokens, lex: Lexicon) -> list[tuple[int, int, str, str, str]]:
    """Organisations and places recognised by their shape or a type noun before them."""
    text = toks.text
    out: list[tuple[int, int, str, str, str]] = []
    n = len(toks)
    for i in range(n):
        w = toks.word(i)
        # "(NDR)": an acronym defined in brackets
        if w == "(" and i + 2 < n and toks.word(i + 2) == ")":
            a = toks.word(i + 1)
            if _ACRONYM.fullmatch(a) and sum(c.isupper() for c in a) >= 2 and a not in lex.stop \
                    and not lex.is_entity_word(a):
                long_form = _long_form(toks, i, a)
                if long_form is not None:
                    out.append((*long_form, "organization",
                                _nominative_name(toks, long_form, lex), "name"))
                out.append((toks.starts[i + 1], toks.ends[i + 1], "organization", a, "acronym"))
            continue
        if not _cap(w):
            continue
        # "ČSSD", "PASOK": an acronym of three or more capitals is an organisation's name
        if 3 <= len(w) <= 6 and w.isupper() and w.isalpha() and w not in lex.stop and not lex.is_entity_word(w):
            out.append((toks.starts[i], toks.ends[i], "organization", w, "acronym"))
            continue
        # "der Sächsische Imkerverband", "die Bayerische Landesärztekammer": an adjective in a
        # name (capitalised) before a compound whose head names an organisation
        if i + 1 < n and i > 0 and toks.sentence_of[i + 1] == toks.sentence_of[i] \
                and _name_adjective(lex.lang).fullmatch(w) and _cap(toks.word(i + 1)) \
                and _org_head(toks.word(i + 1), toks.word(i - 1), lex.lang) \
                and toks.word(i - 1).lower() in _org_articles(lex.lang):
            out.append((toks.starts[i], toks.ends[i + 1], "organization", text[toks.starts[i]:toks.ends[i + 1]],
                        "name"))
            continue
        # "Linden Foundation", "Greenpeace Schweiz": an unknown name before an organisation head
        # or a state's name
        if i + 1 < n and not lex.is_common(w) and not lex.is_first_name(w) and w not in lex.stop \
                and toks.sentence_of[i + 1] == toks.sentence_of[i] and i > 0 and toks.word(i - 1) not in (".",) \
                and (toks.word(i + 1) in _ORG_HEADS or lex.country_name(toks.word(i + 1))) \
                and not lex.is_entity_word(w) and lex.title_of(w) is None \
                and w not in _place_nouns(lex.lang):  # "in den Ländern Chile und Peru"
            out.append((toks.starts[i], toks.ends[i + 1], "organization", text[toks.starts[i]:toks.ends[i + 1]],
                        "name"))
            continue
        # "der Zeitung Irish Independent", "Brauerei Unterbach"
        if w in _PLACE_TYPES and i + 1 < n and _ARABIC_ARTICLE.match(toks.word(i + 1)):
            # "die Stadt az-Zawiyya"
            out.append((toks.starts[i + 1], toks.ends[i + 1], "place", toks.word(i + 1), "name"))
            continue
        if i + 1 < n and toks.word(i + 1) in _WATER_HEADS and not lex.is_common(w) \
                and toks.sentence_of[i + 1] == toks.sentence_of[i]:
            e = toks.ends[i + 1]
            name = text[toks.starts[i]:e]
            out.append((toks.starts[i], e, "place", name[:-1] if name.endswith("s") else name, "name"))
            continue
        if (km := _DISTRICT.fullmatch(w)) and not lex.is_common(w):
            out.append((toks.starts[i], toks.ends[i], "place", km.group(1), "name"))  # "des Saalekreises"
            continue
        quoted = _quoted_name(toks, i + 1)
        if quoted is not None and (w in _ORG_TYPES or _kind_compound(w, lex.lang, quoted=True)):
            # "das Unternehmen „Blitzblank Reinigung“", "des Modehändlers "Kleiderhaus Nord"": a quoted name
            out.append((*quoted, "organization", text[quoted[0]:quoted[1]], "name"))
            continue
        kind_compound = i + 1 < n and _cap(toks.word(i + 1)) and w not in _ORG_TYPES \
            and _kind_compound(w, lex.lang)
        if w in _ORG_TYPES or w in _PLACE_TYPES or kind_compound:
            j = i + 1
            while j < n and j - i <= 4 and _cap(toks.word(j)) and toks.sentence_of[j] == toks.sentence_of[i] \
                    and toks.word(j) not in lex.stop and (not lex.is_common(toks.word(j)) or j > i + 1
                                                           and not lex.is_common(toks.word(j - 1))):
                if lex.is_common(toks.word(j)):
                    break
                j += 1
                if kind_compound and j + 1 < n and toks.word(j) == "&" and _cap(toks.word(j + 1)):
                    j += 2  # "des Pharmakonzerns Miller & Söhne"
                    break
            if j > i + 1:
                kind = "organization" if w in _ORG_TYPES or kind_compound else "place"
                include = _ORG_TYPES.get(w, False)
                b = toks.starts[i] if include else toks.starts[i + 1]
                e = toks.ends[j - 1]
                out.append((b, e, kind, text[b:e], "name"))
            if j > i + 1 or not kind_compound:
                continue  # a kind compound with no name after it may still be a named compound ("X-Brauerei")
        # "Abdullah-Zentrum", "Kaiser-Otto-Brauerei", "AfD-Bundestagsfraktion": a named compound
        if "-" in w and w.rsplit("-", 1)[1] in _COMPOUND_ORG_HEADS and w[:1].isupper() \
                and not (w.rsplit("-", 1)[1] in ("Konzern", "Konzerns")  # "der US-Konzern": its state, no name
                         and (lex.lookup_key(w.split("-", 1)[0]) or "").startswith("country/")) and not (
                w.rsplit("-", 1)[1] in _LEGAL_FORMS and lex.is_common(w.rsplit("-", 1)[0])):  # "Fußball-GmbH"
            prev = toks.word(i - 1) if i >= 2 and toks.sentence_of[i - 2] == toks.sentence_of[i] else ""
            if _cap(prev) and "-" not in prev and prev.isalpha() and prev not in lex.stop \
                    and lex.lookup_key(prev) is None and prev not in lex.place_owner_forms \
                    and lex.lookup_key(prev.removesuffix("er")) is None \
                    and not _name_adjective(lex.lang).fullmatch(prev) \
                    and toks.word(i - 2).lower() in _org_articles(lex.lang) \
                    and toks.text[toks.ends[i - 1]:toks.starts[i]] == " ":
                # "der Anna Weber-Stiftung": the article agrees with the compound's head, so the word
                # between belongs to its name (written "Anna-Weber-Stiftung" when hyphenated throughout)
                out.append((toks.starts[i - 1], toks.ends[i], "organization", f"{prev}-{_nominative_org(w)}",
                            "name"))
                continue
            b = toks.starts[i]
            if i >= 2 and toks.word(i - 1) == "/" and toks.ends[i - 2] == toks.starts[i - 1] \
                    and toks.ends[i - 1] == b and _cap(toks.word(i - 2)):
                b = toks.starts[i - 2]  # "CDU/CSU-Fraktion": names joined by a slash before the head
            out.append((b, toks.ends[i], "organization", _nominative_org(text[b:toks.ends[i]]), "name"))
            continue
        low = w.lower()
        if low in _GENERIC_INSTITUTIONS:
            continue  # "die Polizei", "das Parlament": no name
        if low.endswith(_INSTITUTION_HEADS) and len(w) > 5 \
                and "-" not in w and not _names_after(toks, i, lex):
            name = _institution_name(toks, i)
            b = toks.starts[i]
            out.append((b, toks.ends[i], "organization", name, "name"))
    return out


_OPEN_QUOTES = {"„": "“", "»": "«", '"': '"', "“": "”"}


def _quoted_name(toks: Tokens, i: int) -> tuple[int, int] | None:
    """The offsets of a name of one to five words in quotation marks that opens at token i and starts with a
    capital ("„Blitzblank Reinigung“"), or None."""
    if i + 1 >= len(toks) or toks.word(i) not in _OPEN_QUOTES or not toks.word(i + 1)[:1].isupper():
        return None
    close = _OPEN_QUOTES[toks.word(i)]
    for j in range(i + 2, min(i + 7, len(toks))):
        if toks.sentence_of[j] != toks.sentence_of[i]:
            return None
        if toks.word(j) == close:
            return toks.starts[i + 1], toks.ends[j - 1]
    return None


@lru_cache(maxsize=16)
def _kind_pattern(lang: str, quoted: bool) -> re.Pattern[str]:
    """Compounds whose head says what kind of organisation the name after them is, in any ending."""
    heads = sorted((w.lower() for w, v in _name_words(lang, "organisation_kind").items() if quoted or v != "quoted"),
                   key=len, reverse=True)
    if not heads:
        return re.compile(r"(?!)")
    return re.compile(rf"(?i).{{3,}}(?:{'|'.join(map(re.escape, heads))})(?:es|en|s|n)?")


def _kind_compound(w: str, lang: str, quoted: bool = False) -> bool:
    """Is the word a compound whose head says what kind of organisation the name after it is
    ("Buchhandelskette", "Pizza-Kette"; "Modehändlers" only before a quoted name)?"""
    return _kind_pattern(lang, quoted).fullmatch(w) is not None


def _names_after(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """Is token i a noun of kind right before an organisation's name: an acronym or a name the gazetteer
    lists ("die Gesundheitsbehörde WHO", "das Ministerium BMI")? Then the name is the organisation."""
    if i + 1 >= len(toks) or toks.sentence_of[i + 1] != toks.sentence_of[i]:
        return False
    nxt = toks.word(i + 1)
    return bool(_ACRONYM.fullmatch(nxt) and sum(c.isupper() for c in nxt) >= 2 and nxt not in lex.stop) \
        or (lex.lookup_key(nxt) or "").startswith("organization/")


_CONNECTORS = {"für", "der", "des", "und", "von", "zur", "zum", "de", "du", "of", "and", "for"}


def _long_form(toks: Tokens, i: int, acronym: str) -> tuple[int, int] | None:
    """The name an acronym in brackets abbreviates: "Gesellschaft für Wasserwirtschaft (GWW)".

    Walks back from the bracket over capitalised words and connectors while their initials still
    fit the acronym; the first word's initial must be the acronym's."""
    letters = [c for c in acronym if c.isupper()]
    k = i - 1
    start = None
    caps = 0
    while k >= 0 and toks.sentence_of[k] == toks.sentence_of[i] and i - k <= 7:
        w = toks.word(k)
        if w[:1].isupper() and w.isalpha() or ("-" in w and w[:1].isupper()):
            caps += 1
            if caps > len(letters):
                break
            if w[0] == letters[0] and caps >= 2:
                start = k
        elif w not in _CONNECTORS:
            break
        k -= 1
    if start is None:
        return None
    return toks.starts[start], toks.ends[i - 1]


def _nominative_name(toks: Tokens, span: tuple[int, int], lex: Lexicon) -> str:
    """A name after a genitive article in the nominative: "des Handelsverbands Nord (HVN)" names the
    "Handelsverband Nord" (its first word without the "s" is a noun the lexicon knows)."""
    name = toks.text[span[0]:span[1]]
    words = name.split(" ")
    before = toks.text[max(0, span[0] - 8):span[0]].split()
    if len(words) < 2 or not before or before[-1].lower() not in _name_words(lex.lang, "genitive_article"):
        return name
    for end in ("es", "s"):
        stem = words[0][:-len(end)]
        if words[0].endswith(end) and len(stem) > 3 and lex.is_common(stem):
            return " ".join([stem, *words[1:]])
    return name


def _nominative_org(w: str) -> str:
    """ "Abdullah-Zentrums" → "Abdullah-Zentrum"."""
    head = w.rsplit("-", 1)[1]
    for end in ("es", "s"):
        if w.endswith(end) and head[: -len(end)] in _COMPOUND_ORG_HEADS:
            return w[: -len(end)]
    return w


def _institution_name(toks: Tokens, i: int) -> str:
    w = toks.word(i)
    low = w.lower()
    for suffix in ("es", "s"):
        for head in ("ministerium", "amt", "gerichtshof", "parlament", "tag", "rat", "gericht"):
            if low.endswith(head + suffix):
                return w[: -len(suffix)]
    return w
