"""Template context for every page rendered with a request."""

from django.utils.functional import SimpleLazyObject

from web.languages import page_languages


def languages(request):
    """``page_languages``: this page in every language (switcher, hreflang links).

    Lazy: computed once, and only on pages whose template uses it (not in the admin).
    """
    return {"page_languages": SimpleLazyObject(lambda: page_languages(request))}
