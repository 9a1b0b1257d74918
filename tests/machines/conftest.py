"""Machines' view of the site: feed readers, crawlers, calendar apps and download tools."""

import datetime

import pytest

from publishing.models import EditorialStatus
from tests import factories as f


@pytest.fixture
def hidden(db):
    """A draft, a scheduled and an expired record of each kind a machine reads, by name."""
    hour = datetime.timedelta(hours=1)
    now = datetime.datetime.now(tz=datetime.UTC)
    states = {
        "Draft": {"status": EditorialStatus.DRAFT},
        "Scheduled": {"publish_at": now + 24 * hour},
        "Expired": {"publish_at": now - 48 * hour, "expires_at": now - hour},
    }
    names = []
    for label, state in states.items():
        name = f"{label} hidden record"
        f.exhibition(name=name, slug=f"{label.lower()}-exhibition", **state)
        f.forum(name=name, slug=f"{label.lower()}-forum", **state)
        f.enterprise(name=name, slug=f"{label.lower()}-enterprise", **state)
        f.article(title=name, slug=f"{label.lower()}-article", **state)
        f.region(name=name, slug=f"{label.lower()}-region", **state)
        names.append(name)
    return names
