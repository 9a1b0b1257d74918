"""The "Data and licence" page (/<lang>/data/): what data the site offers and on what terms.

It lives here, beside ``api.licence``, because it states that licence and links the
API, its documentation and the feeds, calendars and exports of every section: only
``api`` may know them all (tests/foundation/test_dependencies.py). config/urls.py
serves it under each language prefix as ``data``; the footer of every page, the API
root and the API's documentation page link it.
"""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from discover.structured_data import SCHEMA, script_json
from web.languages import language_tag
from web.views import home_crumb

from . import licence


class DataPageView(TemplateView):
    template_name = "api/data_page.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [home_crumb(), (_("Data and licence"), None)]
        context["licence"] = licence
        context["dataset"] = script_json(self.dataset())
        return context

    def dataset(self):
        """schema.org ``Dataset``: the site's structured data, its licence, the API."""
        absolute = self.request.build_absolute_uri
        return {
            "@context": SCHEMA,
            "@type": "Dataset",
            "name": _("China-Russia interregional cooperation: the site's data"),
            "description": str(licence.ATTRIBUTION),
            "url": absolute(reverse("data")),
            "inLanguage": language_tag(get_language()),
            "isAccessibleForFree": True,
            "license": licence.URL,
            "distribution": [
                {
                    "@type": "DataDownload",
                    "encodingFormat": "application/json",
                    "contentUrl": absolute(reverse("api:root")),
                }
            ],
        }
