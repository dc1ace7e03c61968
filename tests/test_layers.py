"""One-way data flow: YAML -> model -> graph -> analyses -> outputs -> app -> CLI.

An ``ast`` walk over every module of the package (imports inside functions and under
TYPE_CHECKING included) fails on any import of a higher layer."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "csdesign"

#: top-level module or subpackage -> layer; a module may import only lower layers (and itself).
LAYERS = {
    "__init__": 0, "errors": 0,
    # where Chinese text puts a space: pure string code under the knowledge's chrome and the analyses' sentences
    "spacing": 0,
    "formats": 1, "fileio": 1,
    # domain knowledge is data with no csdesign imports; the model checks a file against it
    "knowledge": 1,
    "model": 2, "config": 2,
    "structures": 3,
    "analysis": 4, "interchange": 4,
    "render": 5,
    "lint": 6,
    "app": 7, "serve": 7,
    "cli": 8,
    "__main__": 9,
}


def _part(module: str) -> str | None:
    """The top-level part of a ``csdesign...`` module name (None for other packages)."""
    parts = module.split(".")
    if parts[0] != "csdesign":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def upward_imports(source: str, own: str, where: str = "<source>") -> list[str]:
    """Every import in ``source`` (of the part ``own``) that reaches a higher or unknown layer."""
    bad = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "csdesign":  # from csdesign import errors
                names = [f"csdesign.{a.name}" if a.name in LAYERS else "csdesign" for a in node.names]
        else:
            continue
        for name in names:
            part = _part(name)
            if part is None or part == own:
                continue
            if part not in LAYERS or LAYERS[part] >= LAYERS[own]:
                bad.append(f"{where}:{node.lineno}: {own} (layer {LAYERS[own]}) imports {name} (layer {LAYERS.get(part, '?')})")
    return bad


def _own(path: Path) -> str:
    rel = path.relative_to(PACKAGE).parts
    return rel[0][:-3] if len(rel) == 1 else rel[0]


def test_every_part_of_the_package_has_a_layer():
    parts = {_own(p) for p in PACKAGE.rglob("*.py")}
    assert parts <= set(LAYERS), f"give these a layer in LAYERS: {sorted(parts - set(LAYERS))}"


def test_no_module_imports_a_higher_layer():
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        bad += upward_imports(path.read_text(encoding="utf-8"), _own(path), str(path.relative_to(PACKAGE)))
    assert bad == []


def test_the_walk_catches_an_upward_import():
    source = "def f():\n    from csdesign.render.text import clean\n    import csdesign.cli.app\n"
    assert upward_imports(source, "analysis", "analysis/x.py") == [
        "analysis/x.py:2: analysis (layer 4) imports csdesign.render.text (layer 5)",
        "analysis/x.py:3: analysis (layer 4) imports csdesign.cli.app (layer 8)",
    ]
    assert upward_imports("from csdesign.analysis import run_all\n", "render") == []
