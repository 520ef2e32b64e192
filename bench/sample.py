#!/usr/bin/env python
"""Read what the extraction makes of random corpus sentences, to check rules on unseen text.

Articles are drawn at random (fixed ``--seed``) from corpus lines ``--from-line`` and later
(11,000 by default: text no rule was tuned on). Each drawn article is extracted whole, so that
chains and pronouns have their context, and sentences that pass the filters are printed with
what the claim stage made of them: claim or not, the cue, the claimant and its kind, and
whether the claim starts a chain or continues one.

Filters (they combine):
    --claims-only            sentences that carry a claim
    --cue REGEX              claims whose cue matches (``--cue 'nach Angaben|laut'``)
    --quote-no-claim         sentences with a quotation mark but no claim: what the cues miss
    --claimant-kind KIND     claims whose claimant is a person, organization, country, place,
                             position, or was found through a pronoun

The corpus text is only printed to the terminal, never written to the repository.

Examples:
    .venv/bin/python bench/sample.py -n 30
    .venv/bin/python bench/sample.py -n 100 --claims-only --seed 7
    .venv/bin/python bench/sample.py -n 30 --quote-no-claim
    .venv/bin/python bench/sample.py -n 20 --claimant-kind position --json > /tmp/s.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from kgbuild.errors import KgbuildError  # noqa: E402
from kgbuild.model import Claim, Document  # noqa: E402
from kgbuild.pipeline import extract  # noqa: E402
from kgbuild.segment import segment  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("KGBUILD_BENCH_CORPUS", "/work/shared/corpus/de_news.jsonl.gz"))
CLAIMANT_KINDS = ("person", "organization", "country", "place", "position", "pronoun")
QUOTE_MARKS = "„“”«»‹›\"‚‘"
PRONOUNS = frozenset("er sie ihm ihr ihn ihnen seine ihre".split())
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Claimant:
    key: str
    name: str
    kind: str  # person, organization, country, place, position
    via_pronoun: bool  # the sentence names none of its names but holds a pronoun


@dataclass(frozen=True)
class ClaimView:
    key: str
    cue: str | None
    act: str
    chain: str  # "start" (the cue is in the claim's span) or "continues"
    negative: bool
    claimants: tuple[Claimant, ...]
    content: str
    quote: str | None


@dataclass(frozen=True)
class SentenceView:
    article: str
    source: str
    line: int
    sentence: int
    role: str
    text: str
    claims: tuple[ClaimView, ...]


def read_articles(path: Path, *, from_line: int, seed: int) -> Iterator[tuple[int, dict[str, object]]]:
    """Corpus records from ``from_line`` (1-based) on, in a shuffled order fixed by ``seed``."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        records = [(n, line) for n, line in enumerate(fh, 1) if n >= from_line]
    random.Random(seed).shuffle(records)
    for n, line in records:
        yield n, json.loads(line)


def _names(doc: Document, key: str) -> tuple[str, str]:
    """The display name and kind of a claimant key."""
    for e in doc.entities:
        if e.key == key:
            return e.name, e.kind
    for p in doc.positions:
        if p.key == key:
            holder = doc.entity(p.holder) if p.holder else None
            of = doc.entity(p.of) if p.of else None
            name = p.title + (f" ({of.name})" if of else "") + (f" = {holder.name}" if holder else "")
            return name, "position"
    return key, key.split("/", 1)[0]


def _surface_forms(doc: Document, key: str) -> set[str]:
    forms: set[str] = set()
    for e in doc.entities:
        if e.key == key:
            for n in (e.name, *e.alternate_names):
                forms.update(w.lower() for w in WORD.findall(n))
            forms.update(w.lower() for m in e.mentions for w in WORD.findall(m.text))
    for p in doc.positions:
        if p.key == key:
            forms.update(w.lower() for w in WORD.findall(p.title))
            forms.update(w.lower() for m in p.mentions for w in WORD.findall(m.text))
    return forms


def view_claim(doc: Document, c: Claim) -> ClaimView:
    words = {w.lower() for w in WORD.findall(c.span.text)}
    chain = "start" if c.cue and c.cue.split()[0].lower() in c.span.text.lower() else "continues"
    claimants = []
    for key in c.claimants:
        name, kind = _names(doc, key)
        named = bool(_surface_forms(doc, key) & words)
        pronoun = chain == "start" and not named and bool(words & PRONOUNS)
        claimants.append(Claimant(key, name, kind, via_pronoun=pronoun))
    return ClaimView(c.key, c.cue, c.speech_act.value, chain, c.negative, tuple(claimants), c.text, c.quote)


def sentences_of(record: dict[str, object], line: int) -> list[SentenceView]:
    """Every sentence of one corpus record, with the claims that cover it."""
    title = record.get("title")
    text = (f"{title}\n\n" if title else "") + str(record["text"])
    doc = extract(text, published=str(record.get("published") or "") or None, source=str(record["id"]))
    structure = segment(text, lang=doc.article.language)
    out = []
    for si, s in enumerate(structure.sentences):
        covering = tuple(view_claim(doc, c) for c in doc.claims
                         if c.span.begin < s.span.end and s.span.begin < c.span.end)
        out.append(SentenceView(str(record["id"]), str(record.get("source", "")), line, si, s.role,
                                s.span.text, covering))
    return out


def keep(s: SentenceView, args: argparse.Namespace) -> bool:
    """Does the sentence pass the command line's filters?"""
    if args.claims_only and not s.claims:
        return False
    if args.quote_no_claim and (s.claims or not any(ch in s.text for ch in QUOTE_MARKS)):
        return False
    claims = s.claims
    if args.cue:
        cue = re.compile(args.cue, re.I)
        claims = tuple(c for c in claims if c.cue and cue.search(c.cue))
        if not claims:
            return False
    if args.claimant_kind:
        k = args.claimant_kind
        claims = tuple(c for c in claims if any(
            (a.via_pronoun if k == "pronoun" else a.kind == k) for a in c.claimants))
        if not claims:
            return False
    return True


def sample(args: argparse.Namespace) -> Iterator[SentenceView]:
    rng = random.Random(args.seed)
    shown = 0
    for line, record in read_articles(args.corpus, from_line=args.from_line, seed=args.seed):
        if shown >= args.n:
            return
        try:
            candidates = [s for s in sentences_of(record, line) if keep(s, args)]
        except KgbuildError as exc:
            print(f"# {record.get('id')}: {exc}", file=sys.stderr)
            continue
        rng.shuffle(candidates)
        for s in sorted(candidates[: args.per_article], key=lambda s: s.sentence):
            if shown >= args.n:
                return
            shown += 1
            yield s


def render(n: int, s: SentenceView) -> str:
    wrap = textwrap.TextWrapper(width=100, initial_indent="    ", subsequent_indent="    ")
    lines = [f"[{n}] {s.article} (line {s.line}, {s.source}) sentence {s.sentence}, {s.role}",
             wrap.fill(s.text.replace("\n", " "))]
    if not s.claims:
        lines.append("    -> no claim")
    for c in s.claims:
        who = "; ".join(f"{a.name} [{a.kind}{', via pronoun' if a.via_pronoun else ''}]"
                        for a in c.claimants) or "(none)"
        lines.append(f"    -> {c.key} {c.act}{' NEGATIVE' if c.negative else ''}  cue: {c.cue!r}  "
                     f"chain: {c.chain}")
        lines.append(f"       claimant: {who}")
        lines.append("       " + textwrap.shorten(f"content: {c.content}", 150))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    ap.add_argument("-n", type=int, default=20, help="sentences to print (default 20)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--from-line", type=int, default=11000,
                    help="first corpus line (1-based) to draw from (default 11000)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="gzip JSON Lines corpus")
    ap.add_argument("--per-article", type=int, default=2, help="at most this many sentences per article")
    ap.add_argument("--claims-only", action="store_true", help="only sentences that carry a claim")
    ap.add_argument("--cue", metavar="REGEX", help="only claims whose cue matches")
    ap.add_argument("--quote-no-claim", action="store_true",
                    help="only sentences with a quotation mark and no claim")
    ap.add_argument("--claimant-kind", choices=CLAIMANT_KINDS, help="only claims with such a claimant")
    ap.add_argument("--json", action="store_true", help="one JSON object per sentence instead of text")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"sample.py: error: no corpus at {args.corpus} (set --corpus or KGBUILD_BENCH_CORPUS)",
              file=sys.stderr)
        return 2
    tally: Counter[str] = Counter()
    for n, s in enumerate(sample(args), 1):
        tally["sentences"] += 1
        tally["with claim"] += bool(s.claims)
        tally["continuations"] += sum(c.chain == "continues" for c in s.claims)
        if args.json:
            print(json.dumps(asdict(s), ensure_ascii=False))
        else:
            print(render(n, s), end="\n\n")
    if not args.json:
        print("# " + ", ".join(f"{k}: {v}" for k, v in tally.items()), f"(seed {args.seed}, "
              f"lines >= {args.from_line})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
