"""Enterprises in bulk: the admin's import and export, and the benchmark (bench/)."""

from import_export import fields

from cooperation.models import Country, Region
from core.localized import localized
from core.resources import NaturalKeyWidget, PublishableResource

from .models import Enterprise, Sector


class EnterpriseResource(PublishableResource):
    country = fields.Field("country", "country", NaturalKeyWidget(Country, "code"))
    region = fields.Field("region", "region", NaturalKeyWidget(Region, "slug"))
    sector = fields.Field("sector", "sector", NaturalKeyWidget(Sector, "slug"))

    class Meta(PublishableResource.Meta):
        model = Enterprise
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
