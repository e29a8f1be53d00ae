"""ledger: what an article asserts (quotations, attributions, people, quantities, claims)."""

from __future__ import annotations

from copydesk.ledger.model import (
    Attribution,
    Claim,
    Conversion,
    Ledger,
    Person,
    Quantity,
    Quotation,
    Role,
)
from copydesk.nlp.annotate import Annotated


def build_ledger(doc: Annotated) -> Ledger:
    from copydesk.ledger.claims import extract_claims
    from copydesk.ledger.people import extract_people
    from copydesk.ledger.quantities import extract_conversions, extract_quantities
    from copydesk.ledger.quotations import quotations_and_attributions

    people = extract_people(doc)
    quantities = extract_quantities(doc)
    quotations, attributions = quotations_and_attributions(doc, people)
    return Ledger(
        quotations=quotations,
        attributions=attributions,
        people=people,
        quantities=quantities,
        conversions=extract_conversions(doc, quantities),
        claims=extract_claims(doc, people),
    )


__all__ = [
    "Attribution",
    "Claim",
    "Conversion",
    "Ledger",
    "Person",
    "Quantity",
    "Quotation",
    "Role",
    "build_ledger",
]
