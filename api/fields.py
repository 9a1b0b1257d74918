"""What every record of the API shares: its identifiers, links and sources.

- ``slug``: the stable identifier (the address of the record's page and of its API
  record). The site keeps no history of old slugs, so editors keep them unchanged once
  published (docs/data-and-feeds.md).
- ``url``: the record's page, as the CSV export gives it; ``api_url``: its API record.
- A related record is a link: ``{"slug", "name", "url", "api_url"}``, or null when
  there is none or it is not live.
- ``sources``: where the record's facts come from, each source once with the facts it
  supports (``sources.exports.cited_sources``, as the exports always gave them); an
  editors' note is marked ``"editors_note": true``, like the pages mark it.
- Unknown is null, never "": an empty text field reads as null.
"""

from django.urls import NoReverseMatch, reverse
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from sources.exports import cited_sources
from sources.models import SourceKind, has_citations

# The API's record URL name for each model with an endpoint (api/urls.py fills it).
ROUTES = {}


def api_url(request, record):
    """The record's API address, or None if its model has no endpoint."""
    basename = ROUTES.get(type(record))
    if basename is None:
        return None
    try:
        path = reverse(f"api:{basename}-detail", kwargs={"slug": record.slug})
    except NoReverseMatch:
        return None
    return request.build_absolute_uri(path)


def page_url(request, record):
    return request.build_absolute_uri(record.get_absolute_url())


def link(request, record):
    return {
        "slug": record.slug,
        "name": str(record) or None,
        "url": page_url(request, record),
        "api_url": api_url(request, record),
    }


LINK_SCHEMA = inline_serializer(
    "Link",
    {
        "slug": serializers.SlugField(),
        "name": serializers.CharField(allow_null=True),
        "url": serializers.URLField(help_text="The record's page."),
        "api_url": serializers.URLField(allow_null=True, help_text="Its API record."),
    },
)

SOURCE_SCHEMA = inline_serializer(
    "CitedSource",
    {
        "title": serializers.CharField(
            allow_null=True, help_text="For an editors' note, the note itself."
        ),
        "publisher": serializers.CharField(allow_null=True),
        "url": serializers.URLField(allow_null=True, help_text="Where to check it."),
        "original_url": serializers.URLField(allow_null=True),
        "kind": serializers.ChoiceField(choices=SourceKind.values),
        "editors_note": serializers.BooleanField(
            help_text="An editors' note: a value no source states, added by the editors."
        ),
        "supports": serializers.ListField(
            child=serializers.CharField(), help_text="The record's facts the source states."
        ),
    },
)


@extend_schema_field(LINK_SCHEMA)
class LinkField(serializers.Field):
    """A related record as a link (null when there is none)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return link(self.context["request"], value)


def blank_to_null(value):
    if value == "":
        return None
    if isinstance(value, dict):
        return {key: blank_to_null(item) for key, item in value.items()}
    return value


class RecordSerializer(serializers.ModelSerializer):
    """A public record: its slug, page and API addresses, its facts in the chosen
    language (English where a text is not translated), links to related records and the
    sources of its facts. Unknown values are null."""

    # Subclasses list their fields after these (and end with "sources" where cited).

    BASE_FIELDS = ["slug", "url", "api_url"]

    url = serializers.SerializerMethodField(help_text="The record's page on the site.")
    api_url = serializers.SerializerMethodField(help_text="This record in the API.")
    sources = serializers.SerializerMethodField()

    def get_url(self, record) -> str:
        return page_url(self.context["request"], record)

    def get_api_url(self, record) -> str | None:
        return api_url(self.context["request"], record)

    @extend_schema_field(serializers.ListField(child=SOURCE_SCHEMA))
    def get_sources(self, record):
        if not has_citations(type(record)):
            return []
        request = self.context["request"]
        return [
            {**source, "editors_note": source["kind"] == SourceKind.EDITORS_NOTE}
            for source in cited_sources(record, request)
        ]

    def build_standard_field(self, field_name, model_field):
        """A text field that may be empty is nullable: empty reads as null."""
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if kwargs.pop("allow_blank", False) or getattr(model_field, "blank", False):
            kwargs["allow_null"] = True
        return field_class, kwargs

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return {key: blank_to_null(value) for key, value in data.items()}
