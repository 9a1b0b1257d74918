"""iCalendar (RFC 5545, the ``icalendar`` library) files of exhibitions and forums.

- one event: ``/en/exhibitions/<slug>/?format=ics``, ``/en/forums/<slug>/?format=ics``;
- a list's events, filtered like the list: ``/en/exhibitions/?year=2019&format=ics``;
- every event, exhibitions and forums, to subscribe to: ``/en/calendar/?format=ics``,
  filtered by ``year``, ``city`` and ``country`` like the exhibition list.

Events are all-day: an exhibition from its first to its last day (DTEND is the day
after the last, as RFC 5545 says for dates), a forum on its day. A record whose date
is unknown has no event. Each event's UID is its kind and database id at the site's
host, so it stays the same across languages, renames and downloads; it has the
page's URL, the location "city, country" (and the venue when known) and categories.
"""

import datetime

import icalendar
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from web.exports import FORMAT_PARAMETER, FORMATS
from web.modified import modified, with_modified

from .filters import ExhibitionFilter
from .models import Exhibition, Forum

PRODUCT_ID = "-//China-Russia Interregional Cooperation//Events//EN"


def _uid(kind, record, request):
    return f"{kind}-{record.pk}@{request.get_host().split(':')[0]}"


def _location(city, venue=""):
    parts = [venue, str(city), str(city.region.country)]
    return ", ".join(part for part in parts if part)


def _event(request, *, kind, record, start, end, location, categories, description):
    event = icalendar.Event()
    event.add("uid", _uid(kind, record, request))
    # When the record last changed, not the time of the request: the same file each time.
    event.add("dtstamp", modified(record))
    event.add("summary", str(record))
    event.add("dtstart", start)
    event.add("dtend", end + datetime.timedelta(days=1))  # exclusive: the day after
    event.add("location", location)
    event.add("url", request.build_absolute_uri(record.get_absolute_url()))
    event.add("categories", categories)
    if description:
        event.add("description", description)
    return event


def exhibition_event(request, exhibition):
    if exhibition.start_date is None:
        return None
    return _event(
        request,
        kind="exhibition",
        record=exhibition,
        start=exhibition.start_date,
        end=exhibition.end_date or exhibition.start_date,
        location=_location(exhibition.city, exhibition.venue),
        categories=[_("Exhibition"), str(exhibition.series)],
        description=exhibition.theme,
    )


def forum_event(request, forum):
    if forum.date is None:
        return None
    return _event(
        request,
        kind="forum",
        record=forum,
        start=forum.date,
        end=forum.date,
        location=_location(forum.city),
        categories=[_("Forum"), str(forum.series)],
        description=forum.summary,
    )


def calendar_response(request, name, events, filename=None):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{name} · {_('China-Russia Interregional Cooperation')}")
    for event in events:
        if event is not None:
            calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type=FORMATS["ics"].media_type)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def _records(records, *select_related):
    """Every record of a (possibly large) queryset, with what an event names."""
    return with_modified(records.select_related(*select_related)).iterator(chunk_size=500)


def exhibitions_calendar(request, records):
    """``DataFormatsMixin.calendar`` of the exhibition list (and of one exhibition)."""
    events = (exhibition_event(request, record) for record in _records(records))
    return calendar_response(request, _("Exhibitions"), events)


def forums_calendar(request, records):
    events = (forum_event(request, record) for record in _records(records, "city__region__country"))
    return calendar_response(request, _("Forums"), events)


def exhibition_calendar(request, exhibition):
    """One exhibition's .ics, to add to a calendar."""
    return calendar_response(
        request, str(exhibition), [exhibition_event(request, exhibition)], exhibition.slug
    )


def forum_calendar(request, forum):
    return calendar_response(request, str(forum), [forum_event(request, forum)], forum.slug)


class EventCalendarView(View):
    """Every live exhibition and forum, filtered like the exhibition list, as iCalendar.

    ``?format=ics`` like every data address; ``year``, ``city`` and ``country`` apply
    to forums as to exhibitions (``series`` to exhibitions only). A filter that
    cannot be used is a 400.
    """

    name = gettext_lazy("Exhibitions and forums")

    def get(self, request):
        if request.GET.get(FORMAT_PARAMETER, "ics") != "ics":
            return HttpResponse(status=404)
        exhibitions = ExhibitionFilter(
            request.GET, queryset=Exhibition.objects.published().with_list_related()
        )
        if not exhibitions.is_valid():
            return HttpResponse(
                _("Some filters could not be used."),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        data = exhibitions.form.cleaned_data
        forums = with_modified(
            Forum.objects.published().select_related("series", "city__region__country")
        )
        if data.get("year"):
            forums = forums.filter(date__year=data["year"])
        if data.get("city"):
            forums = forums.filter(city=data["city"])
        if data.get("country"):
            forums = forums.filter(city__region__country=data["country"])
        events = [
            *(exhibition_event(request, record) for record in with_modified(exhibitions.qs)),
            *(forum_event(request, record) for record in forums),
        ]
        return calendar_response(request, str(self.name), events)
