"""`SpanIndex` answers as a scan of every span would, in the same order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from copydesk.model import Span, SpanIndex

_spans = st.builds(
    lambda start, length: Span(start, start + length),
    st.integers(0, 60),
    st.integers(0, 15),
)


@given(st.lists(_spans, max_size=30), _spans)
def test_containing_and_overlapping_match_a_scan(spans: list[Span], probe: Span) -> None:
    index = SpanIndex(spans)
    assert index.containing(probe) == [i for i, s in enumerate(spans) if s.contains(probe)]
    assert index.overlapping(probe) == [i for i, s in enumerate(spans) if s.overlaps(probe)]
