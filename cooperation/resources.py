"""Regions in bulk: the admin's import and export.

A region may name a larger region (``parent``) defined in an earlier row of the
same file; rows are saved in order, so it is found.
"""

from django.utils.translation import gettext_lazy as _
from import_export import fields

from exchange.resources import PublishableResource
from exchange.widgets import NaturalKeyWidget
from publishing.localized import localized

from .models import City, Country, Region


class RegionResource(PublishableResource):
    column_texts = {
        "parent": _(
            "The larger region it belongs to, as its slug (e.g. northeast-china); it may be "
            "defined by an earlier row of the same file. Empty for none."
        ),
        "iso_code": _("The ISO 3166-2 code, e.g. CN-HL. Empty if it has none."),
        "administrative_centre": _("The administrative centre, as the city's slug, e.g. harbin."),
    }
    template_example = ("geography.json", "cooperation.region", {"slug": "heilongjiang"})

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
