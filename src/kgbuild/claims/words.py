"""A language's claim words, compiled once per language into one frozen object.

Every word comes from ``lang/<code>/claims.tsv`` (prepositions, determiners, negation, the
words of passive and closing frames …) and ``lang/<code>/speakers.tsv`` (articles and pronouns
with their gender, possessive stems, description suffixes). The claim rules read them from the
:class:`ClaimWords` their context carries, so nothing of one language leaks into another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from kgbuild import lang as lang_data
from kgbuild.keys import slugify

__all__ = ["ClaimWords", "claim_words"]


@dataclass(frozen=True)
class ClaimWords:
    """One language's words of the claim stage (see ``claims.tsv`` and ``speakers.tsv``)."""

    subclause: re.Pattern[str]  # ", der/die/wenn/dass …": a subordinate clause inside the content
    negation: re.Pattern[str]
    not_negation: re.Pattern[str]  # "nicht nur", "nicht zuletzt": no negation
    prepositions: frozenset[str]
    report_clause: frozenset[str]  # "wonach"
    closing_source: frozenset[str]  # "…, so der Sprecher."
    source_relative: frozenset[str]  # "„…“, so Berger, der in Kiel lehrt."
    determiners: frozenset[str]
    passive: frozenset[str]  # passive auxiliaries
    passive_aux: frozenset[str]  # the same without the one that also makes the future
    agent: frozenset[str]  # "von", "vom": the passive's agent
    medium_nouns: frozenset[str]
    medium_noun_genders: Mapping[str, str]  # "Sender" -> "m": "der Sender" is a nominative, "der Zeitung" a dative
    infinitive: frozenset[str]  # "zu"
    subordinators: frozenset[str]
    auxiliary: frozenset[str]
    genitive_articles: frozenset[str]
    causative: frozenset[str]  # "ließ … wissen"
    impersonal: tuple[tuple[str, ...], ...]  # "hieß es": a closing frame that names no source
    source_prepositions: frozenset[str]  # "aus", "in", "bei": after "hieß es" they name the source
    recipient_prepositions: frozenset[str]  # "an", "auf": after a document noun, its addressee or topic
    verdict_nouns: frozenset[str]  # "Fazit", "Antwort": "Bergers Fazit: …" gives Berger's words
    back_reference: frozenset[str]  # "demnach": the sentence says what the source before it said
    intensifiers: frozenset[str]  # "scharf": "hat den Angriff scharf verurteilt" is said, not ruled
    article_gender: Mapping[str, str]  # "die" -> "f"
    personal: Mapping[str, str]  # "sie" -> "f"
    pronoun_forms: Mapping[str, str]  # "ihn" -> "m", "ihrem" -> "f"
    org_head_genders: tuple[tuple[str, str], ...]  # ending of an organisation's head noun -> gender, longest first
    indefinite_articles: frozenset[str]
    dative_articles: frozenset[str]  # "der", "dem": a medium after them before the verb may be the addressee
    first_person: frozenset[str]
    neuter_subject: frozenset[str]  # "es": alone before the verb, the noun after it is its object
    reflexives: frozenset[str]  # "sich" (pronouns.tsv)
    adjective_endings: tuple[str, ...]  # "e", "en": an attributive adjective's endings ("mit derselben Begründung")
    possessive: Mapping[str, str]  # "ihr" -> "f"
    plural_verb: tuple[str, ...]  # endings of a plural finite verb
    description_suffixes: tuple[str, ...]  # "-Jährige", "-Politiker" …
    member_roles: frozenset[str]  # slugs of nouns that name a member, not the group
    feminine: tuple[tuple[str, str], ...]  # suffix -> gender, longest first ("innen" pl, "in" f)
    age_units: frozenset[str]  # "Jahre": "der 74 Jahre alte Trainer" is an adjective phrase
    object_articles: frozenset[str]  # "dem", "den": the noun phrase they open is no subject
    quoting_verbs: frozenset[str]  # "zitierte": its object, not the medium that quotes, is the speaker
    quote_verbs: Mapping[str, str]  # "freut sich" -> "Statement": a cue only right after a direct quote
    quote_copula: frozenset[str]  # "„…“, ist Berger überzeugt."
    quote_conviction: frozenset[str]  # "überzeugt", "sicher"
    person_noun_endings: tuple[str, ...]  # "-er", "-in", "-ling": a noun that may name a person
    coordinators: frozenset[str]  # "und": joins two sources in one phrase
    joiners: frozenset[str]  # "und", "sowie": the sources they join all speak
    determiner_forms: frozenset[str]  # "meine": a speech verb's form that is also a determiner
    receiving: frozenset[str]  # "bekam", "erhielt": the subject receives the words after the colon
    modals: frozenset[str]  # "müsse", "will": an "-en" form after one is an infinitive
    declaring: frozenset[str]  # "erklärt … zum Risikogebiet": an act, not a statement
    needs_content: frozenset[str]  # "schrieb": speech only with a content beside it
    other_sense: Mapping[str, frozenset[str]]  # "hielt … fest" -> {"an", "daran"}: another verb with them
    content_openers: frozenset[str]  # "dass", "ob": open a fronted content clause
    no_comment: frozenset[str]  # "äußerte sich nicht": negated, nothing was said
    withheld: frozenset[str]  # "Einen Termin nannte er nicht.": what was not said, no content
    negation_words: frozenset[str]
    interviewer_labels: frozenset[str]  # "Frage": opens a journalist's turn in an interview


def _phrases(words: frozenset[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=lambda w: (-len(w), w))) \
        or "(?!)"


def _reflexives(lang: str) -> frozenset[str]:
    """The reflexive pronouns of ``pronouns.tsv`` ("sich")."""
    if not lang_data.has_file(lang, "pronouns.tsv"):
        return frozenset()
    rows = lang_data.table(lang, "pronouns.tsv", ("form", "kind", "gender", "case"))
    return frozenset(form for form, kind, _, _ in rows if "reflexive" in kind.split("|"))


@lru_cache(maxsize=8)
def claim_words(lang: str) -> ClaimWords:
    """The claim words of ``lang`` (built once per language).

    >>> "nicht" in claim_words("de").negation.pattern
    True
    """
    lists = lang_data.word_lists(lang, "claims.tsv")
    speaker = lang_data.word_lists(lang, "speakers.tsv")

    def words(name: str) -> frozenset[str]:
        return frozenset(lists.get(name, {}))

    passive = words("passive")
    return ClaimWords(
        subclause=re.compile(rf",\s*(?:(?:{_phrases(words('subclause_joiner'))})\s+)?"
                             rf"(?:{_phrases(words('subclause_opener'))})\b[^,]*"),
        negation=re.compile(rf"\b(?:{_phrases(words('negation'))})\b"),
        not_negation=re.compile(rf"\b(?:{_phrases(words('not_negation'))})\b"),
        prepositions=words("preposition"),
        report_clause=words("report_clause"),
        closing_source=words("closing_source"),
        source_relative=words("source_relative"),
        determiners=words("determiner"),
        passive=passive,
        passive_aux=passive - {"werden"},  # "werden" is also the future's auxiliary
        agent=words("agent"),
        medium_nouns=words("medium_noun"),
        medium_noun_genders=MappingProxyType(dict(lists.get("medium_noun", {}))),
        infinitive=words("infinitive_marker"),
        subordinators=words("subordinator"),
        auxiliary=words("auxiliary"),
        genitive_articles=words("genitive_article"),
        causative=words("causative"),
        impersonal=tuple(sorted(tuple(w.split()) for w in words("impersonal"))),
        source_prepositions=words("source_preposition"),
        recipient_prepositions=words("recipient_preposition"),
        verdict_nouns=words("verdict_noun"),
        back_reference=words("back_reference"),
        intensifiers=frozenset(w.lower() for w in words("intensifier")),
        article_gender=MappingProxyType(dict(speaker.get("article", {}))),
        personal=MappingProxyType(dict(speaker.get("personal", {}))),
        pronoun_forms=MappingProxyType(dict(speaker.get("pronoun_form", {}))),
        org_head_genders=lang_data.endings(lang, "speakers.tsv", "org_head_gender"),
        indefinite_articles=frozenset(speaker.get("indefinite_article", {})),
        dative_articles=frozenset(speaker.get("dative_article", {})),
        first_person=frozenset(speaker.get("first_person", {})),
        neuter_subject=frozenset(speaker.get("neuter_subject", {})),
        reflexives=_reflexives(lang),
        adjective_endings=tuple(speaker.get("adjective_ending", {})),
        possessive=MappingProxyType(dict(speaker.get("possessive_stem", {}))),
        plural_verb=tuple(speaker.get("plural_verb_ending", {})),
        description_suffixes=tuple(speaker.get("description_suffix", {})),
        member_roles=frozenset(slugify(w) for w in speaker.get("member_role", {})),
        feminine=tuple(sorted(speaker.get("feminine_suffix", {}).items(), key=lambda kv: -len(kv[0]))),
        coordinators=words("coordinator"),
        joiners=frozenset(w for w, v in lists.get("coordinator", {}).items() if v == "joins"),
        determiner_forms=words("determiner_form"),
        receiving=words("receiving_verb"),
        no_comment=words("no_comment"),
        withheld=words("withheld"),
        negation_words=words("negation"),
        content_openers=words("content_opener"),
        needs_content=words("needs_content"),
        other_sense=MappingProxyType({w: frozenset(v.split(",")) for w, v in lists.get("other_sense", {}).items()}),
        declaring=words("declaring"),
        modals=words("modal"),
        person_noun_endings=tuple(speaker.get("person_noun_ending", {})),
        interviewer_labels=frozenset(speaker.get("interviewer_label", {})),
        age_units=words("age_unit"),
        object_articles=words("object_article"),
        quoting_verbs=words("quoting_verb"),
        quote_copula=words("quote_copula"),
        quote_conviction=words("quote_conviction"),
        quote_verbs=MappingProxyType({w.lower(): act for w, act in lists.get("quote_verb", {}).items()}),
    )
