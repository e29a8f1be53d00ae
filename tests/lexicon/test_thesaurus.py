"""The spinner's swaps: fixed phrases, places and titles one thesaurus synonym away, read
from the file `make install` builds or, without it, from the sources themselves."""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from copydesk.lexicon import thesaurus

PROBES = {
    "phrases": [("charge", "cut"), ("state", "medium"), ("interest", "rate"), ("course", "record")],
    "places": ["West Palm Seaside", "West Palm Beach", "White Rock Lake"],
    "titles": ["choose", "minister", "prime"],
}


def _forget() -> None:
    thesaurus._tables.cache_clear()
    for look_up in (
        thesaurus.tortured,
        thesaurus.is_place,
        thesaurus.corrupted_place,
        thesaurus.title_behind,
    ):
        look_up.cache_clear()


@pytest.fixture
def reading(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    def use(path: Path) -> None:
        monkeypatch.setattr(thesaurus, "CACHE_FILE", path)
        _forget()

    yield use
    _forget()


def _answers() -> list[object]:
    return [
        *(thesaurus.tortured(a, b) for a, b in PROBES["phrases"]),
        *(thesaurus.corrupted_place(p) for p in PROBES["places"]),
        *(thesaurus.is_place(p) for p in PROBES["places"]),
        *(thesaurus.title_behind(t) for t in PROBES["titles"]),
    ]


def test_the_swaps_name_the_original_and_the_thesaurus() -> None:
    _forget()
    cut = thesaurus.tortured("charge", "cut")
    assert cut is not None and (cut.original, cut.written, cut.replaced) == (
        "tax cut",
        "charge",
        "tax",
    )
    assert cut.thesauri == (thesaurus.MYTHES,)
    beach = thesaurus.corrupted_place("West Palm Seaside")
    assert beach is not None and beach.original == "West Palm Beach"
    assert beach.thesauri == (thesaurus.AIKSAURUS,)
    judge = thesaurus.title_behind("Choose")
    assert judge is not None and judge.original == "judge"
    # phrases of their own, real places and titles are no swaps
    assert thesaurus.tortured("interest", "rate") is None
    assert thesaurus.tortured("state", "medium") is None  # "state media": a common pair
    assert thesaurus.corrupted_place("West Palm Beach") is None
    assert thesaurus.is_place("West Palm Beach")
    assert thesaurus.title_behind("minister") is None


def test_the_built_file_answers_as_the_sources(
    tmp_path: Path, reading: Callable[[Path], None]
) -> None:
    built = thesaurus.build(tmp_path / "tortured.marshal")
    reading(built)
    from_file = _answers()
    stale = marshal.loads(built.read_bytes())
    stale["stamp"] = {}
    (tmp_path / "stale").write_bytes(marshal.dumps(stale))
    reading(tmp_path / "stale")
    assert _answers() == from_file
