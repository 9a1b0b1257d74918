from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from exchange.admin import ImportExportAdmin
from publishing.admin import HistoryAdmin, PublishableAdmin, TranslatedHistoryAdmin
from publishing.localized import in_default_language, localized
from publishing.popup_admin import PublishedFromPopupMixin
from sources.admin import CitingAdmin

from . import models
from .resources import RegionResource


@admin.register(models.Country)
class CountryAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "code", "slug"]
    search_fields = ["name", *localized("name"), "code"]
    prepopulated_fields = {"slug": [in_default_language("name")]}


@admin.register(models.Region)
class RegionAdmin(PublishedFromPopupMixin, PublishableAdmin, CitingAdmin, ImportExportAdmin):
    resource_classes = [RegionResource]
    # Few columns, so that the publication state shows within 1366 pixels.
    list_display = ["name", "country", "iso_code"]
    list_filter = ["country", "kind"]
    list_select_related = ["country", "parent", "administrative_centre"]
    search_fields = [*localized("name"), "iso_code", "slug"]
    autocomplete_fields = ["country", "parent", "administrative_centre"]
    prepopulated_fields = {"slug": [in_default_language("name")]}


@admin.register(models.City)
class CityAdmin(PublishedFromPopupMixin, PublishableAdmin, CitingAdmin):
    list_display = ["name", "region", "country"]
    list_filter = ["region__country"]
    list_select_related = ["region", "region__country"]
    search_fields = [*localized("name"), "slug"]
    autocomplete_fields = ["region"]
    prepopulated_fields = {"slug": [in_default_language("name")]}

    @admin.display(description=models.Country._meta.verbose_name, ordering="region__country")
    def country(self, obj):
        return obj.region.country


@admin.register(models.CooperationYears)
class CooperationYearsAdmin(PublishedFromPopupMixin, PublishableAdmin, CitingAdmin):
    list_display = ["name", "start_year", "end_year"]
    search_fields = [*localized("name")]
    prepopulated_fields = {"slug": [in_default_language("name")]}


@admin.register(models.CooperationMechanism)
class CooperationMechanismAdmin(PublishableAdmin, CitingAdmin):
    list_display = ["name", "chinese_region", "russian_region"]
    list_select_related = ["chinese_region", "russian_region"]
    search_fields = [
        *localized("name"),
        *localized("chinese_region__name"),
        *localized("russian_region__name"),
    ]
    autocomplete_fields = ["chinese_region", "russian_region"]
    prepopulated_fields = {"slug": [in_default_language("name")]}


class CouncilMeetingInline(TranslationTabularInline):
    model = models.CouncilMeeting
    extra = 0
    autocomplete_fields = ["city", "years"]


class CouncilMembershipInline(admin.TabularInline):
    model = models.CouncilMembership
    extra = 0
    autocomplete_fields = ["region"]


@admin.register(models.Council)
class CouncilAdmin(PublishableAdmin, CitingAdmin):
    list_display = ["name", "years", "charter_status", "membership_trend"]
    list_filter = ["charter_status", "membership_trend"]
    list_select_related = ["years"]
    search_fields = [*localized("name")]
    autocomplete_fields = ["years"]
    prepopulated_fields = {"slug": [in_default_language("name")]}
    inlines = [CouncilMeetingInline, CouncilMembershipInline]


@admin.register(models.CouncilMeeting)
class CouncilMeetingAdmin(TranslatedHistoryAdmin):
    list_display = ["__str__", "council", "number", "date", "city"]
    list_filter = ["council"]
    list_select_related = ["council", "city"]
    search_fields = [
        *localized("council__name"),
        *localized("summary"),
        *localized("city__name"),
    ]
    autocomplete_fields = ["council", "city", "years"]
    date_hierarchy = "date"


@admin.register(models.CouncilMembership)
class CouncilMembershipAdmin(HistoryAdmin):
    list_display = ["region", "council", "joined_on", "left_on"]
    list_filter = ["council", "region__country"]
    list_select_related = ["region", "council"]
    search_fields = [*localized("region__name")]
    autocomplete_fields = ["council", "region"]
    date_hierarchy = "joined_on"


@admin.register(models.InvestmentFund)
class InvestmentFundAdmin(PublishableAdmin, CitingAdmin):
    list_display = ["name", "council", "established_year"]
    list_select_related = ["council"]
    search_fields = [*localized("name")]
    autocomplete_fields = ["council", "years"]
    prepopulated_fields = {"slug": [in_default_language("name")]}


@admin.register(models.TradeFigure)
class TradeFigureAdmin(PublishableAdmin, CitingAdmin):
    list_display = ["year", "qualifier", "value", "unit", "is_record"]
    list_filter = ["is_record", "qualifier", "unit"]
    search_fields = ["year", *localized("note"), "slug"]
    prepopulated_fields = {"slug": ["year"]}


@admin.register(models.CooperationAssessment)
class CooperationAssessmentAdmin(PublishableAdmin, CitingAdmin):
    list_display = [
        "title",
        "attributed_to",
        "covers_border_regions",
        "covers_inland_regions",
        "covers_coastal_regions",
    ]
    search_fields = [
        *localized("title"),
        *localized("statement"),
    ]
    prepopulated_fields = {"slug": [in_default_language("title")]}
