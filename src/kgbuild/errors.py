"""The exceptions kgbuild raises; the CLI turns each into one line and an exit code."""

from __future__ import annotations


class KgbuildError(Exception):
    """Base class of every error kgbuild reports to a user (exit code 2 unless stated)."""

    exit_code = 2


class InputError(KgbuildError):
    """An input file is missing, unreadable, of the wrong kind, or malformed."""


class DocumentError(InputError):
    """A claims document breaks its schema; the message names file, line and field."""


class QueryError(InputError):
    """A SPARQL query is malformed or not allowed (an update without --allow-update)."""


class OutputError(KgbuildError):
    """An output cannot be written (missing folder, would overwrite the input)."""


class ValidationFailed(KgbuildError):
    """A graph does not conform to the shapes (exit code 1)."""

    exit_code = 1
