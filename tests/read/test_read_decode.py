"""Decoding: BOMs, UTF-8, BOM-less UTF-16, Windows-1252/Latin-1, newlines, binary refusal."""

from __future__ import annotations

import codecs
import gzip
import zlib
from pathlib import Path

import pytest
from read_fixtures import ENGLISH_BRIEF, ENGLISH_REPORT, assert_one_sentence

from copydesk.errors import InputError
from copydesk.read import read_bytes, read_file
from copydesk.read.decode import decode

ACCENTED = (
    "The café owner, José Müller, said the façade of the Crème Brûlée bistro was "
    "damaged on Friday night when a delivery lorry struck it, according to police in "
    "Zürich. Nobody was injured, and the bistro will reopen on Monday, he said."
)


def test_latin1_file_decodes(tmp_path: Path) -> None:
    path = tmp_path / "bistro.txt"
    path.write_bytes(ACCENTED.encode("latin-1"))
    article = read_file(path)
    assert article.text == ACCENTED
    assert article.doc_id == "bistro"


def test_windows_1252_curly_quotes_decode() -> None:
    text = ENGLISH_BRIEF + " \u201cWe had no choice,\u201d the mayor\u2019s office said."
    article = read_bytes(text.encode("cp1252"), origin="brief.txt")
    assert article.text == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_encodings_with_and_without_bom_decode(tmp_path: Path, codec: str) -> None:
    # "utf-16" and "utf-32" write a byte-order mark; "-le"/"-be" write none.
    path = tmp_path / "report.txt"
    path.write_bytes(ENGLISH_REPORT.encode(codec))
    assert read_file(path).text == ENGLISH_REPORT


def test_bomless_utf16_with_non_latin_quotes_decodes() -> None:
    text = ENGLISH_BRIEF + " Residents called it \u00abmadness\u00bb and \u201cunfair\u201d."
    assert decode(text.encode("utf-16-le"), "x") == text
    assert not decode(text.encode("utf-16-le"), "x").startswith(
        codecs.BOM_UTF16_LE.decode("latin-1")
    )


def test_utf8_with_one_stray_windows_byte_stays_utf8() -> None:
    data = ACCENTED.encode("utf-8") + b" Price: 5\x80."
    text = decode(data, "x")
    assert "José Müller" in text and "Zürich" in text


def test_declared_charset_is_used_when_utf8_fails() -> None:
    text = "Владимир Мединский возглавит делегацию."
    assert decode(text.encode("koi8-r"), "x", charset="koi8-r") == text


def test_windows_newlines_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(ENGLISH_REPORT.replace("\n", "\r\n").encode("utf-8"))
    article = read_file(path)
    assert "\r" not in article.text
    assert article.text == ENGLISH_REPORT


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (PNG, "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01", "JPEG image"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP archive"),
        (gzip.compress(ENGLISH_REPORT.encode()), "gzip archive"),
    ],
)
def test_binary_formats_are_refused(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "upload.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_file(path)
    assert_one_sentence(str(err.value), str(path), "is a binary file", kind, "not an article")


def test_random_binary_without_magic_is_refused() -> None:
    data = zlib.compress(ENGLISH_REPORT.encode() * 20)  # deflate stream, no known header
    with pytest.raises(InputError) as err:
        read_bytes(data, origin="blob.dat")
    assert_one_sentence(str(err.value), "blob.dat", "is a binary file, not an article")


def test_text_with_a_nul_byte_pattern_that_is_not_utf16_is_refused() -> None:
    data = ENGLISH_BRIEF.encode() + b"\x00\x00\x07\x00\x01\x00" + ENGLISH_BRIEF.encode()
    with pytest.raises(InputError, match="is a binary file"):
        read_bytes(data, origin="mixed.txt")


def test_control_characters_without_nul_bytes_are_refused() -> None:
    data = bytes(range(1, 32)) * 40 + ENGLISH_BRIEF.encode()
    with pytest.raises(InputError) as err:
        read_bytes(data, origin="terminal.log")
    assert_one_sentence(str(err.value), "terminal.log", "is a binary file, not an article")


def test_a_few_stray_control_characters_are_tolerated() -> None:
    text = ENGLISH_REPORT.replace("Sunday.", "Sunday.\x1b", 1)
    assert read_bytes(text.encode(), origin="pasted.txt").text == text


@pytest.mark.parametrize("charset", ["base64", "zlib", "no-such-charset"])
def test_bogus_declared_charsets_are_ignored(charset: str) -> None:
    data = ("<p>" + ACCENTED + "</p>").encode("cp1252")
    article = read_bytes(data, origin="page.html", content_type=f"text/html; charset={charset}")
    assert ACCENTED in article.text
