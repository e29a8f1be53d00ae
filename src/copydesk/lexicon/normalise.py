"""Word folds shared by every stage that compares words.

British and American spellings of one word ("defence"/"defense", "organise"/"organize") and
the gender and spelling variants of title words ("spokesman"/"spokesperson") are one word to
the ledger, the diff and corroboration alike; this module is the one place they are listed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: A run of word characters (letters, digits, underscore): the unit of MinHash shingles and of
#: full-text search terms alike.
WORD_CHARACTER_RUN = re.compile(r"\w+")


def strip_accents(text: str) -> str:
    """``text`` with accents dropped ("Élysée" -> "Elysee", "Bogotá" -> "Bogota")."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


#: British/American spelling pairs that are house style, not meaning (compared lower-case),
#: mapped to the American form; "advisor", American too, to the "adviser" news copy prefers.
SPELLING_VARIANTS: dict[str, str] = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "centre": "center",
    "metre": "meter",
    "metres": "meters",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "theatre": "theater",
    "programme": "program",
    "programmes": "programs",
    "travelled": "traveled",
    "labour": "labor",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "favour": "favor",
    "honour": "honor",
    "colour": "color",
    "behaviour": "behavior",
    "rumour": "rumor",
    "armour": "armor",
    "harbour": "harbor",
    "endeavour": "endeavor",
    "judgement": "judgment",
    "ageing": "aging",
    "grey": "gray",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "counsellor": "counselor",
    "jewellery": "jewelry",
    "cheque": "check",
    "tyre": "tire",
    "kerb": "curb",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "paediatric": "pediatric",
    "analogue": "analog",
    "organisation": "organization",
    "advisor": "adviser",
}

#: Gender variants of title words, folded to one form (after spelling).
TITLE_VARIANTS: dict[str, str] = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokespeople": "spokesperson",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "councilwoman": "councillor",
    "councilman": "councillor",
}

#: Regular British endings, for words the table does not list ("realise", "endeavoured",
#: "fuelled"). Each needs a few letters before it so that short words ("rise", "four",
#: "ill") are left alone.
_ISE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$")
_OUR = re.compile(r"(?<=[a-z]{2})our(s|ed|ing|able)?$")
_LLED = re.compile(r"(?<=[aeiou][a-z])ll(ed|ing|er|ers)$")


def spelling_word(word: str) -> str:
    """``word`` lower-cased, with a listed British spelling as its American form.

    Only the listed words are changed, so the result can still be shown as a word (a title
    the ledger writes); `spelling_key` also folds regular endings, for comparing only.
    """
    w = word.lower().replace("’", "'")
    return SPELLING_VARIANTS.get(w, w)


def spelling_key(word: str) -> str:
    """A lower-case key under which British and American spellings of a word coincide."""
    w = word.lower().replace("’", "'")
    if w in SPELLING_VARIANTS:
        return SPELLING_VARIANTS[w]
    w = _ISE.sub(lambda m: "iz" + m.group(1), w)
    w = _OUR.sub(lambda m: "or" + (m.group(1) or ""), w)
    w = _LLED.sub(lambda m: "l" + m.group(1), w)
    return w


#: Words for the one at the top of a body, keyed as "head" when two titles are compared. The
#: titles the ledger writes keep them apart ("chief of staff", "chief negotiator", "leader");
#: for comparing two documents' titles "head of delegation" and "delegation leader" are one job.
HEAD_SYNONYMS: dict[str, str] = dict.fromkeys(("leader", "chief", "lead", "led", "heads"), "head")


def title_form(word: str) -> str:
    """A title word as the ledger writes it: lower case, spelling and gender variants folded
    ("Defence" -> "defense", "spokeswoman" -> "spokesperson")."""
    w = spelling_word(word)
    return TITLE_VARIANTS.get(w, w)


def initials(name: str) -> str:
    """The lower-case initials of a capitalised name ("National Transportation Safety Board
    Chair" -> "ntsbc"; "of" and "the" count for nothing), or "" for a single word."""
    words = [w for w in name.split() if w[:1].isupper() and w.lower() not in ("of", "the")]
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


#: Letters that transliterations of one name from Cyrillic, Arabic or Chinese write two ways
#: ("Zelenskiy"/"Zelensky", "Kyrylenko"/"Kirilenko", "Orlov"/"Orloff", "Khan"/"Han"), each
#: folded to one form: y and i, kh and h, ph and f, a final ff, w or v, doubled letters.
_TRANSLITERATION_FOLDS = (
    (re.compile(r"y"), "i"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?:ff|w)$"), "v"),
    (re.compile(r"(\w)\1+"), r"\1"),
)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The key under which two spellings of one name coincide: accents, case, a possessive,
    the full stops of an abbreviation ("B.C."/"BC", "U.N."/"UN") and the letters
    transliterations write two ways (`_TRANSLITERATION_FOLDS`). For comparing only: two
    documents naming one person, place or body."""
    text = strip_accents(name).lower().replace("’", "'")
    text = re.sub(r"'s?\b", "", text)
    text = re.sub(r"(?<=\w)\.(?=\w|\s|$)", "", text)
    words = []
    for word in re.findall(r"[\w-]+", text):
        for pattern, repl in _TRANSLITERATION_FOLDS:
            word = pattern.sub(repl, word)
        words.append(word)
    return " ".join(words)


def fold(text: str) -> str:
    """Lower case, accents folded, typographic quotes and dashes made plain, spaces collapsed."""
    text = strip_accents(text)
    text = (
        text.replace("’", "'")
        .replace("‘", "'")
        .replace("“", '"')
        .replace("”", '"')
        .replace("–", "-")
        .replace("—", "-")
    )
    return re.sub(r"\s+", " ", text).strip().lower()
