"""Regions in bulk: the admin's import and export.

A region may name a larger region (``parent``) defined in an earlier row of the
same file; rows are saved in order, so it is found.
"""

from import_export import fields

from core.localized import localized
from core.resources import NaturalKeyWidget, PublishableResource

from .models import City, Country, Region


class RegionResource(PublishableResource):
    country = fields.Field("country", "country", NaturalKeyWidget(Country, "code"))
    parent = fields.Field("parent", "parent", NaturalKeyWidget(Region, "slug"))
    administrative_centre = fields.Field(
        "administrative_centre", "administrative_centre", NaturalKeyWidget(City, "slug")
    )

    class Meta(PublishableResource.Meta):
        model = Region
        fields = (
            "slug",
            *localized("name"),
            "country",
            "kind",
            "parent",
            "iso_code",
            "administrative_centre",
            *localized("description"),
            "status",
            "publish_at",
            "expires_at",
        )
        export_order = fields
