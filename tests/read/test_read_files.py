"""Reading files, standard input, HTML and strings: what a user gets, and every refusal."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from read_fixtures import (
    ENGLISH_BRIEF,
    ENGLISH_REPORT,
    NON_ENGLISH,
    assert_one_sentence,
    news_page,
)

from copydesk.errors import InputError
from copydesk.read import (
    MAX_INPUT_BYTES,
    read_bytes,
    read_file,
    read_html,
    read_input,
    read_stdin,
    read_text,
)


def _error(call, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as err:
        call(*args, **kwargs)
    return str(err.value)


def test_plain_text_file_becomes_an_article(tmp_path: Path) -> None:
    path = tmp_path / "floods-north.txt"
    path.write_text(ENGLISH_REPORT, encoding="utf-8")
    article = read_input(str(path))
    assert article.text == ENGLISH_REPORT
    assert article.format == "text"
    assert article.origin == str(path)
    assert article.doc_id == "floods-north"
    assert article.excluded == ()
    assert article.body == article.text


def test_short_english_brief_of_60_words_is_accepted() -> None:
    assert 55 <= len(ENGLISH_BRIEF.split()) <= 70
    article = read_text(ENGLISH_BRIEF, origin="brief.txt")
    assert article.text == ENGLISH_BRIEF


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "no-such-article.txt"
    message = _error(read_input, str(path))
    assert_one_sentence(message, str(path), "does not exist")


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    message = _error(read_input, str(tmp_path))
    assert_one_sentence(message, str(tmp_path), "is a directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ENGLISH_BRIEF)
    path.chmod(0)
    try:
        message = _error(read_input, str(path))
    finally:
        path.chmod(0o600)
    assert_one_sentence(message, str(path), "permission denied")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n  "])
def test_empty_and_whitespace_only_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    message = _error(read_input, str(path))
    assert_one_sentence(message, str(path), "is empty")


def test_too_few_words(tmp_path: Path) -> None:
    path = tmp_path / "flash.txt"
    path.write_text("BREAKING: Bridge on Elm Street to close for repairs, council says.\n")
    message = _error(read_file, path)
    assert_one_sentence(message, str(path), "too short to be a news article", "11 words")


def test_text_that_is_only_page_junk_has_no_article(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_text(
        "Share this:\nClick to share on Facebook (Opens in new window)\nLeave a Reply\n"
    )
    message = _error(read_file, path)
    assert_one_sentence(message, str(path), "contains no article text")


@pytest.mark.parametrize("language", sorted(NON_ENGLISH))
def test_non_english_article_is_refused_naming_its_language(tmp_path: Path, language: str) -> None:
    path = tmp_path / f"{language.lower()}.txt"
    path.write_text(NON_ENGLISH[language], encoding="utf-8")
    message = _error(read_input, str(path))
    assert_one_sentence(message, str(path), "does not look like English", f"reads as {language}")


def test_english_article_quoting_a_foreign_phrase_is_accepted() -> None:
    text = (
        ENGLISH_REPORT
        + "A banner on the town hall read \u00abSolidarit\u00e9 avec les sinistr\u00e9s\u00bb, "
        "and a volunteer from Lyon said: \u00abNous sommes l\u00e0 pour aider.\u00bb\n"
    )
    assert read_text(text).text == text


def test_html_file_is_extracted_with_metadata(tmp_path: Path) -> None:
    paragraphs = ENGLISH_REPORT.strip().split("\n")
    path = tmp_path / "floods.html"
    path.write_text(news_page(paragraphs), encoding="utf-8")
    article = read_input(str(path))
    assert article.format == "html"
    assert article.title == "Bridge to close for six months of repairs"
    assert article.byline == "Maria Keane"
    assert article.published == "2025-03-18"
    assert article.outlet == "Riverside Gazette"
    assert article.doc_id == "floods"
    # One paragraph per line, the headline on its own line, no navigation or footer.
    lines = article.text.split("\n")
    assert lines[0] == "Bridge to close for six months of repairs"
    for paragraph in paragraphs:
        assert paragraph in lines
    assert "Sport" not in article.text and "All rights reserved" not in article.text


def test_html_is_sniffed_without_an_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved-page"
    path.write_text(news_page(ENGLISH_REPORT.strip().split("\n")), encoding="utf-8")
    article = read_file(path)
    assert article.format == "html"
    assert "<p>" not in article.text


def test_html_subheadings_stay_on_their_own_lines() -> None:
    paragraphs = ENGLISH_REPORT.strip().split("\n")
    extra = "<h2>Roads closed</h2><p>" + ENGLISH_BRIEF + "</p>"
    article = read_html(news_page(paragraphs, extra_after=extra))
    assert "\nRoads closed\n" in article.text


def test_html_charset_from_meta_tag() -> None:
    page = news_page([ENGLISH_BRIEF + " The caf\u00e9 on the corner will stay open."])
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    article = read_bytes(page.encode("cp1252"), origin="page.html", content_type="text/html")
    assert "caf\u00e9 on the corner" in article.text


def test_outlet_falls_back_to_the_url_domain() -> None:
    page = news_page(ENGLISH_REPORT.strip().split("\n"), site=None)
    article = read_html(page, url="https://www.riverside-gazette.co.uk/news/2025/floods-north")
    assert article.outlet == "riverside-gazette.co.uk"
    assert article.url == "https://www.riverside-gazette.co.uk/news/2025/floods-north"
    assert article.doc_id == "floods-north"


def test_html_with_no_article_text(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Riverside Gazette</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        "<div class='gallery'><img src='a.jpg'><img src='b.jpg'></div>"
        "<footer>Copyright 2025</footer></body></html>",
        encoding="utf-8",
    )
    message = _error(read_input, str(path))
    assert_one_sentence(message, str(path), "contains no article text")


def test_non_english_html_page_is_refused() -> None:
    page = news_page(NON_ENGLISH["German"].split(". "), title="Brücke wird gesperrt")
    message = _error(read_html, page, origin="https://example.de/bruecke")
    assert_one_sentence(message, "https://example.de/bruecke", "reads as German")


def test_20_mb_html_page_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    paragraph = f"<p>{ENGLISH_BRIEF}</p>\n".encode()
    with path.open("wb") as f:
        f.write(b"<!DOCTYPE html><html><body><article>")
        for _ in range(20 * 1024 * 1024 // len(paragraph) + 1):
            f.write(paragraph)
        f.write(b"</article></body></html>")
    assert path.stat().st_size > 20 * 1024 * 1024
    message = _error(read_input, str(path))
    assert_one_sentence(message, str(path), "larger than the 10 MB limit")


def test_oversized_stdin_is_refused_with_a_bounded_read() -> None:
    class CountingStream(io.RawIOBase):
        """An endless stream that records how much was asked of it."""

        def __init__(self) -> None:
            self.requested = 0

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            assert size is not None and size >= 0, "unbounded read"
            self.requested += size
            return b"x" * size

    stream = CountingStream()
    message = _error(read_stdin, stream)  # type: ignore[arg-type]
    assert_one_sentence(message, "Standard input", "larger than the 10 MB limit")
    assert stream.requested <= MAX_INPUT_BYTES + 1


def test_stdin_is_read_with_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(ENGLISH_REPORT.encode("utf-16"))

    monkeypatch.setattr("sys.stdin", FakeStdin())
    article = read_input("-")
    assert article.text == ENGLISH_REPORT
    assert article.origin == "-"
    assert article.doc_id == "stdin"


def test_empty_stdin() -> None:
    message = _error(read_stdin, io.BytesIO(b""))
    assert_one_sentence(message, "Standard input", "is empty")


def test_non_http_scheme_is_refused() -> None:
    message = _error(read_input, "ftp://example.com/article.txt")
    assert_one_sentence(message, "ftp://example.com/article.txt", "http or https")


def test_wrong_content_type_bytes_are_refused() -> None:
    message = _error(read_bytes, b"{}", origin="record-17", content_type="application/json")
    assert_one_sentence(message, "record-17", "application/json", "not a web page or plain text")


def test_doc_id_can_be_given() -> None:
    article = read_bytes(ENGLISH_BRIEF.encode(), origin="warc:17", doc_id="rec-17")
    assert article.doc_id == "rec-17"
    assert article.format == "text"


def test_page_without_a_date_gets_none_not_its_copyright_year() -> None:
    article = read_html(news_page(ENGLISH_REPORT.strip().split("\n"), published=None))
    assert article.published is None


def test_visible_publication_date_is_found() -> None:
    page = news_page(ENGLISH_REPORT.strip().split("\n"), published=None)
    page = page.replace("<h1>", '<p class="date">Published July 24, 2025</p><h1>', 1)
    assert read_html(page).published == "2025-07-24"


def test_doc_id_skips_generic_url_segments() -> None:
    page = news_page(ENGLISH_REPORT.strip().split("\n"))
    article = read_html(page, url="https://example.com/2025/07/floods-north/index.html")
    assert article.doc_id == "floods-north"
    assert read_html(page, url="https://example.com/").doc_id == "example.com"


def test_path_with_a_nul_character() -> None:
    message = _error(read_input, "bad\x00name.txt")
    assert "is not a valid file name" in message and "\n" not in message


def test_short_html_article_and_bare_fragment_are_read() -> None:
    assert ENGLISH_BRIEF in read_html(news_page([ENGLISH_BRIEF])).text.split("\n")
    fragment = read_bytes(f"<p>{ENGLISH_BRIEF}</p>".encode(), origin="fragment")
    assert fragment.format == "html"
    assert fragment.text.strip() == ENGLISH_BRIEF


def test_text_longer_than_any_article_is_refused_before_parsing(tmp_path: Path) -> None:
    """A 1.7 MB text is under the byte cap but is no article: it would exceed the parser's
    own limit, so it is refused with the limit named."""
    path = tmp_path / "transcript.txt"
    path.write_text(ENGLISH_REPORT * (1_700_000 // len(ENGLISH_REPORT)), encoding="utf-8")
    message = _error(read_input, str(path))
    assert_one_sentence(message, str(path), "characters of text", "200,000")
    # An article just under the limit is read.
    assert read_text(ENGLISH_REPORT * (150_000 // len(ENGLISH_REPORT)), origin="long.txt")


def test_a_plain_text_headline_becomes_the_title() -> None:
    body = (
        "The council said on Monday that the new bridge over the river would open in May, "
        "two years after work began and six months later than planned at the start."
    )
    article = read_text(f"Bridge to open in May after delays\n{body}\n", origin="bridge.txt")
    assert article.title == "Bridge to open in May after delays"
    # A quoted word at the end of the headline is still a headline.
    quoted = read_text(f"Mayor calls delays ‘unacceptable’\n{body}\n", origin="q.txt")
    assert quoted.title == "Mayor calls delays ‘unacceptable’"


@pytest.mark.parametrize(
    "first_line",
    [
        # a first line that is a sentence is body, not a title
        "ISTANBUL: The council said on Monday that the new bridge would open in May.",
        # a kicker of two words is a label
        "Breaking news",
        # a line as long as a paragraph is not a headline
        (
            "The council said on Monday that the new bridge over the river would open in May "
            "two years after work began and six months later than planned"
        ),
    ],
)
def test_plain_text_first_lines_that_are_not_headlines(first_line: str) -> None:
    rest = (
        "Work on the approach roads will continue through the summer, the council said, and "
        "the old ferry will keep running until the bridge carries its first traffic."
    )
    assert read_text(f"{first_line}\n{rest}\n", origin="x.txt").title is None


@pytest.mark.parametrize("unit", ["a. ", "the talks. ", "Kyiv said "])
def test_the_same_few_words_repeated_are_no_article(tmp_path: Path, unit: str) -> None:
    path = tmp_path / "filler.txt"
    path.write_text(unit * (198_000 // len(unit)), encoding="utf-8")
    message = _error(read_file, path)
    assert_one_sentence(message, str(path), "is not an article", "over and over")


def test_a_long_article_of_real_copy_is_not_taken_for_repetition() -> None:
    # The report and the brief, again and again, are still their own vocabulary: what is
    # refused is a vocabulary far smaller than any article's, not a long text.
    article = read_text((ENGLISH_REPORT + "\n" + ENGLISH_BRIEF + "\n") * 3)
    assert article.text.startswith(ENGLISH_REPORT)
