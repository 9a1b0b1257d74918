"""History shows each change once (issue 13): a save that changes many-to-many links
(a forum's countries) recorded two or three versions; now one, with the links as saved."""

import pytest
from django.urls import reverse

from expo.models import Forum
from tests import factories as f
from tests.editorial.test_revisions import _form_data

pytestmark = pytest.mark.django_db


def test_saving_a_forum_with_new_countries_records_one_version(publisher):
    china, russia = f.country("CN"), f.country("RU")
    forum = f.forum(name="2nd Forum of Interregional Cooperation")
    forum.countries.set([china])
    url = reverse("admin:expo_forum_change", args=[forum.pk])
    before = forum.history.count()

    data = _form_data(publisher.get(url))
    data["countries"] = [str(china.pk), str(russia.pk)]
    data["name_en"] = "2nd China-Russia Forum of Interregional Cooperation"
    response = publisher.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert forum.history.count() == before + 1, "one save, one version"
    latest = forum.history.first()
    assert latest.name_en == "2nd China-Russia Forum of Interregional Cooperation"
    assert {row.country_id for row in latest.countries.all()} == {china.pk, russia.pk}
    history = publisher.get(reverse("admin:expo_forum_history", args=[forum.pk]))
    table = history.content.decode().split('<table id="change-history">')[1].split("</table>")[0]
    assert table.count("<tr>") == 1 + before + 1, "the history page lists each version once"


def test_a_save_that_changes_only_the_links_is_one_version_too(publisher):
    china, russia = f.country("CN"), f.country("RU")
    forum = f.forum()
    forum.countries.set([china])
    url = reverse("admin:expo_forum_change", args=[forum.pk])
    before = forum.history.count()
    data = _form_data(publisher.get(url))
    data["countries"] = [str(russia.pk)]
    publisher.post(url, data)
    assert forum.history.count() == before + 1
    assert [row.country_id for row in forum.history.first().countries.all()] == [russia.pk]
    assert Forum.objects.get().countries.get() == russia
