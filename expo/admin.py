from django.contrib import admin
from django.db import models as db_models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from exchange.admin import ImportExportAdmin
from publishing.admin import HistoryAdmin, PublishableAdmin
from publishing.localized import in_default_language, localized
from sources.admin import CitingAdmin

from . import models
from .resources import EnterpriseParticipationResource, EnterpriseResource


@admin.register(models.ExhibitionSeries)
class ExhibitionSeriesAdmin(PublishableAdmin, CitingAdmin):
    list_display = ["name", "slug"]
    search_fields = [*localized("name")]
    prepopulated_fields = {"slug": [in_default_language("name")]}


class CountryParticipationInline(admin.TabularInline):
    model = models.CountryParticipation
    extra = 0
    autocomplete_fields = ["country"]


class GuestOfHonourInline(admin.TabularInline):
    model = models.GuestOfHonour
    extra = 0
    autocomplete_fields = ["region"]


@admin.register(models.Exhibition)
class ExhibitionAdmin(PublishableAdmin, CitingAdmin):
    # Few columns, so that the publication state shows within 1366 pixels; the series
    # and edition are in the name and the filters.
    list_display = ["name", "dates", "city"]
    list_filter = ["series", "city"]
    list_select_related = ["series", "city"]
    search_fields = [
        *localized("name"),
        *localized("theme"),
        *localized("city__name"),
    ]
    autocomplete_fields = ["series", "city"]
    prepopulated_fields = {"slug": [in_default_language("name")]}
    date_hierarchy = "start_date"
    inlines = [CountryParticipationInline, GuestOfHonourInline]

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        """E.g. "15.06.2019 – 19.06.2019"; empty where not known."""
        days = [
            date_format(day, "SHORT_DATE_FORMAT") for day in (obj.start_date, obj.end_date) if day
        ]
        return " – ".join(dict.fromkeys(days)) or "—"


@admin.register(models.CountryParticipation)
class CountryParticipationAdmin(HistoryAdmin):
    list_display = ["exhibition", "country", "enterprises", "provincial_units"]
    list_filter = ["country", "exhibition"]
    list_select_related = ["exhibition", "country"]
    search_fields = [
        *localized("exhibition__name"),
        *localized("country__name"),
    ]
    autocomplete_fields = ["exhibition", "country"]


@admin.register(models.GuestOfHonour)
class GuestOfHonourAdmin(HistoryAdmin):
    list_display = ["region", "exhibition"]
    list_filter = ["exhibition", "region__country"]
    list_select_related = ["region", "exhibition"]
    search_fields = [*localized("region__name")]
    autocomplete_fields = ["exhibition", "region"]


@admin.register(models.Sector)
class SectorAdmin(PublishableAdmin, CitingAdmin):
    list_display = ["name", "slug"]
    search_fields = [*localized("name")]
    prepopulated_fields = {"slug": [in_default_language("name")]}


class EnterpriseParticipationInline(admin.TabularInline):
    model = models.EnterpriseParticipation
    extra = 0
    autocomplete_fields = ["exhibition"]


@admin.register(models.Enterprise)
class EnterpriseAdmin(PublishableAdmin, CitingAdmin, ImportExportAdmin):
    resource_classes = [EnterpriseResource]
    # Few columns, so that the publication state shows within 1366 pixels.
    list_display = ["name", "country", "sector"]
    list_filter = ["country", "sector"]
    list_select_related = ["country", "region", "sector"]
    search_fields = [
        *localized("name"),
        "slug",
        *localized("region__name"),
    ]
    autocomplete_fields = ["country", "region", "sector"]
    prepopulated_fields = {"slug": [in_default_language("name")]}
    inlines = [EnterpriseParticipationInline]
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}


@admin.register(models.EnterpriseParticipation)
class EnterpriseParticipationAdmin(HistoryAdmin, ImportExportAdmin):
    resource_classes = [EnterpriseParticipationResource]
    list_display = ["enterprise", "exhibition", "stand"]
    list_filter = ["exhibition"]
    list_select_related = ["enterprise", "exhibition"]
    search_fields = [*localized("enterprise__name")]
    autocomplete_fields = ["enterprise", "exhibition"]


@admin.register(models.ForumSeries)
class ForumSeriesAdmin(PublishableAdmin, CitingAdmin):
    list_display = ["name", "slug"]
    search_fields = [*localized("name")]
    prepopulated_fields = {"slug": [in_default_language("name")]}


@admin.register(models.Forum)
class ForumAdmin(PublishableAdmin, CitingAdmin):
    # Few columns, so that the publication state shows within 1366 pixels.
    list_display = ["name", "date", "city"]
    list_filter = ["series", "city"]
    list_select_related = ["series", "city", "exhibition"]
    search_fields = [
        *localized("name"),
        *localized("summary"),
    ]
    autocomplete_fields = ["series", "city", "exhibition", "countries"]
    prepopulated_fields = {"slug": [in_default_language("name")]}
    date_hierarchy = "date"
