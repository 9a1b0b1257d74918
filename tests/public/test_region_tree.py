"""The region tree (cooperation.models.RegionTree) decides liveness in Python from the
publication fields it reads; it must agree with what ``live_q`` asks of the database,
at any time, for records in every state."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cooperation.models import Region, RegionTree
from publishing.models import EditorialStatus, live_q
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_tree_and_the_database_agree_on_which_regions_are_live():
    now = timezone.now()
    hour = timedelta(hours=1)
    root = f.region(name_en="Root")
    states = [
        {},
        {"status": EditorialStatus.DRAFT},
        {"publish_at": now + hour},
        {"publish_at": now - hour},
        {"expires_at": now + hour},
        {"expires_at": now - hour},
        {"publish_at": now - hour, "expires_at": now + hour},
        {"status": EditorialStatus.DRAFT, "publish_at": now - hour},
    ]
    regions = [f.region(parent=root, **state) for state in states]
    for moment in (now - 2 * hour, now, now + 2 * hour):
        tree = RegionTree.load(moment)
        in_database = set(
            Region.objects.filter(live_q(Region, now=moment)).values_list("pk", flat=True)
        )
        assert tree.live == in_database
        assert {region.pk for region in regions} & tree.live
    # At the request's time: the scheduled one not yet, the expired one no longer.
    live = RegionTree.load(now).live
    assert regions[0].pk in live and regions[3].pk in live
    assert regions[1].pk not in live and regions[2].pk not in live and regions[5].pk not in live
    assert all(
        tree_parent == root.pk
        for tree_parent in (RegionTree.load(now).parent[r.pk] for r in regions)
    )
