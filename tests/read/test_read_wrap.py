"""Hard-wrapped text is read as the sentences it wraps, with every offset kept."""

from __future__ import annotations

from copydesk.analysis import analyse
from copydesk.read import read_text
from copydesk.read.wrap import soft_breaks

WRAPPED = """Ferry service to resume next week
* Repairs to the main pier finished early
* First crossing planned for Monday

VALDORA, May 4 Harbour officials said on Tuesday that the ferry
service would resume next week after repairs to the main pier were
finished ahead of schedule, and that passengers had not yet been
told when the first crossing would leave the island.
    The regional transport authority said the repairs had cost about
2 million euros and were paid for from an emergency fund set up after
the storm in March. Passengers have used a temporary bus link since.
"""


def test_breaks_inside_sentences_are_soft_and_the_rest_are_kept() -> None:
    soft = soft_breaks(WRAPPED)
    assert all(WRAPPED[at] == "\n" for at in soft)
    joined = "".join(" " if i in soft else c for i, c in enumerate(WRAPPED))
    lines = [line.strip() for line in joined.split("\n") if line.strip()]
    assert lines == [
        "Ferry service to resume next week",
        "* Repairs to the main pier finished early",
        "* First crossing planned for Monday",
        (
            "VALDORA, May 4 Harbour officials said on Tuesday that the ferry service would resume "
            "next week after repairs to the main pier were finished ahead of schedule, and that "
            "passengers had not yet been told when the first crossing would leave the island."
        ),
        (
            "The regional transport authority said the repairs had cost about 2 million euros and "
            "were paid for from an emergency fund set up after the storm in March. Passengers have "
            "used a temporary bus link since."
        ),
    ]


def test_the_parse_reads_whole_sentences_and_keeps_the_text() -> None:
    article = read_text(WRAPPED)
    assert article.text == WRAPPED and len(article.body) == len(WRAPPED)
    sentences = [s.text for s in analyse(article).doc.sentences]
    assert any(s.startswith("VALDORA") and s.endswith("leave the island.") for s in sentences)
    assert all(WRAPPED[s.start : s.end] == s.text for s in analyse(article).doc.sentences)


def test_text_stored_one_paragraph_per_line_is_left_as_it_is() -> None:
    text = WRAPPED.replace("\n", " ").replace("  ", "\n\n")
    assert soft_breaks(text) == ()
    headline = "Ferry service to resume next week\nVALDORA (Reuters) - Harbour officials said."
    assert soft_breaks(headline) == ()


def test_a_stray_break_inside_a_sentence_is_read_as_a_space() -> None:
    text = (
        "Harbour officials said the ferry would resume next week.\n"
        "The operator had previously\ntold the council it expected to sail in March.\n"
        "Latest Updates From The Harbour Office\nferry timetables are posted daily.\n"
    )
    (soft,) = soft_breaks(text)
    assert text[soft - len("previously") : soft + 5] == "previously\ntold"
    sentences = [s.text for s in analyse(read_text(text)).doc.sentences]
    assert "The operator had previously told the council it expected to sail in March." in [
        " ".join(s.split()) for s in sentences
    ]
