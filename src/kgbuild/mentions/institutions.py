"""Institutions named by a common noun: "die Polizei", "der Staatsanwaltschaft Potsdam", "laut Feuerwehr".

Local, crime and court news attribute most of what is said to institutions that the text
names only by their kind. The head nouns, their gender and number, and whether the noun is
as often a place or thing as an institution, are data (``lang/<code>/institutions.tsv``).

A head noun becomes a mention when it stands in a noun phrase: after a determiner or a
contracted preposition (adjectives may stand between), or right after "laut". A noun that
is as often a place as an institution ("die Stadt", "das Rathaus") becomes one only in a
source slot: after "laut", "nach Angaben", "Sprecher der", or as a subject right before a
speech verb.

What it refers to, in this order (the data model's rule for institutions):

1. an organisation the article named before whose name ends in the same noun
   ("das Robert Koch-Institut … das Institut", "die Kriminalpolizei … die Polizei"), unless
   the phrase or its sentence names another place for one of its kind (2);
2. an institution the text qualifies: a place or state right after it
   ("Staatsanwaltschaft Potsdam", "die Polizei in Potsdam"), a state's or place's
   adjective before it ("die griechische Polizei"), or, for a local institution such as a
   police or a health office, the town its sentence names after "in" ("In Kassel löste die
   Polizei …"): a corpus-wide node. In an article about two towns' police, a bare "die
   Polizei" later is neither's;
3. otherwise the one qualified institution of this noun the article names anywhere ("die Polizei"
   of an article that speaks once of "der Wiener Polizei" is the "Polizei Wien");
4. otherwise an institution of this article only: its key carries the article's hash, so
   "die Polizei" of two articles about two towns are two nodes.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from kgbuild import lang as lang_data
from kgbuild.keys import entity_key
from kgbuild.mentions.lexicon import spokesperson_kind
from kgbuild.model import Mention, Span

if TYPE_CHECKING:
    from kgbuild.mentions import Tokens
    from kgbuild.mentions.lexicon import Lexicon

__all__ = ["Institution", "article_territory", "find_institutions", "institution_heads", "national_name",
           "qualified_variant", "token_at_end"]


@dataclass(frozen=True)
class Institution:
    """A head noun that names an institution of its kind."""

    head: str  # nominative: "Polizei", "Gericht", "Behörden"
    gender: str  # "f", "m", "n"
    number: str  # "sg", "pl"
    agent_only: bool  # an institution only in a source slot


@dataclass(frozen=True)
class _Frame:
    """Closed-class words that mark an institution's noun phrase and a source slot (``speakers.tsv``,
    ``claims.tsv``), and the nouns of the lexicon that take a source in the genitive."""

    determiners: frozenset[str]  # "der", "vom": open the noun phrase
    adjective_endings: tuple[tuple[str, str], ...]  # (ending, its nominative), longest first: "örtlichen"
    subject_articles: frozenset[str]  # "der", "die", "das"
    source_before: frozenset[str]  # "laut": the source follows directly
    source_after: frozenset[str]  # "zufolge": the source stands right before it
    closing: frozenset[str]  # "so" in "…, so die Polizei."
    clause_openers: frozenset[str]  # what may stand before a subject that opens its clause
    place_prepositions: frozenset[str]  # "in" in "die Polizei in Potsdam"
    agents: frozenset[str]  # "von": the agent of a passive
    passive: frozenset[str]  # "wurde": with an agent, a passive of saying
    source_nouns: frozenset[str]  # "Angaben", "Sprecher": "nach Angaben der X", "ein Sprecher der X"
    joiners: frozenset[str]  # "und": "laut Polizei und Feuerwehr"
    territories: Mapping[str, tuple[str, ...]]  # "Landratsamt" -> ("Landkreis", "Kreis")
    local: tuple[str, ...]  # lower case: "polizei", "feuerwehr": a town has its own
    national: tuple[str, ...]  # lower case: "polizei", "behörde": a state has its own
    regional: frozenset[str]  # "DE": a state whose police and authorities are regional
    coordinators: frozenset[str]  # "und", "oder": "in Kassel und Fulda" names two towns


@lru_cache(maxsize=4)
def institution_heads(lang: str = "de") -> dict[str, Institution]:
    """Inflected form → institution, read from ``lang/<lang>/institutions.tsv``."""
    if not lang_data.has_file(lang, "institutions.tsv"):
        return {}
    out: dict[str, Institution] = {}
    for head, gender, number, agent_only in lang_data.table(lang, "institutions.tsv",
                                                            ("head", "gender", "number", "agent_only")):
        if agent_only == "compound":
            continue  # only the head of a compound (compound_heads)
        inst = Institution(head, gender, number, agent_only == "yes")
        out[head] = inst
        if number == "sg" and gender in ("m", "n"):  # genitive: "des Gerichts", "des Zivilschutzes"
            out.setdefault(head + "s", inst)
            out.setdefault(head + "es", inst)
        if number == "pl":  # dative plural: "den Behörden" is the same form; "-n" when missing
            out.setdefault(head if head.endswith("n") else head + "n", inst)
    return out


@lru_cache(maxsize=4)
def compound_heads(lang: str = "de") -> dict[str, tuple[str, Institution]]:
    """Lower-cased head (and its genitive) -> (nominative head, institution), for compounds: every row
    of ``institutions.tsv``, and those marked ``compound`` only so ("Gesundheitsamt", "Wetterdienst")."""
    if not lang_data.has_file(lang, "institutions.tsv"):
        return {}
    out: dict[str, tuple[str, Institution]] = {}
    for head, gender, number, _ in lang_data.table(lang, "institutions.tsv",
                                                   ("head", "gender", "number", "agent_only")):
        if number != "sg" or len(head) < 3:
            continue
        inst = Institution(head, gender, number, True)
        out[head.lower()] = (head, inst)
        if gender in ("m", "n"):
            out.setdefault(head.lower() + "s", (head, inst))
            out.setdefault(head.lower() + "es", (head, inst))
    return out


def _compound(word: str, compounds: dict[str, tuple[str, Institution]]) -> Institution | None:
    """The institution a compound noun names by its head ("Entschärfungsdienstes" -> the
    "Entschärfungsdienst"), in a source slot only; None when its last part is no institution head."""
    for k in range(3, len(word) - 2):
        hit = compounds.get(word[k:].lower())
        if hit is not None:
            head, inst = hit
            nominative = word[:k] + head.lower() if word[k:k + 1].islower() else word[:k] + head
            return Institution(nominative, inst.gender, inst.number, True)
    return None


_FRAMES: dict[str, _Frame] = {}


def _frame(lex: Lexicon) -> _Frame:
    """The frame words of the lexicon's language, built once per language."""
    frame = _FRAMES.get(lex.lang)
    if frame is None:
        sp = lang_data.word_lists(lex.lang, "speakers.tsv")
        cl = lang_data.word_lists(lex.lang, "claims.tsv")

        def words(lists: Mapping[str, Mapping[str, str]], name: str) -> frozenset[str]:
            return frozenset(lists.get(name, {}))

        endings = tuple(sorted(sp.get("adjective_ending", {}).items(), key=lambda kv: -len(kv[0])))
        spokes = frozenset(f for f, base in lex.titles.items() if base in ("Sprecher", "Sprecherin"))
        frame = _Frame(
            words(sp, "phrase_determiner"),
            endings,
            words(sp, "subject_article"), words(sp, "source_before"), words(sp, "source_after"),
            words(cl, "closing_source"), words(sp, "clause_opener"), words(sp, "place_preposition"),
            words(cl, "agent"), words(sp, "passive_aux"),
            lex.according_nouns | lex.report_nouns | spokes,
            frozenset(w for w, v in cl.get("coordinator", {}).items() if v == "joins"),
            {office: tuple(v.split()) for office, v in sp.get("territory_office", {}).items()},
            tuple(sorted(w.lower() for w in sp.get("local_institution", {}))),
            tuple(sorted(w.lower() for w in sp.get("national_institution", {}))),
            frozenset(sp.get("regional_country", {})),
            frozenset(cl.get("coordinator", {})),
        )
        _FRAMES[lex.lang] = frame
    return frame


def _article_tag(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def find_institutions(toks: Tokens, lex: Lexicon, earlier: Sequence[Mention],
                      free: Callable[[int, int], bool], sentence_of: Callable[[int], int]) -> list[Mention]:
    """Mentions of institutions named by a common noun, with the key or name they refer to.

    Args:
        toks: the article's tokens.
        lex: the language's lexicon (speech verbs, attribution nouns).
        earlier: the mentions found so far (named organisations, places, state adjectives).
        free: whether a stretch of text holds no mention yet.
        sentence_of: sentence index of an offset.

    Returns:
        New organisation mentions; those that refer to a named organisation carry its name
        (and key, when it has one), the others their own name and, unqualified, an
        article-scoped key.
    """
    heads = institution_heads(lex.lang)
    if not heads:
        return []
    compounds = compound_heads(lex.lang)
    text = toks.text
    frame = _frame(lex)
    orgs = sorted((m for m in earlier if m.kind == "organization"), key=lambda m: m.span.begin)
    countries = sorted((m for m in earlier if m.kind == "country" and m.role == "name" and m.key),
                       key=lambda m: m.span.begin)
    by_begin = {m.span.begin: m for m in earlier}
    by_end = {m.span.end: m for m in earlier}
    tag: str | None = None
    found: list[tuple[Mention, Institution, bool]] = []  # mention, its institution, in a source slot
    carried: set[int] = set()  # the found ones that took a qualified name from the one of its kind before
    elsewhere: set[int] = set()  # the found ones in a passage about a state whose authorities are regional
    opening: set[int] = set()  # the mentions (by begin) whose phrase opens the sentence: its subject
    for i in range(len(toks)):
        w = toks.word(i)
        inst = heads.get(w)
        if inst is None and w[:1].isupper() and len(w) > 6 and w.isalpha():
            inst = _compound(w, compounds)  # "das Gesundheitsamt", "laut Rettungsdienst"
        if inst is None or not free(toks.starts[i], toks.ends[i]):
            continue
        # the second of two joined institutions shares the first one's phrase: "laut Polizei und Feuerwehr"
        joined = found and i > 1 and toks.word(i - 1) in frame.joiners and found[-1][0].span.end == toks.ends[i - 2]
        town = _town_adjective(toks, i - 1, lex) if i > 0 and not joined else None
        if town is None and i > 1 and not joined and inst.head.lower().endswith(frame.local):
            town = _small_town_adjective(toks, i - 1, lex, frame)  # "die Wessinger Polizei": a town the gazetteer lacks
        start = i if joined else _phrase_start(toks, i - 1 if town else i, by_end, frame)
        if start is None:
            continue
        slot = found[-1][2] if joined else _in_source_slot(toks, lex, frame, start, i)
        if inst.agent_only and not slot:
            continue
        b, e = toks.starts[i], toks.ends[i]
        sent = sentence_of(b)
        ante = _antecedent(orgs, inst, b)
        # the name the phrase or its sentence gives: a town's adjective ("die Berliner Polizei"), a place or state
        # ("Polizei in Potsdam", "die griechische Polizei"), the town a local institution acts in
        own = f"{inst.head} {town}" if town is not None else _qualifier(toks, i, start, by_begin, by_end, inst, frame)
        if own is None and inst.head.lower().endswith(frame.local) \
                and (where := _unknown_seat(toks, i, by_begin, lex)
                     or _town_of_sentence(toks, i, by_begin, frame, lex)):
            own = f"{inst.head} {where}"  # "der Polizeiinspektion Wessing", "In Bonn löste die Polizei …"
        topic = _passage_state(toks, i, countries, frame, lex) \
            if inst.head.lower().endswith(frame.national) and (ante is None or ante.name == inst.head
                                                               or qualified_variant(inst.head, (ante.name,))) else None
        if own is None and topic:
            own = f"{topic} {inst.head}"  # "In Schweden … die Gesundheitsbehörde"
        if ante is not None and (own is not None and ante.name != own or topic == "") \
                and (ante.name == inst.head or qualified_variant(inst.head, (ante.name,)) is not None):
            ante = None  # it names another of its kind than the one before: "die Polizei Bonn … in Köln die Polizei"
        span = Span.of(text, b, e)
        same = i + 1 < len(toks) and toks.sentence_of[i + 1] == toks.sentence_of[i]
        named = by_begin.get(toks.starts[i + 1]) if same else None
        if named is not None and named.kind == "organization" and named.role in ("name", "acronym"):
            # "die Gesundheitsbehörde WHO", "der Konzern Siemens": the noun says what the name after it is
            m = Mention(span, "organization", named.name, named.key, "name", sent)
        elif ante is not None:
            m = Mention(span, "organization", ante.name, ante.key, "name", sent)
            if ante.key is None and qualified_variant(inst.head, (ante.name,)) is not None:
                carried.add(len(found))  # the place of the one before: undone below when the article has two
        elif own is not None:
            m = Mention(span, "organization", own, None, "name", sent)
        elif (territory := article_territory(toks, lex, inst.head, by_begin)) is not None:
            m = Mention(span, "organization", f"{inst.head} {territory}", None, "name", sent)
        else:
            tag = tag or _article_tag(text)
            m = Mention(span, "organization", inst.head, f"{entity_key('organization', inst.head)}--{tag}",
                        "name", sent)
        if topic == "":
            elsewhere.add(len(found))  # "In Deutschland meldete die Polizei": not a foreign state's named before
        found.append((m, inst, slot))
        if start == 0 or toks.sentence_of[start - 1] != toks.sentence_of[start]:
            opening.add(b)
        bisect.insort(orgs, m, key=lambda x: x.span.begin)  # a later bare noun may refer back to it
    # in an article about the police of two towns, a bare "die Polizei" is neither's
    for n in sorted(carried):
        m, inst, slot = found[n]
        if qualified_variant(inst.head, {f.name for f, _, _ in found if f.key is None}) is None:
            tag = tag or _article_tag(text)
            found[n] = (replace(m, name=inst.head, key=f"{entity_key('organization', inst.head)}--{tag}"), inst, slot)
    # a bare noun refers to the one qualified institution of its kind the article names, before or after
    # it, in a source slot or not ("die Polizei … der Wiener Polizei"); with none or several it stays bare
    if tag is not None:
        keys = {m.name: m.key for m in orgs if m.key is None or not m.key.endswith(tag)}
        for n, (m, inst, slot) in enumerate(found):
            if m.key is not None and m.key.endswith(f"--{tag}") and inst.number == "sg" and n not in elsewhere \
                    and (variant := qualified_variant(inst.head, keys)) is not None:
                found[n] = (replace(m, name=variant, key=keys[variant]), inst, slot)
    # an institution the article never gives a voice is background ("vor Gericht", "im Parlament"):
    # it becomes a node only when one of its mentions stands in a source slot, opens the sentence of a
    # new spokesperson or the one before, or is of the kind a later compound spokesperson names
    spokes, kinds = _unowned_spokespeople(toks, lex)
    speaking = {m.key or m.name for m, inst, slot in found
                if slot or inst.number == "sg" and m.span.begin in opening
                and (m.sentence in spokes or m.sentence + 1 in spokes)
                or inst.number == "sg" and any(inst.head.lower().endswith(kind) and m.sentence < at
                                               for kind, at in kinds)}
    return [m for m, _, _ in found if (m.key or m.name) in speaking]


def _passage_state(toks: Tokens, i: int, countries: Sequence[Mention], frame: _Frame, lex: Lexicon) -> str | None:
    """The adjective (weak nominative) of the one foreign state the passage of token i is about: named after
    "in" in its sentence or the two before, before it, and no other state named there ("In Schweden steigen die
    Zahlen. Die Gesundheitsbehörde …" -> "schwedische"); "" for a state whose authorities are regional (no
    state's institution is meant), None when the passage names no such state."""
    s = toks.sentence_of[i]
    near = [m for m in countries if m.span.end <= toks.starts[i] and 0 <= s - m.sentence <= 2]
    if not near or len({m.key for m in near}) > 1:
        return None
    code = (near[0].key or "").removeprefix("country/").upper()
    located = any((toks.text[:m.span.begin].split() or [""])[-1].lower() in frame.place_prepositions for m in near)
    country = lang_data.load(lex.lang).country_by_code.get(code)
    if not located or country is None or not country.adjectives:
        return None
    if code in frame.regional:
        return ""
    return f"{country.adjectives[0]}e"


def national_name(toks: Tokens, i: int, name: str, mentions: Sequence[Mention], lex: Lexicon) -> str | None:
    """The name of a state's institution of its kind named by a common noun at token i, when its passage is
    about one foreign state ("In Schweden … die Gesundheitsbehörde" -> "schwedische Gesundheitsbehörde")."""
    frame = _frame(lex)
    if not name.lower().endswith(frame.national):
        return None
    countries = sorted((m for m in mentions if m.kind == "country" and m.role == "name" and m.key),
                       key=lambda m: m.span.begin)
    topic = _passage_state(toks, i, countries, frame, lex)
    return f"{topic} {name}" if topic else None


def _town_of_sentence(toks: Tokens, i: int, by_begin: Mapping[int, Mention], frame: _Frame,
                      lex: Lexicon) -> str | None:
    """The town a local institution at token i acts in, by its sentence: the town after "in" nearest before it
    ("In Karlsruhe löste die Polizei …", "Bei der Demonstration in Bonn nahm die Polizei …"), else one right
    after its clause ("laut Polizei in Bonn"; as far as the next comma). A town of the gazetteer only: "in
    Bayern", "in Deutschland" name no town."""
    s = toks.sentence_of[i]
    places = lang_data.load(lex.lang).places_by_name

    def town(k: int) -> str | None:
        if k + 1 >= len(toks) or toks.word(k).lower() not in frame.place_prepositions or toks.sentence_of[k + 1] != s:
            return None
        m = by_begin.get(toks.starts[k + 1])
        if m is None or m.kind != "place" or m.role != "name":
            return None
        found = places.get(m.name)
        if not found or found[0].kind != "city":
            return None
        last = token_at_end(toks, m.span.end)  # "in Bad Tölz-Wolfratshausen"
        end = toks.ends[last] if last is not None else m.span.end
        after = toks.text[end:end + 6].split()
        if after and (after[0] in frame.coordinators or after[0] == ","):
            return None  # "in Regensburg und Aichach": two towns, two police forces
        return toks.text[m.span.begin:end]

    def apart(k: int) -> bool:  # a line break or a bracket between token k and the next
        return "\n" in toks.text[toks.ends[k]:toks.starts[k + 1]] or toks.word(k) in ("]", ")", "[", "(")

    k = i - 1
    while k >= 0 and toks.sentence_of[k] == s and not apart(k):
        if (name := town(k)) is not None:
            return name
        k -= 1
    k = i + 1
    while k < len(toks) and toks.sentence_of[k] == s and toks.word(k) not in (",", ";", ":") and k - i <= 8 \
            and not apart(k - 1):
        if (name := town(k)) is not None:
            return name
        k += 1
    return None


def qualified_variant(head: str, names: Iterable[str]) -> str | None:
    """The one name among ``names`` that qualifies the institution ``head`` by a place, state or owner
    ("Polizei Wien", "Griechische Polizei" for "Polizei"); None when there is none or there are several, or
    when a compound names another of its kind ("Bundespolizei")."""
    low = head.lower()
    variants = set()
    for name in names:
        words = name.split()
        if len(words) > 1 and (words[0].lower() == low or words[-1].lower() == low):
            variants.add(name)
        elif len(words) == 1 and len(name) > len(head) and name.lower().endswith(low):
            return None  # "das Bundesgesundheitsministerium … das Gesundheitsministerium in Berlin": left open
    return next(iter(variants)) if len(variants) == 1 else None


def _town_adjective(toks: Tokens, k: int, lex: Lexicon) -> str | None:
    """The place a town's adjective before an institution names: "Berliner" (Polizei) -> "Berlin"."""
    if k + 1 < len(toks) and toks.sentence_of[k + 1] != toks.sentence_of[k]:
        return None
    return town_of_adjective(toks.word(k), lex)


def _small_town_adjective(toks: Tokens, k: int, lex: Lexicon, frame: _Frame) -> str | None:
    """The town a capitalised -er adjective names when the gazetteer does not know it: "Wessinger" -> "Wessing".
    Only between a determiner and a local institution ("die Wessinger Polizei"), where an ordinary adjective
    would end in -e or -en, and only a word that is no common German word."""
    w = toks.word(k)
    if not (w[:1].isupper() and w.endswith("er") and len(w) > 5 and w.isalpha()) or lex.is_common(w) \
            or w in lex.stop or toks.word(k - 1).lower() not in frame.determiners \
            or toks.sentence_of[k - 1] != toks.sentence_of[k + 1]:
        return None
    return w[:-2]


def town_of_adjective(w: str, lex: Lexicon) -> str | None:
    """The town a capitalised -er adjective names: "Berliner" -> "Berlin", "Münchner" -> "München" (place
    adjectives of places.tsv), "Tölzer" -> "Bad Tölz" (a spa town's adjective drops the "Bad"); None for others."""
    if not (w[:1].isupper() and w.endswith("er") and len(w) > 5 and w.isalpha()):
        return None
    place = lang_data.load(lex.lang).place_adjectives.get(w)  # "Münchner" -> München
    if place is not None:
        return place.name
    for name in (w[:-2], f"Bad {w[:-2]}"):
        key = lex.lookup_key(name)
        if key is not None and key.startswith("place/"):
            return name
    return None


def _unowned_spokespeople(toks: Tokens, lex: Lexicon) -> tuple[set[int], set[tuple[str, int]]]:
    """The sentences naming a new spokesperson without saying whose ("sagte ein Sprecher am Morgen"): an
    institution that opens this or the sentence before, as its subject, speaks through him or her ("Die
    Polizei hat … verzeichnet. „…“, sagte ein Sprecher"; not "Mitarbeiter hätten die Polizei gerufen").
    And the kinds of institution a compound spokesperson's title names, with its sentence ("polizei" of
    "eine Polizeisprecherin"): one of that kind named before in the article may be whom he or she speaks for."""
    out: set[int] = set()
    kinds: set[tuple[str, int]] = set()
    indefinite = lang_data.words(lex.lang, "speakers.tsv", "indefinite_article")
    owner_openers = lang_data.words(lex.lang, "speakers.tsv", "owner_opener")
    for i in range(1, len(toks) - 1):
        if toks.word(i - 1).lower() not in indefinite:
            continue  # "der Sprecher" refers back to one named before; "ein Sprecher" is new
        found = lex.title_of(toks.word(i))
        kind = spokesperson_kind(found[0]) if found is not None else None
        if found is None or found[1] is not None or lex.title_categories.get(found[0]) != "spokesperson" \
                or kind is None:
            continue
        nxt = toks.word(i + 1)
        if nxt not in owner_openers and not nxt[:1].isupper():
            out.add(toks.sentence_of[i])
            if len(kind) > 3:  # "polizei" of "Polizeisprecherin"
                kinds.add((kind, toks.sentence_of[i]))
    return out, kinds


def _phrase_start(toks: Tokens, i: int, by_end: dict[int, Mention], frame: _Frame) -> int | None:
    """The first token of the noun phrase headed by token i, or None when it is no such phrase."""
    k = i - 1
    s = toks.sentence_of[i]
    while k >= 0 and toks.sentence_of[k] == s and i - k <= 4:
        w = toks.word(k)
        if w.lower() in frame.determiners or w.lower() in frame.source_before:
            return k
        before = by_end.get(toks.ends[k])
        if _adjective_ending(w, frame) is not None or (before is not None and before.role == "adjective"):
            k -= 1
            continue
        return None
    return None


def _in_source_slot(toks: Tokens, lex: Lexicon, frame: _Frame, start: int, i: int) -> bool:
    """Does the phrase stand where a statement's source stands?"""
    w = toks.word(start)
    if w.lower() in frame.source_before:
        return True
    if start > 0 and toks.sentence_of[start - 1] == toks.sentence_of[i]:
        before = toks.word(start - 1)
        if before in frame.source_nouns:  # "nach Angaben der Stadt", "ein Sprecher der Stadt"
            return True
        if before.lower() in frame.source_before:  # "laut der Polizei", "Laut der Feuerwehr"
            return True
        if before in frame.closing and start > 1 and toks.word(start - 2) == ",":  # "…, so der Verband."
            return True
    s = toks.sentence_of[i]
    # the subject after its verb: "teilten die Behörden mit", "sagte die Polizei"
    if w.lower() in frame.subject_articles and start > 0 and toks.sentence_of[start - 1] == s \
            and lex.speech_verb(toks.word(start - 1)) is not None:
        return True
    # "der Polizei zufolge"; the subject of a speech verb in its clause: "Die Stadt teilte am Montag
    # mit", "wie die Polizei am Abend mitteilte"
    subject = w.lower() in frame.subject_articles and (start == 0 or toks.sentence_of[start - 1] != s
                                                       or toks.word(start - 1) in frame.clause_openers)
    # the agent of a passive speech verb: "Von der Stadt wurde am Montag mitgeteilt, …"
    agent = start > 0 and toks.sentence_of[start - 1] == s and toks.word(start - 1).lower() in frame.agents
    passive = False
    for j in range(i + 1, min(i + 8, len(toks))):
        w = toks.word(j)
        if toks.sentence_of[j] != s or w in (",", ";", ":", ".", "(", "„", "“", '"'):
            break
        if w in frame.source_after and j == i + 1 or subject and lex.speech_verb(w) is not None:
            return True
        passive = passive or w in frame.passive
        if agent and passive and lex.speech_verb(w) is not None:
            return True
    return False


def _antecedent(orgs: Sequence[Mention], inst: Institution, begin: int) -> Mention | None:
    """The latest named organisation before ``begin`` whose name ends in the same noun."""
    head = inst.head.lower()
    for m in reversed(orgs):
        if m.span.begin >= begin:
            continue
        last = m.name.split()[-1].lower() if m.name.split() else ""
        first = m.name.split()[0].lower() if m.name.split() else ""
        if last.endswith(head) or (first == head and len(m.name.split()) > 1):
            return m
    return None


def _qualifier(toks: Tokens, i: int, start: int, by_begin: dict[int, Mention],
               by_end: dict[int, Mention], inst: Institution, frame: _Frame) -> str | None:
    """The name of an institution qualified by a place or state: "Staatsanwaltschaft Potsdam"."""
    # a state's or place's adjective inside the phrase: "die griechische Polizei"
    for k in range(start + 1, i):
        m = by_end.get(toks.ends[k])
        if m is not None and m.role == "adjective" and m.kind in ("country", "place"):
            adj = m.span.text
            stem = _nominative_adjective(adj, frame) if adj[:1].islower() else adj
            return f"{stem} {inst.head}"
    # a place or state right after it, or after "in": "Staatsanwaltschaft Potsdam", "Polizei in Potsdam"
    j = i + 1
    if j < len(toks) and toks.word(j) in frame.place_prepositions:
        j += 1
    if j < len(toks) and toks.sentence_of[j] == toks.sentence_of[i]:
        m = by_begin.get(toks.starts[j])
        if m is not None and m.kind in ("place", "country") and m.role == "name":
            return f"{inst.head} {m.name}"
    return None


def _unknown_seat(toks: Tokens, i: int, by_begin: Mapping[int, Mention], lex: Lexicon) -> str | None:
    """A town the gazetteer lacks right after a local institution: "der Polizeiinspektion Wessing". A
    capitalised word that is no common word, name, title or mention, before a punctuation mark or a lower-case
    word ("sagte die Polizei Reportern" is a dative)."""
    j = i + 1
    if j + 1 >= len(toks) or toks.sentence_of[j] != toks.sentence_of[i] or toks.starts[j] in by_begin:
        return None
    w, nxt = toks.word(j), toks.word(j + 1)
    if not (w[:1].isupper() and w.isalpha() and len(w) > 3) or lex.is_common(w) or w in lex.stop \
            or lex.is_first_name(w) or lex.title_of(w) is not None or lex.speech_verb(w.lower()) is not None:
        return None
    if toks.sentence_of[j + 1] == toks.sentence_of[j] and nxt[:1].isupper():
        return None
    return w



def article_territory(toks: Tokens, lex: Lexicon, office: str, by_begin: Mapping[int, Mention]) -> str | None:
    """The one territory of its kind the article names for an authority of a territory ("Ebersberg" of
    "im Landkreis Ebersberg" for "Landratsamt"), None when it names none or several.

    Args:
        toks: the article's tokens.
        lex: the language's lexicon.
        office: the authority's noun in the nominative ("Landratsamt").
        by_begin: the mentions found so far, by their first offset.
    """
    kinds = _frame(lex).territories.get(office)
    if not kinds:
        return None
    forms = {k + e for k in kinds for e in ("", "s", "es")}  # "des Landkreises Ebersberg"
    names = set()
    for j in range(len(toks) - 1):
        if toks.word(j) in forms and toks.sentence_of[j + 1] == toks.sentence_of[j]:
            m = by_begin.get(toks.starts[j + 1])
            if m is not None and m.kind == "place" and m.role == "name":
                k = token_at_end(toks, m.span.end)
                # a district named after two towns: "Bad Tölz-Wolfratshausen"
                names.add(toks.text[m.span.begin:toks.ends[k]] if k is not None else m.name)
            elif m is None:  # a district the gazetteer lacks: "im Landkreis Bad Tölz-Wolfratshausen"
                k = j + 1
                while k < len(toks) and k - j <= 3 and toks.sentence_of[k] == toks.sentence_of[j] \
                        and toks.word(k)[:1].isupper() and toks.word(k).replace("-", "").isalpha() \
                        and not lex.is_common(toks.word(k)) and toks.word(k) not in lex.stop:
                    k += 1
                if k > j + 1:
                    names.add(toks.text[toks.starts[j + 1]:toks.ends[k - 1]])
    return next(iter(names)) if len(names) == 1 else None


def token_at_end(toks: Tokens, end: int) -> int | None:
    """The token that holds offset ``end - 1`` when the text goes on there with a hyphen ("Bad Tölz" of
    "Bad Tölz-Wolfratshausen"), else None."""
    if toks.text[end:end + 1] != "-":
        return None
    k = bisect.bisect_right(toks.starts, end - 1) - 1
    return k if 0 <= k < len(toks) and toks.ends[k] > end else None


def _adjective_ending(word: str, frame: _Frame) -> tuple[str, str] | None:
    """The ending of a lower-case attributive adjective ("örtlichen": ("en", "e")), or None."""
    if not word[:1].islower():
        return None
    return next(((e, nom) for e, nom in frame.adjective_endings if word.endswith(e) and len(word) > len(e)), None)


def _nominative_adjective(adj: str, frame: _Frame) -> str:
    """The adjective in the form it has before a name in the nominative: "griechischen" -> "griechische"."""
    ending = _adjective_ending(adj, frame)
    return adj if ending is None else adj[: -len(ending[0])] + ending[1]
