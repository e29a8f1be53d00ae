"""The README and CI say what the project does; keep them true."""

from __future__ import annotations

from conftest import ROOT

from copydesk.kinds import KINDS


def test_readme_lists_every_finding_kind_with_its_severity() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"| `{kind.code}` | {kind.severity.value} |" in readme, kind.code


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make demo" in readme
    assert [
        line for line in ci.splitlines() if line and not line.startswith(("#", "set", "cd"))
    ] == ["make test"]


def test_readme_exit_code_table_matches_the_command() -> None:
    from copydesk import cli
    from copydesk.corpus.store import BUSY_TIMEOUT_S

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| ") and " | " in line]
    codes = {row.split(" | ")[0].removeprefix("| ") for row in rows}
    exits = {
        cli.EXIT_OK,
        cli.EXIT_MAJOR,
        cli.EXIT_ERROR,
        cli.EXIT_INTERNAL,
        cli.EXIT_INTERRUPTED,
        cli.EXIT_BROKEN_PIPE,
    }
    assert {str(code) for code in exits} <= codes
    environment = [row for row in rows if row.startswith(f"| {cli.EXIT_ERROR} |")]
    for fault in ("disk is full", "locked", "damaged", "read-only", "standard output"):
        assert any(fault in row for row in environment), fault
    assert f"longer than {BUSY_TIMEOUT_S:g} s" in readme
