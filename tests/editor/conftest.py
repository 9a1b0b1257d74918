import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests import factories as f


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def publisher(db, django_user_model):
    user = django_user_model.objects.create_user("pub", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Publishers"))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def world(db):
    china, russia = f.country("CN"), f.country("RU")
    f.region(slug="heilongjiang", country=china)
    f.region(slug="sakha", country=russia)
    f.sector(slug="energy")
