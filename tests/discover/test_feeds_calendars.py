"""Atom feeds per language and iCalendar files, parsed as a feed reader and a calendar would."""

import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.urls import reverse
from django.utils.translation import override

from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"
EXPO = "6th-china-russia-expo"
FORUM = "2nd-china-russia-forum-of-interregional-cooperation"


def url(name, language="en", **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


def atom(client, path, data=None):
    response = client.get(path, data)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def calendar(client, path, data=None):
    response = client.get(path, data)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(cal):
    return list(cal.walk("VEVENT"))


@pytest.mark.parametrize(
    ("language", "title", "entry"),
    [
        ("en", "Exhibitions", "6th China-Russia EXPO"),
        ("ru", "Выставки", "6-е Российско-Китайское ЭКСПО"),
        ("zh-hans", "展会", "第六届中国-俄罗斯博览会"),
    ],
)
def test_exhibition_feed_per_language(client, article_data, language, title, entry):
    feed = atom(client, url("expo:exhibition-list", language), {"format": "atom"})
    assert feed.findtext(f"{ATOM}title").startswith(title)
    [item] = feed.findall(f"{ATOM}entry")
    assert item.findtext(f"{ATOM}title") == entry
    link = item.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/{language}/exhibitions/{EXPO}/"
    assert item.findtext(f"{ATOM}published").startswith("2019-06-15")


def test_a_filtered_list_feed_follows_its_filters(client, article_data):
    path = url("expo:exhibition-list")
    assert len(atom(client, path, {"year": "2019", "format": "atom"}).findall(f"{ATOM}entry")) == 1
    assert atom(client, path, {"year": "2018", "format": "atom"}).findall(f"{ATOM}entry") == []
    forums = atom(client, url("expo:forum-list"), {"year": "2019", "format": "atom"})
    assert [e.findtext(f"{ATOM}title") for e in forums.findall(f"{ATOM}entry")] == [
        "2nd China-Russia Forum of Interregional Cooperation"
    ]


def test_article_feed(client, article_data):
    feed = atom(client, url("news:article-list", "ru"), {"format": "atom"})
    [item] = feed.findall(f"{ATOM}entry")
    assert item.find(f"{ATOM}link").get("href").startswith("http://testserver/ru/articles/")
    assert atom(client, url("news:article-list"), {"publisher": "rambler", "format": "atom"})


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("expo:exhibition-list", {"year": "2019"}),
        ("expo:forum-list", {}),
        ("news:article-list", {}),
    ],
)
def test_pages_link_their_feed_in_the_head(client, article_data, name, data):
    html = client.get(url(name), data).content.decode()
    head = html.split("</head>")[0]
    query = "".join(f"{key}={value}&amp;" for key, value in data.items())
    assert (
        '<link rel="alternate" type="application/atom+xml"' in head
        and f'href="http://testserver{url(name)}?{query}format=atom"' in head
    )


def test_an_exhibition_ics_is_an_all_day_event_with_an_exclusive_end(client, article_data):
    cal = calendar(client, url("expo:exhibition-detail", slug=EXPO), {"format": "ics"})
    assert str(cal["X-WR-CALNAME"]).startswith("6th China-Russia EXPO")
    [event] = events(cal)
    assert event.decoded("DTSTART") == datetime.date(2019, 6, 15)
    # The last day is 19 June; DTEND is exclusive, so the 20th.
    assert event.decoded("DTEND") == datetime.date(2019, 6, 20)
    assert str(event["LOCATION"]) == "Harbin, China"
    assert str(event["URL"]) == f"http://testserver/en/exhibitions/{EXPO}/"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["Exhibition", "China-Russia EXPO"]
    assert str(event["SUMMARY"]) == "6th China-Russia EXPO"


def test_uids_are_stable_across_languages_and_downloads(client, article_data):
    path = url("expo:exhibition-detail", slug=EXPO)
    first = events(calendar(client, path, {"format": "ics"}))[0]["UID"]
    again = events(calendar(client, path, {"format": "ics"}))[0]["UID"]
    ru_path = url("expo:exhibition-detail", "ru", slug=EXPO)
    russian = events(calendar(client, ru_path, {"format": "ics"}))[0]
    assert first == again == russian["UID"]
    assert str(russian["SUMMARY"]) == "6-е Российско-Китайское ЭКСПО"
    assert str(russian["LOCATION"]) == "Харбин, Китай"
    in_list = events(calendar(client, url("expo:exhibition-list"), {"format": "ics"}))[0]
    assert in_list["UID"] == first


def test_a_forum_ics(client, article_data):
    cal = calendar(client, url("expo:forum-detail", slug=FORUM), {"format": "ics"})
    [event] = events(cal)
    assert event.decoded("DTSTART") == event.decoded("DTEND") - datetime.timedelta(days=1)
    assert str(event["LOCATION"]) == "Harbin, China"
    assert "Forum" in [str(c) for c in event["CATEGORIES"].cats]


def test_the_calendar_of_all_events_is_filtered_like_the_list(client, article_data):
    path = url("expo:calendar")
    everything = calendar(client, path, {"format": "ics"})
    assert str(everything["X-WR-CALNAME"]).startswith("Exhibitions and forums")
    summaries = sorted(str(e["SUMMARY"]) for e in events(everything))
    assert summaries == [
        "2nd China-Russia Forum of Interregional Cooperation",
        "6th China-Russia EXPO",
    ]
    assert events(calendar(client, path, {"year": "2018", "format": "ics"})) == []
    assert events(calendar(client, path, {"country": "russia", "format": "ics"})) == []
    assert len(events(calendar(client, path, {"city": "harbin", "year": "2019"}))) == 2
    assert client.get(path, {"year": "abc"}).status_code == 400
    assert client.get(path, {"format": "csv"}).status_code == 404


def test_list_calendars_and_unknown_dates(client, article_data):
    from expo.models import Exhibition

    known = Exhibition.objects.get(slug=EXPO)
    factories.exhibition(series=known.series, city=known.city, start_date=None, end_date=None)
    cal = calendar(client, url("expo:exhibition-list"), {"format": "ics"})
    assert len(events(cal)) == 1  # an exhibition without dates has no event
    cal = calendar(client, url("expo:forum-list"), {"format": "ics"})
    assert len(events(cal)) == 1


def test_pages_link_their_calendar(client, article_data):
    html = client.get(url("expo:exhibition-detail", slug=EXPO)).content.decode()
    assert f'href="{url("expo:exhibition-detail", slug=EXPO)}?format=ics"' in html
    html = client.get(url("expo:exhibition-list")).content.decode()
    assert 'href="/en/exhibitions/?format=ics"' in html
    assert (
        client.get(url("cooperation:region-detail", slug="sakha"), {"format": "ics"}).status_code
        == 404
    )


def test_exhibition_and_forum_lists_link_the_calendar_of_all_events(client, article_data):
    for name in ["expo:exhibition-list", "expo:forum-list"]:
        html = client.get(url(name)).content.decode()
        assert f'href="{url("expo:calendar")}?format=ics"' in html
    html = client.get(url("expo:enterprise-list")).content.decode()
    assert url("expo:calendar") not in html


def test_feeds_and_calendars_hold_the_same_records_as_the_page(client, article_data):
    from expo.models import Exhibition

    expo = Exhibition.objects.get(slug=EXPO)
    for edition, day in [(7, 8), (8, 10)]:
        factories.exhibition(
            series=expo.series,
            edition=edition,
            city=expo.city,
            start_date=datetime.date(2018 + edition - 7, 7, day),
            end_date=datetime.date(2018 + edition - 7, 7, day + 3),
        )
    for filters in [{}, {"country": "china"}, {"year": "2019"}, {"series": "china-russia-expo"}]:
        response = client.get(url("expo:exhibition-list"), filters)
        paths = [record.get_absolute_url() for record in response.context["object_list"]]
        assert paths
        feed = atom(client, url("expo:exhibition-list"), {**filters, "format": "atom"})
        links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
        assert links == [f"http://testserver{path}" for path in paths], filters
        cal = calendar(client, url("expo:exhibition-list"), {**filters, "format": "ics"})
        assert [str(event["URL"]) for event in events(cal)] == links, filters
