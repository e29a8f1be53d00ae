"""The house style (``copydesk.toml``): the words a newsroom accepts are no errors in the
command, a scan on either engine and the service alike; a file copydesk cannot use is one
sentence and exit 2."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import httpx
import pytest
from support.command import copydesk
from support.service import serving

from copydesk import house
from copydesk.errors import InputError
from copydesk.model import Severity

#: A clean wire story of this test's own, with two words no dictionary has yet.
WIRE = (
    "Manufacturers turn to nearshoring as shipping costs climb\n\n"
    "MONTERREY, Mexico (Reuters) - Manufacturers from the United States and Asia are moving "
    "production to northern Mexico at the fastest pace in a decade, industry officials said "
    "on Tuesday, as nearshoring becomes the answer to higher shipping costs.\n\n"
    "The state's economy ministry said 41 companies had announced new plants this year, "
    "worth $6.2 billion in total. Most of them make car parts and appliances.\n\n"
    "Analysts warn that power shortages could slow the boom. Some workers said they spent "
    "their evenings doomscrolling through news of layoffs elsewhere, even as hiring picked "
    "up in the city.\n"
)

HOUSE = '[words]\naccept = ["nearshoring", "doomscrolling"]\n'


def _non_words(report: dict) -> list[str]:
    return [f["kind"] for f in report["findings"] if f["kind"] == "copy.non_word"]


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "house.toml").write_text(HOUSE, encoding="utf-8")
    return tmp_path


def test_without_the_house_style_the_new_words_are_major(desk: Path) -> None:
    done = copydesk("check", str(desk / "wire.txt"), "--format", "json")
    assert done.returncode == 1, done.stderr
    assert _non_words(json.loads(done.stdout))


def test_the_command_accepts_the_house_words(desk: Path) -> None:
    done = copydesk(
        "check", str(desk / "wire.txt"), "--format", "json", "--config", str(desk / "house.toml")
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert _non_words(report) == []
    assert report["rewording"]["score"] == 0.0


def test_copydesk_toml_in_the_working_directory_is_the_house_style(desk: Path) -> None:
    (desk / "house.toml").rename(desk / "copydesk.toml")
    done = copydesk("check", "wire.txt", "--format", "json", cwd=desk)
    assert done.returncode == 0, done.stderr
    assert _non_words(json.loads(done.stdout)) == []


@pytest.mark.parametrize("engine", ["local", "spark"])
def test_a_scan_accepts_the_house_words(desk: Path, engine: str) -> None:
    pages = desk / "pages"
    pages.mkdir()
    (desk / "wire.txt").rename(pages / "wire.txt")
    out = desk / "out"
    done = copydesk(
        "scan", str(pages), "--out", str(out), "--engine", engine, "--config",
        str(desk / "house.toml"), "--quiet", timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    files = [out] if out.is_file() else sorted(out.glob("part-*"))
    (record,) = [json.loads(line) for f in files for line in f.read_text("utf-8").splitlines()]
    assert record["status"] == "ok" and _non_words(record["report"]) == []


def test_the_service_accepts_the_house_words(desk: Path) -> None:
    with serving(options=["--config", str(desk / "house.toml")]) as base:
        report = httpx.post(f"{base}/v1/check", json={"text": WIRE}, timeout=60).json()
    assert _non_words(report) == []


def test_the_house_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "copydesk.toml"
    path.write_text(
        'min_severity = "minor"\n'
        '[words]\naccept = ["Nearshoring"]\nnames = ["bell hooks"]\nfile = "more.txt"\n'
        '[reporting]\nallow = ["stated"]\n'
        '[kinds]\nignore = ["spin.editorial_word", "corroboration"]\n'
        'severity = { "attribution.loaded_verb" = "minor" }\n',
        encoding="utf-8",
    )
    (tmp_path / "more.txt").write_text("# the desk's list\nreshoring\n", encoding="utf-8")
    style = house.load(path)
    assert style.words == {"nearshoring", "bell hooks", "reshoring"}
    assert style.reporting_verbs == {"stated"} and style.min_severity is Severity.MINOR
    assert style.ignore == {"spin.editorial_word", "corroboration"}
    assert dict(style.severity) == {"attribution.loaded_verb": Severity.MINOR}
    assert pickle.loads(pickle.dumps(style)) == style, "worker processes are sent it"
    assert house.load(None, cwd=tmp_path) == style
    assert house.load(None, cwd=tmp_path / "nowhere") is house.PLAIN


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("[words\n", "is not valid TOML"),
        ("fromat = 'json'\n", "'fromat' is no setting copydesk knows in the top level"),
        ("[words]\naccept = 'nearshoring'\n", "accept must be a list of words in quotes"),
        ("[kinds]\nignore = ['spin.nothing']\n", "ignore names an unknown kind, 'spin.nothing'"),
        ("min_severity = 'fatal'\n", "min_severity must be one of info, minor, major"),
    ],
)
def test_a_file_copydesk_cannot_use_is_one_sentence(
    tmp_path: Path, content: str, said: str
) -> None:
    path = tmp_path / "copydesk.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=said):
        house.load(path)
    done = copydesk("check", "examples/original.txt", "--config", str(path))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("copydesk: ") and said in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    done = copydesk("check", "examples/original.txt", "--config", str(tmp_path / "none.toml"))
    assert done.returncode == 2
    assert done.stderr == f"copydesk: There is no house-style file at {tmp_path / 'none.toml'}.\n"


def test_allowed_reporting_verbs_and_house_severities() -> None:
    from copydesk.pipeline import check
    from copydesk.read.article import Article

    text = (
        "The council approved the budget on Monday, the mayor stated. Spending on schools "
        "will rise by 4 percent, the treasurer stated.\nThe plan was rushed, an opposition "
        "member claimed. Officials stated the vote was close, and a clerk stated the council "
        "would meet again next week.\n"
    )
    plain = {(f.kind, f.span.of(text), f.severity) for f in check(Article(text)).findings}
    assert ("spin.odd_reporting_verb", "stated", Severity.MINOR) in plain
    assert ("attribution.loaded_verb", "claimed", Severity.MINOR) in plain
    style = house.HouseStyle(
        reporting_verbs=frozenset({"stated"}),  # as a desk writes it
        severity=(("attribution.loaded_verb", Severity.INFO),),
    )
    styled = {
        (f.kind, f.span.of(text), f.severity) for f in check(Article(text), house=style).findings
    }
    assert styled == {("attribution.loaded_verb", "claimed", Severity.INFO)}
