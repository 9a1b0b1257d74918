"""Users in each editorial role, and a clock the tests can set.

The roles are the groups the data migration ``core/0001_roles`` (in publishing/) creates;
the test database runs the migrations, so they exist here exactly as on a real site.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

ROLES = ("anonymous", "editor", "publisher", "superuser")

# A fixed "now" for the tests about time; records are scheduled around it.
NOW = datetime.datetime(2030, 6, 15, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def make_user(db, django_user_model):
    def _make(role):
        if role == "anonymous":
            return None
        if role == "superuser":
            return django_user_model.objects.create_superuser(
                "boss", "boss@example.com", "pw-for-tests-only"
            )
        user = django_user_model.objects.create_user(role, password="pw", is_staff=True)
        if role in {"editor", "publisher"}:
            user.groups.add(Group.objects.get(name=f"{role.capitalize()}s"))
        return user

    return _make


@pytest.fixture
def login(make_user):
    """A client logged in as someone in ``role`` (``anonymous``: not logged in)."""

    def _login(role):
        client = Client()
        user = make_user(role)
        if user is not None:
            client.force_login(user)
        client.user = user
        return client

    return _login


@pytest.fixture
def clock(monkeypatch):
    """Sets what ``timezone.now()`` returns; starts at NOW."""

    class Clock:
        def set(self, moment):
            monkeypatch.setattr(timezone, "now", lambda: moment)

    clock = Clock()
    clock.set(NOW)
    return clock
