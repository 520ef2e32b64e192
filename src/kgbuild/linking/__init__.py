"""Merge mentions into one entity per real-world thing, and find who holds which office.

* people: every mention whose last word is a known person's surname is that person
  ("Niinistö" = "Sauli Niinistö"; a genitive "Muellers" = "Jana Mueller");
* states, places and organisations from the gazetteer carry their key (ISO code,
  Wikidata id); others are keyed by kind and name, so the same name gives the same
  node in every article;
* an acronym defined in brackets and the long name before it are one organisation;
* positions: a title with the person it names ("Regierungssprecher Karl Beispiel",
  "Der Präsident von Finnland, Sauli Niinistö,"), the state or
  organisation whose office it is (a compound's first part, an adjective, a genitive,
  "von X"/"der X" after it, the holder's party in brackets), or, failing those, the
  state the article is mostly about, for offices of government.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from kgbuild import lang as lang_data
from kgbuild.keys import entity_key, position_key
from kgbuild.mentions import Lexicon, Tokens, honorific_gender
from kgbuild.mentions.lexicon import spokesperson_kind, spokesperson_prefix
from kgbuild.model import Entity, Mention, Position, Structure, TitleMention

_OF_PHRASE = re.compile(r"\s+(?:von|vom|der|des|beim|bei der|bei)\s+.+\s+")
_BEFORE_APPOSITION = re.compile(r",\s*(?:(?:der|die|das|den|dem|des)\s+)?(\w+(?:e|en|er|es|em)\s+)?")
_PRONOUNS = {"er", "Er", "sie", "Sie", "ihm", "ihn", "seine", "Seine"}
_GENERIC = {
    "Partei": "party", "Sender": "broadcaster", "Senders": "broadcaster", "Zeitung": "newspaper",
    "Agentur": "agency", "Nachrichtenagentur": "agency", "Unternehmen": "company", "Konzern": "company",
    "Ministerium": None, "Behörde": None, "Regierung": "government", "Organisation": None,
}


@dataclass(frozen=True)
class Linked:
    """The result of linking: entities, positions, and the mentions with their keys."""

    entities: tuple[Entity, ...]
    positions: tuple[Position, ...]
    mentions: tuple[Mention, ...]  # every mention with .key set
    title_keys: dict[int, str]  # token index of a title -> position key
    pronouns: dict[int, str]  # token index of a pronoun -> person key
    generic_refs: dict[int, str]  # token index of "die Partei" … -> organisation key
    media: frozenset[str]


def link(structure: Structure, toks: Tokens, mentions: list[Mention], titles: list[TitleMention],
         lex: Lexicon) -> Linked:
    """Link mentions to entities and titles to positions."""
    text = toks.text
    # ---- people: cluster by surname
    # a genitive on a full name ("Wladimir Putins"): the nominative when the text has it too
    words = set(text.replace("-", " ").split())
    mentions = [_nominative(m, words, {}) for m in mentions]
    full_by_last: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person" and m.role == "name" and len(m.name.split()) > 1:
            last = m.name.split()[-1]
            if len(m.name) > len(full_by_last.get(last, "")):
                full_by_last[last] = m.name
    mentions = [_nominative(m, words, full_by_last) for m in mentions]
    # a first name that took its relative's family name ("Hollmanns Tochter Merle"): the surname alone
    # still names the relative
    kin = frozenset(m.name for m in mentions if m.kind == "person" and m.name.startswith(m.span.text + " ")
                    and " " not in m.span.text)
    people = _PersonNames([m.name for m in mentions if m.kind == "person" and m.role == "name"
                           and len(m.name.split()) > 1], kin)
    linked: list[Mention] = []
    for m in mentions:
        if m.key is not None:
            linked.append(m)
            continue
        if m.kind in ("place", "organization") and " " not in m.name and m.name in full_by_last \
                and _after_speech_verb(toks, m, lex):
            # "…, gab Wendt zu bedenken": a guessed name after a verb of saying that is the surname of
            # a person the article names in full is that person
            m = replace(m, kind="person")
        if m.kind == "person":
            full = people.full_name(m.name, honorific_gender(text, m.span.begin, lex.lang),
                                    lang_data.first_name_genders(lex.lang)) if m.name else m.name
            if full is None:
                continue  # "Clinton" where the article names two Clintons: no guess
            linked.append(replace(m, key=entity_key("person", full)))
        elif m.kind == "organization" and (near := lex.fuzzy_organization(m.name)) is not None:
            linked.append(replace(m, key=near))  # "Irish Indepedent" is the Irish Independent
        else:
            linked.append(replace(m, key=entity_key(m.kind, m.name)))
    # ---- acronyms: "(NDR)" after a long name
    linked = _merge_acronyms(text, linked)
    # ---- generic nouns: "das Ministerium" after "das Gesundheitsministerium"
    linked = _refer_back(text, linked, lex)
    # ---- entities
    by_key: dict[str, list[Mention]] = {}
    for m in linked:
        by_key.setdefault(m.key or "", []).append(m)
    entities: list[Entity] = []
    for key, ms in by_key.items():
        entities.append(_entity(key, ms, lex))
    ent_by_key = {e.key: e for e in entities}
    # ---- positions
    toks_at = {toks.starts[i]: i for i in range(len(toks))}
    main_country = _main_country(linked)
    positions: dict[str, Position] = {}
    title_keys: dict[int, str] = {}
    title_at = {toks_at[t.span.begin] for t in titles if t.span.begin in toks_at}
    for t in titles:
        ti = toks_at.get(t.span.begin)
        if ti is None:
            continue
        holder = _holder(toks, ti, linked, lex)
        if holder is None:  # "Innenminister und Landesvorsitzender Otto Kramer", "X, Vizepräsident und Chef"
            holder = _shared_holder(toks, ti, linked, lex, title_at, positions, title_keys)
        of = _office_of(toks, ti, t, linked, lex, holder, ent_by_key)
        if of is None:
            of = _owner_by_noun(toks, ti, t, linked, lex)
        if of is None and lex.is_government_title(t.title) and lex.title_categories.get(
                lex.titles.get(t.title, t.title)) not in _PARTY_CATEGORIES:
            # only a state the text ties the office to
            of = _implied_state(toks, ti, t, holder, lex, linked, main_country)
        if of is None and holder is not None:
            of = _recent_owner(toks, ti, t, linked, lex, positions, title_keys)
        if of is None and holder is not None and lex.is_government_title(t.title) \
                and lex.title_categories.get(lex.titles.get(t.title, t.title)) == "parliament" \
                and lex.implied_states(lex.titles.get(t.title, t.title)) is None:
            of = _topic_state(toks, ti, t, linked)  # "In Chile ist Parlamentspräsident X erkrankt"
        if of is None:
            of = _seat(toks, t, linked, lex)
        if of is None and holder is None:
            of = _spoken_for(toks, ti, t, linked, lex)
        if of is None and t.title in lex.office_words.get("deputy", ()):
            of = _deputy_owner(toks, ti, linked, lex, positions)
        for nth, who in enumerate((holder, *_coordinated(toks, ti, linked, holder))):
            title = _title_with_modifier(toks, ti, t.title, lex, _feminine(toks, ti, who, ent_by_key, lex))
            key = position_key(title, of, who)
            old = positions.get(key)
            spans = (old.mentions if old else ()) + (t.span,)
            positions[key] = Position(key, title, of, who, spans)
            if nth == 0:
                title_keys[ti] = key
    # "sagte der Leiter des Zentrums" right after a person was quoted: the office is that person's
    _bare_titles_held(toks, linked, lex, positions, title_keys, ent_by_key)
    # an office named without its holder, when the article names the holder elsewhere, is that office
    held: dict[tuple[str, str | None], list[Position]] = {}
    titled: dict[str, list[Position]] = {}
    for p in positions.values():
        if p.holder:
            held.setdefault((p.title, p.of), []).append(p)
            titled.setdefault(p.title, []).append(p)
    for k, p in list(positions.items()):
        if p.holder is None and p.of is None and len(titled.get(p.title, [])) == 1:
            held[(p.title, None)] = titled[p.title]  # "Bergers Ehefrau" after "… Ehefrau Lena Berger"
        if p.of is None and p.holder is not None and not lex.is_office(p.title) and p.holder:
            del positions[k]  # "Vertrauter Wladimir Putins", "des Experten X": a description, not an office
            for ti, tk in list(title_keys.items()):
                if tk == k:
                    del title_keys[ti]
            continue
        if p.holder is None and p.of is None and (p.title, None) not in held \
                and not (lex.is_office(p.title) and _speaks(toks, toks_at, p, lex)):
            # a bare role word ("Vertrauter", "Experten") is no office; an office that speaks stays,
            # its owner unknown ("…, sagte die Ministerin.")
            del positions[k]
            for ti, tk in list(title_keys.items()):
                if tk == k:
                    del title_keys[ti]
            continue
        if p.holder is None and (p.title, p.of) in held:
            # each bare mention is the office of the holder most salient there: the one named
            # last before it, else the one named first after it (two presidents, one title)
            cands = held[(p.title, p.of)]
            del positions[k]
            for ti, tk in sorted(title_keys.items()):
                if tk != k:
                    continue
                h = _salient_holder(cands, toks.starts[ti], linked)
                h = positions.get(h.key, h)
                positions[h.key] = replace(h, mentions=tuple(sorted(set(h.mentions) | {
                    sp for sp in p.mentions if sp.begin == toks.starts[ti]})))
                title_keys[ti] = h.key
    _bare_offices_owned(positions, title_keys)
    _owned_office_named_holder(toks, toks_at, linked, positions, title_keys, lex)
    _heads_named(positions, title_keys, ent_by_key, lex)
    # ---- pronouns and generic references
    pronouns: dict[int, str] = {}
    generic: dict[int, str] = {}
    persons = [m for m in linked if m.kind == "person"]
    orgs = [m for m in linked if m.kind == "organization"]
    firms = _firms_by_noun(toks, orgs, lex)
    for i in range(len(toks)):
        w = toks.word(i)
        if w in _PRONOUNS:
            prev = [m for m in persons if m.span.end <= toks.starts[i]
                    and toks.sentence_of[i] - max(m.sentence, 0) <= 3]
            if prev:
                pronouns[i] = prev[-1].key or ""
        elif w in _GENERIC and i > 0 and toks.word(i - 1).lower() in ("die", "der", "das", "den", "dem", "des"):
            want = _GENERIC[w]
            before = [m for m in orgs if m.span.end <= toks.starts[i]]
            exact = [m for m in before if want is not None and (lex.org_kind(m.key or "") == want
                                                                  or want == "company" and m.key in firms)]
            # an organisation of unknown kind only when the noun could name it: any for "das Unternehmen",
            # "die Behörde"; for "die Regierung", "die Partei", "die Zeitung" one whose name holds the noun
            stem = w.lower().removesuffix("s")
            loose = [m for m in before if want is None or lex.org_kind(m.key or "") is None and (
                want == "company" or stem in m.name.lower())]
            if want == "company":
                # the firm named last, known or called one ("der Immobilienkonzern X"), or a body of unknown
                # kind whose name says it is no other kind of body ("Universität", "Verband")
                bodies = _non_firm_heads(lex.lang)
                pick = sorted(exact + [m for m in loose if not any(x.lower().endswith(bodies) for x in m.name.split())],
                              key=lambda m: m.span.begin)
            else:
                pick = exact or loose
            if pick and not _singular_article(toks.word(i - 1), w, lex):
                continue  # "die Unternehmen", "der Unternehmen": a plural refers to no one body
            if pick:
                generic[i] = pick[-1].key or ""
        elif w[:1].isupper() and len(w) >= 5 and i > 0 and toks.word(i - 1).lower() in ("die", "der", "das", "des") \
                and lex.is_common(w):
            # "der Verband" after "der Sächsische Imkerverband": the organisation whose name
            # ends in that noun, named last before it
            stem = w.lower()
            heads = [m for m in orgs if m.span.end <= toks.starts[i] and m.key
                     and m.name.split()[-1].lower().rstrip("s").endswith(stem.rstrip("s"))]
            if heads:
                generic[i] = heads[-1].key or ""
    media = frozenset(e.key for e in entities if e.kind == "organization" and lex.is_media(e.key, e.name))
    return Linked(tuple(sorted(entities, key=lambda e: e.key)), tuple(positions[k] for k in sorted(positions)),
                  tuple(linked), title_keys, pronouns, generic, media)


@lru_cache(maxsize=4)
def generic_references(lang: str) -> Mapping[str, tuple[str, ...]]:
    """Generic noun -> the endings of the organisation names it may refer to (``generic_references.tsv``)."""
    if not lang_data.has_file(lang, "generic_references.tsv"):
        return {}
    return {noun: tuple(refers.split())
            for noun, refers in lang_data.table(lang, "generic_references.tsv", ("noun", "refers_to"))}


def _after_speech_verb(toks: Tokens, m: Mention, lex: Lexicon) -> bool:
    """Does a verb of saying stand right before the mention, in its sentence ("…, gab X zu bedenken")? (A name
    before a verb may be a place: "Lenggries meldet sieben Fälle".)"""
    i = bisect.bisect_left(toks.starts, m.span.begin)
    if i >= len(toks.starts) or toks.starts[i] != m.span.begin or i == 0:
        return False
    return toks.sentence_of[i - 1] == toks.sentence_of[i] and lex.speech_verb(toks.word(i - 1)) is not None


def _refer_back(text: str, ms: list[Mention], lex: Lexicon) -> list[Mention]:
    """A generic noun the mention step took for a name ("das Ministerium", "die Behörde") is the organisation
    of its class the article named last before it ("das Gesundheitsministerium … Das Ministerium erklärte");
    with none, an organisation of this article only, not one node for every article's "Behörde"."""
    classes = generic_references(lex.lang)
    if not classes:
        return ms
    named = sorted((m for m in ms if m.kind == "organization" and m.key and m.role in ("name", "acronym")
                    and m.name not in classes), key=lambda m: m.span.begin)
    begins = [m.span.begin for m in named]
    tag: str | None = None
    out: list[Mention] = []
    for m in ms:
        endings = classes.get(m.name) if m.kind == "organization" and m.role == "name" else None
        if endings is None or m.key != entity_key("organization", m.name):
            out.append(m)
            continue
        ante = next((a for a in reversed(named[:bisect.bisect_left(begins, m.span.begin)])
                     if _of_class(a.name, endings)), None)
        if ante is not None:
            out.append(replace(m, name=ante.name, key=ante.key))
        else:
            tag = tag or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
            out.append(replace(m, key=f"{m.key}--{tag}"))
    return _state_prefixed(out, lex)


def _state_prefixed(ms: list[Mention], lex: Lexicon) -> list[Mention]:
    """A body the article names once with a federal or state prefix ("das Bundesfinanzministerium") and
    elsewhere without it ("das Finanzministerium") is one body, when the article names one such body."""
    prefixes = lang_data.words(lex.lang, "names.tsv", "state_prefix")
    if not prefixes:
        return ms
    full: dict[str, set[tuple[str, str]]] = {}  # bare rest, lower-cased -> (name, key) of the prefixed bodies
    for m in ms:
        if m.kind == "organization" and m.key and m.role == "name" and " " not in m.name:
            for p in prefixes:
                rest = m.name[len(p):]
                if m.name.startswith(p) and len(rest) > 3 and rest[:1].islower():
                    full.setdefault(rest, set()).add((m.name, m.key))
    if not full:
        return ms
    out = []
    for m in ms:
        hit = full.get(m.name.lower()) if m.kind == "organization" and m.role == "name" and " " not in m.name \
            and m.key == entity_key("organization", m.name) and lex.entry(m.key) is None else None
        if hit is not None and len({k for _, k in hit}) == 1:
            name, key = next(iter(hit))
            out.append(replace(m, name=name, key=key))
        else:
            out.append(m)
    return out


@lru_cache(maxsize=4)
def _non_firm_heads(lang: str) -> tuple[str, ...]:
    """Endings of the names of bodies that are no firm: "verband", "institut", "ministerium", "universität"."""
    heads = set(lang_data.words(lang, "names.tsv", "organisation_head"))
    heads.update(lang_data.words(lang, "names.tsv", "non_firm_head"))
    for endings in generic_references(lang).values():
        heads.update(endings)
    return tuple(sorted(heads))


def _singular_article(article: str, noun: str, lex: Lexicon) -> bool:
    """Can the article stand before the noun in the singular? A neuter noun that is the same in the plural
    ("Unternehmen") is singular only after "das", "dem", "des"."""
    low = noun.lower()
    gender = next((g for ending, g in lang_data.endings(lex.lang, "speakers.tsv", "org_head_gender")
                   if low.endswith(ending)), None)
    return gender != "n" or article.lower() in lang_data.words(lex.lang, "speakers.tsv", "neuter_singular_article")


def _firms_by_noun(toks: Tokens, orgs: list[Mention], lex: Lexicon) -> frozenset[str]:
    """Organisations the text calls a firm right before their name ("der Immobilienkonzern Lindenhof")."""
    nouns = tuple(lang_data.words(lex.lang, "names.tsv", "company_noun"))
    out = set()
    for m in orgs:
        k = bisect.bisect_left(toks.starts, m.span.begin)
        if m.key and nouns and 0 < k < len(toks) and toks.starts[k] == m.span.begin \
                and toks.sentence_of[k - 1] == toks.sentence_of[k] and toks.word(k - 1).lower().endswith(nouns):
            out.add(m.key)
    return frozenset(out)


def _of_class(name: str, endings: tuple[str, ...]) -> bool:
    """Does a word of the organisation's name end in one of the endings: its head, last ("Statistisches
    Bundesamt") or before a qualifier ("Landratsamt Ebersberg", "Bundesministerium für Bildung")?"""
    return any(w.lower().endswith(endings) for w in name.split())


class _PersonNames:
    """The full names of an article's people, grouped so that one person is one name.

    Two full names are one person when the words of one are among the words of the other
    ("Hillary Clinton", "Hillary Rodham Clinton"); "Bill Clinton" and "Hillary Clinton" are two.
    A name of one word links to a full name only when exactly one person has it as surname or,
    failing that, as first name. A relative named by a first name after the family's name ("Hollmanns
    Tochter Merle", ``kin``) is never the one the surname alone names.
    """

    def __init__(self, names: list[str], kin: frozenset[str] = frozenset()) -> None:
        reps: list[str] = []
        for name in sorted(set(names), key=lambda n: (-len(n.split()), -len(n), n)):
            if not any(set(name.split()) <= set(r.split()) for r in reps):
                reps.append(name)
        self.reps = reps
        self.kin = kin

    def full_name(self, name: str, gender: str | None = None, genders: Mapping[str, str] | None = None) -> str | None:
        """The full name a name stands for; ``gender``, when a form of address gives it ("Frau Roth"), picks
        among the people with that surname by their first names' gender (``genders``: first name -> gender)."""
        words = name.split()
        if len(words) > 1:
            return next((r for r in self.reps if set(words) <= set(r.split())), name)
        by_last = [r for r in self.reps if r.split()[-1] == name and r not in self.kin]
        if gender is not None and genders is not None and by_last:
            known = [r for r in by_last if genders.get(r.split()[0]) in ("m", "f")]
            if len(known) == len(by_last):  # every one's gender is known: only those that agree
                by_last = [r for r in by_last if genders[r.split()[0]] == gender]
                if not by_last:
                    return name  # "Anna Roth … Herr Roth": another person
        if len(by_last) > 1:
            return None
        if by_last:
            return by_last[0]
        by_first = [r for r in self.reps if r.split()[0] == name]
        return by_first[0] if len(by_first) == 1 else name


def _nominative(m: Mention, words: set[str], full_by_last: dict[str, str]) -> Mention:
    if m.kind != "person" or not m.name.endswith("s") or m.name.endswith(("ss", "us")):
        return m
    parts = m.name.split()
    base = parts[-1][:-1]
    if len(base) >= 3 and (base in words or base in full_by_last):
        return replace(m, name=" ".join([*parts[:-1], base]), role="genitive" if len(parts) == 1 else m.role)
    return m


def _entity(key: str, ms: list[Mention], lex: Lexicon) -> Entity:
    kind = ms[0].kind
    entry = lex.entry(key)
    names = [m.name for m in ms if m.role not in ("adjective", "pronoun")]
    if entry is not None:
        name = entry.name
    elif kind == "person":
        name = max(names, key=lambda n: (len(n.split()), len(n))) if names else ms[0].name
    else:
        name = max(names, key=len) if names else ms[0].name
    alts = {n for n in names if n != name}
    if kind != "person":  # organisations and places: the forms as written ("afp", "Irish Indepedent")
        alts |= {m.span.text for m in ms if m.role in ("name", "acronym", "metonym") and m.span.text != name}
    return Entity(
        key=key, kind=kind, name=name, alternate_names=tuple(sorted(alts)),
        country_code=entry.country_code if entry and kind == "country" else None,
        wikidata=entry.wikidata if entry else None,
        contained_in=entry.contained_in if entry and kind == "place" else None,
        mentions=tuple(sorted({m.span for m in ms})),
    )


def _merge_acronyms(text: str, ms: list[Mention]) -> list[Mention]:
    """An acronym in brackets and the organisation named right before it are one entity."""
    out = list(ms)
    for m in ms:
        if m.role != "acronym" or m.kind != "organization":
            continue
        if m.span.begin < 2 or text[m.span.begin - 1] != "(":
            continue
        prev = [p for p in ms if p.span.end <= m.span.begin - 1 and m.span.begin - 1 - p.span.end <= 2
                and p.kind == "organization"]
        if prev:
            long_ = prev[-1]
            for j, x in enumerate(out):
                if x.key == m.key:
                    out[j] = replace(x, key=long_.key)
    return out


def _speaks(toks: Tokens, toks_at: dict[int, int], p: Position, lex: Lexicon) -> bool:
    """Does a mention of the office stand right beside a speech verb ("sagte die Ministerin",
    "Der Bürgermeister gab bekannt")? ``toks_at``: token index by begin offset."""
    for sp in p.mentions:
        i = toks_at.get(sp.begin)
        if i is None:
            continue
        same = [k for k in (i - 2, i - 1, i + 1) if 0 <= k < len(toks) and toks.sentence_of[k] == toks.sentence_of[i]]
        # the subject after an inverted verb ("sagte die Ministerin"), or opening the sentence before
        # it ("Die Ministerin sagte"); not an object before a clause-final verb ("als Vorsitzenden empfahl")
        opens = i >= 1 and (i == 1 or toks.sentence_of[i - 2] != toks.sentence_of[i])
        if any(lex.speech_verb(toks.word(k)) is not None and (k < i or opens) for k in same):
            return True
    return False


def _bare_offices_owned(positions: dict[str, Position], title_keys: dict[int, str]) -> None:
    """An office named without holder or owner ("sagte der Sprecher") is the office of that title the
    article gives an owner, when it gives exactly one and names no holder of the title ("räumt ein
    DB-Sprecher ein … betont der Sprecher"). Edits ``positions`` and ``title_keys`` in place."""
    owned: dict[str, list[Position]] = {}
    for p in positions.values():
        if p.of is not None:
            owned.setdefault(p.title, []).append(p)
    for k, p in list(positions.items()):
        if p.holder is not None or p.of is not None:
            continue
        cands = owned.get(p.title, [])
        if len(cands) == 1 and cands[0].holder is None:
            _fold(positions, title_keys, k, cands[0])


_STATE_OFFICE_CATEGORIES = frozenset({"government", "head_of_state", "minister", "royalty"})  # one holder per state


def _owned_office_named_holder(toks: Tokens, toks_at: dict[int, int], ms: list[Mention],
                               positions: dict[str, Position], title_keys: dict[int, str], lex: Lexicon) -> None:
    """A state's office whose owner the text gives but not its holder ("der norwegische Ministerpräsident") is held by
    the one person the text gives that title without an owner ("Ministerpräsident Lars Hovland"), when it
    gives the person the title in the office's sentence or the one next to it, names no other state
    around that title, and knows the person as of no other state. Edits
    ``positions`` and ``title_keys`` in place."""
    for k, p in list(positions.items()):
        if p.holder is not None or p.of is None or k not in positions or not p.of.startswith(("country/", "place/")) \
                or lex.title_categories.get(lex.titles.get(p.title, p.title), "") not in _STATE_OFFICE_CATEGORIES \
                or not lex.is_government_title(p.title):
            continue
        same = [q for q in positions.values() if q.title == p.title and q.holder is not None]
        if len(same) != 1 or same[0].of is not None:
            continue
        q = same[0]
        known = _person_countries(lex.lang).get(q.holder or "")
        if known is not None and known != p.of:
            continue
        at = {toks.sentence_of[toks_at[sp.begin]] for sp in p.mentions if sp.begin in toks_at}
        titled = {toks.sentence_of[toks_at[sp.begin]] for sp in q.mentions if sp.begin in toks_at}
        if not any(abs(a - b) <= 1 for a in at for b in titled):
            continue
        if any(m.key is not None and m.key.startswith("country/") and m.key != p.of
               and any(abs(m.sentence - b) <= 1 for b in titled) for m in ms):
            continue  # "… Liberia … Präsident George Weah": the holder's own state is another
        held = Position(position_key(p.title, p.of, q.holder), p.title, p.of, q.holder, ())
        _fold(positions, title_keys, q.key, held)
        _fold(positions, title_keys, k, held)


@lru_cache(maxsize=8)
def _person_countries(lang: str) -> dict[str, str]:
    """Person key -> the key of the state ``persons.tsv`` gives the well-known person."""
    return {entity_key("person", person.name): f"country/{person.country.lower()}"
            for person in lang_data.load(lang).persons if person.country}


def _fold(positions: dict[str, Position], title_keys: dict[int, str], key: str, into: Position) -> None:
    """Make position ``key`` a mention of ``into`` (kept, or added, under its own key): the mentions join,
    and the titles that named ``key`` name ``into``."""
    old = positions.pop(key)
    have = positions.get(into.key, into)
    positions[into.key] = replace(have, mentions=tuple(sorted(set(have.mentions) | set(old.mentions))))
    for ti, tk in title_keys.items():
        if tk == key:
            title_keys[ti] = into.key


_HEAD_ROLES = ("head_of_government", "head_of_state")


@lru_cache(maxsize=8)
def _heads(lang: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """(role, state key) -> keys of the well-known persons (``persons.tsv``) with that role."""
    out: dict[tuple[str, str], list[str]] = {}
    for person in lang_data.load(lang).persons:
        if person.role and person.country:
            out.setdefault((person.role, f"country/{person.country.lower()}"), []).append(
                entity_key("person", person.name))
    return {k: tuple(v) for k, v in out.items()}


def _heads_named(positions: dict[str, Position], title_keys: dict[int, str], ents: dict[str, Entity],
                 lex: Lexicon) -> None:
    """A state's head of government or state named only by the title ("sagte die Bundeskanzlerin") is the one
    person the article names whom ``persons.tsv`` gives that role for that state, when the genders agree; a
    title that implies no state ("sagte die Kanzlerin") is that of any state. Edits ``positions`` and
    ``title_keys`` in place."""
    genders = lang_data.first_name_genders(lex.lang)
    role_of = {title: r for r in _HEAD_ROLES for title in lex.office_words.get(f"role_{r}", ())}
    for k, p in list(positions.items()):
        if p.holder is not None:
            continue
        office = lex.titles.get(p.title, p.title)
        feminine = office not in role_of and office.endswith("in") and office[:-2] in role_of
        office = office[:-2] if feminine else office  # "Bundeskanzlerin": the office "Bundeskanzler"
        role = role_of.get(office)
        if role is None or p.of is not None and not p.of.startswith("country/"):
            continue
        # the state: the office's owner, else the states the title itself implies ("Bundeskanzlerin")
        states = (p.of,) if p.of is not None else lex.implied_states(office)
        if states is None:  # a title of any state ("die Kanzlerin"): the states whose head the text names
            states = tuple(sorted({state for (r, state) in _heads(lex.lang) if r == role}))
        named = [(key, state) for state in states for key in _heads(lex.lang).get((role, state), ()) if key in ents
                 and genders.get(ents[key].name.split()[0], "u") == ("f" if feminine else "m")]
        if len(named) == 1:
            who, of = named[0]
            _fold(positions, title_keys, k, Position(position_key(p.title, of, who), p.title, of, who, ()))


def _salient_holder(cands: list[Position], at: int, ms: list[Mention]) -> Position:
    """Of several held offices with one title, the one whose holder the text named last before
    offset ``at`` (by name or with the title), else the one named first after it."""
    def before(p: Position) -> int:
        ends = [m.span.end for m in ms if m.key == p.holder and m.span.end <= at]
        ends += [sp.end for sp in p.mentions if sp.end <= at]
        return max(ends, default=-1)

    def after(p: Position) -> int:
        return min([m.span.begin for m in ms if m.key == p.holder] + [sp.begin for sp in p.mentions],
                   default=1 << 62)
    last = max(cands, key=lambda p: (before(p), -after(p), p.key))
    if before(last) >= 0:
        return last
    return min(cands, key=lambda p: (after(p), p.key))


def _main_country(ms: list[Mention]) -> str | None:
    """The state an article is clearly about: named at least twice, and twice as often as any other."""
    c = Counter(m.key for m in ms if m.kind == "country" and m.key)
    if not c:
        return None
    ranked = sorted(c, key=lambda k: (-c[k], k))
    second = c[ranked[1]] if len(ranked) > 1 else 0
    return ranked[0] if c[ranked[0]] >= 2 and c[ranked[0]] >= 2 * second else None


def _implied_state(toks: Tokens, ti: int, t: TitleMention, holder: str | None, lex: Lexicon,
                   ms: list[Mention], main_country: str | None) -> str | None:
    """The state of a government office the text names without one, where the text still implies it.

    Only a state the article names, and in this order: the holder's known country
    ("Kanzlerin Eva Muster"); what the title implies (``office_states.tsv``:
    "Bundesminister" is Germany's, Austria's or Switzerland's, whichever of them the article
    names; a "Landrat" is no state's); the state the article is clearly about, unless "von"/"der" plus a place follows
    the title ("Der Gouverneur von Bali"). Otherwise nothing: an office is left without a
    state rather than given a wrong one.
    """
    named = {m.key for m in ms if m.kind == "country"}
    if holder is not None and (known := lex.org_country(holder)):
        return known if known in named else None
    implied = lex.implied_states(lex.titles.get(t.title, t.title))
    if implied is not None:
        in_text = [c for c in implied if c in named]
        return in_text[0] if len(in_text) == 1 else None
    sent = toks.sentence_of[ti]
    for m in ms:
        if m.sentence == sent and m.kind == "place" and 0 <= m.span.begin - t.span.end <= 30 \
                and toks.text[t.span.end:m.span.begin].split()[:1] in (["von"], ["der"], ["des"], ["aus"]):
            return None
    return _topic_state(toks, ti, t, ms) or main_country


def _topic_state(toks: Tokens, ti: int, t: TitleMention, ms: list[Mention]) -> str | None:
    """The state a passage is about, when it is the only one named since: "In Chile ist Parlamentspräsident
    X erkrankt", "Spanien meldete … . … sagte Gesundheitsminister Y" (named after "in" in the title's
    sentence, or opening one of the three sentences before it)."""
    sent = toks.sentence_of[ti]
    states = [m for m in ms if m.kind == "country" and m.span.end <= t.span.begin and 0 <= sent - m.sentence <= 3]
    if not states or len({m.key for m in states}) > 1:
        return None
    m = states[0]  # the first of them, so that it opens the passage
    k = bisect.bisect_left(toks.starts, m.span.begin)
    first = k == 0 or toks.sentence_of[k - 1] != m.sentence
    after_in = k > 0 and toks.word(k - 1) in ("in", "In")
    opens = first or after_in and (k == 1 or toks.sentence_of[k - 2] != m.sentence)
    if m.role in ("name", "genitive") and (opens or after_in and m.sentence == sent):
        return m.key
    return None


_PARTY_CATEGORIES = {"party", "parliament"}


def _recent_owner(toks: Tokens, ti: int, t: TitleMention, ms: list[Mention], lex: Lexicon,
                  positions: dict[str, Position], title_keys: dict[int, str]) -> str | None:
    """The owner of an office named without one, from its context.

    A title joined by "und" to a title with an owner shares it ("Der Chefredakteur von X und
    Verleger Y"); an office of a party or parliament belongs to the party named last in this or
    the two sentences before ("… der FDP. Gemeint ist der Fraktionschef Karl Beispiel").
    """
    for k in range(ti - 1, max(ti - 10, -1), -1):
        if toks.sentence_of[k] != toks.sentence_of[ti] or toks.word(k) in (".", ";", ":"):
            break
        if k in title_keys and toks.word(ti - 1) == "und":
            prev = positions.get(title_keys[k])
            if prev is not None and prev.of:
                return prev.of
    cat = lex.title_categories.get(lex.titles.get(t.title, t.title), "")
    if cat not in _PARTY_CATEGORIES and not _policy_spokesperson(t.title, lex):
        return None
    sent = toks.sentence_of[ti]
    parties = [m for m in ms if m.kind == "organization" and m.span.end <= t.span.begin
               and 0 <= sent - m.sentence <= 2 and lex.org_kind(m.key or "") in ("party", None)]
    return parties[-1].key if parties else None


def _spoken_for(toks: Tokens, ti: int, t: TitleMention, ms: list[Mention], lex: Lexicon) -> str | None:
    """Whom an unnamed spokesperson without an owner speaks for: the one organisation its sentence
    names ("Die Bank stellt keine Bedingungen, sagte eine Sprecherin"), else the one the sentence
    before names; None when there are several or none.

    Not counted: news media, names inside a direct quote, names that only modify a compound
    ("ÖBB-Mitarbeiter"), names after a preposition of a channel ("auf Facebook"). A compound title
    speaks only for an organisation its first part names ("Polizeisprecher": a police;
    "Ministeriumssprecher": a ministry), and then also for the one such organisation the article
    named before.
    """
    title = lex.titles.get(t.title, t.title)
    if lex.title_categories.get(title) != "spokesperson":
        return None
    prefix = spokesperson_prefix(title)
    if prefix is None:
        return None
    general = prefix.lower() in lang_data.words(lex.lang, "speakers.tsv", "general_spokesperson")
    channels = lang_data.words(lex.lang, "speakers.tsv", "channel_preposition")
    text = toks.text
    quoted = _quoted_spans(text)
    sent = toks.sentence_of[ti]
    part = spokesperson_kind(title) or ""  # "Ministeriums" (sprecher) names a "Ministerium"
    for back in (0, 1, None):
        orgs = {m.key for m in ms if m.kind == "organization" and m.key
                and (m.sentence == sent - back if back is not None else m.sentence < sent - 1)
                and m.role in ("name", "acronym") and not lex.is_media(m.key, m.name)
                and text[m.span.end:m.span.end + 1] != "-"
                and not any(b <= m.span.begin < e for b, e in quoted)
                and (text[:m.span.begin].split() or [""])[-1].lower() not in channels
                and (general and back is not None or not general and part in m.name.lower())}
        if orgs:
            return next(iter(orgs)) if len(orgs) == 1 else None
    return None


def _policy_spokesperson(title: str, lex: Lexicon) -> bool:
    """Is the title a party's spokesperson for a policy field ("Bildungssprecher", "Gesundheitssprecherin")?"""
    prefix = spokesperson_prefix(title)
    return bool(prefix) and prefix in lex.office_words.get("policy_fields", ())


def _holder(toks: Tokens, ti: int, ms: list[Mention], lex: Lexicon) -> str | None:
    """The person a title names: right after it, or in apposition after its noun phrase."""
    end = toks.ends[ti]
    sent = toks.sentence_of[ti]
    for m in ms:
        if m.kind != "person" or m.sentence != sent:
            continue
        gap = toks.text[end:m.span.begin]
        if 0 <= m.span.begin - end <= 2 and gap.strip() == "":
            return m.key
    # "Der Präsident von Finnland, Sauli Niinistö,", "den Vorsitzenden von Greenpeace Schweiz Otto Muster"
    for m in ms:
        if m.kind != "person" or m.sentence != sent or m.span.begin <= end:
            continue
        between = toks.text[end:m.span.begin]
        if between.count(",") == 1 and between.rstrip().endswith(",") and len(between) < 80 \
                and "." not in between:
            return m.key
        if "," not in between and len(between) < 60 and _OF_PHRASE.fullmatch(between) and any(
                o.kind in ("organization", "country") and o.span.end == end + len(between.rstrip())
                for o in ms if o.sentence == sent):
            return m.key
        break
    # "Karl Beispiel, stellvertretender Leiter …", "Karl Beispiel, der seit 2010 Landrat ist",
    # "Karl Beispiel ist seit Juli Landrat des Kreises"
    for m in reversed(ms):
        if m.kind != "person" or m.sentence != sent or m.span.end > toks.starts[ti]:
            continue
        between = toks.text[m.span.end:toks.starts[ti]]
        if (fit := _BEFORE_APPOSITION.fullmatch(between)) and not (
                fit.group(1) and fit.group(1).strip() in lex.office_words.get("foreign", ())):
            return m.key  # not "…, der den Landrat lobte"
        if _holds_by_clause(toks, ti, m, ms, lex):
            return m.key
        break
    return None


def _bare_titles_held(toks: Tokens, ms: list[Mention], lex: Lexicon, positions: dict[str, Position],
                      title_keys: dict[int, str], ents: dict[str, Entity]) -> None:
    """Give an office named without its holder as a speaker the person who was just speaking.

    "Der Experte Otto Kramer hält das für riskant. „…“, sagte der Leiter des Instituts.": a definite
    title right after a speech verb (or ", so"), with no name after it, is the person named last
    outside quotation marks in the one or two sentences before, when that person holds no other office
    in the article and the genders agree.
    """
    speech = lex.office_words.get("source_before", frozenset())
    persons = [m for m in ms if m.kind == "person" and m.key and m.role != "pronoun"]
    quoted = _quoted_spans(toks.text)
    for ti, key in sorted(title_keys.items()):
        p = positions.get(key)
        if p is None or p.holder is not None or not lex.is_office(p.title):
            continue
        first = _first_of_phrase(toks, ti, lex)
        k = first - 1
        while k > 0 and toks.word(k)[:1].islower() and toks.word(k) not in ("der", "die") and first - k <= 2:
            k -= 1
        if k < 1 or toks.word(k) not in ("der", "die") or toks.sentence_of[k - 1] != toks.sentence_of[ti]:
            continue
        before = toks.word(k - 1)
        if lex.speech_verb(before) is None and before not in speech:
            continue
        sent = toks.sentence_of[ti]
        if any(m.sentence == sent and 0 <= m.span.begin - toks.ends[ti] <= 60 for m in persons):
            continue  # "sagte der Leiter des Instituts Otto Kramer": the name is the speaker
        outside = [m for m in persons if m.span.end <= toks.starts[k] and 1 <= sent - m.sentence <= 2
                   and not any(b <= m.span.begin < e for b, e in quoted)]
        if not outside:
            continue  # no one quoted just before (a name in this sentence's own words is what it is about)
        who = outside[-1].key or ""
        if any(q.holder == who and q.title != p.title and lex.is_office(q.title) for q in positions.values()) \
                and not (p.of and _member_of(toks.text, who, p.of, ms)):
            continue  # the person holds another office: a different speaker, unless the office is of the
            # party named in brackets after them ("Ministerin Eva Roth (SPD) … sagte die SPD-Vorsitzende")
        feminine = p.title.endswith("in") or toks.word(k) == "die"
        e = ents.get(who)
        gender = lang_data.first_name_genders(lex.lang).get(e.name.split()[0], "u") if e else "u"
        if gender in ("m", "f") and (gender == "f") != feminine:
            continue
        new_key = position_key(p.title, p.of, who)
        _fold(positions, title_keys, key, Position(new_key, p.title, p.of, who, ()))


def _member_of(text: str, who: str, org: str, ms: list[Mention]) -> bool:
    """Does the text name ``org`` in brackets right after a mention of person ``who`` ("Eva Roth (SPD)")?"""
    ends = {m.span.end for m in ms if m.key == who}
    return any(m.key == org and text[max(0, m.span.begin - 3):m.span.begin].rstrip().endswith("(")
               and any(0 <= m.span.begin - end <= 3 for end in ends) for m in ms)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of text inside quotation marks („…“, »…«, "…")."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


_QUOTED = re.compile(r"„[^“”\n]*[“”]|»[^«\n]*«|\"[^\"\n]*\"")


def _shared_holder(toks: Tokens, ti: int, ms: list[Mention], lex: Lexicon, title_at: set[int],
                   positions: dict[str, Position], title_keys: dict[int, str]) -> str | None:
    """The holder of two titles joined by "und": "Innenminister und Parteichef Otto Kramer" (the name
    after the second), "Otto Kramer, Vizepräsident und Chef der Firma" (the first title's holder)."""
    sent = toks.sentence_of[ti]
    nxt = ti + 1
    if nxt + 1 < len(toks) and toks.word(nxt) == "und" and toks.sentence_of[nxt + 1] == sent:
        k = nxt + 1
        while k < len(toks) and toks.sentence_of[k] == sent and _modifier(toks.word(k), lex) and k - nxt < 3:
            k += 1
        same_gender = toks.word(ti).endswith("in") == toks.word(k).endswith("in")  # not "der Präsident und Kanzlerin X"
        if k in title_at and same_gender and (h := _holder(toks, k, ms, lex)) is not None \
                and any(m.key == h and 0 <= m.span.begin - toks.ends[k] <= 2 for m in ms):
            return h
    first = _first_of_phrase(toks, ti, lex)
    if first >= 2 and toks.word(first - 1) == "und" and first - 2 in title_keys \
            and toks.sentence_of[first - 2] == sent:
        prev = positions.get(title_keys[first - 2])
        if prev is not None and prev.holder is not None:
            return prev.holder
    return None


def _coordinated(toks: Tokens, ti: int, ms: list[Mention], holder: str | None) -> tuple[str, ...]:
    """The further holders of a title that names several: "die Abgeordneten Otto Kramer und Anna Berger"."""
    if holder is None:
        return ()
    end = toks.ends[ti]
    after = [m for m in ms if m.span.begin >= end and m.sentence == toks.sentence_of[ti]]
    if len(after) < 2 or after[0].key != holder or not toks.text[end:after[0].span.begin].isspace():
        return ()
    second = after[1]
    if second.kind == "person" and second.key and second.key != holder \
            and toks.text[after[0].span.end:second.span.begin].strip() in ("und", "sowie"):
        return (second.key,)
    return ()


def _deputy_owner(toks: Tokens, ti: int, ms: list[Mention], lex: Lexicon,
                  positions: dict[str, Position]) -> str | None:
    """A deputy named by a possessive shares the owner of the office he stands in for:
    "der Fraktionschef Otto Kramer und sein Stellvertreter Paul Lange"."""
    first = _first_of_phrase(toks, ti, lex)
    if first == 0 or toks.word(first - 1) not in lex.possessives:
        return None
    sent = toks.sentence_of[ti]
    named = [m for m in ms if m.span.end <= toks.starts[first] and 0 <= sent - m.sentence <= 1
             and m.kind in ("person", "organization") and m.role != "pronoun"]
    if not named:
        return None
    if named[-1].kind == "organization":
        return named[-1].key
    owners = [p.of for p in positions.values() if p.holder == named[-1].key and p.of]
    return owners[-1] if len(set(owners)) == 1 else None


def _seat(toks: Tokens, t: TitleMention, ms: list[Mention], lex: Lexicon) -> str | None:
    """The town, district or region of a local office named without one: the one place of the article
    that follows a noun of that kind of seat ("Landrat Otto Kramer" … "im Kreis Olpe")."""
    nouns = lex.office_seats.get(t.title) or lex.office_seats.get(lex.titles.get(t.title, t.title))
    if not nouns:
        return None
    found = set()
    for m in ms:
        if m.kind != "place" or not m.key:
            continue
        k = bisect.bisect_left(toks.starts, m.span.begin) - 1  # the token before the name
        if k >= 0 and toks.word(k) in nouns and toks.text[toks.ends[k]:m.span.begin].isspace():
            found.add(m.key)
    return found.pop() if len(found) == 1 else None


def _holds_by_clause(toks: Tokens, ti: int, m: Mention, ms: list[Mention], lex: Lexicon) -> bool:
    """Does the person m hold title ti by a relative clause or a copula between them?

    "Otto Kramer, der seit 2010 Landrat ist", "Anna Roth, die bis dahin stellvertretende Vorsitzende war",
    "Otto Kramer ist seit Juli Landrat des Kreises": at most six words between, no other name, and the
    word before the title is not an article or preposition of another noun phrase ("…, der den Landrat lobte").
    """
    words_ = lex.office_words
    k = toks.ends.index(m.span.end) + 1 if m.span.end in toks.ends else -1
    first = _first_of_phrase(toks, ti, lex)
    if k < 0 or not 0 < first - k <= 8 or any(
            o.kind != "pronoun" and o.span.begin >= m.span.end and o.span.end <= toks.starts[first] for o in ms):
        return False
    between = [toks.word(i) for i in range(k, first)]
    if any(w in (";", ":", "(", ")", "„", "“", '"', "?", "!") or w == "." and not toks.word(k + j - 1).isdigit()
           for j, w in enumerate(between)):
        return False
    if between[0] == "," and len(between) > 2 and between[1] in words_.get("relative", ()):
        rest = between[2:]
    elif between[0] in words_.get("copula", ()):
        rest = between[1:]
        if rest[:1] and rest[0] in words_.get("article", ()) and len(rest) == 1:
            return True  # "Otto Kramer ist der Landrat"
    else:
        return False
    return "," not in rest and not (rest and rest[-1] in words_.get("foreign", ()))


def _office_of(toks: Tokens, ti: int, t: TitleMention, ms: list[Mention], lex: Lexicon,
               holder: str | None, ents: dict[str, Entity]) -> str | None:
    text = toks.text
    sent = toks.sentence_of[ti]
    office = lex.is_office(t.title)
    owner_kinds = ("country", "organization", "place") if office else ("country", "organization")
    # compound: "Kreml-Sprecher", "NATO-Generalsekretär", "AfD-Abgeordnete", "NRW-Innenminister"
    local = lex.implied_states(lex.titles.get(t.title, t.title)) == ()
    if t.of_hint:
        for m in ms:
            if m.span.begin == t.span.begin and m.kind in owner_kinds \
                    and not (local and lex.org_kind(m.key or "") == "party"):
                return m.key
        key = lex.lookup_key(t.of_hint) or (lex.place_owner_forms.get(t.of_hint) if office else None) or next(
            (e.key for e in ents.values() if t.of_hint in (e.name, *e.alternate_names)), None)  # "(BVG)" before
        if key and key.startswith(tuple(f"{k}/" for k in owner_kinds)) \
                and not (local and lex.org_kind(key) == "party"):  # "CDU-Landrat": the holder's party
            return key
    # an adjective or genitive right before: "Der kasachische Innenminister", "Russlands Außenminister"
    before = [m for m in ms if m.sentence == sent and m.span.end <= t.span.begin
              and t.span.begin - m.span.end <= 12 and m.kind in ("country", "organization")]
    if before:
        m = before[-1]
        between = text[m.span.end:t.span.begin].strip()
        if between in ("", "der", "des") or (m.role == "adjective" and between.split()[-1:] != ["hat"]
                                              and len(between.split()) <= 1 and "," not in between):
            return m.key
    # "von Kasachstan", "des Deutschland-Zentrums", "der AfD-Bundestagsfraktion", "beim … Staatssender CGTN",
    # "Oberbürgermeister von Jena", "Gesundheitsminister Spaniens"
    after = [m for m in ms if m.sentence == sent and m.span.begin >= t.span.end
             and m.span.begin - t.span.end <= 60 and m.kind in owner_kinds]
    # "Studioleiter des kanadischen Fernsehsenders CBC": the organisation, not the adjective before it;
    # "Chef der zweitgrößten deutschen Möbelkette": a state's adjective only names a state's office
    gov = lex.is_government_title(t.title)
    # "Präsident des Deutschen Roten Kreuzes": a capitalised adjective is part of a name
    after = [m for m in after if m.role != "adjective"] + [
        m for m in after if m.role == "adjective" and m.span.text[:1].islower()
        and (gov or _state_noun_after(toks.text, m.span.end, lex))]
    after = [m for m in after if m.role != "demonym"]
    for m in after:
        between = text[t.span.end:m.span.begin]
        if "," in between or ";" in between:
            break
        words = between.split()
        if words and words[0] in ("von", "der", "des", "beim", "bei", "im", "vom") and len(words) <= 5:
            if m.kind == "place" and words[-1] not in ("von", "der", "des", "vom") \
                    and not lex.owner_nouns.get(words[-1]) and words[-1] not in _PLACE_HEADS:
                continue  # "Chef der Firma in Berlin": a place inside the phrase, not its head
            return m.key
        if not words:
            if m.kind == "country" and m.role == "genitive":
                return m.key  # "der Präsident Frankreichs"
            continue
    # a place's adjective or genitive right before: "der Kölner Oberbürgermeister", "Bayerns Ministerpräsident"
    # (after an organisation named after the title: "Kölner Sprecher des Verbands X" is the Verband's)
    first = _first_of_phrase(toks, ti, lex)
    if lex.title_categories.get(lex.titles.get(t.title, t.title), "") in lang_data.words(
            lex.lang, "names.tsv", "owned_title_category") \
            and first > 0 and toks.sentence_of[first - 1] == sent \
            and (town_org := _local_organisation(toks.word(first - 1), ms)) is not None:
        return town_org  # "der Oberfelder Geschäftsführer" of the article's "Brauerei Oberfeld"
    if office and first > 0 and toks.sentence_of[first - 1] == sent \
            and (place := lex.place_owner_forms.get(toks.word(first - 1))) is not None:
        return place
    # the holder's organisation: "Name (ÖVP)", "Name von der Brauerei Unterbach"
    if holder is not None:
        for m in ms:
            if m.key == holder and m.sentence == sent:
                for o in ms:
                    if o.sentence == sent and o.kind == "organization" and o.span.begin >= m.span.end \
                            and o.span.begin - m.span.end <= 12:
                        between = text[m.span.end:o.span.begin]
                        if between.strip() in ("(", "von der", "von", "vom"):
                            if lex.is_government_title(t.title) and between.strip() == "(":
                                if lex.implied_states(lex.titles.get(t.title, t.title)) == ():
                                    return None  # a mayor's party says nothing about whose office it is
                                return lex.org_country(o.key or "")  # a minister's party is not the office's owner
                            return o.key
                break
    return None


def _local_organisation(adjective: str, ms: list[Mention]) -> str | None:
    """The one organisation of the article named after the town a place adjective names ("Oberfelder" ->
    "Brauerei Oberfeld"), or None."""
    if len(adjective) < 6 or not adjective[:1].isupper() or not adjective.endswith("er"):
        return None
    stem = adjective[:-2]
    keys = {m.key for m in ms if m.kind == "organization" and m.key and stem in m.name.split()}
    return keys.pop() if len(keys) == 1 else None


# the head nouns of a territorial body's name: "Landrat des Kreises Olpe", "Bürgermeister der Stadt Jena"
_PLACE_HEADS = {"Kreis", "Kreises", "Landkreis", "Landkreises", "Stadt", "Gemeinde", "Bezirk", "Bezirks",
                "Bezirkes", "Provinz", "Region", "Bundesland", "Bundeslandes", "Kanton", "Kantons", "Marktgemeinde"}


def _state_noun_after(text: str, end: int, lex: Lexicon) -> bool:
    """Is a state's adjective followed by a noun of the state's own bodies ("der österreichischen
    Nationalmannschaft", "der französischen Armee"), not by any noun ("der zweitgrößten deutschen Möbelkette")?"""
    nxt = text[end:end + 40].split()[:1]
    return bool(nxt) and nxt[0].rstrip(",.;:").lower().endswith(tuple(
        n.lower() for n in lex.office_words.get("state_nouns", ())))


def _first_of_phrase(toks: Tokens, ti: int, lex: Lexicon) -> int:
    """The first token of a title with its modifiers ("stellvertretende außenpolitische Sprecherin")."""
    k = ti
    while k > 0 and toks.sentence_of[k - 1] == toks.sentence_of[ti] and _modifier(toks.word(k - 1), lex):
        k -= 1
    return k


def _modifier(word: str, lex: Lexicon) -> str | None:
    """The stem of an adjective that is part of an office ("stellvertretenden" -> "stellvertretend")."""
    low = word.lower()
    stem = next((low[: -len(e)] for e in ("en", "er", "es", "em", "e") if low.endswith(e)), low)
    for m in lex.title_modifiers:
        if stem == m or (m.startswith("*") and stem.endswith(m[1:]) and len(stem) > len(m) + 1):
            return stem
    return None


def _owner_by_noun(toks: Tokens, ti: int, t: TitleMention, ms: list[Mention], lex: Lexicon) -> str | None:
    """The owner a common noun or a possessive points back to.

    "der Sprecher der Organisation", "der Geschäftsführer des Unternehmens", "Verbandsdirektorin",
    "sein Vorsitzender": the organisation of that kind (``office_owner_nouns.tsv``) named last
    in this or the three sentences before; a possessive only when the entity named last is an organisation.
    """
    sent = toks.sentence_of[ti]
    noun: tuple[str, str] | None = None
    if ti + 2 < len(toks) and toks.word(ti + 1) in ("der", "des") and toks.sentence_of[ti + 2] == sent:
        nxt = toks.word(ti + 2)
        after = toks.word(ti + 3) if ti + 3 < len(toks) and toks.sentence_of[ti + 3] == sent else ""
        # "der Organisation X", "des Verbands für Y" name an organisation of their own
        if not (after[:1].isupper() and after not in lex.owner_nouns) and after not in lex.office_words.get(
                "foreign", ()):
            noun = lex.owner_nouns.get(nxt)
    word = toks.word(ti)
    if noun is None and "-" not in word:  # "Verbandsdirektorin", "Fraktionschef"
        for form, entry in lex.owner_nouns.items():
            rest = word[len(form):]
            if not word.startswith(form) or len(rest) <= 3:
                continue
            if lex.title_of(rest[:1].upper() + rest[1:]) is not None \
                    or rest[:1] == "s" and lex.title_of(rest[1:2].upper() + rest[2:]) is not None:
                noun = entry
                break
    first = _first_of_phrase(toks, ti, lex)
    possessive = noun is None and first > 0 and toks.word(first - 1) in lex.possessives \
        and lex.title_categories.get(lex.titles.get(t.title, t.title), "") in lex.office_words.get("owned", ())
    if noun is None and not possessive:
        return None
    begin = toks.starts[first]
    window = [m for m in ms if m.span.end <= begin and 0 <= sent - m.sentence <= 3 and m.key]
    if possessive:
        named = [m for m in window if m.kind in ("person", "organization") and m.role != "pronoun"]
        if not named or named[-1].kind != "organization" or lex.is_media(named[-1].key or "", named[-1].name):
            return None
        return named[-1].key
    assert noun is not None
    base, kind = noun
    orgs = [m for m in window if m.kind == "organization" and not lex.is_media(m.key or "", m.name)
            or m.kind == "organization" and kind in ("broadcaster", "newspaper", "agency")]
    for pick in ([m for m in orgs if base.lower() in m.name.lower()
                  or _kind_before(toks.text, m.span.begin).endswith(base.lower())],
                 [m for m in orgs if kind and lex.org_kind(m.key or "") == kind],
                 [m for m in orgs if not kind and lex.org_kind(m.key or "") in (None, "ngo", "institution", "igo")]):
        if pick:
            return pick[-1].key
    return None


def _kind_before(text: str, begin: int) -> str:
    """The lower-cased word before a name, without quotation marks: the noun that said what kind of
    organisation it is ("dem Umzugsunternehmen „Blitzblank“" -> "umzugsunternehmen")."""
    words = text[max(0, begin - 40):begin].rstrip(" „“\"»«").split()
    return words[-1].lower() if words else ""


def _feminine(toks: Tokens, ti: int, holder: str | None, ents: dict[str, Entity], lex: Lexicon) -> bool:
    """Is the holder of this title a woman: by the article before an adjectival title ("die Abgeordnete",
    "der Abgeordnete"), else by the holder's first name, else not."""
    first = _first_of_phrase(toks, ti, lex)
    if first > 0 and toks.word(ti).endswith("e"):
        det = toks.word(first - 1).lower()
        if det in ("die", "eine"):
            return True
        if det in ("der", "ein"):
            return False
    if holder is not None and (e := ents.get(holder)) is not None:
        return lang_data.first_name_genders(lex.lang).get(e.name.split()[0], "u") == "f"
    return False


def _title_with_modifier(toks: Tokens, ti: int, title: str, lex: Lexicon, feminine: bool = False) -> str:
    """The title in its nominative, with the modifiers that are part of the office.

    "stellvertretende Vorsitzende" for a woman, "außenpolitischer Sprecher", "Vorsitzender" for a man
    or when the text does not tell (an adjectival title is masculine unless the text says otherwise).
    """
    masc = lex.adjectival_titles.get(title)
    if masc is not None and not feminine:
        title = masc
    feminine = feminine or (masc is None and title.endswith("in"))
    words = [title]
    k = ti
    while k > 0 and toks.sentence_of[k - 1] == toks.sentence_of[ti] and (stem := _modifier(toks.word(k - 1), lex)):
        k -= 1
        words.insert(0, stem + ("e" if feminine else "er"))
    return " ".join(words)
