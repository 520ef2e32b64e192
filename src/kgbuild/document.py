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
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NoReturn, cast

import pycountry
import yaml

from kgbuild.errors import DocumentError
from kgbuild.model import (
    ENTITY_KINDS,
    Article,
    Claim,
    DateResolution,
    DateValue,
    Document,
    Entity,
    EntityKind,
    Event,
    Position,
    Quantity,
    Span,
    SpeechAct,
)
from kgbuild.quotes import QUOTE_MARKS
from kgbuild.rdf.iris import entity_key, is_absolute_iri, position_key
from kgbuild.rdf.namespaces import EVENT_TYPES

__all__ = ["FORMAT_VERSION", "dump_document", "load_document", "read_document_text"]

FORMAT_VERSION = 1

# ------------------------------------------------------------------ the schema
# Every record's fields; anything else is an error (a typo must not pass silently).
# The reading functions below check each field's type as they convert it.
_FIELDS: dict[str, tuple[str, ...]] = {
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
        "negative", "about",
    ),
    "date": ("value", "resolution", "text"),
    "span": ("text", "offsets", "occurrence", "within"),
}  # fmt: skip
_REQUIRED: dict[str, tuple[str, ...]] = {
    "document": ("article",),
    "entity": ("name", "kind"),
    "position": ("title",),
    "event": ("type", "name", "sentence"),
    "claim": ("claimant", "text", "sentence"),
    "date": ("value",),
}
# What each reference may point to ("position", "event", "claim" besides the entity kinds).
_ANY_ENTITY = ENTITY_KINDS
_REFERS_TO: dict[str, tuple[str, ...]] = {
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
_RECORD_OF = {"entities": "entity", "positions": "position", "events": "event", "claims": "claim"}
_KEY_RE = re.compile(r"[a-z]+/[A-Za-z0-9._~/-]+")
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_QID_RE = re.compile(r"Q[1-9][0-9]*")
_USER_ASSIGNED_CODES = {"XK"}  # Kosovo: not in ISO 3166-1, but the code everyone uses
# "90.000" is ninety thousand in German; YAML would read 90.0.
_THOUSANDS_RE = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")


# ------------------------------------------------------------------ reading
@dataclass(frozen=True)
class _Ref:
    """A reference as written, kept with its node until every key is known."""

    text: str
    node: yaml.Node
    path: str
    field: str


class _Reader:
    """Turns the composed YAML node tree into model objects, with file:line in every error."""

    def __init__(self, source: str, base_dir: Path) -> None:
        self.source = source
        self.base_dir = base_dir
        self.text = ""
        self.article_authors: list[_Ref] = []

    # ---------------------------------------------------------------- errors
    def fail(self, node: yaml.Node | None, path: str, message: str) -> NoReturn:
        line = f"{node.start_mark.line + 1}:" if node is not None else ""
        where = f" {path}:" if path else ""
        raise DocumentError(f"{self.source}:{line}{where} {message}")

    # ----------------------------------------------------------------- types
    def mapping(self, node: yaml.Node, path: str, record: str) -> dict[str, yaml.Node]:
        """A mapping's fields by name; unknown, duplicate and missing required fields are errors."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, path, f"expected a mapping of {record} fields, got {_describe(node)}")
        allowed = _FIELDS[record]
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            field_path = f"{path}.{key}" if path else str(key)
            if not isinstance(key, str) or key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1)
                extra = f"; did you mean '{hint[0]}'?" if hint else f"; allowed: {', '.join(allowed)}"
                self.fail(key_node, field_path, f"unknown field{extra}")
            if key in out:
                self.fail(key_node, field_path, "field given twice")
            if _is_null(value_node):
                continue  # "field:" or "field: null" is the same as leaving it out
            out[key] = value_node
        for name in _REQUIRED.get(record, ()):
            if name not in out:
                self.fail(node, f"{path}.{name}" if path else name, f"missing (a {record} needs '{name}')")
        return out

    def sequence(self, node: yaml.Node, path: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, path, f"expected a list, got {_describe(node)}")
        return list(node.value)

    def one_or_many(self, node: yaml.Node, path: str) -> list[tuple[yaml.Node, str]]:
        """A scalar or a list of them (``agent: X`` or ``agent: [X, Y]``), with each item's path."""
        if isinstance(node, yaml.SequenceNode):
            return [(n, f"{path}[{i}]") for i, n in enumerate(node.value)]
        return [(node, path)]

    def string(self, node: yaml.Node, path: str, *, blank_ok: bool = False) -> str:
        # The scalar as written, whatever YAML would make of it: "No" stays "No", 2011-11-06 a string.
        if not isinstance(node, yaml.ScalarNode) or _is_null(node):
            self.fail(node, path, f"expected text, got {_describe(node)}")
        value = str(node.value)
        if not blank_ok and not value.strip():
            self.fail(node, path, "must not be empty")
        return value

    def strings(self, node: yaml.Node, path: str) -> tuple[str, ...]:
        return tuple(self.string(n, p) for n, p in self.one_or_many(node, path))

    def integer(self, node: yaml.Node, path: str) -> int:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int"):
            self.fail(node, path, f"expected a whole number, got {_describe(node)}")
        return int(str(node.value).replace("_", ""))

    def number(self, node: yaml.Node, path: str) -> float:
        ok = isinstance(node, yaml.ScalarNode) and node.tag in (
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
        )
        if not ok:
            self.fail(node, path, f"expected a number, got {_describe(node)}")
        raw = str(node.value)
        if getattr(node, "style", None) is None and _THOUSANDS_RE.fullmatch(raw):
            self.fail(
                node,
                path,
                f"'{raw}' reads as a decimal fraction; write {raw.replace('.', '')} without thousands separators",
            )
        try:
            return float(raw.replace("_", ""))
        except ValueError:
            self.fail(node, path, f"'{raw}' is not a number")

    def boolean(self, node: yaml.Node, path: str) -> bool:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool"):
            self.fail(node, path, f"expected true or false, got {_describe(node)}")
        return str(node.value).lower() in ("true", "yes", "on", "y")

    def choice(self, node: yaml.Node, path: str, options: Sequence[str]) -> str:
        value = self.string(node, path)
        for option in options:
            if value.casefold() == option.casefold():
                return option
        self.fail(node, path, f"'{value}' is not one of {', '.join(options)}")

    def date(self, node: yaml.Node, path: str) -> DateValue:
        if isinstance(node, yaml.MappingNode):
            fields = self.mapping(node, path, "date")
            value_node = fields["value"]
            value = self.date_string(value_node, f"{path}.value")
            resolution = DateResolution.EXPLICIT
            if "resolution" in fields:
                name = self.choice(fields["resolution"], f"{path}.resolution", [r.value for r in DateResolution])
                resolution = DateResolution(name)
            text = self.string(fields["text"], f"{path}.text") if "text" in fields else None
            return DateValue(value, resolution, text)
        return DateValue(self.date_string(node, path))

    def date_string(self, node: yaml.Node, path: str) -> str:
        value = self.string(node, path)
        m = _DATE_RE.fullmatch(value)
        try:
            if m is None:
                raise ValueError
            year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
            _dt.date(year, month, day)
        except ValueError:
            self.fail(node, path, f"'{value}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
        return value

    # ------------------------------------------------------------------ spans
    def span(self, node: yaml.Node, path: str) -> Span:
        spans = self.spans_of(node, path, allow_all=False)
        return spans[0]

    def spans(self, node: yaml.Node, path: str) -> tuple[Span, ...]:
        out: list[Span] = []
        for i, item in enumerate(self.sequence(node, path)):
            out.extend(self.spans_of(item, f"{path}[{i}]", allow_all=True))
        return tuple(out)

    def spans_of(self, node: yaml.Node, path: str, *, allow_all: bool) -> list[Span]:
        """One span spec: ``"text"``, ``[begin, end]`` or ``{text, offsets | occurrence | within}``.

        ``within`` names a longer passage that holds the text once ("sagte Roth"), the
        comfortable way to point at one of several occurrences; ``occurrence`` then counts
        occurrences of the passage.
        """
        if isinstance(node, yaml.SequenceNode):
            return [self.offsets(node, path, None)]
        if isinstance(node, yaml.ScalarNode):
            return [self.locate(self.string(node, path), node, path, None)]
        fields = self.mapping(node, path, "span")
        # A span's text may be blank (a space between two offsets); only a search needs a needle.
        text = self.string(fields["text"], f"{path}.text", blank_ok=True) if "text" in fields else None
        if "offsets" in fields:
            for other in ("occurrence", "within"):
                if other in fields:
                    self.fail(fields[other], f"{path}.{other}", f"give offsets or {other}, not both")
            return [self.offsets(fields["offsets"], f"{path}.offsets", text)]
        if text is None or not text.strip():
            self.fail(node, path, "a span needs 'text' (with 'occurrence' or 'within' if it recurs) or 'offsets'")
        occ = fields.get("occurrence")
        if occ is not None and allow_all and isinstance(occ, yaml.ScalarNode) and occ.value == "all":
            if "within" in fields:
                self.fail(occ, f"{path}.occurrence", "'all' cannot be combined with 'within'")
            found = self.find_all(text, fields["text"], f"{path}.text")
            return [Span.of(self.text, b, b + len(text)) for b in found]
        n = self.integer(occ, f"{path}.occurrence") if occ is not None else None
        if "within" not in fields:
            return [self.locate(text, occ or fields["text"], f"{path}.occurrence" if occ else f"{path}.text", n)]
        wn = fields["within"]
        passage = self.locate(self.string(wn, f"{path}.within"), occ or wn, f"{path}.within", n)
        inner = [
            b
            for b in self.find_all(text, fields["text"], f"{path}.text")
            if passage.begin <= b and b + len(text) <= passage.end
        ]
        if len(inner) != 1:
            self.fail(
                wn,
                f"{path}.within",
                f"{_clip(passage.text)!r} holds {_clip(text)!r} {len(inner)} times; it must hold it exactly once",
            )
        return [Span.of(self.text, inner[0], inner[0] + len(text))]

    def offsets(self, node: yaml.Node, path: str, expected: str | None) -> Span:
        items = self.sequence(node, path)
        if len(items) != 2:
            self.fail(node, path, f"offsets are [begin, end], got {len(items)} numbers")
        begin, end = (self.integer(n, f"{path}[{i}]") for i, n in enumerate(items))
        if not 0 <= begin <= end <= len(self.text):
            self.fail(node, path, f"[{begin}, {end}] is not within the article (0..{len(self.text)})")
        span = Span.of(self.text, begin, end)
        if expected is not None and span.text != expected:
            self.fail(
                node,
                path,
                f"the article has {span.text!r} at [{begin}, {end}], not {expected!r}"
                " (edited article? drop the offsets to locate the text anew)",
            )
        return span

    def find_all(self, needle: str, node: yaml.Node, path: str) -> list[int]:
        found: list[int] = []
        start = self.text.find(needle)
        while start >= 0:
            found.append(start)
            start = self.text.find(needle, start + 1)
        if not found:
            self.fail(node, path, f"not found in the article: {_clip(needle)!r}{_near_miss(self.text, needle)}")
        return found

    def locate(self, needle: str, node: yaml.Node, path: str, occurrence: int | None) -> Span:
        found = self.find_all(needle, node, path)
        if occurrence is None:
            if len(found) > 1:
                self.fail(
                    node,
                    path,
                    f"{_clip(needle)!r} occurs {len(found)} times in the article; "
                    f"add 'occurrence: N' (1..{len(found)}) or 'offsets'",
                )
            occurrence = 1
        if not 1 <= occurrence <= len(found):
            self.fail(node, path, f"{_clip(needle)!r} occurs {len(found)} times, not {occurrence}")
        b = found[occurrence - 1]
        return Span.of(self.text, b, b + len(needle))

    # ------------------------------------------------------------- the parts
    def article(self, node: yaml.Node) -> Article:
        f = self.mapping(node, "article", "article")
        if ("text" in f) == ("text_file" in f):
            self.fail(node, "article", "give the article as 'text' or as 'text_file', exactly one")
        if "text" in f:
            tn = f["text"]
            if not isinstance(tn, yaml.ScalarNode):
                self.fail(tn, "article.text", f"expected text, got {_describe(tn)}")
            self.text = str(tn.value)
        else:
            rel = self.string(f["text_file"], "article.text_file")
            path = self.base_dir / rel
            try:
                # Bytes, then UTF-8: offsets count the text as read, with no newline translation.
                self.text = path.read_bytes().decode("utf-8")
            except OSError as exc:
                self.fail(f["text_file"], "article.text_file", f"cannot read {path}: {exc.strerror or exc}")
            except UnicodeDecodeError as exc:
                self.fail(f["text_file"], "article.text_file", f"{path} is not UTF-8: {exc.reason}")
        if "content_hash" in f:
            expected = self.string(f["content_hash"], "article.content_hash")
            actual = Article(self.text).content_hash
            if expected != actual:
                self.fail(
                    f["content_hash"],
                    "article.content_hash",
                    f"the article text has hash {actual}, not {expected}: it changed since this "
                    "document was written; check the spans, then update or remove content_hash",
                )
        opt = {k: self.string(f[k], f"article.{k}") for k in ("headline", "language", "source", "url") if k in f}
        self.article_authors = self.refs(f, "authors", "article")
        if "url" in opt and not is_absolute_iri(opt["url"]):
            self.fail(f["url"], "article.url", f"'{opt['url']}' is not an absolute URL (no spaces, <, >, \")")
        return Article(
            text=self.text,
            headline=opt.get("headline"),
            headline_span=self.span(f["headline_span"], "article.headline_span") if "headline_span" in f else None,
            published=self.date(f["published"], "article.published") if "published" in f else None,
            language=opt.get("language", "de"),
            source=opt.get("source"),
            url=opt.get("url"),
        )

    def refs(self, f: Mapping[str, yaml.Node], name: str, path: str) -> list[_Ref]:
        if name not in f:
            return []
        return [_Ref(self.string(n, p), n, p, name) for n, p in self.one_or_many(f[name], f"{path}.{name}")]


class _Index:
    """Keys and names of everything a reference can point to, with the kind of each."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.kind: dict[str, str] = {}  # key -> entity kind, "position", "event" or "claim"
        self.node: dict[str, yaml.Node] = {}
        self.by_name: dict[str, list[str]] = {}

    def add(self, key: str, kind: str, names: Iterable[str], node: yaml.Node, path: str) -> None:
        if key in self.kind:
            line = self.node[key].start_mark.line + 1
            self.reader.fail(
                node, f"{path}.key", f"key '{key}' is already used (line {line}); give this one its own 'key'"
            )
        self.kind[key] = kind
        self.node[key] = node
        for name in dict.fromkeys(names):
            self.by_name.setdefault(name, []).append(key)

    def resolve(self, ref: _Ref) -> str:
        allowed = _REFERS_TO[ref.field]
        keys = self.candidates(ref.text)
        fitting = sorted({k for k in keys if self.kind[k] in allowed})
        if not fitting:
            # Last resort, as people write: "Roth" for "Eva Roth" (the name's last words).
            keys = keys or self.by_last_words(ref.text)
            fitting = sorted({k for k in keys if self.kind[k] in allowed})
        if len(fitting) == 1:
            return fitting[0]
        if len(fitting) > 1:
            self.reader.fail(
                ref.node, ref.path, f"'{ref.text}' is ambiguous: it names {', '.join(fitting)}; use the key"
            )
        if keys:
            k = keys[0]
            self.reader.fail(
                ref.node,
                ref.path,
                f"'{ref.text}' is a {self.kind[k]} ({k}); {ref.field} must be a {' or '.join(allowed)}",
            )
        what = "entity" if set(allowed) & set(ENTITY_KINDS) else "object"
        hint = difflib.get_close_matches(ref.text, [*self.by_name, *self.kind], n=1, cutoff=0.7)
        self.reader.fail(
            ref.node,
            ref.path,
            f"unknown {what} '{ref.text}'" + (f"; did you mean '{hint[0]}'?" if hint else ""),
        )

    def candidates(self, text: str) -> list[str]:
        """Keys a reference names: a key itself, else a name as written, else a name in any case."""
        if text in self.kind:
            return [text]
        exact = self.by_name.get(text)
        if exact:
            return list(exact)
        folded = text.casefold()
        return [k for n, ks in self.by_name.items() if n.casefold() == folded for k in ks]

    def by_last_words(self, text: str) -> list[str]:
        words = text.casefold().split()
        if not words:
            return []
        return [
            k
            for n, ks in self.by_name.items()
            if len(n.split()) > len(words) and n.casefold().split()[-len(words) :] == words
            for k in ks
        ]

    def resolve_all(self, refs: Iterable[_Ref]) -> tuple[str, ...]:
        return tuple(self.resolve(r) for r in refs)


def _parse(text: str, source: str, base_dir: Path) -> Document:
    reader = _Reader(source, base_dir)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"{mark.line + 1}:" if mark is not None else ""
        raise DocumentError(f"{source}:{line} not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise DocumentError(f"{source}: not valid YAML: {exc}") from None
    if root is None:
        raise DocumentError(f"{source}: the document is empty")
    top = reader.mapping(root, "", "document")
    if "version" in top and reader.integer(top["version"], "version") != FORMAT_VERSION:
        reader.fail(top["version"], "version", f"this kgbuild reads version {FORMAT_VERSION}")
    article = reader.article(top["article"])
    index = _Index(reader)

    def items(name: str) -> list[tuple[dict[str, yaml.Node], yaml.Node, str]]:
        if name not in top:
            return []
        return [
            (reader.mapping(n, f"{name}[{i}]", _RECORD_OF[name]), n, f"{name}[{i}]")
            for i, n in enumerate(reader.sequence(top[name], name))
        ]

    # Entities first: everything else refers to them.
    entities: list[tuple[Entity, _Ref | None]] = []
    for f, node, path in items("entities"):
        kind = cast(EntityKind, reader.choice(f["kind"], f"{path}.kind", ENTITY_KINDS))
        name = reader.string(f["name"], f"{path}.name")
        code = None
        if "country_code" in f:
            code = reader.string(f["country_code"], f"{path}.country_code")
            _check_country_code(reader, f["country_code"], f"{path}.country_code", code, kind)
        wikidata = reader.string(f["wikidata"], f"{path}.wikidata") if "wikidata" in f else None
        if wikidata is not None and not _QID_RE.fullmatch(wikidata):
            reader.fail(f["wikidata"], f"{path}.wikidata", f"'{wikidata}' is not a Wikidata item id like Q41")
        key = entity_key(kind, name, country_code=code)
        if "key" in f:
            key = _check_key(reader, f["key"], f"{path}.key", f"{kind}/")
        alternates = reader.strings(f["alternate_names"], f"{path}.alternate_names") if "alternate_names" in f else ()
        mentions = reader.spans(f["mentions"], f"{path}.mentions") if "mentions" in f else ()
        contained = reader.refs(f, "contained_in", path)
        if len(contained) > 1:
            reader.fail(f["contained_in"], f"{path}.contained_in", "give one place or country, not a list")
        index.add(key, kind, [name, *alternates], node, path)
        entities.append(
            (
                Entity(key, kind, name, alternates, code, wikidata, None, mentions),
                contained[0] if contained else None,
            )
        )
    resolved_entities = tuple(e if ref is None else replace(e, contained_in=index.resolve(ref)) for e, ref in entities)

    positions: list[Position] = []
    for f, node, path in items("positions"):
        title = reader.string(f["title"], f"{path}.title")
        of = _single(reader, f, "of", path, index)
        holder = _single(reader, f, "holder", path, index)
        key = (
            _check_key(reader, f["key"], f"{path}.key", "position/") if "key" in f else position_key(title, of, holder)
        )
        mentions = reader.spans(f["mentions"], f"{path}.mentions") if "mentions" in f else ()
        index.add(key, "position", [title], node, path)
        positions.append(Position(key, title, of, holder, mentions))

    # Events and claims get their keys before any reference is resolved, so a claim
    # may be about an event or claim that comes later in the file.
    event_fields = items("events")
    claim_fields = items("claims")
    event_keys: list[str] = []
    claim_keys: list[str] = []
    for group, fields_list, keys in (
        ("event", event_fields, event_keys),
        ("claim", claim_fields, claim_keys),
    ):
        for n, (f, node, path) in enumerate(fields_list, start=1):
            key = _check_key(reader, f["key"], f"{path}.key", f"{group}/") if "key" in f else f"{group}/{n}"
            names = [reader.string(f["name"], f"{path}.name")] if group == "event" else []
            index.add(key, group, names, node, path)
            keys.append(key)

    events: list[Event] = []
    for key, (f, _node, path) in zip(event_keys, event_fields, strict=True):
        types = tuple(reader.choice(n, p, EVENT_TYPES) for n, p in reader.one_or_many(f["type"], f"{path}.type"))
        quantities = (
            tuple(
                _quantity(reader, n, f"{path}.quantities[{i}]")
                for i, n in enumerate(reader.sequence(f["quantities"], f"{path}.quantities"))
            )
            if "quantities" in f
            else ()
        )
        events.append(
            Event(
                key=key,
                types=types,
                name=reader.string(f["name"], f"{path}.name"),
                span=reader.span(f["sentence"], f"{path}.sentence"),
                start=reader.date(f["start"], f"{path}.start") if "start" in f else None,
                end=reader.date(f["end"], f"{path}.end") if "end" in f else None,
                locations=index.resolve_all(reader.refs(f, "location", path)),
                agents=index.resolve_all(reader.refs(f, "agent", path)),
                participants=index.resolve_all(reader.refs(f, "participant", path)),
                quantities=quantities,
            )
        )

    claims: list[Claim] = []
    for key, (f, _node, path) in zip(claim_keys, claim_fields, strict=True):
        quote = reader.string(f["quote"], f"{path}.quote") if "quote" in f else None
        act = SpeechAct.STATEMENT
        if "speech_act" in f:
            act = SpeechAct(reader.choice(f["speech_act"], f"{path}.speech_act", [s.value for s in SpeechAct]))
        claims.append(
            Claim(
                key=key,
                claimants=index.resolve_all(reader.refs(f, "claimant", path)),
                text=reader.string(f["text"], f"{path}.text"),
                span=reader.span(f["sentence"], f"{path}.sentence"),
                speech_act=act,
                cue=reader.string(f["cue"], f"{path}.cue") if "cue" in f else None,
                quote=quote,
                reported_by=index.resolve_all(reader.refs(f, "reported_by", path)),
                stated_on=reader.date(f["stated_on"], f"{path}.stated_on") if "stated_on" in f else None,
                negative=reader.boolean(f["negative"], f"{path}.negative") if "negative" in f else False,
                about=index.resolve_all(reader.refs(f, "about", path)),
            )
        )

    authors = index.resolve_all(reader.article_authors)
    notes = reader.strings(top["notes"], "notes") if "notes" in top else ()
    return Document(
        article=replace(article, authors=authors),
        entities=resolved_entities,
        positions=tuple(positions),
        events=tuple(events),
        claims=tuple(claims),
        notes=notes,
    )


def _single(reader: _Reader, f: Mapping[str, yaml.Node], name: str, path: str, index: _Index) -> str | None:
    refs = reader.refs(f, name, path)
    if len(refs) > 1:
        reader.fail(f[name], f"{path}.{name}", "give one, not a list")
    return index.resolve(refs[0]) if refs else None


def _check_key(reader: _Reader, node: yaml.Node, path: str, prefix: str) -> str:
    key = reader.string(node, path)
    if not key.startswith(prefix) or not _KEY_RE.fullmatch(key):
        reader.fail(node, path, f"'{key}' is not a key like '{prefix}name' (letters, digits, . _ ~ - /)")
    return key


def _check_country_code(reader: _Reader, node: yaml.Node, path: str, code: str, kind: str) -> None:
    if kind != "country":
        reader.fail(node, path, f"only a country has a country code, not a {kind}")
    if code != code.upper():
        reader.fail(node, path, f"write country codes in capitals: '{code.upper()}'")
    if code not in _USER_ASSIGNED_CODES and pycountry.countries.get(alpha_2=code) is None:
        reader.fail(node, path, f"'{code}' is not an ISO 3166-1 alpha-2 code")


def _quantity(reader: _Reader, node: yaml.Node, path: str) -> Quantity:
    f = reader.mapping(node, path, "quantity")
    nums = {k: reader.number(f[k], f"{path}.{k}") for k in ("value", "min", "max") if k in f}
    if not nums:
        reader.fail(node, path, "a quantity needs a value, min or max")
    return Quantity(
        value=nums.get("value"),
        min_value=nums.get("min"),
        max_value=nums.get("max"),
        unit=reader.string(f["unit"], f"{path}.unit") if "unit" in f else None,
        text=reader.string(f["text"], f"{path}.text") if "text" in f else None,
        approximate=reader.boolean(f["approximate"], f"{path}.approximate") if "approximate" in f else False,
    )


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if _is_null(node):
        return "nothing"
    return f"'{_clip(str(node.value))}'"


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


_LOOSE = str.maketrans({c: '"' for c in QUOTE_MARKS} | {c: "-" for c in "‐‑‒–—−"})


def _near_miss(text: str, needle: str) -> str:
    """A hint when the needle is in the text up to quote marks, dashes, spacing or case."""

    def loose(s: str) -> tuple[str, list[int]]:
        out: list[str] = []
        where: list[int] = []  # for each loose character, the index of the original one
        for i, ch in enumerate(s):
            for c in ch.translate(_LOOSE).casefold():
                if c.isspace():
                    if out and out[-1] == " ":
                        continue
                    c = " "
                out.append(c)
                where.append(i)
        return "".join(out), where

    hay, where = loose(text)
    pin, _ = loose(needle)
    at = hay.find(pin.strip())
    if at < 0 or not pin.strip():
        return ""
    begin = where[at]
    end = where[min(at + len(pin.strip()), len(where)) - 1] + 1
    return (
        f"; the article has {text[begin:end]!r} at [{begin}, {end}], which differs only in quote marks, "
        "dashes, spacing or case"
    )


def read_document_text(text: str, *, source: str, base_dir: Path | None = None) -> Document:
    """Read a claims document from a string.

    Args:
        text: the YAML.
        source: the name to give in error messages (usually the file's path).
        base_dir: the folder a ``text_file:`` is relative to (default: the folder of ``source``).

    Returns:
        The document.

    Raises:
        DocumentError: the YAML is malformed or breaks the schema; the message reads
            ``source:line: field: message``.
    """
    return _parse(text, source, base_dir if base_dir is not None else Path(source).parent)


def load_document(path: str | Path) -> Document:
    """Read the claims document at ``path`` (its ``text_file:`` is relative to its folder).

    Raises:
        DocumentError: the file cannot be read, or its content is malformed (see
            :func:`read_document_text`).
    """
    p = Path(path)
    try:
        raw = p.read_bytes().decode("utf-8")
    except OSError as exc:
        raise DocumentError(f"{p}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{p}: not UTF-8: {exc.reason}") from None
    return read_document_text(raw, source=str(p), base_dir=p.parent)


# ------------------------------------------------------------------ writing
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
