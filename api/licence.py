"""The licence of the site's data, stated once: on the data page, in the API and in exports.

The site's own structured data (names, dates, figures, links between records, each
fact's sources) is open under CC BY 4.0. An article this site hosts is not: it stays its
publisher's, and its record says so (``rights``).
"""

from django.utils.translation import gettext_lazy as _

NAME = "CC BY 4.0"
URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = _(
    "Data from the China-Russia interregional cooperation reference site, under CC BY 4.0. "
    "Hosted articles stay their publishers’ and are not covered."
)


def as_data():
    """The licence as the API and the JSON exports give it."""
    return {"name": NAME, "url": URL, "attribution": str(ATTRIBUTION)}


def link_header():
    """``Link: <…>; rel="license"`` (RFC 6903), for every API and export response."""
    return f'<{URL}>; rel="license"'
