"""Drafts, scheduled and expired records never appear in the API or the JSON exports."""

import datetime
import json

import pytest
from django.utils import timezone

from tests import factories

DRAFT = factories.DRAFT
# (API list, factory): every endpoint of a publishable model.
PUBLISHABLE = [
    ("exhibitions", factories.exhibition),
    ("enterprises", factories.enterprise),
    ("forums", factories.forum),
    ("exhibition-series", factories.exhibition_series),
    ("forum-series", factories.forum_series),
    ("sectors", factories.sector),
    ("regions", factories.region),
    ("cities", factories.city),
    ("mechanisms", factories.mechanism),
    ("councils", factories.council),
    ("funds", factories.fund),
    ("years", factories.years),
    ("trade", factories.trade_figure),
    ("assessments", factories.assessment),
    ("articles", factories.article),
]


def hidden_kinds():
    now = timezone.now()
    day = datetime.timedelta(days=1)
    return {
        "draft": {"status": DRAFT},
        "scheduled": {"publish_at": now + day},
        "expired": {"publish_at": now - 2 * day, "expires_at": now - day},
    }


def test_every_publishable_endpoint_is_covered():
    from api.endpoints import ENDPOINTS
    from publishing.models import is_publishable

    publishable = {
        prefix for prefix, view, _b in ENDPOINTS if is_publishable(view.serializer_class.Meta.model)
    }
    assert publishable == {prefix for prefix, _make in PUBLISHABLE}


@pytest.mark.parametrize(("prefix", "make"), PUBLISHABLE, ids=[p for p, _m in PUBLISHABLE])
def test_only_live_records_are_listed_or_found(client, db, prefix, make):
    live = make()
    hidden = {kind: make(**fields) for kind, fields in hidden_kinds().items()}
    listed = [record["slug"] for record in client.get(f"/api/v1/{prefix}/").json()["results"]]
    assert live.slug in listed
    assert client.get(f"/api/v1/{prefix}/{live.slug}/").status_code == 200
    for kind, record in hidden.items():
        assert record.slug not in listed, kind
        assert client.get(f"/api/v1/{prefix}/{record.slug}/").status_code == 404, kind


def test_a_record_under_a_hidden_record_is_hidden_too(client, db):
    region = factories.region(status=DRAFT)
    city = factories.city(region=region)
    assert client.get(f"/api/v1/cities/{city.slug}/").status_code == 404
    assert client.get("/api/v1/cities/").json()["count"] == 0


def test_a_link_to_a_hidden_record_reads_null(client, db):
    sector = factories.sector(status=DRAFT)
    enterprise = factories.enterprise(sector=sector)
    assert client.get(f"/api/v1/enterprises/{enterprise.slug}/").json()["sector"] is None


def test_the_json_export_holds_live_records_only(client, db):
    live = factories.exhibition()
    for fields in hidden_kinds().values():
        factories.exhibition(**fields)
    response = client.get("/en/exhibitions/", {"format": "json"})
    document = json.loads(b"".join(response.streaming_content))
    assert [record["slug"] for record in document["results"]] == [live.slug]


def test_a_hidden_articles_source_is_not_listed(client, db):
    hidden = factories.hosted_article(status=DRAFT)
    listed = [record["slug"] for record in client.get("/api/v1/sources/").json()["results"]]
    assert hidden.source.slug not in listed
    assert client.get(f"/api/v1/sources/{hidden.source.slug}/").status_code == 404
