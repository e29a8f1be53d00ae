"""`copydesk serve` as a client meets it: a real uvicorn process on a loopback port, asked
over HTTP for the report, the docs and the web page, and refused what it must refuse (the
LanguageTool API has `test_languagetool.py`)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from support.command import WITH_SILENT_RESOLVER, copydesk
from support.service import serving

from copydesk.read.limits import FETCH_TIMEOUT_S
from copydesk.serve.app import MAX_BODY_BYTES, MAX_FORM_FIELDS

#: How long /health may take while the service refuses a hostile form: a few milliseconds
#: when the event loop is free, over a second when it parses the form itself.
HEALTH_WITHIN_S = 0.5

TEXT = (
    "Council approves budget\n"
    "The city council approved the budget on Monday, officials said. "
    "The plan will cost 1, 000 dollars a year for each school, the mayor said. "
    '"We are pleased with the result," the mayor told reporters after the vote. '
    "According to  , the vote was close, and the council will meet again next week."
)
SOURCE = (
    "Council approves budget\n"
    "The city council approved the budget on Monday, officials said. "
    "The plan will cost 1,000 dollars a year for each school, the mayor said. "
    '"We are pleased with the result," the mayor told reporters after the vote. '
    "According to the clerk, the vote was close, and the council will meet again next month."
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving() as base:
        yield base


def post(base: str, path: str, **kwargs: object) -> httpx.Response:
    return httpx.post(f"{base}{path}", timeout=60, **kwargs)  # type: ignore[arg-type]


def test_health(server: str) -> None:
    answer = httpx.get(f"{server}/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"


def test_v1_json_is_the_cli_report(server: str, tmp_path) -> None:
    answer = post(server, "/v1/check", json={"text": TEXT})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    report = answer.json()
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    cli = copydesk("check", str(path), "--format", "json")
    expected = json.loads(cli.stdout)
    assert report["findings"] == expected["findings"]
    assert report["summary"] == expected["summary"]
    kinds = {f["kind"] for f in report["findings"]}
    assert {"copy.broken_number", "attribution.empty_speaker"} <= kinds
    broken = next(f for f in report["findings"] if f["kind"] == "copy.broken_number")
    assert TEXT[broken["span"]["start"] : broken["span"]["end"]].startswith("1, 000")


def test_v1_html_is_the_report_page(server: str) -> None:
    answer = post(server, "/v1/check", json={"text": TEXT, "format": "html"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    assert "<mark" in answer.text and "copy.broken_number" in answer.text
    assert "<script" not in answer.text


def test_v1_with_a_source_finds_what_changed(server: str) -> None:
    answer = post(server, "/v1/check", json={"text": TEXT, "source": {"text": SOURCE}})
    assert answer.status_code == 200
    report = answer.json()
    assert report["comparison"] is not None
    assert any(f["kind"].startswith("source.") for f in report["findings"])
    redline = post(server, "/v1/check", json={"text": TEXT, "source": SOURCE, "format": "html"})
    assert redline.status_code == 200 and "<mark" in redline.text


def test_bad_requests_get_one_sentence(server: str) -> None:
    bad_json = post(
        server, "/v1/check", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert bad_json.status_code == 400 and bad_json.json()["error"].endswith(".")
    two = post(server, "/v1/check", json={"text": TEXT, "html": "<p>x</p>"})
    assert two.status_code == 400 and "exactly one" in two.json()["error"]
    empty = post(server, "/v1/check", json={"text": "   "})
    assert empty.status_code == 422 and "empty" in empty.json()["error"]
    nowhere = httpx.get(f"{server}/v3/check")
    assert nowhere.status_code == 404 and "error" in nowhere.json()


SOURCE_FORMS = "source must be a URL or plain text, or an object with one of text, html and url."


@pytest.mark.parametrize(
    ("body", "sentence"),
    [
        ({"text": TEXT, "source": 5}, SOURCE_FORMS),
        ({"text": TEXT, "source": {"text": 1}}, "source.text must be a valid string."),
        ({"text": TEXT, "source": {}}, "source: give exactly one of text, html and url."),
        ([TEXT], 'Send the check as a JSON object: {"text": "..."}.'),
        ({"text": TEXT, "format": "pdf"}, "format must be 'json' or 'html'."),
    ],
)  # fmt: skip
def test_an_invalid_check_is_named_in_the_request_s_own_words(
    server: str, body: object, sentence: str
) -> None:
    answer = post(server, "/v1/check", json=body)
    assert answer.status_code == 400
    assert answer.json() == {"error": sentence}


def test_a_form_of_millions_of_fields_is_refused_without_stalling_the_service(
    server: str,
) -> None:
    flood = b"&" * (4_900_000)
    answers: list[httpx.Response] = []

    def send() -> None:
        for _ in range(3):
            answers.append(
                post(server, "/v2/check", content=flood,
                     headers={"content-type": "application/x-www-form-urlencoded"})
            )  # fmt: skip

    sender = threading.Thread(target=send)
    sender.start()
    slowest = 0.0
    while sender.is_alive():
        started = time.monotonic()
        assert httpx.get(f"{server}/health", timeout=10).status_code == 200
        slowest = max(slowest, time.monotonic() - started)
    sender.join()
    assert [a.status_code for a in answers] == [400, 400, 400]
    assert answers[0].text == f"Error: The form has more than {MAX_FORM_FIELDS} fields."
    assert slowest < HEALTH_WITHIN_S


def test_the_page_s_error_is_under_its_policy_and_shows_direction_controls(server: str) -> None:
    answer = post(server, "/check/page", data={"url": "ftp://news\u202eexample.com/story"})
    assert answer.status_code == 422
    assert "form-action 'self'" in answer.headers["content-security-policy"]
    assert "\u202e" not in answer.text
    assert "[U+202E]" in answer.text


def test_oversized_body_is_refused(server: str) -> None:
    big = "x" * (MAX_BODY_BYTES + 1)
    answer = post(server, "/v1/check", json={"text": big})
    assert answer.status_code == 413
    assert "MB" in answer.json()["error"]


def test_loopback_urls_are_refused(server: str) -> None:
    answer = post(server, "/v1/check", json={"url": f"{server}/health"})
    assert answer.status_code == 422
    assert "private or local" in answer.json()["error"]
    source = post(server, "/v1/check", json={"text": TEXT, "source": f"{server}/health"})
    assert source.status_code == 422


def test_openapi_docs(server: str) -> None:
    spec = httpx.get(f"{server}/openapi.json").json()
    assert {"/health", "/v1/check", "/v2/check"} <= set(spec["paths"])
    answer = spec["paths"]["/v1/check"]["post"]["responses"]["200"]["content"]
    assert answer["application/json"]["schema"]["$ref"].endswith("/Report")
    assert {"text", "lang", "min_severity", "ignore"} <= set(
        spec["components"]["schemas"]["CheckRequest"]["properties"]
    )


def test_every_request_is_in_the_access_log(tmp_path) -> None:
    log = tmp_path / "serve.log"
    with serving(log=log) as base:
        assert post(base, "/v1/check", json={"text": TEXT}).status_code == 200
    assert '"POST /v1/check HTTP/1.1" 200' in log.read_text(encoding="utf-8")
    quiet = tmp_path / "quiet.log"
    with serving(options=["--log-level", "warning"], log=quiet) as base:
        assert httpx.get(f"{base}/health").status_code == 200
    assert "GET /health" not in quiet.read_text(encoding="utf-8")


def test_the_docs_render_from_the_service_alone(server: str, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    page = httpx.get(f"{server}/docs").text
    assert "//" not in page.replace(server, "").split("<body>", 1)[1].replace("<!--", "")
    browser.get(f"{server}/docs")
    WebDriverWait(browser, 60).until(
        ec.presence_of_element_located(
            (By.CSS_SELECTOR, "#operations-default-check_v1_v1_check_post")
        )
    )
    paths = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/v1/check", "/v2/check", "/v2/languages"} <= paths


def test_unknown_fields_and_kinds_are_refused_in_one_sentence(server: str) -> None:
    misspelt = post(server, "/v1/check", json={"text": TEXT, "fromat": "html"})
    assert misspelt.status_code == 400
    assert misspelt.json()["error"].startswith("'fromat' is no field of a check (the fields are")
    unknown = post(server, "/v1/check", json={"text": TEXT, "ignore": ["copy.typo"]})
    assert unknown.status_code == 400
    assert unknown.json()["error"].startswith("Unknown finding kind 'copy.typo' for ignore;")


def test_v1_takes_the_command_s_filters_and_language(server: str) -> None:
    kept = post(
        server, "/v1/check", json={"text": TEXT, "min_severity": "major", "ignore": ["copy"]}
    )
    report = kept.json()
    assert {f["severity"] for f in report["findings"]} <= {"major"}
    assert not [f for f in report["findings"] if f["kind"].startswith("copy.")]
    assert report["summary"]["filtered"]["ignore"] == ["copy"]
    german = (
        "Der Stadtrat hat am Montag den Haushalt beschlossen, sagte der Bürgermeister. Die "
        "Schulen bekommen mehr Geld, und die Straßen werden im nächsten Jahr erneuert. Die "
        "Opposition kritisierte den Plan als zu teuer und verlangte eine neue Abstimmung."
    )
    refused = post(server, "/v1/check", json={"text": german})
    declared = post(server, "/v1/check", json={"text": german, "lang": "en"})
    assert refused.status_code == 422 and "does not look like English" in refused.json()["error"]
    assert declared.status_code == 200


def test_the_form_keeps_what_was_pasted_when_a_check_cannot_run(server: str, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(f"{server}/")
    browser.find_element(By.ID, "text").send_keys("Too short to check.")
    browser.find_element(By.ID, "lang").click()
    Select(browser.find_element(By.ID, "min_severity")).select_by_value("major")
    browser.find_element(By.ID, "check").click()
    alert = WebDriverWait(browser, 60).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "p.error"))
    )
    assert "too short" in alert.text and "--" not in alert.text
    assert browser.find_element(By.ID, "text").get_attribute("value") == "Too short to check."
    assert browser.find_element(By.ID, "lang").is_selected()
    assert (
        Select(browser.find_element(By.ID, "min_severity")).first_selected_option.get_attribute(
            "value"
        )
        == "major"
    )


def test_web_page_shows_the_marks_and_follows_a_finding(server: str, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    page = httpx.get(f"{server}/")
    assert "form-action 'self'" in page.headers["content-security-policy"]
    assert "<script" not in page.text
    browser.get(f"{server}/")
    browser.find_element(By.ID, "text").send_keys(TEXT)
    browser.find_element(By.ID, "check").click()
    WebDriverWait(browser, 60).until(ec.presence_of_element_located((By.CSS_SELECTOR, "mark")))
    marks = browser.find_elements(By.CSS_SELECTOR, "mark")
    assert any("1, 000" in m.text for m in marks)
    note = browser.find_element(By.CSS_SELECTOR, "aside a.kind")
    target = note.get_attribute("href").rsplit("#", 1)[1]
    note.click()
    assert browser.current_url.endswith(f"#{target}")
    assert browser.find_element(By.ID, target).tag_name == "mark"


def test_web_page_says_what_is_missing(server: str, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{server}/")
    browser.find_element(By.ID, "check").click()
    # the form posts and a new page loads: wait for it rather than read the old one
    alert = WebDriverWait(browser, 60).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "p.error"))
    )
    assert "Paste the article" in alert.text


def test_a_lone_surrogate_in_the_text_or_the_source_is_read_as_a_replacement(server: str) -> None:
    text = TEXT.replace("officials", "officials \ud800", 1)
    body = json.dumps({"text": text, "source": {"text": SOURCE.replace(".", " \udfff.", 1)}})
    answer = post(
        server, "/v1/check", content=body.encode("utf-8", "surrogatepass"),
        headers={"content-type": "application/json"},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert "\ufffd" in answer.json()["article"]["text"]


def test_fetches_held_by_a_silent_resolver_leave_text_checks_answered() -> None:
    with serving(start=WITH_SILENT_RESOLVER) as base, ThreadPoolExecutor(8) as clients:
        urls = [
            clients.submit(post, base, "/v1/check", json={"url": f"http://news{i}.test/story"})
            for i in range(8)
        ]
        time.sleep(1)  # every fetch is waiting on the resolver
        started = time.monotonic()
        text = post(base, "/v1/check", json={"text": TEXT})
        assert text.status_code == 200, text.text
        assert time.monotonic() - started < FETCH_TIMEOUT_S / 2
        for i, answer in enumerate(future.result() for future in urls):
            assert answer.status_code == 422
            assert answer.json() == {
                "error": f"http://news{i}.test/story did not respond within "
                f"{FETCH_TIMEOUT_S:g} seconds."
            }


def test_a_lone_surrogate_in_a_url_is_named_in_the_refusal(server: str) -> None:
    for body in (
        {"url": "ftp://news.example/\ud800"},
        {"text": TEXT, "source": {"url": "x\ud800"}},
    ):
        answer = post(
            server, "/v1/check", content=json.dumps(body).encode(),
            headers={"content-type": "application/json"},
        )  # fmt: skip
        assert answer.status_code == 422, answer.text
        assert "\ufffd is not an http or https address" in answer.json()["error"]


def test_a_fault_in_a_check_is_one_sentence_on_a_connection_said_to_close(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fastapi.testclient import TestClient

    from copydesk.serve import app as service

    def broken(*given: object) -> None:
        raise RuntimeError("a parser fault")

    monkeypatch.setattr(service, "_run", broken)
    with TestClient(service.create_app(warm_up=False), raise_server_exceptions=False) as client:
        answer = client.post("/v1/check", json={"text": TEXT})
    assert answer.status_code == 500
    assert answer.json() == {"error": "copydesk failed on this input (RuntimeError); report it."}
    assert answer.headers["connection"] == "close"
