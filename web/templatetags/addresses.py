"""``{% named_url 'expo:enterprise-list' %}``: ``{% url %}`` for a page without arguments,
reversed once per language (``web.addresses.named_url``).

Every page's header, menu and footer link a dozen such pages; ``{% url %}`` walks the
URL patterns for each of them on every page.
"""

from django import template

from web.addresses import named_url as _named_url

register = template.Library()


@register.simple_tag
def named_url(url_name):
    return _named_url(url_name)
