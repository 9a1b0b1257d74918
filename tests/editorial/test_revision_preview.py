"""Previewing a pending revision as the public page (issue 27).

Staff who may change a live exhibition open its public page as publishing the pending
revision would make it, under a banner, in any of the site's languages; the public keeps
the live version before and after, every cache included, and nothing of the preview is
stored: not the record, its rows, its history or the revision.
"""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from expo.models import CountryParticipation, Exhibition
from publishing.models import Revision, RevisionStatus
from tests import factories as f
from web import cache as page_cache

from . import test_revisions
from .test_revisions import NEW, OLD, _revision_url

PAGE = "/en/exhibitions/third-expo/"
BANNER = "Preview of a pending revision"


@pytest.fixture
def live(db, settings):
    settings.PAGE_CACHE = True
    page_cache.bump()
    exhibition = f.exhibition(
        name="3rd China-Russia EXPO",
        slug="third-expo",
        **{f"theme_{code}": value for code, value in OLD.items()},
    )
    f.participation(exhibition=exhibition, country=f.country("CN"), enterprises=11)
    # A guest of honour: the page draws a map, which is cached per content version.
    f.guest_of_honour(exhibition=exhibition, region=f.region(name="Heilongjiang"))
    return exhibition


def edit_as_editor(client, exhibition, **changes):
    """The Editor's change (``test_revisions.edit_as_editor``), saved as a revision."""
    response = test_revisions.edit_as_editor(client, exhibition, **changes)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def _preview_url(exhibition, language=None):
    url = reverse("admin:expo_exhibition_revision_preview", args=[exhibition.pk])
    return f"{url}?lang={language}" if language else url


def _public(path):
    """The page as an anonymous reader gets it (a client of its own: no cookies)."""
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_preview_shows_the_revision_while_the_public_keeps_the_live_version(login, live):
    editor, publisher = login("editor"), login("publisher")
    before = _public(PAGE)
    assert "Old theme" in before and ">11<" in before
    edit_as_editor(editor, live)

    preview = editor.get(_preview_url(live, "en"))

    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Open borders" in page and "Old theme" not in page
    assert ">222<" in page and ">11<" not in page
    assert BANNER in page and "not public" in page
    assert f'href="{_revision_url(live)}"' in page  # back to the comparison
    after = _public(PAGE)
    assert "Old theme" in after and ">11<" in after
    assert "Open borders" not in after and ">222<" not in after and BANNER not in after

    publisher.post(
        _revision_url(live),
        {"action": "publish", "revision_token": Revision.objects.get().token},
    )

    published = _public(PAGE)
    assert "Open borders" in published and ">222<" in published
    assert "Old theme" not in published and BANNER not in published


def test_the_preview_is_private_uncached_and_within_the_sites_policy(login, live):
    editor = login("editor")
    edit_as_editor(editor, live)

    preview = editor.get(_preview_url(live, "en"))

    cache_control = {part.strip() for part in preview["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control
    assert preview["X-Robots-Tag"] == "noindex"
    public = Client().get(PAGE)
    assert preview["Content-Security-Policy"] == public["Content-Security-Policy"]
    page = preview.content.decode()
    assert "style=" not in page
    # Scripts from files only (structured data is not run): nothing the policy refuses.
    scripts = re.findall(r"<script[^>]*>", page)
    assert all("src=" in tag or "application/ld+json" in tag for tag in scripts), scripts


def test_the_preview_leaves_nothing_behind(login, live, django_capture_on_commit_callbacks):
    editor = login("editor")
    edit_as_editor(editor, live, name_en="Open Borders EXPO")
    history = live.history.count()
    rows = list(CountryParticipation.objects.values_list("pk", "country", "enterprises"))
    revision = Revision.objects.values().get()
    revision_history = Revision.history.count()
    assert "Old theme" in _public("/en/exhibitions/")  # a page stored before the preview
    version = page_cache.content_version()

    with django_capture_on_commit_callbacks() as callbacks:
        preview = editor.get(_preview_url(live, "en")).content.decode()

    assert "Regions at the Open Borders EXPO" in preview  # the map, drawn for the preview
    assert callbacks == []
    stored = Exhibition.objects.get()
    assert (stored.name_en, stored.theme_en, stored.theme_ru) == (
        "3rd China-Russia EXPO",
        OLD["en"],
        OLD["ru"],
    )
    assert live.history.count() == history
    assert list(CountryParticipation.objects.values_list("pk", "country", "enterprises")) == rows
    assert Revision.objects.values().get() == revision
    assert revision["status"] == RevisionStatus.DRAFT
    assert Revision.history.count() == revision_history
    assert page_cache.content_version() == version  # the site's cached pages stay valid
    # The first anonymous requests after the preview: the page, the map on it (a cache
    # of its own), the list and the other languages all show the live version.
    for path in (PAGE, "/ru/exhibitions/third-expo/", "/en/exhibitions/", "/en/"):
        text = _public(path)
        assert "Open borders" not in text and "Open Borders EXPO" not in text, path
        assert "Открытые границы" not in text and BANNER not in text, path
    page = _public(PAGE)
    assert "Regions at the 3rd China-Russia EXPO" in page and "Old theme" in page


def test_the_preview_in_russian_shows_the_russian_theme(login, live):
    editor = login("editor")
    edit_as_editor(editor, live)

    russian = editor.get(_preview_url(live, "ru"))
    chinese = editor.get(_preview_url(live, "zh-hans"))

    page = russian.content.decode()
    assert russian["Content-Language"] == "ru"
    assert '<html lang="ru">' in page
    assert NEW["ru"] in page and OLD["ru"] not in page
    assert "Предпросмотр ожидающей редакции" in page and BANNER not in page
    assert NEW["zh_hans"] in chinese.content.decode()
    assert "Старая тема" in _public("/ru/exhibitions/third-expo/")


def test_the_comparison_links_to_the_preview_in_each_language(login, live):
    editor = login("editor")
    edit_as_editor(editor, live)

    page = editor.get(_revision_url(live)).content.decode()

    for code in ("en", "ru", "zh-hans"):
        assert f'href="{_preview_url(live, code)}"' in page


@pytest.fixture
def viewer(db, django_user_model):
    """Staff who may view exhibitions in the admin but not change them."""
    user = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_exhibition"))
    client = Client()
    client.force_login(user)
    return client


def test_only_staff_who_may_change_the_record_see_a_preview(login, live, viewer):
    edit_as_editor(login("editor"), live)
    anonymous = login("anonymous").get(_preview_url(live))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("admin:login"))
    assert viewer.get(_preview_url(live)).status_code == 403


def test_bad_preview_addresses_are_a_404_not_a_500(login, live):
    publisher = login("publisher")
    assert publisher.get(_preview_url(live)).status_code == 404  # no pending revision
    for bad in ("x", "99999999999999999999999", "1.5"):
        url = reverse("admin:expo_exhibition_revision_preview", args=[bad])
        assert publisher.get(url).status_code == 404, bad
    edit_as_editor(login("editor"), live)
    missing = reverse("admin:expo_exhibition_revision_preview", args=[live.pk + 1000])
    assert publisher.get(missing).status_code == 404
    # An unknown language: the preview in the admin's language.
    unknown = publisher.get(_preview_url(live, "xx"))
    assert unknown.status_code == 200 and "Open borders" in unknown.content.decode()


def test_a_revision_that_no_longer_fits_is_said_so_not_a_500(login, live):
    editor = login("editor")
    edit_as_editor(editor, live)
    revision = Revision.objects.get()
    revision.data["fields"]["city_id"] = live.city_id + 1000  # a city deleted since
    revision.save()

    response = editor.get(_preview_url(live, "en"))

    assert response.status_code == 302, response.status_code
    assert response["Location"] == _revision_url(live)
    assert "cannot be shown as it is" in editor.get(_revision_url(live)).content.decode()
    assert editor.post(_preview_url(live, "en")).status_code == 405
    assert Exhibition.objects.get().city_id == live.city_id
