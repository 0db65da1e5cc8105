"""The layering docs/ARCHITECTURE.md states: corpora ← extractors ← outputs ← pipeline, imports one way."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["corpora", "extractors", "outputs", "pipeline"]


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
    return out & set(LAYERS)


@pytest.mark.parametrize("package", LAYERS)
def test_a_package_imports_only_the_ones_below_it(package):
    allowed = set(LAYERS[:LAYERS.index(package) + 1])
    wrong = {str(p.relative_to(ROOT)): sorted(_imports(p) - allowed) for p in (ROOT / package).rglob("*.py")}
    assert {k: v for k, v in wrong.items() if v} == {}
