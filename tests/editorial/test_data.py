"""The bundled data is published, and a site upgraded to publication states keeps its pages."""

import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from publishing.models import is_publishable
from tests.conftest import ARTICLE_FIXTURES, FIXTURES_DIR

FIXTURES = sorted(FIXTURES_DIR.glob("*.json"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_publishable_fixture_row_is_published(path):
    rows = json.loads(path.read_text(encoding="utf-8"))
    publishable = [row for row in rows if is_publishable(apps.get_model(row["model"]))]
    unpublished = [
        row["fields"].get("slug")
        for row in publishable
        if row["fields"].get("status") != "published"
    ]
    assert not unpublished


def test_the_article_data_is_live_once_loaded(db):
    call_command("loaddata", *ARTICLE_FIXTURES, FIXTURES_DIR / "news.json", verbosity=0)
    for model in apps.get_models():
        if is_publishable(model):
            assert model.objects.published().count() == model.objects.count(), model


@pytest.fixture
def back_to_the_latest_schema(transactional_db):
    """After a test that migrates backwards, every app's latest migration again, so the
    tests that follow see today's schema."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_rows_from_before_the_upgrade_stay_published(back_to_the_latest_schema):
    before = [("cooperation", "0001_initial"), ("expo", "0001_initial"), ("news", "0001_initial")]
    after = [("core", "0001_roles")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    Country = old_apps.get_model("cooperation", "Country")
    Region = old_apps.get_model("cooperation", "Region")
    china = Country.objects.create(code="CN", name="China", slug="china")
    Region.objects.create(slug="heilongjiang", name="Heilongjiang", country=china, kind="province")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)

    region = apps.get_model("cooperation", "Region").objects.get(slug="heilongjiang")
    assert region.status == "published"
    assert region.is_live
    new = apps.get_model("cooperation", "Region")(slug="new", name="New", country_id=china.pk)
    assert new.status == "draft", "from the upgrade on, a new record starts as a draft"
