"""Bytes to text: byte-order marks, UTF-8, BOM-less UTF-16/32, then Windows-1252 / Latin-1.

Binary files (a PDF, an image, an archive, anything full of control characters) are refused
with a sentence naming the input, before any decoding is attempted on them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from email.message import Message

from copydesk.errors import InputError

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of the binary formats people most often hand to a text tool by mistake.
# Each entry: (offset, signature, what it is).
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"%PDF-", "PDF"),
    (0, b"PK\x03\x04", "ZIP archive or Office document"),
    (0, b"PK\x05\x06", "ZIP archive"),
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"BZh", "bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"\x28\xb5\x2f\xfd", "zstd archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (0, b"\x7fELF", "program"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"OggS", "Ogg media file"),
    (0, b"fLaC", "FLAC audio file"),
    (0, b"ID3", "MP3 audio file"),
    (0, b"\x00asm", "WebAssembly module"),
    (4, b"ftyp", "MP4 or QuickTime media file"),
    (8, b"WEBP", "WebP image"),
    (8, b"WAVE", "WAV audio file"),
    (8, b"AVI ", "AVI video file"),
)

# BOM-less UTF-16: in Latin-script text every other byte is NUL. Calibrated on English and
# French text encoded as UTF-16 LE/BE: the NUL share of the "high" byte positions is above
# 0.9 there, and below 0.01 at the other positions; 0.6 leaves room for text with many
# non-Latin characters (whose high byte is not NUL) while binary data rarely shows such a
# regular alternation.
UTF16_NUL_SHARE = 0.6
# The other byte positions of real UTF-16 text hold hardly any NULs (only U+xx00 code points).
UTF16_OTHER_NUL_SHARE = 0.05
# How many leading bytes are inspected for the NUL pattern: enough for a stable share.
SNIFF_BYTES = 4096

# Text with some UTF-8 damage (a stray Windows-1252 byte in an otherwise UTF-8 file) is
# still UTF-8 when its well-formed multi-byte characters outnumber the broken bytes by this
# factor. Real Latin-1/Windows-1252 text almost never contains a well-formed UTF-8 sequence
# (an accented capital followed by a C1 or symbol byte), so even a small factor separates
# the two; 2 keeps a file with as many breakages as accents on the Windows-1252 side.
UTF8_GOOD_PER_BAD = 2

# Share of control characters (other than tab, newline, carriage return, form feed) above
# which decoded text is treated as binary. Text files hold none; 1% tolerates a few stray
# escape or backspace characters in pasted text, while binary data decoded as Latin-1 has
# 10-25% control characters.
MAX_CONTROL_SHARE = 0.01

# Declared charsets that web browsers read as Windows-1252 (the WHATWG encoding standard);
# they go to the Windows-1252 fallback below, which is what their authors meant.
_WINDOWS_1252_ALIASES = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252", "utf-8"})
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Unicode's control characters (category Cc, a closed set: U+0000-U+001F and U+007F-U+009F)
# other than the allowed ones, as one character class that the regex engine counts in C.
_CONTROLS = re.compile(
    "["
    + "".join(
        re.escape(chr(c))
        for c in range(0xA0)
        if unicodedata.category(chr(c)) == "Cc" and chr(c) not in _ALLOWED_CONTROLS
    )
    + "]"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")


def binary_kind(data: bytes) -> str | None:
    """What known binary format ``data`` starts with, or None."""
    for offset, signature, kind in _MAGIC:
        if data[offset : offset + len(signature)] == signature:
            if signature == b"BZh" and not data[3:4].isdigit():
                continue
            return kind
    return None


def _nul_share(sample: bytes, start: int, step: int) -> float:
    positions = sample[start::step]
    return positions.count(0) / len(positions) if positions else 0.0


def _bomless_wide(data: bytes) -> str | None:
    """The UTF-16/32 codec that BOM-less ``data`` uses, judged by where its NUL bytes lie."""
    sample = data[:SNIFF_BYTES]
    if b"\x00" not in sample or len(sample) < 4:
        return None
    # UTF-32 first: Latin text has three NULs in every four bytes.
    for codec, zero_positions, other in (("utf-32-le", (1, 2, 3), 0), ("utf-32-be", (0, 1, 2), 3)):
        if (
            len(sample) % 4 == 0
            and all(_nul_share(sample, p, 4) > UTF16_NUL_SHARE for p in zero_positions)
            and _nul_share(sample, other, 4) < UTF16_OTHER_NUL_SHARE
        ):
            return codec
    high_odd = _nul_share(sample, 1, 2)
    high_even = _nul_share(sample, 0, 2)
    if high_odd > UTF16_NUL_SHARE and high_even < UTF16_OTHER_NUL_SHARE:
        return "utf-16-le"
    if high_even > UTF16_NUL_SHARE and high_odd < UTF16_OTHER_NUL_SHARE:
        return "utf-16-be"
    return None


def _decode_lenient_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes replaced, when the file is clearly meant as UTF-8."""
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = len(_NON_ASCII.findall(lenient)) - bad
    if good and good >= bad * UTF8_GOOD_PER_BAD:
        return lenient
    return None


def _codec_name(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        info = codecs.lookup(charset.strip().strip("\"'"))
    except LookupError:
        return None
    # codecs also knows byte transforms ("base64", "zlib") that are no text encoding.
    return info.name if getattr(info, "_is_text_encoding", True) else None


def normalise_newlines(text: str) -> str:
    """Windows and old-Mac line ends (and Unicode line separators) become ``\\n``."""
    return _NEWLINES.sub("\n", text)


def parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) of a Content-Type header, each lower-cased or None."""
    if not header:
        return None, None
    msg = Message()
    msg["content-type"] = header
    mime = msg.get_content_type().lower()
    charset = msg.get_param("charset")
    return mime, (charset.lower() if isinstance(charset, str) else None)


def control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


def decode(data: bytes, name: str, *, charset: str | None = None) -> str:
    """Decode ``data`` read from ``name`` (a path, URL or "Standard input") to text.

    ``charset`` is a declared encoding (an HTTP header, an HTML meta tag); a byte-order mark
    overrides it, and it is ignored when it does not decode the bytes. Line ends come back
    as ``\\n``. Raises `InputError` for binary data.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(f"{name} is a binary file ({kind}), not an article.")

    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise InputError(
                    f"{name} starts with a {codec.upper()} byte-order mark but is not valid "
                    f"{codec.upper()} text."
                ) from None
            break

    if text is None:
        wide = _bomless_wide(data)
        if wide is not None:
            text = data.decode(wide, errors="replace")
        elif b"\x00" in data:
            raise InputError(f"{name} is a binary file, not an article.")

    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        declared = _codec_name(charset)
        if declared is not None and declared not in _WINDOWS_1252_ALIASES:
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                text = None
    if text is None:
        text = _decode_lenient_utf8(data)
    if text is None:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")

    if "\x00" in text or control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(f"{name} is a binary file, not an article.")
    return normalise_newlines(text)
