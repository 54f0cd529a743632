"""The package's import graph has no cycles, between modules or between sub-packages.

A cycle (the checker importing the knowledge base that imports the checker's models) means
two concepts cannot be understood, tested or changed apart; lazy imports inside functions
only hide it, so they count here too.  Imports under ``if TYPE_CHECKING:`` do not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    class Visitor(ast.NodeVisitor):
        def visit_If(self, node: ast.If) -> None:
            if "TYPE_CHECKING" in ast.unparse(node.test):
                for child in node.orelse:
                    self.visit(child)
                return
            self.generic_visit(node)

        def visit_Import(self, node: ast.Import) -> None:
            found.update(a.name for a in node.names)

        def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)

    Visitor().visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in found if m in known and m != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in list(graph):
        if v not in index:
            visit(v)
    return out


@pytest.fixture(scope="module")
def graphs() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The module import graph and the sub-package graph (parsing every module once)."""
    modules = _modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    packages: dict[str, set[str]] = {}
    for name, deps in graph.items():
        a = ".".join(name.split(".")[:2])
        for dep in deps:
            b = ".".join(dep.split(".")[:2])
            if a != b and a != "assistant" and b != "assistant":
                packages.setdefault(a, set()).add(b)
    return graph, packages


def test_no_module_import_cycles(graphs: tuple[dict[str, set[str]], dict[str, set[str]]]) -> None:
    graph, _ = graphs
    assert _cycles(graph) == []


def test_no_subpackage_import_cycles(graphs: tuple[dict[str, set[str]], dict[str, set[str]]]) -> None:
    _, packages = graphs
    assert _cycles(packages) == []


def test_the_checker_depends_on_nothing_above_it(
    graphs: tuple[dict[str, set[str]], dict[str, set[str]]],
) -> None:
    """The checker is the gate for everything else: it must not depend on what it gates."""
    _, packages = graphs
    above = {"assistant.knowledge", "assistant.rewrite", "assistant.llm", "assistant.ui", "assistant.cli"}
    assert not packages.get("assistant.checker", set()) & above


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
