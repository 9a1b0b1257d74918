"""Request checks shared by every part of the site."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from operations.net import client_ip

# The largest whole number a database integer column holds (64 bits); a larger one
# overflows SQLite's driver. The admin's id check uses it too (publishing.safe_admin).
MAX_DATABASE_INTEGER = 2**63 - 1
# A request id from the proxy is kept if it is short and plain (it goes into every log line).
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def _unusable(value):
    """A NUL byte, or a whole number too large for any database integer."""
    if "\x00" in value:
        return True
    digits = value.strip().lstrip("+-")
    if not digits.isdigit():
        return False
    return len(digits) > len(str(MAX_DATABASE_INTEGER)) or int(digits) > MAX_DATABASE_INTEGER


class RejectUnusableAdminQueryMiddleware:
    """An unusable value in an admin address's query string is a 400, not a database error.

    The admin's generic change-list filters pass query values to the database:
    PostgreSQL refuses NUL in text, SQLite overflows on huge integers. The public
    pages check their own parameters.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")) and any(
            "\x00" in key or any(_unusable(value) for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(_("The address holds a value the site cannot use."))
        return self.get_response(request)


request_log = logging.getLogger("core.request")


class RequestLogMiddleware:
    """One structured log line per request: request id, user, method, path, status, duration.

    The request id is the proxy's ``X-Request-ID`` when it sends a sensible one (so a
    line can be matched with the proxy's log), else a new one; it is sent back in the
    response's ``X-Request-ID``. Nothing here reads the Host header, so a request with
    an unknown host is logged like any other.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request.id = incoming if _REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        if not request_log.isEnabledFor(logging.INFO):
            return response  # REQUEST_LOG_LEVEL above INFO: no line to make
        user = getattr(request, "user", None)
        request_log.info(
            "request",
            extra={
                "request_id": request.id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user": user.get_username() if user is not None and user.is_authenticated else None,
                "client": client_ip(request),
            },
        )
        return response


class SecurityHeadersMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy on every response (settings)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if settings.CROSS_ORIGIN_RESOURCE_POLICY:
            response.headers.setdefault(
                "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
            )
        return response


class AnonymousBodyLimitMiddleware:
    """A body larger than ``ANONYMOUS_MAX_BODY_SIZE`` from a visitor who is not logged in
    is refused (413) by its ``Content-Length``, before any of it is read.

    Django reads a body only when something asks for it (an upload is streamed to a
    temporary file then), so without this an anonymous 300 MB POST would be written to
    disk before a form refused it. Sits below the authentication middleware, which tells
    who is logged in; reading the body waits for the views (and the CSRF check's).
    Logged-in staff keep the import limits (``IMPORT_MAX_FILE_SIZE``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponseBadRequest(_("The request's Content-Length is not a number."))
        limit = getattr(settings, "ANONYMOUS_MAX_BODY_SIZE", 256 * 1024)
        if length > limit and not request.user.is_authenticated:
            response = HttpResponse(
                _("This request is too large."), status=413, content_type="text/plain"
            )
            response["Connection"] = "close"
            return response
        return self.get_response(request)
