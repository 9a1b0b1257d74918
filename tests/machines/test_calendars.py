"""Calendars as a calendar app reads them (icalendar): stable stamps, webcal:, clear errors."""

import icalendar
from django.utils.translation import override

from tests import factories as f


def test_dtstamp_is_when_the_record_changed_and_the_file_is_the_same_each_time(client, db):
    expo = f.exhibition(slug="the-expo")
    path = "/en/exhibitions/the-expo/"
    first = client.get(path, {"format": "ics"}).content
    assert client.get(path, {"format": "ics"}).content == first
    [event] = icalendar.Calendar.from_ical(first).walk("VEVENT")
    saved = expo.history.latest().history_date.replace(microsecond=0)
    assert event.decoded("DTSTAMP") == saved


def test_list_and_subscription_calendars_parse_with_the_records_stamps(client, db):
    forum = f.forum(slug="the-forum")
    f.exhibition()
    for path in ("/en/forums/", "/en/calendar/"):
        calendar = icalendar.Calendar.from_ical(client.get(path, {"format": "ics"}).content)
        stamps = {
            str(e["UID"]).split("@")[0]: e.decoded("DTSTAMP") for e in calendar.walk("VEVENT")
        }
        saved = forum.history.latest().history_date.replace(microsecond=0)
        assert stamps[f"forum-{forum.pk}"] == saved


def test_calendar_links_offer_a_webcal_subscription(client, db):
    f.exhibition(slug="the-expo")
    html = client.get("/en/exhibitions/").content.decode()
    assert 'href="webcal://testserver/en/calendar/?format=ics"' in html
    assert 'href="webcal://testserver/en/exhibitions/?format=ics"' in html
    html = client.get("/ru/exhibitions/the-expo/").content.decode()
    assert 'href="webcal://testserver/ru/exhibitions/the-expo/?format=ics"' in html
    assert "Подписаться в приложении календаря" in html


def test_a_bad_filter_is_a_400_in_the_readers_language_with_its_charset(client, db):
    for language, text in (("ru", "Некоторые фильтры"), ("zh-hans", "筛选")):
        with override(language):
            response = client.get(f"/{language}/calendar/", {"year": "abc"})
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert text in response.content.decode("utf-8")
