"""A `CheckResult` for the report tests: a real parse of a short harbour story, its ledger
written out by hand (so the report tests do not depend on the extractors' choices) and a
finding of each severity pointing at exact spans of the text."""

from __future__ import annotations

from copydesk.analysis import Analysed
from copydesk.corpus.model import ClaimVerdict, Corroboration, Verdict
from copydesk.kinds import severity_of
from copydesk.ledger.model import Conversion, Ledger, Person, Quantity, Quotation, Role
from copydesk.model import Evidence, Finding, Span
from copydesk.nlp.annotate import annotate
from copydesk.pipeline import CheckResult
from copydesk.read.article import Article, Excluded

TEXT = (
    "Harbour board approves new ferry pier\n"
    "The Port of Halden approved a 1, 200m pier on Tuesday after a two-hour meeting.\n"
    "“This is a historic day for the town,” said Ingrid Solberg, the board's chairwoman.\n"
    "According to  , the terminal will open in the spring of 2027.\n"
    "The pier will be 1,200m (3,937 feet) long and will cost 45 million crowns.\n"
    "Mayor Lars Moe claimed the project would bring 300 jobs.\n"
    "Leave a Reply\n"
)


def at(text: str, needle: str, occurrence: int = 0) -> Span:
    """The span of the ``occurrence``-th ``needle`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def finding(kind: str, span: Span, message: str, **extra: object) -> Finding:
    return Finding(kind, severity_of(kind), message, span, **extra)  # type: ignore[arg-type]


def harbour_article(text: str = TEXT, **meta: str) -> Article:
    excluded = ()
    if "Leave a Reply" in text:
        excluded = (Excluded(at(text, "Leave a Reply"), "junk", "comment form"),)
    defaults = {
        "title": "Harbour board approves new ferry pier",
        "url": "https://news.example/halden/pier",
        "outlet": "Halden Herald",
    }
    return Article(text, excluded=excluded, **{**defaults, **meta})  # type: ignore[arg-type]


def harbour_ledger(text: str = TEXT) -> Ledger:
    solberg = at(text, "Ingrid Solberg")
    pier = Quantity("1,200m", at(text, "1,200m"), 1200.0, "m", "length", 1200.0, 3)
    feet = Quantity("3,937 feet", at(text, "3,937 feet"), 3937.0, "ft", "length", 1199.99, 3)
    return Ledger(
        quotations=(
            Quotation(
                "This is a historic day for the town,",
                at(text, "This is a historic day for the town,"),
                1,
                True,
                "Ingrid Solberg",
                solberg,
                "say",
                at(text, "said"),
            ),
        ),
        people=(
            Person(
                "Ingrid Solberg",
                (solberg,),
                (Role("chairwoman", "Halden", at(text, "chairwoman")),),
            ),
            Person("Lars Moe", (at(text, "Lars Moe"),), (Role("mayor", None, at(text, "Mayor")),)),
        ),
        quantities=(pier, feet),
        conversions=(Conversion(pier, feet, True, 3937.0),),
    )


def harbour_findings(text: str = TEXT) -> tuple[Finding, ...]:
    return (
        finding(
            "copy.broken_number",
            at(text, "1, 200m"),
            "The number is broken by a stray space.",
            suggestion="1,200 m",
        ),
        finding(
            "attribution.empty_speaker",
            at(text, "According to  ,"),
            "The attribution names no speaker.",
        ),
        finding(
            "attribution.loaded_verb",
            at(text, "claimed"),
            "“claimed” editorialises; news style uses “said”.",
            suggestion="said",
        ),
        finding(
            "copy.page_junk",
            at(text, "Leave a Reply"),
            "“Leave a Reply” is a comment form, not article text.",
        ),
        finding(
            "source.unmatched",
            at(text, "The pier will be 1,200m (3,937 feet) long and will cost 45 million crowns."),
            "No source sentence says this.",
        ),
    )


def missing_speaker(text: str = TEXT) -> Finding:
    """An empty-span finding: the speaker missing from 'According to  ,'."""
    gap = at(text, "According to  ,")
    return finding(
        "attribution.empty_speaker",
        Span(gap.start + 13, gap.start + 13),
        "The attribution names no speaker.",
    )


def harbour_result(text: str = TEXT, **meta: str) -> CheckResult:
    doc = annotate(harbour_article(text, **meta))
    findings = tuple(sorted(harbour_findings(text), key=lambda f: (f.span.start, f.kind)))
    return CheckResult(Analysed(doc, harbour_ledger(text)), findings)


def contradicted_result() -> CheckResult:
    """The harbour story with a corroboration: another outlet contradicts the job count."""
    base = harbour_result()
    text = base.article.text
    jobs = at(text, "Mayor Lars Moe claimed the project would bring 300 jobs.")
    evidence = Evidence(
        "fjord-post-17",
        Span(120, 178),
        "Moe told the council the pier would bring <b>about 30</b> jobs.",
        outlet="Fjord Post",
        url="https://fjordpost.example/a?id=17&lang=en",
        note="30 jobs, not 300",
    )
    contradicted = finding(
        "corroboration.contradicted",
        at(text, "300 jobs"),
        "Another outlet reports 30 jobs, not 300.",
        evidence=(evidence,),
    )
    verdict = ClaimVerdict(
        "the project brings 300 jobs",
        "quantity",
        jobs,
        Verdict.CONTRADICTED,
        (evidence,),
        "30 ≠ 300",
    )
    findings = tuple(sorted((*base.findings, contradicted), key=lambda f: (f.span.start, f.kind)))
    return CheckResult(
        base.analysed,
        findings,
        corroboration=Corroboration((verdict,), 4, (contradicted,)),
    )
