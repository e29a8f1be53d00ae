"""copydesk: an automated copy desk for English news articles."""

from copydesk.errors import CopydeskError, InputError
from copydesk.model import Evidence, Finding, Severity, Span

__version__ = "0.1.0"

__all__ = ["CopydeskError", "Evidence", "Finding", "InputError", "Severity", "Span", "__version__"]
