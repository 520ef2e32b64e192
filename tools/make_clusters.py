"""Compute distributional word clusters for the named-entity CRF from a news corpus.

    .venv/bin/python tools/make_clusters.py                      # writes src/kgbuild/models/ner-de.clusters
    .venv/bin/python tools/make_clusters.py --corpus FILE.jsonl.gz --out /tmp/x.clusters

Each word that occurs at least ``--min-count`` times gets two cluster ids, coarse and fine
("17.203"): words are described by how often each of the most frequent words stands directly
left and right of them (positive PMI), reduced to ``--dims`` dimensions by SVD, normalised,
and grouped by k-means (seeded, so the output is deterministic). Only these numbers and the
word forms are written: nothing of the corpus's text. Needs numpy (not a run-time dependency).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_TOKEN = re.compile(r"\w+(?:[-‐'’]\w+)*|[^\w\s]")


def kmeans(x, k: int, *, seed: int, iterations: int = 25):  # type: ignore[no-untyped-def]
    import numpy as np

    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        sims = x @ centres.T  # rows are unit vectors: the nearest centre is the most similar one
        labels = sims.argmax(axis=1)
        for c in range(k):
            members = x[labels == c]
            if len(members):
                v = members.sum(axis=0)
                centres[c] = v / (np.linalg.norm(v) or 1.0)
    return labels


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "de_news.jsonl.gz")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "kgbuild" / "models" / "ner-de.clusters")
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--vocab", type=int, default=60000, help="at most this many words get a cluster")
    ap.add_argument("--contexts", type=int, default=400, help="context words on each side")
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--coarse", type=int, default=64)
    ap.add_argument("--fine", type=int, default=512)
    args = ap.parse_args(argv)

    opener = gzip.open if args.corpus.suffix == ".gz" else open
    docs: list[list[str]] = []
    freq: Counter[str] = Counter()
    with opener(args.corpus, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            obj = json.loads(line)
            text = ((obj.get("title") or "") + "\n" + (obj.get("text") or ""))
            toks = _TOKEN.findall(text)
            freq.update(toks)
            docs.append(toks)
    vocab = [w for w, c in freq.most_common(args.vocab) if c >= args.min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[: args.contexts])}
    nc = len(ctx)
    counts = np.zeros((len(vocab), 2 * nc), dtype=np.float32)
    for toks in docs:
        ids = np.array([index.get(t, -1) for t in toks], dtype=np.int64)
        cids = np.array([ctx.get(t, -1) for t in toks], dtype=np.int64)
        if len(ids) < 2:
            continue
        # left context of word i is token i-1; right context is token i+1
        w, c = ids[1:], cids[:-1]
        ok = (w >= 0) & (c >= 0)
        np.add.at(counts, (w[ok], c[ok]), 1.0)
        w, c = ids[:-1], cids[1:]
        ok = (w >= 0) & (c >= 0)
        np.add.at(counts, (w[ok], c[ok] + nc), 1.0)
    total = counts.sum()
    row = counts.sum(axis=1, keepdims=True)
    col = counts.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(counts * total / (row @ col))
    ppmi = np.nan_to_num(np.maximum(pmi, 0.0), nan=0.0, posinf=0.0, neginf=0.0).astype(np.float32)
    u, s, _vt = np.linalg.svd(ppmi, full_matrices=False)
    vec = u[:, : args.dims] * s[: args.dims]
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    coarse = kmeans(vec, args.coarse, seed=1)
    fine = kmeans(vec, args.fine, seed=2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# word<TAB>coarse.fine cluster ids; {len(vocab)} words, k={args.coarse}/{args.fine}, "
                 f"{args.dims}-dim PPMI-SVD of left/right neighbours (tools/make_clusters.py).\n"
                 "# Derived from word co-occurrence counts of a German news corpus; no text of it is kept.\n")
        for w in sorted(vocab):
            i = index[w]
            fh.write(f"{w}\t{coarse[i]}.{fine[i]}\n")
    print(f"{len(vocab)} words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
