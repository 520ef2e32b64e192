"""Score kgbuild's named-entity labeller on GermEval 2014 (NoSta-D) files.

Reads the official TSV format: ``#`` comment lines (source and date of a sentence), then one
token per line as ``index<TAB>token<TAB>outer<TAB>inner``, a blank line after each sentence.
The 3-column conversion (``token<TAB>outer<TAB>inner``) is read too. The figure is the
micro-averaged precision, recall and F1 of **exact outer spans** of the classes PER, LOC and ORG
(``deriv``/``part`` forms and OTH are not scored), as in the issue's target::

    .venv/bin/python bench/germeval.py /work/shared/data/germeval2014/NER-de-dev.tsv
    .venv/bin/python bench/germeval.py FILE --by-class        # P/R/F1 per class as well
    .venv/bin/python bench/germeval.py FILE --system kgbuild  # the whole mentions stage instead of the CRF alone

``--system crf`` (default) tags each sentence with the shipped CRF. ``--system kgbuild`` runs
kgbuild's mentions stage (gazetteers, rules and CRF combined) on the sentence as a text of its
own, and maps person/place/country/organisation mentions to PER/LOC/LOC/ORG.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

SCORED = ("PER", "LOC", "ORG")
Sentence = tuple[list[str], list[str]]  # words, outer tags


def normalise(token: str) -> str:
    """The cleaned re-release's two replacements: soft hyphens out, U+0096 as an en dash."""
    return token.replace("\u00ad", "").replace("\u0096", "\u2013")


def read_germeval(path: str | Path, *, clean: bool = True) -> list[Sentence]:
    """Sentences of a GermEval file (4-column official TSV or 3-column IOB2 conversion)."""
    out: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#\t") or line == "#":
                continue
            if not line.strip():
                if words:
                    out.append((words, tags))
                    words, tags = [], []
                continue
            cols = line.split("\t")
            if len(cols) >= 4 and cols[0].isdigit():
                tok, outer = cols[1], cols[2]
            else:
                tok, outer = cols[0], cols[1]
            tok = normalise(tok) if clean else tok
            if not tok:  # a token that was only a soft hyphen
                tok = "-"
            words.append(tok)
            tags.append(outer)
    if words:
        out.append((words, tags))
    return out


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Exact outer spans (begin, end, class) of the scored classes in an IOB2 sequence."""
    out: set[tuple[int, int, str]] = set()
    start, cur = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("I-") and t[2:] == cur:
            continue
        if cur in SCORED:
            out.add((start, i, cur))
        cur, start = (t[2:], i) if t != "O" else ("", -1)
    return out


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Micro P/R/F1 over all scored classes ("all") and per class."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        for s in ps & gs:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1
    out: dict[str, dict[str, float]] = {}
    for c in ("all", *SCORED):
        t = sum(tp.values()) if c == "all" else tp[c]
        f_p = sum(fp.values()) if c == "all" else fp[c]
        f_n = sum(fn.values()) if c == "all" else fn[c]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[c] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": t + f_n,
                  "predicted": t + f_p}
    return out


def _tag_kgbuild(words: list[str]) -> list[str]:
    """Tags from kgbuild's whole mentions stage, run on the sentence as its own text."""
    from kgbuild.mentions import find_mentions, load_lexicon, tokenize
    from kgbuild.model import Sentence as KSentence
    from kgbuild.model import Span, Structure

    lex = load_lexicon("de")
    text = " ".join(words)
    begins, pos = [], 0
    for w in words:
        begins.append(pos)
        pos += len(w) + 1
    structure = Structure(blocks=(), sentences=(KSentence(Span.of(text, 0, len(text)), 0, "body"),))
    toks = tokenize(text, structure.sentences)
    tags = ["O"] * len(words)
    kinds = {"person": "PER", "place": "LOC", "country": "LOC", "organization": "ORG"}
    import bisect
    for m in find_mentions(structure, toks, lex):
        if m.role not in ("name", "acronym", "genitive"):
            continue
        i = bisect.bisect_right(begins, m.span.begin) - 1
        j = bisect.bisect_left(begins, m.span.end)
        if i < 0 or begins[i] != m.span.begin:
            continue
        c = kinds[m.kind]
        tags[i] = "B-" + c
        for k in range(i + 1, j):
            tags[k] = "I-" + c
    return tags


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", help="GermEval TSV (official 4-column or 3-column IOB2)")
    ap.add_argument("--system", choices=("crf", "kgbuild"), default="crf")
    ap.add_argument("--by-class", action="store_true")
    ap.add_argument("--raw", action="store_true", help="do not apply the U+00AD/U+0096 clean-up")
    args = ap.parse_args(argv)
    sents = read_germeval(args.file, clean=not args.raw)
    t0 = time.perf_counter()
    if args.system == "crf":
        from kgbuild.mentions import load_lexicon
        from kgbuild.mentions.ner import tag

        lex = load_lexicon("de")
        pred = [tag(w, lex) for w, _ in sents]
    else:
        pred = [_tag_kgbuild(w) for w, _ in sents]
    dt = time.perf_counter() - t0
    res = score([t for _, t in sents], pred)
    a = res["all"]
    print(f"{args.file}: {len(sents)} sentences, {sum(len(w) for w, _ in sents)} tokens, system {args.system}")
    print(f"PER/LOC/ORG exact outer spans: P {a['precision']:.4f} R {a['recall']:.4f} F1 {a['f1']:.4f}"
          f" ({a['gold']} gold, {a['predicted']} predicted) in {dt:.1f} s")
    if args.by_class:
        for c in SCORED:
            r = res[c]
            print(f"  {c}: P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f} ({r['gold']} gold)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
