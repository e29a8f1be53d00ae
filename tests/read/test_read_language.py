"""The English detector against its calibration texts (the figures in language.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from read_fixtures import ENGLISH_BRIEF, ENGLISH_REPORT, NON_ENGLISH

from copydesk.read import guess_language
from copydesk.read.language import MIN_ENGLISH_SHARE


def _seed_texts(seed_dir: Path) -> list[Path]:
    return [seed_dir / "article.txt", seed_dir / "source.txt"] + sorted(
        (seed_dir / "coverage").glob("*.txt")
    )


def test_seed_texts_are_english_with_margin(seed_dir: Path) -> None:
    for path in _seed_texts(seed_dir):
        guess = guess_language(path.read_text(encoding="utf-8"))
        assert guess.is_english, path.name
        assert guess.english_share >= 0.3, (path.name, guess.english_share)


def test_every_seed_paragraph_of_20_words_is_english(seed_dir: Path) -> None:
    for path in _seed_texts(seed_dir):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            if len(paragraph.split()) >= 20:
                guess = guess_language(paragraph)
                assert guess.is_english, paragraph
                assert guess.english_share > MIN_ENGLISH_SHARE


@pytest.mark.parametrize("text", [ENGLISH_BRIEF, ENGLISH_REPORT])
def test_invented_english_briefs(text: str) -> None:
    assert guess_language(text).english_share >= 0.4


@pytest.mark.parametrize("language", sorted(NON_ENGLISH))
def test_non_english_is_named(language: str) -> None:
    guess = guess_language(NON_ENGLISH[language])
    assert not guess.is_english
    assert guess.reads_as == language
    assert guess.english_share <= 0.11


def test_english_copy_heavy_with_names_and_figures_passes() -> None:
    results = (
        "Final standings after the third round of the Riverside Open, played on Sunday in "
        "strong winds: Anna Kowalczyk (Poland) 204, Maria Fernandes (Brazil) 207, Lotte "
        "van Dijk (Netherlands) 208, Sun Li (China) 209. Kowalczyk, who led by three "
        "shots, said she was happy with the way she had played in the wind."
    )
    assert guess_language(results).is_english
