"""Thematic years of cooperation and the mechanisms that pair a Chinese region with a
Russian one.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from publishing.models import PUBLICATION_CONSTRAINTS, live_prefetch, live_q
from sources.models import CitingModel, CitingQuerySet

from .geography import Region


class CooperationYearsQuerySet(CitingQuerySet):
    def with_detail_related(self):
        """The page of thematic years: their sources, and what was set up within them."""
        from .councils import Council, CouncilMeeting  # councils imports this module

        meetings = CouncilMeeting.objects.filter(live_q(Council, "council__"))
        return self.with_sources().prefetch_related(
            live_prefetch(CooperationYears, "councils"),
            live_prefetch(CooperationYears, "funds"),
            models.Prefetch(
                "council_meetings",
                queryset=meetings.select_related("council").prefetch_related(
                    live_prefetch(CouncilMeeting, "city")
                ),
            ),
        )


class CooperationYears(CitingModel):
    """A thematic period, e.g. the Years of China-Russia Interregional Cooperation 2018-2019."""

    name = models.CharField(_("name"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    description = models.TextField(_("description"), blank=True)

    objects = CooperationYearsQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year", "name"]
        verbose_name = _("thematic years")
        verbose_name_plural = _("thematic years")
        permissions = [("publish_cooperationyears", "Can publish and unpublish thematic years")]
        constraints = [
            *PUBLICATION_CONSTRAINTS,
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="years_end_not_before_start",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
        ]

    def __str__(self):
        # Translated, so that Chinese reads with full-width brackets: "…（2018—2019年）".
        return _("%(name)s (%(start)s–%(end)s)") % {
            "name": self.name,
            "start": self.start_year,
            "end": self.end_year,
        }

    def get_absolute_url(self):
        return reverse("cooperation:years-detail", kwargs={"slug": self.slug})


class MechanismQuerySet(CitingQuerySet):
    def with_list_related(self):
        return self.select_related(
            "chinese_region", "chinese_region__country", "russian_region", "russian_region__country"
        )

    def with_detail_related(self):
        """The mechanism's sources, both sides, the regions each side lies within and the
        live regions within each."""
        within = Region.objects.select_related("country").prefetch_related(
            live_prefetch(Region, "subregions", Region.objects.select_related("country"))
        )
        return (
            self.with_sources()
            .select_related(
                "chinese_region__country",
                "russian_region__country",
            )
            .prefetch_related(
                live_prefetch(CooperationMechanism, "chinese_region__subregions", within),
                live_prefetch(CooperationMechanism, "russian_region__subregions", within),
            )
        )

    def for_region(self, region):
        """Mechanisms that include the region or any region it lies within."""
        ids = [region.pk, *(r.pk for r in region.ancestors())]
        return self.filter(Q(chinese_region__in=ids) | Q(russian_region__in=ids))


class CooperationMechanism(CitingModel):
    """A standing format pairing a Chinese region with a Russian one."""

    name = models.CharField(_("name"), max_length=200)
    chinese_region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="mechanisms_as_chinese_side",
        verbose_name=_("Chinese side"),
    )
    russian_region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="mechanisms_as_russian_side",
        verbose_name=_("Russian side"),
    )
    description = models.TextField(_("description"), blank=True)

    objects = MechanismQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cooperation mechanism")
        verbose_name_plural = _("cooperation mechanisms")
        permissions = [
            ("publish_cooperationmechanism", "Can publish and unpublish cooperation mechanisms")
        ]
        constraints = [
            *PUBLICATION_CONSTRAINTS,
            models.UniqueConstraint(
                fields=["chinese_region", "russian_region"], name="mechanism_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(chinese_region=F("russian_region")),
                name="mechanism_two_regions",
                violation_error_message=_("Choose two different regions."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperation:mechanism-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.chinese_region_id and self.chinese_region.country.code != "CN":
            errors["chinese_region"] = _("Choose a region of China.")
        if self.russian_region_id and self.russian_region.country.code != "RU":
            errors["russian_region"] = _("Choose a region of Russia.")
        if errors:
            raise ValidationError(errors)
