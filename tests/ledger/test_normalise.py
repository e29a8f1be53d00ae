"""The shared word folds: what the ledger, the diff and corroboration take as one word."""

from __future__ import annotations

import pytest

from copydesk.corpus.claims_match import office, quote_key, same_office, words
from copydesk.lexicon.normalise import spelling_key, spelling_word, strip_accents, title_form
from copydesk.source.frames import title_word


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("Defence", "defense"),
        ("programme", "program"),
        ("realised", "realized"),
        ("organisations", "organizations"),
        ("endeavoured", "endeavored"),
        ("fuelled", "fueled"),
        ("advisor", "adviser"),
    ],
)
def test_spelling_key_folds_british_spellings(british: str, american: str) -> None:
    assert spelling_key(british) == spelling_key(american)


@pytest.mark.parametrize("word", ["rise", "four", "ill", "pour", "raise"])
def test_spelling_key_leaves_short_words_alone(word: str) -> None:
    assert spelling_key(word) == word


def test_spelling_word_changes_only_listed_words() -> None:
    assert spelling_word("Labour") == "labor"
    assert spelling_word("realised") == "realised"  # an ending rule is for keys only


def test_title_form_folds_spelling_and_gender() -> None:
    assert title_form("Spokeswoman") == "spokesperson"
    assert title_form("chairman") == "chair"
    assert title_form("defence") == "defense"
    assert title_form("minister") == "minister"


def test_strip_accents() -> None:
    assert strip_accents("Élysée, Bogotá") == "Elysee, Bogota"


def test_diff_and_corroboration_take_head_chief_and_leader_as_one_job() -> None:
    assert title_word("chief") == title_word("leader") == title_word("head")
    assert title_word("minister") != title_word("head")
    assert same_office("head of the Ukrainian delegation", "leader of the delegation")
    assert not same_office("head of the delegation", "deputy head of the delegation")


def test_corroboration_folds_the_shared_spelling_table() -> None:
    assert same_office("Labour Minister", "labor minister")
    assert same_office("defence minister", "Defense Minister")
    assert office("spokeswoman for the ministry").words == office("ministry spokesman").words
    assert not same_office("defense minister", "foreign minister")


def test_quotations_keep_gender_words_apart() -> None:
    """Quoted words are compared with spellings folded but a changed word kept."""
    assert words("The defence programme") == ["the", "defense", "program"]
    assert quote_key("a spokesman said") != quote_key("a spokeswoman said")
