"""Staff in each role (the editorial suite's fixtures) and a form as a browser posts it."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from tests.editorial.conftest import clock, login, make_user  # noqa: F401 (fixtures)

__all__ = ["browser_form"]


class _FormReader(HTMLParser):
    """The fields of the page's main form, as a browser would submit them unchanged."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside or ("name" not in attrs and tag not in {"option"}):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data.append(
                (attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
            )
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.data.append((name, text.removeprefix("\n")))
            self._textarea = None


def browser_form(response, form_id=None):
    """``{name: value or [values]}`` of the admin form on ``response``'s page."""
    opts = response.context["opts"]
    reader = _FormReader(form_id or f"{opts.model_name}_form")
    reader.feed(response.content.decode())
    data = {}
    for name, value in reader.data:
        if name in data:
            data[name] = (
                [*data[name], value] if isinstance(data[name], list) else [data[name], value]
            )
        else:
            data[name] = value
    assert data, "no form found on the page"
    return data


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """Pages in other languages leave their language active; later tests expect none."""
    yield
    translation.deactivate()


@pytest.fixture
def reply(db):
    from tests import factories as f

    return f.reply(email="reader@example.com", ip_address="192.0.2.7")


def change_url(record):
    """The admin change page of ``record``."""
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def open_form(client, url):
    """What a browser would post from the admin form at ``url``, as opened now."""
    page = client.get(url)
    assert page.status_code == 200
    return browser_form(page)
