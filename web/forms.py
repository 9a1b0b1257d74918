"""The form renderer: Django's templates, with the select widget written in Python.

Every filter form on the public lists has several selects (countries, regions, sectors,
exhibitions...), and Django renders each of their options through three templates
(select, option, attributes): on the enterprise directory that was most of the time
spent on the filter form. ``SelectRenderer`` writes a ``<select>`` whose options use
Django's own option template exactly as those templates would, character for
character (``tests/foundation/test_form_renderer.py`` compares the two), and leaves
every other widget to the templates.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _attrs(attrs):
    """django/forms/widgets/attrs.html: ``False`` left out, ``True`` as a bare name."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def render_select(widget):
    html = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            html.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            html.append(
                f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                f"{_attrs(option['attrs'])}>{conditional_escape(option['label'])}</option>\n"
            )  # with the line break that ends the option template
        if group_name:
            html.append("\n  </optgroup>")
    html.append("\n</select>")
    return mark_safe("".join(html))  # every value escaped above


class SelectRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == SELECT else None
        if widget is not None and all(
            option["template_name"] == OPTION
            for _name, choices, _index in widget["optgroups"]
            for option in choices
        ):
            return render_select(widget)
        return super().render(template_name, context, request=request)
