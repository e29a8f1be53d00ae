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
    assert [str(code) for code in cli.EXIT_CODES] == sorted(
        (c for c in codes if c.isdigit()), key=int
    )
    environment = [row for row in rows if row.startswith(f"| {cli.EXIT_ERROR} |")]
    for fault in ("disk is full", "locked", "damaged", "read-only", "standard output"):
        assert any(fault in row for row in environment), fault
    assert f"longer than {BUSY_TIMEOUT_S:g} s" in readme


def _pins(name: str) -> dict[str, str]:
    """The exact pins of a lock file, by canonical project name."""
    from packaging.utils import canonicalize_name

    pins = {}
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "-r ")):
            project, version = line.split("==")
            pins[canonicalize_name(project)] = version
    return pins


def _runtime_closure() -> set[str]:
    """Every project the package's own dependencies pull in, read from the installed ones."""
    import tomllib
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [Requirement(r) for r in project["dependencies"]]
    seen: set[str] = set()
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        for line in metadata.requires(requirement.name) or []:
            needed = Requirement(line)
            if needed.marker is None or needed.marker.evaluate({"extra": ""}):
                todo.append(needed)
    return seen


def test_runtime_lock_pins_what_the_command_needs_and_no_tool_of_development() -> None:
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    # setuptools comes with the virtual environment itself
    assert set(runtime) == _runtime_closure() - {"setuptools"}
    assert not set(runtime) & set(dev)
    import tomllib

    from packaging.requirements import Requirement

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    for extra in ("dev", "spark"):
        for line in extras[extra]:
            assert Requirement(line).name in dev, (extra, line)
    assert {"pytest", "ruff", "mypy", "selenium", "hypothesis", "pyspark"} <= set(dev)
    assert (ROOT / "requirements-dev.lock").read_text(encoding="utf-8").count(
        "-r requirements.lock"
    ) == 1


def test_make_demo_installs_the_runtime_lock_and_the_tool_targets_the_dev_lock() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = {
        line.split(":")[0]: line.split(":", 1)[1].split()
        for line in makefile.splitlines()
        if line and not line.startswith(("\t", "#", " ", ".")) and ":" in line and "=" not in line
    }
    assert "install-dev" not in targets["demo"]
    for target in ("test", "lint", "bench", "eval", "fuzz"):
        assert "install-dev" in targets[target], target


def test_readme_synopsis_names_every_option_of_every_command() -> None:
    import argparse

    from copydesk.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("## Command line") :]
    block = block[block.index("```sh\n") : block.index("\n```\n")]
    block, report_options = block.split("REPORT OPTIONS:")
    [commands] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    for name, parser in commands.choices.items():
        [line] = [x for x in block.split("\ncopydesk ")[1:] if x.startswith(name + " ")]
        if "[REPORT OPTIONS]" in line:
            line += report_options
        for action in parser._actions:
            flag = next((o for o in action.option_strings if o.startswith("--")), None)
            if flag not in (None, "--help"):
                assert flag in line, f"copydesk {name} {flag}"
