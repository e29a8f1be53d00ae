"""Provenance and corroboration (`eval/corroboration.py`) must not drop below their pinned
floors: the original is chosen among a story's copies in every store, a quotation changed in
one word is caught against the seed's independent coverage, and unchanged texts get no
misquote."""

from __future__ import annotations

import pytest
from conftest import SEED
from eval_scripts import load

pytestmark = pytest.mark.skipif(not SEED.is_dir(), reason="../shared/cases/seed is not here")

#: Measured with `.venv/bin/python eval/corroboration.py`.
MEASURED_SOURCE_ACCURACY = 1.0
MEASURED_SYNONYM_RECALL = 0.83
MEASURED_GARBLED_RECALL = 1.0
#: Slack under a measured recall: one changed quotation of the six of each kind.
MARGIN = 0.17


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    return load("corroboration").run()


def test_the_original_is_chosen_in_every_store(scores) -> None:  # type: ignore[no-untyped-def]
    assert sum(len(r) for r in scores.source_cases.values()) >= 30
    assert scores.source_accuracy >= MEASURED_SOURCE_ACCURACY, scores.source_cases


def test_one_word_misquotes_are_caught(scores) -> None:  # type: ignore[no-untyped-def]
    assert len(scores.misquotes["synonym"]) >= 5 and len(scores.misquotes["garbled"]) >= 5
    assert scores.recall("synonym") >= MEASURED_SYNONYM_RECALL - MARGIN, scores.missed
    assert scores.recall("garbled") >= MEASURED_GARBLED_RECALL - MARGIN, scores.missed


def test_unchanged_texts_get_no_misquote(scores) -> None:  # type: ignore[no-untyped-def]
    assert scores.false_alarms == []
