"""From the model to RDF: kgbuild's vocabularies, IRIs, and the mapping to the query contract."""

from __future__ import annotations

from .iris import (
    article_iri,
    claim_iri,
    entity_iri,
    entity_key,
    event_iri,
    position_iri,
    position_key,
    quantity_iri,
    slugify,
    span_iri,
)
from .mapping import bind_prefixes, new_graph, serialize_turtle, to_dataset, to_graph
from .namespaces import KG, NIF, OWL, PROV, SCHEMA, SKOS, WD, XSD

__all__ = [
    "KG",
    "NIF",
    "OWL",
    "PROV",
    "SCHEMA",
    "SKOS",
    "WD",
    "XSD",
    "article_iri",
    "bind_prefixes",
    "claim_iri",
    "entity_iri",
    "entity_key",
    "event_iri",
    "new_graph",
    "position_iri",
    "position_key",
    "quantity_iri",
    "serialize_turtle",
    "slugify",
    "span_iri",
    "to_dataset",
    "to_graph",
]
