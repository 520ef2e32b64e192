"""Why the fast engine hands a validation to pySHACL."""

from __future__ import annotations

__all__ = ["NeedsPyshacl", "Unsupported"]


class Unsupported(Exception):
    """The shapes graph uses something the engine does not compile; use pySHACL for it.

    Raised while compiling, so a shapes graph is either compiled completely or not at all:
    no constraint is ever skipped silently.
    """


class NeedsPyshacl(Exception):
    """This data graph hits a case that pySHACL handles by raising or by its own quirks.

    Raised while validating (a ``sh:lessThan`` on a blank node, a comparison that raises, an
    unexpected error in a SPARQL expression); the caller reruns the validation with pySHACL,
    which then gives exactly its own outcome, error included.
    """
