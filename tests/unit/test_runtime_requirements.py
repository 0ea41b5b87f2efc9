"""Everything the app imports at run time is pinned in requirements.txt (not only in
requirements-dev.txt): a fresh install from the README's first command must not crash."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions

from tests.conftest import ROOT

RUNTIME_SOURCES = ["dashboard", "pages", "streamlit_app.py"]


def _requirement_names(name: str) -> set[str]:
    names = set()
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(re.split(r"[=<>!~\[ ]", line)[0].lower().replace("_", "-"))
    return names


def runtime_imports() -> dict[str, set[str]]:
    """Top-level module name -> files importing it (module level or inside functions)."""
    found: dict[str, set[str]] = {}
    for source in RUNTIME_SOURCES:
        path = ROOT / source
        for file in [path] if path.is_file() else sorted(path.rglob("*.py")):
            tree = ast.parse(file.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    found.setdefault(module.split(".")[0], set()).add(str(file.relative_to(ROOT)))
    return found


def test_every_runtime_import_is_in_requirements_txt():
    runtime = _requirement_names("requirements.txt")
    distributions = packages_distributions()
    missing = []
    for module, files in sorted(runtime_imports().items()):
        if module in sys.stdlib_module_names or module in {"dashboard", "__future__"}:
            continue
        dists = {d.lower().replace("_", "-") for d in distributions.get(module, [])}
        assert dists, f"{module} (imported by {sorted(files)}) is not installed at all"
        if not dists & runtime:
            missing.append(f"{module} ({', '.join(sorted(dists))}) imported by {', '.join(sorted(files))}")
    assert not missing, "imported at run time but not pinned in requirements.txt: " + "; ".join(missing)


def test_sign_in_through_an_identity_provider_can_run():
    """The README's second way to sign in is ``st.login``, which needs Streamlit's ``auth`` extra
    (Authlib and httpx): without them the "Sign in" button fails (the browser test
    ``test_sign_in_through_an_identity_provider_goes_to_the_provider`` follows it to a provider)."""
    from streamlit.auth_util import is_authlib_installed

    assert {"authlib", "httpx"} <= _requirement_names("requirements.txt")
    assert is_authlib_installed()
    from authlib.integrations import starlette_client  # what Streamlit's login route imports

    assert starlette_client.StarletteOAuth2App
