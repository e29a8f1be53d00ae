"""words: what changed word by word between an aligned article and source sentence.

The parse-level diff (`copydesk.source.diff`) reads what both texts assert; rewriters also
change meaning one word at a time, below those facts. Here every edit ERRANT extracts
between the two token sequences (`copydesk.nlp.edits`) is judged meaning-preserving or given
a kind, with its evidence named from the lexicon: WordNet relations (`lexicon.senses`) for
open-class words, and the closed classes of the lexicon (modals, reporting verbs,
directions, time prepositions) for the rest. Edits that keep the meaning (a synonym in a
common sense, a spelling, a case, punctuation) give nothing.

- `substitutes`: a word put for another (names, directions, reporting verbs, phrasal verbs,
  grammar, WordNet relations);
- `modality`: modals; `times`: tense, times, dates, deadlines;
- `structure`: who does what (voice, coordination);
- `edit`: the pair and the judgement they share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from copydesk.kinds import severity_of
from copydesk.lexicon.normalise import spelling_key
from copydesk.model import Finding, Span
from copydesk.nlp.annotate import Annotated, Token
from copydesk.nlp.edits import TokenEdit, token_edits
from copydesk.source.words.edit import CONTENT_POS, Judgement, Pair
from copydesk.source.words.modality import modality
from copydesk.source.words.structure import (
    coordination_to_predicate,
    dropped_clause,
    intensity,
    voice_inversions,
)
from copydesk.source.words.substitutes import names, substituted
from copydesk.source.words.times import dated, deleted, tense, time_references, time_shift

__all__ = ["word_changes"]

#: Share of the source's words that must recur, in order, in the article sentence for a
#: swap of one word to be read as a substitution in place. A spinner keeps most words and
#: swaps single ones (over 0.6 in every spun pair we read); a fluent rewrite keeps under half,
#: and its one-word "swaps" are artefacts of aligning different sentences.
ANCHORED_MIN_SHARE = 0.5


#: Confidence of each judgement: how often its evidence means what the message says. Closed
#: classes (modals, directions) and WordNet antonyms are near certain; a missing WordNet link
#: may still be a sense WordNet lacks.
CONFIDENCE = {
    "source.antonym": 0.9,
    "source.entity_changed": 0.9,
    "source.title_changed": 0.8,
    "source.modality_changed": 0.9,
    "source.phrase_broken": 0.85,
    "source.grammar_broken": 0.8,
    "source.time_changed": 0.8,
    "source.date_added": 0.7,
    "source.tense_changed": 0.7,
    "source.fact_dropped": 0.6,
    "source.scope_changed": 0.6,
    "source.word_changed": 0.5,
    "source.attribution_verb_changed": 0.8,
    "source.agent_inverted": 0.8,
    "source.quote_added": 0.8,
    "source.intensity_changed": 0.6,
}


def word_changes(
    article: Annotated,
    article_tokens: Sequence[Token],
    source: Annotated,
    source_tokens: Sequence[Token],
    *,
    skip: Sequence[Span] = (),
) -> list[Finding]:
    """Findings for the word-level edits of one aligned pair that change meaning. Article
    stretches in ``skip`` (quotations, which the quotation diff reads word by word, and spans
    the parse-level diff already flagged) get none."""
    pair = Pair(article, tuple(article_tokens), source, tuple(source_tokens))
    if not pair.article_tokens or not pair.source_tokens:
        return []
    edits = token_edits(pair.source_tokens, pair.article_tokens)
    kept = _matched_share(pair, edits) >= ANCHORED_MIN_SHARE
    anchored = kept and _in_place(pair, edits)
    judged: list[Judgement] = []
    for edit in edits:
        judged.extend(_judge(pair, edit, kept=kept, anchored=anchored))
    judged.extend(voice_inversions(pair))
    judged.extend(time_references(pair))
    findings = []
    for j in _merged(judged):
        span = pair.span(j.article)
        if any(span.overlaps(s) for s in skip):
            continue
        findings.append(
            Finding(
                kind=j.kind,
                severity=severity_of(j.kind),
                message=j.message,
                span=span,
                evidence=pair.evidence(j.source),
                suggestion=j.suggestion,
                confidence=CONFIDENCE.get(j.kind, 0.5),
            )
        )
    return findings


def _matched_share(pair: Pair, edits: Sequence[TokenEdit]) -> float:
    changed = sum(e.source[1] - e.source[0] for e in edits)
    return 1.0 - changed / len(pair.source_tokens)


def _in_place(pair: Pair, edits: Sequence[TokenEdit]) -> bool:
    """Whether the article swaps words in place: no content word is added or dropped, only
    replaced. A spinner works so; a paraphrase adds and drops words as it rebuilds."""
    for e in edits:
        if e.operation == "substitution":
            continue
        side = pair.article_tokens if e.operation == "insertion" else pair.source_tokens
        lo, hi = e.article if e.operation == "insertion" else e.source
        if any(t.pos in CONTENT_POS or t.pos == "PROPN" for t in side[lo:hi]):
            return False
    return True


def _judge(pair: Pair, edit: TokenEdit, *, kept: bool, anchored: bool) -> list[Judgement]:
    """The judgements of one edit. ``kept``: the sentence keeps most of the source's words;
    ``anchored``: it also swaps them in place, so a one-word swap is a substitution."""
    s = pair.source_tokens[edit.source[0] : edit.source[1]]
    a = pair.article_tokens[edit.article[0] : edit.article[1]]
    if _only_form(s, a) or _moved(pair, s, a):
        return []
    found = modality(pair, edit, s, a) + tense(pair, edit, s, a) + dated(pair, edit, a)
    found += intensity(pair, edit, s, a, kept)
    if edit.operation == "insertion":
        return found + coordination_to_predicate(pair, edit, a)
    if edit.operation == "deletion":
        return found + (deleted(pair, edit, s) or dropped_clause(pair, edit, s, kept))
    shifted = time_shift(pair, edit, s, a) + names(s, a)
    return found + (shifted or substituted(pair, edit, s, a, anchored))


def _only_form(s: Sequence[Token], a: Sequence[Token]) -> bool:
    """Case, punctuation, quote marks, spelling or contraction only."""

    def key(tokens: Sequence[Token]) -> str:
        words = [spelling_key(t.text.lower().strip(".")) for t in tokens if not t.is_punct]
        return re.sub(r"[^\w]", "", "".join(words).replace("n't", "not"))

    return key(s) == key(a)


def _moved(pair: Pair, s: Sequence[Token], a: Sequence[Token]) -> bool:
    """Words that stand elsewhere in the other sentence: a clause moved, not a word changed
    (reordered clauses align position by position)."""
    if not s or not a:
        return False

    def lemmas(tokens: Sequence[Token]) -> set[str]:
        return {t.lemma.lower() for t in tokens if t.pos in CONTENT_POS or t.pos == "PROPN"}

    mine, theirs = lemmas(a), lemmas(s)
    return mine != theirs and (
        mine <= lemmas(pair.source_tokens) and theirs <= lemmas(pair.article_tokens)
    )


def _merged(judged: Iterable[Judgement]) -> list[Judgement]:
    """One judgement per change: those pointing at the same article tokens are one."""
    out: list[Judgement] = []
    seen: set[tuple[int, ...]] = set()
    order = sorted(judged, key=lambda j: (j.article[0].start if j.article else 0, -_rank(j.kind)))
    for j in order:
        if not j.article:
            continue
        key = tuple(t.i for t in j.article)
        if key in seen or any(set(key) & {t.i for t in o.article} for o in out):
            continue
        seen.add(key)
        out.append(j)
    return out


def _rank(kind: str) -> int:
    return severity_of(kind).rank
