"""Reported trade figures and assessments of the state of cooperation."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from publishing.models import PUBLICATION_CONSTRAINTS
from sources.models import CitingModel, CitingQuerySet


class TradeUnit(models.TextChoices):
    USD_BILLION = "usd_billion", _("billion US dollars")
    USD_MILLION = "usd_million", _("million US dollars")


class Qualifier(models.TextChoices):
    EXACT = "exact", _("exactly")
    MORE_THAN = "more_than", _("more than")
    LESS_THAN = "less_than", _("less than")
    ABOUT = "about", _("about")


class TradeFigure(CitingModel):
    """Bilateral China-Russia trade in one year, as one source reports it."""

    year = models.PositiveSmallIntegerField(_("year"))
    qualifier = models.CharField(
        _("qualifier"), max_length=20, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    unit = models.CharField(
        _("unit"), max_length=20, choices=TradeUnit.choices, default=TradeUnit.USD_BILLION
    )
    is_record = models.BooleanField(_("historical record"), default=False)
    note = models.TextField(_("note"), blank=True)

    objects = CitingQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "slug"]
        verbose_name = _("trade figure")
        verbose_name_plural = _("trade figures")
        permissions = [("publish_tradefigure", "Can publish and unpublish trade figures")]
        constraints = [
            *PUBLICATION_CONSTRAINTS,
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="trade_value_not_negative",
                violation_error_message=_("The value cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900) & Q(year__lte=2100),
                name="trade_year_plausible",
                violation_error_message=_("The year must be between 1900 and 2100."),
            ),
            models.CheckConstraint(
                condition=Q(qualifier__in=Qualifier.values),
                name="trade_qualifier_valid",
                violation_error_message=_("Choose a qualifier from the list."),
            ),
            models.CheckConstraint(
                condition=Q(unit__in=TradeUnit.values),
                name="trade_unit_valid",
                violation_error_message=_("Choose a unit from the list."),
            ),
        ]

    def __str__(self):
        separator = pgettext("label separator", ": ")  # Chinese "："
        return f"{self.year}{separator}{self.display_value}"

    def get_absolute_url(self):
        return reverse("cooperation:tradefigure-detail", kwargs={"slug": self.slug})

    @property
    def display_value(self):
        """E.g. "more than 100 billion US dollars", phrased in the active language."""
        from ..amounts import trade_amount  # amounts imports this module

        return trade_amount(self)


class CooperationAssessment(CitingModel):
    """A reported judgement on the state of cooperation, e.g. by experts."""

    title = models.CharField(_("title"), max_length=255)
    attributed_to = models.CharField(_("attributed to"), max_length=200)
    statement = models.TextField(_("statement"))
    covers_border_regions = models.BooleanField(
        _("covers border regions"), null=True, blank=True, help_text=_("Empty if not stated.")
    )
    covers_inland_regions = models.BooleanField(
        _("covers inland regions"), null=True, blank=True, help_text=_("Empty if not stated.")
    )
    covers_coastal_regions = models.BooleanField(
        _("covers coastal regions"), null=True, blank=True, help_text=_("Empty if not stated.")
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("cooperation assessment")
        verbose_name_plural = _("cooperation assessments")
        permissions = [
            ("publish_cooperationassessment", "Can publish and unpublish cooperation assessments")
        ]
        constraints = PUBLICATION_CONSTRAINTS

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cooperation:assessment-detail", kwargs={"slug": self.slug})
