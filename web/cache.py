"""Whole-page cache for anonymous readers that is never out of date.

What is cached: the complete response to an anonymous GET (a request without a session
or messages cookie) that answered 200, set no cookie, did not use a CSRF token and did
not ask to stay private. A logged-in user (staff previews included), a page with a form
(the reply form's CSRF token) or a page showing a message is never stored and never
served from the cache. The key holds the address (host, scheme, path and query) and the
language, so each language has its own copy.

Why it is never stale:

- Keys carry a content version. Any write to a table of the site's own models (content,
  its history, replies) moves the version on, whichever way it is made: a form, an
  admin action, an import, ``bulk_create``, ``update()``, raw SQL, ``loaddata``. The
  database itself is watched (``watch_writes``, installed on every connection), so no
  write path can forget a signal. A write inside a transaction moves the version when
  the transaction commits.
- A page is kept no longer than the next scheduled go-live or expiry of any record, so
  a scheduled publication shows the moment it is due, with no write at all.

Several app servers must share the cache (``REDIS_URL``), or a write seen by one would
leave the others' copies in place; the local-memory default is for one process.

Every page, cached or not, carries an ETag (``ConditionalGetMiddleware``): a reader
whose copy is current gets a 304 with no body. A cached page's ETag is computed once,
when it is stored.
"""

import contextlib
import functools
import hashlib
import re
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, set_response_etag
from django.utils.translation import get_language_from_path, get_language_from_request

from publishing.models import EditorialStatus, PublishableModel

VERSION_KEY = "pages:version"
# At most this long between checks of what is scheduled, even with nothing scheduled.
MAX_AGE = 3600
_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE)
_stored_since_bump = False


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def content_version():
    """The current content version (created on first use, never reused after eviction)."""
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


def _site_tables():
    """Tables of the project's own apps (their content, history and replies).

    Not those of Django (sessions, users, the admin log) or of installed packages (login
    attempts, health checks): writing them changes no public page, and a load balancer
    polling /health/ or a stream of failed logins would otherwise empty the cache.
    """
    project = Path(settings.BASE_DIR).resolve()
    return frozenset(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if project in Path(model._meta.app_config.path).resolve().parents
        and "site-packages" not in Path(model._meta.app_config.path).parts
    )


@functools.cache
def _tables():
    return _site_tables()


def watch_writes(execute, sql, params, many, context):
    """Database execute wrapper: after a write to a site table, move the content version.

    In autocommit the write is final, so the version moves at once. In a transaction it
    moves when the transaction commits (once per transaction, however many rows), and
    also at once if this process has stored a page since the last move, so that a read
    later in the same transaction never gets a page from before the write.
    """
    result = execute(sql, params, many, context)
    if sql[:1] in "IUDiud":
        match = _WRITE.match(sql)
        if match and match.group(1) in _tables():
            connection = context["connection"]
            if not connection.in_atomic_block:
                safe_bump()
            else:
                if _stored_since_bump:
                    safe_bump()
                if not any(func is safe_bump for _ids, func, _robust in connection.run_on_commit):
                    connection.on_commit(safe_bump)
    return result


def install_write_watch(sender, connection, **kwargs):
    """``connection_created`` receiver: watch each new connection's writes."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


def next_scheduled_change(now=None):
    """The next go-live or expiry of a published record after ``now``, or None.

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
    moments = parts[0].union(*parts[1:], all=True) if parts else []
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


def replica_lag_ns():
    return getattr(settings, "DATABASE_REPLICA_LAG", 0) * 1_000_000_000


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    # Any cookie set (session, CSRF, messages, language) means the page is someone's own.
    # "Vary: Cookie" alone is not a reason: it follows any look at the (here empty)
    # session, such as checking whether the visitor is staff.
    if response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not cache_control & {"private", "no-cache", "no-store"}


def page_key(request, version):
    language = get_language_from_path(request.path_info) or get_language_from_request(request)
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
    return f"pages:{version}:{language}:{digest}"


class PublicPageCacheMiddleware:
    """Serve anonymous readers' pages from the cache; see the module docstring.

    It sits outside the session, CSRF and messages middleware, so it sees the final
    response, cookies included, and a page that sets any cookie is not stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE or not _cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        try:
            version = content_version()
            key = page_key(request, version)
            entry = cache.get(key)
        except Exception:  # the shared cache is down: serve the page uncached
            return self.get_response(request)
        if entry is not None and entry[0] > time.time():
            _until, content, headers = entry
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
            cache.set(key, (until, response.content, list(response.headers.items())), timeout)
        except Exception:  # the shared cache is down; nothing is stored
            return
        _stored_since_bump = True
