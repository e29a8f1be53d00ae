"""The census as a PySpark job: the local engine's steps, distributed.

- the inputs are read by the executors as the Spark scan reads them
  (`copydesk.scan.spark`), and a text or an address met twice is kept once, under its least
  key (the local store keeps the first it ingests, which for folders is the same);
- the candidates come from Spark ML's `MinHashLSH` over the same names and numbers
  (`copydesk.corpus.candidates.features`), joined with `approxSimilarityJoin` a little
  below the least similarity; each pair it gives is then held to the local engine's rule
  (`copydesk.corpus.candidates.paired`: equal on a band of the same signatures, and alike
  enough by their estimate), so that both engines pair the same documents;
- each candidate is verified, and each family planned and compared, by the same functions
  as the local engine (`copydesk.corpus.kinship.relation`, `copydesk.census.plan`,
  `copydesk.census.compare`), in ``mapPartitions`` so that each executor loads the models
  once;
- the families are the connected components of the verified pairs, found by iterative
  joins: each document takes the least label of its neighbours until none changes;
- the driver collects the plans and the compares (a family is a handful of documents) and
  writes the same three outputs (`copydesk.census.outputs`).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from copydesk.census.compare import compare_batch, rewording_scores, warm_up
from copydesk.census.local import CensusReport
from copydesk.census.outputs import write_outputs
from copydesk.census.plan import Compared, Plan, doc_key, plan_family, site_of
from copydesk.corpus import candidates as cand
from copydesk.corpus.inputs import SIDECAR
from copydesk.corpus.kinship import REWORDED, relation, text_of
from copydesk.corpus.store import content_hash
from copydesk.errors import InputError
from copydesk.read.article import Article

#: MinHashLSH's hash tables. Each is one min-hash (Spark ML bands one value a table): a pair
#: of similarity 0.42, the least of the copy pairs of ../shared, shares one of 24 with
#: probability 1 - 0.58^24 > 0.9999; the exact similarity then decides.
HASH_TABLES = 24

#: How much lower than `candidates.MIN_SIMILARITY` the exact similarity of a pair may be
#: for Spark's join to keep it: three standard errors of the local engine's estimate, so
#: that every pair the local rule (`candidates.paired`) would keep reaches that rule here.
JOIN_SLACK = 0.135

#: Dimension of the hashed feature vectors (names and numbers hashed by CRC-32).
FEATURE_DIM = 1 << 22

#: Rounds of label propagation at most; a family is never that many copies long.
MAX_ROUNDS = 50


def census(paths: Sequence[str], out: str | Path, *, master: str, quiet: bool) -> CensusReport:
    from copydesk.scan.spark import _is_input, _listed, _spark_path, require_pyspark, spark_session

    require_pyspark()
    if not paths:
        raise InputError("The Spark engine takes the census of INPUT paths.")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    session = spark_session("copydesk census", master, quiet)
    try:
        sc = session.sparkContext
        listed = _listed(sc, list(paths))
        sidecar_uris = [u for u in listed if u.rsplit("/", 1)[-1] == SIDECAR]
        from copydesk.scan.spark import sidecar_metadata

        sidecars = sidecar_metadata(
            sc.binaryFiles(",".join(sidecar_uris)).collect() if sidecar_uris else []
        )
        files = sc.union(
            [sc.binaryFiles(_spark_path(p), sc.defaultParallelism) for p in paths]
        ).filter(lambda pair: _is_input(pair[0]))
        docs = _deduplicated(files.mapPartitions(partial(_read_partition, sidecars=sidecars)))
        docs = docs.cache()
        edges = _verified(session, docs)
        labels = _components(edges)
        plans = _plans(docs, edges, labels)
        compared = _compared(sc, docs, plans, out)
        per_site = docs.map(lambda kv: site_of(kv[1])).countByValue()
        documents = docs.count()
        pairs = edges.count()
    finally:
        session.stop()
    write_outputs(out, plans, compared, dict(per_site))
    return CensusReport(
        documents,
        pairs,
        len(plans),
        sum(1 for c in compared.values() if c.failure is None),
        sum(1 for c in compared.values() if c.failure is not None),
        out,
    )


def _read_partition(files: Iterable[tuple[str, bytes]], sidecars: Any) -> Iterator[Article]:
    """An executor's files read into articles (what cannot be read is left out, as the
    local store leaves it out)."""
    from copydesk.scan.local import read_unit
    from copydesk.scan.spark import _units_of_file

    for uri, data in files:
        for unit in _units_of_file(uri, data, sidecars):
            if unit.kind not in ("page", "file"):
                continue
            try:
                yield read_unit(unit)
            except Exception:  # noqa: BLE001,S112 (the local store records it and goes on)
                continue


def _deduplicated(articles: Any) -> Any:
    """(key, article) with each text and each address kept once, under its least key."""

    def least(a: Article, b: Article) -> Article:
        return a if doc_key(a) <= doc_key(b) else b

    by_text = articles.map(lambda a: (content_hash(a.text), a)).reduceByKey(least).values()
    by_url = by_text.map(lambda a: (a.url or "key:" + doc_key(a), a)).reduceByKey(least)
    return by_url.values().map(lambda a: (doc_key(a), a))


def _vector(found: frozenset[str]) -> Any:
    from pyspark.ml.linalg import SparseVector

    indices = sorted({zlib.crc32(f.encode("utf-8")) % FEATURE_DIM for f in found})
    return SparseVector(FEATURE_DIM, indices, [1.0] * len(indices))


def _verified(session: Any, docs: Any) -> Any:
    """The verified pairs (a, b, relation), a < b."""
    from pyspark.ml.feature import MinHashLSH

    rows = (
        docs.map(lambda kv: (kv[0], cand.features(kv[1].body)))
        .filter(lambda kv: cand.usable(kv[1]))
        .map(lambda kv: (kv[0], _vector(kv[1])))
    )
    frame = session.createDataFrame(rows, ["key", "features"])
    model = MinHashLSH(
        inputCol="features", outputCol="hashes", numHashTables=HASH_TABLES, seed=1
    ).fit(frame)
    joined = model.approxSimilarityJoin(
        frame, frame, 1.0 - cand.MIN_SIMILARITY + JOIN_SLACK, "distance"
    )
    candidates = (
        joined.filter("datasetA.key < datasetB.key")
        .select("datasetA.key", "datasetB.key")
        .rdd.map(lambda row: (row[0], row[1]))
        .distinct()
    )
    with_a = candidates.join(docs).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
    with_both = with_a.join(docs).map(lambda kv: (kv[1][0][0], kv[0], kv[1][0][1], kv[1][1]))
    return with_both.mapPartitions(_verify_partition).cache()


def _verify_partition(pairs: Iterable[tuple[str, str, Article, Article]]) -> Iterator[Any]:
    for a, b, first, second in pairs:
        mine, theirs = (cand.signature(cand.features(d.body)) for d in (first, second))
        if not cand.paired(mine, theirs):
            continue  # the local engine's candidate rule, on the same signatures
        kind = relation(text_of(first), text_of(second))
        if kind is not None:
            yield (a, b, kind)


def _components(edges: Any) -> Any:
    """(key, label): each document of a verified pair labelled with the least key of its
    family, by iterative joins (label propagation)."""
    links = edges.flatMap(lambda e: [(e[0], e[1]), (e[1], e[0])]).cache()
    labels = links.map(lambda kv: (kv[0], kv[0])).distinct()
    for _ in range(MAX_ROUNDS):
        offered = links.join(labels).map(lambda kv: (kv[1][0], kv[1][1]))
        updated = labels.union(offered).reduceByKey(min).cache()
        changed = updated.join(labels).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels = updated
        if changed == 0:
            break
    return labels


def _plans(docs: Any, edges: Any, labels: Any) -> list[Plan]:
    reworded_keys = edges.filter(lambda e: e[2] == REWORDED).map(lambda e: (e[0], True))
    reworded = set(labels.join(reworded_keys).map(lambda kv: kv[1][0]).distinct().collect())
    families = labels.join(docs).map(lambda kv: (kv[1][0], kv[1][1])).groupByKey()
    plans = families.mapPartitions(partial(_plan_partition, reworded=reworded)).collect()
    return sorted(plans, key=lambda p: p.members[0].key)


def _plan_partition(families: Iterable[tuple[str, Iterable[Article]]], reworded: Any) -> Any:
    for label, members in families:
        articles = list(members)
        scores = None
        if label in reworded:
            scores = dict(zip(map(doc_key, articles), rewording_scores(articles), strict=True))
        yield plan_family(articles, scores)


def _compared(sc: Any, docs: Any, plans: Sequence[Plan], out: Path) -> dict[str, Compared]:
    wanted = [
        (d.key, (p.family, p.original))
        for p in plans
        if p.original
        for d in p.members
        if d.key != p.original
    ]
    if not wanted:
        return {}
    tasks = (
        sc.parallelize(wanted)
        .join(docs)
        .map(lambda kv: (kv[1][0][1], (kv[1][0][0], kv[1][1])))
        .join(docs)
        .map(lambda kv: (kv[1][0][0], kv[1][0][1], kv[1][1]))
    )
    found = tasks.mapPartitions(partial(_compare_partition, out=str(out))).collect()
    return {c.key: c for c in found}


def _compare_partition(tasks: Iterable[Any], out: str) -> Iterator[Compared]:
    batch = list(tasks)
    if batch:
        warm_up()
        yield from compare_batch(batch, out)
