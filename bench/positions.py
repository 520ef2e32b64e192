#!/usr/bin/env python
"""Read the offices (``kg:Position``) the extraction finds in random corpus articles.

Articles are drawn as ``bench/sample.py`` draws them (fixed ``--seed``, corpus lines
``--from-line`` and later: 11,000 by default, text no rule was tuned on). For every office the
tool prints its title, whose office it is, its holder and the text around its first mention, so
that a reader can judge each rule of ``kgbuild.linking`` on unseen text. ``--changed-only``
keeps the offices that differ from a second run of another source tree (``--against DIR``, e.g.
``git archive <commit> src | tar -x -C /tmp/base``), to read what a change did.

The corpus text is only printed to the terminal, never written to the repository.

Examples:
    .venv/bin/python bench/positions.py -n 40 --seed 7
    .venv/bin/python bench/positions.py -n 60 --seed 11 --changed-only --against /tmp/base/src
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# the source tree to run: this one, or the one a comparison run names (--against)
sys.path.insert(0, os.environ.get("KGBUILD_POSITIONS_SRC") or str(REPO / "src"))
DEFAULT_CORPUS = Path(os.environ.get("KGBUILD_BENCH_CORPUS", "/work/shared/corpus/de_news.jsonl.gz"))


def read_articles(path: Path, *, from_line: int, seed: int) -> Iterator[tuple[int, dict[str, object]]]:
    """Corpus records from ``from_line`` (1-based) on, in the shuffled order of ``bench/sample.py``."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        records = [(n, line) for n, line in enumerate(fh, 1) if n >= from_line]
    random.Random(seed).shuffle(records)
    for n, line in records:
        yield n, json.loads(line)


def offices(n: int, seed: int, from_line: int, corpus: Path) -> Iterator[dict[str, str | None]]:
    """The offices of ``n`` random articles, one dict each: article, title, of, holder, context."""
    from kgbuild.errors import KgbuildError
    from kgbuild.pipeline import extract

    done = 0
    for _line, record in read_articles(corpus, from_line=from_line, seed=seed):
        if done >= n:
            return
        done += 1
        title = record.get("title")
        text = (f"{title}\n\n" if title else "") + str(record["text"])
        try:
            doc = extract(text, published=str(record.get("published") or "") or None, source=str(record["id"]))
        except KgbuildError as exc:
            print(f"# {record.get('id')}: {exc}", file=sys.stderr)
            continue
        names = {e.key: e.name for e in doc.entities}
        for p in doc.positions:
            span = p.mentions[0]
            yield {"article": str(record["id"]), "title": p.title, "of": names.get(p.of or "", p.of),
                   "holder": names.get(p.holder or "", p.holder),
                   "context": " ".join(text[max(0, span.begin - 90):span.end + 70].split())}


def _line(o: dict[str, str | None]) -> str:
    return f"{o['article']}\t{o['title']}\tof={o['of']}\tholder={o['holder']}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=20, help="articles to read (default 20)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--from-line", type=int, default=11000,
                    help="first corpus line (1-based) to draw from (default 11000)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="gzip JSON Lines corpus")
    ap.add_argument("--changed-only", action="store_true",
                    help="only offices that differ from the run of --against")
    ap.add_argument("--against", type=Path, help="another source tree's src/ directory to compare with")
    ap.add_argument("--json", action="store_true", help="one JSON object per office")
    args = ap.parse_args(argv)
    found = list(offices(args.n, args.seed, args.from_line, args.corpus))
    if args.changed_only:
        if args.against is None:
            ap.error("--changed-only needs --against DIR")
        cmd = [sys.executable, __file__, "-n", str(args.n), "--seed", str(args.seed), "--from-line",
               str(args.from_line), "--corpus", str(args.corpus), "--json"]
        env = {**os.environ, "KGBUILD_POSITIONS_SRC": str(args.against.resolve())}
        other = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
        before = {_line(json.loads(x)) for x in other.splitlines() if x.strip()}
        now = {_line(o) for o in found}
        for o in found:
            if _line(o) not in before:
                print(f"+ {_line(o)}\n      …{o['context']}…")
        for gone in sorted(before - now):
            print(f"- {gone}")
        return 0
    for o in found:
        print(json.dumps(o, ensure_ascii=False) if args.json else f"{_line(o)}\n      …{o['context']}…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
