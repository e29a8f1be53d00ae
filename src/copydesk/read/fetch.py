"""Fetching an article over HTTP(S): bounded in time, size, redirects and content type."""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

import httpx

from copydesk import __version__
from copydesk.errors import FetchError
from copydesk.read.limits import MAX_INPUT_BYTES, MAX_INPUT_MB

# Seconds allowed for the whole fetch: connecting, waiting for the server and reading the
# body. News pages arrive in 1-3 s; 20 s tolerates a slow site without leaving a batch job
# hanging on a dead one.
FETCH_TIMEOUT_S = 20.0

# Redirects followed: http -> https -> www -> canonical path, plus one spare. More than
# that is a redirect loop or a tracking chain, not an article.
MAX_REDIRECTS = 5

# What an article can be served as; anything else (images, PDFs, JSON, feeds) is refused.
ACCEPTED_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})

USER_AGENT = f"copydesk/{__version__} (automated copy desk for news articles)"

_CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A fetched response body and what the server said it is."""

    url: str  # the final URL, after redirects
    body: bytes
    content_type: str | None  # the full Content-Type header, parameters included


def parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) of a Content-Type header, each lower-cased or None."""
    if not header:
        return None, None
    msg = Message()
    msg["content-type"] = header
    mime = msg.get_content_type().lower()
    charset = msg.get_param("charset")
    return mime, (charset.lower() if isinstance(charset, str) else None)


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
) -> FetchedPage:
    """GET ``url``; raise `FetchError` with one sentence naming the URL when that fails."""
    _check_address(url)
    deadline = time.monotonic() + timeout
    too_large = f"{url} is larger than the {MAX_INPUT_MB} MB limit for one article."
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=httpx.Timeout(timeout),
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
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
            length = response.headers.get("content-length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(too_large)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes(_CHUNK_BYTES):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(too_large)
                if time.monotonic() > deadline:
                    raise FetchError(f"{url} did not respond within {timeout:g} seconds.")
                chunks.append(chunk)
            return FetchedPage(str(response.url), b"".join(chunks), header)
    except FetchError:
        raise
    except httpx.TimeoutException:
        raise FetchError(f"{url} did not respond within {timeout:g} seconds.") from None
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
