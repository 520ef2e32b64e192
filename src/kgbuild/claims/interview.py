"""Interviews: a text of turns, each opened by a label and a colon ("Frage: …", "Roth: …").

In a printed interview the journalist's turns ("ZEIT: …", "SZ: …", "Frage: …") are the author's
questions and remarks, so they hold no claims, even when they quote someone ("Sie haben einmal
gesagt, …"). The interviewee's turns ("Eva Roth: …", then "Roth: …") are what that person says:
every sentence of such a turn is their claim, the first with the label's colon as its cue, unless
a sentence names a source of its own ("Der Minister hat gesagt, …").

A text counts as an interview only when it has both kinds of turn, with labels at the start of
lines (a text on one line needs two turns of each kind): a single "Ergebnis: …" or a colon quote
after a name in a report is no interview.
"""

from __future__ import annotations

from dataclasses import dataclass

from kgbuild.claims.context import ClaimContext, Speaker
from kgbuild.model import Span

#: the most words a turn's label has ("DIE ZEIT ONLINE", "Eva Maria Roth")
MAX_LABEL_WORDS = 4


@dataclass(frozen=True)
class Turn:
    """One turn of an interview."""

    opens: int  # the sentence whose label opens the turn
    speaker: Speaker | None  # the interviewee; None for the journalist
    colon: Span  # the label's colon


def interview_turns(ctx: ClaimContext) -> dict[int, Turn]:
    """Each body sentence of an interview -> the turn it belongs to; empty when the text is no interview."""
    sentences = ctx.structure.sentences
    openings: dict[int, Turn] = {}
    for si, sent in enumerate(sentences):
        if sent.role in ("body", "lead"):
            turn = _label(ctx, si)
            if turn is not None:
                openings[si] = turn
    journalist = sum(1 for t in openings.values() if t.speaker is None)
    interviewee = len(openings) - journalist
    # labels at line starts: one turn of each kind makes an interview; in a text on one line, two of each
    need = 1 if all(_at_line_start(ctx, si) for si in openings) else 2
    if journalist < need or interviewee < need:
        return {}
    out: dict[int, Turn] = {}
    current: Turn | None = None
    for si, sent in enumerate(sentences):
        current = openings.get(si, current)
        if current is not None and sent.role in ("body", "lead"):
            out[si] = current
    return out


def _at_line_start(ctx: ClaimContext, si: int) -> bool:
    start = ctx.structure.sentences[si].span.begin
    return ctx.text[:start].rstrip(" \t")[-1:] in ("\n", "")


def _label(ctx: ClaimContext, si: int) -> Turn | None:
    """The turn that sentence ``si`` opens: a label of up to four capitalised words, then a colon."""
    toks = ctx.tokens
    idx = ctx.index.sentence_tokens[si]
    if len(idx) < 2:
        return None
    colon = next((p for p in range(1, min(MAX_LABEL_WORDS, len(idx) - 1) + 1) if toks.word(idx[p]) == ":"), None)
    if colon is None:
        return None
    label = [idx[p] for p in range(colon)]
    if not all(toks.word(i)[:1].isupper() for i in label):
        return None
    colon_span = Span.of(ctx.text, toks.starts[idx[colon]], toks.ends[idx[colon]])
    mentions = [ctx.index.mention_of_token.get(i) for i in label]
    first = toks.word(label[0])
    if any(toks.word(i) in ctx.cw.interviewer_labels for i in label) \
            or any(m is not None and m.key in ctx.media for m in mentions) \
            or (len(first) > 1 and first.isalpha() and first.isupper()):  # the outlet's name: "ZEIT Wissen:"
        if not any(m is not None and m.kind == "person" for m in mentions):
            return Turn(si, None, colon_span)
        return None
    person = mentions[-1]
    if person is None or person.kind != "person" or person.key is None or any(m is not person for m in mentions):
        return None
    return Turn(si, Speaker(person.key, person.span), colon_span)
