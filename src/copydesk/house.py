"""A newsroom's house style, read from a ``copydesk.toml``.

Every newsroom has words it spells its own way ("nearshoring"), names it writes as their
owners do ("bell hooks"), reporting verbs it allows beside "said", and findings it does not
want. One file says so, read by every entry point (``check``, ``compare``, ``scan``,
``serve``): given with ``--config``, or ``copydesk.toml`` in the working directory::

    min_severity = "minor"           # leave out findings below this (info, minor, major)

    [words]
    accept = ["nearshoring", "doomscrolling"]   # words the house spells so
    names = ["bell hooks"]                       # names the house writes so
    file = "house-words.txt"                     # more words, one a line (LanguageTool's
                                                 # /v2/words/add writes here)

    [reporting]
    allow = ["stated"]                # reporting verbs the house allows beside "said"

    [kinds]
    ignore = ["spin.editorial_word"]                 # kinds or families never reported
    severity = { "attribution.loaded_verb" = "minor" }   # a kind's severity in this house

An accepted word or name is not an error at all: its findings are dropped before the
rewording score is read, so the score no longer counts it. The kinds to ignore and the least
severity only choose what a report shows (`copydesk.filtering`), as ``--ignore`` and
``--min-severity`` do; the command line adds to them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from copydesk.errors import InputError
from copydesk.filtering import FAMILIES, FindingFilter
from copydesk.kinds import BY_CODE
from copydesk.model import Finding, Severity
from copydesk.nlp.annotate import Annotated

#: The file looked for in the working directory when no ``--config`` is given.
DEFAULT_NAME = "copydesk.toml"

#: Families whose findings are about the words themselves: an accepted word ends them.
WORD_FAMILIES = frozenset({"copy", "spin"})

#: Kinds whose finding is about a reporting verb: a verb the house allows ends them.
REPORTING_KINDS = frozenset(
    {"spin.odd_reporting_verb", "attribution.loaded_verb", "attribution.loaded_verb_pattern"}
)

#: The settings a file may hold, by table ("" for the top level).
SETTINGS: dict[str, frozenset[str]] = {
    "": frozenset({"min_severity", "words", "reporting", "kinds"}),
    "words": frozenset({"accept", "names", "file"}),
    "reporting": frozenset({"allow"}),
    "kinds": frozenset({"ignore", "severity"}),
}

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """What a house accepts and how it wants findings reported."""

    words: frozenset[str] = frozenset()  # accepted words and names, in lower case
    reporting_verbs: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    severity: tuple[tuple[str, Severity], ...] = ()  # (kind, its severity in this house)
    min_severity: Severity | None = None
    path: Path | None = None  # the file read, if any
    words_file: Path | None = None  # where added words are kept

    def keep(
        self, least: str | None = None, ignore: Iterable[str] = (), option: str = "--ignore"
    ) -> FindingFilter:
        """The findings a report shows: those of ``least`` severity or above (else the
        house's least, else all) whose kinds neither ``ignore`` (the command line's or a
        request's ``option``) nor the house leave out; an unknown kind is an `InputError`."""
        chosen = least or (self.min_severity.value if self.min_severity else "info")
        return FindingFilter.of(chosen, [*self.ignore, *ignore], option=option)

    def with_words(self, added: Iterable[str], removed: Iterable[str] = ()) -> HouseStyle:
        gone = {w.strip().lower() for w in removed}
        return replace(self, words=(self.words | _lowered(added)) - gone)

    def apply(self, findings: Iterable[Finding], doc: Annotated) -> list[Finding]:
        """``findings`` less those the house accepts, each at the house's severity for its
        kind."""
        severities = dict(self.severity)
        out = []
        for f in findings:
            if self.accepts(f, doc):
                continue
            severity = severities.get(f.kind)
            out.append(f if severity is None else replace(f, severity=severity))
        return out

    def accepts(self, finding: Finding, doc: Annotated) -> bool:
        """Whether ``finding`` is about an accepted word or name, or an allowed verb."""
        if finding.kind in REPORTING_KINDS and self.reporting_verbs:
            return any(
                t.lemma.lower() in self.reporting_verbs or t.text.lower() in self.reporting_verbs
                for t in doc.tokens_in(finding.span)
            )
        if finding.kind.split(".", 1)[0] not in WORD_FAMILIES or not self.words:
            return False
        written = finding.span.of(doc.text).strip().lower()
        if written in self.words:
            return True
        found = _WORD.findall(written)
        return bool(found) and all(w in self.words for w in found)


#: No house style: every finding as copydesk reports it.
PLAIN = HouseStyle()


def load(path: str | Path | None = None, *, cwd: Path | None = None) -> HouseStyle:
    """The house style in ``path``, or in ``copydesk.toml`` in ``cwd`` (the working
    directory) when no path is given; `PLAIN` when there is none. A file that cannot be read
    or holds a setting copydesk does not know is an `InputError`."""
    if path is None:
        found = (cwd or Path.cwd()) / DEFAULT_NAME
        if not found.is_file():
            return PLAIN
        path = found
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"There is no house-style file at {path}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"The house-style file {path} cannot be read: {exc}.") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"The house-style file {path} is not valid TOML: {exc}.") from None
    return _style(data, path)


def _style(data: dict[str, Any], path: Path) -> HouseStyle:
    _known(data, "", path)
    words_table = _table(data, "words", path)
    reporting = _table(data, "reporting", path)
    kinds_table = _table(data, "kinds", path)
    words = _lowered(_strings(words_table, "accept", path))
    words |= _lowered(_strings(words_table, "names", path))
    words_file = None
    if "file" in words_table:
        if not isinstance(words_table["file"], str):
            raise InputError(f"{path}: [words] file must be a path in quotes.")
        words_file = path.parent / words_table["file"]
        words |= _lowered(read_words(words_file))
    ignore = frozenset(_strings(kinds_table, "ignore", path))
    for name in sorted(ignore):
        if name not in BY_CODE and name not in FAMILIES:
            raise InputError(f"{path}: [kinds] ignore names an unknown kind, {name!r}.")
    severity = {}
    for kind, value in _table(kinds_table, "severity", path).items():
        if kind not in BY_CODE:
            raise InputError(f"{path}: [kinds] severity names an unknown kind, {kind!r}.")
        severity[kind] = _severity(value, f"[kinds] severity for {kind}", path)
    minimum = data.get("min_severity")
    return HouseStyle(
        words=words,
        reporting_verbs=_lowered(_strings(reporting, "allow", path)),
        ignore=ignore,
        severity=tuple(sorted(severity.items())),
        min_severity=None if minimum is None else _severity(minimum, "min_severity", path),
        path=path,
        words_file=words_file,
    )


def read_words(path: Path) -> list[str]:
    """The words in a house word file, one a line; blank lines and "#" comments skipped. A
    file not made yet holds none."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"The house word file {path} cannot be read: {exc}.") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def add_word(style: HouseStyle, word: str) -> HouseStyle:
    """``style`` with ``word`` accepted, and the word kept in its word file when it has one."""
    if style.words_file is not None and word.strip().lower() not in style.words:
        with style.words_file.open("a", encoding="utf-8") as out:
            out.write(word.strip() + "\n")
    return style.with_words([word])


def remove_word(style: HouseStyle, word: str) -> HouseStyle:
    """``style`` without ``word``, removed from its word file too when it has one."""
    gone = word.strip().lower()
    if style.words_file is not None and style.words_file.is_file():
        kept = [w for w in read_words(style.words_file) if w.lower() != gone]
        style.words_file.write_text("".join(w + "\n" for w in kept), encoding="utf-8")
    return style.with_words([], [word])


def _lowered(words: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(w.split()).lower() for w in words if w.strip())


def _known(table: dict[str, Any], name: str, path: Path) -> None:
    unknown = sorted(set(table) - SETTINGS[name])
    if unknown:
        where = f"[{name}]" if name else "the top level"
        known = ", ".join(sorted(SETTINGS[name]))
        raise InputError(
            f"{path}: {unknown[0]!r} is no setting copydesk knows in {where} (it knows {known})."
        )


def _table(data: dict[str, Any], name: str, path: Path) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise InputError(f"{path}: {name} must be a table ([{name}]).")
    if name in SETTINGS:
        _known(value, name, path)
    return value


def _strings(table: dict[str, Any], name: str, path: Path) -> list[str]:
    value = table.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{path}: {name} must be a list of words in quotes.")
    return value


def _severity(value: Any, what: str, path: Path) -> Severity:
    names = [s.value for s in Severity]
    if value not in names:
        raise InputError(f"{path}: {what} must be one of {', '.join(names)}, not {value!r}.")
    return Severity(value)
