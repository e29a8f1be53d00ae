"""checks: functions ``(Annotated, Ledger) -> list[Finding]``, one module per family.

A new check is a new function added to `CHECKS`.
"""

from __future__ import annotations

from collections.abc import Callable

from copydesk.ledger.model import Ledger
from copydesk.model import Finding
from copydesk.nlp.annotate import Annotated

Check = Callable[[Annotated, Ledger], list[Finding]]


def all_checks() -> list[Check]:
    # Imported here for start-up speed: the families pull in the ledger's modules, which
    # `copydesk.checks.verdict` alone (all the report needs) must not load.
    from copydesk.checks import attribution, consistency, copy, spin

    return [*copy.CHECKS, *attribution.CHECKS, *consistency.CHECKS, *spin.CHECKS]


def run_checks(doc: Annotated, ledger: Ledger) -> list[Finding]:
    findings = [f for check in all_checks() for f in check(doc, ledger)]
    return sorted(findings, key=lambda f: (f.span.start, f.span.end, f.kind))
