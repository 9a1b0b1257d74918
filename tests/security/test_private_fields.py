"""Finding 1: staff filter only by the filters offered; a role never filters, searches,
sorts, exports or autocompletes by a field it may not see.

Readers' email and address on replies are for moderators (Publishers) only. Every
route is tried for each of them, as an Editor (refused) and a Publisher (allowed where
the admin offers it). The generic rule (``SafeAdminMixin.private_fields``) is tried on
the routes replies do not have (export, autocomplete) with a region field made private.
"""

import csv
import io

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from cooperation.models import Region
from tests import factories as f

REPLIES = "admin:news_reply_changelist"
PRIVATE = [("email", "reader@example.com", "reader@"), ("ip_address", "192.0.2.7", "192.0.2")]


@pytest.mark.parametrize("role", ["editor", "publisher"])
@pytest.mark.parametrize(
    "lookup",
    [
        "email__startswith=r",
        "email=reader@example.com",
        "email__iregex=^r",
        "email__isnull=False",
        "ip_address=192.0.2.7",
        "ip_address__startswith=192",
        "ip_address__in=192.0.2.7,192.0.2.8",
        "name__startswith=R",
        "text__contains=x",
        "article__title__startswith=A",
        "created_at__gte=2000-01-01",
    ],
)
def test_a_lookup_the_filters_do_not_offer_is_refused_and_counts_nothing(
    login, reply, role, lookup
):
    response = login(role).get(f"{reverse(REPLIES)}?{lookup}")
    assert response.status_code == 400
    assert b"1 reply" not in response.content


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_the_offered_filters_still_work(login, reply, role):
    client = login(role)
    url = reverse(REPLIES)
    for query, count in [
        ("status__exact=pending", 1),
        ("status__exact=approved", 0),
        (f"article__id__exact={reply.article.pk}", 1),
        (f"created_at__year={reply.created_at.year}", 1),
        (f"created_at__year={reply.created_at.year - 1}", 0),
    ]:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, query
        assert response.context["cl"].result_count == count, query


def test_no_private_filter_is_offered_to_an_editor(login, reply):
    response = login("editor").get(reverse(REPLIES))
    offered = {
        name for spec in response.context["cl"].filter_specs for name in spec.expected_parameters()
    }
    assert offered
    assert not any(name.startswith(("email", "ip_address")) for name in offered)


def test_the_article_list_refuses_a_lookup_through_its_replies(login, reply):
    for role in ("editor", "publisher"):
        url = reverse("admin:news_article_changelist") + "?replies__email__startswith=r"
        assert login(role).get(url).status_code == 400


@pytest.mark.parametrize(("field", "value", "term"), PRIVATE)
@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_search_by_a_private_field_only_for_moderators(login, reply, field, value, term, role):
    response = login(role).get(reverse(REPLIES), {"q": term})
    assert response.status_code == 200
    # Moderators search by email (the admin offers it); nobody searches by address.
    found = 1 if role == "publisher" and field == "email" else 0
    assert response.context["cl"].result_count == found


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_sorting_never_uses_a_private_field_for_an_editor(login, reply, role):
    client = login(role)
    f.reply(article=reply.article, email="another@example.com", ip_address="198.51.100.1")
    columns = len(client.get(reverse(REPLIES)).context["cl"].list_display)
    for index in range(columns + 1):
        for order in (str(index), f"-{index}.{index + 1}"):
            response = client.get(reverse(REPLIES), {"o": order})
            assert response.status_code == 200
            query = str(response.context["cl"].queryset.query).lower()
            order_by = query.rsplit("order by", 1)[-1]
            if role == "editor":
                assert "email" not in order_by and "ip_address" not in order_by
            assert b"reader@example.com" not in response.content  # never a column


@pytest.mark.parametrize(("field", "value", "term"), PRIVATE)
def test_the_reply_form_and_the_article_form_hide_them_from_an_editor(
    login, reply, field, value, term
):
    pages = [
        reverse("admin:news_reply_change", args=[reply.pk]),
        reverse("admin:news_article_change", args=[reply.article.pk]),
        reverse("admin:news_reply_history", args=[reply.pk]),
    ]
    for role, shown in (("editor", False), ("publisher", True)):
        client = login(role)
        for url in pages[:1]:
            assert (value in client.get(url).content.decode()) is shown, (role, url)
        for url in pages[1:]:
            content = client.get(url).content.decode()
            assert value not in content or shown, (role, url)


def test_replies_have_no_export_route(login, reply):
    with pytest.raises(NoReverseMatch):
        reverse("admin:news_reply_export")
    response = login("editor").get("/admin/news/reply/export/")
    assert response.status_code in {302, 404}
    assert b"reader@example.com" not in response.content


# The same rule for any admin: a region's ISO code made private for everyone but
# superusers, tried on every route, export and autocomplete included.


@pytest.fixture
def private_iso_code(monkeypatch):
    region_admin = admin.site._registry[Region]
    monkeypatch.setattr(type(region_admin), "private_fields", ("iso_code",))
    monkeypatch.setattr(
        type(region_admin),
        "may_see_private_fields",
        lambda self, request: request.user.is_superuser,
    )
    return f.region(name="Heilongjiang Province", iso_code="CN-HL")


def _export_csv(client, query=""):
    url = reverse("admin:cooperation_region_export") + query
    page = client.get(url)
    form = page.context["form"]
    csv_format = next(
        value for value, label in form.fields["format"].choices if "csv" in str(label).lower()
    )
    fields = [name for name in form.fields if name not in {"format", "resource", "export_items"}]
    response = client.post(
        url, {"format": csv_format, "resource": "0", **dict.fromkeys(fields, "on")}
    )
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(("role", "sees"), [("editor", False), ("superuser", True)])
def test_a_private_field_on_every_route(login, private_iso_code, role, sees):
    client = login(role)
    changelist = reverse("admin:cooperation_region_changelist")

    lookup = client.get(changelist, {"iso_code": "CN-HL"})
    assert lookup.status_code == 400  # not an offered filter, for anyone

    search = client.get(changelist, {"q": "CN-HL"})
    assert search.context["cl"].result_count == (1 if sees else 0)

    listing = client.get(changelist).content.decode()
    assert ("CN-HL" in listing) is sees

    for index in range(12):
        response = client.get(changelist, {"o": str(index)})
        order_by = str(response.context["cl"].queryset.query).lower().rsplit("order by", 1)[-1]
        assert ("iso_code" in order_by) is False or sees

    form = client.get(reverse("admin:cooperation_region_change", args=[private_iso_code.pk]))
    assert ("CN-HL" in form.content.decode()) is sees

    rows = _export_csv(client)
    assert rows
    assert ("iso_code" in rows[0]) is sees
    assert any("CN-HL" in row.values() for row in rows) is sees

    autocomplete = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "cooperation", "model_name": "city", "field_name": "region", "term": "CN-HL"},
    )
    assert autocomplete.status_code == 200
    assert bool(autocomplete.json()["results"]) is sees
