"""Title words: "former" and "current", and the abbreviations of titles before a name."""

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
