"""The site's URLs plus /floor/: the least a Django page costs on this stack.

The floor goes through the same middleware as every page and returns a few bytes,
so a page's share of its requests per second says what the page itself costs.
It is never cached (``never_cache``), so it is the same floor with the cache on.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from config.urls import urlpatterns as site_urlpatterns


@never_cache
def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("floor/", floor), *site_urlpatterns]
