"""Forum series and their forums, some held within an exhibition."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperation.models import City, Country
from publishing.models import PUBLICATION_CONSTRAINTS, live_or_none
from sources.models import CitingModel, CitingQuerySet

from .exhibitions import Exhibition


class ForumSeries(CitingModel):
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("forum series")
        verbose_name_plural = _("forum series")
        permissions = [("publish_forumseries", "Can publish and unpublish forum series")]
        constraints = PUBLICATION_CONSTRAINTS

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("expo:forum-list") + f"?series={self.slug}"


class ForumQuerySet(CitingQuerySet):
    def with_list_related(self):
        """Series and city (live with the forum), the exhibition with what it cannot
        exist without (``Forum.live_exhibition``), and the citations."""
        return self.select_related("series", "city").with_links("exhibition").with_sources()

    def with_detail_related(self):
        """The forum's sources, series, city, live exhibition and countries."""
        return (
            self.with_sources()
            .select_related("series", "city__region__country")
            .with_links("exhibition")
            .prefetch_related("countries")
        )


class Forum(CitingModel):
    series = models.ForeignKey(
        ForumSeries, on_delete=models.PROTECT, related_name="forums", verbose_name=_("series")
    )
    edition = models.PositiveSmallIntegerField(_("edition"))
    name = models.CharField(_("name"), max_length=255)
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("Empty if unknown."))
    city = models.ForeignKey(
        City, on_delete=models.PROTECT, related_name="forums", verbose_name=_("city")
    )
    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forums",
        verbose_name=_("held within"),
    )
    participants = models.CharField(
        _("who took part"), max_length=500, blank=True, help_text=_("E.g. officials and business.")
    )
    countries = models.ManyToManyField(
        Country, related_name="forums", verbose_name=_("countries taking part"), blank=True
    )
    summary = models.TextField(_("summary"), blank=True)

    objects = ForumQuerySet.as_manager()

    class Meta:
        ordering = [F("date").desc(nulls_last=True), "-edition"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        permissions = [("publish_forum", "Can publish and unpublish forums")]
        constraints = [
            *PUBLICATION_CONSTRAINTS,
            models.UniqueConstraint(fields=["series", "edition"], name="forum_unique_edition"),
            models.CheckConstraint(
                condition=Q(edition__gte=1),
                name="forum_edition_positive",
                violation_error_message=_("The edition must be 1 or more."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("expo:forum-detail", kwargs={"slug": self.slug})

    @property
    def live_exhibition(self):
        """The exhibition it was held within, or None while that is not live."""
        return live_or_none(self.exhibition)

    def clean(self):
        super().clean()
        exhibition = self.exhibition if self.exhibition_id else None
        if (
            exhibition
            and self.date
            and exhibition.start_date
            and exhibition.end_date
            and not exhibition.start_date <= self.date <= exhibition.end_date
        ):
            raise ValidationError(
                {"date": _("A forum held within an exhibition must fall on its dates.")}
            )
