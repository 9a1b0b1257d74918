"""slug_url() and named_url() give what reverse() gives, in every language."""

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from web.addresses import named_url, slug_url


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("slug", ["heilongjiang", "6th-china-russia-expo", "a_b-9"])
def test_a_record_address_is_what_reverse_gives(code, slug):
    with translation.override(code):
        expected = reverse("expo:enterprise-detail", kwargs={"slug": slug})
        assert slug_url("expo:enterprise-detail", slug) == expected
        assert expected.startswith(f"/{code}/")
        assert named_url("expo:enterprise-list") == reverse("expo:enterprise-list")


def test_a_slug_that_is_not_plain_goes_through_reverse():
    with pytest.raises(NoReverseMatch):
        slug_url("expo:enterprise-detail", "not a slug/../x")
