"""Who a cue points to: reading its source slot (the subject before or after the verb, an
apposition, a description, a possessive frame) and proposing the speaker.

Pronouns and descriptions are ranked by :mod:`kgbuild.speakers`; names come linked from
:mod:`kgbuild.linking`; bare titles and generic nouns ("der Verband") resolve to the entity
linking chose for them.
"""

from __future__ import annotations

import re
from typing import Any

from kgbuild import cues as cue_data
from kgbuild.claims.content import _inside_quotes, _is_mark, _quotes
from kgbuild.claims.context import (
    _CLAUSE_BREAK,
    ClaimContext,
    Speaker,
    _after_preposition,
    _Draft,
    _genitive_attribute,
    _mentions_in,
    _noun_gender,
    _token_at,
)
from kgbuild.claims.words import ClaimWords
from kgbuild.mentions import Lexicon, Tokens, address_words
from kgbuild.model import Referent, Span
from kgbuild.speakers import resolve


def _possessive_source(ctx: ClaimContext, idx: list[int], cb: int, ce: int) -> Speaker | None:
    """Who the possessive pronoun of a frame ("seiner Ansicht nach") refers to: a person agreeing
    in gender, or for "ihr-" the organisation just quoted."""
    toks = ctx.tokens
    for p in range(cb, ce):
        w = toks.word(idx[p]).lower()
        stem = next((s for s in ctx.cw.possessive if w.startswith(s)), None)
        if stem is None:
            continue
        span = Span.of(ctx.text, toks.starts[idx[p]], toks.ends[idx[p]])
        gender = ctx.cw.possessive[stem]
        # the subject of its own sentence first: "X wiederholte, dass es seiner Ansicht nach …"
        for m in reversed(_mentions_in(ctx, toks.starts[idx[0]], span.begin)):
            if m.kind == "person" and m.key and m.role == "name" \
                    and ctx.speaker_index.genders.get(m.key, gender) == gender \
                    and not _governed(ctx, _token_at(toks, m.span.begin)):
                return Speaker(m.key, span)
        if gender == "f" and ctx.last_speakers and not ctx.last_speakers[0].startswith(("person/", "position/")):
            return Speaker(ctx.last_speakers[0], span)
        ref = _resolve(ctx, span, sentence=toks.sentence_of[idx[p]], gender=gender,
                      current=ctx.last_speakers, held_by=ctx.held_by, min_score=1.0)
        return Speaker(ref.key, span) if ref is not None else None
    return None


def _speaker_spans(ctx: ClaimContext, idx: list[int], d: _Draft) -> list[int]:
    """Where the claim's speakers are named in its sentence (offsets of their mentions)."""
    out = []
    for m in _mentions_in(ctx, d.span.begin, d.span.end):
        if m.key in d.speakers:
            out.append(m.span.begin)
    for i, key in ctx.titles.items():
        # the title itself, or the office of a speaker ("Kanzlerin warnt …" said by the Kanzlerin's holder)
        if (key in d.speakers or any(key in ctx.held_by.get(k, ()) for k in d.speakers)) \
                and d.span.begin <= ctx.tokens.starts[i] < d.span.end:
            out.append(ctx.tokens.starts[i])
    return out


# ---------------------------------------------------------------- speakers
def _speaker_at(ctx: ClaimContext, i: int, *, source: bool = False) -> Speaker | None:
    """The speaker a token stands for: an entity mention, a title (position), a pronoun."""
    toks = ctx.tokens
    b = toks.starts[i]
    if i in ctx.titles:  # before mentions: "Kreml-Sprecher" is a title, not the Kremlin
        key = ctx.titles[i]
        span = Span.of(ctx.text, b, toks.ends[i])
        word = toks.word(i)
        base = ctx.lexicon.title_of(word) if ctx.lexicon is not None else None
        forms = (base[0], base[0] + "s", base[0] + "es", base[0][:-1] if base[0].endswith("er") else base[0]) \
            if base is not None else ()
        if not source and base is not None and not word.endswith(forms) \
                and not word.endswith(ctx.cw.description_suffixes):
            # "Ärzte informieren …", "des US-Präsidenten": a plural names a group, an inflected form is no
            # subject; neither is the one holder of the title
            return None if any(key in ks for ks in ctx.held_by.values()) else Speaker(key, span)
        holder = next((p for p, ks in ctx.held_by.items() if key in ks), None)
        if holder is None and key in ctx.unheld and (person := _described_person(ctx, i, key)) is not None:
            return Speaker(person, span)
        return Speaker(holder or key, span)
    pron = toks.word(i).lower()
    if pron in ctx.cw.personal:
        span = Span.of(ctx.text, b, toks.ends[i])
        # "sie" may be the organisations or people just quoted ("teilten sie mit")
        if pron == "sie" and _plural_verb_beside(ctx, i):
            # "Sie betonen, …": a group; the speakers just quoted when they were several or an organisation
            if len(ctx.last_speakers) > 1 or ctx.last_speakers[:1] and (
                    not ctx.last_speakers[0].startswith("person/") or ctx.last_plural[:1] == [True]):
                return Speaker(ctx.last_speakers[0], span)
            return None
        if pron == "sie" and ctx.last_speakers and not ctx.last_speakers[0].startswith(("person/", "position/")):
            return Speaker(ctx.last_speakers[0], span)
        ref = _resolve(ctx, span, sentence=toks.sentence_of[i], gender=ctx.cw.personal[pron],
                      current=ctx.last_speakers, held_by=ctx.held_by, exclude=_quoted_only(ctx, i))
        if ref is not None:
            return Speaker(ref.key, span)
        # a position just quoted, when its title agrees ("die Sprecherin … Sie sagte"; not "Er" after it)
        last = [k for k in ctx.last_speakers if k.startswith("position/")
                and _noun_gender(ctx.cw, k.split("/", 1)[1].split("--", 1)[0]) in (ctx.cw.personal[pron], "pl")]
        if not last and ctx.last_speakers and _org_gender(ctx, ctx.last_speakers[0]) == ctx.cw.personal[pron]:
            return Speaker(ctx.last_speakers[0], span)  # "…, teilte der Verband mit. Er fordert …"
        return Speaker(last[0], span) if last else None
    if i in ctx.pronoun_persons:
        return None  # "ihm", "seine": not a subject
    suffixes = ctx.cw.description_suffixes
    if suffixes and toks.word(i).endswith(suffixes) and toks.word(i)[:1].isdigit():
        # "sagte der 45-Jährige": the person the article gave that age, else the one it refers back to
        person = _person_of_age(ctx, toks.word(i)) or _described_person(ctx, i, None)
        return Speaker(person, Span.of(ctx.text, b, toks.ends[i])) if person is not None else None
    m = ctx.index.mention_of_token.get(i)
    if m is not None and m.role == "demonym":
        # "sagte der Brasilianer" describes a person, never the state ("Der Deutsche Imkerbund": an adjective)
        if i + 1 < len(toks) and toks.sentence_of[i + 1] == toks.sentence_of[i] and toks.word(i + 1)[:1].isupper():
            return None
        person = _described_person(ctx, i, None)
        return Speaker(person, m.span) if person is not None else None
    if not source and m is not None and m.span.end < toks.ends[i] and ctx.text[m.span.end:m.span.end + 1] == "-":
        return None  # "bei einem SPD-Treffen": the name only modifies the noun it is joined to
    if m is not None:
        if m.span.begin <= b < m.span.end and m.key is not None and m.role not in ("adjective", "genitive") \
                and m.kind != "place":
            first = _token_at(toks, m.span.begin)
            # a subject is no prepositional phrase or genitive attribute; the source of
            # "nach Angaben der X" or "laut X" is exactly that
            if not source and m.kind != "person" and (_after_preposition(ctx.cw, toks, first)
                                                      or _genitive_attribute(toks, first)):
                return None
            return Speaker(m.key, m.span)
    if i in ctx.generic_refs:
        nxt = ctx.index.mention_of_token.get(i + 1)
        if nxt is not None and i + 1 < len(toks) and nxt.span.begin == toks.starts[i + 1]:
            return None  # "die Nachrichtenagentur Xinhua": the name after the noun is the source
        if toks.word(i) in ctx.cw.medium_nouns and ctx.generic_refs[i] not in ctx.media:
            return None  # "die Zeitung" is no ministry named before it
        return Speaker(ctx.generic_refs[i], Span.of(ctx.text, b, toks.ends[i]))
    return None


def _quoted_only(ctx: ClaimContext, i: int) -> frozenset[str]:
    """Persons the article names before token i only inside direct quotes: the quoted words' people, not
    speakers ("„Judith“, sagt er.", "„… von Eva Roth und mir“, sagt sie.", "„Maradona …“ … Der Kommentator sagte")."""
    at = ctx.tokens.starts[i]
    quotes = _quotes(ctx, Span.of(ctx.text, 0, len(ctx.text)))
    inside: set[str] = set()
    outside: set[str] = set()
    for b, _, key in ctx.speaker_index.persons:
        if b >= at:
            break
        (inside if _inside_quotes(b, quotes) else outside).add(key)
    return frozenset(inside - outside)


def _org_gender(ctx: ClaimContext, key: str) -> str | None:
    """The gender of an organisation's head noun ("Mieterbund" m, "Behörde" f), None when unknown."""
    if not key.startswith("organization/"):
        return None
    name = next((m.name for m in ctx.mentions if m.key == key), "")
    head = name.split()[-1].lower() if name else ""
    return next((g for ending, g in ctx.cw.org_head_genders if head.endswith(ending)), None)


def _resolve(ctx: ClaimContext, span: Span, **kw: Any) -> Referent | None:
    """:func:`kgbuild.speakers.resolve`, with its decision kept for the claim that uses it."""
    ref = resolve(ctx.speaker_index, span, **kw)
    if ref is not None:
        ctx.referents[span.begin] = ref
    return ref


def _person_of_age(ctx: ClaimContext, word: str) -> str | None:
    """The one person the article gives the age in ``word`` ("45-Jährige"): "der 45-jährige Max
    Berger", "Max Berger (45)", "Max Berger, 45,"."""
    age = re.match(r"\d+", word)
    if age is None:
        return None
    n = age.group()
    text = ctx.text
    found = set()
    for m in ctx.mentions:
        if m.kind != "person" or not m.key:
            continue
        before = text[max(0, m.span.begin - 30):m.span.begin]
        after = text[m.span.end:m.span.end + len(n) + 3]
        if re.search(rf"\b{n}-[jJ]ährige[rn]?\s+(?:[A-ZÄÖÜ]\w+\s+)?$", before) \
                or after.startswith((f" ({n})", f", {n},")):
            found.add(m.key)
    return next(iter(found)) if len(found) == 1 else None


def _plural_verb_beside(ctx: ClaimContext, i: int) -> bool:
    """Is the speech verb right before or after token i in the plural ("teilten sie mit")?"""
    toks = ctx.tokens
    for k in (i - 1, i + 1):
        if 0 <= k < len(toks) and toks.sentence_of[k] == toks.sentence_of[i]:
            w = toks.word(k)
            if w[:1].islower() and w.endswith(ctx.cw.plural_verb) and ctx.lexicon is not None \
                    and ctx.lexicon.speech_verb(w) is not None:
                return True
    return False


def _described_person(ctx: ClaimContext, i: int, office: str | None) -> str | None:
    """The person a description in a source slot refers to ("der CDU-Politiker", "die Ministerin").

    Only a definite description refers back; a name right after it is the speaker instead. A
    description ("der Politiker", "der Brasilianer") refers to a person the article just named,
    gender agreeing; an office ("die Ministerin") is left to the position it names.
    """
    toks = ctx.tokens
    k = i - 1
    while k >= 0 and toks.sentence_of[k] == toks.sentence_of[i] and _age_or_adjective(ctx, toks.word(k)) \
            and toks.word(k) not in ctx.cw.article_gender and i - k <= 5:
        k -= 1  # adjectives: "der frühere", "die bayerische", "der 74 Jahre alte", "der 74-jährige"
    if k < 0 or toks.word(k).lower() not in ctx.cw.article_gender or toks.sentence_of[k] != toks.sentence_of[i]:
        return None
    nxt = ctx.index.mention_of_token.get(i + 1)
    if nxt is not None and nxt.kind == "person":
        return None
    if _titles_before_name(ctx, i):
        return None  # "der Abgeordnete und Unternehmer Max Berger": the name is the speaker
    article_gender = ctx.cw.article_gender[toks.word(k).lower()]
    hit = ctx.lexicon.title_of(toks.word(i)) if ctx.lexicon is not None else None
    if toks.word(i).endswith(ctx.cw.description_suffixes) \
            or hit is not None and ctx.lexicon is not None and hit[0] in ctx.lexicon.adjectival_titles:
        gender = article_gender  # an adjective used as a noun: "der 45-Jährige", "die 45-Jährige", "die Abgeordnete"
    else:
        gender = _noun_gender(ctx.cw, toks.word(i))
        if gender == "m" and article_gender != "m" or gender == "pl":
            return None
    span = Span.of(ctx.text, toks.starts[k], toks.ends[i])
    owner = ctx.office_of.get(office) if office is not None else None
    ref = _resolve(ctx, span, sentence=toks.sentence_of[i], gender=gender, current=ctx.last_speakers,
                  office=office, owner=owner, held_by=ctx.held_by, min_score=1.0, exclude=_quoted_only(ctx, i))
    if ref is not None and "same_organisation" in ref.evidence:
        return ref.key  # "Eva Roth (SPD) … sagte die SPD-Vorsitzende": the text put her in that organisation
    if office is not None and (titled := _titled_person(ctx, i)) is not None:
        return titled  # "Geschäftsführerin Eva Roth … sagte die VDV-Geschäftsführerin": the one with that title
    if office is not None and office in ctx.offices \
            and office.removeprefix("position/").split("--")[0] not in ctx.cw.member_roles:
        return None  # an office held by no one named: the position speaks (or linking names its holder)
    if ref is not None and office is not None and "--" in office and "holds_office" not in ref.evidence \
            and office.removeprefix("position/").split("--")[0] not in ctx.cw.member_roles:
        return None  # "der Chefredakteur des Blatts": an office of a named owner is no one just quoted
    if ref is None and office is not None and office not in ctx.offices:
        return _last_quoted(ctx, i, gender)  # "„…“, sagt Berger. […] rät der Experte": the expert just quoted
    return ref.key if ref is not None else None


def _last_quoted(ctx: ClaimContext, i: int, gender: str | None) -> str | None:
    """The person named last before token i, within eight sentences, when that mention is the subject
    right beside a speech verb ("sagt Berger", "Berger sagte") and the gender does not clash."""
    toks = ctx.tokens
    before = [(b, s, k) for b, s, k in ctx.speaker_index.persons if b < toks.starts[i]]
    if not before or ctx.lexicon is None:
        return None
    b, s, key = before[-1]
    if toks.sentence_of[i] - s > 8 or ctx.speaker_index.genders.get(key, gender) != gender \
            or key in _quoted_only(ctx, i):
        return None
    m = _token_at(toks, b)
    m_end = next((_token_at(toks, x.span.end - 1) for x in _mentions_in(ctx, b, b + 1) if x.span.begin == b), m)
    beside = [k for k in (m - 1, m_end + 1) if 0 <= k < len(toks) and toks.sentence_of[k] == s]
    return key if any(ctx.lexicon.speech_verb(toks.word(k)) is not None for k in beside) else None


def _titles_before_name(ctx: ClaimContext, i: int) -> bool:
    """Does a person's name follow the noun at token i, after further titles joined to it ("der
    Abgeordnete und Unternehmer Max Berger", "die Sängerin, Tänzerin und Autorin Eva Roth") or in
    apposition to its phrase ("die Abgeordnete im Landtag, Eva Roth, sagte")? Then the name speaks."""
    toks = ctx.tokens
    k = i + 1
    joined = titled = False
    while k < len(toks) and k - i <= 10 and toks.sentence_of[k] == toks.sentence_of[i]:
        w = toks.word(k)
        m = ctx.index.mention_of_token.get(k)
        if m is not None and m.kind == "person" and m.span.begin == toks.starts[k]:
            if toks.word(k - 1) == ",":
                end = _token_at(toks, m.span.end - 1) + 1
                return end < len(toks) and toks.word(end) in (",", "(")  # ", Eva Roth, sagte"
            return joined and titled
        if w == "," and _unlinked_apposition(ctx, k):
            return True  # a name the text does not link, in apposition: ", Alba Ruiz-Costa, schrieb"
        if w in ctx.cw.coordinators or w == ",":
            joined, titled = True, False
        elif w[:1].isupper():
            titled = joined or titled
        elif joined and (w in ctx.cw.determiners or w.startswith(tuple(ctx.cw.possessive))):
            return False  # "der Verband und sein Chef X": a phrase of its own
        elif not w[:1].islower():
            return False
        k = max(k + 1, _token_at(toks, m.span.end - 1) + 1) if m is not None else k + 1
    return False


def _unlinked_apposition(ctx: ClaimContext, k: int) -> bool:
    """Do two or three capitalised words that are no common nouns stand between the comma at token k and
    the next comma ("…, Alba Ruiz-Costa, …")?"""
    toks = ctx.tokens
    j = k + 1
    while j < len(toks) and j - k <= 3 and toks.sentence_of[j] == toks.sentence_of[k] and toks.word(j)[:1].isupper() \
            and ctx.lexicon is not None and not ctx.lexicon.is_common(toks.word(j)) \
            and ctx.lexicon.title_of(toks.word(j)) is None:
        j += 1
    return j - k >= 3 and j < len(toks) and toks.word(j) == ","


def _age_or_adjective(ctx: ClaimContext, w: str) -> bool:
    """Can the word stand between an article and its noun: a lower-case word, an age ("74", "Jahre",
    "74-jährige")?"""
    return w[:1].islower() or w.isdigit() or w in ctx.cw.age_units \
        or (w[:1].isdigit() and "-" in w and w.split("-", 1)[1][:1].islower())


def _titled_person(ctx: ClaimContext, i: int) -> str | None:
    """The one person the last four sentences named right after the title at token i, its owner
    prefix aside ("Geschäftsführerin Eva Roth" for "die ABV-Geschäftsführerin"); None if none or several."""
    toks = ctx.tokens
    title = toks.word(i).rsplit("-", 1)[-1].lower()
    si = toks.sentence_of[i]

    def same(word: str) -> bool:  # "Pressesprecherin" names a "Sprecherin", "Hauptgeschäftsführer" a "Geschäftsführer"
        w = word.rsplit("-", 1)[-1].lower()
        return w[:1].isalpha() and (w.endswith(title) or title.endswith(w)) and min(len(w), len(title)) >= 6

    found = {m.key for m in ctx.mentions
             if m.kind == "person" and m.key and m.role == "name" and 0 <= si - m.sentence <= 4
             and m.span.begin < toks.starts[i]
             and (k := _token_at(toks, m.span.begin) - 1) >= 0 and same(toks.word(k))}
    return next(iter(found)) if len(found) == 1 else None


def _governed(ctx: ClaimContext, i: int) -> bool:
    """Is the name at token i inside a prepositional phrase, titles and adjectives between
    ("gegen Berger", "an den Schweizer Verbandschef Max Berger")? Then it is no subject."""
    toks = ctx.tokens
    if i >= 2 and toks.word(i - 1) in ctx.cw.coordinators \
            and (first := ctx.index.mention_of_token.get(i - 2)) is not None:
        # "in Italien und Spanien": the second of two joined names is governed with the first
        return _governed(ctx, _token_at(toks, first.span.begin))

    def in_phrase(k: int) -> bool:
        m = ctx.index.mention_of_token.get(k)
        w = toks.word(k)
        return k in ctx.titles or (m is not None and m.role in ("adjective", "demonym")) \
            or (k == i - 1 and (m is None or m.span.end < toks.ends[k]) and w[:1].isupper()
                and ctx.lexicon is not None and ctx.lexicon.is_common(w.rsplit("-", 1)[-1]))
        # a noun before the name: "an den Verbandschef X", "in der ARD-Talkshow X"
    return _after_preposition(ctx.cw, toks, i, reach=5, also_skip=in_phrase)


def _subject_at(ctx: ClaimContext, i: int) -> Speaker | None:
    """The speaker token i names, unless a preposition governs it."""
    s = _speaker_at(ctx, i)
    if s is not None and _governed(ctx, _token_at(ctx.tokens, s.span.begin)):
        return None  # "In Frankreich kritisierten Gewerkschaften …": the state is where, not who
    if s is not None and ctx.text[s.span.end:s.span.end + 1] in ("'", "’") \
            and ctx.text[s.span.end + 1:s.span.end + 3].strip()[:1].isupper():
        return None  # "hatte Kühnes' Agieren bemängelt": a genitive owns the noun after it
    return s


def _speaker_after(ctx: ClaimContext, idx: list[int], start: int, *, limit: int = 8) -> Speaker | None:
    lex = ctx.lexicon
    for pos in range(start, min(start + limit, len(idx))):
        w = ctx.tokens.word(idx[pos])
        if pos > start and _title_stop(ctx, idx, pos):
            continue  # "sagt Frau Dr. Roth": the abbreviation's full stop
        if w in _CLAUSE_BREAK or w == ".":
            return None
        if w in address_words(ctx.lang) and _name_next(ctx, idx, pos):
            continue  # "Frau", "Herrn", "Dr" before a name
        s = _speaker_at(ctx, idx[pos], source=True)
        if s is not None:
            m = ctx.index.mention_of_token.get(idx[pos])
            if pos > start and lex is not None and ctx.tokens.word(idx[pos - 1]) in lex.according_nouns \
                    and m is not None and m.role == "name" and m.kind in ("country", "place"):
                # "laut Angaben Spanien und Italien": a nominative name right after the noun is no
                # genitive attribute ("nach Angaben Spaniens"); the source is unnamed
                return None
            return _prefer_holder(ctx, idx, pos, s)
        nxt = ctx.tokens.word(idx[pos + 1]) if pos + 1 < len(idx) else "."
        if w[:1].isupper() and lex is not None and lex.is_common(w) \
                and w not in lex.according_nouns and w not in lex.report_nouns \
                and not (pos + 1 < len(idx) and idx[pos + 1] in ctx.index.mention_of_token) \
                and (pos > start or nxt in _CLAUSE_BREAK or nxt == "." or _ends_phrase(ctx.cw, nxt)):
            # "laut der Sprecherin, die …", "Laut Statistik gibt es …": the source is that noun, naming
            # no one we know (but "aus Sicht des Experten Max Berger", "der Agentur Reuters": a name follows it)
            return None
        if pos > start and w[:1].islower() and _ends_phrase(ctx.cw, w):
            return None  # "Laut Umfragen liegt X vorn": the verb ends the source's phrase
        if pos > start and w in ctx.cw.recipient_prepositions and lex is not None \
                and ctx.tokens.word(idx[pos - 1]) in lex.report_nouns:
            return None  # "in einer Mail an die Zeitung": the addressee, not the author
    return None


def _title_stop(ctx: ClaimContext, idx: list[int], pos: int) -> bool:
    """Is token ``pos`` the full stop of an academic title's abbreviation before a name ("Dr. Roth")?"""
    toks = ctx.tokens
    return pos > 0 and toks.word(idx[pos]) == "." and toks.word(idx[pos - 1]) in address_words(ctx.lang) \
        and toks.ends[idx[pos - 1]] == toks.starts[idx[pos]] and _name_next(ctx, idx, pos)


def _name_next(ctx: ClaimContext, idx: list[int], pos: int) -> bool:
    """Does a capitalised word or a person's name ("von Brauk") follow token ``pos``?"""
    if pos + 1 >= len(idx):
        return False
    m = ctx.index.mention_of_token.get(idx[pos + 1])
    return ctx.tokens.word(idx[pos + 1])[:1].isupper() or m is not None and m.kind == "person"


def _ends_phrase(cw: ClaimWords, w: str) -> bool:
    """Can a lower-case word not stand inside a source's noun phrase: no article, preposition or
    inflected adjective ("liegt", "gibt", "ist"), so the phrase ended before it?"""
    return w not in cw.determiners and w not in cw.prepositions and w not in cw.agent and w not in cw.coordinators \
        and w not in cw.genitive_articles and not w.endswith(("e", "en", "er", "es", "em", "n"))


def _speaker_before(ctx: ClaimContext, idx: list[int], pos: int) -> Speaker | None:
    for p in range(pos - 1, max(pos - 8, -1), -1):
        w = ctx.tokens.word(idx[p])
        if w in _CLAUSE_BREAK:
            return None
        s = _speaker_at(ctx, idx[p], source=True)
        if s is not None:
            return s
        if p == pos - 1 and w[:1].isupper() and ctx.lexicon is not None and ctx.lexicon.is_common(w):
            return None  # "Medienberichten zufolge": the source is that noun, naming no one
    return None


def _speaker_between(ctx: ClaimContext, idx: list[int], a: int, b: int) -> Speaker | None:
    for p in range(a, b):
        s = _speaker_at(ctx, idx[p], source=True)
        if s is not None:
            return _prefer_holder(ctx, idx, p, s)
    return None


def _prefer_holder(ctx: ClaimContext, idx: list[int], pos: int, s: Speaker) -> Speaker:
    """A title followed by its holder's name ("Rathaussprecher Jonas Brandt"): the person speaks."""
    if not s.key.startswith("position/"):
        return s
    for p in range(pos + 1, min(pos + 8, len(idx))):
        w = ctx.tokens.word(idx[p])
        if w in (":", ";", "."):
            break
        if (ctx.lexicon is not None and ctx.lexicon.speech_verb(w) is not None) \
                or (w[:1].islower() and _ends_phrase(ctx.cw, w)) \
                or w.lower() in ctx.cw.prepositions and w.lower() not in ctx.cw.agent:
            break  # "Ermittler werfen X vor": the verb ends the title's phrase; X is no holder
            # ("sagte der Minister in der Talkshow X": nor is a name in a phrase of place or time, but
            # "der Chefredakteur von X, Max Berger" has its owner after "von")
        n = _speaker_at(ctx, idx[p])
        if n is not None and n.key.startswith("person/"):
            return n
        if n is not None and not n.key.startswith("position/"):
            continue
    return s


def _speakers_for_verb(ctx: ClaimContext, lex: Lexicon, idx: list[int], pos: int,
                       quotes: list[tuple[int, int]]) -> list[Speaker]:
    """The subject of a speech verb: after it when inverted ("…, sagte X"), else before it."""
    toks = ctx.tokens
    for p in (pos - 1, pos + 1):
        if 0 <= p < len(idx) and toks.word(idx[p]).lower() in ctx.cw.first_person \
                and not _inside_quotes(toks.starts[idx[p]], quotes):
            return []  # "Ich erklärte ihr, …": the author speaks
    after: list[Speaker] = []
    for p in range(pos + 1, min(pos + 10, len(idx))):
        i = idx[p]
        w = toks.word(i)
        if _title_stop(ctx, idx, p):
            continue
        if w in _CLAUSE_BREAK or w == "." or _inside_quotes(toks.starts[i], quotes) or w in ("dass", "daß"):
            break
        if lex.speech_verb(w) is not None and not (
                w in ctx.cw.determiner_forms and p + 1 < len(idx) and toks.word(idx[p + 1])[:1].isupper()):
            break  # (but "sagt meine Freundin Natalie": a possessive before its noun)
        s = _speaker_at(ctx, i)
        if s is None and w[:1].isupper() and lex.is_common(w) and lex.title_of(w) is None and p > pos + 1 \
                and w not in ctx.cw.age_units \
                and toks.word(idx[p - 1]).lower() not in ctx.cw.prepositions \
                and not any(b.begin <= toks.starts[i] < b.end for b, _ in ctx.dates) \
                and not _described_name(ctx, idx, pos, p):
            break  # "glauben viele Anwohner": the subject is a noun phrase that names no one
            # (but "sagte der Psychologe Max Berger": the noun describes the name after it)
        if s is not None and p > pos + 1 and not s.key.startswith("position/") \
                and toks.word(_token_at(toks, s.span.begin) - 1)[:1].isupper() \
                and _governed(ctx, _token_at(toks, s.span.begin)):
            continue  # "sagte der Vizekanzler in der Talkshow Anne Will": where it was said, not who
        if s is not None:
            s = _prefer_holder(ctx, idx, p, s)
            # "sagte Wendt der Agentur Reuters": the medium is the addressee, not the speaker
            if after and s.key in ctx.media:
                break
            masculine = _medium_gender(ctx, s.key) == "m" or ctx.cw.medium_noun_genders.get(s.span.text) == "m"
            if s.key in ctx.media and _preceded_by_dative(toks, idx, p, masculine=masculine):
                continue
            if s.key not in [a.key for a in after]:
                after.append(s)
            end = _token_at(toks, s.span.end - 1) + 1 if toks.starts[i] <= s.span.begin < toks.ends[i] else i + 1
            nxt = toks.word(end) if end < len(toks) and toks.sentence_of[end] == toks.sentence_of[i] else ""
            if nxt != "und":
                break
    if (not after or len(after) == 1 and after[0].key.startswith("position/")) \
            and (app := _apposition_after(ctx, idx, pos, quotes)) is not None \
            and (not after or app.key.startswith("person/")):
        after = [app]  # "sagte der Sprecher des Verbands, Max Berger.": the person, not the office
    # the subject before the verb: the first speaker of the nearest clause segment that has one
    # ("Die Ministerin für Verkehr, Carola Wendt, hat … zugesagt"); subjects joined
    # by "und" all speak ("Die Bürgermeisterin … und Stadtrat Jonas Brandt bezeichneten")
    segments: list[list[int]] = [[]]
    for p in range(pos - 1, -1, -1):
        w = toks.word(idx[p])
        if _is_mark(w) and _medium_mark(ctx, idx[p]):
            pass  # the marks of a medium's name: "Der „Kurier“ berichtet, …"
        elif _inside_quotes(toks.starts[idx[p]], quotes) or _is_mark(w):
            if p == pos - 1 or toks.word(idx[p + 1]) in (",", ":"):
                break  # "„…“, sagte X": the quote is the content, not the subject's phrase
            continue
        if w == ":":
            break  # "Beispiel Spanien: Das Amt schreibt, …": what stands before a colon is another clause
        if w in _CLAUSE_BREAK and w not in "()":
            segments.append([])
            continue
        segments[-1].append(p)
    # the subject is after the verb unless the verb's own clause opens with a speaker ("Der frühere
    # Stadtrat Jonas Brandt kritisierte …" vs "Erneut kritisierte Brandt …"); a medium there is the
    # addressee when a speaker follows the verb ("Der FAZ sagte der CDU-Politiker, …", "Dem Sender sagte Kern")
    if segments[0] and toks.word(idx[min(segments[0])]).lower() in ctx.cw.first_person \
            and not _inside_quotes(toks.starts[idx[min(segments[0])]], quotes):
        return []  # "Ich habe derweil das LKA informiert": the author's own act; the object is no speaker
    if not segments[0] and len(segments) >= 3 and segments[1] and segments[2] and min(segments[2]) == 0 \
            and (named := _apposed_name(ctx, idx, segments[1])) is not None:
        return [named]  # "Der Chef der Fraktion, Max Berger, warf Y vor, …": the name in apposition speaks
    prefield = [sp for p in segments[0] if (sp := _subject_at(ctx, idx[p])) is not None]
    if len(segments[0]) == 1 and toks.word(idx[segments[0][0]]).lower() in ctx.cw.neuter_subject and not prefield:
        return []  # "Es forderte die USA auf, …": the pronoun is the subject; the noun after the verb its object
    if len(after) == 1 and (after[0].key.startswith("person/") or after[0].key.startswith("organization/")
                            and not after[0].span.text.endswith("n")) and segments[0] \
            and toks.word(idx[pos]).endswith("en") and toks.word(idx[pos])[:1].islower() \
            and after[0].span.text.lower() not in ctx.cw.personal and not _coordinated(ctx, after[0]):
        # "Ermittler werfen X vor", "Die Ärzte kritisieren die Regierung": one person or organisation
        # ("die Grünen" is plural) cannot be the subject of a plural verb; it is the object
        after = []
    if after and (not prefield or all(sp.key in ctx.media for sp in prefield)
                  and toks.word(idx[min(segments[0])]).lower() in ctx.cw.dative_articles
                  or toks.word(idx[min(segments[0])]).lower() in ctx.cw.prepositions):
        return after  # (a prefield that opens with a preposition holds no subject: "Nach der Absage der
        # Spiele warnte Japans Premierminister …")
    if (not after or len(after) == 1 and after[0].key.startswith("position/")) \
            and (titled := _listed_titles_name(ctx, idx, pos)) is not None:
        return [titled]  # "sagt die Sängerin, Tänzerin und Autorin Eva Roth": the name after the titles
    if not after and (described := _description_after(ctx, idx, pos)) is not None:
        # "…, sagte der frühere Lehrer:" the subject is a description after the verb
        return [described] if described.key else []
    if not after and pos > 0 and toks.word(idx[pos - 1]) == "," and _closes_reported_words(ctx, idx, pos):
        # "Darüber sei gesprochen worden, berichtet die „Bild“-Zeitung.": reported words, then the verb and
        # its subject; when we cannot name that subject, the names in those words are not the speaker
        return []
    for n, seg in enumerate(segments[:3]):
        found: list[Speaker] = []
        want_next = True
        last_p = -10
        for p in sorted(seg):
            w = toks.word(idx[p])
            if w == "und":
                want_next = True
                continue
            s = _subject_at(ctx, idx[p])
            if s is None:
                continue
            s = _prefer_holder(ctx, idx, p, s)
            if not want_next:
                # "Bayerns Verkehrsministerin Carola Wendt": a person beats the state in its phrase
                if p - last_p <= 3 and _rank(s.key) < _rank(found[-1].key):
                    found[-1] = s
                    last_p = p
                continue
            if s.key not in [f.key for f in found]:
                found.append(s)
            want_next = False
            last_p = p
        if len(found) == 1 and found[0].key.startswith("position/") and seg \
                and toks.word(idx[min(seg)]).lower() in ctx.cw.determiners \
                and n + 1 < len(segments) and segments[n + 1] and toks.word(idx[min(seg) - 1]) == ",":
            # "…, die Max Berger, der Chef der Organisation, befürchtet hatte": the title is in apposition
            # to the name before it
            named = _subject_at(ctx, idx[max(segments[n + 1])])
            if named is not None and named.key.startswith("person/"):
                return [named]
        if found:
            listed = _joined(ctx, found[0], listed=len(found) > 1)  # "SPD, CDU und FDP hatten gedrängt"
            return listed[:[x.key for x in listed].index(found[0].key)] + found
    return after


def _apposed_name(ctx: ClaimContext, idx: list[int], seg: list[int]) -> Speaker | None:
    """The person a clause segment names and nothing else (", Max Berger,")."""
    ms = {ctx.index.mention_of_token.get(idx[p]) for p in seg}
    if len(ms) != 1:
        return None
    m = next(iter(ms))
    if m is None or m.key is None or not m.key.startswith("person/"):
        return None
    return Speaker(m.key, m.span)


def _medium_gender(ctx: ClaimContext, key: str) -> str | None:
    """The gender of a medium whose name opens with its article ("Der Spiegel" m, "Die Zeit" f), else None."""
    name = next((m.name for m in ctx.mentions if m.key == key), "")
    first = name.split(" ", 1)[0].lower() if " " in name else ""
    return ctx.cw.article_gender.get(first)


def _medium_mark(ctx: ClaimContext, i: int) -> bool:
    """Is token i a quotation mark of a medium's name ("der „Kurier“", "„Kurier“-Reporter"): the mark itself or
    the word it touches belongs to a medium's mention?"""
    toks = ctx.tokens
    for k in (i, i - 1, i + 1):
        if not 0 <= k < len(toks.starts) or k != i and (toks.ends[k] != toks.starts[i] if k < i
                                                        else toks.ends[i] != toks.starts[k]):
            continue
        m = ctx.index.mention_of_token.get(k)
        if m is not None and m.key is not None and m.key in ctx.media:
            return True
    return False


def _closes_reported_words(ctx: ClaimContext, idx: list[int], pos: int) -> bool:
    """Does the verb at ``pos`` close the sentence after reported words (Konjunktiv, a quote or a
    dass-clause before it), with its own subject phrase after it and nothing more?"""
    toks = ctx.tokens
    rest = [toks.word(i) for i in idx[pos + 1:]]
    if len(rest) < 2 or any(w in (",", ":", ";") for w in rest) or not any(w[:1].isupper() for w in rest):
        return False
    before = [toks.word(i) for i in idx[:pos]]
    return _is_mark(before[0]) or before[0].lower() in ctx.cw.content_openers \
        or cue_data.konjunktiv(ctx.lang).first_in_sentence(before)


def _coordinated(ctx: ClaimContext, s: Speaker) -> bool:
    """Is the speaker's name joined to another by "und", before it or after it (after a bracket if one
    follows: "X (Universität Y) und …", "Stadt und X")?"""
    toks = ctx.tokens
    first = _token_at(toks, s.span.begin)
    if first > 0 and toks.word(first - 1) in ctx.cw.coordinators:
        return True
    m = ctx.index.mention_of_token.get(first)
    end = max(s.span.end, m.span.end) if m is not None else s.span.end
    k = _token_at(toks, end - 1) + 1
    while k < len(toks) and toks.sentence_of[k] == toks.sentence_of[first] and toks.word(k)[:1].isupper() \
            and k - first < 4:
        k += 1  # the rest of an institution's name ("die Stadt Köln")
    if k < len(toks) and toks.word(k) == "(":
        while k < len(toks) and toks.word(k) != ")" and toks.sentence_of[k] == toks.sentence_of[k - 1]:
            k += 1
        k += 1
    return k < len(toks) and toks.word(k) in ctx.cw.coordinators


def _joined(ctx: ClaimContext, s: Speaker, *, listed: bool = False) -> list[Speaker]:
    """``s`` with the speakers joined to it in one list, in text order: "Apple und Google zufolge",
    "laut Polizei und Feuerwehr", "SPD, CDU und FDP" (commas only before the joiner that ends the list;
    ``listed``: ``s`` already stands in a list joined after it). A name governed by a preposition
    ("mit der SPD und …") is no item."""
    toks = ctx.tokens
    cw = ctx.cw
    first = _token_at(toks, s.span.begin)
    sent = toks.sentence_of[first]

    def same(k: int) -> bool:
        return 0 <= k < len(toks) and toks.sentence_of[k] == sent

    def item(k: int) -> Speaker | None:
        if not same(k) or toks.word(k).lower() in cw.personal:
            return None
        return _speaker_at(ctx, k, source=True)

    out = [s]
    keys = {s.key}
    k, seen = first - 1, listed
    while True:
        if same(k) and toks.word(k).lower() in cw.determiners:
            k -= 1  # the item's article: "die SPD und die FDP"
        if not same(k) or not (toks.word(k) in cw.joiners or toks.word(k) == "," and seen):
            break
        seen = seen or toks.word(k) in cw.joiners
        prev = item(k - 1)
        if prev is None or prev.key in keys or _governed(ctx, _token_at(toks, prev.span.begin)):
            break
        out.insert(0, prev)
        keys.add(prev.key)
        k = _token_at(toks, prev.span.begin) - 1
    tail: list[tuple[Speaker, bool]] = []
    k = _token_at(toks, s.span.end - 1) + 1
    while same(k) and (toks.word(k) in cw.joiners or toks.word(k) == ","):
        joiner = toks.word(k) in cw.joiners
        k += 1
        if same(k) and toks.word(k).lower() in cw.determiners:
            k += 1
        nxt = item(k)
        if nxt is None or nxt.key in keys or nxt.span.begin != toks.starts[k]:
            break
        tail.append((nxt, joiner))
        keys.add(nxt.key)
        k = _token_at(toks, nxt.span.end - 1) + 1
    while tail and not tail[-1][1]:
        tail.pop()  # "laut Polizei, die …": a comma alone makes no list
    return out + [t for t, _ in tail]


def _described_name(ctx: ClaimContext, idx: list[int], pos: int, p: int) -> bool:
    """Is the noun at word ``p``, after the verb at ``pos``, part of a description of the person named
    right after it ("sagte der Psychologe Max Berger", "sagte der Schweizer Psychologe und Autor Max Berger")?"""
    toks = ctx.tokens
    if not all(_modifier(ctx, idx[q]) for q in range(pos + 1, p)) \
            or any(toks.word(idx[q]) in ctx.cw.object_articles for q in range(pos + 1, p)):
        return False  # ("sagte dem Psychologen Max Berger": the addressee)
    for r in range(p + 1, min(p + 5, len(idx))):
        m = ctx.index.mention_of_token.get(idx[r])
        if m is not None and m.key and m.span.begin == toks.starts[idx[r]] and (m.kind == "person" or (
                m.kind == "organization"
                and not any(toks.word(idx[q]) in ctx.cw.dative_articles for q in range(pos + 1, p)))):
            return True  # (or an organisation: "berichtete die Nachrichtenagentur Reuters", not "der …": a dative)
        if not toks.word(idx[r])[:1].isupper() and toks.word(idx[r]) != "und":
            return False  # ("der Psychologe und Autor Max Berger")
    return False


def _modifier(ctx: ClaimContext, i: int) -> bool:
    """Is token i an article or adjective of a noun phrase ("der", "frühere", "Schweizer", "Kasseler")?"""
    m = ctx.index.mention_of_token.get(i)
    w = ctx.tokens.word(i)
    return w[:1].islower() or (m is not None and m.role in ("adjective", "demonym")) \
        or (w.endswith("er") and i + 1 < len(ctx.tokens) and ctx.tokens.word(i + 1)[:1].isupper())


def _apposition_after(ctx: ClaimContext, idx: list[int], pos: int, quotes: list[tuple[int, int]]) -> Speaker | None:
    """A subject after the speech verb that names the person only in an apposition ("sagte der
    Sprecher des Verbands, Max Berger." / "sagte Österreichs Gesandter in Rom, Eva Roth, am Montag")."""
    toks = ctx.tokens
    for p in range(pos + 1, min(pos + 16, len(idx) - 1)):
        w = toks.word(idx[p])
        if _inside_quotes(toks.starts[idx[p]], quotes) or _is_mark(w):
            return None
        if w == ",":
            if p == pos + 1:
                return None
            m = ctx.index.mention_of_token.get(idx[p + 1])
            if m is None or m.kind != "person" or not m.key or m.span.begin != toks.starts[idx[p + 1]]:
                return None
            end = _token_at(toks, m.span.end - 1) + 1
            if end < len(toks) and toks.sentence_of[end] == toks.sentence_of[idx[p]] \
                    and toks.word(end) not in (",", ".", "(", ";", "!", "?"):
                return None
            return Speaker(m.key, m.span)
        if w == "und" and toks.word(idx[p + 1])[:1].isupper():
            continue  # "der Psychologe an der Universität und Leiter der Studie, X"
        if w in _CLAUSE_BREAK or w in (".", "dass", "daß", "wie", "und") or \
                (w[:1].islower() and w not in ctx.cw.determiners and w.lower() not in ctx.cw.prepositions
                 and not w.endswith(("e", "en", "er", "es", "em"))):
            return None
    return None


def _listed_titles_name(ctx: ClaimContext, idx: list[int], pos: int) -> Speaker | None:
    """The person named after a list of titles that follows a speech verb ("sagt die Sängerin, Tänzerin
    und Autorin Eva Roth"): an article, then nouns joined by commas and "und", the last one right before
    the name; None when the words after the verb are no such list."""
    toks = ctx.tokens
    p = pos + 1
    if p >= len(idx) or toks.word(idx[p]) not in ctx.cw.article_gender:
        return None
    p += 1
    while p < len(idx) and p - pos <= 4 and toks.word(idx[p])[:1].islower():
        p += 1  # adjectives: "die bekannte"
    nouns = 0
    while p < len(idx) and p - pos <= 16:
        w = toks.word(idx[p])
        m = ctx.index.mention_of_token.get(idx[p])
        if m is not None and m.kind == "person" and m.key and m.role == "name" \
                and m.span.begin == toks.starts[idx[p]]:
            return Speaker(m.key, m.span) if nouns >= 2 and toks.word(idx[p - 1]) != "," else None
        if m is not None or not w[:1].isupper() or not w.isalpha():
            return None
        nouns += 1
        p += 1
        if p < len(idx) and (toks.word(idx[p]) == "," or toks.word(idx[p]) in ctx.cw.coordinators):
            p += 1
            while p < len(idx) and toks.word(idx[p])[:1].islower() and p - pos <= 16:
                w = toks.word(idx[p])
                if w in ctx.cw.coordinators or w in ctx.cw.determiners or w.startswith(tuple(ctx.cw.possessive)):
                    return None  # "der Sender und sein Chefredakteur X": a phrase of its own, not one more title
                p += 1  # "und preisgekrönte Autorin"
    return None


def _description_after(ctx: ClaimContext, idx: list[int], pos: int) -> Speaker | None:
    """A definite description right after a speech verb that ends its clause ("sagte der frühere
    Trainer:", "sagte die 45-Jährige."): the person it refers back to, a Speaker with an empty key when
    it refers to no one the article named, None when the words after the verb are no such phrase."""
    toks = ctx.tokens
    p = pos + 1
    if p >= len(idx) or toks.word(idx[p]) not in ctx.cw.article_gender:
        return None
    gender = ctx.cw.article_gender[toks.word(idx[p])]
    p += 1
    while p < len(idx) and p - pos <= 5 and (toks.word(idx[p])[:1].islower() or toks.word(idx[p])[:1].isdigit()
                                             or toks.word(idx[p]) in ctx.cw.age_units):
        p += 1  # adjectives: "der frühere", "der 60-jährige", "der 74 Jahre alte"
    m = ctx.index.mention_of_token.get(idx[p]) if p < len(idx) else None
    if p >= len(idx) or not toks.word(idx[p])[:1].isupper() or idx[p] in ctx.titles \
            or idx[p] in ctx.generic_refs or m is not None and m.span.end >= toks.ends[idx[p]]:
        return None  # (a name that only modifies the noun is part of the description: "der CDU-Mann")
    nxt = toks.word(idx[p + 1]) if p + 1 < len(idx) else "."
    inverted = pos > 0 and (toks.word(idx[pos - 1]) == "," or _is_mark(toks.word(idx[pos - 1])))
    if nxt not in (",", ":", ".", ";", "!", "?") and not (inverted and nxt.lower() in ctx.cw.prepositions
                                                           and nxt.lower() not in ctx.cw.agent):
        return None  # (after "„…“, sagte" a phrase of place or time may follow: "der Trainer aus Kassel am Montag.",
        # but "der Rat von Kassel" names an institution)
    noun = toks.word(idx[p])
    if not noun.lower().endswith(ctx.cw.person_noun_endings) and not noun.endswith(ctx.cw.description_suffixes):
        return None  # "kritisierte die Wahl.": the object, no person
    if _noun_gender(ctx.cw, noun) == "f" and gender == "f" or _noun_gender(ctx.cw, noun) == "m":
        i = idx[p]
        span = Span.of(ctx.text, toks.starts[idx[pos + 1]], toks.ends[i])
        # "X sei ein Wunder gewesen, sagte der Kommentator": the description is not a person of the content
        named = frozenset(m.key for m in _mentions_in(ctx, toks.starts[idx[0]], toks.starts[idx[pos]])
                          if m.key and m.kind == "person")
        ref = _resolve(ctx, span, sentence=toks.sentence_of[i], gender=gender, current=ctx.last_speakers,
                      held_by=ctx.held_by, min_score=1.0, exclude=named | _quoted_only(ctx, i))
        return Speaker(ref.key if ref is not None else "", span)
    return None


def _rank(key: str) -> int:
    return {"person": 0, "position": 1, "organization": 2, "country": 3}.get(key.split("/", 1)[0], 4)


def _preceded_by_dative(toks: Tokens, idx: list[int], p: int, *, masculine: bool = False) -> bool:
    for q in range(p - 1, max(p - 4, -1), -1):
        w = toks.word(idx[q]).lower()
        if w == "der" and masculine:
            return False  # "berichtete der „Spiegel“": a masculine name's "der" is a nominative
        if w in ("der", "dem", "den", "gegenüber"):
            # "der Mitteldeutsche Rundfunk": an adjective in -e after "der" is a nominative
            return not (w == "der" and q + 1 < p and toks.word(idx[q + 1]).endswith("e"))
        if toks.word(idx[q])[:1].isupper() or _is_mark(w):
            continue  # the medium's noun or marks: "der Nachrichtenagentur Reuters", "der „Zeitung“"
        break
    return False


def _phrase_end(ctx: ClaimContext, idx: list[int], src: Speaker) -> int:
    """End of an attribution phrase: through its source and the words that name it."""
    end = src.span.end
    for m in _mentions_in(ctx, end, end + 3):
        if m.key == src.key:
            end = m.span.end
    # its genitive attribute too: "nach Angaben eines Sprechers der Polizei", "des Krankenhauses der Stadt Bonn"
    toks = ctx.tokens
    k = _token_at(toks, end)
    if k < len(toks) and toks.starts[k] < end:
        k += 1
    for _ in range(3):
        seat = ctx.index.mention_of_token.get(k) if k < len(toks) else None
        if seat is not None and seat.kind in ("place", "organization") and seat.span.begin == toks.starts[k]:
            end = seat.span.end  # the seat after it: "der Polizei Bonn"
            k = _token_at(toks, end - 1) + 1
            continue
        if k >= len(toks) or toks.word(k) not in ctx.cw.genitive_articles:
            break
        j = k + 1
        while j < len(toks) and toks.word(j)[:1].islower() and toks.word(j).endswith(("e", "en", "er", "es", "em")):
            j += 1
        if j >= len(toks) or not toks.word(j)[:1].isupper() or toks.sentence_of[j] != toks.sentence_of[k]:
            break
        end = toks.ends[j]
        named = ctx.index.mention_of_token.get(j)
        if named is not None:
            end = max(end, named.span.end)
        k = _token_at(toks, end - 1) + 1
    return end
