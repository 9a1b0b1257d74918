"""Template filters for the site's languages."""

from django import template

from web.languages import language_tag as _language_tag

register = template.Library()


@register.filter
def language_tag(code):
    """``{{ LANGUAGE_CODE|language_tag }}``: the BCP 47 tag for lang and hreflang (zh-Hans).

    "x-default" (hreflang's "any other language") is returned as it is.
    """
    if not code or code == "x-default":
        return code or ""
    return _language_tag(code)
