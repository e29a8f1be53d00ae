"""serve: the HTTP service (``copydesk serve``), a thin shell over `copydesk.pipeline`.

`app.create_app` builds the FastAPI application: ``/v1/check`` answers the same report as the
CLI, ``/v2/check`` speaks LanguageTool's protocol (`languagetool`), and ``/`` is a web page
with a form (`page`). No checking logic lives here.
"""

# Loopback by default: the service answers other machines only when ``--host`` says so.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
