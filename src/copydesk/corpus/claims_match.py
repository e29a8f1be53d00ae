"""Deciding whether two documents speak of the same person, office, side, thing or words.

Corroboration compares one article's ledger with other outlets' ledgers. Those were built
independently, so the same person, office or quotation is written differently in each:
"Volodymyr Zelenskyy" and "President Volodymyr Zelensky"; "head of delegation" and "leader
of the team"; "Kyiv" and "Ukraine"; “very difficult” inside "It will be very difficult".
These functions say when two such spellings are the same thing. They are pure functions of
strings (and a parse, for an argument's side words), so they are tested on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from copydesk.ledger.model import Person
from copydesk.lexicon.classes import STOPWORDS
from copydesk.lexicon.normalise import HEAD_SYNONYMS, TITLE_VARIANTS, fold, spelling_word
from copydesk.lexicon.places import place_of, recorded_side_key, side_of
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated

# --- text folding ------------------------------------------------------------------------------

#: Word characters, hyphens and apostrophes joining parts ("vice-president", "Kyiv’s").
_JOINED_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def words(text: str) -> list[str]:
    """The folded words of ``text``, possessive endings dropped, listed British spellings
    made American (`copydesk.lexicon.normalise.spelling_word`)."""
    return [w for w, _ in word_spans(text)]


def word_spans(text: str, offset: int = 0) -> list[tuple[str, Span]]:
    """`words` with where each stands in ``text`` (plus ``offset``)."""
    out = []
    for m in _JOINED_WORD.finditer(text):
        w = spelling_word(re.sub(r"'s?$", "", fold(m.group())))
        if w:
            out.append((w, Span(offset + m.start(), offset + m.end())))
    return out


# --- people ------------------------------------------------------------------------------------

#: Least rapidfuzz ratio (0-100) between two surnames for them to be one person's name spelt
#: two ways. Transliteration variants score 88-94 ("Zelensky"/"Zelenskyy" 94,
#: "Medinsky"/"Medinskiy" 94, "Zelenskyy"/"Zelenskiy" 89); a one-letter change in a
#: six-letter surname is as often another person and scores 83 ("Umerov"/"Umarov").
SURNAME_MIN_SIMILARITY = 85.0

#: Least ratio between two given names, when both documents give one. Transliteration
#: variants ("Sergiy"/"Serhiy" 83, "Volodymyr"/"Volodimir" 78) against different names
#: ("Volodymyr"/"Vladimir" 59): 75 keeps variants one or two letters apart.
FIRST_NAME_MIN_SIMILARITY = 75.0

#: Words that precede a name in copy without being part of it.
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "prof", "president", "general"})


def _name_words(name: str) -> list[str]:
    ws = [w for w in re.split(r"[\s.]+", fold(name)) if w]
    ws = [re.sub(r"'s?$", "", w) for w in ws]
    return [w for w in ws if w and w not in HONORIFICS]


def same_person(a: str, b: str) -> bool:
    """True when two names can be one person's: surnames alike, given names compatible.

    "Zelensky" ~ "Volodymyr Zelenskyy"; "V. Putin" ~ "Vladimir Putin"; "Vladimir Medinsky"
    is not "Volodymyr Medinsky"'s namesake unless the given names agree.
    """
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return False
    if fuzz.ratio(wa[-1], wb[-1]) < SURNAME_MIN_SIMILARITY:
        return False
    if len(wa) > 1 and len(wb) > 1:
        fa, fb = wa[0], wb[0]
        if len(fa) == 1 or len(fb) == 1:  # an initial
            return fa[0] == fb[0]
        return fuzz.ratio(fa, fb) >= FIRST_NAME_MIN_SIMILARITY
    return True


def find_person(people: tuple[Person, ...], name: str) -> Person | None:
    """The person of a ledger that ``name`` names, exact name first, then by `same_person`."""
    for p in people:
        if p.name == name:
            return p
    for p in people:
        if same_person(p.name, name):
            return p
    return None


# --- sides ---------------------------------------------------------------------------------------


def sides_exclusive(a: str, b: str) -> bool:
    """True when one person cannot act for both sides at once: two different states.

    A minister may also speak for an international organisation; two countries, never.
    Sides the places table does not know are taken to be states.
    """
    if recorded_side_key(a) == recorded_side_key(b):
        return False
    pa, pb = place_of(a) or place_of(a.title()), place_of(b) or place_of(b.title())
    kind_a = pa.kind if pa is not None else "country"
    kind_b = pb.kind if pb is not None else "country"
    return kind_a == "country" and kind_b == "country"


# --- offices -------------------------------------------------------------------------------------

#: Words that name one office in several ways, mapped to one form, after the ledger's gender
#: variants (`TITLE_VARIANTS`: "spokesman" -> "spokesperson"): its head is also its leader or
#: chief (`HEAD_SYNONYMS`), and a side's delegation at talks is also called its team or its
#: negotiators. The delegation words are corroboration's own (two outlets may name one
#: delegation differently); the diff's `compare.frames.title_word` does not fold them.
TITLE_SYNONYMS: dict[str, str] = {
    **HEAD_SYNONYMS,
    "team": "delegation",
    "negotiators": "delegation",
    "negotiating": "delegation",
    "delegations": "delegation",
}

#: Words in a title that say nothing about which office it is.
TITLE_FILLER = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "for",
        "to",
        "its",
        "their",
        "his",
        "her",
        "and",
        "current",
        "incumbent",
        "then",
        "sitting",
        "former",
        "ex",
        "serving",
        "new",
        "also",
        "again",
    }
)

#: Heads of offices that one person holds for a side at a time: a second holder named by
#: another outlet contradicts the article. "minister", "secretary" and "head" need the body or
#: portfolio named ("defense minister", "head of delegation"); a bare "minister" is one of many.
ONE_HOLDER_HEADS = frozenset({"head", "chair", "minister", "secretary", "governor", "mayor"})
#: Offices unique to their side even when named by one word.
ONE_HOLDER_ALONE = frozenset({"president", "premier", "chancellor"})
#: Modifiers that make an office one of several ("deputy foreign minister").
SHARED_OFFICE_WORDS = frozenset({"deputy", "vice", "assistant", "acting", "junior", "co"})


@dataclass(frozen=True, slots=True)
class Office:
    """A title as compared: its head word and the other words that say which office it is."""

    head: str
    words: frozenset[str]  # every office word, the head included, sides left out

    @property
    def one_holder(self) -> bool:
        if self.words & SHARED_OFFICE_WORDS:
            return False
        if self.head in ONE_HOLDER_ALONE or self.words == {"prime", "minister"}:
            return True
        return self.head in ONE_HOLDER_HEADS and len(self.words) >= 2


def _office_word(word: str) -> str:
    w = TITLE_VARIANTS.get(word, word)
    return TITLE_SYNONYMS.get(w, w)


@lru_cache(maxsize=4096)
def office(title: str) -> Office:
    """ "head of the Ukrainian delegation" -> Office("head", {"head", "delegation"})."""
    raw = [_office_word(w) for w in words(title)]
    kept: list[str] = []
    head: str | None = None
    for i, w in enumerate(raw):
        if w == "of" and head is None and kept:
            head = kept[-1]
        if w in TITLE_FILLER or w.replace("-", "").isdigit():
            continue
        if side_of(w.title()) is not None and not (i + 1 < len(raw) and raw[i + 1] == "of"):
            continue
        kept.append(w)
    if head is None:
        head = kept[-1] if kept else ""
    return Office(head, frozenset(kept))


def same_office(a: str, b: str) -> bool:
    """Exactly the same office: the same office words once synonyms and sides are folded."""
    oa, ob = office(a), office(b)
    return bool(oa.words) and oa.words == ob.words


def compatible_office(a: str, b: str) -> bool:
    """One title is the other or a fuller form of it, with the same head ("minister" and
    "defense minister"; "adviser" and "presidential adviser")."""
    oa, ob = office(a), office(b)
    if not oa.words or not ob.words:
        return False
    if oa.words == ob.words:
        return True
    return oa.head == ob.head and (oa.words <= ob.words or ob.words <= oa.words)


# --- frame arguments -------------------------------------------------------------------------------

#: Pronouns and other words that do not say who is meant without resolving them.
# fmt: off
UNRESOLVED = frozenset({
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "his", "its",
    "their", "our", "who", "whom", "which", "that", "this", "these", "those", "one", "someone",
    "something", "what", "whatever", "there", "all", "both",
})
# fmt: on


@dataclass(frozen=True, slots=True)
class Argument:
    """A frame's subject or object as compared across documents.

    ``person`` is the ledger name when the argument names a person; ``side`` when it names a
    side itself ("Kyiv", "the Kremlin"); ``head`` is the phrase's last word otherwise, and
    ``sides`` the side words inside the phrase ("Kyiv's delegation" -> {"ukraine"}).
    """

    text: str
    person: str | None
    side: str | None
    head: str
    sides: frozenset[str]

    @property
    def resolved(self) -> bool:
        return self.person is not None or self.side is not None or self.head not in UNRESOLVED


def argument(
    doc: Annotated,
    people: tuple[Person, ...],
    text: str,
    span: Span | None,
    side: str | None = None,
) -> Argument:
    """Read a frame argument: which person or side it names, its head word and side words.

    ``side`` is the side the ledger read for the phrase ("Kyiv's delegation" -> Ukraine);
    without it the side words inside the phrase are used.
    """
    person = None
    for p in people:
        if p.name == text or (span is not None and any(m.overlaps(span) for m in p.mentions)):
            person = p.name
            break
    named = recorded_side_key(text) if side_of(text) is not None else None
    if side is not None:
        sides = frozenset({k} if (k := recorded_side_key(side)) else ())
    else:
        phrase = span.of(doc.text) if span is not None else text
        sides = frozenset(
            k
            for w in re.findall(r"[A-Z][\w'’.-]*", phrase)
            if side_of(w) and (k := recorded_side_key(w))
        )
    ws = words(text)
    head = ws[-1] if ws else fold(text)
    return Argument(text, person, named, head, sides)


def same_argument(a: Argument, b: Argument) -> bool:
    """True when two arguments refer to the same person, side or thing."""
    if not a.resolved or not b.resolved:
        return False
    if a.person is not None or b.person is not None:
        return same_person(a.person or a.text, b.person or b.text)
    if a.side is not None or b.side is not None:
        return a.side == b.side
    if a.head != b.head:
        return False
    return not (a.sides and b.sides and a.sides.isdisjoint(b.sides))


# --- quotations -------------------------------------------------------------------------------------

#: Fewest words a quotation needs to be looked for at all: a single quoted word ("puppet")
#: is a label, not something said.
QUOTE_MIN_WORDS = 2

#: Fewest words the same quotation needs before giving it to someone else is a contradiction:
#: two officials may both call talks "very difficult"; they do not both say a whole sentence.
QUOTE_CONTRADICTION_MIN_WORDS = 5


def quote_key(text: str) -> str:
    """A quotation as compared: folded, punctuation and quote marks dropped."""
    return " ".join(words(text))


# --- wording ------------------------------------------------------------------------------------

#: A passage of another text is the same quotation in other words when at least this share
#: of the quotation's words are found in it, in order. A one-word change in a five-word quote
#: keeps 0.8; two reports quoting different sentences of one speaker share at most the odd
#: function word and a name, well under half.
WORDING_MIN_SHARE = 0.6

#: Fewest words found in order before two passages are compared as one quotation at all.
WORDING_MIN_MATCHED = 3

#: Quotations shorter than this are compared only with whole quotations, and differ only by
#: a misspelt word (`NEAR_SPELLING_MIN`): two or three words ("very difficult") are what
#: many speakers say, so another word there is as often another remark as a misquote.
SHORT_QUOTE_WORDS = 4

#: Least rapidfuzz ratio between two words for one to be the other misspelt or garbled:
#: "miraclear"/"miraculous" 63, "Zelensky"/"Zelenskyy" 94; different words score lower
#: ("different"/"difficult" 56, "road"/"ride" 50, "wants"/"expects" 33).
NEAR_SPELLING_MIN = 60.0

#: Shorter words differ by a letter as often as not ("it"/"this" score 67, "on"/"in" 50).
MIN_SPELLING_LETTERS = 4

#: Words besides the function words (`lexicon.classes.STOPWORDS`) that carry no claim of a
#: quotation's own: fillers and sentence adverbs that transcriptions of one remark differ in.
_FILLER_WORDS = frozenset({"well", "oh", "um", "naturally", "of", "course", "indeed", "really"})


@dataclass(frozen=True, slots=True)
class Wording:
    """How a quotation's words stand against a passage of another text."""

    same: bool  # every word of the quotation, in order, nothing changed
    changes: tuple[tuple[str, str], ...]  # (the quotation's words, the passage's words)
    ours: tuple[Span, ...]  # the quotation's differing words
    theirs: tuple[Span, ...]  # the passage's differing words
    passage: Span  # the passage's words that answer the quotation


def compare_wording(
    ours: list[tuple[str, Span]], theirs: list[tuple[str, Span]], *, whole: bool
) -> Wording | None:
    """Compare a quotation's words with a passage of another text, word by word.

    ``whole`` says the passage is itself a whole quotation, so words that differ at either
    end are a change; in a plain sentence they are the sentence's own words around the quote.
    None when the passage is not these words at all (`WORDING_MIN_SHARE`); words missing at
    the ends are a shorter quotation, not a change.
    """
    a = [w for w, _ in ours]
    b = [w for w, _ in theirs]
    if not a or not b:
        return None
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    equal = [k for k, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return None
    first, last = equal[0], equal[-1]
    matched = sum(op[2] - op[1] for op in ops if op[0] == "equal")
    changes: list[tuple[int, int, int, int]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        inside = first < k < last
        if not inside and tag == "replace":
            # At an end, their quotation may run on: pair word for word, nearest the match.
            if k < first:
                j1 = max(j1, j2 - (i2 - i1))
            else:
                j2 = min(j2, j1 + (i2 - i1))
        if inside or (tag == "replace" and (whole or _misspelt(a[i1:i2], b[j1:j2]))):
            changes.append((i1, i2, j1, j2))
    near = sum(1 for i1, i2, j1, j2 in changes if _misspelt(a[i1:i2], b[j1:j2]))
    short = len(a) < SHORT_QUOTE_WORDS
    if short and not whole:
        return None
    if not changes:
        if matched < len(a):
            return None  # a part of the quotation only: the caller decides if that is enough
        span = Span(theirs[ops[first][3]][1].start, theirs[ops[last][4] - 1][1].end)
        return Wording(True, (), (), (), span)
    if short:
        if not all(_misspelt(a[i1:i2], b[j1:j2]) for i1, i2, j1, j2 in changes):
            return None
    elif matched < WORDING_MIN_MATCHED or (matched + near) / len(a) < WORDING_MIN_SHARE:
        return None
    covered = {i for op in ops if op[0] == "equal" for i in range(op[1], op[2])}
    covered |= {i for i1, i2, _, _ in changes for i in range(i1, i2)}
    if any(_content([w]) for i, w in enumerate(a) if i not in covered):
        return None  # content words of the quotation are not in the passage at all
    changes = [c for c in changes if _content(a[c[0] : c[1]])]
    if not changes:  # only function words and fillers differ: the same quotation
        span = Span(theirs[ops[first][3]][1].start, theirs[ops[last][4] - 1][1].end)
        return Wording(True, (), (), (), span)
    lo = min(ops[first][3], *(j1 for _, _, j1, _ in changes))
    hi = max(ops[last][4], *(j2 for _, _, _, j2 in changes))
    return Wording(
        False,
        tuple((" ".join(a[i1:i2]), " ".join(b[j1:j2])) for i1, i2, j1, j2 in changes),
        tuple(_cover(ours, i1, i2) for i1, i2, _, _ in changes if i2 > i1),
        tuple(_cover(theirs, j1, j2) for _, _, j1, j2 in changes if j2 > j1),
        Span(theirs[lo][1].start, theirs[hi - 1][1].end),
    )


def _cover(tokens: list[tuple[str, Span]], start: int, end: int) -> Span:
    return Span(tokens[start][1].start, tokens[end - 1][1].end)


def _misspelt(a: list[str], b: list[str]) -> bool:
    """One word for one word, spelt alike (`NEAR_SPELLING_MIN`); words of fewer than
    `MIN_SPELLING_LETTERS` letters are never misspellings of each other ("it", "this")."""
    return (
        len(a) == len(b) == 1
        and min(len(a[0]), len(b[0])) >= MIN_SPELLING_LETTERS
        and fuzz.ratio(a[0], b[0]) >= NEAR_SPELLING_MIN
    )


def _content(ours: list[str]) -> bool:
    """True when the quotation's side of a change holds a content word. A rewriter changes
    meaning by putting in words of its own ("wants" for "expects", "miraclear"); two agencies
    translating one remark differ in the words around them ("it will be" against "naturally,
    this will be"), and a quotation that leaves a word out is a shorter quotation."""
    return any(w not in STOPWORDS and w not in _FILLER_WORDS for w in ours)
