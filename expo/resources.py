"""Enterprises and their participations in bulk: the admin's import and export, and the
benchmark (bench/)."""

from django.utils.translation import gettext_lazy as _
from import_export import fields

from cooperation.models import Country, Region
from exchange.resources import NaturalKeyResource, PublishableResource
from exchange.widgets import NaturalKeyWidget
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

    column_texts = {
        "region": _(
            "The region as its slug (its address on the site), e.g. heilongjiang; it must "
            "be in the enterprise's country. Empty if not known."
        ),
        "sector": _("The sector as its slug, e.g. energy. Empty if not known."),
        "website": _("The full address, starting with https://. Empty if not known."),
    }
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
        )
        export_order = fields


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
