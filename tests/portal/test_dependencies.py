"""Dependencies point one way: apps use portal's helpers; portal wires the apps only in urls.py.

Read from the source with ast, every import counted wherever it stands (a function-level import
that dodges a cycle is still a cycle), so these fail the moment someone adds one back.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("portal", "news", "eservices")
# The one module of portal/ that may name the apps: it wires their URLs and API endpoints.
PORTAL_WIRING = {"portal.urls"}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules():
    """Every module of the apps, migrations and settings aside (they name no app's code)."""
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


MODULES = source_modules()


def imported_modules(name, path):
    """The project modules a module imports, resolving `from package import module`."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {module for module in found if module in MODULES}


GRAPH = {name: imported_modules(name, path) for name, path in MODULES.items()}


def test_the_dependency_checks_see_imports_anywhere_in_a_module(tmp_path):
    """The checks below are only as good as this reader: a hidden import must show up."""
    assert {"news.models.pages", "portal.text"} <= GRAPH["news.models.index"]
    hidden = tmp_path / "hidden.py"
    hidden.write_text(
        "import eservices.snapshots\n"
        "def f():\n"
        "    from news import views\n"
        "    from .api import NewsAPIViewSet\n"
    )
    assert imported_modules("news.hidden", hidden) == {
        "eservices.snapshots",
        "news",
        "news.views",
        "news.api",
    }


@pytest.mark.parametrize("module", sorted(name for name in GRAPH if name.split(".")[0] == "portal"))
def test_portal_never_imports_an_app_except_to_wire_it(module):
    if module in PORTAL_WIRING:
        pytest.skip("the wiring module joins the apps")
    apps = {name for name in GRAPH[module] if name.split(".")[0] in ("news", "eservices")}
    assert apps == set(), f"{module} imports {sorted(apps)}; wire apps in portal/urls.py only"


def test_no_app_imports_the_wiring_and_eservices_never_imports_news():
    for module, imported in GRAPH.items():
        assert not imported & PORTAL_WIRING, f"{module} imports the project's URL wiring"
        if module.startswith("eservices"):
            news = {name for name in imported if name.startswith("news")}
            assert news == set(), f"{module} imports {sorted(news)}"


def test_news_models_import_no_views():
    """Models are the bottom of the news app: views, feeds' routes, search, API and comments
    use them, never the reverse."""
    for module in (name for name in GRAPH if name.startswith("news.models")):
        for imported in GRAPH[module] - {name for name in GRAPH if name.startswith("news.models")}:
            last = imported.rpartition(".")[2]
            assert last not in ("views", "api", "urls", "search"), f"{module} imports {imported}"
            assert not imported.startswith("news.comments"), f"{module} imports {imported}"


def cycles():
    """Strongly connected groups of modules (Tarjan). A package's __init__ counts as the module
    it is: importing `news.models.pages` runs `news.models` first, which imports its modules."""

    def edges(module):
        return GRAPH[module] - {module}

    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in edges(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    return found


def test_no_two_modules_import_each_other():
    assert cycles() == []
