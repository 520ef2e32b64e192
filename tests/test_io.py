"""Reading articles and graphs, and writing outputs atomically (kgbuild.io)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kgbuild import io
from kgbuild.errors import InputError, OutputError


# ------------------------------------------------------------------ articles
def test_io_read_article_keeps_text_exactly(tmp_path: Path) -> None:
    raw = "\ufeffÜberschrift\r\nErster Satz.\r\n\r\nZweiter\u00a0Satz.\n".encode()
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    text = io.read_article(path)
    assert text == raw.decode("utf-8")  # BOM, CRLF and no-break space all kept
    assert text.startswith("\ufeff") and "\r\n" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "article is empty"),
        (b" \n\t\r\n  ", "article is empty"),
        (b"\xef\xbb\xbf\n", "article is empty"),
        (b"PK\x03\x04\x00\x00binary", "binary file"),
        (b"Gr\xfc\xdfe aus K\xf6ln\n", "not valid UTF-8"),
    ],
)
def test_io_read_article_rejects_bad_text(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        io.read_article(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_io_read_article_names_line_of_bad_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"erste Zeile\nzweite Zeile\n" + b"dritte \xe4 Zeile\n")
    with pytest.raises(InputError, match=r"a\.txt:3: not valid UTF-8"):
        io.read_article(path)


def test_io_read_article_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such article"):
        io.read_article(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        io.read_article(tmp_path)


# -------------------------------------------------------------------- graphs
@pytest.mark.parametrize(
    ("name", "fmt"),
    [("g.ttl", "turtle"), ("g.nt", "nt"), ("g.NQ", "nquads"), ("g.trig", "trig"), ("g.jsonld", "json-ld"),
     ("g.json", "json-ld"), ("g.rdf", "xml"), ("g.owl", "xml"), ("g.xml", "xml")],
)
def test_io_rdf_format_by_extension(name: str, fmt: str) -> None:
    assert io.rdf_format(Path(name)) == fmt


def test_io_rdf_format_unknown_extension() -> None:
    with pytest.raises(InputError, match=r"graph\.csv: cannot tell the RDF format"):
        io.rdf_format(Path("graph.csv"))
    with pytest.raises(InputError, match=r"article\.txt: is an article, not a graph: build it first"):
        io.rdf_format(Path("article.txt"))


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "xml"])
def test_io_read_graph_each_triple_format(tmp_path: Path, hand_graph: Graph, fmt: str) -> None:
    ext = {"turtle": "ttl", "nt": "nt", "json-ld": "jsonld", "xml": "rdf"}[fmt]
    path = tmp_path / f"g.{ext}"
    path.write_text(hand_graph.serialize(format=fmt), encoding="utf-8")
    assert isomorphic(io.read_graph(path), hand_graph)


def test_io_read_graph_merges_named_graphs(tmp_path: Path) -> None:
    path = tmp_path / "g.trig"
    path.write_text(
        "@prefix ex: <http://example.org/> .\n"
        "ex:g1 { ex:a ex:p ex:b . }\n"
        "ex:g2 { ex:a ex:p ex:c . ex:a ex:p ex:b . }\n"
        "ex:x ex:p ex:y .\n",
        encoding="utf-8",
    )
    g = io.read_graph(path)
    assert len(g) == 3
    assert g.namespace_manager.store.namespace("ex") is not None


def test_io_read_graphs_is_union(tmp_path: Path) -> None:
    a, b = tmp_path / "a.ttl", tmp_path / "b.nt"
    a.write_text("<http://e/a> <http://e/p> <http://e/b> .\n", encoding="utf-8")
    b.write_text("<http://e/a> <http://e/p> <http://e/b> .\n<http://e/a> <http://e/p> <http://e/c> .\n",
                 encoding="utf-8")
    assert len(io.read_graphs([a, b])) == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("t.ttl", "@prefix ex: <http://e/> .\nex:a ex:p ex:b .\nex:c ex:p ex:d ;\n ex:q\n",
         r"t\.ttl: line 4: not valid Turtle"),
        ("t.ttl", '@prefix ex: <http://e/> .\nex:a ex:p "ok" .\nex:a ex:p "no end', r"line 3: not valid Turtle"),
        ("t.ttl", "Dies ist kein RDF, sondern ein Satz.\n", r"line 1: not valid Turtle"),
        ("t.nt", "<http://e/a> <http://e/p> <http://e/b> .\n<http://e/a> <http://e/p> \n",
         r"line 2: not valid N-Triples"),
        ("t.jsonld", '{\n  "@id": "http://e/a",\n  "http://e/p": \n', r"line 4: not valid JSON-LD"),
        ("t.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n',
         r"line 3: not valid RDF/XML"),
        ("t.ttl", b"\x89PNG\r\n\x1a\n\x00\x00".decode("latin-1"), r"not valid Turtle"),
    ],
)
def test_io_read_graph_reports_bad_rdf(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1" if "PNG" in content else "utf-8"))
    with pytest.raises(InputError, match=message) as info:
        io.read_graph(path)
    assert str(info.value).startswith(str(path))
    assert "\n" not in str(info.value)


def test_io_read_graph_truncated_turtle(tmp_path: Path, hand_graph: Graph) -> None:
    text = hand_graph.serialize(format="turtle")
    path = tmp_path / "cut.ttl"
    path.write_text(text[: len(text) // 2 - 7], encoding="utf-8")  # cut inside a statement
    with pytest.raises(InputError, match=r"cut\.ttl: line \d+: not valid Turtle"):
        io.read_graph(path)


def test_io_read_graph_missing_folder_unknown(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.ttl: no such graph file"):
        io.read_graph(tmp_path / "missing.ttl")
    (tmp_path / "dir.ttl").mkdir()
    with pytest.raises(InputError, match=r"dir\.ttl: is a folder"):
        io.read_graph(tmp_path / "dir.ttl")
    with pytest.raises(InputError, match="no graph file given"):
        io.read_graphs([])


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_io_read_graph_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.ttl"
    path.write_text("<http://e/a> <http://e/p> <http://e/b> .\n", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        io.read_graph(path)


# ------------------------------------------------------------------- outputs
def test_io_write_atomic_writes_and_leaves_no_temp(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    io.write_atomic(out, "erste Fassung\n")
    io.write_atomic(out, "zweite Fassung – ü\n")
    assert out.read_text(encoding="utf-8") == "zweite Fassung – ü\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


def test_io_write_atomic_keeps_earlier_file_when_write_fails(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.ttl"
    out.write_text("earlier, whole\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(io.os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left on device"):
        io.write_atomic(out, "new content that never lands\n")
    assert out.read_text(encoding="utf-8") == "earlier, whole\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]  # the temporary file is gone


def test_io_write_atomic_keeps_earlier_file_on_interrupt(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.ttl"
    out.write_text("earlier, whole\n", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(io.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        io.write_atomic(out, "half")
    assert out.read_text(encoding="utf-8") == "earlier, whole\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


def test_io_write_atomic_keeps_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    out.write_text("x", encoding="utf-8")
    out.chmod(0o640)
    io.write_atomic(out, "y")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.ttl"
    io.write_atomic(fresh, "z")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # as open() would make it, not mkstemp's 0600


def test_io_check_output_refusals(tmp_path: Path) -> None:
    src = tmp_path / "in.ttl"
    src.write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="does not exist"):
        io.check_output(tmp_path / "nowhere" / "out.ttl")
    with pytest.raises(OutputError, match="is a folder"):
        io.check_output(tmp_path)
    with pytest.raises(OutputError, match="is also an input"):
        io.check_output(src, inputs=[src])
    # The same file by another name is still the input.
    (tmp_path / "sub").mkdir()
    with pytest.raises(OutputError, match="is also an input"):
        io.check_output(tmp_path / "sub" / ".." / "in.ttl", inputs=[src])
    link = tmp_path / "link.ttl"
    link.symlink_to(src)
    with pytest.raises(OutputError, match="is also an input"):
        io.check_output(link, inputs=[src])
    io.check_output(tmp_path / "other.ttl", inputs=[src])  # no error
