"""LanguageTool's HTTP API, as its clients (editor plug-ins, browser add-ons,
``language_tool_python``, ``languagetool-rust``) speak it.

- ``GET /v2/languages``: the English variants copydesk checks.
- ``GET`` or ``POST /v2/check``: the parameters as LanguageTool takes them (``text`` or
  ``data``, ``language``, ``enabledRules``, ``disabledRules``, ``enabledCategories``,
  ``disabledCategories``, ``enabledOnly``), any length of text, and the answer in its
  shape. A rule is a finding kind ("copy.non_word"); a category is a kind's family in capitals
  ("SPIN"), except that non-words are LanguageTool's "TYPOS", so that a client that turns
  spelling off turns them off.
- ``/v2/words``: the house's accepted words (`copydesk.house`), which ``/v2/words/add`` and
  ``/v2/words/delete`` change.

Offsets count UTF-16 code units, as JavaScript and Java strings do, into the text exactly as
the client sent it: with ``data`` (annotated text) the markup is left out of the check and
counted in the offsets; the reader's turning CR LF into LF and dropping a byte-order mark is
undone.

A match never offers to rewrite words inside a quotation (a copy editor does not correct a
speaker), and one span gets one match: the most severe finding's, naming the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from copydesk.analysis import Analysed
from copydesk.kinds import BY_CODE
from copydesk.model import Finding
from copydesk.version import __version__

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

#: LanguageTool's category of spelling rules, which clients turn off to stop spell-checking.
TYPOS = ("TYPOS", "Possible Typo")

#: The English variants LanguageTool names, each answered by the same English checks.
VARIANTS = {
    "en": "English",
    "en-US": "English (US)",
    "en-GB": "English (GB)",
    "en-AU": "English (Australian)",
    "en-CA": "English (Canadian)",
    "en-NZ": "English (New Zealand)",
    "en-ZA": "English (South African)",
}


def _model_config() -> ConfigDict:
    return ConfigDict(alias_generator=to_camel, populate_by_name=True)


class Language(BaseModel):
    """One language a LanguageTool server checks."""

    model_config = _model_config()
    name: str
    code: str
    long_code: str


class Software(BaseModel):
    model_config = _model_config()
    name: str = "copydesk"
    version: str = __version__
    build_date: str
    api_version: int = 1
    premium: bool = False
    status: str = ""


class Warnings(BaseModel):
    model_config = _model_config()
    incomplete_results: bool = False


class DetectedLanguage(BaseModel):
    model_config = _model_config()
    name: str
    code: str
    confidence: float = 1.0


class CheckedLanguage(BaseModel):
    model_config = _model_config()
    name: str
    code: str
    detected_language: DetectedLanguage


class Replacement(BaseModel):
    value: str


class Context(BaseModel):
    text: str
    offset: int
    length: int


class MatchType(BaseModel):
    model_config = _model_config()
    type_name: str = Field(
        description="'UnknownWord' for a word no dictionary knows, else 'Other'."
    )


class Category(BaseModel):
    id: str
    name: str


class Rule(BaseModel):
    model_config = _model_config()
    id: str = Field(description="The finding's kind, as copydesk names it ('copy.non_word').")
    description: str
    issue_type: str
    category: Category


class Match(BaseModel):
    model_config = _model_config()
    message: str
    short_message: str
    replacements: list[Replacement]
    offset: int = Field(description="UTF-16 code units into the text as sent.")
    length: int
    context: Context
    sentence: str
    type: MatchType
    rule: Rule
    ignore_for_incomplete_sentence: bool = False
    context_for_sure_match: int = 0


class CheckResponse(BaseModel):
    """The answer to ``/v2/check``."""

    model_config = _model_config()
    software: Software
    warnings: Warnings
    language: CheckedLanguage
    matches: list[Match]


class Words(BaseModel):
    """The house's accepted words."""

    words: list[str]


class WordAdded(BaseModel):
    added: bool


class WordDeleted(BaseModel):
    deleted: bool


class ParameterError(ValueError):
    """A request LanguageTool would refuse, in one sentence."""


@dataclass(frozen=True, slots=True)
class Request:
    """The parameters of a ``/v2/check``, read as LanguageTool reads them."""

    sent: str  # the text as the client sent it: with ``data``, every part, markup included
    plain: str  # what is checked: the text, each markup as what it is to be read as
    to_sent: tuple[int, ...]  # for each offset 0..len(plain) into ``plain``, one into ``sent``
    language: str
    enabled_rules: frozenset[str]
    disabled_rules: frozenset[str]
    enabled_categories: frozenset[str]
    disabled_categories: frozenset[str]
    enabled_only: bool

    def active(self, rule: str, category: str) -> bool:
        """Whether a rule of ``category`` is to be reported."""
        if self.enabled_only:
            return rule in self.enabled_rules or category in self.enabled_categories
        return rule not in self.disabled_rules and category not in self.disabled_categories


def read_request(fields: Mapping[str, str]) -> Request:
    """A check's parameters; a `ParameterError` says what LanguageTool would refuse."""
    text, data = fields.get("text"), fields.get("data")
    if text is None and data is None:
        raise ParameterError("Missing 'text' or 'data' parameter.")
    if text is not None and data is not None:
        raise ParameterError("Set only 'text' or 'data', not both.")
    if text is not None:
        sent, plain, to_sent = text, text, tuple(range(len(text) + 1))
    else:
        sent, plain, to_sent = _annotated(data or "")
    language = fields.get("language", "").strip()
    if not language:
        raise ParameterError("Missing 'language' parameter; use 'en-US' or 'auto'.")
    if language.lower() != "auto" and _variant(language) is None:
        raise ParameterError(
            f"copydesk checks English only, not {language!r}; use 'en-US' or 'auto'."
        )
    enabled_only = fields.get("enabledOnly", "false").strip().lower() == "true"
    request = Request(
        sent=sent,
        plain=plain,
        to_sent=to_sent,
        language=language,
        enabled_rules=_listed(fields.get("enabledRules")),
        disabled_rules=_listed(fields.get("disabledRules")),
        enabled_categories=_listed(fields.get("enabledCategories")),
        disabled_categories=_listed(fields.get("disabledCategories")),
        enabled_only=enabled_only,
    )
    if enabled_only and not (request.enabled_rules or request.enabled_categories):
        raise ParameterError(
            "enabledOnly=true needs the rules or categories to enable (enabledRules, "
            "enabledCategories)."
        )
    return request


def _listed(value: str | None) -> frozenset[str]:
    return frozenset(v.strip() for v in (value or "").split(",") if v.strip())


def _variant(code: str) -> str | None:
    """LanguageTool's long code for an English ``code`` ("en-us" -> "en-US")."""
    for known in VARIANTS:
        if known.lower() == code.strip().lower():
            return known
    return None


def _annotated(data: str) -> tuple[str, str, tuple[int, ...]]:
    """LanguageTool's annotated text (``{"annotation": [{"text": ...}, {"markup": ...,
    "interpretAs": ...}]}``): the text as sent (every part), the text checked, and the map
    from one to the other."""
    try:
        parsed = json.loads(data)
    except ValueError:
        raise ParameterError("'data' is not valid JSON.") from None
    parts = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(parts, list):
        raise ParameterError("'data' must be a JSON object with an 'annotation' list.")
    sent: list[str] = []
    plain: list[str] = []
    to_sent: list[int] = []
    at = 0  # offset into the text as sent
    for part in parts:
        if not isinstance(part, dict):
            raise ParameterError("Each part of 'data' must be an object.")
        text, markup = part.get("text"), part.get("markup")
        if isinstance(text, str) and markup is None:
            sent.append(text)
            plain.append(text)
            to_sent.extend(range(at, at + len(text)))
            at += len(text)
        elif isinstance(markup, str) and text is None:
            shown = part.get("interpretAs", "")
            if not isinstance(shown, str):
                raise ParameterError("'interpretAs' in 'data' must be a string.")
            sent.append(markup)
            plain.append(shown)
            to_sent.extend([at] * len(shown))
            at += len(markup)
        else:
            raise ParameterError("Each part of 'data' has either 'text' or 'markup'.")
    to_sent.append(at)
    return "".join(sent), "".join(plain), tuple(to_sent)


def languages() -> list[Language]:
    return [Language(name=name, code="en", long_code=code) for code, name in VARIANTS.items()]


def build_date() -> str:
    """When this copy of copydesk was built: its package's files' time, as LanguageTool
    gives its own ("2024-03-28 10:24:48 +0000")."""
    stamp = Path(__file__).resolve().parents[1].joinpath("__init__.py").stat().st_mtime
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M:%S +0000")


def empty_answer(request: Request) -> CheckResponse:
    return _response(request, [])


def answer(request: Request, findings: Iterable[Finding], analysed: Analysed) -> CheckResponse:
    """The ``/v2/check`` answer for ``findings``, from the check of ``request.plain`` that
    the reader read as ``analysed``."""
    read = analysed.doc.text
    to_plain = code_point_map(request.plain, read)
    sent = request.sent
    units = utf16_offsets(sent)
    quotes = [q.span for q in analysed.ledger.quotations if q.marked]
    shown = [f for f in findings if request.active(f.kind, _category(f.kind)[0])]
    matches = []
    for group in _by_span(shown):
        f = group[0]
        start = request.to_sent[to_plain[f.span.start]]
        end = max(start, request.to_sent[to_plain[f.span.end]])
        left, right = max(0, start - CONTEXT_CHARS), min(len(sent), end + CONTEXT_CHARS)
        in_quote = any(q.overlaps(f.span) for q in quotes)
        category = _category(f.kind)
        message = f.message
        if len(group) > 1:
            message += " Also: " + " ".join(other.message for other in group[1:])
        over = analysed.doc.sentences_over(f.span)
        sentence = next((s.text for s in over if s.span.contains(f.span)), None)
        matches.append(
            Match(
                message=message,
                short_message=_short(f.kind),
                replacements=[]
                if in_quote
                else [Replacement(value=v) for v in _replacements(f, analysed)],
                offset=units[start],
                length=units[end] - units[start],
                context=Context(
                    text=sent[left:right],
                    offset=units[start] - units[left],
                    length=units[end] - units[start],
                ),
                sentence=sentence or sent[left:right],
                type=MatchType(type_name="UnknownWord" if f.kind == NON_WORD else "Other"),
                rule=Rule(
                    id=f.kind,
                    description=BY_CODE[f.kind].meaning,
                    issue_type="misspelling"
                    if f.kind == NON_WORD
                    else ISSUE_TYPES.get(f.kind.split(".", 1)[0], "uncategorized"),
                    category=Category(id=category[0], name=category[1]),
                ),
            )
        )
    return _response(request, matches)


def _response(request: Request, matches: list[Match]) -> CheckResponse:
    code = _variant(request.language) or "en-US"
    name = VARIANTS[code]
    return CheckResponse(
        software=Software(build_date=build_date()),
        warnings=Warnings(),
        language=CheckedLanguage(
            name=name, code=code, detected_language=DetectedLanguage(name=name, code=code)
        ),
        matches=matches,
    )


def _by_span(findings: Iterable[Finding]) -> list[list[Finding]]:
    """The findings grouped by their span, most severe first in each group, in text order."""
    groups: dict[tuple[int, int], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.span.start, f.span.end), []).append(f)
    return [
        sorted(group, key=lambda f: -f.severity.rank)
        for _, group in sorted(groups.items(), key=lambda item: item[0])
    ]


def _replacements(f: Finding, analysed: Analysed) -> list[str]:
    """What a client may put in place of the span: the words a non-word's message offers,
    in its order (never one of them alone, as a guess); else the finding's one suggestion."""
    if f.kind == NON_WORD:
        from copydesk.checks.copy import SUGGESTIONS_SHOWN, suggestions

        doc = analysed.doc
        tok = next((t for t in doc.tokens if t.start <= f.span.start < t.end), None)
        return suggestions(f.span.of(doc.text), tok)[:SUGGESTIONS_SHOWN]
    return [f.suggestion] if f.suggestion else []


def _category(kind: str) -> tuple[str, str]:
    if kind == NON_WORD:
        return TYPOS
    family = kind.split(".", 1)[0]
    return family.upper(), family.capitalize()


def code_point_map(sent: str, read: str) -> list[int]:
    """For each offset 0..len(read) into ``read`` (the text as the reader kept it), the
    offset into ``sent`` (the text as the client sent it).

    The reader drops a leading byte-order mark and turns CR LF and lone CR into LF; any
    other difference means the texts are not aligned, and the offsets are kept as they are
    (within ``sent``).
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
            return [min(k, len(sent)) for k in range(len(read) + 1)]
    out.append(i)
    return out


def utf16_offsets(text: str) -> list[int]:
    """For each code-point offset 0..len(text), the offset in UTF-16 code units."""
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return out


def _short(code: str) -> str:
    """'copy.non_word' → 'Non word'."""
    return code.split(".", 1)[-1].replace("_", " ").capitalize()
