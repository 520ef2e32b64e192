"""The code knows German, not the development articles: no sentence of them is quoted in src/.

The development set (../shared/eval/articles) is for scoring; a rule or comment that quotes
one of its sentences fits that article instead of German news.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src"
_SENTENCE_END = re.compile(r"(?<=[.!?…:;“”\"«»])\s+|\n+")


def _dev_articles() -> list[Path]:
    for base in (REPO.parent / "shared", Path("/work/shared")):
        folder = base / "eval" / "articles"
        if folder.is_dir():
            return sorted(folder.glob("*.txt"))
    return []


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _dev_sentences() -> set[str]:
    out: set[str] = set()
    for path in _dev_articles():
        for s in _SENTENCE_END.split(path.read_text(encoding="utf-8")):
            s = _normal(s).strip(" „“”\"'«»‚‘")
            if len(s.split()) > 6:
                out.add(s)
    return out


def _source_texts() -> dict[str, str]:
    return {str(p.relative_to(REPO)): _normal(p.read_text(encoding="utf-8", errors="replace"))
            for p in sorted(SRC.rglob("*")) if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".json", ".md")}


def test_no_dev_text_no_development_sentence_in_src() -> None:
    sentences = _dev_sentences()
    if not sentences:
        pytest.skip("the development articles (../shared/eval/articles) are not in this workplace")
    hits = [(name, s[:80]) for name, text in _source_texts().items() for s in sentences if s in text]
    assert not hits, f"development-article sentences quoted in src/: {hits}"


def _windows(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_no_dev_text_no_seven_word_passage_in_src_or_tests() -> None:
    articles = _dev_articles()
    if not articles:
        pytest.skip("the development articles (../shared/eval/articles) are not in this workplace")
    dev: set[tuple[str, ...]] = set()
    for path in articles:
        dev |= _windows(path.read_text(encoding="utf-8"), 7)
    hits = []
    for folder in (SRC, REPO / "tests"):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".md", ".yaml") and "golden" not in p.parts:
                if _windows(p.read_text(encoding="utf-8", errors="replace"), 7) & dev:
                    hits.append(str(p.relative_to(REPO)))
    assert not hits, f"seven words in a row from a development article in: {hits}"
