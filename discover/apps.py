from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoverConfig(AppConfig):
    """Site search and robots.txt: what composes the other apps for readers and crawlers.

    It may import ``cooperation``, ``expo`` and ``news``; nothing imports it except
    ``config/urls.py``.
    """

    name = "discover"
    verbose_name = _("Search")
