"""spin checks: the fingerprints machine rewording leaves in a text, read without its source.

Article spinners swap words for thesaurus entries, translation round trips lose case and
break clauses, and both lose characters on the way. Each fingerprint here is a general
property of English that such copy breaks, read from the parse and the lexicon:

- names and sentence starts in lower case (`lowercase_names`);
- sentences broken in rewording: a capital in mid-sentence, a fragment with no verb inside a
  paragraph, a noun joined to itself (`broken_sentences`);
- verb forms English does not have in their place, "had began" (`wrong_forms`);
- phrases a thesaurus made: a phrasal verb that is none ("performed down", where "played
  down" is one), an inflected verb hyphened to its particle ("thought-about"), a
  nationality before another country's name ("japanese Ukraine") (`tortured_phrases`), and
  a fixed phrase with one word swapped for a synonym ("charge cuts" for "tax cuts")
  (`tortured_collocations`), an age compound with "old" swapped ("15-12 months-outdated")
  (`tortured_ages`), and a count of "us" in the report's own words ("200 our bodies", "5 of
  us") (`counted_first_person`);
- a place name or a title swapped the same way ("West Palm Seaside", "Circuit Choose Jo
  Bell") (`corrupted_names`);
- a directive verb reporting what someone told the press ("instructed reporters")
  (`odd_reporting_verbs`), and a thesaurus's words for "said" as often as "said"
  (`reporting_profile`);
- characters lost or run together ("be?certified", "Mariupolaccording"), and template slots
  left unfilled ("(*50*)") (`garbled_text`);
- quotation marks glued to the word before them ("then'start flying'"), and a quotation
  opened twice in one paragraph with no closing mark between (`stray_quotes`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

from copydesk.checks.copy import is_english
from copydesk.kinds import severity_of
from copydesk.ledger.model import Ledger
from copydesk.lexicon import classes, thesaurus
from copydesk.lexicon.places import is_demonym, side_of
from copydesk.lexicon.reporting import SAID_SUBSTITUTES, cue_class, is_reporting_verb
from copydesk.lexicon.senses import is_listed, is_phrase
from copydesk.lexicon.vocabulary import zipf
from copydesk.lexicon.wordnet import wordnet
from copydesk.model import Finding, Span
from copydesk.nlp.annotate import Annotated, Sentence, Token

#: A sentence is prose, not a headline or a list line, when at most this share of its words
#: that are not names nor its first word start with a capital: headlines capitalise nearly
#: all of them, wire sentences almost none; 0.5 leaves room for titles ("Secretary").
PROSE_MAX_CAPITALISED = 0.5

#: A verbless stretch is a fragment only when it has at least this many words: shorter ones
#: are datelines, bylines and captions ("LVIV (Reuters) -").
FRAGMENT_MIN_WORDS = 3

#: A run-together word's second part must be at least this common (Zipf): an everyday word
#: ("according", 5.2), not a rare tail that only looks like one.
RUN_TOGETHER_TAIL_ZIPF = 4.0

#: Function words that only start a sentence or follow a colon or quotation mark: written
#: with a capital in mid-sentence they mark a sentence broken in rewording.
FUNCTION_POS = frozenset({"PRON", "DET", "AUX", "CCONJ", "SCONJ", "ADP"})

#: Particles English adds to almost any verb ("free up", "open up", "speed up"): a verb with
#: one is English whether WordNet lists the pair or not.
PRODUCTIVE_PARTICLES = frozenset({"up"})

#: Confidence of a fingerprint: every one that fires on the rewrites in ../shared is a real
#: fault and none fires on the 157 clean texts of `eval/clean_copy.py`, but a name, a quoted
#: slogan or a caption can still look like one.
FINGERPRINT_CONFIDENCE = 0.8

SUBJECT_PRONOUNS = frozenset({"It", "He", "She", "They", "We"})

#: Entities whose words are names, never common words ("Safety" in an organisation's
#: name is still the word "safety").
NAME_ENTITIES = frozenset({"PERSON", "GPE", "NORP", "LOC"})

#: Objects that make a reporting verb a statement to the press ("told reporters").
PRESS = frozenset({"reporter", "journalist", "press", "media", "newsman"})

OPENING_AFTER = frozenset(
    {".", ":", ";", "!", "?", "“", '"', "‘", "(", "—", "–", "-", "[", "'", "''", "``"}
)
_CONTRACTION_TAILS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})

#: Words of a long quotation a message shows before "…".
QUOTED_WORDS_SHOWN = 8


def _lists(swap: thesaurus.Swap) -> str:
    """ "AikSaurus lists" or "LibreOffice's thesaurus and AikSaurus list"."""
    return f"{' and '.join(swap.thesauri)} {'lists' if len(swap.thesauri) == 1 else 'list'}"


def _finding(kind: str, message: str, span: Span, suggestion: str | None = None) -> Finding:
    return Finding(
        kind=kind,
        severity=severity_of(kind),
        message=message,
        span=span,
        suggestion=suggestion,
        confidence=FINGERPRINT_CONFIDENCE,
    )


def _words(doc: Annotated, s: Sentence) -> list[Token]:
    return [t for t in doc.sentence_tokens(s) if not t.is_space]


def _prose(doc: Annotated, s: Sentence) -> bool:
    """A sentence of running text: enough words, and most of those that are not names
    written in lower case (a headline capitalises them all)."""
    words = [t for t in _words(doc, s) if t.text[:1].isalpha()]
    if len(words) < FRAGMENT_MIN_WORDS:
        return False
    common = [t for t in words[1:] if not t.ent_type]
    if not common:
        return False
    capitalised = sum(1 for t in common if t.text[:1].isupper())
    return capitalised / len(common) <= PROSE_MAX_CAPITALISED


def _in_excluded(doc: Annotated, span: Span) -> bool:
    return any(e.span.overlaps(span) for e in doc.article.excluded)


def _prose_sentences(doc: Annotated) -> Iterator[tuple[Sentence, list[Token]]]:
    for s in doc.sentences:
        if _prose(doc, s) and not _in_excluded(doc, s.span):
            yield s, _words(doc, s)


def _q(doc: Annotated, start: Token, end: Token) -> str:
    return f"‘{doc.text[start.start : end.end]}’"


# --- names in lower case ------------------------------------------------------------------


def lowercase_names(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """A sentence that starts in lower case, a nationality in lower case, and a lower-case
    word the same article writes with a capital as (part of) a name."""
    capitalised = _names_of(doc)
    out: list[Finding] = []
    for s, words in _prose_sentences(doc):
        first = next((t for t in words if t.text[:1].isalpha()), None)
        flagged: set[int] = set()
        if (
            first is not None
            and first.text[:1].islower()
            and first.i == words[0].i
            and _starts_sentence(doc, s)
        ):
            run = _name_run(words, 0, capitalised)
            out.append(
                _finding(
                    "spin.lowercase_name",
                    f"The sentence starts in lower case ({_q(doc, run[0], run[-1])}): a "
                    "capital lost in rewording.",
                    Span(run[0].start, run[-1].end),
                    suggestion=_capitalise(doc.text[run[0].start : run[-1].end]),
                )
            )
            flagged.update(t.i for t in run)
        for k, t in enumerate(words):
            if t.i in flagged or not t.text.isalpha() or not t.text.islower():
                continue
            demonym = _is_demonym(t.text)
            person = _lower_person(words, k)
            if not (demonym or person or (t.text in capitalised and not _common_word(t.text))):
                continue
            while (
                k and _lower_name_word(words[k - 1], capitalised) and words[k - 1].i not in flagged
            ):
                k -= 1  # "ted cruz": a first name the parse reads as a name
            run = _name_run(words, k, capitalised)
            flagged.update(x.i for x in run)
            what = (
                "a nation's name"
                if demonym
                else "a person's name"
                if person
                else "a name this article writes with a capital"
            )
            out.append(
                _finding(
                    "spin.lowercase_name",
                    f"{_q(doc, run[0], run[-1])} is {what}, here in lower case.",
                    Span(run[0].start, run[-1].end),
                    suggestion=_capitalise(doc.text[run[0].start : run[-1].end], every=True),
                )
            )
    return out


def _names_of(doc: Annotated) -> set[str]:
    """Words this article writes mostly with a capital, inside a sentence, as part of the
    name of a person, place or nation: lower-case copies of them are names too."""
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for s, words in _prose_sentences(doc):
        for t in words[1:]:
            if not t.text.isalpha():
                continue
            if t.text.islower():
                lower[t.text] += 1
            elif t.text[:1].isupper() and t.ent_type in NAME_ENTITIES:
                upper[t.text.lower()] += 1
    return {w for w, n in upper.items() if n >= lower[w]}


def _starts_sentence(doc: Annotated, s: Sentence) -> bool:
    """Whether ``s`` begins a sentence of the text, not a line the parser split or a line
    hard-wrapped inside a sentence: it follows a full stop (or ! ?), or a line that is no
    prose (a headline, page furniture), or nothing."""
    before = doc.text[: s.start].rstrip()
    if not before:
        return True
    if before[-1] in ".!?" or before[-2:] in (".”", '."', ".’", "?”", "!”"):
        return True
    if "\n" not in doc.text[len(before) : s.start]:
        return False
    prev = doc.sentence_at(len(before) - 1)
    return prev is None or not _prose(doc, prev) or _in_excluded(doc, prev.span)


@lru_cache(maxsize=4096)
def _common_word(word: str) -> bool:
    """A word WordNet lists as a common noun, verb, adjective or adverb ("grant", "new"),
    not only as the name of one person or place: its lower case may be no name at all."""
    wn = wordnet()
    for pos in ("n", "v", "a", "r"):
        for lemma in wn.base_forms(word, pos):
            for synset in wn.synsets(lemma, pos):
                if pos != "n" or not any(p.symbol == "@i" for p in synset.pointers):
                    return True
    return False


@lru_cache(maxsize=4096)
def _is_demonym(word: str) -> bool:
    """A nationality ("japanese") or the name of a country or its capital ("pakistan"),
    which English always capitalises; a name that is also a common word ("turkey") is left
    out."""
    name = word.capitalize()
    return is_demonym(name) or (side_of(name) is not None and not _common_word(word))


def _lower_person(words: Sequence[Token], k: int) -> bool:
    """Two or more lower-case words the parse reads as one person's name, not all of them
    common words ("murad ali shah")."""
    run = [words[k]]
    for t in words[k + 1 :]:
        if t.ent_type != "PERSON" or not t.text.isalpha() or not t.text.islower():
            break
        run.append(t)
    return (
        words[k].ent_type == "PERSON"
        and len(run) >= 2
        and not all(_common_word(t.text) for t in run)
    )


def _name_run(words: Sequence[Token], k: int, capitalised: set[str]) -> list[Token]:
    """Token ``k`` and the lower-case name words after it ("ted cruz", "donald trump")."""
    run = [words[k]]
    for t in words[k + 1 :]:
        if not _lower_name_word(t, capitalised):
            break
        run.append(t)
    return run


def _lower_name_word(t: Token, capitalised: set[str]) -> bool:
    return (
        t.text.isalpha()
        and t.text.islower()
        and (t.text in capitalised or t.ent_type in ("PERSON", "NORP", "GPE"))
    )


def _capitalise(text: str, every: bool = False) -> str:
    if every:
        return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
    return text[:1].upper() + text[1:]


# --- broken sentences ---------------------------------------------------------------------


def broken_sentences(doc: Annotated, ledger: Ledger) -> list[Finding]:
    out: list[Finding] = []
    for s, words in _prose_sentences(doc):
        out += _mid_capitals(doc, words)
        out += _self_joined(doc, words)
        if _after_a_sentence(doc, s) and _verbless(words) and not _quoted(doc, s):
            out.append(
                _finding(
                    "spin.broken_sentence",
                    f"{_q(doc, words[0], words[-1])} has no verb, inside a paragraph of "
                    "sentences: a clause broken in rewording.",
                    s.span,
                )
            )
    return out


def _after_a_sentence(doc: Annotated, s: Sentence) -> bool:
    """Whether ``s`` follows a sentence of its own paragraph that ended with a full stop,
    and ends with one itself: a stretch the writer set out as a sentence, mid-paragraph (a
    caption or a photo credit starts its line)."""
    if not s.text.rstrip("”\"' ").endswith("."):
        return False
    before = doc.text[: s.start].rstrip(" \t")
    return bool(before) and not before.endswith("\n") and before.rstrip("”\"'")[-1:] == "."


def _verbless(words: Sequence[Token]) -> bool:
    """No verb but participles after a comma ("Army Washington DC. helicopter above, killing
    67 people."): a participle after a comma hangs on a clause; any other verb, however the
    parse tags it, may head one."""
    for prev, t in zip([None, *words], words, strict=False):
        if t.pos in ("VERB", "AUX") and not (
            t.tag in ("VBG", "VBN") and prev is not None and prev.text == ","
        ):
            return False
    return True


def _quoted(doc: Annotated, s: Sentence) -> bool:
    return any(ch in s.text for ch in '“”"')


def _mid_capitals(doc: Annotated, words: Sequence[Token]) -> list[Finding]:
    """A function word with a capital after a word that does not end a sentence ("ted cruz
    It threatened"): the seam of two clauses run together."""
    out = []
    for prev, t in itertools.pairwise(words):
        if (
            t.pos not in FUNCTION_POS
            or not t.text[:1].isupper()
            or t.text == "I"
            or t.ent_type
            or prev.text in OPENING_AFTER
        ):
            continue
        if prev.text[:1].isupper() and t.text not in SUBJECT_PRONOUNS:
            continue  # inside a capitalised name or title ("Secretary of State")
        out.append(
            _finding(
                "spin.broken_sentence",
                f"{_q(doc, prev, t)}: ‘{t.text}’ is capitalised in mid-sentence, where two "
                "clauses were run together in rewording.",
                Span(prev.start, t.end),
            )
        )
    return out


def _self_joined(doc: Annotated, words: Sequence[Token]) -> list[Finding]:
    out = []
    for x, cc, y in zip(words, words[1:], words[2:]):
        if (
            cc.text.lower() in ("and", "or")
            and x.pos in ("NOUN", "PROPN")
            and x.text.lower() == y.text.lower()
        ):
            out.append(
                _finding(
                    "spin.broken_sentence",
                    f"{_q(doc, x, y)} joins a word to itself: one of two things was lost in "
                    "rewording.",
                    Span(x.start, y.end),
                )
            )
    return out


# --- verb forms ---------------------------------------------------------------------------


#: Forms of "be" and "have" by number; a subject of the other number never takes them.
SINGULAR_FORMS = frozenset({"is", "was", "has"})
PLURAL_FORMS = frozenset({"are", "were", "have"})
SINGULAR_PRONOUNS = frozenset({"he", "she", "it"})
PLURAL_PRONOUNS = frozenset({"they", "we"})


def _disagrees(subject: Token, verb: Token) -> bool:
    form, low = verb.text.lower(), subject.text.lower()
    if form in SINGULAR_FORMS:
        return low in PLURAL_PRONOUNS or (subject.tag == "NNS" and not subject.ent_type)
    if form in PLURAL_FORMS:
        return low in SINGULAR_PRONOUNS
    return False


def wrong_forms(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """A simple past after "have" where only the participle is English ("had began"), and a
    "be" or "have" of the wrong number for its subject ("the talks was", "he have")."""
    out = []
    for t in doc.tokens:
        if t.dep not in ("nsubj", "nsubjpass") or t.head == t.i:
            continue
        verb = doc.tokens[t.head]
        forms = [verb, *(c for c in doc.children(verb.i) if c.dep in ("aux", "auxpass"))]
        for v in forms:
            between = doc.tokens[t.i + 1 : v.i]
            if v.i > t.i and all(b.pos == "ADV" for b in between) and _disagrees(t, v):
                out.append(
                    _finding(
                        "spin.wrong_form",
                        f"{_q(doc, t, v)}: the verb does not agree with its subject.",
                        Span(t.start, v.end),
                    )
                )
                break
    for prev, t in zip(doc.tokens, doc.tokens[1:]):
        low = t.text.lower()
        if low in classes.PARTICIPLE_OF_PAST and prev.lemma.lower() == "have":
            right = classes.PARTICIPLE_OF_PAST[low]
            out.append(
                _finding(
                    "spin.wrong_form",
                    f"{_q(doc, prev, t)} needs the participle ‘{right}’.",
                    t.span,
                    suggestion=right,
                )
            )
    return out


# --- tortured phrases ---------------------------------------------------------------------


def tortured_phrases(doc: Annotated, ledger: Ledger) -> list[Finding]:
    out: list[Finding] = []
    tokens = doc.tokens
    for k, t in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if t.pos == "VERB" and nxt.dep == "prt":
            out += _phrasal(doc, t, nxt)
        if t.tag in ("VBD", "VBN") and nxt.text == "-" and k + 2 < len(tokens):
            part = tokens[k + 2]
            if part.pos in ("ADP", "ADV", "PART") and not nxt.whitespace and not t.whitespace:
                joined = doc.text[t.start : part.end]
                if is_listed(joined):
                    continue
                base = wordnet().base_forms(t.text, "v")
                verb = base[0] if base else t.lemma.lower()
                # "sold-out", "laid-off": the hyphened form of a word WordNet lists written as
                # one ("sellout", "layoff"), not a phrasal verb written with a hyphen
                if not wordnet().has(f"{verb}{part.text.lower()}"):
                    phrase = f"{verb} {part.text.lower()}"
                    out.append(
                        _finding(
                            "spin.tortured_phrase",
                            f"‘{joined}’ is not an English word: a verb form hyphened to its "
                            f"particle (‘{phrase}’ written as one word).",
                            Span(t.start, part.end),
                        )
                    )
        if t.pos in ("ADJ", "PROPN", "NOUN") and nxt.ent_type == "GPE":
            out += _nationality_before_country(doc, t, nxt)
    return out


def counted_first_person(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """A count of "us" in the report's own words ("200 our bodies", "a number of our
    bodies", "5 of us"): spinners write "our bodies" for "bodies" and "of us" for "people",
    and a news report counts others, never the writer's own. A number straight before "our"
    is no English anywhere; a count "of us" or "of our" is read outside quotations only."""
    quoted = [q.span for q in ledger.quotations if q.marked]
    out = []
    tokens = doc.tokens
    for t in tokens[1:]:
        if t.text.lower() not in ("us", "our"):
            continue
        before = tokens[t.i - 1]
        if t.text.lower() == "our" and before.tag == "CD":
            start = before
        elif before.text.lower() == "of" and t.i >= 2 and _counts(tokens[t.i - 2]):
            start = tokens[t.i - 2]
            if any(q.contains(t.span) for q in quoted):
                continue
        else:
            continue
        end = tokens[t.i + 1] if t.text.lower() == "our" and t.i + 1 < len(tokens) else t
        span = Span(start.start, end.end)
        if start.sent != t.sent or _in_excluded(doc, span):
            continue
        out.append(
            _finding(
                "spin.tortured_phrase",
                f"{_q(doc, start, end)}: the report counts ‘{t.text}’ in its own words, where "
                "news copy counts others; spinners write ‘our bodies’ for ‘bodies’ and ‘of us’ "
                "for ‘people’.",
                span,
            )
        )
    return out


def _counts(tok: Token) -> bool:
    """A count before "of": a number other than "one" ("one of our reporters" is how a
    newsroom names its own staff), or "number", "dozens", "hundreds"."""
    if tok.text.lower() == "one":
        return False
    return tok.tag == "CD" or tok.text.lower() in classes.COUNT_NOUNS


#: An age written as one compound, whatever its words: a number, a unit of time (or a
#: spinner's "12 months" for "year"), and a last word ("15-year-old", "15-12 months-outdated").
_AGE_COMPOUND = re.compile(
    r"\b(?P<number>\d+)-(?P<unit>(?:\d+ )?[a-z]+)-(?P<word>[a-z]+)\b", re.IGNORECASE
)


def tortured_ages(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """An age compound whose "old" a thesaurus swapped ("15-12 months-outdated" for
    "15-year-old"): the compound is fixed, so any listed synonym of "old" in its place is
    a swap."""
    out = []
    for m in _AGE_COMPOUND.finditer(doc.article.body):
        unit, word = m.group("unit").lower(), m.group("word").lower()
        if unit.split()[-1] not in classes.TIME_UNITS:
            continue
        swap = thesaurus.age_word_behind(word)
        span = Span(m.start(), m.end())
        if swap is None or _in_excluded(doc, span):
            continue
        length = "year" if unit in ("12 months", "year", "years") else unit.split()[-1]
        original = f"{m.group('number')}-{length.removesuffix('s')}-{swap.original}"
        out.append(
            _finding(
                "spin.tortured_phrase",
                f"‘{m.group()}’: probably ‘{original}’; {_lists(swap)} "
                f"‘{swap.written}’ under ‘{swap.original}’: an age with its words swapped for "
                "synonyms.",
                span,
                suggestion=original,
            )
        )
    return out


#: Parts of speech of a fixed phrase's first word as written: a noun, or a verb form used as
#: one ("holding pattern"); adjectives ("new rules") pair with too many nouns to say which.
COLLOCATION_FIRST_POS = frozenset({"NOUN", "VERB"})


def tortured_collocations(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """Two words that are no phrase of their own, where putting one back for a synonym the
    thesauri list gives a fixed phrase (`copydesk.lexicon.thesaurus`): "charge cuts" for
    "tax cuts" (or "rate cuts")."""
    out = []
    for _, words in _prose_sentences(doc):
        for t1, t2 in itertools.pairwise(words):
            if t1.pos not in COLLOCATION_FIRST_POS or t2.pos != "NOUN" or not t1.whitespace:
                continue
            if not (t1.text.isalpha() and t2.text.isalpha()):
                continue
            if not (t1.text.islower() and t2.text.islower()):
                continue
            found = thesaurus.tortured(t1.text, t2.lemma)
            if found is None:
                continue
            out.append(
                _finding(
                    "spin.tortured_phrase",
                    f"{_q(doc, t1, t2)}: probably ‘{found.original}’, a fixed phrase in WordNet; "
                    f"{_lists(found)} ‘{found.written}’ under "
                    f"‘{found.replaced}’: a synonym swapped into a fixed phrase.",
                    Span(t1.start, t2.end),
                    suggestion=found.original,
                )
            )
    return out


#: Fewest tokens a run of capitalised words needs for a title to be read in it: the title
#: and a first and last name after it ("Circuit Choose Jeffrey Gillen").
TITLE_RUN_MIN_TOKENS = 3


def corrupted_names(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """A place name with one word swapped for a synonym ("West Palm Seaside" for "West Palm
    Beach", GeoNames' cities), and a title just before a person's name swapped for a word
    that is no noun ("Circuit Choose Jeffrey Gillen" for "Judge": a noun there, "State" or
    "Prime", is part of a title of its own)."""
    out: list[Finding] = []
    for run in _capitalised_runs(doc):
        if run[0].pos == "DET":
            run = run[1:]  # "A West Palm Seaside man"
        # A place name opens its run: "Rock Lake" inside "White Rock Lake" is another name.
        place = None
        for size in range(min(len(run), 4), 1, -1):
            name = " ".join(t.text for t in run[:size])
            if thesaurus.is_place(name):
                break  # "West Palm Beach" is no corrupted "West Palm"
            place = thesaurus.corrupted_place(name)
            if place is not None:
                out.append(_corrupted(doc, run[0], run[size - 1], place, "place"))
                break
        # A title stands just before the person's name: every word after it is the name.
        if place is None and len(run) >= TITLE_RUN_MIN_TOKENS:
            for k, t in enumerate(run[:-2]):
                if not all(n.ent_type == "PERSON" for n in run[k + 1 :]):
                    continue
                title = thesaurus.title_behind(t.text)
                if title is not None and not wordnet().synsets(t.text.lower(), "n"):
                    out.append(_corrupted(doc, t, t, title, "title"))
    return out


def _capitalised_runs(doc: Annotated) -> Iterator[list[Token]]:
    """Runs of capitalised words inside prose sentences, one space apart."""
    for _, words in _prose_sentences(doc):
        run: list[Token] = []
        for t in words:
            joined = run and run[-1].whitespace == " " and run[-1].end + 1 == t.start
            if t.text[:1].isupper() and t.text.isalpha() and (not run or joined):
                run.append(t)
                continue
            if len(run) >= 2:
                yield run
            run = [t] if t.text[:1].isupper() and t.text.isalpha() else []
        if len(run) >= 2:
            yield run


def _corrupted(
    doc: Annotated, first: Token, last: Token, found: thesaurus.Swap, what: str
) -> Finding:
    """A corrupted name: ``what`` is "place" or "title"."""
    written = doc.text[first.start : last.end]
    right = found.original if what == "place" else found.replaced.capitalize()
    where = "the place" if what == "place" else "the title before this name,"
    return _finding(
        "spin.corrupted_name",
        f"‘{written}’: probably {where} ‘{right}’, with ‘{found.replaced}’ swapped for "
        f"‘{found.written}’; {_lists(found)} ‘{found.written}’ under "
        f"‘{found.replaced}’.",
        Span(first.start, last.end),
        suggestion=right,
    )


def _phrasal(doc: Annotated, verb: Token, particle: Token) -> list[Finding]:
    """A verb that forms no phrasal verb in WordNet, with a particle, where a verb next to it
    in WordNet forms one with that particle ("performed down": "play" is a way to "perform",
    and "play down" is English)."""
    wn = wordnet()
    p = particle.text.lower()
    if p in PRODUCTIVE_PARTICLES:
        return []
    bases = wn.base_forms(verb.text, "v") or (verb.lemma.lower(),)
    if any(is_phrase(f"{b} {p}") or wn.phrasal_particles(b) & classes.PARTICLES for b in bases):
        return []  # a phrasal verb, or a verb that forms them (WordNet lists only some)
    candidates: dict[str, float] = {}
    for base in bases:
        for sense in wn.senses(base, "v"):
            near = [sense.synset, *(wn.synset(*k) for k in sense.synset.related("~", "@"))]
            for word in (w for syn in near for w in syn.words):
                phrase = f"{word} {p}"
                if " " not in word and word != base and is_phrase(phrase):
                    candidates.setdefault(phrase, sense.share)
    if not candidates:
        return []
    best = sorted(candidates, key=lambda c: -candidates[c])[:3]
    return [
        _finding(
            "spin.tortured_phrase",
            f"{_q(doc, verb, particle)} is not an English phrasal verb, and WordNet lists none "
            f"with ‘{bases[0]}’; {_either(best)}, from a verb next to it in WordNet, is: a "
            "synonym swapped into an idiom.",
            Span(verb.start, particle.end),
            suggestion=best[0],
        )
    ]


def _either(phrases: list[str]) -> str:
    quoted = [f"‘{p}’" for p in phrases]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _nationality_before_country(doc: Annotated, adj: Token, place: Token) -> list[Finding]:
    nation, country = side_of(adj.text.capitalize()), side_of(place.text)
    if nation is None or country is None or nation == country:
        return []
    if adj.text.lower() == nation.lower() or place.text.lower() != country.lower():
        return []  # a country's own name ("Russia Ukraine talks"), or a city after a demonym
    return [
        _finding(
            "spin.tortured_phrase",
            f"{_q(doc, adj, place)} puts one nation's adjective before another country's "
            "name: a direction or region (‘eastern’, ‘southern’) was probably swapped for a "
            "nationality.",
            Span(adj.start, place.end),
        )
    ]


# --- reporting verbs ----------------------------------------------------------------------


def odd_reporting_verbs(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """A directive verb ("instructed", "ordered") with the press as its object: a statement
    to reporters is told, not ordered."""
    out = []
    for t in doc.tokens:
        if t.pos != "VERB" or not is_reporting_verb(t.lemma) or cue_class(t.lemma) != "order":
            continue
        objects = _press_objects(doc, t)
        if objects:
            out.append(
                _finding(
                    "spin.odd_reporting_verb",
                    f"‘{t.text} {objects[0].text}’: one tells reporters; ‘{t.text}’ gives them "
                    "orders, a thesaurus swap for ‘told’.",
                    t.span,
                    suggestion="told",
                )
            )
    return out


#: An article's reporting is a spinner's when it reports at least this many statements with a
#: thesaurus's word for "said" ...
PROFILE_MIN_SUBSTITUTES = 3
#: ... and no more with "said" or "told" than with those. Wire copy writes "said" for nearly
#: every statement: among the 60 faithful texts of ../shared none has more than one
#: substitute; the two word spinners there have five and eight, and no "said" at all.
PROFILE_MAX_SAID_PER_SUBSTITUTE = 1.0


def _press_objects(doc: Annotated, verb: Token) -> list[Token]:
    """The press as a verb's object ("instructed reporters")."""
    return [c for c in doc.children(verb.i) if c.dep == "dobj" and c.lemma.lower() in PRESS]


def reporting_profile(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """Every "stated", "mentioned" or "advised" reporting a statement, in an article that
    reports with them as often as with "said": one odd verb is a style, a profile of them a
    spinner's swap of "said" throughout."""
    said = 0
    substitutes: list[Token] = []
    for t in doc.tokens:
        if t.pos != "VERB" or _in_excluded(doc, t.span):
            continue
        lemma = t.lemma.lower()
        if lemma in ("say", "tell"):
            said += 1
        elif lemma in SAID_SUBSTITUTES and _reports_a_clause(doc, t):
            substitutes.append(t)
    if len(substitutes) < PROFILE_MIN_SUBSTITUTES:
        return []
    if said > PROFILE_MAX_SAID_PER_SUBSTITUTE * len(substitutes):
        return []
    # an order given to the press is flagged as such (`odd_reporting_verbs`)
    flagged = {t.i for t in substitutes if cue_class(t.lemma) == "order" and _press_objects(doc, t)}
    used = Counter(t.text.lower() for t in substitutes)
    listed = ", ".join(f"‘{w}’ {n}×" for w, n in used.most_common())
    return [
        _finding(
            "spin.odd_reporting_verb",
            f"‘{t.text}’ for ‘said’: the article reports {len(substitutes)} statements with a "
            f"thesaurus's words for ‘said’ ({listed}) and {said} with ‘said’ or ‘told’, where "
            "news copy says ‘said’.",
            t.span,
            suggestion="said",
        )
        for t in substitutes
        if t.i not in flagged
    ]


def _reports_a_clause(doc: Annotated, verb: Token) -> bool:
    """A verb with a clause of what was said ("stated that ...", "mentioned the talks were")."""
    return any(c.dep == "ccomp" or c.text.lower() == "that" for c in doc.children(verb.i))


# --- characters ---------------------------------------------------------------------------

#: A question mark or a spaced full stop between letters of one word: a character the
#: encoding lost ("be?certified", "Çavuşo .lu").
_LOST = re.compile(r"(?<=[^\W\d_])\?(?=[^\W\d_])|(?<=[^\W\d_]{2}) \.(?=[^\W\d_]{2})")

#: A spinner's template left in the text: spintax in braces ("{that a}", "{rose|climbed}"),
#: a numbered slot ("(*50*)"), or a placeholder never filled ("{{city}}", "[NAME]").
_TEMPLATE = re.compile(r"\{\{?[^{}\n]{1,40}\}\}?|\(\*\s*\w{1,12}\s*\*\)|\[(?:[A-Z][A-Z_ ]{1,20})\]")


def garbled_text(doc: Annotated, ledger: Ledger) -> list[Finding]:
    out = []
    body = doc.article.body
    for m in _LOST.finditer(body):
        span = Span(m.start(), m.end())
        if _in_excluded(doc, span):
            continue
        left = max(body.rfind(" ", 0, m.start() - 1) + 1, 0)
        right = re.search(r"[\s,;]|$", body[m.end() :])
        end = m.end() + (right.start() if right else 0)
        out.append(
            _finding(
                "spin.garbled_text",
                f"‘{body[left:end]}’ has a character lost or replaced in transit.",
                Span(left, end),
            )
        )
    for m in _TEMPLATE.finditer(body):
        span = Span(m.start(), m.end())
        if _in_excluded(doc, span) or not re.search(r"[^\W_]", m.group()):
            continue
        out.append(
            _finding(
                "spin.garbled_text",
                f"‘{m.group()}’ is a template slot left unfilled: a spinner's or a content "
                "system's placeholder, not words of the article.",
                span,
            )
        )
    names = {t.text for t in doc.tokens if t.pos == "PROPN" and t.text.isalpha()}
    for t in doc.tokens:
        if not t.text.isalpha() or not t.text[:1].isupper() or t.text in names - {t.text}:
            continue
        split = _run_together(t.text, names)
        if split:
            out.append(
                _finding(
                    "spin.garbled_text",
                    f"‘{t.text}’ runs two words together (‘{split[0]} {split[1]}’).",
                    t.span,
                    suggestion=f"{split[0]} {split[1]}",
                )
            )
    return out


def _run_together(word: str, names: set[str]) -> tuple[str, str] | None:
    """A name of this article with an everyday word stuck to it ("Mariupolaccording")."""
    if is_english(word.lower()):
        return None
    for name in names:
        if name != word and word.startswith(name) and len(word) - len(name) >= 4:
            tail = word[len(name) :]
            if tail.islower() and zipf(tail) >= RUN_TOGETHER_TAIL_ZIPF:
                return (name, tail)
    return None


# --- quotation marks ----------------------------------------------------------------------


def stray_quotes(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """An opening quotation mark glued to the word before it ("then'start flying'"): an
    apostrophe only ends a word with "s", "t", "re", "ve", "ll", "d" or "m"."""
    out = []
    for m in re.finditer(r"(?<=[a-z])['‘“](?P<words>[a-z][^'’”\n]{0,60})['’”]", doc.article.body):
        head = m.group("words").split()[0] if m.group("words").split() else ""
        if head in _CONTRACTION_TAILS or re.match(r"(s|t|re|ve|ll|d|m)\b", m.group("words")):
            continue
        span = Span(m.start(), m.end())
        if _in_excluded(doc, span):
            continue
        out.append(
            _finding(
                "spin.stray_quotes",
                f"‘{m.group(0)}’: quotation marks glued to the word before them, around words "
                "nobody is said to have said.",
                span,
            )
        )
    return out


def reopened_quotes(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """A quotation opened twice in one paragraph with no closing mark between ("“The city is
    under constant bombardment. “50-100 bombs fall"): a closing mark was lost or an opening
    one added. Only curly marks are read, which say which way they face, and an opening mark
    before a space or the paragraph's end is a closing one set the wrong way ("“very
    difficult,“ he said"); a quotation that runs on into the next paragraph reopens there by
    rule, so each paragraph starts closed."""
    out = []
    for paragraph in re.finditer(r"[^\n]+", doc.article.body):
        opened: int | None = None
        for m in re.finditer(r'[“”"]', paragraph.group()):
            at = paragraph.start() + m.start()
            if m.group() == '"':
                break  # straight marks face both ways: the pairing cannot be read
            after = paragraph.group()[m.end() : m.end() + 1]
            if m.group() == "”" or not after.strip():
                opened = None  # a closing mark, or an opening one set where a closing belongs
            elif opened is None:
                opened = at
            else:
                span = Span(opened, at + 1)
                if not _in_excluded(doc, span):
                    out.append(
                        _finding(
                            "spin.stray_quotes",
                            f"‘{_shortened(span.of(doc.text))}’: a quotation is opened again "
                            "before it is closed; a closing mark was lost or an opening one "
                            "added.",
                            span,
                        )
                    )
                opened = at
    return out


def _shortened(text: str) -> str:
    words = text.split()
    return text if len(words) <= QUOTED_WORDS_SHOWN else " ".join(words[:QUOTED_WORDS_SHOWN]) + " …"


def editorial_words(doc: Annotated, ledger: Ledger) -> list[Finding]:
    """Words of judgement outside quotations ("tragically", "robust"), and an "UPDATE:" label
    before a paragraph."""
    quoted = [q.span for q in ledger.quotations if q.marked]
    out = []
    for t in doc.tokens:
        low = t.text.lower()
        if low not in classes.EDITORIAL_WORDS and low not in classes.UPDATE_TAGS:
            continue
        if any(q.contains(t.span) for q in quoted) or _in_excluded(doc, t.span):
            continue
        nxt = doc.tokens[t.i + 1] if t.i + 1 < len(doc.tokens) else None
        line_start = t.start == 0 or doc.text[t.start - 1] == "\n"
        if line_start and low in classes.UPDATE_TAGS and nxt is not None and nxt.text == ":":
            out.append(
                _finding(
                    "spin.editorial_word",
                    f"‘{t.text}:’ labels the paragraph as new, a tag rewrites add to old copy.",
                    Span(t.start, nxt.end),
                )
            )
        elif low in classes.EDITORIAL_WORDS:
            out.append(
                _finding(
                    "spin.editorial_word",
                    f"‘{t.text}’ is the writer's judgement, not a fact: wire copy leaves it out "
                    "and machine rewrites add it.",
                    t.span,
                )
            )
    return out


CHECKS = [
    editorial_words,
    lowercase_names,
    broken_sentences,
    wrong_forms,
    tortured_phrases,
    counted_first_person,
    tortured_ages,
    tortured_collocations,
    corrupted_names,
    odd_reporting_verbs,
    reporting_profile,
    garbled_text,
    stray_quotes,
    reopened_quotes,
]
