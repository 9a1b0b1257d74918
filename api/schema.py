"""The OpenAPI document's additions: the ``lang`` parameter on every operation."""

from django.conf import settings
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

LANG_PARAMETER = OpenApiParameter(
    "lang",
    str,
    enum=LANGUAGE_CODES,
    description=(
        "The language of names and texts. Without it, Accept-Language decides "
        "(English when it names none of these); English where a text is not translated."
    ),
)


class RecordSchema(AutoSchema):
    def get_override_parameters(self):
        return [*super().get_override_parameters(), LANG_PARAMETER]
