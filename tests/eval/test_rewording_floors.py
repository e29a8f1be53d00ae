"""`check` without a source on the texts in ``../shared`` (`eval/rewording.py`) must not drop
below its pinned floors: the rewording score ranks rewrites above originals (ROC AUC), check
alone flags the labelled changes a reader can see, and gives no major finding on the control
pair, the seed's coverage or the examples' original."""

from __future__ import annotations

import pytest
from conftest import ROOT
from eval_scripts import load

REAL = ROOT.parent / "shared" / "cases" / "real"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/cases/real is not here")

#: Measured with `.venv/bin/python eval/rewording.py`.
MEASURED_AUC = 0.980
MEASURED_VISIBLE_RECALL = 1.0
MEASURED_RECALL = 0.35
#: Targets: every rewrite above every original, and at least 60% of the visible rows.
TARGET_VISIBLE_RECALL = 0.60
#: Slack under a measured recall: about two rows of the 37.
MARGIN = 0.05
#: Slack under the measured AUC: one (rewrite, original) pair of the 153 ranked the wrong way.
AUC_MARGIN = 0.007


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    return load("rewording").run()


def test_rewording_score_ranks_rewrites_above_originals(scores) -> None:  # type: ignore[no-untyped-def]
    assert len(scores.rewrites) >= 9 and len(scores.originals) >= 17
    assert scores.auc >= MEASURED_AUC - AUC_MARGIN, (scores.rewrites, scores.originals)


def test_check_alone_flags_the_visible_changes(scores) -> None:  # type: ignore[no-untyped-def]
    floor = max(MEASURED_VISIBLE_RECALL - MARGIN, TARGET_VISIBLE_RECALL)
    assert scores.visible_recall >= floor, scores.missed_visible
    assert scores.recall >= MEASURED_RECALL - MARGIN


def test_no_major_finding_on_clean_texts(scores) -> None:  # type: ignore[no-untyped-def]
    assert scores.majors_on_clean == []
