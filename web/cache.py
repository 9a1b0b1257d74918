"""Whole-page cache for anonymous readers that is never out of date.

What is cached: the complete response to an anonymous GET (a request without a session
or messages cookie) that answered 200, set no cookie, did not use a CSRF token, did
not ask to stay private and whose Content-Security-Policy names no nonce. A logged-in
user (staff previews included), a page with a form (the reply form's CSRF token) or a
page showing a message is never stored and never served from the cache. The key holds
the address (host, scheme, path and query) and the language, so each language has its
own copy.

Where it sits: near the top of ``MIDDLEWARE``, below only the request log,
``ConditionalGetMiddleware`` and CORS (whose headers follow the request's Origin). A hit
is answered there, with no query and no security-header, WhiteNoise, session, locale,
CSRF, CSP, authentication or lockout work. The copy is the response as it came back up
through all of those when it was stored, so it carries their headers (the security
headers, Content-Security-Policy, X-Frame-Options, Content-Language, Vary), the same for
every reader of the address; the middleware above add theirs to every response, hits
included (X-Request-ID, the ETag and 304, CORS). Static files skip the cache (WhiteNoise
serves them below it). As the session middleware has not run, a visitor is
taken to be anonymous by the absence of the session and messages cookies.

Why it is never stale:

- Each stored page carries the content version it was made under; a page of another
  version is a miss. The version moves on with every change to a record of the apps
  in ``CONTENT_APPS`` (content, its history, replies): ``save()`` and ``delete()``
  (``post_save`` and ``post_delete``, ``loaddata`` too), many-to-many changes
  (``m2m_changed``) and migrations (``post_migrate``; a deploy migrates, so pages
  stored by the old code are not served by the new). Writes that send no signal call
  ``content_changed()`` themselves: the bulk import (``exchange/bulk.py``),
  ``restore`` and ``synthetic_data``; so must any new code that writes content with
  ``update()``, ``bulk_create()`` or raw SQL. In a transaction the version moves when
  it commits.
- A page is kept no longer than the next scheduled go-live or expiry of any record, so
  a scheduled publication shows the moment it is due, with no write at all; nor than
  the time of the next scheduled revision of a live record, which the first request
  after it applies (``publishing.scheduling``).

The version is kept in the cache beside the pages, so a write made by any process that
shares the cache shows in all of them: Redis with ``REDIS_URL``, else the local default,
files shared by every process of this machine that uses the same database
(``config/settings.py``), such as the server and a management command run beside it.

What is kept is bounded by what the pages read. A view declares the query parameters
it reads (``query_parameters``, see ``web.views``: a list's filters, ``page``,
``format``); a page is stored only when every parameter of its address is one of them,
given once. Any other parameter (``?utm_source=``, ``?x=<random>``) is answered as a
miss that is not stored, so made-up addresses cannot fill the cache. The key holds the
parameters in one order (``?b=1&a=2`` and ``?a=2&b=1`` are one page).
``content_query(request)`` gives the canonical query string of what a page reads.

Every page, cached or not, carries an ETag (``ConditionalGetMiddleware``): a reader
whose copy is current gets a 304 with no body. A cached page's ETag is computed once,
when it is stored.
"""

import contextlib
import functools
import hashlib
import threading
import time

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, set_response_etag
from django.utils.encoding import escape_uri_path
from django.utils.http import urlencode
from django.utils.translation import get_language_from_path, get_language_from_request

from publishing.models import EditorialStatus, PublishableModel, Revision, RevisionStatus
from publishing.revisions import preview_id

# The apps whose records the public pages show ("core" is publishing's label). Not
# Django's own (sessions, users, the admin log) or other packages' (login attempts):
# writing those changes no page, and a stream of failed logins would otherwise empty
# the cache. A new app with public content is added here.
CONTENT_APPS = ("core", "sources", "cooperation", "expo", "news")

VERSION_KEY = "pages:version"
# At most this long between checks of what is scheduled, even with nothing scheduled.
MAX_AGE = 3600
_stored_since_bump = False


class _Waiting(threading.local):
    """Per thread: the databases with a write whose commit has not yet moved the version."""

    def __init__(self):
        self.aliases = set()


_waiting = _Waiting()


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def content_version():
    """The current content version (created on first use, never reused after eviction).

    While a revision's preview is rendered (``publishing.revisions.previewing``), a
    version of that preview's own instead: the negative of its number. A real version is
    a time in nanoseconds, never negative, so nothing cached under a preview's version
    (a map, the search vocabulary, a page) is ever read by a public request, and the
    preview reads nothing the public's pages left.
    """
    preview = preview_id()
    if preview is not None:
        return -preview
    cache = page_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    return version


def bump():
    """Move the content version on: every cached page is out of date from now."""
    global _stored_since_bump
    _stored_since_bump = False
    # The time of the write, in nanoseconds: never a number an earlier key used, even
    # after the cache lost the key, and it says how recent the last write is.
    page_cache().set(VERSION_KEY, time.time_ns(), None)


def safe_bump():
    # If the shared cache is down, the pages it holds are unreachable too.
    with contextlib.suppress(Exception):
        bump()


def content_changed(using=DEFAULT_DB_ALIAS):
    """Say that content was written on database ``using``: the version moves on its commit.

    At once outside a transaction. In one, when it commits (once, however many writes),
    and also at once if this process has stored a page since the last move, so that a
    read later in the same transaction never gets a page from before the write.
    Nothing during a preview, whose writes are all rolled back.
    """
    if preview_id() is not None:
        return
    if _stored_since_bump and not transaction.get_autocommit(using):
        safe_bump()
    _waiting.aliases.add(using)
    transaction.on_commit(functools.partial(_committed, using), using=using)


def _committed(using):
    # Each write of the transaction registered this; the first to run moves the version.
    if using in _waiting.aliases:
        _waiting.aliases.discard(using)
        safe_bump()


def _record_changed(sender, using, **kwargs):
    content_changed(using)


def _relation_changed(sender, action, using, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        content_changed(using)


def _migrated(sender, using, **kwargs):
    content_changed(using)


def watch_content():
    """Connect the receivers that move the version (``WebConfig.ready``)."""
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            post_save.connect(_record_changed, sender=model)
            post_delete.connect(_record_changed, sender=model)
            m2m_changed.connect(_relation_changed, sender=model)
    post_migrate.connect(_migrated)


def next_scheduled_change(now=None):
    """The next go-live or expiry of a published record after ``now``, or None; or the
    time of a scheduled revision (``publishing.scheduling``), even if past.

    One query (a UNION over every publishable model), made once per content version.
    """
    now = now or timezone.now()
    parts = []
    for model in apps.get_models():
        if not issubclass(model, PublishableModel):
            continue
        for field in ("publish_at", "expires_at"):
            parts.append(
                model.objects.filter(status=EditorialStatus.PUBLISHED, **{f"{field}__gt": now})
                .order_by()
                .values("status")
                .annotate(moment=Min(field))
                .values("moment")
            )
    # A scheduled revision's time, even past: until it is applied (by the first request
    # after it, publishing.scheduling) no page is kept.
    parts.append(
        Revision.objects.filter(status=RevisionStatus.SCHEDULED)
        .order_by()
        .values("status")
        .annotate(moment=Min("go_live_at"))
        .values("moment")
    )
    moments = parts[0].union(*parts[1:], all=True)
    return min((row["moment"] for row in moments), default=None)


def valid_until(version):
    """Until when a page stored now under ``version`` may be served (a Unix time)."""
    cache = page_cache()
    key = f"pages:until:{version}"
    until = cache.get(key)
    if until is None or until <= time.time():
        moment = next_scheduled_change()
        until = time.time() + MAX_AGE
        if moment is not None:
            until = min(until, moment.timestamp())
        cache.set(key, until, max(1, int(until - time.time()) + 1))
    return until


def seconds_valid(version):
    """For how many seconds (at least 1) something made now under ``version`` may be kept:
    the timeout of every cache entry keyed by the content version."""
    return max(1, int(valid_until(version) - time.time()))


def replica_lag_ns():
    return getattr(settings, "DATABASE_REPLICA_LAG", 0) * 1_000_000_000


def _cacheable_request(request):
    # Static files are WhiteNoise's, below: they never pay a cache lookup.
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(settings.STATIC_URL)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    # A parameter the page does not read would make a new entry for the same page.
    if request.GET and not reads_only_known_parameters(request):
        return False
    # Any cookie set (session, CSRF, messages, language) means the page is someone's own.
    # "Vary: Cookie" alone is not a reason: it follows any look at the (here empty)
    # session, such as checking whether the visitor is staff.
    if response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    # A nonce must be new on every response; a copy would hand the same one to everyone.
    policies = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
    if any("'nonce-" in response.get(header, "") for header in policies):
        return False
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not cache_control & {"private", "no-cache", "no-store"}


def page_parameters(request):
    """The query parameter names the page at ``request`` reads (empty if it names none).

    Read from the view the address resolved to, so only once the view has run (or in
    it): a class-based view's ``get_query_parameters()`` (``web.views``) or
    ``query_parameters`` (``query_parameters = ("q", "page")`` on any view class), or a
    function view's ``query_parameters`` attribute.
    """
    match = getattr(request, "resolver_match", None)
    if match is None:
        return frozenset()
    view_class = getattr(match.func, "view_class", None)
    declared = getattr(view_class, "get_query_parameters", None)
    if declared is not None:
        return frozenset(declared())
    view = view_class if view_class is not None else match.func
    return frozenset(getattr(view, "query_parameters", ()))


def content_query(request):
    """The canonical query string of what the page reads: its own parameters with a
    value, in name order (``"name=harbin&region=heilongjiang"``, or ``""``).

    For canonical addresses: ``?utm_source=x&region=a`` and ``?region=a`` are one page.
    """
    known = page_parameters(request)
    pairs = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if name in known
        for value in values
        if value
    )
    return urlencode(pairs)


def reads_only_known_parameters(request):
    """Whether every parameter of the address is one the page reads, given once."""
    known = page_parameters(request)
    return all(name in known and len(values) == 1 for name, values in request.GET.lists())


def _canonical_address(request):
    query = urlencode(
        sorted((name, value) for name, values in request.GET.lists() for value in values)
    )
    path = escape_uri_path(request.path)
    return f"{request.scheme}://{request.get_host()}{path}" + (f"?{query}" if query else "")


def page_key(request):
    """The key of a page: its address (parameters in name order) and language. The entry
    holds the content version it was made under, so a hit reads the version and the page
    in one round trip, and a page made under an older version is a miss that the next
    store overwrites."""
    language = get_language_from_path(request.path_info) or get_language_from_request(request)
    address = _canonical_address(request)
    digest = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
    return f"pages:{language}:{digest}"


class PublicPageCacheMiddleware:
    """Serve anonymous readers' pages from the cache; see the module docstring.

    It sits above the session, locale, CSP, CSRF, messages and lockout middleware: a hit
    skips all of them, and on a miss it sees the response they made, cookies and headers
    included, so a page that sets any cookie is not stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE or not _cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        try:
            key = page_key(request)
            found = cache.get_many([VERSION_KEY, key])
            version = found.get(VERSION_KEY) or content_version()
            entry = found.get(key)
        except Exception:  # the shared cache is down: serve the page uncached
            return self.get_response(request)
        if entry is not None and entry[0] == version and entry[1] > time.time():
            _version, _until, content, headers = entry
            response = HttpResponse(content)
            for name, value in headers:
                response.headers[name] = value
            return response
        response = self.get_response(request)
        if _storable(request, response):
            self.store(cache, key, version, response)
        return response

    def store(self, cache, key, version, response):
        global _stored_since_bump
        if settings.DATABASE_ROUTERS and time.time_ns() - version < replica_lag_ns():
            return  # read replicas may not have this write yet (config/db_router.py)
        set_response_etag(response)
        try:
            until = valid_until(version)
            timeout = max(1, int(until - time.time()))
            entry = (version, until, response.content, list(response.headers.items()))
            cache.set(key, entry, timeout)
        except Exception:  # the shared cache is down; nothing is stored
            return
        _stored_since_bump = True
