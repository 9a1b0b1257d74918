from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site: health, system checks, client addresses, request logging."""

    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from operations import checks  # noqa: F401  (registers the system checks)
        from operations.sqlite import install_unicode_like

        connection_created.connect(install_unicode_like, dispatch_uid="operations.unicode_like")
