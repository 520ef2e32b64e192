"""Read articles and graphs from files, and write outputs so a failed run breaks nothing.

Every problem with a file a user named becomes an :class:`~kgbuild.errors.InputError`
or :class:`~kgbuild.errors.OutputError` whose message names the file (and the line,
when the parser tells it), so the command line can print it as one line.

Outputs are written to a temporary file in the target folder and renamed into place
(:func:`os.replace` is atomic within one file system): an interrupted or failed run
leaves an earlier output whole, never half-written.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import xml.sax
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from rdflib import Dataset, Graph

from kgbuild.errors import InputError, OutputError

RdfFormat = Literal["turtle", "nt", "nquads", "trig", "json-ld", "xml", "n3"]

#: rdflib parser names by file extension (lower case, without the dot).
RDF_EXTENSIONS: dict[str, RdfFormat] = {
    "ttl": "turtle",
    "turtle": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "nq": "nquads",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "json": "json-ld",
    "rdf": "xml",
    "xml": "xml",
    "owl": "xml",
    "n3": "n3",
}
_QUAD_FORMATS = frozenset({"nquads", "trig"})


def read_bytes(path: Path, *, what: str = "file") -> bytes:
    """The content of ``path``; a missing, unreadable or folder path is an InputError.

    Args:
        path: the file to read.
        what: what the file should be, for the message ("article", "graph").

    Returns:
        The file's bytes.
    """
    from kgbuild.sniff import check_url

    check_url(str(path))
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None


def read_article(path: Path) -> str:
    """The text of an article file, exactly as written.

    The bytes are decoded as UTF-8 and nothing else is done: no newline translation,
    no Unicode normalisation, and a byte order mark, if any, stays in the text as
    U+FEFF. Evidence offsets (``nif:beginIndex``) count code points of this string,
    so anyone who decodes the same file as UTF-8 finds the same spans.

    Args:
        path: a UTF-8 text file.

    Returns:
        The decoded text.

    Raises:
        InputError: the file is missing or unreadable, binary (has NUL bytes), not
            valid UTF-8, empty or only whitespace.
    """
    data = read_bytes(path, what="article")
    if b"\x00" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes), not an article text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(f"{path}:{line}: not valid UTF-8 (byte {e.start}: {e.reason})") from None
    if not text.lstrip("\ufeff").strip():
        raise InputError(f"{path}: article is empty")
    return text


def rdf_format(path: Path) -> RdfFormat:
    """The RDF syntax of ``path``, told by its extension.

    >>> rdf_format(Path("graph.ttl")), rdf_format(Path("all.NQ"))
    ('turtle', 'nquads')
    """
    ext = Path(path).suffix.lower().lstrip(".")
    if ext in ("yaml", "yml"):
        raise InputError(f"{path}: is a claims document, not a graph: build it first "
                         f"(kgbuild build {path} -o {Path(path).with_suffix('.ttl')})")
    if ext in ("txt", "text", "md", "html", "htm", ""):
        raise InputError(f"{path}: is an article, not a graph: build it first "
                         f"(kgbuild build {path} -o {Path(path).with_suffix('.ttl')})")
    try:
        return RDF_EXTENSIONS[ext]
    except KeyError:
        known = ", ".join(f".{e}" for e in RDF_EXTENSIONS)
        raise InputError(f"{path}: cannot tell the RDF format from the extension (use {known})") from None


def read_graph(path: Path) -> Graph:
    """Parse one RDF file; the format comes from its extension.

    Quads (TriG, N-Quads) are merged into one graph: kgbuild's commands work on the
    union of all named graphs.

    Raises:
        InputError: the file is missing, unreadable, a folder, of an unknown
            extension, or not valid RDF of its format (the message gives the line
            when it is known).
    """
    fmt = rdf_format(path)
    data = read_bytes(path, what="graph file")
    base = Path(path).resolve().as_uri()
    try:
        if fmt in _QUAD_FORMATS:
            ds = Dataset()
            ds.parse(data=data, format=fmt, publicID=base)
            graph = Graph()
            for prefix, ns in ds.namespaces():
                graph.bind(prefix, ns, override=False)
            for s, p, o, _ in ds.quads((None, None, None, None)):
                graph.add((s, p, o))
            return graph
        graph = Graph()
        graph.parse(data=data, format=fmt, publicID=base)
        return graph
    except Exception as e:  # rdflib's parsers raise many unrelated types for bad input
        raise InputError(f"{path}: {_parse_error(e, data, fmt)}") from None


def read_graphs(paths: Sequence[Path]) -> Graph:
    """Parse several RDF files into one graph (their union); see :func:`read_graph`."""
    if not paths:
        raise InputError("no graph file given")
    if len(paths) == 1:
        return read_graph(paths[0])
    union = Graph()
    for path in paths:
        graph = read_graph(path)
        for prefix, ns in graph.namespaces():
            union.bind(prefix, ns, override=False)
        union += graph
    return union


def _parse_error(e: Exception, data: bytes, fmt: str) -> str:
    """One line saying where and why a parser failed."""
    line: int | None = None
    why = str(e)
    if hasattr(e, "_why") and hasattr(e, "_i"):  # notation3.BadSyntax (Turtle, TriG, N3)
        # Its own line count is off; the offset into the whole text is not.
        line = bytes(getattr(e, "_str", b"")).count(b"\n", 0, int(getattr(e, "_i", 0))) + 1
        why = str(getattr(e, "_why", why))
    elif isinstance(e, json.JSONDecodeError):
        line, why = e.lineno, e.msg
    elif isinstance(e, xml.sax.SAXParseException):
        line, why = e.getLineNumber(), e.getMessage()
    elif isinstance(e, UnicodeDecodeError):
        line, why = data.count(b"\n", 0, e.start) + 1, f"not valid UTF-8 ({e.reason})"
    elif m := re.match(r"(.*?) in string at \^ in (.*)\^(.*)$", why, re.S):
        # The Turtle tokenizer's asserts quote the text around the fault instead of a line.
        pos = data.find((m.group(2) + m.group(3)).encode("utf-8"))
        line = data.count(b"\n", 0, pos + len(m.group(2).encode("utf-8"))) + 1 if pos >= 0 else None
        why = m.group(1)
    elif fmt in ("nt", "nquads") and why.startswith("Invalid line"):
        # These formats are a statement per line, and the parser does not say which.
        line, why = _first_bad_line(data, fmt), "invalid statement"
    why = " ".join(why.split()) or type(e).__name__
    where = f"line {line}: " if line else ""
    return f"{where}not valid {_FORMAT_NAMES.get(fmt, fmt)}: {why}"


_FORMAT_NAMES = {"turtle": "Turtle", "nt": "N-Triples", "nquads": "N-Quads", "trig": "TriG",
                 "json-ld": "JSON-LD", "xml": "RDF/XML", "n3": "Notation3"}


def _first_bad_line(data: bytes, fmt: str) -> int | None:
    """The number of the first line of N-Triples/N-Quads that does not parse alone."""
    for number, line in enumerate(data.splitlines(), start=1):
        try:
            Dataset().parse(data=line, format=fmt)
        except Exception:
            return number
    return None


# ------------------------------------------------------------------ outputs
def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (following links); a missing path is compared by name."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def check_output(path: Path, *, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output path before any work is done.

    Raises:
        OutputError: its folder does not exist, it is a folder, or it is one of
            ``inputs`` (a command never overwrites what it reads).
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: output folder {str(folder)!r} does not exist")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    for source in inputs:
        if same_file(path, source):
            raise OutputError(f"{path}: is also an input; refusing to overwrite it")


def write_atomic(path: Path, data: str | bytes, *, inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    Text is written as UTF-8 with ``\\n`` line ends. A file already at ``path``
    keeps its permissions; it is replaced only once the new content is complete.

    Args:
        path: the output file.
        data: what to write.
        inputs: files the command read; ``path`` must not be one of them.

    Raises:
        OutputError: see :func:`check_output`, or the write failed (disk full,
            permission denied); the earlier file at ``path`` is then untouched.
    """
    path = Path(path)
    check_output(path, inputs=inputs)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException as e:  # also KeyboardInterrupt: never leave the temporary file behind
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
        raise


def _mode_for(path: Path) -> int:
    """The permissions a new output gets: the old file's, else the usual ones under the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
