"""Addresses of records, as ``reverse()`` gives them, without resolving the pattern each time.

A list page links every row to its record and to the records it names (an enterprise,
its country, region and sector): about a hundred ``reverse()`` calls on a page of the
directory, each walking the URL patterns. ``slug_url()`` reverses a pattern once per
language (with a marker for the slug) and puts each slug in its place; a slug that is
not a plain slug (letters, digits, hyphens, underscores) still goes through
``reverse()``, which checks and escapes it.
"""

import re
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

MARKER = "slug-address-marker"
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")


@lru_cache(maxsize=1024)
def _address(url_name, language, prefix, urlconf):
    return reverse(url_name, kwargs={"slug": MARKER}, urlconf=urlconf)


@lru_cache(maxsize=256)
def _named(url_name, language, prefix, urlconf):
    return reverse(url_name, urlconf=urlconf)


def slug_url(url_name, slug):
    """``reverse(url_name, kwargs={"slug": slug})``, in the active language."""
    if not PLAIN_SLUG.match(slug):
        return reverse(url_name, kwargs={"slug": slug})
    address = _address(url_name, get_language(), get_script_prefix(), get_urlconf())
    return address.replace(MARKER, slug, 1)


def named_url(url_name):
    """``reverse(url_name)`` for a page without arguments, in the active language."""
    return _named(url_name, get_language(), get_script_prefix(), get_urlconf())


@receiver(setting_changed)
def _forget_addresses(**kwargs):
    """A test that changes the URLs or languages (override_settings) gets fresh ones."""
    _address.cache_clear()
    _named.cache_clear()
