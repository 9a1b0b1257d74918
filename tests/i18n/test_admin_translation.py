"""Editors see which translations a record lacks: a change-list column and a filter."""

import pytest
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from cooperation.models import Region
from publishing.translation_status import (
    MissingTranslationFilter,
    TranslationStatusMixin,
    missing_by_language,
)
from tests import factories as f


class RegionStatusAdmin(TranslationStatusMixin, TranslationAdmin):
    list_display = ["name"]  # the mixin adds the column and the filter


@pytest.fixture
def model_admin():
    return RegionStatusAdmin(Region, admin.site)


@pytest.fixture
def regions(db):
    return {
        "complete": f.region(
            name="Complete", name_ru="Полный", name_zh_hans="完整", slug="complete"
        ),
        "english-only": f.region(name="English only", slug="english-only"),
        "no-chinese": f.region(
            name="No Chinese",
            name_ru="Без китайского",
            description="A description.",
            description_ru="Описание.",
            description_zh_hans="描述。",
            slug="no-chinese",
        ),
        "no-russian-description": f.region(
            name="Described",
            name_ru="С описанием",
            name_zh_hans="有描述",
            description="Only in English.",
            slug="no-russian-description",
        ),
    }


def changelist(model_admin, rf, superuser, **params):
    request = rf.get("/admin/cooperation/region/", params)
    request.user = superuser
    return model_admin.get_changelist_instance(request)


def test_column_lists_missing_fields_per_language(model_admin, regions):
    column = model_admin.missing_translations
    assert column(regions["complete"]) == "—"
    assert column(regions["english-only"]) == "ru: name; zh-hans: name"
    assert column(regions["no-chinese"]) == "zh-hans: name"
    assert column(regions["no-russian-description"]) == "ru: description; zh-hans: description"


def test_an_optional_field_empty_in_every_language_is_not_missing(regions):
    assert missing_by_language(regions["complete"]) == {}


def test_column_has_a_translated_heading(model_admin):
    from django.utils import translation

    with translation.override("ru"):
        assert str(model_admin.missing_translations.short_description) == "нет перевода"


@pytest.mark.parametrize(
    "language,expected",
    [
        ("ru", ["english-only", "no-russian-description"]),
        ("zh-hans", ["english-only", "no-chinese", "no-russian-description"]),
        ("en", []),
    ],
)
def test_filter_lists_records_missing_a_language(
    model_admin, rf, superuser, regions, language, expected
):
    cl = changelist(model_admin, rf, superuser, missing_lang=language)
    assert sorted(region.slug for region in cl.result_list) == expected


def test_filter_offers_every_language_and_ignores_unknown_values(
    model_admin, rf, superuser, regions
):
    cl = changelist(model_admin, rf, superuser)
    (spec,) = cl.filter_specs
    assert [code for code, _label in spec.lookup_choices] == ["en", "ru", "zh-hans"]
    assert len(changelist(model_admin, rf, superuser, missing_lang="fr").result_list) == 4


def test_a_record_missing_english_is_listed_under_english(model_admin, rf, superuser, db):
    f.region(name="Only Russian", slug="only-russian")
    Region.objects.filter(slug="only-russian").update(name_en="", name_ru="Только русский")
    cl = changelist(model_admin, rf, superuser, missing_lang="en")
    assert [region.slug for region in cl.result_list] == ["only-russian"]
    assert model_admin.missing_translations(cl.result_list[0]) == "en: name; zh-hans: name"


@pytest.mark.parametrize(
    "model",
    [
        m
        for m, model_admin in admin.site._registry.items()
        if isinstance(model_admin, TranslationAdmin)
    ],
    ids=lambda m: m._meta.label,
)
def test_every_translated_admin_shows_missing_translations(rf, superuser, model):
    request = rf.get("/admin/")
    request.user = superuser
    model_admin = admin.site._registry[model]
    assert "missing_translations" in model_admin.get_list_display(request)
    assert MissingTranslationFilter in model_admin.get_list_filter(request)
