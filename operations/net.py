"""The client's address, read the same way by the reply limit and the login lockout.

By default it is ``REMOTE_ADDR``: the address the app server itself saw. Behind a
reverse proxy, that is the proxy's, so settings name the header the proxy sets:

- ``RATELIMIT_IP_META_KEY=HTTP_X_REAL_IP`` (or any single-address header): its value.
- ``RATELIMIT_IP_META_KEY=HTTP_X_FORWARDED_FOR``: a list that every proxy appends the
  address it saw to. Whatever a client sends arrives at the left of the list, so only
  the right-most ``TRUSTED_PROXY_COUNT`` entries were written by the site's own
  proxies; the client is the left-most of those (``list[-TRUSTED_PROXY_COUNT]``).
  Taking the first entry, as naive code does, lets every client choose its address.
"""

import ipaddress

from django.conf import settings

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def client_ip_header():
    """The ``request.META`` key holding the client address (``REMOTE_ADDR`` by default)."""
    key = getattr(settings, "RATELIMIT_IP_META_KEY", None)
    if not isinstance(key, str) or not key or "." in key:
        return "REMOTE_ADDR"
    return key


def trusted_proxy_count():
    """How many proxies of the site's own append to X-Forwarded-For (1 unless set)."""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", None)
    return 1 if count is None else count


def _address(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client's address as text, or None when the request carries no usable one.

    None (a header missing or forged into something that is not an address, a
    forwarded list shorter than the proxies it should have passed) is never an error:
    callers count all such requests together.
    """
    key = client_ip_header()
    value = request.META.get(key, "")
    if not isinstance(value, str):
        return None
    if key == "REMOTE_ADDR":
        return _address(value)
    entries = [entry for entry in value.split(",") if entry.strip()]
    if key == FORWARDED_FOR:
        count = trusted_proxy_count()
        if count < 1 or len(entries) < count:
            return None
        return _address(entries[-count])
    # A header a single proxy sets to one address; if it holds a list, the proxy
    # appended to what the client sent, so the right-most entry is the proxy's.
    return _address(entries[-1]) if entries else None
