"""Reads of the public site go to read replicas; everything else uses the primary.

With ``DATABASE_REPLICA_URL`` set (one or more addresses, comma-separated), the
settings add each replica as a database (``replica0``, ``replica1``...) and turn on
this router and its middleware:

- writes, migrations and every request that is not a plain read (POST and the like)
  use the primary (``default``);
- the admin reads the primary, so staff always see what they have just saved;
- a visitor who has just written (a reply, a change in the admin) gets a short-lived
  cookie, and their reads go to the primary until it expires, so they see their own
  write even while the replicas catch up (``DATABASE_REPLICA_LAG`` seconds, 5 by
  default);
- every other read of the public site goes to one of the replicas, chosen at random
  for each request.

The page cache (web/cache.py) does not store a page rendered within that lag of a
write, so a page read from a replica that has not caught up is never kept.
"""

import random
from contextvars import ContextVar

from django.conf import settings

PRIMARY = "default"
PIN_COOKIE = "primary"
_use_primary = ContextVar("use_primary", default=True)
_replica = ContextVar("replica", default=None)
_wrote = ContextVar("wrote", default=False)


def replicas():
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if _use_primary.get():
            return PRIMARY
        return _replica.get() or PRIMARY

    def db_for_write(self, model, **hints):
        _wrote.set(True)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every database holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class PrimaryPinMiddleware:
    """Decide per request whether reads may go to a replica; pin writers to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        aliases = replicas()
        primary = (
            not aliases
            or request.method not in ("GET", "HEAD", "OPTIONS")
            or PIN_COOKIE in request.COOKIES
            or request.path_info.startswith("/admin/")
        )
        tokens = (
            _use_primary.set(primary),
            _replica.set(None if primary else random.choice(aliases)),
            _wrote.set(False),
        )
        try:
            response = self.get_response(request)
            if _wrote.get():
                response.set_cookie(
                    PIN_COOKIE,
                    "1",
                    max_age=settings.DATABASE_REPLICA_LAG,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            return response
        finally:
            for var, token in zip((_use_primary, _replica, _wrote), tokens, strict=True):
                var.reset(token)
