from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from .sqlite import install_unicode_like

        connection_created.connect(install_unicode_like, dispatch_uid="core.unicode_like")
