"""WordNet 3.0, read straight from its database files (Debian's ``wordnet-base``).

The database is sorted text: ``index.<pos>`` lists each lemma with its synsets in sense
order, ``data.<pos>`` holds each synset at the byte offset that names it, and
``index.sense`` (Debian's ``wordnet-sense-index``) gives each sense's count of tagged uses.
Lookups binary-search the memory-mapped index files, as WordNet's own library does, so
opening the database costs nothing and each lemma is read once (`functools.lru_cache`).

The database directory is ``$COPYDESK_WORDNET`` or ``/usr/share/wordnet``. When it is
missing, `wordnet()` raises `ResourceMissing` with the one sentence that says how to
install it; nothing falls back quietly.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from copydesk.errors import ResourceMissing

DEFAULT_DIR = "/usr/share/wordnet"

#: Parts of speech as WordNet's file names spell them, keyed by its one-letter codes.
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}

#: The lexicographer files (the lexnames(5WN) table): a synset's broad semantic class.
LEXNAMES = [
    "adj.all",
    "adj.pert",
    "adv.all",
    "noun.Tops",
    "noun.act",
    "noun.animal",
    "noun.artifact",
    "noun.attribute",
    "noun.body",
    "noun.cognition",
    "noun.communication",
    "noun.event",
    "noun.feeling",
    "noun.food",
    "noun.group",
    "noun.location",
    "noun.motive",
    "noun.object",
    "noun.person",
    "noun.phenomenon",
    "noun.plant",
    "noun.possession",
    "noun.process",
    "noun.quantity",
    "noun.relation",
    "noun.shape",
    "noun.state",
    "noun.substance",
    "noun.time",
    "verb.body",
    "verb.change",
    "verb.cognition",
    "verb.communication",
    "verb.competition",
    "verb.consumption",
    "verb.contact",
    "verb.creation",
    "verb.emotion",
    "verb.motion",
    "verb.perception",
    "verb.possession",
    "verb.social",
    "verb.stative",
    "verb.weather",
    "adj.ppl",
]

HYPERNYMS = ("@", "@i")


@dataclass(frozen=True, slots=True)
class Pointer:
    """A relation from a synset (``source`` 0) or one of its words (``source`` k, 1-based)
    to another synset or one word of it (``target``)."""

    symbol: str
    offset: int
    pos: str
    source: int
    target: int


@dataclass(frozen=True, slots=True)
class Synset:
    offset: int
    pos: str  # n, v, a (adjective satellites too), r
    lexname: str
    words: tuple[str, ...]  # lower-case lemmas, multiword ones with spaces
    pointers: tuple[Pointer, ...]
    gloss: str

    @property
    def key(self) -> tuple[str, int]:
        return (self.pos, self.offset)

    def related(self, *symbols: str) -> Iterator[tuple[str, int]]:
        """The synsets this one points to by any of ``symbols`` (semantic and lexical)."""
        for p in self.pointers:
            if p.symbol in symbols:
                yield (p.pos, p.offset)

    def lexical(self, word: str, *symbols: str) -> Iterator[tuple[str, int, int]]:
        """Word-to-word relations of ``word`` in this synset: (pos, offset, target word)."""
        if word not in self.words:
            return
        k = self.words.index(word) + 1
        for p in self.pointers:
            if p.symbol in symbols and p.source in (0, k):
                yield (p.pos, p.offset, p.target)


@dataclass(frozen=True, slots=True)
class Sense:
    """One sense of a lemma: its synset and the share of the lemma's tagged uses it has."""

    synset: Synset
    rank: int  # 1 = the most frequent sense
    share: float


def _pos_code(ss_type: str) -> str:
    return "a" if ss_type == "s" else ss_type


class _SortedLines:
    """Binary search over a sorted text file whose lines start with their key."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        self._size = len(self._map)

    def _line_at(self, pos: int) -> tuple[int, bytes]:
        start = self._map.rfind(b"\n", 0, pos) + 1
        end = self._map.find(b"\n", pos)
        end = self._size if end < 0 else end
        return start, self._map[start:end]

    def first_at_or_after(self, key: bytes) -> int:
        """Byte offset of the first line whose text is >= ``key`` (licence lines, which start
        with a space, sort first and are never returned for a word key)."""
        lo, hi = 0, self._size
        while lo < hi:
            mid = (lo + hi) // 2
            start, line = self._line_at(mid)
            if line < key:
                nxt = self._map.find(b"\n", mid)
                lo = self._size if nxt < 0 else nxt + 1
            else:
                hi = start
        return lo

    def lines_from(self, pos: int) -> Iterator[bytes]:
        while pos < self._size:
            end = self._map.find(b"\n", pos)
            end = self._size if end < 0 else end
            yield self._map[pos:end]
            pos = end + 1

    def line_at_offset(self, offset: int) -> bytes:
        end = self._map.find(b"\n", offset)
        return self._map[offset : self._size if end < 0 else end]


class WordNet:
    """The WordNet database in ``root``; see the module docstring."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._index = {p: _SortedLines(root / f"index.{f}") for p, f in POS_FILES.items()}
        self._data = {p: _SortedLines(root / f"data.{f}") for p, f in POS_FILES.items()}
        self._senses = _SortedLines(root / "index.sense")
        self._exceptions = {p: _exceptions(root / f"{f}.exc") for p, f in POS_FILES.items()}

    # --- lemmas and synsets ----------------------------------------------------------------

    @lru_cache(maxsize=65536)  # noqa: B019 - one WordNet per process, never freed
    def synset(self, pos: str, offset: int) -> Synset:
        return _parse_synset(self._data[pos].line_at_offset(offset).decode("utf-8"))

    @lru_cache(maxsize=65536)  # noqa: B019
    def _offsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        key = lemma.lower().replace(" ", "_").encode("utf-8")
        index = self._index[pos]
        for line in index.lines_from(index.first_at_or_after(key + b" ")):
            fields = line.split()
            if not fields or fields[0] != key:
                return ()
            n_ptr = int(fields[3])
            synset_cnt = int(fields[2])
            start = 4 + n_ptr + 2
            return tuple(int(f) for f in fields[start : start + synset_cnt])
        return ()

    def base_forms(self, word: str, pos: str) -> tuple[str, ...]:
        """The lemmas ``word`` can be an inflection of: WordNet's exception list, then its
        detachment rules (the morphy algorithm), keeping forms the index holds."""
        word = word.lower().replace(" ", "_")
        found: list[str] = []
        for form in (word, *self._exceptions[pos].get(word, ()), *_detach(word, pos)):
            if form not in found and self._offsets(form, pos):
                found.append(form)
        return tuple(found)

    def phrasal_particles(self, verb: str) -> frozenset[str]:
        """The particles WordNet lists with ``verb`` as two-word verbs ("play" -> "down",
        "out", "up" ...)."""
        prefix = verb.lower().encode("utf-8") + b"_"
        index = self._index["v"]
        found = set()
        for line in index.lines_from(index.first_at_or_after(prefix)):
            if not line.startswith(prefix):
                break
            rest = line.split()[0][len(prefix) :]
            if b"_" not in rest:
                found.add(rest.decode("utf-8"))
        return frozenset(found)

    def has(self, lemma: str, pos: str | None = None) -> bool:
        return any(self._offsets(lemma, p) for p in ((pos,) if pos else POS_FILES))

    def synsets(self, lemma: str, pos: str) -> tuple[Synset, ...]:
        return tuple(self.synset(pos, o) for o in self._offsets(lemma, pos))

    @lru_cache(maxsize=65536)  # noqa: B019
    def senses(self, lemma: str, pos: str) -> tuple[Sense, ...]:
        """The senses of ``lemma`` in frequency order, each with its share of tagged uses
        (a lemma never seen in the tagged corpus shares one count equally among its senses)."""
        synsets = self.synsets(lemma, pos)
        counts = self._tag_counts(lemma.lower().replace(" ", "_"), pos)
        weights = [counts.get(s.offset, 0) + 1 for s in synsets]
        total = sum(weights) or 1
        return tuple(
            Sense(s, rank, w / total) for rank, (s, w) in enumerate(zip(synsets, weights), 1)
        )

    def _tag_counts(self, lemma: str, pos: str) -> dict[int, int]:
        prefix = (lemma + "%").encode("utf-8")
        counts: dict[int, int] = {}
        for line in self._senses.lines_from(self._senses.first_at_or_after(prefix)):
            if not line.startswith(prefix):
                break
            key, offset, _number, tag_cnt = line.split()
            ss_type = {b"1": "n", b"2": "v", b"3": "a", b"4": "r", b"5": "a"}[
                key.split(b"%")[1][:1]
            ]
            if ss_type == pos:
                counts[int(offset)] = counts.get(int(offset), 0) + int(tag_cnt)
        return counts

    # --- relations ---------------------------------------------------------------------------

    def ancestors(self, synset: Synset, depth: int) -> dict[tuple[str, int], int]:
        """Hypernyms (instance hypernyms too) up to ``depth`` steps, with their distance."""
        seen = {synset.key: 0}
        frontier = [synset]
        for d in range(1, depth + 1):
            nxt = []
            for s in frontier:
                for pos, off in s.related(*HYPERNYMS):
                    if (pos, off) not in seen:
                        seen[(pos, off)] = d
                        nxt.append(self.synset(pos, off))
            frontier = nxt
        return seen


def _parse_synset(line: str) -> Synset:
    body, _, gloss = line.partition(" | ")
    f = body.split()
    offset, lex_filenum, ss_type = int(f[0]), int(f[1]), f[2]
    w_cnt = int(f[3], 16)
    words = tuple(_clean_word(f[4 + 2 * k]) for k in range(w_cnt))
    at = 4 + 2 * w_cnt
    p_cnt = int(f[at])
    pointers = []
    for k in range(p_cnt):
        sym, off, pos, st = f[at + 1 + 4 * k : at + 5 + 4 * k]
        ends = int(st, 16)  # source word number in the high byte, target in the low one
        pointers.append(Pointer(sym, int(off), _pos_code(pos), ends >> 8, ends & 0xFF))
    return Synset(
        offset=offset,
        pos=_pos_code(ss_type),
        lexname=LEXNAMES[lex_filenum] if lex_filenum < len(LEXNAMES) else "",
        words=words,
        pointers=tuple(pointers),
        gloss=gloss.strip(),
    )


def _clean_word(raw: str) -> str:
    """A synset word as a plain lemma: lower case, spaces, no adjective marker ("(p)")."""
    word = raw.split("(")[0] if raw.endswith(")") else raw
    return word.replace("_", " ").lower()


def _exceptions(path: Path) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) >= 2:
            table[fields[0]] = tuple(fields[1:])
    return table


#: WordNet's detachment rules (morphy): suffix -> replacement, per part of speech.
_DETACH = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}  # fmt: skip


def _detach(word: str, pos: str) -> Iterator[str]:
    for suffix, repl in _DETACH[pos]:
        if word.endswith(suffix) and len(word) > len(suffix):
            yield word[: -len(suffix)] + repl


def wordnet_dir() -> Path:
    """Where WordNet 3.0's files are: ``COPYDESK_WORDNET``, else Debian's directory."""
    return Path(os.environ.get("COPYDESK_WORDNET") or DEFAULT_DIR)


@lru_cache(maxsize=1)
def wordnet() -> WordNet:
    """The process's WordNet, opened once."""
    root = wordnet_dir()
    needed = [f"{kind}.{f}" for f in POS_FILES.values() for kind in ("index", "data")]
    missing = [n for n in (*needed, "index.sense") if not (root / n).is_file()]
    if missing:
        raise ResourceMissing(
            f"WordNet 3.0 is not installed in {root} (no {missing[0]}): install Debian's "
            "wordnet-base and wordnet-sense-index packages (make install does), or set "
            "COPYDESK_WORDNET to a WordNet 3.0 database directory."
        )
    return WordNet(root)
