"""corpus: ingest coverage into a store, find an article's source, corroborate its claims.

The store, ingest and search names are imported on first use: importing the data model
(which every pipeline run does) must not pay for SQLite, datasketch and wordfreq.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from copydesk.corpus.model import Candidate, ClaimVerdict, Corroboration, Verdict

if TYPE_CHECKING:
    from copydesk.corpus.find_source import find_source
    from copydesk.corpus.ingest import IngestFailure, IngestReport, ingest
    from copydesk.corpus.retrieve import related_documents
    from copydesk.corpus.store import DEFAULT_DB, NearDuplicate, SearchHit, Store, StoreCounts

_LAZY = {
    "find_source": "copydesk.corpus.find_source",
    "IngestFailure": "copydesk.corpus.ingest",
    "IngestReport": "copydesk.corpus.ingest",
    "ingest": "copydesk.corpus.ingest",
    "related_documents": "copydesk.corpus.retrieve",
    "DEFAULT_DB": "copydesk.corpus.store",
    "NearDuplicate": "copydesk.corpus.store",
    "SearchHit": "copydesk.corpus.store",
    "Store": "copydesk.corpus.store",
    "StoreCounts": "copydesk.corpus.store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'copydesk.corpus' has no attribute {name!r}")
    return getattr(import_module(module), name)


__all__ = [
    "DEFAULT_DB",
    "Candidate",
    "ClaimVerdict",
    "Corroboration",
    "IngestFailure",
    "IngestReport",
    "NearDuplicate",
    "SearchHit",
    "Store",
    "StoreCounts",
    "Verdict",
    "find_source",
    "ingest",
    "related_documents",
]
