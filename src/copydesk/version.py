"""copydesk's version, in a module of its own so that any stage can say it without importing
the package's front door."""

__version__ = "0.1.0"
