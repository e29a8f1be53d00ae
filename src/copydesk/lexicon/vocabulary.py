"""The English vocabulary words are looked up in: wordfreq's Zipf frequencies, the spelling
dictionary of pyspellchecker, and wordfreq's lists of each language's most frequent words.

Importing wordfreq, reading its English list and loading the spelling dictionary take about
half a second, more than the rest of a short check. So ``python -m copydesk.lexicon.vocabulary
build`` (run by ``make install``) writes exactly the data used to one compact file in the
virtual environment (``share/copydesk/vocabulary.marshal``): every word either library lists,
sorted, with its Zipf frequency as wordfreq gives it and whether the spelling dictionary has
it, and the lists of most frequent words. A process reads it in a few milliseconds and
binary-searches it. The file names the versions of wordfreq and pyspellchecker it was built
from; when it is missing, unreadable or built from other versions, the libraries themselves
are read, with the same answers. Nothing is ever downloaded.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from copydesk.lexicon import packed
from copydesk.lexicon.packed import SortedLines

#: Where the build writes the file and a process looks for it: inside the environment.
CACHE_FILE = Path(sys.prefix) / "share" / "copydesk" / "vocabulary.marshal"

#: Version of the file's layout; a file of another layout is not read.
FORMAT = 2

#: The distributions whose data the file holds; their versions key it.
LIBRARIES = ("wordfreq", "pyspellchecker")

#: How many of wordfreq's most frequent words the file keeps per language: English's first
#: 100,000 (the vocabulary spelling suggestions are drawn from, `copydesk.checks.copy`) and
#: 150 of every other language (the function words of the language detector,
#: `copydesk.read.language`). A longer list is read from wordfreq.
TOP_WORDS_KEPT = {"en": 100_000}
OTHER_TOP_WORDS_KEPT = 150

#: A word of lower-case ASCII letters is one token to wordfreq, so one it does not list has
#: the Zipf frequency of an unlisted word; any other word missing from the file (capitals,
#: hyphens, digits, other scripts) is looked up in wordfreq itself.
_ONE_TOKEN = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class _Table:
    words: SortedLines  # every word either library lists
    zipf_index: array[int]  # per word, its Zipf frequency's position in `zipf_values`
    zipf_values: tuple[float, ...]
    spelling: bytes  # per word, 1 when the spelling dictionary has it
    unlisted: float  # the Zipf frequency wordfreq gives a word it does not list
    top: dict[str, str]  # per language, its most frequent words, one per line

    def find(self, word: str) -> int | None:
        """The word's position, or None."""
        return self.words.find(word)


def installed_versions() -> dict[str, str | None]:
    from importlib import metadata

    versions: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


@cache
def _table() -> _Table | None:
    """The file's table, or None when there is no usable file (the libraries answer)."""
    data = packed.read(CACHE_FILE, FORMAT, installed_versions())
    if data is None:
        return None
    zipf_index = array("H")
    zipf_index.frombytes(data["zipf_index"])
    return _Table(
        SortedLines.load(data["words"]),
        zipf_index,
        tuple(data["zipf_values"]),
        data["spelling"],
        data["unlisted"],
        data["top"],
    )


# --- the libraries ----------------------------------------------------------------------------


@cache
def _wordfreq_zipf() -> Callable[[str, str], float]:
    from wordfreq import zipf_frequency

    return zipf_frequency


@cache
def _speller() -> Any:
    from spellchecker import SpellChecker

    return SpellChecker()


def _wordfreq_top(lang: str, n: int) -> list[str]:
    from wordfreq import top_n_list

    return list(top_n_list(lang, n))


# --- look-ups ---------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in English (``zipf_frequency(word, "en")``)."""
    table = _table()
    if table is not None:
        k = table.find(word)
        if k is not None:
            return table.zipf_values[table.zipf_index[k]]
        if _ONE_TOKEN.fullmatch(word):
            return table.unlisted
    return float(_wordfreq_zipf()(word, "en"))


@lru_cache(maxsize=65536)
def in_spelling_dictionary(word: str) -> bool:
    """Whether pyspellchecker's English dictionary has ``word`` (in any case)."""
    table = _table()
    if table is None:
        return word in _speller()
    k = table.find(word.lower())
    return k is not None and table.spelling[k] == 1


@cache
def top_words(lang: str, n: int) -> tuple[str, ...]:
    """wordfreq's ``n`` most frequent words of ``lang`` (``top_n_list(lang, n)``); wordfreq's
    LookupError or ValueError for a language it does not know."""
    table = _table()
    kept = TOP_WORDS_KEPT.get(lang, OTHER_TOP_WORDS_KEPT)
    if table is not None and lang in table.top and n <= kept:
        return tuple(table.top[lang].split("\n")[:n]) if n > 0 else ()
    return tuple(_wordfreq_top(lang, n))


# --- the build --------------------------------------------------------------------------------


def is_built() -> bool:
    """Whether the file is built, for the installed libraries' versions (else the libraries
    are read at start, more slowly, with the same answers)."""
    return packed.read(CACHE_FILE, FORMAT, installed_versions()) is not None


def build(path: Path = CACHE_FILE) -> Path:
    """Write the file from the installed libraries (their own data: nothing is downloaded)."""
    import wordfreq

    zipf_of = _wordfreq_zipf()
    speller_words = set(_speller().word_frequency.dictionary)
    listed = set(wordfreq.get_frequency_dict("en"))
    # a word with a line break could not be told from two; it is left to the libraries
    words = sorted((w for w in listed | speller_words if "\n" not in w), key=packed.utf8)
    unlisted = next(w for w in (f"{c}qzxj" for c in "jqxz" * 8) if w not in listed)
    values: dict[float, int] = {}
    zipf_index = array("H", (values.setdefault(zipf_of(w, "en"), len(values)) for w in words))
    top = {
        lang: "\n".join(_wordfreq_top(lang, TOP_WORDS_KEPT.get(lang, OTHER_TOP_WORDS_KEPT)))
        for lang in sorted(wordfreq.available_languages())
    }
    data = {
        "words": SortedLines.of(words).dump(),
        "zipf_index": zipf_index.tobytes(),
        "zipf_values": tuple(values),
        "spelling": bytes(1 if w in speller_words else 0 for w in words),
        "unlisted": float(zipf_of(unlisted, "en")),
        "top": top,
    }
    packed.write(path, FORMAT, installed_versions(), data)
    _table.cache_clear()
    return path


def main(argv: Sequence[str] | None = None) -> int:
    return packed.build_command("vocabulary", build, argv)


if __name__ == "__main__":
    raise SystemExit(main())
