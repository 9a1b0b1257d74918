"""Every public list as data: the same records as the page, as CSV, JSON, Atom or iCalendar.

One convention for every list: the list's own address, with its filters, plus
``?format=csv``, ``?format=json``, ``?format=atom`` or ``?format=ics``
(``/en/enterprises/?country=russia&format=csv``). The page links each format its
view offers (``DataFormatsMixin``, mixed into the public list views in
``web.views``). Exports are not paginated: they hold every matching record, and
they stream, a chunk of rows at a time, so the whole enterprise directory (100,000
rows and more) is never held in memory.

Each view declares its columns (``export_columns``, built with ``field()``,
``translated()`` and ``related()``); every record also has its ``url``, ``slug``
and ``sources``, which a list of records that cite sources declares how to read
(``export_sources``, see ``sources.exports``); a list of others has none (``[]``).

CSV: UTF-8 with a byte order mark (so Excel detects the encoding; LibreOffice too),
a header row of column keys, one record a row; several values in a cell are
separated by " | ". A text cell a spreadsheet would run as a formula (starting
with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe.

JSON (stable shape, version 1)::

    {
      "format": "china-russia-cooperation.list/1",
      "kind": "enterprise",
      "language": "en",
      "url": "https://…/en/enterprises/?country=russia",
      "results": [{"url": "https://…", "slug": "…", …columns…, "sources": [
          {"title": "…", "publisher": "…", "url": "https://…", "original_url": "…"}]}],
      "count": 1
    }

Dates and times are ISO 8601 strings, decimals strings (exact), unknown values null,
addresses absolute. ``count`` comes last because it is counted while streaming.
"""

import csv
import datetime
import io
import json
from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from publishing.localized import localized
from web.export_http import Validators

FORMAT_PARAMETER = "format"
JSON_FORMAT_NAME = "china-russia-cooperation.list/1"
# Rows fetched (with what the queryset prefetches for them) per database round trip
# while streaming.
CHUNK_SIZE = 2000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Skipped before the prefix is looked for: whitespace (Unicode's, no-break space and line
# feed included), the byte-order mark / zero-width no-break space, zero-width spaces and joiners.
FORMULA_LEADING = (
    " \t\r\n\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060"
)


@dataclass(frozen=True)
class DataFormat:
    key: str  # the value of ?format=
    label: str
    media_type: str
    extension: str
    is_feed: bool = False  # linked from the page head as a feed


FORMATS = {
    "csv": DataFormat("csv", "CSV", "text/csv; charset=utf-8", "csv"),
    "json": DataFormat("json", "JSON", "application/json", "json"),
    "atom": DataFormat("atom", _("Atom feed"), "application/atom+xml", "xml", is_feed=True),
    "ics": DataFormat("ics", _("iCalendar"), "text/calendar; charset=utf-8", "ics"),
}
SUBSCRIPTION = DataFormat(
    "ics", _("Every exhibition and forum (iCalendar)"), FORMATS["ics"].media_type, "ics"
)


@dataclass(frozen=True)
class Column:
    """One exported value: ``key`` names it (CSV header, JSON key), ``get(record)`` reads it."""

    key: str
    get: object


def _path(record, path):
    for name in path.split("."):
        if record is None:
            return None
        record = getattr(record, name)
    return record


def field(key, path=None):
    """The attribute at ``path`` (dotted, default ``key``): ``field("year")``."""
    return Column(key, lambda record: _path(record, path or key))


def translated(name):
    """``name`` in each of the site's languages: ``name_en``, ``name_ru``, ``name_zh_hans``."""
    return [field(lookup) for lookup in localized(name)]


def related(key, path=None, attribute="slug"):
    """A related record by its slug (or ``attribute``): ``related("country", attribute="code")``."""
    return Column(key, lambda record: _path(_path(record, path or key), attribute))


def many(key, path, attribute="slug"):
    """Several related records (a prefetched many-to-many) by slug: a list."""
    return Column(key, lambda record: [_path(item, attribute) for item in _path(record, path)])


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    return value


def escape_formula(value):
    """A text cell that a spreadsheet would run as a formula, made plain text.

    Judged after what a spreadsheet skips at the start of a cell (OWASP): spaces, no-break
    spaces, a byte-order mark, a zero-width space, line breaks (`` =1+1`` is a formula).
    """
    if not isinstance(value, str):
        return value
    # A leading tab or carriage return is itself a prefix, so look before skipping too.
    if value.startswith(FORMULA_PREFIXES) or value.lstrip(FORMULA_LEADING).startswith(
        FORMULA_PREFIXES
    ):
        return "'" + value
    return value


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(value)  # a number is never a formula, negative or not
    if isinstance(value, list | tuple):
        return escape_formula(" | ".join(str(csv_cell(item)) for item in value))
    if isinstance(value, dict):  # a source (``sources.exports.cited_sources``)
        return escape_formula(csv_source(value))
    value = _json_value(value)
    return escape_formula(value) if isinstance(value, str) else value


def csv_source(source):
    """A source in a CSV cell: "Rambler, 2019-06-15: title: address (supports: dates)";
    an editors' note as "editors' note (supports: part_of): the note", never as a source."""
    date = source.get("published_on")
    supports = ", ".join(source.get("supports") or [])
    supports = f" (supports: {supports})" if supports else ""
    if source.get("editors_note"):
        return f"editors' note{supports}: {source.get('title') or ''}"
    name = ", ".join(str(part) for part in [source.get("publisher"), date] if part)
    parts = [name, source.get("title"), source.get("url")]
    return ": ".join(str(part) for part in parts if part) + supports


def no_sources(record, request):
    """The ``export_sources`` of a list whose records cite none."""
    return []


class Exporter:
    """Turns the records of one list into rows: the standard columns around the view's.

    ``sources(record, request)`` gives a record's sources (``DataFormatsMixin.export_sources``).
    """

    def __init__(self, request, model, columns, sources=no_sources):
        self.request = request
        self.model = model
        self.columns = [field("slug"), *columns]
        self.sources = sources

    @property
    def keys(self):
        return ["url", *(column.key for column in self.columns), "sources"]

    def row(self, record):
        values = {"url": self.request.build_absolute_uri(record.get_absolute_url())}
        for column in self.columns:
            values[column.key] = column.get(record)
        values["sources"] = self.sources(record, self.request)
        return values

    def rows(self, queryset):
        for record in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield self.row(record)


def _stream_csv(exporter, queryset):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(exporter.keys)
    for n, row in enumerate(exporter.rows(queryset), start=1):
        writer.writerow([csv_cell(row[key]) for key in exporter.keys])
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# The JSON export's records of a model, when an app gives them: ``rows(request, queryset)``
# yields one dict a record. The API registers its serializers here (``api.exports``), so
# the export and the API give a record in one shape; otherwise the CSV's columns.
JSON_ROWS = {}
# Callables ``(request) -> dict`` whose keys every JSON export's head adds (the licence).
JSON_HEAD = []


def _json_rows(exporter, queryset):
    rows = JSON_ROWS.get(exporter.model)
    if rows is not None:
        yield from rows(exporter.request, queryset)
        return
    for row in exporter.rows(queryset):
        yield {key: _json_value(value) for key, value in row.items()}


def _stream_json(exporter, queryset, list_url):
    head = {
        "format": JSON_FORMAT_NAME,
        "kind": exporter.model._meta.model_name,
        "language": get_language(),
        "url": list_url,
    }
    for extra in JSON_HEAD:
        head.update(extra(exporter.request))
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "results": ['
    count = 0
    for values in _json_rows(exporter, queryset):
        separator = "," if count else ""
        yield separator + "\n" + json.dumps(values, ensure_ascii=False)
        count += 1
    yield f'\n], "count": {count}}}\n'


def list_url_without_format(request):
    """The list's address with its filters, without ``format`` or ``page``."""
    query = request.GET.copy()
    query.pop(FORMAT_PARAMETER, None)
    query.pop("page", None)
    encoded = query.urlencode()
    return request.build_absolute_uri(request.path + (f"?{encoded}" if encoded else ""))


def file_name(model, extension):
    return f"{slugify(str(model._meta.verbose_name_plural)) or model._meta.model_name}.{extension}"


def csv_response(exporter, queryset):
    model = exporter.model
    response = StreamingHttpResponse(
        _stream_csv(exporter, queryset), content_type=FORMATS["csv"].media_type
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name(model, "csv")}"'
    return response


def json_response(exporter, queryset):
    return StreamingHttpResponse(
        _stream_json(exporter, queryset, list_url_without_format(exporter.request)),
        content_type=FORMATS["json"].media_type,
    )


def format_url(request, key):
    """This page's address (filters kept, page dropped) in format ``key``."""
    query = request.GET.copy()
    query.pop("page", None)
    query[FORMAT_PARAMETER] = key
    return f"{request.path}?{query.urlencode()}"


@dataclass(frozen=True)
class DataLink:
    format: DataFormat
    url: str
    # A calendar's webcal: address, which a calendar app subscribes to (kept up to date).
    subscribe_url: str = ""


def data_link(request, data_format, url):
    if data_format.key != "ics":
        return DataLink(data_format, url)
    return DataLink(data_format, url, f"webcal://{request.get_host()}{url}")


class DataFormatsMixin:
    """``?format=`` on a public list: the page's records, all of them, as data.

    A view declares ``export_columns``; ``feed`` (a callable ``(request, records)``
    returning an Atom response, see ``expo.feeds``) and ``calendar`` (the same for
    iCalendar, see ``expo.calendars``) add those formats. The context gets
    ``data_links`` for the page (``includes/data_links.html``, and the page head
    for feeds). An unknown format is a 404; a filter that cannot be used is a 400
    naming the filters, as the page shows them.
    """

    export_columns = ()
    # ``(record, request)`` -> the record's sources, for its row (``sources.exports``).
    export_sources = staticmethod(no_sources)
    feed = None
    calendar = None
    # The URL name of a wider calendar to subscribe to (every event), linked too.
    subscription_url_name = None

    def get_data_formats(self):
        keys = ["csv", "json"]
        if self.feed is not None:
            keys.append("atom")
        if self.calendar is not None:
            keys.append("ics")
        return keys

    def get_data_format(self):
        if not hasattr(self, "_data_format"):
            value = self.request.GET.get(FORMAT_PARAMETER)
            if value is not None and value not in self.get_data_formats():
                raise Http404(_("This list is not available in that format."))
            self._data_format = value
        return self._data_format

    def get(self, request, *args, **kwargs):
        """A data format answers a conditional GET or a HEAD before any query is made
        (``web.export_http``); the page itself is the view's as usual."""
        if not self.get_data_format():
            return super().get(request, *args, **kwargs)
        validators = Validators(request)
        not_modified = validators.not_modified(request)
        if not_modified is not None:
            return not_modified
        response = super().get(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        return validators.finish(request, response)

    def get_export_queryset(self):
        """The records of a CSV or JSON export: the page's, every one of them.

        A list whose rows hold more than its page shows (each record's sources, see
        ``sources.exports.SourcedExportsMixin``) loads that here.
        """
        return self.object_list

    def get_paginate_by(self, queryset):
        if self.get_data_format():
            return None  # an export holds every matching record
        return super().get_paginate_by(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["data_links"] = [
            data_link(self.request, FORMATS[key], format_url(self.request, key))
            for key in self.get_data_formats()
        ]
        if self.subscription_url_name:
            url = f"{reverse(self.subscription_url_name)}?{FORMAT_PARAMETER}=ics"
            context["data_links"].append(data_link(self.request, SUBSCRIPTION, url))
        context["data_links_intro"] = _("These results, with the same filters, as data:")
        return context

    def render_to_response(self, context, **response_kwargs):
        key = self.get_data_format()
        if not key:
            return super().render_to_response(context, **response_kwargs)
        if context.get("filter_invalid"):
            errors = self.filterset.form.errors.get_json_data()
            lines = [
                f"{name}: {error['message']}" for name, items in errors.items() for error in items
            ]
            return HttpResponseBadRequest(
                "\n".join([str(_("Some filters could not be used.")), *lines]),
                content_type="text/plain; charset=utf-8",
            )
        if key in ("csv", "json"):
            exporter = Exporter(
                self.request,
                self.model,
                self.export_columns,
                sources=self.export_sources,
            )
            respond = csv_response if key == "csv" else json_response
            return respond(exporter, self.get_export_queryset())
        if key == "atom":
            return self.feed(self.request, self.object_list)
        return self.calendar(self.request, self.object_list)


class RecordFormatsMixin:
    """``?format=ics`` on a record's own page: ``calendar(request, record)`` gives its .ics.

    Only what the view declares is offered; any other format is a 404.
    """

    calendar = None

    def get_data_formats(self):
        return ["ics"] if self.calendar is not None else []

    def get_data_format(self):
        value = self.request.GET.get(FORMAT_PARAMETER)
        if value is not None and value not in self.get_data_formats():
            raise Http404(_("This page is not available in that format."))
        return value

    def get(self, request, *args, **kwargs):
        self.get_data_format()  # an unknown format is a 404 before any query
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["data_links"] = [
            data_link(self.request, FORMATS[key], format_url(self.request, key))
            for key in self.get_data_formats()
        ]
        context["data_links_intro"] = _("Add it to your calendar:")
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.get_data_format() == "ics":
            return self.calendar(self.request, self.object)
        return super().render_to_response(context, **response_kwargs)
