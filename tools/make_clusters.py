"""Compute distributional word features for the named-entity CRF from a news corpus.

    .venv/bin/python tools/make_clusters.py                      # writes src/kgbuild/models/ner-de.clusters
    .venv/bin/python tools/make_clusters.py --corpus FILE.jsonl.gz --out /tmp/x.clusters

Each word form that occurs at least ``--min-count`` times (at most ``--vocab`` forms) gets:

* cluster ids at several granularities ("12.201.3050", k = ``--ks``): words are described by
  how often each of the ``--contexts`` most frequent words stands directly left and right of
  them (positive PMI), reduced to ``--dims`` dimensions (SVD through the eigenvectors of the
  context Gram matrix), normalised, and grouped by k-means (fitted on the ``--fit`` most
  frequent forms, seeded, so the output is deterministic); every form is then put in its
  nearest centre;
* four bucketed rates, for the German noun-versus-name question that capitalisation cannot
  answer: ``d`` how often the form follows an article or determiner, ``p`` how often it follows
  "in"/"aus"/"nach", ``l`` how often its lower-case form occurs instead (for a capitalised
  form), ``f`` its frequency (log2 bucket).

Only these numbers and the word forms are written: nothing of the corpus's text. Needs numpy
(not a run-time dependency).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_TOKEN = re.compile(r"\w+(?:[-‐'’]\w+)*|[^\w\s]")
DETERMINERS = frozenset("der die das den dem des ein eine einen einem einer eines kein keine keinen keinem "
                        "keiner keines dieser diese dieses diesen diesem jeder jede jedes jeden jedem".split())
PLACE_PREPOSITIONS = frozenset(("in", "aus", "nach"))
RATE_BUCKETS = (0.02, 0.08, 0.2, 0.4)


def kmeans(x, k: int, *, seed: int, iterations: int = 20):  # type: ignore[no-untyped-def]
    """Spherical k-means: unit-vector centres (rows of ``x`` are unit vectors)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centres = x[np.sort(rng.choice(len(x), size=k, replace=False))].copy()
    for _ in range(iterations):
        labels = assign(x, centres)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.maximum(norms, 1e-9))
    return centres


def assign(x, centres, chunk: int = 20000):  # type: ignore[no-untyped-def]
    import numpy as np

    out = np.empty(len(x), dtype=np.int64)
    for i in range(0, len(x), chunk):
        out[i:i + chunk] = (x[i:i + chunk] @ centres.T).argmax(axis=1)
    return out


def bucket(rate: float) -> int:
    return sum(rate >= b for b in RATE_BUCKETS)


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "de_news.jsonl.gz")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "kgbuild" / "models" / "ner-de.clusters")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--vocab", type=int, default=150000, help="at most this many words get clusters")
    ap.add_argument("--contexts", type=int, default=1000, help="context words on each side")
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--fit", type=int, default=60000, help="k-means is fitted on this many most frequent words")
    ap.add_argument("--window", type=int, default=1, help="2: words two positions away count as neighbours too")
    ap.add_argument("--ks", default="64,256,1024", help="cluster counts, coarse to fine")
    args = ap.parse_args(argv)
    ks = [int(k) for k in args.ks.split(",")]

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
    ranked = sorted(freq.items(), key=lambda x: (-x[1], x[0]))
    vocab = [w for w, c in ranked[: args.vocab] if c >= args.min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[: args.contexts])}
    nv, nc = len(vocab), len(ctx)
    det_ids = np.array(sorted(index[w] for w in DETERMINERS if w in index), dtype=np.int64)
    prep_ids = np.array(sorted(index[w] for w in PLACE_PREPOSITIONS if w in index), dtype=np.int64)
    pairs: list = []  # type: ignore[type-arg]
    after_det: list = []  # type: ignore[type-arg]
    after_prep: list = []  # type: ignore[type-arg]
    for toks in docs:
        if len(toks) < 2:
            continue
        ids = np.array([index.get(t, -1) for t in toks], dtype=np.int64)
        cids = np.array([ctx.get(t, -1) for t in toks], dtype=np.int64)
        w, c = ids[1:], cids[:-1]  # left neighbour
        ok = (w >= 0) & (c >= 0)
        pairs.append(w[ok] * (2 * nc) + c[ok])
        w, c = ids[:-1], cids[1:]  # right neighbour
        ok = (w >= 0) & (c >= 0)
        pairs.append(w[ok] * (2 * nc) + c[ok] + nc)
        if args.window > 1 and len(ids) > 2:
            w, c = ids[2:], cids[:-2]  # the word two to the left
            ok = (w >= 0) & (c >= 0)
            pairs.append(w[ok] * (2 * nc) + c[ok])
            w, c = ids[:-2], cids[2:]  # two to the right
            ok = (w >= 0) & (c >= 0)
            pairs.append(w[ok] * (2 * nc) + c[ok] + nc)
        prev, cur = ids[:-1], ids[1:]
        ok = cur >= 0
        after_det.append(cur[ok & np.isin(prev, det_ids)])
        after_prep.append(cur[ok & np.isin(prev, prep_ids)])
    flat = np.bincount(np.concatenate(pairs), minlength=nv * 2 * nc)
    det = np.bincount(np.concatenate(after_det), minlength=nv)
    prep = np.bincount(np.concatenate(after_prep), minlength=nv)
    del pairs
    del docs
    counts = flat.reshape(nv, 2 * nc).astype(np.float32)
    del flat
    total = counts.sum()
    row = counts.sum(axis=1, keepdims=True)
    col = counts.sum(axis=0, keepdims=True) ** 0.75  # context distribution smoothing
    col *= total / col.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(counts * total / (row @ col))
    ppmi = np.nan_to_num(np.maximum(pmi, 0.0), nan=0.0, posinf=0.0, neginf=0.0).astype(np.float32)
    del pmi, counts
    gram = (ppmi.T.astype(np.float64) @ ppmi.astype(np.float64))
    vals, vecs = np.linalg.eigh(gram)
    order = np.argsort(vals)[::-1][: args.dims]
    basis = vecs[:, order]
    basis *= np.sign(basis[np.abs(basis).argmax(axis=0), range(basis.shape[1])])  # deterministic signs
    vec = (ppmi @ basis.astype(np.float32)).astype(np.float32)
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    labels = []
    for j, k in enumerate(ks):
        centres = kmeans(vec[: args.fit], k, seed=j + 1)
        labels.append(assign(vec, centres))
        print(f"k={k} done", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# word<TAB>cluster ids (k={'/'.join(map(str, ks))})<TAB>rates; {nv} words, {args.dims}-dim "
                 "PPMI-SVD of left/right neighbours; rates d (after a determiner), p (after in/aus/nach), "
                 "l (lower-case form instead), f (log2 frequency), bucketed (tools/make_clusters.py).\n"
                 "# Derived from word co-occurrence counts of a German news corpus; no text of it is kept.\n")
        for w in sorted(vocab):
            i = index[w]
            n = freq[w]
            rates = [f"d{bucket(det[i] / n)}", f"p{bucket(prep[i] / n)}"]
            if w[:1].isupper():
                lo = freq.get(w.lower(), 0)
                rates.append(f"l{bucket(lo / (lo + n))}")
            rates.append(f"f{min(int(math.log2(n)) // 2, 8)}")
            fh.write(f"{w}\t{'.'.join(str(lab[i]) for lab in labels)}\t{' '.join(rates)}\n")
    print(f"{nv} words -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
