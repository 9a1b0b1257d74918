from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpoConfig(AppConfig):
    name = "expo"
    verbose_name = _("China-Russia EXPO")

    def ready(self):
        from web import sections

        from .sections import city_sections, country_sections, region_sections

        sections.register("region-detail", region_sections)
        sections.register("city-detail", city_sections)
        sections.register("country-detail", country_sections)
