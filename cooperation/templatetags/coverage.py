"""``{% region_coverage assessment as coverage %}``: which kinds of region it covers.

The three yes/no/unknown fields of an assessment become three lists of translated
adjectives (covered, not covered, not stated), for ``includes/coverage.html`` to put
into sentences instead of a "Border regions: yes" table.
"""

from django import template
from django.utils.translation import pgettext

register = template.Library()


def _kinds(assessment):
    return [
        # Translators: in "the cooperation covers border, inland and coastal regions".
        (pgettext("kind of region", "border"), assessment.covers_border_regions),
        (pgettext("kind of region", "inland"), assessment.covers_inland_regions),
        (pgettext("kind of region", "coastal"), assessment.covers_coastal_regions),
    ]


@register.simple_tag
def region_coverage(assessment):
    kinds = _kinds(assessment)
    return {
        "covered": [name for name, value in kinds if value is True],
        "not_covered": [name for name, value in kinds if value is False],
        "unstated": [name for name, value in kinds if value is None],
    }
