"""`compare` on the real labelled pairs in ``../shared/cases/real/`` must not drop below its
pinned floors (`eval/real_cases.py`).

Floors are the figures the evaluation measured, less `MARGIN` for recall and plus `MARGIN`
for the false-alarm rate; they rise as the diff improves. The mariupol control pair carries
no major finding, nor does the toyota control, whose source is hard-wrapped wire text.
"""

from __future__ import annotations

import pytest
from conftest import ROOT
from eval_scripts import load

REAL = ROOT.parent / "shared" / "cases" / "real"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/cases/real is not here")

#: Slack beside each measured figure: about one row of the smallest case.
MARGIN = 0.05

#: Measured with `.venv/bin/python eval/real_cases.py`: (recall, kind-right, false-alarm rate).
MEASURED: dict[str, tuple[float, float, float]] = {
    "ai-update-ap-helicopter-2025": (1.00, 1.00, 0.00),
    "control-reuters-mariupol-2022": (1.00, 1.00, 0.00),
    "control-reuters-toyota-2014": (1.00, 1.00, 0.00),
    "mt-reuters-mariupol-2022": (1.00, 0.60, 0.00),
    "reworded-reuters-boeing-2025": (0.67, 0.50, 0.00),
    "roundtrip-ap-cruz-2025": (1.00, 1.00, 0.00),
    "spinner-afp-kremlin-2022": (1.00, 1.00, 0.00),
    "spinner-fortune-fed-2025": (0.80, 0.80, 0.00),
    "spinner-reuters-mariupol-2022": (1.00, 0.67, 0.00),
    "total": (0.92, 0.78, 0.00),
}


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    per_case, total = load("real_cases").run()
    return {s.case: s for s in [*per_case, total]}


def test_every_case_is_scored(scores) -> None:  # type: ignore[no-untyped-def]
    assert set(MEASURED) <= set(scores)
    assert scores["total"].changed >= 37 and scores["total"].faithful >= 55
    assert all(not s.unplaced for s in scores.values()), "a labelled row is not in its article"


@pytest.mark.parametrize("case", sorted(MEASURED))
def test_floors(scores, case: str) -> None:  # type: ignore[no-untyped-def]
    s = scores[case]
    recall, kind_right, alarms = MEASURED[case]
    assert s.recall >= recall - MARGIN, s.missed
    assert s.kind_recall >= kind_right - MARGIN, s.wrong_kind
    assert s.false_alarm_rate <= alarms + MARGIN, s.alarms


@pytest.mark.parametrize("case", ["control-reuters-mariupol-2022", "control-reuters-toyota-2014"])
def test_control_pairs_have_no_major_finding(scores, case: str) -> None:  # type: ignore[no-untyped-def]
    assert scores[case].false_alarms == 0, scores[case].alarms
