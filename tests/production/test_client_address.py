"""The client's address behind proxies (operations/net.py): the reply limit and the login
lockout read it the same way, and a client cannot choose it."""

import pytest
from django.core.checks import Error, Warning
from django.test import RequestFactory

from operations.checks import check_forwarded_for, check_shared_cache, check_trusted_proxies
from operations.net import client_ip, client_network


def request_with(**meta):
    request = RequestFactory().get("/")
    request.META.update(meta)
    return request


def test_without_settings_the_address_the_server_saw_counts(settings):
    request = request_with(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(request) == "203.0.113.7"


def test_a_single_address_header_set_by_the_proxy(settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    request = request_with(REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="203.0.113.7")
    assert client_ip(request) == "203.0.113.7"


@pytest.mark.parametrize(
    ("forwarded", "proxies", "expected"),
    [
        # One proxy appends the address it saw; what the client sent stays to the left.
        ("203.0.113.7", 1, "203.0.113.7"),
        ("1.2.3.4, 203.0.113.7", 1, "203.0.113.7"),
        ("forged, 1.2.3.4,203.0.113.7", 1, "203.0.113.7"),
        # Two proxies: the outer one added the client, the inner one the outer proxy.
        ("1.2.3.4, 203.0.113.7, 10.0.0.5", 2, "203.0.113.7"),
        ("2001:db8::1, 10.0.0.5", 2, "2001:db8::1"),
        # Shorter than the proxies it must have passed: not trusted.
        ("203.0.113.7", 2, None),
        ("", 1, None),
        ("not-an-address", 1, None),
    ],
)
def test_forwarded_for_is_read_from_the_right(settings, forwarded, proxies, expected):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXIES = ["10.0.0.9"]
    settings.TRUSTED_PROXY_COUNT = proxies
    request = request_with(REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_readers_behind_one_proxy_are_counted_apart(settings):
    """Naive code took the first entry: every reader who sends one shares its bucket."""
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 1
    first = request_with(HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    second = request_with(HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.8")
    assert client_ip(first) != client_ip(second)


def test_the_reply_limit_counts_the_same_address(settings):
    from news.views import rate_limit_key

    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 1
    request = request_with(HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert rate_limit_key("replies", request) == "203.0.113.7"


# System checks (manage.py check), production only


def ids(messages):
    return [message.id for message in messages]


def test_no_shared_cache_in_production_is_a_warning(settings):
    settings.DEBUG = False
    settings.REDIS_URL = ""
    messages = check_shared_cache(None)
    assert ids(messages) == ["core.W001"]
    assert isinstance(messages[0], Warning)
    assert "REDIS_URL" in messages[0].msg


def test_shared_cache_or_local_development_is_quiet(settings):
    settings.DEBUG = False
    settings.REDIS_URL = "redis://127.0.0.1:6379/1"
    assert check_shared_cache(None) == []
    settings.DEBUG = True
    settings.REDIS_URL = ""
    assert check_shared_cache(None) == []


def test_forwarded_for_without_a_proxy_count_is_a_warning(settings):
    settings.DEBUG = False
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = None
    assert ids(check_forwarded_for(None)) == ["core.W002"]
    settings.TRUSTED_PROXY_COUNT = 1
    assert check_forwarded_for(None) == []
    settings.TRUSTED_PROXY_COUNT = 0
    messages = check_forwarded_for(None)
    assert ids(messages) == ["core.E002"]
    assert isinstance(messages[0], Error)


def test_a_header_the_proxy_sets_alone_is_quiet(settings):
    settings.DEBUG = False
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXY_COUNT = None
    assert check_forwarded_for(None) == []


def test_the_checks_are_registered():
    from django.core import checks

    registered = {check.__name__ for check in checks.registry.registry.get_checks()}
    assert {"check_shared_cache", "check_forwarded_for", "check_trusted_proxies"} <= registered


# Only the proxy's own requests are read for a header (TRUSTED_PROXIES, loopback by default)


@pytest.mark.parametrize("header", ["HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP"])
def test_a_header_from_a_client_that_is_not_the_proxy_is_ignored(settings, header):
    settings.RATELIMIT_IP_META_KEY = header
    settings.TRUSTED_PROXY_COUNT = 1
    # gunicorn reached directly: the request comes from the client itself.
    request = request_with(REMOTE_ADDR="198.51.100.30", **{header: "203.0.113.7"})
    assert client_ip(request) == "198.51.100.30"


def test_the_proxy_is_trusted_by_address_or_network(settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "2001:db8:ffff::1"]
    for proxy in ("10.0.0.2", "2001:db8:ffff::1"):
        request = request_with(REMOTE_ADDR=proxy, HTTP_X_REAL_IP="203.0.113.7")
        assert client_ip(request) == "203.0.113.7"
    outside = request_with(REMOTE_ADDR="10.0.1.2", HTTP_X_REAL_IP="203.0.113.7")
    assert client_ip(outside) == "10.0.1.2"


def test_by_default_only_loopback_is_a_proxy(settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    del settings.TRUSTED_PROXIES
    for proxy, trusted in (("127.0.0.1", True), ("::1", True), ("10.0.0.2", False)):
        request = request_with(REMOTE_ADDR=proxy, HTTP_X_REAL_IP="203.0.113.7")
        assert (client_ip(request) == "203.0.113.7") is trusted


def test_an_ipv6_client_is_counted_by_its_64(settings):
    first = request_with(REMOTE_ADDR="2001:db8:1:2::1")
    second = request_with(REMOTE_ADDR="2001:db8:1:2:ffff:1234:5678:9abc")
    other = request_with(REMOTE_ADDR="2001:db8:1:3::1")
    assert client_network(first) == client_network(second) == "2001:db8:1:2::"
    assert client_network(other) != client_network(first)
    assert client_network(request_with(REMOTE_ADDR="203.0.113.7")) == "203.0.113.7"


def test_a_proxy_list_that_is_not_addresses_is_an_error(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "nginx.internal"]
    messages = check_trusted_proxies(None)
    assert ids(messages) == ["core.E003"]
    assert "nginx.internal" in messages[0].msg
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8", "::1"]
    assert check_trusted_proxies(None) == []
