"""Entity keys: the readable, deterministic names every stage uses for entities and offices.

A key is the path of an entity's IRI below ``https://w3id.org/kgbuild/id/``
(``person/sauli-niinistoe``, ``country/fi``). Keys are minted here, without
rdflib, so that the extraction stages can name what they find; :mod:`kgbuild.rdf.iris`
turns keys into IRIs.

>>> slugify("Sauli Väinämö Niinistö")
'sauli-vaeinaemoe-niinistoe'
>>> entity_key("country", "Griechenland", country_code="GR")
'country/gr'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from kgbuild.model import ENTITY_KINDS

__all__ = ["entity_key", "position_key", "slugify"]

# Letters NFKD does not take apart; German first, as its spelling rules ask (ä -> ae).
_TRANSLITERATE = str.maketrans(
    {
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS",
        "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ł": "l", "Ł": "L", "ı": "i", "ħ": "h", "Ħ": "H",
    }
)  # fmt: skip
_MAX_SLUG = 64  # longer slugs are cut and get a hash, so IRIs stay readable

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
        The key, e.g. ``person/sauli-niinistoe`` or ``country/fi``.

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

    >>> position_key("Präsident", "country/fi", "person/sauli-niinistoe")
    'position/praesident--country-fi--person-sauli-niinistoe'
    """
    parts = [slugify(title)]
    if of is not None or holder is not None:
        parts.append(slugify(of) if of is not None else "unknown")
    if holder is not None:
        parts.append(slugify(holder))
    return "position/" + "--".join(parts)
