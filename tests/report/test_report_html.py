"""The HTML page: every finding's exact span in a mark, findings linked, all text escaped."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from report_fixtures import TEXT, at, contradicted_result, finding, harbour_result

from copydesk.analysis import Analysed
from copydesk.compare.model import AlignedSentence, Comparison, Label
from copydesk.ledger.model import Ledger
from copydesk.model import Evidence, Span
from copydesk.nlp.annotate import annotate
from copydesk.pipeline import CheckResult
from copydesk.read.article import Article
from copydesk.report.html import CSP, render_html


class Page(HTMLParser):
    """Collects what the tests look at: the text inside each finding's marks, ids, links,
    tags, and the article's visible text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.marked: dict[str, str] = defaultdict(str)
        self.mark_class: dict[str, str] = {}
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: set[str] = set()
        self.meta: list[dict[str, str | None]] = []
        self.article_text = ""
        self._open: list[str | None] = []
        self._in_article = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.add(tag)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "a" and a.get("href"):
            self.hrefs.append(str(a["href"]))
        if tag == "meta":
            self.meta.append(a)
        if tag == "div" and a.get("class") == "article":
            self._in_article = 1
        elif self._in_article and tag not in ("br",):
            self._in_article += 1
        if tag == "mark":
            self._open.append(a.get("data-finding"))
            self.mark_class[str(a.get("data-finding"))] = str(a.get("class"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()
        if self._in_article:
            self._in_article -= 1

    def handle_data(self, data: str) -> None:
        for number in self._open:
            if number is not None:
                self.marked[number] += data
        if self._in_article:
            self.article_text += data


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return harbour_result()


@pytest.fixture(scope="module")
def page(result: CheckResult) -> Page:
    return Page(render_html(result))


def test_each_finding_marks_exactly_its_span(result: CheckResult, page: Page) -> None:
    assert len(page.marked) == len(result.findings)
    for number, f in enumerate(result.findings, start=1):
        assert page.marked[str(number)] == f.span.of(TEXT), f.kind
        assert page.mark_class[str(number)] == f.severity.value


def test_the_article_text_is_shown_whole(page: Page) -> None:
    assert page.article_text == TEXT


def test_findings_in_the_margin_link_to_their_marks(result: CheckResult, page: Page) -> None:
    n = len(result.findings)
    mark_ids = [f"f{i}" for i in range(1, n + 1)]
    for ident in mark_ids:
        assert page.ids.count(ident) == 1
        assert f"#{ident}" in page.hrefs
    assert sum(1 for i in page.ids if i.startswith("n")) == n


def test_page_is_self_contained(page: Page) -> None:
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    csp = [m for m in page.meta if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0]["content"] == CSP == "default-src 'none'; style-src 'unsafe-inline'"


def test_ledger_tables(result: CheckResult) -> None:
    html = render_html(result)
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
    html = render_html(CheckResult(Analysed(annotate(article), Ledger()), (f,)))
    page = Page(html)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert page.tags.isdisjoint({"script", "img", "svg", "b", "i", "em"})
    assert "javascript:" not in "".join(page.hrefs)
    assert page.marked["1"] == "<script>alert('x')</script>"
    assert page.article_text == text
    assert "&lt;i&gt;Herald&lt;/i&gt;" in html
    assert "https://post.example/?a=1&amp;b=&quot;&gt;&lt;script&gt;" in html


def test_crossing_spans_each_keep_their_exact_text(result: CheckResult) -> None:
    sentence = "Mayor Lars Moe claimed the project would bring 300 jobs."
    first = finding("attribution.loaded_verb", at(TEXT, "Moe claimed the"), "one")
    second = finding("copy.non_word", at(TEXT, "claimed the project"), "two")
    inner = finding("source.unmatched", at(TEXT, sentence), "three")
    findings = tuple(sorted((first, second, inner), key=lambda f: (f.span.start, f.span.end)))
    page = Page(render_html(CheckResult(result.analysed, findings)))
    assert [page.marked[str(i)] for i in (1, 2, 3)] == [f.span.of(TEXT) for f in findings]
    assert page.article_text == TEXT


def test_an_empty_span_still_has_a_target(result: CheckResult) -> None:
    gap = at(TEXT, "According to  ,")
    empty = finding(
        "attribution.empty_speaker",
        Span(gap.start + 13, gap.start + 13),
        "The attribution names no speaker.",
    )
    page = Page(render_html(CheckResult(result.analysed, (empty,))))
    assert page.ids.count("f1") == 1 and "#f1" in page.hrefs
    assert page.article_text == TEXT


def test_corroboration_evidence_is_linked_with_its_outlet() -> None:
    html = render_html(contradicted_result())
    assert "Corroboration (4 other documents considered)" in html
    assert (
        '<a href="https://fjordpost.example/a?id=17&amp;lang=en" rel="noreferrer noopener">'
        "Fjord Post</a>" in html
    )
    assert "&lt;b&gt;about 30&lt;/b&gt;" in html


def test_with_a_source_the_page_is_the_redline(result: CheckResult) -> None:
    source = Article("The Port of Halden approved a 1,200m pier on Tuesday.\n", doc_id="src")
    first = result.analysed.doc.sentences[1]
    comparison = Comparison(
        source,
        (
            AlignedSentence(
                1,
                first.span,
                (0,),
                (Span(0, len(source.text.strip())),),
                Label.CHANGED,
                0.8,
            ),
        ),
        (),
        0.2,
        1.0,
        (),
    )
    with_source = CheckResult(result.analysed, result.findings, comparison)
    try:
        from copydesk.report.redline import render_redline
    except ModuleNotFoundError:
        page = Page(render_html(with_source))
        assert page.article_text == TEXT
    else:
        assert render_html(with_source) == render_redline(with_source)


PWN = "<script>window.__pwned=1;document.title='pwned'</script>"
PWN_IMAGE = '<img src=x onerror="window.__pwned=2">'


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
    page = tmp_path / "report.html"
    page.write_text(
        render_html(CheckResult(Analysed(annotate(article), Ledger()), findings)), encoding="utf-8"
    )
    browser.get(page.as_uri())
    assert browser.title == f"copydesk: Pier </title>{PWN}"
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    assert browser.find_element(By.CSS_SELECTOR, "div.article").text.startswith(
        f"Harbour vote {PWN}"
    )
    for number, f in enumerate(findings, start=1):
        mark = browser.find_element(By.ID, f"f{number}")
        assert mark.get_attribute("textContent") == f.span.of(text)
        assert f.severity.value in mark.get_attribute("class").split()
        browser.find_element(By.CSS_SELECTOR, f"a[href='#f{number}']").click()
        assert browser.execute_script("return location.hash") == f"#f{number}"
