"""Speakers: the one place that decides which person a pronoun or a description refers to.

A cue's source slot may hold a name (linking already knows who that is), a pronoun ("sagte
sie"), or a description ("fügte der CDU-Politiker hinzu", "sagte der Brasilianer", "sagte die
Ministerin"). For the last two, this stage proposes the persons the article named before, and
ranks them by features whose weights are the table :data:`WEIGHTS`:

* **agreement**: the gender of the pronoun or description against the person's gender, pooled
  over all evidence the article gives (a first name, a feminine title beside the name). A clash
  rules the candidate out; this is the only hard constraint;
* **the current speaker**: the speaker of the claim just before;
* **the office**: the person already holds the office the description names;
* **the organisation**: the person belongs to the organisation whose office or member the
  description names ("Markus Kern (CSU) … sagte der CSU-Vorsitzende");
* **distance**: sentences back to the person's latest mention.

Every decision is a frozen :class:`Referent` with its score and the evidence used, so that a
reader of the claims document can see why a speaker was chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from kgbuild import lang as lang_data
from kgbuild.model import Mention, Referent, Span

__all__ = ["WEIGHTS", "Referent", "SpeakerIndex", "build_index", "resolve"]

# feature -> weight; a candidate's score is the sum over the features it has
WEIGHTS: Mapping[str, float] = MappingProxyType({
    "gender_agrees": 2.0,
    "current_speaker": 3.0,
    "holds_office": 4.0,
    "same_organisation": 3.0,  # the description's organisation is one the text gave the person
    "sentence_back": -0.75,  # per sentence between the person's latest mention and the cue
    "latest_person": 0.5,  # the person mentioned last before the cue
})
WINDOW = 4  # sentences back in which a person is still a candidate


@dataclass(frozen=True)
class SpeakerIndex:
    """Per article: where each person was mentioned, and their gender as far as the text tells."""

    persons: tuple[tuple[int, int, str], ...]  # (begin offset, sentence, key), in text order
    genders: Mapping[str, str]  # person key -> "m" / "f" (absent when unknown or contradictory)
    affiliations: Mapping[str, frozenset[str]] = field(default_factory=dict)  # person key -> organisation keys


def build_index(mentions: Iterable[Mention], *, lang: str, title_genders: Mapping[int, str] | None = None,
                affiliations: Mapping[str, frozenset[str]] | None = None) -> SpeakerIndex:
    """Collect the article's person mentions and pool each person's gender.

    Args:
        mentions: linked mentions of the article (keys set).
        lang: language code; first-name genders come from ``lang/<lang>/first_names.tsv``.
        title_genders: begin offset of a person mention -> gender of a title written right
            before it ("Ministerin Eva Roth" -> "f").
        affiliations: person key -> keys of the organisations the text gives them ("Eva Roth (SPD)").
    """
    first = lang_data.first_name_genders(lang)
    title_genders = title_genders or {}
    persons: list[tuple[int, int, str]] = []
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind != "person" or m.key is None or m.role == "pronoun":
            continue
        persons.append((m.span.begin, m.sentence, m.key))
        evidence = seen.setdefault(m.key, set())
        words = m.name.split()
        if len(words) > 1 and first.get(words[0]) in ("m", "f"):
            evidence.add(first[words[0]])
        if m.span.begin in title_genders:
            evidence.add(title_genders[m.span.begin])
    genders = {k: next(iter(g)) for k, g in seen.items() if len(g) == 1}
    persons.sort()
    return SpeakerIndex(tuple(persons), MappingProxyType(genders), MappingProxyType(dict(affiliations or {})))


def resolve(index: SpeakerIndex, span: Span, *, sentence: int, gender: str | None,
            current: Sequence[str] = (), office: str | None = None, owner: str | None = None,
            held_by: Mapping[str, tuple[str, ...]] | None = None, min_score: float = float("-inf"),
            exclude: frozenset[str] = frozenset()) -> Referent | None:
    """The person a pronoun or description at ``span`` refers to, or None when none qualifies.

    Args:
        index: the article's :class:`SpeakerIndex`.
        span: the pronoun or description.
        sentence: the sentence it stands in.
        gender: "m" or "f" as the form tells ("sie", "die Ministerin"), None when it does not.
        current: the speakers of the claim just before.
        office: the position key the description names, if any.
        owner: the organisation key the description names ("der CSU-Vorsitzende"), if any.
        held_by: person key -> keys of the positions they hold.
        min_score: the least score a candidate needs (by default, the best candidate in reach is taken).
        exclude: persons that cannot be meant (those named in the content the description comments on).
    """
    latest: dict[str, int] = {}
    last_key: str | None = None
    for begin, sent, key in index.persons:
        if begin >= span.begin:
            break
        if sentence - sent <= WINDOW:
            latest[key] = sent
            last_key = key
    for key in current:
        if key.startswith("person/") and key not in latest:
            latest[key] = sentence
    best: Referent | None = None
    for key in sorted(latest):
        if key in exclude:
            continue
        g = index.genders.get(key)
        if gender is not None and g is not None and g != gender:
            continue  # agreement is the one hard constraint
        evidence = []
        if gender is not None and g == gender:
            evidence.append("gender_agrees")
        if key in current:
            evidence.append("current_speaker")
        if office is not None and held_by is not None and office in held_by.get(key, ()):
            evidence.append("holds_office")
        if owner is not None and owner in index.affiliations.get(key, ()):
            evidence.append("same_organisation")
        if key == last_key:
            evidence.append("latest_person")
        score = sum(WEIGHTS[f] for f in evidence) + WEIGHTS["sentence_back"] * max(0, sentence - latest[key])
        if score < min_score:
            continue
        if best is None or score > best.score:
            best = Referent(span, key, score, tuple(evidence))
    return best
