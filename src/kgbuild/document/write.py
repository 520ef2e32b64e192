"""Writing a claims document: :class:`~kgbuild.model.Document` -> YAML that reads back as the same document."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from kgbuild.document.schema import FORMAT_VERSION
from kgbuild.model import (
    Claim,
    DateResolution,
    DateValue,
    Document,
    Entity,
    Event,
    Position,
    Quantity,
    Span,
)
from kgbuild.rdf.iris import entity_key, position_key


class _Flow(list[Any]):
    """A list written on one line: ``[12, 20]``."""


class _FlowMap(dict[str, Any]):
    """A mapping written on one line: ``{text: Roth, offsets: [12, 16]}``."""


class _Literal(str):
    """A multi-line string written as a ``|`` block, as it stands in the article."""


class _Date(str):
    """A date written unquoted (``2011-11-06``), as a person writes it; the reader takes it as text."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key: easier to read and to edit by hand.
        super().increase_indent(flow, False)


# Line breaks other than "\n" survive only as escapes in a double-quoted scalar: PyYAML
# writes them raw in other styles, and a reader turns them into "\n" or a space.
_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = '"' if _ODD_BREAKS.search(data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style=style)


def _represent_literal(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = '"' if _ODD_BREAKS.search(data) else "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style=style)


_Dumper.add_representer(str, _represent_str)


_Dumper.add_representer(_Flow, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))
_Dumper.add_representer(
    _FlowMap, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)
)
_Dumper.add_representer(_Literal, _represent_literal)


def _represent_date(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    # Tag it as YAML would read it bare (timestamp, int or str), so the emitter needs no quotes.
    tag = dumper.resolve(yaml.ScalarNode, str(data), (True, False))
    return dumper.represent_scalar(tag, str(data))


_Dumper.add_representer(_Date, _represent_date)

_HEADER = """\
# kgbuild claims document (format {version}): one article and what it says, editable by hand.
# Refer to entities, positions and events by key or by name. A span is the text itself
# (looked up in the article), [begin, end], or {{text: ..., offsets: [begin, end]}},
# {{text: ..., occurrence: N}} or {{text: ..., within: <a longer passage that holds it once>}};
# offsets count Unicode code points, end exclusive. Unknown fields are errors.
"""


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        names: dict[str, set[str]] = {}
        keys: set[str] = set()
        for e in doc.entities:
            keys.add(e.key)
            for n in (e.name, *e.alternate_names):
                names.setdefault(n, set()).add(e.key)
        for p in doc.positions:
            keys.add(p.key)
            names.setdefault(p.title, set()).add(p.key)
        for ev in doc.events:
            keys.add(ev.key)
            names.setdefault(ev.name, set()).add(ev.key)
        keys.update(c.key for c in doc.claims)
        self.label: dict[str, str] = {}
        named: list[tuple[str, str]] = [(e.key, e.name) for e in doc.entities]
        named += [(p.key, p.title) for p in doc.positions] + [(ev.key, ev.name) for ev in doc.events]
        for key, name in named:
            # A name stands for the key only if it reads back as exactly that key.
            unique = (
                names.get(name) == {key}
                and name not in keys
                and not any(n != name and n.casefold() == name.casefold() for n in names)
            )
            self.label[key] = name if unique else key

    def ref(self, key: str) -> str:
        return self.label.get(key, key)

    def refs(self, keys: Sequence[str]) -> str | list[str]:
        labels = [self.ref(k) for k in keys]
        return labels[0] if len(labels) == 1 else _Flow(labels)

    @staticmethod
    def span(span: Span) -> dict[str, Any]:
        return {"text": span.text, "offsets": _Flow([span.begin, span.end])}

    @staticmethod
    def mentions(spans: Sequence[Span]) -> list[Any]:
        return [_FlowMap(text=s.text, offsets=_Flow([s.begin, s.end])) for s in spans]

    @staticmethod
    def date(date: DateValue) -> str | dict[str, Any]:
        if date.resolution is DateResolution.EXPLICIT and date.text is None:
            return _Date(date.value)
        out: dict[str, Any] = {"value": _Date(date.value), "resolution": date.resolution.value}
        if date.text is not None:
            out["text"] = date.text
        return _FlowMap(out)

    def article(self, text_file: str | None) -> dict[str, Any]:
        a = self.doc.article
        out: dict[str, Any] = {}
        _put(out, "source", a.source)
        _put(out, "url", a.url)
        _put(out, "headline", a.headline)
        if a.headline_span is not None:
            out["headline_span"] = self.span(a.headline_span)
        if a.authors:
            out["authors"] = self.refs(a.authors)
        if a.published is not None:
            out["published"] = self.date(a.published)
        out["language"] = a.language
        out["content_hash"] = a.content_hash
        if text_file is not None:
            out["text_file"] = text_file
        else:
            out["text"] = _Literal(a.text) if "\n" in a.text else a.text
        return out

    def entity(self, e: Entity) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if e.key != _derived_entity_key(e):
            out["key"] = e.key
        out["name"] = e.name
        out["kind"] = e.kind
        if e.alternate_names:
            out["alternate_names"] = _Flow(e.alternate_names)
        _put(out, "country_code", e.country_code)
        _put(out, "wikidata", e.wikidata)
        if e.contained_in is not None:
            out["contained_in"] = self.ref(e.contained_in)
        if e.mentions:
            out["mentions"] = self.mentions(e.mentions)
        return out

    def position(self, p: Position) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if p.key != position_key(p.title, p.of, p.holder):
            out["key"] = p.key
        out["title"] = p.title
        if p.of is not None:
            out["of"] = self.ref(p.of)
        if p.holder is not None:
            out["holder"] = self.ref(p.holder)
        if p.mentions:
            out["mentions"] = self.mentions(p.mentions)
        return out

    def event(self, n: int, e: Event) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if e.key != f"event/{n}":
            out["key"] = e.key
        out["type"] = e.types[0] if len(e.types) == 1 else _Flow(e.types)
        out["name"] = e.name
        if e.start is not None:
            out["start"] = self.date(e.start)
        if e.end is not None:
            out["end"] = self.date(e.end)
        for name, keys in (("location", e.locations), ("agent", e.agents), ("participant", e.participants)):
            if keys:
                out[name] = self.refs(keys)
        if e.quantities:
            out["quantities"] = [_quantity_dict(q) for q in e.quantities]
        out["sentence"] = self.span(e.span)
        return out

    def claim(self, n: int, c: Claim) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if c.key != f"claim/{n}":
            out["key"] = c.key
        out["claimant"] = self.refs(c.claimants)
        _put(out, "cue", c.cue)
        out["speech_act"] = c.speech_act.value
        if c.negative:
            out["negative"] = True
        if c.reported_by:
            out["reported_by"] = self.refs(c.reported_by)
        if c.stated_on is not None:
            out["stated_on"] = self.date(c.stated_on)
        if c.about:
            out["about"] = self.refs(c.about)
        _put(out, "quote", c.quote)
        out["text"] = c.text
        out["sentence"] = self.span(c.span)
        if c.referent is not None:  # why the speaker is who a pronoun or description refers to
            r = c.referent
            out["referent"] = {"words": self.span(r.span), "score": r.score, "evidence": _Flow(list(r.evidence))}
        return out


def _put(out: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        out[key] = value


def _derived_entity_key(e: Entity) -> str | None:
    try:
        return entity_key(e.kind, e.name, country_code=e.country_code)
    except ValueError:
        return None


def _quantity_dict(q: Quantity) -> dict[str, Any]:
    def num(v: float) -> int | float:
        return int(v) if float(v).is_integer() else float(v)

    out: dict[str, Any] = {}
    for name, value in (("value", q.value), ("min", q.min_value), ("max", q.max_value)):
        if value is not None:
            out[name] = num(value)
    _put(out, "unit", q.unit)
    _put(out, "text", q.text)
    if q.approximate:
        out["approximate"] = True
    return _FlowMap(out)


def dump_document(doc: Document, *, text_file: str | None = None) -> str:
    """The claims document of ``doc`` as YAML, so that reading it back gives ``doc`` again.

    Spans are written with their text and offsets, references by name where the name is
    unambiguous, keys only where they differ from the ones the reader would derive.

    Args:
        doc: the document.
        text_file: write ``text_file: <this>`` instead of the article text inline; the
            caller keeps the article there (a ``content_hash`` guards against edits).

    Returns:
        The YAML text, with a short comment on the format at its top.
    """
    w = _Writer(doc)
    data: dict[str, Any] = {"version": FORMAT_VERSION, "article": w.article(text_file)}
    parts: list[tuple[str, list[Any]]] = [
        ("entities", [w.entity(e) for e in doc.entities]),
        ("positions", [w.position(p) for p in doc.positions]),
        ("events", [w.event(n, e) for n, e in enumerate(doc.events, start=1)]),
        ("claims", [w.claim(n, c) for n, c in enumerate(doc.claims, start=1)]),
        ("notes", list(doc.notes)),
    ]
    for name, items in parts:
        if items:
            data[name] = items
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    return _HEADER.format(version=FORMAT_VERSION) + _blank_lines(body)


def _blank_lines(body: str) -> str:
    """A blank line before each top-level section and each item of a section, for the eye."""
    out: list[str] = []
    for line in body.splitlines(keepends=True):
        # ... but not between a section's name and its first item, nor between one-line items.
        item = line.startswith("  - ") and not line.startswith("  - {")
        if out and (re.match(r"[a-z]", line) or item and not out[-1][:1].isalpha()):
            out.append("\n")
        out.append(line)
    spaced = "".join(out)
    # A block scalar that keeps its trailing newlines ("|+") would swallow a blank line:
    # keep the spacing only where it provably changes nothing.
    return spaced if yaml.safe_load(spaced) == yaml.safe_load(body) else body
