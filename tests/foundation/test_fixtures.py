"""The article fixtures: natural keys only, idempotent, all-or-nothing."""

import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import IntegrityError

from cooperation.models import Region
from expo.models import Exhibition
from sources.models import Source
from tests.conftest import ARTICLE_FIXTURES


def _counts():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"cooperation", "expo"}
    }


@pytest.mark.parametrize("path", ARTICLE_FIXTURES, ids=lambda p: p.name)
def test_fixtures_carry_no_primary_keys(path):
    rows = json.loads(path.read_text(encoding="utf-8"))
    assert rows
    assert all("pk" not in row for row in rows)


def _dump():
    """Every row of the content apps, values, links, sources and citations included."""
    out = io.StringIO()
    call_command("dumpdata", "sources.source", "cooperation", "expo", "news", stdout=out)
    return json.loads(out.getvalue())


def test_loading_twice_changes_nothing(article_data):
    before = _dump()
    assert _counts()["expo.Exhibition"] == 1
    call_command("loaddata", *ARTICLE_FIXTURES, verbosity=0)
    assert _dump() == before


def test_a_fixture_with_one_bad_row_loads_nothing(db, tmp_path):
    rows = [row for path in ARTICLE_FIXTURES for row in json.loads(path.read_text("utf-8"))]
    for row in rows:
        if row["model"] == "expo.exhibition":
            row["fields"]["end_date"] = "2019-06-01"  # before the start date
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(rows), encoding="utf-8")

    with pytest.raises(IntegrityError):
        call_command("loaddata", bad, verbosity=0)

    assert Region.objects.count() == 0
    assert Exhibition.objects.count() == 0
    assert not Source.objects.exists()


def test_first_run_loads_the_article_data_and_later_runs_keep_staff_edits(db, capsys):
    call_command("load_initial_data", *ARTICLE_FIXTURES, verbosity=0)
    expo = Exhibition.objects.get(edition=6)
    assert expo.theme.startswith("Chinese-Russian interregional cooperation")
    assert expo.history.exists(), "each loaded record gets a first history version"

    Exhibition.objects.filter(pk=expo.pk).update(theme_en="Edited by staff")
    call_command("load_initial_data", *ARTICLE_FIXTURES, verbosity=0)

    assert Exhibition.objects.get(pk=expo.pk).theme_en == "Edited by staff"
    assert "nothing loaded" in capsys.readouterr().out
