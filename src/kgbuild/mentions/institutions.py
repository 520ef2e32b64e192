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
   ("das Robert Koch-Institut … das Institut", "die Kriminalpolizei … die Polizei");
2. an institution the text qualifies: a place or state right after it
   ("Staatsanwaltschaft Potsdam", "die Polizei in Potsdam") or a state's or place's
   adjective before it ("die griechische Polizei"): a corpus-wide node;
3. otherwise an institution of this article only: its key carries the article's hash, so
   "die Polizei" of two articles about two towns are two nodes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from kgbuild.keys import entity_key
from kgbuild.lang import word_lists
from kgbuild.model import Mention, Span

if TYPE_CHECKING:
    from kgbuild.mentions import Tokens
    from kgbuild.mentions.lexicon import Lexicon

__all__ = ["Institution", "find_institutions", "institution_heads"]


@dataclass(frozen=True)
class Institution:
    """A head noun that names an institution of its kind."""

    head: str  # nominative: "Polizei", "Gericht", "Behörden"
    gender: str  # "f", "m", "n"
    number: str  # "sg", "pl"
    agent_only: bool  # an institution only in a source slot


@dataclass(frozen=True)
class _Frame:
    """Closed-class words that mark a noun phrase and a source slot."""

    determiners: frozenset[str]
    source_before: frozenset[str]  # "laut": the source follows directly
    source_nouns: frozenset[str]  # "Angaben", "Sprecher": "nach Angaben der X"


@lru_cache(maxsize=4)
def institution_heads(lang: str = "de") -> dict[str, Institution]:
    """Inflected form → institution, read from ``lang/<lang>/institutions.tsv``."""
    path = resources.files("kgbuild").joinpath("lang", lang, "institutions.tsv")
    if not path.is_file():
        return {}
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    out: dict[str, Institution] = {}
    for row in rows[1:]:
        head, gender, number, agent_only = (row + ["", "", "", ""])[:4]
        inst = Institution(head, gender, number, agent_only == "yes")
        out[head] = inst
        if number == "sg" and gender in ("m", "n"):  # genitive: "des Gerichts", "des Zivilschutzes"
            out.setdefault(head + "s", inst)
            out.setdefault(head + "es", inst)
        if number == "pl":  # dative plural: "den Behörden" is the same form; "-n" when missing
            out.setdefault(head if head.endswith("n") else head + "n", inst)
    return out


_DETERMINERS = frozenset("der die das des dem den vom beim zum zur im am".split())
_SOURCE_BEFORE = frozenset("laut Laut".split())
_NOMINATIVE = frozenset("der die das".split())  # determiners a subject can have
_CLAUSE_OPENERS = frozenset(", wie Wie und aber doch auch: „ “ \" ( –".split())
_ADJECTIVE = re.compile(r"[a-zäöüß][\w-]*(?:e|en|er|es|em)")
_FRAME = _Frame(_DETERMINERS, _SOURCE_BEFORE, frozenset())


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
    text = toks.text
    frame = _Frame(_DETERMINERS, _SOURCE_BEFORE, lex.according_nouns | lex.report_nouns | _spokesperson_nouns(lex))
    orgs = sorted((m for m in earlier if m.kind == "organization"), key=lambda m: m.span.begin)
    by_begin = {m.span.begin: m for m in earlier}
    by_end = {m.span.end: m for m in earlier}
    tag: str | None = None
    found: list[tuple[Mention, Institution, bool]] = []  # mention, its institution, in a source slot
    for i in range(len(toks)):
        w = toks.word(i)
        inst = heads.get(w)
        if inst is None or not free(toks.starts[i], toks.ends[i]):
            continue
        start = _phrase_start(toks, i, by_end)
        if start is None:
            continue
        slot = _in_source_slot(toks, lex, frame, start, i)
        if inst.agent_only and not slot:
            continue
        b, e = toks.starts[i], toks.ends[i]
        sent = sentence_of(b)
        ante = _antecedent([*orgs, *(f[0] for f in found)], inst, b)
        if ante is not None:
            found.append((Mention(Span.of(text, b, e), "organization", ante.name, ante.key, "name", sent), inst, slot))
            continue
        qualifier = _qualifier(toks, i, start, by_begin, by_end, inst)
        if qualifier is not None:
            found.append((Mention(Span.of(text, b, e), "organization", qualifier, None, "name", sent), inst, slot))
            continue
        tag = tag or _article_tag(text)
        key = f"{entity_key('organization', inst.head)}--{tag}"
        found.append((Mention(Span.of(text, b, e), "organization", inst.head, key, "name", sent), inst, slot))
    # an institution the article never gives a voice is background ("vor Gericht", "im Parlament"):
    # it becomes a node only when one of its mentions stands in a source slot
    speaking = {m.key or m.name for m, _, slot in found if slot}
    return [m for m, _, _ in found if (m.key or m.name) in speaking]


def _spokesperson_nouns(lex: Lexicon) -> frozenset[str]:
    """Titles that name a speaker on behalf of an institution ("ein Sprecher der Polizei")."""
    return frozenset(f for f, base in lex.titles.items() if base in ("Sprecher", "Sprecherin"))


def _phrase_start(toks: Tokens, i: int, by_end: dict[int, Mention]) -> int | None:
    """The first token of the noun phrase headed by token i, or None when it is no such phrase."""
    k = i - 1
    s = toks.sentence_of[i]
    while k >= 0 and toks.sentence_of[k] == s and i - k <= 4:
        w = toks.word(k)
        if w in _DETERMINERS or w.lower() in _DETERMINERS or w in _SOURCE_BEFORE:
            return k
        if _ADJECTIVE.fullmatch(w) or (toks.ends[k] in by_end and by_end[toks.ends[k]].role == "adjective"):
            k -= 1
            continue
        return None
    return None


def _in_source_slot(toks: Tokens, lex: Lexicon, frame: _Frame, start: int, i: int) -> bool:
    """Does the phrase stand where a statement's source stands?"""
    w = toks.word(start)
    if w in frame.source_before:
        return True
    if start > 0 and toks.sentence_of[start - 1] == toks.sentence_of[i]:
        before = toks.word(start - 1)
        if before in frame.source_nouns:  # "nach Angaben der Stadt", "ein Sprecher der Stadt"
            return True
        if before == "so" and start > 1 and toks.word(start - 2) == ",":  # "…, so der Verband."
            return True
    s = toks.sentence_of[i]
    # the subject after its verb: "teilten die Behörden mit", "sagte die Polizei"
    if w.lower() in _NOMINATIVE and start > 0 and toks.sentence_of[start - 1] == s \
            and lex.speech_verb(toks.word(start - 1)) is not None:
        return True
    # "der Polizei zufolge"; the subject of a speech verb in its clause: "Die Stadt teilte am Montag
    # mit", "wie die Polizei am Abend mitteilte"
    subject = w.lower() in _NOMINATIVE and (start == 0 or toks.sentence_of[start - 1] != s
                                             or toks.word(start - 1) in _CLAUSE_OPENERS)
    # the agent of a passive speech verb: "Von der Stadt wurde am Montag mitgeteilt, …"
    claim_words = word_lists(lex.lang, "claims.tsv")
    agent = start > 0 and toks.sentence_of[start - 1] == s \
        and toks.word(start - 1).lower() in claim_words.get("agent", {})
    passive = False
    for j in range(i + 1, min(i + 8, len(toks))):
        w = toks.word(j)
        if toks.sentence_of[j] != s or w in (",", ";", ":", ".", "(", "„", "“", '"'):
            break
        if w == "zufolge" and j == i + 1 or subject and lex.speech_verb(w) is not None:
            return True
        passive = passive or (w in claim_words.get("passive", {}) and w != "werden")
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
               by_end: dict[int, Mention], inst: Institution) -> str | None:
    """The name of an institution qualified by a place or state: "Staatsanwaltschaft Potsdam"."""
    # a state's or place's adjective inside the phrase: "die griechische Polizei"
    for k in range(start + 1, i):
        m = by_end.get(toks.ends[k])
        if m is not None and m.role == "adjective" and m.kind in ("country", "place"):
            adj = m.span.text
            stem = re.sub(r"(e|en|er|es|em)$", "e", adj) if adj[:1].islower() else adj
            return f"{stem} {inst.head}"
    # a place or state right after it, or after "in": "Staatsanwaltschaft Potsdam", "Polizei in Potsdam"
    j = i + 1
    if j < len(toks) and toks.word(j) == "in":
        j += 1
    if j < len(toks) and toks.sentence_of[j] == toks.sentence_of[i]:
        m = by_begin.get(toks.starts[j])
        if m is not None and m.kind in ("place", "country") and m.role == "name":
            return f"{inst.head} {m.name}"
    return None

