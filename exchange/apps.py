from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    """Data exchange: bulk import and export in the admin, backup and restore."""

    name = "exchange"
    verbose_name = "Data exchange"
