"""The API's documentation page: Swagger UI from our own static files (the sidecar).

Under the site's strict CSP: the page has no inline script or style. Its scripts are
the sidecar's files and the settings script, which drf-spectacular's split view
serves from this same address (``?script``), and the one stylesheet is the sidecar's.
"""

from drf_spectacular.views import SpectacularSwaggerSplitView


class DocsView(SpectacularSwaggerSplitView):
    template_name = "api/docs.html"
