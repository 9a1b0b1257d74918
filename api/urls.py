"""/api/v1/: the root, one list and one record address per public model, the OpenAPI
document and its documentation page (no language prefix: ``?lang=`` or
Accept-Language choose the language)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from .docs import DocsView
from .endpoints import ENDPOINTS
from .fields import ROUTES
from .views import RootView

app_name = "api"

router = SimpleRouter(trailing_slash=True)
for prefix, viewset, basename in ENDPOINTS:
    router.register(prefix, viewset, basename=basename)
    ROUTES[viewset.serializer_class.Meta.model] = basename

urlpatterns = [
    path(
        "",
        RootView.as_view(routes=[(prefix, basename) for prefix, _v, basename in ENDPOINTS]),
        name="root",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
]
