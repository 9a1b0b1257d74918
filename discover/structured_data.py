"""What a page tells machines about itself: schema.org JSON-LD, Open Graph, canonical URL.

Built from the page's context (its ``object``, ``breadcrumbs`` and request), so no
view needs to know about it; ``templates/includes/meta.html`` renders it in every
page head through the ``page_meta`` tag (``discover/templatetags/page_meta.py``).

- ``ExhibitionEvent`` on an exhibition's page: name, dates, ``location`` (a Place
  with its address), ``subEvent`` for the live forums held within it,
  ``eventStatus``, ``inLanguage``, ``url``;
- ``Event`` on a forum's page (``superEvent``: the exhibition it was held within);
- ``Organization`` on a council's and an enterprise's page;
- ``NewsArticle`` on an article's page;
- ``BreadcrumbList`` on every page with breadcrumbs.

The JSON is escaped like Django's ``json_script`` (``<``, ``>`` and ``&`` as
``\\u003C`` …), so no text in a record can close the ``<script>`` element. A
``type="application/ld+json"`` block is data, not script: the browser never runs
it, so the strict Content Security Policy (``script-src 'self'``) needs no
``unsafe-inline`` for it.
"""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from cooperation.models import Council
from expo.models import Enterprise, Exhibition, Forum
from news.models import Article
from web.languages import language_tag

SCHEMA = "https://schema.org"
# Open Graph wants language_TERRITORY.
OG_LOCALES = {"en": "en_US", "ru": "ru_RU", "zh-hans": "zh_CN"}
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_json(data):
    """JSON safe inside a <script> element (Django's json_script escaping)."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def _place(request, city, venue=""):
    region = city.region
    return {
        "@type": "Place",
        "name": ", ".join(part for part in (venue, str(city)) if part),
        "url": _absolute(request, city.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": str(city),
            "addressRegion": str(region),
            "addressCountry": region.country.code,
        },
    }


def _clean(data):
    """Leave out keys without a value (an unknown date is no date, not null)."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def exhibition_data(request, exhibition):
    forums = [
        _clean(
            {
                "@type": "Event",
                "name": str(forum),
                "url": _absolute(request, forum.get_absolute_url()),
                "startDate": forum.date.isoformat() if forum.date else None,
            }
        )
        for forum in exhibition.forums.all()
    ]
    return _clean(
        {
            "@type": "ExhibitionEvent",
            "name": str(exhibition),
            "description": exhibition.theme,
            "startDate": exhibition.start_date.isoformat() if exhibition.start_date else None,
            "endDate": exhibition.end_date.isoformat() if exhibition.end_date else None,
            "eventStatus": f"{SCHEMA}/EventScheduled",
            "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
            "location": _place(request, exhibition.city, exhibition.venue),
            "subEvent": forums,
            "inLanguage": language_tag(get_language()),
            "url": _absolute(request, exhibition.get_absolute_url()),
        }
    )


def forum_data(request, forum):
    exhibition = forum.live_exhibition
    return _clean(
        {
            "@type": "Event",
            "name": str(forum),
            "description": forum.summary,
            "startDate": forum.date.isoformat() if forum.date else None,
            "endDate": forum.date.isoformat() if forum.date else None,
            "eventStatus": f"{SCHEMA}/EventScheduled",
            "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
            "location": _place(request, forum.city),
            "superEvent": _clean(
                {
                    "@type": "ExhibitionEvent",
                    "name": str(exhibition),
                    "url": _absolute(request, exhibition.get_absolute_url()),
                }
            )
            if exhibition
            else None,
            "inLanguage": language_tag(get_language()),
            "url": _absolute(request, forum.get_absolute_url()),
        }
    )


def council_data(request, council):
    return _clean(
        {
            "@type": "Organization",
            "name": str(council),
            "description": council.description,
            "url": _absolute(request, council.get_absolute_url()),
        }
    )


def enterprise_data(request, enterprise):
    region = enterprise.live_region  # None when not stated or not live
    return _clean(
        {
            "@type": "Organization",
            "name": str(enterprise),
            "description": enterprise.description,
            "url": _absolute(request, enterprise.get_absolute_url()),
            "sameAs": enterprise.website or None,
            "address": _clean(
                {
                    "@type": "PostalAddress",
                    "addressRegion": str(region) if region else None,
                    "addressCountry": enterprise.country.code,
                }
            ),
        }
    )


def article_data(request, article):
    return _clean(
        {
            "@type": "NewsArticle",
            "headline": article.title,
            "datePublished": article.published_on.isoformat() if article.published_on else None,
            "publisher": {"@type": "Organization", "name": str(article.publisher)},
            "isBasedOn": article.original_url or None,
            "inLanguage": language_tag(get_language()),
            "url": _absolute(request, article.get_absolute_url()),
        }
    )


# The record on a page -> its schema.org description.
BUILDERS = {
    Exhibition: exhibition_data,
    Forum: forum_data,
    Council: council_data,
    Enterprise: enterprise_data,
    Article: article_data,
}


def breadcrumb_data(request, breadcrumbs):
    items = []
    for position, (label, url) in enumerate(breadcrumbs, start=1):
        items.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": str(label),
                "item": _absolute(request, url or request.path),
            }
        )
    return {"@type": "BreadcrumbList", "itemListElement": items}


def json_ld(request, record=None, breadcrumbs=()):
    """The page's JSON-LD blocks (dicts), the record's first."""
    blocks = []
    builder = BUILDERS.get(type(record))
    if builder is not None:
        blocks.append({"@context": SCHEMA, **builder(request, record)})
    if breadcrumbs:
        blocks.append({"@context": SCHEMA, **breadcrumb_data(request, breadcrumbs)})
    return blocks


def og_locale(code):
    return OG_LOCALES.get(code) or to_locale(code or settings.LANGUAGE_CODE)


def canonical_url(request):
    """This page's address: its path and its non-empty parameters in a stable order."""
    pairs = sorted(
        (key, value)
        for key, values in request.GET.lists()
        for value in values
        if value and key != "format"
    )
    query = urlencode(pairs)
    path = request.path + (f"?{query}" if query else "")
    return request.build_absolute_uri(path)


def open_graph(request, record=None, breadcrumbs=()):
    """Open Graph and Twitter card values for the page."""
    site = _("China-Russia Interregional Cooperation")
    if record is not None:
        title = str(record)
    elif breadcrumbs:
        title = str(breadcrumbs[-1][0])
    else:
        title = site
    description = ""
    for name in ("theme", "description", "summary", "statement", "purpose"):
        value = getattr(record, name, "") if record is not None else ""
        if isinstance(value, str) and value.strip():
            description = value.strip()
            break
    if not description:
        description = _(
            "Exhibitions, regions, enterprises and institutions of China-Russia "
            "interregional cooperation."
        )
    return {
        "title": title,
        "description": description[:300],
        "type": "article" if isinstance(record, Article) else "website",
        "url": canonical_url(request),
        "site_name": site,
        "locale": og_locale(get_language()),
        "alternate_locales": [
            og_locale(code) for code, _label in settings.LANGUAGES if code != get_language()
        ],
    }
