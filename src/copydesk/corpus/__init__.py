"""corpus: ingest coverage into a store, find an article's source, corroborate its claims.

The package loads only its data model, which every pipeline run imports; the store
(`copydesk.corpus.store`), ingestion (`ingest`), source finding (`find_source`), coverage
retrieval (`retrieve`) and corroboration (`corroborate`) are imported from their modules, so
a run without a corpus does not pay for SQLite, datasketch and wordfreq.
"""

from __future__ import annotations

from copydesk.corpus.model import Candidate, ClaimVerdict, Corroboration, Verdict

__all__ = ["Candidate", "ClaimVerdict", "Corroboration", "Verdict"]
