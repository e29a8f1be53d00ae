"""copydesk census on ../shared/cases: the families it finds, their originals, each copy's
compare, the sites ranked, the page in a real browser, a resumed run, and bad input."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from copydesk import cli

CASES = ROOT.parent / "shared" / "cases"

pytestmark = [
    pytest.mark.skipif(not (CASES / "real").is_dir(), reason="../shared/cases is not here"),
    pytest.mark.slow,
]


@pytest.fixture(scope="module")
def census_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("census") / "out"
    assert cli.main(["census", str(CASES), "--out", str(out), "--jobs", "2", "--quiet"]) == 0
    return out


def families(out: Path) -> list[dict[str, Any]]:
    lines = (out / "families.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def family_of(out: Path, name: str) -> dict[str, Any] | None:
    return next(
        (f for f in families(out) if any(d["key"].endswith(name) for d in f["documents"])), None
    )


def test_the_seed_source_is_the_original_and_the_article_a_reworded_copy(
    census_out: Path,
) -> None:
    family = family_of(census_out, "seed/article.txt")
    assert family is not None
    assert family["original"].endswith("seed/source.txt")
    (article,) = [d for d in family["documents"] if d["key"].endswith("seed/article.txt")]
    assert article["role"] == "copy" and article["relation"] == "reworded"
    assert sum(article["meaning_changes"].values()) > 0
    assert article["rewording_score"] >= 0.5
    assert (census_out / article["redline"]).is_file()
    assert article["report"]["comparison"] is not None
    # The other outlets' reports of the same event are coverage, not copies of it.
    assert not any("coverage" in d["key"] for d in family["documents"])


def test_every_labelled_pair_that_reuses_its_source_is_one_family(census_out: Path) -> None:
    for group in ("real", "faithful"):
        for folder in sorted((CASES / group).iterdir()):
            if not (folder / "article.txt").is_file() or folder.name.startswith("ai-update"):
                continue  # the language model's update reuses 2 of 12 sentences: missed
            family = family_of(census_out, f"{folder.name}/article.txt")
            assert family is not None, folder.name
            keys = [d["key"] for d in family["documents"]]
            has_source = any(k.endswith(f"{folder.name}/source.txt") for k in keys)
            # A source stored once under another folder (the same page twice) is that copy.
            assert has_source or folder.name.startswith("mt-"), (folder.name, keys)


def test_the_mariupol_story_is_one_family_across_two_folders(census_out: Path) -> None:
    family = family_of(census_out, "mt-reuters-mariupol-2022/article.txt")
    assert family is not None
    keys = " ".join(d["key"] for d in family["documents"])
    assert "control-reuters-mariupol-2022/article.txt" in keys
    assert "control-reuters-mariupol-2022/source.txt" in keys
    assert "spinner-reuters-mariupol-2022" not in keys  # another Reuters story on Mariupol


def test_the_spinner_sites_rank_above_the_faithful_republishers(census_out: Path) -> None:
    with (census_out / "sites.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rank = {r["site"]: int(r["rank"]) for r in rows}
    faithful = [r for r in rows if int(r["copies"]) and float(r["share_reworded"]) == 0]
    assert faithful
    for spinner in ("thewall.fyi", "dailynews.us"):
        assert all(rank[spinner] < int(r["rank"]) for r in faithful), spinner
    thewall = next(r for r in rows if r["site"] == "thewall.fyi")
    assert thewall["copies"] == "2" and thewall["reworded"] == "2"


def test_the_page_shows_the_chart_and_links_each_site_to_its_worst_redlines(
    census_out: Path, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    browser.get((census_out / "index.html").as_uri())
    assert browser.find_elements(By.CSS_SELECTOR, "section.chart svg")
    chart = browser.find_element(By.CSS_SELECTOR, "section.chart svg")
    assert chart.size["width"] > 300 and chart.size["height"] > 100
    first = browser.find_elements(By.CSS_SELECTOR, "table.sites tbody tr")[0]
    assert "thewall.fyi" in first.text
    link = browser.find_element(By.CSS_SELECTOR, "section.site a")
    link.click()
    assert "redlines/" in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, "mark, .mark, ins, del")
    assert not browser.find_elements(By.TAG_NAME, "script")


def test_a_census_run_again_resumes_and_writes_the_same_families(
    census_out: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(census_out, out)
    compared = out / ".census" / "compared.jsonl"
    lines = compared.read_text(encoding="utf-8").splitlines()
    # Interrupted while comparing: the last copies were not written, one was cut short.
    compared.write_text("\n".join(lines[:-3]) + "\n" + lines[-3][:40], encoding="utf-8")
    (out / "families.jsonl").unlink()
    assert cli.main(["census", str(CASES), "--out", str(out), "--quiet"]) == 0
    again = {f["family"]: f for f in families(out)}
    before = {f["family"]: f for f in families(census_out)}
    assert again.keys() == before.keys()
    for name, family in before.items():
        assert [d["meaning_changes"] for d in again[name]["documents"]] == [
            d["meaning_changes"] for d in family["documents"]
        ]


def test_bad_inputs_get_one_sentence_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["census", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert cli.main(["census", str(CASES), "--out", str(tmp_path / "file")]) == 2
    assert "is a file" in capsys.readouterr().err
    assert cli.main(["census", "--out", str(tmp_path / "o")]) == 2


def test_the_spark_engine_finds_the_same_families_and_findings(
    census_out: Path, tmp_path: Path
) -> None:
    pytest.importorskip("pyspark")
    out = tmp_path / "spark"
    args = ["census", str(CASES), "--out", str(out), "--engine", "spark", "--jobs", "2"]
    assert cli.main([*args, "--quiet"]) == 0

    def seen(where: Path) -> dict[str, Any]:
        return {
            f["family"]: (
                f["original"],
                [(d["key"], d["relation"], d["meaning_changes"]) for d in f["documents"]],
            )
            for f in families(where)
        }

    assert seen(out) == seen(census_out)
    assert (out / "sites.csv").read_text(encoding="utf-8") == (census_out / "sites.csv").read_text(
        encoding="utf-8"
    )
