from django.contrib import admin
from django.db import models as db_models

from core.admin import HistoryAdmin, ImportExportAdmin, PublishableAdmin

from . import models
from .resources import EnterpriseResource


@admin.register(models.ExhibitionSeries)
class ExhibitionSeriesAdmin(PublishableAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_ru", "name_zh_hans"]
    prepopulated_fields = {"slug": ["name_en"]}


class CountryParticipationInline(admin.TabularInline):
    model = models.CountryParticipation
    extra = 0
    autocomplete_fields = ["country"]


class GuestOfHonourInline(admin.TabularInline):
    model = models.GuestOfHonour
    extra = 0
    autocomplete_fields = ["region"]


@admin.register(models.Exhibition)
class ExhibitionAdmin(PublishableAdmin):
    list_display = ["name", "edition", "series", "start_date", "end_date", "city"]
    list_filter = ["series", "city"]
    list_select_related = ["series", "city"]
    search_fields = [
        "name_en",
        "name_ru",
        "name_zh_hans",
        "theme_en",
        "theme_ru",
        "theme_zh_hans",
        "city__name_en",
        "city__name_ru",
        "city__name_zh_hans",
    ]
    autocomplete_fields = ["series", "city"]
    prepopulated_fields = {"slug": ["name_en"]}
    date_hierarchy = "start_date"
    inlines = [CountryParticipationInline, GuestOfHonourInline]


@admin.register(models.CountryParticipation)
class CountryParticipationAdmin(HistoryAdmin):
    list_display = ["exhibition", "country", "enterprises", "provincial_units"]
    list_filter = ["country", "exhibition"]
    list_select_related = ["exhibition", "country"]
    search_fields = [
        "exhibition__name_en",
        "exhibition__name_ru",
        "exhibition__name_zh_hans",
        "country__name_en",
        "country__name_ru",
        "country__name_zh_hans",
    ]
    autocomplete_fields = ["exhibition", "country"]


@admin.register(models.GuestOfHonour)
class GuestOfHonourAdmin(HistoryAdmin):
    list_display = ["region", "exhibition"]
    list_filter = ["exhibition", "region__country"]
    list_select_related = ["region", "exhibition"]
    search_fields = ["region__name_en", "region__name_ru", "region__name_zh_hans"]
    autocomplete_fields = ["exhibition", "region"]


@admin.register(models.Sector)
class SectorAdmin(PublishableAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_ru", "name_zh_hans"]
    prepopulated_fields = {"slug": ["name_en"]}


class EnterpriseParticipationInline(admin.TabularInline):
    model = models.EnterpriseParticipation
    extra = 0
    autocomplete_fields = ["exhibition"]


@admin.register(models.Enterprise)
class EnterpriseAdmin(ImportExportAdmin, PublishableAdmin):
    resource_classes = [EnterpriseResource]
    list_display = ["name", "country", "region", "sector", "website"]
    list_filter = ["country", "sector"]
    list_select_related = ["country", "region", "sector"]
    search_fields = [
        "name_en",
        "name_ru",
        "name_zh_hans",
        "slug",
        "region__name_en",
        "region__name_ru",
        "region__name_zh_hans",
    ]
    autocomplete_fields = ["country", "region", "sector"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [EnterpriseParticipationInline]
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}


@admin.register(models.EnterpriseParticipation)
class EnterpriseParticipationAdmin(HistoryAdmin):
    list_display = ["enterprise", "exhibition", "stand"]
    list_filter = ["exhibition"]
    list_select_related = ["enterprise", "exhibition"]
    search_fields = ["enterprise__name_en", "enterprise__name_ru", "enterprise__name_zh_hans"]
    autocomplete_fields = ["enterprise", "exhibition"]


@admin.register(models.ForumSeries)
class ForumSeriesAdmin(PublishableAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_ru", "name_zh_hans"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(models.Forum)
class ForumAdmin(PublishableAdmin):
    list_display = ["name", "edition", "series", "date", "city", "exhibition"]
    list_filter = ["series", "city"]
    list_select_related = ["series", "city", "exhibition"]
    search_fields = [
        "name_en",
        "name_ru",
        "name_zh_hans",
        "summary_en",
        "summary_ru",
        "summary_zh_hans",
    ]
    autocomplete_fields = ["series", "city", "exhibition", "countries"]
    prepopulated_fields = {"slug": ["name_en"]}
    date_hierarchy = "date"
