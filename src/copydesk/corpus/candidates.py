"""Candidate copies across a crawl: which documents may carry the same story's text.

A reworded copy shares few word sequences with its source (a spinner breaks most three-word
runs), so the near-duplicate search of the store (`copydesk.corpus.minhash`, word shingles)
misses it. What survives rewording is who, where and how many: the **names and numbers**.
Each document becomes the set of its names and numbers (the stems `reuse.split_sentences`
keeps for each sentence), and a MinHash signature of that set estimates the Jaccard
similarity of two documents' sets. Measured on the 31 copy pairs of ``../shared`` (seed,
real and faithful) against 200 invented articles of ten beats (`eval/census.py`):

=====================  ==========================  =============================
feature set            copy pairs: least, median   invented articles: p99, max
=====================  ==========================  =============================
names and numbers      0.42, 0.63                  0.16, 0.29
content-word stems     0.34, 0.69                  0.51, 0.60
names, rare stems      0.37, 0.64                  0.33, 0.45
=====================  ==========================  =============================

Names and numbers alone keep every copy pair above every unrelated pair; content words add
the beat's own vocabulary, which unrelated stories of one beat share.

The signatures are cut into `BANDS` bands of `ROWS` values; documents equal on a whole band
are candidates, and a candidate whose estimated similarity reaches `MIN_SIMILARITY` is kept.
The band layout finds a pair of similarity 0.42 (the least of the copy pairs) with
probability 1 - (1 - 0.42³)^42 = 0.96, and one of 0.6 with probability 1.0. No step pairs
every document with every other: each band is sorted once, and only documents equal on it
are paired.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import lru_cache

import numpy as np

from copydesk.corpus import minhash
from copydesk.corpus.reuse import split_sentences

#: Values per signature. 126 = 42 bands of 3; the standard error of a similarity estimate
#: is about 0.045 (1/sqrt(126)).
NUM_PERM = 126

#: Bands and values per band (see the module docstring for the probabilities they give).
BANDS = 42
ROWS = 3

#: Estimated similarity of names and numbers at or above which a candidate is verified.
#: The copy pairs of ../shared score 0.42 at least; unrelated invented articles at most 0.29
#: (p99 0.16) and the seed's five other outlets' reports of the same event at most 0.37, so
#: 0.3 keeps the copies (an estimate errs by 0.045) and lets few related reports through to
#: the verification, which tells them apart.
MIN_SIMILARITY = 0.3

#: Documents with fewer names and numbers than this have no signature worth comparing
#: (an empty set's signature would match every other empty set).
MIN_FEATURES = 4

#: A band value shared by more documents than this is a set of names every page of a site
#: carries (a menu, a footer), not a story: its documents are not paired through it. A wire
#: story carried by more sites still meets its copies on its other bands.
MAX_BUCKET = 500


def features(text: str) -> frozenset[str]:
    """The names and numbers of ``text``: the stems of its sentences' capitalised words (not
    the first of a sentence) and numbers."""
    found: set[str] = set()
    for sentence in split_sentences(text):
        found |= sentence.names
    return frozenset(found)


def signature(found: frozenset[str]) -> np.ndarray:
    """The MinHash signature of a document's names and numbers (`NUM_PERM` values)."""
    return minhash.set_signature(found, NUM_PERM)


def usable(found: frozenset[str]) -> bool:
    """Whether a document has names and numbers enough to be paired (`MIN_FEATURES`)."""
    return len(found) >= MIN_FEATURES


def band_hash_matrix(signatures: np.ndarray) -> np.ndarray:
    """Each signature's band hashes: an (n, `BANDS`) array of uint64."""
    n = signatures.shape[0]
    if n == 0:
        return np.zeros((0, BANDS), dtype=np.uint64)
    block = np.asarray(signatures[:, : BANDS * ROWS]).reshape(n * BANDS, ROWS)
    return minhash.band_hashes(block).reshape(n, BANDS)


def similarity_of_pairs(signatures: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Estimated similarity of each pair of rows (an (m, 2) array of row numbers)."""
    if len(pairs) == 0:
        return np.zeros(0)
    equal = signatures[pairs[:, 0]] == signatures[pairs[:, 1]]
    return equal.mean(axis=1)


def candidate_pairs(
    signatures: np.ndarray, bands: np.ndarray, min_similarity: float = MIN_SIMILARITY
) -> Iterator[tuple[int, int, float]]:
    """``(i, j, similarity)`` for each pair of rows (i < j) equal on some band and estimated at
    least ``min_similarity`` alike, each pair once. ``signatures`` and ``bands`` (from
    `band_hash_matrix`) may be memory-mapped: one band is read at a time."""
    seen: set[tuple[int, int]] = set()
    for b in range(bands.shape[1]):
        column = np.asarray(bands[:, b])
        order = np.argsort(column, kind="stable")
        pairs = _bucket_pairs(order, column[order])
        if len(pairs) == 0:
            continue
        sims = similarity_of_pairs(signatures, pairs)
        for (i, j), s in zip(pairs[sims >= min_similarity].tolist(), sims[sims >= min_similarity]):
            key = (i, j) if i < j else (j, i)
            if key not in seen:
                seen.add(key)
                yield key[0], key[1], float(s)


def paired(a: np.ndarray, b: np.ndarray, min_similarity: float = MIN_SIMILARITY) -> bool:
    """The candidate rule for one pair of signatures, as `candidate_pairs` applies it: equal
    on some band, and estimated at least ``min_similarity`` alike."""
    bands = band_hash_matrix(np.vstack([a, b]))
    return bool((bands[0] == bands[1]).any()) and float((a == b).mean()) >= min_similarity


def _bucket_pairs(order: np.ndarray, sorted_values: np.ndarray) -> np.ndarray:
    """Every pair of rows within each run of equal values (runs of 2 to `MAX_BUCKET`)."""
    if len(sorted_values) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    change = np.flatnonzero(sorted_values[1:] != sorted_values[:-1]) + 1
    starts = np.concatenate(([0], change))
    lengths = np.diff(np.concatenate((starts, [len(sorted_values)])))
    found = []
    for size in np.unique(lengths):
        if size < 2 or size > MAX_BUCKET:
            continue
        at = starts[lengths == size]
        combos = _combinations(int(size))
        found.append(order[(at[:, None, None] + combos[None, :, :]).reshape(-1, 2)])
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    return np.concatenate(found)


@lru_cache(maxsize=64)
def _combinations(size: int) -> np.ndarray:
    return np.array(list(itertools.combinations(range(size), 2)), dtype=np.int64)
