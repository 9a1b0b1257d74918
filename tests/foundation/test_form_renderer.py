"""The select widget written in Python is what Django's own templates write."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from expo.filters import EnterpriseFilter
from tests import factories as f
from web.forms import SelectRenderer

CHOICES = [
    ("", "Any <region>"),
    ("a&b", 'Quote " and <tag>'),
    ("Group & more", [("g1", "First"), ("g2", "Second")]),
    (3, "Three"),
]


class Form(forms.Form):
    plain = forms.ChoiceField(choices=CHOICES, required=False)
    described = forms.ChoiceField(
        choices=CHOICES,
        widget=forms.Select(attrs={"aria-describedby": 'x"y', "data-on": True, "off": False}),
    )
    several = forms.MultipleChoiceField(choices=CHOICES[1:], required=False)
    text = forms.CharField(required=False)


@pytest.mark.parametrize(
    "data", [{}, {"plain": "a&b", "described": "g2", "several": ["a&b", "3"], "text": "<b>"}]
)
def test_every_select_is_written_as_the_templates_write_it(data):
    by_templates = Form(data or None, renderer=DjangoTemplates())
    in_python = Form(data or None, renderer=SelectRenderer())
    for name in Form.base_fields:
        assert str(in_python[name]) == str(by_templates[name]), name
    assert "<option" in str(in_python["described"])


@pytest.mark.django_db
def test_the_directory_filter_form_is_the_same_with_either_renderer(rf):
    enterprise = f.enterprise(sector=f.sector(name="Energy & <power>"), region=f.region())
    data = {"sort": "country", "sector": enterprise.sector.slug}
    form = EnterpriseFilter(data, queryset=None, request=rf.get("/")).form
    for name in form.fields:
        form.renderer = DjangoTemplates()
        templates = str(form[name])
        form.renderer = SelectRenderer()
        assert str(form[name]) == templates, name
        assert "<option" in templates or name == "name"
    assert "selected" in str(form["sector"])
