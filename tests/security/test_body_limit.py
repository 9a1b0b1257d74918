"""An anonymous body over ANONYMOUS_MAX_BODY_SIZE is refused by its Content-Length (413)
before any of it is read; logged-in staff are not limited by it."""

import io

import pytest
from django.test import Client

from tests import factories as f


class Unreadable(io.RawIOBase):
    """A body that fails the test if anything reads it."""

    def readable(self):
        return True

    def readinto(self, buffer):
        raise AssertionError("the body was read")


def post_declaring(client, path, length):
    return client.generic(
        "POST",
        path,
        CONTENT_TYPE="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": Unreadable()},
    )


@pytest.mark.django_db
def test_an_anonymous_large_body_is_refused_unread(settings):
    settings.ANONYMOUS_MAX_BODY_SIZE = 1000
    article = f.hosted_article()
    response = post_declaring(Client(), article.get_absolute_url(), 300 * 1024 * 1024)
    assert response.status_code == 413


@pytest.mark.django_db
def test_a_small_anonymous_body_is_served(settings, client):
    settings.ANONYMOUS_MAX_BODY_SIZE = 1000
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 200  # the login form with its error


@pytest.mark.django_db
def test_a_content_length_that_is_no_number_is_a_400():
    response = Client().generic("POST", "/admin/login/", CONTENT_LENGTH="many")
    assert response.status_code == 400


@pytest.mark.django_db
def test_logged_in_staff_may_send_more(settings, admin_client):
    settings.ANONYMOUS_MAX_BODY_SIZE = 10
    response = admin_client.post("/admin/login/", {"username": "x", "password": "y" * 100})
    assert response.status_code != 413
