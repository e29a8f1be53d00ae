"""Reading URLs from a real HTTP server on loopback: pages, refusals, limits, timeouts."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from read_fixtures import ENGLISH_REPORT, assert_one_sentence, news_page

from copydesk.errors import FetchError, InputError
from copydesk.read import MAX_INPUT_BYTES, read_input, read_url
from copydesk.read.decode import binary_kind
from copydesk.read.fetch import FETCH_TIMEOUT_S

PAGE = news_page(ENGLISH_REPORT.strip().split("\n")).encode("utf-8")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SLOW_SECONDS = 1.5


class Handler(BaseHTTPRequestHandler):
    user_agents: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:  # silence the test output
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.user_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        try:
            if path == "/news/bridge-to-close":
                self._send(200, PAGE, "text/html; charset=utf-8")
            elif path == "/plain.txt":
                self._send(200, ENGLISH_REPORT.encode("utf-16"), "text/plain")
            elif path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/news/bridge-to-close")
                self.end_headers()
            elif path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
            elif path == "/missing":
                self._send(404, b"<h1>Not Found</h1>", "text/html")
            elif path == "/chart.png":
                self._send(200, PNG, "image/png")
            elif path == "/declared-huge":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(20 * 1024 * 1024))
                self.end_headers()
                self.wfile.write(PAGE)
            elif path == "/streamed-huge":
                # No Content-Length: the size is only known while streaming.
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<p>" + b"flood " * 10_000 + b"</p>\n"
                for _ in range(MAX_INPUT_BYTES // len(chunk) + 50):
                    self.wfile.write(chunk)
            elif path == "/slow":
                time.sleep(SLOW_SECONDS)
                self._send(200, PAGE, "text/html")
            else:
                self._send(404, b"", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _fetch_error(url: str, *, timeout: float = FETCH_TIMEOUT_S, allow_private: bool = True) -> str:
    with pytest.raises(FetchError) as err:
        read_url(url, timeout=timeout, allow_private=allow_private)
    assert isinstance(err.value, InputError)
    return str(err.value)


def test_good_page_is_read_with_metadata(server: str) -> None:
    url = f"{server}/news/bridge-to-close"
    article = read_input(url, allow_private=True)
    assert article.format == "html"
    assert article.origin == url
    assert article.url == url
    assert article.doc_id == "bridge-to-close"
    assert article.outlet == "Riverside Gazette"
    assert article.byline == "Maria Keane"
    assert "More than 300 homes were evacuated" in article.text
    assert any("copydesk/" in ua for ua in Handler.user_agents)


def test_plain_text_url(server: str) -> None:
    article = read_url(f"{server}/plain.txt", allow_private=True)
    assert article.format == "text"
    assert article.text == ENGLISH_REPORT
    assert article.outlet == "127.0.0.1"


def test_redirect_is_followed_and_final_url_kept(server: str) -> None:
    article = read_url(f"{server}/moved", allow_private=True)
    assert article.url == f"{server}/news/bridge-to-close"


def test_redirect_loop(server: str) -> None:
    url = f"{server}/loop"
    assert_one_sentence(_fetch_error(url), url, "redirected more than")


def test_http_error_status(server: str) -> None:
    url = f"{server}/missing"
    assert_one_sentence(_fetch_error(url), url, "returned HTTP 404 (Not Found)")


def test_image_content_type_is_refused(server: str) -> None:
    url = f"{server}/chart.png"
    assert binary_kind(PNG) == "PNG image"
    assert_one_sentence(_fetch_error(url), url, "image/png", "not a web page or plain text")


@pytest.mark.parametrize("path", ["/declared-huge", "/streamed-huge"])
def test_oversized_body_is_refused(server: str, path: str) -> None:
    url = f"{server}{path}"
    assert_one_sentence(_fetch_error(url), url, "larger than the 10 MB limit")


def test_slow_server_times_out(server: str) -> None:
    url = f"{server}/slow"
    started = time.monotonic()
    message = _fetch_error(url, timeout=0.3)
    assert time.monotonic() - started < SLOW_SECONDS
    assert_one_sentence(message, url, "did not respond within 0.3 seconds")


def test_unreachable_host() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article"
    assert_one_sentence(_fetch_error(url), url, "could not be reached", "refused")


def test_malformed_url() -> None:
    url = "http://exa mple.com:99999/news"
    with pytest.raises(FetchError) as err:
        read_input(url)
    assert_one_sentence(str(err.value), url, "is not a valid")
