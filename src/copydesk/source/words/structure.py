"""Who does what: a voice changed so that the doer becomes the one done to, and two names
joined by "and" split by a new verb."""

from __future__ import annotations

from collections.abc import Sequence

from copydesk.lexicon import classes
from copydesk.lexicon.normalise import spelling_key
from copydesk.lexicon.wordnet import wordnet
from copydesk.nlp.annotate import Token
from copydesk.nlp.edits import TokenEdit
from copydesk.source.words.edit import NAME_LABELS, Judgement, Pair, joined_text, quoted


def coordination_to_predicate(pair: Pair, edit: TokenEdit, a: Sequence[Token]) -> list[Judgement]:
    """A verb inserted after "and" between two names the source coordinates ("taken by Trump
    and Duffy" -> "Trump and asked Duffy"): the second is now acted on, not acting."""
    if len(a) != 1 or a[0].pos != "VERB":
        return []
    k = edit.article[0]
    before = pair.article_tokens[k - 1] if k else None
    after = pair.article_tokens[k + 1 : k + 5]
    if before is None or before.text.lower() != "and" or not after:
        return []
    name = [t for t in after if t.ent_type in NAME_LABELS or t.pos == "PROPN"]
    if not name:
        return []
    j = edit.source[0]
    src_and = pair.source_tokens[j - 1] if j else None
    if src_and is None or src_and.text.lower() != "and":
        return []
    return [
        Judgement(
            "source.agent_inverted",
            f"{quoted([before, a[0]])} makes {quoted(name)} the one acted on; in the source the two "
            f"are joined by {quoted([src_and])} and act together.",
            (before, a[0]),
            (src_and,),
        )
    ]


def voice_inversions(pair: Pair) -> list[Judgement]:
    """ "X criticized Y" -> "X drew criticism": the source's verb becomes a noun that the
    article's subject receives, so the doer is now the one it is done to."""
    out = []
    a_lemmas = {t.lemma.lower() for t in pair.article_tokens}
    wn = wordnet()
    for v in pair.source_tokens:
        if v.pos != "VERB" or v.lemma.lower() in a_lemmas:
            continue
        nouns = _nominalisations(v.lemma.lower())
        if not nouns:
            continue
        for k, t in enumerate(pair.article_tokens):
            if t.pos != "VERB" or t.lemma.lower() not in classes.RECEIVING_VERBS:
                continue
            obj = [
                o
                for o in pair.article_tokens[k + 1 : k + 4]
                if o.pos == "NOUN" and any(n in nouns for n in wn.base_forms(o.text, "n"))
            ]
            if obj:
                out.append(
                    Judgement(
                        "source.agent_inverted",
                        f"{quoted([t, *pair.article_tokens[k + 1 : pair.article_tokens.index(obj[0]) + 1]])} "
                        f"makes its subject the one who receives the {obj[0].text}; in the "
                        f"source the subject does it ({quoted([v])}).",
                        (t, *pair.article_tokens[k + 1 : pair.article_tokens.index(obj[0]) + 1]),
                        (v,),
                    )
                )
    return out


def _nominalisations(verb: str) -> set[str]:
    """The nouns WordNet derives from ``verb`` in its common senses, through any spelling of
    it in the synset ("criticise" gives "criticism", "criticize" only "critic")."""
    wn = wordnet()
    out: set[str] = set()
    key = spelling_key(verb)
    for sense in wn.senses(verb, "v")[:3]:
        spellings = [w for w in sense.synset.words if spelling_key(w) == key]
        for pos, offset, target in (p for w in spellings for p in sense.synset.lexical(w, "+")):
            if pos != "n":
                continue
            other = wn.synset(pos, offset)
            words = other.words if target == 0 else (other.words[target - 1],)
            out.update(w.replace(" ", "_") for w in words)
    return out


def intensity(
    pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token], kept: bool
) -> list[Judgement]:
    """An intensifier or a downtoner put in or taken out, that the other sentence has
    nowhere: the statement is made stronger or weaker than the source's."""
    if not kept:
        return []
    s_all = {t.text.lower() for t in pair.source_tokens}
    a_all = {t.text.lower() for t in pair.article_tokens}
    for t in a:
        low = t.text.lower()
        if low in classes.INTENSIFIERS and low not in s_all:
            return [_intensity(t, s, "stronger")]
        if low in classes.DOWNTONERS and low not in s_all:
            return [_intensity(t, s, "weaker")]
    for t in s:
        low = t.text.lower()
        if (low in classes.INTENSIFIERS or low in classes.DOWNTONERS) and low not in a_all:
            at = pair.article_tokens[max(edit.article[0] - 1, 0) : edit.article[1] + 1]
            if not at:
                return []
            stronger = low in classes.DOWNTONERS
            return [
                Judgement(
                    "source.intensity_changed",
                    f"The article drops the source's {quoted([t])}, which makes the statement "
                    f"{'stronger' if stronger else 'weaker'}.",
                    tuple(at),
                    (t,),
                    suggestion=t.text,
                )
            ]
    return []


def _intensity(t: Token, s: Sequence[Token], direction: str) -> Judgement:
    return Judgement(
        "source.intensity_changed",
        f"{quoted([t])} makes the statement {direction} than the source puts it.",
        (t,),
        tuple(s),
    )


def dropped_clause(pair: Pair, edit: TokenEdit, s: Sequence[Token], kept: bool) -> list[Judgement]:
    """A clause of the source, a verb with its object ("to get a waiver"), dropped from a
    sentence that otherwise keeps its words: a fact the article no longer gives."""
    if not kept:
        return []
    verbs = [t for t in s if t.pos == "VERB"]
    objects = [
        t
        for t in s
        if t.dep in ("dobj", "pobj", "attr")
        and t.pos in ("NOUN", "PROPN")
        and any(pair.source.tokens[t.head].i == v.i for v in verbs)
    ]
    if not verbs or not objects:
        return []
    kept_lemmas = {t.lemma.lower() for t in pair.article_tokens}
    if all(t.lemma.lower() in kept_lemmas for t in (*verbs, *objects)):
        return []  # the clause moved within the sentence (a clause swap, a passive)
    at = pair.article_tokens[max(edit.article[0] - 1, 0) : edit.article[0] + 1]
    return [
        Judgement(
            "source.fact_dropped",
            f"The article drops {quoted(s)}, a clause the source gives here.",
            tuple(at),
            tuple(s),
            suggestion=joined_text(s),
        )
    ]
