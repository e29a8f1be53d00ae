"""The FastAPI application behind ``copydesk serve``.

Every check runs in a bounded pool of worker threads, never on the event loop; a request that
finds the pool and its queue full is answered 503 at once, one that runs past
`REQUEST_TIMEOUT_S` is answered 503 too. Bodies over `MAX_BODY_BYTES` are refused with 413
before they are parsed. URLs are fetched with the reader's default rule: loopback, private
and other non-global addresses are refused, and no request can lift it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, Literal, TypeVar
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from copydesk import __version__
from copydesk.errors import CopydeskError, InputError
from copydesk.pipeline import CheckResult
from copydesk.read.article import Article
from copydesk.report.page import CSP as PAGE_CSP
from copydesk.serve.page import FORM_CSP, error_page, form_page

# The largest request body accepted, in bytes. A long news page with all its markup is
# 0.2-2 MB, so an article and its source both sent as pages fit in 4 MB; 5 MiB leaves room
# for JSON escaping, and with `MAX_PENDING` bodies held at once the service stays under
# 100 MB of request data.
MAX_BODY_BYTES = 5 * 1024 * 1024

# Seconds one check may take before the client is answered 503. An 800-word check takes
# about 0.5 s on one core here and a comparison with its source 2-3 s; a URL may take the
# reader's 20 s fetch limit for each of the article and its source. 60 s covers both
# fetches and a check, and is under the 60-100 s after which proxies commonly give up.
REQUEST_TIMEOUT_S = 60.0

# Checks running at once. The parse holds the GIL for much of its time, so threads beyond
# the machine's 2 cores add memory and latency, not throughput.
WORKERS = 2

# Checks admitted at once, running or queued for a worker. Beyond this a request is
# answered 503 at once: with 2 workers at about 0.5 s a check, the 8th waits about 2 s,
# which an editor's plug-in tolerates; a longer queue would only make every answer late.
MAX_PENDING = 8

# What the start-up check reads, so the first request does not pay for lazy loading.
WARM_UP_TEXT = (
    "The city council approved the new budget on Monday, officials said. "
    '"We are pleased with the result," the mayor told reporters after the vote. '
    "The plan raises spending on schools by 4 percent next year."
)

JSON_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": {"application/json": {"example": {"error": text}}}}
    for code, text in (
        (400, "The request is not a check copydesk can run."),
        (413, "The request body is too large."),
        (422, "The article could not be read."),
        (503, "The service is busy, or the check took too long."),
    )
}

T = TypeVar("T")


class ServiceBusy(Exception):
    """Every worker is busy and the queue is full, or the check ran out of time."""


class Document(BaseModel):
    """An article or a source: exactly one of its plain text, its HTML, or its URL."""

    text: str | None = Field(default=None, description="The article as plain text.")
    html: str | None = Field(default=None, description="The article's HTML page.")
    url: str | None = Field(
        default=None, description="An http(s) address of a public page (not a private one)."
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Document:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html and url")
        return self


class CheckRequest(Document):
    """A check: the article, optionally its source, and the report's format."""

    source: Document | str | None = Field(
        default=None,
        description="The article's source, in the same forms; a string is a URL when it is "
        "one http(s) address, else plain text.",
    )
    format: Literal["json", "html"] = Field(
        default="json", description="json: the versioned report; html: the report page."
    )


class WorkPool:
    """A bounded pool of worker threads with a bounded queue in front of it."""

    def __init__(self, workers: int, pending: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="copydesk")
        self._pending = pending
        self._admitted = 0

    async def run(self, work: Callable[[], T], timeout: float) -> T:
        if self._admitted >= self._pending:
            raise ServiceBusy
        loop = asyncio.get_running_loop()
        self._admitted += 1
        future: Future[T] = self._pool.submit(work)
        # A check that times out keeps its place until its thread is free again, so the
        # bound holds for the work actually running.
        future.add_done_callback(lambda _: loop.call_soon_threadsafe(self._release))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except TimeoutError:
            raise ServiceBusy from None

    def _release(self) -> None:
        self._admitted -= 1

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class BodyLimit:
    """Refuse a request body over ``limit`` bytes with 413, by its declared length or, when
    it is sent in chunks, as soon as it passes the limit; the app sees the body whole."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        mb = self.limit // (1024 * 1024)
        response = JSONResponse(
            {"error": f"The request body is larger than the {mb} MB limit for one check."},
            status_code=413,
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


def create_app(*, warm_up: bool = True) -> FastAPI:
    """The service. ``warm_up``: load the models and run one small check before serving."""
    pool = WorkPool(WORKERS, MAX_PENDING)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            await asyncio.get_running_loop().run_in_executor(pool._pool, _warm_up)
        try:
            yield
        finally:
            pool.shutdown()

    app = FastAPI(
        title="copydesk",
        version=__version__,
        summary="An automated copy desk for English news articles.",
        description="Check an article (text, HTML or URL), optionally against its source: "
        "copy errors, broken attributions, contradictions and what changed, each with the "
        "span it is about. `/v1/check` answers the versioned JSON report (or its HTML page), "
        "`/v2/check` answers as a LanguageTool server, for editors that speak to one.",
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)

    @app.exception_handler(ServiceBusy)
    async def _busy(request: Request, exc: ServiceBusy) -> Response:
        return _error(
            request,
            503,
            "The service is busy or the check took too long; try again in a few seconds.",
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(CopydeskError)
    async def _environment(request: Request, exc: CopydeskError) -> Response:
        return _error(request, 500, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 400, _validation_sentence(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, _http_sentence(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        return _error(
            request, 500, f"copydesk failed on this input ({type(exc).__name__}); report it."
        )

    @app.get("/health", summary="Whether the service is up, with its version.")
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post(
        "/v1/check",
        summary="Check an article, optionally against its source.",
        response_description="The JSON report (see `copydesk schema`), or the HTML page.",
        responses={
            200: {"content": {"application/json": {}, "text/html": {}}},
            **JSON_ERRORS,
        },
    )
    async def check_v1(check: CheckRequest) -> Response:
        def work() -> tuple[str, str]:
            result = _run(_read_document(check), _read_source(check.source))
            if check.format == "html":
                return _html(result), "text/html"
            from copydesk.report.build import build_report

            return build_report(result).model_dump_json(indent=2) + "\n", "application/json"

        body, media = await pool.run(work, REQUEST_TIMEOUT_S)
        headers = {"Content-Security-Policy": PAGE_CSP} if media == "text/html" else None
        return Response(body, media_type=media, headers=headers)

    @app.post(
        "/v2/check",
        summary="Check a text as a LanguageTool server does.",
        description="Form fields (application/x-www-form-urlencoded) `text` and `language` "
        "(English only: `en`, `en-US`, `en-GB`, `auto`...). Offsets and lengths count UTF-16 "
        "code units, as LanguageTool clients expect.",
        responses={
            200: {"content": {"application/json": {}}},
            **JSON_ERRORS,
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "required": ["text"],
                            "properties": {
                                "text": {"type": "string"},
                                "language": {"type": "string", "default": "auto"},
                            },
                        }
                    }
                },
            }
        },
    )
    async def check_v2(request: Request) -> JSONResponse:
        from copydesk.serve.languagetool import is_english, languagetool_answer

        fields = await _form(request)
        text = fields.get("text")
        if text is None:
            raise _BadRequest("Give the text to check in the form field 'text'.")
        language = fields.get("language", "auto")
        if not is_english(language):
            raise _BadRequest(f"copydesk checks English only, not {language!r}; use 'en-US'.")

        def work() -> dict[str, Any]:
            from copydesk.read import read_text
            from copydesk.report.build import build_report

            article = read_text(text)
            result = _run(article, None)
            return languagetool_answer(build_report(result), text, article.text)

        return JSONResponse(await pool.run(work, REQUEST_TIMEOUT_S))

    @app.get("/", response_class=HTMLResponse, summary="The web page: a form for one check.")
    async def page() -> HTMLResponse:
        return HTMLResponse(form_page(), headers={"Content-Security-Policy": FORM_CSP})

    @app.post(
        "/check/page",
        response_class=HTMLResponse,
        summary="The web page's form: answers the report page, or the redline with a source.",
    )
    async def check_page(request: Request) -> HTMLResponse:
        fields = await _form(request)

        def work() -> str:
            article = _read_form(fields, "text", "url", "the article")
            if article is None:
                raise InputError("Paste the article's text or give its URL.")
            source = _read_form(fields, "source_text", "source_url", None)
            return _html(_run(article, source))

        body = await pool.run(work, REQUEST_TIMEOUT_S)
        return HTMLResponse(body, headers={"Content-Security-Policy": PAGE_CSP})

    @app.exception_handler(_BadRequest)
    async def _bad(request: Request, exc: _BadRequest) -> Response:
        return _error(request, 400, str(exc))

    return app


class _BadRequest(Exception):
    """A request copydesk cannot run, in one sentence."""


# --- work (in the pool's threads) -------------------------------------------------------------


def _warm_up() -> None:
    from copydesk import pipeline
    from copydesk.nlp.annotate import load_model
    from copydesk.read import read_text

    load_model()
    pipeline.check(read_text(WARM_UP_TEXT))


def _run(article: Article, source: Article | None) -> CheckResult:
    from copydesk import pipeline

    return pipeline.check(article, source)


def _html(result: CheckResult) -> str:
    from copydesk.report.build import build_report
    from copydesk.report.html import render_html

    return render_html(build_report(result))


def _read_document(doc: Document, role: str | None = None) -> Article:
    from copydesk.read import read_html, read_text

    if doc.url is not None:
        return _read_url(doc.url)
    if doc.html is not None:
        return read_html(doc.html, origin=role)
    return read_text(doc.text or "", origin=role)


def _read_source(source: Document | str | None) -> Article | None:
    from copydesk.read import read_text

    if source is None:
        return None
    if isinstance(source, str):
        if _is_url(source):
            return _read_url(source.strip())
        return read_text(source, origin="The source")
    return _read_document(source, "The source")


def _read_form(fields: dict[str, str], text: str, url: str, role: str | None) -> Article | None:
    from copydesk.read import read_text

    given_url = fields.get(url, "").strip()
    given_text = fields.get(text, "")
    if given_url and given_text.strip():
        raise InputError("Give the text or a URL, not both.")
    if given_url:
        return _read_url(given_url)
    if given_text.strip():
        return read_text(given_text, origin="The source" if role is None else None)
    return None


def _read_url(url: str) -> Article:
    from copydesk.read import read_url

    if not _is_url(url):
        raise InputError(f"{url} is not an http or https address, and only those can be read.")
    return read_url(url, allow_private=False)


def _is_url(value: str) -> bool:
    value = value.strip()
    return value.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in value)


# --- helpers ------------------------------------------------------------------------------------


async def _form(request: Request) -> dict[str, str]:
    """The fields of a urlencoded form body (the last value of a repeated field)."""
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise _BadRequest("Send the fields as an application/x-www-form-urlencoded form.")
    body = await request.body()
    try:
        decoded = body.decode("utf-8")
        fields = parse_qs(decoded, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise _BadRequest("The form is not valid UTF-8.") from None
    return {name: values[-1] for name, values in fields.items()}


def _error(
    request: Request, status: int, sentence: str, headers: dict[str, str] | None = None
) -> Response:
    """One-sentence JSON error; the web page's own form gets it as a page."""
    if request.url.path == "/check/page":
        return HTMLResponse(error_page(sentence), status_code=status, headers=headers)
    return JSONResponse({"error": sentence}, status_code=status, headers=headers)


def _validation_sentence(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "The request is not a valid check."
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
    kind = first.get("type", "")
    if kind == "json_invalid":
        return "The request body is not valid JSON."
    if kind == "missing" and not where:
        return 'Send the check as a JSON body: {"text": "..."}.'
    message = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
    return f"{where or 'The body'}: {message}." if where else f"The body: {message}."


def _http_sentence(exc: StarletteHTTPException) -> str:
    if exc.status_code == 404:
        return "There is nothing at this address; see /docs for the service's endpoints."
    if exc.status_code == 405:
        return "This address does not answer that method; see /docs for the service's endpoints."
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
    return detail.rstrip(".") + "."
