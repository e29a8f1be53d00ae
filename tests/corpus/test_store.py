"""The corpus store on a real SQLite file: storing, deduplicating, searching, reopening."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from copydesk.corpus.store import SCHEMA_VERSION, Store
from copydesk.errors import InputError
from copydesk.model import Span
from copydesk.read.article import Article, Excluded

HARBOUR = (
    "Port workers in Valletta walked out on Tuesday over a new shift rota.\n"
    "The union said about 1,200 dockers joined the strike, which halted container traffic "
    "at the Freeport terminal for most of the day.\n"
    "“We were never consulted about these rotas,” said Marija Camilleri, the union's "
    "general secretary.\n"
    "The port authority said talks would resume on Thursday and that ferries to Gozo were "
    "running normally.\n"
)

ORCHARD = (
    "A late frost has damaged apple orchards across the Tyrol, growers said on Monday.\n"
    "Temperatures fell to minus five degrees overnight, the coldest May night since 1991.\n"
    "Growers' association head Lukas Gasser said up to a third of the blossom was lost and "
    "asked the regional government for emergency aid.\n"
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "corpus.db")
    yield s
    s.close()


def test_same_article_twice_is_stored_once(store: Store) -> None:
    first = store.add(Article(HARBOUR, url="https://news.example/port-strike"))
    assert first is not None
    assert store.add(Article(HARBOUR, url="https://news.example/port-strike")) is None
    # Re-wrapped lines are the same text.
    assert store.add(Article(HARBOUR.replace("\n", "\n\n").replace(" ", "  "))) is None
    # Another text at an address already stored is the same page, fetched again.
    assert store.add(Article(ORCHARD, url="https://news.example/port-strike")) is None
    assert len(store) == 1
    assert store.add(Article(ORCHARD)) is not None
    assert store.counts().documents == 2
    assert store.counts().consistent


def test_stored_article_comes_back_with_its_metadata_and_junk_marks(store: Store) -> None:
    text = HARBOUR + "Leave a Reply\n"
    junk = Span(len(HARBOUR), len(text) - 1)
    doc_id = store.add(
        Article(
            text,
            title="Valletta dockers strike over rotas",
            published="2024-05-14",
            url="https://news.example/port-strike",
            outlet="Island Times",
            declared_source="Reuters",
            excluded=(Excluded(junk, "junk", "comment form"),),
        )
    )
    assert doc_id is not None
    got = store.get(doc_id)
    assert got.doc_id == doc_id
    assert got.text == text
    assert (got.title, got.published, got.outlet, got.declared_source) == (
        "Valletta dockers strike over rotas",
        "2024-05-14",
        "Island Times",
        "Reuters",
    )
    assert "Leave a Reply" not in got.body and len(got.body) == len(text)
    with pytest.raises(KeyError):
        store.get("999")


def test_full_text_search_finds_the_right_article(store: Store) -> None:
    harbour = store.add(Article(HARBOUR, title="Valletta dockers strike"))
    orchard = store.add(Article(ORCHARD, title="Frost hits Tyrol orchards"))
    assert [h.doc_id for h in store.search_text("dockers Freeport", 5)] == [harbour]
    # Porter stemming: "orchard" finds "orchards", "damaging" finds "damaged".
    assert [h.doc_id for h in store.search_text("damaging orchard", 5)] == [orchard]
    # Words that are FTS5 operators or punctuation are searched as plain words.
    assert store.search_text('frost AND NOT ("Tyrol" OR', 5)[0].doc_id == orchard
    assert store.search_text("cricket", 5) == []


def test_near_duplicates_find_edited_copies_not_other_news(store: Store) -> None:
    harbour = store.add(Article(HARBOUR))
    store.add(Article(ORCHARD))
    edited = HARBOUR.replace("Tuesday", "Wednesday").replace("1,200", "1,300")
    found = store.near_duplicates(edited)
    assert [d.doc_id for d in found] == [harbour]
    assert found[0].similarity >= 0.5
    other = (
        "Councillors in Ghent approved a plan on Friday to close the city centre to cars on "
        "Sundays from September, after a two-year trial that cut air pollution.\n"
    )
    assert store.near_duplicates(other) == []


def test_store_reopens_with_its_index(tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    with Store.open(path) as store:
        harbour = store.add(Article(HARBOUR))
        store.record_failure("broken.html", "broken.html is empty.")
    with Store.open(path) as store:
        assert store.counts().documents == 1
        assert store.counts().failures == 1
        assert store.failures()[0].reason == "broken.html is empty."
        assert [d.doc_id for d in store.near_duplicates(HARBOUR)] == [harbour]
        assert store.meta("schema_version") == str(SCHEMA_VERSION)
        assert store.check_integrity()


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(InputError, match="not a copydesk store"):
        Store.open(text)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(InputError, match="not a copydesk store"):
        Store.open(other)
    with pytest.raises(InputError, match="folder"):
        Store.open(tmp_path)


def test_a_store_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(InputError, match="schema 999"):
        Store.open(path)


def test_an_empty_article_is_refused(store: Store) -> None:
    with pytest.raises(InputError):
        store.add(Article("   \n  "))
    assert len(store) == 0
