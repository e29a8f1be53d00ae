"""report: the `Report` model and its JSON, terminal and HTML renderings."""

from copydesk.report.model import SCHEMA_VERSION, Report, build_report, schema_json

__all__ = ["SCHEMA_VERSION", "Report", "build_report", "schema_json"]
