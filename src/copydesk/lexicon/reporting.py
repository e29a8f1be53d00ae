"""Reporting verbs: which report speech, which are neutral, and what the others imply.

The ledger reads attributions with these lists, the attribution checks count loaded verbs
with them, and the diff compares a swapped reporting verb by its class.
"""

from __future__ import annotations

#: Reporting verbs news style treats as neutral ("said" in all its forms and its plain kin).
NEUTRAL_CUES = frozenset(
    {"say", "tell", "add", "state", "note", "explain", "announce", "report", "write", "reply",
     "respond", "comment", "remark", "reiterate", "confirm"}
)  # fmt: skip
#: Reporting verbs that editorialise: they tell the reader what to think of the statement.
LOADED_CUES = frozenset({"claim", "admit", "insist", "concede", "allege", "confess", "boast"})
#: Other verbs that report speech without being loaded.
OTHER_CUES = frozenset(
    {"warn", "predict", "caution", "stress", "emphasise", "emphasize", "argue", "assert",
     "declare", "acknowledge", "deny", "urge", "describe", "estimate", "promise", "vow",
     "recall", "recount", "observe"}
)  # fmt: skip
CUE_VERBS = NEUTRAL_CUES | LOADED_CUES | OTHER_CUES
#: The words a thesaurus gives for "say" that news copy does not report with: a spinner writes
#: them for nearly every "said" ("stated", "mentioned", "advised journalists").
SAID_SUBSTITUTES = frozenset(
    {"state", "mention", "declare", "advise", "instruct", "inform", "remark", "utter", "notify",
     "convey"}
)  # fmt: skip
#: Verbs whose frame introduces the source of a report rather than a speaker ("citing X").
SOURCE_CUES = frozenset({"cite", "quote"})
#: Cues that introduce direct speech: only these make "<clause>, X said." an unmarked quote.
SPEECH_CUES = frozenset({"say", "tell", "add", "state", "claim", "insist", "admit", "concede"})


#: Reporting verbs whose choice carries no judgement; swapping one for another is not a change:
#: the ledger's neutral cues, with the frames that name a source ("according to", "citing").
NEUTRAL_FRAMES = NEUTRAL_CUES | frozenset(["according_to", "cite", "quote", "speak", "describe"])

#: Loaded reporting verbs grouped by what they imply; within a group a swap is not a change.
CUE_CLASSES: dict[str, str] = {
    "claim": "claim",
    "allege": "claim",
    "assert": "claim",
    "contend": "claim",
    "maintain": "insist",
    "insist": "insist",
    "admit": "admit",
    "concede": "admit",
    "acknowledge": "admit",
    "confess": "admit",
    "warn": "warn",
    "caution": "warn",
    "deny": "deny",
    "reject": "deny",
    "predict": "predict",
    "forecast": "predict",
    "boast": "boast",
    "brag": "boast",
    "argue": "argue",
    "suggest": "suggest",
    "hint": "suggest",
    "imply": "suggest",
    "accuse": "accuse",
    "complain": "complain",
    "lament": "complain",
    "threaten": "threaten",
    "vow": "vow",
    "pledge": "vow",
    "promise": "vow",
    "reveal": "reveal",
    "disclose": "reveal",
    "declare": "declare",
    "proclaim": "declare",
    "stress": "stress",
    "emphasise": "stress",
    "emphasize": "stress",
    "urge": "urge",
    "instruct": "order",
    "order": "order",
    "command": "order",
    "direct": "order",
    "demand": "order",
    "condemn": "criticise",
    "criticise": "criticise",
    "criticize": "criticise",
    "denounce": "criticise",
}

#: What each class of reporting verb makes of a statement, for a copy editor's message.
CLASS_FORCE: dict[str, str] = {
    "neutral": "a neutral report",
    "claim": "a claim the writer distances from",
    "insist": "an insistence",
    "admit": "an admission",
    "warn": "a warning",
    "deny": "a denial",
    "predict": "a prediction",
    "boast": "a boast",
    "argue": "an argument",
    "suggest": "a suggestion",
    "accuse": "an accusation",
    "complain": "a complaint",
    "threaten": "a threat",
    "vow": "a promise",
    "reveal": "a revelation",
    "declare": "a declaration",
    "stress": "an emphasis",
    "urge": "an appeal",
    "order": "an order, not a statement",
    "criticise": "a criticism",
}


def is_reporting_verb(lemma: str) -> bool:
    low = lemma.lower().replace(" ", "_")
    return low in NEUTRAL_FRAMES or low in CUE_CLASSES


def cue_class(lemma: str) -> str:
    """The class of a reporting verb: "neutral" for "say" and its kin, else its group."""
    low = lemma.lower().replace(" ", "_")
    if low in NEUTRAL_FRAMES:
        return "neutral"
    return CUE_CLASSES.get(low, low)
