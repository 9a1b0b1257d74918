"""The site runs on Django's own machinery: no private internals, no runtime patches.

A Django upgrade must take an afternoon. So no module of ours imports Django's SQL
compiler or database backend internals (``django.db.models.sql``, ``django.db.backends``
other than its documented signals), every configured database uses one of Django's own
backends, no module rebinds an attribute of Django or of an installed package (a
runtime patch), and none writes a private attribute of an object it did not define
(a queryset's ``_result_cache``, a record's ``_prefetched_objects_cache``...). Each
check reads the source (``ast``) of every first-party module outside migrations, and
each is shown to catch an example.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
FIRST_PARTY = (
    "config",
    "operations",
    "publishing",
    "web",
    "sources",
    "exchange",
    "cooperation",
    "expo",
    "news",
    "discover",
    "maps",
    "api",
)
# Public API under those packages: the documented connection signals.
ALLOWED_INTERNAL_MODULES = {"django.db.backends.signals"}
INTERNAL_PREFIXES = ("django.db.models.sql", "django.db.backends")
# django-simple-history documents setting ``_history_user`` and ``_change_reason`` on the
# record being saved ("Recording Which User Changed a Model", "Change Reason").
DOCUMENTED_PRIVATE_WRITES = {"_history_user", "_change_reason"}


def modules():
    for app in FIRST_PARTY:
        for path in sorted((BASE_DIR / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def parse(path):
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def internal_imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if name.startswith(INTERNAL_PREFIXES) and not any(
                name == allowed or name.startswith(f"{allowed}.")
                for allowed in ALLOWED_INTERNAL_MODULES
            ):
                yield node.lineno, name
                break


def _root_name(node):
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _outside_names(tree):
    """Names this module binds to a module, class or object of another package."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] not in FIRST_PARTY:
                    names.add((alias.asname or alias.name).split(".")[0])
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and node.module
            and node.module.split(".")[0] not in FIRST_PARTY
        ):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def _assigned_attributes(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"setattr", "delattr"}
            and len(node.args) >= 2
        ):
            name = node.args[1].value if isinstance(node.args[1], ast.Constant) else "?"
            yield node.lineno, node.args[0], str(name)
            continue
        else:
            continue
        for target in targets:
            for element in target.elts if isinstance(target, ast.Tuple) else [target]:
                if isinstance(element, ast.Attribute):
                    yield node.lineno, element.value, element.attr


def runtime_patches(tree):
    """Attributes set on something imported from Django or another package."""
    outside = _outside_names(tree)
    for lineno, owner, attr in _assigned_attributes(tree):
        if _root_name(owner) in outside:
            yield lineno, f"{ast.unparse(owner)}.{attr}"


def private_writes(tree):
    """Private attributes (``_name``) set on objects other than ``self`` and ``cls``."""
    for lineno, owner, attr in _assigned_attributes(tree):
        private = attr.startswith("_") and not attr.startswith("__")
        if not private or attr in DOCUMENTED_PRIVATE_WRITES:
            continue
        if isinstance(owner, ast.Name) and owner.id in {"self", "cls"}:
            continue
        yield lineno, f"{ast.unparse(owner)}.{attr}"


def violations(find):
    found = []
    for path in modules():
        for lineno, what in find(parse(path)):
            found.append(f"{path.relative_to(BASE_DIR)}:{lineno} {what}")
    return found


def test_no_module_imports_the_orm_compiler_or_backend_internals():
    assert violations(internal_imports) == []


def test_no_module_patches_django_or_an_installed_package_at_runtime():
    assert violations(runtime_patches) == []


def test_no_module_writes_private_attributes_of_objects_it_does_not_own():
    assert violations(private_writes) == []


def test_every_database_uses_a_backend_of_django():
    for alias, database in settings.DATABASES.items():
        assert database["ENGINE"] in {
            "django.db.backends.postgresql",
            "django.db.backends.sqlite3",
        }, alias


@pytest.mark.parametrize(
    "url, engine",
    [
        ("", "django.db.backends.sqlite3"),
        ("postgres://u@db.example:5432/site", "django.db.backends.postgresql"),
    ],
)
def test_the_settings_keep_djangos_engine_for_every_database_url(url, engine):
    """The settings module as production loads it, with and without DATABASE_URL
    and with a replica: no engine is swapped for a subclass of ours."""
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings';"
        "from django.conf import settings;"
        "print(sorted({db['ENGINE'] for db in settings.DATABASES.values()}))"
    )
    env = {"SECRET_KEY": "x" * 50, "PATH": "/usr/bin:/bin"}
    if url:
        env |= {"DATABASE_URL": url, "DATABASE_REPLICA_URL": url}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr([engine])


def test_the_checks_catch_what_they_look_for():
    """Each check finds its example: the tests above can fail."""
    compiler = ast.parse("from django.db.models.sql.compiler import SQLCompiler\n")
    assert list(internal_imports(compiler)) == [(1, "django.db.models.sql.compiler")]
    signals = ast.parse("from django.db.backends.signals import connection_created\n")
    assert list(internal_imports(signals)) == []
    patch = ast.parse(
        "from modeltranslation import manager\n"
        "from django.db.models import QuerySet\n"
        "manager.multilingual_queryset_factory = lambda *a: None\n"
        "QuerySet.fast = True\n"
        "setattr(QuerySet, 'count', len)\n"
    )
    assert [what for _, what in runtime_patches(patch)] == [
        "manager.multilingual_queryset_factory",
        "QuerySet.fast",
        "QuerySet.count",
    ]
    private = ast.parse(
        "def f(queryset, record, self):\n"
        "    queryset._result_cache = []\n"
        "    record._prefetched_objects_cache = {}\n"
        "    record._history_user = None\n"
        "    self._own = 1\n"
    )
    assert [what for _, what in private_writes(private)] == [
        "queryset._result_cache",
        "record._prefetched_objects_cache",
    ]
