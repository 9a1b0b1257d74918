"""The API's rate limit: per client address, far above what a polite client asks.

Counted in the shared cache (Redis in production), keyed like the reply and
search limits (``operations.net.rate_limit_key``: the client address as the proxy
settings give it, an IPv6 client by its /64). Past the limit: 429 with
``Retry-After`` (seconds).
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from operations.net import rate_limit_key


class ClientAddressThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        # Read per request, not at import, so the setting can change (and tests can).
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        ident = rate_limit_key(self.scope, request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
