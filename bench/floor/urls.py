"""The floor's one page, /floor/: two bytes of plain text."""

from django.http import HttpResponse
from django.urls import path


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("floor/", floor)]
