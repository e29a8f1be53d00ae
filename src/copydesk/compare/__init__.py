"""compare: align an article's sentences to its source's and diff each aligned pair."""

from copydesk.compare.model import AlignedSentence, Comparison, Label

__all__ = ["AlignedSentence", "Comparison", "Label"]
