"""Helpers shared with the public-page tests: ``get`` (a GET that insists on the status)."""

import pytest
from django.utils import translation

from tests.public.conftest import get  # noqa: F401


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Each test starts and ends in English.

    LocaleMiddleware activates the language of each request in the test's thread and
    leaves it active, so a record made after a GET of a /ru/ page would otherwise get
    its names in Russian.
    """
    translation.activate("en")
    yield
    translation.activate("en")
