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
