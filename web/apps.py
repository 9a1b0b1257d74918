from django.apps import AppConfig
from django.db.backends.signals import connection_created


class WebConfig(AppConfig):
    """The public web layer: base views, filters, pagination, the page cache, sitemaps."""

    name = "web"
    verbose_name = "Public site"

    def ready(self):
        from web.cache import install_write_watch

        # Any write to the site's tables moves the page cache's version (web/cache.py).
        connection_created.connect(install_write_watch, dispatch_uid="web.write_watch")
