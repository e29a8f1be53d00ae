"""Shared fixtures: the seed case in ../shared and its reports, a one-call analyser for fixture
texts, and a real headless Chromium for the HTML pages (Debian's chromium and chromium-driver,
driven through selenium; ``make test`` installs them when they are missing)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from copydesk.analysis import Analysed, analyse
from copydesk.pipeline import check
from copydesk.read import read_input
from copydesk.read.article import Article
from copydesk.report.build import build_report
from copydesk.report.schema import Report

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "cases" / "seed"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not (SEED / "article.txt").exists():
        pytest.skip("the seed case (../shared/cases/seed) is not beside this checkout")
    return SEED


@pytest.fixture(scope="session")
def analyse_text() -> Callable[[str], Analysed]:
    """Analyse a fixture text as a plain-text article (no junk detection)."""

    def run(text: str) -> Analysed:
        return analyse(Article(text))

    return run


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

# Chromium's own background connections are refused on a closed network; these flags keep
# it from trying.
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(
            "Debian's chromium and chromium-driver are not installed "
            "(make test installs them: apt-get install chromium chromium-driver)"
        )
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory() as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        driver.set_page_load_timeout(30)
        try:
            yield driver
        finally:
            driver.quit()


def _reports(article: Path, source: Path) -> tuple[Report, Report]:
    """An article's report checked alone and against its source, read as `copydesk check`
    reads them (the HTML pages' tests)."""
    read = read_input(str(article))
    return build_report(check(read)), build_report(check(read, read_input(str(source))))


@pytest.fixture(scope="session")
def seed_reports(seed_dir: Path) -> tuple[Report, Report]:
    return _reports(seed_dir / "article.txt", seed_dir / "source.txt")


@pytest.fixture(scope="session")
def example_reports() -> tuple[Report, Report]:
    return _reports(EXAMPLES / "reworded.txt", EXAMPLES / "original.txt")
