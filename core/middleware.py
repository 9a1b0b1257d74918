"""Request checks shared by every part of the site."""

from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext as _

# Larger whole numbers than a 64-bit database integer holds overflow SQLite's driver.
MAX_DATABASE_INTEGER = 2**63 - 1


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
