"""Request checks shared by every part of the site."""

from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext as _


class RejectNulInAdminQueryMiddleware:
    """A NUL byte in an admin address's query string is a 400, not a database error.

    The admin's generic change-list filters pass query values to the database, and
    PostgreSQL refuses NUL in text. The public pages check their own parameters.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")) and any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(_("The address holds a character it may not hold."))
        return self.get_response(request)
