"""Reading a claims document: YAML -> :class:`~kgbuild.model.Document`, with ``file:line`` in every error."""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn, cast

import pycountry
import yaml

from kgbuild.document.schema import FIELDS, FORMAT_VERSION, RECORD_OF, REFERS_TO, REQUIRED
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
    Referent,
    Span,
    SpeechAct,
)
from kgbuild.quotes import QUOTE_MARKS
from kgbuild.rdf.iris import entity_key, is_absolute_iri, position_key
from kgbuild.rdf.namespaces import EVENT_TYPES

_KEY_RE = re.compile(r"[a-z]+/[A-Za-z0-9._~/-]+")
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_QID_RE = re.compile(r"Q[1-9][0-9]*")
_USER_ASSIGNED_CODES = {"XK"}  # Kosovo: not in ISO 3166-1, but the code everyone uses
# "45.000" is forty-five thousand in German; YAML would read 45.0.
_THOUSANDS_RE = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")


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
        allowed = FIELDS[record]
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
        for name in REQUIRED.get(record, ()):
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
        allowed = REFERS_TO[ref.field]
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
            (reader.mapping(n, f"{name}[{i}]", RECORD_OF[name]), n, f"{name}[{i}]")
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
        claimants = index.resolve_all(reader.refs(f, "claimant", path))
        claims.append(
            Claim(
                key=key,
                claimants=claimants,
                text=reader.string(f["text"], f"{path}.text"),
                span=reader.span(f["sentence"], f"{path}.sentence"),
                speech_act=act,
                cue=reader.string(f["cue"], f"{path}.cue") if "cue" in f else None,
                quote=quote,
                reported_by=index.resolve_all(reader.refs(f, "reported_by", path)),
                stated_on=reader.date(f["stated_on"], f"{path}.stated_on") if "stated_on" in f else None,
                negative=reader.boolean(f["negative"], f"{path}.negative") if "negative" in f else False,
                about=index.resolve_all(reader.refs(f, "about", path)),
                referent=_referent(reader, f["referent"], f"{path}.referent", claimants)
                if "referent" in f else None,
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


def _referent(reader: _Reader, node: yaml.Node, path: str, claimants: tuple[str, ...]) -> Referent:
    """How the first claimant was found: the words that refer to them, the score and the evidence."""
    f = reader.mapping(node, path, "referent")
    if not claimants:
        reader.fail(node, path, "a referent needs a claimant")
    return Referent(
        span=reader.span(f["words"], f"{path}.words"),
        key=claimants[0],
        score=reader.number(f["score"], f"{path}.score"),
        evidence=reader.strings(f["evidence"], f"{path}.evidence"),
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
