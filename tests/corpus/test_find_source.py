"""Finding an article's source, and its same-event coverage, in a store full of other news."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from support.synthetic import synthetic_articles

from copydesk.analysis import analyse
from copydesk.corpus.find_source import find_source, split_sentences
from copydesk.corpus.ingest import ingest
from copydesk.corpus.retrieve import related_documents
from copydesk.corpus.store import Store
from copydesk.read import read_file, read_text
from copydesk.read.article import Article

DISTRACTORS = 250

# A report of the seed's event in its own words, on a site whose name matches the seed
# article's declared source ("Source: Aljazeera"): it must not pass for the source.
OWN_WORDS_REPORT = (
    "Kremlin cautious as Istanbul talks resume\n"
    "Negotiators from Moscow and Kyiv were due to sit down again in Istanbul on Wednesday "
    "evening, with the Kremlin warning that it saw little prospect of quick progress.\n"
    "Dmitry Peskov, speaking to journalists in Moscow, played down hopes of a deal and "
    "said a lot of work lay ahead.\n"
    "Ukraine's team, which flew to Turkey via Ankara, hoped to agree on further prisoner "
    "swaps, officials in Kyiv said.\n"
    "The war, now in its fourth year, has seen heavy fighting along the eastern front.\n"
)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seed_dir: Path) -> Store:
    root = tmp_path_factory.mktemp("seed-store")
    distractors = root / "distractors"
    distractors.mkdir()
    for article in synthetic_articles(DISTRACTORS, seed=11):
        (distractors / f"{article.doc_id}.txt").write_text(article.text, encoding="utf-8")
    store = Store.open(root / "corpus.db")
    report = ingest(
        [distractors, seed_dir / "source.txt", seed_dir / "coverage"], store, progress=False
    )
    assert report.added == DISTRACTORS + 6 and not report.failed
    return store


@pytest.fixture(scope="session")
def seed_article(seed_dir: Path) -> Article:
    return read_file(seed_dir / "article.txt")


def _origin(store: Store, doc_id: str) -> str:
    return Path(store.get(doc_id).origin or "").name


def test_source_ranks_first_among_coverage_and_distractors(
    seed_store: Store, seed_article: Article
) -> None:
    assert seed_article.declared_source == "Aljazeera"
    found = find_source(seed_store, seed_article)
    assert found, "the source is in the store"
    assert _origin(seed_store, found[0].doc_id) == "source.txt"
    best = found[0]
    # The recovered source is the first third of the original: about a third of the
    # article's sentences reuse it.
    assert 0.2 <= best.reuse_share <= 0.5
    assert "of the article's sentences reuse its wording" in best.reason
    # Other outlets' reports of the same event are not sources.
    for other in found[1:]:
        assert other.score < best.score / 2


def test_declared_source_hint_does_not_promote_a_report_without_reuse(
    tmp_path: Path, seed_dir: Path, seed_article: Article
) -> None:
    with Store.open(tmp_path / "c.db") as store:
        for article in synthetic_articles(30, seed=12):
            store.add(article)
        store.add(read_text(OWN_WORDS_REPORT, url="https://www.aljazeera.com/news/2025/7/23/talks"))
        source_id = store.add(read_file(seed_dir / "source.txt"))
        found = find_source(store, seed_article)
        assert [c.doc_id for c in found][:1] == [source_id]
        assert all("aljazeera.com" not in (c.url or "") for c in found[:1])
        assert "declared source" not in found[0].reason


def test_declared_source_hint_is_named_when_the_source_matches(
    tmp_path: Path, seed_dir: Path, seed_article: Article
) -> None:
    with Store.open(tmp_path / "c.db") as store:
        source = read_file(seed_dir / "source.txt")
        plain = find_source_score(store, seed_article, source)
    with Store.open(tmp_path / "d.db") as store:
        hinted = replace(source, url="https://www.aljazeera.com/news/2025/7/23/russia-set")
        with_hint = find_source(store, seed_article) if store.add(hinted) else []
    assert with_hint[0].score > plain
    assert "outlet matches the declared source 'Aljazeera'" in with_hint[0].reason


def find_source_score(store: Store, article: Article, source: Article) -> float:
    store.add(source)
    return find_source(store, article)[0].score


def test_verbatim_copy_is_found_as_a_near_duplicate(tmp_path: Path) -> None:
    articles = list(synthetic_articles(40, seed=13))
    with Store.open(tmp_path / "c.db") as store:
        ids = [store.add(a) for a in articles]
        original = articles[17]
        lines = original.text.split("\n")
        copy = Article(
            "\n".join(lines[:-3]) + "\nThis story was republished from a partner site.\n",
            published=original.published,
        )
        found = find_source(store, copy)
    assert found[0].doc_id == ids[17]
    assert found[0].reuse_share > 0.8
    assert "near-duplicate" in found[0].reason


def test_a_later_copy_is_not_preferred_to_an_earlier_one(tmp_path: Path) -> None:
    original = next(iter(synthetic_articles(1, seed=14)))
    text = original.text
    with Store.open(tmp_path / "c.db") as store:
        later = store.add(
            Article(text + "Updated later.\n", published="2030-01-05", url="https://b.example/x")
        )
        earlier = store.add(
            Article(text + "First run.\n", published="2018-01-02", url="https://a.example/x")
        )
        article = Article(text, published="2025-06-01")
        found = find_source(store, article)
    assert [c.doc_id for c in found] == [earlier, later]
    assert "published after the article" in found[1].reason


def test_no_source_in_the_store_gives_no_candidate(seed_store: Store) -> None:
    article = read_text(
        "Lifeguards closed three beaches near Biarritz on Sunday after a shark was seen "
        "close to the shore, the first sighting there in a decade.\n"
        "Surfers were ordered out of the water shortly after noon.\n"
        "Marine biologist Claire Etcheverry said the animal was probably a blue shark and "
        "posed little danger, but the mayor said the beaches would stay shut until Tuesday.\n"
    )
    assert find_source(seed_store, article) == []


def test_article_in_the_store_is_not_its_own_source(seed_store: Store, seed_dir: Path) -> None:
    source = read_file(seed_dir / "source.txt")
    found = find_source(seed_store, source)
    assert all(_origin(seed_store, c.doc_id) != "source.txt" for c in found)


def test_sentences_split_on_line_breaks_and_full_stops() -> None:
    text = (
        "Port strike ends\n"
        "Dockers in Valletta returned to work on Friday morning. “The rota dispute is settled "
        "for now,” the union secretary said. Ferries to Gozo kept running throughout the week.\n"
    )
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == [  # the headline has too few words to count
        "Dockers in Valletta returned to work on Friday morning.",
        "“The rota dispute is settled for now,” the union secretary said.",
        "Ferries to Gozo kept running throughout the week.",
    ]


def test_related_documents_are_the_same_event_coverage(
    seed_store: Store, seed_article: Article
) -> None:
    related = related_documents(seed_store, analyse(seed_article), limit=10)
    origins = {Path(d.origin or "").name for d in related}
    coverage = {
        "01_thesun_my.txt",
        "03_brecorder.txt",
        "07_dawn.txt",
        "10_kyivindependent.txt",
        "13_timesofindia_via_daily8.txt",
    }
    assert coverage <= origins
    assert origins <= coverage | {"source.txt"}, "no generated distractor is related"


def test_related_documents_exclude_the_article_itself(seed_store: Store, seed_dir: Path) -> None:
    dawn = read_file(seed_dir / "coverage" / "07_dawn.txt")
    related = related_documents(seed_store, analyse(dawn), limit=10)
    names = {Path(d.origin or "").name for d in related}
    assert "07_dawn.txt" not in names
    assert "10_kyivindependent.txt" in names


def test_corroboration_from_the_store_finds_the_coverage_among_distractors(
    seed_store: Store, seed_article: Article
) -> None:
    """The corpus acceptance: coverage is found among 250 unrelated articles by entities and
    text, the swapped delegation heads are contradicted by at least two outlets each, and
    Peskov's "very difficult" expectation is corroborated."""
    from copydesk.corpus.corroborate import corroborate_from_store
    from copydesk.corpus.model import Verdict

    analysed = analyse(seed_article)
    result = corroborate_from_store(seed_store, analysed)
    text = seed_article.text

    def verdict(phrase: str, kind: str) -> tuple[Verdict, set[str]]:
        found = [v for v in result.verdicts if v.kind == kind and phrase in v.span.of(text)]
        assert len(found) == 1, [(v.claim, v.span.of(text)) for v in result.verdicts]
        return found[0].verdict, {ev.outlet or ev.doc_id for ev in found[0].evidence}

    medinsky, medinsky_outlets = verdict("will lead Kyiv’s delegation", "role")
    assert medinsky is Verdict.CONTRADICTED and len(medinsky_outlets) >= 2
    umerov, umerov_outlets = verdict("head of Russia’s delegation", "role")
    assert umerov is Verdict.CONTRADICTED and len(umerov_outlets) >= 2
    peskov, _ = verdict("very difficult", "quotation")
    assert peskov is Verdict.CORROBORATED
    assert {f.kind for f in result.findings} == {
        "corroboration.contradicted",
        "corroboration.misquoted",
    }
    for verdict_ in result.verdicts:
        for ev in verdict_.evidence:
            assert "distractor" not in (seed_store.get(ev.doc_id).origin or "")


def test_corroboration_reuses_a_source_already_parsed(
    seed_store: Store, seed_article: Article
) -> None:
    """`check --db` parses the source it redlines against once: handing it to corroboration
    gives the same verdicts as parsing it again."""
    from copydesk.corpus.corroborate import corroborate_from_store

    analysed = analyse(seed_article)
    source = analyse(seed_store.get(find_source(seed_store, seed_article)[0].doc_id))
    again = corroborate_from_store(seed_store, analysed)
    reused = corroborate_from_store(seed_store, analysed, parsed=[source])
    assert reused == again
    # A document that only shares the source's id is not mistaken for it.
    impostor = analyse(Article(OWN_WORDS_REPORT, doc_id=source.article.doc_id))
    assert corroborate_from_store(seed_store, analysed, parsed=[impostor]) == again
