"""Issue 26: the enterprise export fills the "exhibition" column the import reads (the
slugs of the enterprise's exhibitions, separated by commas), so an export imports back
unchanged with its links, and the export reads the links in one query, whatever the
number of enterprises."""

import datetime
import io
import re

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from expo.models import Enterprise, EnterpriseParticipation
from expo.resources import EnterpriseResource
from tests import factories as f

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"  # the order of ImportExportAdmin.formats
EXPORT = reverse("admin:expo_enterprise_export")
FIFTH, SIXTH = "5th-china-russia-expo", "6th-china-russia-expo"


@pytest.fixture
def expos(world):
    fifth = f.exhibition(slug=FIFTH, start_date=datetime.date(2018, 7, 9))
    sixth = f.exhibition(slug=SIXTH, start_date=datetime.date(2019, 6, 15))
    china, russia = f.country("CN"), f.country("RU")
    lena = f.enterprise(slug="lena-grain", name="Lena Grain", country=russia)
    harbin = f.enterprise(slug="harbin-electric", name="Harbin Electric", country=china)
    f.enterprise(slug="amur-timber", name="Amur Timber", country=russia)
    f.enterprise_participation(enterprise=lena, exhibition=sixth, stand="A-12")
    f.enterprise_participation(enterprise=harbin, exhibition=sixth)
    f.enterprise_participation(enterprise=harbin, exhibition=fifth)
    return fifth, sixth


def _export(client, file_format=CSV):
    """Every column of the enterprise export, as the admin's export page offers them."""
    form = client.get(EXPORT).context["form"]
    chosen = {name: "on" for name in form.fields if name.startswith("enterpriseresource_")}
    response = client.post(EXPORT, {"format": file_format, "resource": "0", **chosen})
    assert response.status_code == 200
    return response.content


def _read(content, file_format=CSV):
    if file_format == XLSX:
        return tablib.Dataset().load(io.BytesIO(content), format="xlsx")
    return tablib.Dataset().load(content.decode("utf-8-sig"), format="csv")


def _preview(client, content, file_format=CSV):
    name = "enterprises.xlsx" if file_format == XLSX else "enterprises.csv"
    return client.post(
        reverse("admin:expo_enterprise_import"),
        {"import_file": SimpleUploadedFile(name, content), "format": file_format, "resource": "0"},
    )


def _confirm(client, preview):
    form = preview.context["confirm_form"]
    return client.post(
        reverse("admin:expo_enterprise_process_import"),
        {name: form.initial[name] for name in form.fields},
        follow=True,
    )


def _links():
    return set(
        EnterpriseParticipation.objects.values_list(
            "pk", "enterprise__slug", "exhibition__slug", "stand"
        )
    )


def _records():
    return list(Enterprise.objects.order_by("slug").values())


def test_the_export_names_each_enterprises_exhibitions(publisher, expos):
    rows = {row["slug"]: row["exhibition"] for row in _read(_export(publisher)).dict}
    assert rows == {
        "lena-grain": SIXTH,
        "harbin-electric": f"{FIFTH}, {SIXTH}",  # the older exhibition first
        "amur-timber": "",
    }


@pytest.mark.parametrize("file_format", [CSV, XLSX], ids=["csv", "xlsx"])
def test_an_export_imports_back_unchanged_with_its_links(publisher, expos, file_format):
    links, records = _links(), _records()
    exported = _export(publisher, file_format)

    preview = _preview(publisher, exported, file_format)
    page = preview.content.decode()
    assert "3 rows: 0 new, 3 updated." in page
    assert not re.search(r"<(ins|del)>", page), "the preview shows no change"
    done = _confirm(publisher, preview)
    assert "Import finished" in done.content.decode()

    assert _links() == links, "the same links, none added or lost"
    assert _records() == records
    again = _export(publisher, file_format)
    assert _read(again, file_format).dict == _read(exported, file_format).dict


def test_a_row_naming_two_exhibitions_links_both_and_keeps_the_other_links(publisher, expos):
    other = f.exhibition(slug="2nd-russia-china-expo")
    f.enterprise_participation(
        enterprise=Enterprise.objects.get(slug="amur-timber"), exhibition=other
    )
    rows = tablib.Dataset(
        ["amur-timber", "Amur Timber", "RU", f" {SIXTH} ，{FIFTH};{SIXTH}"],
        headers=["slug", "name_en", "country", "exhibition"],
    )
    _confirm(publisher, _preview(publisher, rows.export("csv").encode()))
    linked = EnterpriseParticipation.objects.filter(enterprise__slug="amur-timber")
    assert set(linked.values_list("exhibition__slug", flat=True)) == {
        FIFTH,
        SIXTH,
        "2nd-russia-china-expo",
    }


def test_an_unknown_exhibition_in_the_list_names_its_row_and_slug(publisher, expos):
    rows = tablib.Dataset(
        ["amur-timber", "Amur Timber", "RU", f"{SIXTH}, 7th-expo"],
        headers=["slug", "name_en", "country", "exhibition"],
    )
    preview = _preview(publisher, rows.export("csv").encode())
    assert (
        "Row 2, column “exhibition”: No exhibition with slug “7th-expo”."
        in preview.content.decode()
    )
    assert "confirm_form" not in preview.context


def test_the_exhibition_column_of_one_enterprise_outside_an_export(expos):
    harbin = Enterprise.objects.get(slug="harbin-electric")
    resource = EnterpriseResource()
    assert resource.export_field(resource.fields["exhibition"], harbin) == f"{FIFTH}, {SIXTH}"


def _export_queries(client):
    with CaptureQueriesContext(connection) as queries:
        _export(client)
    return len(queries)


def test_the_export_reads_the_links_in_one_query_whatever_the_rows(publisher, expos):
    _fifth, sixth = expos
    few = _export_queries(publisher)
    for n in range(40):
        firm = f.enterprise(slug=f"firm-{n}", name=f"Firm {n}")
        f.enterprise_participation(enterprise=firm, exhibition=sixth)
    many = _export_queries(publisher)
    assert many == few, "no query per row"
    rows = _read(_export(publisher)).dict
    assert len(rows) == 43
    assert sum(row["exhibition"] == SIXTH for row in rows) == 41
