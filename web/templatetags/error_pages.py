"""Template tags for the error pages (templates/error_base.html)."""

from django import template

from web.languages import page_languages

register = template.Library()


@register.simple_tag(takes_context=True)
def error_page_languages(context):
    """This page in each language, by relative links only (no hreflang alternates).

    The alternates are absolute addresses built from the Host header; on the 400 page
    shown for an unknown host they would raise the same error again. None without a
    request (the 500 page is rendered without one): the switcher is then left out.
    """
    request = context.get("request")
    if request is None:
        return None
    return page_languages(request, alternates=False)


@register.filter
def minutes(duration):
    """A timedelta in whole minutes (the lockout's cool-off time)."""
    return int(duration.total_seconds() // 60)
