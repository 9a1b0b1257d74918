"""Exhibition series, their editions, and the countries and guests of honour at each."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperation.models import City, Country, Region
from publishing.models import PUBLICATION_CONSTRAINTS, live_prefetch, live_rows
from sources.models import CitingModel, CitingQuerySet


class ExhibitionSeries(CitingModel):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("exhibition series")
        verbose_name_plural = _("exhibition series")
        permissions = [("publish_exhibitionseries", "Can publish and unpublish exhibition series")]
        constraints = PUBLICATION_CONSTRAINTS

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("expo:exhibition-list") + f"?series={self.slug}"


class ExhibitionQuerySet(CitingQuerySet):
    def with_list_related(self):
        """Series, city, region and country, and the citations its dates show with."""
        return self.select_related(
            "series", "city", "city__region", "city__region__country"
        ).with_sources()

    def with_detail_related(self):
        from .forums import Forum  # forums imports this module

        return (
            self.with_list_related()
            .select_related("city__region__country")
            .prefetch_related(
                models.Prefetch(
                    "participations",
                    queryset=CountryParticipation.objects.select_related("country").order_by(
                        F("enterprises").desc(nulls_last=True), "country__code"
                    ),
                ),
                self._guests(),
                live_prefetch(Exhibition, "forums", Forum.objects.select_related("city")),
            )
        )

    def _guests(self):
        return live_rows(Exhibition, "guests_of_honour", "region", "region__country")

    def with_home_related(self):
        """The table of editions and, for whichever of them the home page features, its
        guests of honour (one query for all editions)."""
        return self.with_editions_related().prefetch_related(self._guests())

    def with_editions_related(self):
        """For a table of editions: the list's loading and each country's enterprise count."""
        return self.with_list_related().prefetch_related(
            models.Prefetch(
                "participations",
                queryset=CountryParticipation.objects.select_related("country").order_by(
                    "country__code"
                ),
            )
        )


def featured_or_latest(exhibitions):
    """Of ``exhibitions`` (a queryset or a list in the default order), the featured one,
    else the first (the latest); None if there are none."""
    exhibitions = list(exhibitions)
    return next((e for e in exhibitions if e.featured), exhibitions[0] if exhibitions else None)


def by_enterprises(participations):
    """Countries' participations with the most enterprises first (unknown last), as an
    exhibition's page lists them."""
    return sorted(
        participations,
        key=lambda p: (p.enterprises is None, -(p.enterprises or 0), p.country.code),
    )


class Exhibition(CitingModel):
    series = models.ForeignKey(
        ExhibitionSeries,
        on_delete=models.PROTECT,
        related_name="exhibitions",
        verbose_name=_("series"),
    )
    edition = models.PositiveSmallIntegerField(_("edition"))
    name = models.CharField(_("name"), max_length=255)
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="exhibitions", verbose_name=_("city")
    )
    venue = models.CharField(
        _("venue or host event"),
        max_length=255,
        blank=True,
        help_text=_("E.g. held at INNOPROM. Leave empty if not known."),
    )
    theme = models.CharField(_("theme"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    featured = models.BooleanField(
        _("featured on the home page"),
        default=False,
        help_text=_("At most one exhibition; if none is chosen, the home page shows the latest."),
    )

    objects = ExhibitionQuerySet.as_manager()

    class Meta:
        ordering = [F("start_date").desc(nulls_last=True), "-edition"]
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")
        permissions = [("publish_exhibition", "Can publish and unpublish exhibitions")]
        constraints = [
            *PUBLICATION_CONSTRAINTS,
            models.UniqueConstraint(fields=["series", "edition"], name="exhibition_unique_edition"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="exhibition_ends_after_start",
                violation_error_message=_("The last day cannot be before the first day."),
            ),
            models.CheckConstraint(
                condition=Q(edition__gte=1),
                name="exhibition_edition_positive",
                violation_error_message=_("The edition must be 1 or more."),
            ),
            models.UniqueConstraint(
                fields=["featured"],
                condition=Q(featured=True),
                name="exhibition_one_featured",
                violation_error_message=_("Only one exhibition can be featured on the home page."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("expo:exhibition-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})

    @property
    def country(self):
        return self.city.region.country


class CountryParticipationQuerySet(models.QuerySet):
    def get_by_natural_key(self, exhibition_slug, country_code):
        return self.get(exhibition__slug=exhibition_slug, country__code=country_code)


class CountryParticipation(models.Model):
    """How many enterprises, from how many provincial-level units, one country brought."""

    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("exhibition"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="exhibition_participations",
        verbose_name=_("country"),
    )
    enterprises = models.PositiveIntegerField(
        _("enterprises"), null=True, blank=True, help_text=_("Empty if unknown.")
    )
    provincial_units = models.PositiveIntegerField(
        _("provincial-level units"),
        null=True,
        blank=True,
        help_text=_("How many provinces or regions the enterprises came from; empty if unknown."),
    )

    objects = CountryParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["exhibition", "-enterprises", "country__code"]
        verbose_name = _("participation by country")
        verbose_name_plural = _("participation by country")
        constraints = [
            models.UniqueConstraint(
                fields=["exhibition", "country"], name="participation_unique_country"
            ),
            models.CheckConstraint(
                condition=Q(enterprises__gte=0) | Q(enterprises__isnull=True),
                name="participation_enterprises_not_negative",
                violation_error_message=_("The number of enterprises cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(provincial_units__gte=0) | Q(provincial_units__isnull=True),
                name="participation_units_not_negative",
                violation_error_message=_("The number of provincial units cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.country} – {self.exhibition}"

    def get_absolute_url(self):
        return self.exhibition.get_absolute_url()

    def natural_key(self):
        return (*self.exhibition.natural_key(), *self.country.natural_key())

    natural_key.dependencies = ["expo.exhibition", "cooperation.country"]


class GuestOfHonourQuerySet(models.QuerySet):
    def get_by_natural_key(self, exhibition_slug, region_slug):
        return self.get(exhibition__slug=exhibition_slug, region__slug=region_slug)


class GuestOfHonour(models.Model):
    """A region chosen as guest of honour of an exhibition; its country is its side."""

    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.CASCADE,
        related_name="guests_of_honour",
        verbose_name=_("exhibition"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="guest_of_honour_appearances",
        verbose_name=_("region"),
    )

    objects = GuestOfHonourQuerySet.as_manager()

    class Meta:
        ordering = ["exhibition", "region__country__code", "region__name"]
        verbose_name = _("guest of honour")
        verbose_name_plural = _("guests of honour")
        constraints = [
            models.UniqueConstraint(fields=["exhibition", "region"], name="guest_unique_region"),
        ]

    def __str__(self):
        return f"{self.region} – {self.exhibition}"

    def get_absolute_url(self):
        return self.exhibition.get_absolute_url()

    def natural_key(self):
        return (*self.exhibition.natural_key(), *self.region.natural_key())

    natural_key.dependencies = ["expo.exhibition", "cooperation.region"]
