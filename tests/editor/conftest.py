"""An Editor and a Publisher logged in (the editorial suite's roles), and the few
records that imports and linked drafts refer to."""

import pytest

from tests import factories as f
from tests.editorial.conftest import login, make_user  # noqa: F401 (fixtures)


@pytest.fixture
def editor(login):  # noqa: F811
    return login("editor")


@pytest.fixture
def publisher(login):  # noqa: F811
    return login("publisher")


@pytest.fixture
def world(db):
    china, russia = f.country("CN"), f.country("RU")
    f.region(slug="heilongjiang", country=china)
    f.region(slug="sakha", country=russia)
    f.sector(slug="energy")
