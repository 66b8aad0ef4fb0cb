"""The package's import graph, read from the source: no circle anywhere, and arrows only downward.

Every ``import`` of a ``studynotes`` module counts, also one inside a function (it runs when the function
does, and a circle through it only waits for a caller). A package's ``__init__`` is a module of its own:
importing a name from a package is an arrow to its ``__init__``, importing a submodule an arrow to it.
Python loads a package before its submodules; that implied step is not an arrow (else every package
would be a circle), but a submodule that imports its own package is one.

A room is a top-level module or subpackage of ``studynotes`` (``studynotes.plotting``, ``studynotes.optim``).
The rooms stand on floors: a room imports only rooms on lower floors. CONTRIBUTING.md's map of the house
lists them floor by floor, and ``studynotes.plotting``'s modules in the same way.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sitetools import ROOT

SRC = ROOT / "src"


def modules(src: Path, top: str) -> dict[str, Path]:
    """Every module of the package ``top`` under ``src``, by dotted name."""
    found = {}
    for path in sorted((src / top).rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def import_graph(src: Path, top: str) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (as written, at any depth of its code)."""
    known = modules(src, top)
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                wanted = [(alias.name, None) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                    base = f"{base}.{node.module}" if node.module else base
                else:
                    base = node.module or ""
                wanted = [(base, alias.name) for alias in node.names]
            else:
                continue
            for base, member in wanted:
                if base != top and not base.startswith(top + "."):
                    continue
                assert base in known, f"{path}:{node.lineno} imports {base}, which is not a module of {top}"
                submodule = f"{base}.{member}"
                targets.add(submodule if member and submodule in known else base)
        graph[name] = targets - {name}
    return graph


def find_circle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of ``graph`` as the path that closes it (``[a, b, a]``), or ``None`` when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state:
                circle = visit(target)
                if circle:
                    return circle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            circle = visit(node)
            if circle:
                return circle
    return None


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def collapse(graph: dict[str, set[str]], depth: int) -> dict[str, set[str]]:
    """The graph between groups of modules: each module counts as its dotted name cut to ``depth`` parts."""
    def room(name: str) -> str:
        return ".".join(name.split(".")[:depth])

    rooms: dict[str, set[str]] = {}
    for name, targets in graph.items():
        rooms.setdefault(room(name), set()).update(room(t) for t in targets if room(t) != room(name))
    return rooms


def floors(graph: dict[str, set[str]]) -> dict[str, int]:
    """Floor 0: imports nothing of the package; otherwise one above the highest floor it imports."""
    memo: dict[str, int] = {}

    def floor(node: str) -> int:
        if node not in memo:
            memo[node] = 1 + max((floor(t) for t in graph[node]), default=-1)
        return memo[node]

    return {node: floor(node) for node in graph}


GRAPH = import_graph(SRC, "studynotes")


def test_no_module_of_the_package_is_in_an_import_circle() -> None:
    circle = find_circle(GRAPH)
    assert circle is None, "import circle: " + " -> ".join(circle)


def test_the_rooms_stand_on_floors() -> None:
    """Between rooms (subpackages and top-level modules) the arrows also never close a circle."""
    rooms = collapse(GRAPH, 2)
    circle = find_circle(rooms)
    assert circle is None, "circle between rooms: " + " -> ".join(circle)
    assert "studynotes.plotting" in rooms and "studynotes.optim" in rooms


def test_plotting_never_imports_optim() -> None:
    """optim's race draws with plotting; plotting knows nothing of any topic (nor does i18n, nor tables)."""
    assert any(t.startswith("studynotes.plotting.") for t in GRAPH["studynotes.optim.animate"]), "the race draws with plotting"
    topics = {"studynotes.optim", "studynotes.prob", "studynotes.nn", "studynotes.linear"}
    for name in GRAPH:
        if name.split(".")[:2][-1] in {"plotting", "i18n", "tables", "_validate"}:
            reached = {".".join(t.split(".")[:2]) for t in reachable(GRAPH, name)}
            assert not reached & topics, f"{name} reaches {sorted(reached & topics)}"


def map_of_the_house() -> dict[str, int]:
    """CONTRIBUTING.md's map: lines ``floor N  name  name ...`` in the ```text blocks that start with floor 0."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```text\n(floor 0 .*?)^```", text, re.M | re.S)
    assert blocks, "CONTRIBUTING.md has no map of the house (a ```text block starting with 'floor 0')"
    listed: dict[str, int] = {}
    for line in "".join(blocks).splitlines():
        match = re.match(r"floor (\d+)\s+(.*)", line)
        if match:
            for room in match.group(2).split():
                listed[room] = int(match.group(1))
    return listed


def test_contributing_maps_the_house_as_it_is() -> None:
    """Each room, and each module of studynotes.plotting, is on the floor its imports put it on."""
    rooms = floors(collapse(GRAPH, 2))
    plotting = floors({k: {t for t in v if t.startswith("studynotes.plotting.")} for k, v in GRAPH.items() if k.startswith("studynotes.plotting.")})
    expected = {name.removeprefix("studynotes."): floor for name, floor in rooms.items() if name != "studynotes"}
    expected |= {name.removeprefix("studynotes."): floor for name, floor in plotting.items()}
    assert map_of_the_house() == expected


def test_the_checks_see_a_circle_and_a_function_level_import(tmp_path) -> None:
    """The graph reader finds a circle closed by an import inside a function, and through a package's __init__."""
    pkg = tmp_path / "house"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import thing\n")
    (pkg / "sub" / "__init__.py").write_text("from .b import thing\n")
    (pkg / "sub" / "b.py").write_text("def thing():\n    from ..a import other\n    from house import a\n")
    graph = import_graph(tmp_path, "house")
    assert graph == {"house": set(), "house.a": {"house.sub"}, "house.sub": {"house.sub.b"}, "house.sub.b": {"house.a"}}
    assert find_circle(graph) == ["house.a", "house.sub", "house.sub.b", "house.a"]
    assert find_circle(collapse(graph, 2)) == ["house.a", "house.sub", "house.a"]
    (pkg / "sub" / "b.py").write_text("def thing():\n    pass\n")
    graph = import_graph(tmp_path, "house")
    assert find_circle(graph) is None
    assert floors(collapse(graph, 2)) == {"house": 0, "house.a": 1, "house.sub": 0}
