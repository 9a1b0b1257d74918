"""The synthetic load-test dataset: marked, sized as asked, refused twice, removed cleanly."""

import pytest
from django.core.management import CommandError, call_command

from expo.models import Enterprise, EnterpriseParticipation, Exhibition, Sector
from tests import factories as f


def synthetic_enterprises():
    return Enterprise.objects.filter(slug__startswith="synthetic-")


def test_creates_marked_records_in_live_regions(article_data):
    call_command("synthetic_data", enterprises=30, participations=25, sectors=4)
    assert synthetic_enterprises().count() == 30
    assert Sector.objects.filter(slug__startswith="synthetic-").count() == 4
    assert (
        EnterpriseParticipation.objects.filter(enterprise__in=synthetic_enterprises()).count() == 25
    )
    enterprise = synthetic_enterprises().select_related("region").first()
    assert "Synthetic" in enterprise.description
    assert enterprise.region.is_live and enterprise.region.country_id == enterprise.country_id
    assert enterprise.sector.slug.startswith("synthetic-")
    # They are published: the public directory lists them.
    assert Enterprise.objects.published().count() == 30


def test_refuses_to_create_a_second_set(article_data):
    call_command("synthetic_data", enterprises=5, participations=5)
    with pytest.raises(CommandError, match="exists already"):
        call_command("synthetic_data", enterprises=5, participations=5)
    assert synthetic_enterprises().count() == 5


def test_refuses_more_participations_than_pairs(article_data):
    exhibitions = Exhibition.objects.published().count()
    with pytest.raises(CommandError, match="At most"):
        call_command("synthetic_data", enterprises=3, participations=3 * exhibitions + 1)
    assert not synthetic_enterprises().exists()


def test_remove_leaves_article_and_staff_data(article_data):
    before = {model: model.objects.count() for model in (Enterprise, Sector, Exhibition)}
    real = f.enterprise(name="Harbin Electric")
    exhibition = Exhibition.objects.get()
    f.enterprise_participation(enterprise=real, exhibition=exhibition)
    call_command("synthetic_data", enterprises=20, participations=20)
    # A staff member gave a synthetic sector to a real enterprise: that sector stays.
    real.sector = Sector.objects.get(slug="synthetic-sector-01")
    real.save()

    call_command("synthetic_data", remove=True)

    assert not synthetic_enterprises().exists()
    assert Enterprise.objects.count() == before[Enterprise] + 1
    assert list(Sector.objects.filter(slug__startswith="synthetic-")) == [real.sector]
    assert EnterpriseParticipation.objects.get().enterprise == real
    assert Exhibition.objects.count() == before[Exhibition]
