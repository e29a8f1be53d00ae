"""Errors a user can act on. Each carries one plain sentence; entry points print it and exit 2."""


class CopydeskError(Exception):
    """Base class for every error copydesk reports to a user instead of a traceback."""


class InputError(CopydeskError):
    """The input could not be read as an English news article (missing, unreadable, empty...)."""


class FetchError(InputError):
    """A URL could not be fetched (unreachable, too large, wrong content type, HTTP error)."""


class ResourceMissing(CopydeskError):
    """A lexical resource copydesk reads (WordNet) is not installed where it looks for it."""


class StoreError(CopydeskError):
    """The corpus store cannot be used as asked: its disk is full, another process holds its
    lock, its pages are damaged, or it is read-only."""


class OutputError(CopydeskError):
    """The report could not be written where it was to go (standard output closed or full)."""
