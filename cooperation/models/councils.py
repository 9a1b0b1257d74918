"""Councils, their meetings and member regions, and the investment funds they set up."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from publishing.models import PUBLICATION_CONSTRAINTS, live_or_none, live_prefetch, live_q
from sources.models import CitingModel, CitingQuerySet

from .geography import City, Region
from .mechanisms import CooperationYears


class CharterStatus(models.TextChoices):
    UNKNOWN = "unknown", _("Unknown")
    NONE = "none", _("No charter")
    DEVELOPED = "developed", _("Drawn up")
    ADOPTED = "adopted", _("Adopted")


class MembershipTrend(models.TextChoices):
    UNKNOWN = "unknown", _("Unknown")
    INCREASED = "increased", _("Increased")
    UNCHANGED = "unchanged", _("Unchanged")
    DECREASED = "decreased", _("Decreased")


class CouncilQuerySet(CitingQuerySet):
    def with_list_related(self):
        """The thematic years (joined, not one more query; a page shows them only while
        live: ``Council.live_years``), with the citations of their period (one query: the
        period shows its source)."""
        return self.with_links("years").prefetch_related("years__citations")

    def with_detail_related(self):
        """The council with its sources, meetings (a timeline), live members and live funds."""
        meetings = CouncilMeeting.objects.order_by("number").prefetch_related(
            live_prefetch(CouncilMeeting, "city"), live_prefetch(CouncilMeeting, "years")
        )
        memberships = CouncilMembership.objects.filter(live_q(Region, "region__")).order_by(
            "region__country__code", "region__name", "pk"
        )
        return (
            self.with_list_related()
            .with_sources()
            .prefetch_related(
                models.Prefetch("meetings", queryset=meetings),
                models.Prefetch(
                    "memberships", queryset=memberships.select_related("region__country")
                ),
                live_prefetch(Council, "funds"),
            )
        )


class Council(CitingModel):
    name = models.CharField(_("name"), max_length=200)
    years = models.ForeignKey(
        CooperationYears,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="councils",
        verbose_name=_("thematic years"),
        help_text=_("The thematic years within which the reported work took place."),
    )
    charter_status = models.CharField(
        _("charter"), max_length=20, choices=CharterStatus.choices, default=CharterStatus.UNKNOWN
    )
    membership_trend = models.CharField(
        _("membership"),
        max_length=20,
        choices=MembershipTrend.choices,
        default=MembershipTrend.UNKNOWN,
        help_text=_("How the number of members changed in the reported period."),
    )
    description = models.TextField(_("description"), blank=True)

    objects = CouncilQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        permissions = [("publish_council", "Can publish and unpublish councils")]
        constraints = [
            *PUBLICATION_CONSTRAINTS,
            models.CheckConstraint(
                condition=Q(charter_status__in=CharterStatus.values),
                name="council_charter_status_valid",
                violation_error_message=_("Choose a charter status from the list."),
            ),
            models.CheckConstraint(
                condition=Q(membership_trend__in=MembershipTrend.values),
                name="council_membership_trend_valid",
                violation_error_message=_("Choose a membership trend from the list."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperation:council-detail", kwargs={"slug": self.slug})

    @property
    def live_years(self):
        """The thematic years of the council's work, or None while they are not live."""
        return live_or_none(self.years)


class CouncilMeetingQuerySet(models.QuerySet):
    def get_by_natural_key(self, council_slug, number):
        return self.get(council__slug=council_slug, number=number)


class CouncilMeeting(models.Model):
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("council")
    )
    number = models.PositiveSmallIntegerField(
        _("order on this site"),
        help_text=_(
            "Orders the meetings here; never shown as the council's own numbering, which a "
            "source may not state."
        ),
    )
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("Empty if unknown."))
    city = models.ForeignKey(
        City,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_meetings",
        verbose_name=_("city"),
        help_text=_("Empty if unknown."),
    )
    years = models.ForeignKey(
        CooperationYears,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_meetings",
        verbose_name=_("held within"),
    )
    summary = models.TextField(_("summary"), blank=True)

    objects = CouncilMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["council", "number"]
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")
        constraints = [
            models.UniqueConstraint(fields=["council", "number"], name="meeting_unique_number"),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="meeting_number_positive",
                violation_error_message=_("The meeting number must be 1 or more."),
            ),
        ]

    def __str__(self):
        if self.date:
            return _("%(council)s: meeting of %(date)s") % {
                "council": self.council,
                "date": self.date.isoformat(),
            }
        return _("%(council)s: meeting, date unknown") % {"council": self.council}

    def get_absolute_url(self):
        return f"{self.council.get_absolute_url()}#meeting-{self.number}"

    def natural_key(self):
        return (*self.council.natural_key(), self.number)

    natural_key.dependencies = ["cooperation.council"]


class CouncilMembershipQuerySet(models.QuerySet):
    def get_by_natural_key(self, council_slug, region_slug):
        return self.get(council__slug=council_slug, region__slug=region_slug)


class CouncilMembership(models.Model):
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("council")
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="council_memberships",
        verbose_name=_("region"),
    )
    joined_on = models.DateField(_("joined"), null=True, blank=True)
    left_on = models.DateField(_("left"), null=True, blank=True)

    objects = CouncilMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["council", "region__name"]
        verbose_name = _("council membership")
        verbose_name_plural = _("council memberships")
        constraints = [
            models.UniqueConstraint(fields=["council", "region"], name="membership_unique"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True)
                | Q(joined_on__isnull=True)
                | Q(left_on__gte=F("joined_on")),
                name="membership_left_not_before_joined",
                violation_error_message=_(
                    "The date of leaving cannot be before the date of joining."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.region} – {self.council}"

    def get_absolute_url(self):
        return self.council.get_absolute_url()

    def natural_key(self):
        return (*self.council.natural_key(), *self.region.natural_key())

    natural_key.dependencies = ["cooperation.council", "cooperation.region"]


class InvestmentFundQuerySet(CitingQuerySet):
    def with_list_related(self):
        """The council and thematic years, each only if it is live, with the citations of
        the years (their period shows its source)."""
        return self.prefetch_related(
            live_prefetch(InvestmentFund, "council"),
            live_prefetch(InvestmentFund, "years"),
            "years__citations",
        )

    def with_detail_related(self):
        """The fund's page: the list's loading and the fund's sources."""
        return self.with_list_related().with_sources()


class InvestmentFund(CitingModel):
    name = models.CharField(_("name"), max_length=255)
    council = models.ForeignKey(
        Council,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funds",
        verbose_name=_("set up by"),
    )
    years = models.ForeignKey(
        CooperationYears,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funds",
        verbose_name=_("set up within"),
    )
    established_year = models.PositiveSmallIntegerField(
        _("year set up"), null=True, blank=True, help_text=_("Empty if unknown.")
    )
    purpose = models.TextField(_("purpose"), blank=True)

    objects = InvestmentFundQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("investment fund")
        verbose_name_plural = _("investment funds")
        permissions = [("publish_investmentfund", "Can publish and unpublish investment funds")]
        constraints = PUBLICATION_CONSTRAINTS

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperation:fund-detail", kwargs={"slug": self.slug})
