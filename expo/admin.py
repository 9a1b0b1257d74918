from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models as db_models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from cooperation.admin_widgets import RegionSelect
from exchange.admin import ImportExportAdmin
from publishing.admin import HistoryAdmin, PublishableAdmin
from publishing.localized import in_default_language, localized
from publishing.locking import FingerprintForm
from publishing.models import EditorialStatus
from publishing.popup_admin import PublishedFromPopupMixin
from sources.admin import CitingAdmin

from . import models
from .resources import EnterpriseParticipationResource, EnterpriseResource


@admin.register(models.ExhibitionSeries)
class ExhibitionSeriesAdmin(PublishedFromPopupMixin, PublishableAdmin, CitingAdmin):
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


class ExhibitionForm(FingerprintForm):
    """For someone who may publish, "featured" moves: saving this exhibition as featured
    un-features the other one (``ExhibitionAdmin.save_model``), so the one-featured
    constraint is not checked against it here. For anyone else it is, with its message."""

    moves_featured = False

    def _post_clean(self):
        # Model validation runs in ModelForm._post_clean(); its only public result is
        # the form's errors, so the one-featured violation is taken out of them.
        super()._post_clean()
        errors = self._errors.get(NON_FIELD_ERRORS) if self.moves_featured else None
        if errors:
            constraint = next(
                c
                for c in models.Exhibition._meta.constraints
                if c.name == "exhibition_one_featured"
            )
            refused = str(constraint.get_violation_error_message())
            kept = [error for error in errors.as_data() if refused not in error.messages]
            if kept:
                self._errors[NON_FIELD_ERRORS] = self.error_class(
                    [m for error in kept for m in error.messages], error_class="nonfield"
                )
            else:
                del self._errors[NON_FIELD_ERRORS]


@admin.register(models.Exhibition)
class ExhibitionAdmin(PublishableAdmin, CitingAdmin):
    form = ExhibitionForm
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

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.moves_featured = self.has_publish_permission(request, obj)
        return form

    def save_model(self, request, obj, form, change):
        """Featured moves in one step: the other featured exhibition is un-featured in
        the same transaction (the admin saves a form in one), each with its history."""
        if obj.featured and getattr(form, "moves_featured", False):
            others = models.Exhibition.objects.filter(featured=True).exclude(pk=obj.pk)
            for other in others.select_for_update():
                other.featured = False
                other._history_user = request.user
                other.save(update_fields=["featured"])
                self.log_change(request, other, [{"changed": {"fields": ["featured"]}}])
                self.message_user(
                    request,
                    _("“%(name)s” is no longer featured on the home page.") % {"name": other},
                    messages.INFO,
                )
        super().save_model(request, obj, form, change)


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
class SectorAdmin(PublishedFromPopupMixin, PublishableAdmin, CitingAdmin):
    list_display = ["name", "slug"]
    search_fields = [*localized("name")]
    prepopulated_fields = {"slug": [in_default_language("name")]}


class EnterpriseParticipationInline(admin.TabularInline):
    model = models.EnterpriseParticipation
    autocomplete_fields = ["exhibition"]

    def get_extra(self, request, obj=None, **kwargs):
        # A new enterprise is added to an exhibition at once: one empty row to fill.
        return 1 if obj is None else 0


@admin.register(models.Enterprise)
class EnterpriseAdmin(PublishableAdmin, CitingAdmin, ImportExportAdmin):
    """Enterprises. From an exhibition's "Add an enterprise to this exhibition" link
    (``?exhibition=<id>``), the new enterprise's participation row names that exhibition
    and, for someone who may publish, the enterprise starts published: it is added to be
    listed on the exhibition's page (as a record made with "+" starts published,
    ``publishing.popup_admin``). Country, region and sector are plain selects, one
    choice each."""

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
    # Plain selects, not autocompletes: two countries, the regions follow the country
    # chosen (cooperation.admin_widgets.RegionSelect), a few dozen sectors (a draft one
    # is marked as such: publishing.linked_drafts.LinkedStateForm).
    prepopulated_fields = {"slug": [in_default_language("name")]}
    inlines = [EnterpriseParticipationInline]
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "region":
            kwargs["widget"] = RegionSelect(country_field="country")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def linked_exhibition(self, request):
        """The id of the exhibition the add form was opened from, or None."""
        exhibition = request.GET.get("exhibition", "")
        if exhibition.isdigit() and models.Exhibition.objects.filter(pk=exhibition).exists():
            return int(exhibition)
        return None

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if self.has_publish_permission(request) and self.linked_exhibition(request):
            initial.setdefault("status", EditorialStatus.PUBLISHED)
        return initial

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """From an exhibition's link: the participation row names it.

        Only on the form as shown: an extra row equal to its initial value counts as
        unchanged, and the formset would then save nothing for it.
        """
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if (
            request.method == "GET"
            and (obj is None or obj.pk is None)
            and isinstance(inline, EnterpriseParticipationInline)
            and (exhibition := self.linked_exhibition(request))
        ):
            kwargs["initial"] = [{"exhibition": exhibition}]
        return kwargs


@admin.register(models.EnterpriseParticipation)
class EnterpriseParticipationAdmin(HistoryAdmin, ImportExportAdmin):
    resource_classes = [EnterpriseParticipationResource]
    list_display = ["enterprise", "exhibition", "stand"]
    list_filter = ["exhibition"]
    list_select_related = ["enterprise", "exhibition"]
    search_fields = [*localized("enterprise__name")]
    autocomplete_fields = ["enterprise", "exhibition"]


@admin.register(models.ForumSeries)
class ForumSeriesAdmin(PublishedFromPopupMixin, PublishableAdmin, CitingAdmin):
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
