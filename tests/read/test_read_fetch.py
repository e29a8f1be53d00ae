"""Reading URLs from a real HTTP server on loopback: pages, refusals, limits, timeouts."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pytest
from conftest import ROOT
from read_fixtures import ENGLISH_REPORT, assert_one_sentence, news_page
from support.command import ENV, WITH_SILENT_RESOLVER, copydesk
from support.loopback import serving

from copydesk.errors import FetchError, InputError
from copydesk.read import MAX_INPUT_BYTES, read_input, read_url
from copydesk.read import fetch as fetch_module
from copydesk.read.decode import binary_kind
from copydesk.read.fetch import FETCH_TIMEOUT_S

PAGE = news_page(ENGLISH_REPORT.strip().split("\n")).encode("utf-8")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SLOW_SECONDS = 1.5

# A server that drips a byte every DRIP_SECONDS for DRIP_BYTES bytes: 12 s in all, far past
# the short timeout the drip tests give the fetch.
DRIP_SECONDS = 0.25
DRIP_BYTES = 48

# A few hundred kilobytes that inflate to 200 MB, twenty times the size limit, through two
# layers of gzip ("Content-Encoding: gzip, gzip").
BOMB_BYTES = 200 * 1024 * 1024


def _gzip_stream(chunks: Iterator[bytes]) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return b"".join(packer.compress(c) for c in chunks) + packer.flush()


BOMB = _gzip_stream(iter([_gzip_stream(b"\x00" * (1 << 20) for _ in range(BOMB_BYTES >> 20))]))


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
            elif path == "/drip-body":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.flush()
                for _ in range(DRIP_BYTES):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(DRIP_SECONDS)
            elif path == "/drip-headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Padding: ")
                for _ in range(DRIP_BYTES):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(DRIP_SECONDS)
            elif path == "/bomb":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", "gzip, gzip")
                self.send_header("Content-Length", str(len(BOMB)))
                self.end_headers()
                self.wfile.write(BOMB)
            elif path == "/to-another-host":
                port = self.server.server_address[1]
                self.send_response(302)
                self.send_header("Location", f"http://127.0.0.2:{port}/news/bridge-to-close")
                self.end_headers()
            elif path == "/slow":
                time.sleep(SLOW_SECONDS)
                self._send(200, PAGE, "text/html")
            else:
                self._send(404, b"", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(Handler) as base:
        yield base


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


def test_a_resolver_that_never_answers_costs_the_fetch_its_deadline_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    done = threading.Event()  # set once the test ends, to free the look-ups left waiting

    def silent(*args: object, **kwargs: object) -> object:
        done.wait(timeout=60)  # as long as a system resolver takes to give up on a silent one
        raise socket.gaierror("no answer")

    monkeypatch.setattr(socket, "getaddrinfo", silent)
    try:
        for allow_private in (False, True):
            started = time.monotonic()
            message = _fetch_error(
                "http://news.test/story", timeout=0.5, allow_private=allow_private
            )
            assert time.monotonic() - started < SLOW_SECONDS
            assert_one_sentence(message, "http://news.test/story", "within 0.5 seconds")
    finally:
        done.set()


@pytest.mark.parametrize("host", ["a" * 64 + ".com", "news..example.com"])
def test_a_host_name_no_resolver_can_take_is_refused_at_once(host: str) -> None:
    started = time.monotonic()
    message = _fetch_error(f"http://{host}/story", allow_private=False)
    assert time.monotonic() - started < SLOW_SECONDS
    assert_one_sentence(message, f"http://{host}/story", "is not a valid http or https address")


def test_the_command_gives_up_on_a_silent_resolver_at_the_fetch_deadline() -> None:
    started = time.monotonic()
    done = subprocess.run(
        [*WITH_SILENT_RESOLVER, "check", "http://news.test/story"],
        capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=FETCH_TIMEOUT_S + 40,
        check=False,
    )  # fmt: skip
    assert FETCH_TIMEOUT_S <= time.monotonic() - started < FETCH_TIMEOUT_S + 15
    assert done.returncode == 2
    assert done.stderr == (
        f"copydesk: http://news.test/story did not respond within {FETCH_TIMEOUT_S:g} seconds.\n"
    )


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


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_a_dripping_server_is_cut_off_at_the_deadline(server: str, path: str) -> None:
    url = f"{server}{path}"
    started = time.monotonic()
    message = _fetch_error(url, timeout=1.0)
    elapsed = time.monotonic() - started
    assert_one_sentence(message, url, "did not respond within 1 seconds")
    # The drip lasts 12 s; the deadline is 1 s (the margin is for a loaded machine).
    assert elapsed < DRIP_SECONDS * DRIP_BYTES / 2


def test_a_decompression_bomb_is_refused_at_the_limit_while_inflating(server: str) -> None:
    url = f"{server}/bomb"
    tracemalloc.start()
    try:
        message = _fetch_error(url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_one_sentence(message, url, "larger than the 10 MB limit")
    assert peak < 3 * MAX_INPUT_BYTES, f"{peak / 2**20:.0f} MiB held while inflating"


def test_loopback_is_refused_by_default_and_never_contacted(server: str) -> None:
    Handler.user_agents.clear()
    url = f"{server}/news/bridge-to-close"
    message = _fetch_error(url, allow_private=False)
    assert_one_sentence(message, url, "127.0.0.1", "private or local", "--allow-private-addresses")
    assert Handler.user_agents == []


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/news",
        "http://192.168.0.1/",
        "http://[::1]:9/news",
        "http://[::ffff:127.0.0.1]:9/news",
        "http://2130706433:9/news",
        "http://0x7f.1:9/news",
        "http://0.0.0.0:9/news",
        "http://localhost:9/news",
    ],
)
def test_private_and_local_addresses_are_refused(url: str) -> None:
    message = _fetch_error(url, allow_private=False)
    assert_one_sentence(message, url, "private or local network address")


def test_a_redirect_is_checked_like_the_first_address(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Here 127.0.0.1 stands for a public address and 127.0.0.2 for a private one.
    monkeypatch.setattr(fetch_module, "is_public", lambda address: address == "127.0.0.1")
    url = f"{server}/to-another-host"
    message = _fetch_error(url, allow_private=False)
    assert_one_sentence(message, url, "127.0.0.2", "private or local")


def test_proxy_settings_from_the_environment_are_not_used(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, dead)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    article = read_url(f"{server}/news/bridge-to-close", allow_private=True)
    assert article.outlet == "Riverside Gazette"


def test_the_command_refuses_private_addresses_unless_allowed(server: str) -> None:
    url = f"{server}/news/bridge-to-close"

    def check(*flags: str) -> subprocess.CompletedProcess[str]:
        return copydesk("check", url, "--format", "json", *flags)

    refused = check()
    assert refused.returncode == 2
    assert_one_sentence(refused.stderr.strip().removeprefix("copydesk: "), url, "private")
    allowed = check("--allow-private-addresses")
    assert allowed.returncode in (0, 1), allowed.stderr
    assert "Riverside Gazette" in allowed.stdout


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "64:ff9b:1::7f00:1",  # local-use NAT64 of 127.0.0.1
        "2002:0a00:0001::",  # 6to4 of 10.0.0.1
        "::10.0.0.1",  # IPv4-compatible
        "::ffff:192.168.0.1",  # IPv4-mapped
        "fec0::1",  # site-local
        "192.0.0.8",  # IETF protocol assignment
    ],
)
def test_an_ipv4_address_carried_in_ipv6_or_a_reserved_range_is_not_public(address: str) -> None:
    from copydesk.read.fetch import is_public

    assert not is_public(address)


def test_public_addresses_in_every_form_are_public() -> None:
    from copydesk.read.fetch import is_public

    for address in ("8.8.8.8", "64:ff9b::808:808", "2002:0808:0808::", "2606:4700::1111"):
        assert is_public(address), address
