"""Geography and the institutions of China-Russia interregional cooperation.

Unknown facts stay unknown: optional dates, counts and places are nullable and
shown as "unknown"; a figure reported as "more than" keeps its qualifier.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.models import (
    PUBLICATION_CONSTRAINTS,
    live_prefetch,
    live_q,
    live_related,
    live_rows,
)
from sources.models import Citation, CitingModel, CitingQuerySet, cited_record
from web.addresses import slug_url


class CountryQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)

    def with_detail_related(self):
        """The country's live regions (its part in exhibitions: expo's section)."""
        return self.prefetch_related(
            models.Prefetch("regions", queryset=Region.objects.published().with_list_related()),
        )


class Country(models.Model):
    code = models.CharField(
        _("ISO 3166-1 code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use two capital letters, e.g. CN or RU."))],
        help_text=_("ISO 3166-1 alpha-2, e.g. CN or RU."),
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso_alpha2"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("cooperation:country-detail", self.slug)

    def natural_key(self):
        return (self.code,)


class RegionKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    AUTONOMOUS_REGION = "autonomous_region", _("Autonomous region")
    MUNICIPALITY = "municipality", _("Municipality")
    REPUBLIC = "republic", _("Republic")
    OBLAST = "oblast", _("Oblast")
    KRAI = "krai", _("Krai")
    FEDERAL_CITY = "federal_city", _("Federal city")
    AUTONOMOUS_OKRUG = "autonomous_okrug", _("Autonomous okrug")
    FEDERAL_DISTRICT = "federal_district", _("Federal district")
    MACRO_REGION = "macro_region", _("Macro-region")


class RegionQuerySet(CitingQuerySet):
    """Regions form a tree of any depth (``parent``), walked in ``RegionTree``."""

    def for_country(self, code):
        return self.filter(country__code=code)

    def with_list_related(self):
        """The country, and the larger region only if it is live."""
        return self.select_related("country").prefetch_related(live_prefetch(Region, "parent"))

    def live_subtree_ids(self, region):
        """The ids of ``region`` and of the live regions inside it, at any depth.

        What a larger region's page and the enterprise filter roll up: the Russian Far
        East takes in the regions within it and the regions within those. A region that
        is not live is left out with everything below it, so a draft region hides its
        subtree; ``region`` itself is always included (a staff preview of a draft region
        shows its own records).

        From the region's ``RegionTree`` (one small query, shared with ``ancestors()``),
        walked so that it cannot loop on bad data.
        """
        return region.tree().subtree(region.pk)

    def with_detail_related(self):
        """A region with the regions it lies within and the live records that refer to it.

        ``ancestors()`` loads the regions it lies within in two queries at any depth
        (the first shared with ``live_subtree_ids()``).
        What happened in the regions inside it (exhibitions, guest-of-honour
        appearances, enterprises) is loaded by the view, for the region and all its live
        subregions at any depth (``live_subtree_ids()``).
        """
        return live_related(
            self.select_related("country"), "administrative_centre"
        ).prefetch_related(
            live_prefetch(Region, "subregions", Region.objects.select_related("country")),
            live_prefetch(Region, "cities"),
            live_rows(Region, "council_memberships", "council"),
        )


class RegionTree:
    """The regions' tree as one query reads it: each region's parent and which are live.

    Regions are few (the subjects and provinces of two countries and the districts
    above them), so one query of their parents and publication fields serves every walk
    up or down a page needs, with the liveness decided as ``live_q`` does at the
    request's time by ``live_q`` itself.
    The walks keep track of what they have seen, so a loop in bad data ends them.
    """

    def __init__(self, rows):
        self.parent = {}
        self.children = {}
        self.live = set()
        for pk, parent_id, is_live in rows:
            self.parent[pk] = parent_id
            self.children.setdefault(parent_id, []).append(pk)
            if is_live:
                self.live.add(pk)

    @classmethod
    def load(cls, now=None):
        now = now or timezone.now()
        is_live = ExpressionWrapper(live_q(Region, now=now), output_field=BooleanField())
        rows = Region.objects.order_by().annotate(is_live=is_live)
        return cls(rows.values_list("pk", "parent_id", "is_live"))

    def path_up(self, pk):
        """The ids above ``pk``, nearest first; None if they loop (no root above it)."""
        path, seen, parent = [], {pk}, self.parent.get(pk)
        while parent is not None:
            if parent in seen:
                return None
            seen.add(parent)
            path.append(parent)
            parent = self.parent.get(parent)
        return path

    def subtree(self, pk):
        """``pk`` and the live regions below it at any depth, not below one that is not.

        A region on a loop (no root above it) has nothing below it, as in a recursive
        query that starts from the roots."""
        if self.path_up(pk) is None:
            return {pk}
        ids, todo = {pk}, [pk]
        while todo:
            for child in self.children.get(todo.pop(), ()):
                if child in self.live and child not in ids:
                    ids.add(child)
                    todo.append(child)
        return ids


class Region(CitingModel):
    name = models.CharField(_("name"), max_length=200)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="regions", verbose_name=_("country")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=RegionKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subregions",
        verbose_name=_("part of"),
        help_text=_("The larger region this one lies within, e.g. Northeast China."),
    )
    iso_code = models.CharField(
        _("ISO 3166-2 code"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}-[A-Z0-9]{1,3}$", _("Use the form CN-HL or RU-SA."))],
        help_text=_("Only for official subdivisions, e.g. CN-HL. Leave empty if none."),
    )
    administrative_centre = models.ForeignKey(
        "City",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="administered_regions",
        verbose_name=_("administrative centre"),
    )
    description = models.TextField(_("description"), blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["country__code", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        permissions = [("publish_region", "Can publish and unpublish regions")]
        constraints = [
            *PUBLICATION_CONSTRAINTS,
            models.UniqueConstraint(
                fields=["iso_code"], condition=~Q(iso_code=""), name="region_iso_code_unique"
            ),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="region_not_own_parent"),
            models.CheckConstraint(
                condition=Q(kind__in=RegionKind.values), name="region_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(iso_code="") | Q(iso_code__regex=r"^[A-Z]{2}-[A-Z0-9]{1,3}$"),
                name="region_iso_code_format",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("cooperation:region-detail", self.slug)

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.iso_code
            and self.country_id
            and not self.iso_code.startswith(f"{self.country.code}-")
        ):
            errors["iso_code"] = _("The code must start with the country code, e.g. %(code)s-.") % {
                "code": self.country.code
            }
        if self.parent_id and self.country_id and self.parent.country_id != self.country_id:
            errors["parent"] = _("The larger region must be in the same country.")
        if self.parent_id and self.pk:
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk:
                    errors["parent"] = _("A region cannot lie within itself.")
                    break
                ancestor = ancestor.parent
        if (
            self.administrative_centre_id
            and self.pk
            and self.administrative_centre.region_id != self.pk
        ):
            errors["administrative_centre"] = _("The administrative centre must be in this region.")
        if errors:
            raise ValidationError(errors)

    def ancestors(self):
        """The live regions this one lies within, nearest first (for the public pages).

        The path up comes from the region's ``RegionTree`` (one query, shared with
        ``live_subtree_ids()``), then one query for the regions on it; made once per
        region object: the breadcrumbs, the "part of" line and the mechanisms of larger
        regions share them. A loop in the data (no root above the region) gives none.
        """
        if self._ancestors is None:
            if self.parent_id is None:
                self._ancestors = []
            else:
                tree = self.tree()
                path = [pk for pk in tree.path_up(self.pk) or () if pk in tree.live]
                found = Region.objects.select_related("country").in_bulk(path)
                self._ancestors = [found[pk] for pk in path if pk in found]
        return self._ancestors

    def tree(self):
        """Every region's parent and liveness now (``RegionTree``), read once per object."""
        if self._tree is None:
            self._tree = RegionTree.load()
        return self._tree

    _tree = None
    _ancestors = None


class CityQuerySet(CitingQuerySet):
    def with_list_related(self):
        return self.select_related("region", "region__country")

    def with_detail_related(self):
        return self.select_related("region__country").prefetch_related(
            live_prefetch(City, "administered_regions"),
            live_rows(City, "council_meetings", "council"),
        )


class City(CitingModel):
    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="cities", verbose_name=_("region")
    )
    description = models.TextField(_("description"), blank=True)

    objects = CityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        permissions = [("publish_city", "Can publish and unpublish cities")]
        constraints = PUBLICATION_CONSTRAINTS

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("cooperation:city-detail", self.slug)

    @property
    def country(self):
        return self.region.country


class CooperationYearsQuerySet(CitingQuerySet):
    def with_detail_related(self):
        meetings = CouncilMeeting.objects.filter(live_q(Council, "council__"))
        return self.prefetch_related(
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
                condition=Q(end_year__gte=F("start_year")), name="years_end_not_before_start"
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
        return slug_url("cooperation:years-detail", self.slug)


class MechanismQuerySet(CitingQuerySet):
    def with_list_related(self):
        return self.select_related(
            "chinese_region", "chinese_region__country", "russian_region", "russian_region__country"
        )

    def with_detail_related(self):
        """Both sides, the regions each side lies within and the live regions within each."""
        within = Region.objects.select_related("country").prefetch_related(
            live_prefetch(Region, "subregions", Region.objects.select_related("country"))
        )
        return self.select_related(
            "chinese_region__country",
            "russian_region__country",
        ).prefetch_related(
            live_prefetch(CooperationMechanism, "chinese_region__subregions", within),
            live_prefetch(CooperationMechanism, "russian_region__subregions", within),
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
                condition=~Q(chinese_region=F("russian_region")), name="mechanism_two_regions"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("cooperation:mechanism-detail", self.slug)

    def clean(self):
        super().clean()
        errors = {}
        if self.chinese_region_id and self.chinese_region.country.code != "CN":
            errors["chinese_region"] = _("Choose a region of China.")
        if self.russian_region_id and self.russian_region.country.code != "RU":
            errors["russian_region"] = _("Choose a region of Russia.")
        if errors:
            raise ValidationError(errors)


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
        """The thematic years, only if they are live (joined, not one more query)."""
        return live_related(self, "years")

    def with_detail_related(self):
        """The council with its meetings (a timeline), live members and live funds."""
        meetings = CouncilMeeting.objects.order_by("number").prefetch_related(
            live_prefetch(CouncilMeeting, "city"), live_prefetch(CouncilMeeting, "years")
        )
        memberships = CouncilMembership.objects.filter(live_q(Region, "region__")).order_by(
            "region__country__code", "region__name", "pk"
        )
        return self.with_list_related().prefetch_related(
            models.Prefetch("meetings", queryset=meetings),
            models.Prefetch("memberships", queryset=memberships.select_related("region__country")),
            live_prefetch(Council, "funds"),
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
            ),
            models.CheckConstraint(
                condition=Q(membership_trend__in=MembershipTrend.values),
                name="council_membership_trend_valid",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("cooperation:council-detail", self.slug)


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
            models.CheckConstraint(condition=Q(number__gte=1), name="meeting_number_positive"),
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
        """The council and thematic years, each only if it is live."""
        return self.prefetch_related(
            live_prefetch(InvestmentFund, "council"), live_prefetch(InvestmentFund, "years")
        )


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
        return slug_url("cooperation:fund-detail", self.slug)


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
            models.CheckConstraint(condition=Q(value__gte=0), name="trade_value_not_negative"),
            models.CheckConstraint(
                condition=Q(year__gte=1900) & Q(year__lte=2100), name="trade_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(qualifier__in=Qualifier.values), name="trade_qualifier_valid"
            ),
            models.CheckConstraint(condition=Q(unit__in=TradeUnit.values), name="trade_unit_valid"),
        ]

    def __str__(self):
        return f"{self.year}: {self.display_value}"

    def get_absolute_url(self):
        return slug_url("cooperation:tradefigure-detail", self.slug)

    @property
    def display_value(self):
        """E.g. "more than 100 billion US dollars", phrased in the active language."""
        from .amounts import trade_amount  # amounts imports this module

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
        return slug_url("cooperation:assessment-detail", self.slug)


# Citations: the sources each record cites (publishing.models.Citation).


class RegionCitation(Citation):
    record = cited_record(Region)

    class Meta(Citation.Meta):
        verbose_name = _("citation")
        verbose_name_plural = _("citations")


class CityCitation(Citation):
    record = cited_record(City)

    class Meta(Citation.Meta):
        verbose_name = _("citation")
        verbose_name_plural = _("citations")


class CooperationYearsCitation(Citation):
    record = cited_record(CooperationYears)

    class Meta(Citation.Meta):
        verbose_name = _("citation")
        verbose_name_plural = _("citations")


class CooperationMechanismCitation(Citation):
    record = cited_record(CooperationMechanism)

    class Meta(Citation.Meta):
        verbose_name = _("citation")
        verbose_name_plural = _("citations")


class CouncilCitation(Citation):
    record = cited_record(Council)

    class Meta(Citation.Meta):
        verbose_name = _("citation")
        verbose_name_plural = _("citations")


class InvestmentFundCitation(Citation):
    record = cited_record(InvestmentFund)

    class Meta(Citation.Meta):
        verbose_name = _("citation")
        verbose_name_plural = _("citations")


class TradeFigureCitation(Citation):
    record = cited_record(TradeFigure)

    class Meta(Citation.Meta):
        verbose_name = _("citation")
        verbose_name_plural = _("citations")


class CooperationAssessmentCitation(Citation):
    record = cited_record(CooperationAssessment)

    class Meta(Citation.Meta):
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
