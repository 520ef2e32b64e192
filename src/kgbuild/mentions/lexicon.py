"""The word lists and gazetteers the mention, linking and claim stages read, compiled once.

Everything language-specific comes from ``kgbuild/lang/<code>/`` (via :func:`kgbuild.lang.load`
and the cue files beside it); this module only turns it into fast lookups: one
Aho-Corasick automaton over every gazetteer surface form, hash sets for first names,
titles and stop words, and the speech-verb table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, TypeVar

import ahocorasick
from rapidfuzz import fuzz, process

from kgbuild.lang import has_file, read_text
from kgbuild.model import EntityKind, MentionRole, SpeechAct, Structure
from kgbuild.quotes import DOUBLE_MARKS

_WORD = re.compile(r"\w")
_MARKS = "".join(sorted(DOUBLE_MARKS))
_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "chen", "lein", "nis", "ment", "ium",
                  "ungen", "heiten", "keiten", "schaften", "tionen", "ie", "ien", "ei", "eien", "ur", "uren",
                  "ik", "iken", "ling", "linge", "tum", "tümer", "nisse", "ente", "enten", "ität", "itäten")
_OFFICE_CATEGORIES = {"government", "head_of_state", "minister", "parliament", "party", "diplomacy", "spokesperson",
                      "leadership", "judiciary", "military", "royalty", "administration", "religion"}
_MEDIA_KINDS = {"agency", "newspaper", "broadcaster", "magazine", "media", "outlet", "tv", "radio", "online"}
_GOV_TITLE = re.compile(
    r"(?i)(minister|präsident|kanzler|premier|regierungschef|staatschef|staatssekretär|könig|königin|"
    r"botschafter|bürgermeister|gouverneur|landrat|senator|abgeordnet|regierungssprecher|staatsoberhaupt|"
    r"außenbeauftragt|emir|scheich|monarch|vizekanzler|vizepräsident)"
)


@dataclass(frozen=True)
class GazEntry:
    """One thing a gazetteer knows, and how a surface form names it."""

    kind: EntityKind
    key: str
    name: str
    role: MentionRole = "name"
    country_code: str | None = None
    wikidata: str | None = None
    contained_in: str | None = None
    org_kind: str | None = None
    ambiguous: bool = False


@dataclass(frozen=True)
class SpeechVerb:
    """A finite form of a speech verb and what it expresses."""

    act: SpeechAct
    particles: dict[str, SpeechAct] = field(default_factory=dict)
    needs_particle: bool = False
    objects: frozenset[str] = frozenset()
    particle_objects: dict[str, frozenset[str]] = field(default_factory=dict)  # "sprach sich für … aus"

    @property
    def needs_object(self) -> bool:
        return bool(self.objects)


@dataclass
class Lexicon:
    """Compiled lookups for one language."""

    lang: str
    automaton: Any
    entries: dict[str, GazEntry]
    first_names: frozenset[str]
    titles: dict[str, str]  # inflected form -> base title
    title_heads: tuple[tuple[str, str], ...]  # (compound head, base) e.g. ("sprecher", "Sprecher")
    stop: frozenset[str]
    verbs: dict[str, SpeechVerb]
    according_nouns: frozenset[str]
    report_nouns: frozenset[str]
    _common: Any = None
    title_categories: dict[str, str] = field(default_factory=dict)
    _title_cache: dict[str, tuple[str, str | None] | None] = field(default_factory=dict)
    _common_cache: dict[str, bool] = field(default_factory=dict)
    _org_names: dict[str, str] | None = None
    entity_words: frozenset[str] = frozenset()
    surface_keys: dict[str, str] = field(default_factory=dict)
    # (title or "prefix*", states it implies; () for a local office) from office_states.tsv
    office_states: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # an adjectival title's feminine form -> its masculine base ("Vorsitzende" -> "Vorsitzender")
    adjectival_titles: dict[str, str] = field(default_factory=dict)
    # adjectives that are part of an office ("stellvertretend", "*politisch"), from title_modifiers.txt
    title_modifiers: tuple[str, ...] = ()
    # a common noun that names an office's owner ("Verband", "Partei"): form -> (base, org kind or "")
    owner_nouns: dict[str, tuple[str, str]] = field(default_factory=dict)
    # a place's -er or declined adjective and short form -> its key ("Kölner", "bayerischen", "NRW"):
    # only for the owner of an office, never a mention by itself
    place_owner_forms: dict[str, str] = field(default_factory=dict)
    # a local office's title -> the nouns before its seat's name ("Landrat" -> "Kreis", "Landkreis" …)
    office_seats: dict[str, frozenset[str]] = field(default_factory=dict)
    possessives: frozenset[str] = frozenset()  # "sein", "ihre" … (pronouns.tsv), both capitalisations
    office_words: dict[str, frozenset[str]] = field(default_factory=dict)  # office_words.tsv: list -> words

    # ---- gazetteer
    def match(self, text: str, structure: Structure) -> Iterator[tuple[int, int, GazEntry]]:
        """Gazetteer matches on word boundaries, longest first, without overlaps."""
        found: list[tuple[int, int, GazEntry]] = []
        for end, (entry, surface_len) in self.automaton.iter(text):
            b, e = end - surface_len + 1, end + 1
            if b > 0 and _WORD.match(text[b - 1]):
                continue
            if e < len(text) and _WORD.match(text[e]):
                continue
            found.append((b, e, entry))
        found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        occupied = bytearray(len(text))
        kept: list[tuple[int, int, GazEntry]] = []
        parties: list[tuple[int, int, GazEntry]] = []
        for b, e, entry in found:
            if occupied.find(1, b, e) != -1:
                continue
            if entry.ambiguous and not in_context(text, b, entry.kind):
                if entry.org_kind == "party":
                    parties.append((b, e, entry))  # "Grüne und Linke": see below
                continue
            occupied[b:e] = b"\x01" * (e - b)
            kept.append((b, e, entry))
        # a party's name that is also a word ("Linke") names the party when joined to another party's name
        gaps = (*(f" {j} " for j in _PARTY_JOINERS), ", ")

        def left(b: int) -> int | None:  # where the gap before offset b begins, if b follows a joiner or comma
            return next((b - len(g) for g in gaps if text[b - len(g):b] == g), None)

        def right(e: int) -> tuple[int, str] | None:  # where the word after the gap at e begins, and the gap
            return next(((e + len(g), g) for g in gaps if text[e:e + len(g)] == g), None)

        party_ends = {e for _, e, x in kept if x.org_kind == "party"}
        party_begins = {b for b, _, x in kept if x.org_kind == "party"}
        begins = {b for b, _, _ in parties}
        for _, e, _ in parties:  # two such names joined by a word: "Grüne und Linke"
            after = right(e)
            if after is not None and after[1] != ", " and after[0] in begins:
                party_ends.add(e)
                party_begins.add(after[0])
        while parties:
            joined = [(b, e, x) for b, e, x in parties if occupied.find(1, b, e) == -1
                      and (left(b) in party_ends or (right(e) or (-1, ""))[0] in party_begins)]
            if not joined:
                break
            for b, e, x in joined:
                occupied[b:e] = b"\x01" * (e - b)
                kept.append((b, e, x))
                party_ends.add(e)
                party_begins.add(b)
            parties = [p for p in parties if p not in joined]
        yield from kept

    def country_name(self, w: str) -> bool:
        """Is the word a state's name ("Frankreich")?"""
        key = self.surface_keys.get(w, "")
        e = self.entries.get(key)
        return e is not None and e.kind == "country" and e.name == w

    def fuzzy_organization(self, name: str) -> str | None:
        """The gazetteer organisation a slightly misspelt multi-word name means ("Irish Indepedent").

        Only names of two or more words and at least eight letters are tried, and only at a
        similarity of 90 or more, so short acronyms and single words never drift to a neighbour.
        """
        if " " not in name or len(name) < 8:
            return None
        if self._org_names is None:
            self._org_names = {e.name: k for k, e in self.entries.items()
                               if e.kind == "organization" and " " in e.name}
            for surface, key in self.surface_keys.items():
                if key.startswith("organization/") and " " in surface:
                    self._org_names.setdefault(surface, key)
        hit = process.extractOne(name, self._org_names.keys(), scorer=fuzz.ratio, score_cutoff=90)
        return self._org_names[hit[0]] if hit else None

    def entry(self, key: str) -> GazEntry | None:
        return self.entries.get(key)

    def lookup_key(self, surface: str) -> str | None:
        """The key a surface form names in the gazetteer ("Kreml" → the Kremlin's key)."""
        return self.surface_keys.get(surface)

    def org_kind(self, key: str) -> str | None:
        e = self.entries.get(key)
        return e.org_kind if e else None

    def org_country(self, key: str) -> str | None:
        e = self.entries.get(key)
        if e and e.contained_in:
            return e.contained_in
        return None

    def is_media(self, key: str, name: str) -> bool:
        e = self.entries.get(key)
        if e is not None:
            return (e.org_kind or "") in _MEDIA_KINDS
        return False

    def is_entity_word(self, w: str) -> bool:
        return w in self.entity_words

    # ---- words
    def is_first_name(self, w: str) -> bool:
        """A given name, and not a function word that happens to be one ("Am", "Eine", "Im")."""
        if w in self.first_names:
            return w not in self.stop
        if "-" in w:
            parts = w.split("-")
            return all(p in self.first_names for p in parts)  # "Leif-Erik"; not "Ludwig-Brauerei"
        return False

    def _known(self, w: str) -> bool:
        if self._common is None:
            self._common = _common_words(self.lang)
        return w in self._common

    def is_word(self, w: str) -> bool:
        """Is the word, exactly as written, a form in the bundled dictionary ("insgesamt")?"""
        return self._known(w)

    def is_common(self, w: str) -> bool:
        return _memo(self._common_cache, w, self._is_common)

    def _is_common(self, w: str) -> bool:
        """Is a capitalised word a common German word rather than a name?

        The bundled dictionary also lists many proper names, so a listed word counts as
        common only when it has a lower-case reading too ("Vertrauen"), a noun suffix
        ("Regierung", "Parlament"), or the length of a compound ("Warteschlange").
        """
        if w in self.stop:
            return True
        if not self._known(w):
            return False
        if self._known(w.lower()) or len(w) >= 11 or w.lower().endswith(_NOUN_SUFFIXES):
            return True
        # a noun has inflected forms beyond a genitive -s ("Kontakte", "Kriegen"); a surname has not
        d = self._common
        return any(d.get(w + end) == w for end in ("e", "en", "n", "er", "es"))

    def title_of(self, w: str) -> tuple[str, str | None] | None:
        """The base title a word names, and the first part of a compound ("Kreml-Sprecher")."""
        return _memo(self._title_cache, w, self._title_of)

    def _title_of(self, w: str) -> tuple[str, str | None] | None:
        base = self.titles.get(w)
        if base is not None:
            if "-" in w:  # a listed "NATO-Generalsekretär"
                head = w.rpartition("-")[0]
                return base, head if head in self.surface_keys else None
            # "Kremlsprecher": a listed compound still names whose office it is
            low = w.lower()
            for suffix, _b in self.title_heads:
                if low.endswith(suffix) and len(low) > len(suffix) + 2:
                    prefix = w[: len(w) - len(suffix)].rstrip("s-")
                    if self._compound_owner(prefix):
                        return base, prefix
                    break
            return base, None
        if "-" in w:
            head, _, last = w.rpartition("-")
            if not head[:1].isupper():
                return None
            base = self.titles.get(last)
            if base is not None:
                return base, head
            # "UNICEF-Regionaldirektor": an unlisted compound title after the owner's name
            low = last.lower()
            for suffix, _base in self.title_heads:
                if low.endswith(suffix) and len(low) > len(suffix) + 2:
                    return _uninflect(last, suffix), head
            return None
        low = w.lower()
        for suffix, _base in self.title_heads:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                prefix = w[: len(w) - len(suffix)].rstrip("s-")
                hint = prefix if self._compound_owner(prefix) else None
                return _uninflect(w, suffix), hint
        return None

    def _compound_owner(self, prefix: str) -> bool:
        """Does the first part of a closed compound title name its owner ("Kremlsprecher", "Bahnchef")?
        Not an outlet's name that is also an everyday word ("Pressesprecher" is no newspaper's)."""
        if prefix not in self.surface_keys:
            return False
        hit = self.automaton.get(prefix, None) if self.automaton is not None else None
        entry = hit[0] if hit else None
        return not (entry is not None and entry.ambiguous and entry.org_kind in _MEDIA_KINDS)

    def is_office(self, title: str) -> bool:
        """An office someone holds, rather than a description ("Experte", "Blogger", "Korrespondent").
        A title with a modifier is its last word's ("außenpolitischer Sprecher", "stellvertretender Vorsitzender")."""
        base = self.titles.get(title) or self.titles.get(title.rpartition(" ")[2], title)
        return self.title_categories.get(base, "") in _OFFICE_CATEGORIES or self.is_government_title(title)

    def implied_states(self, title: str) -> tuple[str, ...] | None:
        """The states a title implies by itself ("Bundesminister"), ``()`` for a local office
        ("Landrat"), ``None`` when the title says nothing about its state."""
        for pattern, states in self.office_states:
            if title == pattern or (pattern.endswith("*") and title.startswith(pattern[:-1])):
                return states
        return None

    def is_government_title(self, title: str) -> bool:
        return _GOV_TITLE.search(title) is not None

    def speech_verb(self, w: str) -> SpeechVerb | None:
        return self.verbs.get(w)


_MEMO_LIMIT = 300_000  # words remembered per lookup; a corpus run stays bounded in memory
_T = TypeVar("_T")


def _memo(cache: dict[str, _T], w: str, compute: Callable[[str], _T]) -> _T:
    """``compute(w)``, remembered in ``cache`` (the same words recur in every article)."""
    try:
        return cache[w]
    except KeyError:
        hit = compute(w)
        if len(cache) < _MEMO_LIMIT:
            cache[w] = hit
        return hit


def _uninflect(w: str, head: str) -> str:
    """A compound title in its base form: "Nachrichtenchefs" → "Nachrichtenchef"."""
    low = w.lower()
    for end in ("en", "s", "n"):
        if low.endswith(head + end):
            return w[: -len(end)]
    return w


_PLACE_CUES = {"in", "aus", "nach", "bei", "von", "im", "nahe"}
_PARTY_JOINERS = ("und", "oder", "sowie")
_MEDIA_CUES = {"zeitung", "tageszeitung", "wochenzeitung", "magazin", "nachrichtenmagazin", "blatt", "sender",
               "boulevardzeitung", "laut", "zeitschrift", "portal", "onlineportal"}


def in_context(text: str, b: int, kind: str = "place") -> bool:
    """An ambiguous name counts only in context: a place after a locative preposition
    ("in Essen"), a medium after a media noun or in quotes ("der Zeitung „Welt“")."""
    before = text[max(0, b - 24):b].split()
    if kind == "organization":
        if b > 0 and text[b - 1] in DOUBLE_MARKS:
            return True
        return bool(before) and before[-1].lower().strip(_MARKS) in _MEDIA_CUES
    return bool(before) and before[-1].lower() in _PLACE_CUES


@lru_cache(maxsize=4)
def _common_words(lang: str) -> frozenset[str] | Any:
    """Capitalised common words of the language, from simplemma's bundled dictionary."""
    try:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory
    except ImportError:  # pragma: no cover - simplemma is a dependency
        return frozenset()
    try:
        return DefaultDictionaryFactory().get_dictionary(lang)
    except (ValueError, KeyError, OSError):  # a language simplemma does not know
        return frozenset()


def _read_lines(lang: str, name: str) -> list[str]:
    if not has_file(lang, name):
        return []
    return [ln for ln in read_text(lang, name).splitlines() if ln.strip() and not ln.startswith("#")]


def _verbs(lang: str) -> dict[str, SpeechVerb]:
    table: dict[str, dict[str, Any]] = {}
    for line in _read_lines(lang, "cues.tsv"):
        cols = line.split("\t")
        act, particle, obj, forms = (cols + ["", "", "", ""])[:4]
        for form in forms.split(","):
            form = form.strip()
            if not form:
                continue
            t = table.setdefault(form, {"act": None, "particles": {}, "objects": set(), "pobjects": {}})
            if particle:
                t["particles"][particle] = SpeechAct(act)
                if obj:  # "ging … davon aus"; "sprach sich dafür aus" (but "sprach" alone needs "von")
                    t["pobjects"].setdefault(particle, set()).update(obj.split(","))
            else:
                if t["act"] is None:
                    t["act"] = SpeechAct(act)
                if obj:
                    t["objects"] |= set(obj.split(","))
    # the full inflection table of speech verbs; cues.tsv adds what a form needs beside it
    not_cues = set(_read_lines(lang, "not_cues.txt"))
    for row in _read_tsv(lang, "speech_verbs.tsv"):
        form, particle, act = row.get("form", ""), row.get("particle", ""), row.get("speech_act", "")
        if not form or not act or row.get("tenses", "") == "infinitive" or row.get("lemma") in not_cues:
            continue
        t = table.setdefault(form, {"act": None, "particles": {}, "objects": set(), "pobjects": {}})
        if particle:
            t["particles"].setdefault(particle, SpeechAct(act))
        elif t["act"] is None:
            t["act"] = SpeechAct(act)
    out: dict[str, SpeechVerb] = {}
    for form, t in table.items():
        act = t["act"] or next(iter(t["particles"].values()))
        # a form that reports speech only with its particle needs the particle's object too
        objects = set(t["objects"]) if t["act"] is not None else set(t["objects"]).union(*t["pobjects"].values())
        out[form] = SpeechVerb(act, dict(t["particles"]), t["act"] is None, frozenset(objects),
                               {p: frozenset(o) for p, o in t["pobjects"].items()})
    return out


def _read_tsv(lang: str, name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file with a header line (comment lines start with "#")."""
    lines = _read_lines(lang, name)
    if not lines:
        return []
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=False)) for ln in lines[1:]]


def spokesperson_prefix(title: str) -> str | None:
    """What stands before "sprecher(in)" in a spokesperson's title ("Bildungs", "Presse", ""), or None when
    the title names no spokesperson."""
    return next((title[: -len(h)] for h in ("sprecherin", "sprecher") if title.lower().endswith(h)), None)


def spokesperson_kind(title: str) -> str | None:
    """The kind of organisation a spokesperson's title names, in lower case and without the joining "s"
    ("polizei" of "Polizeisprecherin", "ministerium" of "Ministeriumssprecher", "" of "Sprecher"), or None when
    the title names no spokesperson."""
    prefix = spokesperson_prefix(title)
    if prefix is None:
        return None
    low = prefix.lower()
    return low[:-1] if low.endswith("s") and len(low) > 5 else low


def _split(v: str | None) -> list[str]:
    return [x.strip() for x in (v or "").split("|") if x.strip()]


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "de") -> Lexicon:
    """Compile the lexicon of a language from its data files (cached)."""
    from kgbuild.keys import entity_key

    auto = ahocorasick.Automaton()
    entries: dict[str, GazEntry] = {}
    surfaces: dict[str, tuple[GazEntry, int]] = {}
    surface_keys: dict[str, str] = {}
    place_forms: dict[str, str] = {}
    entity_words: set[str] = set()

    def add(surface: str, entry: GazEntry) -> None:
        surface = surface.strip()
        if len(surface) < 2:
            return
        old = surfaces.get(surface)
        # a name beats an adjective; an organisation or a state beats a place of the same spelling
        if old is not None and _rank(old[0]) <= _rank(entry):
            return
        surfaces[surface] = (entry, len(surface))
        surface_keys[surface] = entry.key
        if entry.kind != "place" and entry.role == "name":
            entity_words.update(surface.split())

    for row in _read_tsv(lang, "countries.tsv"):
        code = row["code"].upper()
        key = f"country/{code.lower()}"
        names = _split(row.get("names"))
        if not names:
            continue
        qid = row.get("qid") or None
        base = GazEntry("country", key, names[0], "name", code, qid)
        entries[key] = base
        for n in names:
            add(n, base)
        for g in _split(row.get("genitives")):
            add(g, replace(base, role="genitive"))
        adj = replace(base, role="adjective")
        for a in _split(row.get("adjectives")):
            for ending in _ADJ_ENDINGS:
                form = a + ending
                add(form, adj)
                add(form[:1].upper() + form[1:], adj)
        for d in _split(row.get("demonyms")):
            add(d, replace(base, role="demonym"))
    for row in _read_tsv(lang, "places.tsv"):
        name = row.get("name", "")
        if not name:
            continue
        key = entity_key("place", name)
        cc = (row.get("country") or "").lower()
        entry = entries.get(key) or GazEntry("place", key, name, "name", None, row.get("wikidata") or None,
                                             f"country/{cc}" if cc else None, None, row.get("ambiguous") == "1")
        entries.setdefault(key, entry)
        for n in [name, *_split(row.get("alt_names"))]:
            add(n, entry)
        for a in _split(row.get("adjectives")):
            place_forms.setdefault(a, key)
        if not name.endswith(("s", "ß", "x", "z")):  # "Bayerns Ministerpräsident", "Hamburgs Bürgermeister"
            place_forms.setdefault(name + "s", key)
    for row in _read_tsv(lang, "region_adjectives.tsv"):
        key = entity_key("place", row.get("name", ""))
        if key not in entries:
            continue
        for a in _split(row.get("adjectives")):
            for ending in _ADJ_ENDINGS[1:]:
                place_forms.setdefault(a + ending, key)
                place_forms.setdefault(a[:1].upper() + a[1:] + ending, key)
        for short in _split(row.get("short")):
            place_forms.setdefault(short, key)
            if len(short) >= 3:  # "NRW" names the region by itself too ("in NRW"); "MV" is too short to tell
                add(short, entries[key])
    for row in _read_tsv(lang, "world_regions.tsv"):
        name = row.get("name", "")
        key = entity_key("place", name)
        region = entries.get(key) or GazEntry("place", key, name.split(" (")[0], "name")
        entries.setdefault(key, region)
        for n in [name.split(" (")[0], *_split(row.get("alt_names"))]:
            add(n, region)
    for row in _read_tsv(lang, "organizations.tsv"):
        name = row.get("name", "")
        if not name:
            continue
        key = entity_key("organization", name)
        cc = (row.get("country") or "").lower()
        entry = GazEntry("organization", key, name, "name", None, row.get("qid") or row.get("wikidata") or None,
                         f"country/{cc}" if cc else None, row.get("kind") or None)
        entries[key] = entry
        for n in [name, *_split(row.get("aliases"))]:
            # an alias marked as also a common word ("?Welt", "?Zeit"), or a name that is one ("Blick",
            # "Die Welt"), needs context; the entry's other forms ("Bild am Sonntag") do not
            if n.startswith("?") or n == name and _common_form(n, lang):
                add(n.removeprefix("?"), replace(entry, ambiguous=True))
            else:
                add(n, entry)
    for row in _read_tsv(lang, "persons.tsv"):
        name = row.get("name", "")
        if not name:
            continue
        key = entity_key("person", name)
        cc = (row.get("country") or "").strip().lower()
        # the holder's known country: an office named without its state is that state's ("Kanzlerin Merkel")
        person = GazEntry("person", key, name, "name", None, row.get("wikidata") or None,
                          f"country/{cc}" if cc else None)
        entries[key] = person
        for n in [name, *_split(row.get("aliases"))]:
            # "Putins", "Scholz'": a genitive names the person too
            add(n, person if not n.endswith(("s", "'")) or n == name else replace(person, role="genitive"))
    for surface, value in surfaces.items():
        auto.add_word(surface, value)
    if surfaces:
        auto.make_automaton()
    titles: dict[str, str] = {}
    cats: dict[str, str] = {}
    adjectival: dict[str, str] = {}
    heads: list[tuple[str, str]] = []
    for row in _read_tsv(lang, "titles.tsv"):
        base_title = row.get("base", "")
        fem = row.get("feminine", "")
        for form in _split(row.get("forms")) + [base_title]:
            # the feminine forms keep their own base: "Außenministerin"
            titles[form] = fem if fem and form.startswith(fem) else base_title
        cats[base_title] = cats[fem] = row.get("category", "")
        if fem and base_title == fem + "r" and fem.endswith(("te", "de", "ge", "le", "ne")):
            # "Vorsitzender" / "Vorsitzende": an adjective as a noun (not "Witwer" / "Witwe")
            adjectival[fem] = base_title
        if row.get("compound_suffix") == "1":
            heads.append((base_title.lower(), base_title))
            if fem:
                heads.append((fem.lower(), fem))
    first = frozenset(r["name"] for r in _read_tsv(lang, "first_names.tsv") if " " not in r.get("name", " "))
    stop = frozenset(_read_lines(lang, "stop_capitalised.txt"))
    return Lexicon(
        lang=lang, automaton=auto, entries=entries, first_names=first, titles=titles,
        title_heads=tuple(sorted(heads, key=lambda h: -len(h[0]))), stop=stop, verbs=_verbs(lang),
        according_nouns=frozenset(_read_lines(lang, "according.txt")),
        report_nouns=frozenset(_read_lines(lang, "report_nouns.txt")),
        entity_words=frozenset(entity_words), surface_keys=surface_keys, title_categories=cats,
        office_states=tuple((r["title"], tuple(f"country/{c.lower()}" for c in _split(r.get("states"))
                                               if c != "-"))
                            for r in _read_tsv(lang, "office_states.tsv") if r.get("title")),
        adjectival_titles=adjectival, place_owner_forms=place_forms,
        office_seats={r["title"]: frozenset(_split(r.get("seats")))
                      for r in _read_tsv(lang, "office_states.tsv") if r.get("title") and r.get("seats")},
        office_words={ln.split("\t")[0][1:]: frozenset(ln.split("\t")[1].split())
                      for ln in _read_lines(lang, "office_words.tsv") if ln.startswith("@") and "\t" in ln},
        possessives=frozenset(f for r in _read_tsv(lang, "pronouns.tsv") if "possessive" in r.get("kind", "")
                              for f in (r["form"], r["form"].capitalize())),
        title_modifiers=tuple(_read_lines(lang, "title_modifiers.txt")),
        owner_nouns={form: (r["noun"], r.get("kind") or "")
                     for r in _read_tsv(lang, "office_owner_nouns.tsv") if r.get("noun")
                     for form in [r["noun"], *_split(r.get("forms"))]},
    )


_ARTICLES = ("Der", "Die", "Das")


def _common_form(surface: str, lang: str) -> bool:
    """Is an organisation's name also an everyday phrase: one common word ("Standard", "Blick") or a
    capitalised article before one ("Die Welt", "Die Zeit", which open any sentence about the world)?"""
    words = surface.split()
    if len(words) == 2 and words[0] in _ARTICLES and not words[1].isupper():
        return _common_words(lang).get(words[1]) is not None  # type: ignore[union-attr]
    if len(words) != 1 or words[0].isupper():
        return False
    return _common_words(lang).get(words[0].lower()) is not None  # type: ignore[union-attr]


def _rank(e: GazEntry) -> int:
    order = {"name": 0, "acronym": 0, "metonym": 1, "genitive": 1, "demonym": 2, "adjective": 3, "pronoun": 4}
    kind = {"organization": 0, "country": 1, "person": 2, "place": 3}
    return order.get(e.role, 5) * 10 + kind.get(e.kind, 5)


def _get(data: Any, name: str) -> Any:
    return getattr(data, name, ()) or ()


def _names(x: Any) -> list[str]:
    out = [x.name]
    for attr in ("names", "aliases", "alt_names", "alternate_names", "forms"):
        out += list(getattr(x, attr, ()) or ())
    return out
