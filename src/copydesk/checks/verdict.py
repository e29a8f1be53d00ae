"""verdict: how likely it is that an article was machine-reworded, with its reasons.

The fingerprints of `copydesk.checks.spin` (and non-words, broken numbers and loaded
reporting verbs, which spinners also leave) are counted per 1,000 words of the article, each
kind with its weight, and the density is mapped onto 0..1. The score is what a researcher
sorts a crawl by; the reasons say which fingerprints carry it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from copydesk.model import Finding
from copydesk.nlp.annotate import Annotated

#: Weight of each finding kind in the density: the spin fingerprints and non-words count
#: whole; a loaded reporting verb or a broken number, which human copy also has, half.
WEIGHTS: dict[str, float] = {
    "spin.lowercase_name": 1.0,
    "spin.broken_sentence": 1.0,
    "spin.wrong_form": 1.0,
    "spin.tortured_phrase": 1.0,
    "spin.corrupted_name": 1.0,
    "spin.odd_reporting_verb": 1.0,
    "spin.garbled_text": 1.0,
    "spin.stray_quotes": 1.0,
    "spin.editorial_word": 1.0,
    "copy.non_word": 1.0,
    "copy.broken_number": 0.5,
    "attribution.loaded_verb": 0.5,
    "attribution.empty_speaker": 1.0,
}

#: Weighted fingerprints per 1,000 words at which the score reaches one half. Calibrated on
#: `eval/rewording.py`: the originals and clean coverage in ../shared stay at or under 3.4 per
#: 1,000 words (a caption the parser reads as a fragment), the rewrites start at 7.6 (the
#: seed); 5 sits between the two.
HALF_SCORE_DENSITY = 5.0

#: The score at or above which an article is called likely reworded (`Rewording.likely`).
#: Chosen on `eval/rewording.py`: the 60 faithful texts of ../shared (originals, controls
#: and both sides of every faithful republication) all score under 0.38, and the rewrites
#: score 0.65 (the seed) and above but for the machine translation (0.36); 0.5 is the
#: half-way density (`HALF_SCORE_DENSITY`). docs/accuracy.md gives its false- and
#: true-positive rates.
LIKELY_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Reason:
    kind: str
    count: int
    per_1000_words: float


@dataclass(frozen=True, slots=True)
class Rewording:
    score: float  # 0 (reads as written by a person) .. 1 (machine-reworded)
    density: float  # weighted fingerprints per 1,000 words
    words: int
    reasons: tuple[Reason, ...]  # the fingerprint kinds found, most frequent first
    threshold: float = LIKELY_THRESHOLD  # the score at or above which it is likely reworded

    @property
    def likely(self) -> bool:
        """Whether the score reaches the threshold: the article was likely reworded."""
        return self.score >= self.threshold

    @property
    def summary(self) -> str:
        if not self.reasons:
            return "no fingerprint of machine rewording"
        parts = ", ".join(f"{r.count} {r.kind}" for r in self.reasons[:4])
        return f"{self.density:.1f} fingerprints per 1,000 words: {parts}"


def rewording(doc: Annotated, findings: Iterable[Finding]) -> Rewording:
    words = sum(1 for t in doc.tokens if not t.is_space and not t.is_punct)
    counts = Counter(f.kind for f in findings if f.kind in WEIGHTS)
    weighted = sum(WEIGHTS[k] * n for k, n in counts.items())
    per_1000 = 1000.0 / max(words, 1)
    density = weighted * per_1000
    score = 1.0 - math.exp(-math.log(2) * density / HALF_SCORE_DENSITY)
    reasons = tuple(Reason(kind, n, round(n * per_1000, 2)) for kind, n in counts.most_common())
    return Rewording(round(score, 4), round(density, 2), words, reasons)
