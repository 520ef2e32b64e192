"""The claims document's format: its version, each record's fields, and what references point to."""

from __future__ import annotations

from kgbuild.model import ENTITY_KINDS

FORMAT_VERSION = 1

# Every record's fields; anything else is an error (a typo must not pass silently).
# The reader (read.py) checks each field's type as it converts it.
FIELDS: dict[str, tuple[str, ...]] = {
    "document": ("version", "article", "entities", "positions", "events", "claims", "notes"),
    "article": (
        "text", "text_file", "content_hash", "headline", "headline_span", "authors", "published",
        "language", "source", "url",
    ),
    "entity": (
        "key", "name", "kind", "alternate_names", "country_code", "wikidata", "contained_in", "mentions",
    ),
    "position": ("key", "title", "of", "holder", "mentions"),
    "event": (
        "key", "type", "name", "sentence", "start", "end", "location", "agent", "participant", "quantities",
    ),
    "quantity": ("value", "min", "max", "unit", "text", "approximate"),
    "claim": (
        "key", "claimant", "text", "sentence", "speech_act", "cue", "quote", "reported_by", "stated_on",
        "negative", "about", "referent",
    ),
    "referent": ("words", "score", "evidence"),
    "date": ("value", "resolution", "text"),
    "span": ("text", "offsets", "occurrence", "within"),
}  # fmt: skip
REQUIRED: dict[str, tuple[str, ...]] = {
    "document": ("article",),
    "entity": ("name", "kind"),
    "position": ("title",),
    "event": ("type", "name", "sentence"),
    "claim": ("claimant", "text", "sentence"),
    "date": ("value",),
    "referent": ("words", "score", "evidence"),
}
# What each reference may point to ("position", "event", "claim" besides the entity kinds).
_ANY_ENTITY = ENTITY_KINDS
REFERS_TO: dict[str, tuple[str, ...]] = {
    "authors": ("person",),
    "contained_in": ("country", "place"),
    "of": ("country", "organization", "place"),
    "holder": ("person",),
    "location": ("country", "place"),
    "agent": (*_ANY_ENTITY, "position"),
    "participant": (*_ANY_ENTITY, "position"),
    "claimant": ("person", "organization", "country", "position"),
    "reported_by": ("organization", "person"),
    "about": (*_ANY_ENTITY, "position", "event", "claim"),
}
RECORD_OF = {"entities": "entity", "positions": "position", "events": "event", "claims": "claim"}
