"""The HTML pages: every finding's exact span in a mark, numbered as the text report numbers
it, marks and findings linked both ways, a legend, a severity filter with no script, print
and contrast fit for reading, and all document text escaped. The redline's structure (its
folded rows, its sections) is read here from the HTML; test_redline_browser.py opens it."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from pages import (
    DOUBLED,
    MIN_CONTRAST,
    assert_numbers_match_the_text_report,
    contrasts,
    has_class,
    parse,
    text_numbers,
)
from report_fixtures import TEXT, at, contradicted_result, finding, harbour_result, missing_speaker

from copydesk.analysis import Analysed
from copydesk.corpus.model import Candidate
from copydesk.filtering import FindingFilter
from copydesk.ledger.model import Ledger
from copydesk.model import Evidence, Span
from copydesk.nlp.annotate import annotate
from copydesk.pipeline import CheckResult, apply_filter
from copydesk.read.article import Article
from copydesk.report.build import build_report
from copydesk.report.html import render_html, render_report_html
from copydesk.report.page import CSP, numbered, numbers
from copydesk.report.schema import Report
from copydesk.source.model import AlignedSentence, Comparison, Label

SEVERITIES = ("major", "minor", "info")


def _marked(root: Any) -> tuple[dict[str, str], dict[str, str]]:
    """The text inside each finding's marks in the article (each mark holds one piece of its
    span), and each finding's mark class."""
    text: dict[str, str] = defaultdict(str)
    classes: dict[str, str] = {}
    for mark in root.xpath("//article//mark[@data-finding]"):
        text[mark.get("data-finding")] += mark.text_content()
        classes[mark.get("data-finding")] = mark.get("class")
    return text, classes


def _article_text(root: Any) -> str:
    (article,) = root.xpath("//article")
    return str(article.text_content())


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report(harbour_result())


@pytest.fixture(scope="module")
def html(report: Report) -> str:
    return render_html(report)


@pytest.fixture(scope="module")
def root(html: str) -> Any:
    return parse(html)


def test_each_finding_marks_exactly_its_span(report: Report, root: Any) -> None:
    text, classes = _marked(root)
    assert len(text) == len(report.findings)
    for n, f in numbered(report.findings):
        assert text[str(n)] == f.text, f.kind
        assert classes[str(n)].split()[0] == f.severity.value


def test_the_article_text_is_shown_whole(root: Any) -> None:
    assert _article_text(root) == TEXT


@pytest.fixture(params=["seed_reports", "example_reports"], ids=["seed", "examples"])
def case_reports(request: pytest.FixtureRequest) -> tuple[Report, Report]:
    """The seed case's reports, then those of examples/ (alone, and against the source)."""
    reports: tuple[Report, Report] = request.getfixturevalue(request.param)
    return reports


def test_findings_are_numbered_as_the_text_report_numbers_them(
    report: Report, html: str, case_reports: tuple[Report, Report]
) -> None:
    assert_numbers_match_the_text_report(report, html)
    for case in case_reports:
        assert_numbers_match_the_text_report(case, render_html(case))


def test_the_list_reads_as_the_text_report_under_severity_headings(
    seed_reports: tuple[Report, Report],
) -> None:
    # against its source the seed has findings about one fact listed under their lead, so
    # the text report's order is not the numbers' order
    _, compared = seed_reports
    told = list(text_numbers(compared))
    assert told != sorted(told)
    root = parse(render_report_html(compared))
    shown = [int(li.get("id")[1:]) for li in root.xpath(f"//li[{has_class('finding')}]")]
    assert shown == told
    sections = root.xpath(f"//aside//section[{has_class('severity-group')}]")
    assert [g.get("class").split()[1] for g in sections] == [
        s for s in SEVERITIES if compared.summary.by_severity[s]
    ]
    number = numbers(compared.findings)
    for section in sections:
        severity = section.get("class").split()[1]
        leads = section.xpath(f"./ol/li[{has_class('finding')}]")
        assert all(severity in li.get("class").split() for li in leads)
        groups = [g for g in compared.groups if compared.findings[g.lead].severity == severity]
        assert [li.get("id") for li in leads] == [f"n{number[g.lead]}" for g in groups]
        # the findings about the same fact are listed inside their lead's entry
        for li, g in zip(leads, groups, strict=True):
            nested = li.xpath(f"./ul[{has_class('related')}]/li")
            assert [x.get("id") for x in nested] == [f"n{number[k]}" for k in g.related]


def test_the_redline_links_the_findings_about_one_fact(
    seed_reports: tuple[Report, Report],
) -> None:
    _, compared = seed_reports
    root = parse(render_html(compared))
    number = numbers(compared.findings)
    linked = 0
    for g in compared.groups:
        members = [number[k] for k in (g.lead, *g.related)]
        if compared.findings[g.lead].kind == "source.unmatched" and len(members) > 1:
            # a run of added sentences: one entry for the run, each number an anchor in it
            (entry,) = root.xpath(f"//li[@id='n{members[0]}']")
            assert "run" in entry.get("class").split()
            assert entry.xpath("span/@id") == [f"n{m}" for m in members[1:]]
            continue
        for n in members:
            (entry,) = root.xpath(f"//li[@id='n{n}']")
            links = entry.xpath(f".//span[{has_class('same-fact')}]//a/@href")
            assert links == [f"#n{m}" for m in members if m != n]
            linked += len(links)
    assert linked >= 4


def test_marks_and_findings_link_to_each_other(report: Report, root: Any) -> None:
    n = len(report.findings)
    for number in range(1, n + 1):
        (mark,) = root.xpath(f"//mark[@id='f{number}']")
        assert mark.get("data-finding") == str(number)
        # the mark sits in a link to its finding, and the finding links back to the mark
        (to_finding,) = mark.xpath("ancestor::a[1]")
        assert to_finding.get("href") == f"#n{number}"
        (entry,) = root.xpath(f"//li[@id='n{number}']")
        assert entry.xpath(f".//a[@href='#f{number}']")


def test_an_empty_span_still_has_a_target() -> None:
    result = harbour_result()
    root = parse(render_html(build_report(CheckResult(result.analysed, (missing_speaker(),)))))
    (mark,) = root.xpath("//mark[@id='f1']")
    assert mark.text_content() == "" and "empty" in mark.get("class").split()
    assert mark.xpath("ancestor::a[1]/@href") == ["#n1"]
    assert _article_text(root) == TEXT


def test_crossing_spans_each_keep_their_exact_text() -> None:
    result = harbour_result()
    sentence = "Mayor Lars Moe claimed the project would bring 300 jobs."
    first = finding("attribution.loaded_verb", at(TEXT, "Moe claimed the"), "one")
    second = finding("copy.non_word", at(TEXT, "claimed the project"), "two")
    inner = finding("source.unmatched", at(TEXT, sentence), "three")
    findings = tuple(sorted((first, second, inner), key=lambda f: (f.span.start, f.span.end)))
    report = build_report(CheckResult(result.analysed, findings))
    root = parse(render_html(report))
    text, _ = _marked(root)
    assert {text[str(n)] for n, _ in numbered(report.findings)} == {
        f.span.of(TEXT) for f in findings
    }
    assert len(text) == 3
    assert _article_text(root) == TEXT
    # every piece of the marked sentence is one link, to the innermost finding over it
    pieces = root.xpath("//article//a[@class='to-finding']")
    assert "".join(a.text_content() for a in pieces) == sentence
    assert not root.xpath("//a//a")


def test_the_legend_names_every_kind_of_mark(root: Any) -> None:
    (legend,) = root.xpath("//ul[@aria-label='Legend']")
    for severity in SEVERITIES:
        assert legend.xpath(f".//mark[{has_class(severity)}]"), severity
    assert legend.xpath(f".//span[{has_class('excluded')}]")
    assert "not article text" in legend.text_content()


def test_the_filter_is_three_radio_inputs_and_no_script(root: Any, html: str) -> None:
    radios = root.xpath("//fieldset[@class='filter']//input[@type='radio'][@name='show']")
    assert [r.get("id") for r in radios] == ["show-all", "show-minor", "show-major"]
    assert [r.get("checked") is not None for r in radios] == [True, False, False]
    for r in radios:
        assert root.xpath(f"//label[@for='{r.get('id')}']")
    assert "<script" not in html.lower()
    assert not root.xpath("//@*[starts-with(name(), 'on')]"), "no event handler attributes"


def test_landmarks_and_labels(root: Any) -> None:
    assert len(root.xpath("//main")) == 1
    assert root.xpath("//nav[@aria-label]")
    assert root.xpath("//main//article[@aria-label='Article text']")
    assert root.xpath("//main//aside[@aria-label='Findings']")


def test_no_quotation_mark_is_doubled(
    seed_reports: tuple[Report, Report], case_reports: tuple[Report, Report]
) -> None:
    for report in case_reports:
        root = parse(render_html(report))
        assert not root.xpath("//q"), "<q> adds quotation marks of its own"
        shown = root.xpath("string(//body)")
        assert not DOUBLED.search(shown), DOUBLED.search(shown)
    # the quotation whose marks came out doubled is shown with its own marks once
    _, compared = seed_reports
    assert "“hardly possible" in render_html(compared)


def test_page_is_self_contained(root: Any) -> None:
    tags = {e.tag for e in root.iter() if isinstance(e.tag, str)}
    assert tags.isdisjoint({"script", "link", "img", "iframe"})
    (csp,) = root.xpath("//meta[@http-equiv='Content-Security-Policy']")
    assert csp.get("content") == CSP == "default-src 'none'; style-src 'unsafe-inline'"


def test_ledger_tables(html: str) -> None:
    assert "<h2>Quotations</h2>" in html and "Ingrid Solberg" in html
    assert "chairwoman (Halden)" in html
    assert "<h2>Conversions checked</h2>" in html and "3,937 feet" in html


HOSTILE = (
    "Council <script>alert('x')</script> votes on pier\n"
    "The council said the pier would cost 45 million crowns & more.\n"
    "The mayor called it <b>historic</b>.\n"
)


def test_every_piece_of_document_text_is_escaped() -> None:
    text = HOSTILE
    article = Article(
        text,
        title='"><img src=x onerror=alert(1)> Pier vote',
        url="javascript:alert(1)",
        outlet="<i>Herald</i>",
        byline="<svg onload=alert(1)>",
    )

    evidence = Evidence(
        "other",
        at(text, "45 million"),
        "<script>steal()</script> 40 million",
        outlet="<b>Post</b>",
        url='https://post.example/?a=1&b="><script>',
        note="<em>lower</em>",
    )
    f = finding(
        "corroboration.contradicted",
        at(text, "<script>alert('x')</script>"),
        "The <script> tag should not be here.",
        evidence=(evidence,),
        suggestion="<remove>",
    )
    html = render_html(build_report(CheckResult(Analysed(annotate(article), Ledger()), (f,))))
    root = parse(html)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    tags = {e.tag for e in root.iter() if isinstance(e.tag, str)}
    assert tags.isdisjoint({"script", "img", "svg", "b", "i", "em"})
    assert "javascript:" not in "".join(root.xpath("//a/@href"))
    assert _marked(root)[0]["1"] == "<script>alert('x')</script>"
    assert _article_text(root) == text
    assert "&lt;i&gt;Herald&lt;/i&gt;" in html
    assert "https://post.example/?a=1&amp;b=&quot;&gt;&lt;script&gt;" in html


def test_corroboration_evidence_is_linked_with_its_outlet() -> None:
    html = render_html(build_report(contradicted_result()))
    assert "Corroboration (4 other documents considered)" in html
    assert (
        '<a href="https://fjordpost.example/a?id=17&amp;lang=en" rel="noreferrer noopener">'
        "Fjord Post</a>" in html
    )
    assert "&lt;b&gt;about 30&lt;/b&gt;" in html


def test_evidence_shared_by_two_findings_is_shown_once() -> None:
    base = contradicted_result()
    (contradicted,) = [f for f in base.findings if f.kind == "corroboration.contradicted"]
    again = finding(
        "corroboration.contradicted",
        at(TEXT, "Mayor Lars Moe"),
        "Another outlet reports 30 jobs, not 300.",
        evidence=contradicted.evidence,
    )
    findings = tuple(sorted((*base.findings, again), key=lambda f: (f.span.start, f.kind)))
    report = build_report(CheckResult(base.analysed, findings, corroboration=base.corroboration))
    root = parse(render_html(report))
    entries = root.xpath(f"//li[{has_class('finding')}][.//*[text()='corroboration.contradicted']]")
    assert len(entries) == 2
    first, second = entries
    evidence_text = "Moe told the council the pier would bring <b>about 30</b> jobs."
    assert evidence_text in first.text_content()
    assert evidence_text not in second.text_content()
    (pointer,) = second.xpath(f".//span[{has_class('evidence')}]//a")
    assert pointer.get("href") == f"#{first.get('id')}" and pointer.text == first.get("id")[1:]


# --- the redline, read from its HTML ----------------------------------------------------------


def _with_source(result: CheckResult, **extra: Any) -> CheckResult:
    """The harbour story compared with a one-sentence source (its second sentence changed)."""
    source = Article("The Port of Halden approved a 1,200m pier on Tuesday.\n", doc_id="src")
    first = result.analysed.doc.sentences[1]
    pairs = [
        AlignedSentence(
            1, first.span, (0,), (Span(0, len(source.text.strip())),), Label.CHANGED, 0.8
        ),
        *(
            AlignedSentence(k, s.span, (), (), Label.ADDED, 0.0)
            for k, s in enumerate(result.analysed.doc.sentences)
            if k > 1 and "Leave a Reply" not in s.text
        ),
    ]
    comparison = Comparison(source, tuple(pairs), (), 0.2, 1.0, ())
    return CheckResult(result.analysed, result.findings, comparison, **extra)


def test_with_a_source_the_page_is_the_redline_with_its_landmarks() -> None:
    root = parse(render_html(build_report(_with_source(harbour_result()))))
    assert root.xpath("//body[@class='redline']//main//table[@class='redline'][@aria-label]")
    assert len(root.xpath("//main")) == 1 and root.xpath("//nav[@aria-label]")
    assert root.xpath("//ul[@aria-label='Legend']//mark[contains(@class, 'source')]")
    # each finding on a sentence is listed in its row and linked from its mark
    marks = root.xpath("//td[@class='article']//mark[@id]")
    assert len(marks) >= 3
    for mark in marks:
        number = mark.get("data-finding")
        assert mark.xpath("ancestor::a[1]/@href") == [f"#n{number}"]
        (entry,) = root.xpath(f"//li[@id='n{number}']")
        assert entry.xpath(f".//a[@href='#f{number}']")


def test_a_run_of_added_sentences_is_folded_into_one_row(
    seed_reports: tuple[Report, Report],
) -> None:
    _, compared = seed_reports
    assert compared.comparison is not None
    root = parse(render_html(compared))
    rows = root.xpath("//table[@class='redline']/tbody/tr[@id]")
    # every article sentence keeps its id, on its row or, inside a run, on its sentence
    ids = [r.get("id") for r in rows if r.get("id").startswith("a")]
    ids += root.xpath("//tr[contains(@class, 'run')]//span[@class='sentence']/@id")
    assert sorted(ids) == sorted(f"a{p.article_sentence}" for p in compared.comparison.pairs)
    runs = root.xpath("//tr[@class='added run']")
    assert runs
    cells = root.xpath("//td[@class='source'][.//text()='no source sentence']")
    added_rows = root.xpath("//tr[starts-with(@class, 'added')]")
    assert len(cells) == len(added_rows), "one source cell per row, never spanning two"
    for run in runs:
        sentences = run.xpath("td[@class='article']/span[@class='sentence']")
        (entry,) = run.xpath(".//li[contains(@class, 'run')]")
        first, last = entry.xpath("string(span[@class='number'])").rstrip(".").split("–")
        assert int(last) - int(first) + 1 == len(sentences) > 1


def test_the_redline_shows_the_check_pages_sections() -> None:
    base = contradicted_result()
    article = harbour_result(declared_source="Halden Post").analysed
    candidate = Candidate(
        "src",
        "https://haldenpost.example/pier",
        "Halden Post",
        "Pier approved",
        0.8,
        0.9,
        "outlet matches the declared source 'Halden Post'",
    )
    result = _with_source(
        CheckResult(article, base.findings),
        source_candidates=(candidate,),
        corroboration=base.corroboration,
    )
    report = build_report(result)
    html = render_html(report)
    root = parse(html)
    assert root.xpath("//table[@class='redline']")
    headings = [h.text_content() for h in root.xpath("//h2")]
    for title in ("Quotations", "People", "Quantities", "Conversions checked", "Source candidates"):
        assert title in headings
    assert "Corroboration (4 other documents considered)" in headings
    assert "Declared source: Halden Post" in " ".join(root.xpath("string(//header)").split())
    assert "outlet matches the declared source" in html
    assert "Fjord Post</a>" in html


def test_the_redline_shows_each_findings_evidence_once(
    seed_reports: tuple[Report, Report],
) -> None:
    _, compared = seed_reports
    root = parse(render_html(compared))
    shown: dict[tuple[str, ...], str] = {}
    pointers = 0
    for li in root.xpath(f"//li[{has_class('finding')}]"):
        lines = tuple(
            " ".join(e.text_content().split())
            for e in li.xpath(f".//span[{has_class('evidence')}]")
        )
        if not lines:
            continue
        if lines[0].startswith("Evidence: as for finding"):
            (target,) = li.xpath(f".//span[{has_class('evidence')}]//a/@href")
            assert target[1:] in shown.values()
            pointers += 1
            continue
        key = tuple(sorted(lines))
        assert key not in shown, f"{li.get('id')} repeats the evidence of {shown.get(key)}"
        shown[key] = li.get("id")
    # two findings of the seed (the swapped roles) rest on the same two source spans
    assert pointers >= 1


def test_an_empty_finding_at_a_sentence_end_is_listed_on_that_sentence() -> None:
    result = harbour_result()
    second = result.analysed.doc.sentences[1]
    at_end = finding(
        "spin.broken_sentence", Span(second.span.end, second.span.end), "A full stop is missing."
    )
    report = build_report(_with_source(CheckResult(result.analysed, (at_end,))))
    root = parse(render_html(report))
    (row,) = root.xpath("//tr[@id='a1']")
    assert row.xpath(".//li[@id='n1']")
    assert not root.xpath("//footer//li")


# --- in a browser ------------------------------------------------------------------------------


PWN = "<script>window.__pwned=1;document.title='pwned'</script>"
PWN_IMAGE = '<img src=x onerror="window.__pwned=2">'


def _open(browser: Any, tmp_path: Path, html: str, name: str = "report.html") -> Any:
    page = tmp_path / name
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri())
    return browser


def test_in_a_browser_nothing_runs_and_marks_link_to_findings(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    text = (
        f"Harbour vote {PWN}\nThe council said the pier would cost {PWN_IMAGE} 45 million crowns.\n"
    )
    article = Article(text, title=f"Pier </title>{PWN}", url="javascript:window.__pwned=3")
    findings = (
        finding("copy.page_junk", at(text, PWN), "Script text left in the body."),
        finding("copy.broken_number", at(text, "45 million"), "A number.", suggestion="45m"),
    )
    report = build_report(CheckResult(Analysed(annotate(article), Ledger()), findings))
    browser = _open(browser, tmp_path, render_html(report))
    assert browser.title == f"copydesk: Pier </title>{PWN}"
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    assert browser.find_element(By.CSS_SELECTOR, "article.article").text.startswith(
        f"Harbour vote {PWN}"
    )


@pytest.fixture()
def seed_page(browser: Any, tmp_path: Path, seed_reports: tuple[Report, Report]) -> Any:
    alone, _ = seed_reports
    return _open(browser, tmp_path, render_html(alone))


def test_in_a_browser_the_findings_read_as_in_the_text_report(
    seed_page: Any, seed_reports: tuple[Report, Report]
) -> None:
    from selenium.webdriver.common.by import By

    entries = seed_page.find_elements(By.CSS_SELECTOR, "li.finding")
    entries.sort(key=lambda li: li.rect["y"])
    shown = [int(li.find_element(By.CSS_SELECTOR, ".number").text.rstrip(".")) for li in entries]
    assert shown == list(text_numbers(seed_reports[0]))


def test_in_a_browser_the_legend_shows_the_marks_colours(seed_page: Any) -> None:
    from selenium.webdriver.common.by import By

    legend = seed_page.find_element(By.CSS_SELECTOR, "ul.legend")
    assert legend.is_displayed()
    compared = 0
    for severity in SEVERITIES:
        sample = legend.find_element(By.CSS_SELECTOR, f"mark.{severity}")
        assert sample.is_displayed()
        for real in seed_page.find_elements(By.CSS_SELECTOR, f"article mark.{severity}")[:1]:
            for prop in ("background-color", "border-bottom-color"):
                assert sample.value_of_css_property(prop) == real.value_of_css_property(prop)
            compared += 1
    assert compared >= 2
    colours = {
        legend.find_element(By.CSS_SELECTOR, f"mark.{s}").value_of_css_property("background-color")
        for s in SEVERITIES
    }
    assert len(colours) == 3
    excluded = legend.find_element(By.CSS_SELECTOR, ".excluded")
    assert "line-through" in excluded.value_of_css_property("text-decoration-line")


def test_in_a_browser_a_mark_leads_to_its_finding_and_back(seed_page: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    mark = seed_page.find_element(By.ID, "f3")
    mark.click()
    assert seed_page.execute_script("return location.hash") == "#n3"
    target = seed_page.execute_script("return document.querySelector(':target').id")
    assert target == "n3"
    entry = seed_page.find_element(By.ID, "n3")
    entry.find_element(By.CSS_SELECTOR, "a.kind").click()
    assert seed_page.execute_script("return document.querySelector(':target').id") == "f3"
    # and with the keyboard: the mark's link takes focus and Enter follows it
    link = seed_page.find_element(By.CSS_SELECTOR, "a.to-finding:has(#f5)")
    link.send_keys(Keys.ENTER)
    assert seed_page.execute_script("return location.hash") == "#n5"
    seed_page.find_element(By.ID, "n5").find_element(By.CSS_SELECTOR, "a.kind").send_keys(
        Keys.ENTER
    )
    assert seed_page.execute_script("return location.hash") == "#f5"


def test_in_a_browser_major_only_hides_the_other_findings(seed_page: Any) -> None:
    from selenium.webdriver.common.by import By

    def shown(severity: str) -> list[bool]:
        return [
            li.is_displayed()
            for li in seed_page.find_elements(By.CSS_SELECTOR, f"li.finding.{severity}")
        ]

    assert all(shown("major")) and all(shown("minor")) and all(shown("info") or [True])
    minor_mark = seed_page.find_element(By.CSS_SELECTOR, "article mark.minor")
    highlighted = minor_mark.value_of_css_property("background-color")
    seed_page.find_element(By.CSS_SELECTOR, "label[for='show-major']").click()
    assert all(shown("major")) and shown("minor") and not any(shown("minor"))
    assert minor_mark.value_of_css_property("background-color") != highlighted
    seed_page.find_element(By.CSS_SELECTOR, "label[for='show-minor']").click()
    assert all(shown("minor"))
    seed_page.find_element(By.CSS_SELECTOR, "label[for='show-all']").click()
    assert all(shown("major")) and all(shown("minor"))


def test_in_a_browser_print_hides_the_filter_and_keeps_findings_whole(seed_page: Any) -> None:
    from selenium.webdriver.common.by import By

    assert seed_page.find_element(By.CSS_SELECTOR, "fieldset.filter").is_displayed()
    seed_page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not seed_page.find_element(By.CSS_SELECTOR, "fieldset.filter").is_displayed()
        entry = seed_page.find_element(By.CSS_SELECTOR, "li.finding")
        assert entry.value_of_css_property("break-inside") == "avoid"
        assert seed_page.find_element(By.CSS_SELECTOR, "ul.legend").is_displayed()
    finally:
        seed_page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_in_a_browser_all_text_has_enough_contrast(seed_page: Any) -> None:
    measured = contrasts(seed_page)
    low = [m for m in measured if m["ratio"] < MIN_CONTRAST]
    assert not low, low
    # the minor findings and the struck-through junk are among what was measured
    assert any("excluded" in m["cls"] for m in measured)
    assert any("sev" in m["cls"] and m["text"] == "minor" for m in measured)
    assert any(m["tag"] == "mark" and "minor" in m["cls"] for m in measured)


def test_a_filtered_report_says_what_it_left_out() -> None:
    result = apply_filter(harbour_result(), FindingFilter.of("major", ["copy"]))
    report = build_report(result)
    kept = {f.kind for f in report.findings}
    assert kept == {"attribution.empty_speaker"}
    root = parse(render_html(report))
    (line,) = root.xpath("//header/p[@class='filtered']")
    assert line.text_content() == (
        "4 findings left out: 3 below major; 1 of the kinds ignored (copy)"
    )
    assert len(root.xpath(f"//li[{has_class('finding')}]")) == 1
