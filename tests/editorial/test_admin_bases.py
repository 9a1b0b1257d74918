"""The admin bases compose in any order, and an Editor still cannot publish through them.

A content admin lists what it needs: ``publishing.admin.PublishableAdmin``,
``sources.admin.CitingAdmin``, ``exchange.admin.ImportExportAdmin``. Whichever order
they come in, the admin has every base's part, and the publishing rule holds.
"""

import itertools

import pytest
from django.contrib import admin
from django.contrib.admin import AdminSite
from django.db.models import URLField

from exchange.admin import ImportExportAdmin
from expo.models import Enterprise, EnterpriseCitation
from expo.resources import EnterpriseResource
from publishing.admin import PublishableAdmin
from publishing.dashboard import PublicationFilter
from publishing.linked_drafts import LinkedStateForm
from publishing.locking import FingerprintForm
from publishing.models import PUBLICATION_FIELDS, EditorialStatus
from publishing.translation_status import MissingTranslationFilter
from sources.admin import CitedFilter, CitingAdmin
from sources.models import has_citations
from tests import factories as f

DRAFT, PUBLISHED = EditorialStatus.DRAFT, EditorialStatus.PUBLISHED
BASES = (PublishableAdmin, CitingAdmin, ImportExportAdmin)
PUBLISH_ACTIONS = {"publish", "unpublish", "publish_with_linked_drafts"}


@pytest.fixture(params=list(itertools.permutations(BASES)), ids=lambda bases: "-".join(
    base.__name__ for base in bases
))  # fmt: skip
def enterprise_admin(request):
    attrs = {
        "resource_classes": [EnterpriseResource],
        "list_display": ["name"],
        "formfield_overrides": {URLField: {"assume_scheme": "https"}},
    }
    return type("EnterpriseAdmin", request.param, attrs)(Enterprise, AdminSite(name="bases"))


@pytest.fixture
def as_role(rf, make_user):
    def _request(role):
        request = rf.get("/admin/expo/enterprise/")
        request.user = make_user(role)
        return request

    return _request


def test_every_base_gives_its_part_in_any_order(enterprise_admin, as_role):
    request = as_role("publisher")
    assert enterprise_admin.get_list_display(request)[0] == "name"
    assert set(enterprise_admin.get_list_display(request)) == {
        "name",
        "missing_translations",
        "sources_cited",
        "publication",
    }
    filters = enterprise_admin.get_list_filter(request)
    assert {PublicationFilter, MissingTranslationFilter, CitedFilter} <= set(filters)
    inlines = enterprise_admin.get_inlines(request, None)
    assert [inline.model for inline in inlines] == [EnterpriseCitation]
    names = {pattern.name for pattern in enterprise_admin.get_urls()}
    assert {
        "expo_enterprise_import",
        "expo_enterprise_import_template",
        "expo_enterprise_export",
        "expo_enterprise_history_compare",
        "expo_enterprise_simple_history",
    } <= names
    assert set(enterprise_admin.get_actions(request)) >= PUBLISH_ACTIONS
    firm = f.enterprise()
    form = enterprise_admin.get_form(request, firm, change=True)
    assert issubclass(form, LinkedStateForm) and issubclass(form, FingerprintForm)
    assert form.model_admin is enterprise_admin


def test_an_editor_cannot_publish_in_any_order(enterprise_admin, as_role):
    request = as_role("editor")
    firm = f.enterprise(status=DRAFT)
    assert set(PUBLICATION_FIELDS) <= set(enterprise_admin.get_readonly_fields(request, firm))
    assert not PUBLISH_ACTIONS & set(enterprise_admin.get_actions(request))

    firm.status = PUBLISHED  # a tampered form, or a revert to a published version
    enterprise_admin.save_model(request, firm, None, change=True)
    firm.refresh_from_db()
    assert firm.status == DRAFT


def test_every_model_that_cites_sources_shows_its_citations_in_the_admin():
    for model in Enterprise._meta.apps.get_models():
        if admin.site.is_registered(model):
            model_admin = admin.site.get_model_admin(model)
            assert has_citations(model) == isinstance(model_admin, CitingAdmin), model
