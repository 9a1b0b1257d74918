from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """The public web layer: base views, filters, pagination, the page cache, sitemaps."""

    name = "web"
    verbose_name = _("Public site")

    def ready(self):
        from web.cache import watch_content

        # Every change to the site's content moves the page cache's version (web/cache.py).
        watch_content()
