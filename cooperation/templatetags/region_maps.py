"""``{% region_map region %}`` and ``{% mechanisms_map mechanisms %}``: the maps of
``cooperation.maps``, rendered once per content version (``maps.drawing.render_map``)."""

from django import template

from cooperation import maps

register = template.Library()


@register.simple_tag
def region_map(region):
    return maps.region_map(region)


@register.simple_tag
def mechanisms_map(mechanisms):
    return maps.mechanisms_map(mechanisms)
