"""A query's SQL outside its WHERE clause is written once per shape (core/sql_reuse.py):
the rows stay those of each run's own values, language and page, and a run of a kept
shape does not write the column list and joins again.

The whole suite runs with ``sql_reuse.VERIFY`` (tests/conftest.py): every reused SQL is
also written in full by Django and compared.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.db.models import Value
from django.db.models.functions import Left
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from cooperation.models import Region
from core import sql_reuse
from expo.models import Enterprise, Exhibition
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_kept_shapes():
    sql_reuse.forget()
    yield
    sql_reuse.forget()


def _select_setups():
    """Counts the column lists Django works out (SQLCompiler.setup_query)."""
    return mock.patch.object(
        SQLCompiler, "setup_query", autospec=True, side_effect=SQLCompiler.setup_query
    )


def test_the_backends_in_use_reuse_sql():
    assert connection.settings_dict["ENGINE"] in {
        "core.backends.postgresql",
        "core.backends.sqlite3",
    }
    assert isinstance(
        Region.objects.all().query.get_compiler(connection=connection),
        sql_reuse.ReusingSQLCompiler,
    )


def test_a_second_run_of_a_shape_writes_only_its_where_clause():
    amur = f.region(name_en="Amur")
    sakha = f.region(name_en="Sakha")

    def by_slug(slug):
        return list(Region.objects.filter(slug=slug).select_related("country"))

    with _select_setups() as setups:
        assert by_slug(amur.slug) == [amur]
    assert setups.call_count == 1
    sql_reuse.VERIFY = False
    try:
        with _select_setups() as setups, CaptureQueriesContext(connection) as queries:
            assert by_slug(sakha.slug) == [sakha]
            assert by_slug("no-such-region") == []
        assert setups.call_count == 0
    finally:
        sql_reuse.VERIFY = True
    # The same SQL, with each run's own value.
    assert queries[0]["sql"].replace(sakha.slug, "?") == queries[1]["sql"].replace(
        "no-such-region", "?"
    )
    # Rows become models with their related records as before.
    assert by_slug(sakha.slug)[0].country == sakha.country


def test_rows_follow_each_runs_values_slice_and_language():
    regions = [f.region(name_en=f"Region {n}", name_ru=f"Регион {9 - n}") for n in range(6)]
    keys = [region.pk for region in regions]

    def page(number):
        return list(
            Region.objects.filter(pk__in=keys).order_by("name")[number * 2 : number * 2 + 2]
        )

    with translation.override("en"):
        assert page(0) == regions[:2]
        assert page(1) == regions[2:4]
        assert page(2) == regions[4:]
    with translation.override("ru"):
        assert page(0) == regions[-1:-3:-1]
        assert page(0)[0].name == "Регион 4"
    with translation.override("en"):
        assert list(Region.objects.filter(pk__in=keys[:1]).order_by("name")) == regions[:1]
        assert list(Region.objects.filter(pk__in=[]).order_by("name")) == []


def test_a_shape_kept_without_a_where_clause_and_run_with_one():
    first, second = f.region(), f.region()
    assert set(Region.objects.all()) >= {first, second}
    assert list(Region.objects.filter(pk=second.pk)) == [second]
    assert set(Region.objects.all()) >= {first, second}


def test_a_scheduled_record_goes_live_in_a_reused_query():
    region = f.region()
    live = f.enterprise(region=region)
    go_live = timezone.now() + timedelta(hours=1)
    scheduled = f.enterprise(region=region, publish_at=go_live)

    def published(now):
        return set(Enterprise.objects.published(now).filter(region=region))

    assert published(go_live - timedelta(seconds=1)) == {live}
    assert published(go_live) == {live, scheduled}


def test_prefetched_records_are_those_of_each_runs_keys():
    first, second = f.exhibition(), f.exhibition()
    f.participation(exhibition=first, enterprises=10)
    f.participation(exhibition=second, enterprises=20)

    def figures(exhibition):
        (loaded,) = Exhibition.objects.filter(pk=exhibition.pk).prefetch_related("participations")
        return [row.enterprises for row in loaded.participations.all()]

    assert figures(first) == [10]
    assert figures(second) == [20]


def test_the_verification_notices_sql_that_differs():
    region = f.region()
    list(Region.objects.filter(pk=region.pk))
    (key,) = [key for key in sql_reuse._templates if key[0] is Region]
    head, tail, *rest = sql_reuse._templates[key]
    sql_reuse._templates[key] = (head.replace("SELECT", "SELECT DISTINCT", 1), tail, *rest)
    with pytest.raises(AssertionError, match="Reused SQL differs"):
        list(Region.objects.filter(pk=region.pk))


def test_queries_with_values_outside_the_where_clause_are_written_in_full():
    region = f.region(slug="amur")

    def initials(length):
        return list(
            Region.objects.filter(pk=region.pk)
            .annotate(initial=Left("slug", length))
            .values_list("initial", flat=True)
        )

    with _select_setups() as setups:
        assert initials(1) == ["a"]
        assert initials(2) == ["am"]
    assert setups.call_count == 2
    assert not [key for key in sql_reuse._templates if key[0] is Region]


def test_selected_constants_are_part_of_the_shape():
    region = f.region(name_en="Amur")

    def tagged(tag):
        return list(Region.objects.filter(pk=region.pk).values_list(Value(tag), "name"))

    assert tagged(1) == [(1, "Amur")]
    assert tagged(2) == [(2, "Amur")]
    assert tagged(1) == [(1, "Amur")]
