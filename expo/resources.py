"""Enterprises and their participations in bulk: the admin's import and export, and the
benchmark (bench/)."""

from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _
from import_export import fields
from simple_history.utils import bulk_create_with_history

from cooperation.models import Country, Region
from exchange.resources import NaturalKeyResource, PublishableResource
from exchange.widgets import NaturalKeysWidget, NaturalKeyWidget
from publishing.localized import in_default_language, localized

from .models import Enterprise, EnterpriseParticipation, Exhibition, Sector

# The article names no enterprise, so the templates' example rows take their references
# from the fixtures (China, Heilongjiang, the 6th EXPO) and say in words what goes where
# the fixtures hold no real value.
ENTERPRISE_NAME = _("(the enterprise's name in English)")


class EnterpriseResource(PublishableResource):
    country = fields.Field("country", "country", NaturalKeyWidget(Country, "code"))
    region = fields.Field("region", "region", NaturalKeyWidget(Region, "slug"))
    sector = fields.Field("sector", "sector", NaturalKeyWidget(Sector, "slug"))
    # Not a field of the enterprise: a row naming exhibitions also links the enterprise
    # to them (``after_import``), so one file does both; the export names the
    # exhibitions each enterprise is linked to (``dehydrate_exhibition``).
    exhibition = fields.Field(
        attribute=None, column_name="exhibition", widget=NaturalKeysWidget(Exhibition, "slug")
    )

    column_texts = {
        "region": _(
            "The region as its slug (its address on the site), e.g. heilongjiang; it must "
            "be in the enterprise's country. Empty if not known."
        ),
        "sector": _("The sector as its slug, e.g. energy. Empty if not known."),
        "website": _("The full address, starting with https://. Empty if not known."),
        "exhibition": _(
            "The exhibitions the enterprise took part in, as their slugs separated by "
            "commas, e.g. 5th-china-russia-expo, 6th-china-russia-expo; the import links "
            "the enterprise to each and keeps its other links. Empty: no new link."
        ),
    }
    # {enterprise id: [exhibition slug]} while an export runs (``export``).
    exported_exhibitions = None
    template_example = {
        in_default_language("name"): ENTERPRISE_NAME,
        "country": "CN",
        "region": "heilongjiang",
        "status": "draft",
    }

    class Meta(PublishableResource.Meta):
        model = Enterprise
        # Saved in batches with their history (exchange.resources); every row is validated
        # first, so an error still names its row.
        use_bulk = True
        fields = (
            "slug",
            *localized("name"),
            "country",
            "region",
            "sector",
            "website",
            *localized("description"),
            "status",
            "publish_at",
            "expires_at",
            "exhibition",
        )
        export_order = fields

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        # The exhibition is no field of the enterprise: validate_instance() skips it.
        self.looked_up = [name for name in self.looked_up if self.fields[name].attribute]
        self.exhibition_links = []

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "exhibition" in row:
            try:
                exhibitions = self.fields["exhibition"].clean(row)
            except ValueError as error:
                errors["exhibition"] = [ValidationError(str(error), code="invalid")]
            else:
                self.exhibition_links += [(instance, exhibition) for exhibition in exhibitions]
        if errors:
            raise ValidationError(errors)

    def after_import(self, dataset, result, **kwargs):
        """Link the enterprises to the exhibitions their rows name (new links only)."""
        super().after_import(dataset, result, **kwargs)
        if not self.exhibition_links or result.has_errors() or result.has_validation_errors():
            return
        slugs = {instance.slug for instance, _exhibition in self.exhibition_links}
        ids = dict(Enterprise.objects.filter(slug__in=slugs).values_list("slug", "pk"))
        pairs = {(ids[i.slug], e.pk) for i, e in self.exhibition_links if i.slug in ids}
        existing = set(
            EnterpriseParticipation.objects.filter(enterprise__in=ids.values()).values_list(
                "enterprise_id", "exhibition_id"
            )
        )
        bulk_create_with_history(
            [
                EnterpriseParticipation(enterprise_id=enterprise, exhibition_id=exhibition)
                for enterprise, exhibition in sorted(pairs - existing)
            ],
            EnterpriseParticipation,
            default_user=self.import_user,
        )

    # The export.

    def export(self, queryset=None, **kwargs):
        """The export, with the exhibitions of all its enterprises read in one query."""
        if queryset is None:
            queryset = self.get_queryset()
        chosen = kwargs.get("export_fields")
        if chosen is None or "exhibition" in chosen:
            self.exported_exhibitions = exhibition_slugs(queryset)
        try:
            return super().export(queryset, **kwargs)
        finally:
            self.exported_exhibitions = None

    def dehydrate_exhibition(self, enterprise):
        """The slugs of the enterprise's exhibitions, as the import reads them."""
        known = self.exported_exhibitions
        if known is None:  # one enterprise, outside an export
            known = exhibition_slugs([enterprise]) if enterprise.pk else {}
        return self.fields["exhibition"].widget.render(known.get(enterprise.pk, []))


def exhibition_slugs(enterprises):
    """``{enterprise id: [exhibition slug, ...]}`` (oldest exhibition first), one query."""
    ids = (
        enterprises.values("pk")
        if isinstance(enterprises, QuerySet)
        else [enterprise.pk for enterprise in enterprises]
    )
    pairs = (
        EnterpriseParticipation.objects.filter(enterprise__in=ids)
        .order_by(F("exhibition__start_date").asc(nulls_last=True), "exhibition__slug")
        .values_list("enterprise_id", "exhibition__slug")
    )
    slugs = {}
    for enterprise, slug in pairs:
        slugs.setdefault(enterprise, []).append(slug)
    return slugs


class EnterpriseParticipationResource(NaturalKeyResource):
    """An enterprise at an exhibition, with its stand; a row for a pair that exists
    updates its stand."""

    enterprise = fields.Field("enterprise", "enterprise", NaturalKeyWidget(Enterprise, "slug"))
    exhibition = fields.Field("exhibition", "exhibition", NaturalKeyWidget(Exhibition, "slug"))

    column_texts = {
        "enterprise": _(
            "The enterprise as its slug (its address on the site). Import the enterprises first."
        ),
        "exhibition": _("The exhibition as its slug, e.g. 6th-china-russia-expo."),
        "stand": _("The stand as the catalogue gives it. Empty if not known."),
    }
    template_example = {
        "enterprise": _("(the enterprise's slug)"),
        "exhibition": "6th-china-russia-expo",
    }

    class Meta(NaturalKeyResource.Meta):
        model = EnterpriseParticipation
        import_id_fields = ("enterprise", "exhibition")
        fields = ("enterprise", "exhibition", "stand")
        export_order = fields
