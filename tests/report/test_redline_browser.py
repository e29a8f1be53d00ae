"""The redline page in a real headless Chromium: findings shown, changes marked in both texts,
marks and pairs linked, minor marks in their own colour, the two texts side by side on paper,
enough contrast, and document text that looks like HTML shown as text, never run."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pages import MIN_CONTRAST, contrasts
from report_fixtures import at, contradicted_result

from copydesk import kinds
from copydesk.corpus.model import ClaimVerdict, Verdict
from copydesk.pipeline import CheckResult, check
from copydesk.read.article import Article
from copydesk.report.build import build_report
from copydesk.report.html import render_html
from copydesk.report.page import CSP
from copydesk.report.redline import article_row_id, render_redline
from copydesk.report.schema import Report
from copydesk.report.text import text_report
from copydesk.source import UNMATCHED_MESSAGE, Label

SCRIPT = "<script>document.title='pwned';window.__pwned=1</script>"
IMAGE = "<img src=x onerror=\"window.__pwned=2;document.title='pwned'\">"

SOURCE = (
    "Wildfire forces evacuation near Karvale\n"
    "About 3,000 residents were ordered to leave their homes near Karvale on Sunday as a "
    "wildfire spread across 1,200 hectares of forest, the regional fire service said.\n"
    "Two firefighters were treated in hospital for smoke inhalation.\n"
    f"The fire service posted {SCRIPT} and {IMAGE} on its website.\n"
)

ARTICLE = (
    "The regional fire service said about 3,000 people near Karvale were told to leave their "
    "homes on Sunday as a wildfire spread across 1,200 hectares of forest.\n"
    "Five firefighters were treated in hospital for smoke inhalation.\n"
    "Readers sent us <b>photos</b> of the smoke over the valley.\n"
)

TITLE = f"Karvale fire </title>{SCRIPT}"


@pytest.fixture(scope="module")
def result() -> CheckResult:
    article = Article(ARTICLE, title=TITLE, url="javascript:window.__pwned=3")
    source = Article(SOURCE, doc_id="source", title=f"Fire service {IMAGE}")
    return check(article, source)


@pytest.fixture(scope="module")
def page(result: CheckResult) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "redline.html"
        path.write_text(render_redline(build_report(result)), encoding="utf-8")
        yield path


@pytest.fixture()
def opened(browser: Any, page: Path) -> Any:
    browser.get(page.as_uri())
    return browser


def _by() -> Any:
    from selenium.webdriver.common.by import By

    return By


def test_document_text_that_looks_like_html_runs_nothing(opened: Any) -> None:
    by = _by()
    assert opened.title == f"Redline: {TITLE}"
    assert opened.execute_script("return typeof window.__pwned") == "undefined"
    assert opened.find_elements(by.TAG_NAME, "img") == []
    assert opened.find_elements(by.TAG_NAME, "script") == []
    assert opened.find_elements(by.TAG_NAME, "b") == []
    # the markup is there to read, as text
    omitted = [c.text for c in opened.find_elements(by.CSS_SELECTOR, "tr.omitted td.source")]
    assert any(SCRIPT in text and IMAGE in text for text in omitted)
    assert "<b>photos</b>" in opened.find_element(by.ID, article_row_id(2)).text
    # a javascript: URL is shown, not linked
    assert not opened.find_elements(by.CSS_SELECTOR, "a[href^='javascript']")
    csp = opened.find_element(by.CSS_SELECTOR, "meta[http-equiv='Content-Security-Policy']")
    assert csp.get_attribute("content") == CSP


def test_findings_are_shown_beside_their_sentences(opened: Any, result: CheckResult) -> None:
    by = _by()
    assert result.comparison is not None
    shown = [f for f in result.findings if f.kind in {"source.number_changed", "source.unmatched"}]
    assert len(shown) == 2
    for finding in shown:
        (pair,) = [p for p in result.comparison.pairs if p.article_span.contains(finding.span)]
        row = opened.find_element(by.ID, article_row_id(pair.article_sentence))
        items = [
            li
            for li in row.find_elements(by.CSS_SELECTOR, "td.findings li")
            if finding.message in li.text
        ]
        assert items and items[0].is_displayed()
        assert finding.kind in items[0].text
    added = opened.find_element(by.ID, article_row_id(2))
    assert "added" in added.get_attribute("class").split()
    assert UNMATCHED_MESSAGE in added.text


def test_the_changed_number_is_marked_in_the_article_and_in_the_source(opened: Any) -> None:
    by = _by()
    row = opened.find_element(by.ID, article_row_id(1))
    assert "changed" in row.get_attribute("class").split()
    (in_article,) = row.find_elements(by.CSS_SELECTOR, "td.article mark.change")
    (in_source,) = row.find_elements(by.CSS_SELECTOR, "td.source mark.source")
    assert in_article.text == "Five" and in_source.text == "Two"
    assert in_article.is_displayed() and in_source.is_displayed()
    highlight = in_article.value_of_css_property("background-color")
    plain = row.find_element(by.CSS_SELECTOR, "td.article .sentence")
    assert highlight != plain.value_of_css_property("background-color")


def test_each_side_links_to_the_other_and_the_target_row_lights_up(
    opened: Any, page: Path, result: CheckResult
) -> None:
    by = _by()
    assert result.comparison is not None
    pair = next(p for p in result.comparison.pairs if p.label is Label.CHANGED)
    row = opened.find_element(by.ID, article_row_id(pair.article_sentence))
    to_source = row.find_element(by.CSS_SELECTOR, "td.article a.pair")
    target = to_source.get_attribute("href").rsplit("#", 1)[1]
    source_sentence = opened.find_element(by.ID, target)
    assert source_sentence.text.startswith("Two firefighters were treated")
    back = source_sentence.find_element(by.CSS_SELECTOR, "a.pair")
    assert back.get_attribute("href").endswith(f"#{article_row_id(pair.article_sentence)}")

    cell = row.find_element(by.CSS_SELECTOR, "td.source")
    before = cell.value_of_css_property("background-color")
    opened.get(f"{page.as_uri()}#{article_row_id(pair.article_sentence)}")
    row = opened.find_element(by.ID, article_row_id(pair.article_sentence))
    after = row.find_element(by.CSS_SELECTOR, "td.source").value_of_css_property("background-color")
    assert after != before


def test_reuse_figures_are_in_the_header(opened: Any, result: CheckResult) -> None:
    by = _by()
    assert result.comparison is not None
    header = opened.find_element(by.TAG_NAME, "header").text
    assert f"{round(100 * result.comparison.article_reuse)}% of the article" in header
    assert f"{round(100 * result.comparison.source_reuse)}% of the source" in header


SPLIT_SOURCE = (
    "Residents who opposed the closure have collected more than 2,000 signatures on a petition "
    "and plan to appeal the decision at the council's next meeting on May 14.\n"
    "The repairs are expected to cost about $4.2 million.\n"
    "The bridge, built in 1962, carries about 18,000 vehicles a day.\n"
)
SPLIT_ARTICLE = (
    "Residents against the closure have gathered more than 2,000 signatures on a petition. "
    "They intend to appeal the decision when the council next meets on May 14.\n"
    "The crossing, which dates from 1962, is used by roughly 18,000 vehicles daily.\n"
)


def test_a_split_shares_one_source_cell_and_omitted_sentences_keep_their_place(
    browser: Any,
) -> None:
    by = _by()
    result = check(Article(SPLIT_ARTICLE), Article(SPLIT_SOURCE, doc_id="source"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "split.html"
        path.write_text(render_redline(build_report(result)), encoding="utf-8")
        browser.get(path.as_uri())
        rows = browser.find_elements(by.CSS_SELECTOR, "table.redline tbody tr")
        kinds = [r.get_attribute("class") for r in rows]
        assert kinds == ["paraphrase", "paraphrase", "omitted", "paraphrase"]
        shared = rows[0].find_element(by.CSS_SELECTOR, "td.source")
        assert shared.get_attribute("rowspan") == "2"
        assert shared.text.startswith("Residents who opposed the closure")
        assert rows[1].find_elements(by.CSS_SELECTOR, "td") and not rows[1].find_elements(
            by.CSS_SELECTOR, "td.source"
        )
        # the shared cell reaches down beside the second half of the split
        second = rows[1].find_element(by.CSS_SELECTOR, "td.article")
        assert shared.rect["y"] + shared.rect["height"] >= second.rect["y"] + second.rect["height"]
        assert "cost about $4.2 million" in rows[2].text


@pytest.fixture()
def seed_redline(browser: Any, tmp_path: Path, seed_reports: tuple[Report, Report]) -> Any:
    _, compared = seed_reports
    path = tmp_path / "seed-redline.html"
    path.write_text(render_redline(compared), encoding="utf-8")
    browser.get(path.as_uri())
    return browser


def test_a_mark_leads_to_its_finding_and_back(opened: Any) -> None:
    by = _by()
    row = opened.find_element(by.ID, article_row_id(1))
    mark = row.find_element(by.CSS_SELECTOR, "td.article mark.change")
    number = mark.get_attribute("data-finding")
    mark.click()
    target = opened.execute_script("return document.querySelector(':target')")
    assert target.get_attribute("id") == f"n{number}"
    assert number in target.find_element(by.CSS_SELECTOR, ".number").text
    assert row.find_elements(by.ID, f"n{number}"), "the finding is listed beside its sentence"
    target.find_element(by.CSS_SELECTOR, "a.kind").click()
    assert opened.execute_script("return document.querySelector(':target').id") == f"f{number}"
    # the source's side of the change leads to the same finding
    row.find_element(by.CSS_SELECTOR, "td.source mark.source").click()
    assert opened.execute_script("return location.hash") == f"#n{number}"


def test_minor_marks_are_drawn_in_the_minor_colour(seed_redline: Any) -> None:
    by = _by()
    legend = seed_redline.find_element(by.CSS_SELECTOR, "ul.legend")
    colour = {
        s: legend.find_element(by.CSS_SELECTOR, f"mark.{s}").value_of_css_property(
            "background-color"
        )
        for s in ("major", "minor", "info")
    }
    assert len(set(colour.values())) == 3
    minor = seed_redline.find_elements(by.CSS_SELECTOR, "td.article mark.issue.minor")
    assert minor
    for mark in minor:
        assert mark.value_of_css_property("background-color") == colour["minor"]
        assert mark.value_of_css_property("border-bottom-style") == "dotted"


def test_major_only_hides_the_other_findings(seed_redline: Any) -> None:
    by = _by()
    minor = seed_redline.find_elements(by.CSS_SELECTOR, "li.finding.minor")
    major = seed_redline.find_elements(by.CSS_SELECTOR, "li.finding.major")
    assert minor and major and all(li.is_displayed() for li in minor)
    seed_redline.find_element(by.CSS_SELECTOR, "label[for='show-major']").click()
    assert not any(li.is_displayed() for li in minor)
    assert all(li.is_displayed() for li in major)


#: A4 paper's printable width at 96 px to the inch, with 1.5 cm margins.
PAPER_WIDTH_PX = 680


def test_printed_the_two_texts_stay_side_by_side(seed_redline: Any) -> None:
    by = _by()

    def cells() -> tuple[Any, Any]:
        row = seed_redline.find_element(by.CSS_SELECTOR, "table.redline tbody tr.paraphrase")
        return (
            row.find_element(by.CSS_SELECTOR, "td.article").rect,
            row.find_element(by.CSS_SELECTOR, "td.source").rect,
        )

    size = seed_redline.get_window_size()
    seed_redline.set_window_size(PAPER_WIDTH_PX, size["height"])
    try:
        article, source = cells()
        assert source["y"] >= article["y"] + article["height"], "a narrow screen stacks them"
        seed_redline.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        article, source = cells()
        assert source["y"] == article["y"]
        assert source["x"] >= article["x"] + article["width"] - 1
        assert article["width"] > PAPER_WIDTH_PX / 4 and source["width"] > PAPER_WIDTH_PX / 4
        assert not seed_redline.find_element(by.CSS_SELECTOR, "fieldset.filter").is_displayed()
        entry = seed_redline.find_element(by.CSS_SELECTOR, "li.finding")
        assert entry.value_of_css_property("break-inside") == "avoid"
    finally:
        seed_redline.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        seed_redline.set_window_size(size["width"], size["height"])


def test_all_text_has_enough_contrast(seed_redline: Any) -> None:
    measured = contrasts(seed_redline)
    low = [m for m in measured if m["ratio"] < MIN_CONTRAST]
    assert not low, low
    assert any(m["tag"] == "mark" and "minor" in m["cls"] for m in measured)
    assert any("sev" in m["cls"] and m["text"] == "minor" for m in measured)


def test_a_run_of_added_sentences_is_one_row_with_one_entry(
    seed_redline: Any, seed_reports: tuple[Report, Report]
) -> None:
    by = _by()
    _, compared = seed_reports
    told = re.findall(r"(\d+)–(\d+)\. Not in the source", text_report(compared))
    runs = seed_redline.find_elements(by.CSS_SELECTOR, "tr.added.run")
    assert len(runs) == len(told) >= 2
    for row, (first, last) in zip(runs, told, strict=True):
        (entry,) = row.find_elements(by.CSS_SELECTOR, "li.finding.run")
        assert entry.find_element(by.CSS_SELECTOR, ".number").text == f"{first}–{last}."
        count = int(last) - int(first) + 1
        assert f"these {count} sentences in a row" in entry.text
        assert len(row.find_elements(by.CSS_SELECTOR, "td.article .sentence")) == count
        assert row.find_element(by.CSS_SELECTOR, "td.source").text == "no source sentence"
    cells = seed_redline.find_elements(by.CSS_SELECTOR, "td.source")
    assert [c.text for c in cells].count("no source sentence") == len(told)
    body = seed_redline.find_element(by.TAG_NAME, "body").text
    assert "Same fact as findings 2" not in body  # the run's findings point at no list
    # a link to a sentence inside a run still lands on it
    (second,) = seed_redline.find_elements(by.CSS_SELECTOR, f"tr.added.run #{article_row_id(13)}")
    assert second.is_displayed()


def test_findings_carry_their_label_in_words(seed_redline: Any) -> None:
    by = _by()
    entry = seed_redline.find_elements(by.CSS_SELECTOR, "li.finding")[0]
    label = entry.find_element(by.CSS_SELECTOR, ".kind-label").text
    kind = entry.find_element(by.CSS_SELECTOR, ".kind").text
    assert label == kinds.BY_CODE[kind].label and label != kind


def test_unverified_claims_are_counted_not_listed(browser: Any, tmp_path: Path) -> None:
    base = contradicted_result()
    text = base.article.text
    verdicts = (
        *base.corroboration.verdicts,
        ClaimVerdict(
            "the terminal opens in spring 2027",
            "frame",
            at(text, "the terminal will open"),
            Verdict.UNVERIFIED,
            (),
            "no other outlet",
        ),
        ClaimVerdict(
            "620-mile) front line",
            "quantity",
            at(text, "1,200m (3,937 feet)"),
            Verdict.UNVERIFIED,
            (),
            "no other outlet",
        ),
    )
    result = CheckResult(
        base.analysed, base.findings, corroboration=replace(base.corroboration, verdicts=verdicts)
    )
    path = tmp_path / "report.html"
    path.write_text(render_html(build_report(result)), encoding="utf-8")
    browser.get(path.as_uri())
    by = _by()
    rows = browser.find_elements(by.CSS_SELECTOR, "td.verdict")
    assert [r.text for r in rows] == ["contradicted"]
    note = browser.find_element(by.CSS_SELECTOR, "p.note.unverified")
    assert note.text == "2 more checkable claims unverified: no other outlet reports them."
    assert "620-mile) front line" not in browser.find_element(by.TAG_NAME, "body").text
    assert rows[0].size["height"] < 2 * float(
        rows[0].value_of_css_property("line-height").removesuffix("px")
    )
