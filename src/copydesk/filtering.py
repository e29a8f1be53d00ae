"""Which findings a report keeps: a least severity and kinds to ignore.

``--min-severity`` and ``--ignore`` on the command line build a `FindingFilter`;
`pipeline.apply_filter` turns a `CheckResult` into the one every output format renders
(text, JSON, HTML, scan records), with the findings left out kept aside so the report can
count them. The exit code follows the kept findings. The rewording score is read from every
finding, kept or not: a filter changes what is shown, not what the article is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from copydesk.errors import InputError
from copydesk.kinds import BY_CODE, KINDS
from copydesk.model import Finding, Severity

#: Families of kinds (the part before the dot: 'copy', 'spin', 'source' ...).
FAMILIES: frozenset[str] = frozenset(k.code.split(".", 1)[0] for k in KINDS)


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """Keep findings of ``min_severity`` or above whose kind is not ignored. ``ignore`` holds
    kind codes ('spin.lowercase_name') and families ('spin': every kind it begins)."""

    min_severity: Severity = Severity.INFO
    ignore: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        min_severity: str | Severity = Severity.INFO,
        ignore: Iterable[str] = (),
        option: str = "--ignore",
    ) -> FindingFilter:
        """A filter from the words of the command line (or of the request field ``option``);
        an unknown kind is an `InputError`."""
        chosen = frozenset(ignore)
        for name in sorted(chosen):
            if name not in BY_CODE and name not in FAMILIES:
                raise InputError(
                    f"Unknown finding kind {name!r} for {option}; give a kind such as "
                    "'spin.lowercase_name' or a family such as 'spin' (the README lists them)."
                )
        return cls(Severity(min_severity), chosen)

    @property
    def active(self) -> bool:
        return self.min_severity is not Severity.INFO or bool(self.ignore)

    def below(self, finding: Finding) -> bool:
        """Left out for its severity."""
        return finding.severity.rank < self.min_severity.rank

    def ignores(self, finding: Finding) -> bool:
        """Left out for its kind."""
        return finding.kind in self.ignore or finding.kind.split(".", 1)[0] in self.ignore

    def keeps(self, finding: Finding) -> bool:
        return not (self.below(finding) or self.ignores(finding))


#: Keeps every finding.
KEEP_ALL = FindingFilter()
