"""The web page at ``/``: a plain HTML form (no script) that posts to ``/check/page``, which
answers the same page as ``copydesk check --format html``: the report, or the redline when a
source is given.

The form is a Jinja2 template with autoescape (``templates/form.html``): a newsroom restyles
it by editing the template, and every value a user typed is escaped wherever it goes, its
direction controls shown as code points (`copydesk.report.escape`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, select_autoescape

from copydesk.report.escape import shown_directions
from copydesk.version import __version__

# No script, no outside resource; the form may post only to this service.
FORM_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"

ACTION = "/check/page"

#: The form's fields, each shown again as it was filled in when a check could not run.
FIELDS = ("text", "url", "source_text", "source_url", "lang", "min_severity")

#: The severities the form's filter offers, with what each keeps.
SEVERITY_CHOICES = (
    ("info", "every finding"),
    ("minor", "minor and major findings"),
    ("major", "major findings only"),
)


@cache
def _template() -> Template:
    environment = Environment(
        loader=PackageLoader("copydesk.serve", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        finalize=shown_directions,  # a direction control is shown, never obeyed
    )
    return environment.get_template("form.html")


def form_page(error: str | None = None, given: Mapping[str, str] | None = None) -> str:
    """The form, with ``error`` (one sentence) above it when a check could not run, and the
    fields filled in as they were ``given``."""
    filled = {name: (given or {}).get(name, "") for name in FIELDS}
    return _template().render(
        csp=FORM_CSP,
        action=ACTION,
        error=error,
        given=filled,
        chosen=filled["min_severity"] or "info",
        severities=SEVERITY_CHOICES,
        version=__version__,
    )


def error_page(sentence: str, given: Mapping[str, str] | None = None) -> str:
    """The form again, as it was filled in, with the reason the check could not run."""
    return form_page(sentence, given)
