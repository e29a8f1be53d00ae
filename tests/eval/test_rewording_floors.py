"""`check` without a source on the texts in ``../shared`` (`eval/rewording.py`) must not drop
below its pinned floors: the rewording score ranks every rewrite above every original
(ROC AUC 1.0), check alone flags the labelled changes a reader can see, and gives no major
finding on the control pair, the seed's coverage or the examples' original."""

from __future__ import annotations

import pytest
from conftest import ROOT
from eval_scripts import load

REAL = ROOT.parent / "shared" / "cases" / "real"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/cases/real is not here")

#: Measured with `.venv/bin/python eval/rewording.py`.
MEASURED_AUC = 1.0
MEASURED_VISIBLE_RECALL = 1.0
MEASURED_RECALL = 0.60
#: Targets: every rewrite above every original, and at least 60% of the visible rows.
TARGET_VISIBLE_RECALL = 0.60
#: Slack under a measured recall: one row of the fifteen.
MARGIN = 0.07


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    return load("rewording").run()


def test_rewording_score_ranks_every_rewrite_above_every_original(scores) -> None:  # type: ignore[no-untyped-def]
    assert len(scores.rewrites) >= 5 and len(scores.originals) >= 12
    assert scores.auc >= MEASURED_AUC, (scores.rewrites, scores.originals)


def test_check_alone_flags_the_visible_changes(scores) -> None:  # type: ignore[no-untyped-def]
    floor = max(MEASURED_VISIBLE_RECALL - MARGIN, TARGET_VISIBLE_RECALL)
    assert scores.visible_recall >= floor, scores.missed_visible
    assert scores.recall >= MEASURED_RECALL - MARGIN


def test_no_major_finding_on_clean_texts(scores) -> None:  # type: ignore[no-untyped-def]
    assert scores.majors_on_clean == []
