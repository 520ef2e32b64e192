"""Attribution cues as data: the frame matcher and the Konjunktiv test of the claim stage.

Both are compiled from a language's folder, so a rule lives in one data row:

- ``attribution_phrases.tsv``: frames such as "laut X", "X zufolge", "nach Angaben X",
  "nach eigenen Angaben", "wie X berichtet", "unter Berufung auf X", "In einer Mitteilung X heißt es".
  :class:`FrameMatcher` finds them in a sentence's words and says where the source slot is; the claim
  stage decides which entity stands there.
- ``konjunktiv.tsv``: the irregular subjunctive forms and the words in -e that are no verb;
  :class:`Konjunktiv` says whether a sentence's finite verb is in the subjunctive, from its form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from kgbuild import lang as lang_data
from kgbuild.lang import AttributionPhrase

_BREAK = frozenset({",", ":", ";", ".", "!", "?", "–", "—", "(", ")"})
_SLOT_AFTER = 6  # words a source may stand after its frame ("nach Angaben des örtlichen Roten Kreuzes")
_SLOT_BEFORE = 8
_SLOT_BETWEEN = 14  # "geht aus einer im Mai publizierten Studie des Forschers X von der Universität Y hervor"


@dataclass(frozen=True)
class FrameMatch:
    """One frame found in a sentence's words (positions index the sentence's word list)."""

    phrase: AttributionPhrase
    begin: int  # first word of the frame (its source slot included when the source comes first)
    end: int  # one past its last word
    cue: tuple[int, int]  # the frame's own words, first to one past last, without a leading source
    slot: tuple[int, int]  # where the source may stand; empty for "subject" and "none" frames
    verb: int | None  # the speech verb at V


def _adjective(word: str) -> bool:
    """A lower-case inflected adjective ("jüngsten", "offiziellen", "ersten")."""
    return word.isalpha() and word.islower() and len(word) > 4 and word.endswith(("en", "em", "er", "es"))


def _parts(pattern: str) -> tuple[str | frozenset[str], ...]:
    return tuple(p if p in ("X", "V") else frozenset(a.lower() for a in p.lstrip("^").split("|"))
                 for p in pattern.split())


def _opens_clause(words: Sequence[str], p: int) -> bool:
    """Does word p open a clause: first in the sentence, or after a comma, bracket, dash or colon?"""
    return p == 0 or words[p - 1] in _BREAK


class FrameMatcher:
    """Every frame of attribution_phrases.tsv, indexed by its first fixed word."""

    def __init__(self, phrases: Sequence[AttributionPhrase]) -> None:
        self._by_first: dict[str, list[tuple[AttributionPhrase, tuple[str | frozenset[str], ...]]]] = {}
        for ph in phrases:
            parts = _parts(ph.pattern)
            first = parts[1] if parts[0] == "X" else parts[0]
            assert isinstance(first, frozenset), ph.pattern
            for w in first:
                self._by_first.setdefault(w, []).append((ph, parts))

    def matches(self, words: Sequence[str], is_verb: Callable[[str], bool]) -> list[FrameMatch]:
        """The frames in a sentence, by their first word; at one word, longer frames first."""
        out: list[FrameMatch] = []
        lower = [w.lower() for w in words]
        for p, w in enumerate(lower):
            for ph, parts in self._by_first.get(w, ()):
                if ph.pattern.startswith("^") and not _opens_clause(words, p):
                    continue
                m = self._match(ph, parts, lower, words, p, is_verb)
                if m is not None:
                    out.append(m)
        out.sort(key=lambda m: (m.begin, -(m.end - m.begin)))
        return out

    @staticmethod
    def _match(ph: AttributionPhrase, parts: tuple[str | frozenset[str], ...], lower: list[str],
               words: Sequence[str], p: int, is_verb: Callable[[str], bool]) -> FrameMatch | None:
        n = len(lower)
        lead_slot = parts[0] == "X"
        k = 1 if lead_slot else 0
        q = p
        slot: tuple[int, int] = (0, 0)
        verb = None
        while k < len(parts):
            part = parts[k]
            if part == "X":
                if k == len(parts) - 1:
                    slot = (q, min(q + _SLOT_AFTER, n))
                    k += 1
                    continue
                nxt = parts[k + 1]
                q2, stop = q + 1, min(q + 1 + _SLOT_BETWEEN, n)
                while q2 < stop:
                    if lower[q2] == "(" and ")" in lower[q2 + 1:q2 + 4]:
                        q2 = lower.index(")", q2 + 1) + 1  # a bracketed short form: "des Bundesamts (BfS)"
                        continue
                    if lower[q2] in _BREAK:
                        return None
                    if (nxt == "V" and is_verb(words[q2])) or (isinstance(nxt, frozenset) and lower[q2] in nxt):
                        slot = (q, q2)
                        q = q2
                        break
                    q2 += 1
                else:
                    return None
                k += 1
                continue
            if q >= n:
                return None
            if part == "V":
                if not is_verb(words[q]):
                    return None
                verb = q
            elif lower[q] not in part:
                # one adjective after the frame's first word: "nach jüngsten Angaben", "nach ersten Erkenntnissen"
                if k == 1 and not lead_slot and q + 1 < n and lower[q + 1] in part and _adjective(words[q]):
                    q += 1
                else:
                    return None
            q += 1
            k += 1
        if lead_slot:
            slot = (max(p - _SLOT_BEFORE, 0), p)
        return FrameMatch(ph, slot[0] if lead_slot else p, q, (p, q), slot, verb)


@cache
def frames(lang: str) -> FrameMatcher:
    return FrameMatcher(lang_data.attribution_phrases(lang))


class Konjunktiv:
    """Is a sentence's finite verb in Konjunktiv I or II? Decided from the verb's form."""

    def __init__(self, lang: str) -> None:
        lists = lang_data.word_lists(lang, "konjunktiv.tsv")
        self.irregular = frozenset(lists.get("irregular", {}))
        self.not_verb = frozenset(lists.get("not_verb", {}))
        self.subject = frozenset(lists.get("subject", {}))
        self.not_after = frozenset(lists.get("not_after", {}))
        self.endings = tuple(lists.get("ending", {}))
        self.adjective = tuple(lists.get("adjective_ending", {}))
        self.past = tuple(lists.get("past_ending", {}))
        self.determiner = frozenset(lists.get("determiner", {}))
        self.subordinator = frozenset(lists.get("subordinator", {}))
        self.np_endings = tuple(lists.get("inflection_ending", {}))
        self.second = frozenset(lists.get("second", {}))
        self.adjacent = frozenset(lists.get("adjacent", {}))
        self.opener = frozenset(lists.get("clause_opener", {}))
        self.clause_break = frozenset(lists.get("clause_break", {}))
        self.clause_joiner = frozenset(lists.get("clause_joiner", {}))
        self.preposition = frozenset(lists.get("preposition", {}))
        self.lead_in = self.clause_joiner | self.preposition  # may stand before a clause's opener
        self.function = self.determiner | self.preposition | self.clause_joiner | self.opener \
            | self.subordinator | frozenset(lists.get("particle", {}))

    def form_at(self, words: Sequence[str], k: int) -> bool:
        """Is ``words[k]`` a subjunctive finite verb?"""
        w = words[k]
        if k + 1 < len(words) and words[k + 1].lower() in self.not_after and w not in self.second:
            return False  # the subject after the verb: "Das sehe ich anders" ("würde ich" stays Konjunktiv II)
        if w in self.irregular:
            return k == 0 or words[k - 1].lower() not in self.not_after
        if not self.endings or not w.endswith(self.endings) or len(w) < 4 or not w.islower() \
                or w in self.not_verb or k == 0:
            return False
        prev = words[k - 1]
        if prev.lower() in self.not_after or w.endswith(self.past):
            return False  # "ich sage"; "plante", "hatte": the past of weak verbs
        nxt = words[k + 1] if k + 1 < len(words) else "."
        if nxt[:1].isupper() and (w.endswith(self.adjective) or not (prev[:1].isupper() or prev in self.subject)
                                  or prev.lower() in self.subordinator or prev.lower() in self.determiner):
            return False  # an attributive adjective before its noun: "die neue Regel", "für Kinder bunte Bälle"
        if prev.lower() in self.subject:
            return True  # "er plane", "man rechne"
        if prev[:1].isupper() and (k == 1 or words[k - 2].lower() in self.determiner or self._noun_phrase(words[:k])):
            return True  # verb second after the subject: "Die Behörde plane …", "Wendt rechne …"
        # clause-final in a subordinate clause: "…, dass sie Kürzungen plane."
        return nxt in (",", ".", ";", "!", "?") and any(x.lower() in self.subordinator for x in words[:k])

    def _noun_phrase(self, words: Sequence[str]) -> bool:
        """Do the words before the verb form one noun phrase that opens the sentence ("Die Zahl der
        neuen Fälle")? Determiners, adjectives and nouns only, opened by a determiner."""
        return len(words) <= 8 and words[0].lower() in self.determiner and all(
            w[:1].isupper() or w.lower() in self.determiner or (w.islower() and w.endswith(self.np_endings))
            for w in words[1:])

    def in_sentence(self, words: Sequence[str]) -> bool:
        return any(self.form_at(words, k) for k in range(len(words)))

    def only_in_subclauses(self, words: Sequence[str]) -> bool:
        """Is every subjunctive form of the sentence a Konjunktiv II that closes a subordinate or relative
        clause ("Das Museum, wo sonst Bilder zu sehen wären, bleibt zu.", "Er weiß, dass es anders aussehen
        würde.")? Such a form belongs to the author's own sentence, whose main verb is indicative; it is no
        mark of reported speech."""
        opens = []
        for k in range(len(words)):
            if not self.form_at(words, k):
                continue
            start = self._subclause_start(words, k) if words[k] in self.second else -1
            if start < 0:
                return False
            opens.append(start)
        if not opens:
            return False
        main = words[:min(opens)]
        if min(opens) > 0 and sum(w.islower() and len(w) >= 4 and w not in self.function for w in main) < 2:
            return False  # no clause of its own before it: "Aber auch die Pendler, die …", "Sich fragen, …"
        # a verb in -e right after a noun may be a Konjunktiv I not recognised: "Ohne Hilfen bestehe die Gefahr, dass …"
        return not any(w.islower() and w.endswith(self.endings) and len(w) >= 4 and w not in self.not_verb
                       and w not in self.function and not w.endswith(self.adjective) and main[q - 1][:1].isupper()
                       for q, w in enumerate(main) if q > 0)

    def _subclause_start(self, words: Sequence[str], k: int) -> int:
        """Where the subordinate clause that the verb at ``k`` closes begins; -1 if it closes none."""
        # the verb stands last in its clause, at most two infinitives after it ("hätte stattfinden sollen")
        end = k + 1
        while end < len(words) and end - k <= 2 and words[end].islower() and words[end].endswith("en") \
                and words[end] not in self.clause_joiner:
            end += 1
        if end < len(words) and words[end] not in self.clause_break and words[end] not in self.clause_joiner:
            return -1
        # the clause opens with a subordinator or a relative pronoun, a preposition or a joiner before it
        start = max((j for j in range(k) if words[j] in self.clause_break), default=-1) + 1
        clause = start
        if start < k and words[start].lower() in self.lead_in:
            start += 1
        opener = words[start].lower()
        if opener in self.determiner and (start == 0 or words[start + 1][:1].isupper()):
            return -1  # an article, not a relative pronoun: "Die Schüler müssten wissen, …"
        return clause if start < k and (opener in self.subordinator or opener in self.opener) else -1

    def first_in_main_clause(self, words: Sequence[str]) -> bool:
        """Is there a Konjunktiv I form that closes no subordinate or relative clause ("Er schätze sie sehr",
        not "Es galt, dass niemand reisen dürfe")?"""
        return any(words[k] not in self.second and self.form_at(words, k) and self._subclause_start(words, k) < 0
                   for k in range(len(words)))

    def first_in_sentence(self, words: Sequence[str]) -> bool:
        """Is there a Konjunktiv I form ("sei", "plane"), the unambiguous mark of reported speech?"""
        return any(words[k] not in self.second and self.form_at(words, k) for k in range(len(words)))


@cache
def konjunktiv(lang: str) -> Konjunktiv:
    return Konjunktiv(lang)
