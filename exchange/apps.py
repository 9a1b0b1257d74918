from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Data exchange: bulk import and export in the admin, backup and restore."""

    name = "exchange"
    verbose_name = _("Data exchange")
