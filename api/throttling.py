"""The API's rate limit: per client address, far above what a polite client asks.

Counted in the shared cache (Redis in production), keyed by the address
``operations.net.client_ip`` reads (the proxy settings apply), an IPv6 client by its
/64 like the reply limit. Past the limit: 429 with ``Retry-After`` (seconds).
"""

import ipaddress

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from operations.net import client_ip


def client_key(request):
    ip = client_ip(request)
    if ip is None:
        return "unknown"
    if ipaddress.ip_address(ip).version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return ip


class ClientAddressThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        # Read per request, not at import, so the setting can change (and tests can).
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_key(request)}
