"""The event lexicon: trigger words with their event class, and the word lists the rules use.

Read from ``lang/<code>/event_triggers.tsv`` (its header documents the columns and lists). The
automaton finds every trigger form in one pass over the lower-cased text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import ahocorasick

from kgbuild.lang import has_file, read_text

MatchType = Literal["word", "prefix", "suffix"]

PLAIN = "Event"  # the TSV's name for a plain schema:Event
BLOCK = "-"  # the TSV's type of an entry that blocks a shorter match


@dataclass(frozen=True)
class Trigger:
    """One row of ``event_triggers.tsv``."""

    form: str  # lower-case word, stem or phrase
    match: MatchType
    type: str  # kg: local name; "Event" for a plain schema:Event; "-" blocks a shorter match
    label: str  # German name of the event
    group: str  # occurrences of one type and group may merge
    prev: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    aux: frozenset[str] = frozenset()  # one of these words must stand in the trigger's clause
    actor: bool = False  # a person, organisation or state within three words, or "sich" after
    particle: frozenset[str] = frozenset()  # a separable verb's particle ends the clause: "trat ... zurück"
    cap: bool = False  # only a capitalised word (a noun)
    date_after: bool = False
    place_near: bool = False
    named: bool = False


@dataclass(frozen=True)
class EventLexicon:
    """Triggers, the automaton that finds them, and the rules' word lists (see the TSV's header)."""

    triggers: tuple[Trigger, ...]
    automaton: Any  # ahocorasick.Automaton: form -> (form, ((trigger index, ending length), ...))
    lists: dict[str, frozenset[str]]
    speech: frozenset[str] = frozenset()
    neg: frozenset[str] = frozenset()
    loc: frozenset[str] = frozenset()
    weakloc: frozenset[str] = frozenset()
    agentprep: frozenset[str] = frozenset()
    passive: frozenset[str] = frozenset()
    support: frozenset[str] = frozenset()
    placenoun: frozenset[str] = frozenset()
    compass: frozenset[str] = frozenset()
    nodate: frozenset[str] = frozenset()
    clause: frozenset[str] = frozenset()
    subclause: frozenset[str] = frozenset()
    article: frozenset[str] = frozenset()
    source: frozenset[str] = frozenset()
    possessive: frozenset[str] = frozenset()
    agentnoun: frozenset[str] = frozenset()
    timeunit: frozenset[str] = frozenset()
    determiner: frozenset[str] = frozenset()
    adjective_ending: re.Pattern[str] = re.compile("(?!)")  # "polnisch-en"
    verb_ending: re.Pattern[str] = re.compile("")  # "demonstrier-enden"; none is always allowed
    preps: frozenset[str] = frozenset()  # every preposition of @loc, @weakloc, @noloc, @agentprep

    def words(self, name: str) -> frozenset[str]:
        """The word list ``@name`` (empty when the file has none)."""
        return self.lists.get(name, frozenset())


@lru_cache(maxsize=4)
def load_event_lexicon(lang: str = "de") -> EventLexicon:
    """Read ``lang/<lang>/event_triggers.tsv`` and build its automaton (cached).

    >>> lex = load_event_lexicon("de")
    >>> any(t.form == "streik" and t.type == "Protest" for t in lex.triggers)
    True
    """
    return parse_event_lexicon(read_text(lang, "event_triggers.tsv") if has_file(lang, "event_triggers.tsv") else "")


def parse_event_lexicon(data: str) -> EventLexicon:
    """Build an :class:`EventLexicon` from the text of a trigger table (format: see the TSV)."""
    triggers: list[Trigger] = []
    lists: dict[str, frozenset[str]] = {}
    for n, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if cols[0].startswith("@"):
            lists[cols[0][1:]] = frozenset(w for c in cols[1:] for w in c.split())
            continue
        if len(cols) < 3 or cols[1] not in ("word", "prefix", "suffix"):
            raise ValueError(f"event_triggers.tsv:{n}: expected trigger, match, type: {raw!r}")
        form, match, typ = cols[0].strip().lower(), cols[1], cols[2].strip()
        label = cols[3].strip() if len(cols) > 3 and cols[3].strip() else form.capitalize()
        group = cols[4].strip() if len(cols) > 4 and cols[4].strip() else typ
        words: dict[str, frozenset[str]] = {}
        flags = {f.strip() for f in cols[5].split(",")} if len(cols) > 5 else set()
        for f in flags:
            name, eq, value = f.partition("=")
            if eq:
                words[name] = frozenset(value.split("|"))
        triggers.append(Trigger(
            form, match, typ, label, group,  # type: ignore[arg-type]
            prev=words.get("prev", frozenset()), next=words.get("next", frozenset()),
            aux=words.get("aux", frozenset()), actor="actor" in flags, particle=words.get("particle", frozenset()),
            cap="cap" in flags,
            date_after="date-after" in flags, place_near="place-near" in flags, named="named" in flags,
        ))
    keys: dict[str, list[tuple[int, int]]] = {}
    for i, t in enumerate(triggers):
        for ending in ("", *sorted(lists.get("compound_ending", ()))) if t.match == "suffix" else ("",):
            keys.setdefault(t.form + ending, []).append((i, len(ending)))
    automaton = ahocorasick.Automaton()
    for key, entries in keys.items():
        automaton.add_word(key, (key, tuple(entries)))
    automaton.make_automaton()
    w = {name: lists.get(name, frozenset()) for name in (
        "speech", "neg", "loc", "weakloc", "agentprep", "passive", "support", "placenoun", "compass",
        "nodate", "clause", "subclause", "article", "source", "timeunit", "possessive", "agentnoun", "determiner")}
    preps = w["loc"] | w["weakloc"] | w["agentprep"] | lists.get("noloc", frozenset())
    w["clause"] = w["clause"] | w["subclause"]
    return EventLexicon(tuple(triggers), automaton, lists, **w, preps=preps,
                        adjective_ending=re.compile(rf"(?:{_alternation(lists.get('adjective_ending', ()))})$"),
                        verb_ending=re.compile(rf"(?:{_alternation(lists.get('verb_ending', ()))})?"))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"



def first_word(words: frozenset[str]) -> str:
    """The one word of a one-word list (the empty string when the language has none)."""
    return next(iter(sorted(words)), "")
