from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    """Provenance: sources, the citations of every record, the Sources page."""

    name = "sources"
    verbose_name = _("Sources")
