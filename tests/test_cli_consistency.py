"""One command line (issue 12, item 6): exit codes per command, one error style also for
usage errors, format aliases, publication dates as people write them, "did you mean",
the query before or after the graphs, and a validation report of violations first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset

from kgbuild.cli import cli, parse_published

ARTICLE = (
    "Stadtrat beschließt breitere Radwege\n\n"
    "Die Bürgermeisterin Jana Ostertag sagte am Dienstag, die Arbeiten sollten im Sommer beginnen. "
    "Laut dem Tiefbauamt wurden keine Einwände erhoben.\n"
)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_error(result: Result, fragment: str, code: int = 2) -> None:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("kgbuild: error: "), result.stderr
    assert fragment in lines[0], lines[0]
    assert "Usage:" not in result.stderr and "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("consistency")
    article = folder / "radwege.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = folder / "radwege.ttl"
    assert run("build", article, "--published", "2021-06-02", "-o", out).exit_code == 0
    return out


@pytest.mark.parametrize(
    ("command", "has_1"),
    [("build", True), ("validate", True), ("extract", False), ("query", False), ("export", False),
     ("info", False), ("viz", False)],
)
def test_cli_help_lists_only_the_commands_own_exit_codes(command: str, has_1: bool) -> None:
    text = run(command, "--help").stdout
    codes = text[text.index("Exit codes:"):]
    assert ("1 " in codes) is has_1, codes
    assert "0 success" in codes and "2 bad input or usage" in codes


@pytest.mark.parametrize(
    ("args", "fragment"),
    [(["frobnicate"], "No such command"), (["build"], "Missing argument"),
     (["export", "x.ttl", "--format", "bogus"], "is not an RDF format"),
     (["info", "--nope", "x.ttl"], "No such option")],
)
def test_cli_usage_errors_are_one_line_in_the_error_style(args: list[str], fragment: str) -> None:
    one_error(run(*args), fragment)


@pytest.mark.parametrize(
    ("alias", "parse_as"),
    [("ttl", "turtle"), ("turtle", "turtle"), ("nt", "nt"), ("nq", "nquads"), ("nquads", "nquads"),
     ("jsonld", "json-ld"), ("trig", "trig"), ("xml", "xml"), ("rdfxml", "xml")],
)
def test_cli_format_aliases_are_accepted(graph_file: Path, alias: str, parse_as: str) -> None:
    result = run("export", graph_file, "--format", alias)
    assert result.exit_code == 0, result.stderr
    assert len(Dataset().parse(data=result.stdout, format=parse_as)) > 0
    assert run("build", graph_file.with_suffix(".txt"), "--format", alias, "--published", "2021-06-02").exit_code == 0


@pytest.mark.parametrize("value", ["2020-11-06", "2020-11-06T14:30:00+01:00", "2020-11-06T14:30Z", "06.11.2020",
                                   "6.11.2020"])
def test_cli_published_accepts_iso_datetimes_and_german_dates(value: str) -> None:
    assert str(parse_published(value)) == "2020-11-06"


def test_cli_published_german_date_builds(graph_file: Path) -> None:
    result = run("build", graph_file.with_suffix(".txt"), "--published", "02.06.2021")
    assert result.exit_code == 0, result.stderr
    assert '"2021-06-02"^^xsd:date' in result.stdout


def test_cli_query_saved_name_did_you_mean(graph_file: Path) -> None:
    one_error(run("query", graph_file, "--saved", "who_said"), "did you mean 'who_said_what'?")


def test_cli_query_before_or_after_the_graphs(graph_file: Path) -> None:
    q = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a kg:Claim }"
    after = run("query", graph_file, q, "--format", "csv")
    before = run("query", q, graph_file, "--format", "csv")
    assert after.exit_code == before.exit_code == 0, (after.stderr, before.stderr)
    assert after.stdout == before.stdout and after.stdout.split() == ["n", "2"]
    one_error(run("query", graph_file, graph_file), "expected GRAPH files and one QUERY")


def test_cli_query_on_an_article_says_build_it_first(graph_file: Path) -> None:
    one_error(run("query", graph_file.with_suffix(".txt"), "--saved", "who_said_what"), "build it first")


def test_cli_validate_prints_violations_and_a_summary_verbose_adds_the_rest(graph_file: Path) -> None:
    short = run("validate", graph_file)
    assert short.exit_code == 0
    assert short.stdout.splitlines()[-1].startswith("Conforms: 0 violations, ")
    assert "Warning " not in short.stdout and "Info " not in short.stdout
    verbose = run("validate", graph_file, "--verbose")
    assert verbose.stdout.splitlines()[-1].startswith("Conforms: 0 violations, ")
    assert "Warning " in verbose.stdout or "Info " in verbose.stdout
