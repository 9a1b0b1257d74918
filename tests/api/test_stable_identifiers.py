"""API records keep their addresses: an old slug answers 301 to the record's current one;
the root links the page that states the data's licence."""

import pytest

from tests import factories as f

HOST = "http://testserver"


def rename(record, slug):
    record.slug = slug
    record.save()
    return record


@pytest.mark.parametrize(
    ("make", "prefix"),
    [
        (f.exhibition, "exhibitions"),
        (f.enterprise, "enterprises"),
        (f.region, "regions"),
        (f.article, "articles"),
        (f.publisher, "publishers"),
    ],
)
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_an_old_slug_redirects_to_the_record_keeping_the_query(client, db, make, prefix, language):
    rename(make(slug="old-name"), "new-name")
    response = client.get(f"/api/v1/{prefix}/old-name/", {"lang": language})
    assert response.status_code == 301
    assert response["Location"] == f"{HOST}/api/v1/{prefix}/new-name/?lang={language}"
    record = client.get(response["Location"])
    assert record.status_code == 200
    assert record.json()["slug"] == "new-name"
    assert record["Content-Language"] == language


def test_an_old_slug_of_a_draft_or_a_slug_never_used_is_a_404(client, db):
    rename(f.exhibition(slug="draft-old", status=f.DRAFT), "draft-new")
    for slug in ["draft-old", "draft-new", "never-used"]:
        assert client.get(f"/api/v1/exhibitions/{slug}/").status_code == 404, slug


def test_a_reused_slug_gives_its_current_owner(client, db):
    first = rename(f.exhibition(slug="shared", name="First"), "first-renamed")
    f.exhibition(slug="shared", name="Second")
    response = client.get("/api/v1/exhibitions/shared/")
    assert response.status_code == 200
    assert response.json()["name"] == "Second"
    assert client.get(f"/api/v1/exhibitions/{first.slug}/").json()["name"] == "First"


@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_the_root_links_the_data_and_licence_page(client, db, language):
    document = client.get("/api/v1/", {"lang": language}).json()
    assert document["data_page"] == f"{HOST}/{language}/data/"
    page = client.get(document["data_page"])
    assert page.status_code == 200
    assert document["licence"]["url"] in page.content.decode()
