"""Corroboration: each checkable claim of an article against other outlets' reports.

Three layers: the matching rules on ledgers written by hand (so each rule is pinned on its
own), the whole pipeline on short invented reports, and the seed case's coverage.
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from copydesk.analysis import Analysed, analyse, analyse_many
from copydesk.corpus.claims_match import office, same_person
from copydesk.corpus.corroborate import CONTRADICTED_KIND, corroborate
from copydesk.corpus.model import ClaimVerdict, Corroboration, Verdict
from copydesk.corpus.reuse import COPY_SHARE, text_reuse
from copydesk.ledger.model import Claim, Ledger, Person, Quotation, Role
from copydesk.lexicon.wires import wire_key
from copydesk.model import Severity, Span
from copydesk.nlp.annotate import annotate
from copydesk.read import read_file
from copydesk.read.article import Article

# --- helpers -----------------------------------------------------------------------------------


def at(text: str, phrase: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase))


def document(text: str, ledger: Ledger, doc_id: str, outlet: str) -> Analysed:
    """A real parse of ``text`` with a ledger written by hand."""
    url = f"https://{doc_id}.example/news/1"
    return Analysed(annotate(Article(text, doc_id=doc_id, outlet=outlet, url=url)), ledger)


def person(text: str, name: str, *roles: tuple[str, str | None, str]) -> Person:
    """``roles``: (title, side, the phrase giving it)."""
    mentions = tuple(at(text, name, i) for i in range(text.count(name)))
    return Person(name, mentions, tuple(Role(t, s, at(text, phrase)) for t, s, phrase in roles))


def frame(text: str, subject: str, predicate: str, obj: str, *, negated: bool = False) -> Claim:
    sentence = text.split(". ")[0]
    return Claim(
        sentence=0,
        span=at(text, sentence),
        subject=subject,
        subject_span=at(text, subject),
        predicate=predicate,
        predicate_span=at(text, sentence.split()[len(subject.split()) + 1]),
        object=obj,
        object_span=at(text, obj),
        negated=negated,
        hedged=False,
        passive=False,
    )


def quotation(text: str, words: str, speaker: str | None, sentence: int = 0) -> Quotation:
    return Quotation(words, at(text, words), sentence, True, speaker, None, "say", None)


def only(result: Corroboration, kind: str) -> ClaimVerdict:
    found = [v for v in result.verdicts if v.kind == kind]
    assert len(found) == 1, found
    return found[0]


def verdict_at(result: Corroboration, text: str, phrase: str, kind: str) -> ClaimVerdict:
    """The verdict of ``kind`` whose span in ``text`` contains ``phrase``."""
    found = [v for v in result.verdicts if v.kind == kind and phrase in v.span.of(text)]
    assert len(found) == 1, [(v.claim, v.span.of(text)) for v in result.verdicts]
    return found[0]


# --- names and offices -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Volodymyr Zelenskyy", "Zelensky", True),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),
        ("Vladimir Putin", "V. Putin", True),
        ("Sergiy Kyslytsya", "Serhiy Kyslytsya", True),
        ("Volodymyr Medinsky", "Vladimir Medinsky", False),
        ("Rustem Umerov", "Rustem Umarov", False),
        ("Dmitry Peskov", "Vladimir Putin", False),
    ],
)
def test_names_match_across_spellings_but_not_across_people(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def test_offices_fold_synonyms_and_sides() -> None:
    assert office("head of the Ukrainian delegation").words == office("leader of the team").words
    assert office("head of delegation").one_holder
    assert office("defense minister").one_holder
    assert office("president").one_holder
    assert not office("deputy head of delegation").one_holder
    assert not office("member of delegation").one_holder
    assert not office("minister").one_holder


# --- roles -------------------------------------------------------------------------------------

SANTOS = "Maria Santos, the head of Portugal's delegation, arrived in Geneva on Monday."


def santos_article() -> Analysed:
    ledger = Ledger(
        people=(
            person(
                SANTOS,
                "Maria Santos",
                ("head of delegation", "Portugal", "the head of Portugal's delegation"),
            ),
        )
    )
    return document(SANTOS, ledger, "article", "The Daily Ledger")


def test_role_given_by_another_outlet_is_corroborated_with_its_sentence() -> None:
    text = "Talks resumed on Monday. Portugal's delegation, led by Maria Santos, reached Geneva."
    cover = document(
        text,
        Ledger(
            people=(
                person(
                    text,
                    "Maria Santos",
                    ("head of delegation", "Portugal", "led by Maria Santos"),
                ),
            )
        ),
        "courier",
        "The Harbour Courier",
    )
    result = corroborate(santos_article(), [cover])
    v = only(result, "role")
    assert v.verdict is Verdict.CORROBORATED
    assert v.span.of(SANTOS) == "Maria Santos, the head of Portugal's delegation"
    (ev,) = v.evidence
    assert (ev.doc_id, ev.outlet, ev.url) == (
        "courier",
        "The Harbour Courier",
        "https://courier.example/news/1",
    )
    assert (
        ev.span.of(text) == ev.text == "Portugal's delegation, led by Maria Santos, reached Geneva."
    )
    assert result.findings == ()
    assert result.documents_considered == 1


@pytest.mark.parametrize(
    ("text", "holder", "role"),
    [
        # another person holds the one-holder office for the same side
        (
            "Portugal's delegation will be led by Tomas Reis, the ministry said.",
            "Tomas Reis",
            ("head of delegation", "Portugal", "led by Tomas Reis"),
        ),
        # the same person holds it for another side
        (
            "Maria Santos will lead Spain's delegation at the talks.",
            "Maria Santos",
            ("head of delegation", "Spain", "will lead Spain's delegation"),
        ),
    ],
)
def test_role_contradicted_by_another_holder_or_another_side(
    text: str, holder: str, role: tuple[str, str, str]
) -> None:
    cover = document(text, Ledger(people=(person(text, holder, role),)), "wire", "Wire Service")
    result = corroborate(santos_article(), [cover])
    v = only(result, "role")
    assert v.verdict is Verdict.CONTRADICTED
    assert v.evidence[0].text == text
    (finding,) = result.findings
    assert finding.kind == CONTRADICTED_KIND
    assert finding.severity is Severity.MAJOR
    assert finding.span == v.span
    assert finding.span.of(SANTOS) == "Maria Santos, the head of Portugal's delegation"
    assert "Wire Service" in finding.message
    assert finding.evidence == v.evidence


@pytest.mark.parametrize(
    ("text", "holder", "role"),
    [
        # a delegation has many members and more than one deputy head
        (
            "Tomas Reis, a member of Portugal's delegation, spoke to reporters.",
            "Tomas Reis",
            ("member of delegation", "Portugal", "a member of Portugal's delegation"),
        ),
        (
            "Tomas Reis, the deputy head of Portugal's delegation, spoke to reporters.",
            "Tomas Reis",
            ("deputy head of delegation", "Portugal", "the deputy head of Portugal's delegation"),
        ),
        # the same office for another side says nothing about who leads Portugal's
        (
            "Spain's delegation will be led by Tomas Reis, the ministry said.",
            "Tomas Reis",
            ("head of delegation", "Spain", "led by Tomas Reis"),
        ),
    ],
)
def test_role_near_misses_stay_unverified(
    text: str, holder: str, role: tuple[str, str, str]
) -> None:
    cover = document(text, Ledger(people=(person(text, holder, role),)), "wire", "Wire Service")
    result = corroborate(santos_article(), [cover])
    assert only(result, "role").verdict is Verdict.UNVERIFIED
    assert result.findings == ()


# --- frames ------------------------------------------------------------------------------------

RED_CROSS = "The Red Cross accused the government of blocking aid. Talks are due on Friday."


def red_cross_article() -> Analysed:
    ledger = Ledger(claims=(frame(RED_CROSS, "Red Cross", "accuse", "government"),))
    return document(RED_CROSS, ledger, "article", "The Daily Ledger")


@pytest.mark.parametrize(
    ("text", "subject", "obj", "negated", "expected"),
    [
        (
            "The government accused the Red Cross of blocking aid.",
            "government",
            "Red Cross",
            False,
            Verdict.CONTRADICTED,
        ),
        (
            "The Red Cross did not accuse the government of anything.",
            "Red Cross",
            "government",
            True,
            Verdict.CONTRADICTED,
        ),
        (
            "The Red Cross accused the government of delays, a spokesperson told reporters.",
            "Red Cross",
            "government",
            False,
            Verdict.CORROBORATED,
        ),
        (
            "The Red Cross accused the rebels of blocking aid, a spokesperson told reporters.",
            "Red Cross",
            "rebels",
            False,
            Verdict.UNVERIFIED,
        ),
    ],
)
def test_frames_exchanged_or_negated_contradict_and_same_frames_corroborate(
    text: str, subject: str, obj: str, negated: bool, expected: Verdict
) -> None:
    claim = frame(text, subject, "accuse", obj, negated=negated)
    cover = document(text, Ledger(claims=(claim,)), "wire", "Wire Service")
    result = corroborate(red_cross_article(), [cover])
    v = only(result, "frame")
    assert v.verdict is expected
    assert v.span.of(RED_CROSS) == "The Red Cross accused the government of blocking aid"
    assert len(result.findings) == (expected is Verdict.CONTRADICTED)


# --- quotations --------------------------------------------------------------------------------

FONTAINE = "“We will not sign any deal that divides our city,” Mayor Elena Fontaine said."
FONTAINE_WORDS = "We will not sign any deal that divides our city"


def fontaine_article(words: str = FONTAINE_WORDS, text: str = FONTAINE) -> Analysed:
    ledger = Ledger(
        people=(person(text, "Elena Fontaine"),),
        quotations=(quotation(text, words, "Elena Fontaine"),),
    )
    return document(text, ledger, "article", "The Daily Ledger")


def test_quotation_given_to_a_different_speaker_is_contradicted() -> None:
    text = "“We will not sign any deal that divides our city,” council leader Omar Haddad said."
    ledger = Ledger(
        people=(person(text, "Omar Haddad"),),
        quotations=(quotation(text, FONTAINE_WORDS, "Omar Haddad"),),
    )
    result = corroborate(fontaine_article(), [document(text, ledger, "wire", "Wire Service")])
    v = only(result, "quotation")
    assert v.verdict is Verdict.CONTRADICTED
    assert v.span.of(FONTAINE) == FONTAINE_WORDS
    (finding,) = result.findings
    assert finding.suggestion == "Attribute the words to Omar Haddad"
    assert finding.evidence[0].text == text


def test_quotation_given_to_a_pronoun_takes_the_speaker_named_before() -> None:
    text = (
        "Mayor Elena Fontaine spoke after the vote. "
        "“We will not sign any deal that divides our city,” she said."
    )
    ledger = Ledger(
        people=(person(text, "Elena Fontaine"),),
        quotations=(quotation(text, FONTAINE_WORDS, "she", sentence=1),),
    )
    result = corroborate(fontaine_article(), [document(text, ledger, "wire", "Wire Service")])
    v = only(result, "quotation")
    assert v.verdict is Verdict.CORROBORATED
    assert v.evidence[0].text.endswith("she said.")


def test_short_quotation_from_another_speaker_is_not_a_contradiction() -> None:
    article_text = "The talks will be “very difficult,” Mayor Elena Fontaine said."
    text = "Council leader Omar Haddad said the talks would be “very difficult”."
    ledger = Ledger(
        people=(person(text, "Omar Haddad"),),
        quotations=(quotation(text, "very difficult", "Omar Haddad"),),
    )
    article = fontaine_article("very difficult", article_text)
    result = corroborate(article, [document(text, ledger, "wire", "Wire Service")])
    assert only(result, "quotation").verdict is Verdict.UNVERIFIED
    assert result.findings == ()


# --- independence ------------------------------------------------------------------------------


def test_copies_of_the_article_are_not_independent_corroboration() -> None:
    copy_text = "Share this story\n" + SANTOS
    copy = Ledger(
        people=(
            person(
                copy_text,
                "Maria Santos",
                ("head of delegation", "Portugal", "the head of Portugal's delegation"),
            ),
        )
    )
    assert text_reuse(SANTOS, copy_text) > COPY_SHARE
    result = corroborate(santos_article(), [document(copy_text, copy, "copy", "Copy Site")])
    assert result.documents_considered == 0
    assert only(result, "role").verdict is Verdict.UNVERIFIED


# --- the whole pipeline on invented reports -------------------------------------------------------

ARTICLE = (
    "The Red Cross accused the government of blocking aid convoys in the north on Tuesday. "
    "Maria Santos, the head of Portugal's delegation, arrived in Geneva on Monday. "
    "“We will not sign any deal that divides our city,” Mayor Elena Fontaine said on Friday. "
    "Engineers said the 1,200km pipeline would open in March. "
    "Fishermen blocked the harbour in Leixoes for six hours."
)
COVERAGE = (
    "In a statement read out in the capital late on Wednesday, the government accused the "
    "Red Cross of blocking aid convoys bound for the mountain villages, and the interior "
    "ministry demanded an independent inquiry, officials said. "
    "Portugal's delegation, led by Maria Santos, reached Geneva on Monday. "
    "“We will not sign any deal that divides our city,” council leader Omar Haddad said. "
    "The 1,500km pipeline is due to open in March."
)


@pytest.fixture(scope="module")
def invented() -> tuple[Analysed, Corroboration]:
    article, cover = analyse_many(
        [
            Article(ARTICLE, doc_id="article", outlet="The Daily Ledger"),
            Article(
                COVERAGE,
                doc_id="courier",
                outlet="The Harbour Courier",
                url="https://harbourcourier.example/talks",
            ),
        ]
    )
    return article, corroborate(article, [cover])


def test_pipeline_labels_each_kind_of_claim(invented: tuple[Analysed, Corroboration]) -> None:
    article, result = invented
    text = article.doc.text
    role = verdict_at(result, text, "head of Portugal's delegation", "role")
    assert role.verdict is Verdict.CORROBORATED
    assert (
        role.evidence[0].text
        == "Portugal's delegation, led by Maria Santos, reached Geneva on Monday."
    )
    frame_v = verdict_at(result, text, "accused the government", "frame")
    assert frame_v.verdict is Verdict.CONTRADICTED
    assert "accused the Red Cross" in frame_v.evidence[0].text
    quote = verdict_at(result, text, "We will not sign", "quotation")
    assert quote.verdict is Verdict.CONTRADICTED
    figure = verdict_at(result, text, "1,200km", "quantity")
    assert figure.verdict is Verdict.CONTRADICTED
    assert figure.evidence[0].text == "The 1,500km pipeline is due to open in March."
    unmentioned = verdict_at(result, text, "Fishermen blocked the harbour", "frame")
    assert unmentioned.verdict is Verdict.UNVERIFIED
    assert unmentioned.evidence == ()
    flagged = sorted(f.span.of(text) for f in result.findings)
    assert flagged == sorted(v.span.of(text) for v in (frame_v, quote, figure)), (
        "each contradicted claim gives one finding on its span"
    )
    for f in result.findings:
        assert f.kind == CONTRADICTED_KIND and "The Harbour Courier" in f.message
        for ev in f.evidence:
            assert ev.span.of(COVERAGE) == ev.text


# --- the seed case -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(seed_dir: Path) -> tuple[Analysed, list[Analysed], Corroboration]:
    rows = list(csv.DictReader((seed_dir / "coverage" / "index.tsv").open(), delimiter="\t"))
    docs = [read_file(seed_dir / "article.txt")]
    docs.append(dataclasses.replace(read_file(seed_dir / "source.txt"), outlet="Al Jazeera"))
    for row in rows:
        doc = read_file(seed_dir / "coverage" / row["file"])
        wire = wire_key(row["wire"])
        docs.append(dataclasses.replace(doc, outlet=row["outlet"], url=row["url"], wire=wire))
    article, *coverage = analyse_many(docs)
    return article, coverage, corroborate(article, coverage)


KYIV_INDEPENDENT = "The Kyiv Independent"
TIMES_OF_INDIA = "The Times of India (republished on daily8.com)"
THE_SUN = "theSun (Malaysia)"


def _outlet_sentences(v: ClaimVerdict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ev in v.evidence:
        out.setdefault(ev.outlet or "", []).append(ev.text)
    return out


def test_seed_medinsky_leading_kyivs_delegation_is_contradicted(
    seed: tuple[Analysed, list[Analysed], Corroboration],
) -> None:
    article, _, result = seed
    v = verdict_at(result, article.doc.text, "will lead Kyiv’s delegation", "role")
    assert v.verdict is Verdict.CONTRADICTED
    assert v.span.of(article.doc.text).startswith("Vladimir Medinsky")
    said = _outlet_sentences(v)
    assert {KYIV_INDEPENDENT, TIMES_OF_INDIA, THE_SUN} <= set(said)
    assert any(
        "Medinsky, would again lead the Russian delegation" in s for s in said[KYIV_INDEPENDENT]
    )
    assert any("The Kremlin's team is headed by" in s for s in said[TIMES_OF_INDIA])
    assert any(
        "Rustem Umerov will lead Kyiv’s delegation, while Russia sends" in s for s in said[THE_SUN]
    )


def test_seed_umerov_heading_russias_delegation_is_contradicted(
    seed: tuple[Analysed, list[Analysed], Corroboration],
) -> None:
    article, _, result = seed
    v = verdict_at(result, article.doc.text, "head of Russia’s delegation", "role")
    assert v.verdict is Verdict.CONTRADICTED
    assert v.span.of(article.doc.text).startswith("Rustem Umerov")
    assert {KYIV_INDEPENDENT, TIMES_OF_INDIA, THE_SUN} <= set(_outlet_sentences(v))


def test_seed_peskovs_very_difficult_is_corroborated(
    seed: tuple[Analysed, list[Analysed], Corroboration],
) -> None:
    article, _, result = seed
    v = verdict_at(result, article.doc.text, "very difficult", "quotation")
    assert v.verdict is Verdict.CORROBORATED
    said = _outlet_sentences(v)
    assert any(
        "“It will be very difficult,” he added." in s for s in said["Business Recorder (Pakistan)"]
    )
    assert len(said) >= 3


def test_seed_findings_are_the_two_swapped_roles_with_exact_evidence(
    seed: tuple[Analysed, list[Analysed], Corroboration],
) -> None:
    article, coverage, result = seed
    text = article.doc.text
    # The source is not independent of the article: it is left out, and the five outlets
    # count as three reports (AFP's three copies, Reuters's, The Kyiv Independent's own).
    assert result.documents_considered == 5
    assert [(x.outlet, "source" in x.reason) for x in result.left_out] == [("Al Jazeera", True)]
    assert sorted(f.label for f in result.families) == ["AFP", "Reuters", KYIV_INDEPENDENT]
    contradicted = [f for f in result.findings if f.kind == CONTRADICTED_KIND]
    flagged = [f.span.of(text) for f in contradicted]
    assert len(flagged) == 2
    assert flagged[0].startswith("Vladimir Medinsky") and "Kyiv’s delegation" in flagged[0]
    assert flagged[1].startswith("Rustem Umerov") and "Russia’s delegation" in flagged[1]
    texts = {c.article.doc_id: c.article for c in coverage}
    for f in contradicted:
        assert "(2 independent reports)" in f.message
        assert f.kind == CONTRADICTED_KIND and f.severity is Severity.MAJOR
        assert KYIV_INDEPENDENT in f.message and THE_SUN in f.message
        for ev in f.evidence:
            source = texts[ev.doc_id]
            assert ev.span.of(source.text) == ev.text
            assert source.is_body(ev.span), "page junk is never cited"
    contradicted = [v.kind for v in result.verdicts if v.verdict is Verdict.CONTRADICTED]
    assert sorted(contradicted) == ["quotation", "role", "role"]


def test_seed_altered_quotation_is_a_misquote_against_the_outlets_that_carry_it(
    seed: tuple[Analysed, list[Analysed], Corroboration],
) -> None:
    article, coverage, result = seed
    text = article.doc.text
    [f] = [f for f in result.findings if f.kind == "corroboration.misquoted"]
    # The finding points at the changed word, and names every outlet quoting it otherwise.
    assert f.span.of(text) == "wants"
    assert "No one wants an easy road" in text[f.span.start - 20 : f.span.end + 20]
    for outlet in (THE_SUN, TIMES_OF_INDIA, "Dawn (Pakistan)", "Business Recorder (Pakistan)"):
        assert outlet in f.message
    assert "(2 independent reports)" in f.message
    assert "'expects' where the article has 'wants'" in f.message
    texts = {c.article.doc_id: c.article.text for c in coverage}
    for ev in f.evidence:
        assert ev.span.of(texts[ev.doc_id]) == ev.text
        assert "no one expects an easy road" in ev.text.lower()
        assert [m.of(texts[ev.doc_id]) for m in ev.marks] == ["expects"]
    [v] = [v for v in result.verdicts if v.kind == "quotation" and "wants" in v.claim]
    assert (v.verdict, v.agree, v.disagree) == (Verdict.CONTRADICTED, 0, 2)


def test_seed_no_claim_rests_on_the_source_alone(
    seed: tuple[Analysed, list[Analysed], Corroboration],
) -> None:
    _article, coverage, result = seed
    source_id = next(c.article.doc_id for c in coverage if c.article.outlet == "Al Jazeera")
    for v in result.verdicts:
        assert all(ev.doc_id != source_id for ev in v.evidence), v.claim
        if v.verdict is Verdict.CORROBORATED:
            assert v.agree >= 1 and "independent report" in v.reason


def test_seed_a_copy_of_the_article_changes_nothing(
    seed: tuple[Analysed, list[Analysed], Corroboration],
) -> None:
    article, coverage, before = seed
    copy = analyse(
        Article(
            article.article.text, doc_id="mirror", outlet="Mirror Site", url="https://m.example"
        )
    )
    after = corroborate(article, [*coverage, copy])
    assert after.documents_considered == before.documents_considered
    assert [(v.span, v.verdict) for v in after.verdicts] == [
        (v.span, v.verdict) for v in before.verdicts
    ]


# --- from a store ---------------------------------------------------------------------------------

ORCHARD = (
    "Late frost destroyed about a third of the apple blossom in South Tyrol this week, growers "
    "said on Thursday. Farmers in the valley lit candles between the rows overnight to keep the "
    "temperature above freezing, but many orchards were lost."
)


def test_corroborate_from_a_store_retrieves_the_coverage_and_judges_it(
    seed: tuple[Analysed, list[Analysed], Corroboration], tmp_path: Path
) -> None:
    from copydesk.corpus.corroborate import corroborate_from_store
    from copydesk.corpus.store import Store

    article, coverage, _ = seed
    with Store.open(tmp_path / "corpus.db") as store:
        for c in coverage:
            assert store.add(c.article) is not None
        store.add(Article(ORCHARD, outlet="Alpine Post", url="https://alpinepost.example/frost"))
        store.add(Article(article.article.text, outlet="Mirror Site", url="https://m.example/1"))
        result = corroborate_from_store(store, article)
    text = article.doc.text
    medinsky = verdict_at(result, text, "will lead Kyiv’s delegation", "role")
    assert medinsky.verdict is Verdict.CONTRADICTED
    assert {KYIV_INDEPENDENT, TIMES_OF_INDIA, THE_SUN} <= set(_outlet_sentences(medinsky))
    assert verdict_at(result, text, "very difficult", "quotation").verdict is Verdict.CORROBORATED
    cited = {ev.outlet for v in result.verdicts for ev in v.evidence}
    assert "Alpine Post" not in cited and "Mirror Site" not in cited
    assert sorted(f.kind for f in result.findings) == [
        CONTRADICTED_KIND,
        CONTRADICTED_KIND,
        "corroboration.misquoted",
    ]
