"""Countries, their regions (a tree of any depth) and cities."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.models import (
    PUBLICATION_CONSTRAINTS,
    live_or_none,
    live_prefetch,
    live_q,
    live_rows,
)
from sources.models import CitingModel, CitingQuerySet


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
                condition=Q(code__regex=r"^[A-Z]{2}$"),
                name="country_code_iso_alpha2",
                violation_error_message=_(
                    "The code must be two capital letters (ISO 3166-1), e.g. CN."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperation:country-detail", kwargs={"slug": self.slug})

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
        return (
            self.select_related("country")
            .with_links("administrative_centre")
            .prefetch_related(
                live_prefetch(Region, "subregions", Region.objects.select_related("country")),
                live_prefetch(Region, "cities"),
                live_rows(Region, "council_memberships", "council"),
            )
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
                fields=["iso_code"],
                condition=~Q(iso_code=""),
                name="region_iso_code_unique",
                violation_error_message=_("Another region already has this ISO code."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="region_not_own_parent",
                violation_error_message=_("A region cannot be its own parent."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=RegionKind.values),
                name="region_kind_valid",
                violation_error_message=_("Choose a kind of region from the list."),
            ),
            models.CheckConstraint(
                condition=Q(iso_code="") | Q(iso_code__regex=r"^[A-Z]{2}-[A-Z0-9]{1,3}$"),
                name="region_iso_code_format",
                violation_error_message=_(
                    "The ISO code must look like CN-HL or RU-AMU (ISO 3166-2), or be empty."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperation:region-detail", kwargs={"slug": self.slug})

    @property
    def live_administrative_centre(self):
        """The administrative centre, or None while it is not live."""
        return live_or_none(self.administrative_centre)

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
        """The city's page: its sources, and the live records that refer to it."""
        return (
            self.with_sources()
            .select_related("region__country")
            .prefetch_related(
                live_prefetch(City, "administered_regions"),
                live_rows(City, "council_meetings", "council"),
            )
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
        return reverse("cooperation:city-detail", kwargs={"slug": self.slug})

    @property
    def country(self):
        return self.region.country
