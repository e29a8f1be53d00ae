"""corpus: ingest coverage into a store, find an article's source, corroborate its claims."""

from copydesk.corpus.model import ClaimVerdict, Corroboration, SourceCandidate, Verdict

__all__ = ["ClaimVerdict", "Corroboration", "SourceCandidate", "Verdict"]
