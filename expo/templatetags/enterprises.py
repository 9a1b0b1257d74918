"""The enterprise directory's table rows, written in Python.

The directory is the page that grows with the data: 25 rows of four cells, each with
links, on every page of up to 100. Written by the template language, each row resolved
a dozen variables and filters one by one; ``{% enterprise_rows object_list %}`` writes
the same markup (``tests/public/test_enterprise_rows.py`` compares the two) with
``format_html``, which escapes every value as the template did.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

register = template.Library()

# One row, as templates/expo/enterprise_list.html wrote it, indentation included.
_ROW = (
    "<tr>\n"
    '            <th scope="row"><a href="{}">{}</a></th>\n'
    '            <td><a href="{}">{}</a></td>\n'
    "            <td>{}</td>\n"
    "            <td>{}</td>\n"
    "          </tr>"
)
_LINK = '<a href="{}">{}</a>'


def _row(enterprise, not_stated):
    region, sector = enterprise.region, enterprise.sector
    return (
        enterprise.get_absolute_url(),
        enterprise.name,
        enterprise.country.get_absolute_url(),
        enterprise.country,
        format_html(_LINK, region.get_absolute_url(), region) if region else not_stated,
        sector if sector else not_stated,
    )


@register.simple_tag
def enterprise_rows(enterprises):
    """The ``<tr>`` of each enterprise: its name, country, region and sector, each
    linked to its page; a region or sector that is not known (or not live) reads
    "not stated"."""
    not_stated = gettext("not stated")
    return format_html_join(
        "\n          ", _ROW, (_row(enterprise, not_stated) for enterprise in enterprises)
    )
