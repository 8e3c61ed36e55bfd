"""The tree says what it is: no import cycle between packages, and the architecture's module
table lists every module there is (and none that is gone)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SOURCE = Path(__file__).parents[1] / "src" / "wikirecover"
ARCHITECTURE = Path(__file__).parents[1] / "docs" / "architecture.md"


def _modules() -> list[Path]:
    return sorted(p for p in SOURCE.rglob("*.py"))


def _unit(module: str) -> str:
    """A package of wikirecover (`passes`, `render`...) or a top-level module (`pipeline`)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _imports(path: Path) -> set[str]:
    """The wikirecover modules ``path`` imports, anywhere in it (functions too)."""
    relative = path.relative_to(SOURCE.parent).with_suffix("")
    module = ".".join(relative.parts)
    package = module.removesuffix(".__init__") if path.name == "__init__.py" else module
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            if node.module:
                found.add(".".join([*base, node.module]))
            else:
                found.update(".".join([*base, alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("wikirecover"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("wikirecover"))
    return found


def _package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in _modules():
        source = _unit(".".join(path.relative_to(SOURCE.parent).with_suffix("").parts))
        for target in _imports(path):
            if _unit(target) not in (source, "wikirecover"):
                graph.setdefault(source, set()).add(_unit(target))
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` (a depth-first search), or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        state[node] = 2
        path.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None


def test_no_package_imports_one_that_imports_it_back() -> None:
    graph = _package_graph()
    assert "pipeline" in graph and "readers" in graph["pipeline"]  # the graph is read at all
    assert _cycle(graph) is None


def test_the_architecture_table_lists_every_module() -> None:
    listed = set(
        re.findall(r"^\| `([\w/]+\.py)` \|", ARCHITECTURE.read_text(encoding="utf-8"), re.M)
    )
    present = {str(p.relative_to(SOURCE)) for p in _modules()}
    assert sorted(present - listed) == [], "modules missing from docs/architecture.md's table"
    assert sorted(listed - present) == [], "modules in the table that no longer exist"
