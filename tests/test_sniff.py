"""No silent garbage (issue 12, items 2 and 3): wrong inputs are refused in one line,
suspicious results are warned about, and ``build`` ends with a one-line summary.

Every text is written for the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kgbuild import sniff
from kgbuild.cli import cli
from kgbuild.errors import InputError
from kgbuild.pipeline import extract_with_warnings

GERMAN = (
    "Stadtrat beschließt neue Radwege\n\n"
    "Der Stadtrat hat am Dienstag beschlossen, dass die Radwege in der Innenstadt breiter werden. "
    "Die Bürgermeisterin Jana Ostertag sagte, man wolle die Arbeiten noch im Sommer beginnen. "
    "Laut dem Tiefbauamt wurden keine Einwände erhoben.\n"
)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_error(result: Result, code: int, fragment: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("kgbuild: error:"), result.stderr
    assert fragment in lines[0], lines[0]


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("page.txt", "<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>Hallo</p></body></html>",
         "looks like HTML"),
        ("page.html", "<div><p>Der Rat tagte.</p><p>Er sagte nichts.</p><br><br><a href='x'>mehr</a></div>",
         "looks like HTML"),
        ("corpus.jsonl", '{"text": "Der Rat tagte."}\n{"text": "Er sagte nichts."}\n', "looks like JSON Lines"),
        ("record.txt", '{"title": "Rat", "text": "Der Rat tagte."}', "looks like JSON"),
        ("english.txt", "Council agrees on new cycle lanes\n\nThe council said on Tuesday that the cycle lanes "
                        "in the centre of the town will be made wider, and that the work is going to start "
                        "in the summer if the weather is good.\n", "text looks English (de expected)"),
    ],
    ids=["html-doctype", "html-tags", "jsonl", "json", "english"],
)
def test_sniff_wrong_input_is_refused_in_one_line(tmp_path: Path, name: str, content: str, fragment: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "out.ttl"
    for command in ("build", "extract"):
        result = run(command, path, "-o", out)
        one_error(result, 2, fragment)
        assert not out.exists()  # nothing half-written


def test_sniff_url_is_not_fetched(tmp_path: Path) -> None:
    one_error(run("build", "https://example.org/news/rat.html", "-o", tmp_path / "o.ttl"), 2,
              "URLs are not fetched: save the page first")
    one_error(run("info", "https://example.org/graph.ttl"), 2, "URLs are not fetched")


def test_sniff_lang_option_skips_the_language_check(tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text("Council agrees\n\nThe council said on Tuesday that the lanes will be made wider, and that the "
                    "work is going to start in the summer if the weather is good for all of them.\n",
                    encoding="utf-8")
    assert run("build", path, "--lang", "de", "-o", tmp_path / "o.ttl").exit_code == 0


def test_sniff_german_article_passes() -> None:
    sniff.check_article("a.txt", GERMAN)
    assert sniff.detect_language(GERMAN) == "de"
    assert sniff.detect_language("zu kurz") is None  # too short to tell


def test_sniff_check_article_raises_input_error() -> None:
    with pytest.raises(InputError, match="looks like JSON"):
        sniff.check_article("x.txt", "[1, 2, 3]")


def test_pipeline_unresolved_relative_dates_are_counted_in_a_warning() -> None:
    x = extract_with_warnings(GERMAN)
    assert "1 relative date unresolved: pass --published" in x.warnings
    assert not any("unresolved" in w for w in extract_with_warnings(GERMAN, published="2021-06-02").warnings)


def test_pipeline_long_headline_and_missing_claims_are_warned() -> None:
    long_headline = "Der Rat " + "tagte lange und " * 30 + "ging dann.\n\nEr sagte es nicht. Sie erklärte nichts.\n"
    result = extract_with_warnings(long_headline, published="2021-06-02")
    # segmentation never takes so long a first line as the headline: it stays body text, and the
    # headline warning stays a guard that such a line never slips through silently
    assert result.document.article.headline is None
    assert not any(w.startswith("headline is ") for w in result.warnings)
    assert any(w.startswith("no claims found") for w in result.warnings)


def test_cli_build_warns_on_stderr_and_ends_with_a_summary(tmp_path: Path) -> None:
    path = tmp_path / "radwege.txt"
    path.write_text(GERMAN, encoding="utf-8")
    out = tmp_path / "radwege.ttl"
    result = run("build", path, "-o", out)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert "kgbuild: warning: 1 relative date unresolved: pass --published" in lines
    assert lines[-1].startswith("kgbuild: 2 claims, ") and lines[-1].endswith(f"1 warning → {out}"), lines[-1]
    result = run("build", path, "--published", "2021-06-02", "-o", out)
    assert result.stderr.splitlines()[-1].endswith(f"0 warnings → {out}")
