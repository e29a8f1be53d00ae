"""Quotations and attributions: who is reported as saying what, and in which words.

Attributions are reporting frames read from the parse: a cue ("said", "told", "according
to", "claimed"...), its speaker, and what is reported. Quotations are the words the article
presents as someone's: those between quotation marks, and the unmarked direct speech of
"<clause>, <speaker> told reporters." Each quotation is given the speaker of the frame in its
sentence, or failing that of the sentence just before or after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import accumulate

from copydesk.ledger.model import Attribution, Person, Quotation
from copydesk.lexicon.reporting import CUE_VERBS, SOURCE_CUES, SPEECH_CUES
from copydesk.model import Span, SpanIndex
from copydesk.nlp.annotate import Annotated, Sentence, Token

#: A quotation that is a whole line of its own, without closing punctuation and at most this
#: many words, is a headline or subheading quoting a phrase ("“Keeping the conversation
#: going”"), not speech to attribute from neighbouring sentences. News subheadings run to
#: about eight words; twelve leaves room for long ones while a spoken sentence of that
#: length would end with a full stop.
HEADLINE_MAX_WORDS = 12
#: A quoted phrase of at most this many words inside a sentence is a quoted term or scare
#: quote ("a “puppet”", "“50 days”"); it takes a speaker only from a frame in its own
#: sentence, and is never reported as an unattributed quotation. Four words covers the
#: quoted terms and fragments in the seed's coverage ("a lot of work") while a five-word
#: quotation is usually a clause someone said.
FRAGMENT_MAX_WORDS = 4

#: Pronouns that stand for one person, to be read as the person named before them (a speaker
#: here, a claim's argument in `ledger.claims`).
PRONOUNS = frozenset({"he", "she", "him", "her"})
_SPEAKER_DEPS = frozenset({"compound", "amod", "det", "nmod", "poss", "case", "nummod", "flat"})

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‹"
_SINGLE_CLOSE = "’›"
_PUNCT_BEFORE_CLOSE = ",.!?;:…—–-)"
_SPACE = " \t\u00a0\u2009\u202f"
_CUES = CUE_VERBS | SOURCE_CUES


@dataclass(frozen=True, slots=True)
class AttributionTokens:
    """An attribution with the tokens it was read from (for resolving quotations)."""

    attribution: Attribution
    cue_token: int
    speaker_token: int | None


class _Quotes:
    """The quotations a cue may report, in text order (as `marked_spans` gives them), with
    the look-ups each cue makes answered by binary search rather than a scan of them all."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._index = SpanIndex(spans)
        self._starts = [q.start for q in spans]
        by_end = sorted(range(len(spans)), key=lambda i: spans[i].end)
        self._ends = [spans[i].end for i in by_end]
        # the last (in text order) of the quotations ending first, for each count of them
        self._last_ending = list(accumulate(by_end, max))

    def hold(self, span: Span) -> bool:
        """Whether some quotation contains ``span``."""
        return bool(self._index.containing(span))

    def in_sentence(self, sent: Sentence) -> list[Span]:
        """The quotations that start in ``sent`` or contain it, in text order."""
        lo = bisect_left(self._starts, sent.start)
        hi = bisect_left(self._starts, sent.end, lo)
        found = set(range(lo, hi)).union(self._index.containing(sent.span))
        return [self.spans[i] for i in sorted(found)]

    def first_from(self, offset: int) -> Span | None:
        """The first quotation starting at or after ``offset``."""
        k = bisect_left(self._starts, offset)
        return self.spans[k] if k < len(self.spans) else None

    def last_ending_by(self, offset: int) -> Span | None:
        """The last quotation, in text order, of those ending at or before ``offset``."""
        k = bisect_right(self._ends, offset)
        return self.spans[self._last_ending[k - 1]] if k else None


class _People:
    """The known people, indexed by their mentions and surnames."""

    def __init__(self, people: tuple[Person, ...]) -> None:
        self.people = people
        owners = [k for k, p in enumerate(people) for _ in p.mentions]
        self._owners = owners
        self._mentions = SpanIndex([m for p in people for m in p.mentions])
        self._by_surname: dict[str, list[int]] = defaultdict(list)
        for k, p in enumerate(people):
            if p.name.split():
                self._by_surname[p.name.split()[-1].lower()].append(k)

    def at(self, span: Span) -> Person | None:
        """The first person with a mention overlapping ``span``."""
        found = self._mentions.overlapping(span)
        return self.people[min(self._owners[i] for i in found)] if found else None

    def by_surname(self, words: set[str]) -> list[Person]:
        """The people whose surname is one of ``words``, in their order."""
        found = sorted(k for w in words for k in self._by_surname.get(w, ()))
        return [self.people[k] for k in found]


# Quotation marks ---------------------------------------------------------------------------


def _role(line: str, i: int) -> str:
    """ "open", "close" or "" for the quotation mark at ``line[i]``, read from what is around it
    (so that a misused “ closing a quote, as in “very difficult,“ still closes it)."""
    c = line[i]
    prev = line[i - 1] if i > 0 else " "
    nxt = line[i + 1] if i + 1 < len(line) else " "
    after_space = prev in _SPACE or prev in "([{—–-/" or prev in _DOUBLE_OPEN + _SINGLE_OPEN
    before_space = nxt in _SPACE or nxt in _PUNCT_BEFORE_CLOSE or nxt in _DOUBLE_CLOSE + "'’"
    if c in "'’":
        if prev.isalnum() and nxt.isalnum():
            return ""  # apostrophe: "Kyiv's", "don’t"
        if after_space and (nxt.isalnum() or nxt in '“"‘'):
            return "open"
        if (prev.isalnum() or prev in _PUNCT_BEFORE_CLOSE) and before_space:
            return "close"
        return ""
    if c in _SINGLE_OPEN + _DOUBLE_OPEN:
        return "close" if (not after_space and before_space) else "open"
    if c in _SINGLE_CLOSE + _DOUBLE_CLOSE:
        return "open" if (after_space and not before_space) else "close"
    # straight double quote
    if after_space and not before_space:
        return "open"
    if before_space and not after_space:
        return "close"
    return ""


def _pairs(line: str, offset: int, double: bool) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of marks of one kind on one line.
    A quotation left open at the end of a line runs to the end of the line (news style opens
    a new mark for each paragraph of a long quotation and closes only the last)."""
    marks = '“”„«»"' if double else "‘’‹›'"
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, c in enumerate(line):
        if c not in marks:
            continue
        role = _role(line, i)
        if role == "" and c == '"':  # 'said,"We': a straight mark between words toggles
            role = "open" if open_at is None else "close"
        if role == "open" and (open_at is None or c == '"'):
            open_at = i
        elif (
            role == "close"
            and open_at is not None
            and (double or _plausible_single_close(line, open_at, i))
        ):
            out.append((offset + open_at + 1, offset + i))
            open_at = None
    if open_at is not None and double and len(line[open_at + 1 :].split()) >= 2:
        out.append((offset + open_at + 1, offset + len(line.rstrip())))
    return out


def _plausible_single_close(line: str, open_at: int, i: int) -> bool:
    """A ’ after "s" followed by a lower-case word is the plural possessive ("soldiers’
    remains"), not a closing mark, unless no better closing mark follows."""
    prev, nxt = line[i - 1], line[i + 1 : i + 3].strip()
    if prev == "s" and nxt[:1].islower():
        rest = line[i + 1 :]
        return not any(_role(line, i + 1 + j) == "close" for j, c in enumerate(rest) if c in "’'")
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _SPACE or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in _SPACE or text[end - 1] in ",\n"):
        end -= 1
    return start, end


def marked_spans(text: str) -> list[tuple[Span, bool]]:
    """Every quotation between marks in ``text``: (span of the words inside, nested?).
    Double marks first; single marks count as quotation marks outside double quotes (some
    outlets quote with ‘...’) and as nested quotations inside them."""
    spans: list[tuple[Span, bool]] = []
    offset = 0
    for line in text.split("\n"):
        doubles = _pairs(line, offset, True)
        singles = _pairs(line, offset, False)
        for s, e in doubles:
            s, e = _trim(text, s, e)
            if e > s and any(ch.isalpha() for ch in text[s:e]):
                spans.append((Span(s, e), False))
        for s, e in singles:
            s, e = _trim(text, s, e)
            if e <= s or not any(ch.isalpha() for ch in text[s:e]):
                continue
            nested = any(ds <= s and e <= de for ds, de in doubles)
            crosses = any(ds < s < de < e or s < ds < e < de for ds, de in doubles)
            if not crosses:
                spans.append((Span(s, e), nested))
        offset += len(line) + 1
    return sorted(spans, key=lambda x: (x[0].start, x[0].end))


# Attributions ------------------------------------------------------------------------------


def _speaker_tokens(doc: Annotated, head: Token) -> list[Token]:
    """The speaker's name phrase: the head with its compounds, modifiers, determiners and
    coordinated names, without appositions, clauses or prepositional phrases."""
    keep = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in doc.children(t.i):
            if c.dep in _SPEAKER_DEPS or (c.dep in ("cc", "conj") and t.i == head.i):
                keep.append(c)
                stack.append(c)
    return sorted(keep, key=lambda t: t.i)


def _speaker_of(doc: Annotated, head: Token) -> tuple[str, Span, Token]:
    toks = _speaker_tokens(doc, head)
    span = Span(toks[0].start, toks[-1].end)
    return doc.text[span.start : span.end], span, head


def _subject(doc: Annotated, verb: Token) -> Token | None:
    for c in doc.children(verb.i):
        if c.dep in ("nsubj", "nsubjpass") and c.tag != "EX":
            return c
    return None


def _find_speaker(doc: Annotated, verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject; for "who added" the noun the clause hangs on;
    for "X reiterated ... and said" or "X cautioned ..., saying" the subject of the verb it
    is joined to."""
    subj = _subject(doc, verb)
    if subj is not None:
        if subj.tag in ("WP", "WDT") and verb.dep == "relcl":
            return doc.tokens[verb.head]
        return subj
    if verb.dep == "relcl":
        return doc.tokens[verb.head]
    after = doc.tokens[verb.i + 1] if verb.i + 1 < len(doc.tokens) else None
    if (
        verb.lemma != "tell"  # "told reporters": the noun after is the hearer
        and after is not None
        and after.head == verb.i
        and after.pos in ("PROPN", "NOUN")
    ):
        return after  # inverted: "..., says Kremlin"
    if verb.dep == "conj" or (verb.tag == "VBG" and verb.dep in ("advcl", "xcomp")):
        head = doc.tokens[verb.head]
        if head.pos in ("VERB", "AUX") and head.i != verb.i:
            return _subject(doc, head)
    return None


def _clause_span(doc: Annotated, tok: Token) -> Span:
    sub = [t for t in doc.subtree(tok.i) if not t.is_space]
    while sub and (sub[0].text.lower() == "that" or sub[0].is_punct):
        if sub[0].text in "“\"‘'":
            break
        sub = sub[1:]
    while sub and sub[-1].is_punct and sub[-1].text not in "”\"’'":
        sub = sub[:-1]
    if not sub:
        return tok.span
    return Span(sub[0].start, sub[-1].end)


def _sentence_span(doc: Annotated, sent: int) -> Span:
    return doc.sentences[sent].span


def _content_around(doc: Annotated, frame: Span, sent: int) -> Span | None:
    """The rest of the sentence when the frame sits at its start or end ("According to X,
    ...", "..., X said."), without the separating comma."""
    s = _sentence_span(doc, sent)
    text = doc.text
    before = text[s.start : frame.start].rstrip(_SPACE + ",;:—–")
    after_start = frame.end
    while after_start < s.end and text[after_start] in _SPACE + ",;:—–":
        after_start += 1
    after = Span(after_start, s.end)
    if len(before.split()) >= len(text[after.start : after.end].split()):
        end = s.start + len(before)
        return Span(s.start, end) if end > s.start else None
    return after if after.end > after.start else None


def _strip_end_punct(doc: Annotated, span: Span) -> Span:
    end = span.end
    while end > span.start and doc.text[end - 1] in ".!?":
        end -= 1
    return Span(span.start, end)


def _cue_frames(doc: Annotated, quotes: _Quotes) -> list[AttributionTokens]:
    frames: list[AttributionTokens] = []
    for tok in doc.tokens:
        if tok.is_space or tok.pos not in ("VERB", "AUX"):
            continue
        if tok.lemma in _CUES:
            frame = _verb_frame(doc, tok, quotes)
        elif tok.text.lower() == "according" and tok.i + 1 < len(doc.tokens):
            frame = _according_frame(doc, tok)
        else:
            continue
        if frame is not None:
            frames.append(frame)
    return frames


def _verb_frame(doc: Annotated, verb: Token, quotes: _Quotes) -> AttributionTokens | None:
    if doc.is_passive(verb):
        return None  # "was told", "it is claimed": no speaker to name
    sent = doc.sentences[verb.sent]
    if verb.lemma in SOURCE_CUES:
        if verb.tag != "VBG":
            return None
        obj = next((c for c in doc.children(verb.i) if c.dep == "dobj"), None)
        if obj is None:
            return None
        phrase, span, head = _speaker_of(doc, obj)
        cue_span = Span(verb.start, verb.end)
        around = _content_around(doc, Span(verb.start, span.end), verb.sent)
        return AttributionTokens(
            Attribution(verb.lemma, cue_span, phrase, span, around, verb.sent), verb.i, head.i
        )
    content: Span | None = None
    ccomp = next((c for c in doc.children(verb.i) if c.dep == "ccomp"), None)
    if ccomp is not None and not _demand_clause(doc, verb, ccomp):
        content = _clause_span(doc, ccomp)
    in_sentence = quotes.in_sentence(sent)
    if content is None and in_sentence:
        content = min(in_sentence, key=lambda q: _distance(q, verb.span))
    mark_as = next(
        (c for c in doc.children(verb.i) if c.dep == "mark" and c.text.lower() == "as"), None
    )
    if content is None and mark_as is not None:  # "..., as Ukraine had previously claimed."
        content = _content_around(doc, Span(mark_as.start, verb.end), verb.sent)
        if content is not None:
            content = _strip_end_punct(doc, content)
    if content is None and verb.i + 1 < sent.token_end:
        nxt = doc.tokens[verb.i + 1]
        if nxt.text.lower() == "that" and nxt.dep == "mark":
            content = _strip_end_punct(doc, Span(nxt.end + 1, sent.end))
    if content is None and _ends_after_clause(doc, verb):
        content = _content_around(doc, Span(verb.start, verb.end), verb.sent)
    if content is None and doc.text[verb.end : sent.end].rstrip().endswith(":"):
        later = quotes.first_from(sent.end)
        following = doc.sentences[verb.sent + 1] if verb.sent + 1 < len(doc.sentences) else None
        if later and following is not None and later.start <= following.end:
            content = later  # "The minister told parliament:\n“...”"
    if content is None and _refers_back(doc, verb):
        earlier = quotes.last_ending_by(sent.start)
        if earlier and verb.sent > 0 and earlier.end >= doc.sentences[verb.sent - 1].start:
            content = earlier  # "“...” The mayor said this on Tuesday."
    if content is None or content.end <= content.start:
        return None
    speaker = _find_speaker(doc, verb)
    if speaker is None:
        attribution = Attribution(verb.lemma, verb.span, None, None, content, verb.sent)
        return AttributionTokens(attribution, verb.i, None)
    phrase, span, head = _speaker_of(doc, speaker)
    return AttributionTokens(
        Attribution(verb.lemma, verb.span, phrase, span, content, verb.sent), verb.i, head.i
    )


def _refers_back(doc: Annotated, verb: Token) -> bool:
    """ "said this", "said so": the words reported are the ones just quoted."""
    return any(
        (c.dep == "dobj" and c.text.lower() in ("this", "that", "it"))
        or (c.dep == "advmod" and c.text.lower() == "so")
        for c in doc.children(verb.i)
    )


def _trim_content(text: str, span: Span | None) -> Span | None:
    """Content without surrounding quotation marks, spaces and closing punctuation."""
    if span is None:
        return None
    s, e = span.start, span.end
    while s < e and text[s] in _SPACE + "“”\"‘’'«»„":
        s += 1
    while e > s and text[e - 1] in _SPACE + "“”\"‘’'«»„.,;:":
        e -= 1
    return Span(s, e) if e > s else span


def _trim_span(doc: Annotated, span: Span) -> Span:
    s, e = span.start, span.end
    while e > s and doc.text[e - 1] in _SPACE + ",;:":
        e -= 1
    return Span(s, e)


def _ends_after_clause(doc: Annotated, verb: Token) -> bool:
    """ "..., he said." / "“...,” said." : the cue (with its speaker, when that comes first)
    follows a comma or closing mark, and at most a hearer or a time ("reporters", "on
    Tuesday") stands between it and the end of the sentence."""
    sent = doc.sentences[verb.sent]
    left = verb.start
    speaker = _find_speaker(doc, verb)
    if speaker is not None and speaker.i < verb.i:
        left = _speaker_of(doc, speaker)[1].start
    before = doc.text[sent.start : left].rstrip(_SPACE)
    if not before or before[-1] not in ",”\"’'":
        return False
    tail = doc.text[verb.end : sent.end].split()
    if tail[:1] == ["to"]:  # "..., the source claimed to Reuters news agency."
        tail = tail[1:]
    return len(tail) <= 3 and not any(ch in w for w in tail for ch in '“"‘')


def _demand_clause(doc: Annotated, verb: Token, ccomp: Token) -> bool:
    """ "Russia insists Ukraine withdraw": a demand (bare verb, no auxiliary), not a report."""
    if verb.lemma != "insist" or ccomp.tag != "VB":
        return False
    return not any(c.dep in ("aux", "auxpass") for c in doc.children(ccomp.i))


def _distance(a: Span, b: Span) -> int:
    if a.overlaps(b):
        return 0
    return b.start - a.end if a.end <= b.start else a.start - b.end


def _according_frame(doc: Annotated, according: Token) -> AttributionTokens | None:
    to = doc.tokens[according.i + 1]
    if to.text.lower() != "to":
        return None
    cue_span = Span(according.start, to.end)
    pobj = next((c for c in doc.children(to.i) if c.dep == "pobj"), None)
    slot = doc.text[to.end : to.end + 20]
    empty = re.match(r"[\s\u00a0\u2009\u202f]*(?=[,;:.“\"”]|$)", slot)
    if pobj is None or empty:
        content = _content_around(doc, Span(according.start, to.end), according.sent)
        attribution = Attribution("according to", cue_span, None, None, content, according.sent)
        return AttributionTokens(attribution, according.i, None)
    phrase, span, head = _speaker_of(doc, pobj)
    content = _content_around(doc, Span(according.start, span.end), according.sent)
    attribution = Attribution("according to", cue_span, phrase, span, content, according.sent)
    return AttributionTokens(attribution, according.i, head.i)


def empty_slot(doc: Annotated, attribution: Attribution) -> Span | None:
    """The cue and its empty speaker slot when the speaker is missing from the text itself
    (not merely unresolved): "According to  ," / "“...,” said." / ", told reporters."."""
    if attribution.speaker is not None:
        return None
    text = doc.text
    cue = attribution.cue_span
    if attribution.cue == "according to":
        m = re.match(r"[ \t\u00a0\u2009\u202f]*[,;:.“\"”]?", text[cue.end : cue.end + 20])
        end = cue.end + (m.end() if m else 0)
        return Span(cue.start, end) if text[cue.end : end].strip() or end > cue.end else None
    verb = next((t for t in doc.tokens_in(cue) if t.start == cue.start), None)
    if verb is None or verb.tag not in ("VBD", "VBZ", "VBP") or verb.dep in ("conj", "relcl"):
        return None
    if verb.lemma in SOURCE_CUES:
        return None
    before = text[: cue.start].rstrip(_SPACE)
    if not before or before[-1] not in ",”\"’'":
        return None
    m = re.match(
        r"(?:[ \t\u00a0]+(?:reporters|journalists|the press|the media|AFP|Reuters|AP))?"
        r"[ \t\u00a0]*[,.;:]",
        text[cue.end : cue.end + 40],
    )
    if not m:
        return None
    return Span(cue.start, cue.end + m.end())


def _frames(doc: Annotated, quotes: _Quotes) -> list[AttributionTokens]:
    frames = [
        replace(
            f,
            attribution=replace(
                f.attribution, content_span=_trim_content(doc.text, f.attribution.content_span)
            ),
        )
        for f in _cue_frames(doc, quotes)
        # a cue inside quoted words is part of what was said, not the article's attribution
        if not quotes.hold(f.attribution.cue_span)
    ]
    return sorted(frames, key=lambda f: f.attribution.cue_span.start)


# Speakers ----------------------------------------------------------------------------------


def _resolve(
    frame: AttributionTokens, people: _People, subjects: list[tuple[int, str]]
) -> Attribution:
    """Map a frame's speaker phrase to a `Person.name` when the people are known.
    ``subjects`` is `_named_subjects`, sorted."""
    a = frame.attribution
    if not people.people or a.speaker is None or a.speaker_span is None:
        return a
    if a.speaker.lower() in PRONOUNS:
        k = bisect_left(subjects, a.speaker_span.start, key=lambda s: s[0])
        return replace(a, speaker=subjects[k - 1][1]) if k else a
    person = people.at(a.speaker_span)
    if person is None:
        matches = people.by_surname({w.strip(".,").lower() for w in a.speaker.split()})
        person = matches[0] if len(matches) == 1 else None
    return replace(a, speaker=person.name) if person else a


def _in_subject(doc: Annotated, tok: Token) -> bool:
    """Whether a token is a clause subject or part of one through names and appositions
    ("The mayor of Kyiv, Vitali Klitschko, opened ...")."""
    seen = 0
    while tok.dep in ("compound", "flat", "appos") and seen < 5:
        tok = doc.tokens[tok.head]
        seen += 1
    return tok.dep in ("nsubj", "nsubjpass")


def _named_subjects(
    doc: Annotated, people: _People, frames: list[AttributionTokens]
) -> list[tuple[int, str]]:
    """(offset, person name) for every mention of a known person that is a clause subject or
    the named speaker of a frame ("quoting governor Oleksandr Prokudin"), in text order: what
    "he" and "she" are resolved to."""
    out: list[tuple[int, str]] = []
    for p in people.people:
        for m in p.mentions:
            if any(_in_subject(doc, t) for t in doc.tokens_in(m)):
                out.append((m.start, p.name))
    for f in frames:
        span = f.attribution.speaker_span
        speaker = f.attribution.speaker
        if span is not None and speaker is not None and speaker.lower() not in PRONOUNS:
            person = people.at(span)
            if person is not None:
                out.append((span.start, person.name))
    return sorted(out)


# Public API --------------------------------------------------------------------------------


def _analyse(
    doc: Annotated, people: tuple[Person, ...]
) -> tuple[list[tuple[Span, bool]], list[Attribution], list[AttributionTokens]]:
    marked = marked_spans(doc.article.body)
    frames = _frames(doc, _Quotes([s for s, nested in marked if not nested]))
    known = _People(people)
    subjects = _named_subjects(doc, known, frames)
    resolved = [_resolve(f, known, subjects) for f in frames]
    return marked, resolved, frames


def is_headline_quote(text: str, quote: Span) -> bool:
    """Whether a quotation is a line to itself (marks aside) with no closing punctuation and
    at most `HEADLINE_MAX_WORDS` words: a headline or subheading, not someone's speech."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    outside = text[line_start : quote.start] + text[quote.end : line_end]
    if outside.strip(_SPACE + "“”\"‘’'«»„"):
        return False
    words = quote.of(text)
    return words.rstrip()[-1:] not in ".!?…" and len(words.split()) <= HEADLINE_MAX_WORDS


def _sentences_of(doc: Annotated, span: Span) -> list[int]:
    return [s.index for s in doc.sentences_over(span)]


class _Frames:
    """The attributions of an article, by sentence (each sentence's in their order)."""

    def __init__(self, attributions: list[Attribution]) -> None:
        self._of: dict[int, list[tuple[int, Attribution]]] = defaultdict(list)
        for k, a in enumerate(attributions):
            self._of[a.sentence].append((k, a))

    def of(self, sentences: list[int]) -> list[Attribution]:
        """The attributions in any of ``sentences``, in their order."""
        return [a for _, a in sorted(x for s in set(sentences) for x in self._of.get(s, ()))]


def _frame_for(doc: Annotated, quote: Span, attributions: _Frames) -> Attribution | None:
    """The frame a quotation belongs to: one in its own sentence(s), the nearest cue first and
    one whose content holds it before others; failing that, the last frame of the sentence
    before, then the first of the sentence after."""
    sents = _sentences_of(doc, quote)
    if not sents:
        return None
    if is_headline_quote(doc.text, quote):
        return None
    own = attributions.of(sents)
    if own:
        holding = [a for a in own if a.content_span is not None and a.content_span.overlaps(quote)]
        pool = holding or own
        return min(pool, key=lambda a: _distance(a.cue_span, quote))
    if len(quote.of(doc.text).split()) <= FRAGMENT_MAX_WORDS:
        return None
    before = [a for a in attributions.of([sents[0] - 1]) if a.speaker is not None]
    if before:
        return before[-1]
    after = [a for a in attributions.of([sents[-1] + 1]) if a.speaker is not None]
    return after[0] if after else None


def extract_attributions(doc: Annotated, people: tuple[Person, ...]) -> tuple[Attribution, ...]:
    """Every reporting frame in the article, with its speaker (None when the text has none)."""
    _, attributions, _ = _analyse(doc, people)
    return tuple(attributions)


def extract_quotations(doc: Annotated, people: tuple[Person, ...]) -> tuple[Quotation, ...]:
    """Marked quotations (double, single, nested) and unmarked direct speech, with speakers."""
    return quotations_and_attributions(doc, people)[0]


def quotations_and_attributions(
    doc: Annotated, people: tuple[Person, ...]
) -> tuple[tuple[Quotation, ...], tuple[Attribution, ...]]:
    """`extract_quotations` and `extract_attributions` from one reading of the article."""
    marked, attributions, _ = _analyse(doc, people)
    return _quotations(doc, marked, attributions), tuple(attributions)


def _quotations(
    doc: Annotated, marked: list[tuple[Span, bool]], attributions: list[Attribution]
) -> tuple[Quotation, ...]:
    by_sentence = _Frames(attributions)
    out: list[Quotation] = []
    previous: tuple[Span, Attribution | None] | None = None
    for span, nested in marked:
        sents = _sentences_of(doc, span)
        sentence = sents[0] if sents else 0
        frame = None if nested else _frame_for(doc, span, by_sentence)
        if not nested and frame is None and previous and _continues(doc.text, previous[0], span):
            frame = previous[1]  # a quotation running on over several paragraphs
        if not nested:
            previous = (span, frame)
        out.append(
            Quotation(
                doc.text[span.start : span.end],
                span,
                sentence,
                True,
                frame.speaker if frame else None,
                frame.speaker_span if frame else None,
                frame.cue if frame else None,
                frame.cue_span if frame else None,
            )
        )
    quoted = SpanIndex([s for s, _ in marked])
    for a in attributions:
        if not _unmarked_speech(doc, a, quoted):
            continue
        assert a.content_span is not None
        span = a.content_span
        out.append(
            Quotation(
                doc.text[span.start : span.end],
                span,
                a.sentence,
                False,
                a.speaker,
                a.speaker_span,
                a.cue,
                a.cue_span,
            )
        )
    return tuple(sorted(out, key=lambda q: (q.span.start, q.span.end)))


def _continues(text: str, before: Span, quote: Span) -> bool:
    """Whether ``quote`` opens the paragraph after one whose quotation was left open: news
    style's way of running one quotation over several paragraphs."""
    line_end = text.find("\n", before.end)
    if line_end < 0 or any(c in text[before.end : line_end] for c in '”"»'):
        return False
    next_start = line_end + 1
    return not text[next_start : quote.start].strip(_SPACE + '“"«„\n')


def _unmarked_speech(doc: Annotated, a: Attribution, quoted: SpanIndex) -> bool:
    """ "No one wants an easy road, Peskov told reporters.": a clause with no quotation marks
    followed by ", <speaker> <speech verb>" at the end of its sentence."""
    if a.cue not in SPEECH_CUES or a.content_span is None or a.speaker_span is None:
        return False
    content = a.content_span
    if content.end > a.speaker_span.start or quoted.overlapping(content):
        return False
    sent = doc.sentences[a.sentence]
    if content.start != sent.start:
        return False
    between = doc.text[content.end : a.speaker_span.start]
    if between.strip(_SPACE) != ",":
        return False
    tail = doc.text[a.cue_span.end : sent.end]
    return len(tail.split()) <= 3 and not any(ch in tail for ch in '“"‘')
