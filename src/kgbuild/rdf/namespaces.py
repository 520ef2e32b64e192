"""The vocabularies kgbuild writes: its own ``kg:`` terms and the well-known ones it reuses.

``KG`` is a closed :class:`~rdflib.namespace.DefinedNamespace` (``_fail = True``), as
rdflib's own ``PROV`` is, so a mistyped term raises at import or call time instead of
minting a term nobody defined. The terms of the public query contract
(shared/docs/DATA_MODEL.md) must never be renamed; the ontology file defines them all.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "BASE",
    "EVENT_TYPES",
    "ID",
    "KG",
    "NIF",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "WD",
    "XSD",
]

#: Root of every IRI kgbuild mints (entities below ``id/``, articles below ``article/``).
BASE = "https://w3id.org/kgbuild/"
ID = Namespace(BASE + "id/")

# schema.org over https, as the query contract states (rdflib's SDO is the same IRI,
# but a plain Namespace keeps any schema.org term usable without a bundled term list).
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """The kgbuild vocabulary, ``https://w3id.org/kgbuild/ns#``."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgbuild/ns#")

    # --- article
    contentHash: URIRef  # first 16 hex digits of the SHA-256 of the article text

    # --- entities and positions (contract)
    countryCode: URIRef  # ISO 3166-1 alpha-2 of a schema:Country
    Position: URIRef  # an office: who holds which title of which state or organisation
    title: URIRef
    positionOf: URIRef
    heldBy: URIRef
    holdsPosition: URIRef  # inverse of heldBy

    # --- events (contract)
    agent: URIRef
    participant: URIRef
    quantity: URIRef
    approximate: URIRef  # xsd:boolean on a quantity ("rund 90.000")

    # --- event taxonomy: subclasses of schema:Event (model.Event.types holds these local names)
    StatementEvent: URIRef
    Mobilization: URIRef
    Migration: URIRef
    Protest: URIRef
    Arrest: URIRef
    ArmedConflict: URIRef
    Attack: URIRef
    Election: URIRef
    Vote: URIRef
    Sanction: URIRef
    Meeting: URIRef
    Agreement: URIRef
    Resignation: URIRef
    Appointment: URIRef
    CourtRuling: URIRef
    Investigation: URIRef
    NaturalDisaster: URIRef
    Accident: URIRef
    Death: URIRef
    Founding: URIRef
    Negotiation: URIRef

    # --- claims (contract)
    Claim: URIRef
    claimant: URIRef
    reportedBy: URIRef
    statedOn: URIRef
    quote: URIRef
    polarity: URIRef
    about: URIRef
    cue: URIRef
    speechAct: URIRef

    # --- polarity concept scheme
    Polarity: URIRef
    Negative: URIRef
    Positive: URIRef

    # --- speech act concept scheme
    SpeechAct: URIRef
    Statement: URIRef
    Confirmation: URIRef
    Denial: URIRef
    Announcement: URIRef
    Promise: URIRef
    Demand: URIRef
    Criticism: URIRef
    Report: URIRef

    # --- how a date was resolved
    dateResolution: URIRef
    dateText: URIRef
    DateResolution: URIRef
    ExplicitDate: URIRef
    PublicationYear: URIRef
    WeekdayYear: URIRef
    AnchoredYear: URIRef
    RelativeDate: URIRef
    GivenDate: URIRef


#: Local names of the event taxonomy: the subclasses of schema:Event that ``model.Event.types`` uses.
EVENT_TYPES: tuple[str, ...] = (
    "StatementEvent", "Mobilization", "Migration", "Protest", "Arrest", "ArmedConflict", "Attack",
    "Election", "Vote", "Sanction", "Meeting", "Agreement", "Resignation", "Appointment",
    "CourtRuling", "Investigation", "NaturalDisaster", "Accident", "Death", "Founding", "Negotiation",
)  # fmt: skip

#: Prefixes bound on every graph kgbuild writes (sorted, so serialisations are stable).
PREFIXES: tuple[tuple[str, Namespace], ...] = (
    ("kg", Namespace(str(KG._NS))),
    ("nif", NIF),
    ("owl", Namespace(str(OWL))),
    ("prov", Namespace(str(PROV))),
    ("rdf", Namespace(str(RDF))),
    ("rdfs", Namespace(str(RDFS))),
    ("schema", SCHEMA),
    ("skos", Namespace(str(SKOS))),
    ("wd", WD),
    ("xsd", Namespace(str(XSD))),
)
