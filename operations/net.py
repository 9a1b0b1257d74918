"""The client's address, read the same way by the reply limit and the login lockout.

By default it is ``REMOTE_ADDR``: the address the app server itself saw. Behind a
reverse proxy, that is the proxy's, so settings name the header the proxy sets:

- ``RATELIMIT_IP_META_KEY=HTTP_X_REAL_IP`` (or any single-address header): its value.
- ``RATELIMIT_IP_META_KEY=HTTP_X_FORWARDED_FOR``: a list that every proxy appends the
  address it saw to. Whatever a client sends arrives at the left of the list, so only
  the right-most ``TRUSTED_PROXY_COUNT`` entries were written by the site's own
  proxies; the client is the left-most of those (``list[-TRUSTED_PROXY_COUNT]``).
  Taking the first entry, as naive code does, lets every client choose its address.

The header is read only on a request that came from one of ``TRUSTED_PROXIES`` (the
proxy's own addresses or networks; loopback by default). A client that reaches the app
server directly, past the proxy, is counted by the address the server saw, whatever
header it sends.

The reply limit and the login lockout count an IPv6 client by its /64
(``client_network``): any rented server has a whole /64, and counting each of its
addresses alone would give it unlimited guesses.
"""

import ipaddress

from django.conf import settings

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
DEFAULT_TRUSTED_PROXIES = ("127.0.0.1", "::1")
# An IPv6 client is counted by its network of this size (one customer's allocation).
IPV6_PREFIX = 64


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


def trusted_proxies():
    """The networks the proxy header is read from (``TRUSTED_PROXIES``; loopback unless set).

    An entry that is not an address or network is left out (``manage.py check`` names it).
    """
    entries = getattr(settings, "TRUSTED_PROXIES", None)
    if entries is None:
        entries = DEFAULT_TRUSTED_PROXIES
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(str(entry).strip(), strict=False))
        except ValueError:
            continue
    return networks


def from_trusted_proxy(request):
    """Whether the request came from one of the site's own proxies (by ``REMOTE_ADDR``)."""
    address = _address(request.META.get("REMOTE_ADDR", ""))
    if address is None:
        return False
    address = ipaddress.ip_address(address)
    return any(address in network for network in trusted_proxies())


def _address(value):
    if not isinstance(value, str):
        return None
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
    if key != "REMOTE_ADDR" and not from_trusted_proxy(request):
        # Not through the proxy: a header the client wrote itself says nothing.
        key = "REMOTE_ADDR"
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


def client_network(request):
    """What the limits count a client by: its address, an IPv6 client by its /64.

    The login lockout (``AXES_CLIENT_IP_CALLABLE``) stores and logs this value, so a
    locked-out IPv6 client shows as its network's first address (``2001:db8:1:2::``).
    None as in ``client_ip``.
    """
    ip = client_ip(request)
    if ip is None:
        return None
    if ipaddress.ip_address(ip).version == 6:
        return str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False).network_address)
    return ip


def rate_limit_key(group, request):
    """What a rate limit counts (a django-ratelimit ``key``): ``client_network``.

    A request without a usable address (a proxy header missing, say) shares one
    count with all such requests rather than failing.
    """
    return client_network(request) or "unknown"
