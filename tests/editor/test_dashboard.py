"""The admin is branded and its front page is a dashboard of what waits (issue 13)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from expo.models import Enterprise, Sector
from tests import factories as f

pytestmark = pytest.mark.django_db
INDEX = reverse("admin:index")


def _firm(**kw):
    """An enterprise translated into every language unless told otherwise."""
    kw.setdefault("name_en", "Firm")
    kw.setdefault("name_ru", "Фирма")
    kw.setdefault("name_zh_hans", "公司")
    return f.enterprise(country=f.country("CN"), **kw)


def test_the_admin_is_branded(editor):
    page = editor.get(INDEX).content.decode()
    assert "<title>Site administration | China-Russia Cooperation admin</title>" in page
    assert "China-Russia Cooperation: editorial admin" in page
    assert "Django administration" not in page


def test_the_dashboard_counts_what_waits_and_links_to_the_filtered_lists(publisher):
    now = timezone.now()
    _firm(status="draft")
    _firm(status="draft")
    _firm(publish_at=now + datetime.timedelta(days=3))
    _firm(expires_at=now + datetime.timedelta(days=2))
    _firm(name_en="Only English", name_ru="", name_zh_hans="")
    f.reply(status="pending")
    f.reply(status="approved")

    page = publisher.get(INDEX).content.decode()

    replies = reverse("admin:news_reply_changelist") + "?status__exact=pending"
    assert f'<a href="{replies}">Replies waiting for moderation: 1</a>' in page
    enterprises = reverse("admin:expo_enterprise_changelist")
    row = re.search(
        rf'<th scope="row"><a href="{enterprises}">Enterprises</a></th>(.*?)</tr>', page, re.S
    )
    assert row, "a row for enterprises"
    cells = re.findall(r'<td>(?:<a href="([^"]+)">)?(\d+|—)', row.group(1))
    assert cells[0] == (f"{enterprises}?status__exact=draft", "2")
    assert cells[1] == (f"{enterprises}?visibility=scheduled", "1")
    assert cells[2] == (f"{enterprises}?visibility=expiring", "1")
    assert (f"{enterprises}?missing_lang=ru", "1") in cells


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status__exact=draft", {"Draft firm"}),
        ("visibility=scheduled", {"Scheduled firm"}),
        ("visibility=expiring", {"Expiring firm"}),
        ("missing_lang=zh-hans", {"Only English"}),
    ],
)
def test_each_link_opens_the_list_it_counts(publisher, query, expected):
    now = timezone.now()
    _firm(name_en="Draft firm", status="draft")
    _firm(name_en="Scheduled firm", publish_at=now + datetime.timedelta(days=1))
    _firm(name_en="Expiring firm", expires_at=now + datetime.timedelta(days=1))
    _firm(name_en="Only English", name_zh_hans="")
    response = publisher.get(reverse("admin:expo_enterprise_changelist") + "?" + query)
    assert response.status_code == 200
    shown = {str(obj) for obj in response.context["cl"].result_list}
    assert shown == expected


def test_the_dashboard_queries_do_not_grow_with_the_records(
    publisher, django_assert_max_num_queries
):
    for _ in range(3):
        _firm(status="draft")
        f.sector(status="draft")
    with django_assert_max_num_queries(40) as few:
        publisher.get(INDEX)
    for _ in range(30):
        _firm(status="draft")
        f.sector(status="draft")
        f.reply(status="pending")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = publisher.get(INDEX).content.decode()
    assert Enterprise.objects.count() == 33 and Sector.objects.count() >= 33
    assert ">33</a>" in page


def test_change_lists_show_the_state_and_the_reply_text(publisher):
    f.exhibition(name_en="6th China-Russia EXPO", status="draft")
    f.reply(text="Thank you for this report on the EXPO.")
    exhibitions = publisher.get(reverse("admin:expo_exhibition_changelist"))
    assert "publication" in exhibitions.context["cl"].list_display
    assert '<td class="field-publication">Draft</td>' in exhibitions.content.decode()
    replies = publisher.get(reverse("admin:news_reply_changelist"))
    assert replies.context["cl"].list_display[1] == "short_text"
    assert "Thank you for this report on the EXPO." in replies.content.decode()
