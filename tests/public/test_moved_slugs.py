"""An old address of a record whose slug an editor changed answers 301 to the new one."""

import pytest

from tests import factories as f

LANGUAGES = ["en", "ru", "zh-hans"]
# (factory, the address of a record by its slug, without the language prefix)
PAGES = [
    (f.exhibition, "exhibitions/{}/"),
    (f.enterprise, "enterprises/{}/"),
    (f.forum, "forums/{}/"),
    (f.region, "regions/{}/"),
    (f.city, "cities/{}/"),
    (f.article, "articles/{}/"),
]


def rename(record, slug):
    record.slug = slug
    record.save()
    return record


@pytest.mark.parametrize(("make", "address"), PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_old_address_redirects_to_the_new_one_keeping_the_query(
    client, db, make, address, language
):
    rename(make(slug="old-name"), "new-name")
    old = f"/{language}/{address.format('old-name')}"
    new = f"/{language}/{address.format('new-name')}"
    response = client.get(old, {"format": "json", "utm_source": "x"})
    assert response.status_code == 301
    assert response["Location"] == f"{new}?format=json&utm_source=x"
    assert client.get(new).status_code == 200


def test_every_old_slug_redirects_after_several_changes(client, db):
    exhibition = f.exhibition(slug="first")
    rename(exhibition, "second")
    rename(exhibition, "third")
    for old in ["first", "second"]:
        response = client.get(f"/ru/exhibitions/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/ru/exhibitions/third/"


def test_a_draft_is_not_revealed_by_its_old_slug(client, db):
    rename(f.exhibition(slug="draft-old", status=f.DRAFT), "draft-new")
    assert client.get("/en/exhibitions/draft-old/").status_code == 404
    assert client.get("/en/exhibitions/draft-new/").status_code == 404


def test_a_record_taken_down_after_the_change_is_a_404_at_both_addresses(client, db):
    exhibition = rename(f.exhibition(slug="was-live"), "renamed")
    exhibition.status = f.DRAFT
    exhibition.save()
    assert client.get("/en/exhibitions/was-live/").status_code == 404
    assert client.get("/en/exhibitions/renamed/").status_code == 404


def test_a_slug_never_used_is_a_404(client, db):
    f.exhibition(slug="real")
    assert client.get("/en/exhibitions/never-used/").status_code == 404


def test_a_slug_of_another_kind_of_record_is_not_followed(client, db):
    rename(f.forum(slug="old-forum"), "new-forum")
    assert client.get("/en/exhibitions/old-forum/").status_code == 404


def test_a_reused_slug_belongs_to_its_current_owner(client, db):
    first = rename(f.exhibition(slug="shared", name="First"), "first-renamed")
    f.exhibition(slug="shared", name="Second")
    response = client.get("/en/exhibitions/shared/")
    assert response.status_code == 200
    assert "<h1>Second" in response.content.decode()
    assert client.get(first.get_absolute_url()).status_code == 200


def test_a_reused_slug_given_up_again_follows_its_last_owner(client, db):
    rename(f.exhibition(slug="shared"), "first-renamed")
    rename(f.exhibition(slug="shared"), "second-renamed")
    response = client.get("/zh-hans/exhibitions/shared/")
    assert response.status_code == 301
    assert response["Location"] == "/zh-hans/exhibitions/second-renamed/"


def test_a_draft_taking_a_slug_does_not_show_until_it_is_live(client, db):
    first = rename(f.exhibition(slug="shared"), "first-renamed")
    draft = f.exhibition(slug="shared", status=f.DRAFT)
    response = client.get("/en/exhibitions/shared/")
    assert response.status_code == 301
    assert response["Location"] == first.get_absolute_url()
    draft.status = f.PUBLISHED
    draft.save()
    assert client.get("/en/exhibitions/shared/").status_code == 200
