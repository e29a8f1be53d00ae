"""Page junk and declared sources: marked with their spans, body text left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from read_fixtures import ENGLISH_BRIEF, ENGLISH_REPORT, news_page

from copydesk.read import find_page_junk, read_file, read_html, read_text


def _marked(text: str) -> list[tuple[str, str, str]]:
    return [(e.reason, e.label, e.span.of(text)) for e in find_page_junk(text).excluded]


def test_seed_article_junk_and_declared_source(seed_dir: Path) -> None:
    article = read_file(seed_dir / "article.txt")
    found = {e.span.of(article.text): e for e in article.excluded}
    assert set(found) == {"twitter.com/0JQ1fGyaPC", "Leave a Reply", "Source: Aljazeera"}
    assert found["twitter.com/0JQ1fGyaPC"].reason == "junk"
    assert found["Leave a Reply"].reason == "junk"
    assert found["Leave a Reply"].label == "comment form"
    assert found["Source: Aljazeera"].reason == "declared_source"
    assert article.declared_source == "Aljazeera"
    # The text is kept as read; the body blanks the junk but keeps every offset.
    assert article.text == (seed_dir / "article.txt").read_text(encoding="utf-8")
    assert len(article.body) == len(article.text)
    assert "twitter.com" not in article.body and "Leave a Reply" not in article.body
    # Only the link is marked, not the paragraph it trails.
    link = found["twitter.com/0JQ1fGyaPC"].span
    line_start = article.text.rfind("\n", 0, link.start) + 1
    assert article.text[line_start:].startswith("Rustem Umerov, the head of")
    assert article.body[line_start : link.start].rstrip().endswith("being implemented.")


def test_seed_coverage_ad_widget_and_furniture(seed_dir: Path) -> None:
    path = seed_dir / "coverage" / "13_timesofindia_via_daily8.txt"
    text = path.read_text(encoding="utf-8")
    marked = {span: label for _, label, span in _marked(text)}
    for furniture in ("logo", "by Taboola", "Sponsored Links", "You May Like", "Undo"):
        assert furniture in marked
    # The sponsored headline and advertiser listed inside the widget go with it.
    assert marked["100 free family-friendly activities comes to the heartlands"] == "advertising"
    assert marked["Yayasan Mendaki"] == "advertising"
    # Body lines, including the broken ones around it, are untouched.
    article = read_file(path)
    assert "The Kremlin's team is headed by political aide" in article.body
    assert "Volodymyr Zelensky\nand Russian President" in article.body


def test_seed_coverage_e_paper_line_and_wire_credit(seed_dir: Path) -> None:
    dawn = (seed_dir / "coverage" / "07_dawn.txt").read_text(encoding="utf-8")
    assert ("junk", "page furniture", "E-Paper | July 24, 2025") in _marked(dawn)
    sun = read_file(seed_dir / "coverage" / "01_thesun_my.txt")
    assert sun.declared_source == "AFP"
    (credit,) = sun.excluded
    assert credit.span.of(sun.text) == "- AFP"
    assert sun.body.rstrip().endswith("prospects for a breakthrough remain slim.")


def test_seed_source_and_plain_coverage_have_no_junk(seed_dir: Path) -> None:
    for path in [seed_dir / "source.txt", *sorted((seed_dir / "coverage").glob("*.txt"))]:
        if path.name.startswith(("03_", "10_")) or path.name == "source.txt":
            assert _marked(path.read_text(encoding="utf-8")) == [], path.name


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Leave a comment", "comment form"),
        ("Cancel reply", "comment form"),
        ("Post Comment", "comment form"),
        ("Your email address will not be published. Required fields are marked *", "comment form"),
        ("Share this:", "share line"),
        ("Click to share on Facebook (Opens in new window)", "share line"),
        ("Share on WhatsApp", "share line"),
        ("Subscribe to our newsletter", "follow or subscribe line"),
        ("Follow us on Telegram for the latest updates", "follow or subscribe line"),
        ("Add riversidegazette.com As A Trusted Source", "follow or subscribe line"),
        ("Make us your preferred source on Google", "follow or subscribe line"),
        ("Advertisement", "advertising"),
        ("Story continues below advertisement", "advertising"),
        ("Promoted Links", "advertising"),
        ("You might also like", "recommendation"),
        ("READ MORE: Council approves new bus lanes", "recommendation"),
        ("Riverside Gazette logo", "logo"),
        ("Published 18 March 2025, 08:30 GMT", "date line"),
        ("(Reporting by Tom Reed; Editing by Ann Lowe)", "credit line"),
        ("pic.twitter.com/Ab3dEf9XyZ", "embed link"),
        ("https://t.co/xY12abCD", "embed link"),
        ("https://www.riversidegazette.com/news/bridge", "link"),
    ],
)
def test_furniture_lines_are_marked(line: str, label: str) -> None:
    text = f"{ENGLISH_BRIEF}\n{line}\n{ENGLISH_REPORT}"
    assert _marked(text) == [("junk", label, line)]


@pytest.mark.parametrize(
    ("footer", "name"),
    [
        ("Source: Reuters", "Reuters"),
        ("(Source: AFP)", "AFP"),
        ("Source - BBC", "BBC"),
        ("Sources: Reuters, AFP", "Reuters, AFP"),
        ("With inputs from PTI", "PTI"),
        ("Courtesy: The Daily Star", "The Daily Star"),
    ],
)
def test_declared_source_footer(footer: str, name: str) -> None:
    text = f"{ENGLISH_REPORT}{footer}\n"
    article = read_text(text)
    assert article.declared_source == name
    assert [(e.reason, e.label, e.span.of(text)) for e in article.excluded] == [
        ("declared_source", "declared source", footer)
    ]


def test_declared_source_trailing_the_last_paragraph() -> None:
    text = ENGLISH_BRIEF + " Source: Reuters"
    article = read_text(text)
    assert article.declared_source == "Reuters"
    assert [e.span.of(text) for e in article.excluded] == ["Source: Reuters"]
    assert article.body.rstrip().endswith("appeal the decision.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Share prices fell sharply on Tuesday after the bank reported a loss.",
        "The minister did not reply to a request for comment.",
        "Residents were asked to leave a reply on the council's website by Friday.",
        "Readers can share their views at a public meeting on Thursday.",
        "Source: a senior official told reporters the plan would be dropped.",
        "Follow the money, investigators were told.",
        "Register of voters to be published on Monday",
        "Copyright lawyers said the ruling would be appealed.",
        "Advertisement revenue at the paper fell by a third last year.",
        "The bloodshed continues",
        "Zelenskyy outlines modest goals.",
        "Leave a Reply, a play about online trolls, opens at the Lyric on Friday.",
    ],
)
def test_prose_and_subheadings_mentioning_furniture_words_are_body(sentence: str) -> None:
    text = f"{ENGLISH_BRIEF}\n{sentence}\n{ENGLISH_REPORT}"
    assert _marked(text) == []
    assert read_text(text).declared_source is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Details are on the council website at www.riverside.gov.uk/bridge and at libraries.",
        "Applications open at https://example.org/apply on Monday, officials said.",
        "More information is available from www.riverside.gov.uk/bridge",
        "Her post on x.com was shared widely before it was deleted.",
    ],
)
def test_a_url_inside_prose_keeps_the_prose(sentence: str) -> None:
    text = f"{ENGLISH_BRIEF}\n{sentence}\n"
    assert _marked(text) == []


def test_link_trailing_a_finished_sentence_is_marked_alone() -> None:
    sentence = "The council published the inspection report on Tuesday."
    link = "https://www.riverside.gov.uk/reports/bridge-2025.pdf"
    text = f"{ENGLISH_BRIEF}\n{sentence} {link}\n"
    assert _marked(text) == [("junk", "link", link)]
    assert sentence in read_text(text).body


def test_embed_host_link_trailing_unpunctuated_line_is_marked() -> None:
    line = "The mayor posted a video of the cracked supports t.co/Qw3rTy7Uio"
    text = f"{ENGLISH_BRIEF}\n{line}\n"
    assert _marked(text) == [("junk", "embed link", "t.co/Qw3rTy7Uio")]


def test_tweet_embed_leftovers() -> None:
    tweet = "The bridge is closed from today. Ferry times below. pic.twitter.com/Zx81KdQw2m"
    signature = "\u2014 Riverside Council (@RiversideCC) March 18, 2025"
    text = f"{ENGLISH_BRIEF}\n{tweet}\n{signature}\n{ENGLISH_REPORT}"
    assert _marked(text) == [
        ("junk", "embed link", "pic.twitter.com/Zx81KdQw2m"),
        ("junk", "embed signature", signature),
    ]


def test_junk_in_extracted_html_is_marked() -> None:
    extra = (
        "<p>Share this:</p><div id='respond'><h3>Leave a Reply</h3>"
        "<p>Your email address will not be published. Required fields are marked *</p></div>"
        "<p>Source: Reuters</p>"
    )
    article = read_html(news_page(ENGLISH_REPORT.strip().split("\n"), extra_after=extra))
    marked = {e.span.of(article.text): e.reason for e in article.excluded}
    assert marked.get("Leave a Reply") == "junk"
    assert marked.get("Source: Reuters") == "declared_source"
    assert article.declared_source == "Reuters"
    assert "Forecasters expect the rain to ease" in article.body


WORDPRESS_FOOTER = """Share this:
Twitter
Facebook
Like this:
Like Loading...
Related
Leave a Reply Cancel reply
Your email address will not be published. Required fields are marked *
Comment *
Name *
Email *
Website
Save my name, email, and website in this browser for the next time I comment.
\u0394
This site uses Akismet to reduce spam. Learn how your comment data is processed."""


def test_wordpress_share_bar_and_comment_form_are_marked_line_by_line() -> None:
    text = f"{ENGLISH_REPORT}{WORDPRESS_FOOTER}\n"
    article = read_text(text)
    marked = [e.span.of(text) for e in article.excluded]
    assert marked == WORDPRESS_FOOTER.split("\n")
    labels = {e.span.of(text): e.label for e in article.excluded}
    assert labels["Twitter"] == "share line"
    assert labels["Website"] == "comment form"
    assert article.body.strip() == ENGLISH_REPORT.strip()


def test_subheading_after_a_share_bar_stays_body() -> None:
    text = f"{ENGLISH_BRIEF}\nShare this:\nRoads closed\n{ENGLISH_REPORT}Leave a Reply\n"
    marked = [span for _, _, span in _marked(text)]
    assert marked == ["Share this:", "Leave a Reply"]


def test_photo_captions_end_at_their_credit() -> None:
    text = (
        "Ferries lined up at the repaired pier in Valdora on Tuesday.\n\n"
        "Workers lift the last section of the pier into place, Monday, May 3. The repairs cost "
        "2 million euros. (AP Photo/Jo Roe) Passengers wait for the bus link, Sunday. (Photo by "
        "Ann Lee/Getty Images)\n\n"
        "The authority said the first crossing was planned for Monday morning."
    )
    captions = [span for _, label, span in _marked(text) if label == "photo caption"]
    assert captions == [
        (
            "Workers lift the last section of the pier into place, Monday, May 3. The repairs cost "
            "2 million euros. (AP Photo/Jo Roe)"
        ),
        "Passengers wait for the bus link, Sunday. (Photo by Ann Lee/Getty Images)",
    ]
