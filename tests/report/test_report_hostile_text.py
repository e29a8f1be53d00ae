"""Text that fights the page: a right-to-left override and a word thousands of characters long,
in the article page and the redline, as a reader's browser shows them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from report_fixtures import at, finding

from copydesk.analysis import Analysed
from copydesk.ledger.model import Ledger
from copydesk.nlp.annotate import annotate
from copydesk.pipeline import CheckResult, check
from copydesk.read.article import Article
from copydesk.report.build import build_report
from copydesk.report.escape import DIRECTION_CONTROLS
from copydesk.report.html import render_html

RLO = "\u202e"

OVERRIDDEN = (
    "Harbour vote delayed\n"
    f"The council said on Monday that the vote on the {RLO}harbour plan would wait a week.\n"
    "Members said the plan would need more money before work could start in the spring.\n"
)

LONG_WORD = "x" * 4000
WIDE = (
    "Harbour vote delayed\n"
    f"The council said on Monday that the vote would wait {LONG_WORD} a week.\n"
    "Members said the plan would need more money before work could start in the spring.\n"
)

SOURCE = (
    "Harbour vote delayed\n"
    "The council said on Monday that the vote on the harbour plan would wait two weeks.\n"
    "Members said the plan would need more money before work could start in the spring.\n"
)


def _page(text: str) -> str:
    article = Article(text)
    findings = (
        finding("copy.non_word", at(text, "harbour plan" if RLO in text else "xxx"), "A non-word."),
    )
    return render_html(build_report(CheckResult(Analysed(annotate(article), Ledger()), findings)))


@pytest.mark.parametrize("redline", [False, True], ids=["article page", "redline"])
def test_a_direction_override_is_shown_not_obeyed(redline: bool) -> None:
    html = (
        render_html(build_report(check(Article(OVERRIDDEN), Article(SOURCE))))
        if redline
        else _page(OVERRIDDEN)
    )
    assert not DIRECTION_CONTROLS & set(html)
    assert "[U+202E]" in html


def _open(browser: Any, tmp_path: Path, html: str) -> Any:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    browser.get(path.as_uri())
    return browser


@pytest.mark.parametrize("redline", [False, True], ids=["article page", "redline"])
def test_in_a_browser_the_override_stays_in_its_text(
    browser: Any, tmp_path: Path, redline: bool
) -> None:
    html = (
        render_html(build_report(check(Article(OVERRIDDEN), Article(SOURCE))))
        if redline
        else _page(OVERRIDDEN)
    )
    page = _open(browser, tmp_path, html)
    shown = page.execute_script("return document.body.innerText")
    assert RLO not in shown
    assert "[U+202E]harbour plan would wait" in shown


@pytest.mark.parametrize("redline", [False, True], ids=["article page", "redline"])
def test_a_4000_character_word_wraps_inside_the_page(
    browser: Any, tmp_path: Path, redline: bool
) -> None:
    html = (
        render_html(build_report(check(Article(WIDE), Article(SOURCE)))) if redline else _page(WIDE)
    )
    page = _open(browser, tmp_path, html)
    width = page.execute_script("return document.documentElement.scrollWidth")
    viewport = page.execute_script("return window.innerWidth")
    assert width <= viewport, f"the page is {width} px wide in a {viewport} px window"
