"""Article structure: headline, byline, dateline, captions, credits, paragraphs, sentences.

Everything is found on the text as read, and every piece keeps its offsets into it; nothing
is normalised first.

*Lines to paragraphs.* A line that ends mid-sentence goes on in the next line, with or without
a blank line between, by the evidence a reader uses: a hyphen at the break, a comma or an open
bracket at its end, a last word that never ends a sentence ("der", "und", "hat":
``lang/<code>/continuation_words.txt``), a lower-case start of the next line. In a text that is
hard-wrapped throughout (the evidence above shows it several times), a line without closing
punctuation goes on unless it is short and the next one starts anew: a sub-heading.

*The headline* is the first paragraph when it is short and looks like one (no full stop, at
most 200 characters). A paragraph that holds title, lead and body in one line ("Titel. Lead.
Wien – Der …") gives the text before its dateline as the headline. When unsure, the text is body.

*Set aside* are only blocks recognised by their form: bylines, photo credits, captions and
sub-headings (short lines without closing punctuation), an author's sign-off.

*Sentences* are split by rule (abbreviations from ``lang/<code>/abbreviations.txt``); a direct
quote (found by :mod:`kgbuild.quotes`) is never split, even when it runs over several sentences
or paragraphs, so that a quote and its attribution stay in one unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kgbuild import lang as lang_data
from kgbuild.lang import TextRules, text_rules
from kgbuild.model import Block, BlockRole, Sentence, Span, Structure
from kgbuild.quotes import QUOTE_MARKS, Quote, find_quotes

_MARKS = "".join(sorted(QUOTE_MARKS))
_Q = re.escape(_MARKS)  # any quotation mark, in a character class
# "Oslo – ", "Lima - ", "Kassel (Deutschland), 14.03.2019 – ", "Tobruk / Bengasi (Libyen) / …, 02.05.2014 – "
_PLACE = r"[A-ZÄÖÜ][\w.'’-]*(?:[ -][A-ZÄÖÜa-z][\w.'’-]*){0,3}(?: \([^()\n]{2,40}\))?"
_DATELINE_RE = (
    rf"(?P<places>{_PLACE}(?: ?/ ?{_PLACE})*)(?:, (?:den )?\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}})?"
    r"(?: \(\w{2,10}\))? [–—-] (?=[A-ZÄÖÜ" + _Q + "])"
)
_DATELINE = re.compile(_DATELINE_RE)
# a dateline after the title and lead of a one-line article: "… Lead. Wien/Linz – Der …"
_INNER_DATELINE = re.compile(r"(?<=[.!?…" + _Q + "]) (?=" + _DATELINE_RE + ")")
_SIGNOFF = re.compile(r"\s*\((?P<who>[a-zA-Z/]{2,12})\)\s*$")
_CLOSED = re.compile(r"[.!?…][" + _Q + r")\]]*$")  # a line that ends a sentence
_OPEN_END = re.compile(r"(?:[,;(\[]|[–—-]|\w-)$")  # a line that cannot end there (or an opening mark)
# a sentence ends inside the line (after a word of two lower-case letters: no ordinal, no initial)
_INNER_END = re.compile(r"(?<=[a-zäöüß]{2})[.!?…][" + _Q + r")]* +[" + _Q + "A-ZÄÖÜ]")
_CLOSED_OR_COLON = re.compile(r"[.!?:…][" + _Q + r")]*$")
_HEADLINE_MAX = 200
_HEADING_MAX = 160


@dataclass(frozen=True)
class _Forms:
    """The forms of a language's bylines, credits and captions (``lang/<code>/segment.tsv``)."""

    credit: re.Pattern[str]  # "Foto: © dpa", "© dpa" at a line's end
    caption: re.Pattern[str]  # "(Archivbild)" closing a caption, or a dash inside it
    name: re.Pattern[str]  # a name in a byline
    name_words: frozenset[str]  # lower-case words a byline's names may hold ("von", "und")
    joiners: frozenset[str]  # words that join names ("und")


@lru_cache(maxsize=8)
def _forms(lang: str) -> _Forms:
    lists = lang_data.word_lists(lang, "segment.tsv")

    def alt(name: str, suffix: str = "") -> str:
        words = sorted(lists.get(name, {}), key=lambda w: (-len(w), w))
        return "|".join(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") + suffix for w in words) \
            or "(?!)"

    particles = frozenset(lists.get("name_particle", {}))
    joiners = frozenset(lists.get("name_joiner", {}))
    return _Forms(
        credit=re.compile(rf"\s*(?:(?:(?:{alt('credit_label')}):\s*)?(?:©|\(c\))|(?:{alt('credit_label', ':')}))"
                          r"\s*[\w./ -]{2,40}$"),
        caption=re.compile(rf"\((?:{alt('caption_tag')})[^)]*\)$| – "),
        name=re.compile(rf"[A-ZÄÖÜ][\w'’.-]+(?:\s+(?:{alt('name_particle')})?\s*[A-ZÄÖÜ][\w'’.-]+){{0,3}}"),
        name_words=particles | joiners,
        joiners=joiners,
    )


@dataclass(frozen=True)
class _Line:
    begin: int
    end: int
    blank_before: bool  # an empty line separates it from the line before


def segment(text: str, *, lang: str = "de") -> Structure:
    """Find the blocks and sentences of an article.

    Args:
        text: the article text, as read.
        lang: the language whose text rules (abbreviations, quote marks, continuation words) apply.

    Returns:
        The article's :class:`~kgbuild.model.Structure`.

    >>> s = segment("Titel\\n\\nEr sagte: „Ja. Nein.“ Dann ging er.")
    >>> [x.span.text for x in s.sentences]
    ['Titel', 'Er sagte: „Ja. Nein.“', 'Dann ging er.']
    >>> [x.span.text for x in segment("Der Rat hat am\\nMontag getagt. Er\\nbeschloss nichts.").sentences]
    ['Der Rat hat am\\nMontag getagt.', 'Er\\nbeschloss nichts.']
    """
    rules = text_rules(lang)
    forms = _forms(lang)
    # an author's sign-off closes the text: "… beschlossen. (abc)" or "(abc)" on a line of its own
    end_limit = len(text)
    signoff = None
    sm = _SIGNOFF.search(text)
    if sm and (sm.start() == 0 or text[:sm.start()].rstrip()[-1:] in ".!?…\n" + _MARKS or "\n" in sm.group()):
        who_b = sm.start("who") - 1
        signoff = Span.of(text, who_b, sm.end("who") + 1)
        end_limit = who_b
    lines = _lines(text, end_limit)
    paragraphs = _paragraphs(text, lines, rules, forms)
    blocks: list[Block] = []
    headline = dateline = None
    authors: list[Span] = []
    credits: list[Span] = []
    body_seen = False
    if paragraphs:
        first_b, first_e, _joined = paragraphs[0]
        cut = _headline_end(text, first_b, first_e, forms, joined=_joined)
        if cut is not None:
            rest = _strip(text, cut, first_e)
            paragraphs[0] = (rest[0], rest[1], _joined)
            if rest[1] <= rest[0]:
                paragraphs.pop(0)
            if cut < first_e and _INNER_END.search(text, first_b, cut):
                # several sentences before the dateline: a lead, not a title ("Lead. Lead. Wien – …")
                paragraphs.insert(0, (first_b, cut, True))
            else:
                headline = Span.of(text, first_b, cut)
                blocks.append(Block(headline, "headline", 0))
    for b, e, joined in paragraphs:
        line = text[b:e]
        role: BlockRole
        if (bm := _byline(line, rules)) and not body_seen and not joined \
                and _looks_like_names(bm.group("names"), forms):
            role = "byline"
            nb = b + bm.start("names")
            for nm in forms.name.finditer(bm.group("names")):
                if nm.group().lower() not in forms.joiners:
                    authors.append(Span.of(text, nb + nm.start(), nb + nm.end()))
        elif not joined and (_is_heading(line, forms) or _is_insert(line)):
            role = "caption" if not body_seen or forms.caption.search(line) else "heading"
        else:
            role = "body" if body_seen else "lead"
            body_seen = body_seen or _DATELINE.match(line) is not None or len(blocks) > 2
        cm = forms.credit.search(line)
        if cm:
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
    quotes = find_quotes(text, paragraphs=tuple((blk.span.begin, blk.span.end) for blk in blocks), lang=lang)
    sentences = _sentences(text, blocks, quotes, dateline, rules)
    return Structure(
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        headline=headline,
        authors=tuple(authors),
        dateline=dateline,
        credits=tuple(credits),
        signoff=signoff,
    )


# ---------------------------------------------------------------- lines and paragraphs
def _lines(text: str, end: int) -> list[_Line]:
    out: list[_Line] = []
    prev_end = 0
    for m in re.finditer(r"[^\n]+", text[:end]):
        b, e = _strip(text, m.start(), m.end())
        if e <= b:
            continue
        blank = text.count("\n", prev_end, b) >= 2 if out else False
        out.append(_Line(b, e, blank))
        prev_end = e
    return out


def _last_word(line: str) -> str:
    m = re.search(r"([\w.]+)\W*$", line)
    return m.group(1).lower() if m else ""


def _strong_continuation(text: str, a: _Line, b: _Line, rules: TextRules) -> bool:
    """Does line ``a`` go on in line ``b`` by evidence that holds even across a blank line?"""
    la = text[a.begin:a.end]
    nxt = text[b.begin]
    if _CLOSED.search(la):
        # "… am 24.\nJuni", "z. B.\nbei": only an abbreviation or an ordinal before a lower-case start
        word = _last_word(la)
        return nxt.islower() and (word in {w.lower() for w in rules.abbreviations} or word.rstrip(".").isdigit())
    if la.endswith(":"):
        return nxt.islower() or nxt in QUOTE_MARKS
    if _OPEN_END.search(la) or la.endswith(rules.quotes.openers_only):
        return not la.endswith((" -", " –", " —")) or nxt.islower()
    if nxt.islower():
        return True
    word = _last_word(la)
    return word in rules.continuation_words


def _paragraphs(text: str, lines: list[_Line], rules: TextRules, forms: _Forms) -> list[tuple[int, int, bool]]:
    """Join the lines that go on in the next one; (begin, end, joined) of each paragraph."""
    if not lines:
        return []
    strong = [_strong_continuation(text, a, b, rules) for a, b in zip(lines, lines[1:], strict=False)]
    widths = sorted(a.end - a.begin for a, s in zip(lines, strong, strict=False) if s)
    wrapped = len(widths) >= 3 or (len(widths) >= 2 and len(widths) * 4 >= len(lines))
    width = widths[len(widths) // 2] if widths else 0
    # wrapped lines that blank lines separate as often as not: a blank line says nothing then
    pairs = list(zip(lines, lines[1:], strict=False))
    blank_noise = wrapped and 2 * sum(1 for (_a, nx), st in zip(pairs, strong, strict=False)
                                      if st and nx.blank_before) >= len(widths)
    out: list[tuple[int, int, bool]] = []
    b = lines[0].begin
    joined = False
    for k, (a, nx) in enumerate(zip(lines, lines[1:], strict=False)):
        go_on = strong[k]
        if go_on and k == 0 and nx.blank_before and not text[nx.begin].islower() \
                and not _OPEN_END.search(text[a.begin:a.end]):
            go_on = False  # a first line alone above a blank line: a headline ends as it likes
        if not go_on and wrapped and (blank_noise or not nx.blank_before) and k > 0:
            la = text[a.begin:a.end]
            # a wrapped line without closing punctuation goes on, unless short: a sub-heading
            go_on = not _CLOSED.search(la) and not la.endswith(":") and (
                a.end - a.begin >= 0.6 * width or _INNER_END.search(la) is not None)
        if not go_on and not _CLOSED.search(text[a.begin:a.end]) and _INNER_END.search(text[a.begin:a.end]) \
                and k > 0 and not forms.credit.search(text[a.begin:a.end]):
            go_on = text[nx.begin].isalnum() or text[nx.begin] in QUOTE_MARKS  # "… bestätigt. Es war der zweite"
        if go_on:
            joined = True
            continue
        out.append((b, a.end, joined))
        b = nx.begin
        joined = False
    out.append((b, lines[-1].end, joined))
    return out


def _headline_end(text: str, b: int, e: int, forms: _Forms, *, joined: bool) -> int | None:
    """Where the headline in the first paragraph text[b:e] ends, or None when it has none."""
    para = text[b:e]
    if not joined and len(para) <= _HEADLINE_MAX and (not re.search(r"[.…]$", para) or para.endswith("...")):
        if forms.credit.search(para) is None or len(para) > 60:
            return e
    # title and lead run into the body: the dateline after them shows where the body begins
    m = _INNER_DATELINE.search(para, 0, 500)
    if m is not None and m.start() >= 15:
        return b + m.start()
    return None


# ---------------------------------------------------------------- roles
def _strip(text: str, b: int, e: int) -> tuple[int, int]:
    while b < e and (text[b].isspace() or text[b] == "\ufeff"):  # a UTF-8 byte-order mark is no text
        b += 1
    while e > b and text[e - 1].isspace():
        e -= 1
    return b, e


def _byline(line: str, rules: TextRules) -> re.Match[str] | None:
    for w in rules.byline_words:
        if line.startswith(w + " ") and len(line) <= 90:
            return re.match(rf"{re.escape(w)}\s+(?P<names>[^\n]{{3,80}})$", line)
    return None


def _looks_like_names(s: str, forms: _Forms) -> bool:
    words = [w for w in s.replace(",", " ").split() if w not in forms.joiners]
    return 1 <= len(words) <= 8 and all(w[0].isupper() for w in words if w not in forms.name_words)


def _is_insert(line: str) -> bool:
    """A paragraph wholly in square brackets: an editor's insert between the article's paragraphs ("[Alle
    Entwicklungen zur Krise lesen Sie in unserem Newsblog.]"), read like a sub-heading, not as the text."""
    core = line.strip()
    return len(core) > 2 and core[0] == "[" and core[-1] == "]" and "]" not in core[1:-1] and "[" not in core[1:]


def _is_heading(line: str, forms: _Forms) -> bool:
    """A short line with no closing sentence mark: a sub-heading or a picture caption."""
    if len(line) > _HEADING_MAX or _INNER_END.search(line):
        return False
    return not _CLOSED_OR_COLON.search(line) and not forms.credit.search(line)


# ---------------------------------------------------------------- sentences
def _sentences(text: str, blocks: list[Block], quotes: tuple[Quote, ...], dateline: Span | None,
               rules: TextRules) -> list[Sentence]:
    """Sentences of every block; blocks that a quote runs through are split as one."""
    outer = [(q.open, q.close) for q in quotes if q.depth == 0]
    out: list[Sentence] = []
    k = 0
    while k < len(blocks):
        blk = blocks[k]
        start, end = blk.span.begin, blk.span.end
        if dateline is not None and blk.span.begin == dateline.begin:
            start = dateline.end
        last = k
        if blk.role in ("body", "lead"):
            # a quote that opens here and closes in a later paragraph keeps those paragraphs together
            while True:
                reach = max((c for o, c in outer if start <= o < end and c >= end), default=-1)
                if reach < 0 or last + 1 >= len(blocks) or blocks[last + 1].role not in ("body", "lead"):
                    break
                while last + 1 < len(blocks) and blocks[last + 1].span.begin <= reach:
                    last += 1
                end = blocks[last].span.end
        regions = [(o, c) for o, c in outer if start <= o and c < end]
        for sb, se in _split(text, start, end, rules, regions):
            out.append(Sentence(Span.of(text, sb, se), blk.index, blk.role))
        k = last + 1
    return out


def _split(text: str, b: int, e: int, rules: TextRules, closing: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence boundaries within text[b:e], never inside a direct quote (``closing``: its marks)."""
    out: list[tuple[int, int]] = []
    start = b
    i = b
    while i < e:
        c = text[i]
        if c in ".!?…" and not _inside(i, closing):
            j = i + 1
            while j < e and text[j] in ".!?…":
                j += 1
            while j < e and (text[j] in QUOTE_MARKS or text[j] == ")"):
                j += 1
            k = j
            while k < e and text[k].isspace():
                k += 1
            if k < e and k > j and _boundary(text, start, i, k, rules):
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


def _boundary(text: str, start: int, dot: int, nxt: int, rules: TextRules) -> bool:
    """Is the mark at ``dot`` a sentence end, given that the next sentence would begin at ``nxt``?"""
    following = text[nxt]
    if not (following.isupper() or following in QUOTE_MARKS or following in "(" or following.isdigit()):
        return False
    if text[dot] != ".":
        return True
    m = re.search(r"(\S+)$", text[start:dot])
    word = m.group(1) if m else ""
    word = word.lstrip("(" + _MARKS)
    if not word:
        return True
    abbrevs = rules.abbreviations
    if word + "." in abbrevs or word in abbrevs:
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "A. Merkel"
        return False
    if word.isdigit() and len(word) <= 2:  # an ordinal: "am 24. Februar", "7. Landtag"
        # ... unless an article or a pronoun follows: "stieg von 6 auf 92. Der Anteil …"
        m = re.match(r"\w+", text[nxt:nxt + 20])
        return m is not None and m.group().lower() in rules.continuation_words
    if re.fullmatch(r"(?:[A-Za-zÄÖÜäöü]\.)+[A-Za-zÄÖÜäöü]?", word):  # "z.B", "u.a"
        return False
    return True


def _inside(i: int, regions: list[tuple[int, int]]) -> bool:
    # the mark right before a closing quote ends the quote and may end the sentence too
    return any(o < i < c - 1 for o, c in regions)


#: The block roles whose sentences the claim stage reads.
READ_ROLES: tuple[BlockRole, ...] = ("lead", "body")


def coverage(text: str, structure: Structure) -> float:
    """The share of the text's non-space characters that lie in sentences the claim stage reads.

    >>> round(coverage("Titel\\n\\nEin Satz.", segment("Titel\\n\\nEin Satz.")), 2)
    0.62
    """
    total = len("".join(text.split()))  # characters that are not white space (str.split's own test)
    if not total:
        return 1.0
    read = sum(len("".join(s.span.text.split())) for s in structure.sentences if s.role in READ_ROLES)
    return read / total
