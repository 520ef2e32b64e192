"""Mint kgbuild's IRIs: readable, deterministic, and the same for the same thing everywhere.

Entities live below ``https://w3id.org/kgbuild/id/`` under their key
(``person/sauli-niinistoe``, ``country/fi``), so one real entity gets one IRI
in every article. Everything an article says lives below the article's IRI, which is
named by the hash of its text: spans (``…/article/<hash>#char=<b>,<e>``, RFC 5147),
claims, events and the quantities of events. Positions are global and named by their
content (title, whose office, holder).

>>> slugify("Sauli Väinämö Niinistö")
'sauli-vaeinaemoe-niinistoe'
>>> slugify("Dvořák, Jana")
'dvorak-jana'
>>> entity_key("country", "Griechenland", country_code="GR")
'country/gr'
"""

from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import URIRef

# re-exported: keys are minted in kgbuild.keys, which the extraction stages use without rdflib
from kgbuild.keys import entity_key, position_key, slugify
from kgbuild.model import Article, Claim, Event, Position, Span

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

_KEY_SAFE = "/-._~"  # unreserved characters plus the path separator


# An absolute IRI: a scheme, then no character that N-Triples or Turtle forbid inside <...>.
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`]*")


def is_absolute_iri(text: str) -> bool:
    """Whether ``text`` can stand as an absolute IRI in N-Triples and Turtle.

    >>> is_absolute_iri("https://de.wikinews.org/wiki/Rumänien"), is_absolute_iri("a b")
    (True, False)
    """
    return _ABSOLUTE_IRI.fullmatch(text) is not None


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
