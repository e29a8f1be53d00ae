"""`compare` on the real faithful republications in ``../shared/cases/faithful/`` must not
give more false alarms than its pinned ceiling (`eval/faithful_copies.py`): every major
finding there, other than a sentence only one copy carries, is a false alarm."""

from __future__ import annotations

import pytest
from conftest import ROOT
from eval_scripts import load

FAITHFUL = ROOT.parent / "shared" / "cases" / "faithful"

pytestmark = pytest.mark.skipif(
    not FAITHFUL.is_dir(), reason="../shared/cases/faithful is not here"
)

#: Measured with `.venv/bin/python eval/faithful_copies.py`: major findings per 100 article
#: sentences, and the pairs with any.
MEASURED_PER_100 = 0.0
MEASURED_PAIRS_WITH_ANY = 0
#: Slack over the measured rate: one finding in the 250 sentences, on one pair.
MARGIN = 0.4
PAIRS_MARGIN = 1


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    return load("faithful_copies").run()


def test_every_pair_is_scored(scores) -> None:  # type: ignore[no-untyped-def]
    assert len(scores.pairs) >= 21 and scores.sentences >= 200


def test_false_alarms_stay_under_the_ceiling(scores) -> None:  # type: ignore[no-untyped-def]
    alarms = [(p.pair, f.kind, f.message) for p in scores.pairs for f in p.alarms]
    assert scores.per_100 <= MEASURED_PER_100 + MARGIN, alarms
    assert len(scores.pairs_with_any) <= MEASURED_PAIRS_WITH_ANY + PAIRS_MARGIN, alarms
