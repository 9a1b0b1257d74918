"""The anonymous page cache: served without the database, never stale, never private.

Each test turns the cache on (the suite runs with it off, so other tests see every
page rendered) and starts from an empty one.
"""

import datetime
import re
import time

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from expo.models import Enterprise
from publishing.models import EditorialStatus
from tests import factories as f
from web import cache as page_cache

LIST = "/en/enterprises/"


@pytest.fixture(autouse=True)
def cache_on(settings, db):
    settings.PAGE_CACHE = True
    page_cache.bump()


def names(response):
    return set(re.findall(r"Works \w+", response.content.decode()))


@pytest.mark.parametrize("page", ["list", "detail"])
def test_a_second_anonymous_visit_needs_no_query(client, django_assert_num_queries, page):
    enterprise = f.enterprise(name="Works Alpha")
    url = LIST if page == "list" else enterprise.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert names(second) == {"Works Alpha"}


@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_every_language_is_cached_in_its_own_language(client, django_assert_num_queries, language):
    f.enterprise(name="Works Alpha")
    for code in ("en", "ru", "zh-hans"):
        client.get(f"/{code}/enterprises/")
    with django_assert_num_queries(0):
        response = client.get(f"/{language}/enterprises/")
    assert f'<html lang="{language.replace("-hans", "-Hans")}"' in response.content.decode()


def test_a_saved_change_shows_at_once(client):
    enterprise = f.enterprise(name="Works Alpha")
    client.get(LIST)
    enterprise.name = "Works Beta"
    enterprise.save()
    assert names(client.get(LIST)) == {"Works Beta"}


def test_writes_that_send_no_signal_show_once_the_writer_says_so(client):
    """update(), bulk_create() and raw SQL send no signal: code that writes content so
    calls content_changed(), as the import, restore and synthetic_data do."""
    enterprise = f.enterprise(name="Works Alpha")
    client.get(LIST)
    Enterprise.objects.filter(pk=enterprise.pk).update(name_en="Works Beta")
    page_cache.content_changed()
    assert names(client.get(LIST)) == {"Works Beta"}
    Enterprise.objects.bulk_create(
        [
            Enterprise(
                name_en="Works Gamma", slug="gamma", country=enterprise.country, status="published"
            )
        ]
    )
    page_cache.content_changed()
    assert names(client.get(LIST)) == {"Works Beta", "Works Gamma"}
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM expo_enterprise WHERE slug = %s", ["gamma"])
    page_cache.content_changed()
    assert names(client.get(LIST)) == {"Works Beta"}


def test_a_deletion_and_a_many_to_many_change_show_at_once(client):
    enterprise = f.enterprise(name="Works Alpha")
    client.get(LIST)
    enterprise.delete()
    assert names(client.get(LIST)) == set()
    forum, russia = f.forum(), f.country("RU")

    def countries():
        page = client.get(forum.get_absolute_url()).content.decode()
        return re.search(r"Countries taking part</dt><dd>(.*?)</dd>", page).group(1)

    assert "Russia" not in countries()
    forum.countries.add(russia)
    assert "Russia" in countries()


def test_a_change_saved_in_the_admin_shows_at_once(admin_client):
    enterprise = f.enterprise(name="Works Alpha")
    reader = Client()
    reader.get(LIST)
    response = admin_client.post(
        "/admin/expo/enterprise/",
        {"action": "unpublish", "_selected_action": [enterprise.pk]},
    )
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.status == EditorialStatus.DRAFT
    assert names(reader.get(LIST)) == set()


def test_an_import_shows_at_once(client, superuser):
    """The admin's enterprise import (django-import-export), renaming one and adding one."""
    import tablib

    from expo.resources import EnterpriseResource

    f.enterprise(name="Works Alpha", slug="works-alpha", country=f.country("CN"))
    client.get(LIST)
    dataset = tablib.Dataset(
        ["works-alpha", "Works Beta", "CN", "published"],
        ["works-gamma", "Works Gamma", "CN", "published"],
        headers=["slug", "name_en", "country", "status"],
    )
    result = EnterpriseResource().import_data(dataset, dry_run=False, user=superuser)
    assert not result.has_errors() and not result.has_validation_errors()
    assert names(client.get(LIST)) == {"Works Beta", "Works Gamma"}


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_from_elsewhere_shows_at_once(client):
    """Outside a test transaction: the write commits, and the version moves with it."""
    enterprise = f.enterprise(name="Works Alpha")
    client.get(LIST)
    enterprise.name = "Works Beta"
    enterprise.save()
    assert names(client.get(LIST)) == {"Works Beta"}


def test_a_scheduled_go_live_and_expiry_show_when_due(client, monkeypatch):
    """No write happens when a scheduled time passes: the cached copy ends at that moment.

    The clock is moved on 20 minutes rather than waited for (both clocks the site reads).
    """
    soon = timezone.now() + datetime.timedelta(minutes=10)
    f.enterprise(name="Works Rising", publish_at=soon)
    f.enterprise(name="Works Setting", expires_at=soon)
    f.enterprise(name="Works Later", publish_at=soon + datetime.timedelta(days=1))
    assert names(client.get(LIST)) == {"Works Setting"}
    assert client.get(LIST).context is None  # from the cache, until the go-live
    real_time, real_now, later = time.time, timezone.now, datetime.timedelta(minutes=20)
    monkeypatch.setattr(time, "time", lambda: real_time() + later.total_seconds())
    monkeypatch.setattr(timezone, "now", lambda: real_now() + later)
    assert names(client.get(LIST)) == {"Works Rising"}


def test_pages_carry_an_etag_and_answer_304_when_unchanged(client):
    enterprise = f.enterprise(name="Works Alpha")
    for attempt in ("stored", "from the cache"):
        response = client.get(LIST)
        etag = response["ETag"]
        assert client.get(LIST, headers={"if-none-match": etag}).status_code == 304, attempt
    enterprise.name = "Works Beta"
    enterprise.save()
    changed = client.get(LIST, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_uncached_pages_answer_304_too(client, settings):
    settings.PAGE_CACHE = False
    f.enterprise(name="Works Alpha")
    etag = client.get(LIST)["ETag"]
    assert client.get(LIST, headers={"if-none-match": etag}).status_code == 304


def test_a_staff_preview_is_never_cached_or_shown_to_others(admin_client):
    draft = f.enterprise(name="Works Draft", status=EditorialStatus.DRAFT)
    url = draft.get_absolute_url()
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url).status_code == 200
    assert Client().get(url).status_code == 404


def test_a_logged_in_visit_neither_fills_nor_reads_the_cache(admin_client):
    f.enterprise(name="Works Alpha")
    admin_client.get(LIST)
    reader = Client()
    assert reader.get(LIST).context is not None  # the staff visit stored nothing
    assert reader.get(LIST).context is None  # the reader's visit did
    response = admin_client.get(LIST)
    assert response.wsgi_request.user.is_authenticated
    assert len(response.context["object_list"]) == 1  # rendered for the user, not from the cache


def test_a_page_with_the_reply_form_is_not_cached_and_its_csrf_works():
    article = f.article()
    first = Client(enforce_csrf_checks=True).get(article.get_absolute_url())
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(article.get_absolute_url())
    # Each reader gets their own token and cookie: the page was rendered again.
    assert page.context is not None
    assert page.cookies["csrftoken"].value != first.cookies["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    reply = {"name": "Anna", "email": "anna@example.com", "text": "Good report.", "website": ""}
    response = reader.post(
        article.get_absolute_url(), {**reply, "csrfmiddlewaretoken": token.group(1)}
    )
    assert response.status_code == 302


def test_a_visitor_with_a_session_is_served_fresh(client):
    f.enterprise(name="Works Alpha")
    client.get(LIST)
    client.cookies["sessionid"] = "not-a-real-session"
    response = client.get(LIST)
    assert response.context is not None  # rendered, not replayed


def test_the_site_works_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    f.enterprise(name="Works Alpha")
    assert names(client.get(LIST)) == {"Works Alpha"}
    assert names(client.get(LIST)) == {"Works Alpha"}


def test_writes_that_change_no_page_keep_the_cache(client, django_assert_num_queries):
    """Sessions, failed logins and the like are not the site's content."""
    from axes.models import AccessAttempt
    from django.contrib.sessions.backends.db import SessionStore

    f.enterprise(name="Works Alpha")
    client.get(LIST)
    SessionStore().save()
    AccessAttempt.objects.create(username="someone", ip_address="127.0.0.1", failures_since_start=1)
    with django_assert_num_queries(0):
        client.get(LIST)
