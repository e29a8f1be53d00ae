"""The package's layout: its modules import one another without a cycle."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

SRC = ROOT / "src"


def _modules() -> dict[str, tuple[Path, list[str]]]:
    """Every module of src/copydesk by dotted name, with the package its relative imports
    start from."""
    found = {}
    for path in sorted((SRC / "copydesk").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
            package = parts
        else:
            package = parts[:-1]
        found[".".join(parts)] = (path, package)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of copydesk it imports anywhere: at the top, inside functions
    and under ``TYPE_CHECKING``. ``from pkg import name`` imports ``pkg`` (whose
    ``__init__`` is asked for ``name``) and, when ``name`` is a submodule, ``pkg.name``."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, (path, package) in modules.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package[: len(package) - node.level + 1]
                    base = ".".join([*parent, *([node.module] if node.module else [])])
                imported.add(base)
                imported.update(f"{base}.{alias.name}" for alias in node.names)
        graph[name] = {m for m in imported if m in modules and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_names_a_loop_and_only_a_loop() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_import_graph_sees_function_level_and_type_checking_imports() -> None:
    graph = import_graph()
    # pipeline imports compare inside `check`, and Comparison under TYPE_CHECKING.
    assert {"copydesk.source", "copydesk.source.model"} <= graph["copydesk.pipeline"]
    # `from copydesk.lexicon import classes` is an import of the submodule.
    assert "copydesk.lexicon.classes" in graph["copydesk.checks.spin"]


def test_no_module_of_copydesk_imports_itself_through_others() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


#: The stages in pipeline order (docs/architecture.md): each imports only those before it.
STAGES = ("read", "nlp", "ledger", "checks", "source", "corpus", "report")


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_a_stage_imports_only_the_stages_before_it_and_the_lexicon_none() -> None:
    wrong = []
    for module, imported in import_graph().items():
        here = _package(module)
        for other in {_package(m) for m in imported} & set(STAGES):
            if here == "lexicon" or (here in STAGES and STAGES.index(other) > STAGES.index(here)):
                wrong.append(f"{module} imports copydesk.{other}")
    assert not wrong, "; ".join(sorted(wrong))


def _readme_stage_rows() -> list[tuple[str, str]]:
    """(package, what it does) for each row of the README's stage table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| stage | package |") :].split("\n\n", 1)[0]
    rows = []
    for line in table.splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows.append((cells[1].strip("`"), cells[2]))
    return rows


def test_the_readme_stage_table_names_packages_and_modules_that_exist() -> None:
    rows = _readme_stage_rows()
    assert [package for package, _ in rows] == [f"copydesk.{s}" for s in STAGES] + [
        "copydesk.lexicon"
    ]
    modules = set(import_graph())
    for package, does in rows:
        assert package in modules, package
        for name in re.findall(r"`([a-z_][a-z_.]*)`", does):
            assert {f"{package}.{name}", f"copydesk.{name}"} & modules, (package, name)
