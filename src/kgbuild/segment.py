"""Article structure: headline, byline, dateline, captions, credits, paragraphs, sentences.

Everything is found on the text as read, and every piece keeps its offsets into it.
The sentence splitter is rule-based (abbreviations from ``lang/<code>/abbreviations.txt``)
and keeps a direct quote whole when it holds several sentences, so that a quote
and its attribution stay in one unit.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kgbuild.model import Block, BlockRole, Sentence, Span, Structure

_OPENERS = {"„": "“", "»": "«", "«": "»", "‚": "‘", "“": "”"}
_STRAIGHT = '"'
_BYLINE = re.compile(r"(?:Von|Von:|By|Autor:|Autorin:)\s+(?P<names>[^\n]{3,80})$")
_NAME = re.compile(r"[A-ZÄÖÜ][\w'’.-]+(?:\s+(?:von|van|de|der|zu|al|el)?\s*[A-ZÄÖÜ][\w'’.-]+){0,3}")
# "Astana – ", "Riad - ", "Schwerin (Deutschland), 20.05.2017 – ", "Ras Lanuf / Tripolis (Libyen) / …, 08.03.2011 – "
_PLACE = r"[A-ZÄÖÜ][\w.'’-]*(?:[ -][A-ZÄÖÜa-z][\w.'’-]*){0,3}(?: \([^()\n]{2,40}\))?"
_DATELINE = re.compile(
    rf"(?P<places>{_PLACE}(?: ?/ ?{_PLACE})*)(?:, (?:den )?\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}})?"
    r"(?: \(\w{2,10}\))? [–—-] (?=[A-ZÄÖÜ„\"»])"
)
_CREDIT = re.compile(r"\s*(?:(?:(?:Foto|Fotos|Bild):\s*)?(?:©|\(c\))|Foto:|Fotos:|Bild:)\s*[\w./ -]{2,40}$")
_SIGNOFF = re.compile(r"\s*\((?P<who>[a-zA-Z/]{2,12})\)\s*$")
_END = re.compile(r"[.!?…]")


@lru_cache(maxsize=4)
def _abbreviations(lang: str) -> frozenset[str]:
    data = resources.files("kgbuild").joinpath("lang", lang, "abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


def segment(text: str, *, lang: str = "de") -> Structure:
    """Find the blocks and sentences of an article.

    Args:
        text: the article text, as read.
        lang: language code of the abbreviation list to use.

    Returns:
        The article's :class:`~kgbuild.model.Structure`.

    >>> s = segment("Titel\\n\\nEr sagte: „Ja. Nein.“ Dann ging er.")
    >>> [x.span.text for x in s.sentences]
    ['Titel', 'Er sagte: „Ja. Nein.“', 'Dann ging er.']
    """
    abbrevs = _abbreviations(lang)
    # an author's sign-off closes the text: "… beschlossen. (abc)" or "(abc)" on a line of its own
    end_limit = len(text)
    signoff = None
    sm = _SIGNOFF.search(text)
    if sm and (sm.start() == 0 or text[:sm.start()].rstrip()[-1:] in ".!?…“\"»\n" or "\n" in sm.group()):
        who_b = sm.start("who") - 1
        signoff = Span.of(text, who_b, sm.end("who") + 1)
        end_limit = who_b
    lines = [m for m in re.finditer(r"[^\n]+", text[:end_limit]) if m.group().strip()]
    blocks: list[Block] = []
    headline = dateline = None
    authors: list[Span] = []
    credits: list[Span] = []
    body_seen = False
    for m in lines:
        b, e = _strip(text, m.start(), m.end())
        line = text[b:e]
        role: BlockRole
        if headline is None:
            role = "headline"
            headline = Span.of(text, b, e)
        elif (bm := _BYLINE.fullmatch(line)) and not body_seen and _looks_like_names(bm.group("names")):
            role = "byline"
            nb = b + bm.start("names")
            for nm in _NAME.finditer(bm.group("names")):
                if nm.group() not in {"Von", "Und"}:
                    authors.append(Span.of(text, nb + nm.start(), nb + nm.end()))
        elif _is_heading(line):
            role = "caption" if not body_seen or _looks_like_caption(line) else "heading"
        else:
            role = "body" if body_seen else "lead"
            body_seen = body_seen or _DATELINE.match(line) is not None or len(blocks) > 2
        cm = _CREDIT.search(line)
        if cm and role != "headline":
            cb = b + cm.start() + (len(cm.group()) - len(cm.group().lstrip()))
            credits.append(Span.of(text, cb, e))
            e = _strip(text, b, cb)[1]
            if e <= b:
                continue  # a line that is only a credit ("Foto: © dpa")
        blocks.append(Block(Span.of(text, b, e), role, len(blocks)))
    for blk in blocks:
        if blk.role in ("body", "lead"):
            dm = _DATELINE.match(blk.span.text)
            if dm and dm.end() < 120:
                dateline = Span.of(text, blk.span.begin, blk.span.begin + dm.end())
                break
    sentences: list[Sentence] = []
    for blk in blocks:
        start = blk.span.begin
        if dateline is not None and blk.span.begin == dateline.begin:
            start = dateline.end
        for sb, se in _split(text, start, blk.span.end, abbrevs):
            sentences.append(Sentence(Span.of(text, sb, se), blk.index, blk.role))
    return Structure(
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        headline=headline,
        authors=tuple(authors),
        dateline=dateline,
        credits=tuple(credits),
        signoff=signoff,
    )


def _strip(text: str, b: int, e: int) -> tuple[int, int]:
    while b < e and (text[b].isspace() or text[b] == "\ufeff"):  # a UTF-8 byte-order mark is no text
        b += 1
    while e > b and text[e - 1].isspace():
        e -= 1
    return b, e


def _looks_like_names(s: str) -> bool:
    words = s.replace(",", " ").replace(" und ", " ").split()
    return 1 <= len(words) <= 8 and all(w[0].isupper() for w in words if w not in {"und", "von", "van", "de"})


def _is_heading(line: str) -> bool:
    """A short line with no closing sentence mark: a sub-heading or a picture caption."""
    if len(line) > 160:
        return False
    return not re.search(r"[.!?:…][\"“”«»’)]*$", line) and not _CREDIT.search(line)


def _looks_like_caption(line: str) -> bool:
    return bool(re.search(r"\((?:Archiv\w*|Foto|Symbolbild)[^)]*\)$| – ", line))


def _split(text: str, b: int, e: int, abbrevs: frozenset[str]) -> list[tuple[int, int]]:
    """Sentence boundaries within text[b:e], never inside a direct quote that closes in the block."""
    closing = _quote_regions(text, b, e)
    out: list[tuple[int, int]] = []
    start = b
    i = b
    while i < e:
        c = text[i]
        if c in ".!?…" and not _inside(i, closing):
            j = i + 1
            while j < e and text[j] in ".!?…":
                j += 1
            while j < e and text[j] in "“”\"«»‘’)":
                j += 1
            k = j
            while k < e and text[k] in " \t":
                k += 1
            if k < e and k > j and _boundary(text, start, i, k, abbrevs):
                out.append(_strip(text, start, j))
                start = k
                i = k
                continue
            i = j
            continue
        i += 1
    if start < e:
        sb, se = _strip(text, start, e)
        if se > sb:
            out.append((sb, se))
    return out


def _boundary(text: str, start: int, dot: int, nxt: int, abbrevs: frozenset[str]) -> bool:
    """Is the mark at ``dot`` a sentence end, given that the next sentence would begin at ``nxt``?"""
    following = text[nxt]
    if not (following.isupper() or following in "„\"»‚(" or following.isdigit()):
        return False
    if text[dot] != ".":
        return True
    m = re.search(r"(\S+)$", text[start:dot])
    word = m.group(1) if m else ""
    word = word.lstrip("(„\"»‚")
    if not word:
        return True
    if word + "." in abbrevs or word in abbrevs:
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "A. Merkel"
        return False
    if word.isdigit() and len(word) <= 2:  # an ordinal: "am 24. Februar", "7. Landtag"
        return False
    if re.fullmatch(r"(?:[A-Za-zÄÖÜäöü]\.)+[A-Za-zÄÖÜäöü]?", word):  # "z.B", "u.a"
        return False
    return True


def _quote_regions(text: str, b: int, e: int) -> list[tuple[int, int]]:
    """Regions (open, close) of direct quotes that open and close within text[b:e]."""
    regions: list[tuple[int, int]] = []
    i = b
    straight_open: int | None = None
    while i < e:
        c = text[i]
        if c == _STRAIGHT:
            if straight_open is None:
                straight_open = i
            else:
                regions.append((straight_open, i))
                straight_open = None
        elif c in ("„", "»"):
            close = _OPENERS[c]
            alt = "”" if c == "„" else close
            j = i + 1
            while j < e and text[j] not in (close, alt) and text[j] not in "„»":
                j += 1
            if j < e and text[j] in (close, alt):
                regions.append((i, j))
                i = j
        i += 1
    return regions


def _inside(i: int, regions: list[tuple[int, int]]) -> bool:
    # the mark right before a closing quote ends the quote and may end the sentence too
    return any(o < i < c - 1 for o, c in regions)
