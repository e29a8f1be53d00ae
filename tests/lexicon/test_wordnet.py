"""WordNet read from its database files, and the relations the word-level diff cites."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.errors import ResourceMissing
from copydesk.lexicon import wordnet as wn_module
from copydesk.lexicon.senses import relation
from copydesk.lexicon.wordnet import wordnet


def test_lemmas_and_senses_in_frequency_order() -> None:
    wn = wordnet()
    city = wn.senses("city", "n")
    assert "metropolis" in city[0].synset.words
    assert city[0].share > 0.5
    assert wn.base_forms("told", "v") == ("tell",)
    assert wn.has("play_down", "v") and not wn.has("perform_down", "v")


@pytest.mark.parametrize(
    ("source", "article", "pos", "name"),
    [
        ("city", "metropolis", "n", "synonym"),
        ("said", "stated", "v", "synonym"),
        ("clear", "unclear", "a", "antonym"),
        ("aircraft", "planes", "n", "narrower"),
        ("helicopters", "aircraft", "n", "broader"),
        ("eastern", "japanese", "a", "unrelated"),
        ("defence", "defense", "n", "same"),
    ],
)
def test_relations(source: str, article: str, pos: str, name: str) -> None:
    assert relation(source, article, pos).name == name


def test_missing_database_is_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPYDESK_WORDNET", str(tmp_path))
    wn_module.wordnet.cache_clear()
    try:
        with pytest.raises(ResourceMissing, match="wordnet-base") as err:
            wn_module.wordnet()
        assert str(err.value).count(". ") == 0 and str(err.value).endswith(".")
    finally:
        monkeypatch.delenv("COPYDESK_WORDNET")
        wn_module.wordnet.cache_clear()
