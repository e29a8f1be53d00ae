"""Damaged WARC crawls: every record is either stored whole or recorded as a failure, and one
bad record never costs another."""

from __future__ import annotations

import html
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.synthetic import synthetic_articles
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from copydesk.corpus import inputs as inputs_module
from copydesk.corpus.ingest import ingest
from copydesk.corpus.store import Store
from copydesk.corpus.warc import WarcPage
from copydesk.read.article import Article

FORMATS = pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])


def page(article: Article) -> bytes:
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.text.split("\n")[1:] if p)
    title = html.escape(article.title or "")
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def crawl(
    articles: list[Article], *, gzip: bool, without_uri: frozenset[int] = frozenset()
) -> tuple[bytes, list[int]]:
    """A WARC of one response record per article, and each record's offset (plus the end)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    offsets = []
    for i, article in enumerate(articles):
        offsets.append(buf.tell())
        body = page(article)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://crawl.example/{i}",
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            length=len(body),
        )
        if i in without_uri:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    offsets.append(buf.tell())
    return buf.getvalue(), offsets


def suffix(gzip: bool) -> str:
    return ".warc.gz" if gzip else ".warc"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return list(synthetic_articles(4, seed=11))


def stored(store: Store) -> dict[str, str]:
    """URL -> text of every stored document."""
    docs = store.get_many([str(i) for i in range(1, len(store) + 1)])
    return {d.url or "": d.text for d in docs}


def whole(articles: list[Article], tmp_path: Path, gzip: bool) -> dict[str, str]:
    """URL -> text of every document the crawl gives when it is intact."""
    data, _ = crawl(articles, gzip=gzip)
    path = tmp_path / f"intact{suffix(gzip)}"
    path.write_bytes(data)
    with Store.open(tmp_path / "intact.db") as store:
        ingest([path], store, progress=False)
        return stored(store)


@FORMATS
def test_a_response_record_without_target_uri_is_one_failure(
    tmp_path: Path, articles: list[Article], gzip: bool
) -> None:
    data, at = crawl(articles, gzip=gzip, without_uri=frozenset({1}))
    path = tmp_path / f"crawl{suffix(gzip)}"
    path.write_bytes(data)
    with Store.open(tmp_path / "c.db") as store:
        report = ingest([path], store, progress=False)
        urls = set(stored(store))
        recorded = store.failures()
    assert [f.origin for f in report.failed] == [f"{path}@{at[1]}"]
    assert "WARC-Target-URI" in report.failed[0].reason
    assert [f.origin for f in recorded] == [f"{path}@{at[1]}"]
    assert urls == {f"https://crawl.example/{i}" for i in (0, 2, 3)}


def test_a_reader_fault_in_one_crawl_keeps_the_batch_it_was_in(
    tmp_path: Path, articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files stored earlier in the same batch stay stored; the crawl's failure is recorded."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, a in enumerate(articles[:2]):
        (folder / f"{i}.txt").write_text(a.text, encoding="utf-8")
    data, _ = crawl(articles[2:], gzip=False)
    (folder / "z.warc").write_bytes(data)

    def breaking(path: str | Path) -> Iterator[WarcPage]:
        yield from []
        raise RuntimeError("a reader fault")

    monkeypatch.setattr(inputs_module, "read_warc", breaking)
    with Store.open(tmp_path / "c.db") as store:
        report = ingest([folder], store, progress=False)
        assert len(store) == 2
        assert [f.origin for f in store.failures()] == [str(folder / "z.warc")]
    assert report.added == 2
    assert "RuntimeError" in report.failed[0].reason


@FORMATS
def test_a_truncated_last_record_is_a_failure_and_a_complete_copy_is_stored_later(
    tmp_path: Path, articles: list[Article], gzip: bool
) -> None:
    data, at = crawl(articles, gzip=gzip)
    cut = tmp_path / f"a-cut{suffix(gzip)}"
    cut.write_bytes(data[: at[3] + (at[4] - at[3]) // 2])
    complete = tmp_path / f"b-complete{suffix(gzip)}"
    complete.write_bytes(data)
    with Store.open(tmp_path / "c.db") as store:
        first = ingest([cut], store, progress=False)
        assert [f.origin for f in first.failed] == [f"{cut}@{at[3]}"]
        assert "https://crawl.example/3" not in stored(store)
        second = ingest([complete], store, progress=False)
        texts = stored(store)
    assert second.added == 1 and second.duplicates == 3
    assert texts == whole(articles, tmp_path, gzip)


@FORMATS
def test_a_record_cut_short_does_not_swallow_the_next(
    tmp_path: Path, articles: list[Article], gzip: bool
) -> None:
    data, at = crawl(articles, gzip=gzip)
    path = tmp_path / f"crawl{suffix(gzip)}"
    path.write_bytes(data[: at[1] + (at[2] - at[1]) // 2] + data[at[2] :])
    with Store.open(tmp_path / "c.db") as store:
        report = ingest([path], store, progress=False)
        texts = stored(store)
    assert [f.origin for f in report.failed] == [f"{path}@{at[1]}"]
    intact = whole(articles, tmp_path, gzip)
    assert texts == {url: text for url, text in intact.items() if url != "https://crawl.example/1"}


@FORMATS
@pytest.mark.parametrize("garbage", [b"garbage between records\r\n", b"\x00garbage"])
def test_an_intact_record_after_garbage_is_stored(
    tmp_path: Path, articles: list[Article], gzip: bool, garbage: bytes
) -> None:
    data, at = crawl(articles, gzip=gzip)
    path = tmp_path / f"crawl{suffix(gzip)}"
    path.write_bytes(data[: at[2]] + garbage + data[at[2] :])
    with Store.open(tmp_path / "c.db") as store:
        report = ingest([path], store, progress=False)
        texts = stored(store)
    assert [f.origin for f in report.failed] == [f"{path}@{at[2]}"]
    assert "damaged" in report.failed[0].reason
    assert texts == whole(articles, tmp_path, gzip)


# -- ARC, WARC's predecessor: version 1 (five header fields) and version 2 (ten) -------------

ARC_SPECS = {
    1: b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n",
    2: b"2 0 Example\nURL IP-address Archive-date Content-type Result-code Checksum Location "
    b"Offset Filename Archive-length\n",
}


def arc(articles: list[Article], version: int, *, short: int | None = None) -> bytes:
    """An ARC file of one HTTP response per article, the record ``short`` declaring a length
    7 bytes short of its block."""
    spec = ARC_SPECS[version]
    out = b"filedesc://crawl.arc 0.0.0.0 20240101000000 text/plain %d\n%s\n" % (len(spec), spec)
    for i, article in enumerate(articles):
        body = page(article)
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (
            len(body),
            body,
        )
        length = len(block) - (7 if i == short else 0)
        fields = [b"https://crawl.example/%d" % i, b"192.0.2.1", b"20240101000000", b"text/html"]
        if version == 2:
            fields += [b"200", b"-", b"-", b"%d" % len(out), b"crawl.arc"]
        out += b" ".join([*fields, b"%d" % length]) + b"\n" + block + b"\n"
    return out


@pytest.mark.parametrize("version", [1, 2])
def test_an_arc_file_gives_every_page_and_a_damaged_record_costs_only_itself(
    tmp_path: Path, articles: list[Article], version: int
) -> None:
    five = [*articles, *synthetic_articles(1, seed=12)]
    intact, damaged = tmp_path / "intact.arc", tmp_path / "damaged.arc"
    intact.write_bytes(arc(five, version))
    damaged.write_bytes(arc(five, version, short=1))
    with Store.open(tmp_path / "intact.db") as store:
        report = ingest([intact], store, progress=False)
        assert (report.added, report.failed) == (5, ())
        every = stored(store)
    with Store.open(tmp_path / "damaged.db") as store:
        report = ingest([damaged], store, progress=False)
        texts = stored(store)
    assert report.added == 4 and len(report.failed) == 1
    assert "damaged" in report.failed[0].reason
    assert texts == {url: text for url, text in every.items() if url != "https://crawl.example/1"}
