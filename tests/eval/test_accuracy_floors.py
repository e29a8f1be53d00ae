"""Every kind's severity is earned on real texts (`eval/accuracy.py`), and
``docs/accuracy.md`` shows the figures the code gives today."""

from __future__ import annotations

import pytest
from conftest import ROOT
from eval_scripts import load

SHARED = ROOT.parent / "shared" / "cases"

pytestmark = pytest.mark.skipif(
    not (SHARED / "real").is_dir() or not (SHARED / "faithful").is_dir(),
    reason="../shared/cases is not here",
)


@pytest.fixture(scope="module")
def accuracy():  # type: ignore[no-untyped-def]
    return load("accuracy").run()


def test_no_major_kind_under_the_precision_floor(accuracy) -> None:  # type: ignore[no-untyped-def]
    below = accuracy.below_floor()
    assert below == [], [(k.kind, k.major_right, k.majors) for k in below]


def test_the_published_table_is_the_measured_one(accuracy) -> None:  # type: ignore[no-untyped-def]
    published = (ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8")
    assert load("accuracy").table(accuracy) in published, "run 'make accuracy'"
