"""read: bytes, files, URLs and standard input become an `Article`."""

from copydesk.read.article import Article, Excluded

__all__ = ["Article", "Excluded"]
