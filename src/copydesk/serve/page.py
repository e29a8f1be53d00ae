"""The web page at ``/``: a plain HTML form (no script) that posts to ``/check/page``, which
answers the same page as ``copydesk check --format html``: the report, or the redline when a
source is given."""

from __future__ import annotations

from copydesk import __version__
from copydesk.report.escape import escape

# No script, no outside resource; the form may post only to this service.
FORM_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"

ACTION = "/check/page"

LEDE = (
    '<p class="lede">Paste an English news article, or give its address, to see its copy '
    "errors, broken attributions and contradictions marked in the text. Give its source too "
    "to see what changed.</p>"
)
NOTE = 'Only public addresses are fetched. The API is described at <a href="/docs">/docs</a>.'

STYLE = """
body { font: 16px/1.5 Georgia, serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
  color: #222; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
p.lede { margin-top: 0; color: #555; }
label { display: block; font-weight: bold; margin-top: 1rem; }
textarea, input[type=url] { width: 100%; box-sizing: border-box; font: 15px/1.4 sans-serif;
  padding: 0.4rem; }
textarea { min-height: 14rem; }
fieldset { margin-top: 1.5rem; border: 1px solid #ccc; }
button { margin-top: 1.5rem; font-size: 1rem; padding: 0.5rem 1.5rem; }
p.error { color: #b00020; font-weight: bold; }
p.note { color: #555; font-size: 0.9rem; }
""".strip()


def form_page(error: str | None = None) -> str:
    """The form, with ``error`` (one sentence) above it when a check could not run."""
    message = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{escape(FORM_CSP)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>copydesk</title>",
            f"<style>\n{STYLE}\n</style>",
            "</head>",
            "<body>",
            "<h1>copydesk</h1>",
            LEDE,
            message,
            f'<form method="post" action="{ACTION}" accept-charset="utf-8">',
            '<label for="text">Article text</label>',
            '<textarea id="text" name="text"></textarea>',
            '<label for="url">or its URL</label>',
            '<input type="url" id="url" name="url" placeholder="https://">',
            "<fieldset>",
            "<legend>Source (optional)</legend>",
            '<label for="source_text">Source text</label>',
            '<textarea id="source_text" name="source_text"></textarea>',
            '<label for="source_url">or its URL</label>',
            '<input type="url" id="source_url" name="source_url" placeholder="https://">',
            "</fieldset>",
            '<button type="submit" id="check">Check</button>',
            "</form>",
            f'<p class="note">{NOTE} copydesk {escape(__version__)}</p>',
            "</body>",
            "</html>",
            "",
        ]
    )


def error_page(sentence: str) -> str:
    """The form again, with the reason the check could not run."""
    return form_page(sentence)
