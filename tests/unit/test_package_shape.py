"""The package's shape: the import-linter contracts (.importlinter) hold, and the README's layout
section names every subpackage of dashboard/ (and nothing that is not there)."""

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_import_contracts_hold():
    """Only dashboard.app imports Streamlit; each capability imports only the layers below it."""
    result = subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def layout_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Layout", 1)[1]
    return re.search(r"```text\n(.+?)\n```", section, re.DOTALL).group(1)


def listed_subpackages() -> set[str]:
    """Lines ``  name/  ...`` under ``dashboard/`` in the layout block."""
    lines = layout_block().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("dashboard/"))
    names = set()
    for line in lines[start + 1:]:
        if line and not line.startswith(" "):
            break
        m = re.match(r"  (\w+)/\s", line)
        if m:
            names.add(m.group(1))
    return names


def test_readme_layout_matches_the_tree():
    packages = {p.parent.name for p in (ROOT / "dashboard").glob("*/__init__.py")}
    listed = listed_subpackages()
    assert packages - listed == set(), f"README's layout does not list dashboard/{sorted(packages - listed)}"
    assert listed - packages == set(), f"README's layout lists dashboard/{sorted(listed - packages)}, not in the tree"
    for top in ("pages/", "queries/", "tests/", "tools/", "assets/", "sample_data/", "streamlit_app.py"):
        assert f"\n{top}" in "\n" + layout_block(), f"README's layout does not list {top}"
        assert (ROOT / top.rstrip("/")).exists()


# ---------------------------------------------------------------- pages: read filters, call one view, render

#: what a page may import from the package: the Streamlit glue and the views (Streamlit-free: what a
#: page shows). Everything else (figures, release, charts, records, data) is reached through a view.
PAGE_IMPORTS = ("dashboard.app", "dashboard.views")


def package_imports(path: Path) -> set[str]:
    """Every dashboard module a file imports, at any depth (``from dashboard import x`` is dashboard.x)."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "dashboard"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "dashboard":
            found |= {f"{node.module}.{a.name}" if node.module == "dashboard" else node.module for a in node.names}
    return found


def test_pages_import_only_the_app_and_the_views():
    """A page reads its filters, calls one view and renders: it imports only dashboard.app and
    dashboard.views (so no SQL, release rule or figure is worked out in a page)."""
    pages = sorted((ROOT / "pages").glob("*.py")) + [ROOT / "streamlit_app.py"]
    wrong = {}
    for page in pages:
        outside = sorted(m for m in package_imports(page) if not m.startswith(PAGE_IMPORTS))
        if outside:
            wrong[page.name] = outside
    assert not wrong, f"pages importing past the views: {wrong}"
