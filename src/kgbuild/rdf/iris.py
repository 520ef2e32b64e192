"""Mint kgbuild's IRIs: readable, deterministic, and the same for the same thing everywhere.

Entities live below ``https://w3id.org/kgbuild/id/`` under their key
(``person/kassym-schomart-tokajew``, ``country/kz``), so one real entity gets one IRI
in every article. Everything an article says lives below the article's IRI, which is
named by the hash of its text: spans (``…/article/<hash>#char=<b>,<e>``, RFC 5147),
claims, events and the quantities of events. Positions are global and named by their
content (title, whose office, holder).

>>> slugify("Kassym-Schomart Tokajew")
'kassym-schomart-tokajew'
>>> slugify("Nečas, Petr")
'necas-petr'
>>> entity_key("country", "Griechenland", country_code="GR")
'country/gr'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from kgbuild.model import ENTITY_KINDS, Article, Claim, Event, Position, Span

from .namespaces import BASE

__all__ = [
    "article_iri",
    "claim_iri",
    "entity_iri",
    "entity_key",
    "event_iri",
    "is_absolute_iri",
    "position_iri",
    "position_key",
    "quantity_iri",
    "slugify",
    "span_iri",
]

# Letters NFKD does not take apart; German first, as its spelling rules ask (ä -> ae).
_TRANSLITERATE = str.maketrans(
    {
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS",
        "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ł": "l", "Ł": "L", "ı": "i", "ħ": "h", "Ħ": "H",
    }
)  # fmt: skip
_MAX_SLUG = 64  # longer slugs are cut and get a hash, so IRIs stay readable
_KEY_SAFE = "/-._~"  # unreserved characters plus the path separator


# An absolute IRI: a scheme, then no character that N-Triples or Turtle forbid inside <...>.
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`]*")


def is_absolute_iri(text: str) -> bool:
    """Whether ``text`` can stand as an absolute IRI in N-Triples and Turtle.

    >>> is_absolute_iri("https://de.wikinews.org/wiki/Rumänien"), is_absolute_iri("a b")
    (True, False)
    """
    return _ABSOLUTE_IRI.fullmatch(text) is not None


def _short_hash(text: str) -> str:
    # surrogatepass: a lone surrogate (from a broken decoder upstream) must not crash minting.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def slugify(name: str) -> str:
    """A lowercase ASCII slug of ``name``: letters and digits joined by single hyphens.

    German umlauts and ß are transliterated (``ü`` -> ``ue``), other accents dropped
    (``č`` -> ``c``). Letters with no ASCII form (Cyrillic, Chinese, …) are not
    guessed at: the slug keeps whatever ASCII the name has and appends a short hash
    of the name, so distinct names stay distinct. Never empty.

    Args:
        name: any string.

    Returns:
        The slug, at most about 73 characters long.

    >>> slugify("Öl-Förderung in Ägypten!")
    'oel-foerderung-in-aegypten'
    >>> slugify("Путин")
    '983b039e'
    """
    nfc = unicodedata.normalize("NFC", name)
    decomposed = unicodedata.normalize("NFKD", nfc.translate(_TRANSLITERATE))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only.decode("ascii").lower()).strip("-")
    # Letters or digits that had no ASCII form were dropped: a hash keeps the name apart
    # from another that differs only in them ("Путин" vs "Медведев").
    lost = any(
        unicodedata.category(c)[0] in "LN" and not c.isascii() for c in decomposed if not unicodedata.combining(c)
    )
    if len(slug) > _MAX_SLUG:
        slug = slug[:_MAX_SLUG].rstrip("-")
        lost = True
    if lost or not slug:
        return f"{slug}-{_short_hash(nfc)}" if slug else _short_hash(nfc)
    return slug


def entity_key(kind: str, name: str, *, country_code: str | None = None) -> str:
    """The key of an entity: ``<kind>/<slug of name>``; a country with a code is ``country/<code>``.

    Args:
        kind: one of ``person``, ``country``, ``place``, ``organization``.
        name: the entity's name (its fullest form).
        country_code: ISO 3166-1 alpha-2, for countries only.

    Returns:
        The key, e.g. ``person/giorgos-andrea-papandreou`` or ``country/gr``.

    Raises:
        ValueError: unknown kind, or a country code that is not two letters or not on a country.
    """
    if kind not in ENTITY_KINDS:
        raise ValueError(f"unknown entity kind {kind!r}; expected one of {', '.join(ENTITY_KINDS)}")
    if country_code is not None:
        if kind != "country":
            raise ValueError(f"a country code belongs to a country, not a {kind}")
        if not re.fullmatch(r"[A-Za-z]{2}", country_code):
            raise ValueError(f"country code {country_code!r} is not ISO 3166-1 alpha-2")
        return f"country/{country_code.lower()}"
    return f"{kind}/{slugify(name)}"


def position_key(title: str, of: str | None = None, holder: str | None = None) -> str:
    """The content-derived key of a position: ``position/<title>--<of>[--<holder>]``.

    ``of`` and ``holder`` are entity keys; each part is slugified.

    >>> position_key("Ministerpräsident", "country/gr", "person/giorgos-andrea-papandreou")
    'position/ministerpraesident--country-gr--person-giorgos-andrea-papandreou'
    """
    parts = [slugify(title)]
    if of is not None or holder is not None:
        parts.append(slugify(of) if of is not None else "unknown")
    if holder is not None:
        parts.append(slugify(holder))
    return "position/" + "--".join(parts)


def _quote(key: str) -> str:
    return quote(key, safe=_KEY_SAFE, errors="surrogatepass")


def entity_iri(key: str) -> URIRef:
    """The IRI of the entity with this key: ``https://w3id.org/kgbuild/id/<key>``.

    Characters outside the unreserved set are percent-encoded, so any key gives a valid IRI.
    """
    return URIRef(BASE + "id/" + _quote(key))


def article_iri(article: Article) -> URIRef:
    """The IRI of an article: ``…/article/<content hash>``."""
    return URIRef(f"{BASE}article/{article.content_hash}")


def span_iri(article: Article, span: Span) -> URIRef:
    """The IRI of a stretch of the article's text: ``…/article/<hash>#char=<begin>,<end>``."""
    return URIRef(f"{article_iri(article)}#char={span.begin},{span.end}")


def _local(article: Article, key: str) -> URIRef:
    return URIRef(f"{article_iri(article)}/{_quote(key)}")


def claim_iri(article: Article, claim: Claim) -> URIRef:
    """The IRI of a claim: ``…/article/<hash>/<claim key>`` (``…/claim/3``)."""
    return _local(article, claim.key)


def event_iri(article: Article, event: Event) -> URIRef:
    """The IRI of an event: ``…/article/<hash>/<event key>`` (``…/event/1``)."""
    return _local(article, event.key)


def quantity_iri(article: Article, event: Event, index: int) -> URIRef:
    """The IRI of the ``index``-th (from 1) quantity of an event: ``…/event/1/quantity/1``."""
    return URIRef(f"{event_iri(article, event)}/quantity/{index}")


def position_iri(article: Article, position: Position) -> URIRef:
    """The IRI of a position, named by its content, not by its key within the document.

    A position with a state or holder is global (``…/id/position/praesident--country-kz``),
    so the same office is the same node in every article. A bare title ("ein Sprecher")
    says too little to be merged across articles and stays local to its article.
    """
    key = position_key(position.title, position.of, position.holder)
    if position.of is None and position.holder is None:
        return _local(article, key)
    return entity_iri(key)
