"""What a page tells machines about itself: schema.org JSON-LD, Open Graph, canonical URL.

Built from the page's context (its ``object``, ``breadcrumbs`` and request), so no
view needs to know about it; ``templates/includes/meta.html`` renders it in every
page head through the ``page_meta`` tag (``discover/templatetags/page_meta.py``).

- ``ExhibitionEvent`` on an exhibition's page: name, dates, ``location`` (a Place
  with its address), ``subEvent`` for the live forums held within it,
  ``eventStatus``, ``inLanguage``, ``url``;
- ``Event`` on a forum's page (``superEvent``: the exhibition it was held within);
- ``Organization`` on a council's and an enterprise's page;
- ``NewsArticle`` on an article's page (dates, author: its publisher, image);
- ``Country``, ``AdministrativeArea`` and ``City`` (schema.org Places) on a country's,
  region's and city's page, each within the larger place;
- ``BreadcrumbList`` on every page with breadcrumbs.

The JSON is escaped like Django's ``json_script`` (``<``, ``>`` and ``&`` as
``\\u003C`` …), so no text in a record can close the ``<script>`` element. A
``type="application/ld+json"`` block is data, not script: the browser never runs
it, so the strict Content Security Policy (``script-src 'self'``) needs no
``unsafe-inline`` for it.

``inLanguage`` is the language the record's text is in: on a Russian page showing an
English name (no translation yet), English (``web.languages.shown_language``).
"""

import json

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from cooperation.models import City, Council, Country, Region
from expo.models import Enterprise, Exhibition, Forum
from news.models import Article
from web.canonical import canonical_url
from web.languages import language_tag, shown_language
from web.modified import modified

from .og_images import og_image

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


def _in_language(record, field):
    return language_tag(shown_language(record, field))


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
            "inLanguage": _in_language(exhibition, "name"),
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
            "inLanguage": _in_language(forum, "name"),
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
    changed = modified(article)
    # The original's date; else when it went live here (the date a reader saw it first).
    published = article.published_on or (article.publish_at or changed).date()
    publisher = {"@type": "Organization", "name": str(article.publisher)}
    return _clean(
        {
            "@type": "NewsArticle",
            "headline": article.title,
            "datePublished": published.isoformat(),
            "dateModified": changed.isoformat(),
            # The article is its publisher's report; no person is named as its author.
            "author": publisher,
            "publisher": publisher,
            "image": [og_image(request, article)["url"]],
            "isBasedOn": article.original_url or None,
            "inLanguage": _in_language(article, "body"),
            "url": _absolute(request, article.get_absolute_url()),
        }
    )


def country_data(request, country):
    return {
        "@type": "Country",
        "name": str(country),
        "identifier": country.code,
        "url": _absolute(request, country.get_absolute_url()),
    }


def region_data(request, region):
    return _clean(
        {
            "@type": "AdministrativeArea",
            "name": str(region),
            "description": region.description,
            "identifier": region.iso_code,
            "containedInPlace": country_data(request, region.country),
            "url": _absolute(request, region.get_absolute_url()),
        }
    )


def city_data(request, city):
    region = city.region
    return _clean(
        {
            "@type": "City",
            "name": str(city),
            "description": city.description,
            "containedInPlace": _clean(
                {
                    "@type": "AdministrativeArea",
                    "name": str(region),
                    "url": _absolute(request, region.get_absolute_url()),
                    "containedInPlace": country_data(request, region.country),
                }
            ),
            "url": _absolute(request, city.get_absolute_url()),
        }
    )


# The record on a page -> its schema.org description.
BUILDERS = {
    Exhibition: exhibition_data,
    Forum: forum_data,
    Council: council_data,
    Enterprise: enterprise_data,
    Article: article_data,
    Country: country_data,
    Region: region_data,
    City: city_data,
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


def open_graph(request, record=None, breadcrumbs=(), parameters=()):
    """Open Graph and Twitter card values for the page; ``parameters`` are the names of the
    query parameters that change what it shows (``web.canonical``)."""
    site = _("China-Russia Interregional Cooperation")
    if record is not None:
        title = capfirst(str(record))
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
        "url": canonical_url(request, parameters),
        "image": og_image(request, record),
        "site_name": site,
        "locale": og_locale(get_language()),
        "alternate_locales": [
            og_locale(code) for code, _label in settings.LANGUAGES if code != get_language()
        ],
    }
