"""Security headers on every response, and every cookie alike (Secure, SameSite, HttpOnly)."""

import pytest


@pytest.mark.parametrize("url", ["/en/", "/en/regions/", "/en/no/such/page/", "/admin/login/"])
def test_every_response_has_the_security_headers(client, db, url):
    response = client.get(url)
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"


def test_language_cookie_is_secure_like_the_others(client, db, settings):
    settings.LANGUAGE_COOKIE_SECURE = True  # what DEBUG off gives (SECURE_COOKIES unset)
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/ru/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ru"
    assert cookie["secure"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_cookies_follow_secure_cookies_setting():
    """Production defaults: all three cookies HTTPS only, SameSite=Lax, HttpOnly."""
    from django.conf import settings

    assert settings.LANGUAGE_COOKIE_SECURE == settings.SESSION_COOKIE_SECURE
    assert settings.CSRF_COOKIE_SECURE == settings.SESSION_COOKIE_SECURE
    assert settings.SESSION_COOKIE_SAMESITE == settings.LANGUAGE_COOKIE_SAMESITE == "Lax"
    assert settings.LANGUAGE_COOKIE_HTTPONLY and settings.SESSION_COOKIE_HTTPONLY
