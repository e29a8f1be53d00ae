"""attribution checks: who says what (empty speakers, unattributed quotes, loaded verbs)."""

from __future__ import annotations

from collections import Counter

from copydesk.kinds import severity_of
from copydesk.ledger.model import Attribution, Ledger, Quotation
from copydesk.ledger.quotations import FRAGMENT_MAX_WORDS, empty_slot, is_headline_quote
from copydesk.lexicon.reporting import LOADED_CUES, NEUTRAL_CUES
from copydesk.model import Finding
from copydesk.nlp.annotate import Annotated

#: The article's attribution is called loaded when it uses at least this many loaded
#: reporting verbs ...
LOADED_PATTERN_MIN_USES = 3
#: ... and at least this many loaded verbs per neutral one ("said", "told", "added",
#: "stated", "noted"...). Wire copy uses a loaded verb in well under one attribution in ten;
#: one loaded verb for every two neutral ones is a house style of doubt, not an accident.
#: The seed article has 6 "claimed" against 9 neutral cues (0.67); its five coverage texts
#: have at most one loaded verb each.
LOADED_TO_NEUTRAL_RATIO = 0.5

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_NEUTRAL_FORM = {"VBD": "said", "VBN": "said", "VBZ": "says", "VBG": "saying"}


def empty_speakers(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """Attributions whose speaker slot is empty in the text: "According to  , “...”"."""
    findings: list[Finding] = []
    for a in ledger.attributions:
        span = empty_slot(doc, a)
        if span is None:
            continue
        cue = doc.text[a.cue_span.start : a.cue_span.end]
        findings.append(
            Finding(
                "attribution.empty_speaker",
                severity_of("attribution.empty_speaker"),
                f"The attribution '{cue}' names no speaker: the source's name is missing.",
                span,
            )
        )
    return findings


def _nested(q: Quotation, quotations: tuple[Quotation, ...]) -> bool:
    return any(o is not q and o.marked and o.span.contains(q.span) for o in quotations)


def unattributed_quotes(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """Direct quotations with no speaker in their sentence or the one before or after.
    Quoted terms of up to `FRAGMENT_MAX_WORDS` words and quoted headlines are not speech."""
    findings: list[Finding] = []
    for q in ledger.quotations:
        if not q.marked or q.speaker is not None or q.cue is not None:
            continue
        if len(q.text.split()) <= FRAGMENT_MAX_WORDS or is_headline_quote(doc.text, q.span):
            continue
        if _nested(q, ledger.quotations):
            continue
        findings.append(
            Finding(
                "attribution.unattributed_quote",
                severity_of("attribution.unattributed_quote"),
                "This quotation has no speaker in its sentence or the sentences around it.",
                q.span,
                confidence=0.8,
            )
        )
    return findings


def _neutral_form(doc: Annotated, a: Attribution) -> str:
    tok = next((t for t in doc.tokens_in(a.cue_span) if t.start == a.cue_span.start), None)
    return _NEUTRAL_FORM.get(tok.tag if tok else "", "say")


def _loaded(ledger: Ledger) -> list[Attribution]:
    return [a for a in ledger.attributions if a.cue in LOADED_CUES]


def loaded_verbs(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """Each loaded reporting verb ("claimed", "admitted", "insisted") that frames what
    someone said; the non-reporting senses ("claimed the lives", "admitted to hospital",
    "claimed responsibility", "Russia insists Ukraine withdraw") frame nothing and are not
    attributions in the ledger."""
    findings: list[Finding] = []
    for a in _loaded(ledger):
        verb = doc.text[a.cue_span.start : a.cue_span.end]
        named = a.speaker and a.speaker[:1].isupper() and a.speaker.lower() not in _PRONOUNS
        who = f" {a.speaker}'s" if named else ""
        findings.append(
            Finding(
                "attribution.loaded_verb",
                severity_of("attribution.loaded_verb"),
                f"'{verb}' casts doubt on{who or ' the'} statement; news style uses "
                f"'{_neutral_form(doc, a)}'.",
                a.cue_span,
                suggestion=_neutral_form(doc, a),
            )
        )
    return findings


def loaded_verb_pattern(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """One finding when loaded verbs are a habit of the article, not a one-off."""
    loaded = _loaded(ledger)
    neutral = [a for a in ledger.attributions if a.cue in NEUTRAL_CUES]
    if len(loaded) < LOADED_PATTERN_MIN_USES:
        return []
    if len(loaded) < LOADED_TO_NEUTRAL_RATIO * len(neutral):
        return []
    verbs = Counter(doc.text[a.cue_span.start : a.cue_span.end].lower() for a in loaded)
    listed = ", ".join(f"'{v}' {n}x" for v, n in verbs.most_common())
    return [
        Finding(
            "attribution.loaded_verb_pattern",
            severity_of("attribution.loaded_verb_pattern"),
            f"The article reports statements with loaded verbs {len(loaded)} times ({listed}) "
            f"against {len(neutral)} neutral ones; news style uses 'said'.",
            loaded[0].cue_span,
            suggestion="said",
        )
    ]


CHECKS = [empty_speakers, unattributed_quotes, loaded_verbs, loaded_verb_pattern]
