"""``{% exhibition_map exhibition %}``: ``expo.maps``, rendered once per content version."""

from django import template

from expo import maps

register = template.Library()


@register.simple_tag
def exhibition_map(exhibition):
    return maps.exhibition_map(exhibition)
