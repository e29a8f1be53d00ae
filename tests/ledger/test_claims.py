"""Claims: who did what to whom, with voice normalised, control verbs, negation and hedges,
and arguments resolved to people and sides."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from copydesk.ledger.claims import extract_claims
from copydesk.ledger.model import Claim
from copydesk.ledger.people import extract_people
from copydesk.nlp.annotate import annotate
from copydesk.read.article import Article


@lru_cache(maxsize=64)
def claims_of(text: str) -> tuple[Claim, ...]:
    doc = annotate(Article(text))
    return extract_claims(doc, extract_people(doc))


def frame(claim: Claim) -> tuple[str | None, str, str | None, str | None]:
    return (claim.subject, claim.predicate, claim.object, claim.object_side)


def the_claim(text: str, predicate: str) -> Claim:
    found = [c for c in claims_of(text) if c.predicate == predicate]
    assert len(found) == 1, [frame(c) for c in claims_of(text)]
    return found[0]


# --- voice --------------------------------------------------------------------------------


def test_active_passive_and_participle_give_the_same_frame() -> None:
    active = the_claim("Olena Bondar will lead Kyiv's delegation.", "lead")
    passive = the_claim("Kyiv's delegation will be led by Olena Bondar.", "lead")
    assert frame(active) == frame(passive) == ("Olena Bondar", "lead", "delegation", "Ukraine")
    assert not active.passive and passive.passive
    participle = the_claim("The Ukrainian delegation, led by Olena Bondar, arrived.", "lead")
    assert frame(participle) == ("Olena Bondar", "lead", "delegation", "Ukraine")


def test_agentless_passive_has_no_subject() -> None:
    claim = the_claim("The suspect was arrested on Friday.", "arrest")
    assert (claim.subject, claim.object, claim.passive) == (None, "suspect", True)


def test_spans_point_at_the_clause_and_its_arguments() -> None:
    text = "Kyiv's delegation will be led by Olena Bondar."
    claim = the_claim(text, "lead")
    assert claim.span.of(text) == "Kyiv's delegation will be led by Olena Bondar"
    assert claim.subject_span is not None and claim.subject_span.of(text) == "Olena Bondar"
    assert claim.object_span is not None and claim.object_span.of(text) == "Kyiv's delegation"
    assert claim.predicate_span.of(text) == "led"


# --- control, negation, hedges --------------------------------------------------------------


def test_refused_to_is_control_not_negation() -> None:
    claim = the_claim("Russian negotiators refused to drop their demands.", "drop")
    assert claim.control == ("refuse",)
    assert not claim.negated
    assert (claim.subject, claim.subject_side) == ("negotiator", "Russia")


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The talks failed to produce a ceasefire.", "produce"),
        ("The ministers did not sign the deal.", "sign"),
        ("No one expects an easy road.", "expect"),
        ("They were unable to end the war.", "end"),
        ("The army never captured the town.", "capture"),
        ("The talks made no progress.", "make"),
    ],
)
def test_negated(text: str, predicate: str) -> None:
    assert the_claim(text, predicate).negated


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The minister refused to resign.", "resign"),
        ("The talks produced a ceasefire.", "produce"),
        ("They were able to end the war.", "end"),
    ],
)
def test_not_negated(text: str, predicate: str) -> None:
    assert not the_claim(text, predicate).negated


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The talks could resume next week.", "resume"),
        ("The minister is expected to resign.", "resign"),
        ("The talks reportedly collapsed.", "collapse"),
        ("The rebels may have seized the airport.", "seize"),
    ],
)
def test_hedged(text: str, predicate: str) -> None:
    assert the_claim(text, predicate).hedged


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The talks resumed.", "resume"),
        ("Peskov predicted that the talks would include prisoner exchanges.", "include"),
    ],
)
def test_not_hedged(text: str, predicate: str) -> None:
    assert not the_claim(text, predicate).hedged


# --- arguments ------------------------------------------------------------------------------


def test_places_resolve_to_sides_and_coordinated_subjects_split() -> None:
    claim = the_claim("The Kremlin rejected the plan.", "reject")
    assert (claim.subject, claim.subject_side) == ("Russia", "Russia")
    pair = [
        c for c in claims_of("Russia and Ukraine exchanged prisoners.") if c.predicate == "exchange"
    ]
    assert sorted(c.subject or "" for c in pair) == ["Russia", "Ukraine"]


def test_titles_and_pronouns_resolve_to_the_person() -> None:
    text = (
        "Putin's aide, Viktor Danilov, would again lead the Russian team.\n"
        "He said the talks would be difficult.\n"
    )
    lead = the_claim(text, "lead")  # a negotiating team is a delegation
    assert frame(lead) == ("Viktor Danilov", "lead", "delegation", "Russia")
    assert the_claim(text, "say").subject == "Viktor Danilov"


def test_serve_as_head_of_and_headed_by_read_as_lead() -> None:
    claim = the_claim("Taras Melnyk will serve as the head of Ukraine's delegation.", "lead")
    assert frame(claim) == ("Taras Melnyk", "lead", "delegation", "Ukraine")
    claim = the_claim("The Kremlin's team is headed by Viktor Danilov.", "lead")
    assert frame(claim) == ("Viktor Danilov", "lead", "delegation", "Russia")
    legal = the_claim("Elena Ruiz heads the opposition's legal team.", "lead")
    assert legal.object == "team"  # a legal team is not a delegation


def test_head_for_a_place_is_not_lead() -> None:
    claims = claims_of("The delegation will head for Istanbul on Monday.")
    assert [c.predicate for c in claims] == ["head for"]


# --- the seed case ------------------------------------------------------------------------


def _leads(text: str) -> set[tuple[str | None, str | None]]:
    return {(c.subject, c.object_side) for c in claims_of(text) if c.predicate == "lead"}


def test_seed_article_and_source_disagree_on_who_leads_which_delegation(seed_dir: Path) -> None:
    article = (seed_dir / "article.txt").read_text(encoding="utf-8")
    source = (seed_dir / "source.txt").read_text(encoding="utf-8")
    assert {("Vladimir Medinsky", "Ukraine"), ("Rustem Umerov", "Russia")} <= _leads(article)
    assert {("Rustem Umerov", "Ukraine"), ("Vladimir Medinsky", "Russia")} <= _leads(source)


def test_seed_source_refusal_and_failure(seed_dir: Path) -> None:
    source = (seed_dir / "source.txt").read_text(encoding="utf-8")
    drop = the_claim(source, "drop")
    assert (drop.subject_side, drop.control, drop.negated) == ("Russia", ("refuse",), False)
    produce = the_claim(source, "produce")
    assert produce.negated and produce.object == "ceasefire"
