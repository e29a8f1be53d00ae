"""diff: what changed in meaning between aligned article sentence(s) and source sentence(s).

`diff_pair` compares one aligned pair through what both texts assert, read from each
document's ledger: quotations word by word (`Quotation`), who holds which role for which side
and titles (`Person.roles`), who did what to whom, negation and hedging (`Claim`), who said it
and with which reporting verb (`Attribution`), and numbers. A rewording that keeps all of these
gives no finding. Every finding points at the article text and cites the source span it
differs from.

No natural-language-inference model is needed; one can be plugged in through `Entailment`
to dismiss the findings that are inferred from the parse rather than read off the words.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from copydesk.kinds import severity_of
from copydesk.ledger.model import Attribution, Claim, Ledger, Person, Role
from copydesk.ledger.quantities import NumberRead
from copydesk.ledger.sides import np_side
from copydesk.ledger.titles import RANK_WORDS
from copydesk.lexicon import classes
from copydesk.lexicon.modality import HEDGE_ADVERBS, HEDGE_CONTROL, HEDGE_MODALS
from copydesk.lexicon.normalise import initials, spelling_key
from copydesk.lexicon.places import side_key, side_of
from copydesk.lexicon.reporting import cue_class
from copydesk.lexicon.titles import (
    BODY_NOUNS,
    FORMER_WORDS,
    TITLE_CATEGORY,
    TITLE_INITIALS,
    title_word_of,
)
from copydesk.model import Evidence, Finding, Severity, Span
from copydesk.nlp.annotate import Annotated, Token
from copydesk.source.figures import Figure, figures
from copydesk.source.frames import (
    PRONOUNS,
    Frame,
    Referent,
    ReportingFrame,
    RoleMention,
    Title,
    content_lemmas,
    is_content,
    is_side,
    title_word,
    words_of,
)
from copydesk.source.index import SentenceIndex, sentence_index
from copydesk.source.quotes import Quote, Word, marked_quotes, word_stream
from copydesk.source.window import looked_for
from copydesk.source.words import word_changes

if TYPE_CHECKING:
    from copydesk.analysis import Analysed


class Entailment(Protocol):
    """A natural-language-inference scorer: the probability that ``premise`` entails
    ``hypothesis``. None is installed by default; any callable with this shape plugs in."""

    def __call__(self, premise: str, hypothesis: str) -> float: ...


#: Share of a quotation's words that must be found in an article quotation for the two to be
#: the same quotation (so that the rest counts as altered). Half: a two-word quotation with
#: one word changed ("miraculous breakthroughs" -> "miraclear breakthroughs") still pairs.
QUOTE_PAIR_MIN_SHARE = 0.5

#: Fewest words a source quotation needs before its words are looked for outside quotation
#: marks in the article: shorter ones ("very difficult") recur as ordinary prose.
UNMARKED_MIN_WORDS = 2

#: Share of a source quotation's words that must be found, in order, within one stretch of
#: the article's unquoted text to call that stretch the quotation without its marks. Set so
#: that one changed word in a six-word quotation (5/6) still counts, two in four do not.
UNMARKED_MIN_COVERAGE = 0.75

#: Words of the article that may separate two matched pieces of one unmarked quotation.
UNMARKED_MAX_GAP = 2

#: Share of the words a quotation is said of in the article that must come from elsewhere in
#: the source pair (not from what the source said it of) to call the quotation re-scoped. A
#: paraphrase brings new words; a re-scoping moves the source's own words under the quotation.
RESCOPE_MIN_BORROWED = 0.5

#: Entailment probability above which an `Entailment` scorer dismisses a parse-inferred
#: finding. High on purpose: the scorer may only veto a finding it is nearly sure is wrong.
ENTAILMENT_DISMISS = 0.95

#: Kinds inferred from the parse rather than read off the words, which a scorer may dismiss.
ENTAILMENT_GATED = frozenset(
    {
        "source.agent_inverted",
        "source.quote_rescoped",
        "source.negation_flipped",
        "source.hedge_removed",
        "source.role_swap",
    }
)


@dataclass(frozen=True, slots=True)
class _Side:
    """One side of an aligned pair: the document and the sentences taking part."""

    doc: Annotated
    ledger: Ledger  # the whole document's
    local: Ledger  # its items in these sentences (`SentenceIndex.local`)
    numbers: tuple[NumberRead, ...]  # the numbers read in these sentences
    sentences: tuple[int, ...]
    tokens: tuple[Token, ...]
    quotes: tuple[Quote, ...] = field(default=())

    @classmethod
    def of(cls, analysed: Analysed, sentences: Sequence[int], index: SentenceIndex) -> _Side:
        doc = analysed.doc
        sents = tuple(k for k in sentences if 0 <= k < len(doc.sentences))
        local = index.local(sents)
        tokens = tuple(words_of(doc, sents))
        quotes = tuple(marked_quotes(doc, sents, tokens, local))
        numbers = tuple(index.numbers_in(sents))
        return cls(doc, analysed.ledger, local, numbers, sents, tokens, quotes)

    @property
    def span(self) -> Span:
        if not self.sentences:
            return Span(0, 0)
        return Span(
            self.doc.sentences[self.sentences[0]].start,
            self.doc.sentences[self.sentences[-1]].end,
        )

    def text_of(self, span: Span) -> str:
        return span.of(self.doc.text)

    def evidence(self, span: Span) -> Evidence:
        a = self.doc.article
        return Evidence(a.doc_id, span, self.text_of(span), outlet=a.outlet, url=a.url)

    def in_quote(self, span: Span) -> bool:
        return any(q.span.contains(span) for q in self.quotes)


def index_of(analysed: Analysed) -> SentenceIndex:
    return sentence_index(analysed.doc, analysed.ledger)


def diff_pair(
    article: Analysed,
    article_sentences: tuple[int, ...],
    source: Analysed,
    source_sentences: tuple[int, ...],
    *,
    entailment: Entailment | None = None,
    indexes: tuple[SentenceIndex, SentenceIndex] | None = None,
) -> list[Finding]:
    """What changed in meaning from the source sentence(s) to the aligned article sentence(s).

    Findings point into the article text, each citing the source span it differs from.
    ``indexes`` are both documents' `SentenceIndex`, built once when many pairs of the same
    two documents are diffed (made here when not given).
    """
    if indexes is None:
        indexes = (index_of(article), index_of(source))
    a = _Side.of(article, article_sentences, indexes[0])
    s = _Side.of(source, source_sentences, indexes[1])
    if not a.tokens or not s.tokens:
        return []
    findings: list[Finding] = []
    findings += _quotation_changes(a, s)
    findings += _role_changes(a, s)
    findings += _agent_changes(a, s)
    findings += _attribution_changes(a, s)
    findings += _number_changes(a, s)
    findings += _polarity_changes(a, s)
    findings += word_changes(
        a.doc,
        a.tokens,
        s.doc,
        s.tokens,
        skip=[q.span for q in a.quotes] + [f.span for f in findings],
    )
    findings = looked_for(findings, a.doc, a.sentences, s.doc, s.sentences)
    if entailment is not None and findings:
        premise = s.text_of(s.span)
        hypothesis = a.text_of(a.span)
        p = entailment(premise, hypothesis)
        if p >= ENTAILMENT_DISMISS:
            findings = [f for f in findings if f.kind not in ENTAILMENT_GATED]
    return _unique(findings)


def _finding(
    kind: str,
    message: str,
    span: Span,
    evidence: Iterable[Evidence],
    suggestion: str | None = None,
    confidence: float = 1.0,
    severity: Severity | None = None,
) -> Finding:
    """A finding of ``kind``, at the kind's severity unless the rule's own is given."""
    return Finding(
        kind=kind,
        severity=severity or severity_of(kind),
        message=message,
        span=span,
        evidence=tuple(evidence),
        suggestion=suggestion,
        confidence=confidence,
    )


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, Span]] = set()
    out = []
    for f in sorted(findings, key=lambda f: (f.span.start, f.span.end, f.kind)):
        if (f.kind, f.span) in seen:
            continue
        seen.add((f.kind, f.span))
        out.append(f)
    return out


# --- quotations --------------------------------------------------------------------------------


def _matched(x: Sequence[str], y: Sequence[str]) -> int:
    sm = difflib.SequenceMatcher(None, list(x), list(y), autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks())


def _quotation_changes(a: _Side, s: _Side) -> list[Finding]:
    out: list[Finding] = []
    pairs: list[tuple[Quote, Quote]] = []
    scored = []
    for qs in s.quotes:
        for qa in a.quotes:
            m = _matched(qs.norms, qa.norms)
            if m and m >= QUOTE_PAIR_MIN_SHARE * min(len(qs.words), len(qa.words)):
                scored.append((m, qs, qa))
    used_s: set[Span] = set()
    used_a: set[Span] = set()
    for _, qs, qa in sorted(scored, key=lambda x: -x[0]):
        if qs.span in used_s or qa.span in used_a:
            continue
        pairs.append((qs, qa))
        used_s.add(qs.span)
        used_a.add(qa.span)
    left_s = [q for q in s.quotes if q.span not in used_s]
    left_a = [q for q in a.quotes if q.span not in used_a]
    unmarked: list[Quote] = []
    for qs in left_s:
        found = _find_unmarked(qs, a)
        if found is not None:
            unmarked.append(qs)
            out.append(
                _finding(
                    "source.quote_unmarked",
                    f"The source quotes these words (“{s.text_of(qs.span)}”); the article drops "
                    "the quotation marks.",
                    Span(found[0].span.start, found[-1].span.end),
                    [s.evidence(qs.span)],
                    suggestion=f"“{a.text_of(Span(found[0].span.start, found[-1].span.end))}”",
                )
            )
            out += _word_changes(qs, list(found), a, s, trim_ends=False)
    # A fully reworded quotation shares no word with its source; pair what is left in order.
    left_s = [q for q in left_s if q not in unmarked]
    if left_s and len(left_s) == len(left_a):
        pairs += list(zip(left_s, left_a))
    else:
        out += _added_quotes(left_a, a, s)
    for qs, qa in pairs:
        out += _word_changes(qs, list(qa.words), a, s, trim_ends=True)
        out += _rescoping(qs, qa, a, s)
    return out


def _added_quotes(quotes: list[Quote], a: _Side, s: _Side) -> list[Finding]:
    """Article quotations whose words the source has as its own narration, quoted from no
    one anywhere in the source: quotation marks the rewrite put in."""
    quoted = [q.text.lower() for q in s.ledger.quotations if q.marked]
    out = []
    for qa in quotes:
        if len(qa.words) < UNMARKED_MIN_WORDS:
            continue
        text = a.text_of(qa.span)
        if any(all(w in q for w in qa.norms) for q in quoted):
            continue
        found = _find_unmarked(qa, s)
        if found is None:
            continue
        where = Span(found[0].span.start, found[-1].span.end)
        out.append(
            _finding(
                "source.quote_added",
                f"The article puts “{text}” in quotation marks, but in the source these are "
                "the writer's own words, quoted from no one.",
                qa.span,
                [s.evidence(where)],
                suggestion=text,
            )
        )
    return out


def _find_unmarked(q: Quote, a: _Side) -> list[Word] | None:
    """The stretch of the article's unquoted words that is quotation ``q`` without marks."""
    if len(q.words) < UNMARKED_MIN_WORDS:
        return None
    free = [w for w in word_stream(a.tokens) if not a.in_quote(w.span)]
    if not free:
        return None
    sm = difflib.SequenceMatcher(None, q.norms, [w.norm for w in free], autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return None
    best: tuple[int, int, int] | None = None  # matched, start, end (article word indices)
    for i, b in enumerate(blocks):
        start, end, matched = b.b, b.b + b.size, b.size
        for c in blocks[i + 1 :]:
            if c.b - end > UNMARKED_MAX_GAP:
                break
            end, matched = c.b + c.size, matched + c.size
        if best is None or matched > best[0]:
            best = (matched, start, end)
    assert best is not None
    matched, start, end = best
    stretch = free[start:end]
    content = sum(1 for w in stretch if w.norm not in {"the", "a", "an", "to", "of", "and"})
    if matched / len(q.words) < UNMARKED_MIN_COVERAGE or content < 2:
        return None
    return stretch


def _word_changes(
    qs: Quote, article_words: list[Word], a: _Side, s: _Side, *, trim_ends: bool
) -> list[Finding]:
    """Findings for the words that differ between a source quotation and its article version.

    With ``trim_ends`` the article may quote only part of the source quotation: words the
    source has before or after the article's stretch are not a change.
    """
    src = list(qs.words)
    sm = difflib.SequenceMatcher(
        None, [w.norm for w in src], [w.norm for w in article_words], autojunk=False
    )
    ops = [op for op in sm.get_opcodes()]
    if trim_ends:
        while ops and ops[0][0] == "delete":
            ops.pop(0)
        while ops and ops[-1][0] == "delete":
            ops.pop()
    out: list[Finding] = []
    for tag, i1, i2, j1, j2 in ops:
        was_words = [w.norm for w in src[i1:i2]]
        now_words = [w.norm for w in article_words[j1:j2]]
        if tag == "equal" or _one_word_spaced(was_words, now_words):
            continue
        if j2 > j1:
            span = Span(article_words[j1].span.start, article_words[j2 - 1].span.end)
        else:  # words dropped from inside the quotation: point at the join
            left = article_words[max(j1 - 1, 0)]
            right = article_words[min(j1, len(article_words) - 1)]
            span = Span(left.span.start, right.span.end)
        if i2 > i1:
            src_span = Span(src[i1].span.start, src[i2 - 1].span.end)
        else:
            src_span = qs.span
        was = s.text_of(src_span) if i2 > i1 else None
        now = a.text_of(span)
        if tag == "replace":
            msg = f"The quotation reads “{now}” where the source has “{was}”."
        elif tag == "insert":
            msg = f"The quotation adds “{now}”, which the source's quotation does not have."
        else:
            msg = f"The quotation leaves out “{was}” from inside the source's quotation."
        out.append(
            _finding(
                "source.quote_altered",
                msg,
                span,
                [s.evidence(src_span)],
                suggestion=was if tag == "replace" else None,
                severity=Severity.MINOR if _determiners_only(was_words, now_words) else None,
            )
        )
    return out


def _one_word_spaced(x: Sequence[str], y: Sequence[str]) -> bool:
    """Whether two runs of words are one word spaced or hyphenated two ways, which is house
    style ("per cent"/"percent", "co-operate"/"cooperate", "e-mail"/"email")."""
    return (
        bool(x) and bool(y) and re.sub(r"[\s-]", "", "".join(x)) == re.sub(r"[\s-]", "", "".join(y))
    )


def _determiners_only(x: Sequence[str], y: Sequence[str]) -> bool:
    """Whether a quotation's change touches articles and demonstratives only ("the conflict"
    -> "this conflict"): the words differ, the thing named does not, so the change is minor."""
    return all(w in classes.DETERMINERS for w in (*x, *y))


def _said_of(doc: Annotated, quote: Span) -> tuple[set[str], Span] | None:
    """What a quoted fragment is said of: the subject of "X was “hardly possible”" (or the
    extraposed clause after an empty "it"), or the noun a quoted modifier describes.
    None when the quotation is a whole clause or a bare noun phrase."""
    toks = [t for t in doc.tokens_in(quote) if not t.is_punct]
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head not in inside and t.head != t.i]
    if len(roots) != 1:
        return None
    r = roots[0]
    head = doc.tokens[r.head]
    target: list[Token] = []
    if r.dep in {"acomp", "attr", "oprd"}:
        subj = next(
            (c for c in doc.children(head.i) if c.dep in {"nsubj", "nsubjpass", "csubj"}), None
        )
        empty = subj is None or subj.text.lower() in {"it", "there"} or subj.tag == "EX"
        if empty:
            ext = next(
                (
                    c
                    for c in doc.children(head.i)
                    if c.dep in {"xcomp", "ccomp", "csubj"} and c.i not in inside
                ),
                None,
            )
            if ext is None:
                return None
            target = [t for t in doc.subtree(ext.i) if t.i not in inside]
        else:
            assert subj is not None
            target = list(doc.subtree(subj.i))
    elif r.dep in {"amod", "compound", "nmod"} and head.pos in {"NOUN", "PROPN"}:
        target = [head] + [c for c in doc.children(head.i) if c.dep == "compound"]
    elif r.dep in {"relcl", "acl"} and head.pos in {"NOUN", "PROPN"}:
        target = [head] + [c for c in doc.children(head.i) if c.dep in {"compound", "amod"}]
    else:
        return None
    target = sorted({t.i: t for t in target if not t.is_punct}.values(), key=lambda t: t.i)
    lemmas = content_lemmas(target)
    if not target or not lemmas:
        return None
    return lemmas, Span(target[0].start, target[-1].end)


def _rescoping(qs: Quote, qa: Quote, a: _Side, s: _Side) -> list[Finding]:
    was = _said_of(s.doc, qs.span)
    now = _said_of(a.doc, qa.span)
    if was is None or now is None:
        return []
    was_lemmas, was_span = was
    now_lemmas, now_span = now
    if was_lemmas & now_lemmas:
        return []
    elsewhere = content_lemmas(
        t for t in s.tokens if not qs.span.contains(t.span) and not was_span.contains(t.span)
    )
    borrowed = now_lemmas & elsewhere
    if len(borrowed) < RESCOPE_MIN_BORROWED * len(now_lemmas):
        return []
    span = Span(min(qa.span.start, now_span.start), max(qa.span.end, now_span.end))
    src = Span(min(qs.span.start, was_span.start), max(qs.span.end, was_span.end))
    return [
        _finding(
            "source.quote_rescoped",
            f"In the source “{s.text_of(qs.span)}” is said of “{s.text_of(was_span)}”; the "
            f"article applies it to “{a.text_of(now_span)}”.",
            span,
            [s.evidence(src)],
        )
    ]


# --- roles and titles --------------------------------------------------------------------------


def _person_key(ref: Referent) -> str:
    return side_key(ref.key)


#: The ledger's title for leading a body: "head of delegation" (however the article put it:
#: "will lead Kyiv's delegation", "the head of Russia's delegation", "the Ukrainian team,
#: led by X").
LEAD_TITLE_PREFIX = "head of "


def _roles(side: _Side) -> list[tuple[Person, Role]]:
    """The ledger's roles stated in these sentences, with the person holding each."""
    span = side.span
    return [(p, r) for p in side.local.people for r in p.roles if span.contains(r.span)]


def _holder(side: _Side, person: Person, role: Role) -> Referent:
    """The person holding a role, keyed by surname, at the mention nearest the role."""
    key = side_key(person.name.split()[-1]) if person.name.split() else ""
    near = [m for m in person.mentions if side.span.contains(m)] or list(person.mentions)
    mention = min(near, key=lambda m: abs(m.start - role.span.start), default=role.span)
    return Referent(key, "name", mention)


def _is_lead(role: Role) -> bool:
    return role.title.startswith(LEAD_TITLE_PREFIX) and role.side is not None and not role.former


def _role_mentions(side: _Side) -> list[RoleMention]:
    """Who leads which side's body, from the ledger's "head of ..." roles with a side."""
    out: list[RoleMention] = []
    for p, r in _roles(side):
        if not _is_lead(r):
            continue
        assert r.side is not None
        written = next(
            (t.text for t in side.doc.tokens_in(r.span) if side_of(t.text) == r.side), r.side
        )
        body = r.title[len(LEAD_TITLE_PREFIX) :]
        out.append(
            RoleMention(_holder(side, p, r), "leader", body, side_key(r.side), written, r.span)
        )
    return out


def _titles(side: _Side) -> list[Title]:
    """The ledger's other roles as `Title`s: head noun, modifiers, side, "former"."""
    out: list[Title] = []
    for p, r in _roles(side):
        if _is_lead(r):
            continue
        title = " ".join(TITLE_INITIALS.get(w, w) for w in r.title.split())
        words = [w for w in title.replace("-", " ").split() if w not in {"of", "the"}]
        if not words:
            continue
        head = title_word(words[-1] if " of " not in title else title.split()[0])
        mods = frozenset(title_word(w) for w in words if title_word(w) != head)
        text = side.text_of(r.span)
        # "former" as written in the title itself ("ex-minister" counts), not carried over
        written = any(w.strip(",").lower() in FORMER_WORDS for w in text.replace("-", "- ").split())
        out.append(
            Title(
                _holder(side, p, r),
                head,
                mods,
                r.former,
                side_key(r.side) if r.side else None,
                r.span,
                text,
                former_written=written or not r.former,
            )
        )
    return out


def _role_changes(a: _Side, s: _Side) -> list[Finding]:
    out: list[Finding] = []
    # Who leads which side's body ("will lead Kyiv's delegation").
    ra, rs = _role_mentions(a), _role_mentions(s)
    for m in ra:
        p = _person_key(m.person)
        same_person = [x for x in rs if _person_key(x.person) == p and x.body == m.body]
        if not same_person or any(x.side == m.side for x in same_person):
            continue
        was = same_person[0]
        holder = next(
            (x for x in rs if x.body == m.body and x.side == m.side and _person_key(x.person) != p),
            None,
        )
        name = a.text_of(m.person.span)
        msg = (
            f"The article has {name} leading {m.side_text}’s {m.body}; the source has "
            f"{name} leading {was.side_text}’s {was.body}"
        )
        msg = _possessive_fix(msg)
        evidence = [s.evidence(was.span)]
        if holder is not None:
            msg += f" and gives {m.side_text}’s {m.body} to {s.text_of(holder.person.span)}"
            msg = _possessive_fix(msg)
            evidence.append(s.evidence(holder.span))
        out.append(_finding("source.role_swap", msg + ".", m.span, evidence))
    out += _title_changes(a, s, ra, rs)
    return out


def _written_before(head: str, person: Referent, s: _Side) -> bool:
    """Whether the title word ``head`` stands, in full or abbreviated, right before a
    mention of ``person`` in the source sentences (within a title's length of it)."""
    names = {person.key.lower()}
    for k, t in enumerate(s.tokens):
        if t.text.lower() in names and any(
            title_word(title_word_of(x.text)) == head for x in s.tokens[max(k - 4, 0) : k]
        ):
            return True
    return False


def _same_modifiers(x: Title, y: Title) -> bool:
    """The same words before the title, or a body's name and its initials ("NTSB chair" is
    the "National Transportation Safety Board chair")."""
    if x.modifiers == y.modifiers or _title_words(x) == _title_words(y):
        return True
    if _names_the_body(x, y) or _names_the_body(y, x):
        return True
    for short, long in ((x, y), (y, x)):
        before_head = " ".join(long.text.split()[:-1])  # the title word comes last
        if len(short.modifiers) == 1 and initials(before_head) == next(iter(short.modifiers)):
            return True
    return False


def _names_the_body(short: Title, full: Title) -> bool:
    """Whether ``full`` is ``short`` with the employer, body or party named before it ("CEO"
    -> "Southwest Airlines CEO", "Chairwoman" -> "NTSB Chairwoman", "the company's chief
    executive" -> "Acme Corp CEO"): every word it adds is capitalised, so it names something
    rather than changing the job ("deputy", "acting")."""
    # a common noun for the body ("the company's") stands for the name that replaces it
    kept = short.modifiers - BODY_NOUNS
    if not kept < full.modifiers:
        return False
    added = full.modifiers - kept
    if any(w in RANK_WORDS or w in TITLE_CATEGORY for w in added):
        return False  # "Deputy Mayor" is another job than "Mayor"
    written = {title_word(w.strip(".,’'")): w for w in full.text.replace("’s", "").split()}
    return all(w in written and written[w][:1].isupper() for w in added)


def _title_words(t: Title) -> frozenset[str]:
    """The words of a title as written, possessives and "of the" left out: "Employers'
    federation chairman" and "chairman of the employers' federation" are one title."""
    words = re.findall(r"[a-z]+", t.text.lower().replace("’s", "").replace("'s", ""))
    return frozenset(title_word(w) for w in words if w not in ("of", "the", "s"))


def _same_tense(x: Title, y: Title) -> bool:
    """Whether two titles agree on "former". A "former" the ledger carried over from an
    earlier conjunct ("a former culture minister and presidential adviser") is a reading of
    the scope, not a word on the page: it never makes a change on its own."""
    return x.former == y.former or not (x.former_written and y.former_written)


def _possessive_fix(msg: str) -> str:
    return msg.replace("’s’s", "’s").replace("'s’s", "'s")


def _title_changes(
    a: _Side, s: _Side, ra: list[RoleMention], rs: list[RoleMention]
) -> list[Finding]:
    out: list[Finding] = []
    ta, ts = _titles(a), _titles(s)
    for t in ta:
        p = _person_key(t.person)
        mine = [x for x in ts if _person_key(x.person) == p]
        if not mine:
            continue
        if any(
            x.head == t.head
            and _same_modifiers(x, t)
            and _same_tense(x, t)
            and (x.side is None or t.side is None or x.side == t.side)
            for x in mine
        ):
            continue
        same_head = [x for x in mine if x.head == t.head]
        if not same_head and _written_before(t.head, t.person, s):
            continue  # the source gives this title too, abbreviated ("Sen." for "Senator")
        if not same_head:
            # A different title altogether ("spokesperson" -> "adviser"): compare it with the
            # source title that the article does not repeat, when there is exactly one.
            unmatched = [
                x
                for x in mine
                if not any(y.head == x.head for y in ta if _person_key(y.person) == p)
            ]
            if len(unmatched) != 1:
                continue
            same_head = unmatched
        same_words = [x for x in same_head if x.modifiers == t.modifiers]
        if same_words and t.side and same_words[0].side and same_words[0].side != t.side:
            was = same_words[0]
            out.append(
                _finding(
                    "source.role_swap",
                    f"The article makes {a.text_of(t.person.span)} “{t.text}”; the source has "
                    f"“{was.text}”, for the other side.",
                    t.span,
                    [s.evidence(was.span)],
                    suggestion=was.text,
                )
            )
            continue
        was = min(same_head, key=lambda x: len(x.modifiers ^ t.modifiers) + (x.former != t.former))
        if was.modifiers == t.modifiers and was.former and not t.former:
            msg = (
                f"The article calls {a.text_of(t.person.span)} “{t.text}”; the source says "
                f"“{was.text}” (a former title)."
            )
        else:
            msg = (
                f"The article calls {a.text_of(t.person.span)} “{t.text}”; the source says "
                f"“{was.text}”."
            )
        out.append(
            _finding(
                "source.title_changed", msg, t.span, [s.evidence(was.span)], suggestion=was.text
            )
        )
    return out


# --- who did what to whom ------------------------------------------------------------------


def _strict_same(x: Referent | None, y: Referent | None) -> bool:
    if x is None or y is None or x.kind == "pronoun" or y.kind == "pronoun":
        return False
    return x.same_as(y)


def _phrase_head(doc: Annotated, span: Span) -> Token | None:
    """The token of a phrase that the rest of it hangs on."""
    toks = [t for t in doc.tokens_in(span) if not t.is_punct]
    inside = {t.i for t in toks}
    return next((t for t in toks if t.head not in inside or t.head == t.i), None) or (
        toks[-1] if toks else None
    )


def _frames(side: _Side) -> list[Frame]:
    """The ledger's claims in these sentences as frames whose arguments can be compared
    across documents. A copula ("X is Y") states no agent and is left out."""
    out: list[Frame] = []
    for c in side.local.claims:
        if c.predicate == "be":
            continue
        subject = _argument(side, c.subject, c.subject_span, c.subject_side)
        obj = _argument(side, c.object, c.object_span, c.object_side)
        if subject is None and obj is None:
            continue
        out.append(Frame(c.predicate, c.predicate_span, subject, obj, c.negated))
    return out


def _argument(
    side: _Side, name: str | None, span: Span | None, arg_side: str | None
) -> Referent | None:
    """A claim argument as a `Referent`: a person (keyed by surname), a place's side or
    another name, a pronoun as written, or a common noun with the side it names."""
    if name is None or span is None:
        return None
    head = _phrase_head(side.doc, span)
    if head is None:
        return None
    if span == head.span and (head.pos == "PRON" or head.lemma.lower() in PRONOUNS):
        return Referent(head.lemma.lower(), "pronoun", span)
    if side.ledger.person(name) is not None:
        return Referent(side_key(name.split()[-1]), "name", span)
    if head.pos == "PROPN" or is_side(name):
        return Referent(side_key(name), "name", span)
    return Referent(spelling_key(name), "noun", span, side_key(arg_side) if arg_side else None)


def _agent_changes(a: _Side, s: _Side) -> list[Finding]:
    out: list[Finding] = []
    fs = _frames(s)
    for f in _frames(a):
        if f.subject is None or f.object is None or f.subject.kind == "pronoun":
            continue
        if a.in_quote(f.predicate_span):
            continue
        for g in fs:
            if g.predicate != f.predicate or g.subject is None or g.object is None:
                continue
            swapped = _strict_same(f.object, g.subject) and not _strict_same(f.subject, g.subject)
            swapped = swapped or (
                _strict_same(f.subject, g.object)
                and not _strict_same(f.object, g.object)
                and f.object.kind != "pronoun"
            )
            if not swapped:
                continue
            if any(
                _strict_same(f.subject, h.subject) and _strict_same(f.object, h.object)
                for h in fs
                if h.predicate == f.predicate
            ):
                continue
            out.append(_inversion(f, g, a, s))
            break
    return out


def _inversion(f: Frame, g: Frame, a: _Side, s: _Side) -> Finding:
    assert f.subject and f.object and g.subject and g.object
    spans = [f.subject.span, f.predicate_span, f.object.span]
    span = Span(min(x.start for x in spans), max(x.end for x in spans))
    src_spans = [g.subject.span, g.predicate_span, g.object.span]
    src = Span(min(x.start for x in src_spans), max(x.end for x in src_spans))
    return _finding(
        "source.agent_inverted",
        f"The article has {a.text_of(f.subject.span)} as the one who does “{f.predicate}” to "
        f"{a.text_of(f.object.span)}; in the source it is {s.text_of(g.subject.span)} who does "
        f"it to {s.text_of(g.object.span)}.",
        span,
        [s.evidence(src)],
    )


# --- who said it, and how ------------------------------------------------------------------


def _pair_reports(
    ra: list[ReportingFrame], rs: list[ReportingFrame]
) -> list[tuple[ReportingFrame, ReportingFrame | None]]:
    """Each source report with its article counterpart: same speaker first, then in order."""
    pairs: dict[int, int] = {}
    for i, r in enumerate(rs):
        for j, x in enumerate(ra):
            if j in pairs.values() or r.speaker is None or x.speaker is None:
                continue
            if _strict_same(r.speaker, x.speaker) and cue_class(r.cue) == cue_class(x.cue):
                pairs[i] = j
                break
    for i, r in enumerate(rs):
        if i in pairs:
            continue
        for j, x in enumerate(ra):
            if j in pairs.values() or r.speaker is None or x.speaker is None:
                continue
            if _strict_same(r.speaker, x.speaker):
                pairs[i] = j
                break
    rest = [j for j in range(len(ra)) if j not in pairs.values()]
    for i in range(len(rs)):
        if i not in pairs and rest:
            pairs[i] = rest.pop(0)
    return [(r, ra[pairs[i]] if i in pairs else None) for i, r in enumerate(rs)]


def _reports(side: _Side) -> list[ReportingFrame]:
    """The ledger's reporting frames in these sentences, with their speakers as referents.
    Cues inside quoted words are already left out by the ledger."""
    out: list[ReportingFrame] = []
    for at in side.local.attributions:
        who = _speaker_referent(side, at)
        out.append(ReportingFrame(at.cue, at.cue_span, who, who.span if who else None))
    return out


def _speaker_referent(side: _Side, at: Attribution) -> Referent | None:
    """What a frame's speaker refers to: a person (keyed by surname) or a named body, a
    pronoun, or a common noun with the side it names ("a Ukrainian diplomatic source")."""
    if at.speaker is None or at.speaker_span is None:
        return None
    span = at.speaker_span
    head = _phrase_head(side.doc, span)
    if head is None:
        return None
    if head.pos == "PRON" or head.lemma.lower() in PRONOUNS:
        return Referent(head.lemma.lower(), "pronoun", span)
    person = side.ledger.person(at.speaker)
    if person is not None:
        # the name itself, not the title before it ("Governor Tom Reyes" -> "Tom Reyes")
        named = [m for m in person.mentions if span.contains(m)]
        return Referent(side_key(person.name.split()[-1]), "name", named[-1] if named else span)
    if head.pos == "PROPN":
        return Referent(side_key(head.text), "name", span)
    found, _ = np_side(side.doc, head)
    return Referent(spelling_key(head.lemma), "noun", span, side_key(found) if found else None)


def _still_named(speaker: Referent, a: _Side) -> bool:
    """Whether the article still names the speaker somewhere in the pair (a pronoun speaker
    counts as named when the article has any reporting frame with a speaker)."""
    if speaker.kind == "pronoun":
        return any(r.speaker is not None for r in _reports(a))
    return any(
        spelling_key(t.text) == speaker.key or side_key(t.text) == speaker.key for t in a.tokens
    ) or any(spelling_key(t.lemma) == speaker.key for t in a.tokens)


def _attribution_changes(a: _Side, s: _Side) -> list[Finding]:
    out: list[Finding] = []
    ra = [r for r in _reports(a) if not a.in_quote(r.cue_span)]
    rs = [r for r in _reports(s) if not s.in_quote(r.cue_span)]
    if not rs:
        return out
    for r, x in _pair_reports(ra, rs):
        if r.speaker is None:
            continue
        assert r.speaker_span is not None
        who = s.text_of(r.speaker_span)
        if x is None:
            if not _still_named(r.speaker, a):
                out.append(
                    _finding(
                        "source.speaker_dropped",
                        f"The source attributes this to {who}; the article names no speaker.",
                        a.span,
                        [
                            s.evidence(
                                Span(
                                    min(r.cue_span.start, r.speaker_span.start),
                                    max(r.cue_span.end, r.speaker_span.end),
                                )
                            )
                        ],
                        suggestion=who,
                    )
                )
            continue
        if x.speaker is None:
            if _still_named(r.speaker, a):
                continue  # "The company rejects ... and says": the speaker is still there
            out.append(
                _finding(
                    "source.speaker_dropped",
                    f"The source attributes this to {who}; the article's attribution has no "
                    "speaker.",
                    x.cue_span,
                    [s.evidence(r.speaker_span)],
                    suggestion=who,
                )
            )
            continue
        if r.speaker.clearly_differs(x.speaker) and r.speaker.kind == "name":
            assert x.speaker_span is not None
            out.append(
                _finding(
                    "source.speaker_changed",
                    f"The article gives these words to {a.text_of(x.speaker_span)}; the source "
                    f"attributes them to {who}.",
                    x.speaker_span,
                    [s.evidence(r.speaker_span)],
                    suggestion=who,
                )
            )
        ca, cs = cue_class(x.cue), cue_class(r.cue)
        if ca != cs and ca != "neutral":
            out.append(
                _finding(
                    "source.attribution_verb_changed",
                    f"The article reports this with “{a.text_of(x.cue_span)}” where the source "
                    f"has “{s.text_of(r.cue_span)}”.",
                    x.cue_span,
                    [s.evidence(r.cue_span)],
                    suggestion=s.text_of(r.cue_span) if cs == "neutral" else None,
                )
            )
    return out


# --- numbers -----------------------------------------------------------------------------------


def _number_changes(a: _Side, s: _Side) -> list[Finding]:
    fa = figures(a.doc, a.sentences, a.local, a.numbers)
    fs = figures(s.doc, s.sentences, s.local, s.numbers)
    left_s = list(fs)
    left_a: list[Figure] = []
    for f in fa:
        twin = next((g for g in left_s if g.same_as(f)), None)
        if twin is None:
            left_a.append(f)
        else:
            left_s.remove(twin)
    out: list[Finding] = []
    for f in left_a:
        twin = next((g for g in left_s if g.comparable(f) and (g.unit or g.dimension)), None)
        if twin is None and f.unit is None:
            twin = next((g for g in left_s if g.unit is None and g.dimension is None), None)
        if twin is None:
            continue
        left_s.remove(twin)
        out.append(
            _finding(
                "source.number_changed",
                f"The article has “{a.text_of(f.span).strip()}” where the source has "
                f"“{s.text_of(twin.span).strip()}”.",
                f.span,
                [s.evidence(twin.span)],
                suggestion=s.text_of(twin.span).strip(),
            )
        )
    return out


# --- negation and hedging ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Polarity:
    """One clause's predicate from the ledger, with whether it is negated and hedged."""

    key: str  # the verb; a copula is keyed by its complement ("be possible" -> "possible")
    span: Span  # the predicate with its auxiliaries and "not", as shown to the reader
    negated: bool
    hedged: bool
    claim: Claim


def _polarities(side: _Side) -> list[_Polarity]:
    """One entry per predicate in these sentences (a claim repeated for coordinated arguments
    counts once), leaving out predicates inside quotations."""
    by_span: dict[Span, _Polarity] = {}
    for c in side.local.claims:
        if side.in_quote(c.predicate_span):
            continue
        # The verb alone: the parser reads "walked out" with a particle and "did not walk out"
        # with a preposition, and the claim's predicate follows it.
        key = spelling_key(c.predicate.split()[0])
        if c.predicate == "be":
            if c.object is None:
                continue
            key = " ".join(spelling_key(w) for w in c.object.split())
        seen = by_span.get(c.predicate_span)
        negated = c.negated or (seen is not None and seen.negated)
        by_span[c.predicate_span] = _Polarity(
            key, _shown_predicate(side, c), negated, c.hedged, seen.claim if seen else c
        )
    return sorted(by_span.values(), key=lambda p: p.span.start)


def _shown_predicate(side: _Side, c: Claim) -> Span:
    """The predicate as a reader sees it: the verb with the auxiliaries and "not" before it
    ("will not raise"), from the verb or adjective that governs it through "to" ("is not
    ready to take", "failed to reach", "is expected to attend")."""
    doc = side.doc
    verb = next(iter(doc.tokens_in(c.predicate_span)), None)
    if verb is None:
        return c.predicate_span
    top = verb
    while top.dep in {"xcomp", "acomp"} and top.head != top.i:
        top = doc.tokens[top.head]
    parts = [verb, top] + [
        x
        for v in {verb.i: verb, top.i: top}.values()
        for x in doc.children(v.i)
        if x.dep in {"aux", "auxpass", "neg"} and x.i < v.i
    ]
    return Span(min(t.start for t in parts), max(c.predicate_span.end, verb.end))


def _hedge_word(side: _Side, c: Claim) -> str:
    """The word that hedges a claim as written ("could", "expected", "reportedly")."""
    for t in side.doc.tokens_in(c.span):
        low = t.text.lower()
        if (t.tag == "MD" and low in HEDGE_MODALS) or low in HEDGE_ADVERBS:
            return t.text
        if t.lemma.lower() in HEDGE_CONTROL and not c.predicate_span.contains(t.span):
            return t.text
    return side.text_of(c.predicate_span)


def _polarity_changes(a: _Side, s: _Side) -> list[Finding]:
    pa, ps = _polarities(a), _polarities(s)
    by_key: dict[str, list[_Polarity]] = {}
    for p in ps:
        by_key.setdefault(p.key, []).append(p)
    out: list[Finding] = []
    seen: set[str] = set()
    for p in pa:
        src = by_key.get(p.key)
        if not src or p.key in seen:
            continue
        mine = [x for x in pa if x.key == p.key]
        if sum(x.negated for x in mine) != sum(x.negated for x in src) and len(mine) == len(src):
            seen.add(p.key)
            flipped = next((x for x, y in zip(mine, src) if x.negated != y.negated), mine[0])
            was = src[mine.index(flipped)]
            out.append(
                _finding(
                    "source.negation_flipped",
                    f"“{a.text_of(flipped.span)}” is "
                    f"{'negated' if flipped.negated else 'stated'} here but "
                    f"{'negated' if was.negated else 'not negated'} in the source "
                    f"(“{s.text_of(was.span)}”).",
                    flipped.span,
                    [s.evidence(was.span)],
                )
            )
            continue
        hedged_src = [x for x in src if x.hedged]
        if hedged_src and not any(x.hedged for x in mine):
            seen.add(p.key)
            was = hedged_src[0]
            out.append(
                _finding(
                    "source.hedge_removed",
                    f"The source hedges this (“{_hedge_word(s, was.claim)}”); the article "
                    f"states “{a.text_of(p.span)}” as fact.",
                    p.span,
                    [s.evidence(was.span)],
                )
            )
    return out


__all__ = ["ENTAILMENT_DISMISS", "Entailment", "diff_pair", "is_content"]
