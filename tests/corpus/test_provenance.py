"""Provenance: the original chosen among the copies of a story, and who counts as independent.

The store is real SQLite, built by `ingest` from ../shared's seed case, a second farm copy of
the spun article written here, and invented distractors.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from support.command import copydesk
from support.synthetic import synthetic_articles

from copydesk.corpus.families import ARTICLE_COPY, ORIGINAL, THIS_ARTICLE
from copydesk.corpus.find_source import provenance
from copydesk.corpus.ingest import ingest
from copydesk.corpus.store import SCHEMA_VERSION, Store
from copydesk.lexicon.wires import dateline_wire, wire_key
from copydesk.read import read_file, read_text
from copydesk.read.article import Article

DISTRACTORS = 120


def _sidecar(folder: Path, rows: list[tuple[str, str, str, str, str]]) -> None:
    lines = ["file\turl\toutlet\tdate\twire", *("\t".join(r) for r in rows)]
    (folder / "index.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def farm_store(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Path:
    """The seed's source (Al Jazeera, 23 July) and coverage, a second farm copy of the spun
    article (25 July, another footer), and distractors."""
    root = tmp_path_factory.mktemp("farm")
    farm = root / "farm"
    farm.mkdir()
    spun = (seed_dir / "article.txt").read_text(encoding="utf-8")
    (farm / "copy.txt").write_text(
        spun.replace("Leave a Reply", "Share this article"), encoding="utf-8"
    )
    (farm / "source.txt").write_text(
        (seed_dir / "source.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    _sidecar(
        farm,
        [
            ("copy.txt", "https://dailyfarm.example/kremlin-talks", "Daily Farm", "2025-07-25", ""),
            (
                "source.txt",
                "https://www.aljazeera.com/news/2025/7/23/istanbul-talks",
                "Al Jazeera",
                "2025-07-23",
                "",
            ),
        ],
    )
    distractors = root / "distractors"
    distractors.mkdir()
    for article in synthetic_articles(DISTRACTORS, seed=21):
        (distractors / f"{article.doc_id}.txt").write_text(article.text, encoding="utf-8")
    db = root / "corpus.db"
    with Store.open(db) as store:
        report = ingest([distractors, farm, seed_dir / "coverage"], store, progress=False)
    assert report.added == DISTRACTORS + 7 and not report.failed
    return db


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return copydesk("check", *args, timeout=300)


@pytest.fixture(scope="module")
def farm_report(farm_store: Path, seed_dir: Path) -> dict:
    run = _check(str(seed_dir / "article.txt"), "--db", str(farm_store), "--format", "json")
    assert run.returncode == 1, run.stderr  # major findings
    return json.loads(run.stdout)


def test_the_original_is_chosen_over_a_farm_copy_of_the_spun_text(farm_report: dict) -> None:
    first = farm_report["source_candidates"][0]
    assert (first["outlet"], first["relation"]) == ("Al Jazeera", ORIGINAL)
    assert "earliest of 3 copies" in first["reason"]
    assert "outlet matches the declared source 'Aljazeera'" in first["reason"]
    farm = next(c for c in farm_report["source_candidates"] if c["outlet"] == "Daily Farm")
    assert farm["relation"] == ARTICLE_COPY and farm["reuse_share"] == 1.0
    assert "carries the article's own wording" in farm["reason"]
    # The redline is against the original, so the spin's changes are found.
    assert farm_report["comparison"]["source"]["outlet"] == "Al Jazeera"
    kinds = {f["kind"] for f in farm_report["findings"]}
    assert {"source.role_swap", "source.quote_altered"} <= kinds


def test_the_family_lists_the_original_then_the_copies_with_dates_and_differences(
    farm_report: dict,
) -> None:
    family = farm_report["family"]
    members = family["members"]
    assert members[0]["relation"] == ORIGINAL and members[0]["published"] == "2025-07-23"
    assert family["original"] == members[0]["doc_id"]
    by_relation = {m["relation"]: m for m in members}
    assert set(by_relation) == {ORIGINAL, ARTICLE_COPY, THIS_ARTICLE}
    farm = by_relation[ARTICLE_COPY]
    assert (farm["outlet"], farm["published"]) == ("Daily Farm", "2025-07-25")
    assert farm["differs"].startswith("the same words as the article")
    assert "earliest of 3 copies" in family["reason"]


def test_corroboration_leaves_out_the_source_and_the_farm_copy(farm_report: dict) -> None:
    c = farm_report["corroboration"]
    left_out = {x["outlet"]: x["reason"] for x in c["left_out"]}
    assert left_out == {
        "Al Jazeera": "the article's source",
        "Daily Farm": "a copy of the article",
    }
    assert sorted(f["label"] for f in c["families"]) == ["AFP", "Reuters", "The Kyiv Independent"]
    for v in c["verdicts"]:
        assert not {e["outlet"] for e in v["evidence"]} & {"Al Jazeera", "Daily Farm"}
    swaps = [v for v in c["verdicts"] if v["kind"] == "role" and v["verdict"] == "contradicted"]
    assert len(swaps) == 2 and all(v["disagree"] == 2 for v in swaps)
    misquoted = [f for f in farm_report["findings"] if f["kind"] == "corroboration.misquoted"]
    assert [f["text"] for f in misquoted] == ["wants"]


def test_the_html_report_lists_the_family(farm_store: Path, seed_dir: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    run = _check(
        str(seed_dir / "article.txt"),
        "--db",
        str(farm_store),
        "--format",
        "html",
        "--out",
        str(page),
    )
    assert run.returncode == 1, run.stderr
    html = page.read_text(encoding="utf-8")
    assert "Copies of this story (3)" in html
    assert "Daily Farm" in html and "2025-07-25" in html and ARTICLE_COPY in html
    assert "Al Jazeera (the article&#x27;s source)" in html
    assert "Daily Farm (a copy of the article)" in html
    assert '<mark class="quoted">expects</mark>' in html


def test_a_verbatim_republication_has_the_earliest_copy_as_its_source(tmp_path: Path) -> None:
    text = next(iter(synthetic_articles(1, seed=31))).text
    with Store.open(tmp_path / "c.db") as store:
        wire_copy = store.add(
            Article(text, published="2024-03-02", url="https://apnews.com/x", outlet="AP")
        )
        early = store.add(
            Article(text + "Read more.\n", published="2024-03-01", url="https://a.example/x")
        )
        late = store.add(
            Article(text + "Share.\n", published="2024-03-03", url="https://b.example/x")
        )
        found = provenance(store, Article(text + "Comments.\n", published="2024-03-04"))
    assert found.family is not None
    # The wire's own copy comes before an earlier outlet's: its text is the agency's.
    assert found.family.original == wire_copy
    assert "the wire's own copy (AP)" in found.candidates[0].reason
    relations = {c.doc_id: c.relation for c in found.family.copies}
    assert relations[early] == relations[late] == "copy of the original"


def test_an_article_older_than_every_copy_has_no_source(tmp_path: Path) -> None:
    text = next(iter(synthetic_articles(1, seed=32))).text
    with Store.open(tmp_path / "c.db") as store:
        store.add(Article(text + "Shared.\n", published="2024-05-09", url="https://a.example/y"))
        found = provenance(store, Article(text, published="2024-05-01"))
    assert found.source is None and found.family is not None
    assert found.family.original is None
    assert "the article is the earliest of 2 copies" in found.family.reason


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("AFP", "AFP"),
        ("AFP-based", "AFP"),
        ("Agence France-Presse", "AFP"),
        ("(Reuters)", "Reuters"),
        ("The Associated Press", "AP"),
        ("Own report", None),
        ("Al Jazeera", None),
        ("spa day", None),
    ],
)
def test_wire_credits_are_read_in_any_spelling(value: str, key: str | None) -> None:
    assert wire_key(value) == key


def test_a_wire_credit_is_read_from_a_footer_or_a_dateline() -> None:
    body = (
        "Ukraine said on Wednesday that talks with Russia would resume in Istanbul later this "
        "week, and that further exchanges of prisoners of war were being prepared by both sides."
    )
    assert read_text(body + "\n- AFP\n").wire == "AFP"
    assert dateline_wire("KYIV, July 23 (Reuters) - " + body) == "Reuters"
    assert read_text("KYIV, July 23 (Reuters) - " + body).wire == "Reuters"
    assert read_text(body).wire is None


def test_the_wire_column_of_a_sidecar_is_stored(tmp_path: Path, seed_dir: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        ingest([seed_dir / "coverage"], store, progress=False)
        wires = {d.outlet: d.wire for d in store.get_many(range(1, 6))}
    assert wires["theSun (Malaysia)"] == "AFP"
    assert wires["Business Recorder (Pakistan)"] == "AFP"
    assert wires["The Times of India (republished on daily8.com)"] == "AFP"
    assert wires["Dawn (Pakistan)"] == "Reuters"
    assert wires["The Kyiv Independent"] is None


def test_a_store_of_the_previous_schema_is_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        store.add(read_file(ROOT / "examples" / "original.txt"))
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE documents DROP COLUMN wire")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with Store.open(path, readonly=True) as store:  # read as it is, nothing written
        assert store.meta("schema_version") == "1"
        assert store.get(1).wire is None and store.get_many([1])[0].title
    with Store.open(path) as store:
        assert store.meta("schema_version") == str(SCHEMA_VERSION)
        assert store.get(1).wire is None
        assert store.check_integrity()


def test_sites_carrying_one_text_are_judged_once_and_listed_with_it(
    tmp_path: Path, seed_dir: Path
) -> None:
    from copydesk import pipeline

    sun = (seed_dir / "coverage" / "01_thesun_my.txt").read_text(encoding="utf-8")
    mirrors = tmp_path / "mirrors"
    mirrors.mkdir()
    for k in range(2):
        (mirrors / f"m{k}.txt").write_text(sun + f"\nRead more at Mirror {k}\n", encoding="utf-8")
    _sidecar(
        mirrors,
        [
            (f"m{k}.txt", f"https://mirror{k}.example/a", f"Mirror {k}", "2025-07-24", "")
            for k in range(2)
        ],
    )
    with Store.open(tmp_path / "c.db") as store:
        ingest([seed_dir / "coverage", mirrors], store, progress=False)
        result = pipeline.corroborate(read_file(seed_dir / "article.txt"), store)
    judged = result.corroboration
    assert judged is not None and judged.documents_considered == 5
    afp = next(f for f in judged.families if f.label == "AFP")
    assert {"Mirror 0", "Mirror 1", "theSun (Malaysia)"} <= set(afp.outlets)
    swaps = [v for v in judged.verdicts if v.kind == "role" and v.verdict.value == "contradicted"]
    assert len(swaps) == 2 and all(v.disagree == 2 for v in swaps)


def test_a_republication_naming_its_source_is_not_the_original_of_that_source(
    tmp_path: Path, seed_dir: Path
) -> None:
    """Checked against a store holding the spun copy ("Source: Aljazeera"), the recovered
    original gets no source: the copy says it was taken from elsewhere."""
    with Store.open(tmp_path / "c.db") as store:
        ingest([seed_dir / "article.txt"], store, progress=False)
        found = provenance(store, read_file(seed_dir / "source.txt"))
    assert found.source is None and found.family is not None
    assert found.family.original is None
    assert "name a source of their own" in found.family.reason
    assert "it names a source of its own ('Aljazeera')" in found.candidates[0].reason
