"""Stable addresses: a record's old slug answers 301 to its current address.

Editors may change a slug; links, bookmarks and API clients keep the old one. A detail
page (``web.views.PublicDetailView``) and an API record (``api.views.RecordViewSet``)
that find no live record under the slug they were given ask ``moved_record`` whether a
live record once carried it, and if so redirect there with ``moved_permanently``.

Why the history, not ``django.contrib.redirects``: django-simple-history already keeps
every past slug of every content model (one row per saved version), so nothing has to
be written when a slug changes, no table can fall out of step with the records, and
an address moved before this code existed redirects too. A ``Redirect`` row would be
one more thing to write on every rename (a signal, which the bulk import and
``update()`` skip), per language and for the API, and it would keep pointing at a
record after it stopped being live.

The rules:

- Only a live record is a target (what the view's live records hold): the old slug of
  a draft, a scheduled or an expired record is a 404, as its current one is, and a
  redirect never reveals that such a record exists.
- The current owner wins: a slug that a live record carries now is that record's
  address and never reaches this code. When several records once carried the slug,
  the live one that carried it last is the target. A draft that has taken the slug
  is no owner until it goes live: till then the slug still leads to the live record
  that gave it up, so that the answer never tells that the draft exists.
- A slug no record ever carried is a 404.
"""

from django.http import HttpResponsePermanentRedirect
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_model_for_model

# Browsers keep a 301 until told otherwise: a day, so that a slug later given to
# another record reaches that record without readers clearing their cache.
REDIRECT_MAX_AGE = 24 * 60 * 60


def moved_record(records, slug, slug_field="slug"):
    """The live record among ``records`` that once had ``slug`` and now has another, or None.

    ``records`` is the queryset of what the caller shows to the public (its live records,
    with any eager loading it needs for the record's address). Two queries at most, on
    the history table's slug and the records' primary key.
    """
    model = records.model
    try:
        history = get_history_model_for_model(model)
    except NotHistoricalModelError:  # no past slugs kept
        return None
    key = model._meta.pk.attname
    holders = list(
        history._default_manager.filter(**{slug_field: slug})
        .order_by("-history_date", "-history_id")
        .values_list(key, flat=True)[:50]
    )
    if not holders:
        return None
    live = {
        record.pk: record
        for record in records.filter(pk__in=set(holders)).exclude(**{slug_field: slug})
    }
    return next((live[pk] for pk in holders if pk in live), None)


def moved_permanently(request, location):
    """A 301 to ``location`` (a path or URL) with the request's query string kept."""
    query = request.META.get("QUERY_STRING", "")
    if query:
        location = f"{location}?{iri_to_uri(query)}"
    response = HttpResponsePermanentRedirect(location)
    patch_cache_control(response, max_age=REDIRECT_MAX_AGE)
    return response
