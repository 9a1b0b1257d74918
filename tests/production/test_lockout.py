"""Password guessing (django-axes): 5 failures for one username from one address
lock that pair out for 15 minutes, even for the right password; others are unaffected."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

PASSWORD = "a-correct-horse-battery"
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("editor", "e@example.com", PASSWORD)


@pytest.fixture
def other_staff(django_user_model):
    return django_user_model.objects.create_superuser("publisher", "p@example.com", PASSWORD)


def login(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, times, username="editor", address="203.0.113.7", **headers):
    for _ in range(times):
        response = login(client, username, "wrong", address, **headers)
    return response


def is_logged_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.django_db
def test_four_failures_still_allow_the_right_password(staff):
    client = Client()
    assert fail(client, 4).status_code == 200  # the login form with its error
    assert is_logged_in(login(client, "editor", PASSWORD))


@pytest.mark.django_db
def test_the_fifth_failure_locks_out_with_a_clear_page(staff):
    client = Client()
    fail(client, 4)
    response = fail(client, 1)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed logins" in html
    assert "5 wrong passwords in a row" in html
    assert "15 minutes" in html
    assert "/static/css/site.css" in html


@pytest.mark.django_db
def test_the_right_password_is_refused_during_the_lockout(staff):
    client = Client()
    fail(client, 5)
    response = login(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_lockout_page_is_translated(staff):
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    response = fail(client, 5)
    html = response.content.decode()
    assert '<html lang="ru">' in html
    assert "Too many failed logins" not in html


@pytest.mark.django_db
def test_other_users_and_other_addresses_are_not_affected(staff, other_staff):
    client = Client()
    fail(client, 5)
    assert is_logged_in(login(Client(), "publisher", PASSWORD))
    assert is_logged_in(login(Client(), "editor", PASSWORD, address="198.51.100.20"))


@pytest.mark.django_db
def test_the_lockout_ends_after_15_minutes(staff):
    fail(Client(), 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert is_logged_in(login(Client(), "editor", PASSWORD))


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_client_is_locked_not_the_proxy(staff, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    proxy = "10.0.0.2"
    # The attacker forges a first entry each time; the proxy's entry gives them away.
    for n in range(5):
        response = login(
            Client(), "editor", "wrong", proxy, HTTP_X_FORWARDED_FOR=f"1.1.1.{n}, 203.0.113.7"
        )
    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    # Another reader behind the same proxy logs in.
    response = login(Client(), "editor", PASSWORD, proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert is_logged_in(response)


@pytest.mark.django_db
def test_lockouts_are_logged(staff, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        fail(Client(), 5)
    messages = [record.getMessage() for record in caplog.records if record.name.startswith("axes")]
    lockouts = [message for message in messages if "Locking out" in message]
    assert len(lockouts) == 1
    assert "editor" in lockouts[0]
    assert "203.0.113.7" in lockouts[0]


@pytest.mark.django_db
def test_one_ipv6_64_is_one_client(staff):
    """Any rented server has a /64: each of its addresses is the same guesser."""
    for n in range(20):
        login(Client(), "editor", "wrong", f"2001:db8:5:6::{n + 1:x}")
    response = login(Client(), "editor", PASSWORD, "2001:db8:5:6:abcd::1")
    assert response.status_code == 429
    assert not is_logged_in(response)
    # The next /64 is someone else.
    assert is_logged_in(login(Client(), "editor", PASSWORD, "2001:db8:5:7::1"))


@pytest.mark.django_db
def test_a_forwarded_header_sent_straight_to_the_app_server_is_ignored(staff, settings):
    """gunicorn reached directly: a client that invents a new address each time is locked."""
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(20):
        login(Client(), "editor", "wrong", "198.51.100.40", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = login(
        Client(), "editor", PASSWORD, "198.51.100.40", HTTP_X_FORWARDED_FOR="192.0.2.200"
    )
    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "198.51.100.40"
