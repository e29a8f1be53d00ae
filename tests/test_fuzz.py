"""Property-based fuzzing of read, annotate, the ledger, the checks, the diff, the command,
the service and the Spark engine, with articles mutated from the project's own examples:
whitespace, control and direction characters, truncation, odd quotation marks, lost words.

Whatever the mutation, an input is either read as an article or refused with one sentence
(`InputError`); an article read goes through every stage, and every span it reports lies
inside its text; the command exits 0, 1 or 2, never 70, and never prints a traceback. A real
``copydesk serve`` answers any JSON check and any form with a report or a one-sentence
refusal, never 500; a Spark scan of a folder of damaged inputs ends with a record for each.

CI runs a few examples per property (`FUZZ_EXAMPLES`); ``make fuzz`` runs each property over
hundreds (``COPYDESK_FUZZ_EXAMPLES``) and prints the tallies.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from conftest import EXAMPLES, SEED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.command import copydesk
from support.service import serving

from copydesk import cli, pipeline
from copydesk.errors import InputError
from copydesk.read import read_bytes
from copydesk.read.article import Article
from copydesk.report.build import build_report
from copydesk.report.html import render_html
from copydesk.report.schema import Report

#: Examples per property in CI: enough to try each kind of mutation a few times, and about
#: 20 s of the suite in all (an article takes 0.1-0.5 s through every stage on one core).
FUZZ_EXAMPLES = int(os.environ.get("COPYDESK_FUZZ_EXAMPLES", "12"))

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _seeds() -> list[str]:
    paths = [EXAMPLES / "original.txt", EXAMPLES / "reworded.txt"]
    paths += [p for p in (SEED / "source.txt", SEED / "article.txt") if p.exists()]
    return [p.read_text(encoding="utf-8") for p in paths]


SEEDS = _seeds()
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")

#: What the mutations put in: runs of spaces and line breaks, no-break and zero-width spaces,
#: control characters, the direction controls, byte-order marks, every kind of quotation
#: mark, a combining accent, and punctuation that sentence splitting turns on.
INSERTS = (
    "  ",
    "   ",
    "\t",
    "\n",
    "\n\n\n",
    "\r",
    "\u00a0",
    "\u200b",
    "\u2028",
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u200f",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "\u0301",
    ",",
    ".",
    ". ",
    "(",
    ")",
    " - ",
    "…",
)
QUOTES = ('"', "“", "”", "«", "»", "„", "'", "’", "‹", "›", "``", "''")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A seed article with one to six mutations."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "truncate", "drop_word", "quote", "case"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(INSERTS)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "truncate":
            text = text[:at]
        elif kind == "drop_word":
            # A word lost in transit leaves its two spaces: "secretary of  said".
            start = text.find(" ", at)
            end = text.find(" ", start + 1)
            if 0 <= start < end:
                text = text[: start + 1] + text[end:]
        elif kind == "quote":
            quote = draw(st.sampled_from(QUOTES))
            text = text.replace(draw(st.sampled_from(['"', "“", "”"])), quote, 3)
        else:
            text = text[:at] + text[at : at + 60].swapcase() + text[at + 60 :]
    return text


def _read(text: str) -> Article | None:
    try:
        return read_bytes(text.encode("utf-8", "surrogatepass"), origin="fuzz.txt")
    except InputError as exc:
        message = str(exc)
        assert message.endswith(".") and "\n" not in message, message
        return None


def _spans_inside(result: pipeline.CheckResult) -> None:
    n = len(result.article.text)
    for f in result.findings:
        assert 0 <= f.span.start <= f.span.end <= n, f
    report = build_report(result)
    Report.model_validate_json(report.model_dump_json())
    for f in report.findings:
        assert f.text == result.article.text[f.span.start : f.span.end]
    render_html(report)


@FUZZ
@given(text=mutated())
def test_read_refuses_or_reads(text: str) -> None:
    article = _read(text)
    if article is not None:
        assert article.text.strip()
        for ex in article.excluded:
            assert 0 <= ex.span.start <= ex.span.end <= len(article.text)


@FUZZ
@given(data=st.binary(max_size=64), cut=st.integers(0, 4000), seed=st.sampled_from(SEEDS))
def test_read_takes_any_bytes(data: bytes, cut: int, seed: str) -> None:
    """Truncated UTF-8, stray bytes: read or refused in one sentence."""
    raw = seed.encode("utf-8")
    try:
        read_bytes(raw[:cut] + data + raw[cut:], origin="fuzz.txt")
    except InputError as exc:
        assert str(exc).endswith("."), exc


@FUZZ
@given(text=mutated())
def test_every_stage_takes_a_mutated_article(text: str) -> None:
    article = _read(text)
    if article is not None:
        result = pipeline.check(article)
        _spans_inside(result)
        assert len(result.analysed.doc.tokens) > 0


@FUZZ
@given(text=mutated())
def test_the_diff_takes_a_mutated_article(text: str) -> None:
    article = _read(text)
    if article is not None:
        result = pipeline.check(article, _read(ORIGINAL))
        assert result.comparison is not None
        _spans_inside(result)


#: Exit codes of the command's fuzzed runs in this session, and tracebacks printed.
TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module")
def tally() -> Iterator[Counter[str]]:
    yield TALLY
    if TALLY:
        runs = sum(v for k, v in TALLY.items() if k.startswith("exit "))
        codes = ", ".join(f"{k}: {v}" for k, v in sorted(TALLY.items()) if k.startswith("exit"))
        print(
            f"\nfuzzed the command on {runs} articles; {codes}; "
            f"exit 70: {TALLY['exit 70']}; tracebacks: {TALLY['tracebacks']}"
        )


@FUZZ
@given(text=mutated(), fmt=st.sampled_from(["json", "text", "html"]), source=st.booleans())
def test_the_command_never_fails_inside(
    text: str, fmt: str, source: bool, tmp_path: Path, tally: Counter[str]
) -> None:
    path = tmp_path / "fuzzed.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    args = ["check", str(path), "--format", fmt]
    if source:
        args += ["--source", str(EXAMPLES / "original.txt")]
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(args)
    tally[f"exit {code}"] += 1
    tally["tracebacks"] += "Traceback" in err.getvalue()
    assert code in (cli.EXIT_OK, cli.EXIT_MAJOR, cli.EXIT_ERROR), err.getvalue()
    assert "Traceback" not in err.getvalue()
    if code == cli.EXIT_ERROR:
        assert err.getvalue().count("\n") == 1 and err.getvalue().startswith("copydesk: ")


# -- the service: JSON checks and form fields, against a real `copydesk serve` ---------------

#: What a fuzzed request may be answered: a report, or a one-sentence refusal. Never 500.
SERVICE_STATUSES = frozenset({200, 400, 413, 422, 503})

#: Addresses a fuzzed check may name: each is refused before any connection leaves the
#: machine (not http, private, loopback, malformed).
URLS = (
    "ftp://news.example/story",
    "http://127.0.0.1:1/story",
    "http://10.0.0.1/story",
    "http://[::1]/",
    "not a url",
    "http://",
    "https://user@[fe80::1%25eth0]/",
)

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)

#: A text field's value: a mutated article, a lone surrogate in it, a URL, or any JSON value.
FIELD = st.one_of(
    mutated(),
    mutated(),
    mutated().map(lambda t: t[:200] + "\ud800" + t[200:]),
    st.sampled_from(URLS),
    JSON_VALUES,
)


@st.composite
def json_checks(draw: st.DrawFn) -> bytes:
    """A JSON check body: the article in one or more forms, a source, a format, odd keys;
    or bytes that are barely JSON."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=64)) + b'{"text": "' + draw(st.binary(max_size=32))
    body: dict[str, object] = {}
    keys = st.lists(st.sampled_from(["text", "html", "url"]), min_size=0, max_size=2)
    for key in draw(st.one_of(st.just(["text"]), st.just(["html"]), keys)):
        body[key] = draw(FIELD)
    if draw(st.booleans()):
        body["source"] = draw(st.one_of(FIELD, st.fixed_dictionaries({"text": FIELD})))
    if draw(st.booleans()):
        body["format"] = draw(st.sampled_from(["json", "html", "pdf", 3]))
    if draw(st.booleans()):
        body[draw(st.text(max_size=8))] = draw(JSON_VALUES)
    return json.dumps(body).encode("utf-8", "surrogatepass")


@st.composite
def forms(draw: st.DrawFn) -> tuple[str, bytes]:
    """A form for the LanguageTool endpoint or the web page's: fields with mutated articles,
    URLs, odd languages, repeated and unknown names, and percent-escapes of any bytes."""
    path = draw(st.sampled_from(["/v2/check", "/check/page"]))
    names = ["text", "data", "language", "url", "source_text", "source_url", "enabledOnly", "x"]
    fields = []
    for name in draw(st.lists(st.sampled_from(names), max_size=6)):
        value = draw(
            st.one_of(mutated(), st.sampled_from(URLS), st.sampled_from(["en-US", "de", "auto"]))
        )
        fields.append(f"{quote(name)}={quote(value, errors='surrogatepass')}")
    if draw(st.booleans()):
        fields.append("text=" + "".join(f"%{b:02X}" for b in draw(st.binary(max_size=24))))
    if draw(st.integers(0, 9)) == 0:
        fields.append("&" * draw(st.integers(1, 500)))
    return path, "&".join(fields).encode("ascii")


SERVICE_TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module")
def service() -> Iterator[httpx.Client]:
    with serving() as base, httpx.Client(base_url=base, timeout=120) as client:
        yield client
    if SERVICE_TALLY:
        print(
            f"\nfuzzed the service with {sum(SERVICE_TALLY.values())} requests; "
            + ", ".join(f"HTTP {k}: {v}" for k, v in sorted(SERVICE_TALLY.items()))
        )


def _answered(answer: httpx.Response) -> None:
    SERVICE_TALLY[answer.status_code] += 1
    assert answer.status_code in SERVICE_STATUSES, answer.text[:500]
    kind = answer.headers.get("content-type", "")
    if answer.status_code != 200 and "json" in kind:
        error = answer.json()["error"]
        assert error.endswith(".") and "\n" not in error and "Traceback" not in error, error
    if answer.status_code != 200 and kind.startswith("text/plain"):  # as LanguageTool errs
        error = answer.text
        assert error.startswith("Error: ") and error.endswith("."), error
        assert "\n" not in error and "Traceback" not in error, error


@FUZZ
@given(body=json_checks())
def test_the_service_answers_any_json_check(body: bytes, service: httpx.Client) -> None:
    answer = service.post("/v1/check", content=body, headers={"content-type": "application/json"})
    _answered(answer)


@FUZZ
@given(form=forms())
def test_the_service_answers_any_form(form: tuple[str, bytes], service: httpx.Client) -> None:
    path, body = form
    kind = {"content-type": "application/x-www-form-urlencoded"}
    _answered(service.post(path, content=body, headers=kind))


# -- the Spark engine: a folder of damaged inputs, scanned in one job ------------------------


def _mutated_at_random(rng: random.Random) -> str:
    """A seed article with one to six of `mutated`'s insertions, cuts and truncations."""
    text = rng.choice(SEEDS)
    for _ in range(rng.randint(1, 6)):
        at = rng.randint(0, len(text))
        kind = rng.choice(["insert", "delete", "truncate"])
        if kind == "insert":
            text = text[:at] + rng.choice(INSERTS) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + rng.randint(1, 40) :]
        else:
            text = text[:at]
    return text


def _random_json(rng: random.Random) -> object:
    return rng.choice([None, True, 3, 2.5, "text", [1, "a"], {"html": 5}, {"text": None}, {}])


def spark_input(rng: random.Random) -> tuple[str, bytes]:
    """One input file for a Spark scan: a mutated page, JSONL lines of any JSON (some cut, some
    gzipped and cut), or bytes named as a crawl."""
    kind = rng.choice(["txt", "html", "jsonl", "jsonl.gz", "warc", "warc.gz"])
    text = _mutated_at_random(rng)
    if kind in ("txt", "html"):
        return kind, text.encode("utf-8", "surrogatepass")
    if kind.startswith("jsonl"):
        lines = [json.dumps({"text": text, "id": str(rng.random())})]
        lines += [json.dumps(_random_json(rng)) for _ in range(rng.randint(0, 3))]
        data = "\n".join(lines).encode("utf-8")
        if kind.endswith(".gz"):
            data = gzip.compress(data)
        return kind, data[: rng.randint(1, len(data))]
    data = rng.randbytes(rng.randint(0, 200)) + b"WARC/1.0\r\n" + text.encode()[:500]
    return kind, gzip.compress(data)[: rng.randint(1, 400)] if kind.endswith(".gz") else data


def test_the_spark_engine_records_every_damaged_input(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (the 'spark' extra)")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java, and none is installed")
    from copydesk.scan.spark import read_output

    rng = random.Random(FUZZ_EXAMPLES)
    folder = tmp_path / "inputs"
    folder.mkdir()
    for i in range(FUZZ_EXAMPLES):
        kind, content = spark_input(rng)
        (folder / f"input-{i}.{kind}").write_bytes(content)
    out = tmp_path / "spark"
    done = copydesk("scan", str(folder), "--engine", "spark", "--out", str(out), "--quiet",
                    timeout=1800)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    records = read_output(out)
    files = {Path(r["origin"]["path"]).name for r in records}
    assert files == {p.name for p in folder.iterdir()}, "every input has a record"
    print(
        f"\nscanned {FUZZ_EXAMPLES} fuzzed inputs on Spark: {len(records)} records, "
        f"{sum(r['status'] == 'failed' for r in records)} failed, exit 0"
    )
