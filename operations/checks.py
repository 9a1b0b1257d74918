"""System checks for configuration that looks safe but is not (``manage.py check``).

Only in production (DEBUG off): a laptop with one process needs none of this.
"""

import ipaddress

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from operations.net import FORWARDED_FOR, client_ip_header


@register(Tags.caches)
def check_shared_cache(app_configs, **kwargs):
    """Without REDIS_URL, each server has its own cache (files, shared by its processes):
    its own count of replies per address, and its own copy of the cached pages, which a
    change made through another server does not refresh."""
    if settings.DEBUG or getattr(settings, "REDIS_URL", ""):
        return []
    return [
        Warning(
            "REDIS_URL is not set: each server caches in its own files. With several "
            "servers, an address gets the reply limit once per server, and a cached "
            "page may stay stale on one server after an edit saved through another.",
            hint="Set REDIS_URL to a Redis server that every app server shares.",
            id="core.W001",
        )
    ]


@register(Tags.security)
def check_forwarded_for(app_configs, **kwargs):
    """X-Forwarded-For is a list the client starts: only the proxies' own entries count."""
    if settings.DEBUG:
        return []
    count = getattr(settings, "TRUSTED_PROXY_COUNT", None)
    if count is not None and count < 1:
        return [
            Error(
                "TRUSTED_PROXY_COUNT must be 1 or more.",
                hint="The number of reverse proxies of yours that append to X-Forwarded-For.",
                id="core.E002",
            )
        ]
    if client_ip_header() == FORWARDED_FOR and count is None:
        return [
            Warning(
                "RATELIMIT_IP_META_KEY is HTTP_X_FORWARDED_FOR but TRUSTED_PROXY_COUNT is "
                "not set. A client can put any address at the start of that list, so "
                "the site reads the address your last proxy added, assuming one proxy.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies in front of the "
                "site, or use a header your proxy sets alone (HTTP_X_REAL_IP).",
                id="core.W002",
            )
        ]
    return []


@register(Tags.security)
def check_trusted_proxies(app_configs, **kwargs):
    """Each entry of TRUSTED_PROXIES must be an address or a network."""
    wrong = []
    for entry in getattr(settings, "TRUSTED_PROXIES", None) or ():
        try:
            ipaddress.ip_network(str(entry).strip(), strict=False)
        except ValueError:
            wrong.append(str(entry))
    if not wrong:
        return []
    return [
        Error(
            "TRUSTED_PROXIES holds entries that are not addresses or networks: "
            f"{', '.join(wrong)}.",
            hint="List your proxies' addresses, e.g. TRUSTED_PROXIES=127.0.0.1,10.0.0.0/24.",
            id="core.E003",
        )
    ]
