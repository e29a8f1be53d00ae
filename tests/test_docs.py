"""The code on docs/api.md and in the README runs as written, so neither can rot."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _run_blocks(page: Path) -> dict[str, Any]:
    """Run the page's Python blocks in order, in one namespace, from the repository root."""
    namespace: dict[str, Any] = {"__name__": "docs"}
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    assert blocks, f"{page.name} has no Python block"
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"{page.name}, block {number}", "exec"), namespace)  # noqa: S102
    return namespace


def test_the_api_page_runs_against_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace = _run_blocks(ROOT / "docs" / "api.md")
    # what the page ends with: a comparison, a corroboration and a filtered report
    assert namespace["compared"].comparison is not None
    assert namespace["corroborated"].corroboration.verdicts
    assert namespace["summary"].filtered.min_severity.value == "major"


def test_the_readme_offset_conversions_count_what_they_say() -> None:
    namespace = _run_blocks(ROOT / "README.md")
    text = "Zürich 😀 officials said “no”."
    said = text.index("said")
    # "😀" is one code point, two UTF-16 code units and four UTF-8 bytes; "ü" two bytes
    assert namespace["utf16_offset"](text, said) == said + 1
    assert namespace["utf8_offset"](text, said) == said + 1 + 3
    assert text[said:].encode("utf-16-le") == text.encode("utf-16-le")[2 * (said + 1) :]
