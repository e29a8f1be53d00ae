"""Fetching an article over HTTP(S): bounded in time, size, redirects and content type, and
only from public addresses.

The bounds live where the bytes move, so no server can get round them:

- time: every socket operation (connecting, the TLS handshake, each read and write) is given
  what is left of one deadline for the whole fetch, so a server that drips a byte at a time
  is cut off when the deadline passes, however it spaces its bytes;
- size: the body is decoded (``Content-Encoding``) here, one bounded piece at a time, so the
  limit holds for the decoded bytes while they are being decoded, and a few kilobytes that
  inflate to gigabytes are refused at the limit;
- host names: each is resolved in a thread of its own, waited for only as long as the
  deadline leaves, so a resolver that never answers costs the fetch its deadline, not the
  minutes the system's resolver takes to give up;
- addresses: each connection, the first and every redirect's, resolves its host name and
  refuses any address that is not public (loopback, private ranges, link-local such as
  169.254.169.254, ``::1``, numeric forms such as ``http://2130706433/``) before it
  connects, and it connects to the address it checked. Proxy settings from the environment
  are not used. ``allow_private=True`` (``--allow-private-addresses``) lifts the address
  check for a user who means to fetch from their own network.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import certifi
import httpcore
import httpx

from copydesk.errors import FetchError
from copydesk.read.decode import parse_content_type
from copydesk.read.limits import FETCH_TIMEOUT_S, MAX_INPUT_BYTES, MAX_INPUT_MB
from copydesk.version import __version__

# Redirects followed: http -> https -> www -> canonical path, plus one spare. More than
# that is a redirect loop or a tracking chain, not an article.
MAX_REDIRECTS = 5

# What an article can be served as; anything else (images, PDFs, JSON, feeds) is refused.
ACCEPTED_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})

USER_AGENT = f"copydesk/{__version__} (automated copy desk for news articles)"

# The most bytes one decoding step may produce; the size limit is checked after each.
_CHUNK_BYTES = 64 * 1024

# Content encodings decoded here (the request offers only these).
ACCEPTED_ENCODINGS = ("gzip", "x-gzip", "deflate", "identity")

# Nested content encodings accepted ("gzip, gzip" is two). One is what servers send; a
# second is a misconfigured proxy at most; more is no page.
MAX_ENCODINGS = 2


class _PrivateAddress(Exception):
    """A connection was about to go to an address that is not public."""

    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.address = address


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A fetched response body and what the server said it is."""

    url: str  # the final URL, after redirects
    body: bytes
    content_type: str | None  # the full Content-Type header, parameters included


def _connect_reason(exc: Exception) -> str:
    text = str(exc).lower()
    if "refused" in text:
        return "the connection was refused"
    if any(s in text for s in ("name or service", "nodename", "getaddrinfo", "no address")):
        return "its host name could not be resolved"
    if "certificate" in text or "ssl" in text:
        return "its security certificate could not be verified"
    if "unreachable" in text:
        return "the network is unreachable"
    return "the connection failed"


def _check_address(url: str) -> None:
    invalid = FetchError(f"{url} is not a valid http or https address.")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError when out of range
    except ValueError:
        raise invalid from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise invalid
    if any(c.isspace() for c in url) or (port is not None and port == 0):
        raise invalid


def fetch(
    url: str,
    *,
    timeout: float = FETCH_TIMEOUT_S,
    max_bytes: int = MAX_INPUT_BYTES,
    allow_private: bool = False,
) -> FetchedPage:
    """GET ``url``; raise `FetchError` with one sentence naming the URL when that fails.

    ``timeout`` bounds the whole fetch; ``max_bytes`` the decoded body; ``allow_private``
    lets the fetch reach loopback and private-network addresses.
    """
    _check_address(url)
    deadline = time.monotonic() + timeout
    too_large = f"{url} is larger than the {MAX_INPUT_MB} MB limit for one article."
    too_slow = f"{url} did not respond within {timeout:g} seconds."
    try:
        with (
            httpx.Client(
                transport=_Transport(deadline, allow_private=allow_private),
                trust_env=False,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=httpx.Timeout(timeout),
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
                    "Accept-Encoding": "gzip, deflate",
                },
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                phrase = response.reason_phrase or "error"
                raise FetchError(f"{url} returned HTTP {response.status_code} ({phrase}).")
            header = response.headers.get("content-type")
            mime, _ = parse_content_type(header)
            if mime is not None and header and mime not in ACCEPTED_CONTENT_TYPES:
                raise FetchError(f"{url} serves {mime}, not a web page or plain text.")
            encodings = _encodings(url, response.headers.get("content-encoding"))
            length = response.headers.get("content-length")
            if not encodings and length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(too_large)
            chunks: list[bytes] = []
            size = 0
            for chunk in _decoded(url, response.iter_raw(), encodings):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(too_large)
                if time.monotonic() > deadline:
                    raise FetchError(too_slow)
                chunks.append(chunk)
            return FetchedPage(str(response.url), b"".join(chunks), header)
    except FetchError:
        raise
    except _PrivateAddress as exc:
        raise FetchError(
            f"{url} leads to {exc.address}, a private or local network address; copydesk "
            "fetches only public addresses unless told --allow-private-addresses."
        ) from None
    except httpx.TimeoutException:
        raise FetchError(too_slow) from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{url} redirected more than {MAX_REDIRECTS} times.") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError):
        raise FetchError(f"{url} is not a valid http or https address.") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"{url} could not be reached: {_connect_reason(exc)}.") from None
    except httpx.HTTPError as exc:
        raise FetchError(
            f"{url} could not be fetched: the transfer failed ({type(exc).__name__})."
        ) from None


# -- decoding, bounded ------------------------------------------------------------------------


def _encodings(url: str, header: str | None) -> list[str]:
    """The content encodings applied to the body, in the order they were applied."""
    names = [e.strip().lower() for e in (header or "").split(",") if e.strip()]
    names = [e for e in names if e != "identity"]
    for name in names:
        if name not in ACCEPTED_ENCODINGS:
            raise FetchError(f"{url} sent its page in an encoding copydesk cannot read ({name}).")
    if len(names) > MAX_ENCODINGS:
        raise FetchError(f"{url} sent its page compressed {len(names)} times over.")
    return names


def _decoded(url: str, raw: Iterable[bytes], encodings: list[str]) -> Iterator[bytes]:
    """The body with its encodings undone, last applied first, in pieces of at most
    `_CHUNK_BYTES` from every stage, so nothing inflates further than the reader asks."""
    stream: Iterable[bytes] = raw
    for name in reversed(encodings):
        stream = _inflate(url, stream, gzip=name in ("gzip", "x-gzip"))
    yield from stream


def _inflate(url: str, chunks: Iterable[bytes], *, gzip: bool) -> Iterator[bytes]:
    inflater: Any = None
    try:
        for chunk in chunks:
            data = chunk
            while data:
                if inflater is None:
                    inflater = zlib.decompressobj(_wbits(data, gzip))
                out = inflater.decompress(data, _CHUNK_BYTES)
                data = inflater.unconsumed_tail
                if inflater.eof:  # a gzip body may be several members one after another
                    data = inflater.unused_data
                    inflater = None
                if out:
                    yield out
        while inflater is not None and not inflater.eof:
            out = inflater.decompress(b"", _CHUNK_BYTES)
            if not out:
                break
            yield out
    except zlib.error:
        raise FetchError(f"{url} sent compressed data that is corrupt.") from None


def _wbits(head: bytes, gzip: bool) -> int:
    if gzip:
        return 16 + zlib.MAX_WBITS
    # "deflate" is meant to be zlib-wrapped; some servers send the raw stream.
    wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
    return zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS


# -- connections: one deadline, public addresses ------------------------------------------------


class _Transport(httpx.HTTPTransport):
    """httpx's transport over `_Network`: every connection it makes is checked and timed."""

    def __init__(self, deadline: float, *, allow_private: bool) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(cafile=certifi.where()),
            network_backend=_Network(deadline, allow_private=allow_private),
        )


class _Network(httpcore.SyncBackend):
    def __init__(self, deadline: float, *, allow_private: bool) -> None:
        self._deadline = deadline
        self._allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = _address(host, port, self._deadline, allow_private=self._allow_private)
        stream = super().connect_tcp(
            address, port, _left(self._deadline, timeout), local_address, socket_options
        )
        return _TimedStream(stream, self._deadline)


def _address(host: str, port: int, deadline: float, *, allow_private: bool) -> str:
    """The address to connect to for ``host``; `_PrivateAddress` when any it resolves to is
    not public (a name that resolves to a public and a private address is refused too),
    unless ``allow_private``."""
    infos = _resolve(host, port, deadline)
    addresses = [str(info[4][0]) for info in infos]
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                raise _PrivateAddress(address)
    return addresses[0]


#: Look-ups that may be left waiting on a resolver that does not answer. Each holds a thread
#: until the system's resolver gives up (75 s with its default retries), so this bounds the
#: threads a dead resolver can pile up; 32 is four times the service's queue of checks.
MAX_STALLED_LOOKUPS = 32

_lookups = threading.BoundedSemaphore(MAX_STALLED_LOOKUPS)


def _resolve(host: str, port: int, deadline: float) -> list[Any]:
    """``getaddrinfo`` for ``host``, waited for until ``deadline`` at most. It runs in a daemon
    thread: a look-up cannot be cancelled, so one that outlives the deadline is left to end
    by itself, and never holds up the process's exit."""
    if not _lookups.acquire(timeout=_left(deadline, None)):
        raise httpcore.ConnectTimeout("no host name look-up could start before the deadline")
    answer: Future[list[Any]] = Future()

    def look_up() -> None:
        try:
            answer.set_result(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except Exception as exc:  # noqa: BLE001 (a name IDNA cannot encode raises ValueError)
            answer.set_exception(exc)
        finally:
            _lookups.release()

    threading.Thread(target=look_up, name="copydesk-resolve", daemon=True).start()
    try:
        return answer.result(timeout=_left(deadline, None))
    except TimeoutError:
        raise httpcore.ConnectTimeout("the host name did not resolve before the deadline") from None
    except OSError as exc:
        raise httpcore.ConnectError(f"getaddrinfo failed: {exc}") from None


#: IPv6 ranges that carry an IPv4 address inside them, each with where the IPv4 address sits
#: (its first byte in the 16): NAT64 (RFC 6052) and the local-use NAT64 prefix (RFC 8215).
#: `ipaddress` itself reads the IPv4-mapped form and 6to4 (RFC 3056); the IPv4-compatible
#: form ("::10.0.0.1") is read in `_embedded_ipv4`.
_EMBEDDING_IPV4 = (
    (ipaddress.IPv6Network("64:ff9b::/96"), 12),
    (ipaddress.IPv6Network("64:ff9b:1::/48"), 12),
)

#: Ranges `ipaddress` counts as global that reach no public host: IPv6 site-local (fec0::/10,
#: deprecated but still routed inside sites) and the IPv4 ranges of IETF protocol
#: assignments that it lets through (192.0.0.8, 192.0.0.9 and 192.0.0.10).
_NOT_PUBLIC = (
    ipaddress.IPv6Network("fec0::/10"),
    ipaddress.IPv4Network("192.0.0.0/24"),
)


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet: not loopback, private, link-local,
    shared (carrier NAT), reserved, multicast, site-local or unspecified. An IPv4 address
    carried inside IPv6 (``::ffff:127.0.0.1``, ``::127.0.0.1``, NAT64's
    ``64:ff9b::10.0.0.1``, 6to4's ``2002:0a00:0001::``) is judged as the IPv4 address it is."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            ip = embedded
    if any(ip.version == net.version and ip in net for net in _NOT_PUBLIC):
        return False
    return ip.is_global and not ip.is_multicast


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    for network, at in _EMBEDDING_IPV4:
        if ip in network:
            return ipaddress.IPv4Address(ip.packed[at : at + 4])
    packed = ip.packed
    if packed[:12] == bytes(12) and packed[12:] != bytes(4) and ip != ipaddress.IPv6Address("::1"):
        return ipaddress.IPv4Address(packed[12:])  # IPv4-compatible, "::10.0.0.1"
    return None


def _left(deadline: float, timeout: float | None) -> float:
    """Seconds an operation may take: its own timeout, cut to what is left of the deadline."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the deadline for the whole fetch has passed")
    return left if timeout is None else min(timeout, left)


class _TimedStream(httpcore.NetworkStream):
    """A connection whose every operation ends by the fetch's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(self._deadline, timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(self._deadline, timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(
            ssl_context, server_hostname, _left(self._deadline, timeout)
        )
        return _TimedStream(stream, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)
