"""A change form sends each of its hidden bookkeeping fields once (modeltranslation builds
the fieldsets from the form's own fields, so they were listed, and sent, twice)."""

import pytest

from tests import factories


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (factories.exhibition, "/admin/expo/exhibition/{}/change/"),
        (factories.region, "/admin/cooperation/region/{}/change/"),
        (factories.enterprise, "/admin/expo/enterprise/{}/change/"),
    ],
)
def test_the_fingerprint_and_the_revision_token_are_sent_once(admin_client, make, path):
    record = make()
    html = admin_client.get(path.format(record.pk)).content.decode()
    assert html.count('name="edit_fingerprint"') == 1
    assert html.count('name="revision_token"') == 1
