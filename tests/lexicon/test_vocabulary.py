"""The spelling vocabulary: the file ``make install`` builds answers exactly as wordfreq and
pyspellchecker do, a missing, stale or damaged file changes no answer, and a check with the
file in place loads neither library."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, SEED
from spellchecker import SpellChecker
from wordfreq import top_n_list, zipf_frequency

from copydesk.lexicon import vocabulary


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return vocabulary.build(tmp_path_factory.mktemp("vocabulary") / "vocabulary.marshal")


def _forget() -> None:
    for cached in (
        vocabulary._table,
        vocabulary.zipf,
        vocabulary.in_spelling_dictionary,
        vocabulary.top_words,
    ):
        cached.cache_clear()


@pytest.fixture
def reading(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Point the look-ups at a file."""

    def use(path: Path) -> None:
        monkeypatch.setattr(vocabulary, "CACHE_FILE", path)
        _forget()

    yield use
    _forget()


def _probe_words() -> set[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))]
    words = {w for t in texts for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", t)}
    made_up = {"miraclear", "performed", "qzxv", "hectometres", "renunciating", "Turkiye"}
    odd = {"well-known", "o'clock", "don't", "1,000", "covid19", "naïve", "Ukraine's", ""}
    return words | {w.lower() for w in words} | made_up | odd


def _answers(words: set[str]) -> dict[str, tuple[float, bool]]:
    return {w: (vocabulary.zipf(w), vocabulary.in_spelling_dictionary(w)) for w in sorted(words)}


def test_the_built_file_answers_as_the_libraries(
    built: Path, reading: Callable[[Path], None]
) -> None:
    reading(built)
    assert vocabulary._table() is not None
    speller = SpellChecker()
    words = _probe_words()
    assert _answers(words) == {w: (zipf_frequency(w, "en"), w in speller) for w in sorted(words)}
    assert vocabulary.top_words("en", 100_000) == tuple(top_n_list("en", 100_000))
    for lang in ("fr", "de", "ru", "zh"):
        assert vocabulary.top_words(lang, 150) == tuple(top_n_list(lang, 150))
    assert vocabulary.zipf("miraclear") == 0.0 and vocabulary.zipf("miracle") > 3
    assert vocabulary.in_spelling_dictionary("Hectometers")


def test_a_stale_damaged_or_missing_file_changes_no_answer(
    built: Path, tmp_path: Path, reading: Callable[[Path], None]
) -> None:
    reading(built)
    expected = _answers(_probe_words())
    stale = marshal.loads(built.read_bytes())
    stale["stamp"]["wordfreq"] = "0.0"
    (tmp_path / "stale").write_bytes(marshal.dumps(stale))
    (tmp_path / "damaged").write_bytes(built.read_bytes()[:1000])
    for path in (tmp_path / "stale", tmp_path / "damaged", tmp_path / "missing"):
        reading(path)
        assert vocabulary._table() is None, path.name
        assert _answers(_probe_words()) == expected, path.name


def test_a_check_with_the_installed_file_loads_neither_library() -> None:
    _forget()
    if vocabulary._table() is None:
        pytest.skip("the vocabulary file is not built here (make install builds it)")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "copydesk", "check"]
        + [str(EXAMPLES / "reworded.txt"), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "copydesk.checks.copy" in imported
    assert not imported & {"wordfreq", "spellchecker"}
