"""The corpus store: one SQLite file holding documents, their full-text index and MinHash bands.

Layout (schema version in the ``meta`` table, with the MinHash settings the bands were made
with):

- ``documents``: one row per stored article (text and metadata); ``content_hash`` (SHA-256
  of the whitespace-normalised text) is unique, and so is ``url`` when known, so storing the
  same article twice is a no-op.
- ``documents_fts``: an FTS5 index over ``title`` and ``text`` (external content: the text
  lives once, in ``documents``), with the Porter stemmer so that "anticipated" finds
  "anticipates".
- ``signatures``: each document's MinHash signature (512 bytes).
- ``lsh_bands``: the signature's band keys (see `copydesk.corpus.minhash`), an indexed table
  that answers near-duplicate queries without loading anything at open time.
- ``failures``: inputs that could not be stored, with the reason a user can act on.

A document, its FTS row, its signature and its band keys are written in one transaction, so
a process killed at any point leaves either all of them or none.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import quote

import numpy as np

from copydesk.corpus import minhash
from copydesk.corpus.model import DEFAULT_DB
from copydesk.errors import InputError, StoreError
from copydesk.lexicon.normalise import WORD_CHARACTER_RUN
from copydesk.model import Span
from copydesk.read.article import Article, Excluded

#: Bumped whenever the tables change shape; a store of another version is refused, except
#: the versions in `MIGRATIONS`, which are brought up to date when the store is opened.
SCHEMA_VERSION = 2

#: Statements that bring a store of an older version up to the next: version 2 records the
#: news agency a document is credited to (``wire``).
MIGRATIONS: dict[int, tuple[str, ...]] = {1: ("ALTER TABLE documents ADD COLUMN wire TEXT",)}

#: SQLite page cache per connection (negative = KiB). 64 MiB keeps the band index's upper
#: levels in memory while a 100,000-document store is built.
CACHE_KIB = 64 * 1024

#: Near-duplicate candidates verified per query at most (each costs one signature compare).
MAX_LSH_CANDIDATES = 2000

#: Seconds a connection waits for another process's write lock before giving up. A batch of
#: `copydesk.corpus.ingest.BATCH_SIZE` documents commits in well under a second, and a
#: checkpoint of a large ingest's log in a few; 30 s lets one ingest wait out another's
#: batches, and a store held longer than that is reported as locked.
BUSY_TIMEOUT_S = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    declared_source TEXT,
    wire TEXT,
    byline TEXT,
    text TEXT NOT NULL,
    excluded TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    ingested_at TEXT NOT NULL,
    origin TEXT,
    format TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_url ON documents(url) WHERE url IS NOT NULL;
CREATE INDEX IF NOT EXISTS documents_origin ON documents(origin);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS signatures (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id),
    minhash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS lsh_bands (
    key INTEGER NOT NULL,
    doc_id INTEGER NOT NULL,
    PRIMARY KEY (key, doc_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS failures (
    id INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS failures_origin ON failures(origin);
"""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text match; ``rank`` is FTS5's BM25 (lower is better)."""

    doc_id: str
    rank: float
    title: str | None
    outlet: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """A stored document whose shingles overlap the query's (estimated Jaccard similarity)."""

    doc_id: str
    similarity: float


@dataclass(frozen=True, slots=True)
class StoreCounts:
    documents: int
    fts_rows: int
    signatures: int
    failures: int

    @property
    def consistent(self) -> bool:
        return self.documents == self.fts_rows == self.signatures


@dataclass(frozen=True, slots=True)
class Failure:
    origin: str
    reason: str
    at: str


def content_hash(text: str) -> str:
    """SHA-256 of the text with runs of whitespace collapsed: re-wrapping is not a new article."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def fts_query(terms: Sequence[str], *, any_term: bool = True) -> str:
    """An FTS5 MATCH expression for plain words, each quoted so no word acts as an operator."""
    seen: list[str] = []
    for term in terms:
        for word in WORD_CHARACTER_RUN.findall(term):
            quoted = '"' + word.replace('"', '""') + '"'
            if quoted not in seen:
                seen.append(quoted)
    return (" OR " if any_term else " AND ").join(seen)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _doc_key(doc_id: str | int) -> int:
    try:
        return int(doc_id)
    except (TypeError, ValueError):
        raise KeyError(doc_id) from None


class Store:
    """A corpus in one SQLite file. Open with `Store.open(path)`; use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._depth = 0
        self.readonly = False
        self._columns = _COLUMNS  # what a document row is read from
        self.bands, self.rows = minhash.band_layout(minhash.LSH_THRESHOLD, minhash.NUM_PERM)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path = DEFAULT_DB,
        *,
        check_same_thread: bool = True,
        readonly: bool | None = None,
    ) -> Store:
        """Open (creating if needed) the store at ``path``.

        ``readonly``: True opens an existing store for reading only; None (the default) does
        so when the file or its folder cannot be written (a store on read-only media), and
        opens it for writing otherwise.

        Raises `InputError` when the file is not a copydesk store or was made by another
        schema version, and `StoreError` when SQLite cannot use it (damaged, locked, full).
        """
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{p} is a folder, not a copydesk store file.")
        if p.parent and not p.parent.exists():
            raise InputError(f"The folder {p.parent} for the store {p.name} does not exist.")
        if readonly is None:
            readonly = p.exists() and not _writable(p)
        if readonly and not p.is_file():
            raise InputError(f"There is no copydesk store at {p}.")
        try:
            conn = _connect(p, readonly=readonly, check_same_thread=check_same_thread)
            store = cls(conn, p)
            store.readonly = readonly
            if not readonly:
                store._refuse_damage()
            store._init_schema()
        except sqlite3.Error as exc:
            explained = store_error(exc, p)
            if explained is None or exc.sqlite_errorcode == sqlite3.SQLITE_NOTADB:
                raise InputError(f"{p} is not a copydesk store ({exc}).") from None
            raise explained from None
        return store

    def _refuse_damage(self) -> None:
        """Before anything is written: a store with damaged pages is refused, since writing
        into it spreads the damage. SQLite's quick check reads every page once; it is given
        `WRITE_CHECK_SECONDS`, and a store too large to finish in that time is opened as it is."""
        conn = self._conn
        deadline = time.monotonic() + WRITE_CHECK_SECONDS
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                return
            raise
        finally:
            conn.set_progress_handler(None, 0)
        if verdict != "ok":
            raise StoreError(_ENVIRONMENT_ERRORS[sqlite3.SQLITE_CORRUPT].format(path=self.path))

    def _init_schema(self) -> None:
        conn = self._conn
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if has_meta:
            version = self.meta("schema_version")
            if version is None:
                raise InputError(f"{self.path} is an SQLite file but not a copydesk store.")
            if int(version) in MIGRATIONS and self.readonly:
                self._columns = _COLUMNS.replace(" wire,", " NULL AS wire,")  # read as it is
            elif int(version) in MIGRATIONS:
                self._migrate(int(version))
            elif int(version) != SCHEMA_VERSION:
                raise InputError(
                    f"{self.path} was made with store schema {version}; "
                    f"this copydesk reads schema {SCHEMA_VERSION}."
                )
            settings = self._settings()
            for key, value in settings.items():
                stored = self.meta(key)
                if stored is not None and stored != value:
                    raise InputError(
                        f"{self.path} was indexed with {key}={stored}, not {value}; "
                        "re-ingest into a new store."
                    )
            return
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise InputError(f"{self.path} is an SQLite file but not a copydesk store.")
        with self.transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            rows = {"schema_version": str(SCHEMA_VERSION), **self._settings()}
            conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", rows.items())

    def _migrate(self, version: int) -> None:
        with self.transaction():
            while version in MIGRATIONS:
                for statement in MIGRATIONS[version]:
                    self._conn.execute(statement)
                version += 1
            self._conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),)
            )

    def _settings(self) -> dict[str, str]:
        return {
            "minhash_num_perm": str(minhash.NUM_PERM),
            "minhash_seed": str(minhash.MINHASH_SEED),
            "minhash_scheme": minhash.MINHASH_SCHEME,
            "shingle_words": str(minhash.SHINGLE_WORDS),
            "lsh_threshold": str(minhash.LSH_THRESHOLD),
            "lsh_bands": str(self.bands),
            "lsh_rows": str(self.rows),
        }

    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the store file (after a large ingest)."""
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the store; an SQLite error from inside the block that the environment
        caused (disk full, locked, damaged, read-only) leaves it as a `StoreError`."""
        try:
            self.close()
        except sqlite3.Error:
            pass
        if isinstance(exc, sqlite3.Error):
            explained = store_error(exc, self.path)
            if explained is not None:
                raise explained from exc

    # -- transactions --------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes; nested uses join the outer transaction. Rolled back on any error."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self._conn.execute("COMMIT")

    # -- writing -------------------------------------------------------------------------

    def has_hash(self, digest: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM documents WHERE content_hash = ?", (digest,))
        return row.fetchone() is not None

    def has_url(self, url: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM documents WHERE url = ?", (url,))
        return row.fetchone() is not None

    def has_origin(self, origin: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM documents WHERE origin = ?", (origin,))
        return row.fetchone() is not None

    def add(self, article: Article, *, signature: np.ndarray | None = None) -> str | None:
        """Store ``article``; its id, or None when the same text or URL is already stored.

        ``signature`` may be passed when it was computed elsewhere (a worker process).
        """
        if not article.text.strip():
            raise InputError("The article is empty; there is nothing to store.")
        digest = content_hash(article.text)
        if self.has_hash(digest) or (article.url and self.has_url(article.url)):
            return None
        sig = minhash.signature(article.body) if signature is None else signature
        try:
            return self._insert(article, digest, sig)
        except sqlite3.IntegrityError:  # stored meanwhile by another process
            return None

    def _insert(self, article: Article, digest: str, sig: np.ndarray) -> str:
        excluded = json.dumps(
            [[e.span.start, e.span.end, e.reason, e.label] for e in article.excluded]
        )
        with self.transaction():
            cur = self._conn.execute(
                "INSERT INTO documents(url, outlet, title, published, declared_source, wire,"
                " byline, text, excluded, content_hash, ingested_at, origin, format)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.url,
                    article.outlet,
                    article.title,
                    article.published,
                    article.declared_source,
                    article.wire,
                    article.byline,
                    article.text,
                    excluded,
                    digest,
                    _now(),
                    article.origin,
                    article.format,
                ),
            )
            rowid = cur.lastrowid
            assert rowid is not None
            self._conn.execute(
                "INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)",
                (rowid, article.title or "", article.text),
            )
            self._conn.execute(
                "INSERT INTO signatures(doc_id, minhash) VALUES (?, ?)",
                (rowid, minhash.to_blob(sig)),
            )
            self._conn.executemany(
                "INSERT OR IGNORE INTO lsh_bands(key, doc_id) VALUES (?, ?)",
                [(k, rowid) for k in minhash.band_keys(sig, self.bands, self.rows)],
            )
        return str(rowid)

    def record_failure(self, origin: str, reason: str) -> None:
        """Note that ``origin`` could not be stored and why (one sentence a user can act on).

        The same failure recorded again (a re-run) replaces the earlier note.
        """
        with self.transaction():
            self._conn.execute(
                "DELETE FROM failures WHERE origin = ? AND reason = ?", (origin, reason)
            )
            self._conn.execute(
                "INSERT INTO failures(origin, reason, at) VALUES (?, ?, ?)",
                (origin, reason, _now()),
            )

    # -- reading -------------------------------------------------------------------------

    def get(self, doc_id: str | int) -> Article:
        """The stored article ``doc_id``; KeyError when there is none."""
        row = self._conn.execute(
            f"SELECT {self._columns} FROM documents WHERE id = ?",
            (_doc_key(doc_id),),
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        article = _article(row)
        if article is None:
            raise StoreError(
                f"Document {doc_id} of {self.path} is damaged (its stored fields cannot be "
                "read); ingest it again or restore the store from a copy."
            )
        return article

    def doc_ids(self) -> list[str]:
        """The identifiers of every stored document, in the order they were stored."""
        rows = self._conn.execute("SELECT id FROM documents ORDER BY id").fetchall()
        return [str(row[0]) for row in rows]

    def get_many(self, doc_ids: Sequence[str | int]) -> list[Article]:
        """The stored articles, in the order asked; unknown ids are left out."""
        keys = [_doc_key(d) for d in doc_ids]
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self._conn.execute(
            f"SELECT {self._columns} FROM documents WHERE id IN ({marks})",
            keys,
        ).fetchall()
        by_id = {row[0]: _article(row) for row in rows}
        # a damaged row is that document's failure: the others are still read
        return [a for k in keys if (a := by_id.get(k)) is not None]

    def content_hash_of(self, doc_id: str | int) -> str | None:
        row = self._conn.execute(
            "SELECT content_hash FROM documents WHERE id = ?", (_doc_key(doc_id),)
        ).fetchone()
        return None if row is None else str(row[0])

    def id_for_hash(self, digest: str) -> str | None:
        row = self._conn.execute(
            "SELECT id FROM documents WHERE content_hash = ?", (digest,)
        ).fetchone()
        return None if row is None else str(row[0])

    def search_text(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Documents matching any word of ``query``, best BM25 first (title counts double)."""
        expression = fts_query([query])
        return self.match(expression, limit) if expression else []

    def match(self, expression: str, limit: int = 10) -> list[SearchHit]:
        """Documents matching an FTS5 expression (see `fts_query`), best BM25 first."""
        try:
            rows = self._conn.execute(
                "SELECT d.id, bm25(documents_fts, 2.0, 1.0) AS r, d.title, d.outlet, d.url"
                " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
                " WHERE documents_fts MATCH ? ORDER BY r LIMIT ?",
                (expression, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise InputError(f"The search {expression!r} could not be run ({exc}).") from None
        return [SearchHit(str(r[0]), float(r[1]), r[2], r[3], r[4]) for r in rows]

    def document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        """How many documents contain each (stemmed, lower-cased) FTS term."""
        self._ensure_vocab()
        out: dict[str, int] = {}
        unique = sorted(set(terms))
        for i in range(0, len(unique), 500):
            chunk = unique[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for term, doc in self._conn.execute(
                f"SELECT term, doc FROM documents_vocab WHERE term IN ({marks})", chunk
            ):
                out[str(term)] = int(doc)
        return out

    def _ensure_vocab(self) -> None:
        # fts5vocab tables are read-only views; creating one in the temp schema leaves the
        # store file untouched (and so works on a read-only store too).
        self._conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.documents_vocab"
            " USING fts5vocab(main, 'documents_fts', 'row')"
        )

    def near_duplicates(
        self, text: str, limit: int = 10, *, min_similarity: float = minhash.LSH_THRESHOLD
    ) -> list[NearDuplicate]:
        """Stored documents whose shingles overlap ``text``'s, most similar first."""
        return self.near_duplicates_of(minhash.signature(text), limit, min_similarity)

    def near_duplicates_of(
        self, sig: np.ndarray, limit: int = 10, min_similarity: float = minhash.LSH_THRESHOLD
    ) -> list[NearDuplicate]:
        keys = minhash.band_keys(sig, self.bands, self.rows)
        marks = ",".join("?" * len(keys))
        rows = self._conn.execute(
            f"SELECT s.doc_id, s.minhash FROM signatures s WHERE s.doc_id IN"
            f" (SELECT DISTINCT doc_id FROM lsh_bands WHERE key IN ({marks}) LIMIT ?)",
            [*keys, MAX_LSH_CANDIDATES],
        ).fetchall()
        if not rows:
            return []
        sims = minhash.similarities(sig, [minhash.from_blob(r[1]) for r in rows])
        found = [
            NearDuplicate(str(r[0]), s)
            for r, s in zip(rows, sims, strict=True)
            if s >= min_similarity
        ]
        found.sort(key=lambda d: (-d.similarity, int(d.doc_id)))
        return found[:limit]

    def failures(self) -> list[Failure]:
        rows = self._conn.execute("SELECT origin, reason, at FROM failures ORDER BY id")
        return [Failure(str(o), str(r), str(a)) for o, r, a in rows]

    def counts(self) -> StoreCounts:
        one = self._conn.execute
        return StoreCounts(
            documents=one("SELECT count(*) FROM documents").fetchone()[0],
            fts_rows=one("SELECT count(*) FROM documents_fts_docsize").fetchone()[0],
            signatures=one("SELECT count(*) FROM signatures").fetchone()[0],
            failures=one("SELECT count(*) FROM failures").fetchone()[0],
        )

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def check_integrity(self) -> bool:
        """True when SQLite, the FTS index and the signature tables all agree."""
        try:
            ok = self._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            self._conn.execute(
                "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError:
            return False
        orphans = self._conn.execute(
            "SELECT count(*) FROM lsh_bands WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        return ok and orphans == 0 and self.counts().consistent


_COLUMNS = (
    "id, text, title, byline, published, url, outlet, declared_source, wire, excluded, origin,"
    " format"
)


def _article(row: Sequence[object]) -> Article | None:
    """The article a row holds; None when its fields cannot be read (a damaged row)."""
    (doc_id, text, title, byline, published, url, outlet, declared, wire, excluded, origin, fmt) = (
        row
    )
    spans: tuple[Excluded, ...] = ()
    if excluded:
        try:
            spans = tuple(
                Excluded(Span(int(s), int(e)), str(reason), str(label))
                for s, e, reason, label in json.loads(str(excluded))
            )
        except (ValueError, TypeError):
            return None
    return Article(
        text=str(text),
        doc_id=str(doc_id),
        title=_opt(title),
        byline=_opt(byline),
        published=_opt(published),
        url=_opt(url),
        outlet=_opt(outlet),
        declared_source=_opt(declared),
        wire=_opt(wire),
        excluded=spans,
        origin=_opt(origin),
        format=str(fmt or "text"),
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


# -- opening and SQLite's errors --------------------------------------------------------------


def _writable(path: Path) -> bool:
    """Whether the store file and its folder (where SQLite keeps its log) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _connect(path: Path, *, readonly: bool, check_same_thread: bool) -> sqlite3.Connection:
    if not readonly:
        conn = sqlite3.connect(
            str(path),
            isolation_level=None,
            check_same_thread=check_same_thread,
            timeout=BUSY_TIMEOUT_S,
        )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        _tune(conn)
        return conn
    uri = "file:" + quote(str(path.absolute()))
    conn = sqlite3.connect(
        f"{uri}?mode=ro",
        uri=True,
        isolation_level=None,
        check_same_thread=check_same_thread,
        timeout=BUSY_TIMEOUT_S,
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A store in WAL mode needs its shared-memory file, which read-only media cannot
        # hold: read it as an immutable file instead (nothing can write it there either).
        conn.close()
        conn = sqlite3.connect(
            f"{uri}?mode=ro&immutable=1",
            uri=True,
            isolation_level=None,
            check_same_thread=check_same_thread,
        )
    _tune(conn)
    conn.execute("PRAGMA query_only=ON")
    return conn


def _tune(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    conn.execute("PRAGMA foreign_keys=ON")


#: SQLite's result codes for faults of the machine or of the file, not of copydesk, each with
#: what the user can do about it; "{path}" is the store file.
#: Seconds the integrity check of a store opened for writing may take. SQLite's quick check
#: read a 126 MB file in 0.11 s here (from the page cache), so stores of a few GB are checked
#: whole; a larger or colder one is opened unchecked rather than kept waiting.
WRITE_CHECK_SECONDS = 5.0

_ENVIRONMENT_ERRORS: dict[int, str] = {
    sqlite3.SQLITE_FULL: (
        "The disk holding {path} is full (or the file size limit was reached); free some "
        "space and run again: what was stored before is kept."
    ),
    sqlite3.SQLITE_IOERR: (
        "{path} could not be written or read (a disk error, a full disk or the file size "
        "limit); check the disk and run again: what was stored before is kept."
    ),
    sqlite3.SQLITE_BUSY: (
        "{path} is locked by another process (another ingest?); run again when it has finished."
    ),
    sqlite3.SQLITE_LOCKED: (
        "{path} is locked by another process (another ingest?); run again when it has finished."
    ),
    sqlite3.SQLITE_CORRUPT: (
        "{path} is damaged (SQLite reports corrupt pages); restore it from a copy or "
        "ingest again into a new store."
    ),
    sqlite3.SQLITE_NOTADB: "{path} is not an SQLite file, so not a copydesk store.",
    sqlite3.SQLITE_READONLY: (
        "{path} is read-only, so nothing can be stored in it; ingest into a store you can write."
    ),
    sqlite3.SQLITE_CANTOPEN: (
        "{path} cannot be opened (its folder may be read-only or missing); check the path "
        "and its permissions."
    ),
    sqlite3.SQLITE_PERM: "{path} cannot be opened: permission denied.",
    sqlite3.SQLITE_NOMEM: "SQLite ran out of memory working on {path}; free some and run again.",
}


def store_error(exc: sqlite3.Error, path: str | Path) -> StoreError | None:
    """The one-sentence error for an SQLite error the environment caused; None for any other
    (a fault in copydesk)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    message = _ENVIRONMENT_ERRORS.get(code & 0xFF)  # extended codes keep the primary below
    return None if message is None else StoreError(message.format(path=path))
