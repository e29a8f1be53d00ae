"""Closed word classes a copy editor reasons with: each a small, fixed list of English.

Open-class words (nouns, verbs, adjectives) are judged through WordNet (`senses`); the words
here are the function words and fixed forms WordNet does not cover, or covers without the
distinction that matters to a copy desk (a modal's force, a reporting verb's force).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Compass directions and the adjectives made from them: a region or a bearing, never a
#: nationality (a spinner's "eastern" -> "oriental" -> "japanese").
DIRECTIONS = _words(
    "north south east west northern southern eastern western northeast northwest southeast "
    "southwest northeastern northwestern southeastern southwestern central north-east "
    "north-west south-east south-west north-eastern north-western south-eastern south-western "
    "upper lower"
)

#: Prepositions that place a statement in time; swapping one for another ("in 2026" ->
#: "by 2026", "in March" -> "since March") moves the time the text gives.
TIME_PREPOSITIONS = _words(
    "in on at by before after since until till during from within around through throughout "
    "over past"
)

#: Time prepositions that say the same of a time. Those that place an event at a time ("in
#: March", "on the weekend", "over the weekend", "during the talks") are one sense; a bound
#: ("by", "until"), a start ("since", "from") or a span ("within") is another each.
_SAME_TIME = {
    **dict.fromkeys(("in", "on", "at", "during", "over", "throughout"), "at"),
    "since": "from",
    "till": "until",
    "through": "until",
}


def time_sense(preposition: str) -> str:
    low = preposition.lower()
    return _SAME_TIME.get(low, low)


#: Verbs whose object is something done to their subject: "X drew criticism" makes X the one
#: criticised, where "X criticised" made X the critic.
RECEIVING_VERBS = _words("draw face receive attract get suffer earn incur meet")

#: Words that strengthen or soften what they modify: put in or taken out, they make a
#: statement stronger or weaker than the source's ("played down hopes" -> "dashed all
#: hopes", "slightly higher" -> "higher").
INTENSIFIERS = _words(
    "all completely totally entirely fully utterly absolutely sharply strongly highly "
    "extremely severely massively deeply hugely vastly overwhelmingly"
)
DOWNTONERS = _words("slightly somewhat partly partially marginally fairly rather mildly modestly")

#: Verbs that carry little meaning of their own ("have a plan", "make a call"): a swap
#: between them and a fuller verb says nothing about a wrong sense.
#: Articles and demonstratives: "the conflict" and "this conflict" name the same thing.
DETERMINERS = _words("the a an this these that those")

#: Nouns that count what follows "of" ("a number of", "dozens of", "hundreds of").
COUNT_NOUNS = _words("number dozen dozens hundred hundreds thousand thousands million millions")

#: First-person plural forms: a news report's narration speaks of others, never of "us".
FIRST_PERSON_PLURAL = _words("we us our ours")

LIGHT_VERBS = _words("be have do get make take give put go come")

#: Adverb particles of English phrasal verbs ("play down", "carry out").
PARTICLES = _words("up down out off in on over away back along around about through forth")

#: Words of a deadline: "by then", "by Friday" carry a time limit the sentence depends on.
DEADLINE_WORDS = _words("by until before deadline")

#: The months in order, each with its abbreviations.
_MONTH_SPELLINGS = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)  # fmt: skip

#: Month number (1-12) by name and abbreviation.
MONTH_NUMBER = {name: k for k, names in enumerate(_MONTH_SPELLINGS, start=1) for name in names}
#: Month abbreviations and their full names.
MONTH_NAMES = {abbr: names[0] for names in _MONTH_SPELLINGS for abbr in names[1:]}
#: Word forms that only a name or a date fills: months and days.
MONTHS = frozenset(MONTH_NUMBER)
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
RELATIVE_DAYS = _words("yesterday today tomorrow tonight")

#: Units of time a time expression counts in.
TIME_UNITS = _words(
    "quarter quarters half year years month months week weeks day days decade century"
)

#: The words that say which time a time expression means: units, parts and directions of
#: time ("the last quarter of next year", "the end of the next quarter").
TIME_WORDS = (
    MONTHS
    | WEEKDAYS
    | RELATIVE_DAYS
    | _words(
        "quarter quarters half year years month months week weeks day days decade century "
        "summer winter spring autumn fall weekend morning afternoon evening night "
        "next last this past coming previous first second third fourth end beginning start "
        "middle early late mid"
    )
)

#: Irregular verbs whose simple past and past participle differ: after "have" only the
#: participle is English ("had begun", never "had began"). Base, past, participle. "get" is
#: not among them: British English has "have got" where American has "have gotten".
_IRREGULAR = """
arise arose arisen; bear bore borne; beat beat beaten; become became become;
begin began begun; bite bit bitten; blow blew blown; break broke broken; choose chose chosen;
come came come; do did done; draw drew drawn; drink drank drunk; drive drove driven;
eat ate eaten; fall fell fallen; fly flew flown; forbid forbade forbidden;
forget forgot forgotten; forgive forgave forgiven; freeze froze frozen;
give gave given; go went gone; grow grew grown; hide hid hidden; know knew known;
mistake mistook mistaken; overtake overtook overtaken; ride rode ridden; ring rang rung;
rise rose risen; run ran run; see saw seen; shake shook shaken; show showed shown;
shrink shrank shrunk; sing sang sung; sink sank sunk; speak spoke spoken; spring sprang sprung;
steal stole stolen; strive strove striven; swear swore sworn; swim swam swum; take took taken;
tear tore torn; throw threw thrown; undertake undertook undertaken; wake woke woken;
wear wore worn; weave wove woven; withdraw withdrew withdrawn; write wrote written;
be was been; be were been; overcome overcame overcome; undergo underwent undergone;
forsake forsook forsaken; foresee foresaw foreseen; outgrow outgrew outgrown
"""

#: Simple past form -> its past participle, for the verbs in `_IRREGULAR`.
PARTICIPLE_OF_PAST: dict[str, str] = {}
for _row in _IRREGULAR.replace("\n", " ").split(";"):
    _base, _past, _participle = _row.split()
    if _past != _participle:
        PARTICIPLE_OF_PAST[_past] = _participle
del _row, _base, _past, _participle


#: Words of the writer's own judgement that wire copy leaves out and machine rewrites add
#: ("tragically resulted in", "robust requirements", "grave concerns"), outside quotations.
EDITORIAL_WORDS = _words(
    "tragically sadly unfortunately fortunately thankfully shockingly alarmingly urgently "
    "dramatically remarkably notably crucially importantly furthermore moreover additionally "
    "robust pivotal crucial vital grave dire heartbreaking staggering underscore underscores "
    "underscored underscoring"
)

#: Labels a rewrite puts before a paragraph to make old copy look new.
UPDATE_TAGS = _words("update updated breaking developing")


#: Function words (and the commonest reporting verbs) left out when texts are compared by
#: their content words.
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "according",
    ]
)
