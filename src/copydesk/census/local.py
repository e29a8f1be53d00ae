"""The census on this machine: the SQLite store and a worker pool.

Phases, each named on its progress bar and each leaving its result in the output folder's
``.census`` folder, so that a census run again after an interruption resumes at the phase
it was in (and, comparing, at the copy it was at):

1. **reading**: the inputs are ingested into the store (``--db``, else ``corpus.db`` in the
   output folder); an ingest resumes by itself;
2. **signatures**: each stored document's names and numbers, as a MinHash signature, in a
   memory-mapped file (`copydesk.corpus.candidates`);
3. **candidates**: the documents equal on some band, verified as copies or rewordings
   (`copydesk.corpus.kinship.relation`); the verified pairs go to ``pairs.tsv``;
4. **families**: the pairs joined into families, and each family's original chosen
   (``plans.jsonl``);
5. **comparing**: each copy checked against its original in the worker pool
   (``compared.jsonl``, appended as they come);

and the outputs (`copydesk.census.outputs`) are written from those files.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

import numpy as np

from copydesk.census.compare import Task, compare_batch, rewording_scores, warm_up
from copydesk.census.outputs import write_outputs
from copydesk.census.plan import Compared, Plan, doc_key, plan_family, site_of
from copydesk.corpus import candidates as cand
from copydesk.corpus.inputs import progress_bar
from copydesk.corpus.kinship import REWORDED, Components, Text, relation, text_of
from copydesk.corpus.store import Store
from copydesk.corpus.workers import died, ordered_map
from copydesk.files import write_whole
from copydesk.read.article import Article

#: The folder of the phases' results, inside the output folder.
WORK = ".census"

#: The store the inputs are read into when no ``--db`` is given.
STORE = "corpus.db"

#: The family members' store ids by census key, beside the plans.
MEMBERS = "members.tsv"

#: Documents read from the store at a time while signing them (memory stays flat).
READ_CHUNK = 1000

#: Copies sent to a worker at a time: enough to keep it busy, few enough to lose little
#: when one dies.
COMPARE_CHUNK = 4

#: Verified documents whose texts are kept for the next pairs (a band's pairs are met in
#: order of their band values, so a document's pairs are near one another).
TEXT_CACHE = 4096


@dataclass(frozen=True, slots=True)
class CensusReport:
    documents: int
    pairs: int
    families: int
    compared: int
    failed: int
    out: Path

    def summary(self) -> str:
        return (
            f"{self.documents} documents, {self.pairs} verified pairs, {self.families} "
            f"families, {self.compared} copies compared"
            + (f" ({self.failed} failed)" if self.failed else "")
            + f"; outputs in {self.out}"
        )


def census(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    db: str | Path | None = None,
    jobs: int = 1,
    progress: bool | None = None,
    compare: bool = True,
) -> CensusReport:
    """Run the census of ``inputs`` (and of what the store ``db`` already holds) into the
    folder ``out``. ``compare=False`` stops after the families (no reports, no redlines)."""
    from copydesk.corpus.ingest import ingest

    out = Path(out)
    work = out / WORK
    work.mkdir(parents=True, exist_ok=True)
    show = sys.stderr.isatty() if progress is None else progress
    with Store.open(Path(db) if db else out / STORE) as store:
        if inputs:
            ingest(list(inputs), store, progress=show)
        ids = store.doc_ids()
        signatures, usable = _signatures(store, ids, work, show)
        pairs = _pairs(store, ids, signatures, usable, work, show)
        plans = _plans(store, ids, pairs, work, jobs, show)
        compared = _compared(store, ids, plans, out, jobs, show) if compare else {}
        per_site = _sites(store, ids)
    write_outputs(out, plans, compared, per_site)
    return CensusReport(
        len(ids),
        len(pairs),
        len(plans),
        sum(1 for c in compared.values() if c.failure is None),
        sum(1 for c in compared.values() if c.failure is not None),
        out,
    )


# --- phase results kept on disk ------------------------------------------------------------


def _done(work: Path, phase: str, stamp: str) -> bool:
    marker = work / f"{phase}.done"
    return marker.is_file() and marker.read_text(encoding="utf-8") == stamp


def _finish(work: Path, phase: str, stamp: str) -> None:
    write_whole(work / f"{phase}.done", stamp)


def _stamp(ids: Sequence[str]) -> str:
    """What a phase's result depends on: the documents stored (they are only ever added)."""
    return f"{len(ids)} {ids[-1] if ids else ''}"


def _signatures(
    store: Store, ids: Sequence[str], work: Path, show: bool
) -> tuple[np.ndarray, np.ndarray]:
    n = len(ids)
    path, mask = work / "signatures.u32", work / "usable.npy"
    if not _done(work, "signatures", _stamp(ids)):
        sigs = np.lib.format.open_memmap(
            path, mode="w+", dtype=np.uint32, shape=(max(n, 1), cand.NUM_PERM)
        )
        usable = np.zeros(max(n, 1), dtype=bool)
        with progress_bar(show, n, "signatures") as advance:
            for start in range(0, n, READ_CHUNK):
                for offset, article in enumerate(store.get_many(ids[start : start + READ_CHUNK])):
                    found = cand.features(article.body)
                    sigs[start + offset] = cand.signature(found)
                    usable[start + offset] = cand.usable(found)
                    advance()
        sigs.flush()
        del sigs
        np.save(mask, usable)
        _finish(work, "signatures", _stamp(ids))
    return np.load(path, mmap_mode="r")[:n], np.load(mask)[:n]


def _pairs(
    store: Store,
    ids: Sequence[str],
    signatures: np.ndarray,
    usable: np.ndarray,
    work: Path,
    show: bool,
) -> list[tuple[str, str, str]]:
    path = work / "pairs.tsv"
    if not _done(work, "pairs", _stamp(ids)):
        rows = np.flatnonzero(usable)
        bands = cand.band_hash_matrix(np.asarray(signatures[rows]))
        texts = _texts(store)
        found = []
        pairs = list(cand.candidate_pairs(signatures[rows], bands))
        with progress_bar(show, len(pairs), "candidates") as advance:
            for i, j, _ in pairs:
                a, b = ids[rows[i]], ids[rows[j]]
                kind = relation(texts(a), texts(b))
                if kind is not None:
                    found.append((a, b, kind))
                advance()
        write_whole(path, "".join(f"{a}\t{b}\t{k}\n" for a, b, k in sorted(found)))
        _finish(work, "pairs", _stamp(ids))
    return [(a, b, k) for a, b, k in (line.split("\t") for line in path.read_text().splitlines())]


def _texts(store: Store) -> Callable[[str], Text]:
    @lru_cache(maxsize=TEXT_CACHE)
    def text(doc_id: str) -> Text:
        return text_of(store.get(doc_id))

    return text


def _plans(
    store: Store,
    ids: Sequence[str],
    pairs: Sequence[tuple[str, str, str]],
    work: Path,
    jobs: int,
    show: bool,
) -> list[Plan]:
    path = work / "plans.jsonl"
    if not _done(work, "plans", _stamp(ids)):
        components = Components()
        reworded: set[str] = set()
        for a, b, kind in pairs:
            components.join(a, b)
            if kind == REWORDED:
                reworded.add(a)
        groups = components.groups()
        needs = {components.root(a) for a in reworded}
        scored = [d for g in groups if components.root(g[0]) in needs for d in g]
        scores = dict(zip(scored, _rewording_scores(store, scored, jobs, show), strict=True))
        plans = []
        members: list[tuple[str, str]] = []
        with progress_bar(show, len(groups), "families") as advance:
            for group in groups:
                articles = store.get_many(group)
                keys = [(doc_key(a), d) for a, d in zip(articles, group, strict=True)]
                members.extend(keys)
                reworded_here = components.root(group[0]) in needs
                plans.append(
                    plan_family(
                        articles, {k: scores[d] for k, d in keys} if reworded_here else None
                    )
                )
                advance()
        write_whole(path, "".join(p.to_json() + "\n" for p in plans))
        write_whole(work / MEMBERS, "".join(f"{k}\t{d}\n" for k, d in members))
        _finish(work, "plans", _stamp(ids))
    return [Plan.from_json(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _rewording_scores(store: Store, ids: Sequence[str], jobs: int, show: bool) -> list[float]:
    """Each document's rewording score, read from its own check (in the worker pool)."""
    if not ids:
        return []
    with progress_bar(show, len(ids), "families: rewording scores") as advance:
        found = []
        for score in ordered_map(
            rewording_scores,
            store.get_many(ids),
            workers=jobs,
            chunk=COMPARE_CHUNK,
            lost=lambda _: 0.0,
            initializer=warm_up,
        ):
            found.append(score)
            advance()
    return found


def _compared(
    store: Store, ids: Sequence[str], plans: Sequence[Plan], out: Path, jobs: int, show: bool
) -> dict[str, Compared]:
    path = out / WORK / "compared.jsonl"
    done: dict[str, Compared] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                c = Compared.from_json(line)
            except ValueError:
                continue  # a line cut short by the interruption: compared again
            done[c.key] = c
    todo = [(p, d.key) for p in plans if p.original for d in p.members if d.key != p.original]
    left = [(p, key) for p, key in todo if key not in done]
    if left:
        with (
            progress_bar(show, len(todo), "comparing") as advance,
            path.open("a", encoding="utf-8") as f,
        ):
            for _ in range(len(todo) - len(left)):
                advance()
            for c in ordered_map(
                partial(compare_batch, out=str(out)),
                _tasks(store, left, out / WORK),
                workers=jobs,
                chunk=COMPARE_CHUNK,
                lost=_lost,
                initializer=warm_up,
            ):
                f.write(c.to_json() + "\n")
                f.flush()
                os.fsync(f.fileno())
                done[c.key] = c
                advance()
    keys = {key for _, key in todo}
    return {k: c for k, c in done.items() if k in keys}


def _tasks(store: Store, left: Sequence[tuple[Plan, str]], work: Path) -> Iterator[Task]:
    lines = (work / MEMBERS).read_text(encoding="utf-8").splitlines()
    by_key = dict(line.rsplit("\t", 1) for line in lines)
    for plan, key in left:
        assert plan.original is not None
        copy, original = store.get_many([by_key[key], by_key[plan.original]])
        yield plan.family, copy, original


def _lost(task: Task) -> Compared:
    family, copy, _ = task
    return Compared(family, doc_key(copy), failure=died(doc_key(copy), "comparing it"))


def _all(store: Store, ids: Sequence[str]) -> Iterator[Article]:
    for start in range(0, len(ids), READ_CHUNK):
        yield from store.get_many(ids[start : start + READ_CHUNK])


def _sites(store: Store, ids: Sequence[str]) -> Counter[str]:
    return Counter(site_of(a) for a in _all(store, ids))
