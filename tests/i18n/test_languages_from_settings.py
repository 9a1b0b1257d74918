"""The per-language columns that admin searches and import/export resources name come
from the configured languages (publishing.localized), never spelled out one by one, so that a
fourth language is a settings change plus translations."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from import_export.resources import ModelResource
from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from publishing.localized import in_default_language, localized

BASE_DIR = Path(settings.BASE_DIR)
CODES = list(mt_settings.AVAILABLE_LANGUAGES)
SUFFIX = re.compile(
    r"^(?P<base>\w+?)_(?:{})$".format(
        "|".join(re.escape(build_localized_fieldname("", code)[1:]) for code in CODES)
    )
)


def localized_bases(names):
    """The translated lookups among ``names``: "region__name" for "region__name_ru"."""
    return {match["base"] for name in names if (match := SUFFIX.match(name))}


def test_localized_names_every_configured_language():
    assert localized("name", "region__name") == [
        *(build_localized_fieldname("name", code) for code in CODES),
        *(build_localized_fieldname("region__name", code) for code in CODES),
    ]
    assert in_default_language("name") == build_localized_fieldname("name", settings.LANGUAGE_CODE)
    assert len(CODES) == len(settings.LANGUAGES) == 3


@pytest.mark.parametrize(
    "model_admin",
    [a for a in admin.site._registry.values() if a.search_fields],
    ids=lambda a: a.model.__name__,
)
def test_every_admin_search_covers_every_language(model_admin):
    fields = [name.lstrip("^=@") for name in model_admin.search_fields]
    for base in localized_bases(fields):
        assert set(localized(base)) <= set(fields), base


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def has_translations(model):
    return model is not None and model in translator.get_registered_models()


FIRST_PARTY_APPS = (
    "operations",
    "publishing",
    "web",
    "sources",
    "exchange",
    "cooperation",
    "expo",
    "news",
)

# The project's resources for translated models (a participation has no translated field).
RESOURCES = sorted(
    {
        resource
        for resource in subclasses(ModelResource)
        if resource.__module__.split(".")[0] in FIRST_PARTY_APPS
        and getattr(resource._meta, "fields", None)
        and has_translations(resource._meta.model)
    },
    key=lambda resource: resource.__name__,
)


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.__name__)
def test_every_resource_covers_every_language(resource):
    fields = list(resource._meta.fields)
    bases = localized_bases(fields)
    assert bases, "the resource exports no translated field"
    for base in bases:
        assert set(localized(base)) <= set(fields), base


def test_resources_were_found():
    assert {r.__name__ for r in RESOURCES} >= {"RegionResource", "EnterpriseResource"}


def app_modules():
    for app in FIRST_PARTY_APPS:
        for path in sorted((BASE_DIR / app).rglob("*.py")):
            if "migrations" not in path.parts and path.name != "localized.py":
                yield path


def test_no_module_spells_out_a_per_language_column():
    """A string like "name_zh_hans" in app code would miss a language added later."""
    found = []
    for path in app_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and SUFFIX.match(text):
                found.append(f"{path.relative_to(BASE_DIR)}:{node.lineno} {node.value}")
    assert found == []
