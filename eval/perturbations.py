"""Perturbation evaluation of the source diff (`copydesk.source.diff.diff_pair`).

Takes sentences from the fixture articles in ``eval/fixtures/`` and from the seed source
(``../shared/cases/seed/source.txt`` when it is there), applies each kind of meaning change
programmatically and a set of meaning-preserving rewrites, runs `diff_pair` on every
(original as source, perturbed as article) pair and reports, per kind, precision and recall,
and the false-alarm rate on the rewrites.

    .venv/bin/python eval/perturbations.py [--sample N] [--seed S]

A perturbation of kind K is caught when `diff_pair` reports K. Precision for K counts every
pair on which K was reported (other kinds' perturbations and rewrites included). A rewrite
is a false alarm when it draws any finding at all; a major false alarm when it draws a finding
of major severity (the rule `eval/real_cases.py` scores real rewrites by). The word-level
judgements (``source.word_changed`` and the other minor kinds) ask the editor to look, so
the two rates are reported side by side.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from copydesk.analysis import Analysed
from copydesk.lexicon.places import side_of
from copydesk.model import Severity
from copydesk.nlp.annotate import Annotated, Token, annotate
from copydesk.read.article import Article
from copydesk.source.diff import diff_pair

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SEED_SOURCE = HERE.parent.parent / "shared" / "cases" / "seed" / "source.txt"

PRESERVE = "preserve"
KINDS = (
    "source.role_swap",
    "source.agent_inverted",
    "source.quote_altered",
    "source.quote_unmarked",
    "source.speaker_dropped",
    "source.speaker_changed",
    "source.number_changed",
    "source.negation_flipped",
    "source.hedge_removed",
    "source.attribution_verb_changed",
    "source.title_changed",
    "source.modality_changed",
    "source.entity_changed",
    "source.time_changed",
    "source.date_added",
    "source.tense_changed",
    "source.antonym",
    "source.phrase_broken",
    "source.grammar_broken",
    "source.quote_added",
    "source.intensity_changed",
)


@dataclass(frozen=True, slots=True)
class Case:
    kind: str  # a finding kind, or PRESERVE for a meaning-preserving rewrite
    how: str  # which transformation made it
    source: str
    article: str


# --- the sentences --------------------------------------------------------------------------


def sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    if SEED_SOURCE.exists():
        texts.append(SEED_SOURCE.read_text(encoding="utf-8"))
    out: list[str] = []
    for text in texts:
        doc = parse(text)
        out.extend(s.text for s in doc.sentences if len(doc.sentence_tokens(s)) >= 6)
    return out


@cache
def parse(text: str) -> Annotated:
    return annotate(Article(text))


@cache
def analysed(text: str, doc_id: str) -> Analysed:
    """The full pipeline analysis; the parse alone when the ledger cannot be built yet."""
    from copydesk.analysis import analyse

    try:
        return analyse(Article(text, doc_id=doc_id))
    except ImportError:
        from copydesk.ledger.model import Ledger

        LEDGER_MISSING.append(True)
        return Analysed(annotate(Article(text, doc_id=doc_id)), Ledger())


LEDGER_MISSING: list[bool] = []


# --- editing helpers -----------------------------------------------------------------------------


def replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def words(doc: Annotated) -> list[Token]:
    return [t for t in doc.tokens if not t.is_space]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted stretches, marks included."""
    pat = re.compile(r"“[^”]+”|(?<![\w’])‘[^’]+’(?!\w)|\"[^\"]+\"")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def in_quote(text: str, start: int) -> bool:
    return any(a <= start < b for a, b in quote_spans(text))


IRREGULAR = {
    "lead": ("led", "led"),
    "send": ("sent", "sent"),
    "take": ("took", "taken"),
    "make": ("made", "made"),
    "hold": ("held", "held"),
    "give": ("gave", "given"),
    "say": ("said", "said"),
    "tell": ("told", "told"),
    "hit": ("hit", "hit"),
    "put": ("put", "put"),
    "meet": ("met", "met"),
    "begin": ("began", "begun"),
    "fight": ("fought", "fought"),
    "bring": ("brought", "brought"),
    "win": ("won", "won"),
    "see": ("saw", "seen"),
    "find": ("found", "found"),
    "keep": ("kept", "kept"),
    "leave": ("left", "left"),
    "pay": ("paid", "paid"),
    "sell": ("sold", "sold"),
    "buy": ("bought", "bought"),
    "build": ("built", "built"),
    "have": ("had", "had"),
    "do": ("did", "done"),
    "go": ("went", "gone"),
    "walk": ("walked", "walked"),
}


def past(lemma: str) -> str:
    if lemma in IRREGULAR:
        return IRREGULAR[lemma][0]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def participle(lemma: str) -> str:
    return IRREGULAR[lemma][1] if lemma in IRREGULAR else past(lemma)


def core_np(doc: Annotated, t: Token) -> tuple[int, int]:
    """Character span of a noun phrase without its clauses and trailing modifiers."""
    keep = [t]
    for c in doc.children(t.i):
        if c.i < t.i and c.dep in {"det", "amod", "compound", "poss", "nummod", "case", "nmod"}:
            keep.extend(doc.subtree(c.i))
    keep.sort(key=lambda x: x.i)
    return keep[0].start, keep[-1].end


def person_names(doc: Annotated) -> list[tuple[int, int, str]]:
    """People the parser tags, without the places it mistakes for people ("Kyiv")."""
    return [
        (e.start, e.end, e.text)
        for e in doc.entities
        if e.label == "PERSON" and side_of(e.text) is None
    ]


REPORTING = {"say", "tell", "add", "state", "confirm", "announce", "note", "explain"}
NAME_POOL = ("Anna Kowalska", "David Okafor", "Lena Petrova", "Tomas Berg", "Ravi Menon")


# --- meaning changes -------------------------------------------------------------------------


def role_swap(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    doc = parse(text)
    leads = [
        t
        for t in words(doc)
        if t.lemma in {"lead", "head"}
        and t.pos == "VERB"
        and any(c.dep in {"dobj", "nsubjpass"} for c in doc.children(t.i))
    ]
    names = person_names(doc)
    if leads and len(names) >= 2:
        (a0, a1, an), (b0, b1, bn) = names[0], names[-1]
        if an.split()[-1] != bn.split()[-1]:
            yield "swap the two leaders", text[:a0] + bn + text[a1:b0] + an + text[b1:]
    sides = [
        t
        for t in words(doc)
        if side_of(t.text) and t.dep in {"poss", "amod", "compound"} and not in_quote(text, t.start)
    ]
    distinct = {side_of(t.text) for t in sides}
    if leads and len(distinct) >= 2:
        x, y = sides[0], next(t for t in sides if side_of(t.text) != side_of(sides[0].text))
        yield (
            "swap the two sides",
            (text[: x.start] + y.text + text[x.end : y.start] + x.text + text[y.end :]),
        )
    # a titled person given the other side: "Canadian Trade Minister Mary Ng" -> "Mexican ..."
    other = {
        "Canadian": "Mexican",
        "Mexican": "Canadian",
        "Dutch": "Belgian",
        "Ukrainian": "Russian",
        "Russian": "Ukrainian",
        "Pakistani": "Indian",
    }
    for t in words(doc):
        if t.text in other and t.i + 1 < len(doc.tokens):
            nxt = doc.tokens[t.i + 1]
            if nxt.text[:1].isupper() and any(
                e.label == "PERSON"
                for e in doc.entities
                if e.start > t.start and e.start - t.end < 40
            ):
                yield (
                    "give a titled person the other side",
                    replace(text, t.start, t.end, other[t.text]),
                )
                break


def agent_inverted(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    doc = parse(text)
    for v in words(doc):
        if v.pos != "VERB" or v.lemma in REPORTING or v.tag not in {"VBD", "VBZ", "VBP", "VB"}:
            continue
        kids = doc.children(v.i)
        subj = next((c for c in kids if c.dep == "nsubj" and c.pos in {"NOUN", "PROPN"}), None)
        obj = next((c for c in kids if c.dep == "dobj" and c.pos in {"NOUN", "PROPN"}), None)
        if subj is None or obj is None or in_quote(text, v.start):
            continue
        s0, s1 = core_np(doc, subj)
        o0, o1 = core_np(doc, obj)
        if not s1 <= v.start or not v.end <= o0 or re.search('[“”‘’"]', text[s0:o1]):
            continue
        subj_text, obj_text = text[s0:s1], text[o0:o1]
        new_subj = capitalise(obj_text) if s0 == 0 else _lower_det(obj_text)
        new_obj = _lower_det(subj_text)
        yield "swap subject and object", text[:s0] + new_subj + text[s1:o0] + new_obj + text[o1:]
        return


def _lower_det(np: str) -> str:
    first = np.split(" ", 1)[0]
    if first in {"The", "A", "An"}:
        return first.lower() + np[len(first) :]
    return np


ALTERNATIVES = {
    "ADJ": [
        "unacceptable",
        "difficult",
        "dangerous",
        "impossible",
        "welcome",
        "necessary",
        "serious",
        "new",
        "fair",
        "modest",
    ],
    "VERB": ["want", "need", "fear", "reject", "expect", "accept", "support", "ignore"],
    "NOUN": ["plan", "choice", "deal", "problem", "future", "road", "risk", "price"],
    "ADV": ["very", "partly", "deeply", "hardly", "truly"],
}


def quote_altered(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    doc = parse(text)
    for a, b in quote_spans(text):
        toks = [t for t in doc.tokens if a < t.start and t.end < b and t.pos in ALTERNATIVES]
        if not toks:
            continue
        t = rng.choice(toks)
        if rng.random() < 0.5:
            pool = [w for w in ALTERNATIVES[t.pos] if w != t.lemma.lower()]
            new = rng.choice(pool)
            if t.tag in {"VBZ"}:
                new += "s"
            elif t.tag in {"VBD", "VBN"}:
                new = past(new)
            elif t.tag == "NNS":
                new += "s"
            how = "replace a quoted word"
        else:  # a garbled word, as spinning tools and OCR leave them
            w = t.text
            cut = max(3, len(w) - rng.randint(2, 4))
            new = w[:cut] + rng.choice(["ear", "ious", "ant", "ed", "ly"])
            if new.lower() == w.lower():
                continue
            how = "garble a quoted word"
        if t.text[:1].isupper():
            new = capitalise(new)
        yield how, replace(text, t.start, t.end, new)
        return


def quote_unmarked(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    for a, b in quote_spans(text):
        inner = text[a + 1 : b - 1]
        if len(inner.split()) < 2:
            continue
        yield "drop the quotation marks", text[:a] + inner + text[b:]
        return


def _speaker(doc: Annotated) -> tuple[Token, Token] | None:
    """(reporting verb, speaker head) of the first reporting frame with a named speaker."""
    for v in words(doc):
        if v.lemma in REPORTING and v.pos == "VERB":
            subj = next((c for c in doc.children(v.i) if c.dep == "nsubj"), None)
            if subj is not None and subj.pos in {"PROPN", "NOUN"}:
                return v, subj
    return None


def speaker_dropped(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    doc = parse(text)
    m = re.search(r",?\s+according to [^,.]+(?=[,.])", text)
    if m:
        yield (
            "drop 'according to X'",
            capitalise(replace(text, m.start(), m.end(), "").lstrip(", ")),
        )
        return
    found = _speaker(doc)
    if found is None:
        return
    v, subj = found
    sub = doc.subtree(subj.i)
    s0 = sub[0].start
    clause_end = max(
        t.end
        for t in doc.subtree(v.i)
        if t.i >= v.i
        and t.dep != "ccomp"
        and not any(t.i == c.i for c in doc.subtree(v.i) if c.dep == "ccomp")
    )
    ccomp = next((c for c in doc.children(v.i) if c.dep == "ccomp"), None)
    if ccomp is not None and ccomp.i > v.i:  # "X said (that) Y" -> "Y"
        body = doc.subtree(ccomp.i)
        start = body[0].start
        rest = text[start:]
        rest = re.sub(r"^that\s+", "", rest)
        yield "drop 'X said that'", capitalise(rest)
        return
    # "Y, X said." / "“Y,” X told reporters."
    head = text[:s0].rstrip()
    tail = text[clause_end:] if clause_end > s0 else "."
    head = head.rstrip(",")
    if head.endswith(",”"):
        head = head[:-2] + "”"
    yield "drop the trailing attribution", head + (tail if tail.strip() else ".")


def speaker_changed(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    doc = parse(text)
    found = _speaker(doc)
    if found is None:
        return
    _, subj = found
    if subj.ent_type != "PERSON" and subj.pos != "PROPN":
        return
    ent = next((e for e in doc.entities if e.start <= subj.start < e.end), None)
    start, end = (ent.start, ent.end) if ent else (subj.start, subj.end)
    name = rng.choice([n for n in NAME_POOL if n.split()[-1] not in text])
    yield "credit another named person", replace(text, start, end, name)


NUMBER_WORDS = {
    "two": "three",
    "three": "four",
    "four": "five",
    "five": "six",
    "six": "eight",
    "seven": "nine",
    "eight": "ten",
    "ten": "twelve",
    "third": "fourth",
    "first": "second",
}


def number_changed(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    nums = [m for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", text) if not in_quote(text, m.start())]
    if nums:
        m = rng.choice(nums)
        raw = m.group(0).rstrip(",")
        value = float(raw.replace(",", ""))
        if "." in raw:
            new = f"{value + rng.choice([1.5, -0.5, 2.0]):.1f}"
        elif value >= 1900 and value <= 2100 and "," not in raw:
            new = str(int(value) + rng.choice([-1, 1]))
        else:
            factor = rng.choice([2, 3, 10])
            n = int(value * factor) if rng.random() < 0.6 else max(int(value / factor), 1)
            if n == int(value):
                n = int(value) + 1
            new = f"{n:,}" if "," in raw or n >= 10000 else str(n)
        yield "change a figure", replace(text, m.start(), m.start() + len(raw), new)
        return
    for w, repl in NUMBER_WORDS.items():
        m = re.search(rf"\b{w}\b", text)
        if m and not in_quote(text, m.start()):
            yield "change a number word", replace(text, m.start(), m.end(), repl)
            return


def negation_flipped(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    doc = parse(text)
    for t in words(doc):
        if t.dep == "neg" and not in_quote(text, t.start):
            head = doc.tokens[t.head]
            aux = next((c for c in doc.children(head.i) if c.dep == "aux" and c.i < t.i), None)
            if aux is not None and aux.lemma == "do" and head.tag == "VB":
                new = (
                    past(head.lemma)
                    if aux.tag == "VBD"
                    else head.lemma + ("s" if aux.text.lower() == "does" else "")
                )
                return (yield "remove 'did not'", text[: aux.start] + new + text[head.end :])
            yield (
                "remove 'not'",
                replace(text, t.start - 1 if text[t.start - 1] == " " else t.start, t.end, ""),
            )
            return
    verbs = [
        t
        for t in words(doc)
        if t.pos in {"VERB", "AUX"}
        and t.dep in {"ROOT", "ccomp", "conj"}
        and not in_quote(text, t.start)
        and t.lemma not in REPORTING
    ]
    for v in verbs:
        clause = doc.subtree(v.i)
        if any(t.text.lower() in {"no", "never", "not", "n't"} for t in clause):
            continue  # already negative: inserting "not" would make a double negative
        if not any(c.dep in {"nsubj", "nsubjpass", "expl"} for c in doc.children(v.i)):
            continue
        if v.lemma == "have" and v.pos == "VERB" and any(in_quote(text, t.start) for t in clause):
            continue
        aux = [c for c in doc.children(v.i) if c.dep in {"aux", "auxpass"} and c.i < v.i]
        if aux:
            first = aux[0]
            return (
                yield (
                    "insert 'not' after the auxiliary",
                    replace(text, first.end, first.end, " not"),
                )
            )
        if v.lemma == "be" and v.tag in {"VBD", "VBZ", "VBP"}:
            return (yield "insert 'not' after 'be'", replace(text, v.end, v.end, " not"))
        if v.tag in {"VBD", "VBZ", "VBP"} and v.pos == "VERB":
            do = {"VBD": "did", "VBZ": "does", "VBP": "do"}[v.tag]
            return (yield "negate with 'do'", replace(text, v.start, v.end, f"{do} not {v.lemma}"))


def hedge_removed(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    patterns = [
        (r"\b(could|may|might) have been (\w+)", lambda m: f"was {m.group(2)}"),
        (r"\b(could|may|might) (?!have\b)(\w+)", lambda m: f"will {m.group(2)}"),
        (r"\b(is|are) (expected|likely) to (\w+)", lambda m: f"will {m.group(3)}"),
        (r"\b(reportedly|possibly|probably|allegedly) ", lambda m: ""),
    ]
    for pat, fn in patterns:
        m = re.search(pat, text)
        if m and not in_quote(text, m.start()):
            yield "state the hedged statement as fact", text[: m.start()] + fn(m) + text[m.end() :]
            return


LOADED = ("claimed", "admitted", "insisted", "alleged", "conceded", "boasted", "warned")


def attribution_verb_changed(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    doc = parse(text)
    for t in words(doc):
        if (
            t.lemma in {"say", "tell", "add", "state"}
            and t.pos == "VERB"
            and t.tag in {"VBD", "VBN"}
            and not in_quote(text, t.start)
        ):
            new = rng.choice(LOADED)
            # "told Reuters news agency" -> "claimed to Reuters news agency"
            if t.lemma == "tell" and any(
                c.dep in {"dobj", "dative"} and c.i > t.i for c in doc.children(t.i)
            ):
                new = new + " to"
            yield "load the reporting verb", replace(text, t.start, t.end, new)
            return


PORTFOLIOS = (
    "Trade",
    "Foreign",
    "Defence",
    "Finance",
    "Health",
    "Interior",
    "Culture",
    "Economy",
    "Labour",
    "Justice",
    "Energy",
)
TITLE_HEADS = {
    "spokesperson": "adviser",
    "chairman": "deputy chairman",
    "negotiator": "lawyer",
    "official": "adviser",
    "president": "vice-president",
    "analyst": "official",
    "executive": "director",
}


def title_changed(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    doc = parse(text)
    persons = [e for e in doc.entities if e.label == "PERSON"]
    if not persons:
        return
    m = re.search(r"\b([Ff])ormer ", text)
    if m:
        yield "drop 'former'", capitalise(replace(text, m.start(), m.end(), ""))
        return
    for p in PORTFOLIOS:
        m = re.search(rf"\b{p}\b", text, re.IGNORECASE)
        if m and re.match(r"\s+(?:[Mm]inister|[Ss]ecretary)", text[m.end() :]):
            other = rng.choice([x for x in PORTFOLIOS if x.lower() != p.lower()])
            if m.group(0).islower():
                other = other.lower()
            yield "change the portfolio", replace(text, m.start(), m.end(), other)
            return
    for head, new in TITLE_HEADS.items():
        m = re.search(rf"\b{head}\b", text, re.IGNORECASE)
        tok = next((t for t in doc.tokens if m and t.start == m.start()), None)
        if m and tok is not None and tok.pos in {"NOUN", "PROPN"} and not in_quote(text, m.start()):
            yield "change the title", replace(text, m.start(), m.end(), new)
            return


# --- word-level changes -----------------------------------------------------------------------
# Written from what a rewriter does to a sentence, with word lists of their own: none of
# them reads the lexicon the detector judges with.


def _first_outside_quotes(pattern: str, text: str) -> re.Match[str] | None:
    for m in re.finditer(pattern, text):
        if not in_quote(text, m.start()):
            return m
    return None


def _sub(text: str, m: re.Match[str], new: str) -> str:
    return text[: m.start()] + new + text[m.end() :]


def modality_changed(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    m = _first_outside_quotes(r"\b(would|will) (?!have\b|be able\b)(?=[a-z])", text)
    if m:
        yield "make a firm statement a possibility", _sub(text, m, "could ")


#: Nationalities a spinner's thesaurus puts for a direction ("eastern" -> "oriental").
NATIONALITIES = ("Japanese", "Brazilian", "Canadian", "Egyptian")


def entity_changed(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    m = _first_outside_quotes(r"\b(northern|southern|eastern|western)\b", text)
    if m:
        yield "put a nationality for a direction", _sub(text, m, rng.choice(NATIONALITIES))


MONTH_NAMES = "January|February|March|April|June|July|August|September|October|November|December"


def time_changed(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    m = _first_outside_quotes(rf"\b(in|from) (?=(19|20)\d\d\b|(?:{MONTH_NAMES})\b)", text)
    if m:
        yield (
            "move the time with another preposition",
            _sub(text, m, "by " if m.group(1) == "in" else "until "),
        )


def date_added(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    m = _first_outside_quotes(rf"\b({MONTH_NAMES})\b(?! \d)", text)
    if m:
        yield "give the month a year the source does not", _sub(text, m, f"{m.group(1)} 2019")


def tense_changed(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    m = _first_outside_quotes(r"\bhad (?=(\w+ed|found|risen|taken|made|begun|spread)\b)", text)
    if m:
        yield "drop the past perfect", _sub(text, m, "")


#: Opposites a rewriter may put in, written as pairs.
OPPOSITES = {
    "safe": "dangerous",
    "possible": "impossible",
    "free": "paid",
    "heavy": "light",
    "lighter": "heavier",
    "long": "short",
    "public": "private",
    "strong": "weak",
}


def antonym(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    m = _first_outside_quotes(r"\b(" + "|".join(OPPOSITES) + r")\b", text)
    if m:
        yield "put the opposite word", _sub(text, m, OPPOSITES[m.group(1)])


#: Phrasal verbs and a synonym of the verb alone, which breaks the phrase.
PHRASAL = {
    "step up": "stride",
    "carry out": "transport",
    "played down": "performed",
    "turned down": "rotated",
    "called on": "phoned",
    "walked out": "strolled",
    "set out": "placed",
}


def phrase_broken(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    m = _first_outside_quotes(r"\b(" + "|".join(PHRASAL) + r")\b", text)
    if m:
        particle = m.group(1).split()[1]
        yield "swap the verb of a phrasal verb", _sub(text, m, f"{PHRASAL[m.group(1)]} {particle}")


#: Simple pasts a rewriter puts after "have" where the participle belongs.
WRONG_PARTICIPLES = {"taken": "took", "risen": "rose", "found": "founded", "begun": "began"}


def grammar_broken(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    m = _first_outside_quotes(r"\b(have|has|had) (taken|risen|begun)\b", text)
    if m:
        yield (
            "put the simple past after 'have'",
            _sub(text, m, f"{m.group(1)} {WRONG_PARTICIPLES[m.group(2)]}"),
        )


def quote_added(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    if quote_spans(text):
        return
    m = re.search(r"(?<= )([a-z]{4,} [a-z]{4,})(?= [a-z])", text)
    if m:
        yield "put two of the writer's words in quotation marks", _sub(text, m, f"‘{m.group(1)}’")


#: Past-tense verbs a rewriter strengthens with an intensifier of its own choosing.
STRENGTHENED = r"destroyed|damaged|rejected|cancelled|closed|denied|collapsed|halted|disrupted"


def intensity_changed(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    m = _first_outside_quotes(rf"\b({STRENGTHENED})\b", text)
    if m:
        yield "strengthen a verb with 'completely'", _sub(text, m, f"completely {m.group(1)}")


PERTURBATIONS: dict[str, Callable[[str, random.Random], Iterator[tuple[str, str]]]] = {
    "source.role_swap": role_swap,
    "source.agent_inverted": agent_inverted,
    "source.quote_altered": quote_altered,
    "source.quote_unmarked": quote_unmarked,
    "source.speaker_dropped": speaker_dropped,
    "source.speaker_changed": speaker_changed,
    "source.number_changed": number_changed,
    "source.negation_flipped": negation_flipped,
    "source.hedge_removed": hedge_removed,
    "source.attribution_verb_changed": attribution_verb_changed,
    "source.title_changed": title_changed,
    "source.modality_changed": modality_changed,
    "source.entity_changed": entity_changed,
    "source.time_changed": time_changed,
    "source.date_added": date_added,
    "source.tense_changed": tense_changed,
    "source.antonym": antonym,
    "source.phrase_broken": phrase_broken,
    "source.grammar_broken": grammar_broken,
    "source.quote_added": quote_added,
    "source.intensity_changed": intensity_changed,
}


# --- meaning-preserving rewrites -------------------------------------------------------------

SYNONYMS = {
    "talks": "discussions",
    "collapsed": "broke down",
    "demanding": "seeking",
    "offered": "proposed",
    "destroyed": "wrecked",
    "damaged": "harmed",
    "sent": "dispatched",
    "signed": "concluded",
    "expand": "increase",
    "deal": "accord",
    "begin": "start",
    "forced": "compelled",
    "provide": "offer",
    "extra": "additional",
    "planned": "scheduled",
    "abroad": "overseas",
    "Heavy": "Intense",
    "homes": "houses",
    "help": "assist",
    "visited": "toured",
    "busiest": "most active",
    "handled": "processed",
    "region": "area",
    "deployed": "sent",
    "rescue": "relief",
    "spread": "rise",
    "main": "principal",
    "latest": "most recent",
    "muted": "subdued",
    "series": "number",
    "regions": "provinces",
    "heading": "travelling",
    "significant": "substantial",
    "pressure": "pressing",
    "meeting": "session",
    "cargo": "freight",
    "operations": "procedures",
    "experts": "specialists",
    "welcomed": "praised",
    "review": "assessment",
    "nearly": "almost",
    "about": "around",
    "About": "Around",
    "More than": "Over",
    "reached": "totalled",
    "held": "staged",
}

SPELLINGS = {
    "criticised": "criticized",
    "Defence": "Defense",
    "defence": "defense",
    "Labour": "Labor",
    "centre": "center",
    "programme": "program",
    "organisation": "organization",
    "percent": "per cent",
    "km": "kilometres",
    "tonnes": "metric tons",
}


def synonyms(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    spots = [
        (m, SYNONYMS[w])
        for w in SYNONYMS
        for m in re.finditer(rf"\b{w}\b", text)
        if not in_quote(text, m.start())
    ]
    if not spots:
        return
    chosen = rng.sample(spots, min(len(spots), rng.randint(1, 3)))
    out = text
    for m, new in sorted(chosen, key=lambda x: -x[0].start()):
        out = replace(out, m.start(), m.end(), new)
    yield "substitute synonyms outside quotations", out


def spelling(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    out = text
    hit = False
    for w, new in SPELLINGS.items():
        for m in reversed(list(re.finditer(rf"\b{w}\b", out))):
            if w == "tonnes" and "million" in out[max(0, m.start() - 9) : m.start()]:
                continue
            out = replace(out, m.start(), m.end(), new)
            hit = True
    if hit:
        yield "respell (British/American, units written out)", out


TIME = re.compile(
    r"\b(on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: evening)?|"
    r"last (?:week|year)|in recent months|on Thursday)\b"
)


def reorder(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    m = re.match(r"^(On [A-Z]\w+), (.+)$", text)
    if m:
        body = m.group(2)
        yield (
            "move the fronted time phrase to the end",
            (capitalise(body[:-1]) + " " + m.group(1)[0].lower() + m.group(1)[1:] + body[-1]),
        )
        return
    m = re.match(r"^(.+?), while (.+?)([.])$", text)
    if m and not quote_spans(text):
        yield (
            "swap the clauses around 'while'",
            (
                capitalise(m.group(2)) + ", while " + m.group(1)[0].lower() + m.group(1)[1:] + "."
                if not m.group(1)[:1].isupper() or m.group(1).split()[0] in {"The", "A"}
                else m.group(2)[0].upper() + m.group(2)[1:] + ", while " + m.group(1) + "."
            ),
        )
        return
    t = TIME.search(text)
    if t and not in_quote(text, t.start()) and t.start() > 0:
        rest = (text[: t.start()].rstrip() + text[t.end() :]).strip()
        rest = rest[0].lower() + rest[1:] if not _starts_with_name(rest) else rest
        yield "front the time phrase", capitalise(t.group(1)) + ", " + rest


def _starts_with_name(text: str) -> bool:
    doc = parse(text)
    return bool(doc.tokens) and doc.tokens[0].pos == "PROPN"


def voice(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    """Active to passive: "The floods destroyed 350 homes" -> "350 homes were destroyed by
    the floods"."""
    doc = parse(text)
    for v in words(doc):
        if v.pos != "VERB" or v.tag != "VBD" or v.dep != "ROOT" or v.lemma in REPORTING:
            continue
        kids = doc.children(v.i)
        subj = next((c for c in kids if c.dep == "nsubj" and c.pos in {"NOUN", "PROPN"}), None)
        obj = next((c for c in kids if c.dep == "dobj"), None)
        if subj is None or obj is None or any(c.dep in {"aux", "neg", "prt"} for c in kids):
            continue
        s0, s1 = core_np(doc, subj)
        if s0 != 0:
            continue
        o_sub = doc.subtree(obj.i)
        o0, o1 = o_sub[0].start, o_sub[-1].end
        if s1 > v.start or o0 < v.end:
            continue
        plural = obj.tag in {"NNS", "NNPS"} or any(c.dep == "conj" for c in doc.children(obj.i))
        be = "were" if plural else "was"
        agent = _lower_det(text[s0:s1])
        new = capitalise(text[o0:o1]) + f" {be} {participle(v.lemma)} by {agent}" + text[o1:]
        yield "active to passive", new
        return


def said_inversion(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    """ "“…,” said X." <-> "“…,” X said."; "X said Y." -> "Y, X said." """
    m = re.search(r"(,”|,\") said ([A-Z][\w ]+?)(,|\.)", text)
    if m:
        yield (
            "invert 'said X' to 'X said'",
            (text[: m.start()] + f"{m.group(1)} {m.group(2)} said{m.group(3)}" + text[m.end() :]),
        )
        return
    m = re.search(r"(,”|,\") ([A-Z][\w]+(?: [A-Z][\w]+)?) said(,|\.)", text)
    if m:
        yield (
            "invert 'X said' to 'said X'",
            (text[: m.start()] + f"{m.group(1)} said {m.group(2)}{m.group(3)}" + text[m.end() :]),
        )
        return
    m = re.match(r"^(.+?), (the [\w ]+?|[A-Z]\w+(?: [A-Z]\w+)?) said(?: in a statement)?\.$", text)
    if m and not quote_spans(text):
        body = m.group(1)
        speaker = capitalise(m.group(2))
        if _starts_with_name(body):
            yield "move the attribution to the front", f"{speaker} said {body}."
        else:
            yield (
                "move the attribution to the front",
                (f"{speaker} said {body[0].lower()}{body[1:]}."),
            )


def participle_report(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    """ "X rejected Y, saying Z." -> "X rejected Y and said Z.": the speaker stays the
    subject of the joined reporting verb."""
    m = re.match(r"^([A-Z].+?), saying (.+)$", text)
    if m and not in_quote(text, m.start(2)) and not quote_spans(m.group(1)):
        yield "join the 'saying' clause with 'and said'", f"{m.group(1)} and said {m.group(2)}"


REWRITES: dict[str, Callable[[str, random.Random], Iterator[tuple[str, str]]]] = {
    "synonyms": synonyms,
    "spelling": spelling,
    "reorder": reorder,
    "voice": voice,
    "said_inversion": said_inversion,
    "participle_report": participle_report,
}


# --- running ---------------------------------------------------------------------------------


def cases(seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    out: list[Case] = []
    for sent in sentences():
        for kind, fn in PERTURBATIONS.items():
            for how, new in fn(sent, rng):
                if new != sent:
                    out.append(Case(kind, how, sent, new))
        for fn in REWRITES.values():
            for how, new in fn(sent, rng):
                if new != sent:
                    out.append(Case(PRESERVE, how, sent, new))
    return out


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    found: frozenset[str]
    major: bool = False  # a finding of major severity among them


@dataclass(frozen=True, slots=True)
class Scores:
    per_kind: dict[str, tuple[float, float, int]]  # kind -> (precision, recall, cases)
    false_alarm_rate: float
    major_false_alarm_rate: float
    rewrites: int
    outcomes: tuple[Outcome, ...]


def run(sample: int | None = None, seed: int = 7) -> Scores:
    """Generate the cases, run `diff_pair` on each, and score per kind."""
    all_cases = cases(seed)
    if sample is not None and sample < len(all_cases):
        all_cases = random.Random(seed).sample(all_cases, sample)
    outcomes = []
    for c in all_cases:
        src = analysed(c.source, "source")
        art = analysed(c.article, "article")
        findings = diff_pair(
            art, tuple(range(len(art.doc.sentences))), src, tuple(range(len(src.doc.sentences)))
        )
        outcomes.append(
            Outcome(
                c,
                frozenset(f.kind for f in findings),
                any(f.severity is Severity.MAJOR for f in findings),
            )
        )
    per_kind: dict[str, tuple[float, float, int]] = {}
    for k in KINDS:
        mine = [o for o in outcomes if o.case.kind == k]
        flagged = [o for o in outcomes if k in o.found]
        tp = sum(1 for o in mine if k in o.found)
        recall = tp / len(mine) if mine else float("nan")
        precision = tp / len(flagged) if flagged else (1.0 if mine else float("nan"))
        per_kind[k] = (precision, recall, len(mine))
    rewrites = [o for o in outcomes if o.case.kind == PRESERVE]
    alarms = sum(1 for o in rewrites if o.found)
    rate = alarms / len(rewrites) if rewrites else 0.0
    majors = sum(1 for o in rewrites if o.major)
    major_rate = majors / len(rewrites) if rewrites else 0.0
    return Scores(per_kind, rate, major_rate, len(rewrites), tuple(outcomes))


def table(scores: Scores) -> str:
    lines = [f"{'kind':34} {'cases':>5} {'precision':>9} {'recall':>7}"]
    for k, (p, r, n) in scores.per_kind.items():
        lines.append(f"{k:34} {n:5d} {p:9.2f} {r:7.2f}")
    lines.append(
        f"{'meaning-preserving rewrites':34} {scores.rewrites:5d} "
        f"false alarms {scores.false_alarm_rate:.1%} (major {scores.major_false_alarm_rate:.1%})"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=None, help="score a seeded sample of cases")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--misses", action="store_true", help="list the cases scored wrong")
    args = ap.parse_args(argv)
    scores = run(args.sample, args.seed)
    if LEDGER_MISSING:
        print("note: the ledger could not be built; scored on the parse alone", file=sys.stderr)
    print(table(scores))
    if args.misses:
        for o in scores.outcomes:
            wrong = (o.case.kind != PRESERVE and o.case.kind not in o.found) or (
                o.found - {o.case.kind}
            )
            if wrong:
                print(f"\n[{o.case.kind} / {o.case.how}] found={sorted(o.found)}")
                print(f"  S: {o.case.source}\n  A: {o.case.article}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
