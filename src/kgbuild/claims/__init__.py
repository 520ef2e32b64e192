"""Claims: reported speech and attribution, found sentence by sentence.

A sentence carries a claim when it has an attribution *cue*: a speech verb ("sagte",
"bestätigte", "teilte … mit", the passive "von X wurde mitgeteilt"), an attribution frame
of ``lang/<LANG>/attribution_phrases.tsv`` ("laut X", "nach Einschätzung X", "X zufolge",
"wie X berichtet", "nach eigenen Angaben", "unter Berufung auf X", "In einer Mitteilung X
heißt es"; compiled by :mod:`kgbuild.cues`), a noun of saying followed by "wonach", or a
named speaker before a colon and a quote. The *source* is the entity the cue points to
(subject of the verb, the frame's slot); a pronoun or a bare title is resolved to the
speaker it refers back to. A frame whose source only relays a speech verb's subject
("X machte nach Angaben ihres Sprechers deutlich, …") gives the subject's claim. The
*content* is the sentence without the attribution frame. A headline whose verb is a
speech or demand verb is a claim too.

Reported speech often runs on without a new cue (a chain): a sentence whose finite verb
is Konjunktiv I or II (told from its form, :class:`kgbuild.cues.Konjunktiv`), or a
sentence that is nothing but a direct quote, right after a claim continues that claim's
speaker, and so does the next sentence of its paragraph when it quotes a phrase that can only be the
speaker's ("Man stehe „nicht am Ende, sondern am Anfang“"; no title, no one else named); "Das sagte X."
makes the sentence before it X's claim. A sentence with a source
of its own that names no one we know ("Ein Gutachter hatte zuvor erklärt, …", "hieß es",
"…, so ein Anwohner.") ends the chain.

Outlet, date and polarity: a news medium named in the frame ("laut afp", "der
Agentur Reuters zufolge", "gegenüber dem Sender", "berichtet die Zeitung")
is the claim's ``reported_by``; a claim without one takes the outlet of the nearest
claim by the same speaker, and likewise its date. The claim is negative when the
main clause of its content is negated ("nicht", "kein", "nie"), or the cue is a
denial; a negation inside a relative, conditional or dass-clause of a positive
statement does not count.
"""

from __future__ import annotations

from kgbuild.claims.chains import find_claims
from kgbuild.claims.context import ClaimContext, Speaker
from kgbuild.claims.words import ClaimWords, claim_words

__all__ = ["ClaimContext", "ClaimWords", "Speaker", "claim_words", "find_claims"]
