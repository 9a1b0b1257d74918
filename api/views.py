"""The read-only API, /api/v1/: every public list and record, as the pages show them.

A list's endpoint declares the HTML list view it mirrors (``html_view``) and takes
from it the records (the view's own ``get_queryset()``: its eager loading, the
live-only rule, its order) and its FilterSet: one definition of what a list shows.
Models without a list page show their live records in their default order.
Records that are not live (drafts, scheduled, expired, or under a record that is not
live) appear nowhere in the API; there is no staff preview here.
"""

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from publishing.models import live_only
from sources.models import with_sources
from web.exports import JSON_FORMAT_NAME
from web.moved import moved_permanently, moved_record

from . import licence
from .schema import LANGUAGE_CODES


def envelope(request, model):
    """What a list says about itself, in the API and in the JSON export alike."""
    return {
        "format": JSON_FORMAT_NAME,
        "kind": model._meta.model_name,
        "language": translation.get_language(),
        "url": request.build_absolute_uri(),
        "licence": licence.as_data(),
    }


class ApiMixin:
    """Language from ``?lang=`` (else Accept-Language, LocaleMiddleware), the licence in
    a ``Link`` header, the language in ``Content-Language``."""

    def initial(self, request, *args, **kwargs):
        language = request.query_params.get("lang")
        if language is not None:
            if language.lower() not in LANGUAGE_CODES:
                raise ValidationError({"lang": [_("Use one of: %s.") % ", ".join(LANGUAGE_CODES)]})
            # For the rest of this request, the response rendered too; LocaleMiddleware
            # sets each request's language afresh.
            translation.activate(language.lower())
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = licence.link_header()
        response["Content-Language"] = translation.get_language()
        return response


class ListPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        self.model = queryset.model
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return Response(
            {
                **envelope(self.request, self.model),
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        # DRF writes OpenAPI 3.0's "nullable"; 3.1 says it with a type list.
        for name in ("next", "previous"):
            paginated["properties"][name] = {"type": ["string", "null"], "format": "uri"}
        paginated["properties"] = {
            "format": {"type": "string", "example": JSON_FORMAT_NAME},
            "kind": {"type": "string"},
            "language": {"type": "string", "enum": LANGUAGE_CODES},
            "url": {"type": "string", "format": "uri"},
            "licence": {"type": "object"},
            **paginated["properties"],
        }
        paginated["required"] = ["format", "kind", "language", "url", "licence", "count"]
        paginated["required"] += ["results"]
        return paginated


class RecordViewSet(ApiMixin, viewsets.ReadOnlyModelViewSet):
    """A public model's live records, as a list (filtered like its page) and one by one."""

    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    pagination_class = ListPagination
    filter_backends = [DjangoFilterBackend]
    # The HTML list this endpoint mirrors (its records, order and FilterSet), if any.
    html_view = None
    # Else: the model, whose live records show in its default order.
    model = None

    def __init_subclass__(cls, **kwargs):
        """An endpoint that mirrors a page filters with the page's own FilterSet."""
        super().__init_subclass__(**kwargs)
        if cls.html_view is not None and "filterset_class" not in cls.__dict__:
            cls.filterset_class = getattr(cls.html_view, "filterset_class", None)

    def get_queryset(self):
        if self.html_view is not None:
            view = self.html_view()
            view.setup(self.request)
            queryset = view.get_queryset()
        else:
            queryset = live_only(self.model)
        return self.load(with_sources(queryset))

    def load(self, queryset):
        """What this API's records read beyond the page's list (none by default)."""
        return queryset

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            # An old slug of a live record: a 301 to its current address (web.moved).
            slug = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, "")
            record = moved_record(self.get_queryset(), slug, self.lookup_field)
            if record is None:
                raise
            slug = getattr(record, self.lookup_field)
            location = self.reverse_action("detail", kwargs={self.lookup_field: slug})
            return moved_permanently(request, location)


ROOT_SCHEMA = inline_serializer(
    "Root",
    {
        "version": serializers.CharField(),
        "licence": serializers.DictField(),
        "schema": serializers.URLField(),
        "documentation": serializers.URLField(),
        "data_page": serializers.URLField(),
        "lists": serializers.DictField(child=serializers.URLField()),
    },
)


class RootView(ApiMixin, APIView):
    """Where everything is: each list, the OpenAPI document, its documentation, the licence
    and the page that states it (``data_page``, in the request's language)."""

    routes = ()  # (prefix, basename), set in api/urls.py

    @extend_schema(responses=ROOT_SCHEMA)
    def get(self, request):
        lists = {
            prefix: request.build_absolute_uri(reverse(f"api:{basename}-list"))
            for prefix, basename in self.routes
        }
        return Response(
            {
                "version": settings.API_VERSION,
                "licence": licence.as_data(),
                "schema": request.build_absolute_uri(reverse("api:schema")),
                "documentation": request.build_absolute_uri(reverse("api:docs")),
                "data_page": request.build_absolute_uri(reverse("data")),
                "lists": lists,
            }
        )
