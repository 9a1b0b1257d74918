"""After a restore or a loaddata, readers get the restored content on their next view, not
a page cached before (web/cache.py): both write outside the admin, in bulk."""

import json
import re

import pytest
from django.core import serializers
from django.core.management import call_command
from django.test import Client

from expo.models import Enterprise
from tests import factories as f
from web import cache as page_cache

LIST = "/en/enterprises/"


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE = True


def names(response):
    return set(re.findall(r"Works \w+", response.content.decode()))


@pytest.mark.django_db(transaction=True)
def test_a_page_cached_before_a_restore_shows_the_restored_content(tmp_path):
    page_cache.bump()
    enterprise = f.enterprise(name="Works Alpha")
    backup = tmp_path / "site.backup"
    call_command("backup", str(backup))
    # The site is defaced, and readers' pages are cached with it.
    enterprise.name = "Works Defaced"
    enterprise.save()
    assert names(Client().get(LIST)) == {"Works Defaced"}
    assert names(Client().get(LIST)) == {"Works Defaced"}

    call_command("restore", str(backup), "--replace")

    assert names(Client().get(LIST)) == {"Works Alpha"}
    assert Enterprise.objects.get().name == "Works Alpha"


@pytest.mark.django_db(transaction=True)
def test_a_page_cached_before_loaddata_shows_the_loaded_content(tmp_path):
    page_cache.bump()
    enterprise = f.enterprise(name="Works Alpha")
    # A fixture holding the same record under another name (loaddata saves it "raw").
    rows = json.loads(serializers.serialize("json", [enterprise]))
    rows[0]["fields"]["name_en"] = "Works Beta"
    fixture = tmp_path / "enterprises.json"
    fixture.write_text(json.dumps(rows), encoding="utf-8")
    client = Client()
    assert names(client.get(LIST)) == {"Works Alpha"}
    assert names(client.get(LIST)) == {"Works Alpha"}  # from the cache

    call_command("loaddata", str(fixture), verbosity=0)

    assert names(Client().get(LIST)) == {"Works Beta"}
