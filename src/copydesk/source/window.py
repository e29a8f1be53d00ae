"""Look for the fact before calling it changed.

A rewrite moves facts between sentences: it splits one sentence in two and puts the speaker
in the second ("…, officials said."), merges two and keeps a modal from the other, names the
same day again, or the aligner pairs two different sentences that share a word. A finding
that says a value of the source is missing or different in the article stands only when that
value is absent from the article's window: the aligned sentences and the sentences around
them (`WINDOW_NEIGHBOURS` each side), and, for a value the article adds, when it is absent
from the source's window too. One mechanism for every diff rule of these kinds; the finding
that stands names what was looked for and where.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from copydesk.lexicon.modality import MODAL_FORCE, NEGATORS
from copydesk.lexicon.normalise import name_key
from copydesk.model import Finding, Span
from copydesk.nlp.annotate import Annotated

#: Sentences each side of the aligned ones that belong to the window. One covers a sentence
#: a paraphrase split off or merged in. On the nine labelled pairs of ../shared/cases/real it
#: gives the most changed rows found under their own kind (0.78; 0.76 with none and with
#: two), with no false alarm at any width, and the perturbation recall is the same at all
#: three.
WINDOW_NEIGHBOURS = 1

#: The kinds whose findings are looked for: each says a value of the source (a speaker, a
#: title, a name, a time, a modal, a polarity) is missing or different in the article.
LOOKED_FOR_KINDS = frozenset(
    {
        "source.speaker_dropped",
        "source.speaker_changed",
        "source.title_changed",
        "source.entity_changed",
        "source.time_changed",
        "source.modality_changed",
        "source.negation_flipped",
    }
)

#: Of those, the kinds whose value belongs to one clause (a modal, a polarity): they are
#: looked for in the neighbouring sentences only.
_CLAUSE_KINDS = frozenset({"source.modality_changed", "source.negation_flipped"})

#: Tokens after a modal within which its verb is found ("may not have been caused").
_MODAL_REACH = 4

#: Of those, the kinds whose value is the source's words as the finding suggests them (the
#: speaker, the title), not its evidence span (which may take in the reporting verb).
_SUGGESTED_VALUE_KINDS = frozenset(
    {"source.speaker_dropped", "source.speaker_changed", "source.title_changed"}
)


@dataclass(frozen=True, slots=True)
class Window:
    """Sentences of one document around an aligned pair, as keyed words for look-ups: each
    sentence's words apart, so that a value is never found across a sentence break."""

    sentences: tuple[int, ...]
    words: tuple[tuple[str, ...], ...]  # per sentence

    @classmethod
    def around(cls, doc: Annotated, aligned: Sequence[int], *, aligned_too: bool = True) -> Window:
        """The aligned sentences and `WINDOW_NEIGHBOURS` each side (the neighbours alone
        when not ``aligned_too``)."""
        if not aligned:
            return cls((), ())
        first = max(min(aligned) - WINDOW_NEIGHBOURS, 0)
        last = min(max(aligned) + WINDOW_NEIGHBOURS, len(doc.sentences) - 1)
        sentences = tuple(
            k
            for k in range(first, last + 1)
            if aligned_too or not min(aligned) <= k <= max(aligned)
        )
        words = tuple(
            tuple(
                w
                for t in doc.sentence_tokens(k)
                if not t.is_space and not t.is_punct
                for w in _keyed_word(t.text)
            )
            for k in sentences
        )
        return cls(sentences, words)

    def has(self, value: str) -> bool:
        """Whether ``value``'s words occur here one after another (names keyed as names, so
        "Zelensky" is "Zelenskiy" and "B.C." is "BC"), with its polarity: "register" is not
        found in "did not register". A value with no word is never found."""
        wanted = keyed(value)
        if not wanted:
            return False
        n = len(wanted)
        negated = any(w in NEGATORS for w in wanted)
        return any(
            list(words[i : i + n]) == wanted
            and (negated or not any(w in NEGATORS for w in words[max(i - 2, 0) : i]))
            for words in self.words
            for i in range(len(words) - n + 1)
        )


@lru_cache(maxsize=1 << 16)
def _keyed_word(text: str) -> tuple[str, ...]:
    return tuple(keyed(text))


def keyed(text: str) -> list[str]:
    """The words of ``text`` as the window compares them: negations written out ("didn't"
    is "did not"), then each word keyed as a name (`name_key`)."""
    text = re.sub(r"(?i)\bcan[’']t\b", "can not", text)
    text = re.sub(r"(?i)n[’']t\b", " not", text)
    return name_key(text).split()


def looked_for(
    findings: Sequence[Finding],
    article: Annotated,
    article_sentences: Sequence[int],
    source: Annotated,
    source_sentences: Sequence[int],
) -> list[Finding]:
    """``findings`` less those whose fact the other text has in its window; each finding of
    a looked-for kind that stands says what was looked for and where."""
    if not any(f.kind in LOOKED_FOR_KINDS for f in findings):
        return list(findings)
    windows = {
        aligned_too: (
            Window.around(article, article_sentences, aligned_too=aligned_too),
            Window.around(source, source_sentences, aligned_too=aligned_too),
        )
        for aligned_too in (True, False)
    }
    out = []
    for f in findings:
        if f.kind not in LOOKED_FOR_KINDS:
            out.append(f)
            continue
        was, now = _values(f, article, source)
        # The pair's own rule read the aligned sentences for a modal or a polarity; another
        # clause there ("would add ..., and would run ...") is no evidence for this one.
        aligned_too = f.kind not in _CLAUSE_KINDS
        a_window, s_window = windows[aligned_too]
        if (was and a_window.has(was)) or (now and s_window.has(now)):
            continue
        if was:
            where = _where(len(a_window.sentences), len(article_sentences), aligned_too)
            f = dataclasses.replace(
                f, message=f"{f.message} The source's ‘{_short(was)}’ is not in {where}."
            )
        out.append(f)
    return out


def _values(f: Finding, article: Annotated, source: Annotated) -> tuple[str | None, str | None]:
    """What a finding says is the source's value, to look for in the article, and the value
    the article brings instead, to look for in the source (None where there is none)."""
    was = f.evidence[0].text if f.evidence else None
    now = f.span.of(article.text)
    if f.kind in _SUGGESTED_VALUE_KINDS:
        return f.suggestion or was, None
    if f.kind == "source.modality_changed":  # the modal with its verb: "could add"
        return (
            _modal_phrase(source, f.evidence[0].span) if f.evidence else None,
            _modal_phrase(article, f.span),
        )
    return was, now


def _modal_phrase(doc: Annotated, span: Span) -> str | None:
    """A modal in ``span`` with the verb it governs ("may have caused", "could add")."""
    tokens = [t for t in doc.tokens_in(span) if t.tag == "MD" and t.text.lower() in MODAL_FORCE]
    if not tokens:
        return None
    modal = tokens[0]
    sentence = [t for t in doc.sentence_tokens(modal.sent) if t.i > modal.i and not t.is_space]
    for t in sentence[:_MODAL_REACH]:
        if t.pos == "VERB":
            return doc.text[modal.start : t.end]
    return None


_COUNT_WORDS = ("no", "one", "two", "three", "four")


def _where(window: int, aligned: int, aligned_too: bool) -> str:
    """The window in words: "this sentence or the two around it"."""
    here = "this sentence" if aligned == 1 else "these sentences"
    around = window - aligned if aligned_too else window
    if around <= 0:
        return here
    count = _COUNT_WORDS[around] if around < len(_COUNT_WORDS) else str(around)
    noun = "sentence" if around == 1 else "sentences"
    return f"{here} or the {count} {noun} around {'it' if aligned == 1 else 'them'}"


#: Longest value quoted in the looked-for clause; a longer one is cut at a word.
_SHORT_CHARS = 60


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _SHORT_CHARS:
        return text
    return text[:_SHORT_CHARS].rsplit(" ", 1)[0] + "…"
