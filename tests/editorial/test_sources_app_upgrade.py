"""A site upgraded across the move of Source from ``core`` to ``sources`` keeps every
source, its history, the citations that name it and the roles' permissions on it."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The last migrations before the move (the source model still labelled ``core``).
BEFORE = [
    ("core", "0002_sources"),
    ("cooperation", "0004_citations"),
    ("expo", "0005_enterprise_indexes"),
    ("news", "0006_source_permissions"),
]


@pytest.fixture
def back_to_the_latest_schema(transactional_db):
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_sources_citations_history_and_permissions_survive_the_move(back_to_the_latest_schema):
    executor = MigrationExecutor(connection)
    # Unapplying the sources app unapplies every migration that builds on it.
    executor.migrate([("sources", None)])
    old = executor.loader.project_state(BEFORE).apps
    source = old.get_model("core", "Source").objects.create(
        slug="xinhua-2019", kind="report", publisher="Xinhua", title="EXPO opens"
    )
    old.get_model("core", "HistoricalSource").objects.create(
        id=source.pk,
        slug=source.slug,
        kind="report",
        publisher="Xinhua",
        title="EXPO opens",
        url="",
        language="",
        history_date="2019-06-15T10:00:00Z",
        history_type="+",
    )
    country = old.get_model("cooperation", "Country").objects.create(
        code="CN", name="China", slug="china"
    )
    region = old.get_model("cooperation", "Region").objects.create(
        slug="heilongjiang", name="Heilongjiang", country=country, kind="province"
    )
    old.get_model("cooperation", "RegionCitation").objects.create(
        record=region, source=source, supports="name"
    )
    # The old site's content type and the Editors' permissions on it (a test database
    # flushed by an earlier test may have lost them; an upgraded site has them).
    old_type, _ = ContentType.objects.get_or_create(app_label="core", model="source")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for action in ("add", "change", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=old_type,
            codename=f"{action}_source",
            defaults={"name": f"Can {action} source"},
        )
        editors.permissions.add(permission)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    Source = apps.get_model("sources", "Source")
    moved = Source.objects.get(slug="xinhua-2019")
    assert (moved.pk, moved.publisher, moved.title) == (source.pk, "Xinhua", "EXPO opens")
    assert [version.title for version in moved.history.all()] == ["EXPO opens"]
    citation = apps.get_model("cooperation", "RegionCitation").objects.get()
    assert citation.source == moved and citation.record.slug == "heilongjiang"
    # The content type is the same row, renamed: permissions and admin log entries follow.
    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(Source).pk == old_type.pk
    assert set(
        editors.permissions.filter(content_type=old_type.pk).values_list("codename", flat=True)
    ) == {"add_source", "change_source", "view_source"}
