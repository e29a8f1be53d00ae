"""Findings about one fact are one item: grouped in the JSON (`groups`, `Finding.group`) with
the flat `findings` list unchanged, and shown as one numbered item in the terminal report."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from report_fixtures import TEXT, at, finding, harbour_result

from copydesk import pipeline
from copydesk.corpus.ingest import ingest
from copydesk.corpus.store import Store
from copydesk.model import Evidence, Span
from copydesk.read import read_file, read_text
from copydesk.report.build import build_report
from copydesk.report.schema import Report
from copydesk.report.text import text_report

# A wire story and a copy that swaps the two delegation heads, and two other outlets that
# name them rightly: one error that the source, the article itself and the coverage all show.
SOURCE = """Norway and Sweden to hold fisheries talks in Bergen
OSLO, Tuesday - Norway and Sweden will hold a new round of fisheries talks in Bergen on Friday, the Norwegian foreign ministry said.
Erik Haugen, Norway's trade minister, will lead Norway's delegation, while Anna Lind, a senior diplomat, will head Sweden's delegation.
"We expect hard but fair talks," Haugen told reporters in Oslo on Monday.
The two countries have argued for years over herring quotas in the North Sea.
Lind said on Monday that Sweden wanted a deal before the winter season begins.
Officials on both sides said the talks could last two days.
"""
SWAPPED = SOURCE.replace("will lead Norway's", "will lead Sweden's").replace(
    "will head Sweden's", "will head Norway's"
)
FJORD_NEWS = """Nordic neighbours meet again over herring
BERGEN - Norwegian and Swedish negotiators meet in Bergen on Friday for another round of talks on fishing rights.
Trade Minister Erik Haugen heads the Norwegian delegation; the Swedish delegation is led by the diplomat Anna Lind.
The dispute over herring quotas in the North Sea has dragged on for years, and neither side expects a quick result.
Fishermen in both countries have protested against the current quotas.
"""
BALTIC_POST = """Herring quota talks resume in Bergen
STOCKHOLM - Sweden sends a team led by Anna Lind to Bergen this week for fisheries talks with Norway.
Norway's delegation is headed by its trade minister, Erik Haugen, the ministry in Oslo said.
Swedish officials said they hoped to settle the herring quota before the winter season.
The talks are expected to last two days, according to officials.
"""


def _store(tmp_path: Path, texts: dict[str, tuple[str, str, str]]) -> Path:
    """A corpus of ``texts`` (file name: text, outlet, url), ingested as a user would."""
    folder = tmp_path / "coverage"
    folder.mkdir()
    rows = ["file\turl\toutlet\tdate\twire"]
    for name, (text, outlet, url) in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f"{name}\t{url}\t{outlet}\t2025-03-04\t")
    (folder / "index.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = tmp_path / "corpus.db"
    with Store.open(db) as store:
        assert not ingest([folder], store, progress=False).failed
    return db


def _items(report: Report) -> list[list[str]]:
    """Each group's kinds, lead first."""
    return [[report.findings[i].kind for i in (g.lead, *g.related)] for g in report.groups]


@pytest.fixture(scope="module")
def swapped(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.CheckResult, Report]:
    db = _store(
        tmp_path_factory.mktemp("nordic"),
        {
            "fjord.txt": (FJORD_NEWS, "Fjord News", "https://fjordnews.example/herring"),
            "baltic.txt": (BALTIC_POST, "Baltic Post", "https://balticpost.example/talks"),
        },
    )
    article = read_text(SWAPPED, origin="article.txt")
    with Store.open(db) as store:
        result = pipeline.check(article, read_text(SOURCE, origin="source.txt"), store)
    return result, build_report(result)


def test_one_swap_seen_five_ways_is_one_item(
    swapped: tuple[pipeline.CheckResult, Report],
) -> None:
    result, report = swapped
    kinds = sorted(f.kind for f in report.findings if f.severity.value != "info")
    assert kinds == [
        "consistency.conflicting_affiliation",
        "corroboration.contradicted",
        "corroboration.contradicted",
        "source.role_swap",
        "source.role_swap",
    ]
    (item,) = [kinds for kinds in _items(report) if len(kinds) > 1]
    assert item[0] == "source.role_swap"  # the source is the most direct evidence
    assert sorted(item) == kinds
    # the flat list is the pipeline's, untouched, and each finding names its group
    assert [(f.kind, f.span.start, f.span.end) for f in report.findings] == [
        (f.kind, f.span.start, f.span.end) for f in result.findings
    ]
    for number, group in enumerate(report.groups):
        for i in (group.lead, *group.related):
            assert report.findings[i].group == number


def test_the_terminal_shows_the_lead_with_the_related_findings_under_it(
    swapped: tuple[pipeline.CheckResult, Report],
) -> None:
    out = text_report(swapped[1], width=120)
    major = out[out.index("MAJOR (1 item, 5 findings)") : out.index("\n\n", out.index("MAJOR"))]
    numbered = [line for line in major.splitlines() if re.match(r"\s+\d+\. ", line)]
    # one item: the lead at the margin, the four related findings indented under it, each
    # with the number the HTML pages give it
    lead, *related = numbered
    assert re.match(r"  \d\. Roles swapped \(source\.role_swap\)  The article has", lead)
    assert [line[:7] for line in related] == [" " * 7] * 4  # "  3. " moved 5 right
    assert [re.search(r"\((\S+)\)", line).group(1) for line in related] == [  # type: ignore[union-attr]
        "corroboration.contradicted",
        "consistency.conflicting_affiliation",
        "corroboration.contradicted",
        "source.role_swap",
    ]
    assert sorted(int(line.split(".")[0]) for line in numbered) == [1, 2, 3, 4, 5]
    # the other outlets' sentences are shown once, however many findings cite them
    assert major.count("evidence: Fjord News") == 1


def test_on_the_seed_the_delegation_swap_is_one_item(seed_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "seed.db"
    with Store.open(db) as store:
        ingest([seed_dir / "coverage"], store, progress=False)
        article = read_file(seed_dir / "article.txt")
        source = read_file(seed_dir / "source.txt")
        report = build_report(pipeline.check(article, source, store))
    swap = next(g for g in report.groups if report.findings[g.lead].kind == "source.role_swap")
    members = [report.findings[i] for i in (swap.lead, *swap.related)]
    assert sorted((f.kind, f.severity.value) for f in members) == [
        ("consistency.conflicting_affiliation", "major"),
        ("corroboration.contradicted", "major"),
        ("corroboration.contradicted", "major"),
        ("source.role_swap", "major"),
        ("source.role_swap", "major"),
    ]
    # Umerov called head of the security council here and its secretary there is another
    # error about the same man: it stays an item of its own
    title = next(
        f
        for f in report.findings
        if f.kind == "consistency.conflicting_affiliation" and f.severity.value == "minor"
    )
    assert title.group != report.findings[swap.lead].group


# --- each link on its own, on the harbour story's hand-made findings ------------------------


def _grouped(*extra: object) -> Report:
    base = harbour_result()
    findings = tuple(
        sorted((*base.findings, *extra), key=lambda f: (f.span.start, f.span.end, f.kind))  # type: ignore[attr-defined]
    )
    return build_report(replace(base, findings=findings))


def _together(report: Report, a: str, b: str) -> bool:
    first = next(f for f in report.findings if f.kind == a)
    second = next(f for f in report.findings if f.kind == b and f is not first)
    return first.group == second.group


def test_overlapping_spans_are_one_fact_and_the_severer_finding_leads() -> None:
    report = _grouped(
        finding("source.number_changed", at(TEXT, "1, 200m"), "The source has 1,100m.")
    )
    assert _together(report, "copy.broken_number", "source.number_changed")
    group = report.groups[report.findings[0].group]
    assert report.findings[group.lead].kind == "source.number_changed"


def test_findings_citing_the_same_sentence_elsewhere_are_one_fact() -> None:
    cited = Evidence("fjord-post-17", Span(120, 178), "Moe said the pier would bring 30 jobs.")
    report = _grouped(
        finding("corroboration.contradicted", at(TEXT, "300 jobs"), "30 jobs.", evidence=(cited,)),
        finding(
            "corroboration.misquoted",
            at(TEXT, "This is a historic"),
            "Quoted otherwise.",
            evidence=(replace(cited, span=Span(150, 200)),),
        ),
    )
    assert _together(report, "corroboration.contradicted", "corroboration.misquoted")


def test_evidence_inside_the_article_itself_links_nothing() -> None:
    # two errors that both point back at the same other mention in the article
    own = Evidence("article", at(TEXT, "on Tuesday"), "on Tuesday")
    report = _grouped(
        finding(
            "consistency.time_conflict", at(TEXT, "spring of 2027"), "Two dates.", evidence=(own,)
        ),
        finding("consistency.unit_conversion", at(TEXT, "45 million"), "No.", evidence=(own,)),
    )
    assert not _together(report, "consistency.time_conflict", "consistency.unit_conversion")


def test_two_words_of_one_quotation_are_one_fact() -> None:
    report = _grouped(
        finding("source.quote_altered", at(TEXT, "historic"), "The source has 'great'."),
        finding("spin.stray_quotes", at(TEXT, "for the town,"), "Stray quotes."),
    )
    assert _together(report, "source.quote_altered", "spin.stray_quotes")
    assert not _together(report, "source.quote_altered", "attribution.loaded_verb")


def test_the_same_role_given_twice_is_one_fact() -> None:
    base = harbour_result()
    ledger = base.analysed.ledger
    solberg, moe = ledger.people
    # "the board's chairwoman" and, in a second mention, the same post for the same side
    again = replace(solberg.roles[0], span=at(TEXT, "Port of Halden"))
    people = (replace(solberg, roles=(*solberg.roles, again)), moe)
    analysed = replace(base.analysed, ledger=replace(ledger, people=people))
    findings = (
        *base.findings,
        finding("source.title_changed", solberg.roles[0].span, "The source says 'chair'."),
        finding("source.entity_changed", again.span, "The source says Port of Moss."),
    )
    ordered = tuple(sorted(findings, key=lambda f: (f.span.start, f.kind)))
    report = build_report(replace(base, analysed=analysed, findings=ordered))
    assert _together(report, "source.title_changed", "source.entity_changed")
    assert not _together(report, "source.title_changed", "attribution.loaded_verb")


def test_the_same_number_written_twice_is_one_fact() -> None:
    base = harbour_result()
    ledger = base.analysed.ledger
    pier = ledger.quantities[0]
    again = replace(pier, span=at(TEXT, "1, 200m"), text="1, 200m", sentence=1)
    analysed = replace(
        base.analysed, ledger=replace(ledger, quantities=(again, *ledger.quantities))
    )
    changed = finding("source.number_changed", pier.span, "The source has 1,100m.")
    findings = tuple(sorted((*base.findings, changed), key=lambda f: (f.span.start, f.kind)))
    report = build_report(replace(base, analysed=analysed, findings=findings))
    assert _together(report, "copy.broken_number", "source.number_changed")


def test_info_findings_stand_alone() -> None:
    report = _grouped(
        finding("source.hedge_removed", at(TEXT, "will cost 45 million"), "The source hedges.")
    )
    unmatched = next(f for f in report.findings if f.kind == "source.unmatched")
    group = report.groups[unmatched.group]
    assert group.lead == report.findings.index(unmatched) and group.related == []
    assert len(report.groups) == len(report.findings)


# The source's story, with a passage of three sentences of the article's own in the middle and
# one more at the end, after a sentence the source has.
ADDED = SOURCE.replace(
    "The two countries have argued",
    "Herring is the region's most valuable catch. Prices rose sharply last spring. "
    "Local boat owners have called for a quick deal.\nThe two countries have argued",
).replace("could last two days.", "could last two days. Bergen's harbour will host a fish market.")


def test_a_run_of_added_sentences_is_one_passage() -> None:
    result = pipeline.check(read_text(ADDED), read_text(SOURCE))
    report = build_report(result)
    runs = [
        [report.findings[i].text for i in (g.lead, *g.related)]
        for g in report.groups
        if report.findings[g.lead].kind == "source.unmatched"
    ]
    assert runs == [
        [
            "Herring is the region's most valuable catch.",
            "Prices rose sharply last spring.",
            "Local boat owners have called for a quick deal.",
        ],
        ["Bergen's harbour will host a fish market."],
    ]
    # the terminal folds the passage into one line naming its first and last sentence
    out = text_report(report, width=120)
    info = out[out.index("INFO (") :]
    folded = re.findall(r"(\d+)–(\d+)\. Not in the source \(source\.unmatched\)  (.*)", info)
    assert [(int(b) - int(a), text) for a, b, text in folded] == [
        (2, "No source sentence matches these 3 sentences in a row.")
    ]
    assert "from: Herring is the region's most valuable catch." in info
    assert "to:   Local boat owners have called for a quick deal." in info
    assert "Prices rose sharply" not in info
    assert re.search(
        r"\d+\. Not in the source \(source\.unmatched\)  No source sentence matches this sentence",
        info,
    )
