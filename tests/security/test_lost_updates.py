"""Finding 6: two staff editing one record never silently overwrite each other.

Each test opens the same change form in two browsers (two clients, two users),
saves in one, then saves the stale form in the other, exactly as the browsers post it.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from cooperation.models import Region
from expo.models import CountryParticipation, Exhibition
from publishing.models import EditorialStatus, Revision
from tests import factories as f

from .conftest import browser_form, change_url, open_form

DRAFT, PUBLISHED = EditorialStatus.DRAFT, EditorialStatus.PUBLISHED


@pytest.fixture
def staff(db, django_user_model):
    """``staff("publisher", "ann")``: a logged-in client of a new user in that role."""

    def _staff(role, username):
        user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
        user.groups.add(Group.objects.get(name=f"{role.capitalize()}s"))
        client = Client()
        client.force_login(user)
        return client

    return _staff


def test_the_second_save_does_not_revert_the_first(staff):
    region = f.region(name="Heilongjiang", iso_code="")
    ann, bob = staff("publisher", "ann"), staff("publisher", "bob")
    url = change_url(region)
    ann_form, bob_form = open_form(ann, url), open_form(bob, url)

    assert ann.post(url, {**ann_form, "name_en": "Heilongjiang Province"}).status_code == 302
    stale = bob.post(url, {**bob_form, "iso_code": "CN-HL"})

    assert stale.status_code == 200
    page = stale.content.decode()
    assert "ann saved this record at" in page
    assert "Changed by ann meanwhile; their value is kept." in page  # next to the name field
    region.refresh_from_db()
    assert region.name_en == "Heilongjiang Province"  # Ann's change kept
    assert region.iso_code == ""  # Bob's not saved yet, but still in his form,
    shown = browser_form(stale)
    assert shown["iso_code"] == "CN-HL"
    assert shown["name_en"] == "Heilongjiang Province"  # which now holds Ann's name

    # Bob saves the form as shown: it goes through, and keeps Ann's work.
    assert bob.post(url, shown).status_code == 302
    region.refresh_from_db()
    assert (region.name_en, region.iso_code) == ("Heilongjiang Province", "CN-HL")
    assert region.history.count() == 3  # created, Ann's save, Bob's save: nothing lost


def test_a_stale_form_does_not_put_a_just_published_record_back_to_draft(staff):
    region = f.region(name="Guangdong", status=DRAFT)
    ann, bob = staff("publisher", "ann"), staff("publisher", "bob")
    url = change_url(region)
    ann_form = open_form(ann, url)
    assert ann_form["status"] == DRAFT

    bob.post(
        reverse("admin:cooperation_region_changelist"),
        {"action": "publish", "_selected_action": [region.pk]},
    )
    region.refresh_from_db()
    assert region.status == PUBLISHED

    stale = ann.post(url, {**ann_form, "name_en": "Guangdong Province"})
    assert stale.status_code == 200
    assert "bob saved this record" in stale.content.decode()
    assert "Changed by bob meanwhile; their value is kept." in stale.content.decode()
    region.refresh_from_db()
    assert region.status == PUBLISHED
    assert region.name_en == "Guangdong"

    # Her form now says published: saving it again keeps the record published.
    shown = browser_form(stale)
    assert shown["status"] == PUBLISHED
    assert ann.post(url, shown).status_code == 302
    region.refresh_from_db()
    assert (region.status, region.name_en) == (PUBLISHED, "Guangdong Province")


def test_a_change_outside_the_form_is_no_conflict(staff):
    """An Editor's form has no publication fields: publishing meanwhile does not block it.

    The record is live by the time the Editor saves, so the change waits as a pending
    revision (tests/editorial/test_revisions.py) instead of being refused as a conflict.
    """
    region = f.region(name="Sakha", status=DRAFT)
    editor, publisher = staff("editor", "ed"), staff("publisher", "pat")
    url = change_url(region)
    editor_form = open_form(editor, url)
    publisher_form = open_form(publisher, url)
    assert publisher.post(url, {**publisher_form, "status": PUBLISHED}).status_code == 302

    saved = editor.post(url, {**editor_form, "name_en": "Sakha (Yakutia)"})
    assert saved.status_code == 302
    assert saved["Location"] == reverse("admin:cooperation_region_revision", args=[region.pk])
    region.refresh_from_db()
    assert (region.name_en, region.status) == ("Sakha", PUBLISHED)  # the public sees no change
    revision = Revision.objects.pending().for_record(region).get()
    assert revision.data["fields"]["name_en"] == "Sakha (Yakutia)"


def test_a_stale_form_does_not_revert_inline_rows(staff):
    exhibition = f.exhibition(name="6th China-Russia EXPO")
    participation = f.participation(exhibition=exhibition, enterprises=1246)
    ann, bob = staff("publisher", "ann"), staff("publisher", "bob")
    url = change_url(exhibition)
    ann_form, bob_form = open_form(ann, url), open_form(bob, url)
    row = next(k for k, v in ann_form.items() if k.endswith("-enterprises") and v == "1246")

    assert ann.post(url, {**ann_form, row: "1247"}).status_code == 302
    stale = bob.post(url, {**bob_form, "name_en": "The 6th China-Russia EXPO"})

    assert stale.status_code == 200
    assert "were changed too" in stale.content.decode()
    participation.refresh_from_db()
    assert participation.enterprises == 1247
    assert Exhibition.objects.get(pk=exhibition.pk).name_en == "6th China-Russia EXPO"
    assert CountryParticipation.objects.count() == 1


def test_a_stale_revert_is_refused_too(staff):
    region = f.region(name="Original")
    first = region.history.first()
    ann, bob = staff("publisher", "ann"), staff("publisher", "bob")
    revert = reverse("admin:cooperation_region_simple_history", args=[region.pk, first.pk])
    ann_form = open_form(ann, revert)

    bob_form = open_form(bob, change_url(region))
    assert bob.post(change_url(region), {**bob_form, "name_en": "Bob's name"}).status_code == 302

    stale = ann.post(revert, ann_form)
    assert stale.status_code == 200
    assert "bob saved this record" in stale.content.decode()
    assert Region.objects.get(pk=region.pk).name_en == "Bob's name"


def test_a_readers_reply_arriving_meanwhile_is_no_conflict(staff):
    """The replies shown on an article's form are read-only there: not part of the lock."""
    article = f.article(title="EXPO report")
    ann = staff("publisher", "ann")
    url = change_url(article)
    form = open_form(ann, url)
    f.reply(article=article)  # a reader replies while Ann edits

    assert ann.post(url, {**form, "title_en": "EXPO report, updated"}).status_code == 302
    article.refresh_from_db()
    assert article.title_en == "EXPO report, updated"
