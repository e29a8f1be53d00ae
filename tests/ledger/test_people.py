"""People: names merged across mentions, roles read from appositions, titles, copulas and
leading verbs, each with its side and a normalised title."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from copydesk.ledger.model import Person, Role
from copydesk.ledger.people import dominant_side, extract_people, token_people
from copydesk.lexicon.places import is_country, side_of
from copydesk.nlp.annotate import Annotated, annotate
from copydesk.read.article import Article


@lru_cache(maxsize=64)
def _doc(text: str) -> Annotated:
    return annotate(Article(text))


@lru_cache(maxsize=64)
def people_of(text: str) -> dict[str, Person]:
    return {p.name: p for p in extract_people(_doc(text))}


def roles(person: Person, title: str) -> list[Role]:
    return [r for r in person.roles if r.title == title]


def one_role(person: Person, title: str) -> Role:
    found = roles(person, title)
    assert len(found) == 1, (title, person.roles)
    return found[0]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --- places ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Kyiv", "Ukraine"),
        ("Kyiv’s", "Ukraine"),
        ("Ukrainian", "Ukraine"),
        ("the Kremlin", "Russia"),
        ("Moscow's", "Russia"),
        ("White House", "United States"),
        ("US", "United States"),
        ("American", "United States"),
        ("Türkiye", "Turkey"),
        ("Turkish", "Turkey"),
        ("Ankara", "Turkey"),
        ("Beijing", "China"),
        ("London", "United Kingdom"),
        ("Tehran", "Iran"),
        ("EU", "European Union"),
    ],
)
def test_sides_from_names_demonyms_capitals_and_metonyms(text: str, side: str) -> None:
    assert side_of(text) == side


@pytest.mark.parametrize("text", ["us", "turkey", "Istanbul", "Kherson", "the", ""])
def test_words_that_are_not_sides(text: str) -> None:
    assert side_of(text) is None


def test_organisations_are_not_countries() -> None:
    assert is_country("Ukraine") and not is_country("European Union") and not is_country(None)


# --- the seed case -------------------------------------------------------------------------


def test_seed_article_umerov_has_ukrainian_council_posts_and_russias_delegation(
    seed_dir: Path,
) -> None:
    people = people_of(_read(seed_dir / "article.txt"))
    umerov = people["Rustem Umerov"]  # tagged ORG in one mention, nothing in the other
    assert len(umerov.mentions) == 2
    council = one_role(umerov, "secretary of the national security and defense council")
    assert (council.side, council.former) == ("Ukraine", False)
    delegation = one_role(umerov, "head of delegation")
    assert delegation.side == "Russia" and not delegation.former
    head = one_role(umerov, "head of the national security and defense council")
    assert head.side == "Ukraine"
    assert one_role(umerov, "defense minister").former


def test_seed_article_medinsky_leads_kyivs_delegation_with_former_roles(seed_dir: Path) -> None:
    text = _read(seed_dir / "article.txt")
    medinsky = people_of(text)["Vladimir Medinsky"]
    role = one_role(medinsky, "head of delegation")
    assert role.side == "Ukraine"
    assert role.span.of(text) == "lead Kyiv’s delegation"
    # "a former culture minister and presidential adviser": "former" scopes over both.
    assert one_role(medinsky, "culture minister").former
    assert one_role(medinsky, "presidential adviser").former


def test_seed_article_capital_tagged_as_person_is_not_a_person(seed_dir: Path) -> None:
    people = people_of(_read(seed_dir / "article.txt"))
    assert "Kyiv" not in people and "Kherson" not in people
    assert people["Dmitry Peskov"].roles[0].side == "Russia"  # "Kremlin spokesman"
    assert len(people["Dmitry Peskov"].mentions) == 4


def test_seed_source_has_the_delegations_the_other_way_round(seed_dir: Path) -> None:
    people = people_of(_read(seed_dir / "source.txt"))
    assert one_role(people["Rustem Umerov"], "head of delegation").side == "Ukraine"
    medinsky = people["Vladimir Medinsky"]
    assert one_role(medinsky, "head of delegation").side == "Russia"
    # "presidential adviser and former culture minister": "former" does not scope backwards.
    assert not one_role(medinsky, "presidential adviser").former
    assert one_role(medinsky, "culture minister").former
    # "secretary of the National Security and Defense Council of Ukraine" reads as the
    # article's "secretary of the Ukrainian National Security and Defense Council".
    council = one_role(
        people["Rustem Umerov"], "secretary of the national security and defense council"
    )
    assert council.side == "Ukraine"


@pytest.mark.parametrize(
    ("name", "person", "side"),
    [
        ("10_kyivindependent.txt", "Rustem Umerov", "Ukraine"),
        ("10_kyivindependent.txt", "Vladimir Medinsky", "Russia"),
        ("13_timesofindia_via_daily8.txt", "Rustem Umerov", "Ukraine"),
        ("13_timesofindia_via_daily8.txt", "Vladimir Medinsky", "Russia"),
        ("01_thesun_my.txt", "Rustem Umerov", "Ukraine"),
    ],
)
def test_coverage_delegation_heads(seed_dir: Path, name: str, person: str, side: str) -> None:
    people = people_of(_read(seed_dir / "coverage" / name))
    assert [r.side for r in roles(people[person], "head of delegation")] == [side]


def test_coverage_pre_name_council_title_normalises_like_the_apposition(seed_dir: Path) -> None:
    people = people_of(_read(seed_dir / "coverage" / "10_kyivindependent.txt"))
    umerov = people["Rustem Umerov"]
    assert roles(umerov, "secretary of the national security and defense council")
    assert len(umerov.mentions) == 3  # "Rustem Umerov", "Umerov's team", "Apart from Umerov"
    assert one_role(people["Vladimir Medinsky"], "aide").side == "Russia"  # Putin's aide


# --- fixture texts -------------------------------------------------------------------------

MENTIONS = (
    "Defence Minister Anna Kovalenko said the talks would resume in Geneva. Kovalenko's office "
    "confirmed the date, and Kovalenko added that the delegation was ready.\n"
    "Taras Melnyk will serve as the head of Ukraine's negotiating team, while Boris Volkov "
    "heads the Russian team.\n"
)


def test_mentions_merge_on_the_surname_and_possessive() -> None:
    people = people_of(MENTIONS)
    kovalenko = people["Anna Kovalenko"]
    assert [s.of(MENTIONS) for s in kovalenko.mentions] == [
        "Anna Kovalenko",
        "Kovalenko",
        "Kovalenko",
    ]
    assert "Kovalenko" not in people
    assert one_role(kovalenko, "defense minister").side is None


def test_serve_as_head_and_heads_the_team_are_head_of_delegation() -> None:
    people = people_of(MENTIONS)
    assert one_role(people["Taras Melnyk"], "head of delegation").side == "Ukraine"
    assert one_role(people["Boris Volkov"], "head of delegation").side == "Russia"


APPOSITIONS = (
    "Marta Lis, a former finance minister and presidential adviser, will attend.\n"
    "Piotr Nowak, a former foreign minister, and current head of the Polish Senate, welcomed "
    "the move.\n"
    "Polish Foreign Minister Radek Kowal met presidential adviser and former culture minister "
    "Ivan Petrov on Monday.\n"
)


def test_coordinated_appositions_split_and_former_scopes_rightwards() -> None:
    people = people_of(APPOSITIONS)
    lis = people["Marta Lis"]
    assert one_role(lis, "finance minister").former
    assert one_role(lis, "presidential adviser").former
    nowak = people["Piotr Nowak"]
    assert one_role(nowak, "foreign minister").former
    senate = one_role(nowak, "head of senate")
    assert (senate.side, senate.former) == ("Poland", False)


def test_titles_before_the_name_split_at_and() -> None:
    people = people_of(APPOSITIONS)
    assert one_role(people["Radek Kowal"], "foreign minister").side == "Poland"
    petrov = people["Ivan Petrov"]
    assert not one_role(petrov, "presidential adviser").former
    assert one_role(petrov, "culture minister").former


LEADS = (
    "Kyiv's delegation will be led by Olena Bondar, the secretary of the National Security and "
    "Defence Council of Ukraine.\n"
    "The Russian delegation, led by deputy foreign minister Sergei Orlov, arrived late.\n"
    "Pavlo Hrytsenko is the head of the Ukrainian delegation.\n"
    "Putin's aide, Viktor Danilov, would again lead the Russian team.\n"
    "Russian President Vladimir Putin did not attend.\n"
)


def test_passive_and_participle_leading_verbs_give_the_agent_the_role() -> None:
    people = people_of(LEADS)
    bondar = people["Olena Bondar"]
    assert one_role(bondar, "head of delegation").side == "Ukraine"
    assert one_role(bondar, "secretary of the national security and defense council").side == (
        "Ukraine"
    )
    orlov = people["Sergei Orlov"]
    assert one_role(orlov, "head of delegation").side == "Russia"
    assert roles(orlov, "deputy foreign minister")


def test_copular_head_of_and_a_title_standing_for_the_name() -> None:
    people = people_of(LEADS)
    assert one_role(people["Pavlo Hrytsenko"], "head of delegation").side == "Ukraine"
    danilov = people["Viktor Danilov"]
    assert one_role(danilov, "head of delegation").side == "Russia"
    # "Putin's aide": the possessor's side, from "Russian President Vladimir Putin".
    assert one_role(danilov, "aide").side == "Russia"
    assert dominant_side(people["Vladimir Putin"]) == "Russia"


def test_titles_and_names_map_tokens_to_people() -> None:
    doc = _doc(LEADS)
    people = extract_people(doc)
    owners = token_people(doc, people)
    aide = next(t for t in doc.tokens if t.text == "aide")
    assert owners[aide.i] == "Viktor Danilov"


SIDES = (
    "Andriy Shevchenko, Ukraine's ambassador to Russia, was recalled.\n"
    "Laura Kim, a reporter from Kyiv, said the mood was tense.\n"
    "Irina Sokol, a former Russian diplomat, spoke first.\n"
    "Kaja Maran, Estonia's foreign minister, joined them.\n"
)


def test_a_side_is_whom_the_post_belongs_to_not_where_it_points() -> None:
    people = people_of(SIDES)
    assert one_role(people["Andriy Shevchenko"], "ambassador").side == "Ukraine"
    assert one_role(people["Laura Kim"], "reporter").side is None  # where she works
    sokol = one_role(people["Irina Sokol"], "diplomat")
    assert (sokol.side, sokol.former) == ("Russia", True)
    assert one_role(people["Kaja Maran"], "foreign minister").side == "Estonia"


def test_a_double_space_where_a_name_is_missing_leaves_the_title_without_it() -> None:
    # The name of the council was dropped in transit, leaving two spaces: the parse makes the
    # extra space a token of its own inside "secretary of  ...", and no title takes it.
    text = (
        "John Smith, a former defense minister and current secretary of  said the council, "
        "will lead the delegation. The talks in Istanbul were the third round this year, "
        "officials said on Wednesday.\n"
    )
    smith = people_of(text)["John Smith"]
    titles = {r.title for r in smith.roles}
    assert "defense minister" in titles
    assert all(t == " ".join(t.split()) for t in titles), titles
