"""The claims document: a YAML file that carries one :class:`~kgbuild.model.Document`.

Extraction writes it, a person reads and corrects it, ``kgbuild build`` turns it into
a graph. It is meant to be written by hand as well, so it is forgiving where that is
safe and strict where a slip would pass unnoticed:

- entities, positions and events are referred to by key *or by name*: a name or
  alternate name as written, in any case, or the last words of one ("Roth" for
  "Eva Roth") when that is unambiguous;
- keys may be left out: entities get ``<kind>/<slug of name>``, positions a key from
  their content, events and claims ``event/<n>`` and ``claim/<n>`` in order;
- a span (a mention, a claim's or event's sentence) is given as the text itself, which
  is looked up in the article and must occur once, as ``[begin, end]``, or as a mapping
  with ``text`` and one of ``occurrence`` (1, 2, …; ``all`` in a list of mentions),
  ``within`` (a longer passage that holds the text once: ``{text: Roth, within: sagte
  Roth}``) or ``offsets`` (checked against the text);
- an unknown field, a misspelt speech act, a date that is not ``YYYY[-MM[-DD]]``, a name
  that matches nothing or more than one thing, a sentence that is not in the article:
  each is a :class:`~kgbuild.errors.DocumentError` reading ``file:line: field: message``.

A short example (the article text may also stand inline as ``text: |``)::

    version: 1
    article:
      text_file: radweg.txt
      headline: Stadtrat beschließt den neuen Radweg am Fluss
      published: 2021-03-02
    entities:
      - {name: Eva Roth, kind: person, alternate_names: [Roth]}
      - {name: Österreich, kind: country, country_code: AT, wikidata: Q40}
    claims:
      - claimant: Roth
        cue: sagte
        text: Der Radweg werde noch in diesem Jahr fertig
        sentence: Der Radweg werde noch in diesem Jahr fertig, sagte Roth.

:func:`dump_document` writes every span with its text *and* offsets, and every
reference by name where the name is unambiguous, so ``load(dump(doc)) == doc``.

The format is :mod:`~kgbuild.document.schema`; reading is :mod:`~kgbuild.document.read`,
writing :mod:`~kgbuild.document.write`.
"""

from __future__ import annotations

from kgbuild.document.read import load_document, read_document_text
from kgbuild.document.schema import FORMAT_VERSION
from kgbuild.document.write import dump_document

__all__ = ["FORMAT_VERSION", "dump_document", "load_document", "read_document_text"]
