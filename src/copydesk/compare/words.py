"""words: what changed word by word between an aligned article and source sentence.

The parse-level diff (`copydesk.compare.diff`) reads what both texts assert; rewriters also
change meaning one word at a time, below those facts. Here every edit ERRANT extracts
between the two token sequences (`copydesk.nlp.edits`) is judged meaning-preserving or given
a kind, with its evidence named from the lexicon: WordNet relations (`lexicon.senses`) for
open-class words, and the closed classes of `lexicon.classes` (modals, reporting verbs,
directions, time prepositions) for the rest. Edits that keep the meaning (a synonym in a
common sense, a spelling, a case, punctuation) give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from copydesk.kinds import severity_of
from copydesk.lexicon import classes
from copydesk.lexicon.modality import FORCE_WORDS, MODAL_FORCE, NEGATORS
from copydesk.lexicon.normalise import initials, spelling_key
from copydesk.lexicon.places import side_of
from copydesk.lexicon.reporting import CLASS_FORCE, cue_class, is_reporting_verb
from copydesk.lexicon.senses import SYNONYM_MIN_SHARE, Relation, is_phrase, relation
from copydesk.lexicon.wordnet import wordnet
from copydesk.model import Evidence, Finding, Span
from copydesk.nlp.annotate import Annotated, Token
from copydesk.nlp.edits import TokenEdit, token_edits

#: Share of the source's words that must recur, in order, in the article sentence for a
#: swap of one word to be read as a substitution in place. A spinner keeps most words and
#: swaps single ones (over 0.6 in every spun pair we read); a fluent rewrite keeps under half,
#: and its one-word "swaps" are artefacts of aligning different sentences.
ANCHORED_MIN_SHARE = 0.5

#: Confidence of each judgement: how often its evidence means what the message says. Closed
#: classes (modals, directions) and WordNet antonyms are near certain; a missing WordNet link
#: may still be a sense WordNet lacks.
CONFIDENCE = {
    "source.antonym": 0.9,
    "source.entity_changed": 0.9,
    "source.title_changed": 0.8,
    "source.modality_changed": 0.9,
    "source.phrase_broken": 0.85,
    "source.grammar_broken": 0.8,
    "source.time_changed": 0.8,
    "source.date_added": 0.7,
    "source.tense_changed": 0.7,
    "source.fact_dropped": 0.6,
    "source.scope_changed": 0.6,
    "source.word_changed": 0.5,
    "source.attribution_verb_changed": 0.8,
    "source.agent_inverted": 0.8,
    "source.quote_added": 0.8,
}

#: Parts of speech whose unexplained swaps are reported as wrong-sense substitutes. Nouns and
#: verbs name things and actions; WordNet links adjectives and adverbs too sparsely
#: ("key"/"vital", "significantly"/"considerably" share no synset) for a missing link to
#: mean a wrong sense.
WRONG_SENSE_POS = frozenset({"n", "v"})

#: Hypernym steps from the top of WordNet within which a noun is a general term: "people"
#: is three steps below "entity" and "person" four; "resident" six, "navy" seven.
GENERAL_MAX_DEPTH = 4

#: Most words a time expression after a preposition runs to ("the end of the next quarter").
TIME_OBJECT_MAX = 8

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

CONTENT_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "‘", "’", "'"})


@dataclass(frozen=True, slots=True)
class Pair:
    """The two sides of an aligned pair, as the token sequences the edits index."""

    article: Annotated
    article_tokens: tuple[Token, ...]
    source: Annotated
    source_tokens: tuple[Token, ...]

    def span(self, tokens: Sequence[Token]) -> Span:
        return Span(tokens[0].start, tokens[-1].end)

    def evidence(self, tokens: Sequence[Token]) -> tuple[Evidence, ...]:
        if not tokens:
            return ()
        span = self.span(tokens)
        return (Evidence(self.source.article.doc_id, span, span.of(self.source.text)),)


@dataclass(frozen=True, slots=True)
class Judgement:
    kind: str
    message: str
    article: tuple[Token, ...]  # the tokens the finding points at
    source: tuple[Token, ...]
    suggestion: str | None = None


def word_changes(
    article: Annotated,
    article_tokens: Sequence[Token],
    source: Annotated,
    source_tokens: Sequence[Token],
    *,
    skip: Sequence[Span] = (),
) -> list[Finding]:
    """Findings for the word-level edits of one aligned pair that change meaning. Article
    stretches in ``skip`` (quotations, which the quotation diff reads word by word, and spans
    the parse-level diff already flagged) get none."""
    pair = Pair(article, tuple(article_tokens), source, tuple(source_tokens))
    if not pair.article_tokens or not pair.source_tokens:
        return []
    edits = token_edits(pair.source_tokens, pair.article_tokens)
    anchored = _matched_share(pair, edits) >= ANCHORED_MIN_SHARE
    judged: list[Judgement] = []
    for edit in edits:
        judged.extend(_judge(pair, edit, anchored))
    judged.extend(_voice_inversions(pair))
    judged.extend(_time_references(pair))
    findings = []
    for j in _merged(judged):
        span = pair.span(j.article)
        if any(span.overlaps(s) for s in skip):
            continue
        findings.append(
            Finding(
                kind=j.kind,
                severity=severity_of(j.kind),
                message=j.message,
                span=span,
                evidence=pair.evidence(j.source),
                suggestion=j.suggestion,
                confidence=CONFIDENCE.get(j.kind, 0.5),
            )
        )
    return findings


def _matched_share(pair: Pair, edits: Sequence[TokenEdit]) -> float:
    changed = sum(e.source[1] - e.source[0] for e in edits)
    return 1.0 - changed / len(pair.source_tokens)


def _text(tokens: Sequence[Token]) -> str:
    out = []
    for k, t in enumerate(tokens):
        out.append(t.text + (t.whitespace if k < len(tokens) - 1 else ""))
    return "".join(out)


def _q(tokens: Sequence[Token]) -> str:
    return f"‘{_text(tokens)}’"


def _words(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_punct]


# --- one edit ---------------------------------------------------------------------------------


def _judge(pair: Pair, edit: TokenEdit, anchored: bool) -> list[Judgement]:
    s = pair.source_tokens[edit.source[0] : edit.source[1]]
    a = pair.article_tokens[edit.article[0] : edit.article[1]]
    if _only_form(s, a) or _moved(pair, s, a):
        return []
    found = _modality(pair, edit, s, a) + _tense(pair, edit, s, a) + _dated(pair, edit, a)
    if edit.operation == "insertion":
        return found + _coordination_to_predicate(pair, edit, a)
    if edit.operation == "deletion":
        return found + _deleted(pair, edit, s)
    shifted = _time_shift(pair, edit, s, a) + _names(s, a)
    return found + (shifted or _substituted(pair, edit, s, a, anchored))


def _only_form(s: Sequence[Token], a: Sequence[Token]) -> bool:
    """Case, punctuation, quote marks, spelling or contraction only."""

    def key(tokens: Sequence[Token]) -> str:
        words = [spelling_key(t.text.lower().strip(".")) for t in tokens if not t.is_punct]
        return re.sub(r"[^\w]", "", "".join(words).replace("n't", "not"))

    return key(s) == key(a)


def _moved(pair: Pair, s: Sequence[Token], a: Sequence[Token]) -> bool:
    """Words that stand elsewhere in the other sentence: a clause moved, not a word changed
    (reordered clauses align position by position)."""
    if not s or not a:
        return False

    def lemmas(tokens: Sequence[Token]) -> set[str]:
        return {t.lemma.lower() for t in tokens if t.pos in CONTENT_POS or t.pos == "PROPN"}

    mine, theirs = lemmas(a), lemmas(s)
    return mine != theirs and (
        mine <= lemmas(pair.source_tokens) and theirs <= lemmas(pair.article_tokens)
    )


def _modal(tokens: Sequence[Token]) -> Token | None:
    for t in tokens:
        if t.tag == "MD" and t.text.lower() in MODAL_FORCE:
            return t
    return None


def _force(t: Token | None) -> str:
    """A modal's force; no modal, or one of firm intent ("will", "would"), states the thing."""
    if t is None:
        return "certain"
    return MODAL_FORCE[t.text.lower()]


def _modality(
    pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token]
) -> list[Judgement]:
    """A modal that changes how firm the statement is, in either direction. A force is
    changed only when the other side of the pair has it nowhere (rewriters move modals)."""
    ms, ma = _modal(s), _modal(a)
    fs, fa = _force(ms), _force(ma)
    if fs == fa or "ability" in (fs, fa):
        return []
    if ma is None or fa == "certain":
        if fs in _forces(pair.article_tokens):
            return []
        verb = ma or _next_verb(pair.article_tokens, edit.article[0])
        if verb is None or ms is None:
            return []
        rest = list(s[s.index(ms) + 1 :])
        return [
            Judgement(
                "source.modality_changed",
                f"The article states {_q([verb])} {FORCE_WORDS[fa]}; the source has "
                f"{_q([ms, *rest])}, {FORCE_WORDS[fs]}.",
                (verb,),
                tuple(s),
                suggestion=ms.text if ma else f"{ms.text} {verb.text}",
            )
        ]
    if fa in _forces(pair.source_tokens):
        return []
    was = f"the source's {_q(s)}" if ms else "the source"
    return [
        Judgement(
            "source.modality_changed",
            f"{_q([ma])} presents this {FORCE_WORDS[fa]}, where {was} gives it {FORCE_WORDS[fs]}.",
            (ma,),
            tuple(s),
            suggestion=ms.text if ms else None,
        )
    ]


def _forces(tokens: Sequence[Token]) -> set[str]:
    return {_force(t) for t in tokens if t.tag == "MD" and t.text.lower() in MODAL_FORCE}


def _next_verb(tokens: Sequence[Token], at: int) -> Token | None:
    for t in tokens[at : at + 3]:
        if t.pos in ("VERB", "AUX"):
            return t
    return None


def _tense(pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token]) -> list[Judgement]:
    """A past or modal perfect added or dropped: the event moves in time."""
    ps = _perfects(pair.source_tokens, *edit.source)
    pa = _perfects(pair.article_tokens, *edit.article)
    if bool(ps) == bool(pa):
        return []
    if pa:
        verb = _verb_group(pair.article_tokens, pa[0])
        was = _main_verb(pair.source_tokens, edit.source[0])
        return [
            Judgement(
                "source.tense_changed",
                f"{_q(verb)} puts earlier what the source has as "
                f"{_q([was]) if was else 'current'}.",
                tuple(verb),
                (was,) if was else tuple(s),
            )
        ]
    verb_s = _verb_group(pair.source_tokens, ps[0])
    now = _main_verb(pair.article_tokens, edit.article[0])
    if now is None:
        return []
    return [
        Judgement(
            "source.tense_changed",
            f"{_q([now])} presents as current what the source reports as earlier ({_q(verb_s)}).",
            (now,),
            tuple(verb_s),
            suggestion=_text(verb_s),
        )
    ]


def _verb_group(tokens: Sequence[Token], aux: Token) -> list[Token]:
    """The auxiliary and the words up to its main verb ("had previously told")."""
    k = tokens.index(aux)
    group = [aux]
    for t in tokens[k + 1 : k + 4]:
        group.append(t)
        if t.pos == "VERB":
            return group
    return [aux]


def _main_verb(tokens: Sequence[Token], at: int) -> Token | None:
    for t in tokens[at : at + 4]:
        if t.pos == "VERB":
            return t
    return None


def _perfects(tokens: Sequence[Token], lo: int, hi: int) -> list[Token]:
    """Past perfect ("had told") and modal perfect ("would have preempted") auxiliaries among
    ``tokens[lo:hi]``; a present perfect ("has condemned") reports the same past event as a
    simple past does."""
    out = []
    for k in range(lo, hi):
        t = tokens[k]
        if t.lemma.lower() != "have" or t.pos != "AUX":
            continue
        if t.text.lower() in ("had", "'d") or (k and tokens[k - 1].tag == "MD"):
            out.append(t)
    return out


def _is_time(t: Token) -> bool:
    low = t.text.lower()
    return (
        t.ent_type in ("DATE", "TIME")
        or low in classes.MONTHS
        or low in classes.WEEKDAYS
        or bool(re.fullmatch(r"(1[89]|20)\d\d", low))
    )


def _time_object(tokens: Sequence[Token], at: int) -> list[Token]:
    """The time a preposition at ``at`` governs: its date or time expression, whole."""
    out: list[Token] = []
    for t in tokens[at : at + TIME_OBJECT_MAX]:
        if _is_time(t) or (out and t.like_num):
            out.append(t)
        elif t.pos == "DET" and not out:
            continue
        else:
            break
    return out


def _time_shift(
    pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token]
) -> list[Judgement]:
    """A time preposition swapped ("in March" -> "since March") before a time."""
    ps = [t for t in s if t.pos == "ADP" and t.text.lower() in classes.TIME_PREPOSITIONS]
    pa = [t for t in a if t.pos == "ADP" and t.text.lower() in classes.TIME_PREPOSITIONS]
    if len(s) != 1 or len(a) != 1 or not ps or not pa:
        return []  # only a preposition swapped alone: with its verb it is a rewording
    if classes.time_sense(ps[0].text) == classes.time_sense(pa[0].text):
        return []
    head = pair.source.tokens[ps[0].head].lemma
    if head not in {t.lemma for t in pair.article_tokens}:
        return []  # another verb takes another preposition ("built in" -> "dates from")
    obj_s = _time_object(pair.source_tokens, edit.source[1])
    obj_a = _time_object(pair.article_tokens, edit.article[1])
    if not obj_s or not obj_a:
        return []
    return [
        Judgement(
            "source.time_changed",
            f"{_q([pa[0], *obj_a])} moves the time the source gives as {_q([ps[0], *obj_s])}.",
            (pa[0], *obj_a),
            (ps[0], *obj_s),
            suggestion=ps[0].text,
        )
    ]


def _name_key(tokens: Sequence[Token]) -> str:
    text = _text(tokens)
    side = side_of(text)
    if side:
        return side.lower()
    return re.sub(r"[^\w]", "", spelling_key(text.lower().replace("’s", "").replace("'s", "")))


def _names(s: Sequence[Token], a: Sequence[Token]) -> list[Judgement]:
    """A name (person, organisation, place, nationality) replaced by another name."""
    ns = [t for t in s if t.ent_type in NAME_LABELS and t.pos in ("PROPN", "ADJ", "NOUN")]
    na = [t for t in a if t.ent_type in NAME_LABELS and t.pos in ("PROPN", "ADJ", "NOUN")]
    if not ns or not na or _name_key(ns) == _name_key(na):
        return []
    keys_a, keys_s = {_name_key([t]) for t in na}, {_name_key([t]) for t in ns}
    if keys_a <= keys_s or keys_s <= keys_a:
        return []  # part of the same name ("Ted Cruz" -> "Cruz", "Homendy" -> "Jennifer Homendy")
    if initials(_text(ns)) == _name_key(na) or initials(_text(na)) == _name_key(ns):
        return []  # a name and its initials ("National Transportation Safety Board", "NTSB")
    return [
        Judgement(
            "source.entity_changed",
            f"The article names {_q(na)} where the source has {_q(ns)}.",
            tuple(na),
            tuple(ns),
            suggestion=_text(ns),
        )
    ]


def _dated(pair: Pair, edit: TokenEdit, a: Sequence[Token]) -> list[Judgement]:
    """A year or date the source does not give."""
    years = [t for t in a if re.fullmatch(r"(1[89]|20)\d\d", t.text)]
    source_text = pair.source.text
    new = [t for t in years if t.text not in source_text]
    if not new:
        return []
    at = [*pair.article_tokens[max(edit.article[0] - 2, 0) : edit.article[0]], *a]
    k = at.index(new[0])
    near = [t for t in at[max(k - 2, 0) : k] if _is_time(t)]
    return [
        Judgement(
            "source.date_added",
            f"The article dates this {_q([*near, new[0]])}; the source gives no such year, so "
            "the date is unsupported.",
            (*near, new[0]),
            (),
        )
    ]


def _coordination_to_predicate(pair: Pair, edit: TokenEdit, a: Sequence[Token]) -> list[Judgement]:
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
            f"{_q([before, a[0]])} makes {_q(name)} the one acted on; in the source the two "
            f"are joined by {_q([src_and])} and act together.",
            (before, a[0]),
            (src_and,),
        )
    ]


def _deleted(pair: Pair, edit: TokenEdit, s: Sequence[Token]) -> list[Judgement]:
    """A deadline or a time the source gives, dropped."""
    low = [t.text.lower() for t in s]
    deadline = any(
        w in classes.DEADLINE_WORDS
        and (k + 1 < len(s) and (_is_time(s[k + 1]) or low[k + 1] == "then"))
        for k, w in enumerate(low)
    )
    if not deadline:
        return []
    at = pair.article_tokens[max(edit.article[0] - 1, 0) : edit.article[0] + 1]
    return [
        Judgement(
            "source.fact_dropped",
            f"The article drops the deadline {_q(s)} that the source gives.",
            tuple(at),
            tuple(s),
            suggestion=_text(s),
        )
    ]


def _substituted(
    pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token], anchored: bool
) -> list[Judgement]:
    found = _deadline_lost(s, a) + _phrasal(pair, edit, s, a) + _grammar(pair, edit, s, a)
    if found:
        return found
    found = _repeated_across_and(pair, edit, s, a)
    if found:
        return found
    ws, wa = _words(s), _words(a)
    if len(ws) != 1 or len(wa) != 1:
        ws, wa = _contents(ws), _contents(wa)  # "are discussed" -> "can be mentioned"
        if len(ws) != 1 or len(wa) != 1:
            return []
    ts, ta = ws[0], wa[0]
    reporting = _reporting(ts, ta) if _reports_speech(pair.source, ts) else []
    if reporting:
        return reporting
    if ts.text.lower() in classes.DIRECTIONS and ta.text.lower() not in classes.DIRECTIONS:
        what = "a nationality" if side_of(ta.text) or ta.ent_type == "NORP" else f"{_q([ta])}"
        return [
            Judgement(
                "source.entity_changed",
                f"{_q([ta])} is {what} where the source has the direction {_q([ts])}.",
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
    if pos == "v" and _passive(pair.source, ts) != _passive(pair.article, ta):
        return []  # the voice changed: the sentence is rebuilt around another verb
    rel = _relation(ts, ta, pos)
    if rel.name == "antonym" and _negations(pair.source_tokens) != _negations(pair.article_tokens):
        return []  # "not clear" -> "unclear": the negation moved into the word
    return _judge_relation(rel, ts, ta, pos, anchored)


def _negations(tokens: Sequence[Token]) -> int:
    return sum(t.text.lower() in NEGATORS for t in tokens) % 2


def _passive(doc: Annotated, verb: Token) -> bool:
    return any(c.dep in ("auxpass", "nsubjpass") for c in doc.children(verb.i))


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
                f"{_q([x, cc, y])} joins a word to itself; the source names two things here "
                f"({_q(s)}).",
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
    rel: Relation, ts: Token, ta: Token, pos: str, anchored: bool
) -> list[Judgement]:
    if rel.keeps_meaning or rel.name == "unknown":
        return []
    if rel.name == "antonym":
        return [
            Judgement(
                "source.antonym",
                f"{_q([ta])} is the opposite of the source's {_q([ts])} (WordNet antonyms).",
                (ta,),
                (ts,),
                suggestion=ts.text,
            )
        ]
    if (
        rel.name == "unrelated"
        and pos == "n"
        and ts.pos == ta.pos == "NOUN"
        and _is_person_noun(ts)
        and _is_person_noun(ta)
        and _titles_person(ta)
    ):
        return [
            Judgement(
                "source.title_changed",
                f"The article gives the title {_q([ta])} where the source has {_q([ts])}.",
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
                f"{_q([ta])} is {'broader' if wider else 'narrower'} than the source's "
                f"{_q([ts])} (WordNet: {ts.lemma if wider else ta.lemma} is a kind of "
                f"{ta.lemma if wider else ts.lemma}), so the claim covers "
                f"{'more' if wider else 'less'}.",
                (ta,),
                (ts,),
                suggestion=ts.text,
            )
        ]
    if not anchored or pos not in WRONG_SENSE_POS or _general(ta, pos) or ts.pos != ta.pos:
        return []  # a change of part of speech rebuilds the phrase ("meeting" -> "meets")
    if _is_time(ts) or _is_time(ta):
        return []  # a word of a time expression: `_time_references` compares those
    if rel.name == "broader" and rel.share >= SYNONYM_MIN_SHARE:
        return []  # a broader word says less, never something else ("talks" -> "discussions")
    if pos == "v" and (
        ts.lemma.lower() in classes.LIGHT_VERBS or ta.lemma.lower() in classes.LIGHT_VERBS
    ):
        return []
    if rel.name == "rare_synonym" and rel.sense is not None:
        why = (
            f"they share only a rare sense of {_q([ts])} in WordNet "
            f"(‘{', '.join(rel.sense.words[:3])}’, {rel.share:.0%} of its uses)"
        )
    elif rel.name == "narrower":
        why = f"WordNet makes it a kind of {_q([ts])} only in a rare sense of that word"
    elif rel.name == "broader":
        why = f"WordNet makes {_q([ts])} a kind of it only in a rare sense of {_q([ts])}"
    else:
        why = "WordNet gives them no common sense"
    return [
        Judgement(
            "source.word_changed",
            f"{_q([ta])} replaces the source's {_q([ts])}, but {why}: a wrong-sense "
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


def _titles_person(t: Token) -> bool:
    """A title word: in a name's compound or followed by a name."""
    return t.dep == "compound" or t.ent_type == "" and t.pos == "NOUN"


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
            f"The article reports this with {_q([ta])} where the source has {_q([ts])}{force}",
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


def _is_word(text: str) -> bool:
    """A hyphenated form WordNet lists, hyphen as space ("well-known") or closed up."""
    low = text.lower()
    return wordnet().has(low.replace("-", "_")) or wordnet().has(low.replace("-", ""))


def _hyphenated_non_word(t: Token) -> bool:
    return "-" in t.text and not _is_word(t.text)


def _non_word(ta: Token, ts: Token) -> Judgement:
    return Judgement(
        "source.phrase_broken",
        f"{_q([ta])} is not an English word; the source has {_q([ts])}.",
        (ta,),
        (ts,),
        suggestion=ts.text,
    )


def _deadline_lost(s: Sequence[Token], a: Sequence[Token]) -> list[Judgement]:
    low = [t.text.lower() for t in s]
    for k, w in enumerate(low[:-1]):
        if w in classes.DEADLINE_WORDS and (low[k + 1] == "then" or _is_time(s[k + 1])):
            kept = {t.text.lower() for t in a}
            if low[k + 1] not in kept:
                return [
                    Judgement(
                        "source.fact_dropped",
                        f"{_q(a)} drops the deadline {_q(s[k : k + 2])} that the source gives "
                        f"({_q(s)}).",
                        tuple(a),
                        tuple(s),
                        suggestion=_text(s),
                    )
                ]
    return []


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
            if is_phrase(sv) and not any(is_phrase(v) for v in av):
                return [
                    Judgement(
                        "source.phrase_broken",
                        f"{_q([a[0], pa])} is not an English phrasal verb; the source's "
                        f"{_q([s[0], ps])} is (WordNet: {sv}).",
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
        and len(_words(s)) == 1
        and not _is_word(joined)
    ):
        return [
            Judgement(
                "source.phrase_broken",
                f"{_q(a)} is not an English word; the source has {_q(s)}.",
                tuple(a),
                tuple(s),
                suggestion=_text(s),
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
                    f"{_q([*before[-1:], a[0]])} needs the participle ‘{right}’; the source "
                    f"has {_q(s)}.",
                    tuple(a),
                    tuple(s),
                    suggestion=right,
                )
            ]
    ws = _words(s)
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
                    f"{_q(a)} is a verb phrase (WordNet: {phrase}) standing where the source has "
                    f"the noun {_q(ws)}; the sentence no longer parses.",
                    tuple(a),
                    tuple(s),
                    suggestion=_text(s),
                )
            ]
    return []


# --- the whole pair -------------------------------------------------------------------------


def _voice_inversions(pair: Pair) -> list[Judgement]:
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
                        f"{_q([t, *pair.article_tokens[k + 1 : pair.article_tokens.index(obj[0]) + 1]])} "
                        f"makes its subject the one who receives the {obj[0].text}; in the "
                        f"source the subject does it ({_q([v])}).",
                        (t, *pair.article_tokens[k + 1 : pair.article_tokens.index(obj[0]) + 1]),
                        (v,),
                    )
                )
    return out


def _time_references(pair: Pair) -> list[Judgement]:
    """A time expression the article words as another time ("the last quarter of next year"
    -> "the end of the next quarter"): the source's and the article's time expressions are
    paired in order, and a pair whose time words differ is a changed time, unless one adds
    detail to the other ("January" -> "January 2023", which `_dated` reads) or names the
    day the other calls "yesterday" or "today" (a republisher puts "on Wednesday")."""
    s_times, a_times = _time_expressions(pair.source_tokens), _time_expressions(pair.article_tokens)
    s_left = [t for t in s_times if not any(_time_key(t) == _time_key(u) for u in a_times)]
    a_left = [t for t in a_times if not any(_time_key(t) == _time_key(u) for u in s_times)]
    out = []
    for st, at in zip(s_left, a_left, strict=False):
        ks, ka = _time_key(st), _time_key(at)
        if not ks or not ka or ks <= ka or ka <= ks or _day_named(ks, ka) or _day_named(ka, ks):
            continue
        out.append(
            Judgement(
                "source.time_changed",
                f"{_q(at)} gives another time than the source's {_q(st)}.",
                tuple(at),
                tuple(st),
                suggestion=_text(st),
            )
        )
    return out


def _time_expressions(tokens: Sequence[Token]) -> list[list[Token]]:
    """Runs of DATE and TIME entity tokens, with the words of time inside them."""
    runs: list[list[Token]] = []
    for t in tokens:
        if t.ent_type in ("DATE", "TIME"):
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
    return runs


def _time_key(tokens: Sequence[Token]) -> frozenset[str]:
    return frozenset(
        t.text.lower() for t in tokens if t.text.lower() in classes.TIME_WORDS or t.like_num
    )


def _day_named(relative: frozenset[str], named: frozenset[str]) -> bool:
    """ "yesterday" put as "on Wednesday": the day named, which only the dates can check."""
    return bool(relative & classes.RELATIVE_DAYS) and bool(named) and named <= classes.WEEKDAYS


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


def _merged(judged: Iterable[Judgement]) -> list[Judgement]:
    """One judgement per change: those pointing at the same article tokens are one."""
    out: list[Judgement] = []
    seen: set[tuple[int, ...]] = set()
    order = sorted(judged, key=lambda j: (j.article[0].start if j.article else 0, -_rank(j.kind)))
    for j in order:
        if not j.article:
            continue
        key = tuple(t.i for t in j.article)
        if key in seen or any(set(key) & {t.i for t in o.article} for o in out):
            continue
        seen.add(key)
        out.append(j)
    return out


def _rank(kind: str) -> int:
    return severity_of(kind).rank
