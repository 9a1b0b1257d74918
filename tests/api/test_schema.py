"""The OpenAPI document is valid, and every path it documents answers as documented,
in each language: status 200, JSON, and a body that its response schema accepts."""

import itertools
import re

import pytest
import yaml
from django.conf import settings
from django.test import override_settings
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def document(client, db):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_openapi_document_is_valid_openapi_3_1(document):
    assert document["openapi"] == "3.1.0"
    assert document["info"]["license"]["name"] == "CC BY 4.0"
    validate(document)  # raises on any error


def a_slug(client, list_path):
    results = client.get(list_path).json()["results"]
    assert results, f"{list_path} should hold a record for this test"
    return results[0]["slug"]


@override_settings(API_RATE_LIMIT="10000/min")  # many requests from one address
def test_every_documented_path_answers_as_documented_in_each_language(
    client, article_data, document
):
    # The article data has no enterprise, sector or fund: one of each, live.
    from tests import factories

    factories.enterprise(name="Harbin Bearing", sector=factories.sector())
    factories.fund(council=None)
    components = document["components"]
    assert len(document["paths"]) >= 30
    for language, (template, operations) in itertools.product(LANGUAGES, document["paths"].items()):
        path = template
        if "{slug}" in template:
            path = template.replace("{slug}", a_slug(client, template.split("{slug}")[0]))
        response = client.get(path, {"lang": language})
        documented = operations["get"]["responses"]["200"]["content"]["application/json"]
        assert response.status_code == 200, path
        assert response["Content-Type"] == "application/json"
        assert response["Content-Language"] == language
        schema = {**documented["schema"], "components": components}
        errors = list(OAS31Validator(schema).iter_errors(response.json()))
        assert errors == [], (path, [(error.json_path, error.message) for error in errors])
        assert not re.search(r'": ""', response.content.decode()), "unknown is null, never ''"
