"""Dependencies between the apps run one way, in imports and in strings.

    operations  <-  publishing  <-  web  <-  sources  <-  exchange  <-  maps
        <-  cooperation  <-  expo  <-  news  <-  discover  <-  api

An app may import the apps to its left, never those to its right; ``config`` wires
them all together. The test reads every module's imports (``ast``) and every string
literal naming a URL namespace ("expo:exhibition-list"), so neither an import nor a
reverse() by name can point the wrong way. README (Layout) says the same.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)

# Each app, and the first-party apps it may depend on.
ORDER = [
    "operations",
    "publishing",
    "web",
    "sources",
    "exchange",
    "maps",
    "cooperation",
    "expo",
    "news",
    "discover",
    "api",
]
ALLOWED = {app: set(ORDER[:index]) for index, app in enumerate(ORDER)}
APPS = [app for app in ALLOWED if (BASE_DIR / app).is_dir()]


def modules(app):
    for path in sorted((BASE_DIR / app).rglob("*.py")):
        # Migrations name the models they depend on by app label, as Django writes them.
        if "migrations" not in path.parts:
            yield path


def imported_apps(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in ALLOWED:
                yield node.lineno, top


def named_namespaces(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            for app in ALLOWED:
                if node.value.startswith(f"{app}:"):
                    yield node.lineno, app


def violations(app, find):
    allowed = ALLOWED[app] | {app}
    found = []
    for path in modules(app):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for lineno, other in find(tree):
            if other not in allowed:
                found.append(f"{path.relative_to(BASE_DIR)}:{lineno} uses {other}")
    return found


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_the_apps_it_may_depend_on(app):
    assert violations(app, imported_apps) == []


@pytest.mark.parametrize("app", APPS)
def test_an_app_names_no_url_of_an_app_it_may_not_depend_on(app):
    assert violations(app, named_namespaces) == []


def test_the_check_sees_a_wrong_import(tmp_path):
    """The test itself can fail: a module of core importing expo is found."""
    tree = ast.parse("from expo.models import Exhibition\nURL = 'news:article-list'\n")
    assert list(imported_apps(tree)) == [(1, "expo")]
    assert list(named_namespaces(tree)) == [(2, "news")]


def test_every_app_is_covered():
    """A new app must say where it stands before this test passes."""
    project_apps = {
        path.parent.name
        for path in BASE_DIR.glob("*/apps.py")
        if path.parent.name not in {"config", "tests"}
    }
    assert project_apps <= set(ALLOWED)
