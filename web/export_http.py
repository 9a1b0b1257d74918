"""HTTP for machines on the data formats: ETag, Last-Modified, Content-Length, cheap 304 and HEAD.

An export is the same bytes as long as the content is the same: the same address,
language and host, the same content version (``web.cache.content_version``, moved on
every write) and the same window between scheduled go-lives and expiries
(``web.cache.valid_until``). Its ETag is a digest of those, so a client that already
has the current file gets a 304 from two cache reads, before any filter or query runs.

Last-Modified is when this server first answered for that version and window: never
earlier than the change it reflects, and the same on every answer until the next.

A streamed export counts its bytes as it goes; once one has been sent whole, the size
is kept under its ETag, and later answers (HEAD included) state ``Content-Length``.
A HEAD answers with the headers only: the export is not made.
"""

import hashlib
import time

from django.core.cache import cache
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language

from web.cache import content_version, valid_until

# How long the first-seen time and the size of one version of an export are kept.
KEEP = 7 * 24 * 3600


def export_etag(request):
    version = content_version()
    address = f"{request.get_host()}{request.get_full_path()}"
    key = f"{address}|{get_language()}|{version}|{valid_until(version)}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def first_seen(etag):
    """The Unix time (seconds) this server first answered with ``etag``."""
    key = f"exports:seen:{etag}"
    seen = cache.get(key)
    if seen is None:
        cache.add(key, int(time.time()), KEEP)
        seen = cache.get(key, int(time.time()))
    return seen


class Validators:
    """The ETag and Last-Modified of the export at ``request``."""

    def __init__(self, request):
        self.etag = export_etag(request)
        self.last_modified = first_seen(self.etag)

    def not_modified(self, request):
        """A 304 (or 412) if the client's copy is current, else None."""
        response = get_conditional_response(
            request, etag=self.etag, last_modified=self.last_modified
        )
        if response is not None:
            response["ETag"] = self.etag
            response["Last-Modified"] = http_date(self.last_modified)
        return response

    def size_key(self):
        return f"exports:size:{self.etag}"

    def finish(self, request, response):
        """Headers on the export's ``response``; the body counted, or dropped for a HEAD."""
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        if not response.streaming:
            return response
        size = cache.get(self.size_key())
        if size is not None:
            response["Content-Length"] = str(size)
        if request.method == "HEAD":
            response.streaming_content = []
        elif size is None:
            response.streaming_content = self._counted(response.streaming_content)
        return response

    def _counted(self, chunks):
        sent = 0
        for chunk in chunks:
            data = chunk if isinstance(chunk, bytes) else chunk.encode()
            sent += len(data)
            yield data
        # Reached only when the whole file was sent.
        cache.set(self.size_key(), sent, KEEP)
