"""Import explains itself (issue 13): template, columns in plain words, slugs from names,
messages instead of tracebacks, participations."""

import io

import openpyxl
import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cooperation.models import Region
from expo.models import Enterprise, EnterpriseParticipation
from tests import factories as f

pytestmark = pytest.mark.django_db
CSV = "0"


def _post(client, model, dataset):
    return client.post(
        reverse(f"admin:{model}_import"),
        {
            "import_file": SimpleUploadedFile("file.csv", dataset.export("csv").encode()),
            "format": CSV,
            "resource": "0",
        },
    )


def _confirm(client, model, preview):
    form = preview.context["confirm_form"]
    return client.post(
        reverse(f"admin:{model}_process_import"), {n: form.initial[n] for n in form.fields}
    )


def test_the_import_page_explains_each_column_and_offers_templates(editor):
    page = editor.get(reverse("admin:expo_enterprise_import")).content.decode()
    assert "The country as its two-letter ISO code: CN for China, RU for Russia." in page
    assert "The region as its slug (its address on the site), e.g. heilongjiang" in page
    assert "Allowed: draft (Draft), published (Published)." in page
    assert "make it from the English name" in page
    for extension in ("csv", "xlsx"):
        url = reverse("admin:expo_enterprise_import_template", args=[extension])
        assert f'href="{url}"' in page


def test_the_csv_template_has_the_columns_and_one_example_row(editor):
    response = editor.get(reverse("admin:expo_enterprise_import_template", args=["csv"]))
    assert response["Content-Disposition"] == (
        'attachment; filename="enterprise-import-template.csv"'
    )
    data = tablib.Dataset().load(response.content.decode("utf-8-sig"), format="csv")
    assert data.headers[:4] == ["slug", "name_en", "name_ru", "name_zh_hans"]
    assert "status" in data.headers and "region" in data.headers
    assert len(data) == 1
    row = data.dict[0]
    assert (row["country"], row["region"], row["status"]) == ("CN", "heilongjiang", "draft")


def test_the_region_template_is_a_real_record_of_the_fixtures(editor):
    response = editor.get(reverse("admin:cooperation_region_import_template", args=["xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).active
    headers, example = list(sheet.iter_rows(values_only=True))
    row = dict(zip(headers, example, strict=True))
    assert row["slug"] == "heilongjiang"
    assert row["name_en"] == "Heilongjiang Province"
    assert row["name_zh_hans"] == "黑龙江省"
    assert (row["country"], row["parent"], row["iso_code"]) == ("CN", "northeast-china", "CN-HL")


def test_the_filled_in_template_imports(editor, world):
    response = editor.get(reverse("admin:expo_enterprise_import_template", args=["csv"]))
    data = tablib.Dataset().load(response.content.decode("utf-8-sig"), format="csv")
    data = tablib.Dataset(*data, headers=data.headers)
    row = list(data[0])
    row[data.headers.index("name_en")] = "Harbin Turbine Works"
    data[0] = row

    preview = _post(editor, "expo_enterprise", data)
    assert not preview.context["result"].has_validation_errors()
    _confirm(editor, "expo_enterprise", preview)

    made = Enterprise.objects.get()
    assert made.slug == "harbin-turbine-works", "the slug made from the English name"
    assert made.region.slug == "heilongjiang" and made.status == "draft"


def test_a_file_without_a_slug_column_gets_slugs_from_the_names(publisher, world):
    data = tablib.Dataset(
        ["Harbin Electric", "CN"], ["Yakutia Power", "RU"], headers=["name_en", "country"]
    )
    preview = _post(publisher, "expo_enterprise", data)
    page = preview.content.decode()
    assert "Traceback" not in page
    _confirm(publisher, "expo_enterprise", preview)
    assert set(Enterprise.objects.values_list("slug", flat=True)) == {
        "harbin-electric",
        "yakutia-power",
    }


def test_an_empty_slug_cell_is_made_from_the_name_and_a_row_without_either_is_named(
    publisher, world
):
    data = tablib.Dataset(
        ["", "Harbin Electric", "CN"], ["", "", "RU"], headers=["slug", "name_en", "country"]
    )
    preview = _post(publisher, "expo_enterprise", data)
    assert [row.number for row in preview.context["result"].invalid_rows] == [2]
    assert "No slug, and no English name to make one from" in preview.content.decode()


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        (["name_ru", "country"], "The file needs a “slug” column or a “name_en” column"),
        (["slug", "name_en", "Country"], "Unknown column(s): “Country”."),
    ],
    ids=["no-slug-or-name", "unknown-column"],
)
def test_file_problems_are_messages_not_tracebacks(publisher, world, headers, message):
    data = tablib.Dataset(["x"] * len(headers), headers=headers)
    preview = _post(publisher, "expo_enterprise", data)
    page = preview.content.decode()
    assert message in page
    assert "Traceback" not in page and "FieldError" not in page
    assert "confirm_form" not in preview.context


def test_a_missing_required_column_value_names_the_row(publisher, world):
    data = tablib.Dataset(
        ["a-firm", "A Firm", "CN"], ["b-firm", "B Firm", ""], headers=["slug", "name_en", "country"]
    )
    preview = _post(publisher, "expo_enterprise", data)
    assert [row.number for row in preview.context["result"].invalid_rows] == [2]
    assert "This column must not be empty." in preview.content.decode()


def test_participations_are_imported_and_updated(publisher, world):
    firm = f.enterprise(slug="harbin-electric", country=f.country("CN"))
    expo = f.exhibition(slug="6th-china-russia-expo")
    data = tablib.Dataset(
        ["harbin-electric", "6th-china-russia-expo", "A-12"],
        headers=["enterprise", "exhibition", "stand"],
    )
    _confirm(
        publisher,
        "expo_enterpriseparticipation",
        _post(publisher, "expo_enterpriseparticipation", data),
    )
    row = EnterpriseParticipation.objects.get()
    assert (row.enterprise, row.exhibition, row.stand) == (firm, expo, "A-12")

    data[0] = ("harbin-electric", "6th-china-russia-expo", "B-3")
    _confirm(
        publisher,
        "expo_enterpriseparticipation",
        _post(publisher, "expo_enterpriseparticipation", data),
    )
    assert EnterpriseParticipation.objects.get().stand == "B-3"
    assert row.history.count() == 2


def test_a_participation_of_an_unknown_enterprise_names_the_row(publisher, world):
    f.exhibition(slug="6th-china-russia-expo")
    data = tablib.Dataset(
        ["no-such-firm", "6th-china-russia-expo", ""], headers=["enterprise", "exhibition", "stand"]
    )
    preview = _post(publisher, "expo_enterpriseparticipation", data)
    assert [row.number for row in preview.context["result"].invalid_rows] == [1]
    assert "No enterprise with slug “no-such-firm”." in preview.content.decode()


def test_a_bad_row_in_a_bulk_import_is_named_and_nothing_is_written(publisher, world):
    rows = [[f"firm-{n}", f"Firm {n}", "CN", "heilongjiang"] for n in range(1500)]
    rows[1234][3] = "sakha"  # a Russian region for a Chinese enterprise
    data = tablib.Dataset(*rows, headers=["slug", "name_en", "country", "region"])
    preview = _post(publisher, "expo_enterprise", data)
    assert [row.number for row in preview.context["result"].invalid_rows] == [1235]
    assert "The region must be in the enterprise&#x27;s country." in preview.content.decode()
    assert not Enterprise.objects.exists()
    assert Region.objects.count() == 2


def test_the_template_uploaded_unchanged_is_refused_naming_the_cell(editor, world):
    response = editor.get(reverse("admin:expo_enterprise_import_template", args=["csv"]))
    data = tablib.Dataset().load(response.content.decode("utf-8-sig"), format="csv")
    preview = _post(editor, "expo_enterprise", data)
    page = preview.content.decode()
    assert (
        "Row 2, column “name_en”: replace the template&#x27;s “(the enterprise&#x27;s name in "
        "English)” with the real value." in page
    )
    assert "confirm_form" not in preview.context
    assert not Enterprise.objects.exists()
