from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("API")

    def ready(self):
        # The JSON list exports read their records through the API's serializers, and
        # CORS covers the data formats of the HTML lists (api/exports.py, api/middleware.py).
        from . import exports, middleware

        exports.register()
        middleware.connect()
