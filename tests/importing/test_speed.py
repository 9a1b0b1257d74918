"""Import speed (issue 14): the queries of an import do not grow with its rows, and every
row still gets its history version. The rows per second are measured by bench/."""

import pytest
import tablib
from django.db import connection
from django.test.utils import CaptureQueriesContext

from expo.models import Enterprise
from expo.resources import EnterpriseResource

pytestmark = pytest.mark.django_db
HEADERS = ["slug", "name_en", "country", "region", "sector", "status"]


def _import(rows, user, offset=0):
    data = tablib.Dataset(
        *[
            [f"firm-{n}", f"Firm {n}", "CN", "heilongjiang", "energy", "published"]
            for n in range(offset, offset + rows)
        ],
        headers=HEADERS,
    )
    with CaptureQueriesContext(connection) as queries:
        result = EnterpriseResource().import_data(
            data, dry_run=False, rollback_on_validation_errors=True, user=user
        )
    assert not result.has_errors() and not result.has_validation_errors()
    return len(queries.captured_queries)


def test_the_queries_of_an_import_do_not_grow_with_its_rows(world, superuser):
    few = _import(10, superuser)
    many = _import(1500, superuser, offset=10)  # two batches of up to 1,000
    assert many <= few + 10, "a batch of up to 1,000 rows costs about five queries, a row none"
    assert Enterprise.objects.count() == 1510
    assert Enterprise.history.filter(history_user=superuser).count() == 1510


def test_updating_records_keeps_a_version_of_each(world, superuser):
    _import(300, superuser)
    before = _import(10, superuser, offset=1000)
    updates = _import(300, superuser)
    assert updates <= before + 10
    assert Enterprise.history.filter(history_type="~").count() == 300
    firm = Enterprise.objects.get(slug="firm-7")
    assert [v.history_type for v in firm.history.all()] == ["~", "+"]
