"""The ``kgbuild`` command line: parse options, call the library, print.

Every error a user can cause is a :class:`~kgbuild.errors.KgbuildError`; it is shown
as one line ``kgbuild: error: <message>`` on stderr and ends the run with its exit
code. Anything else is a bug: one line too, unless ``--debug`` asks for the traceback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import sys
import textwrap
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

import click

from kgbuild import export as export_mod
from kgbuild import io, query, sniff
from kgbuild.errors import DocumentError, InputError, KgbuildError, ValidationFailed
from kgbuild.export import ExportFormat
from kgbuild.model import DateResolution, DateValue

if TYPE_CHECKING:
    from kgbuild.pipeline import Extraction

DOCUMENT_SUFFIXES = (".yaml", ".yml", ".json")
EXIT_INTERNAL = 3

_EXIT_CODES = """\b
Exit codes: 0 success, 1 the graph does not conform to the shapes,
2 bad input or usage, 3 internal error (a bug: rerun with --debug).
"""


def _exit_codes(*own: str) -> str:
    """The epilog of one command: only the exit codes it can give."""
    lines = ["0 success", *own, "2 bad input or usage", "3 internal error (a bug: rerun with --debug)"]
    return "\b\nExit codes:\n" + "\n".join(f"  {line}" for line in lines) + "\n"


_EXIT_BUILD = _exit_codes("1 the graph does not conform to the shapes (nothing written)")
_EXIT_VALIDATE = _exit_codes("1 a graph does not conform to the shapes")
_EXIT_PLAIN = _exit_codes()


def _version() -> str:
    try:
        return metadata.version("kgbuild")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


class _Group(click.Group):
    """Turns errors into one line and an exit code instead of a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Usage errors too are one line ``kgbuild: error: …`` (with where to find help)."""
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as e:
            click.echo(e.ctx.get_help() if e.ctx else "", err=True)
            sys.exit(2)
        except click.ClickException as e:
            where = getattr(e, "ctx", None)
            hint = f" (see '{where.command_path} --help')" if isinstance(e, click.UsageError) and where else ""
            click.echo(f"kgbuild: error: {' '.join(e.format_message().split())}{hint}", err=True)
            sys.exit(e.exit_code)
        except click.exceptions.Abort:
            click.echo("kgbuild: error: aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgbuildError as e:
            _fail(str(e), e.exit_code)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`kgbuild query … | head`): stop quietly; point stdout
            # at nothing so Python's flush at exit does not complain again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except Exception as e:
            if ctx.params.get("debug"):
                raise
            _fail(f"internal error: {type(e).__name__}: {e} (rerun with --debug for the traceback)",
                  EXIT_INTERNAL)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"kgbuild: error: {' '.join(message.split())}", err=True)
    raise click.exceptions.Exit(code)


@click.group(cls=_Group, epilog=_EXIT_CODES, context_settings={"help_option_names": ["-h", "--help"],
                                                             "max_content_width": 100})
@click.version_option(_version(), "-V", "--version", prog_name="kgbuild", message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, envvar="KGBUILD_DEBUG",
              help="Show the full traceback of an internal error (also KGBUILD_DEBUG=1).")
def cli(debug: bool) -> None:
    """Turn news articles into an RDF knowledge graph of claims, entities and events.

    \b
    Typical use:
      kgbuild extract article.txt -o article.claims.yaml   # read the article
      (check and correct article.claims.yaml by hand)
      kgbuild build article.claims.yaml -o article.ttl     # the graph, validated
      kgbuild query article.ttl --saved who_said_what      # ask it questions
      kgbuild info article.ttl                             # what is in it

    Graph files are read by their extension: .ttl .nt .nq .trig .jsonld/.json
    .rdf/.xml/.owl. Outputs (-o) are written whole or not at all; '-' or no -o
    writes to stdout.
    """


# ------------------------------------------------------------------ helpers
_OUTPUT = click.option(
    "-o", "--output", type=click.Path(path_type=Path, allow_dash=True), default=None,
    help="Output file ('-' or none: stdout).",
)


def _out_path(output: Path | None) -> Path | None:
    return None if output is None or str(output) == "-" else output


def _emit(text: str, output: Path | None, *, inputs: Sequence[Path] = ()) -> None:
    """Write ``text`` to the output file (atomically) or to stdout."""
    path = _out_path(output)
    if path is None:
        click.echo(text, nl=False)
    else:
        io.write_atomic(path, text, inputs=inputs)


def _check_output(output: Path | None, inputs: Sequence[Path]) -> None:
    """Refuse a bad output path before any work is done."""
    path = _out_path(output)
    if path is not None:
        io.check_output(path, inputs=inputs)


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    parsed = parse_published(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date: give YYYY-MM-DD, an ISO date and time "
                                 "(2020-11-06T14:30:00+01:00) or DD.MM.YYYY", param_hint="--published")
    return parsed


def parse_published(value: str) -> dt.date | None:
    """The date of a ``--published`` value: ISO date, ISO date and time, or German "06.11.2020".

    >>> parse_published("2020-11-06T14:30:00Z"), parse_published("6.11.2020"), parse_published("20201106")
    (datetime.date(2020, 11, 6), datetime.date(2020, 11, 6), None)
    """
    value = value.strip()
    german = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", value)
    try:
        if german:
            return dt.date(int(german[3]), int(german[2]), int(german[1]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):  # fromisoformat also takes "20220927"
            return dt.date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", value):
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
    return None


_PUBLISHED = click.option(
    "--published", metavar="DATE", callback=_published,
    help="The article's publication date (2020-11-06, 2020-11-06T14:30:00+01:00 or 06.11.2020); "
         "resolves dates the text gives without a year.",
)


_FORMAT_HELP = ("Output format: turtle (ttl), nt, nquads (nq), jsonld, trig or xml (rdfxml); "
                "default: by the -o extension, else turtle.")


def _format_option(value: str | None) -> str | None:
    if value is None:
        return None
    fmt = export_mod.format_name(value)
    if fmt is None:
        raise click.BadParameter(f"{value!r} is not an RDF format; use one of "
                                 "turtle ttl nt nquads nq jsonld trig xml rdfxml", param_hint="--format")
    return fmt


def _export_format(fmt: str | None, output: Path | None) -> ExportFormat:
    return cast(ExportFormat, fmt) if fmt else export_mod.format_for_path(_out_path(output))


def _warn(message: str) -> None:
    click.echo(f"kgbuild: warning: {' '.join(message.split())}", err=True)


def _graph_of(path: Path, published: dt.date | None, lang: str | None = None) -> tuple[Any, tuple[str, ...]]:
    """The graph of a claims document, or of the extraction of an article text, by the file's
    extension; and the warnings of the extraction."""
    from kgbuild.rdf import to_graph

    sniff.check_url(str(path))
    suffix = path.suffix.lower()
    if suffix.lstrip(".") in io.RDF_EXTENSIONS and suffix not in (*DOCUMENT_SUFFIXES, ".xml"):
        # Extracting claims from Turtle would only make nonsense out of a graph.
        raise InputError(f"{path}: is a graph file; build reads a claims document (.yaml) or an article text")
    if suffix not in DOCUMENT_SUFFIXES:
        extraction = _extract(path, published, lang)
        return to_graph(extraction.document), extraction.warnings  # an inconsistency here is a bug
    from kgbuild.document import load_document

    doc = load_document(path)
    if published is not None:  # the command line overrides the document
        given = DateValue(published.isoformat(), DateResolution.GIVEN)
        doc = dataclasses.replace(doc, article=dataclasses.replace(doc.article, published=given))
    try:
        return to_graph(doc), ()
    except ValueError as e:  # a claims document edited by hand can contradict itself
        raise DocumentError(f"{path}: {e}") from None


def _extract(path: Path, published: dt.date | None, lang: str | None = None) -> Extraction:
    sniff.check_url(str(path))
    text = io.read_article(path)
    sniff.check_article(str(path), text, lang=lang or "de", check_language=lang is None)
    try:
        from kgbuild.pipeline import extract_with_warnings
    except ModuleNotFoundError as e:
        if e.name != "kgbuild.pipeline":
            raise
        raise KgbuildError(
            f"{path}: cannot extract from article texts: this kgbuild has no extraction pipeline; "
            f"build from a claims document ({', '.join(DOCUMENT_SUFFIXES)}) instead"
        ) from None
    return extract_with_warnings(text, published=published, source=path.name, lang=lang or "de")


_LANG = click.option(
    "--lang", type=click.Choice(["de"]), default=None,
    help="The article's language (only de so far). Given, the check that the text is in it is skipped.",
)

_SHAPES = click.option("--shapes", type=click.Path(path_type=Path),
                       help="SHACL shapes to use instead of kgbuild's: a Turtle file or a folder of them.")


# ----------------------------------------------------------------- commands
@cli.command(epilog=_EXIT_BUILD)
@click.argument("input", type=click.Path(path_type=Path))
@_OUTPUT
@_PUBLISHED
@click.option("--format", "fmt", callback=lambda c, p, v: _format_option(v), metavar="FORMAT",
              help=_FORMAT_HELP)
@click.option("--no-validate", is_flag=True, help="Write the graph even if it breaks the shapes.")
@_SHAPES
@_LANG
def build(input: Path, output: Path | None, published: dt.date | None, fmt: str | None,
          no_validate: bool, shapes: Path | None, lang: str | None) -> None:
    """Build the graph of one article.

    INPUT is a claims document (.yaml, .yml, .json), as `kgbuild extract` writes
    it and people correct it, or an article text (any other file, UTF-8), which
    is extracted first. The graph is checked against the shapes before it is
    written; a graph that does not conform is not written (exit 1, the report
    goes to stderr) unless --no-validate.

    \b
    Examples:
      kgbuild build article.claims.yaml -o article.ttl
      kgbuild build article.txt --published 2022-09-27 -o article.ttl
      kgbuild build article.claims.yaml --format jsonld -o article.jsonld
    """
    _check_output(output, [input])
    graph, warnings = _graph_of(input, published, lang)
    for w in warnings:
        _warn(w)
    if not no_validate:
        from kgbuild.validate import format_report
        from kgbuild.validate import validate as validate_graph

        report = validate_graph(graph, shapes=shapes)
        if not report.conforms:
            click.echo(format_report(report, "text", verbose=False), err=True, nl=False)
            raise ValidationFailed(
                f"{input}: the graph does not conform to the shapes ({len(report.violations)} "
                "violations, listed above); nothing written (--no-validate writes it anyway)"
            )
    _emit(export_mod.serialize(graph, _export_format(fmt, output)), output, inputs=[input])
    click.echo(f"kgbuild: {_summary(graph, len(warnings))} → {_out_path(output) or 'stdout'}", err=True)


def _summary(graph: Any, warnings: int) -> str:
    """"3 claims, 12 entities, 2 events, 1 warning": what a built graph holds."""
    from rdflib import RDF

    from kgbuild.rdf.namespaces import KG, SCHEMA

    def count(*classes: Any) -> int:
        return len({s for c in classes for s in graph.subjects(RDF.type, c)})

    parts = [(count(KG.Claim), "claim"),
             (count(SCHEMA.Person, SCHEMA.Organization, SCHEMA.Country, SCHEMA.Place), "entity"),
             (count(SCHEMA.Event), "event"), (warnings, "warning")]
    plural = {"entity": "entities"}
    return ", ".join(f"{n} {w if n == 1 else plural.get(w, w + 's')}" for n, w in parts)


@cli.command(epilog=_EXIT_PLAIN)
@click.argument("article", type=click.Path(path_type=Path))
@_OUTPUT
@_PUBLISHED
@click.option("--link-text", is_flag=True,
              help="Refer to the article file (text_file:) instead of copying its text into the document.")
@_LANG
def extract(article: Path, output: Path | None, published: dt.date | None, link_text: bool,
            lang: str | None) -> None:
    """Extract the claims document of an article text, for review.

    ARTICLE is a UTF-8 text file; its text is kept exactly as read (no newline or
    Unicode normalisation; a byte order mark stays), so the offsets in the
    document are code points of the file's text. The document lists entities,
    positions, events and claims with their evidence; correct it by hand, then
    `kgbuild build` it.

    \b
    Examples:
      kgbuild extract article.txt -o article.claims.yaml
      kgbuild extract article.txt --published 2022-09-27 --link-text -o article.claims.yaml
    """
    _check_output(output, [article])
    extraction = _extract(article, published, lang)
    for w in extraction.warnings:
        _warn(w)
    doc = extraction.document
    text_file = None
    out = _out_path(output)
    if link_text:
        base = out.resolve().parent if out is not None else Path.cwd()
        text_file = os.path.relpath(article.resolve(), base)
    from kgbuild.document import dump_document

    _emit(dump_document(doc, text_file=text_file), output, inputs=[article])


@cli.command(epilog=_EXIT_VALIDATE)
@click.argument("graphs", nargs=-1, required=True, type=click.Path(path_type=Path))
@_SHAPES
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "ttl", "json"]), default="text",
              show_default=True, help="Report format (ttl: turtle).")
@click.option("--engine", type=click.Choice(["fast", "pyshacl"]), default="fast", show_default=True,
              help="Validate with pyshacl-turbo (fast, the default) or with pySHACL itself (the reference).")
@click.option("-v", "--verbose", is_flag=True, help="Text report: list warnings and infos too, not only violations.")
@click.pass_context
def validate(ctx: click.Context, graphs: tuple[Path, ...], shapes: Path | None, fmt: str, engine: str,
             verbose: bool) -> None:
    """Check graphs against kgbuild's SHACL shapes.

    The text report lists the violations, grouped by the node they concern, and
    ends with a one-line summary that counts violations, warnings and infos;
    --verbose lists the warnings and infos too.

    \b
    Examples:
      kgbuild validate article.ttl
      kgbuild validate article.ttl --verbose
      kgbuild validate a.ttl b.ttl --format json
      kgbuild validate article.ttl --shapes my-shapes/
      kgbuild validate article.ttl --engine pyshacl
    """
    from kgbuild.validate import ReportFormat, format_report
    from kgbuild.validate import validate as validate_graph

    graph = io.read_graphs(graphs)
    report = validate_graph(graph, shapes=shapes, engine=cast(Any, engine))
    fmt = "turtle" if fmt == "ttl" else fmt
    click.echo(format_report(report, cast(ReportFormat, fmt), verbose=verbose), nl=False)
    ctx.exit(0 if report.conforms else ValidationFailed.exit_code)


@cli.command("query", epilog=_EXIT_PLAIN)
@click.argument("args", nargs=-1, metavar="GRAPH... [QUERY]")
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path, allow_dash=True),
              help="Read the query from a .rq file ('-': stdin).")
@click.option("--saved", metavar="NAME", help="Run a saved query (see --list).")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and what they answer.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Give a query variable a value: an IRI (<…> or kg:…), a date, a number or text.")
@click.option("--format", "fmt", type=click.Choice(query.RESULT_FORMATS), default="table",
              show_default=True, help="Format of SELECT/ASK results (CONSTRUCT/DESCRIBE give Turtle).")
@click.option("--max-width", type=click.IntRange(min=0), default=60, show_default=True,
              help="Cut table cells longer than this (0: never).")
@click.option("--allow-update", is_flag=True, help="Run a SPARQL Update (INSERT/DELETE) on the graph.")
@_OUTPUT
def query_cmd(args: tuple[str, ...], query_file: Path | None, saved: str | None, list_saved: bool,
              binds: tuple[str, ...], fmt: str, max_width: int, allow_update: bool,
              output: Path | None) -> None:
    """Ask graphs a SPARQL question.

    Give the query as the last argument, from a file (-f) or by the name of a
    saved query (--saved). The prefixes kg schema prov nif owl xsd rdf rdfs skos
    wd are declared already. SELECT and ASK print a table (or CSV, TSV, SPARQL
    JSON); CONSTRUCT and DESCRIBE print Turtle. A SPARQL Update is refused
    unless --allow-update; then the changed graph is printed or written (-o).
    Queries read the named files only: SERVICE, FROM and LOAD are refused.

    \b
    Examples:
      kgbuild query --list
      kgbuild query article.ttl --saved who_said_what
      kgbuild query *.ttl --saved events_in_range --bind from=2022-09-01 --bind to=2022-09-30
      kgbuild query article.ttl 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }'
      kgbuild query article.ttl -f my.rq --format csv -o answers.csv
      kgbuild query article.ttl --allow-update -o fixed.ttl \\
          'DELETE { ?c kg:polarity kg:Negative } WHERE { ?c kg:quote "…" }'
    """
    if list_saved:
        for q in query.saved_queries():
            click.echo(q.name)
            click.echo(textwrap.fill(q.description, width=78, initial_indent="    ", subsequent_indent="    "))
        return
    graphs, text, source = _query_source(list(args), query_file, saved)
    bindings = dict(_binding(b) for b in binds)
    graph_paths = [Path(g) for g in graphs]
    inputs = graph_paths + ([query_file] if query_file is not None and str(query_file) != "-" else [])
    _check_output(output, inputs)
    graph = io.read_graphs(graph_paths)
    result = query.run_query(graph, text, source=source, bindings=bindings, allow_update=allow_update)
    if result.kind == "UPDATE":
        click.echo(f"kgbuild: update added {result.added} and removed {result.removed} triples", err=True)
    if result.graph is not None:
        _emit(export_mod.serialize(result.graph, _export_format(None, output)), output, inputs=inputs)
        return
    namespaces = list(graph.namespaces())
    formatted = query.format_result(result, cast(query.ResultFormat, fmt), namespaces=namespaces,
                                    max_width=max_width)
    _emit(formatted, output, inputs=inputs)


def _query_source(args: list[str], query_file: Path | None, saved: str | None) -> tuple[list[str], str, str]:
    """Graph files, query text and the name of where it came from."""
    if query_file is not None and saved is not None:
        raise click.UsageError("give either -f FILE or --saved NAME, not both")
    if query_file is not None:
        if str(query_file) == "-":
            return args, sys.stdin.read(), "query from stdin"
        raw = io.read_bytes(query_file, what="query file")
        try:
            return args, raw.decode("utf-8"), str(query_file)
        except UnicodeDecodeError:
            raise InputError(f"{query_file}: not valid UTF-8") from None
    if saved is not None:
        q = query.saved_query(saved)
        return args, q.text, f"saved query {q.name}"
    if len(args) < 2:
        raise click.UsageError("give GRAPH files and a QUERY (or -f FILE.rq, or --saved NAME)")
    for text in (args[-1], args[0]):
        if text.endswith(".rq") and not any(c.isspace() for c in text):
            raise click.UsageError(f"{text!r} looks like a query file; use -f {text}")
    # the query may come after the graph files or before them
    queries = [k for k, a in enumerate(args) if _looks_like_query(a)]
    if len(queries) != 1 or queries[0] not in (0, len(args) - 1):
        raise click.UsageError("expected GRAPH files and one QUERY (SPARQL text, before or after the files); "
                               + ("found none" if not queries else f"found {len(queries)} or one among the files"))
    k = queries[0]
    return [a for j, a in enumerate(args) if j != k], args[k], "query"


def _looks_like_query(arg: str) -> bool:
    """SPARQL text, not a file name: it has a space or a brace and names no existing file."""
    return (any(c.isspace() for c in arg) or "{" in arg) and not Path(arg).exists()


def _binding(text: str) -> tuple[str, Any]:
    name, eq, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not eq or not name.isidentifier():
        raise click.BadParameter(f"{text!r} is not NAME=VALUE", param_hint="--bind")
    return name, query.parse_value(value)


@cli.command(epilog=_EXIT_PLAIN)
@click.argument("graphs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", callback=lambda c, p, v: _format_option(v), metavar="FORMAT",
              help=_FORMAT_HELP)
@_OUTPUT
def export(graphs: tuple[Path, ...], fmt: str | None, output: Path | None) -> None:
    """Convert graphs to another RDF format.

    Several graphs are merged. TriG and N-Quads put each article into a named
    graph of its own (named by the article's IRI); an entity, office or place is
    described in the graph of every article that refers to it, and what no
    article refers to goes into the default graph. JSON-LD is compacted with the
    contract's prefixes as its context. Each format reads back to the same graph.

    \b
    Examples:
      kgbuild export a.ttl b.ttl --format trig -o corpus.trig
      kgbuild export article.ttl -o article.jsonld
      kgbuild export corpus.trig --format nt > corpus.nt
    """
    _check_output(output, list(graphs))
    graph = io.read_graphs(list(graphs))
    _emit(export_mod.serialize(graph, _export_format(fmt, output)), output, inputs=list(graphs))


@cli.command(epilog=_EXIT_PLAIN)
@click.argument("graphs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
def info(graphs: tuple[Path, ...], fmt: str) -> None:
    """Summarise graphs: instances per class, claims per claimant and per outlet, dates.

    \b
    Examples:
      kgbuild info article.ttl
      kgbuild info *.ttl --format json
    """
    from kgbuild.info import format_info, graph_info

    graph = io.read_graphs(list(graphs))
    click.echo(format_info(graph_info(graph), "json" if fmt == "json" else "text"), nl=False)


@cli.command(epilog=_EXIT_PLAIN)
@click.argument("graphs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write; its extension picks the format: .html, .svg, .png, .pdf, "
                   ".graphml, .gexf, .dot or .json.")
@click.option("--title", help="Title of the page or picture (default: the article's headline).")
@click.option("--claims-as", type=click.Choice(["nodes", "edges"]), default=None,
              help="Graph files: each claim a node (default), or an arrow from speaker to subject.")
@click.option("--collapsed/--expanded", default=None,
              help="HTML: start with claims folded into their speakers (default: above 300 nodes).")
def viz(graphs: tuple[Path, ...], output: Path, title: str | None, claims_as: str | None,
        collapsed: bool | None) -> None:
    """Draw graphs: an interactive page, a picture, or a file for graph tools.

    The page (.html) is one file that works offline: click a node for its
    names, Wikidata link, and for a claim its quote, date, outlet and the
    sentence it comes from. Pictures (.svg, .png, .pdf) are A4 landscape and
    need the viz extra (matplotlib). .graphml and .gexf open in Gephi,
    Cytoscape and yEd, .dot in Graphviz, .json is node-link JSON.

    \b
    Examples:
      kgbuild viz article.ttl -o claims.html
      kgbuild viz article.ttl -o claims.png --title "Who said what"
      kgbuild viz a.ttl b.ttl -o corpus.gexf --claims-as edges
    """
    from kgbuild.viz import format_of, render

    kind = format_of(output)
    io.check_output(output, inputs=list(graphs))
    options: dict[str, Any] = {}
    if claims_as is not None:
        if kind not in ("graphml", "gexf", "dot", "json"):
            raise click.UsageError("--claims-as applies to .graphml, .gexf, .dot and .json files")
        options["claims_as"] = claims_as
    if collapsed is not None:
        if kind != "html":
            raise click.UsageError("--collapsed/--expanded apply to .html pages")
        options["collapsed"] = collapsed
    render(io.read_graphs(list(graphs)), output, title=title, **options)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the ``kgbuild`` console script)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="kgbuild")
