"""Title words: the words that head a title and their categories, "former" and "current",
and the abbreviations of titles before a name."""

from __future__ import annotations

#: Words saying a role is over ("former defence minister", "the then foreign minister").
FORMER_WORDS = frozenset(
    {"former", "ex", "ex-", "erstwhile", "one-time", "onetime", "then", "late"}
)

#: Words saying a role is held now; a conjunct with one of these is not under an earlier
#: "former" ("a former defense minister, and current secretary of ...").
CURRENT_WORDS = frozenset(
    {"current", "sitting", "incumbent", "acting", "now", "present", "serving", "new", "interim"}
)


# fmt: off
#: Words that head a person's title. Each belongs to a category: ``official`` (state and
#: organisation posts, which tie a person to one side), ``press`` (reporters, analysts: a
#: place after them is where they work, not whom they serve), ``royal`` (a monarch may reign
#: over several states at once) and ``other``.
TITLE_CATEGORY: dict[str, str] = {
    **dict.fromkeys(
        (
            "president", "vice-president", "premier", "minister", "secretary", "spokesperson",
            "adviser", "aide", "head", "chief", "leader", "director", "chair", "governor",
            "ambassador", "envoy", "negotiator", "diplomat", "official", "commander", "general",
            "mayor", "senator", "congressman", "congresswoman", "lawmaker", "legislator", "mp",
            "deputy", "speaker", "chancellor", "commissioner", "representative", "delegate",
            "consul", "attache", "mediator", "ombudsman", "prosecutor", "judge", "officer",
            "colonel", "captain", "lieutenant", "admiral", "marshal", "sergeant", "coordinator",
            "administrator", "undersecretary", "president-elect", "vice-chair", "member",
            "emissary", "politician", "councillor", "councilor", "executive", "ceo", "founder",
            "cfo", "coo", "cto",
        ),
        "official",
    ),
    **dict.fromkeys(
        (
            "correspondent", "reporter", "journalist", "editor", "columnist", "commentator",
            "presenter", "anchor", "writer", "author", "analyst", "expert", "scientist",
            "professor", "researcher", "economist", "historian", "academic", "observer",
            "photographer", "blogger", "lawyer", "attorney", "activist", "campaigner",
        ),
        "press",
    ),
    **dict.fromkeys(("king", "queen", "prince", "princess", "monarch", "emperor", "emir"), "royal"),
}

# fmt: on

#: Titles written as their initials, with the words they stand for ("CEO" is the "chief
#: executive"): a title is compared in full.
TITLE_INITIALS: dict[str, str] = {
    "ceo": "chief executive",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
}

#: Common nouns for the body a title belongs to, which a rewrite may name instead ("the
#: company's chief executive" is "Acme Corp's chief executive").
BODY_NOUNS = frozenset(
    {"company", "firm", "group", "agency", "board", "bank", "party", "ministry", "department",
     "government", "council", "committee", "union", "club", "team", "airline", "carrier",
     "regulator", "court", "organisation", "organization", "administration", "commission"}
)  # fmt: skip

#: Abbreviated titles as news copy writes them before a name ("Sen. Ted Cruz").
TITLE_ABBREVIATIONS: dict[str, str] = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "lt": "lieutenant",
    "gen": "general",
    "col": "colonel",
    "capt": "captain",
    "cmdr": "commander",
    "sgt": "sergeant",
    "adm": "admiral",
    "amb": "ambassador",
    "atty": "attorney",
    "supt": "superintendent",
    "pres": "president",
    "prof": "professor",
    "dr": "doctor",
}


def title_word_of(text: str) -> str:
    """A title word in full and lower case: "Sen." -> "senator"."""
    low = text.lower().rstrip(".")
    return TITLE_ABBREVIATIONS.get(low, low)


#: Titles of people who speak for a government or an institution: words given to "the
#: Kremlin" or "the White House" are theirs ("Kremlin spokesman Dmitry Peskov").
SPEAKING_FOR_TITLES = ("spokesperson", "spokesman", "spokeswoman", "press secretary")
