"""A citation states a fact its record can have: any record's name, description or the
record in general, and the facts of its kind (a region's ISO code, an exhibition's
exhibitor counts). The admin offers and accepts no other, nor does the database."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from cooperation.models import RegionCitation
from tests import factories as f

from .conftest import soup

pytestmark = pytest.mark.django_db

REGION_FACTS = {
    "general",
    "name",
    "chinese_name",
    "russian_name",
    "description",
    "iso_code",
    "part_of",
    "administrative_centre",
}


@pytest.mark.parametrize(
    ("make", "supports", "accepted"),
    [
        (f.region, "iso_code", True),
        (f.region, "name", True),
        (f.region, "exhibitor_counts", False),
        (f.city, "general", True),
        (f.city, "iso_code", False),
        (f.exhibition, "exhibitor_counts", True),
        (f.exhibition, "iso_code", False),
        (f.forum, "participants", True),
        (f.forum, "guests_of_honour", False),
        (f.trade_figure, "figure", True),
        (f.trade_figure, "statement", False),
        (f.sector, "description", True),
        (f.sector, "not_a_fact", False),
    ],
)
def test_the_database_keeps_only_the_facts_a_record_can_have(make, supports, accepted):
    record = make()
    source = f.source()
    try:
        with transaction.atomic():
            f.cite(record, source, supports)
    except IntegrityError:
        stored = False
    else:
        stored = True
    assert stored is accepted
    assert record.citations.filter(supports=supports).exists() is accepted


def _form_data(form):
    """What the browser would post for ``form`` as the page shows it."""
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            data[field["name"]] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[field["name"]] = field.text
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[field["name"]] = field.get("value", "on")
        elif field.get("type") not in {"submit", "file"}:
            data[field["name"]] = field.get("value", "")
    return data


def test_the_admin_offers_and_accepts_only_a_regions_facts(admin_client):
    with translation.override("en"):  # the admin's form asks for the English name
        region = f.region()
        url = reverse("admin:cooperation_region_change", args=[region.pk])
    source = f.source()
    form = soup(admin_client.get(url)).select_one("form#region_form")
    offered = form.select_one("select[name=citations-__prefix__-supports]")
    assert {option["value"] for option in offered.select("option")} - {""} == REGION_FACTS
    assert "exhibitor counts" not in offered.get_text()

    data = _form_data(form)
    total = int(data["citations-TOTAL_FORMS"])
    data.update(
        {
            "citations-TOTAL_FORMS": str(total + 1),
            f"citations-{total}-source": str(source.pk),
            f"citations-{total}-supports": "exhibitor_counts",
        }
    )
    page = soup(admin_client.post(url, data))
    errors = page.select_one(f"select[name=citations-{total}-supports]").find_parent("td")
    assert "Select a valid choice" in errors.get_text(" ", strip=True)
    assert not RegionCitation.objects.exists()

    data[f"citations-{total}-supports"] = "iso_code"
    assert admin_client.post(url, data).status_code == 302
    assert RegionCitation.objects.get(record=region, source=source).supports == "iso_code"
