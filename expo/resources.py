"""Enterprises in bulk: the admin's import and export, and the benchmark (bench/)."""

from import_export import fields

from cooperation.models import Country, Region
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
            "name_en",
            "name_ru",
            "name_zh_hans",
            "country",
            "region",
            "sector",
            "website",
            "description_en",
            "description_ru",
            "description_zh_hans",
            "status",
            "publish_at",
            "expires_at",
        )
        export_order = fields
