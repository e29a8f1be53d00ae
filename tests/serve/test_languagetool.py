"""`copydesk serve` as LanguageTool's clients meet it: the real ``language_tool_python``
client, unpatched, and a strict reader of the answer's types as ``languagetool-rust``
declares them, against a running service with a house style."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import language_tool_python
import pytest
from pydantic import BaseModel, ConfigDict, TypeAdapter
from support.service import serving

from copydesk.analysis import analyse
from copydesk.model import Finding, Severity, Span
from copydesk.read import read_text
from copydesk.serve import languagetool as lt

#: An origin allowed to call the service from its pages, and one that is not.
CMS = "https://cms.example.org"
STRANGER = "https://elsewhere.example.com"

#: A short wire story of this test's own, with a word the house accepts ("nearshoring"), one
#: it does not yet ("reshorers"), and a misspelling inside and outside a quotation.
STORY = (
    "Factories move north as nearshoring spreads\n"
    "Manufacturers are moving production to northern Mexico, industry officials said on "
    "Tuesday, as nearshoring answers higher shipping costs. Local reshorers expect more "
    "plants next year.\n"
    "“It was a miraclear year for the parks,” said Ana Villarreal, who heads the state's "
    "industrial parks association. Officials called the growth a miraclear result.\n"
)


@pytest.fixture(scope="module")
def house(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("house")
    (folder / "copydesk.toml").write_text(
        '[words]\naccept = ["nearshoring"]\nfile = "words.txt"\n', encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def server(house: Path) -> Iterator[str]:
    options = ["--config", str(house / "copydesk.toml"), "--allow-origin", CMS]
    with serving(options=options) as base:
        yield base


@pytest.fixture(scope="module")
def tool(server: str) -> Iterator[language_tool_python.LanguageTool]:
    client = language_tool_python.LanguageTool("en-US", remote_server=server)
    yield client
    client.close()


def _rules(matches: list[language_tool_python.Match]) -> set[str]:
    return {m.rule_id for m in matches}


def test_the_real_client_checks_the_seed_article(
    tool: language_tool_python.LanguageTool, seed_dir: Path
) -> None:
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    matches = tool.check(text)
    assert {"copy.non_word", "copy.broken_number", "attribution.empty_speaker"} <= _rules(matches)
    for m in matches:  # each underline lies on its words, in the text and in its context
        assert (
            m.context[m.offset_in_context : m.offset_in_context + m.error_length]
            == (text[m.offset : m.offset + m.error_length])
        )
    assert len({(m.offset, m.error_length) for m in matches}) == len(matches), "one per span"
    tool.disabled_rules = {"copy.non_word"}
    try:
        assert _rules(tool.check(text)) == _rules(matches) - {"copy.non_word"}
    finally:
        tool.disabled_rules = set()


def test_a_five_word_text_gets_a_normal_answer(tool: language_tool_python.LanguageTool) -> None:
    assert tool.check("The mayor signed it yesterday.") == []
    (match,) = tool.check("The mayor signed the budgte.")
    assert match.rule_id == "copy.non_word" and match.category == "TYPOS"
    assert match.rule_issue_type == "misspelling"
    assert tool.check("") == []


def test_corrections_never_touch_a_quotation_and_offer_every_candidate(
    tool: language_tool_python.LanguageTool,
) -> None:
    matches = [m for m in tool.check(STORY) if m.rule_id == "copy.non_word"]
    quoted, reported = (m for m in matches if STORY[m.offset : m.offset + 9] == "miraclear")
    assert quoted.replacements == []
    assert reported.replacements == ["miracle", "miraculous"], reported.message
    assert all(f"'{r}'" in reported.message for r in reported.replacements)
    corrected = tool.correct(STORY)
    assert "“It was a miraclear year" in corrected and "a miracle result" in corrected


def test_spelling_off_leaves_the_other_checks(tool: language_tool_python.LanguageTool) -> None:
    tool.disable_spellchecking()
    try:
        assert "copy.non_word" not in _rules(tool.check(STORY))
    finally:
        tool.enable_spellchecking()


def test_enabled_only_reports_the_enabled_categories(server: str) -> None:
    only = httpx.post(
        f"{server}/v2/check",
        data={
            "text": STORY,
            "language": "en-US",
            "enabledOnly": "true",
            "enabledCategories": "TYPOS",
        },
        timeout=60,
    ).json()
    assert {m["rule"]["id"] for m in only["matches"]} == {"copy.non_word"}


def test_the_house_words_are_accepted_and_v2_words_adds_to_them(
    tool: language_tool_python.LanguageTool, server: str, house: Path
) -> None:
    flagged = {STORY[m.offset : m.offset + m.error_length] for m in tool.check(STORY)}
    assert "reshorers" in flagged and "nearshoring" not in flagged
    listed = httpx.get(f"{server}/v2/words", params={"username": "desk", "apiKey": "k"}).json()
    assert listed == {"words": ["nearshoring"]}
    added = httpx.post(f"{server}/v2/words/add", data={"word": "reshorers", "username": "desk"})
    assert added.json() == {"added": True}
    assert (house / "words.txt").read_text(encoding="utf-8") == "reshorers\n"
    assert "reshorers" not in {
        STORY[m.offset : m.offset + m.error_length] for m in tool.check(STORY)
    }
    deleted = httpx.post(f"{server}/v2/words/delete", data={"word": "reshorers"})
    assert deleted.json() == {"deleted": True}
    assert (house / "words.txt").read_text(encoding="utf-8") == ""
    refused = httpx.post(f"{server}/v2/words/add", data={"word": "two words"})
    assert refused.status_code == 400 and refused.text.startswith("Error: ")


def test_annotated_text_is_checked_without_its_markup(server: str) -> None:
    parts = [
        {"markup": "<p>"},
        {"text": "The council signed the budgte on Monday."},
        {"markup": "<br/>", "interpretAs": "\n"},
        {"text": "Its members said it was ready."},
        {"markup": "</p>"},
    ]
    sent = "".join(p.get("text") or p["markup"] for p in parts)
    answer = httpx.post(
        f"{server}/v2/check",
        data={"data": json.dumps({"annotation": parts}), "language": "auto"},
        timeout=60,
    ).json()
    (match,) = answer["matches"]
    assert sent[match["offset"] : match["offset"] + match["length"]] == "budgte"
    assert answer["language"]["code"] == "en-US"


def test_get_and_post_answer_alike(server: str) -> None:
    asked = {"text": "The mayor signed the budgte.", "language": "en-GB"}
    got = httpx.get(f"{server}/v2/check", params=asked, timeout=60).json()
    posted = httpx.post(f"{server}/v2/check", data=asked, timeout=60).json()
    assert got["matches"] == posted["matches"] and got["language"]["code"] == "en-GB"


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"language": "en-US"}, "Error: Missing 'text' or 'data' parameter."),
        ({"text": "Hallo Welt", "language": "de-DE"}, "Error: copydesk checks English only"),
        ({"text": "Hi.", "language": "en-US", "enabledOnly": "true"}, "Error: enabledOnly=true"),
        ({"data": "{not json", "language": "en-US"}, "Error: 'data' is not valid JSON."),
    ],
)
def test_errors_are_one_line_of_plain_text(server: str, fields: dict[str, str], said: str) -> None:
    answer = httpx.post(f"{server}/v2/check", data=fields, timeout=60)
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("text/plain")
    assert answer.text.startswith(said) and "\n" not in answer.text


def test_cors_lets_the_allowed_origin_in_only(server: str) -> None:
    def preflight(origin: str) -> httpx.Response:
        headers = {"Origin": origin, "Access-Control-Request-Method": "POST"}
        return httpx.options(f"{server}/v2/check", headers=headers)

    assert preflight(CMS).headers.get("access-control-allow-origin") == CMS
    assert "access-control-allow-origin" not in preflight(STRANGER).headers


def test_offsets_count_utf16_units(server: str) -> None:
    text = "😀 Résumé 👍🏽. The council will spend 1, 000 dollars,\r\nofficials said on Monday."
    body = httpx.post(
        f"{server}/v2/check", data={"text": text, "language": "en-US"}, timeout=60
    ).json()
    match = next(m for m in body["matches"] if m["rule"]["id"] == "copy.broken_number")
    units = text.encode("utf-16-le")
    shown = units[2 * match["offset"] : 2 * (match["offset"] + match["length"])]
    assert shown.decode("utf-16-le").startswith("1, 000")
    assert match["replacements"][0]["value"].startswith("1,000")


# -- a strict client: the answer's types as languagetool-rust declares them ----------------


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, populate_by_name=True)


class RustLanguage(_Strict):
    name: str
    code: str
    longCode: str  # the names as on the wire


class RustSoftware(_Strict):
    apiVersion: int
    buildDate: str
    name: str
    premium: bool
    status: str
    version: str


class RustDetected(_Strict):
    code: str
    name: str


class RustLanguageResponse(_Strict):
    code: str
    detectedLanguage: RustDetected
    name: str


class RustContext(_Strict):
    length: int
    offset: int
    text: str


class RustCategory(_Strict):
    id: str
    name: str


class RustRule(_Strict):
    category: RustCategory
    description: str
    id: str
    issueType: str
    subId: str | None = None
    urls: list[dict[str, str]] | None = None


class RustReplacement(_Strict):
    value: str


class RustMatch(_Strict):
    context: RustContext
    length: int
    message: str
    offset: int
    replacements: list[RustReplacement]
    rule: RustRule
    sentence: str
    shortMessage: str


class RustResponse(_Strict):
    language: RustLanguageResponse
    matches: list[RustMatch]
    software: RustSoftware


def test_a_strict_client_reads_the_answers(server: str) -> None:
    listed = httpx.get(f"{server}/v2/languages").json()
    languages = TypeAdapter(list[RustLanguage]).validate_python(listed)
    assert {"en-US", "en-GB"} <= {language.longCode for language in languages}
    asked = {"text": STORY, "language": "en-US"}
    answer = RustResponse.model_validate(
        httpx.post(f"{server}/v2/check", data=asked, timeout=60).json()
    )
    assert answer.matches and answer.software.buildDate[:2] == "20"


def test_the_openapi_documents_the_answer(server: str) -> None:
    spec = httpx.get(f"{server}/openapi.json").json()
    answer = spec["paths"]["/v2/check"]["post"]["responses"]["200"]["content"]["application/json"]
    assert answer["schema"]["$ref"].endswith("/CheckResponse")
    assert "matches" in spec["components"]["schemas"]["CheckResponse"]["properties"]


# -- in process: one match per span ---------------------------------------------------------


def test_two_findings_on_one_span_are_one_match_led_by_the_more_severe() -> None:
    text = "The council signed the budgte on Monday, the mayor said."
    analysed = analyse(read_text(text, lang="en", min_words=1))
    span = Span(text.index("budgte"), text.index("budgte") + len("budgte"))
    findings = [
        Finding("spin.garbled_text", Severity.MINOR, "Characters were lost.", span),
        Finding("copy.non_word", Severity.MAJOR, "'budgte' is not an English word.", span),
    ]
    request = lt.read_request({"text": text, "language": "en-US"})
    (match,) = lt.answer(request, findings, analysed).matches
    assert match.rule.id == "copy.non_word"
    assert match.message == "'budgte' is not an English word. Also: Characters were lost."
