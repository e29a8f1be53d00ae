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
import re
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, Literal, TypeVar
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from copydesk.errors import CopydeskError, InputError
from copydesk.filtering import FindingFilter
from copydesk.house import PLAIN, HouseStyle, add_word, remove_word
from copydesk.pipeline import CheckResult
from copydesk.read.article import Article
from copydesk.read.language import Lang
from copydesk.read.reader import without_lone_surrogates
from copydesk.report.page import CSP as PAGE_CSP
from copydesk.report.schema import Report
from copydesk.serve import languagetool as lt
from copydesk.serve.page import FORM_CSP, error_page, form_page
from copydesk.version import __version__

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

# URL fetches running at once, in a pool of their own: a fetch mostly waits on the network
# (up to the reader's 20 s deadline), so slow or dead sites must not hold the check workers.
# 8 is the admitted checks' worth (`MAX_PENDING`): every admitted check can be fetching.
FETCH_WORKERS = 8

# Fetches admitted at once, running or queued; beyond this a request with a URL is answered
# 503 at once while text checks go on.
MAX_FETCHES = 16

# The most fields a form may have. The web page sends 4 and LanguageTool clients about 20
# (text, language, rule and category lists, mother tongue, user name...); 100 is far
# beyond both, and keeps a body of millions of empty fields from being parsed at all.
MAX_FORM_FIELDS = 100

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

#: What a client that finds the service busy is told.
BUSY = "The service is busy or the check took too long; try again in a few seconds."

T = TypeVar("T")


class ServiceBusy(Exception):
    """Every worker is busy and the queue is full, or the check ran out of time."""


class Document(BaseModel):
    """An article or a source: exactly one of its plain text, its HTML, or its URL."""

    model_config = ConfigDict(extra="forbid")  # a misspelt field is refused, never ignored

    text: str | None = Field(default=None, description="The article as plain text.")
    html: str | None = Field(default=None, description="The article's HTML page.")
    url: str | None = Field(
        default=None, description="An http(s) address of a public page (not a private one)."
    )

    @field_validator("text", "html", "url", mode="after")
    @classmethod
    def _encodable(cls, value: str | None) -> str | None:
        """A lone surrogate (valid in JSON, not in UTF-8) read as U+FFFD, so whatever is
        said of the field (an error naming the URL, the report) can be sent."""
        return None if value is None else without_lone_surrogates(value)

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
    lang: Literal["en"] | None = Field(
        default=None,
        description="'en' says the article is English: the language check, which refuses a "
        "text read as another language, is skipped (as the command's --lang en).",
    )
    min_severity: Literal["info", "minor", "major"] | None = Field(
        default=None,
        description="Leave out findings below this severity (as --min-severity; default: the "
        "service's house style, else info).",
    )
    ignore: list[str] = Field(
        default_factory=list,
        description="Finding kinds ('spin.lowercase_name') or families ('spin') left out, "
        "added to those the service's house style leaves out (as --ignore).",
    )

    @field_validator("source", mode="after")
    @classmethod
    def _encodable_source(cls, value: Document | str | None) -> Document | str | None:
        return without_lone_surrogates(value) if isinstance(value, str) else value


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


def create_app(
    *, warm_up: bool = True, house: HouseStyle = PLAIN, allow_origins: Sequence[str] = ()
) -> FastAPI:
    """The service. ``warm_up``: load the models and run one small check before serving;
    ``house``: the house style every check follows, whose words ``/v2/words`` changes;
    ``allow_origins``: the web origins whose pages may call the service (CORS; "*" for any)."""
    pool = WorkPool(WORKERS, MAX_PENDING)
    fetches = WorkPool(FETCH_WORKERS, MAX_FETCHES)
    style = HouseHolder(house)

    async def fetched(urls: dict[str, str], lang: Lang = None) -> dict[str, Article]:
        """The documents given by URL, fetched and read in the fetch pool, by role."""
        if not urls:
            return {}
        return await fetches.run(
            lambda: {role: _read_url(url, lang) for role, url in urls.items()}, REQUEST_TIMEOUT_S
        )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            await asyncio.get_running_loop().run_in_executor(pool._pool, _warm_up)
        try:
            yield
        finally:
            pool.shutdown()
            fetches.shutdown()

    app = FastAPI(
        title="copydesk",
        version=__version__,
        summary="An automated copy desk for English news articles.",
        description="Check an article (text, HTML or URL), optionally against its source: "
        "copy errors, broken attributions, contradictions and what changed, each with the "
        "span it is about. `/v1/check` answers the versioned JSON report (or its HTML page), "
        "`/v2/check` answers as a LanguageTool server, for editors that speak to one.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    _serve_docs(app)
    if allow_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(allow_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["*"],
        )

    @app.exception_handler(ServiceBusy)
    async def _busy(request: Request, exc: ServiceBusy) -> Response:
        return _error(request, 503, BUSY, headers={"Retry-After": "5"})

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Response:
        # LanguageTool answers a text it cannot check with 400, as any bad parameter
        return _error(request, 400 if request.url.path.startswith("/v2/") else 422, str(exc))

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
        # The server drops the connection after an unhandled fault; the client is told so.
        return _error(
            request,
            500,
            f"copydesk failed on this input ({type(exc).__name__}); report it.",
            headers={"Connection": "close"},
        )

    @app.get("/health", summary="Whether the service is up, with its version.")
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post(
        "/v1/check",
        summary="Check an article, optionally against its source.",
        response_description="The JSON report (see `copydesk schema`), or the HTML page.",
        responses={
            200: {"model": Report, "content": {"text/html": {}}},
            **JSON_ERRORS,
        },
    )
    async def check_v1(check: CheckRequest) -> Response:
        try:
            keep = style.filter(check.min_severity, check.ignore)
        except InputError as exc:
            raise _BadRequest(str(exc)) from None
        given = await fetched(_urls(check), check.lang)

        def work() -> tuple[str, str]:
            from copydesk.pipeline import apply_filter

            article = (
                given["article"] if "article" in given else _read_document(check, lang=check.lang)
            )
            source = (
                given["source"] if "source" in given else _read_source(check.source, check.lang)
            )
            result = apply_filter(_run(article, source, style.current), keep)
            if check.format == "html":
                return _html(result), "text/html"
            from copydesk.report.build import build_report

            return build_report(result).model_dump_json(indent=2) + "\n", "application/json"

        body, media = await pool.run(work, REQUEST_TIMEOUT_S)
        headers = {"Content-Security-Policy": PAGE_CSP} if media == "text/html" else None
        return Response(body, media_type=media, headers=headers)

    @app.get(
        "/v2/languages",
        summary="The languages checked, as a LanguageTool server lists them.",
        response_model=list[lt.Language],
    )
    async def languages_v2() -> list[lt.Language]:
        return lt.languages()

    @app.api_route(
        "/v2/check",
        methods=["GET", "POST"],
        summary="Check a text as a LanguageTool server does.",
        description="LanguageTool's parameters, as query parameters (GET) or an "
        "application/x-www-form-urlencoded form (POST): `text` or `data` (annotated text), "
        "`language` (English: `en`, `en-US`, `en-GB`... or `auto`), `enabledRules`, "
        "`disabledRules`, `enabledCategories`, `disabledCategories`, `enabledOnly`. A rule "
        "is a finding kind (`copy.non_word`), a category a family in capitals (`SPIN`; "
        "non-words are `TYPOS`). Offsets and lengths count UTF-16 code units into the text "
        "as sent. Errors are one line of plain text, as LanguageTool gives them.",
        response_model=lt.CheckResponse,
        responses={400: {"content": {"text/plain": {}}}, 503: {"content": {"text/plain": {}}}},
        openapi_extra={
            "requestBody": {
                "required": False,
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                name: {"type": "string"}
                                for name in (
                                    "text",
                                    "data",
                                    "language",
                                    "enabledRules",
                                    "disabledRules",
                                    "enabledCategories",
                                    "disabledCategories",
                                    "enabledOnly",
                                )
                            },
                        }
                    }
                },
            }
        },
    )
    async def check_v2(request: Request) -> lt.CheckResponse:
        fields = dict(request.query_params)
        if request.method == "POST":
            fields.update(await _form(request))
        try:
            asked = lt.read_request(fields)
        except lt.ParameterError as exc:
            raise _BadRequest(str(exc)) from None
        if not _LETTERED.search(asked.plain):
            return lt.empty_answer(asked)
        house = style.current

        def work() -> lt.CheckResponse:
            from copydesk.read import read_text

            article = read_text(asked.plain, lang="en", min_words=1)
            result = _run(article, None, house)
            return lt.answer(asked, result.findings, result.analysed)

        return await pool.run(work, REQUEST_TIMEOUT_S)

    @app.get(
        "/v2/words",
        summary="The house's accepted words, as LanguageTool lists a user's dictionary.",
        response_model=lt.Words,
    )
    async def words_v2() -> lt.Words:
        return lt.Words(words=sorted(style.current.words))

    @app.post(
        "/v2/words/add",
        summary="Accept a word in the house style (form field `word`).",
        response_model=lt.WordAdded,
        responses={400: {"content": {"text/plain": {}}}},
    )
    async def add_word_v2(request: Request) -> lt.WordAdded:
        word = _one_word(await _form(request))
        await asyncio.to_thread(style.add, word)
        return lt.WordAdded(added=True)

    @app.post(
        "/v2/words/delete",
        summary="Stop accepting a word (form field `word`).",
        response_model=lt.WordDeleted,
        responses={400: {"content": {"text/plain": {}}}},
    )
    async def delete_word_v2(request: Request) -> lt.WordDeleted:
        word = _one_word(await _form(request))
        known = word.lower() in style.current.words
        await asyncio.to_thread(style.remove, word)
        return lt.WordDeleted(deleted=known)

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
        try:
            body = await checked_page(fields)
        except (InputError, ServiceBusy) as exc:
            # The form comes back with what was pasted in it, and why it could not be checked.
            busy = isinstance(exc, ServiceBusy)
            return HTMLResponse(
                error_page(BUSY if busy else " ".join(str(exc).split()), fields),
                status_code=503 if busy else 422,
                headers={
                    "Content-Security-Policy": FORM_CSP,
                    **({"Retry-After": "5"} if busy else {}),
                },
            )
        return HTMLResponse(body, headers={"Content-Security-Policy": PAGE_CSP})

    async def checked_page(fields: dict[str, str]) -> str:
        chosen = {
            role: choice
            for role, choice in (
                ("article", _form_choice(fields, "text", "url")),
                ("source", _form_choice(fields, "source_text", "source_url")),
            )
            if choice is not None
        }
        if "article" not in chosen:
            raise InputError("Paste the article's text or give its URL.")
        lang: Lang = "en" if fields.get("lang") == "en" else None
        keep = style.filter(fields.get("min_severity") or None, ())
        urls = {role: v for role, (kind, v) in chosen.items() if kind == "url"}
        given = await fetched(urls, lang)

        def work() -> str:
            from copydesk.pipeline import apply_filter
            from copydesk.read import read_text

            read = {
                role: given[role]
                if role in given
                else read_text(value, origin=_ORIGINS[role], lang=lang)
                for role, (_, value) in chosen.items()
            }
            return _html(
                apply_filter(_run(read["article"], read.get("source"), style.current), keep)
            )

        return await pool.run(work, REQUEST_TIMEOUT_S)

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


def _run(article: Article, source: Article | None, house: HouseStyle = PLAIN) -> CheckResult:
    from copydesk import pipeline

    return pipeline.check(article, source, house=house)


#: Where the API docs' own scripts and styles are served from: Swagger UI 5 (which reads
#: OpenAPI 3.1), as the ``fastapi-offline`` package ships it, so /docs works with no network.
DOCS_ASSETS = "/docs/assets"


def _serve_docs(app: FastAPI) -> None:
    """/docs: Swagger UI on this service's OpenAPI, from the assets installed with it."""
    from importlib.resources import files

    from fastapi.openapi.docs import get_swagger_ui_html
    from starlette.staticfiles import StaticFiles

    assets = str(files("fastapi_offline") / "static")
    app.mount(DOCS_ASSETS, StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="copydesk API",
            swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_ASSETS}/favicon.png",
        )


class HouseHolder:
    """The service's house style, whose words ``/v2/words`` changes while it serves."""

    def __init__(self, house: HouseStyle) -> None:
        self.current = house
        self._lock = threading.Lock()

    def filter(self, least: str | None, ignore: Sequence[str]) -> FindingFilter:
        """The findings a request keeps: its own least severity (else the house's) and the
        kinds it and the house leave out; an unknown kind is an `InputError`."""
        return self.current.keep(least, ignore, option="ignore")

    def add(self, word: str) -> None:
        with self._lock:
            self.current = add_word(self.current, word)

    def remove(self, word: str) -> None:
        with self._lock:
            self.current = remove_word(self.current, word)


def _one_word(fields: dict[str, str]) -> str:
    word = fields.get("word", "").strip()
    if not word:
        raise _BadRequest("Missing 'word' parameter.")
    if any(c.isspace() for c in word):
        raise _BadRequest("A word to add or delete must not contain white space.")
    return word


#: A word of letters: a text without one has nothing to check.
_LETTERED = re.compile(r"[^\W\d_]")


def _html(result: CheckResult) -> str:
    from copydesk.report.build import build_report
    from copydesk.report.html import render_html

    return render_html(build_report(result))


#: How a document's role is named in what is said of it ("The source is empty."); the
#: article goes unnamed.
_ORIGINS: dict[str, str | None] = {"article": None, "source": "The source"}


def _read_document(doc: Document, role: str | None = None, lang: Lang = None) -> Article:
    """A document given as text or HTML (one given by URL is fetched beforehand)."""
    from copydesk.read import read_html, read_text

    if doc.html is not None:
        return read_html(doc.html, origin=role, lang=lang)
    return read_text(doc.text or "", origin=role, lang=lang)


def _read_source(source: Document | str | None, lang: Lang = None) -> Article | None:
    from copydesk.read import read_text

    if source is None:
        return None
    if isinstance(source, str):
        return read_text(source, origin=_ORIGINS["source"], lang=lang)
    return _read_document(source, _ORIGINS["source"], lang)


def _urls(check: CheckRequest) -> dict[str, str]:
    """The article and source of a JSON check that are given by URL, by role."""
    urls = {"article": check.url} if check.url is not None else {}
    source = check.source
    if isinstance(source, Document) and source.url is not None:
        urls["source"] = source.url
    elif isinstance(source, str) and _is_url(source):
        urls["source"] = source.strip()
    return urls


def _form_choice(fields: dict[str, str], text: str, url: str) -> tuple[str, str] | None:
    """("url", the URL) or ("text", the text) of a document given in a form, or None."""
    given_url = fields.get(url, "").strip()
    given_text = fields.get(text, "")
    if given_url and given_text.strip():
        raise InputError("Give the text or a URL, not both.")
    if given_url:
        return ("url", given_url)
    if given_text.strip():
        return ("text", given_text)
    return None


def _read_url(url: str, lang: Lang = None) -> Article:
    from copydesk.read import read_url

    if not _is_url(url):
        raise InputError(
            f"{_shortened(url)} is not an http or https address, and only those can be read."
        )
    return read_url(url, allow_private=False, lang=lang)


#: The most characters of a client's value an error sentence repeats.
SHOWN_CHARS = 100


def _shortened(value: str) -> str:
    """A value as an error sentence repeats it: on one line, and cut at `SHOWN_CHARS`."""
    value = " ".join(value.split())
    return value if len(value) <= SHOWN_CHARS else value[: SHOWN_CHARS - 1] + "…"


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
    if body.count(b"&") >= MAX_FORM_FIELDS:
        raise _BadRequest(f"The form has more than {MAX_FORM_FIELDS} fields.")
    try:
        # Off the event loop: a 5 MB form takes tens of milliseconds to decode.
        fields = await asyncio.to_thread(_parse_form, body)
    except (UnicodeDecodeError, ValueError):
        raise _BadRequest("The form is not valid UTF-8.") from None
    return {name: values[-1] for name, values in fields.items()}


def _parse_form(body: bytes) -> dict[str, list[str]]:
    return parse_qs(
        body.decode("utf-8"),
        keep_blank_values=True,
        errors="strict",
        max_num_fields=MAX_FORM_FIELDS,
    )


def _error(
    request: Request, status: int, sentence: str, headers: dict[str, str] | None = None
) -> Response:
    """One-sentence JSON error; the web page's own form gets it as a page."""
    sentence = " ".join(sentence.split())  # one line, whatever a value it repeats holds
    if request.url.path.startswith("/v2/"):
        # as LanguageTool answers an error: one line of plain text
        return PlainTextResponse(f"Error: {sentence}", status_code=status, headers=headers)
    if request.url.path == "/check/page":
        page_headers = {**(headers or {}), "Content-Security-Policy": FORM_CSP}
        return HTMLResponse(error_page(sentence), status_code=status, headers=page_headers)
    return JSONResponse({"error": sentence}, status_code=status, headers=headers)


def _validation_sentence(exc: RequestValidationError) -> str:
    """The first thing wrong with a JSON check, in the request's own field names (never the
    validator's internal names for the forms a field may take)."""
    errors = exc.errors()
    if any(error.get("type") == "json_invalid" for error in errors):
        return "The request body is not valid JSON."
    if not errors:
        return "The request is not a valid check."
    # Where a field may take several forms (source: an object or a string), each form
    # reports; the one the client meant is the one whose error lies deepest inside it.
    unknown = next((e for e in errors if e.get("type") == "extra_forbidden"), None)
    if unknown is not None:
        name = ".".join(str(part) for part in unknown.get("loc", ())[1:])
        known = ", ".join(CheckRequest.model_fields)
        return f"{name!r} is no field of a check (the fields are {known})."
    first = max(errors, key=lambda error: len(_field_path(error)))
    path = _field_path(first)
    where = ".".join(path)
    message = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
    if first.get("type") == "value_error":
        return f"{where}: {message}." if where else message[:1].upper() + message[1:] + "."
    if not where:
        return 'Send the check as a JSON object: {"text": "..."}.'
    if path == ["source"]:
        return "source must be a URL or plain text, or an object with one of text, html and url."
    if message.startswith("Input should be "):
        return f"{where} must be {message.removeprefix('Input should be ')}."
    return f"{where}: {message}."


def _field_path(error: Any) -> list[str]:
    """The request's field names in an error's location (list positions as numbers)."""
    return [
        str(part)
        for part in error.get("loc", ())
        if isinstance(part, int) or part in CheckRequest.model_fields
    ]


def _http_sentence(exc: StarletteHTTPException) -> str:
    if exc.status_code == 404:
        return "There is nothing at this address; see /docs for the service's endpoints."
    if exc.status_code == 405:
        return "This address does not answer that method; see /docs for the service's endpoints."
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
    return detail.rstrip(".") + "."
