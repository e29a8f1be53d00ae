"""Substitutes: one word (or a short phrase) put for another, judged through WordNet and
the lexicon's closed classes: names, directions, reporting verbs, phrasal verbs, grammar,
and the WordNet relation between the two words."""

from __future__ import annotations

from collections.abc import Sequence

from copydesk.lexicon import classes
from copydesk.lexicon.modality import NEGATORS
from copydesk.lexicon.normalise import initials, name_key
from copydesk.lexicon.places import side_of
from copydesk.lexicon.reporting import CLASS_FORCE, cue_class, is_reporting_verb
from copydesk.lexicon.senses import SYNONYM_MIN_SHARE, Relation, is_listed, is_phrase, relation
from copydesk.lexicon.wordnet import wordnet
from copydesk.nlp.annotate import Annotated, Token
from copydesk.nlp.edits import TokenEdit
from copydesk.source.words.edit import (
    CONTENT_POS,
    NAME_LABELS,
    QUOTE_MARKS,
    Judgement,
    Pair,
    joined_text,
    quoted,
    word_tokens,
)
from copydesk.source.words.times import dropped_deadline, is_time

#: Parts of speech whose unexplained swaps are reported as wrong-sense substitutes. Nouns and
#: verbs name things and actions; WordNet links adjectives and adverbs too sparsely
#: ("key"/"vital", "significantly"/"considerably" share no synset) for a missing link to
#: mean a wrong sense.
WRONG_SENSE_POS = frozenset({"n", "v"})


#: Hypernym steps from the top of WordNet within which a noun is a general term: "people"
#: is three steps below "entity" and "person" four; "resident" six, "navy" seven.
GENERAL_MAX_DEPTH = 4


#: WordNet noun classes of physical things, where a broader or narrower term changes how much
#: a claim covers.
SCOPE_CLASSES = frozenset(
    [
        "noun.artifact",
        "noun.animal",
        "noun.plant",
        "noun.object",
        "noun.food",
        "noun.substance",
        "noun.body",
        "noun.location",
    ]
)


def _name_key(tokens: Sequence[Token]) -> str:
    text = joined_text(tokens)
    side = side_of(text)
    if side:
        return side.lower()
    return name_key(text).replace(" ", "")


def _label_group(t: Token) -> str:
    return "place" if t.ent_type in ("GPE", "NORP", "LOC", "FAC") else t.ent_type


def names(s: Sequence[Token], a: Sequence[Token]) -> list[Judgement]:
    """A name (person, organisation, place, nationality) replaced by another name."""
    ns = [t for t in s if t.ent_type in NAME_LABELS and t.pos in ("PROPN", "ADJ", "NOUN")]
    na = [t for t in a if t.ent_type in NAME_LABELS and t.pos in ("PROPN", "ADJ", "NOUN")]
    if not ns or not na or _name_key(ns) == _name_key(na):
        return []
    if {_label_group(t) for t in ns} != {_label_group(t) for t in na}:
        return []  # a person put as their office or organisation: a rewording
    keys_a, keys_s = {_name_key([t]) for t in na}, {_name_key([t]) for t in ns}
    if keys_a <= keys_s or keys_s <= keys_a:
        return []  # part of the same name ("Ted Cruz" -> "Cruz", "Homendy" -> "Jennifer Homendy")
    if initials(joined_text(ns)) == _name_key(na) or initials(joined_text(na)) == _name_key(ns):
        return []  # a name and its initials ("National Transportation Safety Board", "NTSB")
    return [
        Judgement(
            "source.entity_changed",
            f"The article names {quoted(na)} where the source has {quoted(ns)}.",
            tuple(na),
            tuple(ns),
            suggestion=joined_text(ns),
        )
    ]


def substituted(
    pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token], anchored: bool
) -> list[Judgement]:
    found = dropped_deadline(s, a, a) + _phrasal(pair, edit, s, a) + _grammar(pair, edit, s, a)
    if found:
        return found
    found = _repeated_across_and(pair, edit, s, a)
    if found:
        return found
    ws, wa = word_tokens(s), word_tokens(a)
    if len(ws) != 1 or len(wa) != 1:
        ws, wa = _contents(ws), _contents(wa)  # "are discussed" -> "can be mentioned"
        if len(ws) != 1 or len(wa) != 1:
            return []
    ts, ta = ws[0], wa[0]
    reporting = _reporting(ts, ta) if _reports_speech(pair.source, ts) else []
    if reporting:
        return reporting
    nationality = side_of(ta.text.capitalize()) is not None or ta.ent_type == "NORP"
    if ts.text.lower() in classes.DIRECTIONS and nationality:
        return [
            Judgement(
                "source.entity_changed",
                f"{quoted([ta])} is a nationality where the source has the direction "
                f"{quoted([ts])}.",
                (ta,),
                (ts,),
                suggestion=ts.text,
            )
        ]
    pos = CONTENT_POS.get(ts.pos)
    if pos is None or CONTENT_POS.get(ta.pos) is None:
        return []
    if _hyphenated_non_word(ta):
        return [_non_word(ta, ts)]
    if ts.dep == "amod" or ta.dep == "amod":
        pos = "a" if pos == "v" else pos  # a participle used as an adjective ("sprawling")
    if pos == "v" and _particle_after(pair.source_tokens, edit.source[1]) is not None:
        return []  # a phrasal verb put as one verb ("hold up" -> "withhold")
    if pos == "v" and pair.source.is_passive(ts) != pair.article.is_passive(ta):
        return []  # the voice changed: the sentence is rebuilt around another verb
    rel = _relation(ts, ta, pos)
    if rel.name == "antonym" and _negations(pair.source_tokens) != _negations(pair.article_tokens):
        return []  # "not clear" -> "unclear": the negation moved into the word
    return _judge_relation(rel, ts, ta, pos, anchored, pair.article)


def _negations(tokens: Sequence[Token]) -> int:
    return sum(t.text.lower() in NEGATORS for t in tokens) % 2


def _contents(tokens: Sequence[Token]) -> list[Token]:
    return [
        t for t in tokens if t.pos in CONTENT_POS and t.lemma.lower() not in classes.LIGHT_VERBS
    ]


def _repeated_across_and(
    pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token]
) -> list[Judgement]:
    """ "X and X" where the source joins two different things: a word lost in rewording."""
    toks = pair.article_tokens
    lo, hi = edit.article
    for k in range(max(lo - 2, 0), min(hi + 2, len(toks) - 2)):
        x, cc, y = toks[k], toks[k + 1], toks[k + 2]
        if cc.text.lower() not in ("and", "or") or x.pos not in ("NOUN", "PROPN"):
            continue
        if x.text.lower() != y.text.lower():
            continue
        if any(
            t.text.lower() == x.text.lower()
            and u.text.lower() == cc.text.lower()
            and v.text.lower() == y.text.lower()
            for t, u, v in zip(pair.source_tokens, pair.source_tokens[1:], pair.source_tokens[2:])
        ):
            continue
        return [
            Judgement(
                "source.grammar_broken",
                f"{quoted([x, cc, y])} joins a word to itself; the source names two things here "
                f"({quoted(s)}).",
                (x, cc, y),
                tuple(s),
            )
        ]
    return []


def _relation(ts: Token, ta: Token, pos: str) -> Relation:
    rel = relation(ts.text, ta.text, pos)
    if rel.name == "unknown" and pos != CONTENT_POS.get(ta.pos):
        rel = relation(ts.text, ta.text, CONTENT_POS[ta.pos])
    if rel.name in ("unknown", "unrelated") and pos == "a":
        # relational adjectives ("military", "japanese") are judged through their nouns
        rel = relation(ts.text, ta.text, "n") if wordnet().has(ta.text, "n") else rel
    return rel


def _is_person_noun(t: Token) -> bool:
    return any(s.lexname == "noun.person" for s in wordnet().synsets(t.lemma.lower(), "n")[:2])


def _judge_relation(
    rel: Relation, ts: Token, ta: Token, pos: str, anchored: bool, article: Annotated
) -> list[Judgement]:
    if rel.keeps_meaning or rel.name == "unknown":
        return []
    if rel.name == "antonym":
        return [
            Judgement(
                "source.antonym",
                f"{quoted([ta])} is the opposite of the source's {quoted([ts])} (WordNet antonyms).",
                (ta,),
                (ts,),
                suggestion=ts.text,
            )
        ]
    if (
        rel.name == "unrelated"
        and anchored
        and pos == "n"
        and ts.pos == ta.pos == "NOUN"
        and _is_person_noun(ts)
        and _is_person_noun(ta)
        and _titles_person(ta, article)
    ):
        return [
            Judgement(
                "source.title_changed",
                f"The article gives the title {quoted([ta])} where the source has {quoted([ts])}.",
                (ta,),
                (ts,),
                suggestion=ts.text,
            )
        ]
    if (
        rel.name in ("broader", "narrower")
        and rel.share >= SYNONYM_MIN_SHARE
        and _concrete(ts, ta, pos)
    ):
        wider = rel.name == "broader"
        return [
            Judgement(
                "source.scope_changed",
                f"{quoted([ta])} is {'broader' if wider else 'narrower'} than the source's "
                f"{quoted([ts])} (WordNet: {ts.lemma if wider else ta.lemma} is a kind of "
                f"{ta.lemma if wider else ts.lemma}), so the claim covers "
                f"{'more' if wider else 'less'}.",
                (ta,),
                (ts,),
                suggestion=ts.text,
            )
        ]
    if not anchored or pos not in WRONG_SENSE_POS or _general(ta, pos) or ts.pos != ta.pos:
        return []  # a change of part of speech rebuilds the phrase ("meeting" -> "meets")
    if is_time(ts) or is_time(ta):
        return []  # a word of a time expression: `time_references` compares those
    if rel.name == "broader" and rel.share >= SYNONYM_MIN_SHARE:
        return []  # a broader word says less, never something else ("talks" -> "discussions")
    if pos == "v" and (
        ts.lemma.lower() in classes.LIGHT_VERBS or ta.lemma.lower() in classes.LIGHT_VERBS
    ):
        return []
    if rel.name == "rare_synonym" and rel.sense is not None:
        why = (
            f"they share only a rare sense of {quoted([ts])} in WordNet "
            f"(‘{', '.join(rel.sense.words[:3])}’, {rel.share:.0%} of its uses)"
        )
    elif rel.name == "narrower":
        why = f"WordNet makes it a kind of {quoted([ts])} only in a rare sense of that word"
    elif rel.name == "broader":
        why = f"WordNet makes {quoted([ts])} a kind of it only in a rare sense of {quoted([ts])}"
    else:
        why = "WordNet gives them no common sense"
    return [
        Judgement(
            "source.word_changed",
            f"{quoted([ta])} replaces the source's {quoted([ts])}, but {why}: a wrong-sense "
            "substitute changes what the sentence says.",
            (ta,),
            (ts,),
            suggestion=ts.text,
        )
    ]


def _general(t: Token, pos: str) -> bool:
    """A noun near the top of WordNet's hierarchy ("people", "person", "thing"): putting it
    for a specific word says less, never something else."""
    wn = wordnet()
    return pos == "n" and any(
        max(wn.ancestors(synset, GENERAL_MAX_DEPTH + 1).values()) <= GENERAL_MAX_DEPTH
        for synset in wn.synsets(t.lemma.lower(), "n")[:2]
    )


def _concrete(ts: Token, ta: Token, pos: str) -> bool:
    """Both words name kinds of physical things (WordNet's artifact, animal, plant, object,
    food, substance, body and location classes), where a narrower term is a smaller claim
    ("planes" for "aircraft"); among acts and ideas ("talks"/"discussions") it is style."""
    wn = wordnet()
    return pos == "n" and all(
        any(s.lexname in SCOPE_CLASSES for s in wn.synsets(lemma, "n")[:2])
        for lemma in (ts.lemma.lower(), ta.lemma.lower())
    )


def _titles_person(t: Token, doc: Annotated) -> bool:
    """A title word: part of the name after it ("Chairwoman Jennifer Homendy")."""
    nxt = doc.tokens[t.i + 1] if t.i + 1 < len(doc.tokens) else None
    return (
        nxt is not None
        and (nxt.ent_type == "PERSON" or nxt.pos == "PROPN")
        and (t.dep == "compound" or doc.tokens[t.head].ent_type == "PERSON")
    )


def _reporting(ts: Token, ta: Token) -> list[Judgement]:
    """A reporting verb swapped for one of another class ("told" -> "instructed"). Swaps
    the parse-level diff already reads (between cues of the ledger) never reach here."""
    if ts.pos != "VERB" or ta.pos != "VERB" or not is_reporting_verb(ts.lemma):
        return []
    fs = cue_class(ts.lemma)
    fa = cue_class(ta.lemma) if is_reporting_verb(ta.lemma) else None
    if fs == fa:
        return []
    if relation(ts.lemma.lower(), ta.lemma.lower(), "v").name in ("same", "synonym"):
        return []  # "ordered to leave" -> "told to leave": one common sense of both
    force = f": {CLASS_FORCE[fa]}." if fa in CLASS_FORCE else ", which gives it another force."
    return [
        Judgement(
            "source.attribution_verb_changed",
            f"The article reports this with {quoted([ta])} where the source has {quoted([ts])}{force}",
            (ta,),
            (ts,),
            suggestion=ts.text,
        )
    ]


def _reports_speech(doc: Annotated, verb: Token) -> bool:
    """Whether ``verb`` reports what someone said: it governs a clause or a quotation, or
    has a person as its object ("told reporters")."""
    for c in doc.children(verb.i):
        if c.dep in ("ccomp", "xcomp", "parataxis"):
            return True
        if c.dep in ("dobj", "dative") and (c.pos in ("PRON", "PROPN") or _is_person_noun(c)):
            return True
    return verb.dep in ("parataxis", "ccomp") or any(
        c.text in QUOTE_MARKS for c in doc.tokens[max(verb.i - 3, 0) : verb.i]
    )


def _hyphenated_non_word(t: Token) -> bool:
    return "-" in t.text and not is_listed(t.text)


def _non_word(ta: Token, ts: Token) -> Judgement:
    return Judgement(
        "source.phrase_broken",
        f"{quoted([ta])} is not an English word; the source has {quoted([ts])}.",
        (ta,),
        (ts,),
        suggestion=ts.text,
    )


def _particle_after(tokens: Sequence[Token], at: int) -> Token | None:
    if at < len(tokens) and tokens[at].dep == "prt":
        return tokens[at]
    if (
        at < len(tokens)
        and tokens[at].pos in ("ADP", "ADV")
        and tokens[at].text.lower()
        in {"down", "up", "out", "off", "over", "in", "away", "back", "on"}
    ):
        return tokens[at]
    return None


def _phrasal(
    pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token]
) -> list[Judgement]:
    """A phrasal verb whose verb was swapped ("played down" -> "performed down"), or a
    hyphenated run that is no word ("thought-about")."""
    if len(s) == 1 and s[0].pos == "VERB" and len(a) == 1:
        ps = _particle_after(pair.source_tokens, edit.source[1])
        pa = _particle_after(pair.article_tokens, edit.article[1])
        if (
            ps is not None
            and ps.dep == "prt"
            and pa is not None
            and pa is not None
            and ps.text.lower() == pa.text.lower()
        ):
            sv = f"{s[0].lemma.lower()} {ps.text.lower()}"
            base = wordnet().base_forms(a[0].text, "v") or (a[0].lemma.lower(),)
            av = [f"{b} {pa.text.lower()}" for b in base]
            forms_phrasals = any(wordnet().phrasal_particles(b) & classes.PARTICLES for b in base)
            if is_phrase(sv) and not any(is_phrase(v) for v in av) and not forms_phrasals:
                return [
                    Judgement(
                        "source.phrase_broken",
                        f"{quoted([a[0], pa])} is not an English phrasal verb; the source's "
                        f"{quoted([s[0], ps])} is (WordNet: {sv}).",
                        (a[0], pa),
                        (s[0], ps),
                        suggestion=f"{s[0].text} {ps.text}",
                    )
                ]
    joined = "".join(t.text + t.whitespace for t in a).strip()
    if (
        "-" in joined
        and " " not in joined
        and len(a) > 1
        and len(word_tokens(s)) == 1
        and not is_listed(joined)
    ):
        return [
            Judgement(
                "source.phrase_broken",
                f"{quoted(a)} is not an English word; the source has {quoted(s)}.",
                tuple(a),
                tuple(s),
                suggestion=joined_text(s),
            )
        ]
    return []


def _grammar(
    pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token]
) -> list[Judgement]:
    """A substitute that breaks the sentence: a simple past after "have" ("had began"), or a
    verb phrase where the source has a noun ("its calls for" for "its demands")."""
    if len(a) == 1 and a[0].text.lower() in classes.PARTICIPLE_OF_PAST:
        before = pair.article_tokens[max(edit.article[0] - 2, 0) : edit.article[0]]
        if any(t.lemma.lower() == "have" for t in before):
            right = classes.PARTICIPLE_OF_PAST[a[0].text.lower()]
            return [
                Judgement(
                    "source.grammar_broken",
                    f"{quoted([*before[-1:], a[0]])} needs the participle ‘{right}’; the source "
                    f"has {quoted(s)}.",
                    tuple(a),
                    tuple(s),
                    suggestion=right,
                )
            ]
    ws = word_tokens(s)
    if len(ws) == 1 and ws[0].pos == "NOUN" and len(a) == 2 and a[1].pos == "ADP":
        phrase = f"{wordnet().base_forms(a[0].text, 'v')[:1][0] if wordnet().base_forms(a[0].text, 'v') else a[0].lemma} {a[1].text.lower()}"
        nxt = (
            pair.article_tokens[edit.article[1]]
            if edit.article[1] < len(pair.article_tokens)
            else None
        )
        if is_phrase(phrase) and (nxt is None or nxt.pos == "ADP" or nxt.is_punct):
            return [
                Judgement(
                    "source.grammar_broken",
                    f"{quoted(a)} is a verb phrase (WordNet: {phrase}) standing where the source has "
                    f"the noun {quoted(ws)}; the sentence no longer parses.",
                    tuple(a),
                    tuple(s),
                    suggestion=joined_text(s),
                )
            ]
    return []
