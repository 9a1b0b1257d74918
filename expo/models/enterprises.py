"""Sectors, enterprises and the exhibitions they take part in."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperation.models import Country, Region
from publishing.indexes import schedule_indexes, sorted_by_language
from publishing.models import PUBLICATION_CONSTRAINTS, live_or_none, live_q
from sources.models import CitingModel, CitingQuerySet

from .exhibitions import Exhibition


class Sector(CitingModel):
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        permissions = [("publish_sector", "Can publish and unpublish sectors")]
        constraints = PUBLICATION_CONSTRAINTS

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("expo:enterprise-list") + f"?sector={self.slug}"


class EnterpriseQuerySet(CitingQuerySet):
    def with_list_related(self):
        """The country, region and sector (a page shows the last two only while live:
        ``Enterprise.live_region``, ``live_sector``)."""
        return self.select_related("country").with_links("region", "sector")

    def with_detail_related(self):
        """The enterprise's sources, and its exhibitions with theirs."""
        participations = EnterpriseParticipation.objects.filter(
            live_q(Exhibition, "exhibition__")
        ).order_by(F("exhibition__start_date").desc(nulls_last=True), "pk")
        return (
            self.with_list_related()
            .with_sources()
            .prefetch_related(
                models.Prefetch(
                    "participations", queryset=participations.select_related("exhibition__city")
                ),
                "participations__exhibition__citations",
            )
        )


class Enterprise(CitingModel):
    name = models.CharField(_("name"), max_length=255)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="enterprises", verbose_name=_("country")
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enterprises",
        verbose_name=_("region"),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enterprises",
        verbose_name=_("sector"),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    exhibitions = models.ManyToManyField(
        Exhibition,
        through="EnterpriseParticipation",
        related_name="enterprises",
        verbose_name=_("exhibitions"),
        blank=True,
    )

    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        permissions = [("publish_enterprise", "Can publish and unpublish enterprises")]
        constraints = PUBLICATION_CONSTRAINTS
        # The directory, region and exhibition pages list enterprises by name in the
        # reader's language; name search has trigram indexes on PostgreSQL (migration 0005).
        indexes = [
            *sorted_by_language("enterprise", "name", "slug"),
            *schedule_indexes("enterprise"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("expo:enterprise-detail", kwargs={"slug": self.slug})

    @property
    def live_region(self):
        """The region, or None while it is not live (a page says "not stated")."""
        return live_or_none(self.region)

    @property
    def live_sector(self):
        """The sector, or None while it is not live."""
        return live_or_none(self.sector)

    def clean(self):
        super().clean()
        if self.region_id and self.country_id and self.region.country_id != self.country_id:
            raise ValidationError({"region": _("The region must be in the enterprise's country.")})


class EnterpriseParticipationQuerySet(models.QuerySet):
    def get_by_natural_key(self, enterprise_slug, exhibition_slug):
        return self.get(enterprise__slug=enterprise_slug, exhibition__slug=exhibition_slug)


class EnterpriseParticipation(models.Model):
    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("enterprise"),
    )
    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.PROTECT,
        related_name="enterprise_participations",
        verbose_name=_("exhibition"),
    )
    stand = models.CharField(_("stand"), max_length=50, blank=True)

    objects = EnterpriseParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["exhibition", "enterprise__name"]
        verbose_name = _("enterprise participation")
        verbose_name_plural = _("enterprise participations")
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "exhibition"], name="enterprise_participation_unique"
            ),
        ]

    def __str__(self):
        return f"{self.enterprise} – {self.exhibition}"

    def get_absolute_url(self):
        return self.enterprise.get_absolute_url()

    def natural_key(self):
        return (*self.enterprise.natural_key(), *self.exhibition.natural_key())

    natural_key.dependencies = ["expo.enterprise", "expo.exhibition"]
