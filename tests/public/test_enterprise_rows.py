"""The directory's rows written in Python (``{% enterprise_rows %}``,
expo/templatetags/enterprises.py) are the markup the template loop wrote, in every
language, with every value escaped, and "not stated" for an unknown region or sector."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from expo.models import Enterprise
from publishing.models import EditorialStatus
from tests import factories as f

pytestmark = pytest.mark.django_db

# The loop templates/expo/enterprise_list.html had before the tag.
TEMPLATE_LOOP = "".join(
    (
        "{% load i18n %}{% for enterprise in object_list %}\n          <tr>\n",
        '            <th scope="row"><a href="{{ enterprise.get_absolute_url }}">',
        "{{ enterprise.name }}</a></th>\n",
        '            <td><a href="{{ enterprise.country.get_absolute_url }}">',
        "{{ enterprise.country }}</a></td>\n",
        "            <td>{% if enterprise.region %}",
        '<a href="{{ enterprise.region.get_absolute_url }}">{{ enterprise.region }}</a>',
        '{% else %}{% translate "not stated" %}{% endif %}</td>\n',
        '            <td>{{ enterprise.sector|default:_("not stated") }}</td>\n',
        "          </tr>\n          {% endfor %}",
    )
)


def _collapsed(html):
    return re.sub(r">\s+<", "><", html.strip())


def test_the_rows_are_those_the_template_loop_wrote_in_every_language():
    region = f.region(name_en="Amur <Oblast>", name_ru="Амурская область", name_zh_hans="阿穆尔州")
    sector = f.sector(name_en="Energy & power", name_ru="Энергетика", name_zh_hans="能源")
    f.enterprise(name_en='Blagoveshchensk "Works"', region=region, sector=sector)
    f.enterprise(name_en="No region or sector", name_ru="Без региона")
    f.enterprise(name_en="Hidden sector", sector=f.sector(status=EditorialStatus.DRAFT))
    rows = list(Enterprise.objects.with_list_related().order_by("pk"))
    for language in ("en", "ru", "zh-hans"):
        with translation.override(language):
            looped = Template(TEMPLATE_LOOP).render(Context({"object_list": rows}))
            tagged = Template("{% load enterprises %}{% enterprise_rows object_list %}").render(
                Context({"object_list": rows})
            )
        assert _collapsed(tagged) == _collapsed(looped)
        assert tagged.count("<tr>") == 3
    with translation.override("en"):
        tagged = Template("{% load enterprises %}{% enterprise_rows rows %}").render(
            Context({"rows": rows})
        )
    assert "Amur &lt;Oblast&gt;" in tagged and "Energy &amp; power" in tagged
    assert "Blagoveshchensk &quot;Works&quot;" in tagged
    # No region for the last two; no sector for one, and one not live for the other.
    assert tagged.count("<td>not stated</td>") == 4
