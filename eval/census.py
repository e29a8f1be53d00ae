"""The census, measured: a crawl of every text in ../shared/cases among 10,000 invented
distractors, and how well `copydesk census` finds the families of copies in it.

The crawl is ../shared/cases read as ``copydesk census`` reads it (each folder's index.tsv
gives urls, outlets, dates and wires), with distractor articles from
tests/support/synthetic.py (ten beats written to templates, so that stories of one beat
share most of their wording, as templated news does). The families are compared with the
labels:

- **pairs**: each labelled pair (the seed's article and source, each folder of real/ and
  faithful/) is one story, and the Reuters story on Mariupol that
  control-reuters-mariupol-2022 and mt-reuters-mariupol-2022 share is one story across
  both; the seed's coverage texts credited to one wire are one story, every other text its
  own;
- **recall**: the share of labelled pairs whose two documents are in one family; the
  *candidate* recall is the share that the MinHash step alone pairs;
- **precision**: the share of families holding documents of one story only;
- **original right**: the share of labelled families whose original is the pair's source
  (the earliest source, inkl.com's, for Mariupol); a family with no original counts as
  wrong. The share of the families that name an original, and of those how many are
  right, are printed too.

    .venv/bin/python eval/census.py                  # 10,000 distractors
    .venv/bin/python eval/census.py --distractors 500
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from copydesk.census.local import census
from copydesk.census.outputs import FAMILIES
from copydesk.corpus import candidates as cand
from copydesk.corpus.ingest import ingest
from copydesk.corpus.inputs import find_inputs, read_sidecar, with_meta
from copydesk.corpus.store import Store, content_hash
from copydesk.read import read_file

ROOT = Path(__file__).resolve().parents[1]

# The invented articles are test data: they live beside the tests, not in the package.
sys.path.insert(0, str(ROOT / "tests"))
from support.synthetic import synthetic_articles

CASES = ROOT.parent / "shared" / "cases"

#: Distractors in the crawl.
DISTRACTORS = 10_000

#: Targets.
TARGET_RECALL = 0.95
TARGET_PRECISION = 0.98
TARGET_ORIGINAL = 0.90

#: The Mariupol story's two folders, and its original (the earliest source of the two).
MARIUPOL = ("control-reuters-mariupol-2022", "mt-reuters-mariupol-2022")
MARIUPOL_ORIGINAL = "real/control-reuters-mariupol-2022/source.txt"


@dataclass
class Scores:
    pairs: list[tuple[str, str, str]]  # (story, article key, source key)
    families: list[list[str]]  # each family's document keys
    originals: dict[str, str | None]  # first key of a family -> its original
    story: dict[str, str]  # document key -> story
    candidate_found: list[str] = field(default_factory=list)
    distractors: int = 0
    seconds: float = 0.0
    missed: list[str] = field(default_factory=list)

    @property
    def family_of(self) -> dict[str, int]:
        return {key: n for n, keys in enumerate(self.families) for key in keys}

    @property
    def recall(self) -> float:
        family = self.family_of
        found = [s for s, a, b in self.pairs if a in family and family.get(b) == family[a]]
        self.missed = sorted({s for s, _, _ in self.pairs} - set(found))
        return len(found) / len(self.pairs)

    @property
    def candidate_recall(self) -> float:
        return len(self.candidate_found) / len(self.pairs)

    @property
    def precision(self) -> float:
        pure = [f for f in self.families if len({self.story.get(k, k) for k in f}) == 1]
        return len(pure) / len(self.families) if self.families else 1.0

    def labelled(self) -> list[tuple[str, str | None, str]]:
        """(story, chosen original, right original) for each labelled story's family."""
        family = self.family_of
        rows = []
        right = {s: b for s, _, b in self.pairs}
        right["real/mariupol"] = MARIUPOL_ORIGINAL
        for story, original in sorted(right.items()):
            keys = [k for k, s in self.story.items() if s == story and k in family]
            if not keys:
                rows.append((story, None, original))
                continue
            first = self.families[family[keys[0]]][0]
            rows.append((story, self.originals.get(first), original))
        return rows

    @property
    def original_right(self) -> float:
        rows = self.labelled()
        return sum(1 for _, chosen, right in rows if chosen == right) / len(rows)

    @property
    def named(self) -> tuple[int, int, int]:
        rows = self.labelled()
        named = [r for r in rows if r[1] is not None]
        return len(rows), len(named), sum(1 for _, c, r in named if c == r)


def _stories() -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """The labelled pairs (story, article, source) by their paths under ../shared/cases, and
    every shared text's story."""
    pairs = [("seed", "seed/article.txt", "seed/source.txt")]
    for group in ("real", "faithful"):
        for folder in sorted((CASES / group).iterdir()):
            if (folder / "article.txt").is_file():
                story = f"{group}/mariupol" if folder.name in MARIUPOL else f"{group}/{folder.name}"
                pairs.append(
                    (
                        story,
                        f"{group}/{folder.name}/article.txt",
                        f"{group}/{folder.name}/source.txt",
                    )
                )
    story = {}
    for s, a, b in pairs:
        story[a] = story[b] = s
    coverage = read_sidecar(CASES / "seed" / "coverage" / "index.tsv")
    for name, entry in coverage.items():
        wire = (entry.wire or "").split("-")[0].strip()
        story[f"seed/coverage/{name}"] = f"coverage/{wire}" if wire else f"coverage/{name}"
    return pairs, story


def run(distractors: int = DISTRACTORS) -> Scores:
    pairs, story_of_path = _stories()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "crawl.db"
        started = time.perf_counter()
        with Store.open(db) as store:
            ingest([str(CASES)], store, progress=False)
            with store.transaction():
                for article in synthetic_articles(distractors, seed=23):
                    store.add(article)
            key_of = _stored_keys(store)
        census([], Path(tmp) / "out", db=db, compare=False, progress=False)
        seconds = time.perf_counter() - started
        records = [
            json.loads(line)
            for line in (Path(tmp) / "out" / FAMILIES).read_text(encoding="utf-8").splitlines()
        ]
    path_of = {k: p for p, k in key_of.items()}
    families = [[path_of.get(d["key"], d["key"]) for d in r["documents"]] for r in records]
    originals = {f[0]: path_of.get(r["original"], r["original"]) for f, r in zip(families, records)}
    story = {path: story_of_path.get(path, path) for path in key_of}
    # One text stored once: a text two folders share takes the story of the first.
    keyed_pairs = [(s, _canon(a, key_of, path_of), _canon(b, key_of, path_of)) for s, a, b in pairs]
    scores = Scores(keyed_pairs, families, originals, story, distractors=distractors)
    scores.candidate_found = _candidate_found(keyed_pairs)
    scores.seconds = seconds
    return scores


def _stored_keys(store: Store) -> dict[str, str]:
    """Each shared text's path under ../shared/cases -> the census key of its stored copy (a
    text whose content or address is already stored is stored once)."""
    stored = [store.get(d) for d in store.doc_ids()]
    by_hash = {content_hash(a.text): a.origin or "" for a in stored}
    by_url = {a.url: a.origin or "" for a in stored if a.url}
    found = {}
    for item in find_inputs([CASES]):
        if item.kind != "file":
            continue
        article = with_meta(read_file(item.target), item.meta)
        key = by_hash.get(content_hash(article.text)) or by_url.get(article.url or "")
        if key:
            found[str(Path(item.target).relative_to(CASES))] = key
    return found


def _canon(path: str, key_of: dict[str, str], path_of: dict[str, str]) -> str:
    return path_of.get(key_of.get(path, path), path)


def _candidate_found(pairs: Iterable[tuple[str, str, str]]) -> list[str]:
    """The stories whose two texts the MinHash step alone pairs."""
    found = []
    for story, a, b in pairs:
        fa, fb = (cand.features(read_file(str(CASES / p)).body) for p in (a, b))
        sigs = np.vstack([cand.signature(fa), cand.signature(fb)])
        bands = cand.band_hash_matrix(sigs)
        if cand.usable(fa) and cand.usable(fb) and list(cand.candidate_pairs(sigs, bands)):
            found.append(story)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--distractors", type=int, default=DISTRACTORS)
    args = parser.parse_args(argv)
    s = run(args.distractors)
    total, named, named_right = s.named
    print(f"census of ../shared/cases among {s.distractors} distractors ({s.seconds:.0f} s)")
    print(f"{'measure':44} {'value':>8} {'target':>8}")
    print(f"{'labelled pairs':44} {len(s.pairs):>8}")
    print(f"{'candidate recall (MinHash step alone)':44} {s.candidate_recall:>8.3f}")
    print(f"{'recall (pairs found in one family)':44} {s.recall:>8.3f} {TARGET_RECALL:>8.2f}")
    print(f"{'families':44} {len(s.families):>8}")
    print(f"{'precision (families of one story)':44} {s.precision:>8.3f} {TARGET_PRECISION:>8.2f}")
    print(
        f"{'original right (of labelled families)':44} {s.original_right:>8.3f} {TARGET_ORIGINAL:>8.2f}"
    )
    print(f"{'families naming an original':44} {named:>5}/{total}")
    print(f"{'original right, of those naming one':44} {named_right:>5}/{named}")
    if s.missed:
        print("missed pairs: " + ", ".join(s.missed))
    for story, chosen, right in s.labelled():
        if chosen != right:
            print(f"original of {story}: {chosen} (labelled {right})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
