"""Modals, hedges and negators: how firmly a sentence states what it says.

The ledger reads a claim's hedges and negation with these lists; the diff compares the
force of two modals ("would" states, "could" only allows).
"""

from __future__ import annotations

#: Modal auxiliaries that make a claim possible rather than asserted. "would" is left out:
#: in reported speech it is only a past tense of "will".
HEDGE_MODALS = frozenset({"could", "may", "might"})

#: Verbs (mostly passive or raising) that hedge their "to" verb: "is expected to",
#: "appears to", "is believed to".
HEDGE_CONTROL = frozenset(
    {"expect", "believe", "say", "report", "think", "appear", "seem", "understand", "rumour",
     "rumor", "suppose", "likely", "unlikely", "allege", "anticipate", "project", "forecast",
     "predict", "estimate"}
)  # fmt: skip

#: Verbs that forecast the event their object names: "he expects the certification in the
#: first half of 2026" dates the certification, not the expecting.
FORECAST_VERBS = frozenset({"expect", "anticipate", "forecast", "predict", "project", "estimate"})

#: Adverbs that date a statement before the article's news: "he had previously told
#: analysts he expected ..." reports a forecast the article goes on to revise.
EARLIER_ADVERBS = frozenset(
    {"previously", "earlier", "initially", "originally", "formerly", "once"}
)

#: Auxiliaries that put their verb in the future: "will be certified", "would enter service".
FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll"})

#: Adverbs that hedge the verb they modify.
HEDGE_ADVERBS = frozenset(
    {"reportedly", "allegedly", "possibly", "probably", "likely", "perhaps", "apparently",
     "purportedly", "reputedly", "seemingly", "supposedly", "maybe"}
)  # fmt: skip

#: Words that keep a statement a possibility without a modal ("risks delaying", "a
#: potential delay", "threatens to").
HEDGE_WORDS = frozenset(
    {"risk", "threaten", "potential", "potentially", "possible", "possibly", "chance", "may"}
)

#: Determiners and pronouns that negate their clause ("no one expects", "made no progress").
NEGATIVE_WORDS = frozenset({"no", "none", "nobody", "nothing", "neither", "nor", "never"})

#: What a modal commits the speaker to. "would"/"will" state a plan or a consequence as
#: firm; "could"/"may"/"might" only a possibility; "should"/"must" an obligation. "can"
#: states an ability as often as a possibility ("voters can register online"), so a swap
#: with it says nothing certain about firmness.
MODAL_FORCE: dict[str, str] = {
    "will": "certain",
    "would": "certain",
    "shall": "certain",
    "'ll": "certain",
    "wo": "certain",  # the first half of "won't"
    "could": "possible",
    "may": "possible",
    "might": "possible",
    "can": "ability",
    "ca": "ability",  # the first half of "can't"
    "should": "obligation",
    "must": "obligation",
}

FORCE_WORDS = {
    "certain": "as certain",
    "possible": "as only a possibility",
    "obligation": "as an obligation",
    "ability": "as an ability",
}

#: Words that negate what they govern.
NEGATORS = NEGATIVE_WORDS | frozenset({"not", "n't", "without"})
