"""An unknown Host header is a 400 page, never a server error; every error page
renders for a request with a bad host (DEBUG off, as in production)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults
from django.views.csrf import csrf_failure

BAD_HOST = "evil.example"


@pytest.fixture
def bad_host_client(db, settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False, HTTP_HOST=BAD_HOST)


@pytest.mark.parametrize(
    "url", ["/", "/en/", "/ru/regions/", "/zh-hans/no/such/page/", "/admin/", "/health/"]
)
def test_unknown_host_is_a_400_page_in_the_sites_style(bad_host_client, url):
    response = bad_host_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    html = response.content.decode()
    if not url.startswith(("/ru/", "/zh-hans/")):
        assert "This request could not be understood" in html
    assert "<h1>" in html
    assert "/static/css/site.css" in html
    assert BAD_HOST not in html


def test_unknown_host_on_a_form_post_is_a_400(bad_host_client):
    response = bad_host_client.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 400


def test_the_400_page_in_russian(bad_host_client):
    response = bad_host_client.get("/ru/regions/")
    assert response.status_code == 400
    assert '<html lang="ru">' in response.content.decode()


def bad_host_request(path="/en/regions/"):
    request = RequestFactory().get(path, HTTP_HOST=BAD_HOST)
    with pytest.raises(Exception, match="Invalid HTTP_HOST"):
        request.get_host()
    return request


@pytest.mark.parametrize(
    ("render", "status", "heading"),
    [
        (lambda r: defaults.bad_request(r, Exception()), 400, "could not be understood"),
        (lambda r: defaults.permission_denied(r, PermissionDenied()), 403, "may not open"),
        (lambda r: csrf_failure(r), 403, "could not be accepted"),
        (lambda r: defaults.page_not_found(r, Http404()), 404, "Page not found"),
        (lambda r: defaults.server_error(r), 500, "Something went wrong"),
    ],
    ids=["400", "403", "403_csrf", "404", "500"],
)
@pytest.mark.parametrize("path", ["/en/regions/", "/en/no/such/page/", "/admin/"])
def test_every_error_page_renders_for_a_bad_host(db, settings, render, status, heading, path):
    settings.DEBUG = False
    with translation.override("en"):
        response = render(bad_host_request(path))
    assert response.status_code == status
    html = response.content.decode()
    assert heading in html
    assert "/static/css/site.css" in html
    # Relative links only: nothing built from the Host header.
    assert "http://" not in html
    assert 'rel="alternate"' not in html


def test_error_pages_keep_relative_language_links(db, settings):
    settings.DEBUG = False
    with translation.override("ru"):
        response = defaults.page_not_found(bad_host_request("/ru/regions/"), Http404())
    html = response.content.decode()
    assert 'href="/en/regions/"' in html
    assert 'href="/zh-hans/regions/"' in html
