"""A statistical named-entity labeller: a linear-chain CRF over the tokens of a sentence.

The model (``kgbuild/models/ner-de.crfsuite``) is trained by ``tools/train_ner.py`` on the
GermEval 2014 training set (CC BY 4.0; see NOTICE) and ships in the wheel. It labels tokens
with IOB2 tags of the GermEval classes (PER, LOC, ORG, OTH and their ``deriv``/``part``
forms); :func:`find_spans` returns the PER, LOC and ORG spans only.

Features are computed here, so training and tagging share them exactly: the word, its
shape, prefixes and suffixes, the words around it, and kgbuild's own knowledge — gazetteer
matches (states, places, organisations, people), first names, titles and the common-noun
dictionary — plus distributional numbers per word (``ner-de.clusters``, derived from a news
corpus, no text): cluster ids at several granularities (also of the neighbouring words) and
bucketed rates (after a determiner, after "in"/"aus"/"nach", lower-case form, frequency).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from kgbuild import lang as lang_data
from kgbuild.mentions.lexicon import Lexicon, in_context
from kgbuild.model import EntityKind, Mention, Span

__all__ = ["MODEL_NAME", "POLICY", "combine", "complete_names", "find_spans", "label_tokens", "load_tagger",
           "model_info", "propagate", "sentence_features", "spans_of", "tag"]

MODEL_NAME = "ner-de"
NER_KINDS: dict[str, EntityKind] = {"PER": "person", "LOC": "place", "ORG": "organization"}

_SHAPE_UP = re.compile(r"[A-ZÄÖÜ]+")
_SHAPE_LO = re.compile(r"[a-zäöüß]+")
_SHAPE_DIGIT = re.compile(r"[0-9]+")
_SHAPE_OTHER = re.compile(r"[^Xxd\-.]+")


def _shape(w: str) -> str:
    """Compressed word shape: "Müller" → "Xx", "EU-Staaten" → "X-Xx", "1990er" → "dx"."""
    s = _SHAPE_UP.sub("X", w)
    s = _SHAPE_LO.sub("x", s)
    s = _SHAPE_DIGIT.sub("d", s)
    return _SHAPE_OTHER.sub("o", s)


class _WordInfo:
    """Per-word features that do not depend on context, memoised across sentences."""

    __slots__ = ("lex", "clusters", "cache")

    def __init__(self, lex: Lexicon, clusters: dict[str, str]) -> None:
        self.lex = lex
        self.clusters = clusters
        self.cache: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {}

    def get(self, w: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
        """(features of the word itself, its lower case, its features as a neighbour).

        The neighbour features are ("-1l=", "-1c=", "+1l=", "+1c=", "-2c=", "+2c=") with the word's
        lower case or short class: strings made once per word, not once per token."""
        hit = self.cache.get(w)
        if hit is not None:
            return hit
        lex = self.lex
        low = w.lower()
        sh = _shape(w)
        f = ["l=" + low, "sh=" + sh, "p3=" + low[:3], "s3=" + low[-3:], "s4=" + low[-4:]]
        if len(low) > 7:
            f.append("s6=" + low[-6:])
            f.append("s8=" + low[-8:])
        cap = w[:1].isupper()
        cls = sh
        if cap:
            if lex.is_first_name(w):
                f.append("fn")
                cls = "FN"
            if lex.title_of(w) is not None:
                f.append("title")
                cls = "TI"
            if w in lex.stop:
                f.append("stop")
            elif lex.is_common(w):
                f.append("common")
                if cls == sh:
                    cls = "CO"
        if "-" in w and len(w) > 2:
            head, _, last = w.rpartition("-")
            f.append("hl=" + last.lower())
            f.append("hh=" + head.split("-")[0])
            k = lex.surface_keys.get(head.split("-")[0])
            if k is not None:
                f.append("hg=" + k.split("/", 1)[0])
        c = self.clusters.get(w) or self.clusters.get(low)
        near = "-"
        if c is not None:
            ids, _, rates = c.partition("\t")
            parts = ids.split(".")
            for j, cid in enumerate(parts):
                f.append(f"c{j}={cid}")
            near = parts[len(parts) // 2]
            f.extend("r" + r for r in rates.split())
        ctx = ("-1l=" + low, "-1c=" + cls, "+1l=" + low, "+1c=" + cls, "-2c=" + cls, "+2c=" + cls,
               "-1k=" + near, "+1k=" + near)
        # tuples of strings only: the cycle collector stops tracking them, so a full collection
        # does not walk the memo (up to 200,000 words) again and again
        hit = (tuple(f), low, ctx)
        if len(self.cache) < 200_000:
            self.cache[w] = hit
        return hit


def _gazetteer_tags(words: Sequence[str], lex: Lexicon) -> list[str | None]:
    """B-/I- tags of the longest gazetteer names among the words, by kind and role."""
    n = len(words)
    out: list[str | None] = [None] * n
    if n == 0:
        return out
    text = " ".join(words)
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    pos = 0
    for i, w in enumerate(words):
        starts[pos] = i
        ends[pos + len(w)] = i
        pos += len(w) + 1
    found = []
    for end, (entry, length) in lex.automaton.iter(text):
        b, e = end - length + 1, end + 1
        if b in starts and e in ends:
            found.append((starts[b], ends[e], entry))
    found.sort(key=lambda x: (x[0] - x[1], x[0]))
    for i, j, entry in found:
        if any(out[k] is not None for k in range(i, j + 1)):
            continue
        label = entry.kind if entry.role in ("name", "acronym") else f"{entry.kind}.{entry.role}"
        if entry.ambiguous:
            label += "?"
        out[i] = "B" + label
        for k in range(i + 1, j + 1):
            out[k] = "I" + label
    return out


def sentence_features(words: Sequence[str], info: _WordInfo) -> list[list[str]]:
    """The feature strings of each token of one sentence."""
    n = len(words)
    base = [info.get(w) for w in words]
    gaz = _gazetteer_tags(words, info.lex)
    feats: list[list[str]] = []
    for i in range(n):
        own, low, _ = base[i]
        f = ["b", *own]
        g = gaz[i]
        if g is not None:
            f.append("g=" + g)
        if i == 0:
            f.append("BOS")
        else:
            _, plow, pctx = base[i - 1]
            f.append(pctx[0])
            f.append(pctx[1])
            f.append(pctx[6])
            f.append("-1l|l=" + plow + "|" + low)
            if gaz[i - 1] is not None:
                f.append("-1g=" + gaz[i - 1])  # type: ignore[operator]
            if i > 1:
                f.append(base[i - 2][2][4])
        if i == n - 1:
            f.append("EOS")
        else:
            _, nlow, nctx = base[i + 1]
            f.append(nctx[2])
            f.append(nctx[3])
            f.append(nctx[7])
            f.append("l|+1l=" + low + "|" + nlow)
            if gaz[i + 1] is not None:
                f.append("+1g=" + gaz[i + 1])  # type: ignore[operator]
            if i < n - 2:
                f.append(base[i + 2][2][5])
        feats.append(f)
    return feats


def _resource(name: str) -> Any:
    return resources.files("kgbuild").joinpath("models", name)


@lru_cache(maxsize=2)
def load_clusters(name: str = MODEL_NAME) -> dict[str, str]:
    """Word → its cluster ids and rates ("12.201.3050\td1 p0 l0 f5"), from ``kgbuild/models/<name>.clusters``
    (empty if absent)."""
    path = _resource(name + ".clusters")
    if not path.is_file():
        return {}
    return read_clusters(path)


def read_clusters(path: Any) -> dict[str, str]:
    """A clusters file: ``word<TAB>id.id...[<TAB>rates]`` lines (coarse to fine ids), ``#`` comments.

    The rest of a line after the word is kept as it is and split when the word is first seen."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return dict(line.split("\t", 1) for line in lines if line and line[0] != "#" and "\t" in line)


@lru_cache(maxsize=2)
def model_info(name: str = MODEL_NAME) -> dict[str, Any]:
    """The model's metadata: training data and its sha256, settings, dev scores."""
    path = _resource(name + ".json")
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


class Tagger:
    """A loaded CRF model with the feature memo of its lexicon."""

    def __init__(self, crf: Any, info: _WordInfo) -> None:
        self.crf = crf
        self.info = info

    def tag(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        return complete_names(words, list(self.crf.tag(sentence_features(words, self.info))))


_ISCH_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][\w-]*isch(?:e|er|en|es)$")


def complete_names(words: Sequence[str], tags: list[str]) -> list[str]:
    """A name does not end in an attributive adjective: an ORG span whose last word is an inflected
    "-isch" adjective takes the capitalised noun after it (in place; the list is returned).

    >>> complete_names(["Verband", "Westfälischer", "Imker", "tagt"], ["B-ORG", "I-ORG", "O", "O"])
    ['B-ORG', 'I-ORG', 'I-ORG', 'O']
    """
    for i in range(len(words) - 1):
        if tags[i + 1] == "O" and tags[i][2:] == "ORG" and _ISCH_ADJECTIVE.match(words[i]) \
                and words[i + 1][:1].isupper() and words[i + 1][1:].islower():
            tags[i + 1] = "I-ORG"
    return tags


_TAGGERS: dict[tuple[int, str], Tagger | None] = {}


def load_tagger(lex: Lexicon, name: str = MODEL_NAME) -> Tagger | None:
    """The shipped model, opened once per lexicon (None if the wheel carries no model)."""
    k = (id(lex), name)
    if k in _TAGGERS:
        return _TAGGERS[k]
    import pycrfsuite

    path = _resource(name + ".crfsuite")
    tagger = None
    if path.is_file():
        crf = pycrfsuite.Tagger()
        with resources.as_file(path) as p:
            crf.open(str(p))
        tagger = Tagger(crf, _WordInfo(lex, load_clusters(name)))
    _TAGGERS[k] = tagger
    return tagger


def make_word_info(lex: Lexicon, clusters: dict[str, str]) -> _WordInfo:
    """The feature memo used by training (``tools/train_ner.py``)."""
    return _WordInfo(lex, clusters)


def tag(words: Sequence[str], lex: Lexicon) -> list[str]:
    """IOB2 tags of one sentence's words (all ``O`` if no model is installed)."""
    tagger = load_tagger(lex)
    if tagger is None:
        return ["O"] * len(words)
    return tagger.tag(words)


def spans_of(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Outer entity spans (first token, last token + 1, class) of an IOB2 tag sequence.

    >>> spans_of(["B-PER", "I-PER", "O", "B-LOC", "I-ORG"])
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'ORG')]
    """
    out: list[tuple[int, int, str]] = []
    start, cur = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("I-") and t[2:] == cur:
            continue
        if cur:
            out.append((start, i, cur))
        cur, start = (t[2:], i) if t != "O" else ("", -1)
    return out


def find_spans(words: Sequence[str], lex: Lexicon) -> list[tuple[int, int, str]]:
    """PER, LOC and ORG spans of one sentence: (first token, last token + 1, kind)."""
    return [(b, e, NER_KINDS[c]) for b, e, c in spans_of(tag(words, lex)) if c in NER_KINDS]


# ------------------------------------------------------------------ the labeller in the mentions stage
# How the labeller's spans and the mentions of gazetteers and rules are combined. Each switch was
# measured on the 30 development articles (score.py) and GermEval dev (bench/germeval.py); see README.
POLICY: dict[str, Any] = {
    "add_free": True,  # a labelled span that overlaps no mention becomes one
    "add_kinds": ("PER", "LOC", "ORG"),  # the classes whose spans are added
    "persons": "speakers",  # PER spans: "all", or "speakers": only next to a verb of saying ("sagt Jannik")
    # a gazetteer name that is also a common word ("Die Welt", "Linken") needs the gazetteer's context cue
    # ("gazetteer"), or that or the labeller reading it as the gazetteer's kind ("agree"), the latter for
    # organisations only ("agree_orgs": "auf Corona" is no place). GermEval dev, kgbuild system: 0.6564,
    # 0.6581, 0.6579; dev articles: orgs .93 / .94 / .94, places .91 / .91 / .92
    "ambiguous": "agree_orgs",
    # a span that opens with a noun for a kind of place ("Bundesland Hessen", "Ländern Chile") names a place
    # with its kind, not an organisation: the labeller's ORG reading is left out
    "place_nouns": True,
    # a one-word span of common nouns joined by hyphens ("Mathematik-Prüfung") is no name unless its last
    # part names an organisation ("Karnevals-Gesellschaft")
    "common_compounds": True,
    "disagree": "gazetteer",  # the labeller's class differs from the gazetteer's kind: gazetteer | labeller | skip
    "org_over_place": True,  # an ORG span around shorter place/state mentions replaces them ("Universität Wien")
    "wider_than_rules": True,  # a span around shorter mentions of pattern rules replaces them ("TSV Oberfelden")
    # a mention found by a pattern rule alone (no gazetteer key) that the labeller reads as no name at all is
    # dropped if it is: "word" a single word with a lower-case reading ("Insgesamt" by its "-amt"), "acronym"
    # an acronym by its capitals ("PDF"), "name" any other name
    "veto_rules": ("word", "acronym"),
    # the classes whose names are read the same at every occurrence in an article (see propagate)
    "propagate": (),
}


def label_tokens(toks: Any, lex: Lexicon) -> list[str]:
    """IOB2 tags for every token of an article (``kgbuild.mentions.Tokens``), sentence by sentence."""
    tagger = load_tagger(lex)
    n = len(toks)
    if tagger is None:
        return ["O"] * n
    out: list[str] = []
    i = 0
    while i < n:
        j = i
        s = toks.sentence_of[i]
        while j < n and toks.sentence_of[j] == s:
            j += 1
        out.extend(tagger.tag([toks.word(k) for k in range(i, j)]))
        i = j
    if POLICY["propagate"]:
        propagate([toks.word(k) for k in range(n)], out, POLICY["propagate"])
    return out


def propagate(words: Sequence[str], tags: list[str], kinds: Sequence[str]) -> None:
    """One reading per name and article: where the labeller tagged a name of a class in ``kinds``
    somewhere, its other occurrences that it left untagged get the same class (in place).

    A name is a labelled span's token sequence, and for a person of two or more words also the last
    word alone (the surname, "Brackmeyer" after "Jana Brackmeyer"). A token sequence read as two
    classes in the article is left alone; only capitalised, wholly untagged occurrences change.

    >>> words = "Jana Brackmeyer lobt die Stadtwerke Oberfeld . Brackmeyer sagt , Stadtwerke Oberfeld".split()
    >>> tags = ["B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"]
    >>> propagate(words, tags, ("PER", "ORG"))
    >>> tags[7], tags[10:]
    ('B-PER', ['B-ORG', 'I-ORG'])
    """
    names: dict[tuple[str, ...], set[str]] = {}
    for b, e, c in spans_of(tags):
        if c not in kinds:
            continue
        names.setdefault(tuple(words[b:e]), set()).add(c)
        if c == "PER" and e - b > 1 and words[e - 1][:1].isupper():
            names.setdefault((words[e - 1],), set()).add(c)
    if not names:
        return
    first: dict[str, list[tuple[str, ...]]] = {}
    for name, cs in names.items():
        if len(cs) == 1:
            first.setdefault(name[0], []).append(name)
    for lst in first.values():
        lst.sort(key=len, reverse=True)
    n = len(words)
    i = 0
    while i < n:
        cand = first.get(words[i]) if tags[i] == "O" and words[i][:1].isupper() else None
        if cand:
            for name in cand:
                k = len(name)
                if tuple(words[i:i + k]) == name and all(t == "O" for t in tags[i:i + k]) \
                        and (i + k >= n or tags[i + k][:2] != "I-"):
                    c = next(iter(names[name]))
                    tags[i] = "B-" + c
                    for j in range(i + 1, i + k):
                        tags[j] = "I-" + c
                    i += k - 1
                    break
        i += 1


def combine(toks: Any, lex: Lexicon, mentions: Sequence[Mention],
            sentence_of: Any) -> tuple[list[Mention], list[Mention]]:
    """What the labeller changes in the mentions found so far: (mentions to drop, mentions to add).

    Gazetteers still link what the labeller finds (a span that is a gazetteer name gets its key
    and kind), and rules keep their mentions where the two overlap, except for the cases of
    :data:`POLICY`.
    """
    if load_tagger(lex) is None:
        return [], []
    tags = label_tokens(toks, lex)
    text = toks.text
    drop: list[Mention] = []
    add: list[Mention] = []
    spans = [(toks.starts[b], toks.ends[e - 1], c) for b, e, c in spans_of(tags) if c in NER_KINDS]
    if POLICY["veto_rules"]:
        labelled = bytearray(len(text))
        for b, e, t in zip(toks.starts, toks.ends, tags, strict=True):
            if t != "O":
                labelled[b:e] = b"\x01" * (e - b)
        veto = POLICY["veto_rules"]
        for m in mentions:
            if m.key is not None or m.kind not in ("organization", "place") \
                    or labelled.find(1, m.span.begin, m.span.end) != -1:
                continue
            w = m.span.text
            if m.role == "acronym" and "acronym" in veto:
                drop.append(m)
            elif m.role == "name" and ("name" in veto or "word" in veto and " " not in w and lex.is_word(w.lower())):
                drop.append(m)
    kept = [m for m in mentions if m not in drop]
    surnames = {m.name.split()[-1] for m in mentions if m.kind == "person" and m.name}
    place_nouns = _name_list(lex.lang, "place_noun")
    illnesses = _name_list(lex.lang, "illness")
    for b, e, c in spans:
        words = text[b:e].split()
        if c == "ORG" and POLICY["place_nouns"] and len(words) > 1 and words[0] in place_nouns:
            continue
        if POLICY["common_compounds"] and len(words) == 1 and _common_compound(words[0], lex):
            continue
        if text[b:e] in illnesses:
            continue  # "Covid-19": an illness, no organisation
        if c == "ORG" and text[b:e].endswith("s") \
                and (lex.lookup_key(text[b:e - 1]) or "").startswith(("place/", "country/")):
            continue  # "New Yorks Gouverneur": a place's genitive, no organisation
        if c == "PER" and text[e:e + 1] == "-" and text[e + 1:e + 2].isspace():
            continue  # the first part of joined compounds ("Wirtschafts- und Finanzminister") is no person
        if c == "PER" and len(words) == 1 and words[0] not in surnames and lex.is_word(words[0].lower()) \
                and not lex.is_first_name(words[0]) and _opens_sentence(toks, b):
            continue  # "Zurecht warnt der Soziologe …": a word capitalised only because it opens the sentence
        over = [m for m in kept if m.span.begin < e and b < m.span.end]
        kind: EntityKind = NER_KINDS[c]
        if over:
            if all(b <= m.span.begin and m.span.end <= e and m.span.end - m.span.begin < e - b for m in over) and (
                    POLICY["org_over_place"] and c == "ORG" and all(
                        m.kind in ("place", "country") and m.role == "name" for m in over)
                    or POLICY["wider_than_rules"] and all(m.key is None and m.kind != "person" for m in over)):
                drop.extend(over)
                kept = [m for m in kept if m not in over]
                add.append(Mention(Span.of(text, b, e), kind, text[b:e], None, "name", sentence_of(b)))
            continue
        if not POLICY["add_free"] or c not in POLICY["add_kinds"]:
            continue
        if c == "PER" and POLICY["persons"] == "speakers" and not _speaker(toks, b, e, lex):
            continue
        hit = _linked(text, b, e, kind, lex, surnames)
        if hit is not None:
            add.append(replace(hit, sentence=sentence_of(b)))
    # "ISBN 978-3-16-148410-0", "DOI 10.1000/182": a word before a code of digits and separators names the
    # kind of identifier, not an organisation
    for m in [*mentions, *add]:
        if m.key is None and m.kind == "organization" and " " not in m.span.text and _before_code(text, m.span.end):
            if m in add:
                add.remove(m)
            elif m not in drop:
                drop.append(m)
    return drop, add


def _opens_sentence(toks: Any, begin: int) -> bool:
    """Does the token at offset ``begin`` open its sentence?"""
    k = bisect.bisect_left(toks.starts, begin)
    return k < len(toks.starts) and toks.starts[k] == begin \
        and (k == 0 or toks.sentence_of[k - 1] != toks.sentence_of[k])


@lru_cache(maxsize=16)
def _name_list(lang: str, list_name: str) -> frozenset[str]:
    """One list of ``lang/<lang>/names.tsv`` (read once per language by the loader's cache)."""
    return frozenset(lang_data.word_lists(lang, "names.tsv").get(list_name, {}))


def _common_compound(word: str, lex: Lexicon) -> bool:
    """Is a hyphenated word a compound of common nouns ("Mathematik-Prüfung", "Corona-Krise") whose last
    part names no organisation ("Karnevals-Gesellschaft", "Bürger-Verein" do)?"""
    parts = word.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() and lex.is_common(p) for p in parts):
        return False
    return not parts[-1].lower().endswith(tuple(_name_list(lex.lang, "organisation_head")))


_CODE = re.compile(r"\s*:?\s*\d[\d.]*[/-][\dXx][\dXx./-]*")


def _before_code(text: str, end: int) -> bool:
    return _CODE.match(text, end) is not None


_NEXT_WORD = re.compile(r" ([A-ZÄÖÜ][a-zäöüß]+)\b")


def _genitive_before_noun(text: str, b: int, e: int, lex: Lexicon) -> bool:
    """Is the one-word name text[b:e] a genitive ("Lukaschenkos") that a common noun follows?"""
    name = text[b:e]
    if " " in name or "-" in name or len(name) < 5 or not name.endswith("s") or name.endswith(("ss", "us", "as")):
        return False
    m = _NEXT_WORD.match(text, e)
    if m is None:
        return False
    w = m.group(1)
    if lex.is_first_name(w) or lex.is_entity_word(w):
        return False
    return lex.is_common(w) or lex.is_word(w) or lex.title_of(w) is not None \
        or (w.endswith("in") and lex.is_word(w[:-2]))


_COMPATIBLE = {"person": "person", "place": "place", "country": "place", "organization": "organization"}


def _linked(text: str, b: int, e: int, kind: EntityKind, lex: Lexicon, surnames: set[str]) -> Mention | None:
    """A labelled span as a mention, linked by the gazetteer where it names something the gazetteer knows.

    The gazetteer decides the kind and key of a name it lists ("Frankreich" is a state, not a place);
    where it lists the name as another kind than the labeller read, :data:`POLICY` ``disagree`` decides.
    A genitive of a name already known ("Gaulands", "Moskaus") is a mention of that name.
    """
    name = text[b:e]
    hit = lex.automaton.get(name, None)
    role = "name"
    base = name
    if hit is None and len(name) > 3 and name[-1] in "s'" and " " not in name:
        base = name[:-1]
        if base in surnames:
            return Mention(Span.of(text, b, e), "person", base, None, "genitive")
        hit = lex.automaton.get(base, None)
        role = "genitive"
    if hit is None:
        # a dative or inflected adjective of a listed name: "den Niederlanden", "den Vereinigten Staaten"
        words = name.split(" ")
        for form in (name[:-1] if name.endswith("n") else "", " ".join([words[0][:-1], *words[1:]])
                     if len(words) > 1 and words[0].endswith("en") else ""):
            if form and (hit := lex.automaton.get(form, None)) is not None:
                base, role = form, "name"
                break
        else:
            base, role = name, "name"
    if hit is None:
        if kind == "person" and _genitive_before_noun(text, b, e, lex):
            # "Lukaschenkos Gegnerin": an unknown name in the genitive, before the noun it belongs to
            return Mention(Span.of(text, b, e), "person", name[:-1], None, "genitive")
        return Mention(Span.of(text, b, e), kind, name, None, "name")
    entry = hit[0]
    if entry.role in ("adjective", "demonym", "pronoun"):
        return None  # "russischen", "Franzosen": no name of a place
    if entry.ambiguous and not in_context(text, b, entry.kind) and not (
            POLICY["ambiguous"] in ("agree", "agree_orgs") and _COMPATIBLE[entry.kind] == kind
            and (POLICY["ambiguous"] == "agree" or entry.kind == "organization")):
        return None  # a name that is also a common word keeps the gazetteer's demand for context ("in Essen")
    if _COMPATIBLE[entry.kind] != kind:
        how = POLICY["disagree"]
        if how == "skip":
            return None
        if how == "labeller":
            return Mention(Span.of(text, b, e), kind, name, None, "name")
    role = role if entry.role == "name" else entry.role
    return Mention(Span.of(text, b, e), entry.kind, base if entry.kind == "person" else entry.name, entry.key,
                   role)  # type: ignore[arg-type]


def _speaker(toks: Any, b: int, e: int, lex: Lexicon) -> bool:
    """Does a verb of saying stand right before or after the span ("sagte Brackmeyer", "Jannik sagt")?"""
    starts, ends = toks.starts, toks.ends
    i = bisect.bisect_left(starts, b)
    j = bisect.bisect_left(ends, e)
    if i >= len(starts) or starts[i] != b or j >= len(ends) or ends[j] != e:
        return False
    s = toks.sentence_of[i]
    for k in (i - 1, i - 2, j + 1):
        if 0 <= k < len(starts) and toks.sentence_of[k] == s and lex.speech_verb(toks.word(k)) is not None:
            if k == i - 2 and toks.word(i - 1) not in ("der", "die", "des", "dem"):
                continue  # "sagte die Ärztin Sollmann" is for the title rules; "sagte der Sollmann" is not German
            return True
    return False
