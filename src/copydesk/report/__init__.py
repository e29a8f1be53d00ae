"""report: the `Report` model (`schema`), how it is built from a check (`build`), and its
JSON, terminal and HTML renderings."""

from copydesk.report.build import build_report
from copydesk.report.schema import SCHEMA_VERSION, Report, schema_json

__all__ = ["SCHEMA_VERSION", "Report", "build_report", "schema_json"]
