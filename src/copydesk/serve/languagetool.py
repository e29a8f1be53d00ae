"""A report's findings as a LanguageTool ``/v2/check`` answer.

LanguageTool clients (editor plug-ins, browser add-ons) count offsets in UTF-16 code units,
as JavaScript and Java strings do; copydesk's spans count Python code points. Every offset
and length here is converted, against the text exactly as the client sent it (the reader
turns CR LF into LF and drops a leading byte-order mark, which moves every later offset).
"""

from __future__ import annotations

from typing import Any

from copydesk import __version__, kinds
from copydesk.report.schema import Report

# Characters of the client's text shown on each side of a match in its ``context``.
# LanguageTool's own server shows about 40 (its ``contextSize`` default); editors draw the
# context as one line in a tooltip, where 40 a side fits.
CONTEXT_CHARS = 40

# LanguageTool's ``issueType`` (a client colours its underline by it) for each family.
ISSUE_TYPES = {
    "copy": "typographical",
    "attribution": "style",
    "consistency": "inconsistency",
    "spin": "style",
    "source": "inconsistency",
    "corroboration": "inconsistency",
}
NON_WORD = "copy.non_word"

LANGUAGE = {"name": "English", "code": "en-US"}


def is_english(code: str) -> bool:
    """Whether a LanguageTool ``language`` field asks for English (``en``, ``en-GB``, ``auto``)."""
    code = code.strip().lower()
    return code in ("auto", "en") or code.startswith("en-")


def code_point_map(sent: str, read: str) -> list[int]:
    """For each offset 0..len(read) into ``read`` (the text as the reader kept it), the
    offset into ``sent`` (the text as the client sent it).

    The reader drops a leading byte-order mark and turns CR LF and lone CR into LF; any
    other difference means the texts are not aligned, and the offsets are kept as they are.
    """
    out: list[int] = []
    i = 1 if sent.startswith("\ufeff") else 0
    for ch in read:
        out.append(i)
        if i < len(sent) and sent[i] == ch:
            i += 1
        elif ch == "\n" and sent.startswith("\r\n", i):
            i += 2
        elif ch == "\n" and i < len(sent) and sent[i] == "\r":
            i += 1
        else:
            return list(range(len(read) + 1))
    out.append(i)
    return out


def utf16_offsets(text: str) -> list[int]:
    """For each code-point offset 0..len(text), the offset in UTF-16 code units."""
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return out


def languagetool_answer(report: Report, sent: str, read: str) -> dict[str, Any]:
    """The ``/v2/check`` body for ``report``, a check of ``sent`` that the reader read as
    ``read`` (the report's article text)."""
    to_sent = code_point_map(sent, read)
    units = utf16_offsets(sent)
    matches = []
    for f in report.findings:
        start, end = to_sent[f.span.start], to_sent[f.span.end]
        left = max(0, start - CONTEXT_CHARS)
        right = min(len(sent), end + CONTEXT_CHARS)
        family = f.kind.split(".", 1)[0]
        kind = kinds.BY_CODE[f.kind]
        matches.append(
            {
                "message": f.message,
                "shortMessage": _short(f.kind),
                "replacements": [{"value": f.suggestion}] if f.suggestion else [],
                "offset": units[start],
                "length": units[end] - units[start],
                "context": {
                    "text": sent[left:right],
                    "offset": units[start] - units[left],
                    "length": units[end] - units[start],
                },
                "sentence": f.sentence.text if f.sentence else sent[left:right],
                "type": {"typeName": "Other"},
                "rule": {
                    "id": f.kind,
                    "description": kind.meaning,
                    "issueType": "misspelling"
                    if f.kind == NON_WORD
                    else ISSUE_TYPES.get(family, "uncategorized"),
                    "category": {"id": family.upper(), "name": family.capitalize()},
                },
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            }
        )
    return {
        "software": {
            "name": "copydesk",
            "version": __version__,
            "buildDate": None,
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {
            **LANGUAGE,
            "detectedLanguage": {**LANGUAGE, "confidence": 1.0},
        },
        "matches": matches,
    }


def _short(code: str) -> str:
    """'copy.non_word' → 'Non word'."""
    return code.split(".", 1)[-1].replace("_", " ").capitalize()
