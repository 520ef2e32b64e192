"""Train kgbuild's named-entity CRF on GermEval 2014 and write it into the package.

    .venv/bin/python tools/train_ner.py                        # train on train, score on dev, write the model
    .venv/bin/python tools/train_ner.py --out /tmp/x --c1 0.05  # an experiment, elsewhere

Reads ``germ.train.iob2`` (3 columns) and ``NER-de-dev.tsv`` (official 4 columns) from
``--data`` (default ``../shared/data/germeval2014``, CC BY 4.0: Benikova, Biemann, Reznicek,
LREC 2014), applies the cleaned re-release's replacements to the tokens (U+00AD removed, U+0096
as U+2013), computes the features of :mod:`kgbuild.mentions.ner` (with kgbuild's gazetteers and
lexicons, and the word clusters in ``src/kgbuild/models/ner-de.clusters`` if present), trains a
linear-chain CRF with python-crfsuite (L-BFGS, L1 + L2, single-threaded), and writes:

* ``src/kgbuild/models/ner-de.crfsuite``: the model;
* ``src/kgbuild/models/ner-de.json``: its metadata: the data files and their sha256, the
  settings, the training time, the dev score (PER/LOC/ORG exact outer spans, as ``bench/germeval.py``).

The dev file is used only to score (and to choose settings by hand); the model is trained on
train alone. Training is deterministic for the same data, lexicons and settings.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import importlib.util
import json
import platform
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _germeval() -> object:
    spec = importlib.util.spec_from_file_location("germeval", ROOT / "bench" / "germeval.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "germeval2014")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "kgbuild" / "models")
    ap.add_argument("--name", default="ner-de")
    ap.add_argument("--c1", type=float, default=0.1, help="L1 weight (sparsity: model size)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 weight")
    ap.add_argument("--iterations", type=int, default=250)
    ap.add_argument("--min-freq", type=int, default=1, help="drop features seen fewer times in train")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences only (experiments)")
    ap.add_argument("--clusters", type=Path, default=None,
                    help="word clusters (tools/make_clusters.py; default: <out>/<name>.clusters), copied to <out>")
    ap.add_argument("--no-clusters", action="store_true", help="train without the word-cluster features")
    ap.add_argument("--add-dev", type=Path, default=None, metavar="TRAIN_ONLY_JSON",
                    help="train on train + dev; the dev score recorded is the one in TRAIN_ONLY_JSON, the "
                         "metadata of a model trained on train alone with the same settings and features")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    import pycrfsuite

    from kgbuild.mentions import load_lexicon
    from kgbuild.mentions.ner import make_word_info, read_clusters, sentence_features

    ge = _germeval()
    train_path = args.data / "germ.train.iob2"
    dev_path = args.data / "NER-de-dev.tsv"
    train = ge.read_germeval(train_path)  # type: ignore[attr-defined]
    dev = ge.read_germeval(dev_path)  # type: ignore[attr-defined]
    if args.limit:
        train = train[: args.limit]
    reference = None
    if args.add_dev:
        reference = json.loads(args.add_dev.read_text(encoding="utf-8"))
        want = {"algorithm": "lbfgs", "c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                "feature.minfreq": args.min_freq}
        if reference.get("settings") != want or reference["training_data"]["sentences"] != len(train):
            sys.exit(f"{args.add_dev}: not a train-only model with the same settings {want}")
        ref_model = args.add_dev.parent / reference["model"]
        ref_sha = sha256(ref_model) if ref_model.is_file() else reference.get("model_sha256")
        train = train + dev
    lex = load_lexicon("de")
    clusters: dict[str, str] = {}
    cpath = args.clusters or args.out / f"{args.name}.clusters"
    if not args.no_clusters and cpath.is_file():
        clusters = read_clusters(cpath)
        if cpath.resolve() != (args.out / f"{args.name}.clusters").resolve():
            args.out.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cpath, args.out / f"{args.name}.clusters")
    elif args.no_clusters and (args.out / f"{args.name}.clusters").is_file():
        sys.exit(f"{args.out / args.name}.clusters exists: the model would read clusters it was not trained with")
    info = make_word_info(lex, clusters)

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in train:
        trainer.append(sentence_features(words, info), tags)
    t_feat = time.perf_counter() - t0
    trainer.select("lbfgs", "crf1d")
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.minfreq": args.min_freq, "feature.possible_transitions": True})
    args.out.mkdir(parents=True, exist_ok=True)
    model = args.out / f"{args.name}.crfsuite"
    tmp = model.with_suffix(".crfsuite.tmp")
    t1 = time.perf_counter()
    trainer.train(str(tmp))
    t_train = time.perf_counter() - t1
    last = trainer.logparser.last_iteration or {}

    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp))
    t2 = time.perf_counter()
    pred = [tagger.tag(sentence_features(w, info)) for w, _ in dev]
    t_tag = time.perf_counter() - t2
    tagger.close()
    res = ge.score([t for _, t in dev], pred)  # type: ignore[attr-defined]
    dev_score = {"metric": "PER/LOC/ORG exact outer spans, micro", **res["all"],
                 "by_class": {c: res[c] for c in ("PER", "LOC", "ORG")},
                 "tokens_per_second": round(sum(len(w) for w, _ in dev) / t_tag)}
    if reference is not None:
        dev_score = {**reference["dev_score"], "model": "trained on train alone with the same settings and "
                     f"features ({reference['model']}, sha256 {ref_sha}); this model "
                     f"has seen dev (its own figure there, {res['all']['f1']:.4f}, means nothing)"}
    tmp.replace(model)
    meta = {
        "name": args.name,
        "model": model.name,
        "what": "linear-chain CRF (python-crfsuite) labelling GermEval 2014 outer tags (IOB2)",
        "features": "kgbuild.mentions.ner.sentence_features",
        "training_data": {
            "file": train_path.name, "sha256": sha256(train_path), "sentences": len(train),
            "tokens": sum(len(w) for w, _ in train),
            "normalisation": "U+00AD removed, U+0096 -> U+2013 (the cleaned re-release of dev/test)",
            "source": "GermEval 2014 NER (NoSta-D), CC BY 4.0; Benikova, Biemann, Reznicek, LREC 2014",
        },
        "dev_data": {"file": dev_path.name, "sha256": sha256(dev_path), "sentences": len(dev),
                     "used_for": "training too (--add-dev)" if reference is not None else "scoring only"},
        "word_clusters": {"file": args.name + ".clusters", "words": len(clusters),
                          "made_by": "tools/make_clusters.py",
                          "header": _header(args.out / f"{args.name}.clusters"),
                          "sha256": sha256(args.out / f"{args.name}.clusters")} if clusters else None,
        "settings": {"algorithm": "lbfgs", "c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                     "feature.minfreq": args.min_freq},
        "training": {"iterations": last.get("num"), "loss": last.get("loss"),
                     "seconds_features": round(t_feat, 1), "seconds_training": round(t_train, 1),
                     "python": platform.python_version(),
                     "python_crfsuite": importlib.metadata.version("python-crfsuite")},
        "labels": sorted(set(tagger_labels(model))),
        "dev_score": dev_score,
        "model_bytes": model.stat().st_size,
        "model_sha256": sha256(model),
    }
    (args.out / f"{args.name}.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
    a = res["all"]
    print(f"dev PER/LOC/ORG: P {a['precision']:.4f} R {a['recall']:.4f} F1 {a['f1']:.4f}; "
          + " ".join(f"{c} {res[c]['f1']:.4f}" for c in ("PER", "LOC", "ORG"))
          + f"; features {t_feat:.0f} s, training {t_train:.0f} s, model {meta['model_bytes'] / 1e6:.1f} MB")
    return 0


def _header(path: Path) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.readline().lstrip("# ").rstrip()


def tagger_labels(model: Path) -> list[str]:
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(str(model))
    labels = list(t.labels())
    t.close()
    return labels


if __name__ == "__main__":
    sys.exit(main())
