"""Shared fixtures: the seed case in ../shared and a one-call analyser for fixture texts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from copydesk.pipeline import Analysed, analyse
from copydesk.read.article import Article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "cases" / "seed"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not (SEED / "article.txt").exists():
        pytest.skip("the seed case (../shared/cases/seed) is not beside this checkout")
    return SEED


@pytest.fixture(scope="session")
def analyse_text() -> Callable[[str], Analysed]:
    """Analyse a fixture text as a plain-text article (no junk detection)."""

    def run(text: str) -> Analysed:
        return analyse(Article(text))

    return run
