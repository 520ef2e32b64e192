"""Extraction: article text → :class:`~kgbuild.model.Document`, stage by stage.

segment → mentions → linking → dates, quantities → claims, events → Document.
Each stage is a function of the objects the stages before it made; nothing here
knows a particular article.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from dataclasses import dataclass, replace

from kgbuild.claims import ClaimContext, find_claims
from kgbuild.dates import find_dates
from kgbuild.errors import InputError
from kgbuild.events import EventContext, find_events
from kgbuild.keys import entity_key
from kgbuild.linking import link
from kgbuild.mentions import find_mentions, find_titles, load_lexicon, tokenize
from kgbuild.model import Article, DateResolution, DateValue, Document, Entity, Position, Span
from kgbuild.quantities import find_quantities

#: A headline longer than this is probably the first paragraph, or the whole text on one line.
HEADLINE_WARN_CHARS = 300
_UNRESOLVABLE_KINDS = frozenset({"relative", "weekday", "partial", "month", "holiday", "range"})


@dataclass(frozen=True)
class Extraction:
    """An article's document and what looked suspicious while extracting it.

    Attributes:
        document: the extracted document.
        warnings: one line each, for a person to read ("3 relative dates unresolved: pass --published").
    """

    document: Document
    warnings: tuple[str, ...] = ()


def extract(text: str, *, published: dt.date | str | None = None, source: str | None = None,
            lang: str = "de") -> Document:
    """Extract entities, positions, events and claims from one article.

    The same as :func:`extract_with_warnings` without the warnings.
    """
    return extract_with_warnings(text, published=published, source=source, lang=lang).document


def extract_with_warnings(text: str, *, published: dt.date | str | None = None, source: str | None = None,
                          lang: str = "de") -> Extraction:
    """Extract entities, positions, events and claims from one article, and say what looks wrong.

    Args:
        text: the article as read (offsets refer to it).
        published: the publication date, if known; otherwise dates are resolved from the text.
        source: the file name the text came from (recorded in the graph).
        lang: language of the article; its knowledge is read from ``kgbuild/lang/<lang>/``.

    Returns:
        The :class:`Document` with every node's evidence span, and the warnings: dates the
        text does not resolve, a headline over 300 characters, no claims in a text with
        speech verbs.
    """
    from kgbuild.segment import segment

    if not text.strip():
        raise InputError(f"{source or 'article'}: the article is empty")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError as exc:
            raise InputError(f"--published: not a date (YYYY-MM-DD): {published!r}") from exc
    lex = load_lexicon(lang)
    structure = segment(text, lang=lang)
    toks = tokenize(text, structure.sentences)
    mentions = find_mentions(structure, toks, lex)
    titles = find_titles(toks, lex)
    linked = link(structure, toks, mentions, titles, lex)
    date_mentions = find_dates(text, published=published, lang=lang)
    # the dateline dates the article, not what it reports
    dates = tuple((d.span, d.value) for d in date_mentions if d.value is not None and d.kind != "dateline")
    # a duration ("binnen zehn Tagen") is no count of what happened
    quantities = tuple((q.span, q.quantity) for q in find_quantities(text, lang=lang) if q.kind != "duration")
    ctx = ClaimContext(
        text=text, structure=structure, tokens=toks, mentions=linked.mentions, media=linked.media,
        titles=linked.title_keys, pronoun_persons=linked.pronouns, dates=dates,
        generic_refs=linked.generic_refs,
        unheld=frozenset(p.key for p in linked.positions if p.holder is None),
        offices=frozenset(p.key for p in linked.positions if lex.is_office(p.title)),
        held_by=_held_by(linked.positions), lang=lang,
        office_of={p.key: p.of for p in linked.positions if p.of is not None},
    )
    claims = find_claims(ctx, lex)
    positions = linked.positions
    date_ends = tuple((d.span, d.end) for d in date_mentions if d.value is not None and d.end is not None)
    events = find_events(EventContext(text=text, structure=structure, mentions=linked.mentions, dates=dates,
                                      quantities=quantities, date_ends=date_ends), lang=lang)
    entities = list(linked.entities)
    authors: list[str] = []
    for a in structure.authors:
        key = entity_key("person", a.text)
        authors.append(key)
        if not any(e.key == key for e in entities):
            entities.append(Entity(key, "person", a.text, mentions=(a,)))
    pub = _published(published, date_mentions, structure)
    article = Article(
        text=text, headline=structure.headline.text if structure.headline else None,
        headline_span=structure.headline, authors=tuple(authors), published=pub, language=lang,
        source=source,
    )
    entities += _office_owners(text, positions, entities, lex)
    used = _used_keys(claims, events, positions)
    entities = [e for e in entities if e.mentions or e.key in used]
    # a place lies in a state the gazetteer knows; say so only when the article names that state
    present = {e.key for e in entities}
    entities = [e if e.contained_in is None or e.contained_in in present else replace(e, contained_in=None)
                for e in entities]
    doc = Document(
        article=article, entities=tuple(sorted(entities, key=lambda e: e.key)),
        positions=positions, events=tuple(events), claims=tuple(claims),
    )
    warnings: list[str] = []
    unresolved = sum(1 for d in date_mentions if d.value is None and d.kind in _UNRESOLVABLE_KINDS)
    if unresolved:
        warnings.append(f"{unresolved} relative date{'s' if unresolved != 1 else ''} unresolved: "
                        + ("pass --published" if published is None else "see the notes in `kgbuild extract`"))
    if article.headline and len(article.headline) > HEADLINE_WARN_CHARS:
        warnings.append(f"headline is {len(article.headline)} characters long: is the first line the headline? "
                        "(put the headline on a line of its own, then a blank line)")
    if not claims:
        verbs = sorted({toks.word(i) for i in range(len(toks)) if lex.speech_verb(toks.word(i)) is not None})
        if verbs:
            warnings.append(f"no claims found, though the text has speech verbs ({', '.join(verbs[:3])}): "
                            "check the speakers with `kgbuild extract`")
    _freeze_language_data(lang)
    return Extraction(doc, tuple(warnings))


_FROZEN: dict[str, int] = {}


def _freeze_language_data(lang: str) -> None:
    """After a language's first article, move what is alive out of the cyclic collector's reach.

    The first extraction loads everything a language needs (gazetteers, lexicons, the labeller,
    compiled patterns): millions of small objects that live as long as the process and hold no
    garbage cycles. Left in the collector's oldest generation, each full collection walks them
    all again; frozen (:func:`gc.freeze`), they are skipped. In a batch run that saves about a
    fifth of the CPU time (bench/README.md). Objects frozen stay freed by reference counting as
    usual. ``KGBUILD_GC_FREEZE=0`` turns it off.
    """
    if os.environ.get("KGBUILD_GC_FREEZE", "1") == "0":
        return
    seen = _FROZEN.get(lang, 0)
    if seen >= 2:
        return
    _FROZEN[lang] = seen + 1
    # after the first article, and again after the second: by then a batch has also loaded what
    # building and validating the first graph needed (the shapes, the compiled validator)
    gc.collect()  # what is garbage now is collected, not frozen
    gc.freeze()


def _published(published: dt.date | None, date_mentions, structure) -> DateValue | None:  # type: ignore[no-untyped-def]
    if published is not None:
        return DateValue(published.isoformat(), DateResolution.GIVEN)
    if structure.dateline is not None:
        for d in date_mentions:
            if d.value is not None and structure.dateline.begin <= d.span.begin < structure.dateline.end \
                    and d.value.precision == "day":
                return d.value
    return None


def _office_owners(text: str, positions: tuple[Position, ...], entities: list[Entity], lex) -> list[Entity]:  # type: ignore[no-untyped-def]
    """The organisations named only as the first part of an office ("Grünen-Abgeordnete")."""
    have = {e.key for e in entities}
    out: dict[str, Entity] = {}
    for p in positions:
        if p.of is None or p.of in have or p.of in out:
            continue
        entry = lex.entry(p.of)
        if entry is None or not p.mentions:
            continue
        m = p.mentions[0]
        prefix = m.text.split("-", 1)[0] if "-" in m.text else m.text
        span = Span.of(text, m.begin, m.begin + len(prefix))
        # "Grünen-Abgeordnete" names the party as "Grünen"; "Bundesminister" names no state by a name
        named = "-" in m.text and prefix != entry.name and lex.lookup_key(prefix) == p.of
        out[p.of] = Entity(p.of, entry.kind, entry.name, (prefix,) if named else (),
                           entry.country_code, entry.wikidata, None, (span,))
    return list(out.values())


def _held_by(positions: tuple[Position, ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for p in positions:
        if p.holder:
            out[p.holder] = (*out.get(p.holder, ()), p.key)
    return out


def _used_keys(claims, events, positions) -> set[str]:  # type: ignore[no-untyped-def]
    used: set[str] = set()
    for c in claims:
        used |= set(c.claimants) | set(c.reported_by) | set(c.about)
    for e in events:
        used |= set(e.locations) | set(e.agents) | set(e.participants)
    for p in positions:
        used |= {k for k in (p.of, p.holder) if k}
    return used


__all__ = ["Extraction", "extract", "extract_with_warnings", "Span"]
