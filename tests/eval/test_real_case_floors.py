"""`compare` on the real labelled pairs in ``../shared/cases/real/`` must not drop below its
pinned floors (`eval/real_cases.py`).

Floors are the figures the evaluation measured less `MARGIN`, and never below the targets
set for the word-level diff: recall 0.85, kind-right recall 0.70, false alarms at most 5% of
the faithful rows, and no major finding on the control pair.
"""

from __future__ import annotations

import pytest
from conftest import ROOT
from eval_scripts import load

REAL = ROOT.parent / "shared" / "cases" / "real"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/cases/real is not here")

#: Slack under each measured figure: about one row of the smallest case.
MARGIN = 0.05
TARGET_RECALL = 0.85
TARGET_KIND_RIGHT = 0.70
TARGET_FALSE_ALARMS = 0.05

#: Measured with `.venv/bin/python eval/real_cases.py`: (recall, kind-right, false-alarm rate).
MEASURED: dict[str, tuple[float, float, float]] = {
    "ai-update-ap-helicopter-2025": (1.00, 1.00, 0.00),
    "control-reuters-mariupol-2022": (1.00, 1.00, 0.00),
    "roundtrip-ap-cruz-2025": (1.00, 1.00, 0.00),
    "spinner-afp-kremlin-2022": (1.00, 1.00, 0.00),
    "total": (1.00, 1.00, 0.00),
}


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    per_case, total = load("real_cases").run()
    return {s.case: s for s in [*per_case, total]}


def test_every_case_is_scored(scores) -> None:  # type: ignore[no-untyped-def]
    assert set(MEASURED) <= set(scores)
    assert scores["total"].changed >= 15 and scores["total"].faithful >= 20
    assert all(not s.unplaced for s in scores.values()), "a labelled row is not in its article"


@pytest.mark.parametrize("case", sorted(MEASURED))
def test_floors(scores, case: str) -> None:  # type: ignore[no-untyped-def]
    s = scores[case]
    recall, kind_right, alarms = MEASURED[case]
    assert s.recall >= max(recall - MARGIN, TARGET_RECALL), s.missed
    assert s.kind_recall >= max(kind_right - MARGIN, TARGET_KIND_RIGHT), s.wrong_kind
    assert s.false_alarm_rate <= min(alarms + MARGIN, TARGET_FALSE_ALARMS), s.alarms


def test_control_pair_has_no_major_finding(scores) -> None:  # type: ignore[no-untyped-def]
    assert scores["control-reuters-mariupol-2022"].false_alarms == 0
