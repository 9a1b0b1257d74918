"""The JSON list exports (``?format=json`` on a list page) through the API's serializers.

``web.exports`` streams the export; for each model with an endpoint, its records come
from here, serialized as the API gives them (the endpoint's serializer and eager
loading), and the head carries the licence: one shape for a record, not two.
"""

from web import exports as web_exports

from . import licence
from .endpoints import ENDPOINTS


def rows_of(viewset_class):
    def rows(request, queryset):
        serializer_class = viewset_class.serializer_class
        queryset = viewset_class().load(queryset)
        for record in queryset.iterator(chunk_size=web_exports.CHUNK_SIZE):
            yield serializer_class(record, context={"request": request}).data

    return rows


def licence_head(request):
    return {"licence": licence.as_data()}


def register():
    for _prefix, viewset_class, _basename in ENDPOINTS:
        model = viewset_class.serializer_class.Meta.model
        web_exports.JSON_ROWS[model] = rows_of(viewset_class)
    if licence_head not in web_exports.JSON_HEAD:
        web_exports.JSON_HEAD.append(licence_head)
