"""``python -m copydesk``: the same as the ``copydesk`` command."""

from copydesk.cli import main

raise SystemExit(main())
