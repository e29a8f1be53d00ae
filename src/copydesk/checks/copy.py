"""copy checks: the text itself (non-words, broken numbers, page junk left in the body)."""

from __future__ import annotations

import re
from functools import lru_cache

from copydesk.kinds import severity_of
from copydesk.ledger.model import Ledger
from copydesk.ledger.quantities import scan_numbers
from copydesk.lexicon.vocabulary import in_spelling_dictionary, top_words, zipf
from copydesk.model import Finding, Span
from copydesk.nlp.annotate import Annotated, Token

#: A lower-case word is English when wordfreq lists it at or above this Zipf frequency (once
#: per 100 million words), or the spelling dictionary knows it or its lemma. wordfreq lists
#: nothing below 1.0, so this reads "listed at all". Calibrated on the seed article and its
#: five coverage texts: the only word it leaves unknown there is "miraclear" (0.0); the
#: closest calls that pass are "renunciating" (0.0, passed by its lemma "renunciate", 1.09),
#: "Taboola" (1.38), "Turkiye" (1.48) and "Yayasan" (1.52), the last three as names anyway.
ZIPF_MIN = 1.0

#: Words shorter than this are never flagged: two-letter tokens are mostly abbreviations,
#: units and split contractions.
MIN_WORD_LENGTH = 3

#: An all-capitals token up to this length is an abbreviation or acronym ("HUR", "NATO").
ACRONYM_MAX_LENGTH = 6

#: A suggestion must itself be at least this common (Zipf), so that it is a word a reader
#: knows: 2.5 is about once per 3 million words ("miraculous" is 3.3, "miracle" 4.0).
SUGGESTION_ZIPF_MIN = 2.5

#: How many of the most frequent English words are searched for suggestions sharing a prefix
#: with the non-word (beyond the spelling dictionary's edit-distance-2 candidates).
SUGGESTION_VOCABULARY = 100_000

#: Entity types whose tokens are names, never non-words.
NAME_ENTITIES = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)

#: A whole token of ASCII letters, hyphens and apostrophes joining parts ("well-known").
_ASCII_WORD = re.compile(r"^[A-Za-z]+(?:[-'’][A-Za-z]+)*$")
_NOT_SPACE = re.compile(r"\S")  # what `str.strip` keeps: nothing after the text's last word
_ADJECTIVE_ENDINGS = ("ous", "al", "ic", "ful", "ive", "able", "ible", "ant", "ent", "ary", "less")


#: Words a non-word's message offers ("did you mean 'miracle' or 'miraculous'?"): the third
#: candidate is seldom meant, and a longer list reads as a guess.
SUGGESTIONS_SHOWN = 2

#: Letters a frequent word must share with the start of a non-word to be a suggestion.
SUGGESTION_PREFIX = 4


def _sharing_prefix(w: str) -> list[str]:
    """Vocabulary words that start with the first `SUGGESTION_PREFIX` letters of ``w``: one
    search of the vocabulary's lines, where an index of every prefix took longer to build
    than the rest of a short check."""
    if len(w) < SUGGESTION_PREFIX:
        return []
    return re.findall(r"\n(" + re.escape(w[:SUGGESTION_PREFIX]) + r"[^\n]*)", _vocabulary_lines())


#: Edit distance within which a vocabulary word is a spelling candidate: two edits, as in
#: pyspellchecker's default, which finds "miracle" for "miraclear".
SUGGESTION_MAX_EDITS = 2


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, ...]:
    return tuple(w for w in top_words("en", SUGGESTION_VOCABULARY) if w.isalpha())


@lru_cache(maxsize=1)
def _vocabulary_lines() -> str:
    """`_vocabulary`, each word on a line of its own."""
    return "\n" + "\n".join(_vocabulary()) + "\n"


def _within_edits(w: str) -> list[str]:
    """Vocabulary words within `SUGGESTION_MAX_EDITS` edits of ``w``. rapidfuzz scans the
    vocabulary in C in a few milliseconds, where generating every two-edit string in Python
    (pyspellchecker's `candidates`) took about a second per unknown word."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    hits = process.extract(
        w, _vocabulary(), scorer=Levenshtein.distance, score_cutoff=SUGGESTION_MAX_EDITS, limit=50
    )
    return [cand for cand, _, _ in hits]


def _listed(w: str) -> bool:
    return zipf(w) >= ZIPF_MIN or in_spelling_dictionary(w)


#: British spellings rewritten to the American ones the spelling dictionary holds, for words
#: too rare for wordfreq to list in both ("hectometres" -> "hectometers"). Looser than
#: `copydesk.lexicon.normalise.spelling_key` on purpose ("-tre", "-yse", "-ogue", "-ence" too,
#: and no letters required before an ending): a rewritten word counts only when the
#: dictionary lists it, while a spelling key is compared unchecked.
_SPELLING_VARIANTS = (
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"our(s|ed|ing|ite|ites)?$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
)

#: Inflections stripped to find a listed base: plurals and third persons ("-s", "-es") of
#: any word; "-ed"/"-ing" only where the base is a verb form wordfreq also lists with "-s"
#: or "-ing", so that an adjective given a verb ending ("workable" -> "workabled") is not
#: excused as an inflection.
_PLURAL = ("'s", "’s", "s", "es")
_VERBAL = ("ed", "d", "ing")


@lru_cache(maxsize=65536)
def is_english(word: str) -> bool:
    """Whether a lower-case word is English: listed by wordfreq or the spelling dictionary,
    as written, in its American spelling, or as a regular inflection of a listed word."""
    w = word.lower().replace("’", "'")
    if _listed(w):
        return True
    for pattern, repl in _SPELLING_VARIANTS:
        variant = pattern.sub(repl, w)
        if variant != w and _listed(variant):
            return True
    for suffix in _PLURAL:
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= MIN_WORD_LENGTH and _listed(stem):
            return True
    for suffix in _VERBAL:
        stem = w[: -len(suffix)]
        if not w.endswith(suffix) or len(stem) < MIN_WORD_LENGTH:
            continue
        for base in {stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem}:
            if _listed(base) and (_listed(base + "s") or _listed(base.rstrip("e") + "ing")):
                return True
    return _closed_compound(w)


#: Zipf frequency each part of a closed compound must reach: two everyday words ("plane",
#: "maker"), not a rare word and a fragment.
COMPOUND_PART_MIN_ZIPF = 3.0

#: The heads news copy closes up with a noun ("planemaker", "chipmaker", "filmgoer",
#: "stakeholder"): agent nouns a trade or a role is named by.
_COMPOUND_HEADS = re.compile(r"(?:maker|goer|holder|builder|owner|seller|buyer|taker)s?$")


def _closed_compound(w: str) -> bool:
    """A noun and an agent noun written as one word, as news copy names a trade
    ("planemaker", "drugmakers"): both parts are everyday English words."""
    m = _COMPOUND_HEADS.search(w)
    if m is None or m.start() < MIN_WORD_LENGTH:
        return False
    first, head = w[: m.start()], w[m.start() :]
    return all(_listed(p) and zipf(p) >= COMPOUND_PART_MIN_ZIPF for p in (first, head.rstrip("s")))


def _is_name_shaped(doc: Annotated, tok: Token, part: str, names: frozenset[str]) -> bool:
    """Capitals tell names from words: a capitalised word inside a sentence is a name or a
    transliteration ("Varachyne"); at a sentence start only when the parser says so or the
    article uses it as a name elsewhere ("Zelenskyy outlines modest goals.")."""
    if any(c.isupper() for c in part[1:]):
        return True  # "iPhone", "McKinsey", a dateline in capitals
    if not part[0].isupper():
        return False
    if tok.ent_type in NAME_ENTITIES or tok.pos == "PROPN" or part in names:
        return True
    sent = doc.sentences[tok.sent]
    first = next(t for t in doc.sentence_tokens(sent) if not t.is_space and not t.is_punct)
    return first.i != tok.i


def _names(doc: Annotated, ledger: Ledger) -> frozenset[str]:
    """Words the article uses as names: inside name entities, capitalised inside a sentence,
    or in the people ledger."""
    names: set[str] = {w for p in ledger.people for w in p.name.split()}
    for e in doc.entities:
        if e.label in NAME_ENTITIES:
            names.update(e.text.split())
    for t in doc.tokens:
        if t.pos == "PROPN" and t.text[:1].isupper():
            names.add(t.text)
    return frozenset(names)


def _truncated_last_word(doc: Annotated, tok: Token) -> bool:
    """The last word of a text that stops mid-sentence ("... rejected outrig") is cut off,
    not misspelt."""
    return _NOT_SPACE.search(doc.article.body, tok.end) is None and tok.text[-1:].isalpha()


def suggestions(word: str, tok: Token | None = None) -> list[str]:
    """Real words the writer may have meant, best first: spelling candidates within two edits
    and frequent words sharing the first four letters, ranked by similarity, shared prefix,
    frequency, and (for a word modifying a noun) an adjective ending."""
    from rapidfuzz.fuzz import ratio

    w = word.lower()
    pool = set(_within_edits(w)) | set(_sharing_prefix(w))
    modifier = tok is not None and tok.dep in ("amod", "compound") and tok.head > tok.i
    scored: list[tuple[float, str]] = []
    for cand in pool:
        if cand == w or not cand.isalpha():
            continue
        z = zipf(cand)
        if z < SUGGESTION_ZIPF_MIN:
            continue
        prefix = len(_common_prefix(w, cand)) / len(w)
        if prefix < 0.4 and ratio(w, cand) < 75:
            continue
        score = ratio(w, cand) / 100 + 0.5 * prefix + 0.3 * z / 8
        if modifier and cand.endswith(_ADJECTIVE_ENDINGS):
            score += 0.15
        scored.append((score, cand))
    scored.sort(reverse=True)
    ranked: list[str] = []
    for _, cand in scored:
        if not any(cand.startswith(r) and len(cand) - len(r) <= 2 for r in ranked):
            ranked.append(cand)  # "miracles" adds nothing after "miracle"
    return ranked


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _unknown_part(doc: Annotated, tok: Token, names: frozenset[str]) -> str | None:
    """The part of a token that is not an English word or a name, if any."""
    text = tok.text
    if len(text) < MIN_WORD_LENGTH or not _ASCII_WORD.match(text):
        return None  # numbers, URLs, handles, punctuation, short tokens
    if tok.like_num or _truncated_last_word(doc, tok):
        return None
    for part in re.split(r"-", text):
        part = re.sub(r"['’]s?$", "", part)
        if len(part) < MIN_WORD_LENGTH:
            continue
        if part.isupper() and len(part) <= ACRONYM_MAX_LENGTH:
            continue
        if _is_name_shaped(doc, tok, part, names):
            continue
        if is_english(part) or is_english(tok.lemma):
            continue
        return part
    return None


def non_words(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """Tokens that are neither English words nor names, with the likeliest intended word."""
    findings: list[Finding] = []
    names = _names(doc, ledger)
    for tok in doc.tokens:
        if tok.is_space or tok.is_punct:
            continue
        part = _unknown_part(doc, tok, names)
        if part is None:
            continue
        start = tok.start + tok.text.index(part)
        span = Span(start, start + len(part))
        options = suggestions(part, tok)
        if options:
            shown = " or ".join(f"'{o}'" for o in options[:SUGGESTIONS_SHOWN])
            message = f"'{part}' is not an English word; did you mean {shown}?"
        else:
            message = f"'{part}' is not an English word or a recognisable name."
        findings.append(
            Finding(
                "copy.non_word",
                severity_of("copy.non_word"),
                message,
                span,
                suggestion=options[0] if options else None,
                confidence=0.9 if options else 0.7,
            )
        )
    return findings


#: Confidence that "N, NNN" is one number split by a space: near certain when the group
#: starts with 0 ("1, 000"), as no number is written "000"; likely otherwise ("4, 300").
BROKEN_THOUSANDS_ZERO_CONFIDENCE = 0.95
BROKEN_THOUSANDS_CONFIDENCE = 0.7
#: A decimal split after its point is only read as broken when a unit follows ("3. 7 miles").
BROKEN_DECIMAL_CONFIDENCE = 0.9


def broken_numbers(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """Numbers whose digits are split by stray spaces: "1, 000km", "3. 7 miles"."""
    findings: list[Finding] = []
    body = doc.article.body
    for read in scan_numbers(body):
        if not read.broken:
            continue
        written = body[read.span.start : read.span.end]
        number = body[read.number_span.start : read.number_span.end]
        if re.search(r"\.\s", number):
            confidence = BROKEN_DECIMAL_CONFIDENCE
        elif re.search(r",\s+0", number):
            confidence = BROKEN_THOUSANDS_ZERO_CONFIDENCE
        else:
            confidence = BROKEN_THOUSANDS_CONFIDENCE
        findings.append(
            Finding(
                "copy.broken_number",
                severity_of("copy.broken_number"),
                f"The number '{written}' is split by a stray space; it should read "
                f"'{read.repaired}'.",
                read.span,
                suggestion=read.repaired,
                confidence=confidence,
            )
        )
    return findings


def _junk_message(label: str) -> str:
    if label.strip().lower() in ("", "page furniture", "junk"):
        return "Page furniture is left in the article text; remove it."
    return f"Page furniture ({label}) is left in the article text; remove it."


def page_junk(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """Page furniture the reader recognised in the text (comment forms, embed links...)."""
    return [
        Finding(
            "copy.page_junk",
            severity_of("copy.page_junk"),
            _junk_message(ex.label),
            ex.span,
        )
        for ex in doc.article.excluded
        if ex.reason == "junk"
    ]


CHECKS = [non_words, broken_numbers, page_junk]
